//! Choosing the benchmark to compare with. Every option shows its source, date and sample size,
//! and illustrative figures are labelled as such.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::domain::benchmark::BenchmarkKind;
use crate::domain::dates::long_date;
use crate::text::fill;

#[component]
pub fn BenchmarkChooser() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let options = state.benchmarks.with_value(|b| b.benchmarks.clone());
    if options.is_empty() {
        return None;
    }
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let id = format!("cmm-benchmark-{i}");
            let hint_id = format!("{id}-hint");
            let bid = StoredValue::new(b.id.clone());
            let sample = (b.kind != BenchmarkKind::Expectation)
                .then(|| b.sample_size.map(|n| fill(t.benchmark_sample, &[("count", &n)])))
                .flatten();
            let suppresses = b.kind != BenchmarkKind::Expectation;
            view! {
                <div class="cmm-radios__item">
                    <input class="cmm-radios__input" type="radio" name="cmm-benchmark" id=id.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || bid.with_value(|bid| state.benchmark_id.get().as_deref() == Some(bid.as_str()))
                        on:change=move |_| state.benchmark_id.set(Some(bid.get_value())) />
                    <label class="cmm-radios__label" for=id>
                        {b.title.clone()}
                        {b.illustrative.then(|| view! { " " <strong class="cmm-tag cmm-tag--yellow">{t.illustrative}</strong> })}
                    </label>
                    <div class="cmm-radios__hint" id=hint_id>
                        {fill(t.benchmark_hint, &[("source", &b.source), ("date", &long_date(&b.date))])}
                        {sample.map(|s| format!(" {s}"))}
                        {suppresses.then(|| format!(" {}", t.benchmark_suppressed))}
                        {(!b.note.is_empty()).then(|| format!(" {}", b.note))}
                    </div>
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <div class="cmm-form-group cmm-compare">
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{t.compare_legend}</legend>
                <div class="cmm-radios cmm-radios--small">{items}</div>
            </fieldset>
        </div>
    })
}
