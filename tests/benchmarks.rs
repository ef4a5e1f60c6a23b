//! Benchmark files: validation, refusal of figures from too few organisations, and the shipped
//! files (council and learner), which must be honest about what they are.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::benchmark::MIN_ORGANISATIONS;
use cm_maturity::domain::{BenchmarkFile, BenchmarkKind, Figure};
use common::{council, learner, messages, COUNCIL_BENCHMARKS};
use serde_json::{json, Value};

fn problems(v: &Value) -> Vec<String> {
    messages(&BenchmarkFile::from_json(&v.to_string()).expect_err("must be rejected"))
}

fn default_value() -> Value {
    serde_json::from_str(COUNCIL_BENCHMARKS).unwrap()
}

#[test]
fn the_default_benchmarks_load_and_match_the_default_framework() {
    let file = common::council_benchmarks();
    file.check_against(&council())
        .unwrap_or_else(|p| panic!("{p}"));
    let expectation = file.get("expectation").unwrap();
    assert_eq!(expectation.kind, BenchmarkKind::Expectation);
    // Named so it cannot be read as the programme endorsing a target.
    assert_eq!(
        expectation.title,
        "Framework expectation: Good (3) on every theme"
    );
    assert!(!expectation.title.contains("Programme"));
    assert!(expectation
        .source
        .contains("not a target set by the programme"));
    assert!(!expectation.illustrative);
    for theme in &council().themes {
        assert_eq!(expectation.figure(&theme.id).median(), Some(3.0));
    }
}

#[test]
fn the_shipped_cohort_figures_are_marked_illustrative_and_dated_when_made() {
    let file = common::council_benchmarks();
    for id in ["cohort-entry", "cohort-after"] {
        let b = file.get(id).unwrap();
        assert_eq!(b.kind, BenchmarkKind::Cohort);
        assert!(b.illustrative, "{id} must be marked illustrative");
        assert!(b.title.contains("illustrative"), "{id}'s title must say so");
        assert!(
            b.source.contains("Illustrative"),
            "{id}'s source must say so"
        );
        assert!(b.sample_size.is_some());
        // The date the file was made (shown on screen as "Made on"), not a date of data.
        assert_eq!(b.date, "2026-11-27");
    }
    // A theme with too few organisations is left out of the file, not shipped and hidden.
    assert_eq!(
        file.get("cohort-after").unwrap().figure("strategy"),
        Figure::Missing
    );
}

#[test]
fn a_figure_from_fewer_than_five_organisations_is_refused() {
    let mut v = default_value();
    v["benchmarks"][1]["themes"][0]["organisations"] = json!(MIN_ORGANISATIONS - 1);
    assert_eq!(
        problems(&v),
        ["benchmarks[1].themes[0].organisations: a figure from 4 organisations could identify one: figures from fewer than 5 must be left out"]
    );
    v["benchmarks"][1]["themes"][0]["organisations"] = json!(MIN_ORGANISATIONS);
    BenchmarkFile::from_json(&v.to_string()).unwrap();

    let mut v = default_value();
    v["benchmarks"][1]["sampleSize"] = json!(MIN_ORGANISATIONS - 1);
    assert_eq!(
        problems(&v),
        ["benchmarks[1].sampleSize: a figure from 4 organisations could identify one: figures from fewer than 5 must be left out"]
    );
}

#[test]
fn broken_benchmark_files_give_precise_messages() {
    let mut v = default_value();
    v["benchmarks"][1]["themes"][2]["median"] = json!(6);
    v["benchmarks"][1]["themes"][3]["lowerQuartile"] = json!(2.8);
    v["benchmarks"][2]["id"] = json!("cohort-entry");
    v["benchmarks"][2]["date"] = json!("27/11/2026");
    v["benchmarks"][2]
        .as_object_mut()
        .unwrap()
        .remove("sampleSize");
    assert_eq!(
        problems(&v),
        [
            "benchmarks[1].themes[2].median: must be a level from 1 to 5, found 6",
            "benchmarks[1].themes[2]: quartiles must surround the median, found 1.7 / 6 / 2.8",
            "benchmarks[1].themes[3]: quartiles must surround the median, found 2.8 / 2 / 2.5",
            "benchmarks[2].id: duplicate id \"cohort-entry\"",
            "benchmarks[2].date: expected a date as YYYY-MM-DD, found \"27/11/2026\"",
            "benchmarks[2].sampleSize: required for a cohort or peer group benchmark",
        ]
    );
}

#[test]
fn unknown_fields_kinds_and_themes_are_reported() {
    let mut v = default_value();
    v["benchmarks"][0]["kind"] = json!("league-table");
    let found = problems(&v);
    assert!(
        found[0].starts_with(
            "benchmarks[0].kind: the file could not be read (“league-table” is not one of the values allowed there)"
        ),
        "{found:?}"
    );

    let mut v = default_value();
    v["benchmarks"][0]["themes"][0]["id"] = json!("finance");
    let file = BenchmarkFile::from_json(&v.to_string()).unwrap();
    assert_eq!(
        messages(&file.check_against(&council()).unwrap_err()),
        ["benchmarks[0].themes[0].id: unknown theme \"finance\""]
    );
}

#[test]
fn benchmarks_for_another_framework_are_refused() {
    let mut v = default_value();
    v["frameworkId"] = json!("someone-else");
    let file = BenchmarkFile::from_json(&v.to_string()).unwrap();
    let found = messages(&file.check_against(&council()).unwrap_err());
    assert_eq!(
        found,
        ["frameworkId: benchmarks are for \"someone-else\", but the framework is \"cmm-default\""]
    );
    // The council's benchmarks never fit the learner framework, nor the other way round.
    assert!(common::council_benchmarks()
        .check_against(&learner())
        .is_err());
    let learner_file = common::learner_benchmarks();
    assert!(learner_file.check_against(&council()).is_err());
}

#[test]
fn the_learner_expectations_come_from_the_frameworks_own_level_definitions() {
    let fw = learner();
    let file = common::learner_benchmarks();
    file.check_against(&fw).unwrap_or_else(|p| panic!("{p}"));
    // Foundation and Practitioner only: nobody is expected to be Expert in everything, so no
    // file may hold up level 5 on every theme as an expectation.
    assert_eq!(file.benchmarks.len(), 2);
    assert!(file.benchmarks.iter().all(|b| fw
        .themes
        .iter()
        .any(|t| b.figure(&t.id).median() != Some(5.0))));
    for (b, level) in file.benchmarks.iter().zip([3u8, 4]) {
        let name = &fw.levels[usize::from(level - 1)].name;
        assert_eq!(b.kind, BenchmarkKind::Expectation, "{}", b.id);
        assert!(!b.illustrative);
        assert!(b.title.contains(name.as_str()), "{} names {name}", b.title);
        assert!(
            b.source.contains("not data"),
            "{} says it is an expectation",
            b.id
        );
        // The mapping of levels to accreditation levels is this tool's, not the Function's.
        assert!(
            b.source
                .contains("ours, not the Government Commercial Function's"),
            "{} says whose mapping it is",
            b.id
        );
        for theme in &fw.themes {
            assert_eq!(b.figure(&theme.id).median(), Some(f64::from(level)));
        }
    }
    let names: Vec<&str> = fw.levels[2..].iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Foundation", "Practitioner", "Expert"]);
}

#[test]
fn benchmark_texts_may_come_in_several_languages() {
    let mut v = default_value();
    assert_eq!(
        v["languages"],
        json!(["en", "cy"]),
        "the shipped file is in both"
    );
    v["benchmarks"][0]["title"] = json!({"en": "Only English"});
    let found = problems(&v);
    assert!(
        found.contains(&"benchmarks[0].title: has no text in \"cy\"".to_string()),
        "{found:?}"
    );
    v["benchmarks"] = json!([{
        "id": "e", "kind": "expectation", "date": "2026-11-27",
        "title": {"en": "Expected", "cy": "Disgwyliedig"},
        "source": {"en": "This framework", "cy": "Y fframwaith hwn"},
        "themes": [{"id": "governance", "median": 3}]
    }]);
    let file = cm_maturity::domain::BenchmarkFile::parse(&v.to_string()).unwrap();
    assert_eq!(file.resolve("cy").benchmarks[0].title, "Disgwyliedig");
    assert_eq!(file.resolve("en").benchmarks[0].title, "Expected");
}

#[test]
fn an_expectation_cannot_carry_figures_from_organisations() {
    let mut v = default_value();
    assert_eq!(v["benchmarks"][0]["kind"], "expectation");
    v["benchmarks"][0]["themes"][0] = json!({"id": v["benchmarks"][0]["themes"][0]["id"], "median": 2.35, "lowerQuartile": 2.1, "upperQuartile": 2.6});
    let expected = "benchmarks[0]: an expectation is a level the framework describes, so it has whole levels only, and no sample size, quartiles or counts of organisations";
    assert_eq!(problems(&v), [expected]);
    let mut v = default_value();
    v["benchmarks"][0]["sampleSize"] = json!(2);
    assert_eq!(problems(&v), [expected]);
}
