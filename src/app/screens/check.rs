//! Check your answers: a summary by theme with Change links; unanswered questions stand out.

use leptos::prelude::*;

use super::overview::SetAside;
use super::theme::question_group_id;
use crate::app::blocks::{Heading, PageHeading};
use crate::app::shell::{follow, follow_here};
use crate::app::state::nav::Arrival;
use crate::app::state::use_app;
use crate::domain::Rating;
use crate::route::Route;
use crate::text::fill;

pub fn check_page() -> impl IntoView {
    view! { <CheckPage /> }
}

#[component]
fn CheckPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    super::preload_next();
    let Some(framework) = app.current_framework() else {
        return ().into_any();
    };
    let framework = StoredValue::new_local(framework);
    let unanswered = move || {
        app.current.with(|a| {
            a.as_ref()
                .map(|a| framework.with_value(|f| a.unanswered(f).count()))
                .unwrap_or(0)
        })
    };
    let themes = move || {
        app.current.with(|a| {
            let a = a.as_ref()?;
            let nation = a.context.nation();
            Some(framework.with_value(|f| {
                f.themes
                    .iter()
                    .filter(|theme| theme.questions.iter().any(|q| a.asks(f, &q.id)))
                    .map(|theme| {
                        let route = Route::Theme(theme.id.clone());
                        let rows = theme
                            .questions
                            .iter()
                            .filter(|q| a.asks(f, &q.id))
                            .map(|q| {
                                let answer = a.answers.get(&q.id);
                                let rating = answer.and_then(|ans| ans.rating);
                                let note = answer.map(|ans| ans.note.clone()).filter(|n| !n.is_empty());
                                // The rung's statement follows a level, so the answer reads in full.
                                let statement = rating.and_then(Rating::level).map(|l| q.levels[l.index()].statement_in(nation).clone());
                                let route = route.clone();
                                let arrival = Arrival { focus: question_group_id(&q.id), back: Route::Check };
                                let (action, action_hidden) = if rating.is_none() {
                                    (t.answer_now, t.answer_now_hidden)
                                } else {
                                    (t.change, t.change_hidden)
                                };
                                view! {
                                    <div class="cmm-summary__row" class:cmm-summary__row--missing=rating.is_none()>
                                        <dt class="cmm-summary__key">{q.title.clone()}</dt>
                                        <dd class="cmm-summary__value">
                                            <strong class:cmm-summary__missing=rating.is_none()>{t.answer_label(f, rating)}</strong>
                                            {statement.map(|s| view! { <span class="cmm-summary__statement">{s}</span> })}
                                            {note.map(|n| view! { <span class="cmm-summary__note">{t.note_prefix}{n}</span> })}
                                        </dd>
                                        <dd class="cmm-summary__actions">
                                            <a class="cmm-link" href=route.to_hash() on:click=move |ev| {
                                                if follow_here(&ev) {
                                                    ev.prevent_default();
                                                    app.nav.go_to_field(route.clone(), arrival.clone());
                                                }
                                            }>
                                                {action}
                                                <span class="cmm-visually-hidden">{fill(action_hidden, &[("question", &q.title)])}</span>
                                            </a>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! {
                            <Heading depth=2 class="cmm-heading-m" text=theme.title.clone() />
                            <dl class="cmm-summary">{rows}</dl>
                        }
                    })
                    .collect_view()
            }))
        })
    };
    view! {
        <PageHeading>{t.check_heading}</PageHeading>
        {move || {
            let n = unanswered();
            (n > 0).then(|| view! { <p class="cmm-body cmm-inset cmm-inset--warning">{t.count(&t.check_unanswered, n)}</p> })
        }}
        {themes}
        <SetAside />
        <div class="cmm-button-group">
            <a class="cmm-button" href=Route::Results.to_hash() on:click=move |ev| follow(ev, app.nav, Route::Results)>{t.see_results}</a>
        </div>
    }
    .into_any()
}
