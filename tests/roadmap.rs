//! The improvement roadmap: next-rung actions for answers below target, weakest themes first.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

mod common;

use cm_maturity::domain::roadmap::{build, targets_from_benchmark, targets_with_overrides, Step};
use cm_maturity::domain::{Assessment, BenchmarkFile, Framework, Level, Rating};
use common::level as lvl;

fn small() -> (Framework, BenchmarkFile) {
    (common::small(), common::small_benchmarks())
}

fn answered(fw: &Framework, answers: &[(&str, Rating)]) -> Assessment {
    common::assessment(fw, "r", "t", answers)
}

#[test]
fn actions_come_from_the_current_rung_and_the_largest_gap_leads() {
    let (fw, bench) = small();
    let targets = targets_from_benchmark(&fw, bench.get("expectation").unwrap());
    // alpha: 2 and 4 (mean 3, gap 0 but a1 is below 3); beta: 1 and 2 (mean 1.5, gap 1.5).
    let a = answered(
        &fw,
        &[
            ("a1", lvl(2)),
            ("a2", lvl(4)),
            ("b1", lvl(1)),
            ("b2", lvl(2)),
            ("b3", Rating::DontKnow),
        ],
    );
    let roadmap = build(&fw, &a, &targets);
    let order: Vec<&str> = roadmap.themes.iter().map(|t| t.theme_id.as_str()).collect();
    assert_eq!(order, ["beta", "alpha"]);
    let beta = &roadmap.themes[0];
    assert_eq!(beta.gap, 1.5);
    let steps: Vec<(&str, &Step)> = beta
        .items
        .iter()
        .map(|i| (i.question_id.as_str(), &i.step))
        .collect();
    assert_eq!(steps[0].0, "b1");
    assert_eq!(
        steps[0].1,
        &Step::Climb {
            from: Level::new(1).unwrap(),
            to: Level::new(2).unwrap(),
            action: "Beta one: do this to move on from level 1.".into()
        }
    );
    assert_eq!(steps[1].0, "b2");
    assert_eq!(steps[2], ("b3", &Step::FindEvidence));
    // a2 is at 4, above the target of 3: nothing to do there.
    assert!(roadmap.themes[1]
        .items
        .iter()
        .all(|i| i.question_id == "a1"));
    let top: Vec<&str> = roadmap
        .priorities(5)
        .iter()
        .map(|i| i.question_id.as_str())
        .collect();
    assert_eq!(top, ["b1", "a1"]);
}

#[test]
fn own_targets_override_the_benchmark_theme_by_theme() {
    let (fw, bench) = small();
    let base = targets_from_benchmark(&fw, bench.get("expectation").unwrap());
    let own = BTreeMap::from([("alpha".to_string(), Level::new(5).unwrap())]);
    let targets = targets_with_overrides(base, &own);
    let a = answered(&fw, &[("a1", lvl(3)), ("a2", lvl(4)), ("b1", lvl(3))]);
    let roadmap = build(&fw, &a, &targets);
    assert_eq!(roadmap.themes.len(), 1);
    assert_eq!(roadmap.themes[0].theme_id, "alpha");
    assert_eq!(roadmap.themes[0].items.len(), 2);
}

#[test]
fn themes_without_a_benchmark_figure_get_no_target() {
    let (fw, bench) = small();
    // The cohort has no beta figure (as when it came from too few organisations).
    let targets = targets_from_benchmark(&fw, bench.get("cohort").unwrap());
    assert_eq!(targets.get("alpha"), Some(&2.5));
    assert_eq!(targets.get("beta"), None);
    let a = answered(&fw, &[("a1", lvl(1)), ("b1", lvl(1))]);
    let roadmap = build(&fw, &a, &targets);
    assert_eq!(roadmap.themes.len(), 1);
}

#[test]
fn at_best_there_is_no_next_rung_and_nothing_to_do() {
    let (fw, _) = small();
    let targets = BTreeMap::from([("alpha".to_string(), 5.0), ("beta".to_string(), 5.0)]);
    let a = answered(
        &fw,
        &[
            ("a1", lvl(5)),
            ("a2", Rating::NotApplicable),
            ("b1", lvl(5)),
        ],
    );
    assert!(build(&fw, &a, &targets).is_empty());
}
