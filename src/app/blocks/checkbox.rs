//! A single checkbox with an optional hint.

use leptos::prelude::*;

#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    /// Words after the label for screen readers only (which item the box is for).
    #[prop(optional, into)]
    hidden_label: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    view! {
        <div class="cmm-checkboxes__item">
            <input class="cmm-checkboxes__input" type="checkbox" id=id.clone() aria-describedby=hint_id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <label class="cmm-checkboxes__label" for=id>
                {label}
                {hidden_label.map(|h| view! { <span class="cmm-visually-hidden">{h}</span> })}
            </label>
            {hint.map(|h| view! { <div class="cmm-checkboxes__hint" id=hint_id>{h}</div> })}
        </div>
    }
}
