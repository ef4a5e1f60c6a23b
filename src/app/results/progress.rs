//! Progress over time: the change per theme since the previous assessment.

use leptos::prelude::*;

use super::summary::join_names;
use super::use_results;
use crate::app::state::AppState;
use crate::charts::round1;
use crate::domain::dates::long_date;
use crate::domain::scoring::display_level;
use crate::text::fill;

#[component]
pub fn Progress() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let results = use_results();
    move || {
        results.with(|r| {
            let r = r.as_ref()?;
            let (previous, _) = r.previous.as_ref()?;
            let moved: Vec<(String, f64)> = r
                .rows
                .iter()
                .filter_map(|row| Some((row.title.clone(), round1(row.change()?))))
                .filter(|(_, c)| c.abs() >= 0.1)
                .collect();
            let up: Vec<String> = moved
                .iter()
                .filter(|(_, c)| *c > 0.0)
                .map(|(n, c)| fill(t.summary_change, &[("theme", n), ("change", &format!("+{}", display_level(*c)))]))
                .collect();
            let down: Vec<String> = moved
                .iter()
                .filter(|(_, c)| *c < 0.0)
                .map(|(n, c)| fill(t.summary_change, &[("theme", n), ("change", &format!("−{}", display_level(-c)))]))
                .collect();
            Some(view! {
                <h2 class="cmm-heading-m">{t.progress_heading}</h2>
                <p class="cmm-body">{fill(t.progress_intro, &[("date", &long_date(&previous.created))])}</p>
                {moved.is_empty().then(|| view! { <p class="cmm-body">{t.progress_none}</p> })}
                <ul class="cmm-list cmm-list--bullet">
                    {(!up.is_empty()).then(|| view! { <li>{fill(t.summary_improved, &[("themes", &join_names(&up))])}</li> })}
                    {(!down.is_empty()).then(|| view! { <li>{fill(t.summary_declined, &[("themes", &join_names(&down))])}</li> })}
                </ul>
            })
        })
    }
}
