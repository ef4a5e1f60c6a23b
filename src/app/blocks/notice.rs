//! A notice: a message that stays on the screen (saved, warning, a problem with a file).

use super::Heading;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    /// Information; announced politely.
    #[default]
    Info,
    /// Something the user should act on; announced at once.
    Warning,
}

#[component]
pub fn Notice(
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional)] tone: Tone,
    /// Where focus is sent after the action that showed the notice.
    #[prop(optional)]
    id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let (class, role) = match tone {
        Tone::Info => ("cmm-notice", "status"),
        Tone::Warning => ("cmm-notice cmm-notice--warning", "alert"),
    };
    view! {
        <div class=class role=role id=id tabindex=id.map(|_| "-1")>
            {title.map(|t| view! { <Heading depth=2 class="cmm-notice__title">{t}</Heading> })}
            {children()}
        </div>
    }
}
