//! A labelled text input with an optional hint.

use leptos::prelude::*;

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
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="cmm-form-group">
            <label class="cmm-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="cmm-hint" id=hint_id>{h}</div> })}
            <input class="cmm-input" type="text" id=id autocomplete=autocomplete
                spellcheck=no_spellcheck.then_some("false")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
