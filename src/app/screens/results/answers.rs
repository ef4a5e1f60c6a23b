//! The answers with their evidence notes, for the printed report (hidden on screen, where the
//! check-your-answers page shows them).

use crate::app::blocks::Heading;
use leptos::prelude::*;

use super::use_results;
use crate::app::state::use_app;

#[component]
pub fn AnswersForPrint() -> impl IntoView {
    let t = use_app().t();
    let results = use_results();
    move || {
        results.with(|r| {
            let r = r.as_ref()?;
            let (a, f) = (&r.assessment, &r.framework);
            let themes = f
                .themes
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
                        .collect_view();
                    view! {
                        <Heading depth=3 class="cmm-heading-s" text=th.title.clone() />
                        <ul class="cmm-list">{items}</ul>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="cmm-print-only cmm-print-answers">
                    <Heading depth=2 class="cmm-heading-m">{t.answers_heading}</Heading>
                    {themes}
                </section>
            })
        })
    }
}
