//! Results: overall and theme levels, a radar chart against a benchmark, and the same figures
//! in a table (the chart's text alternative).

use leptos::prelude::*;

use super::chart::ChartView;
use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::charts::{radar, Line};
use crate::domain::scoring::{display_level, level_band, score};
use crate::text::fill;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let scores = Memo::new(move |_| {
        state.data.with(|d| {
            d.current()
                .map(|a| state.framework.with_value(|f| score(f, a)))
        })
    });
    let benchmark_line = state.framework.with_value(|f| {
        state.benchmarks.with_value(|b| {
            b.benchmarks
                .first()
                .map(|bench| (Line::from_benchmark(f, bench), bench.illustrative))
        })
    });
    let illustrative = benchmark_line.as_ref().is_some_and(|(_, i)| *i);
    let reduced = crate::browser::prefers_reduced_motion();
    let chart = Signal::derive(move || {
        let scores = scores.get()?;
        state.framework.with_value(|f| {
            let mut lines = vec![Line::from_scores("This assessment", f, &scores)];
            if let Some((line, _)) = benchmark_line.clone() {
                lines.push(line);
            }
            Some(radar(
                f,
                "Maturity by theme (levels 1 to 5)",
                &lines,
                reduced,
            ))
        })
    });
    let rows = move || {
        let scores = scores.get()?;
        Some(state.framework.with_value(|f| {
            f.themes
                .iter()
                .filter_map(|th| {
                    let s = scores.theme(&th.id)?;
                    let level = s.level.map_or(t.no_rated_answers.to_string(), |l| {
                        format!("{} ({})", display_level(l), f.level_name(level_band(l)))
                    });
                    Some(view! {
                        <tr class="cmm-table__row">
                            <th scope="row" class="cmm-table__header">{th.title.clone()}</th>
                            <td class="cmm-table__cell">{level}</td>
                        </tr>
                    })
                })
                .collect_view()
        }))
    };
    let overall = move || {
        scores.get().and_then(|s| s.overall).map(|l| {
            let name = state
                .framework
                .with_value(|f| f.level_name(level_band(l)).to_string());
            fill(
                t.overall_level,
                &[("level", &display_level(l)), ("name", &name)],
            )
        })
    };
    view! {
        <PageHeading>{t.results_heading}</PageHeading>
        <p class="cmm-body cmm-lead">{move || overall().unwrap_or_else(|| t.no_rated_answers.into())}</p>
        <ChartView chart label=t.chart_label />
        {illustrative.then(|| view! { <p class="cmm-tag cmm-tag--yellow">{t.illustrative}</p> })}
        <table class="cmm-table">
            <caption class="cmm-table__caption">{t.table_caption}</caption>
            <thead>
                <tr class="cmm-table__row">
                    <th scope="col" class="cmm-table__header">{t.table_theme}</th>
                    <th scope="col" class="cmm-table__header">{t.table_level}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| state.go(Screen::Check)>
            {t.to_check}
        </button>
    }
}
