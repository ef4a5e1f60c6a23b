//! A theme page: each question is a group of radios (its five rungs, then "Don't know" and
//! "Not applicable"), with the terms it uses defined, guidance to expand, and an optional
//! evidence note.

use std::sync::Arc;

use crate::app::blocks::Heading;
use leptos::prelude::*;

use crate::app::blocks::{PageHeading, RadioOption, Radios};
use crate::app::shell::follow;
use crate::app::state::{use_app, App};
use crate::domain::context::Nation;
use crate::domain::framework::LawNote;
use crate::domain::{Framework, Level, Question, Rating};
use crate::route::Route;
use crate::text::fill;

/// The id of a question's group on its theme page, where "Change" on check your answers lands.
pub fn question_group_id(question_id: &str) -> String {
    format!("cmm-q-{question_id}-group")
}

#[component]
pub fn ThemePage(id: String) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let (Some(framework), Some(assessment)) =
        (app.current_framework(), app.current.get_untracked())
    else {
        return ().into_any();
    };
    let Some(index) = framework.theme_index(&id) else {
        return ().into_any();
    };
    super::preload_next();
    let theme = &framework.themes[index];
    let count = framework.themes.len();
    let questions: Vec<Question> = theme
        .questions
        .iter()
        .filter(|q| assessment.asks(&framework, &q.id))
        .cloned()
        .collect();
    let next = match framework.themes.get(index + 1) {
        Some(th) => Route::Theme(th.id.clone()),
        None => Route::Check,
    };
    let previous = match index.checked_sub(1) {
        Some(i) => Route::Theme(framework.themes[i].id.clone()),
        None => Route::Overview,
    };
    let next_label = if next == Route::Check {
        t.to_check
    } else {
        t.next_theme
    };
    let lang =
        (framework.lang != app.catalogue.lang_untracked().code()).then_some(framework.lang.clone());
    let framework = StoredValue::new_local(framework.clone());
    let assessment_id = assessment.id.clone();
    let caption = fill(
        t.theme_caption,
        &[("index", &(index + 1)), ("count", &count)],
    );
    let title = theme.title.clone();
    let nation = assessment.context.nation();
    let summary = theme.summary.clone();
    // Opened from "Change": focus goes to that question, and a link leads back.
    let arrival = app.nav.arrival();
    if let Some(a) = &arrival {
        crate::browser::focus::focus_by_id_after_redraw(a.focus.clone(), false);
    }
    let back_link = move || {
        arrival.clone().map(|a| {
            let back = a.back;
            view! {
                <p class="cmm-body cmm-return">
                    <a class="cmm-link" href=back.to_hash() on:click={ let back = back.clone(); move |ev| follow(ev, app.nav, back.clone()) }>
                        {t.return_to_check}
                    </a>
                </p>
            }
        })
    };
    view! {
        <div lang=lang.clone()>
            <PageHeading caption>{title}</PageHeading>
            <p class="cmm-body cmm-lead">{summary}</p>
        </div>
        {back_link.clone()}
        <LawScope nation as_at=framework.get_value().law_as_at.clone() />
        // Said once for the page, not under every question.
        <p class="cmm-body cmm-inset cmm-rule">{t.pick_highest}</p>
        {questions
            .into_iter()
            .map(|q| view! { <QuestionField question=q framework=framework.get_value() assessment_id=assessment_id.clone() lang=lang.clone() /> })
            .collect_view()}
        {back_link}
        <div class="cmm-button-group">
            <a class="cmm-button" href=next.to_hash() on:click={ let next = next.clone(); move |ev| follow(ev, app.nav, next.clone()) }>
                {next_label}
            </a>
            <a class="cmm-button cmm-button--secondary" href=previous.to_hash()
                on:click={ let previous = previous.clone(); move |ev| follow(ev, app.nav, previous.clone()) }>
                {t.previous}
            </a>
        </div>
        <p class="cmm-body">
            <a class="cmm-link" href=Route::Overview.to_hash() on:click=move |ev| follow(ev, app.nav, Route::Overview)>
                {t.back_to_overview}
            </a>
        </p>
    }
    .into_any()
}

/// Where the law this framework states is a council's own: said plainly to a council in
/// Scotland or Northern Ireland, and to one that has not said where it is.
#[component]
pub fn LawScope(nation: Option<Nation>, as_at: Option<String>) -> impl IntoView {
    let t = use_app().t();
    let scope = match nation {
        Some(n) if n.law_written_for() => None,
        Some(_) => Some(t.law_not_yours),
        None => Some(t.law_nation_unknown),
    };
    let date = as_at.map(|d| fill(t.law_as_at, &[("date", &t.long_date(&d))]));
    (scope.is_some() || date.is_some()).then(|| {
        view! {
            <p class="cmm-body cmm-inset">
                {scope}
                {scope.is_some().then_some(" ")}
                {date}
            </p>
        }
    })
}

#[component]
fn QuestionField(
    question: Question,
    framework: Arc<Framework>,
    assessment_id: String,
    lang: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let qid = StoredValue::new(question.id.clone());
    let aid = StoredValue::new(assessment_id);
    let name = format!("cmm-q-{}", question.id);
    let nation = app
        .current
        .with_untracked(|a| a.as_ref().and_then(|a| a.context.nation()));
    // Memoised: typing a note changes the saved data, but not this, so no radio re-renders.
    let rating = Memo::new(move |_| {
        app.current
            .with(|a| a.as_ref().and_then(|a| qid.with_value(|id| a.rating(id))))
    });
    let note = Memo::new(move |_| {
        app.current.with(|a| {
            a.as_ref()
                .and_then(|a| qid.with_value(|id| a.answers.get(id).map(|x| x.note.clone())))
                .unwrap_or_default()
        })
    });
    let choices: Vec<Rating> = Level::ALL
        .into_iter()
        .map(Rating::Level)
        .chain([Rating::DontKnow, Rating::NotApplicable])
        .collect();
    let mut options: Vec<RadioOption> = question
        .levels
        .iter()
        .zip(Level::ALL)
        .map(|(rung, level)| {
            let mut o = RadioOption::new(rung.statement_in(nation).clone()).hint(fill(
                t.level_hint,
                &[
                    ("level", &level.get()),
                    ("name", &framework.level_name(level)),
                ],
            ));
            o.lang = lang_tag(&lang);
            o
        })
        .collect();
    let mut dont_know = RadioOption::new(t.dont_know).hint(t.dont_know_hint);
    dont_know.divider = true;
    options.push(dont_know);
    options.push(RadioOption::new(t.not_applicable).hint(t.not_applicable_hint));
    let selected = Signal::derive({
        let choices = choices.clone();
        move || {
            rating
                .get()
                .and_then(|r| choices.iter().position(|c| *c == r))
        }
    });
    let on_select = Callback::new(move |i: usize| {
        let rating = choices[i];
        aid.with_value(|a| qid.with_value(|q| app.saved.set_rating(a, q, rating)));
    });
    let terms: Vec<(String, String)> = question
        .terms
        .iter()
        .filter_map(|id| framework.term(id))
        .map(|term| (term.term.clone(), term.definition.clone()))
        .collect();
    let note_id = format!("{name}-note");
    let note_hint_id = format!("{note_id}-hint");
    view! {
        <div class="cmm-form-group cmm-question" id=question_group_id(&question.id) tabindex="-1">
            <Radios name=name.clone() legend=question.prompt.clone() large=true legend_lang=lang_tag(&lang)
                options selected on_select />
            {(!terms.is_empty()).then(|| view! {
                <details class="cmm-details cmm-terms">
                    <summary class="cmm-details__summary">{t.terms_summary}</summary>
                    <dl class="cmm-details__text cmm-glossary" lang=lang.clone()>
                        {terms.into_iter().map(|(term, definition)| view! {
                            <dt class="cmm-glossary__term">{term}</dt>
                            <dd class="cmm-glossary__definition">{definition}</dd>
                        }).collect_view()}
                    </dl>
                </details>
            })}
            <details class="cmm-details">
                <summary class="cmm-details__summary">{t.guidance_summary}</summary>
                <div class="cmm-details__text">
                    <Heading depth=3 class="cmm-heading-s">{t.guidance_why}</Heading>
                    <p class="cmm-body" lang=lang.clone()>{question.guidance.why.clone()}</p>
                <LawNotes notes=question.guidance.law_for(nation).cloned().collect() nation lang=lang.clone() />
                    <Heading depth=3 class="cmm-heading-s">{t.guidance_evidence}</Heading>
                    <p class="cmm-body" lang=lang.clone()>{question.guidance.evidence.clone()}</p>
                </div>
            </details>
            <div class="cmm-note">
                <label class="cmm-label" for=note_id.clone()>
                    {t.note_label}
                    <span class="cmm-visually-hidden">{fill(t.for_item, &[("name", &question.title)])}</span>
                </label>
                <div class="cmm-hint" id=note_hint_id.clone()>{t.note_hint}</div>
                <textarea class="cmm-textarea" id=note_id rows="3" aria-describedby=note_hint_id
                    prop:value=move || note.get()
                    on:input=move |ev| note_typed(app, aid, qid, event_target_value(&ev))>
                </textarea>
            </div>
        </div>
    }
}

/// What the law requires, for the council's nation: its own law under one heading in England or
/// Wales; otherwise every note, each saying where it applies.
#[component]
fn LawNotes(notes: Vec<LawNote>, nation: Option<Nation>, lang: Option<String>) -> impl IntoView {
    let t = use_app().t();
    if notes.is_empty() {
        return ().into_any();
    }
    let own = nation.filter(|n| n.law_written_for());
    let heading = t.law_heading_for(own);
    view! {
        <Heading depth=3 class="cmm-heading-s">{heading}</Heading>
        {notes.into_iter().map(|n| {
            let label = own.is_none().then(|| t.law_applies_in(&n.applies_in));
            view! {
                <p class="cmm-body cmm-law" lang=lang.clone()>
                    {label.map(|l| view! { <strong class="cmm-law__where">{l}</strong> " " })}
                    {n.text}
                </p>
            }
        }).collect_view()}
    }
    .into_any()
}

fn note_typed(app: App, aid: StoredValue<String>, qid: StoredValue<String>, value: String) {
    aid.with_value(|a| qid.with_value(|q| app.saved.set_note(a, q, &value)));
}

/// The `lang` attribute for framework text in a language other than the page's.
fn lang_tag(lang: &Option<String>) -> Option<&'static str> {
    match lang.as_deref() {
        Some("en") => Some("en-GB"),
        Some("cy") => Some("cy"),
        _ => None,
    }
}
