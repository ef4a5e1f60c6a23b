//! Every assessment kept in this browser: open, rename, reassess, delete (with confirmation and
//! undo), and a backup download.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::domain::dates::long_date;
use crate::domain::scoring::{display_level, level_band, score};
use crate::domain::{Assessment, AssessmentKind};
use crate::text::fill;

/// What one row is doing: just listed, being renamed, or asking to confirm a delete.
#[derive(Clone, PartialEq)]
enum RowMode {
    Listed,
    Renaming,
    ConfirmingDelete,
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let ids = move || {
        state.data.with(|d| {
            d.assessments
                .iter()
                .rev()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let undo_banner = move || {
        state.deleted.get().map(|(_, a)| {
            let name = state.display_name(&a);
            view! {
                <div class="cmm-notice" role="status">
                    <p class="cmm-body">{fill(t.deleted, &[("name", &name)])}</p>
                    <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| state.undo_delete()>
                        {t.undo}
                    </button>
                </div>
            }
        })
    };
    view! {
        <PageHeading>{t.history_heading}</PageHeading>
        {undo_banner}
        {move || {
            let ids = ids();
            if ids.is_empty() {
                view! { <p class="cmm-body">{t.history_empty}</p> }.into_any()
            } else {
                view! {
                    <p class="cmm-body">{t.reassess_hint}</p>
                    <ul class="cmm-history">
                        <For each=move || ids.clone() key=|id| id.clone() let:id>
                            <HistoryItem id />
                        </For>
                    </ul>
                }
                .into_any()
            }
        }}
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=move |_| state.go(Screen::Start)>{t.new_assessment}</button>
            <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| state.download_backup()>
                {t.download_backup}
            </button>
        </div>
        <super::import::ImportSection />
    }
}

#[component]
fn HistoryItem(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let id = StoredValue::new(id);
    let mode = RwSignal::new(RowMode::Listed);
    let assessment = Memo::new(move |_| {
        state
            .data
            .with(|d| id.with_value(|id| d.assessments.iter().find(|a| &a.id == id).cloned()))
    });
    let draft = RwSignal::new(String::new());
    let body = move || {
        let a: Assessment = assessment.get()?;
        let name = state.display_name(&a);
        let is_current = state
            .data
            .with(|d| d.current.as_deref() == Some(a.id.as_str()));
        let kind = match a.kind {
            AssessmentKind::Full => t.kind_full,
            AssessmentKind::Quick => t.kind_quick,
        };
        let overall = state
            .framework
            .with_value(|f| {
                score(f, &a)
                    .overall
                    .map(|l| format!("{} ({})", display_level(l), f.level_name(level_band(l))))
            })
            .unwrap_or_else(|| t.no_rated_answers.to_string());
        let input_id = id.with_value(|id| format!("cmm-rename-{id}"));
        let hidden = fill(t.for_item, &[("name", &name)]);
        let actions = match mode.get() {
            RowMode::Listed => {
                let hidden = StoredValue::new(hidden);
                let current_name = a.name.clone();
                view! {
                    <div class="cmm-button-group cmm-button-group--tight">
                        <button type="button" class="cmm-button cmm-button--secondary"
                            on:click=move |_| id.with_value(|id| state.open(id))>
                            {t.open}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                        </button>
                        <button type="button" class="cmm-button cmm-button--secondary"
                            on:click=move |_| id.with_value(|id| state.reassess(id))>
                            {t.reassess}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                        </button>
                        <button type="button" class="cmm-link"
                            on:click=move |_| id.with_value(|id| state.download_assessment(id))>
                            {t.download_one}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                        </button>
                        <button type="button" class="cmm-link"
                            on:click=move |_| { draft.set(current_name.clone()); mode.set(RowMode::Renaming) }>
                            {t.rename}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                        </button>
                        <button type="button" class="cmm-link cmm-link--danger"
                            on:click=move |_| mode.set(RowMode::ConfirmingDelete)>
                            {t.delete}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                        </button>
                    </div>
                }
                .into_any()
            }
            RowMode::Renaming => view! {
                <form class="cmm-inline-form" on:submit=move |ev| {
                    ev.prevent_default();
                    id.with_value(|id| state.rename(id, draft.get_untracked()));
                    mode.set(RowMode::Listed);
                }>
                    <label class="cmm-label" for=input_id.clone()>{t.rename_label}</label>
                    <input class="cmm-input" type="text" id=input_id autofocus
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev)) />
                    <div class="cmm-button-group cmm-button-group--tight">
                        <button type="submit" class="cmm-button">{t.save}</button>
                        <button type="button" class="cmm-link" on:click=move |_| mode.set(RowMode::Listed)>{t.cancel}</button>
                    </div>
                </form>
            }
            .into_any(),
            RowMode::ConfirmingDelete => view! {
                <div class="cmm-confirm" role="group" aria-label=t.delete>
                    <p class="cmm-body"><strong>{fill(t.delete_confirm, &[("name", &name)])}</strong></p>
                    <div class="cmm-button-group cmm-button-group--tight">
                        <button type="button" class="cmm-button cmm-button--warning" autofocus
                            on:click=move |_| id.with_value(|id| state.delete(id))>
                            {t.delete_yes}
                        </button>
                        <button type="button" class="cmm-link" on:click=move |_| mode.set(RowMode::Listed)>{t.cancel}</button>
                    </div>
                </div>
            }
            .into_any(),
        };
        Some(view! {
            <h2 class="cmm-heading-s cmm-history__name">
                {name.clone()}
                {is_current.then(|| view! { " " <span class="cmm-history__current">{t.history_current}</span> })}
            </h2>
            <dl class="cmm-history__facts">
                <div><dt>{t.history_kind}</dt><dd>{kind}</dd></div>
                <div><dt>{t.history_started}</dt><dd>{long_date(&a.created)}</dd></div>
                <div><dt>{t.history_changed}</dt><dd>{long_date(&a.updated)}</dd></div>
                <div><dt>{t.history_overall}</dt><dd>{overall}</dd></div>
            </dl>
            {actions}
        })
    };
    view! { <li class="cmm-history__item">{body}</li> }
}
