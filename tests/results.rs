//! The results screen's facts and chart options, from known answers (charming's Chart compared
//! natively as JSON).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::charts::{bars, radar, BarLabels, Layout, Line};
use cm_maturity::domain::results::{chosen_benchmark, highlights, previous_of, rows};
use cm_maturity::domain::saved::SavedData;
use cm_maturity::domain::scoring::{round1, score};
use cm_maturity::domain::{
    Assessment, AssessmentKind, BenchmarkFile, Figure, Framework, Level, Rating,
};
use serde_json::{json, Value};

fn framework() -> Framework {
    common::council()
}

fn benchmarks() -> BenchmarkFile {
    common::council_benchmarks()
}

/// Governance 4,4,3,3,3 (3.4); people 1,2 and two "Don't know" (1.5); every other theme 3.
fn known(fw: &Framework, created: &str) -> Assessment {
    let mut a = Assessment::new(format!("k-{created}"), fw, AssessmentKind::Full, created);
    for (t, q) in fw.questions() {
        let r = match (t.id.as_str(), q.id.as_str()) {
            ("governance", "gov-tiering" | "gov-planning") => Rating::Level(Level::new(4).unwrap()),
            ("people", "ppl-roles") => Rating::Level(Level::new(1).unwrap()),
            ("people", "ppl-training") => Rating::Level(Level::new(2).unwrap()),
            ("people", _) => Rating::DontKnow,
            _ => Rating::Level(Level::new(3).unwrap()),
        };
        a.set_rating(&q.id, r, created);
    }
    a
}

const STILL: Layout = Layout {
    reduced_motion: true,
    compact: false,
    size: None,
};

const LABELS: BarLabels = BarLabels {
    title: "Level by theme",
    this_assessment: "This assessment",
    median: "Benchmark median",
    middle_half: "Middle half of councils",
    previous: "Previous assessment",
};

#[test]
fn rows_compare_each_theme_with_the_benchmark_and_the_previous_assessment() {
    let fw = framework();
    let now = score(&fw, &known(&fw, "2026-11-27"));
    let mut earlier = known(&fw, "2025-11-27");
    earlier.set_rating("gov-tiering", Rating::Level(Level::new(2).unwrap()), "t");
    let before = score(&fw, &earlier);
    let rows = rows(&fw, &now, benchmarks().get("expectation"), Some(&before));
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0].level.map(round1), Some(3.4));
    assert_eq!(rows[0].previous.map(round1), Some(3.0));
    assert_eq!(rows[0].change().map(round1), Some(0.4));
    assert_eq!(rows[0].gap().map(round1), Some(0.4));
    assert_eq!(rows[1].level, Some(1.5));
    assert_eq!(rows[1].gap(), Some(-1.5));
    assert_eq!(rows[1].dont_know, 2);

    let h = highlights(&rows);
    assert_eq!(h.strongest, ["Governance and planning"]);
    assert_eq!(h.weakest, ["People and capability"]);
    assert_eq!(
        h.below_benchmark,
        [("People and capability".to_string(), 1.5)]
    );
    assert_eq!(h.at_or_above_benchmark, 7);
    assert_eq!(h.dont_know, 2);
    assert_eq!(h.improved, [("Governance and planning".to_string(), 0.4)]);
    assert!(h.declined.is_empty());
}

#[test]
fn equal_themes_have_no_weakest_and_nothing_rated_has_no_highlights() {
    let fw = framework();
    let mut a = Assessment::new("e".into(), &fw, AssessmentKind::Quick, "t");
    for id in fw.quick_check.clone() {
        a.set_rating(&id, Rating::Level(Level::new(2).unwrap()), "t");
    }
    let h = highlights(&rows(&fw, &score(&fw, &a), None, None));
    assert_eq!(h.strongest.len(), 8);
    assert!(h.weakest.is_empty());
    let empty = Assessment::new("n".into(), &fw, AssessmentKind::Quick, "t");
    let h = highlights(&rows(&fw, &score(&fw, &empty), None, None));
    assert!(h.strongest.is_empty() && h.weakest.is_empty());
}

#[test]
fn the_previous_assessment_is_the_latest_earlier_one_of_the_same_framework() {
    let fw = framework();
    let mut data = SavedData::default();
    let old = known(&fw, "2024-01-01");
    let mid = known(&fw, "2025-01-01");
    let mut other = known(&fw, "2025-06-01");
    other.framework_id = "another".into();
    let now = known(&fw, "2026-01-01");
    for a in [mid.clone(), now.clone(), old, other] {
        data.upsert(a);
    }
    assert_eq!(
        previous_of(&data, &now).map(|a| a.id.as_str()),
        Some(mid.id.as_str())
    );
    assert_eq!(previous_of(&data, &known(&fw, "2023-01-01")), None);
}

fn chart_json(chart: &charming::Chart) -> Value {
    serde_json::to_value(chart).unwrap()
}

#[test]
fn bar_chart_options_carry_the_levels_the_median_and_the_middle_half() {
    let fw = framework();
    let scores = score(&fw, &known(&fw, "2026-11-27"));
    let file = benchmarks();
    let rows = rows(&fw, &scores, file.get("cohort-after"), None);
    let v = chart_json(&bars(&rows, &LABELS, STILL));
    let series = v["series"].as_array().unwrap();
    let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "This assessment",
            "Middle half of councils (start)",
            "Middle half of councils",
            "Benchmark median"
        ]
    );
    assert_eq!(
        series[0]["data"],
        json!([3.4, 1.5, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0])
    );
    // Governance's middle half runs from 2.5 to 3.4: a transparent 2.5, then a 0.9 band.
    assert_eq!(series[1]["data"][0], json!(2.5));
    assert_eq!(series[2]["data"][0], json!(0.9));
    assert_eq!(series[3]["data"][0], json!([3.0, 0.0]));
    // Strategy has no figure (a real file leaves out one from fewer than 5 organisations).
    assert_eq!(
        file.get("cohort-after").unwrap().figure("strategy"),
        Figure::Missing
    );
    assert_eq!(series[1]["data"][7], json!("-"));
    assert_eq!(series[3]["data"][7], json!(["-", 7.0]));
    assert_eq!(
        v["yAxis"]["data"][6],
        json!("Contract and\nsupplier development")
    );
    let rendered = cm_maturity::charts::echarts_option(&bars(&rows, &LABELS, STILL));
    assert_eq!(rendered["yAxis"]["axisLabel"]["lineHeight"], json!(16.0));
    assert_eq!(v["animation"], json!(false));
    assert_eq!(v["aria"]["decal"]["show"], json!(true));
    // ECharts throws on an empty decal list, so there must be one pattern per series.
    assert_eq!(v["aria"]["decal"]["decals"].as_array().unwrap().len(), 5);
    assert_eq!(v["backgroundColor"], json!("#ffffff"));
}

#[test]
fn an_expectation_has_a_median_but_no_band_and_a_previous_assessment_adds_markers() {
    let fw = framework();
    let scores = score(&fw, &known(&fw, "2026-11-27"));
    let prev = score(&fw, &known(&fw, "2025-11-27"));
    let rows = rows(&fw, &scores, benchmarks().get("expectation"), Some(&prev));
    let v = chart_json(&bars(&rows, &LABELS, Layout::default()));
    let names: Vec<&str> = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["This assessment", "Benchmark median", "Previous assessment"]
    );
    assert_eq!(
        v["legend"]["data"],
        json!([{"name": "This assessment"}, {"name": "Benchmark median"}, {"name": "Previous assessment"}])
    );
    assert_eq!(v["animation"], json!(true));
}

#[test]
fn radar_options_hold_one_polygon_per_line_with_rounded_levels() {
    let fw = framework();
    let scores = score(&fw, &known(&fw, "2026-11-27"));
    let expectation = benchmarks().get("expectation").cloned().unwrap();
    let mut third = known(&fw, "x");
    third.set_rating("ppl-roles", Rating::Level(Level::new(2).unwrap()), "t");
    let lines = [
        Line::from_scores("This assessment", &fw, &scores),
        Line::from_benchmark(&fw, &expectation),
        Line::from_scores("Previous", &fw, &score(&fw, &third)),
    ];
    let v = chart_json(&radar(&fw, "Maturity", &lines, STILL));
    assert_eq!(v["series"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["series"][0]["data"][0]["value"],
        json!([3.4, 1.5, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0])
    );
    assert_eq!(v["series"][1]["data"][0]["value"], json!(vec![3.0; 8]));
    assert_eq!(v["series"][2]["data"][0]["value"][1], json!(2.0));
    assert_eq!(v["series"][1]["lineStyle"]["type"], json!("dashed"));
}

#[test]
fn a_compact_layout_shrinks_the_radar_and_stacks_the_legend() {
    let fw = framework();
    let scores = score(&fw, &known(&fw, "2026-11-27"));
    let lines = [Line::from_scores("This assessment", &fw, &scores)];
    let wide =
        serde_json::to_value(radar(&fw, "R", &lines, Layout::for_width(900.0, false))).unwrap();
    let narrow =
        serde_json::to_value(radar(&fw, "R", &lines, Layout::for_width(320.0, false))).unwrap();
    assert_eq!(wide["radar"][0]["radius"], json!("58%"));
    assert_eq!(narrow["radar"][0]["radius"], json!("40%"));
    assert_eq!(narrow["legend"]["orient"], json!("vertical"));
    assert!(wide["legend"].get("orient").is_none());
    assert!(
        !Layout::for_width(0.0, false).compact,
        "an unmeasured container is not assumed narrow"
    );
}

#[test]
fn movement_is_judged_at_the_precision_shown() {
    use cm_maturity::domain::results::ThemeRow;
    let row = |title: &str, level: f64, previous: f64| ThemeRow {
        theme_id: title.into(),
        title: title.into(),
        level: Some(level),
        benchmark: Figure::Missing,
        previous: Some(previous),
        dont_know: 0,
    };
    // 0.06 shows as +0.1 in the table, so it counts; 0.04 shows as 0.0, so it does not.
    let h = highlights(&[
        row("A", 3.06, 3.0),
        row("B", 3.04, 3.0),
        row("C", 2.0, 2.75),
    ]);
    assert_eq!(h.improved, [("A".to_string(), 0.1)]);
    assert_eq!(h.declined, [("C".to_string(), -0.8)]);
}

#[test]
fn a_benchmark_is_never_taken_from_another_frameworks_file() {
    let council = framework();
    let learner = common::learner();
    let council_file = benchmarks();
    let learner_file = common::learner_benchmarks();
    let first = &council_file.benchmarks[0].id;
    assert_eq!(
        chosen_benchmark(&council, &council_file, None).map(|b| &b.id),
        Some(first)
    );
    // A saved or linked choice from the other framework falls back to this file's first.
    let learner_choice = learner_file.benchmarks[0].id.clone();
    assert_eq!(
        chosen_benchmark(&council, &council_file, Some(&learner_choice)).map(|b| &b.id),
        Some(first)
    );
    // The other framework's whole file gives nothing at all.
    assert!(chosen_benchmark(&learner, &council_file, None).is_none());
    assert!(chosen_benchmark(&council, &learner_file, Some(&learner_choice)).is_none());
}

#[test]
fn a_mean_close_to_the_next_level_is_called_nearly_that_level() {
    use cm_maturity::text::{Lang, Text};
    let fw = framework();
    let name = |n: u8| fw.level_name(Level::new(n).unwrap()).to_string();
    for (lang, json) in [
        (Lang::En, include_str!("../public/data/text/en.json")),
        (Lang::Cy, include_str!("../public/data/text/cy.json")),
    ] {
        let t = Text::leak(lang, json).unwrap();
        let nearly = |level: &str, n: u8| {
            cm_maturity::text::fill(t.level_nearly, &[("level", &level), ("name", &name(n))])
        };
        let reached = |level: &str, n: u8| {
            cm_maturity::text::fill(t.level_and_name, &[("level", &level), ("name", &name(n))])
        };
        assert_eq!(t.level_with_name(&fw, 1.9), nearly("1.9", 2));
        assert_eq!(t.level_with_name(&fw, 2.8), nearly("2.8", 3));
        assert_eq!(t.level_with_name(&fw, 2.7), nearly("2.7", 3));
        assert_eq!(t.level_with_name(&fw, 2.5), reached("2.5", 2));
        assert_eq!(t.level_with_name(&fw, 2.64), reached("2.6", 2));
        assert_eq!(t.level_with_name(&fw, 1.96), reached("2.0", 2));
        assert_eq!(t.level_with_name(&fw, 4.9), nearly("4.9", 5));
        assert_eq!(t.level_with_name(&fw, 5.0), reached("5.0", 5));
        assert_eq!(t.level_with_name(&fw, 1.0), reached("1.0", 1));
    }
}
