//! A theme page: each question is a radio group of its five rungs plus "Don't know" and
//! "Not applicable".

use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::domain::{Level, Question, Rating};

#[component]
pub fn ThemePage(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = state.theme_count();
    let (theme_title, theme_summary, questions) = state.framework.with_value(|f| {
        let theme = &f.themes[index];
        let asked: Vec<Question> = state.data.with_untracked(|d| {
            theme
                .questions
                .iter()
                .filter(|q| d.current().is_some_and(|a| a.asks(f, &q.id)))
                .cloned()
                .collect()
        });
        (theme.title.clone(), theme.summary.clone(), asked)
    });
    let level_names: Vec<String> = state
        .framework
        .with_value(|f| f.levels.iter().map(|l| l.name.clone()).collect());
    let heading = NodeRef::<leptos::html::H1>::new();
    // Move focus to the heading on each step so keyboard and screen reader users start at the top.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let next = move |_| {
        state.screen.set(if index + 1 < count {
            Screen::Theme(index + 1)
        } else {
            Screen::Results
        })
    };
    let previous = move |_| {
        state.screen.set(if index == 0 {
            Screen::Start
        } else {
            Screen::Theme(index - 1)
        })
    };
    view! {
        <span class="cmm-caption">{format!("Theme {} of {}", index + 1, count)}</span>
        <h1 class="cmm-heading-xl" tabindex="-1" node_ref=heading>{theme_title}</h1>
        <p class="cmm-body">{theme_summary}</p>
        {questions.into_iter().map(|q| view! { <QuestionField question=q level_names=level_names.clone() /> }).collect_view()}
        <div class="cmm-button-group">
            <button type="button" class="cmm-button cmm-button--secondary" on:click=previous>"Previous"</button>
            <button type="button" class="cmm-button" on:click=next>
                {if index + 1 < count { "Next theme" } else { "See your results" }}
            </button>
        </div>
    }
}

#[component]
fn QuestionField(question: Question, level_names: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let qid = question.id.clone();
    let name = format!("cmm-q-{}", question.id);
    let current = {
        let qid = qid.clone();
        Memo::new(move |_| state.current_rating(&qid))
    };
    let mut options: Vec<(Rating, String, String)> = question
        .levels
        .iter()
        .zip(Level::ALL)
        .map(|(rung, level)| {
            (
                Rating::Level(level),
                rung.statement.clone(),
                format!("Level {}: {}", level.get(), level_names[level.index()]),
            )
        })
        .collect();
    options.push((
        Rating::DontKnow,
        "Don't know".into(),
        "Left out of your scores and listed as something to find out.".into(),
    ));
    options.push((
        Rating::NotApplicable,
        "Not applicable".into(),
        "Left out of your scores.".into(),
    ));
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (rating, label, hint))| {
            let id = format!("{name}-{i}");
            let hint_id = format!("{id}-hint");
            let qid = qid.clone();
            view! {
                <div class="cmm-radios__item">
                    <input class="cmm-radios__input" type="radio" id=id.clone() name=name.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || current.get() == Some(rating)
                        on:change=move |_| state.set_rating(&qid, rating) />
                    <label class="cmm-radios__label" for=id>{label}</label>
                    <div class="cmm-radios__hint" id=hint_id>{hint}</div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="cmm-form-group">
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend">{question.prompt.clone()}</legend>
                <p class="cmm-hint">"Pick the highest statement that is fully true."</p>
                <div class="cmm-radios">{radios}</div>
            </fieldset>
            <details class="cmm-details">
                <summary class="cmm-details__summary">"Why this matters and what evidence looks like"</summary>
                <div class="cmm-details__text">
                    <p class="cmm-body">{question.guidance.why.clone()}</p>
                    <p class="cmm-body">{question.guidance.evidence.clone()}</p>
                </div>
            </details>
        </div>
    }
}
