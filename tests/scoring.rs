//! Scoring rules, with property tests over random answers to the default framework.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::scoring::{level_band, score, Progress};
use cm_maturity::domain::{Answer, Assessment, AssessmentKind, Framework, Rating};
use proptest::prelude::*;

fn default_framework() -> Framework {
    common::council()
}

fn small_framework() -> Framework {
    common::small()
}

fn assessment(fw: &Framework, kind: AssessmentKind, answers: &[(&str, Rating)]) -> Assessment {
    let mut a = Assessment::new("t".into(), fw, kind, "2026-11-27T10:00:00Z");
    for (id, r) in answers {
        a.set_rating(id, *r, "2026-11-27T10:00:00Z");
    }
    a
}

fn lvl(n: u8) -> Rating {
    common::level(n)
}

#[test]
fn theme_level_is_the_mean_of_rated_answers_and_overall_is_weighted() {
    let fw = small_framework(); // alpha weight 1 (a1, a2), beta weight 2 (b1, b2, b3)
    let a = assessment(
        &fw,
        AssessmentKind::Full,
        &[
            ("a1", lvl(2)),
            ("a2", lvl(4)),
            ("b1", lvl(5)),
            ("b2", Rating::DontKnow),
            ("b3", Rating::NotApplicable),
        ],
    );
    let s = score(&fw, &a);
    let alpha = s.theme("alpha").unwrap();
    let beta = s.theme("beta").unwrap();
    assert_eq!(alpha.level, Some(3.0));
    assert_eq!(beta.level, Some(5.0));
    assert_eq!(
        (
            beta.rated,
            beta.dont_know,
            beta.not_applicable,
            beta.evidence_gaps()
        ),
        (1, 1, 1, 2)
    );
    // (3 * 1 + 5 * 2) / 3
    assert!((s.overall.unwrap() - 13.0 / 3.0).abs() < 1e-9);
    assert!((s.overall_percent().unwrap() - (13.0 / 3.0 - 1.0) / 4.0 * 100.0).abs() < 1e-9);
    assert_eq!(alpha.status(), Progress::Completed);
}

#[test]
fn a_theme_with_only_dont_know_has_no_level_and_does_not_count_in_overall() {
    let fw = small_framework();
    let a = assessment(
        &fw,
        AssessmentKind::Full,
        &[("a1", Rating::DontKnow), ("b1", lvl(2))],
    );
    let s = score(&fw, &a);
    assert_eq!(s.theme("alpha").unwrap().level, None);
    assert_eq!(s.theme("alpha").unwrap().status(), Progress::InProgress);
    assert_eq!(s.overall, Some(2.0));
    assert_eq!(s.dont_know(), 1);
}

#[test]
fn a_quick_check_scores_only_its_own_questions() {
    let fw = small_framework(); // quick check: a1, b1
    let a = assessment(
        &fw,
        AssessmentKind::Quick,
        &[("a1", lvl(1)), ("a2", lvl(5)), ("b1", lvl(3))],
    );
    let s = score(&fw, &a);
    assert_eq!(s.theme("alpha").unwrap().level, Some(1.0));
    assert_eq!(s.theme("alpha").unwrap().asked, 1);
    assert_eq!(s.unanswered(), 0);
}

#[test]
fn nothing_answered_means_no_overall_level() {
    let fw = small_framework();
    let s = score(&fw, &assessment(&fw, AssessmentKind::Full, &[]));
    assert_eq!(s.overall, None);
    assert!(s.themes.iter().all(|t| t.status() == Progress::NotStarted));
}

#[test]
fn level_bands_name_the_level_reached() {
    assert_eq!(level_band(2.99).get(), 2);
    assert_eq!(level_band(3.0).get(), 3);
    assert_eq!(level_band(5.0).get(), 5);
    assert_eq!(level_band(1.0).get(), 1);
}

/// 0 = unanswered, 1–5 = a level, 6 = don't know, 7 = not applicable.
fn rating_code() -> impl Strategy<Value = u8> {
    0u8..=7
}

fn decode(code: u8) -> Option<Rating> {
    match code {
        0 => None,
        1..=5 => Some(lvl(code)),
        6 => Some(Rating::DontKnow),
        _ => Some(Rating::NotApplicable),
    }
}

fn build(fw: &Framework, codes: &[u8], kind: AssessmentKind) -> Assessment {
    let mut a = Assessment::new("p".into(), fw, kind, "t");
    for ((_, q), code) in fw.questions().zip(codes) {
        if let Some(r) = decode(*code) {
            a.answers.insert(q.id.clone(), Answer::new(r));
        }
    }
    a
}

fn kind() -> impl Strategy<Value = AssessmentKind> {
    prop_oneof![Just(AssessmentKind::Full), Just(AssessmentKind::Quick)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scores_stay_in_range(codes in prop::collection::vec(rating_code(), 40), kind in kind()) {
        let fw = default_framework();
        let s = score(&fw, &build(&fw, &codes, kind));
        for t in &s.themes {
            if let Some(l) = t.level { prop_assert!((1.0..=5.0).contains(&l)); }
            prop_assert_eq!(t.rated + t.dont_know + t.not_applicable + t.unanswered, t.asked);
        }
        if let Some(o) = s.overall { prop_assert!((1.0..=5.0).contains(&o)); }
        if let Some(p) = s.overall_percent() { prop_assert!((0.0..=100.0).contains(&p)); }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_theme_or_the_overall(
        codes in prop::collection::vec(rating_code(), 40),
        which in 0usize..32,
        by in 1u8..=4,
    ) {
        let fw = default_framework();
        let mut codes = codes;
        let from = (codes[which] % 5).max(1); // make sure it is a level
        codes[which] = from;
        let before = score(&fw, &build(&fw, &codes, AssessmentKind::Full));
        codes[which] = (from + by).min(5);
        let after = score(&fw, &build(&fw, &codes, AssessmentKind::Full));
        let theme = &fw.questions().nth(which).unwrap().0.id;
        let tb = before.theme(theme).unwrap().level.unwrap();
        let ta = after.theme(theme).unwrap().level.unwrap();
        prop_assert!(ta >= tb - 1e-12);
        prop_assert!(after.overall.unwrap() >= before.overall.unwrap() - 1e-12);
    }

    #[test]
    fn not_applicable_changes_nothing_but_its_own_count(
        codes in prop::collection::vec(rating_code(), 40),
        which in 0usize..32,
    ) {
        let fw = default_framework();
        let mut codes = codes;
        codes[which] = 0;
        let unanswered = score(&fw, &build(&fw, &codes, AssessmentKind::Full));
        codes[which] = 7;
        let na = score(&fw, &build(&fw, &codes, AssessmentKind::Full));
        prop_assert_eq!(unanswered.overall, na.overall);
        for (u, n) in unanswered.themes.iter().zip(&na.themes) {
            prop_assert_eq!(u.level, n.level);
            prop_assert_eq!(u.rated, n.rated);
            prop_assert_eq!(u.dont_know, n.dont_know);
        }
        prop_assert_eq!(na.themes.iter().map(|t| t.not_applicable).sum::<usize>(),
                        unanswered.themes.iter().map(|t| t.not_applicable).sum::<usize>() + 1);
    }

    #[test]
    fn the_order_answers_are_given_in_does_not_matter(
        codes in prop::collection::vec(rating_code(), 40),
        order in Just((0..40usize).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let fw = default_framework();
        let ids: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).collect();
        let in_order = build(&fw, &codes, AssessmentKind::Full);
        let mut shuffled = Assessment::new("p".into(), &fw, AssessmentKind::Full, "t");
        for i in order.into_iter().filter(|i| *i < ids.len()) {
            if let Some(r) = decode(codes[i]) {
                shuffled.set_rating(&ids[i], r, "t");
            }
        }
        prop_assert_eq!(score(&fw, &in_order), score(&fw, &shuffled));
    }
}
