//! A short plain-English summary of the results: strongest and weakest themes, gaps to the
//! benchmark, "Don't know" answers, and movement since the last assessment.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::use_results;
use crate::app::state::use_app;
use crate::domain::results::highlights;
use crate::domain::scoring::{display_change, display_level};
use crate::text::{fill, Text};

/// "Governance and planning (+0.5) and People and capability (+1.0)".
pub fn describe_changes(t: &Text, list: &[(String, f64)]) -> String {
    t.join(
        &list
            .iter()
            .map(|(theme, c)| {
                fill(
                    t.summary_change,
                    &[("theme", theme), ("change", &display_change(*c))],
                )
            })
            .collect::<Vec<_>>(),
    )
}

/// The summary's sentences, for the results page and the board summary alike.
/// The sentences that address the reader: "Your strongest theme" to whoever made the results,
/// "Their strongest theme" to someone reading them from a share link.
struct Voice {
    strongest: &'static str,
    strongest_many: &'static str,
    weakest: &'static str,
    weakest_many: &'static str,
    all_equal: &'static str,
    dont_know: &'static crate::text::Plural,
    no_dont_know: &'static str,
    improved: &'static str,
    declined: &'static str,
}

impl Voice {
    fn of(t: &'static Text, shared: bool) -> Voice {
        if shared {
            Voice {
                strongest: t.shared_summary_strongest,
                strongest_many: t.shared_summary_strongest_many,
                weakest: t.shared_summary_weakest,
                weakest_many: t.shared_summary_weakest_many,
                all_equal: t.shared_summary_all_equal,
                dont_know: &t.shared_summary_dont_know,
                no_dont_know: t.shared_summary_no_dont_know,
                improved: t.shared_summary_improved,
                declined: t.shared_summary_declined,
            }
        } else {
            Voice {
                strongest: t.summary_strongest,
                strongest_many: t.summary_strongest_many,
                weakest: t.summary_weakest,
                weakest_many: t.summary_weakest_many,
                all_equal: t.summary_all_equal,
                dont_know: &t.summary_dont_know,
                no_dont_know: t.summary_no_dont_know,
                improved: t.summary_improved,
                declined: t.summary_declined,
            }
        }
    }
}

pub fn sentences(t: &'static Text, r: &super::ResultsData, shared: bool) -> Vec<String> {
    let v = Voice::of(t, shared);
    let h = highlights(&r.rows);
    let mut out = Vec::new();
    match h.strongest.len() {
        0 => {}
        1 => out.push(fill(v.strongest, &[("themes", &t.join(&h.strongest))])),
        _ if h.weakest.is_empty() => out.push(v.all_equal.to_string()),
        _ => out.push(fill(v.strongest_many, &[("themes", &t.join(&h.strongest))])),
    }
    match h.weakest.len() {
        0 => {}
        1 => out.push(fill(v.weakest, &[("themes", &t.join(&h.weakest))])),
        _ => out.push(fill(v.weakest_many, &[("themes", &t.join(&h.weakest))])),
    }
    if let Some(b) = &r.benchmark {
        if h.below_benchmark.is_empty() {
            if h.at_or_above_benchmark > 0 {
                out.push(fill(t.summary_none_below, &[("benchmark", &b.title)]));
            }
        } else {
            let gaps: Vec<String> = h
                .below_benchmark
                .iter()
                .map(|(theme, gap)| {
                    fill(
                        t.summary_gap,
                        &[("theme", theme), ("gap", &display_level(*gap))],
                    )
                })
                .collect();
            out.push(fill(
                t.summary_below,
                &[("benchmark", &b.title), ("themes", &t.join(&gaps))],
            ));
        }
    }
    let answered = r
        .scores
        .themes
        .iter()
        .any(|s| s.rated + s.dont_know + s.not_applicable > 0);
    match h.dont_know {
        0 if answered => out.push(v.no_dont_know.to_string()),
        0 => {}
        n => out.push(t.count(v.dont_know, n)),
    }
    let unanswered = r.scores.unanswered();
    if unanswered > 0 {
        out.push(t.count(&t.summary_unanswered, unanswered));
    }
    if !h.improved.is_empty() {
        out.push(fill(
            v.improved,
            &[("themes", &describe_changes(t, &h.improved))],
        ));
    }
    if !h.declined.is_empty() {
        out.push(fill(
            v.declined,
            &[("themes", &describe_changes(t, &h.declined))],
        ));
    }
    out
}

#[component]
pub fn Summary() -> impl IntoView {
    let t = use_app().t();
    let shared = expect_context::<super::ReadOnly>().0;
    let results = use_results();
    view! {
        <Heading depth=2 class="cmm-heading-m" id=super::contents::SUMMARY focusable=true>{t.summary_heading}</Heading>
        <ul class="cmm-list cmm-list--bullet cmm-summary-text">
            {move || results.with(|r| r.as_ref().map(|r| sentences(t, r, shared)).unwrap_or_default())
                .into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
        </ul>
    }
}
