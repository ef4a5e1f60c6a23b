//! Sending results to the programme: a "return" file made from this assessment with one
//! click — levels per question, the council's context and the framework, with no notes and no
//! names of people (the respondent's role only if ticked).

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::use_results;
use crate::app::blocks::Checkbox;
use crate::app::downloads::{file_name, offer_text};
use crate::app::state::use_app;
use crate::browser::now_iso;
use crate::domain::dates::file_date;
use crate::domain::programme::Return;

#[component]
pub fn ReturnSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let include_role = RwSignal::new(false);
    let download = move |_| {
        if let Some(d) = results.get_untracked() {
            let r =
                Return::from_assessment(&d.assessment, &now_iso(), include_role.get_untracked());
            let name = file_name(
                app,
                t.file_return,
                &file_date(&d.assessment.created),
                "json",
            );
            offer_text(app, &name, "application/json", &r.to_json());
        }
    };
    let missing_context =
        move || results.with(|r| r.as_ref().is_some_and(|r| r.assessment.context.is_empty()));
    view! {
        <section class="cmm-return cmm-no-print" aria-labelledby="cmm-return-heading">
            <Heading depth=3 class="cmm-heading-s" id="cmm-return-heading">{t.return_heading}</Heading>
            <p class="cmm-body">{t.return_intro}</p>
            // Shown as text to copy, never a link: where returns go is the programme's to say.
            {match app.catalogue.config(|c| c.return_to.clone()) {
                Some(address) => view! {
                    <p class="cmm-body" id="cmm-return-to">{t.return_send_to}" "<strong class="cmm-code">{address}</strong></p>
                }.into_any(),
                None => view! { <p class="cmm-body" id="cmm-return-to">{t.return_send_unset}</p> }.into_any(),
            }}
            <p class="cmm-body">{t.return_next}</p>
            {move || missing_context().then(|| view! { <p class="cmm-body cmm-inset">{t.return_no_context}</p> })}
            <Checkbox id="cmm-return-role" label=t.return_role hint=t.return_role_hint checked=include_role
                on_change=Callback::new(move |on| include_role.set(on)) />
            {move || if app.limits.get().no_downloads {
                view! { <p class="cmm-body cmm-inset">{t.sandbox_downloads}</p> }.into_any()
            } else {
                view! {
                    <div class="cmm-button-group">
                        <button type="button" class="cmm-button cmm-button--secondary" on:click=download>{t.return_download}</button>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
