//! Choosing the benchmark to compare with. Every option shows its source, date and sample size;
//! illustrative figures and expectations are labelled as such.

use leptos::prelude::*;

use super::{use_results, Comparison};
use crate::app::blocks::{Notice, RadioOption, Radios, Tone};
use crate::app::boot::fetch_error;
use crate::app::state::catalogue::BenchFailure;
use crate::app::state::use_app;
use crate::domain::benchmark::BenchmarkKind;
use crate::text::fill;

#[component]
pub fn BenchmarkChooser() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let chosen = expect_context::<Comparison>().chosen;
    move || {
        let framework_id = results.with(|r| r.as_ref().map(|r| r.framework.id.clone()))?;
        let file = match super::benchmarks(app, &framework_id) {
            Ok(Some(file)) => file,
            Ok(None) => return Some(
                view! { <p class="cmm-body cmm-loading" role="status">{t.benchmarks_loading}</p> }
                    .into_any(),
            ),
            Err(failure) => {
                let why = match &*failure {
                    BenchFailure::Fetch(url, e) => vec![fetch_error(t, url, e)],
                    BenchFailure::Invalid(url, p) => {
                        let mut lines = vec![fill(t.benchmarks_problems, &[("file", url)])];
                        lines.extend(t.problems(p));
                        lines
                    }
                };
                return Some(view! {
                    <Notice title=t.benchmarks_failed tone=Tone::Warning>
                        {why.into_iter().map(|l| view! { <p class="cmm-body cmm-pre">{l}</p> }).collect_view()}
                    </Notice>
                }.into_any());
            }
        };
        if file.benchmarks.is_empty() {
            return None;
        }
        let current = results.with(|r| {
            r.as_ref()
                .and_then(|r| r.benchmark.as_ref().map(|b| b.id.clone()))
        });
        let ids: Vec<String> = file.benchmarks.iter().map(|b| b.id.clone()).collect();
        let options = file
            .benchmarks
            .iter()
            .map(|b| {
                let mut hint = fill(
                    t.benchmark_hint,
                    &[("source", &b.source), ("date", &t.long_date(&b.date))],
                );
                let dated = if b.illustrative || b.kind == BenchmarkKind::Expectation {
                    t.benchmark_made
                } else {
                    t.benchmark_dated
                };
                hint = format!("{hint} {}", fill(dated, &[("date", &t.long_date(&b.date))]));
                if b.kind != BenchmarkKind::Expectation {
                    if let Some(n) = b.sample_size {
                        hint = format!("{hint} {}", t.count(&t.benchmark_sample, n as usize));
                    }
                    hint = format!("{hint} {}", t.benchmark_suppressed);
                }
                if let Some(note) = &b.note {
                    hint = format!("{hint} {note}");
                }
                let mut o = RadioOption::new(b.title.clone()).hint(hint);
                o.tag = if b.illustrative {
                    Some(t.illustrative.to_string())
                } else if b.kind == BenchmarkKind::Expectation {
                    Some(t.expectation_tag.to_string())
                } else {
                    None
                };
                o
            })
            .collect();
        let selected_ids = ids.clone();
        let selected = Signal::derive(move || {
            let now = chosen.get().or(current.clone());
            now.and_then(|id| selected_ids.iter().position(|x| *x == id))
        });
        Some(
            view! {
                <div class="cmm-form-group cmm-compare cmm-no-print">
                    <Radios name="cmm-benchmark" legend=t.compare_legend small=true options selected
                        on_select=Callback::new(move |i: usize| chosen.set(ids.get(i).cloned())) />
                </div>
            }
            .into_any(),
        )
    }
}
