//! The Programme page: drop many councils' returns (or full exports) and see the programme's
//! own figures, then download the benchmark file every widget can compare with. The files are
//! read in this page and go nowhere; figures from fewer than five councils are left out and
//! no figure names a council.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::{ChartView, ErrorSummary, FieldError, FileDrop, PageHeading};
use crate::app::downloads::{file_name, offer_text};
use crate::app::state::{use_app, App};
use crate::browser::{files, now_iso};
use crate::charts::{
    echarts_option, programme_change, programme_distribution, Layout, ProgrammeLabels,
};
use crate::domain::dates::file_date;
use crate::domain::programme::{
    build_benchmarks, council_count, programme_figures, read_returns, synthetic_count,
    without_duplicates, BuildMeta, ProgrammeFigures, Return, ReturnError,
};
use crate::domain::scoring::display_level;
use crate::domain::{BenchmarkFile, Framework};
use crate::text::{fill, Text};

pub fn programme_page() -> impl IntoView {
    view! { <ProgrammePage /> }
}

pub fn return_error(t: &Text, e: &ReturnError) -> String {
    match e {
        ReturnError::Import(e) => t.import_error(e),
        ReturnError::OtherFramework { found, expected } => fill(
            t.import_other_framework,
            &[("found", found), ("expected", expected)],
        ),
        ReturnError::UnknownVersion(v) => fill(t.import_newer, &[("version", v)]),
    }
}

#[component]
fn ProgrammePage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    crate::app::boot::load_rest(app.catalogue);
    move || match app.catalogue.organisation_framework() {
        Some(framework) => view! { <ProgrammeBody framework /> }.into_any(),
        None => view! {
            <PageHeading>{t.programme_heading}</PageHeading>
            <p class="cmm-body cmm-loading" role="status">{t.loading_part}</p>
        }
        .into_any(),
    }
}

/// What the page has read: the returns, and each file it could not use.
#[derive(Clone, Default)]
struct Read {
    returns: Vec<Return>,
    problems: Vec<String>,
    files: usize,
}

#[component]
fn ProgrammeBody(framework: Arc<Framework>) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let framework = StoredValue::new(framework);
    let read = RwSignal::new(Read::default());
    let load = move |list: Vec<web_sys::File>| {
        for file in list {
            spawn_local(async move {
                let name = file.name();
                let outcome = match files::read_text(&file).await {
                    Ok(text) => framework
                        .with_value(|f| read_returns(&text, f, &now_iso()))
                        .map_err(|e| return_error(t, &e)),
                    Err(e) => Err(files::describe(t, &e)),
                };
                read.update(|r| {
                    r.files += 1;
                    match outcome {
                        Ok(list) => r.returns.extend(list),
                        Err(message) => r.problems.push(fill(
                            t.import_failed,
                            &[("file", &name), ("message", &message)],
                        )),
                    }
                });
            });
        }
    };
    // Everything below is worked out from the returns read so far.
    let summary = Memo::new(move |_| {
        let r = read.get();
        let (returns, duplicates) = without_duplicates(r.returns);
        framework.with_value(|f| {
            let figures = programme_figures(f, &returns);
            let meta = BuildMeta {
                source: fill(t.programme_source, &[("count", &council_count(&returns))]),
                synthetic: synthetic_count(&returns) > 0,
                date: file_date(&now_iso()),
                method: t.programme_method.to_string(),
                titles: t.group_titles(),
            };
            let file = build_benchmarks(f, &returns, &meta);
            Summary {
                returns: returns.len(),
                councils: council_count(&returns),
                duplicates,
                figures,
                file,
                synthetic: meta.synthetic,
            }
        })
    });
    view! {
        <PageHeading>{t.programme_heading}</PageHeading>
        <p class="cmm-body">{fill(t.programme_intro, &[("framework", &framework.with_value(|f| f.title.clone()))])}</p>
        <p class="cmm-body cmm-inset">{t.programme_privacy}</p>
        {move || read.with(|r| (!r.problems.is_empty()).then(|| view! {
            <ErrorSummary title=t.programme_problem
                errors=r.problems.iter().map(|p| FieldError::at("cmm-programme-files", p.clone())).collect() />
        }))}
        <FileDrop id="cmm-programme-files" label=t.programme_label hint=t.programme_hint on_files=Callback::new(load) />
        {move || {
            let s = summary.get();
            if read.with(|r| r.files == 0) {
                return view! { <p class="cmm-body">{t.programme_empty}</p> }.into_any();
            }
            view! { <Figures app s framework=framework.get_value() /> }.into_any()
        }}
    }
}

#[derive(Clone, PartialEq)]
struct Summary {
    returns: usize,
    councils: usize,
    duplicates: usize,
    figures: ProgrammeFigures,
    file: BenchmarkFile,
    synthetic: bool,
}

#[component]
fn Figures(app: App, s: Summary, framework: Arc<Framework>) -> impl IntoView {
    let t = app.t();
    let f = &framework;
    let theme_title = |id: &str| f.theme(id).map(|th| th.title.clone()).unwrap_or_default();
    let mut read_line = fill(
        t.programme_read,
        &[("returns", &s.returns), ("councils", &s.councils)],
    );
    if s.duplicates > 0 {
        read_line = format!(
            "{read_line} {}",
            t.count(&t.programme_duplicates, s.duplicates)
        );
    }
    let movement = match s.figures.movement {
        Some(m) => view! {
            <table class="cmm-table cmm-table--figures">
                <caption class="cmm-table__caption">{fill(t.programme_movement_caption, &[("count", &s.figures.councils)])}</caption>
                <thead><tr class="cmm-table__row">
                    <th scope="col" class="cmm-table__header">{t.programme_movement_col}</th>
                    <th scope="col" class="cmm-table__header">{t.programme_councils_col}</th>
                    <th scope="col" class="cmm-table__header">{t.programme_share_col}</th>
                </tr></thead>
                <tbody>
                    {[(t.programme_rose, m.rose), (t.programme_stayed, m.stayed), (t.programme_fell, m.fell)].into_iter().map(|(label, n)| view! {
                        <tr class="cmm-table__row">
                            <th scope="row" class="cmm-table__header">{label}</th>
                            <td class="cmm-table__cell" data-label=t.programme_councils_col>{n}</td>
                            <td class="cmm-table__cell" data-label=t.programme_share_col>{format!("{}%", m.percent(n))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any(),
        None => view! { <p class="cmm-body cmm-inset">{fill(t.programme_too_few_councils, &[("count", &s.figures.councils)])}</p> }.into_any(),
    };
    let change_rows: Vec<(String, f64)> = s
        .figures
        .theme_change
        .iter()
        .map(|(id, c, _)| (theme_title(id), *c))
        .collect();
    let labels = ProgrammeLabels {
        change_title: t.programme_change_title,
        change: t.programme_change_series,
        distribution_title: t.programme_distribution_title,
        level_names: f
            .levels
            .iter()
            .map(|l| format!("{} {}", l.level, l.name))
            .collect(),
    };
    let reduced = crate::browser::prefers_reduced_motion();
    let change_option = (!change_rows.is_empty()).then(|| {
        echarts_option(&programme_change(
            &change_rows,
            &labels,
            Layout {
                reduced_motion: reduced,
                compact: false,
            },
        ))
    });
    let stage_rows: Vec<(String, [Option<usize>; 5])> = s
        .figures
        .distribution
        .iter()
        .map(|(stage, _, bands)| (t.stage(*stage).to_string(), *bands))
        .collect();
    let distribution_option = (!stage_rows.is_empty()).then(|| {
        echarts_option(&programme_distribution(
            &stage_rows,
            &labels,
            Layout {
                reduced_motion: reduced,
                compact: false,
            },
        ))
    });
    let change_table = (!change_rows.is_empty()).then(|| view! {
        <table class="cmm-table cmm-table--figures">
            <caption class="cmm-table__caption">{t.programme_change_caption}</caption>
            <thead><tr class="cmm-table__row">
                <th scope="col" class="cmm-table__header">{t.table_theme}</th>
                <th scope="col" class="cmm-table__header">{t.programme_change_col}</th>
                <th scope="col" class="cmm-table__header">{t.programme_councils_col}</th>
            </tr></thead>
            <tbody>
                {s.figures.theme_change.iter().map(|(id, c, n)| view! {
                    <tr class="cmm-table__row">
                        <th scope="row" class="cmm-table__header">{theme_title(id)}</th>
                        <td class="cmm-table__cell" data-label=t.programme_change_col>{super::results::summary::signed(*c)}</td>
                        <td class="cmm-table__cell" data-label=t.programme_councils_col>{*n}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    });
    let distribution_table = (!s.figures.distribution.is_empty()).then(|| view! {
        <table class="cmm-table cmm-table--figures">
            <caption class="cmm-table__caption">{t.programme_distribution_caption}</caption>
            <thead><tr class="cmm-table__row">
                <th scope="col" class="cmm-table__header">{t.programme_stage_col}</th>
                {f.levels.iter().map(|l| view! { <th scope="col" class="cmm-table__header">{format!("{} {}", l.level, l.name)}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {s.figures.distribution.iter().map(|(stage, n, bands)| view! {
                    <tr class="cmm-table__row">
                        <th scope="row" class="cmm-table__header">{fill(t.programme_stage_row, &[("stage", &t.stage(*stage)), ("count", n)])}</th>
                        {bands.iter().enumerate().map(|(i, b)| view! {
                            <td class="cmm-table__cell" data-label=format!("{} {}", f.levels[i].level, f.levels[i].name)>
                                {b.map_or(t.programme_fewer_than_five.to_string(), |n| n.to_string())}
                            </td>
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    });
    let benchmarks = s
        .file
        .benchmarks
        .iter()
        .map(|b| view! {
            <li>{fill(t.programme_benchmark_item, &[("title", &b.title), ("count", &b.sample_size.unwrap_or(0))])}</li>
        })
        .collect_view();
    let has_benchmarks = !s.file.benchmarks.is_empty();
    let file = StoredValue::new(s.file.clone());
    let download = move |_| {
        let json = file.with_value(|f| serde_json::to_string_pretty(f).unwrap_or_default());
        let name = file_name(app, t.file_benchmarks, &file_date(&now_iso()), "json");
        offer_text(app, &name, "application/json", &format!("{json}\n"));
    };
    let overall = s
        .file
        .benchmarks
        .first()
        .map(|b| {
            b.themes
                .iter()
                .map(|fig| format!("{} {}", theme_title(&fig.id), display_level(fig.median)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    view! {
        <p class="cmm-body" role="status">{read_line}</p>
        {s.synthetic.then(|| view! { <p class="cmm-body cmm-inset cmm-inset--warning">{t.programme_synthetic}</p> })}
        <h2 class="cmm-heading-m">{t.programme_improved_heading}</h2>
        {movement}
        <h2 class="cmm-heading-m">{t.programme_change_heading}</h2>
        {match change_option {
            Some(o) => view! { <ChartView option=Signal::derive(move || Some(o.clone())) label=t.programme_change_chart_label tall=true /> }.into_any(),
            None => view! { <p class="cmm-body">{t.programme_no_change}</p> }.into_any(),
        }}
        {change_table}
        <h2 class="cmm-heading-m">{t.programme_distribution_heading}</h2>
        {match distribution_option {
            Some(o) => view! { <ChartView option=Signal::derive(move || Some(o.clone())) label=t.programme_distribution_chart_label /> }.into_any(),
            None => view! { <p class="cmm-body">{t.programme_no_distribution}</p> }.into_any(),
        }}
        {distribution_table}
        <h2 class="cmm-heading-m">{t.programme_file_heading}</h2>
        {if has_benchmarks {
            view! {
                <p class="cmm-body">{t.programme_file_intro}</p>
                <ul class="cmm-list cmm-list--bullet">{benchmarks}</ul>
                {(!overall.is_empty()).then(|| view! { <p class="cmm-body cmm-hint">{fill(t.programme_overall_medians, &[("list", &t.join(&overall))])}</p> })}
                <div class="cmm-button-group">
                    <button type="button" class="cmm-button" on:click=download>{t.programme_download}</button>
                </div>
            }
            .into_any()
        } else {
            view! { <p class="cmm-body cmm-inset">{t.programme_no_file}</p> }.into_any()
        }}
    }
}
