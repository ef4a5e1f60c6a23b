//! Results: overall and theme levels, charts against a chosen benchmark, the same figures as a
//! table, a written summary, progress since the last assessment, and the improvement roadmap.

mod answers;
pub mod board;
mod compare;
mod contents;
mod council_plan;
pub mod exports;
mod giving;
mod plan;
mod progress;
mod roadmap;
mod share;
pub mod summary;
mod table;

use std::rc::Rc;
use std::sync::Arc;

use crate::app::blocks::Heading;
use leptos::prelude::*;

use crate::app::blocks::{ChartView, PageHeading, PRINT_SIZE};
use crate::app::shell::follow;
use crate::app::state::catalogue::{BenchFailure, Benchmarks, ReadBenchmarks};
use crate::app::state::{use_app, App};
use crate::charts::{bars, echarts_option, left_off, radar, BarLabels, Layout, Line};
use crate::domain::benchmark::{Benchmark, BenchmarkFile};
use crate::domain::results::{chosen_benchmark, previous_of, rows, ThemeRow};
use crate::domain::roadmap::{targets_from_benchmark, targets_with_overrides, Targets};
use crate::domain::scoring::{score, Scores};
use crate::domain::{Assessment, Audience, Framework};
use crate::route::Route;
use crate::text::{fill, Text};

/// The benchmarks of a framework, in the current language (tracked): `Ok(None)` while they
/// load or are being read.
pub fn benchmarks(
    app: App,
    framework_id: &str,
) -> Result<Option<Rc<BenchmarkFile>>, Rc<BenchFailure>> {
    let lang = app.catalogue.lang();
    match app.catalogue.benchmarks_state(framework_id) {
        Benchmarks::Loading | Benchmarks::Fetched(..) => Ok(None),
        Benchmarks::Ready(read) => Ok(Some(read.resolved(lang))),
        Benchmarks::Failed(why) => Err(why),
    }
}

/// Reads a framework's benchmarks once fetched: validated whole and checked against the
/// framework. An effect, so nothing is written while a screen renders.
pub fn read_benchmarks(app: App, framework_id: String) {
    Effect::new(move |_| {
        let Benchmarks::Fetched(url, json) = app.catalogue.benchmarks_state(&framework_id) else {
            return;
        };
        let doc = app.catalogue.with_entry(&framework_id, |e| e.doc.clone());
        let read = BenchmarkFile::parse_located(&json).and_then(|file| {
            doc.map_or(Ok(()), |d| file.check_against(&d))
                .map(|()| file)
        });
        let state = match read {
            Ok(file) => Benchmarks::Ready(ReadBenchmarks::new(file)),
            Err(p) => Benchmarks::Failed(Rc::new(BenchFailure::Invalid(url, p))),
        };
        app.catalogue.set_benchmarks(&framework_id, state);
    });
}

/// Everything the results sections read, derived once per change.
#[derive(Clone)]
pub struct ResultsData {
    pub assessment: Assessment,
    pub framework: Arc<Framework>,
    pub scores: Scores,
    pub previous: Option<(Assessment, Scores)>,
    pub benchmark: Option<Benchmark>,
    pub rows: Vec<ThemeRow>,
}

impl ResultsData {
    /// The targets the benchmark sets, theme by theme (none without a benchmark).
    pub fn benchmark_targets(&self) -> Targets {
        self.benchmark
            .as_ref()
            .map(|b| targets_from_benchmark(&self.framework, b))
            .unwrap_or_default()
    }

    /// The targets the roadmap and plan climb to: the benchmark's, with the user's own.
    pub fn targets(&self) -> Targets {
        targets_with_overrides(self.benchmark_targets(), &self.assessment.targets)
    }

    /// These results' facts, owned, for the Word and Excel writers' split modules.
    pub fn facts(&self, shared: bool) -> crate::office::report::Facts {
        crate::office::report::Facts {
            framework: self.framework.clone(),
            assessment: self.assessment.clone(),
            scores: self.scores.clone(),
            rows: self.rows.clone(),
            benchmark: self.benchmark.clone(),
            previous: self.previous.as_ref().map(|(a, _)| a.created.clone()),
            targets: self.targets(),
            today: crate::browser::today(),
            shared,
        }
    }
}

impl PartialEq for ResultsData {
    fn eq(&self, other: &Self) -> bool {
        self.assessment == other.assessment
            && Arc::ptr_eq(&self.framework, &other.framework)
            && self.previous == other.previous
            && self.benchmark == other.benchmark
    }
}

/// The benchmarks available to compare with, and the one chosen.
#[derive(Clone, Copy)]
pub struct Comparison {
    pub chosen: RwSignal<Option<String>>,
}

/// Whether the results shown can be changed (targets) and shared: not so for a share link.
#[derive(Clone, Copy)]
pub struct ReadOnly(pub bool);

pub fn results_page() -> impl IntoView {
    view! { <ResultsPage /> }
}

#[component]
fn ResultsPage() -> impl IntoView {
    let app = use_app();
    // The comparison last chosen for this assessment, kept with it so its plan or roadmap
    // reads the same next time.
    let chosen = RwSignal::new(
        app.current
            .with_untracked(|a| a.as_ref().and_then(|a| a.compare_with.clone())),
    );
    Effect::watch(
        move || chosen.get(),
        move |now, _, _| {
            let saved = app
                .current
                .with_untracked(|a| a.as_ref().map(|a| (a.id.clone(), a.compare_with.clone())));
            if let Some((id, before)) = saved {
                if before != *now {
                    app.saved.set_compare_with(&id, now.clone());
                }
            }
        },
        false,
    );
    if let Some(id) = app
        .current
        .with_untracked(|a| a.as_ref().map(|a| a.framework_id.clone()))
    {
        read_benchmarks(app, id);
    }
    let data = current_results(app, move || chosen.get());
    view! { <ResultsBody data chosen read_only=false /> }
}

/// The current assessment's results, against the benchmark `chosen` gives, kept up to date.
pub fn current_results(
    app: App,
    chosen: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> Memo<Option<ResultsData>> {
    Memo::new(move |_| {
        let a = app.current.get()?;
        let framework = app.catalogue.framework(&a.framework_id)?;
        let previous = app
            .saved
            .with(|d| previous_of(d, &a).map(|p| p.reconciled(&framework)));
        let file = benchmarks(app, &a.framework_id).ok().flatten();
        Some(results_data(
            framework,
            a,
            previous,
            file.as_deref(),
            chosen().as_deref(),
        ))
    })
}

/// Scores, comparison rows and the chosen benchmark (the first, if none is chosen).
pub fn results_data(
    framework: Arc<Framework>,
    a: Assessment,
    previous: Option<Assessment>,
    benchmarks: Option<&BenchmarkFile>,
    chosen: Option<&str>,
) -> ResultsData {
    let scores = score(&framework, &a);
    let previous = previous.map(|p| {
        let s = score(&framework, &p);
        (p, s)
    });
    let benchmark = benchmarks
        .and_then(|file| chosen_benchmark(&framework, file, chosen))
        .cloned();
    let rows = rows(
        &framework,
        &scores,
        benchmark.as_ref(),
        previous.as_ref().map(|(_, s)| s),
    );
    ResultsData {
        assessment: a,
        framework,
        scores,
        previous,
        benchmark,
        rows,
    }
}

#[component]
pub fn ResultsBody(
    data: Memo<Option<ResultsData>>,
    chosen: RwSignal<Option<String>>,
    read_only: bool,
) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    provide_context(data);
    provide_context(Comparison { chosen });
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
    let radar_height = RwSignal::new(0.0);
    let bars_width = RwSignal::new(0.0);
    let radar_option = Memo::new(move |_| {
        let layout = Layout::for_size(radar_width.get(), radar_height.get(), reduced);
        data.with(|d| {
            d.as_ref()
                .map(|d| echarts_option(&radar_chart_for(d, t, layout)))
        })
    });
    let bars_option = Memo::new(move |_| {
        let layout = Layout::for_width(bars_width.get(), reduced);
        data.with(|d| {
            d.as_ref()
                .map(|d| echarts_option(&bar_chart_for(d, t, layout)))
        })
    });
    // Paper is neither a phone nor a wide monitor: the print copies use the full layout.
    let paper = Layout::STILL;
    let (w, h) = PRINT_SIZE;
    let radar_paper = Layout::still(w, h);
    let radar_print = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| echarts_option(&radar_chart_for(d, t, radar_paper)))
        })
    });
    let bars_print = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| echarts_option(&bar_chart_for(d, t, paper)))
        })
    });
    let caption = move || {
        data.with(|d| {
            d.as_ref().map(|d| {
                fill(
                    t.results_caption,
                    &[("name", &t.assessment_name(&d.assessment))],
                )
            })
        })
    };
    let overall = move || {
        data.with(|d| {
            let d = d.as_ref()?;
            let level = d.scores.overall?;
            let percent = d.scores.overall_percent().unwrap_or(0.0).round();
            let f = &d.framework;
            Some(view! {
                <p class="cmm-panel__level">{fill(t.overall_level, &[("level", &t.level_with_name(f, level))])}</p>
                <p class="cmm-panel__secondary">{fill(t.overall_percent, &[
                    ("percent", &percent),
                    ("lowest", &f.levels[0].name),
                    ("highest", &f.levels[4].name),
                ])}</p>
            })
        })
    };
    // A memo, so the sections it chooses are drawn again only when the audience changes (not
    // for every saved change, which would take focus from the plan's fields).
    let individual = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.framework.audience == Audience::Individual)
        })
    });
    let individual = move || individual.get();
    view! {
        <PageHeading caption=caption().unwrap_or_default()>{if read_only { t.shared_heading } else { t.results_heading }}</PageHeading>
        <div class="cmm-panel">
            {move || overall().map(IntoAny::into_any).unwrap_or_else(|| view! { <p class="cmm-panel__level">{t.no_rated_answers}</p> }.into_any())}
        </div>
        <contents::Contents individual />
        <summary::Summary />
        <progress::Progress />
        {move || {
            if individual() {
                view! { <plan::PlanSection /> }.into_any()
            } else {
                view! {
                    <roadmap::RoadmapSection />
                    {(!read_only).then(|| view! { <council_plan::CouncilPlanSection /> })}
                }
                .into_any()
            }
        }}
        <Heading depth=2 class="cmm-heading-m" id=contents::CHARTS focusable=true>{t.charts_and_figures_heading}</Heading>
        <compare::BenchmarkChooser />
        <div class="cmm-charts">
            // On a phone the bars come first: they read at any width, the radar less so.
            <div class="cmm-charts__item cmm-charts__item--radar">
                <ChartView option=radar_option.into() width=radar_width height=radar_height print=radar_print.into()
                    label=Signal::derive(move || fill(t.radar_label, &[("benchmark", &benchmark_title())])) />
            </div>
            <div class="cmm-charts__item cmm-charts__item--bars">
                <ChartView option=bars_option.into() width=bars_width tall=true print=bars_print.into()
                    label=Signal::derive(move || fill(t.bars_label, &[("benchmark", &benchmark_title())])) />
            </div>
        </div>
        <RadarLeftOff data />
        <table::FiguresTable />
        <div class="cmm-downloads cmm-no-print">
            <Heading depth=2 class="cmm-heading-m" id=contents::DOWNLOADS focusable=true>{t.downloads_heading}</Heading>
            <exports::Exports />
            {(!read_only && app.catalogue.config(|c| c.share)).then(|| view! { <share::ShareSection /> })}
            {move || (!read_only && !individual()).then(|| view! { <giving::ReturnSection /> })}
        </div>
        <answers::AnswersForPrint />
        {(!read_only).then(|| view! {
            <div class="cmm-button-group cmm-no-print">
                <a class="cmm-button cmm-button--secondary" href=Route::Check.to_hash()
                    on:click=move |ev| follow(ev, app.nav, Route::Check)>
                    {t.to_check}
                </a>
            </div>
        })}
    }
}

/// Says which lines the radar leaves off, and why.
#[component]
pub fn RadarLeftOff(data: Memo<Option<ResultsData>>) -> impl IntoView {
    let t = use_app().t();
    move || {
        let notes = data.with(|d| d.as_ref().map(|d| radar_left_off(d, t)).unwrap_or_default());
        (!notes.is_empty()).then(|| {
            view! {
                <div class="cmm-inset cmm-radar-left-off">
                    {notes.into_iter().map(|n| view! { <p class="cmm-body">{n}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// The radar: this assessment, the benchmark median and the previous assessment.
pub fn radar_chart_for(d: &ResultsData, t: &Text, layout: Layout) -> charming::Chart {
    radar(&d.framework, t.radar_title, &radar_lines(d, t), layout)
}

/// Why a line is missing from the radar, one sentence per line left off.
pub fn radar_left_off(d: &ResultsData, t: &Text) -> Vec<String> {
    left_off(&d.framework, &radar_lines(d, t))
        .into_iter()
        .map(|l| {
            fill(
                t.radar_left_off,
                &[("line", &l.line), ("themes", &t.join(&l.themes))],
            )
        })
        .collect()
}

fn radar_lines(d: &ResultsData, t: &Text) -> Vec<Line> {
    let f = &d.framework;
    let mut lines = vec![Line::from_scores(t.this_assessment, f, &d.scores)];
    if let Some(b) = &d.benchmark {
        let mut line = Line::from_benchmark(f, b);
        line.name = t.benchmark_series_name(b);
        lines.push(line);
    }
    if let Some((p, s)) = &d.previous {
        let name = fill(t.previous_on, &[("date", &t.long_date(&p.created))]);
        lines.push(Line::from_scores(&name, f, s));
    }
    lines
}

pub fn bar_chart_for(d: &ResultsData, t: &Text, layout: Layout) -> charming::Chart {
    let median = d
        .benchmark
        .as_ref()
        .map(|b| t.benchmark_series_name(b))
        .unwrap_or_default();
    let labels = BarLabels {
        title: t.bars_title,
        this_assessment: t.this_assessment,
        median: &median,
        middle_half: t.middle_half,
        previous: t.previous_assessment,
    };
    bars(&d.rows, &labels, layout)
}

/// Reads the results data provided by the page.
pub fn use_results() -> Memo<Option<ResultsData>> {
    expect_context::<Memo<Option<ResultsData>>>()
}
