//! A learner's personal development plan, in place of the council's roadmap: the next rung of
//! each question below the chosen expectation, as an action with a target date and a done tick,
//! downloadable as CSV and part of the printed report.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::{use_results, ReadOnly};
use crate::app::blocks::{Checkbox, DateInput};
use crate::app::downloads::{file_name, offer_csv};
use crate::app::state::{use_app, App};
use crate::domain::assessment::{PlanStep, Status};
use crate::domain::dates::file_date;
use crate::domain::plan::{development_plan, plan_csv, PlanItem, PlanWords};
use crate::text::fill;

fn download_plan(app: App, d: &super::ResultsData, items: &[PlanItem]) {
    let t = app.t();
    let words = PlanWords {
        headers: t.plan_headers(),
        find_out: t.plan_find_out,
        done: t.plan_done_yes,
        not_done: t.plan_done_no,
    };
    let csv = plan_csv(&d.framework, items, &words);
    let name = file_name(app, t.file_plan, &file_date(&d.assessment.created), "csv");
    offer_csv(app, &name, &csv);
}

/// How many steps a learner sees before "Show all".
const FIRST_STEPS: usize = 5;

#[component]
pub fn PlanSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let read_only = expect_context::<ReadOnly>().0;
    let plan = Memo::new(move |_| {
        results.with(|r| {
            let r = r.as_ref()?;
            Some(development_plan(&r.framework, &r.assessment, &r.targets()))
        })
    });
    let expectation = move || {
        results.with(|r| {
            r.as_ref()
                .and_then(|r| r.benchmark.as_ref().map(|b| b.title.clone()))
        })
    };
    // The list is drawn again only when its steps change, not their dates or ticks: a save
    // must not rebuild the fields the learner is typing in (or take focus from the next one).
    let shape = Memo::new(move |_| {
        plan.get().map(|list| {
            list.into_iter()
                .map(|item| PlanItem {
                    step: PlanStep::default(),
                    ..item
                })
                .collect::<Vec<_>>()
        })
    });
    // The next few steps first; the rest a click away on screen, and all of them in print.
    let show_all = RwSignal::new(false);
    let items = move || {
        let list = shape.get()?;
        let (framework, assessment_id) = results.with_untracked(|r| {
            r.as_ref()
                .map(|r| (r.framework.clone(), r.assessment.id.clone()))
        })?;
        if list.is_empty() {
            return Some(view! { <p class="cmm-body">{t.plan_empty}</p> }.into_any());
        }
        let total = list.len();
        let rows = list
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let f = &framework;
                let (theme, question) = item.titles(f);
                let climb = match (item.from, item.to) {
                    (Some(from), Some(to)) => fill(
                        t.roadmap_from,
                        &[
                            ("from", &from.get()),
                            ("from_name", &f.level_name(from)),
                            ("to", &to.get()),
                            ("to_name", &f.level_name(to)),
                        ],
                    ),
                    _ => String::new(),
                };
                let action = super::council_plan::action_text(f, t, &item);
                let qid = StoredValue::new(item.question_id.clone());
                let aid = StoredValue::new(assessment_id.clone());
                let date_id = format!("cmm-plan-due-{}", item.question_id);
                // The step as saved now, for what the page shows of it.
                let step = Memo::new(move |_| {
                    results.with(|r| {
                        qid.with_value(|q| {
                            r.as_ref()
                                .and_then(|r| r.assessment.plan.get(q).cloned())
                                .unwrap_or_default()
                        })
                    })
                });
                let set = move |change: Box<dyn FnOnce(&mut PlanStep)>| {
                    aid.with_value(|a| qid.with_value(|q| app.saved.change_plan_step(a, q, change)));
                };
                let later = i >= FIRST_STEPS;
                let first = step.get_untracked();
                let due_text = move || {
                    step.with(|s| s.due.as_deref().map(|d| fill(t.plan_due_on, &[("date", &t.long_date(d))])))
                };
                view! {
                    <li class="cmm-plan__item" class:cmm-plan__item--done=move || step.with(PlanStep::done)
                        class:cmm-plan__item--later=later class:cmm-plan__item--shown=move || show_all.get()>
                        <strong class="cmm-plan__question">{fill(t.plan_item_title, &[("theme", &theme), ("question", &question)])}</strong>
                        {(!climb.is_empty()).then(|| view! { <span class="cmm-roadmap__from">{climb}</span> })}
                        <span class="cmm-roadmap__action">{action}</span>
                        {move || due_text().map(|d| view! { <span class="cmm-plan__due cmm-print-only">{d}</span> })}
                        {move || step.with(PlanStep::done).then(|| view! { <span class="cmm-plan__done cmm-print-only">{t.plan_done_yes}</span> })}
                        <div class="cmm-plan__controls cmm-no-print" hidden=read_only>
                            <DateInput id=date_id legend=t.plan_due_label
                                hidden_legend=fill(t.plan_for, &[("name", &question)])
                                value=first.due.clone()
                                on_change=Callback::new(move |due: Option<String>| set(Box::new(move |s| s.due = due))) />
                            <Checkbox id=format!("cmm-plan-done-{}", item.question_id)
                                label=t.plan_done_label
                                hidden_label=fill(t.plan_for, &[("name", &question)])
                                checked=Signal::derive(move || step.with(PlanStep::done))
                                on_change=Callback::new(move |on: bool| set(Box::new(move |s| {
                                    s.status = if on { Status::Done } else { Status::NotStarted };
                                }))) />
                        </div>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ol class="cmm-list cmm-list--number cmm-plan">{rows}</ol>
            {(total > FIRST_STEPS).then(|| view! {
                <p class="cmm-body cmm-no-print">
                    <button type="button" class="cmm-link cmm-plan__more" aria-expanded=move || show_all.get().to_string()
                        on:click=move |_| show_all.update(|s| *s = !*s)>
                        {move || if show_all.get() { t.plan_show_fewer.to_string() } else { t.count(&t.plan_show_all, total) }}
                    </button>
                </p>
            })}
        }
        .into_any())
    };
    view! {
        <section class="cmm-plan-section" aria-labelledby="cmm-plan-heading">
            <Heading depth=2 class="cmm-heading-m" id=super::contents::PLAN focusable=true>{t.plan_heading}</Heading>
            <p class="cmm-body">
                {move || match expectation() {
                    Some(e) => fill(t.plan_intro, &[("expectation", &e)]),
                    None => t.plan_intro_none.to_string(),
                }}
            </p>
            {items}
            {move || (!app.limits.get().no_downloads).then(|| view! {
                <div class="cmm-button-group cmm-no-print">
                    <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                        if let (Some(d), Some(items)) = (results.get_untracked(), plan.get_untracked()) {
                            download_plan(app, &d, &items);
                        }
                    }>{t.plan_download}</button>
                </div>
            })}
        </section>
    }
}
