//! The improvement roadmap: top priorities, then each theme's next-rung actions. Targets come
//! from the chosen benchmark unless the user sets their own for a theme.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::council_plan::{resources_of, PlanControls, Resources};
use super::{use_results, ReadOnly};
use crate::app::state::use_app;
use crate::domain::plan::PlanItem;
use crate::domain::roadmap::{build, RoadmapItem, Step};
use crate::domain::scoring::display_level;
use crate::domain::{Framework, Level};
use crate::text::{fill, Text};

/// A roadmap step in words: where it climbs from (empty when finding evidence) and what to do.
pub fn describe(f: &Framework, t: &Text, item: &RoadmapItem) -> (String, String) {
    let question = f
        .question(&item.question_id)
        .map(|q| q.title.clone())
        .unwrap_or_default();
    match &item.step {
        Step::Climb { from, to, action } => (
            fill(
                t.roadmap_from,
                &[
                    ("from", &from.get()),
                    ("from_name", &f.level_name(*from)),
                    ("to", &to.get()),
                    ("to_name", &f.level_name(*to)),
                ],
            ),
            action.clone(),
        ),
        Step::FindEvidence => (
            String::new(),
            fill(t.roadmap_find_out, &[("question", &question)]),
        ),
    }
}

#[component]
pub fn RoadmapSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let read_only = expect_context::<ReadOnly>().0;
    // The benchmark's targets are kept beside the roadmap: the target choosers show them.
    let plan = Memo::new(move |_| {
        results.with(|r| {
            let r = r.as_ref()?;
            Some((
                build(&r.framework, &r.assessment, &r.targets()),
                r.benchmark_targets(),
            ))
        })
    });
    let priorities = move || {
        let (roadmap, _) = plan.get()?;
        let items = results.with(|r| {
            let f = &r.as_ref()?.framework;
            Some(
                roadmap
                    .priorities(5)
                    .into_iter()
                    .map(|item| {
                        let theme = f.theme(&item.theme_id).map(|th| th.title.clone()).unwrap_or_default();
                        let question = f.question(&item.question_id).map(|q| q.title.clone()).unwrap_or_default();
                        let (_, action) = describe(f, t, item);
                        view! { <li>{fill(t.roadmap_priority, &[("theme", &theme), ("question", &question), ("action", &action)])}</li> }
                    })
                    .collect::<Vec<_>>(),
            )
        })?;
        (!items.is_empty()).then(|| {
            view! {
                <Heading depth=3 class="cmm-heading-s">{t.roadmap_priorities}</Heading>
                <ol class="cmm-list cmm-list--number cmm-roadmap__priorities">{items}</ol>
            }
        })
    };
    let themes = move || {
        let (roadmap, benchmark_targets) = plan.get()?;
        // Drawn again only when the roadmap changes, not for every change to a plan step, so
        // the plan's fields under each action keep focus and what is typed.
        results.with_untracked(|r| {
            let r = r.as_ref()?;
            let f = &r.framework;
            let id = r.assessment.id.clone();
            let own = r.assessment.targets.clone();
            Some(
                f.themes
                    .iter()
                    .filter(|th| r.scores.theme(&th.id).is_some())
                    .map(|th| {
                        let plan = roadmap.themes.iter().find(|p| p.theme_id == th.id).cloned();
                        let theme_id = StoredValue::new(th.id.clone());
                        let assessment_id = StoredValue::new(id.clone());
                        let select_id = format!("cmm-target-{}", th.id);
                        let bench = benchmark_targets.get(&th.id).copied();
                        let chosen = own.get(&th.id).map(|l| l.get().to_string()).unwrap_or_default();
                        let status = plan.as_ref().and_then(|p| {
                            let target = display_level(p.target?);
                            Some(match p.level {
                                Some(l) => fill(t.roadmap_theme_status, &[("level", &display_level(l)), ("target", &target)]),
                                None => fill(t.roadmap_theme_no_level, &[("target", &target)]),
                            })
                        });
                        let items = plan
                            .map(|p| {
                                p.items
                                    .iter()
                                    .map(|item| {
                                        let question = f.question(&item.question_id).map(|q| q.title.clone()).unwrap_or_default();
                                        let (from, action) = describe(f, t, item);
                                        let controls = (!read_only).then(|| {
                                            view! { <PlanControls item=PlanItem::from_roadmap(item) question=question.clone() /> }
                                        });
                                        view! {
                                            <li class="cmm-roadmap__item">
                                                <strong>{question}</strong>
                                                {(!from.is_empty()).then(|| view! { <span class="cmm-roadmap__from">{from}</span> })}
                                                <span class="cmm-roadmap__action">{action}</span>
                                                <Resources resources=resources_of(f, &item.question_id) />
                                                {controls}
                                            </li>
                                        }
                                    })
                                    .collect::<Vec<_>>()
                            })
                            .unwrap_or_default();
                        let options = (1..=5u8)
                            .map(|n| {
                                let name = f.levels[usize::from(n - 1)].name.clone();
                                view! { <option value=n.to_string() selected=chosen == n.to_string()>{fill(t.target_level, &[("level", &n), ("name", &name)])}</option> }
                            })
                            .collect::<Vec<_>>();
                        let default_label = bench.map_or(t.target_none.to_string(), |b| fill(t.target_benchmark, &[("level", &display_level(b))]));
                        // On paper a theme with nothing to do takes no space; on screen its
                        // target chooser stays.
                        let idle = status.is_none() && items.is_empty();
                        view! {
                            <div class="cmm-roadmap__theme" class:cmm-roadmap__theme--idle=idle>
                                <Heading depth=3 class="cmm-heading-s" text=th.title.clone() />
                                {status.map(|s| view! { <p class="cmm-body">{s}</p> })}
                                <div class="cmm-form-group cmm-form-group--inline cmm-no-print" hidden=read_only>
                                    <label class="cmm-label" for=select_id.clone()>{fill(t.target_label, &[("theme", &th.title)])}</label>
                                    <select class="cmm-select" id=select_id.clone() on:change=move |ev| {
                                        let level = event_target_value(&ev).parse::<u8>().ok().and_then(Level::new);
                                        assessment_id.with_value(|a| theme_id.with_value(|th| app.saved.set_target(a, th, level)));
                                        // The roadmap is redrawn for the new target: the chooser keeps focus and the page its place.
                                        crate::browser::focus::focus_by_id_after_redraw(select_id.clone(), true);
                                    }>
                                        <option value="" selected=chosen.is_empty()>{default_label}</option>
                                        {options}
                                    </select>
                                </div>
                                {(!items.is_empty()).then(|| view! { <ul class="cmm-list cmm-roadmap__items">{items}</ul> })}
                            </div>
                        }
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    view! {
        <Heading depth=2 class="cmm-heading-m" id=super::contents::PLAN focusable=true>{if read_only { t.shared_roadmap_heading } else { t.roadmap_heading }}</Heading>
        <p class="cmm-body">{t.roadmap_intro}</p>
        {priorities}
        {move || plan.with(|p| p.as_ref().is_some_and(|(r, _)| r.is_empty())).then(|| view! { <p class="cmm-body">{t.roadmap_empty}</p> })}
        {themes}
    }
}
