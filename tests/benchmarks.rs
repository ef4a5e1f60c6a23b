//! Benchmark files: validation, suppression of small samples, and the shipped defaults.
#![cfg(not(target_arch = "wasm32"))]

use cm_maturity::domain::benchmark::MIN_ORGANISATIONS;
use cm_maturity::domain::{BenchmarkFile, BenchmarkKind, Figure, Framework};
use serde_json::{json, Value};

const DEFAULT: &str = include_str!("../public/data/benchmarks.json");

fn framework() -> Framework {
    Framework::from_json(include_str!("../public/data/framework.json")).unwrap()
}

fn problems(v: &Value) -> Vec<String> {
    BenchmarkFile::from_json(&v.to_string())
        .expect_err("must be rejected")
        .messages()
}

#[test]
fn the_default_benchmarks_load_and_match_the_default_framework() {
    let file = BenchmarkFile::from_json(DEFAULT).unwrap_or_else(|p| panic!("{p}"));
    file.check_against(&framework())
        .unwrap_or_else(|p| panic!("{p}"));
    let expectation = file.get("expectation").unwrap();
    assert_eq!(expectation.kind, BenchmarkKind::Expectation);
    assert_eq!(
        expectation.title,
        "Programme expectation: Good (3) on every theme"
    );
    assert!(!expectation.illustrative);
    for theme in &framework().themes {
        assert_eq!(expectation.figure(&theme.id).median(), Some(3.0));
    }
}

#[test]
fn the_shipped_cohort_figures_are_marked_illustrative() {
    let file = BenchmarkFile::from_json(DEFAULT).unwrap();
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
    }
}

#[test]
fn figures_from_fewer_than_five_organisations_are_suppressed() {
    let file = BenchmarkFile::from_json(DEFAULT).unwrap();
    let after = file.get("cohort-after").unwrap();
    assert_eq!(
        after.figure("strategy"),
        Figure::Suppressed { organisations: 4 }
    );
    assert!(matches!(
        after.figure("risk"),
        Figure::Shown {
            quartiles: Some(_),
            ..
        }
    ));
    assert_eq!(after.figure("nonexistent"), Figure::Missing);

    let mut v: Value = serde_json::from_str(DEFAULT).unwrap();
    v["benchmarks"][1]["sampleSize"] = json!(MIN_ORGANISATIONS - 1);
    let small = BenchmarkFile::from_json(&v.to_string()).unwrap();
    assert!(small.get("cohort-entry").unwrap().themes.iter().all(|t| {
        matches!(
            small.get("cohort-entry").unwrap().figure(&t.theme),
            Figure::Suppressed { .. }
        )
    }));
    v["benchmarks"][1]["sampleSize"] = json!(MIN_ORGANISATIONS);
    let enough = BenchmarkFile::from_json(&v.to_string()).unwrap();
    assert!(enough
        .get("cohort-entry")
        .unwrap()
        .figure("people")
        .median()
        .is_some());
}

#[test]
fn broken_benchmark_files_give_precise_messages() {
    let mut v: Value = serde_json::from_str(DEFAULT).unwrap();
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
            "benchmarks[2].id: duplicate benchmark id \"cohort-entry\"",
            "benchmarks[2].date: expected a date as YYYY-MM-DD, found \"27/11/2026\"",
            "benchmarks[2].sampleSize: required for a cohort or peer group benchmark",
        ]
    );
}

#[test]
fn unknown_fields_kinds_and_themes_are_reported() {
    let mut v: Value = serde_json::from_str(DEFAULT).unwrap();
    v["benchmarks"][0]["kind"] = json!("league-table");
    let found = problems(&v);
    assert!(
        found[0].starts_with("benchmarks[0].kind: unknown variant `league-table`"),
        "{found:?}"
    );

    let mut v: Value = serde_json::from_str(DEFAULT).unwrap();
    v["benchmarks"][0]["themes"][0]["theme"] = json!("finance");
    let file = BenchmarkFile::from_json(&v.to_string()).unwrap();
    assert_eq!(
        file.check_against(&framework()).unwrap_err().messages(),
        ["benchmarks[0].themes[0].theme: unknown theme \"finance\""]
    );
}

#[test]
fn benchmarks_for_another_framework_are_refused() {
    let mut v: Value = serde_json::from_str(DEFAULT).unwrap();
    v["frameworkId"] = json!("someone-else");
    let file = BenchmarkFile::from_json(&v.to_string()).unwrap();
    let found = file.check_against(&framework()).unwrap_err().messages();
    assert_eq!(found, ["frameworkId: benchmarks are for \"someone-else\", but the framework is \"cmm-default\""]);
}
