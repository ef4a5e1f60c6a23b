//! A chart: loads ECharts on first use, draws the option, follows size changes (reporting its
//! width so the option can adapt), and disposes of the drawing when it goes away. If the chart
//! library cannot be loaded or throws, the chart says so and offers to try again; the figures
//! table beside every chart carries the same figures either way.
//!
//! Each chart also has a print copy: the same option drawn off-screen at a fixed size, shown as
//! an SVG image that print CSS scales into the page's content box. The on-screen drawing is
//! laid out for the window, which may be far wider or narrower than the paper.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::state::use_app;
use crate::browser::echarts::{self, ImageKind, Instance, ResizeWatch};

/// The size the print copy is drawn at, in CSS pixels (about 148 mm wide at 96 dpi, so the
/// chart's 12 px text prints at 9 pt when the copy is shown at its own size).
pub const PRINT_SIZE: (u32, u32) = (560, 440);
pub const PRINT_SIZE_TALL: (u32, u32) = (560, 520);

#[component]
pub fn ChartView(
    /// The ECharts option to draw (see `charts::echarts_option`).
    option: Signal<Option<serde_json::Value>>,
    #[prop(into)] label: Signal<String>,
    /// Set to the container's width in CSS pixels whenever it changes.
    #[prop(optional)]
    width: Option<RwSignal<f64>>,
    /// Set to the container's height in CSS pixels whenever it changes.
    #[prop(optional)]
    height: Option<RwSignal<f64>>,
    #[prop(optional)] tall: bool,
    /// The option for the print copy, when it should differ from the screen's (laid out for
    /// the print size rather than for a narrow window).
    #[prop(optional)]
    print: Option<Signal<Option<serde_json::Value>>>,
) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let node = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<Instance>);
    let watch = StoredValue::new_local(None::<ResizeWatch>);
    let failed = RwSignal::new(false);
    let drawing_started = StoredValue::new(false);
    // Every chart on the screen tries again together.
    let attempt = app.redraw;

    // Measure once mounted, then follow size changes (window resizes, a hidden panel shown).
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if watch.with_value(Option::is_some) {
            return;
        }
        let measure = {
            let el = el.clone();
            move || (f64::from(el.client_width()), f64::from(el.client_height()))
        };
        let report = move || {
            let (w, h) = measure();
            for (signal, now) in [(width, w), (height, h)] {
                if let Some(s) = signal {
                    if (s.get_untracked() - now).abs() >= 1.0 {
                        s.set(now);
                    }
                }
            }
        };
        report();
        let on_resize = move || {
            report();
            instance.try_with_value(|i| i.as_ref().map(Instance::resize));
        };
        watch.set_value(ResizeWatch::new(&el, on_resize));
    });

    Effect::new(move |_| {
        attempt.track();
        let Some(drawing) = option.get() else { return };
        let Some(el) = node.get() else { return };
        if instance.with_value(Option::is_some) {
            let drawn = instance.with_value(|i| i.as_ref().map(|i| echarts::update(i, &drawing)));
            failed.set(matches!(drawn, Some(Err(_))));
            return;
        }
        // One first drawing at a time: ECharts hands back the same instance for the same
        // element, so a second would dispose of the first's chart. The drawing in flight takes
        // the latest option when it is done.
        if drawing_started.get_value() {
            return;
        }
        drawing_started.set_value(true);
        spawn_local(async move {
            // Each drawing in a turn of its own, not in the one that made the page.
            crate::browser::next_turn().await;
            let rendered = match echarts::ensure_loaded().await {
                Ok(()) => echarts::render(&el, &drawing),
                Err(e) => Err(e),
            };
            drawing_started.try_set_value(false);
            match rendered {
                Ok(fresh) => {
                    let mut fresh = Some(fresh);
                    match instance.try_update_value(|i| fresh.take().and_then(|f| i.replace(f))) {
                        // Unmounted while ECharts loaded: nothing will ever show this chart.
                        None => {
                            if let Some(orphan) = fresh {
                                orphan.dispose();
                            }
                            return;
                        }
                        Some(Some(older)) => older.dispose(),
                        Some(None) => {}
                    }
                    failed.try_set(false);
                    // The option may have changed while ECharts loaded.
                    if let Some(latest) = option.get_untracked() {
                        instance.with_value(|i| i.as_ref().map(|i| echarts::update(i, &latest)));
                    }
                }
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    });
    // The print copy, redrawn whenever the option changes; only the latest drawing is kept.
    let print_url = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);
    let print_option = print.unwrap_or(option);
    Effect::new(move |_| {
        attempt.track();
        let Some(mut drawing) = print_option.get() else {
            return;
        };
        drawing["animation"] = false.into();
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let (w, h) = if tall { PRINT_SIZE_TALL } else { PRINT_SIZE };
        spawn_local(async move {
            crate::browser::next_turn().await;
            let Ok(svg) = echarts::export_image(&drawing, ImageKind::Svg, w, h).await else {
                return;
            };
            let Ok(url) = echarts::svg_url(&svg) else {
                return;
            };
            if generation.try_get_value() != Some(this) {
                echarts::revoke(&url);
                return;
            }
            match print_url.try_update(|u| u.replace(url.clone())) {
                Some(Some(old)) => echarts::revoke(&old),
                Some(None) => {}
                None => echarts::revoke(&url),
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(url)) = print_url.try_get_untracked() {
            echarts::revoke(&url);
        }
        watch.try_update_value(Option::take);
        if let Some(Some(i)) = instance.try_update_value(Option::take) {
            i.dispose();
        }
    });
    view! {
        // ECharts writes its own aria-label on the element it draws in, so it draws in an inner
        // element and our label (which points to the table) stays on the outer one.
        <div class="cmm-chart" class:cmm-chart--tall=tall class:cmm-chart--failed=move || failed.get()
            class:cmm-chart--has-print=move || print_url.with(Option::is_some)
            role="img" aria-label=move || label.get()>
            <div class="cmm-chart__canvas" node_ref=node></div>
        </div>
        // If the host page's policy refuses the image, print falls back to the screen drawing.
        {move || print_url.get().map(|src| view! {
            <img class="cmm-print-chart" src=src alt=move || label.get()
                on:error=move |_| print_url.set(None) />
        })}
        {move || failed.get().then(|| view! {
            <div class="cmm-chart-failed cmm-no-print" role="alert">
                <p class="cmm-body">{t.chart_failed}</p>
                <button type="button" class="cmm-button cmm-button--secondary"
                    on:click=move |_| attempt.update(|n| *n += 1)>
                    {t.try_again}
                </button>
            </div>
        })}
    }
}
