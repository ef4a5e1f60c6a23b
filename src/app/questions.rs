//! A theme page: each question is a radio group of its five rungs plus "Don't know" and
//! "Not applicable", with guidance to expand and an optional evidence note.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::domain::{Level, Question, Rating};
use crate::text::fill;

#[component]
pub fn ThemePage(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
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
    let last = index + 1 == count;
    let next = move |_| {
        state.go(if last {
            Screen::Check
        } else {
            Screen::Theme(index + 1)
        })
    };
    let previous = move |_| {
        state.go(if index == 0 {
            Screen::Overview
        } else {
            Screen::Theme(index - 1)
        })
    };
    view! {
        <PageHeading caption=fill(t.theme_caption, &[("index", &(index + 1)), ("count", &count)])>
            {theme_title}
        </PageHeading>
        <p class="cmm-body cmm-lead">{theme_summary}</p>
        {questions
            .into_iter()
            .map(|q| view! { <QuestionField question=q level_names=level_names.clone() /> })
            .collect_view()}
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=next>
                {if last { t.to_check } else { t.next_theme }}
            </button>
            <button type="button" class="cmm-button cmm-button--secondary" on:click=previous>
                {t.previous}
            </button>
        </div>
        <p class="cmm-body">
            <button type="button" class="cmm-link" on:click=move |_| state.go(Screen::Overview)>
                {t.back_to_overview}
            </button>
        </p>
    }
}

#[component]
fn QuestionField(question: Question, level_names: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let qid = StoredValue::new(question.id.clone());
    let name = format!("cmm-q-{}", question.id);
    let current = Memo::new(move |_| qid.with_value(|id| state.current_rating(id)));
    let note = move || {
        state.data.with(|d| {
            qid.with_value(|id| {
                d.current()
                    .and_then(|a| a.answers.get(id).map(|ans| ans.note.clone()))
                    .unwrap_or_default()
            })
        })
    };
    let mut options: Vec<(Rating, String, String)> = question
        .levels
        .iter()
        .zip(Level::ALL)
        .map(|(rung, level)| {
            let hint = fill(
                t.level_hint,
                &[
                    ("level", &level.get()),
                    ("name", &level_names[level.index()]),
                ],
            );
            (Rating::Level(level), rung.statement.clone(), hint)
        })
        .collect();
    options.push((
        Rating::DontKnow,
        t.dont_know.into(),
        t.dont_know_hint.into(),
    ));
    options.push((
        Rating::NotApplicable,
        t.not_applicable.into(),
        t.not_applicable_hint.into(),
    ));
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (rating, label, hint))| {
            let id = format!("{name}-{i}");
            let hint_id = format!("{id}-hint");
            let divider = (i == 5).then(|| view! { <div class="cmm-radios__divider"></div> });
            view! {
                {divider}
                <div class="cmm-radios__item">
                    <input class="cmm-radios__input" type="radio" id=id.clone() name=name.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || current.get() == Some(rating)
                        on:change=move |_| qid.with_value(|q| state.set_rating(q, rating)) />
                    <label class="cmm-radios__label" for=id>{label}</label>
                    <div class="cmm-radios__hint" id=hint_id>{hint}</div>
                </div>
            }
        })
        .collect_view();
    let note_id = format!("{name}-note");
    let note_hint_id = format!("{note_id}-hint");
    view! {
        <div class="cmm-form-group cmm-question" id=format!("{name}-group")>
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{question.prompt.clone()}</legend>
                <p class="cmm-hint">{t.pick_highest}</p>
                <div class="cmm-radios">{radios}</div>
            </fieldset>
            <details class="cmm-details">
                <summary class="cmm-details__summary">{t.guidance_summary}</summary>
                <div class="cmm-details__text">
                    <h3 class="cmm-heading-s">{t.guidance_why}</h3>
                    <p class="cmm-body">{question.guidance.why.clone()}</p>
                    <h3 class="cmm-heading-s">{t.guidance_evidence}</h3>
                    <p class="cmm-body">{question.guidance.evidence.clone()}</p>
                </div>
            </details>
            <div class="cmm-note">
                <label class="cmm-label" for=note_id.clone()>
                    {t.note_label}
                    <span class="cmm-visually-hidden">{fill(t.for_item, &[("name", &question.title)])}</span>
                </label>
                <div class="cmm-hint" id=note_hint_id.clone()>{t.note_hint}</div>
                <textarea class="cmm-textarea" id=note_id rows="3" aria-describedby=note_hint_id
                    prop:value=note
                    on:input=move |ev| qid.with_value(|q| state.set_note(q, &event_target_value(&ev)))>
                </textarea>
            </div>
        </div>
    }
}
