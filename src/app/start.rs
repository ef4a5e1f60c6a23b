use leptos::prelude::*;

use super::state::AppState;
use crate::domain::AssessmentKind;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (title, description, questions, quick) = state.framework.with_value(|f| {
        (
            f.title.clone(),
            f.description.clone(),
            f.question_count(),
            f.quick_check.len(),
        )
    });
    view! {
        <h1 class="cmm-heading-xl" tabindex="-1">{title}</h1>
        <p class="cmm-body">{description}</p>
        <p class="cmm-body">
            "Your answers stay in this browser. They are never sent anywhere."
        </p>
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=move |_| state.start(AssessmentKind::Full)>
                {format!("Start the full assessment ({questions} questions)")}
            </button>
            <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| state.start(AssessmentKind::Quick)>
                {format!("Start a quick check ({quick} questions)")}
            </button>
        </div>
    }
}
