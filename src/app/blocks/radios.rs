//! Radios in a fieldset with a legend, each option with an optional hint: the one pattern for
//! every single choice in the app (a question's rungs, the kind of assessment, the benchmark,
//! the embedding mode). Options are chosen by position, so this component is not generic.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct RadioOption {
    pub label: String,
    pub hint: Option<String>,
    /// A tag after the label, such as "Illustrative figures".
    pub tag: Option<String>,
    /// A divider line ("or") before this option, as before "Don't know".
    pub divider: bool,
    /// The label's language, when it differs from the page's.
    pub lang: Option<&'static str>,
}

impl RadioOption {
    pub fn new(label: impl Into<String>) -> RadioOption {
        RadioOption {
            label: label.into(),
            hint: None,
            tag: None,
            divider: false,
            lang: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> RadioOption {
        self.hint = Some(hint.into());
        self
    }
}

#[component]
pub fn Radios(
    /// The `name` of the group; ids of the inputs derive from it.
    #[prop(into)]
    name: String,
    #[prop(into)] legend: String,
    /// The legend as the page's main question (larger) or a smaller sub-heading.
    #[prop(optional)]
    large: bool,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] small: bool,
    #[prop(default = None)] legend_lang: Option<&'static str>,
    options: Vec<RadioOption>,
    #[prop(into)] selected: Signal<Option<usize>>,
    #[prop(into)] on_select: Callback<usize>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let has_hint = hint.is_some();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let id = format!("{name}-{i}");
            let item_hint = o.hint.as_ref().map(|_| format!("{id}-hint"));
            view! {
                {o.divider.then(|| view! { <div class="cmm-radios__divider"></div> })}
                <div class="cmm-radios__item">
                    <input class="cmm-radios__input" type="radio" id=id.clone() name=name.clone()
                        aria-describedby=item_hint.clone()
                        prop:checked=move || selected.get() == Some(i)
                        on:change=move |_| on_select.run(i) />
                    <label class="cmm-radios__label" for=id lang=o.lang>
                        {o.label}
                        {o.tag.map(|t| view! { " " <strong class="cmm-tag cmm-tag--yellow">{t}</strong> })}
                    </label>
                    {o.hint.map(|h| view! { <div class="cmm-radios__hint" id=item_hint>{h}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="cmm-fieldset" aria-describedby=has_hint.then_some(hint_id.clone())>
            <legend class="cmm-fieldset__legend" class:cmm-fieldset__legend--m=large
                class:cmm-fieldset__legend--s=!large lang=legend_lang>
                {legend}
            </legend>
            {hint.map(|h| view! { <p class="cmm-hint" id=hint_id.clone()>{h}</p> })}
            <div class="cmm-radios" class:cmm-radios--small=small>{items}</div>
        </fieldset>
    }
}
