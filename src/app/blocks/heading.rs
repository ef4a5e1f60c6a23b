//! The page heading. After the user moves between screens, focus goes here, so keyboard and
//! screen reader users start at the top of the new content; on first load it does not, so a
//! widget low on a host page never pulls the page down to itself.

use leptos::prelude::*;

use crate::app::state::use_app;

#[component]
pub fn PageHeading(
    #[prop(optional, into)] caption: Option<String>,
    /// For screens that move focus here themselves (a view swapped in place).
    #[prop(optional)]
    id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            app.title.name(h.text_content().unwrap_or_default());
            if nav.moved() {
                let _ = h.focus();
            }
        }
    });
    view! {
        {caption.filter(|c| !c.is_empty()).map(|c| view! { <span class="cmm-caption">{c}</span> })}
        <h1 class="cmm-heading-xl" tabindex="-1" id=id node_ref=heading>{children()}</h1>
    }
}
