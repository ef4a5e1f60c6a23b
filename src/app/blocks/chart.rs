//! A chart: loads ECharts on first use, draws the option, follows size changes (reporting its
//! width so the option can adapt), and disposes of the drawing when it goes away. If the chart
//! library cannot be loaded or throws, the chart says so and offers to try again; the figures
//! table beside every chart carries the same figures either way.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::state::use_app;
use crate::browser::echarts::{self, Instance, ResizeWatch};

#[component]
pub fn ChartView(
    /// The ECharts option to draw (see `charts::echarts_option`).
    option: Signal<Option<serde_json::Value>>,
    #[prop(into)] label: Signal<String>,
    /// Set to the container's width in CSS pixels whenever it changes.
    #[prop(optional)]
    width: Option<RwSignal<f64>>,
    #[prop(optional)] tall: bool,
) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let node = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<Instance>);
    let watch = StoredValue::new_local(None::<ResizeWatch>);
    let failed = RwSignal::new(false);
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
            move || f64::from(el.client_width())
        };
        if let Some(w) = width {
            w.set(measure());
        }
        let on_resize = move || {
            if let Some(w) = width {
                let now = measure();
                if (w.get_untracked() - now).abs() >= 1.0 {
                    w.set(now);
                }
            }
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
        spawn_local(async move {
            let rendered = match echarts::ensure_loaded().await {
                Ok(()) => echarts::render(&el, &drawing),
                Err(e) => Err(e),
            };
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
    on_cleanup(move || {
        watch.try_update_value(Option::take);
        if let Some(Some(i)) = instance.try_update_value(Option::take) {
            i.dispose();
        }
    });
    view! {
        // ECharts writes its own aria-label on the element it draws in, so it draws in an inner
        // element and our label (which points to the table) stays on the outer one.
        <div class="cmm-chart" class:cmm-chart--tall=tall class:cmm-chart--failed=move || failed.get()
            role="img" aria-label=move || label.get()>
            <div class="cmm-chart__canvas" node_ref=node></div>
        </div>
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
