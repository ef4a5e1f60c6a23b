//! A filled message whose values from outside (a setting as written in a link) are shown as
//! code: set apart, and never read as markup.

use leptos::prelude::*;

use crate::text::Part;

#[component]
pub fn Words(parts: Vec<Part>) -> impl IntoView {
    parts
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => t.into_any(),
            Part::Code(c) => view! { <code class="cmm-code">{c}</code> }.into_any(),
        })
        .collect_view()
}
