//! The Programme page: drop many councils' returns (or full exports) and see the programme's
//! own figures, then download the benchmark file every widget can compare with. The files are
//! read in this page and go nowhere; figures from fewer than five councils are left out and
//! no figure names a council.

use std::sync::Arc;

use crate::app::blocks::Heading;
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
    build_benchmarks_of, programme_figures_of, read_returns, BuildMeta, Cell, Cohort,
    ProgrammeFigures, Scored, Seen,
};
use crate::domain::scoring::display_level;
use crate::domain::{BenchmarkFile, Framework};
use crate::text::{fill, Text};

pub fn programme_page() -> impl IntoView {
    view! { <ProgrammePage /> }
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

/// More files than a programme would send at once: a choice beyond this is refused whole.
const MAX_FILES: usize = 10_000;
/// All the files chosen together, in bytes (far above 10,000 real returns).
const MAX_TOTAL_BYTES: f64 = 100.0 * 1024.0 * 1024.0;
/// How often the progress bar moves while files are read, in files.
const PROGRESS_EVERY: usize = 25;

/// What the page has read: the returns (each scored once, as it was read, and each assessment
/// with the same answers once), and each file it could not use.
#[derive(Clone, Default)]
struct Read {
    /// Shared with the figures being worked out, which take turns with the page.
    returns: Arc<Vec<Scored>>,
    seen: Seen,
    duplicates: usize,
    problems: Vec<String>,
    files: usize,
}

#[component]
fn ProgrammeBody(framework: Arc<Framework>) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let framework = StoredValue::new(framework);
    // Councils are told apart by their register codes once the register is here.
    app.councils.get(app.catalogue);
    // The chart library runs its script while the page waits for files, not in the same turn
    // as the figures it draws (a chart that finds it missing loads it, or says it could not).
    spawn_local(async {
        let _ = crate::browser::echarts::ensure_loaded().await;
    });
    let read = RwSignal::new(Read::default());
    // Files read so far out of those chosen, while reading.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let refused = RwSignal::new(None::<String>);
    let load = move |list: Vec<web_sys::File>| {
        if list.is_empty() {
            return;
        }
        if progress.get_untracked().is_some() {
            // One choice is read at a time; a second is refused aloud, never dropped unseen.
            refused.set(Some(t.programme_busy.to_string()));
            return;
        }
        let already = read.with_untracked(|r| r.files);
        let bytes: f64 = list.iter().map(|f| f.size()).sum();
        if already + list.len() > MAX_FILES {
            refused.set(Some(fill(
                t.programme_too_many_files,
                &[
                    ("max", &t.number(MAX_FILES)),
                    ("count", &t.number(list.len())),
                ],
            )));
            return;
        }
        if bytes > MAX_TOTAL_BYTES {
            refused.set(Some(fill(
                t.programme_too_many_bytes,
                &[("max", &((MAX_TOTAL_BYTES / 1024.0 / 1024.0) as u64))],
            )));
            return;
        }
        refused.set(None);
        let total = list.len();
        progress.set(Some((0, total)));
        spawn_local(async move {
            // Read into a list of this task's own; the figures are worked out once, at the end.
            let mut batch = Read {
                seen: read.with_untracked(|r| r.seen.clone()),
                ..Read::default()
            };
            for (done, file) in list.into_iter().enumerate() {
                let name = file.name();
                let outcome = match files::read_text(&file).await {
                    Ok(text) => framework.with_value(|f| {
                        read_returns(&text, f, &now_iso())
                            .map(|list| {
                                list.into_iter()
                                    .map(|r| Scored::new(f, r))
                                    .collect::<Vec<_>>()
                            })
                            .map_err(|e| t.return_error(&e))
                    }),
                    Err(e) => Err(files::describe(t, &e)),
                };
                batch.files += 1;
                match outcome {
                    Ok(list) => {
                        for s in list {
                            if batch.seen.first(&s.r) {
                                Arc::make_mut(&mut batch.returns).push(s);
                            } else {
                                batch.duplicates += 1;
                            }
                        }
                    }
                    Err(message) => batch.problems.push(fill(
                        t.import_failed,
                        &[("file", &name), ("message", &message)],
                    )),
                }
                if (done + 1) % PROGRESS_EVERY == 0 {
                    progress.set(Some((done + 1, total)));
                    // Let the page draw the progress and answer input before going on.
                    crate::browser::next_turn().await;
                }
            }
            read.update(|r| {
                r.files += batch.files;
                Arc::make_mut(&mut r.returns).extend(Arc::unwrap_or_clone(batch.returns));
                r.seen = batch.seen;
                r.duplicates += batch.duplicates;
                r.problems.extend(batch.problems);
            });
            progress.set(None);
            if refused.get_untracked().as_deref() == Some(t.programme_busy) {
                refused.set(None);
            }
        });
    };
    // Everything below is worked out from the returns read, once each choice is read, a step
    // at a time with the page answering between steps; a newer choice (or the register
    // arriving) starts again and the older work stops.
    let summary = RwSignal::new(None::<Summary>);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let register = app.councils.ready();
        let (returns, duplicates, files) =
            read.with(|r| (Arc::clone(&r.returns), r.duplicates, r.files));
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        summary.set(None);
        if files == 0 {
            return;
        }
        spawn_local(async move {
            let current = move || generation.try_get_value() == Some(this);
            let cohort = Cohort::new(&returns, register.as_deref());
            crate::browser::next_turn().await;
            let Some(figures) = framework
                .try_with_value(|f| programme_figures_of(f, &cohort))
                .filter(|_| current())
            else {
                return;
            };
            crate::browser::next_turn().await;
            let synthetic = returns.iter().any(|s| s.r.synthetic);
            let meta = BuildMeta {
                source: fill(
                    t.programme_source,
                    &[("councils", &t.count(&t.programme_councils, cohort.councils))],
                ),
                synthetic,
                date: file_date(&now_iso()),
                method: t.programme_method.to_string(),
                titles: t.group_titles(),
            };
            let Some(file) = framework
                .try_with_value(|f| build_benchmarks_of(f, &cohort, &meta))
                .filter(|_| current())
            else {
                return;
            };
            crate::browser::next_turn().await;
            if current() {
                summary.try_set(Some(Summary {
                    returns: returns.len(),
                    councils: cohort.councils,
                    duplicates,
                    by_name_only: cohort.by_name_only,
                    figures,
                    file,
                    synthetic,
                }));
            }
        });
    });
    view! {
        <PageHeading>{t.programme_heading}</PageHeading>
        <p class="cmm-body">{fill(t.programme_intro, &[("framework", &framework.with_value(|f| f.title.clone()))])}</p>
        <p class="cmm-body cmm-inset">{t.programme_privacy}</p>
        {move || read.with(|r| (!r.problems.is_empty()).then(|| view! {
            <ErrorSummary title=t.programme_problem
                errors=r.problems.iter().map(|p| FieldError::at("cmm-programme-files", p.clone())).collect() />
        }))}
        <FileDrop id="cmm-programme-files" label=t.programme_label hint=t.programme_hint on_files=Callback::new(load)
            error=Signal::derive(move || refused.get()) />
        {move || progress.get().map(|(done, total)| {
            let label = fill(t.programme_reading, &[("done", &t.number(done)), ("total", &t.number(total))]);
            view! {
                <div class="cmm-progress" role="status">
                    <label class="cmm-label" for="cmm-programme-progress">{label}</label>
                    <progress class="cmm-progress__bar" id="cmm-programme-progress" max=total value=done></progress>
                </div>
            }
        })}
        {move || {
            if read.with(|r| r.files == 0) {
                return view! { <p class="cmm-body">{t.programme_empty}</p> }.into_any();
            }
            match summary.get() {
                Some(s) => view! { <Figures app s framework=framework.get_value() /> }.into_any(),
                None => view! { <p class="cmm-body cmm-loading" role="status">{t.programme_working}</p> }.into_any(),
            }
        }}
    }
}

#[derive(Clone, PartialEq)]
struct Summary {
    returns: usize,
    councils: usize,
    duplicates: usize,
    by_name_only: usize,
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
        &[
            ("returns", &t.count(&t.programme_returns, s.returns)),
            ("councils", &t.count(&t.programme_councils, s.councils)),
        ],
    );
    if s.duplicates > 0 {
        read_line = format!(
            "{read_line} {}",
            t.count(&t.programme_duplicates, s.duplicates)
        );
    }
    if s.by_name_only > 0 {
        read_line = format!(
            "{read_line} {}",
            t.count(&t.programme_by_name, s.by_name_only)
        );
    }
    let hidden_any = s.figures.movement.is_some_and(|m| {
        [m.rose, m.stayed, m.fell]
            .iter()
            .any(|c| c.count().is_none())
    }) || s
        .figures
        .distribution
        .iter()
        .any(|(_, _, b)| b.iter().any(|c| c.count().is_none()));
    let movement = match s.figures.movement {
        Some(m) => view! {
            <table class="cmm-table cmm-table--figures cmm-table--stack">
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
                            <td class="cmm-table__cell" data-label=t.programme_councils_col>{cell_text(t, n)}</td>
                            <td class="cmm-table__cell" data-label=t.programme_share_col>{m.percent(n).map_or_else(|| cell_text(t, n), |p| format!("{p}%"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any(),
        None => view! { <p class="cmm-body cmm-inset">{t.count(&t.programme_too_few_councils, s.figures.councils)}</p> }.into_any(),
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
                size: None,
            },
        ))
    });
    let stage_rows: Vec<(String, [Option<usize>; 5])> = s
        .figures
        .distribution
        .iter()
        .map(|(stage, _, bands)| (t.stage(*stage).to_string(), bands.map(Cell::count)))
        .collect();
    let distribution_option = (!stage_rows.is_empty()).then(|| {
        echarts_option(&programme_distribution(
            &stage_rows,
            &labels,
            Layout {
                reduced_motion: reduced,
                compact: false,
                size: None,
            },
        ))
    });
    let change_table = (!change_rows.is_empty()).then(|| view! {
        <table class="cmm-table cmm-table--figures cmm-table--stack">
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
                        <td class="cmm-table__cell" data-label=t.programme_change_col>{crate::domain::scoring::display_change(*c)}</td>
                        <td class="cmm-table__cell" data-label=t.programme_councils_col>{*n}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    });
    let distribution_table = (!s.figures.distribution.is_empty()).then(|| view! {
        <table class="cmm-table cmm-table--figures cmm-table--stack">
            <caption class="cmm-table__caption">{t.programme_distribution_caption}</caption>
            <thead><tr class="cmm-table__row">
                <th scope="col" class="cmm-table__header">{t.programme_stage_col}</th>
                {f.levels.iter().map(|l| view! { <th scope="col" class="cmm-table__header">{format!("{} {}", l.level, l.name)}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {s.figures.distribution.iter().map(|(stage, n, bands)| view! {
                    <tr class="cmm-table__row">
                        <th scope="row" class="cmm-table__header">{fill(t.programme_stage_row, &[("stage", &t.stage(*stage)), ("councils", &t.count(&t.programme_councils, *n))])}</th>
                        {bands.iter().enumerate().map(|(i, b)| view! {
                            <td class="cmm-table__cell" data-label=format!("{} {}", f.levels[i].level, f.levels[i].name)>
                                {cell_text(t, *b)}
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
            <li>{fill(t.programme_benchmark_item, &[("title", &b.title), ("councils", &t.count(&t.programme_councils, b.sample_size.unwrap_or(0) as usize))])}</li>
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
        <p class="cmm-body cmm-programme-read" role="status">{read_line}</p>
        {hidden_any.then(|| view! { <p class="cmm-body cmm-hint">{t.programme_hidden_note}</p> })}
        {s.synthetic.then(|| view! { <p class="cmm-body cmm-inset cmm-inset--warning">{t.programme_synthetic}</p> })}
        <Heading depth=2 class="cmm-heading-m">{t.programme_improved_heading}</Heading>
        {movement}
        <Heading depth=2 class="cmm-heading-m">{t.programme_change_heading}</Heading>
        {match change_option {
            Some(o) => view! { <ChartView option=Signal::derive(move || Some(o.clone())) label=t.programme_change_chart_label tall=true /> }.into_any(),
            None => view! { <p class="cmm-body">{t.programme_no_change}</p> }.into_any(),
        }}
        {change_table}
        <Heading depth=2 class="cmm-heading-m">{t.programme_distribution_heading}</Heading>
        {match distribution_option {
            Some(o) => view! { <ChartView option=Signal::derive(move || Some(o.clone())) label=t.programme_distribution_chart_label /> }.into_any(),
            None => view! { <p class="cmm-body">{t.programme_no_distribution}</p> }.into_any(),
        }}
        {distribution_table}
        <Heading depth=2 class="cmm-heading-m">{t.programme_file_heading}</Heading>
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

/// A protected count in words: the number, or why it is not shown.
fn cell_text(t: &Text, cell: Cell) -> String {
    match cell {
        Cell::Count(n) => t.number(n),
        Cell::FewerThanFive => t.programme_fewer_than_five.to_string(),
        Cell::Withheld => t.programme_withheld.to_string(),
    }
}
