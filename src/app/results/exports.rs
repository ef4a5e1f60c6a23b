//! Downloads from the results: the answers as CSV, each chart as PNG or SVG (with its context
//! drawn in), and printing (the print stylesheet lays the page out as a report).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{bar_chart_for, radar_chart_for, use_results, ResultsData};
use crate::app::state::{AppState, SaveStatus};
use crate::browser::download;
use crate::browser::echarts::{export_image, ImageKind};
use crate::charts::{export_option, Layout, EXPORT_SIZE};
use crate::domain::dates::{file_date, long_date};
use crate::text::fill;
use charming::Chart;

#[derive(Clone, Copy, PartialEq)]
enum Which {
    Radar,
    Bars,
}

/// The lines of context drawn into an exported image.
fn context_lines(state: &AppState, d: &ResultsData) -> Vec<String> {
    let t = state.text;
    let organisation = if d.assessment.organisation.is_empty() {
        String::new()
    } else {
        format!("{}, ", d.assessment.organisation)
    };
    let benchmark = d
        .benchmark
        .as_ref()
        .map(|b| b.title.clone())
        .unwrap_or_default();
    let mut lines = vec![fill(
        t.export_info,
        &[
            ("organisation", &organisation),
            ("date", &long_date(&d.assessment.created)),
            ("benchmark", &benchmark),
        ],
    )];
    if let Some(b) = &d.benchmark {
        lines.push(fill(t.export_source, &[("source", &b.source)]));
    }
    lines
}

fn download_chart(state: AppState, d: ResultsData, which: Which, kind: ImageKind) {
    let layout = Layout {
        reduced_motion: true,
        compact: false,
    };
    let chart = match which {
        Which::Radar => state
            .framework
            .with_value(|f| radar_chart_for(&d, f, state.text, layout)),
        Which::Bars => bar_chart_for(&d, state.text, layout),
    };
    let part = if which == Which::Radar {
        "radar"
    } else {
        "bars"
    };
    download_image(
        state,
        &chart,
        &context_lines(&state, &d),
        part,
        &file_date(&d.assessment.created),
        kind,
    );
}

/// Draws a chart off-screen with lines of context and offers it as a PNG or SVG file named
/// `contract-management-maturity-{part}-{date}`.
pub fn download_image(
    state: AppState,
    chart: &Chart,
    info: &[String],
    part: &str,
    date: &str,
    kind: ImageKind,
) {
    let option = export_option(chart, info);
    let name = format!("contract-management-maturity-{part}-{date}");
    spawn_local(async move {
        let (w, h) = EXPORT_SIZE;
        let result = match export_image(&option, kind, w, h).await {
            Ok(image) if kind == ImageKind::Png => {
                download::data_url(&format!("{name}.png"), &image)
            }
            Ok(svg) => download::text_file(&format!("{name}.svg"), "image/svg+xml", &svg),
            Err(e) => Err(e),
        };
        if let Err(why) = result {
            state.save_status.set(SaveStatus::Failed(why));
        }
    });
}

#[component]
pub fn Exports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
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
                        download_chart(state, d, which, kind);
                    }
                }>
                {label}
            </button>
        }
    };
    view! {
        <section class="cmm-exports cmm-no-print" aria-labelledby="cmm-exports-heading">
            <h2 class="cmm-heading-m" id="cmm-exports-heading">{t.exports_heading}</h2>
            <div class="cmm-button-group">
                {chart_button(Which::Radar, ImageKind::Png)}
                {chart_button(Which::Radar, ImageKind::Svg)}
                {chart_button(Which::Bars, ImageKind::Png)}
                {chart_button(Which::Bars, ImageKind::Svg)}
            </div>
            <div class="cmm-button-group">
                <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                    if let Some(d) = results.get_untracked() { state.download_csv(&d.assessment); }
                }>
                    {t.csv_download}
                </button>
                <button type="button" class="cmm-button" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{t.print}</button>
            </div>
        </section>
    }
}
