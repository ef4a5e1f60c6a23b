//! The overview: a task list of themes with their status, and overall progress.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::domain::scoring::{score, Progress};
use crate::domain::AssessmentKind;
use crate::text::fill;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let scores = Memo::new(move |_| {
        state.data.with(|d| {
            d.current()
                .map(|a| state.framework.with_value(|f| score(f, a)))
        })
    });
    let caption = state.data.with_untracked(|d| {
        d.current().map(|a| {
            let kind = match a.kind {
                AssessmentKind::Full => t.kind_full,
                AssessmentKind::Quick => t.kind_quick,
            };
            if a.organisation.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}: {}", a.organisation)
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
    let next_theme = move || {
        let s = scores.get_untracked();
        state.framework.with_value(|f| {
            f.themes
                .iter()
                .position(|th| {
                    s.as_ref()
                        .and_then(|s| s.theme(&th.id))
                        .is_some_and(|ts| ts.status() != Progress::Completed)
                })
                .map_or(Screen::Check, Screen::Theme)
        })
    };
    let rows = move || {
        let s = scores.get()?;
        Some(state.framework.with_value(|f| {
            f.themes
                .iter()
                .enumerate()
                .filter_map(|(i, theme)| {
                    let ts = s.theme(&theme.id)?.clone();
                    let (label, modifier) = match ts.status() {
                        Progress::NotStarted => (t.status_not_started, "cmm-tag--grey"),
                        Progress::InProgress => (t.status_in_progress, "cmm-tag--blue"),
                        Progress::Completed => (t.status_completed, ""),
                    };
                    let status_id = format!("cmm-status-{}", theme.id);
                    Some(view! {
                        <li class="cmm-task-list__item">
                            <div class="cmm-task-list__name">
                                <button type="button" class="cmm-link" aria-describedby=status_id.clone()
                                    on:click=move |_| state.go(Screen::Theme(i))>
                                    {theme.title.clone()}
                                </button>
                                <div class="cmm-task-list__hint">
                                    {if ts.asked == 1 {
                                        t.theme_question_one.to_string()
                                    } else {
                                        fill(t.theme_questions, &[("count", &ts.asked)])
                                    }}
                                </div>
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
    view! {
        <PageHeading caption=caption.unwrap_or_default()>{t.overview_heading}</PageHeading>
        <p class="cmm-body">{progress}</p>
        <h2 class="cmm-heading-m">{t.themes_heading}</h2>
        <ul class="cmm-task-list">{rows}</ul>
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=move |_| state.go(next_theme())>
                {t.overview_continue}
            </button>
            <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| state.go(Screen::Check)>
                {t.to_check}
            </button>
        </div>
    }
}
