//! About the framework: its levels, its glossary, and a crosswalk from every area it covers
//! (NAO good practice areas, legal duties, the LGA National Procurement Strategy, CCIAF, the
//! professional standards) to the questions that cover it, so one assessment can inform others.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::blocks::{Heading, PageHeading};
use crate::app::state::use_app;
use crate::domain::Framework;
use crate::text::{fill, Text};
use crate::APP_VERSION;

pub fn about_page() -> impl IntoView {
    view! { <AboutPage /> }
}

#[component]
fn AboutPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    crate::app::boot::load_rest(app.catalogue);
    // The framework being worked on first, then any others offered (as they arrive).
    let frameworks = move || {
        let mut list = app.catalogue.frameworks();
        if let Some(current) = app.current_framework() {
            list.sort_by_key(|f| f.id != current.id);
        }
        list.into_iter()
            .map(|f| view! { <FrameworkAbout framework=f /> })
            .collect_view()
    };
    view! {
        <PageHeading>{t.about_heading}</PageHeading>
        <p class="cmm-body">{t.about_intro}</p>
        {frameworks}
        <Heading depth=2 class="cmm-heading-m">{t.about_law_heading}</Heading>
        <p class="cmm-body">{t.about_law}</p>
        <p class="cmm-body">{t.about_independent}</p>
        <p class="cmm-body" data-cmm-version=APP_VERSION>
            {fill(t.about_version, &[("version", &APP_VERSION)])}
        </p>
        <Heading depth=2 class="cmm-heading-m">{t.about_sources_heading}</Heading>
        <p class="cmm-body">{t.register_attribution}</p>
    }
}

/// The schemes a framework's areas belong to, in the order they are listed.
const SCHEMES: [&str; 6] = ["law", "nao", "cmps", "nps", "cciaf", "topic"];

fn scheme_name(t: &Text, scheme: &str) -> &'static str {
    match scheme {
        "law" => t.scheme_law,
        "nao" => t.scheme_nao,
        "cmps" => t.scheme_cmps,
        "nps" => t.scheme_nps,
        "cciaf" => t.scheme_cciaf,
        _ => t.scheme_topic,
    }
}

#[component]
fn FrameworkAbout(framework: Arc<Framework>) -> impl IntoView {
    let t = use_app().t();
    let f = &framework;
    let slug = f.id.clone();
    let levels = f
        .levels
        .iter()
        .map(|l| {
            view! {
                <dt class="cmm-glossary__term">{format!("{} {}", l.level, l.name)}</dt>
                <dd class="cmm-glossary__definition">{l.meaning.clone()}</dd>
            }
        })
        .collect_view();
    let glossary = (!f.glossary.is_empty()).then(|| {
        let mut terms: Vec<_> = f.glossary.iter().collect();
        terms.sort_by_key(|term| term.term.to_lowercase());
        view! {
            <Heading depth=3 class="cmm-heading-s" id=format!("cmm-glossary-{slug}")>{t.glossary_heading}</Heading>
            <dl class="cmm-glossary">
                {terms.into_iter().map(|term| view! {
                    <dt class="cmm-glossary__term">{term.term.clone()}</dt>
                    <dd class="cmm-glossary__definition">{term.definition.clone()}</dd>
                }).collect_view()}
            </dl>
        }
    });
    let crosswalk = SCHEMES
        .iter()
        .filter_map(|scheme| {
            let areas: Vec<_> = f.areas.iter().filter(|a| a.scheme() == *scheme).collect();
            if areas.is_empty() {
                return None;
            }
            let rows = areas
                .into_iter()
                .map(|area| {
                    let questions: Vec<String> = f
                        .questions()
                        .filter(|(_, q)| q.covers.contains(&area.id))
                        .map(|(theme, q)| format!("{} ({})", q.title, theme.title))
                        .collect();
                    view! {
                        <tr class="cmm-table__row">
                            <th scope="row" class="cmm-table__header">{area.name.clone()}</th>
                            <td class="cmm-table__cell" data-label=t.crosswalk_questions>
                                {if questions.is_empty() { t.crosswalk_none.to_string() } else { t.join(&questions) }}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="cmm-table-wrap">
                    <table class="cmm-table cmm-table--crosswalk">
                        <caption class="cmm-table__caption">{scheme_name(t, scheme)}</caption>
                        <thead>
                            <tr class="cmm-table__row">
                                <th scope="col" class="cmm-table__header">{t.crosswalk_area}</th>
                                <th scope="col" class="cmm-table__header">{t.crosswalk_questions}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
        .collect_view();
    let has_crosswalk = !f.areas.is_empty();
    view! {
        <section class="cmm-about" aria-labelledby=format!("cmm-about-{}", f.id)>
            <Heading depth=2 class="cmm-heading-l" id=format!("cmm-about-{}", f.id) text=f.title.clone() />
            <p class="cmm-body">{f.description.clone()}</p>
            <Heading depth=3 class="cmm-heading-s">{t.levels_heading}</Heading>
            <dl class="cmm-glossary">{levels}</dl>
            {glossary}
            {has_crosswalk.then(|| view! {
                <Heading depth=3 class="cmm-heading-s">{t.crosswalk_heading}</Heading>
                <p class="cmm-body">{t.crosswalk_intro}</p>
                {crosswalk}
            })}
        </section>
    }
}
