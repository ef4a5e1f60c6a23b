//! The one-page board summary: organisation, date, framework and comparison, the overall level,
//! the radar against the benchmark, the three largest gaps with their next steps, progress since
//! the last assessment and how the figures were made. A page that prints on one landscape A4
//! sheet, and the same words laid out as a 16:9 picture for a slide.

use crate::app::blocks::Heading;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{current_results, radar_chart_for, radar_left_off, read_benchmarks, ResultsData};
use crate::app::blocks::{ChartView, PageHeading, PRINT_SIZE};
use crate::app::downloads::{file_name, say_if_failed};
use crate::app::shell::follow;
use crate::app::state::{use_app, App};
use crate::browser::download;
use crate::browser::echarts::{export_image, rasterise, ImageKind};
use crate::charts::{echarts_option, Layout};
use crate::domain::board::{board_svg, png_with_text, BoardText, BOARD_SIZE};
use crate::domain::dates::file_date;
use crate::domain::roadmap::{build, Step};
use crate::domain::scoring::{display_change, display_level, round1};
use crate::domain::share::base64_encode;
use crate::route::Route;
use crate::text::{fill, Text};

pub fn board_page() -> impl IntoView {
    view! { <BoardPage /> }
}

/// Every word of the summary, filled in once for the page and the picture alike.
pub fn board_text(t: &Text, d: &ResultsData) -> BoardText {
    let f = &d.framework;
    let a = &d.assessment;
    // Who and when, once each: the organisation (or the assessment's own name, for a learner
    // who gave one) and the date; an unnamed learner's assessment has only the date.
    let who = [a.organisation.trim(), a.name.trim()]
        .into_iter()
        .find(|w| !w.is_empty());
    let date = t.long_date(&a.updated);
    let subtitle = match who {
        Some(who) => fill(t.board_subtitle, &[("organisation", &who), ("date", &date)]),
        None => date,
    };
    let compared = match &d.benchmark {
        Some(b) if b.illustrative => {
            fill(t.board_compared_illustrative, &[("benchmark", &b.title)])
        }
        Some(b) => fill(t.board_compared, &[("benchmark", &b.title)]),
        None => t.board_no_benchmark.to_string(),
    };
    let progress = match (&d.previous, d.scores.overall) {
        (Some((p, s)), Some(now)) if s.overall.is_some() => {
            let then = s.overall.unwrap_or_default();
            let change = round1(now) - round1(then);
            let key = if change > 0.0 {
                t.board_progress_up
            } else if change < 0.0 {
                t.board_progress_down
            } else {
                t.board_progress_same
            };
            fill(
                key,
                &[
                    ("change", &display_level(change.abs())),
                    ("date", &t.long_date(&p.created)),
                    ("level", &t.level_with_name(f, then)),
                ],
            )
        }
        _ => t.board_first.to_string(),
    };
    let roadmap = build(f, a, &d.targets());
    let gaps = roadmap
        .priorities(3)
        .into_iter()
        .filter_map(|item| {
            let Step::Climb { from, to, action } = &item.step else {
                return None;
            };
            let theme = f.theme(&item.theme_id)?;
            let question = f.question(&item.question_id)?;
            Some((
                fill(
                    t.board_gap_heading,
                    &[("theme", &theme.title), ("question", &question.title)],
                ),
                fill(
                    t.board_gap_step,
                    &[("from", &from.get()), ("to", &to.get()), ("action", action)],
                ),
            ))
        })
        .collect();
    BoardText {
        title: t.board_title.to_string(),
        subtitle,
        compared,
        overall_label: t.board_overall_label.to_string(),
        overall: t.level_or_none(f, d.scores.overall),
        progress,
        // On the slide the date and owner come first, so a long action is what is cut short.
        plan: plan_glance(t, d, t.board_picture_overdue)
            .map(|(counts, late)| {
                std::iter::once(fill(t.board_picture_plan, &[("counts", &counts)]))
                    .chain(late.into_iter().take(1))
                    .collect()
            })
            .unwrap_or_default(),
        gaps_heading: t.board_gaps.to_string(),
        gaps,
        footer: t.method(f, a, &d.scores),
    }
}

/// The summary as a one-page Word document: the same words, the radar and the figures table.
fn download_docx(app: App, d: ResultsData, busy: RwSignal<bool>) {
    let t = app.t();
    busy.set(true);
    spawn_local(async move {
        let text = Box::new(board_text(t, &d));
        let (w, h) = crate::charts::EXPORT_SIZE;
        let radar = crate::app::office::chart_image(
            &radar_chart_for(&d, t, Layout::still(w, h)),
            t.board_chart_label.to_string(),
        )
        .await;
        let plan = plan_glance(t, &d, t.board_plan_overdue_item)
            .map(|(counts, overdue)| crate::office::report::BoardPlan { counts, overdue });
        let name = file_name(app, t.file_board, &file_date(&d.assessment.updated), "docx");
        let word = crate::app::office::Word::Board { text, plan, radar };
        let office = crate::app::office::Office::Word(word);
        crate::app::office::offer(app, name, d.facts(false), office, busy);
    });
}

#[component]
fn BoardPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    if let Some(id) = app
        .current
        .with_untracked(|a| a.as_ref().map(|a| a.framework_id.clone()))
    {
        read_benchmarks(app, id);
    }
    // The summary compares with what the assessment keeps as its comparison.
    let data = current_results(app, move || {
        app.current
            .with(|a| a.as_ref().and_then(|a| a.compare_with.clone()))
    });
    move || match data.get() {
        Some(d) => view! { <Board d /> }.into_any(),
        None => view! {
            <PageHeading>{t.board_heading}</PageHeading>
            <p class="cmm-body cmm-loading" role="status">{t.loading_part}</p>
        }
        .into_any(),
    }
}

/// The radar as drawn for the summary, laid out for its box.
fn radar_option(t: &'static Text, d: &ResultsData, layout: Layout) -> serde_json::Value {
    echarts_option(&radar_chart_for(d, t, layout))
}

/// The radar's size in the picture, in CSS pixels.
const PICTURE_RADAR: (u32, u32) = (520, 456);

fn download_png(app: App, d: ResultsData) {
    let t = app.t();
    let text = board_text(t, &d);
    let (w, h) = PICTURE_RADAR;
    let option = radar_option(t, &d, Layout::still(w, h));
    let name = file_name(app, t.file_board, &file_date(&d.assessment.updated), "png");
    let title = fill(
        t.board_png_title,
        &[
            ("title", &text.title),
            ("organisation", &d.assessment.organisation),
            ("date", &t.long_date(&d.assessment.updated)),
        ],
    );
    spawn_local(async move {
        let made = async {
            let radar = export_image(&option, ImageKind::Svg, w, h).await?;
            let radar = crate::domain::xml::without_forbidden(&radar);
            let svg = board_svg(&text, Some(&base64_encode(radar.as_bytes())));
            let (w, h) = BOARD_SIZE;
            let url = rasterise(&svg, w, h, 2).await?;
            let bytes = decode_data_url(&url).ok_or("the image could not be made")?;
            let png = png_with_text(&bytes, "Title", &title);
            download::bytes_file(&name, "image/png", &png)
        };
        say_if_failed(app, made.await);
    });
}

/// The bytes of a base64 `data:` URL.
fn decode_data_url(url: &str) -> Option<Vec<u8>> {
    let encoded = url.split_once(";base64,")?.1;
    let window = web_sys::window()?;
    let binary = window.atob(encoded).ok()?;
    Some(binary.chars().map(|c| c as u32 as u8).collect())
}

/// The figures behind the radar, in as few columns as a board paper needs: each theme's level,
/// the benchmark's median ("expected") and the change since the last assessment.
#[component]
fn BoardTable(d: ResultsData) -> impl IntoView {
    let t = use_app().t();
    let expected = d.benchmark.as_ref().map(|b| b.title.clone());
    let since = d
        .previous
        .as_ref()
        .map(|(p, _)| fill(t.board_table_change, &[("date", &t.long_date(&p.created))]));
    let caption = match &expected {
        Some(b) => fill(t.board_table_caption_vs, &[("benchmark", b)]),
        None => t.board_table_caption.to_string(),
    };
    let body = d
        .rows
        .iter()
        .map(|row| {
            let level = row.level.map_or(String::from("–"), display_level);
            let median = row
                .benchmark
                .median()
                .map_or(t.no_figure.to_string(), display_level);
            let change = row.change().map_or(String::from("–"), display_change);
            view! {
                <tr class="cmm-table__row">
                    <th scope="row" class="cmm-table__header">{row.title.clone()}</th>
                    <td class="cmm-table__cell cmm-table__cell--numeric" data-label=t.table_level>{level}</td>
                    {expected.is_some().then(|| view! {
                        <td class="cmm-table__cell cmm-table__cell--numeric" data-label=t.board_table_expected>{median}</td>
                    })}
                    {since.clone().map(|s| view! { <td class="cmm-table__cell cmm-table__cell--numeric" data-label=s>{change}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cmm-table cmm-table--compact cmm-table--stack cmm-board__table">
            <caption class="cmm-table__caption cmm-table__caption--s">{caption}</caption>
            <thead>
                <tr class="cmm-table__row">
                    <th scope="col" class="cmm-table__header">{t.table_theme}</th>
                    <th scope="col" class="cmm-table__header cmm-table__header--numeric">{t.table_level}</th>
                    {expected.is_some().then(|| view! { <th scope="col" class="cmm-table__header cmm-table__header--numeric">{t.board_table_expected}</th> })}
                    {since.clone().map(|s| view! { <th scope="col" class="cmm-table__header cmm-table__header--numeric">{s}</th> })}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// Set by a screen that shows the summary in place (a shared link's results, which are not
/// saved, so the board page's route could not find them).
#[derive(Clone, Copy)]
pub struct OpenBoard(pub RwSignal<bool>);

pub const HEADING_ID: &str = "cmm-board-heading";
pub const OPEN_ID: &str = "cmm-board-open";

/// The summary itself. `on_back` says where "Back" goes when it is not the saved results (a
/// shared link's results, say).
#[component]
pub fn Board(d: ResultsData, #[prop(optional)] on_back: Option<Callback<()>>) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let text = board_text(t, &d);
    let reduced = crate::browser::prefers_reduced_motion();
    let (width, height) = (RwSignal::new(0.0), RwSignal::new(0.0));
    let option = {
        let d = d.clone();
        Memo::new(move |_| {
            let layout = Layout::for_size(width.get(), height.get(), reduced);
            Some(radar_option(t, &d, layout))
        })
    };
    let (pw, ph) = PRINT_SIZE;
    let print = radar_option(t, &d, Layout::still(pw, ph));
    let left_off = radar_left_off(&d, t);
    let table = d.clone();
    let stored = StoredValue::new(d);
    let busy = RwSignal::new(false);
    let gaps = if text.gaps.is_empty() {
        view! { <p class="cmm-body">{t.board_no_gaps}</p> }.into_any()
    } else {
        view! {
            <ol class="cmm-list cmm-list--number cmm-board__gaps">
                {text.gaps.iter().map(|(heading, step)| view! {
                    <li><strong>{heading.clone()}</strong><br />{step.clone()}</li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let plan_status = board_plan(t, &stored.get_value());
    view! {
        <div class="cmm-board">
            <PageHeading caption=text.subtitle.clone() id=HEADING_ID>{t.board_heading}</PageHeading>
            <p class="cmm-body">{text.compared.clone()}</p>
            <div class="cmm-board__grid">
                <div class="cmm-board__words">
                    <div class="cmm-panel">
                        <p class="cmm-panel__secondary">{text.overall_label.clone()}</p>
                        <p class="cmm-panel__level">{text.overall.clone()}</p>
                        <p class="cmm-panel__secondary">{text.progress.clone()}</p>
                    </div>
                    <Heading depth=2 class="cmm-heading-m">{text.gaps_heading.clone()}</Heading>
                    {gaps}
                    {plan_status}
                </div>
                <div class="cmm-board__chart">
                    <ChartView option=option.into() width height
                        print=Signal::derive(move || Some(print.clone())) label=t.board_chart_label />
                    {left_off.into_iter().map(|n| view! { <p class="cmm-body cmm-radar-left-off">{n}</p> }).collect_view()}
                    <BoardTable d=table />
                </div>
            </div>
            <p class="cmm-body cmm-board__footer">{text.footer.clone()}</p>
            <div class="cmm-button-group cmm-no-print">
                {move || (!app.limits.get().no_downloads).then(|| view! {
                    <button type="button" class="cmm-button" on:click=move |_| download_png(app, stored.get_value())>
                        {t.board_download}
                    </button>
                })}
                {move || (!app.limits.get().no_downloads).then(|| view! {
                    <button type="button" class="cmm-button cmm-button--secondary" aria-disabled=move || busy.get().then_some("true")
                        on:click=move |_| if !busy.get_untracked() { download_docx(app, stored.get_value(), busy) }>
                        {t.office_board_docx}
                    </button>
                })}
                {move || (!app.limits.get().no_print).then(|| view! {
                    <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                        if let Some(w) = web_sys::window() { let _ = w.print(); }
                    }>{t.board_print}</button>
                })}
                {match on_back {
                    Some(back) => view! {
                        <button type="button" class="cmm-button cmm-button--secondary"
                            on:click=move |_| back.run(())>{t.board_back}</button>
                    }.into_any(),
                    None => view! {
                        <a class="cmm-button cmm-button--secondary" href=Route::Results.to_hash()
                            on:click=move |ev| follow(ev, app.nav, Route::Results)>{t.board_back}</a>
                    }.into_any(),
                }}
            </div>
            <p class="cmm-body cmm-hint cmm-no-print" role="status">{move || busy.get().then_some(t.office_making)}</p>
        </div>
    }
}

/// A council's improvement plan at a glance: its colours in words, and its three actions longest
/// overdue (each as the words to fill `template` with). `None` for a learner, or a council with
/// no actions in its plan.
fn plan_glance(t: &Text, d: &ResultsData, template: &str) -> Option<(String, Vec<String>)> {
    if d.framework.audience == crate::domain::Audience::Individual {
        return None;
    }
    let plan = super::council_plan::plan_of(d);
    if plan.actions.is_empty() {
        return None;
    }
    let today = crate::browser::today();
    let counts = super::council_plan::counts_text(t, plan.counts(&today));
    let late = plan
        .most_overdue(&today, 3)
        .into_iter()
        .map(|item| {
            let owner = t.owner_or_none(&item.step);
            fill(
                template,
                &[
                    (
                        "action",
                        &super::council_plan::action_text(&d.framework, t, item),
                    ),
                    ("owner", &owner),
                    (
                        "date",
                        &t.long_date(item.step.due.as_deref().unwrap_or_default()),
                    ),
                ],
            )
        })
        .collect();
    Some((counts, late))
}

fn board_plan(t: &'static Text, d: &ResultsData) -> Option<impl IntoView> {
    let (counts, late) = plan_glance(t, d, t.board_plan_overdue_item)?;
    Some(view! {
        <div class="cmm-board__plan">
            <Heading depth=2 class="cmm-heading-m">{t.board_plan_heading}</Heading>
            <p class="cmm-body">{fill(t.board_plan_counts, &[("counts", &counts)])}</p>
            <Heading depth=3 class="cmm-heading-s">{t.board_plan_overdue}</Heading>
            {if late.is_empty() {
                view! { <p class="cmm-body">{t.board_plan_none_overdue}</p> }.into_any()
            } else {
                view! {
                    <ol class="cmm-list cmm-list--number cmm-board__overdue">
                        {late.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </div>
    })
}
