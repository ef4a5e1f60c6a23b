//! A council's improvement plan: the roadmap's actions it takes on, each with an owner, a due
//! date, a status and a note (the controls sit under each roadmap action), then the plan itself
//! with its colours, what has been achieved, and the plan as CSV and as calendar reminders.

use leptos::prelude::*;

use super::{use_results, ReadOnly, ResultsData};
use crate::app::blocks::{Checkbox, DateInput, Heading};
use crate::app::downloads::{file_name, offer_csv, offer_text};
use crate::app::state::{use_app, App};
use crate::domain::assessment::{PlanStep, Status};
use crate::domain::calendar::{calendar, CalendarEvent};
use crate::domain::dates::{a_year_after, file_date};
use crate::domain::framework::{is_link_address, Resource, ResourceKind};
use crate::domain::plan::{
    council_plan, council_plan_csv, owners, plan_events, rag, take_on, CouncilPlan,
    CouncilPlanWords, PlanFilter, PlanItem, Rag, RagCounts,
};
use crate::domain::Framework;
use crate::text::{fill, Text};

/// The words for a status.
/// The word for a colour, and its tag's modifier.
pub fn colour(t: &Text, rag: Option<Rag>) -> (&'static str, &'static str) {
    let tone = match rag {
        Some(Rag::Red) => "red",
        Some(Rag::Amber) => "amber",
        Some(Rag::Green) => "green",
        None => "grey",
    };
    (t.rag_name(rag), tone)
}

pub fn counts_text(t: &Text, c: RagCounts) -> String {
    fill(
        t.cplan_counts,
        &[
            ("red", &c.red),
            ("amber", &c.amber),
            ("green", &c.green),
            ("undated", &c.undated),
        ],
    )
}

/// The action's words: the rung's action, or finding out for a "Don't know".
pub fn action_text(f: &Framework, t: &Text, item: &PlanItem) -> String {
    if item.action.is_empty() {
        let (_, question) = item.titles(f);
        fill(t.roadmap_find_out, &[("question", &question)])
    } else {
        item.action.clone()
    }
}

/// A status as a choice's value in a list, and back.
fn status_value(s: Status) -> String {
    format!("{s:?}")
}

fn status_from_value(value: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| status_value(*s) == value)
}

/// The help a framework (or the council's own resources file) lists for a question, as ordinary
/// links: only https addresses reach here (both files' checks refuse others), and they open with
/// no referrer.
#[component]
pub fn Resources(resources: Vec<Resource>) -> impl IntoView {
    let t = use_app().t();
    (!resources.is_empty()).then(|| {
        let links = resources
            .into_iter()
            .filter(|r| is_link_address(&r.url))
            .map(|r| {
                let kind = match r.kind {
                    ResourceKind::Legislation => t.resource_legislation,
                    ResourceKind::Guidance => t.resource_guidance,
                    ResourceKind::Template => t.resource_template,
                    ResourceKind::ProcessMap => t.resource_process_map,
                };
                let words = match &r.from {
                    Some(from) => fill(
                        t.resource_link_from,
                        &[("title", &r.title), ("kind", &kind), ("from", from)],
                    ),
                    None => fill(t.resource_link, &[("title", &r.title), ("kind", &kind)]),
                };
                view! {
                    <li>
                        <a class="cmm-link" href=r.url rel="noopener noreferrer">{words}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="cmm-resources cmm-no-print">
                <span class="cmm-resources__title">{t.cplan_resources}</span>
                <ul class="cmm-list cmm-resources__list">{links}</ul>
            </div>
        }
    })
}

/// The resources a framework lists for a question.
pub fn resources_of(f: &Framework, question_id: &str) -> Vec<Resource> {
    f.question(question_id)
        .map(|q| q.resources.clone())
        .unwrap_or_default()
}

/// The plan as the results stand.
pub fn plan_of(d: &ResultsData) -> CouncilPlan {
    council_plan(&d.framework, &d.assessment, &d.targets())
}

/// Taking a roadmap action into the plan, and its owner, date, status and note once taken.
/// Drawn once per roadmap action: its fields keep what is typed (and focus) while the plan
/// around them changes.
#[component]
pub fn PlanControls(item: PlanItem, question: String) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let q = item.question_id.clone();
    let key = StoredValue::new((
        results.with_untracked(|r| {
            r.as_ref()
                .map(|r| r.assessment.id.clone())
                .unwrap_or_default()
        }),
        q.clone(),
    ));
    // The step as saved, when it belongs to this rung (one reached is achieved, not this).
    let saved = {
        let q = q.clone();
        Memo::new(move |_| {
            results.with(|r| {
                let r = r.as_ref()?;
                let step = r.assessment.plan.get(&q)?;
                let rating = r.assessment.answers.get(&q).and_then(|a| a.rating);
                (step.accepted && !step.reached_by(rating)).then(|| step.clone())
            })
        })
    };
    let taken = Memo::new(move |_| saved.with(Option::is_some));
    let change = move |f: Box<dyn FnOnce(&mut PlanStep)>| {
        key.with_value(|(a, q)| app.saved.change_plan_step(a, q, f));
    };
    let item = StoredValue::new(item);
    let hidden = fill(t.plan_for, &[("name", &question)]);
    let id = format!("cmm-cplan-{q}");
    let fields = {
        let (id, hidden) = (id.clone(), hidden.clone());
        move || {
            taken.get().then(|| {
                let step = saved.get_untracked().unwrap_or_default();
                let status_id = format!("{id}-status");
                let owner_id = format!("{id}-owner");
                let note_id = format!("{id}-note");
                let options = Status::ALL
                    .iter()
                    .map(|s| {
                        let s = *s;
                        view! { <option value=status_value(s) selected=step.status == s>{t.status_name(s)}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="cmm-cplan__fields">
                        <div class="cmm-form-group cmm-form-group--inline">
                            <label class="cmm-label" for=owner_id.clone()>
                                {t.cplan_owner_label}<span class="cmm-visually-hidden">{hidden.clone()}</span>
                            </label>
                            <div class="cmm-hint" id=format!("{owner_id}-hint")>{t.cplan_owner_hint}</div>
                            <input class="cmm-input" type="text" id=owner_id.clone() maxlength="120" autocomplete="off"
                                aria-describedby=format!("{owner_id}-hint")
                                prop:value=step.owner.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).trim().to_string();
                                    change(Box::new(move |s| s.owner = v));
                                } />
                        </div>
                        <DateInput id=format!("{id}-due") legend=t.cplan_due_label hidden_legend=hidden.clone()
                            value=step.due.clone()
                            on_change=Callback::new(move |due: Option<String>| change(Box::new(move |s| s.due = due))) />
                        <div class="cmm-form-group cmm-form-group--inline">
                            <label class="cmm-label" for=status_id.clone()>
                                {t.cplan_status_label}<span class="cmm-visually-hidden">{hidden.clone()}</span>
                            </label>
                            <select class="cmm-select" id=status_id on:change=move |ev| {
                                let status = status_from_value(&event_target_value(&ev)).unwrap_or_default();
                                change(Box::new(move |s| s.status = status));
                            }>{options}</select>
                        </div>
                        <div class="cmm-form-group cmm-form-group--inline">
                            <label class="cmm-label" for=note_id.clone()>
                                {t.cplan_note_label}<span class="cmm-visually-hidden">{hidden.clone()}</span>
                            </label>
                            <textarea class="cmm-textarea" id=note_id rows="2" maxlength="1000"
                                prop:value=step.note.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    change(Box::new(move |s| s.note = v));
                                }></textarea>
                        </div>
                    </div>
                }
            })
        }
    };
    view! {
        <div class="cmm-cplan__controls cmm-no-print">
            <Checkbox id=format!("{id}-add") label=t.cplan_add hidden_label=hidden
                checked=Signal::derive(move || taken.get())
                on_change=Callback::new(move |on: bool| {
                    let chosen = item.get_value();
                    let rating = results.with_untracked(|r| {
                        r.as_ref()?.assessment.answers.get(&chosen.question_id)?.rating
                    });
                    change(Box::new(move |s| {
                        *s = if on {
                            take_on(&chosen, s, rating)
                        } else {
                            PlanStep { accepted: false, ..s.clone() }
                        };
                    }));
                }) />
            {fields}
        </div>
    }
}

fn download_csv(app: App, d: &ResultsData, plan: &CouncilPlan, today: &str) {
    let t = app.t();
    let words = CouncilPlanWords {
        headers: t.council_plan_headers(),
        find_out: t.plan_find_out,
        statuses: Status::ALL.map(|s| t.status_name(s)),
        colours: [t.rag_red, t.rag_amber, t.rag_green],
        undated: t.rag_none,
    };
    let csv = council_plan_csv(&d.framework, &plan.actions, &words, today);
    let name = file_name(
        app,
        t.file_improvement_plan,
        &file_date(&d.assessment.created),
        "csv",
    );
    offer_csv(app, &name, &csv);
}

fn download_calendar(app: App, d: &ResultsData, plan: &CouncilPlan, reassess: Option<String>) {
    let t = app.t();
    let mut events = plan_events(&d.framework.id, &plan.actions, |item| {
        let (theme, question) = item.titles(&d.framework);
        let owner = t.owner_or_none(&item.step);
        (
            fill(
                t.ics_action_summary,
                &[("action", &action_text(&d.framework, t, item))],
            ),
            fill(
                t.ics_action_description,
                &[
                    ("theme", &theme),
                    ("question", &question),
                    ("owner", &owner),
                    ("status", &t.status_name(item.step.status)),
                ],
            ),
        )
    });
    if let Some(date) = reassess {
        events.push(CalendarEvent {
            uid: format!("{}-reassess@cm-self-assessment", d.assessment.id),
            date,
            summary: fill(
                t.ics_reassess_summary,
                &[("organisation", &t.assessment_name(&d.assessment))],
            ),
            description: t.ics_reassess_description.to_string(),
        });
    }
    let ics = calendar(&events, &crate::browser::now_iso());
    let name = file_name(
        app,
        t.file_reminders,
        &file_date(&d.assessment.created),
        "ics",
    );
    offer_text(app, &name, "text/calendar;charset=utf-8", &ics);
}

#[component]
pub fn CouncilPlanSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let read_only = expect_context::<ReadOnly>().0;
    let today = crate::browser::today();
    let plan = Memo::new(move |_| results.with(|r| r.as_ref().map(plan_of)));
    let default_reassess =
        results.with_untracked(|r| r.as_ref().and_then(|r| a_year_after(&r.assessment.created)));
    let reassess = RwSignal::new(default_reassess);
    let filter = RwSignal::new(PlanFilter::default());
    let body = {
        let today = today.clone();
        move || {
            let plan = plan.get()?;
            let filter = filter.get();
            results.with(|r| {
                let d = r.as_ref()?;
                let f = &d.framework;
                let title = |item: &PlanItem| {
                    let (theme, question) = item.titles(f);
                    fill(t.plan_item_title, &[("theme", &theme), ("question", &question)])
                };
                let shown: Vec<&PlanItem> = plan.actions.iter().filter(|i| filter.keeps(i)).collect();
                let showing = (filter != PlanFilter::default()).then(|| {
                    let words = if shown.is_empty() {
                        t.cplan_filter_none.to_string()
                    } else {
                        fill(t.cplan_showing, &[("shown", &shown.len()), ("total", &plan.actions.len())])
                    };
                    view! { <p class="cmm-body cmm-cplan__showing" role="status">{words}</p> }
                });
                let rows = shown
                    .iter()
                    .map(|item| {
                        let item: &PlanItem = item;
                        let (word, tone) = colour(t, rag(&item.step, &today));
                        let owner = t.owner_or_none(&item.step);
                        let due = item.step.due.as_deref().map_or(t.cplan_no_date.to_string(), |d| t.long_date(d));
                        view! {
                            <tr class="cmm-table__row">
                                <th scope="row" class="cmm-table__cell cmm-cplan__row-head" data-label=t.cplan_col_action>
                                    <strong class="cmm-cplan__title">{title(item)}</strong>
                                    <span class="cmm-cplan__action">{action_text(f, t, item)}</span>
                                    {item.step.carried.then(|| view! { <span class="cmm-cplan__carried">{t.cplan_carried}</span> })}
                                    {(!item.step.note.is_empty()).then(|| view! { <span class="cmm-cplan__note">{item.step.note.clone()}</span> })}
                                    <Resources resources=resources_of(f, &item.question_id) />
                                </th>
                                <td class="cmm-table__cell" data-label=t.cplan_col_owner>{owner}</td>
                                <td class="cmm-table__cell" data-label=t.cplan_col_due>{due}</td>
                                <td class="cmm-table__cell" data-label=t.cplan_col_status>{t.status_name(item.step.status)}</td>
                                <td class="cmm-table__cell" data-label=t.cplan_col_colour>
                                    <strong class=format!("cmm-tag cmm-tag--{tone}")>{word}</strong>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                let counts = (!plan.actions.is_empty())
                    .then(|| view! { <p class="cmm-body cmm-cplan__counts">{counts_text(t, plan.counts(&today))}</p> });
                let table = (!shown.is_empty()).then(|| view! {
                    <table class="cmm-table cmm-table--stack cmm-cplan__table">
                        <caption class="cmm-table__caption">{t.cplan_caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="cmm-table__header">{t.cplan_col_action}</th>
                                <th scope="col" class="cmm-table__header">{t.cplan_col_owner}</th>
                                <th scope="col" class="cmm-table__header">{t.cplan_col_due}</th>
                                <th scope="col" class="cmm-table__header">{t.cplan_col_status}</th>
                                <th scope="col" class="cmm-table__header">{t.cplan_col_colour}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                });
                let empty = plan.actions.is_empty().then(|| view! { <p class="cmm-body">{t.cplan_empty}</p> });
                let achieved = (!plan.achieved.is_empty()).then(|| {
                    let items = plan
                        .achieved
                        .iter()
                        .map(|item| {
                            let when = if item.step.carried { t.cplan_achieved_since } else { t.cplan_achieved_now };
                            view! { <li>{format!("{} ({when})", title(item))}</li> }
                        })
                        .collect_view();
                    view! {
                        <Heading depth=3 class="cmm-heading-s">{t.cplan_achieved_heading}</Heading>
                        <p class="cmm-body">{t.cplan_achieved_intro}</p>
                        <ul class="cmm-list cmm-list--bullet cmm-cplan__achieved">{items}</ul>
                    }
                });
                Some(view! { {empty}{counts}{showing}{table}{achieved} })
            })
        }
    };
    let has_actions =
        Memo::new(move |_| plan.with(|p| p.as_ref().is_some_and(|p| !p.actions.is_empty())));
    let downloads = move || {
        (!app.limits.get().no_downloads && has_actions.get()).then(|| {
            let today = crate::browser::today();
            view! {
                <div class="cmm-cplan__downloads cmm-no-print">
                    {(!read_only).then(|| view! {
                        <DateInput id="cmm-cplan-reassess" legend=t.cplan_reassess_label value=reassess.get_untracked()
                            hint=t.cplan_reassess_hint
                            on_change=Callback::new(move |date: Option<String>| reassess.set(date)) />
                    })}
                    <div class="cmm-button-group">
                        <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                            if let (Some(d), Some(p)) = (results.get_untracked(), plan.get_untracked()) {
                                download_calendar(app, &d, &p, reassess.get_untracked());
                            }
                        }>{t.cplan_ics}</button>
                        <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                            if let (Some(d), Some(p)) = (results.get_untracked(), plan.get_untracked()) {
                                download_csv(app, &d, &p, &today);
                            }
                        }>{t.cplan_csv}</button>
                    </div>
                </div>
            }
        })
    };
    // The choices offered, drawn again only when they change (not when one is chosen).
    let choices = Memo::new(move |_| {
        let plan = plan.get()?;
        (plan.actions.len() > 1).then(|| {
            let mut themes: Vec<String> = Vec::new();
            for a in &plan.actions {
                if !themes.contains(&a.theme_id) {
                    themes.push(a.theme_id.clone());
                }
            }
            (themes, owners(&plan.actions))
        })
    });
    // A choice whose option has gone (its owner renamed, the plan down to one action) is let
    // go, so no hidden filter is left hiding actions.
    Effect::new(move |_| {
        let stale = choices.with(|c| {
            let f = filter.get_untracked();
            match c {
                None => f != PlanFilter::default(),
                Some((themes, owners)) => {
                    f.theme.as_ref().is_some_and(|t| !themes.contains(t))
                        || f.owner.as_ref().is_some_and(|o| !owners.contains(o))
                }
            }
        });
        if stale {
            filter.set(PlanFilter::default());
        }
    });
    let filters = move || {
        let (themes, owner_names) = choices.get()?;
        let current = filter.get_untracked();
        results.with_untracked(|r| {
            let f = &r.as_ref()?.framework;
            let theme_options = themes
                .iter()
                .map(|id| {
                    let title = f.theme(id).map(|th| th.title.clone()).unwrap_or_default();
                    view! { <option value=id.clone() selected=current.theme.as_ref() == Some(id)>{title}</option> }
                })
                .collect_view();
            let status_options = Status::ALL
                .iter()
                .map(|s| view! { <option value=status_value(*s) selected=current.status == Some(*s)>{t.status_name(*s)}</option> })
                .collect_view();
            let owner_options = owner_names
                .iter()
                .map(|o| view! { <option value=o.clone() selected=current.owner.as_ref() == Some(o)>{o.clone()}</option> })
                .collect_view();
            let chosen = move |v: String| (!v.is_empty()).then_some(v);
            Some(view! {
                <fieldset class="cmm-fieldset cmm-cplan__filters cmm-no-print">
                    <legend class="cmm-fieldset__legend cmm-fieldset__legend--s">{t.cplan_filter_legend}</legend>
                    <div class="cmm-cplan__filter">
                        <label class="cmm-label" for="cmm-cplan-filter-theme">{t.cplan_filter_theme}</label>
                        <select class="cmm-select" id="cmm-cplan-filter-theme"
                            on:change=move |ev| filter.update(|f| f.theme = chosen(event_target_value(&ev)))>
                            <option value="">{t.cplan_filter_all_themes}</option>
                            {theme_options}
                        </select>
                    </div>
                    <div class="cmm-cplan__filter">
                        <label class="cmm-label" for="cmm-cplan-filter-status">{t.cplan_filter_status}</label>
                        <select class="cmm-select" id="cmm-cplan-filter-status"
                            on:change=move |ev| filter.update(|f| {
                                f.status = status_from_value(&event_target_value(&ev));
                            })>
                            <option value="">{t.cplan_filter_all_statuses}</option>
                            {status_options}
                        </select>
                    </div>
                    <div class="cmm-cplan__filter">
                        <label class="cmm-label" for="cmm-cplan-filter-owner">{t.cplan_filter_owner}</label>
                        <select class="cmm-select" id="cmm-cplan-filter-owner"
                            on:change=move |ev| filter.update(|f| f.owner = chosen(event_target_value(&ev)))>
                            <option value="">{t.cplan_filter_all_owners}</option>
                            {owner_options}
                        </select>
                    </div>
                </fieldset>
            })
        })
    };
    view! {
        <section class="cmm-cplan" aria-labelledby=super::contents::COUNCIL_PLAN>
            <Heading depth=2 class="cmm-heading-m" id=super::contents::COUNCIL_PLAN focusable=true>{t.cplan_heading}</Heading>
            <p class="cmm-body">{t.cplan_intro}</p>
            <p class="cmm-body cmm-cplan__rule">{t.rag_rule}</p>
            {filters}
            {body}
            {downloads}
        </section>
    }
}
