//! Check your answers: a summary by theme with Change buttons; unanswered questions stand out.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::state::{AppState, Screen};
use crate::domain::Rating;
use crate::text::fill;

#[component]
pub fn CheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let unanswered = move || {
        state.data.with(|d| {
            d.current()
                .map(|a| state.framework.with_value(|f| a.unanswered(f).count()))
                .unwrap_or(0)
        })
    };
    let themes = move || {
        state.data.with(|d| {
            let a = d.current()?;
            Some(state.framework.with_value(|f| {
                f.themes
                    .iter()
                    .enumerate()
                    .filter(|(_, theme)| theme.questions.iter().any(|q| a.asks(f, &q.id)))
                    .map(|(i, theme)| {
                        let rows = theme
                            .questions
                            .iter()
                            .filter(|q| a.asks(f, &q.id))
                            .map(|q| {
                                let answer = a.answers.get(&q.id);
                                let rating = answer.and_then(|ans| ans.rating);
                                let note = answer.map(|ans| ans.note.clone()).filter(|n| !n.is_empty());
                                // The rung's statement follows a level, so the answer reads in full.
                                let statement = rating.and_then(Rating::level).map(|l| q.levels[l.index()].statement.clone());
                                let value = view! {
                                    <strong class:cmm-summary__missing=rating.is_none()>{t.answer_label(f, rating)}</strong>
                                    {statement.map(|s| view! { <span class="cmm-summary__statement">{s}</span> })}
                                };
                                view! {
                                    <div class="cmm-summary__row" class:cmm-summary__row--missing=rating.is_none()>
                                        <dt class="cmm-summary__key">{q.title.clone()}</dt>
                                        <dd class="cmm-summary__value">
                                            {value}
                                            {note.map(|n| view! { <span class="cmm-summary__note">{t.note_prefix}{n}</span> })}
                                        </dd>
                                        <dd class="cmm-summary__actions">
                                            <button type="button" class="cmm-link" on:click=move |_| state.go(Screen::Theme(i))>
                                                {t.change}
                                                <span class="cmm-visually-hidden">{fill(t.change_hidden, &[("question", &q.title)])}</span>
                                            </button>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! {
                            <h2 class="cmm-heading-m">{theme.title.clone()}</h2>
                            <dl class="cmm-summary">{rows}</dl>
                        }
                    })
                    .collect_view()
            }))
        })
    };
    view! {
        <PageHeading>{t.check_heading}</PageHeading>
        {move || (unanswered() > 0).then(|| view! {
            <p class="cmm-body cmm-inset cmm-inset--warning">{fill(t.check_unanswered, &[("count", &unanswered())])}</p>
        })}
        {themes}
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=move |_| state.go(Screen::Results)>{t.see_results}</button>
        </div>
    }
}
