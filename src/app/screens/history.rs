//! "Your assessments": every assessment kept in this browser — open, rename, reassess, delete
//! (with confirmation and undo), download — then importing from a file, and every backup of
//! unreadable data kept in this browser.

mod backups;
mod import;

use crate::app::blocks::Heading;
use leptos::prelude::*;

use crate::app::blocks::{Notice, PageHeading};
use crate::app::downloads::{file_name, offer_text};
use crate::app::shell::follow;
use crate::app::state::{use_app, App};
use crate::browser::{new_id, now_iso};
use crate::domain::dates::file_date;
use crate::domain::exchange::export;
use crate::domain::scoring::score;
use crate::domain::Assessment;
use crate::route::Route;
use crate::text::fill;
use crate::APP_VERSION;

pub fn history_page() -> impl IntoView {
    view! { <HistoryPage /> }
}

/// Offers every assessment in this browser as one export file (which imports back).
pub fn download_backup(app: App) {
    let all = app.saved.with_untracked(|d| d.assessments.clone());
    let name = file_name(app, app.t().file_backup, &file_date(&now_iso()), "json");
    offer_text(
        app,
        &name,
        "application/json",
        &export(&all, APP_VERSION, &now_iso()),
    );
}

/// Offers one assessment as an export file, named after the day it was started.
pub fn download_assessment(app: App, a: &Assessment) {
    let name = file_name(app, "", &file_date(&a.created), "json");
    offer_text(
        app,
        &name,
        "application/json",
        &export(std::slice::from_ref(a), APP_VERSION, &now_iso()),
    );
}

/// What one row is doing: just listed, being renamed, or asking to confirm a delete.
#[derive(Clone, Copy, PartialEq)]
enum RowMode {
    Listed,
    Renaming,
    ConfirmingDelete,
}

#[component]
fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    crate::app::boot::load_rest(app.catalogue);
    // The last deleted assessment and where it was, for Undo: this screen's own state.
    let deleted = RwSignal::new(None::<(usize, Assessment)>);
    let ids = move || {
        app.saved.with(|d| {
            d.assessments
                .iter()
                .rev()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let undo_banner = move || {
        deleted.get().map(|(_, a)| {
            let name = t.assessment_name(&a);
            // The banner appears only after a delete: focus moves to its Undo button, and after
            // Undo to the restored assessment.
            let undo = NodeRef::<leptos::html::Button>::new();
            Effect::new(move |_| {
                if let Some(b) = undo.get() {
                    let _ = b.focus();
                }
            });
            view! {
                <Notice>
                    <p class="cmm-body">{fill(t.deleted, &[("name", &name)])}</p>
                    <button type="button" class="cmm-button cmm-button--secondary" node_ref=undo on:click=move |_| {
                        if let Some((pos, a)) = deleted.get_untracked() {
                            let id = row_heading_id(&a.id);
                            app.saved.restore(pos, a);
                            crate::browser::focus::focus_by_id_after_redraw(id, false);
                        }
                        deleted.set(None);
                    }>
                        {t.undo}
                    </button>
                </Notice>
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
                            <HistoryItem id deleted />
                        </For>
                    </ul>
                }
                .into_any()
            }
        }}
        <div class="cmm-button-group">
            <a class="cmm-button" href=Route::Start.to_hash() on:click=move |ev| follow(ev, app.nav, Route::Start)>{t.new_assessment}</a>
            {move || (!app.limits.get().no_downloads).then(|| view! {
                <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| download_backup(app)>
                    {t.download_backup}
                </button>
            })}
        </div>
        <import::ImportSection />
        <backups::BackupsSection />
    }
}

/// The id of an assessment's heading in the list, where focus goes when it is restored.
fn row_heading_id(assessment_id: &str) -> String {
    format!("cmm-history-{assessment_id}")
}

#[component]
fn HistoryItem(id: String, deleted: RwSignal<Option<(usize, Assessment)>>) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let id = StoredValue::new(id);
    let mode = RwSignal::new(RowMode::Listed);
    let assessment = Memo::new(move |_| id.with_value(|id| app.saved.get(id)));
    let draft = RwSignal::new(String::new());
    let body = move || {
        let a: Assessment = assessment.get()?;
        let name = t.assessment_name(&a);
        let framework = app.catalogue.framework(&a.framework_id);
        let is_current = app.session.current_id().as_deref() == Some(a.id.as_str());
        let kind = t.kind_name(a.kind);
        let (framework_title, overall) = match &framework {
            Some(f) => {
                let overall = t.level_or_none(f, score(f, &a.reconciled(f)).overall);
                (f.title.clone(), overall)
            }
            None => (
                a.framework_id.clone(),
                t.history_other_framework.to_string(),
            ),
        };
        let input_id = id.with_value(|id| format!("cmm-rename-{id}"));
        let hidden = StoredValue::new(fill(t.for_item, &[("name", &name)]));
        let openable = framework.is_some();
        let actions = match mode.get() {
            RowMode::Listed => {
                let current_name = a.name.clone();
                let for_download = a.clone();
                view! {
                    <div class="cmm-button-group cmm-button-group--tight">
                        {openable.then(|| view! {
                            <button type="button" class="cmm-button cmm-button--secondary"
                                on:click=move |_| id.with_value(|id| app.open(id, Route::Overview))>
                                {t.open}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                            </button>
                            <button type="button" class="cmm-button cmm-button--secondary"
                                on:click=move |_| reassess(app, &id.get_value())>
                                {t.reassess}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                            </button>
                        })}
                        {(!app.limits.get().no_downloads).then(|| view! {
                            <button type="button" class="cmm-link"
                                on:click=move |_| download_assessment(app, &for_download)>
                                {t.download_one}<span class="cmm-visually-hidden">{hidden.get_value()}</span>
                            </button>
                        })}
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
                <form class="cmm-inline-form" on:submit=|ev| ev.prevent_default()>
                    <label class="cmm-label" for=input_id.clone()>{t.rename_label}</label>
                    <input class="cmm-input" type="text" id=input_id autofocus
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev)) />
                    <div class="cmm-button-group cmm-button-group--tight">
                        // On click: a sandboxed iframe without allow-forms never submits a form.
                        <button type="submit" class="cmm-button" on:click=move |ev| {
                            ev.prevent_default();
                            id.with_value(|id| app.saved.rename(id, &draft.get_untracked()));
                            mode.set(RowMode::Listed);
                        }>{t.save}</button>
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
                            on:click=move |_| {
                                let removed = id.with_value(|id| app.saved.delete(id));
                                deleted.set(removed);
                            }>
                            {t.delete_yes}
                        </button>
                        <button type="button" class="cmm-link" on:click=move |_| mode.set(RowMode::Listed)>{t.cancel}</button>
                    </div>
                </div>
            }
            .into_any(),
        };
        Some(view! {
            <Heading depth=2 class="cmm-heading-s cmm-history__name" focusable=true id=id.with_value(|id| row_heading_id(id))>
                {name.clone()}
                {is_current.then(|| view! { " " <span class="cmm-history__current">{t.history_current}</span> })}
            </Heading>
            <dl class="cmm-history__facts">
                <div><dt>{t.history_framework}</dt><dd>{framework_title}</dd></div>
                <div><dt>{t.history_kind}</dt><dd>{kind}</dd></div>
                <div><dt>{t.history_started}</dt><dd>{t.long_date(&a.created)}</dd></div>
                <div><dt>{t.history_changed}</dt><dd>{t.long_date(&a.updated)}</dd></div>
                <div><dt>{t.history_overall}</dt><dd>{overall}</dd></div>
            </dl>
            {actions}
        })
    };
    view! { <li class="cmm-history__item">{body}</li> }
}

/// Starts a new assessment with the earlier answers filled in, and opens it.
fn reassess(app: App, id: &str) {
    let Some(source) = app.saved.get(id) else {
        return;
    };
    let Some(framework) = app.catalogue.framework(&source.framework_id) else {
        return;
    };
    let next = source.reassess_from(new_id(), &framework, &now_iso());
    let next_id = next.id.clone();
    app.saved.add(next);
    app.open(&next_id, Route::Overview);
}
