//! The answers with their evidence notes, for the printed report (hidden on screen, where the
//! check-your-answers page shows them).

use leptos::prelude::*;

use super::use_results;
use crate::app::state::AppState;

#[component]
pub fn AnswersForPrint() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let results = use_results();
    move || {
        results.with(|r| {
            let a = &r.as_ref()?.assessment;
            let themes = state.framework.with_value(|f| {
                f.themes
                    .iter()
                    .filter(|th| th.questions.iter().any(|q| a.asks(f, &q.id)))
                    .map(|th| {
                        let items = th
                            .questions
                            .iter()
                            .filter(|q| a.asks(f, &q.id))
                            .map(|q| {
                                let answer = a.answers.get(&q.id);
                                let value = t.answer_label(f, answer.and_then(|x| x.rating));
                                let note = answer.map(|x| x.note.clone()).filter(|n| !n.is_empty());
                                view! {
                                    <li>
                                        <strong>{q.title.clone()}</strong>": "{value}
                                        {note.map(|n| view! { <span class="cmm-summary__note">{t.note_prefix}{n}</span> })}
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>();
                        view! {
                            <h3 class="cmm-heading-s">{th.title.clone()}</h3>
                            <ul class="cmm-list">{items}</ul>
                        }
                    })
                    .collect::<Vec<_>>()
            });
            Some(view! {
                <section class="cmm-print-only cmm-print-answers">
                    <h2 class="cmm-heading-m">{t.answers_heading}</h2>
                    {themes}
                </section>
            })
        })
    }
}
