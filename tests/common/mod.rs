//! Fixtures and helpers shared by the native integration tests: the shipped files, the small
//! test framework, the English words, and quick ways to build assessments.
#![allow(dead_code)]

pub mod ical;

use std::sync::OnceLock;

use cm_maturity::domain::{
    Assessment, AssessmentKind, BenchmarkFile, Framework, Level, Problems, Rating,
};
use cm_maturity::text::{Lang, Text};

pub const COUNCIL: &str = include_str!("../../public/data/framework.json");
pub const COUNCIL_BENCHMARKS: &str = include_str!("../../public/data/benchmarks.json");
pub const LEARNER: &str = include_str!("../../public/data/learner-framework.json");
pub const LEARNER_BENCHMARKS: &str = include_str!("../../public/data/learner-benchmarks.json");
pub const SMALL: &str = include_str!("../fixtures/framework-small.json");
pub const SMALL_BENCHMARKS: &str = include_str!("../fixtures/benchmarks-small.json");
pub const ENGLISH: &str = include_str!("../../public/data/text/en.json");

pub fn council() -> Framework {
    Framework::from_json(COUNCIL).unwrap_or_else(|p| panic!("{p}"))
}

pub fn learner() -> Framework {
    Framework::from_json(LEARNER).unwrap_or_else(|p| panic!("{p}"))
}

pub fn small() -> Framework {
    Framework::from_json(SMALL).unwrap_or_else(|p| panic!("{p}"))
}

pub fn council_benchmarks() -> BenchmarkFile {
    BenchmarkFile::from_json(COUNCIL_BENCHMARKS).unwrap_or_else(|p| panic!("{p}"))
}

pub fn learner_benchmarks() -> BenchmarkFile {
    BenchmarkFile::from_json(LEARNER_BENCHMARKS).unwrap_or_else(|p| panic!("{p}"))
}

pub fn small_benchmarks() -> BenchmarkFile {
    BenchmarkFile::from_json(SMALL_BENCHMARKS).unwrap_or_else(|p| panic!("{p}"))
}

/// The English words, read once.
pub fn english() -> &'static Text {
    static TEXT: OnceLock<&'static Text> = OnceLock::new();
    TEXT.get_or_init(|| Text::leak(Lang::En, ENGLISH).unwrap_or_else(|p| panic!("{p}")))
}

/// Problems in English, as a person reads them.
pub fn messages(problems: &Problems) -> Vec<String> {
    english().problems(problems)
}

pub fn level(n: u8) -> Rating {
    Rating::Level(Level::new(n).unwrap())
}

/// A full assessment of `fw` started at `created`, with the given answers.
pub fn assessment(
    fw: &Framework,
    id: &str,
    created: &str,
    answers: &[(&str, Rating)],
) -> Assessment {
    let mut a = Assessment::new(id.into(), fw, AssessmentKind::Full, created);
    for (q, r) in answers {
        a.set_rating(q, *r, created);
    }
    a
}

/// Every question of `fw` answered at `n`.
pub fn all_at(fw: &Framework, id: &str, created: &str, n: u8) -> Assessment {
    let ids: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).collect();
    let answers: Vec<(&str, Rating)> = ids.iter().map(|q| (q.as_str(), level(n))).collect();
    assessment(fw, id, created, &answers)
}

/// The number of property-test cases: 2,000 by default, more with PROPTEST_CASES.
pub fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}
