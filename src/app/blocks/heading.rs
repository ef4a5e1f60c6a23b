//! Headings. The widget's outline starts at one level (1 on a page of its own, 2 by default in
//! a council's page, which has its own h1; the `heading-level` setting chooses), and every
//! heading is written relative to it, so the host page's outline stays whole.
//!
//! The page heading: after the user moves between screens, focus goes here, so keyboard and
//! screen reader users start at the top of the new content; on first load it does not, so a
//! widget low on a host page never pulls the page down to itself.

use leptos::html::{custom, Custom};
use leptos::prelude::*;

use crate::app::state::use_app;
use crate::domain::config::heading_tag;

/// The level of the widget's top heading, given by the boot screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingBase(pub u8);

fn tag(depth: u8) -> &'static str {
    let base = use_context::<HeadingBase>().map_or(1, |b| b.0);
    heading_tag(base, depth)
}

type HeadingRef = NodeRef<Custom<&'static str>>;

/// A heading `depth` levels below the widget's top (2 for a section, 3 within it).
#[component]
pub fn Heading(
    depth: u8,
    class: &'static str,
    #[prop(optional, into)] id: Option<String>,
    /// Headings that in-page links or focus moves land on.
    #[prop(optional)]
    focusable: bool,
    /// The words, when taken from a borrowed value (children are built later).
    #[prop(optional, into)]
    text: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    custom(tag(depth))
        .class(class)
        .id(id)
        .attr("tabindex", focusable.then_some("-1"))
        .child((text, children.map(|c| c())))
}

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
    let heading: HeadingRef = NodeRef::new();
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
        {custom(tag(1))
            .class("cmm-heading-xl")
            .attr("tabindex", "-1")
            .id(id)
            .node_ref(heading)
            .child(children())}
    }
}
