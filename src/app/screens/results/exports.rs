//! Downloads from the results: the answers as CSV, each chart as PNG or SVG (with its context
//! drawn in), and printing (the print stylesheet lays the page out as a report).

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::board::{OpenBoard, HEADING_ID, OPEN_ID};
use crate::browser::focus::focus_by_id_after_redraw;

use super::{bar_chart_for, radar_chart_for, use_results, ReadOnly, ResultsData};
use crate::app::downloads::{file_name, file_stem, offer_chart, offer_csv};
use crate::app::office::{chart_image, offer, Office, Word};
use crate::app::shell::follow;
use crate::app::state::{use_app, App};
use crate::browser::echarts::ImageKind;
use crate::charts::Layout;
use crate::domain::dates::file_date;
use crate::domain::exchange::{to_csv, CsvWords};
use crate::route::Route;
use crate::text::fill;

#[derive(Clone, Copy, PartialEq)]
enum Which {
    Radar,
    Bars,
}

/// The lines of context drawn into an exported image.
pub fn context_lines(app: App, d: &ResultsData) -> Vec<String> {
    let t = app.t();
    let benchmark = d.benchmark.as_ref().map(|b| {
        if b.illustrative {
            fill(t.export_illustrative, &[("benchmark", &b.title)])
        } else {
            b.title.clone()
        }
    });
    let mut lines = vec![t.export_info(&d.assessment, benchmark.as_deref())];
    if let Some(b) = &d.benchmark {
        lines.push(fill(t.export_source, &[("source", &b.source)]));
    }
    lines
}

fn download_chart(app: App, d: ResultsData, which: Which, kind: ImageKind) {
    let t = app.t();
    let layout = Layout::STILL;
    let (chart, part) = match which {
        Which::Radar => (radar_chart_for(&d, t, layout), "radar"),
        Which::Bars => (bar_chart_for(&d, t, layout), "bars"),
    };
    let name = file_stem(app, part, &file_date(&d.assessment.created));
    offer_chart(app, &chart, &context_lines(app, &d), name, kind);
}

/// The answers as CSV, one row per question.
pub fn download_csv(app: App, d: &ResultsData) {
    let t = app.t();
    let words = CsvWords {
        headers: t.answer_headers(),
        dont_know: t.dont_know,
        not_applicable: t.not_applicable,
        not_answered: t.not_answered,
    };
    let csv = to_csv(&d.framework, &d.assessment, &words);
    let name = file_name(app, "", &file_date(&d.assessment.created), "csv");
    offer_csv(app, &name, &csv);
}

/// The report as a Word document (with both charts as pictures) or the figures as a workbook.
fn download_office(app: App, d: ResultsData, word: bool, shared: bool, busy: RwSignal<bool>) {
    let t = app.t();
    busy.set(true);
    leptos::task::spawn_local(async move {
        let date = file_date(&d.assessment.created);
        if word {
            let layout = Layout::STILL;
            let benchmark = d
                .benchmark
                .as_ref()
                .map(|b| b.title.clone())
                .unwrap_or_default();
            let alt = |label: &str| fill(label, &[("benchmark", &benchmark)]);
            let radar = chart_image(&radar_chart_for(&d, t, layout), alt(t.radar_label)).await;
            let bars = chart_image(&bar_chart_for(&d, t, layout), alt(t.bars_label)).await;
            let left_off = super::radar_left_off(&d, t);
            let word = Word::Report {
                radar,
                bars,
                left_off,
            };
            let name = file_name(app, "", &date, "docx");
            offer(app, name, d.facts(shared), Office::Word(word), busy);
        } else {
            let name = file_name(app, "", &date, "xlsx");
            offer(app, name, d.facts(shared), Office::Excel, busy);
        }
    });
}

#[component]
pub fn Exports() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let chart_button = move |which: Which, kind: ImageKind| {
        let name = if which == Which::Radar {
            t.radar_short
        } else {
            t.bars_short
        };
        let label = fill(
            if kind == ImageKind::Png {
                t.download_png
            } else {
                t.download_svg
            },
            &[("chart", &name)],
        );
        view! {
            <button type="button" class="cmm-button cmm-button--secondary"
                on:click=move |_| {
                    if let Some(d) = results.get_untracked() {
                        download_chart(app, d, which, kind);
                    }
                }>
                {label}
            </button>
        }
    };
    let read_only = expect_context::<ReadOnly>().0;
    let busy = RwSignal::new(false);
    let office_button = move |word: bool| {
        view! {
            <button type="button" class="cmm-button cmm-button--secondary" aria-disabled=move || busy.get().then_some("true")
                on:click=move |_| {
                    if busy.get_untracked() {
                        return;
                    }
                    if let Some(d) = results.get_untracked() {
                        download_office(app, d, word, read_only, busy);
                    }
                }>
                {if word { t.office_docx_download } else { t.office_xlsx_download }}
            </button>
        }
    };
    view! {
        <section class="cmm-exports cmm-no-print" aria-labelledby="cmm-exports-heading">
            <Heading depth=3 class="cmm-heading-s" id="cmm-exports-heading">{t.exports_heading}</Heading>
            {move || {
                let limits = app.limits.get();
                if limits.no_downloads {
                    return view! { <p class="cmm-body cmm-inset">{t.sandbox_downloads}</p> }.into_any();
                }
                view! {
                    <div class="cmm-button-group">
                        {chart_button(Which::Radar, ImageKind::Png)}
                        {chart_button(Which::Radar, ImageKind::Svg)}
                        {chart_button(Which::Bars, ImageKind::Png)}
                        {chart_button(Which::Bars, ImageKind::Svg)}
                    </div>
                    <div class="cmm-button-group">
                        <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                            if let Some(d) = results.get_untracked() { download_csv(app, &d); }
                        }>
                            {t.csv_download}
                        </button>
                        {office_button(true)}
                        {office_button(false)}
                    </div>
                    <p class="cmm-body cmm-hint" role="status">{move || busy.get().then_some(t.office_making)}</p>
                }
                .into_any()
            }}
            <div class="cmm-button-group">
                {move || (!app.limits.get().no_print).then(|| view! {
                    <button type="button" class="cmm-button" on:click=move |_| {
                        if let Some(w) = web_sys::window() { let _ = w.print(); }
                    }>{t.print}</button>
                })}
                {match (read_only, use_context::<OpenBoard>()) {
                    (false, _) => Some(view! {
                        <a class="cmm-button cmm-button--secondary" href=Route::Board.to_hash()
                            on:click=move |ev| follow(ev, app.nav, Route::Board)>{t.board_link}</a>
                    }.into_any()),
                    (true, Some(OpenBoard(open))) => Some(view! {
                        <button type="button" class="cmm-button cmm-button--secondary" id=OPEN_ID
                            on:click=move |_| {
                                open.set(true);
                                focus_by_id_after_redraw(HEADING_ID.to_string(), false);
                            }>{t.board_link}</button>
                    }.into_any()),
                    (true, None) => None,
                }}
            </div>
        </section>
    }
}
