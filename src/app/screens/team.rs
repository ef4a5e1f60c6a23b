//! The team view: load colleagues' exported files and see, per theme, the median, the range and
//! how many people answered, with wide disagreements flagged. Nothing loaded here is saved.
//! It compares answers to the council framework; a file for another framework is refused.

use std::sync::Arc;

use crate::app::blocks::Heading;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::{ChartView, ErrorSummary, FieldError, FileDrop, PageHeading};
use crate::app::downloads::{file_stem, offer_chart};
use crate::app::state::use_app;
use crate::browser::echarts::ImageKind;
use crate::browser::{files, now_iso};
use crate::charts::{echarts_option, team, Layout, TeamLabels};
use crate::domain::dates::file_date;
use crate::domain::exchange::{only_framework, parse_import};
use crate::domain::scoring::display_level;
use crate::domain::team::{latest, question_spreads, summarise, TeamTheme};
use crate::domain::{Assessment, Framework};
use crate::text::{fill, Text};

#[derive(Clone, PartialEq)]
struct Person {
    key: usize,
    label: String,
    assessment: Assessment,
}

fn labels(t: &Text) -> TeamLabels<'_> {
    TeamLabels {
        title: t.team_chart_title,
        range: t.team_range,
        median: t.team_median,
        respondent: t.team_person,
    }
}

pub fn team_page() -> impl IntoView {
    view! { <TeamPage /> }
}

#[component]
fn TeamPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    crate::app::boot::load_rest(app.catalogue);
    // The council framework may still be loading if this tab's assessment is of another.
    move || match app.catalogue.organisation_framework() {
        Some(framework) => view! { <TeamBody framework /> }.into_any(),
        None => view! {
            <PageHeading>{t.team_heading}</PageHeading>
            <p class="cmm-body cmm-loading" role="status">{t.loading_part}</p>
        }
        .into_any(),
    }
}

#[component]
fn TeamBody(framework: Arc<Framework>) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let framework: StoredValue<Arc<Framework>, LocalStorage> = StoredValue::new_local(framework);
    let people = RwSignal::new(Vec::<Person>::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let next_key = StoredValue::new(0usize);
    let load = move |list: Vec<web_sys::File>| {
        problems.set(Vec::new());
        for file in list {
            spawn_local(async move {
                let name = file.name();
                let parsed = match files::read_text(&file).await {
                    Ok(text) => {
                        let all = app.catalogue.frameworks();
                        let refs: Vec<&Framework> = all.iter().map(|f| &**f).collect();
                        let expected = framework.with_value(|f| f.id.clone());
                        parse_import(&text, &refs)
                            .and_then(|list| only_framework(&list, &expected).map(|()| list))
                            .map_err(|e| t.import_error(&e))
                    }
                    Err(e) => Err(files::describe(t, &e)),
                };
                match parsed.map(latest) {
                    Ok(Some(assessment)) => {
                        let key = next_key.get_value();
                        next_key.set_value(key + 1);
                        let who = [assessment.organisation.as_str(), assessment.role.as_str()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(", ");
                        let label = if who.is_empty() {
                            name
                        } else {
                            format!("{name} ({who})")
                        };
                        people.update(|p| {
                            p.push(Person {
                                key,
                                label,
                                assessment,
                            })
                        });
                    }
                    Ok(None) => {}
                    Err(message) => problems.update(|p| {
                        p.push(fill(
                            t.import_failed,
                            &[("file", &name), ("message", &message)],
                        ))
                    }),
                }
            });
        }
    };
    let rows = Memo::new(move |_| {
        let list: Vec<Assessment> =
            people.with(|p| p.iter().map(|x| x.assessment.clone()).collect());
        framework.with_value(|f| summarise(f, &list))
    });
    let width = RwSignal::new(0.0);
    let reduced = crate::browser::prefers_reduced_motion();
    let option = Memo::new(move |_| {
        (people.with(Vec::len) >= 1).then(|| {
            echarts_option(&team(
                &rows.get(),
                &labels(t),
                Layout::for_width(width.get(), reduced),
            ))
        })
    });
    let export = move |kind: ImageKind| {
        let chart = team(&rows.get_untracked(), &labels(t), Layout::STILL);
        let info = vec![t.count(&t.team_export_info, people.with_untracked(Vec::len))];
        let name = file_stem(app, t.file_team, &file_date(&now_iso()));
        offer_chart(app, &chart, &info, name, kind);
    };
    let spreads = Memo::new(move |_| {
        let list: Vec<Assessment> =
            people.with(|p| p.iter().map(|x| x.assessment.clone()).collect());
        framework.with_value(|f| question_spreads(f, &list))
    });
    // Who answered what on each question colleagues disagree on: the workshop starts here.
    let questions = move || {
        let list = spreads.get();
        let names: Vec<String> = people.with(|p| p.iter().map(|x| x.label.clone()).collect());
        if list.is_empty() {
            return view! { <p class="cmm-body">{t.team_questions_none}</p> }.into_any();
        }
        let items = framework.with_value(|f| {
            list.iter()
                .map(|s| {
                    let title = f.question(&s.question_id).map(|q| q.title.clone()).unwrap_or_default();
                    let theme = f.theme(&s.theme_id).map(|th| th.title.clone()).unwrap_or_default();
                    let context = fill(
                        t.team_question_theme,
                        &[("theme", &theme), ("from", &s.min.get()), ("to", &s.max.get())],
                    );
                    let levels = s
                        .by_level()
                        .into_iter()
                        .map(|(level, who)| {
                            let people: Vec<String> = who.iter().filter_map(|&i| names.get(i).cloned()).collect();
                            let label = fill(t.level_and_name, &[("level", &level.get()), ("name", &f.level_name(level))]);
                            view! { <li>{fill(t.team_question_level, &[("level", &label), ("people", &t.join(&people))])}</li> }
                        })
                        .collect_view();
                    view! {
                        <li class="cmm-team__question">
                            <Heading depth=3 class="cmm-heading-s">{title}</Heading>
                            <p class="cmm-hint">{context}</p>
                            <ul class="cmm-list cmm-list--bullet">{levels}</ul>
                        </li>
                    }
                })
                .collect_view()
        });
        view! {
            <p class="cmm-body">{t.count(&t.team_questions_count, list.len())}</p>
            <ol class="cmm-list cmm-team__questions">{items}</ol>
        }
        .into_any()
    };
    let table = move || {
        let rows: Vec<TeamTheme> = rows.get();
        let flagged: Vec<String> = rows
            .iter()
            .filter(|r| r.discuss)
            .map(|r| r.title.clone())
            .collect();
        let body = rows
            .into_iter()
            .map(|r| {
                let range = match (r.min, r.max) {
                    (Some(lo), Some(hi)) => fill(t.range, &[("from", &display_level(lo)), ("to", &display_level(hi))]),
                    _ => "–".into(),
                };
                view! {
                    <tr class="cmm-table__row" class:cmm-table__row--flagged=r.discuss>
                        <th scope="row" class="cmm-table__header">{r.title.clone()}</th>
                        <td class="cmm-table__cell" data-label=t.team_respondents>{r.respondents}</td>
                        <td class="cmm-table__cell" data-label=t.team_median>{r.median.map_or("–".into(), display_level)}</td>
                        <td class="cmm-table__cell" data-label=t.team_range_col>{range}</td>
                        <td class="cmm-table__cell" data-label=t.team_discuss_col>
                            {if r.discuss { view! { <strong>{t.team_discuss}</strong> }.into_any() } else { t.team_no_discuss.into_any() }}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="cmm-body cmm-inset" class:cmm-inset--warning=!flagged.is_empty()>
                {if flagged.is_empty() { t.team_none_flagged.to_string() } else { fill(t.team_flagged, &[("themes", &t.join(&flagged))]) }}
            </p>
            <div class="cmm-table-wrap">
                <table class="cmm-table cmm-table--figures cmm-table--stack">
                    <caption class="cmm-table__caption">{t.team_table_caption}</caption>
                    <thead>
                        <tr class="cmm-table__row">
                            <th scope="col" class="cmm-table__header">{t.table_theme}</th>
                            <th scope="col" class="cmm-table__header">{t.team_respondents}</th>
                            <th scope="col" class="cmm-table__header">{t.team_median}</th>
                            <th scope="col" class="cmm-table__header">{t.team_range_col}</th>
                            <th scope="col" class="cmm-table__header">{t.team_discuss_col}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };
    let intro = fill(
        t.team_intro,
        &[("framework", &framework.with_value(|f| f.title.clone()))],
    );
    view! {
        <PageHeading>{t.team_heading}</PageHeading>
        <p class="cmm-body">{intro}</p>
        <p class="cmm-body cmm-inset">{t.team_privacy}</p>
        {move || (!problems.with(Vec::is_empty)).then(|| view! {
            <ErrorSummary title=t.team_problem
                errors=problems.get().into_iter().map(|p| FieldError::at("cmm-team-files", p)).collect() />
        })}
        <FileDrop id="cmm-team-files" label=t.team_label hint=t.team_hint on_files=Callback::new(load) />
        {move || {
            let list = people.get();
            if list.is_empty() {
                return view! { <p class="cmm-body">{t.team_empty}</p> }.into_any();
            }
            view! {
                <Heading depth=2 class="cmm-heading-m">{t.team_people}</Heading>
                <ul class="cmm-list cmm-team__people">
                    {list.into_iter().map(|p| {
                        let key = p.key;
                        view! {
                            <li>
                                {p.label.clone()}" "
                                <button type="button" class="cmm-link" on:click=move |_| people.update(|l| l.retain(|x| x.key != key))>
                                    {t.team_remove}<span class="cmm-visually-hidden">{fill(t.for_item, &[("name", &p.label)])}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <Show when=move || people.with(|p| !p.is_empty())>
            <ChartView option=option.into() width label=t.team_chart_label tall=true />
            {table}
            <Heading depth=2 class="cmm-heading-m">{t.team_questions_heading}</Heading>
            {questions}
            {move || (!app.limits.get().no_downloads).then(|| view! {
                <div class="cmm-button-group cmm-no-print">
                    <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| export(ImageKind::Png)>
                        {fill(t.download_png, &[("chart", &t.team_chart_short)])}
                    </button>
                    <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| export(ImageKind::Svg)>
                        {fill(t.download_svg, &[("chart", &t.team_chart_short)])}
                    </button>
                </div>
            })}
        </Show>
    }
    .into_any()
}
