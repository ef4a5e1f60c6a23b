//! The figures behind the charts, as a table: the charts' text alternative, always present.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::use_results;
use crate::app::state::use_app;
use crate::domain::scoring::display_change;
use crate::domain::scoring::display_level;
use crate::text::fill;

#[component]
pub fn FiguresTable() -> impl IntoView {
    let t = use_app().t();
    let results = use_results();
    move || {
        results.with(|r| {
            let r = r.as_ref()?;
            let f = &r.framework;
            let benchmark = r.benchmark.as_ref().map(|b| b.title.clone());
            let median_label = r
                .benchmark
                .as_ref()
                .map_or(t.table_median.to_string(), |b| t.benchmark_series_name(b));
            let has_quartiles = r.rows.iter().any(|row| row.benchmark.has_quartiles());
            let previous_date = r.previous.as_ref().map(|(p, _)| t.long_date(&p.created));
            let previous_label = previous_date
                .as_ref()
                .map(|d| fill(t.table_previous, &[("date", d)]))
                .unwrap_or_default();
            let body = r
                .rows
                .iter()
                .map(|row| {
                    let level = t.level_or_none(f, row.level);
                    let (median, middle) = t.figure_cells(row.benchmark);
                    let previous = row.previous.map_or(String::from("–"), display_level);
                    let change = row.change().map_or(String::from("–"), display_change);
                    view! {
                        <tr class="cmm-table__row">
                            <th scope="row" class="cmm-table__header">{row.title.clone()}</th>
                            <td class="cmm-table__cell" data-label=t.table_level>{level}</td>
                            {benchmark.is_some().then(|| view! { <td class="cmm-table__cell" data-label=median_label.clone()>{median.clone()}</td> })}
                            {has_quartiles.then(|| view! { <td class="cmm-table__cell" data-label=t.table_middle_half>{middle.clone()}</td> })}
                            {previous_date.is_some().then(|| view! {
                                <td class="cmm-table__cell" data-label=previous_label.clone()>{previous.clone()}</td>
                                <td class="cmm-table__cell" data-label=t.table_change>{change.clone()}</td>
                            })}
                        </tr>
                    }
                })
                .collect_view();
            let caption = match &benchmark {
                Some(b) => fill(t.table_caption_vs, &[("benchmark", b)]),
                None => t.table_caption.to_string(),
            };
            Some(view! {
                <Heading depth=2 class="cmm-heading-m">{t.table_heading}</Heading>
                <div class="cmm-table-wrap">
                    <table class="cmm-table cmm-table--figures cmm-table--stack">
                        <caption class="cmm-table__caption">{caption}</caption>
                        <thead>
                            <tr class="cmm-table__row">
                                <th scope="col" class="cmm-table__header">{t.table_theme}</th>
                                <th scope="col" class="cmm-table__header">{t.table_level}</th>
                                {benchmark.is_some().then(|| view! { <th scope="col" class="cmm-table__header">{median_label.clone()}</th> })}
                                {has_quartiles.then(|| view! { <th scope="col" class="cmm-table__header">{t.table_middle_half}</th> })}
                                {previous_date.clone().map(|d| view! {
                                    <th scope="col" class="cmm-table__header">{fill(t.table_previous, &[("date", &d)])}</th>
                                    <th scope="col" class="cmm-table__header">{t.table_change}</th>
                                })}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            })
        })
    }
}
