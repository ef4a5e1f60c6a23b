//! A filled message whose values from outside (a setting as written in a link) are shown as
//! code, in quotation marks: set apart, and never read as markup.

use leptos::prelude::*;

use crate::text::Part;

#[component]
pub fn Words(
    parts: Vec<Part>,
    /// The language's quotation marks round `{text}`.
    quoted: &'static str,
) -> impl IntoView {
    let (open, close) = quoted.split_once("{text}").unwrap_or(("", ""));
    parts
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => t.into_any(),
            Part::Code(c) => view! { {open}<code class="cmm-code">{c}</code>{close} }.into_any(),
        })
        .collect_view()
}
