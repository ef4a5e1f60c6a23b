//! The start page: what this is, who it is for, how long it takes, and that answers stay here.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::domain::AssessmentKind;
use crate::text::fill;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let (title, description, questions, quick) = state.framework.with_value(|f| {
        (
            f.title.clone(),
            f.description.clone(),
            f.question_count(),
            f.quick_check.len(),
        )
    });
    let kind = RwSignal::new(AssessmentKind::Full);
    let organisation = RwSignal::new(state.config.with_value(|c| c.organisation.clone()));
    let role = RwSignal::new(String::new());
    let has_current = move || state.data.with(|d| d.current().is_some());
    let counts: [(&str, &dyn std::fmt::Display); 2] =
        [("questions", &questions), ("quick", &quick)];
    let kinds = [
        (
            AssessmentKind::Full,
            t.kind_full,
            fill(t.kind_full_hint, &counts),
        ),
        (
            AssessmentKind::Quick,
            t.kind_quick,
            fill(t.kind_quick_hint, &counts),
        ),
    ];
    view! {
        <PageHeading>{title}</PageHeading>
        <p class="cmm-body cmm-lead">{description}</p>
        <h2 class="cmm-heading-m">{t.start_who_heading}</h2>
        <p class="cmm-body">{t.start_who}</p>
        <h2 class="cmm-heading-m">{t.start_time_heading}</h2>
        <p class="cmm-body">{fill(t.start_time, &counts)}</p>
        <h2 class="cmm-heading-m">{t.start_privacy_heading}</h2>
        <p class="cmm-body">{t.start_privacy}</p>
        <p class="cmm-body cmm-inset">{t.start_backup_advice}</p>
        {move || has_current().then(|| view! {
            <p class="cmm-body">
                <button type="button" class="cmm-link" on:click=move |_| state.go(Screen::Overview)>
                    {t.start_continue}
                </button>
            </p>
        })}
        <form class="cmm-form" on:submit=move |ev| {
            ev.prevent_default();
            state.start(kind.get_untracked(), organisation.get_untracked(), role.get_untracked());
        }>
            <div class="cmm-form-group">
                <fieldset class="cmm-fieldset">
                    <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{t.start_kind_legend}</legend>
                    <div class="cmm-radios">
                        {kinds.into_iter().map(|(k, label, hint)| {
                            let id = format!("cmm-kind-{k:?}").to_lowercase();
                            let hint_id = format!("{id}-hint");
                            view! {
                                <div class="cmm-radios__item">
                                    <input class="cmm-radios__input" type="radio" name="cmm-kind" id=id.clone()
                                        aria-describedby=hint_id.clone()
                                        prop:checked=move || kind.get() == k
                                        on:change=move |_| kind.set(k) />
                                    <label class="cmm-radios__label" for=id>{label}</label>
                                    <div class="cmm-radios__hint" id=hint_id>{hint}</div>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class="cmm-form-group">
                <label class="cmm-label" for="cmm-organisation">{t.organisation_label}</label>
                <input class="cmm-input" type="text" id="cmm-organisation" autocomplete="organization"
                    prop:value=move || organisation.get()
                    on:input=move |ev| organisation.set(event_target_value(&ev)) />
            </div>
            <div class="cmm-form-group">
                <label class="cmm-label" for="cmm-role">{t.role_label}</label>
                <div class="cmm-hint" id="cmm-role-hint">{t.role_hint}</div>
                <input class="cmm-input" type="text" id="cmm-role" autocomplete="organization-title"
                    aria-describedby="cmm-role-hint"
                    prop:value=move || role.get()
                    on:input=move |ev| role.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="cmm-button cmm-button--start">{t.start_button}</button>
        </form>
    }
}
