//! A chart container: loads ECharts on first use, renders charming options, follows size changes
//! and disposes the instance when the component goes away.

use charming::Chart;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::AppState;
use crate::browser::echarts;
use crate::text::fill;

#[component]
pub fn ChartView(chart: Signal<Option<Chart>>, #[prop(into)] label: String) -> impl IntoView {
    let failed = expect_context::<AppState>().text.chart_failed;
    let node = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<echarts::Instance>);
    let error = RwSignal::new(None::<String>);
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
                Ok(i) => {
                    if instance.try_set_value(Some(i)).is_some() {
                        // The component was unmounted while ECharts loaded.
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(i)) = instance.try_update_value(Option::take) {
            i.dispose();
        }
    });
    view! {
        <div class="cmm-chart" role="img" aria-label=label node_ref=node></div>
        {move || error.get().map(|e| view! { <p class="cmm-body">{fill(failed, &[("why", &e)])}</p> })}
    }
}
