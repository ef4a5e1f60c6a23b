//! Results opened from a share link: read-only, with a way to keep a copy in this browser.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::results::{results_data, ResultsBody};
use super::state::{AppState, Screen};

#[component]
pub fn SharedPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let shared = state.shared.get_value();
    match shared {
        Some(Ok(assessment)) => {
            let data = Memo::new(move |_| {
                let benchmark_id = state.benchmark_id.get();
                Some(results_data(state, assessment.clone(), None, benchmark_id.as_deref()))
            });
            view! {
                <div class="cmm-notice" role="status">
                    <p class="cmm-body">{t.shared_banner}</p>
                    <button type="button" class="cmm-button" on:click=move |_| state.save_shared_copy()>{t.shared_save}</button>
                </div>
                <ResultsBody data read_only=true />
            }
            .into_any()
        }
        Some(Err(message)) => view! {
            <PageHeading>{t.shared_heading}</PageHeading>
            <div class="cmm-error-summary" role="alert">
                <h2 class="cmm-error-summary__title">{t.shared_problem}</h2>
                <p class="cmm-body">{message}</p>
            </div>
            <button type="button" class="cmm-button" on:click=move |_| state.go(Screen::Start)>{t.shared_start}</button>
        }
        .into_any(),
        None => view! { <PageHeading>{t.shared_heading}</PageHeading> }.into_any(),
    }
}
