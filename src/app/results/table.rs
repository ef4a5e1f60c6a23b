//! The figures behind the charts, as a table: the charts' text alternative, always present.

use leptos::prelude::*;

use super::summary::signed;
use super::use_results;
use crate::app::state::AppState;
use crate::domain::benchmark::Figure;
use crate::domain::dates::long_date;
use crate::domain::scoring::{display_level, level_band};
use crate::text::fill;

#[component]
pub fn FiguresTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let results = use_results();
    move || {
        results.with(|r| {
            let r = r.as_ref()?;
            let benchmark = r.benchmark.as_ref().map(|b| b.title.clone()).unwrap_or_default();
            let has_quartiles = r.rows.iter().any(|row| matches!(row.benchmark, Figure::Shown { quartiles: Some(_), .. }));
            let previous_date = r.previous.as_ref().map(|(p, _)| long_date(&p.created));
            let previous_label = previous_date
                .as_ref()
                .map(|d| fill(t.table_previous, &[("date", d)]))
                .unwrap_or_default();
            let body = state.framework.with_value(|f| {
                r.rows
                    .iter()
                    .map(|row| {
                        let level = row.level.map_or(t.no_rated_answers.to_string(), |l| {
                            format!("{} ({})", display_level(l), f.level_name(level_band(l)))
                        });
                        let (median, middle) = match row.benchmark {
                            Figure::Shown { median, quartiles } => (
                                display_level(median),
                                quartiles.map_or(String::from("–"), |(lq, uq)| {
                                    format!("{} to {}", display_level(lq), display_level(uq))
                                }),
                            ),
                            Figure::Suppressed { .. } => (t.not_shown.to_string(), t.not_shown.to_string()),
                            Figure::Missing => (t.no_figure.to_string(), t.no_figure.to_string()),
                        };
                        let previous = row.previous.map_or(String::from("–"), display_level);
                        let change = row.change().map_or(String::from("–"), signed);
                        view! {
                            <tr class="cmm-table__row">
                                <th scope="row" class="cmm-table__header">{row.title.clone()}</th>
                                <td class="cmm-table__cell" data-label=t.table_level>{level}</td>
                                <td class="cmm-table__cell" data-label=t.table_median>{median}</td>
                                {has_quartiles.then(|| view! { <td class="cmm-table__cell" data-label=t.table_middle_half>{middle.clone()}</td> })}
                                {previous_date.is_some().then(|| view! {
                                    <td class="cmm-table__cell" data-label=previous_label.clone()>{previous.clone()}</td>
                                    <td class="cmm-table__cell" data-label=t.table_change>{change.clone()}</td>
                                })}
                            </tr>
                        }
                    })
                    .collect_view()
            });
            Some(view! {
                <h2 class="cmm-heading-m">{t.table_heading}</h2>
                <div class="cmm-table-wrap">
                    <table class="cmm-table cmm-table--figures">
                        <caption class="cmm-table__caption">{fill(t.table_caption_vs, &[("benchmark", &benchmark)])}</caption>
                        <thead>
                            <tr class="cmm-table__row">
                                <th scope="col" class="cmm-table__header">{t.table_theme}</th>
                                <th scope="col" class="cmm-table__header">{t.table_level}</th>
                                <th scope="col" class="cmm-table__header">{t.table_median}</th>
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
