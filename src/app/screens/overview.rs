//! The overview: a task list of themes with their status, overall progress, the council's
//! optional details, and any answers the framework no longer asks for.

use leptos::prelude::*;

use super::start::ContextFields;
use crate::app::blocks::{Heading, PageHeading};
use crate::app::shell::follow;
use crate::app::state::use_app;
use crate::domain::scoring::{score, Progress};
use crate::domain::Audience;
use crate::route::Route;
use crate::text::fill;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let Some(framework) = app.current_framework() else {
        return ().into_any();
    };
    let framework = StoredValue::new_local(framework);
    let scores = Memo::new(move |_| {
        app.current
            .with(|a| a.as_ref().map(|a| framework.with_value(|f| score(f, a))))
    });
    let caption = app.current.with_untracked(|a| {
        a.as_ref().map(|a| {
            let kind = t.kind_name(a.kind);
            let title = framework.with_value(|f| f.title.clone());
            if a.organisation.is_empty() {
                fill(
                    t.overview_caption,
                    &[("framework", &title), ("kind", &kind)],
                )
            } else {
                fill(
                    t.overview_caption_for,
                    &[
                        ("framework", &title),
                        ("kind", &kind),
                        ("organisation", &a.organisation),
                    ],
                )
            }
        })
    });
    let progress = move || {
        scores.get().map(|s| {
            let asked: usize = s.themes.iter().map(|t| t.asked).sum();
            let answered = asked - s.unanswered();
            fill(t.progress, &[("answered", &answered), ("asked", &asked)])
        })
    };
    // Continue where work remains: the first theme not yet completed, else the check page.
    let next = move || {
        let s = scores.get_untracked();
        framework.with_value(|f| {
            f.themes
                .iter()
                .find(|th| {
                    s.as_ref()
                        .and_then(|s| s.theme(&th.id))
                        .is_some_and(|ts| ts.status() != Progress::Completed)
                })
                .map_or(Route::Check, |th| Route::Theme(th.id.clone()))
        })
    };
    let rows = move || {
        let s = scores.get()?;
        Some(framework.with_value(|f| {
            f.themes
                .iter()
                .filter_map(|theme| {
                    let ts = s.theme(&theme.id)?.clone();
                    let (label, modifier) = match ts.status() {
                        Progress::NotStarted => (t.status_not_started, "cmm-tag--grey"),
                        Progress::InProgress => (t.status_in_progress, "cmm-tag--blue"),
                        Progress::Completed => (t.status_completed, ""),
                    };
                    let status_id = format!("cmm-status-{}", theme.id);
                    let route = Route::Theme(theme.id.clone());
                    Some(view! {
                        <li class="cmm-task-list__item">
                            <div class="cmm-task-list__name">
                                <a class="cmm-link" href=route.to_hash() aria-describedby=status_id.clone()
                                    on:click=move |ev| follow(ev, app.nav, route.clone())>
                                    {theme.title.clone()}
                                </a>
                                <div class="cmm-task-list__hint">{t.count(&t.theme_questions, ts.asked)}</div>
                            </div>
                            <div class="cmm-task-list__status" id=status_id>
                                <strong class=format!("cmm-tag {modifier}")>{label}</strong>
                            </div>
                        </li>
                    })
                })
                .collect_view()
        }))
    };
    let is_org = framework.with_value(|f| f.audience == Audience::Organisation);
    let context_editor = is_org.then(|| {
        let id = app.session.current_id_untracked().unwrap_or_default();
        let context = RwSignal::new(
            app.current
                .with_untracked(|a| a.as_ref().map(|a| a.context).unwrap_or_default()),
        );
        // Saved as it is changed, like every answer.
        Effect::new(move |first: Option<()>| {
            let c = context.get();
            if first.is_some() {
                app.saved.set_context(&id, c);
            }
        });
        let fixed = app
            .current
            .with_untracked(|a| a.as_ref().is_some_and(|a| a.council.is_some()));
        view! { <ContextFields context fixed=Signal::stored(fixed) /> }
    });
    view! {
        <PageHeading caption=caption.unwrap_or_default()>{t.overview_heading}</PageHeading>
        <p class="cmm-body">{progress}</p>
        <Heading depth=2 class="cmm-heading-m">{t.themes_heading}</Heading>
        <ul class="cmm-task-list">{rows}</ul>
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=move |_| app.go(next())>
                {t.overview_continue}
            </button>
            <a class="cmm-button cmm-button--secondary" href=Route::Check.to_hash()
                on:click=move |ev| follow(ev, app.nav, Route::Check)>
                {t.to_check}
            </a>
        </div>
        {context_editor}
        <SetAside />
    }
    .into_any()
}

/// Answers to questions the framework no longer asks: kept, shown, and restored if the
/// question comes back.
#[component]
pub fn SetAside() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    move || {
        let list = app
            .current
            .with(|a| a.as_ref().map(|a| a.set_aside.clone()).unwrap_or_default());
        (!list.is_empty()).then(|| {
            let framework = app.current_framework();
            let items = list
                .into_iter()
                .map(|s| {
                    let answer = framework
                        .as_ref()
                        .map(|f| t.answer_label(f, s.answer.rating))
                        .unwrap_or_default();
                    view! {
                        <li>
                            {fill(t.set_aside_item, &[("question", &s.question_id), ("version", &s.framework_version), ("answer", &answer)])}
                            {(!s.answer.note.is_empty()).then(|| view! { <span class="cmm-summary__note">{t.note_prefix}{s.answer.note.clone()}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="cmm-set-aside" aria-labelledby="cmm-set-aside-heading">
                    <Heading depth=2 class="cmm-heading-m" id="cmm-set-aside-heading">{t.set_aside_heading}</Heading>
                    <p class="cmm-body">{t.set_aside_intro}</p>
                    <ul class="cmm-list cmm-list--bullet">{items}</ul>
                </section>
            }
        })
    }
}
