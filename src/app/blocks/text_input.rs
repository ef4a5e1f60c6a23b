//! A labelled text input with an optional hint.

use leptos::prelude::*;

use super::error_summary::ErrorMessage;

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// For codes and addresses, where spelling suggestions only get in the way.
    #[prop(optional)]
    no_spellcheck: bool,
    /// A problem with the value, shown at the field in the GOV.UK error message pattern.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let has_hint = hint.is_some();
    let hint_view = hint.map(|h| view! { <div class="cmm-hint" id=hint_id.clone()>{h}</div> });
    let message_id = error_id.clone();
    let described = move || {
        let ids: Vec<&str> = [
            has_hint.then_some(hint_id.as_str()),
            error.get().is_some().then_some(error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="cmm-form-group" class:cmm-form-group--error=move || error.get().is_some()>
            <label class="cmm-label" for=id.clone()>{label}</label>
            {hint_view}
            {move || error.get().map(|m| view! { <ErrorMessage id=message_id.clone() message=m /> })}
            <input class="cmm-input" type="text" id=id.clone() autocomplete=autocomplete
                class:cmm-input--error=move || error.get().is_some()
                aria-invalid=move || error.get().is_some().then_some("true")
                spellcheck=no_spellcheck.then_some("false")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
