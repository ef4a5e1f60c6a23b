//! Results opened from a share link: read-only, with a way to keep a copy in this browser.
//! Keeping a copy twice (say, after a reload) never makes a second one.

use leptos::prelude::*;

use super::results::board::{Board, OpenBoard, OPEN_ID};
use super::results::{results_data, ResultsBody};
use crate::app::blocks::{ErrorSummary, FieldError, Notice, PageHeading};
use crate::app::shell::follow;
use crate::app::state::use_app;
use crate::browser::focus::focus_by_id_after_redraw;
use crate::browser::{history, new_id, now_iso};
use crate::domain::share::{self, is_copy_of};
use crate::domain::Framework;
use crate::route::Route;
use crate::text::fill;

pub fn shared_page() -> impl IntoView {
    view! { <SharedPage /> }
}

#[component]
fn SharedPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let frameworks = app.catalogue.frameworks();
    let refs: Vec<&Framework> = frameworks.iter().map(|f| &**f).collect();
    let hash = history::hash();
    let decoded = share::decode(hash.strip_prefix('#').unwrap_or(&hash), &refs);
    match decoded {
        Ok(shared) => {
            let assessment = shared.assessment;
            let framework = app
                .catalogue
                .framework(&assessment.framework_id)
                .expect("decode only accepts the app's frameworks");
            let chosen = RwSignal::new(None::<String>);
            super::results::read_benchmarks(app, framework.id.clone());
            let stored = StoredValue::new(assessment.clone());
            let data = Memo::new(move |_| {
                let file = super::results::benchmarks(app, &framework.id).ok().flatten();
                Some(results_data(framework.clone(), stored.get_value(), None, file.as_deref(), chosen.get().as_deref()))
            });
            // A copy already kept in this browser (saved before a reload, say).
            let existing = Memo::new(move |_| {
                app.saved.with(|d| {
                    d.assessments
                        .iter()
                        .find(|a| stored.with_value(|s| is_copy_of(a, s)))
                        .map(|a| (a.id.clone(), a.updated.clone()))
                })
            });
            let save = move |_| {
                if existing.get_untracked().is_some() {
                    return;
                }
                let mut copy = stored.get_value();
                copy.id = new_id();
                copy.updated = now_iso();
                let id = copy.id.clone();
                app.saved.add(copy);
                app.session.set_current(Some(&id));
                // The link has done its job: where the address is ours, drop it, so a reload
                // shows the saved copy rather than offering the link again.
                app.nav.replace(Route::Results);
            };
            // The board summary is shown in place: the shared results are not saved, so the board
            // page's own route could not find them.
            let board = RwSignal::new(false);
            provide_context(OpenBoard(board));
            let back = Callback::new(move |_| {
                board.set(false);
                focus_by_id_after_redraw(OPEN_ID.to_string(), false);
            });
            let results = move || view! {
                <Notice>
                    <p class="cmm-body">{t.shared_banner}</p>
                    {move || match existing.get() {
                        Some((id, when)) => view! {
                            <p class="cmm-body">{fill(t.shared_already, &[("date", &t.long_date(&when))])}</p>
                            <button type="button" class="cmm-button" on:click=move |_| app.open(&id, Route::Results)>
                                {t.shared_open_copy}
                            </button>
                        }.into_any(),
                        None => view! {
                            <button type="button" class="cmm-button" on:click=save>{t.shared_save}</button>
                        }.into_any(),
                    }}
                </Notice>
                <ResultsBody data chosen read_only=true />
            };
            (move || match (board.get(), data.get()) {
                (true, Some(d)) => view! { <Board d on_back=back /> }.into_any(),
                _ => results().into_any(),
            })
            .into_any()
        }
        Err(e) => view! {
            <PageHeading>{t.shared_heading}</PageHeading>
            <ErrorSummary title=t.shared_problem errors=vec![FieldError::new(t.share_error(&e))] no_focus=true />
            <a class="cmm-button" href=Route::Start.to_hash() on:click=move |ev| follow(ev, app.nav, Route::Start)>{t.shared_start}</a>
        }
        .into_any(),
    }
}
