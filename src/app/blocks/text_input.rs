//! A labelled text input with an optional hint and error message.

use leptos::prelude::*;

use super::ErrorMessage;

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// For codes and addresses, where spelling suggestions only get in the way.
    #[prop(optional)]
    no_spellcheck: bool,
    #[prop(optional, into)] input_type: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="cmm-form-group" class:cmm-form-group--error=move || error.with(Option::is_some)>
            <label class="cmm-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="cmm-hint" id=hint_id>{h}</div> })}
            {move || error.get().map(|m| view! { <ErrorMessage id=error_id.clone() message=m /> })}
            <input class="cmm-input" type=input_type.unwrap_or("text") id=id autocomplete=autocomplete
                spellcheck=no_spellcheck.then_some("false")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
