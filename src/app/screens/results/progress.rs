//! Progress over time: the change per theme since the previous assessment.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::summary::describe_changes;
use super::use_results;
use crate::app::state::use_app;
use crate::domain::results::highlights;
use crate::text::fill;

#[component]
pub fn Progress() -> impl IntoView {
    let t = use_app().t();
    let results = use_results();
    move || {
        results.with(|r| {
            let r = r.as_ref()?;
            let (previous, _) = r.previous.as_ref()?;
            // The same movement the summary reports, so the two never disagree.
            let h = highlights(&r.rows);
            let unchanged = h.improved.is_empty() && h.declined.is_empty();
            Some(view! {
                <Heading depth=2 class="cmm-heading-m">{t.progress_heading}</Heading>
                <p class="cmm-body">{fill(t.progress_intro, &[("date", &t.long_date(&previous.created))])}</p>
                {unchanged.then(|| view! { <p class="cmm-body">{t.progress_none}</p> })}
                <ul class="cmm-list cmm-list--bullet">
                    {(!h.improved.is_empty()).then(|| view! { <li>{fill(t.summary_improved, &[("themes", &describe_changes(t, &h.improved))])}</li> })}
                    {(!h.declined.is_empty()).then(|| view! { <li>{fill(t.summary_declined, &[("themes", &describe_changes(t, &h.declined))])}</li> })}
                </ul>
            })
        })
    }
}
