//! The page heading: after the user moves between screens, focus goes here so keyboard and
//! screen reader users start at the top of the new content.

use leptos::prelude::*;

use super::state::AppState;

#[component]
pub fn PageHeading(
    #[prop(optional, into)] caption: Option<String>,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if state.navigated.get_untracked() {
                let _ = h.focus();
            }
        }
    });
    view! {
        {caption.map(|c| view! { <span class="cmm-caption">{c}</span> })}
        <h1 class="cmm-heading-xl" tabindex="-1" node_ref=heading>{children()}</h1>
    }
}
