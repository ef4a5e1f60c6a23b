//! The team view's summary: medians, ranges, and themes flagged where answers differ widely.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::team::{latest, median, summarise};
use cm_maturity::domain::{Assessment, AssessmentKind, Framework, Level, Rating};
use proptest::prelude::*;

fn framework() -> Framework {
    common::council()
}

fn quick(fw: &Framework, created: &str, levels: [u8; 8]) -> Assessment {
    let mut a = Assessment::new(created.into(), fw, AssessmentKind::Quick, created);
    for (id, l) in fw.quick_check.clone().iter().zip(levels) {
        if l > 0 {
            a.set_rating(id, Rating::Level(Level::new(l).unwrap()), created);
        }
    }
    a
}

#[test]
fn three_colleagues_give_medians_ranges_and_flags() {
    let fw = framework();
    let team = [
        quick(&fw, "a", [1, 3, 3, 2, 3, 3, 3, 0]),
        quick(&fw, "b", [3, 3, 4, 2, 3, 3, 3, 0]),
        quick(&fw, "c", [4, 4, 3, 3, 3, 3, 3, 2]),
    ];
    let rows = summarise(&fw, &team);
    assert_eq!(rows[0].median, Some(3.0));
    assert_eq!((rows[0].min, rows[0].max), (Some(1.0), Some(4.0)));
    assert!(rows[0].discuss, "1 to 4 is three levels apart");
    assert!(!rows[1].discuss);
    assert_eq!(rows[3].median, Some(2.0));
    assert_eq!(rows[7].respondents, 1);
    assert_eq!(rows[7].levels, vec![None, None, Some(2.0)]);
    assert!(!rows[7].discuss, "one answer cannot disagree");
}

#[test]
fn medians_of_even_counts_take_the_middle_two() {
    assert_eq!(median(&[1.0, 4.0, 2.0, 3.0]), Some(2.5));
    assert_eq!(median(&[]), None);
}

#[test]
fn the_latest_assessment_in_a_file_speaks_for_its_author() {
    let fw = framework();
    let picked = latest(vec![
        quick(&fw, "2025-01-01", [1; 8]),
        quick(&fw, "2026-01-01", [2; 8]),
    ])
    .unwrap();
    assert_eq!(picked.created, "2026-01-01");
}

proptest! {
    #[test]
    fn the_median_lies_within_the_range_and_flags_follow_the_spread(
        levels in prop::collection::vec(prop::array::uniform8(0u8..=5), 1..8),
    ) {
        let fw = framework();
        let team: Vec<Assessment> = levels.iter().enumerate().map(|(i, l)| quick(&fw, &format!("r{i}"), *l)).collect();
        for row in summarise(&fw, &team) {
            if let (Some(m), Some(lo), Some(hi)) = (row.median, row.min, row.max) {
                prop_assert!(lo <= m && m <= hi);
                prop_assert_eq!(row.discuss, hi - lo >= 2.0);
            } else {
                prop_assert_eq!(row.respondents, 0);
            }
        }
    }
}

#[test]
fn the_team_chart_shows_range_median_and_each_colleague() {
    use cm_maturity::charts::{echarts_option, team, Layout, TeamLabels};
    let fw = framework();
    let rows = summarise(
        &fw,
        &[
            quick(&fw, "a", [1, 3, 3, 2, 3, 3, 3, 0]),
            quick(&fw, "b", [4, 3, 4, 2, 3, 3, 3, 0]),
        ],
    );
    let labels = TeamLabels {
        title: "Team",
        range: "Range",
        median: "Median",
        respondent: "One colleague",
    };
    let v = echarts_option(&team(&rows, &labels, Layout::default()));
    assert_eq!(v["series"][0]["data"][0], serde_json::json!(1.0));
    assert_eq!(v["series"][1]["data"][0], serde_json::json!(3.0));
    assert_eq!(v["series"][2]["data"][0], serde_json::json!([2.5, 0.0]));
    assert_eq!(v["series"][3]["data"].as_array().unwrap().len(), 16);
    assert_eq!(v["series"][1]["data"][7], serde_json::json!("-"));
    assert_eq!(v["aria"]["decal"]["decals"].as_array().unwrap().len(), 4);
}

#[test]
fn questions_two_or_more_levels_apart_are_listed_even_when_theme_averages_agree() {
    use cm_maturity::domain::team::question_spreads;
    let fw = framework();
    let theme = &fw.themes[0];
    let (q1, q2, q3) = (
        &theme.questions[0].id,
        &theme.questions[1].id,
        &theme.questions[2].id,
    );
    let at = |n: u8| Rating::Level(Level::new(n).unwrap());
    // Two colleagues whose theme averages are equal (3.0 each) though two questions differ.
    let mut a = Assessment::new("a".into(), &fw, AssessmentKind::Full, "a");
    let mut b = Assessment::new("b".into(), &fw, AssessmentKind::Full, "b");
    let mut c = Assessment::new("c".into(), &fw, AssessmentKind::Full, "c");
    for q in &theme.questions {
        a.set_rating(&q.id, at(3), "t");
        b.set_rating(&q.id, at(3), "t");
    }
    a.set_rating(q1, at(1), "t");
    a.set_rating(q2, at(5), "t");
    b.set_rating(q3, at(5), "t");
    c.set_rating(q1, Rating::DontKnow, "t");
    c.set_rating(q3, at(2), "t");
    let team = [a, b, c];
    assert!(
        !summarise(&fw, &team[..2])[0].discuss,
        "the theme averages agree"
    );
    let spreads = question_spreads(&fw, &team);
    let found: Vec<(&str, u8)> = spreads
        .iter()
        .map(|s| (s.question_id.as_str(), s.spread()))
        .collect();
    assert_eq!(
        found,
        vec![(q3.as_str(), 3), (q1.as_str(), 2), (q2.as_str(), 2)]
    );
    assert_eq!(
        spreads[1].levels,
        vec![
            Some(Level::new(1).unwrap()),
            Some(Level::new(3).unwrap()),
            None
        ]
    );
    assert_eq!(
        spreads[0].by_level(),
        vec![
            (Level::new(2).unwrap(), vec![2]),
            (Level::new(3).unwrap(), vec![0]),
            (Level::new(5).unwrap(), vec![1])
        ]
    );
    assert!(
        question_spreads(&fw, &team[..1]).is_empty(),
        "one person cannot disagree"
    );
}
