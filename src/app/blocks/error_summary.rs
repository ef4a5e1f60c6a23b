//! The error summary and error message patterns: problems listed at the top of the screen, in
//! an alert that takes focus, each linking to the field it is about; the field repeats its own
//! message, prefixed "Error:" for screen readers.

use super::Heading;
use leptos::prelude::*;

use crate::app::state::use_app;

/// One problem: its message and, where it concerns a field, that field's id.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: Option<String>,
    pub message: String,
}

impl FieldError {
    pub fn new(message: impl Into<String>) -> FieldError {
        FieldError {
            field: None,
            message: message.into(),
        }
    }

    pub fn at(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: Some(field.to_string()),
            message: message.into(),
        }
    }
}

#[component]
pub fn ErrorSummary(
    #[prop(into)] title: String,
    errors: Vec<FieldError>,
    /// Take focus when shown (off for problems present from the start of a page).
    #[prop(optional)]
    no_focus: bool,
    /// Not announced as an alert: for problems shown as the user types, which would otherwise
    /// interrupt every keystroke (each field says its own).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    use_app().title.error_shown();
    if !no_focus {
        Effect::new(move |_| {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        });
    }
    let items = errors
        .into_iter()
        .map(|e| match e.field {
            Some(field) => {
                let target = field.clone();
                view! {
                    <li>
                        <a class="cmm-error-summary__link" href=format!("#{field}") on:click=move |ev| {
                            // Focus the field itself: the page's address is not ours to change.
                            ev.prevent_default();
                            crate::browser::focus::focus_by_id(&target, false);
                        }>{e.message}</a>
                    </li>
                }
                .into_any()
            }
            None => view! { <li>{e.message}</li> }.into_any(),
        })
        .collect_view();
    view! {
        <div class="cmm-error-summary" role=(!quiet).then_some("alert") tabindex="-1" node_ref=summary>
            <Heading depth=2 class="cmm-error-summary__title">{title}</Heading>
            <ul class="cmm-list cmm-error-summary__list">{items}</ul>
        </div>
    }
}

#[component]
pub fn ErrorMessage(#[prop(into)] id: String, #[prop(into)] message: String) -> impl IntoView {
    let t = use_app().t();
    view! {
        <p class="cmm-error-message" id=id>
            <span class="cmm-visually-hidden">{t.error_prefix}</span>{message}
        </p>
    }
}
