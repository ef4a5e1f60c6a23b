//! The framework format, its validation messages, and the default framework's content.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use cm_maturity::domain::Framework;
use serde_json::{json, Value};

const DEFAULT: &str = include_str!("../public/data/framework.json");

fn default_value() -> Value {
    serde_json::from_str(DEFAULT).unwrap()
}

fn problems(value: &Value) -> Vec<String> {
    Framework::from_json(&value.to_string())
        .expect_err("the broken copy must be rejected")
        .messages()
}

#[test]
fn the_default_framework_loads_without_problems() {
    let fw = Framework::from_json(DEFAULT).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(fw.themes.len(), 8);
    assert_eq!(fw.question_count(), 32);
    assert!(fw
        .themes
        .iter()
        .all(|t| (3..=5).contains(&t.questions.len())));
    let names: Vec<&str> = fw.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Initial", "Developing", "Good", "Better", "Best"]);
}

#[test]
fn the_quick_check_has_one_question_per_theme() {
    let fw = Framework::from_json(DEFAULT).unwrap();
    for theme in &fw.themes {
        let in_quick = theme
            .questions
            .iter()
            .filter(|q| fw.quick_check.contains(&q.id))
            .count();
        assert_eq!(
            in_quick, 1,
            "theme {} should have one quick-check question",
            theme.id
        );
    }
}

/// The NAO good practice framework's 11 areas, plus the practices the programme teaches.
const REQUIRED_COVERAGE: [&str; 14] = [
    "nao:planning-governance",
    "nao:people",
    "nao:administration",
    "nao:managing-relationships",
    "nao:managing-performance",
    "nao:payment-incentives",
    "nao:risk",
    "nao:contract-development",
    "nao:supplier-development",
    "nao:supplier-relationship-management",
    "nao:market-management",
    "tiering",
    "procurement-act-kpis",
    "procurement-act-assessment",
];

#[test]
fn content_report_covers_every_nao_area_tiering_and_the_procurement_act() {
    let fw = Framework::from_json(DEFAULT).unwrap();
    let mut by_tag: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    println!("Content report for {} {}", fw.id, fw.version);
    for theme in &fw.themes {
        println!("\n{} ({} questions)", theme.title, theme.questions.len());
        for q in &theme.questions {
            let quick = if fw.quick_check.contains(&q.id) {
                " [quick check]"
            } else {
                ""
            };
            println!(
                "  {:<22} {}{}  covers: {}",
                q.id,
                q.title,
                quick,
                q.covers.join(", ")
            );
            for tag in &q.covers {
                by_tag.entry(tag).or_default().push(&q.id);
            }
        }
    }
    println!("\nCoverage:");
    let mut gaps = Vec::new();
    for tag in REQUIRED_COVERAGE {
        let qs = by_tag.get(tag).cloned().unwrap_or_default();
        println!(
            "  {tag:<38} {}",
            if qs.is_empty() {
                "GAP".to_string()
            } else {
                qs.join(", ")
            }
        );
        if qs.is_empty() {
            gaps.push(tag);
        }
    }
    assert!(gaps.is_empty(), "areas with no question: {gaps:?}");
    let unknown: BTreeSet<&&str> = by_tag
        .keys()
        .filter(|t| !REQUIRED_COVERAGE.contains(t))
        .collect();
    assert!(
        unknown.is_empty(),
        "tags not in the coverage list: {unknown:?}"
    );
}

#[test]
fn kpi_ratings_use_the_procurement_act_words() {
    let fw = Framework::from_json(DEFAULT).unwrap();
    let q = fw.question("prf-assessment").unwrap();
    let text: String = q
        .levels
        .iter()
        .map(|r| format!("{} {} ", r.statement, r.action))
        .collect();
    for words in [
        "Good",
        "Approaching target",
        "Requires improvement",
        "Inadequate",
    ] {
        assert!(text.contains(words), "missing the Act's rating {words:?}");
    }
    assert!(fw.question("prf-kpis").unwrap().levels[2]
        .statement
        .contains("at least three KPIs"));
}

#[test]
fn every_rung_has_a_distinct_statement_and_an_action() {
    let fw = Framework::from_json(DEFAULT).unwrap();
    for (_, q) in fw.questions() {
        let statements: BTreeSet<&str> = q.levels.iter().map(|r| r.statement.as_str()).collect();
        assert_eq!(statements.len(), 5, "{} repeats a statement", q.id);
        for r in &q.levels {
            assert!(
                r.statement.ends_with('.') && r.action.ends_with('.'),
                "{}: full sentences",
                q.id
            );
        }
    }
}

#[test]
fn a_question_with_four_rungs_is_reported_with_its_path() {
    let mut v = default_value();
    v["themes"][2]["questions"][1]["levels"]
        .as_array_mut()
        .unwrap()
        .pop();
    assert_eq!(
        problems(&v),
        ["themes[2].questions[1].levels: expected 5, found 4"]
    );
}

#[test]
fn duplicate_ids_are_reported_with_both_places() {
    let mut v = default_value();
    v["themes"][1]["questions"][0]["id"] = json!("gov-tiering");
    v["themes"][3]["id"] = json!("governance");
    let found = problems(&v);
    assert!(found.contains(&"themes[1].questions[0].id: duplicate question id \"gov-tiering\" (also at themes[0].questions[0])".to_string()), "{found:?}");
    assert!(
        found.contains(&"themes[3].id: duplicate theme id \"governance\"".to_string()),
        "{found:?}"
    );
    // The renamed question is no longer in the quick check's list of known ids.
    assert!(
        found.contains(&"quickCheck[1]: unknown question id \"ppl-roles\"".to_string()),
        "{found:?}"
    );
}

#[test]
fn unknown_fields_are_reported_with_their_path() {
    let mut v = default_value();
    v["themes"][0]["questions"][2]["colour"] = json!("red");
    let found = problems(&v);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("themes[0].questions[2].colour: unknown field `colour`"),
        "{found:?}"
    );
}

#[test]
fn empty_text_is_reported_everywhere_at_once() {
    let mut v = default_value();
    v["title"] = json!("  ");
    v["themes"][4]["questions"][3]["levels"][0]["action"] = json!("");
    v["themes"][7]["questions"][0]["guidance"]["why"] = json!("");
    assert_eq!(
        problems(&v),
        [
            "title: must not be empty",
            "themes[4].questions[3].levels[0].action: must not be empty",
            "themes[7].questions[0].guidance.why: must not be empty",
        ]
    );
}

#[test]
fn a_newer_format_and_bad_weights_are_refused() {
    let mut v = default_value();
    v["formatVersion"] = json!(2);
    v["themes"][0]["weight"] = json!(-1);
    assert_eq!(
        problems(&v),
        [
            "formatVersion: this app reads version 1, found 2",
            "themes[0].weight: must be a positive number, found -1",
        ]
    );
}

#[test]
fn malformed_json_and_wrong_types_are_reported() {
    let err = Framework::from_json("{\"format\": ")
        .unwrap_err()
        .messages();
    assert_eq!(err.len(), 1);
    assert!(err[0].contains("EOF"), "{err:?}");
    let mut v = default_value();
    v["themes"][0]["questions"] = json!("none");
    let found = problems(&v);
    assert!(
        found[0]
            .starts_with("themes[0].questions: invalid type: string \"none\", expected a sequence"),
        "{found:?}"
    );
}

#[test]
fn former_ids_must_not_collide_with_live_ids() {
    let mut v = default_value();
    v["themes"][0]["questions"][1]["formerIds"] = json!(["gov-tiering"]);
    assert_eq!(
        problems(&v),
        ["themes[0].questions[1].formerIds[0]: \"gov-tiering\" is still the id of a question"]
    );
}
