//! Results: overall and theme levels, charts against a chosen benchmark, the same figures as a
//! table, a written summary, progress since the last assessment, and the improvement roadmap.

mod answers;
mod compare;
pub mod exports;
mod progress;
mod roadmap;
mod share;
pub mod summary;
mod table;

use leptos::prelude::*;

use super::chart::ChartView;
use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::charts::{bars, radar, BarLabels, Layout, Line};
use crate::domain::benchmark::Benchmark;
use crate::domain::dates::long_date;
use crate::domain::results::{previous_of, rows, ThemeRow};
use crate::domain::scoring::{display_level, level_band, score, Scores};
use crate::domain::Assessment;
use crate::domain::Framework;
use crate::text::{fill, Text};
use charming::Chart;

/// Everything the results sections read, derived once per change.
#[derive(Clone, PartialEq)]
pub struct ResultsData {
    pub assessment: Assessment,
    pub scores: Scores,
    pub previous: Option<(Assessment, Scores)>,
    pub benchmark: Option<Benchmark>,
    pub rows: Vec<ThemeRow>,
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = Memo::new(move |_| {
        let benchmark_id = state.benchmark_id.get();
        state.data.with(|d| {
            let a = d.current()?.clone();
            let previous = previous_of(d, &a).cloned();
            Some(results_data(state, a, previous, benchmark_id.as_deref()))
        })
    });
    view! { <ResultsBody data read_only=false /> }
}

/// Whether the results shown can be changed (targets) and shared: not so for a shared link.
#[derive(Clone, Copy)]
pub struct ReadOnly(pub bool);

/// Scores, comparison rows and the chosen benchmark for one assessment.
pub fn results_data(
    state: AppState,
    a: Assessment,
    previous: Option<Assessment>,
    benchmark_id: Option<&str>,
) -> ResultsData {
    state.framework.with_value(|f| {
        let scores = score(f, &a);
        let previous = previous.map(|p| {
            let s = score(f, &p);
            (p, s)
        });
        let benchmark = state
            .benchmarks
            .with_value(|b| benchmark_id.and_then(|id| b.get(id)).cloned());
        let rows = rows(
            f,
            &scores,
            benchmark.as_ref(),
            previous.as_ref().map(|(_, s)| s),
        );
        ResultsData {
            assessment: a,
            scores,
            previous,
            benchmark,
            rows,
        }
    })
}

#[component]
pub fn ResultsBody(data: Memo<Option<ResultsData>>, read_only: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    provide_context(data);
    provide_context(ReadOnly(read_only));
    let reduced = crate::browser::prefers_reduced_motion();
    let benchmark_title = move || {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.benchmark.as_ref().map(|b| b.title.clone()))
        })
        .unwrap_or_default()
    };
    let radar_width = RwSignal::new(0.0);
    let bars_width = RwSignal::new(0.0);
    let radar_chart = Memo::new(move |_| {
        let layout = Layout::for_width(radar_width.get(), reduced);
        let d = data.get()?;
        Some(
            state
                .framework
                .with_value(|f| radar_chart_for(&d, f, state.text, layout)),
        )
    });
    let bar_chart = Memo::new(move |_| {
        let layout = Layout::for_width(bars_width.get(), reduced);
        data.get().map(|d| bar_chart_for(&d, state.text, layout))
    });
    let caption = move || {
        data.with(|d| {
            d.as_ref().map(|d| {
                fill(
                    t.results_caption,
                    &[("name", &state.display_name(&d.assessment))],
                )
            })
        })
    };
    let overall = move || {
        data.with(|d| {
            let d = d.as_ref()?;
            let level = d.scores.overall?;
            let name = state.framework.with_value(|f| f.level_name(level_band(level)).to_string());
            let percent = d.scores.overall_percent().unwrap_or(0.0).round();
            Some(view! {
                <p class="cmm-panel__level">{fill(t.overall_level, &[("level", &display_level(level)), ("name", &name)])}</p>
                <p class="cmm-panel__secondary">{fill(t.overall_percent, &[("percent", &percent)])}</p>
            })
        })
    };
    view! {
        <PageHeading caption=caption().unwrap_or_default()>{t.results_heading}</PageHeading>
        <div class="cmm-panel">
            {move || overall().map(IntoAny::into_any).unwrap_or_else(|| view! { <p class="cmm-panel__level">{t.no_rated_answers}</p> }.into_any())}
        </div>
        <summary::Summary />
        <compare::BenchmarkChooser />
        <h2 class="cmm-heading-m">{t.charts_heading}</h2>
        <div class="cmm-charts">
            <ChartView chart=radar_chart.into() width=radar_width
                label=Signal::derive(move || fill(t.radar_label, &[("benchmark", &benchmark_title())])) />
            <ChartView chart=bar_chart.into() width=bars_width tall=true
                label=Signal::derive(move || fill(t.bars_label, &[("benchmark", &benchmark_title())])) />
        </div>
        <table::FiguresTable />
        <exports::Exports />
        {(!read_only && state.config.with_value(|c| c.share)).then(|| view! { <share::ShareSection /> })}
        <progress::Progress />
        <roadmap::RoadmapSection />
        <answers::AnswersForPrint />
        {(!read_only).then(|| view! {
            <div class="cmm-button-group">
                <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| state.go(Screen::Check)>
                    {t.to_check}
                </button>
            </div>
        })}
    }
}

/// The radar: this assessment, the benchmark median and the previous assessment.
pub fn radar_chart_for(d: &ResultsData, f: &Framework, t: &Text, layout: Layout) -> Chart {
    let mut lines = vec![Line::from_scores(t.this_assessment, f, &d.scores)];
    if let Some(b) = &d.benchmark {
        let mut line = Line::from_benchmark(f, b);
        line.name = t.benchmark_median.to_string();
        lines.push(line);
    }
    if let Some((p, s)) = &d.previous {
        let name = format!("{} ({})", t.previous_assessment, long_date(&p.created));
        lines.push(Line::from_scores(&name, f, s));
    }
    radar(f, t.radar_title, &lines, layout)
}

pub fn bar_chart_for(d: &ResultsData, t: &Text, layout: Layout) -> Chart {
    let labels = BarLabels {
        title: t.bars_title,
        this_assessment: t.this_assessment,
        median: t.benchmark_median,
        middle_half: t.middle_half,
        previous: t.previous_assessment,
    };
    bars(&d.rows, &labels, layout)
}

/// Reads the results data provided by the page.
pub fn use_results() -> Memo<Option<ResultsData>> {
    expect_context::<Memo<Option<ResultsData>>>()
}
