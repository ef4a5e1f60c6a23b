//! Programme benchmarks from councils' returns: hand-worked medians and quartiles, the
//! five-council rule, one count per council, and files that are never used (malformed,
//! duplicated, another framework's, synthetic) — checked natively on the small framework.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use cm_maturity::domain::assessment::CouncilRef;
use cm_maturity::domain::benchmark::MIN_ORGANISATIONS;
use cm_maturity::domain::context::{Context, CouncilType, Nation, Region, Stage};
use cm_maturity::domain::programme::{
    build_benchmarks, council_count, councils, programme_figures, quartiles, read_returns,
    without_duplicates, BuildMeta, Cell, GroupTitles, Return, ReturnError,
};
use cm_maturity::domain::register::Register;
use cm_maturity::domain::{AssessmentKind, BenchmarkFile, Framework, Rating};
use common::{cases, level, small};
use proptest::prelude::*;

const QUESTIONS: [&str; 5] = ["a1", "a2", "b1", "b2", "b3"];

/// A return from `council`, assessed on `assessed`, with every question at `n`.
fn ret(council: &str, assessed: &str, n: u8, stage: Option<Stage>) -> Return {
    ret_with(council, assessed, &QUESTIONS.map(|_| n), stage)
}

/// A return with levels for a1, a2, b1, b2, b3 in order (0 for unanswered).
fn ret_with(council: &str, assessed: &str, levels: &[u8; 5], stage: Option<Stage>) -> Return {
    let answers: BTreeMap<String, Rating> = QUESTIONS
        .iter()
        .zip(levels)
        .filter(|(_, n)| **n > 0)
        .map(|(q, n)| (q.to_string(), level(*n)))
        .collect();
    Return {
        format: "cm-maturity-return".into(),
        format_version: 1,
        made: format!("{assessed}T12:00:00Z"),
        framework_id: "test-small".into(),
        framework_version: "1.0.0".into(),
        organisation: council.into(),
        council: None,
        context: Context {
            stage,
            council_type: Some(CouncilType::District),
            region: Some(Region::London),
            nation: None,
        },
        assessment_id: format!("{council}-{assessed}"),
        assessed: assessed.into(),
        kind: AssessmentKind::Full,
        answers,
        role: None,
        synthetic: false,
        app_version: String::new(),
    }
}

fn meta(synthetic: bool) -> BuildMeta {
    BuildMeta {
        source: "Test returns".into(),
        synthetic,
        date: "2026-11-27".into(),
        method: "Median and quartiles".into(),
        titles: GroupTitles {
            all: "All councils".into(),
            group: "Councils: {group}".into(),
            stages: Stage::ALL
                .iter()
                .map(|s| (*s, s.code().to_string()))
                .collect(),
            council_types: [(CouncilType::District, "District".to_string())].into(),
            regions: [(Region::London, "London".to_string())].into(),
            nations: [(Nation::England, "England".to_string())].into(),
        },
    }
}

/// The built file, written and read back as any widget would read it.
fn round_trip(fw: &Framework, file: &BenchmarkFile) -> BenchmarkFile {
    let json = serde_json::to_string_pretty(file).unwrap();
    let read = BenchmarkFile::from_json(&json).unwrap_or_else(|p| panic!("{p}\n{json}"));
    read.check_against(fw).unwrap_or_else(|p| panic!("{p}"));
    read
}

#[test]
fn quartiles_interpolate_between_ranks() {
    assert_eq!(quartiles(&[4.0, 1.0, 3.0, 2.0]), Some((1.75, 2.5, 3.25)));
    assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0, 5.0]), Some((2.0, 3.0, 4.0)));
    assert_eq!(quartiles(&[3.0]), Some((3.0, 3.0, 3.0)));
    assert_eq!(quartiles(&[]), None);
}

#[test]
fn four_councils_make_no_benchmark_and_five_make_one_with_hand_worked_figures() {
    let fw = small();
    let four: Vec<Return> = (1..=4)
        .map(|n| ret(&format!("Council {n}"), "2026-01-10", n, None))
        .collect();
    assert!(build_benchmarks(&fw, &four, &meta(false), None)
        .benchmarks
        .is_empty());

    // Five councils at levels 1 to 5 on every question; the fifth also answers b3 at 1 so
    // beta's levels are 1, 2, 3, 4 and (5+5+1)/3.
    let mut five = four.clone();
    five.push(ret_with("Council 5", "2026-01-10", &[5, 5, 5, 5, 1], None));
    let file = round_trip(&fw, &build_benchmarks(&fw, &five, &meta(false), None));
    let all = file.get("programme-all").expect("the whole cohort");
    assert_eq!(all.sample_size, Some(5));
    assert!(!all.illustrative);
    let alpha = all.themes.iter().find(|f| f.id == "alpha").unwrap();
    assert_eq!(
        (alpha.lower_quartile, alpha.median, alpha.upper_quartile),
        (Some(2.0), 3.0, Some(4.0))
    );
    // beta: 1, 2, 3, 3.67, 4 → lower quartile 2, median 3, upper quartile 3.67.
    let beta = all.themes.iter().find(|f| f.id == "beta").unwrap();
    assert_eq!(
        (beta.lower_quartile, beta.median, beta.upper_quartile),
        (Some(2.0), 3.0, Some(3.67))
    );
    // Question b3: 1, 2, 3, 4, 1 → 1, 2, 3 (five councils answered it).
    let b3 = all.questions.iter().find(|f| f.id == "b3").unwrap();
    assert_eq!(
        (b3.lower_quartile, b3.median, b3.upper_quartile),
        (Some(1.0), 2.0, Some(3.0))
    );
    // The region and council type groups hold all five; no stage group (no stage given).
    assert!(file.get("programme-region-london").is_some());
    assert!(file.get("programme-type-district").is_some());
    assert!(file.benchmarks.iter().all(|b| b.group.stage.is_none()));
}

#[test]
fn a_figure_from_fewer_than_five_councils_is_left_out() {
    let fw = small();
    // Six councils, but only four answered b3.
    let returns: Vec<Return> = (1..=6)
        .map(|n| {
            let b3 = if n <= 4 { 2 } else { 0 };
            ret_with(
                &format!("Council {n}"),
                "2026-02-01",
                &[3, 3, 3, 3, b3],
                None,
            )
        })
        .collect();
    let file = round_trip(&fw, &build_benchmarks(&fw, &returns, &meta(false), None));
    let all = file.get("programme-all").unwrap();
    assert!(
        all.questions.iter().all(|f| f.id != "b3"),
        "b3 had four councils"
    );
    assert!(all.questions.iter().any(|f| f.id == "b2"));
}

#[test]
fn a_council_counts_once_in_every_figure_whatever_its_number_of_returns() {
    let fw = small();
    let mut returns = Vec::new();
    // Four councils each rise from 2 to 3.
    for n in 1..=4 {
        returns.push(ret(
            &format!("Council {n}"),
            "2025-01-10",
            2,
            Some(Stage::Before),
        ));
        returns.push(ret(
            &format!("Council {n}"),
            "2026-01-10",
            3,
            Some(Stage::After),
        ));
    }
    // A fifth sends three returns: 4, then 1, then 3 — first to latest it fell, once.
    returns.push(ret("Council 5", "2025-01-10", 4, Some(Stage::Before)));
    returns.push(ret("Council 5", "2025-06-10", 1, Some(Stage::During)));
    returns.push(ret("council  5", "2026-01-10", 3, Some(Stage::After)));
    let figures = programme_figures(&fw, &returns, None);
    assert_eq!(figures.councils, 5);
    let m = figures.movement.expect("five councils");
    // Four rose and one fell: both fewer than five, so neither is shown.
    assert_eq!(
        (m.rose, m.stayed, m.fell),
        (Cell::FewerThanFive, Cell::Count(0), Cell::FewerThanFive)
    );
    assert_eq!(m.percent(m.rose), None);
    // Median change per theme: 1, 1, 1, 1, -1 → 1.
    assert_eq!(
        figures.theme_change,
        vec![("alpha".into(), 1.0, 5), ("beta".into(), 1.0, 5)]
    );
    // The cohort benchmark uses each council's latest return only: all at 3.
    let file = build_benchmarks(&fw, &returns, &meta(false), None);
    let all = file.get("programme-all").unwrap();
    assert_eq!(all.sample_size, Some(5));
    assert!(all
        .themes
        .iter()
        .all(|f| f.median == 3.0 && f.lower_quartile == Some(3.0)));
}

#[test]
fn movement_needs_five_councils_with_two_returns() {
    let fw = small();
    let mut returns = Vec::new();
    for n in 1..=4 {
        returns.push(ret(&format!("Council {n}"), "2025-01-10", 2, None));
        returns.push(ret(&format!("Council {n}"), "2026-01-10", 3, None));
    }
    let figures = programme_figures(&fw, &returns, None);
    assert_eq!(figures.councils, 4);
    assert_eq!(figures.movement, None);
    assert!(figures.theme_change.is_empty());
}

#[test]
fn the_distribution_leaves_out_small_stages_and_small_bands() {
    let fw = small();
    let mut returns: Vec<Return> = (1..=6)
        .map(|n| ret(&format!("Council {n}"), "2026-01-10", 3, Some(Stage::After)))
        .collect();
    returns.push(ret("Council 7", "2026-01-10", 5, Some(Stage::After)));
    // Only four councils before the programme: no row for that stage.
    returns.extend((1..=4).map(|n| {
        ret(
            &format!("Council {n}"),
            "2025-01-10",
            2,
            Some(Stage::Before),
        )
    }));
    let figures = programme_figures(&fw, &returns, None);
    assert_eq!(figures.distribution.len(), 1);
    let (stage, n, bands) = &figures.distribution[0];
    assert_eq!((*stage, *n), (Stage::After, 7));
    // Six at level 3; the one council at level 5 is hidden, not shown as 1 — and so are the
    // six, or seven minus six would show it.
    assert_eq!(
        *bands,
        [
            Cell::Count(0),
            Cell::Count(0),
            Cell::Withheld,
            Cell::Count(0),
            Cell::FewerThanFive
        ]
    );
}

#[test]
fn files_that_cannot_be_used_are_refused_with_a_reason() {
    let fw = small();
    assert!(matches!(
        read_returns("{not json", &fw, "2026-11-27"),
        Err(ReturnError::Import(_))
    ));
    let mut other = ret("Council 1", "2026-01-10", 3, None);
    other.framework_id = "cm-learner".into();
    assert_eq!(
        read_returns(&other.to_json(), &fw, "2026-11-27"),
        Err(ReturnError::OtherFramework {
            found: "cm-learner".into(),
            expected: "test-small".into()
        })
    );
    let newer = ret("Council 1", "2026-01-10", 3, None)
        .to_json()
        .replace("\"formatVersion\": 1", "\"formatVersion\": 9");
    assert_eq!(
        read_returns(&newer, &fw, "2026-11-27"),
        Err(ReturnError::UnknownVersion(9))
    );
    let extra = ret("Council 1", "2026-01-10", 3, None).to_json().replacen(
        '{',
        "{\"notes\": \"private\",",
        1,
    );
    assert!(matches!(
        read_returns(&extra, &fw, "2026-11-27"),
        Err(ReturnError::Import(_))
    ));
}

#[test]
fn the_same_return_twice_counts_once() {
    let fw = small();
    let r = ret("Council 1", "2026-01-10", 3, None);
    let read = read_returns(&r.to_json(), &fw, "2026-11-27").unwrap();
    assert_eq!(read, vec![r.clone()]);
    let (kept, skipped) = without_duplicates(vec![
        r.clone(),
        read[0].clone(),
        ret("Council 2", "2026-01-10", 3, None),
    ]);
    assert_eq!((kept.len(), skipped), (2, 1));
}

#[test]
fn a_return_carries_levels_and_context_but_no_notes_and_the_role_only_when_asked() {
    let fw = small();
    let mut a = common::assessment(
        &fw,
        "a-1",
        "2026-03-01T09:00:00Z",
        &[("a1", level(4)), ("b1", Rating::DontKnow)],
    );
    a.set_note(
        "a1",
        "Our contracts officer, Jane Smith, is off sick",
        "2026-03-01T09:00:00Z",
    );
    a.organisation = "Anytown Council".into();
    a.role = "Head of procurement".into();
    let r = Return::from_assessment(&a, "2026-03-02T10:00:00Z", false);
    let json = r.to_json();
    assert!(!json.contains("Jane"), "{json}");
    assert!(!json.contains("Head of procurement"));
    assert_eq!(r.answers.len(), 2);
    assert!(Return::from_assessment(&a, "2026-03-02T10:00:00Z", true)
        .to_json()
        .contains("Head of procurement"));
}

/// A return says which release of the tool made it, so the programme can tell returns from an
/// old release apart; a return of the format before (no version) is still read.
#[test]
fn a_return_names_the_release_that_made_it() {
    let fw = small();
    let mut a = common::assessment(&fw, "a-1", "2026-03-01T09:00:00Z", &[("a1", level(4))]);
    a.organisation = "Anytown Council".into();
    let json = Return::from_assessment(&a, "2026-03-02T10:00:00Z", false).to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["appVersion"], cm_maturity::APP_VERSION);
    assert_eq!(value["formatVersion"], 3);
    let back = read_returns(&json, &fw, "2026-03-03T00:00:00Z").unwrap();
    assert_eq!(back[0].app_version, cm_maturity::APP_VERSION);
    let mut older = value.clone();
    older.as_object_mut().unwrap().remove("appVersion");
    older["formatVersion"] = 2.into();
    let back = read_returns(&older.to_string(), &fw, "2026-03-03T00:00:00Z").unwrap();
    assert_eq!(back[0].app_version, "");
}

#[test]
fn synthetic_returns_make_an_illustrative_file_and_no_file_names_a_council() {
    let fw = small();
    let returns: Vec<Return> = (1..=5)
        .map(|n| Return {
            synthetic: true,
            ..ret(
                &format!("Secret Council {n}"),
                "2026-01-10",
                n,
                Some(Stage::During),
            )
        })
        .collect();
    let file = build_benchmarks(&fw, &returns, &meta(true), None);
    assert!(!file.benchmarks.is_empty());
    assert!(file.benchmarks.iter().all(|b| b.illustrative));
    let json = serde_json::to_string(&file).unwrap();
    assert!(!json.contains("Secret"), "{json}");
}

fn any_return() -> impl Strategy<Value = Return> {
    (0u8..12, 0u8..3, proptest::array::uniform5(0u8..=5), 0u8..4).prop_map(
        |(council, day, levels, stage)| {
            let stage = [
                None,
                Some(Stage::Before),
                Some(Stage::During),
                Some(Stage::After),
            ][stage as usize];
            ret_with(
                &format!("Council {council}"),
                &format!("2026-0{}-10", day + 1),
                &levels,
                stage,
            )
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases() / 10))]

    /// Whatever returns arrive, the file reads back, every figure rests on five or more
    /// councils, and quartiles bracket the median within the levels.
    #[test]
    fn every_published_figure_is_honest(returns in proptest::collection::vec(any_return(), 0..60)) {
        let fw = small();
        let file = round_trip(&fw, &build_benchmarks(&fw, &returns, &meta(false), None));
        for b in &file.benchmarks {
            let n = b.sample_size.unwrap();
            prop_assert!(n >= MIN_ORGANISATIONS);
            for f in b.themes.iter().chain(&b.questions) {
                prop_assert!(f.organisations.unwrap_or(n) >= MIN_ORGANISATIONS);
                let (lq, uq) = (f.lower_quartile.unwrap(), f.upper_quartile.unwrap());
                prop_assert!((1.0..=5.0).contains(&lq) && lq <= f.median && f.median <= uq && uq <= 5.0);
            }
        }
        let figures = programme_figures(&fw, &returns, None);
        // Every row: no shown count below five, and what is hidden is two or more cells that
        // add up to five or more, so no hidden count follows from the total.
        let rows: Vec<(usize, Vec<Cell>)> = figures
            .movement
            .iter()
            .map(|m| (m.total, vec![m.rose, m.stayed, m.fell]))
            .chain(figures.distribution.iter().map(|(_, n, b)| (*n, b.to_vec())))
            .collect();
        for (total, cells) in rows {
            prop_assert!(total >= MIN_ORGANISATIONS as usize);
            let shown: usize = cells.iter().filter_map(|c| c.count()).sum();
            prop_assert!(cells.iter().filter_map(|c| c.count()).all(|n| n == 0 || n >= MIN_ORGANISATIONS as usize));
            let hidden = cells.iter().filter(|c| c.count().is_none()).count();
            prop_assert!(hidden == 0 || (hidden >= 2 && total - shown >= MIN_ORGANISATIONS as usize), "{:?} of {}", cells, total);
        }
        // No two published benchmarks rest on sets of councils a few apart.
        let sizes: Vec<u32> = file.benchmarks.iter().map(|b| b.sample_size.unwrap()).collect();
        if let Some(all) = file.get("programme-all") {
            let n = all.sample_size.unwrap();
            for b in file.benchmarks.iter().filter(|b| b.group.stage.is_none() && b.id != "programme-all") {
                let gap = n - b.sample_size.unwrap();
                prop_assert!(gap == 0 || gap >= MIN_ORGANISATIONS, "{} is {} short of all councils ({:?})", b.id, gap, sizes);
            }
        }
    }
}

/// The command-line builder end to end: synthetic returns are refused unless asked for, and
/// then make a file the app reads, marked illustrative.
#[test]
fn the_builder_refuses_synthetic_returns_unless_told_and_then_marks_them_illustrative() {
    use std::process::Command;
    let bin = env!("CARGO_BIN_EXE_cm-benchmarks");
    let dir = std::env::temp_dir().join(format!("cm-synth-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.join("benchmarks.json");
    let returns = dir.join("returns");
    let run = |args: &[&str]| Command::new(bin).args(args).output().unwrap();
    let made = run(&[
        "synthetic",
        "--out",
        returns.to_str().unwrap(),
        "--councils",
        "12",
        "--seed",
        "7",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    std::fs::write(returns.join("broken.json"), "{ not a return").unwrap();

    let refused = run(&[
        "build",
        returns.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("synthetic"));
    assert!(!out.exists(), "nothing written when refused");

    let built = run(&[
        "build",
        returns.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--allow-synthetic",
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let report = String::from_utf8_lossy(&built.stdout);
    assert!(
        report.contains("skipped") && report.contains("broken.json"),
        "{report}"
    );
    let file = BenchmarkFile::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    file.check_against(&common::council()).unwrap();
    assert!(!file.benchmarks.is_empty() && file.benchmarks.iter().all(|b| b.illustrative));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_return_sent_five_times_under_names_that_differ_invisibly_is_one_council() {
    let fw = small();
    let names = [
        "Anytown Council",
        "Anytown\u{200b} Council",
        "Any\u{ad}town Council",
        "ANYTOWN  COUNCIL\u{feff}",
        "Ａｎｙｔｏｗｎ Council",
    ];
    let returns: Vec<Return> = names
        .iter()
        .map(|n| Return {
            assessment_id: "one".into(),
            ..ret(n, "2026-01-10", 3, None)
        })
        .collect();
    assert_eq!(council_count(&returns, None), 1);
    assert!(build_benchmarks(&fw, &returns, &meta(false), None)
        .benchmarks
        .is_empty());
    // The same assessment under five unrelated names is still one council.
    let renamed: Vec<Return> = (0..5)
        .map(|n| Return {
            assessment_id: "one".into(),
            ..ret(&format!("Name {n}"), "2026-01-10", 3, None)
        })
        .collect();
    assert_eq!(council_count(&renamed, None), 1);
    let (kept, skipped) = without_duplicates(renamed);
    assert_eq!((kept.len(), skipped), (1, 4));
}

#[test]
fn a_file_of_unnamed_assessments_is_refused_and_dates_must_be_real_and_past() {
    let fw = small();
    let mut unnamed = ret("", "2026-01-10", 3, None);
    unnamed.organisation = "\u{200b} ".into();
    assert_eq!(
        read_returns(&unnamed.to_json(), &fw, "2026-11-27T10:00:00Z"),
        Err(ReturnError::NoOrganisation { count: 1 })
    );
    let future = ret("Council 1", "2999-01-10", 3, None);
    assert_eq!(
        read_returns(&future.to_json(), &fw, "2026-11-27T10:00:00Z"),
        Err(ReturnError::FutureDate("2999-01-10".into()))
    );
    let tomorrow = ret("Council 1", "2026-11-28", 3, None);
    assert!(read_returns(&tomorrow.to_json(), &fw, "2026-11-27T23:30:00Z").is_ok());
    let mut bad = ret("Council 1", "2026-01-10", 3, None);
    bad.assessed = "last Tuesday".into();
    assert_eq!(
        read_returns(&bad.to_json(), &fw, "2026-11-27T10:00:00Z"),
        Err(ReturnError::BadDate("last Tuesday".into()))
    );
}

#[test]
fn a_group_a_few_councils_short_of_all_councils_is_not_published() {
    let fw = small();
    let mut returns: Vec<Return> = (1..=6)
        .map(|n| {
            ret(
                &format!("Council {n}"),
                "2026-01-10",
                1 + (n % 4) as u8,
                None,
            )
        })
        .collect();
    // Five in London, one elsewhere: London's figures less all councils' would show the sixth.
    returns[5].context.region = Some(Region::SouthEast);
    let file = build_benchmarks(&fw, &returns, &meta(false), None);
    assert!(file.get("programme-all").is_some());
    assert!(file.get("programme-region-london").is_none());
    // With five more councils outside London both can be published.
    for n in 7..=11 {
        let mut r = ret(&format!("Council {n}"), "2026-01-10", 2, None);
        r.context.region = Some(Region::SouthEast);
        returns.push(r);
    }
    let file = build_benchmarks(&fw, &returns, &meta(false), None);
    assert!(file.get("programme-region-london").is_some());
}

#[test]
fn shares_round_halves_to_even_so_92_and_a_half_percent_reads_92() {
    use cm_maturity::domain::programme::Movement;
    let m = Movement {
        rose: Cell::Count(74),
        stayed: Cell::Count(6),
        fell: Cell::Count(0),
        total: 80,
    };
    assert_eq!(m.percent(m.rose), Some(92));
    assert_eq!(m.percent(m.stayed), Some(8));
    let m = Movement { total: 8, ..m };
    assert_eq!(m.percent(Cell::Count(3)), Some(38));
    assert_eq!(m.percent(Cell::Count(1)), Some(12));
}

fn shipped_register() -> Register {
    Register::parse(include_str!("../public/data/register.json")).unwrap()
}

/// A return from a council in the register, by its code (and, as a sender might, a name that
/// does not match).
fn coded(code: &str, assessed: &str, levels: &[u8; 5]) -> Return {
    let register = shipped_register();
    let c = register.get(code).unwrap();
    Return {
        council: Some(c.reference()),
        organisation: format!("{} (finance team)", c.short),
        assessment_id: format!("{code}-{assessed}"),
        ..ret_with(&c.short, assessed, levels, None)
    }
}

#[test]
fn returns_under_predecessor_codes_count_as_their_successors_history() {
    let register = shipped_register();
    let fw = small();
    // Allerdale, Carlisle and Copeland assessed before 2023; Cumberland after: one council,
    // whose earlier level is the median of the three (2, 3 and 4: 3), and it rose to 4.
    let mut returns = vec![
        coded("ALL", "2022-01-10", &[2, 2, 2, 2, 2]),
        coded("CAR", "2022-02-10", &[3, 3, 3, 3, 3]),
        coded("COP", "2022-03-10", &[4, 4, 4, 4, 4]),
        coded("CBD", "2024-03-10", &[4, 4, 4, 4, 4]),
    ];
    // Four more councils that each rose, so the figures can be shown.
    for code in ["CHE", "CRF", "WRX", "MAN"] {
        returns.push(coded(code, "2022-05-01", &[1, 1, 1, 1, 1]));
        returns.push(coded(code, "2024-05-01", &[2, 2, 2, 2, 2]));
    }
    assert_eq!(
        council_count(&returns, Some(&register)),
        5,
        "Cumberland counts once"
    );
    let f = programme_figures(&fw, &returns, Some(&register));
    assert_eq!(f.councils, 5);
    let m = f.movement.expect("five councils");
    assert_eq!(m.rose, Cell::Count(5));
    // Without the register, the three former councils and Cumberland are four councils, none
    // with two returns of its own.
    assert_eq!(council_count(&returns, None), 8);
    // Cumberland's theme change is 4 - 3 (the median), not 4 - 2 (Allerdale's first return).
    let figures_one = programme_figures(
        &fw,
        &returns[..4]
            .iter()
            .cloned()
            .chain((0..4).flat_map(|i| {
                let code = ["CHE", "CRF", "WRX", "MAN"][i];
                [
                    coded(code, "2022-05-01", &[3, 3, 3, 3, 3]),
                    coded(code, "2024-05-01", &[4, 4, 4, 4, 4]),
                ]
            }))
            .collect::<Vec<_>>(),
        Some(&register),
    );
    assert!(
        figures_one
            .theme_change
            .iter()
            .all(|(_, change, n)| *change == 1.0 && *n == 5),
        "{:?}",
        figures_one.theme_change
    );
}

#[test]
fn a_council_merged_from_three_counts_once_and_a_name_alone_finds_its_code() {
    let register = shipped_register();
    // The same council by its code, by its GSS code alone, and by name only in two spellings.
    let mut by_gss = ret_with("Cumberland", "2024-01-01", &[3, 3, 3, 3, 3], None);
    by_gss.council = Some(CouncilRef {
        code: String::new(),
        gss: "E06000063".into(),
    });
    by_gss.assessment_id = "a".into();
    let mut named = ret_with("Cumberland Council", "2024-02-01", &[3, 3, 3, 3, 3], None);
    named.assessment_id = "b".into();
    let mut short = ret_with("cumberland", "2024-03-01", &[3, 3, 3, 3, 3], None);
    short.assessment_id = "c".into();
    let returns = vec![
        coded("ALL", "2022-01-10", &[2, 2, 2, 2, 2]),
        coded("CAR", "2022-02-10", &[3, 3, 3, 3, 3]),
        coded("COP", "2022-03-10", &[4, 4, 4, 4, 4]),
        by_gss,
        named,
        short,
    ];
    let found = councils(&returns, Some(&register));
    assert_eq!(found.count, 1);
    assert_eq!(found.by_name_only, 0, "both names are the register's");
    // A name the register does not know is counted by its name, and said to be.
    let mut other = ret_with(
        "Anytown Joint Waste Committee",
        "2024-01-01",
        &[3, 3, 3, 3, 3],
        None,
    );
    other.assessment_id = "d".into();
    let found = councils(&[other.clone(), returns[0].clone()], Some(&register));
    assert_eq!((found.count, found.by_name_only), (2, 1));
    // A county split in two is not anyone's history: Cumbria stays its own.
    let cumbria = coded("CMA", "2021-01-01", &[2, 2, 2, 2, 2]);
    assert_eq!(
        council_count(&[cumbria, returns[3].clone()], Some(&register)),
        2
    );
}

#[test]
fn version_1_returns_are_still_read_and_version_2_carries_the_codes() {
    let fw = small();
    let v1 =
        serde_json::to_string(&ret_with("Anytown", "2024-01-01", &[3, 3, 3, 3, 3], None)).unwrap();
    assert!(v1.contains("\"formatVersion\":1") && !v1.contains("council\""));
    let read = read_returns(&v1, &fw, "2026-01-01").unwrap();
    assert_eq!(read[0].council, None);
    let mut v2 = coded("CBD", "2024-01-01", &[3, 3, 3, 3, 3]);
    v2.format_version = 2;
    let read = read_returns(&v2.to_json(), &fw, "2026-01-01").unwrap();
    assert_eq!(
        read[0].council,
        Some(CouncilRef {
            code: "CBD".into(),
            gss: "E06000063".into()
        })
    );
    let mut v4 = v2.clone();
    v4.format_version = 4;
    assert_eq!(
        read_returns(&v4.to_json(), &fw, "2026-01-01"),
        Err(ReturnError::UnknownVersion(4))
    );
}

#[test]
fn synthetic_councils_come_from_the_register_and_the_programmes_92_percent_can_be_reproduced() {
    let bin = env!("CARGO_BIN_EXE_cm-benchmarks");
    let dir = std::env::temp_dir().join(format!("cm-synth-92-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let made = run(&[
        "synthetic",
        "--out",
        dir.to_str().unwrap(),
        "--councils",
        "80",
        "--improved",
        "0.92",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let register = shipped_register();
    let mut codes = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let r: Return =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let c = r.council.as_ref().expect("a register code");
        let known = register.get(&c.code).expect("a council in the register");
        assert!(known.is_current() && r.synthetic);
        assert_eq!(known.gss, c.gss);
        codes.insert(c.code.clone());
    }
    assert_eq!(codes.len(), 80, "80 different councils");
    let figures = run(&["figures", dir.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&figures.stdout);
    assert!(
        report.contains("councils with two or more returns: 80"),
        "{report}"
    );
    assert!(report.contains("rose 74 (92%)"), "{report}");
    assert!(!report.contains("no register code"), "{report}");
    let bad = run(&[
        "synthetic",
        "--out",
        dir.to_str().unwrap(),
        "--improved",
        "1.5",
    ]);
    assert!(!bad.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
