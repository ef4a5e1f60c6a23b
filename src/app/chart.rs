//! A chart container: loads ECharts on first use, renders charming options, follows size changes
//! (reporting its width so the options can adapt) and disposes the instance when it goes away.

use charming::Chart;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::AppState;
use crate::browser::echarts::{self, Instance, ResizeWatch};
use crate::text::fill;

#[component]
pub fn ChartView(
    chart: Signal<Option<Chart>>,
    #[prop(into)] label: Signal<String>,
    /// Set to the container's width in CSS pixels whenever it changes.
    #[prop(optional)]
    width: Option<RwSignal<f64>>,
    #[prop(optional)] tall: bool,
) -> impl IntoView {
    let failed = expect_context::<AppState>().text.chart_failed;
    let node = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<Instance>);
    let watch = StoredValue::new_local(None::<ResizeWatch>);
    let error = RwSignal::new(None::<String>);

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
        let Some(options) = chart.get() else { return };
        let Some(el) = node.get() else { return };
        if instance.with_value(Option::is_some) {
            instance.with_value(|i| i.as_ref().map(|i| echarts::update(i, &options)));
            return;
        }
        spawn_local(async move {
            let rendered = match echarts::ensure_loaded().await {
                Ok(()) => echarts::render(&el, &options),
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
                    // Options may have changed while ECharts loaded.
                    if let Some(latest) = chart.get_untracked() {
                        instance.with_value(|i| i.as_ref().map(|i| echarts::update(i, &latest)));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    // Printing lays the page out at A4 width; redraw at that size so print is sharp and whole.
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| {
        instance.try_with_value(|i| i.as_ref().map(Instance::resize));
    });
    on_cleanup(move || {
        before_print.remove();
        watch.try_update_value(Option::take);
        if let Some(Some(i)) = instance.try_update_value(Option::take) {
            i.dispose();
        }
    });
    view! {
        // ECharts writes its own aria-label on the element it draws in, so it draws in an inner
        // element and our label (which points to the table) stays on the outer one.
        <div class="cmm-chart" class:cmm-chart--tall=tall role="img" aria-label=move || label.get()>
            <div class="cmm-chart__canvas" node_ref=node></div>
        </div>
        {move || error.get().map(|e| view! { <p class="cmm-body">{fill(failed, &[("why", &e)])}</p> })}
    }
}
