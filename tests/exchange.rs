//! JSON export and import, merging, and the CSV of answers; with property tests that export then
//! import gives back the same assessments and that the parsers never panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::exchange::{
    classify, export, merge, only_framework, parse_import, to_csv, write_row, CsvWords,
    ImportError, Incoming, MAX_IMPORT_BYTES,
};
use cm_maturity::domain::saved::SavedData;
use cm_maturity::domain::{Answer, Assessment, AssessmentKind, Framework, Level, Rating};
use common::{cases, council, english, learner};
use proptest::prelude::*;

fn framework() -> Framework {
    council()
}

fn sample(fw: &Framework, id: &str, created: &str) -> Assessment {
    let mut a = Assessment::new(id.into(), fw, AssessmentKind::Full, created);
    a.set_rating(
        "gov-tiering",
        Rating::Level(Level::new(3).unwrap()),
        created,
    );
    a.set_rating("ppl-roles", Rating::DontKnow, created);
    a.set_note(
        "gov-tiering",
        "Tiers agreed, \"mostly\", in May\nsee board paper",
        created,
    );
    a
}

const WORDS: CsvWords = CsvWords {
    headers: ["Theme", "Question", "Level", "Level name", "Answer", "Note"],
    dont_know: "Don't know",
    not_applicable: "Not applicable",
    not_answered: "Not answered",
};

#[test]
fn an_export_imports_back_unchanged() {
    let fw = framework();
    let list = vec![
        sample(&fw, "a1", "2026-03-01T10:00:00Z"),
        sample(&fw, "a2", "2026-11-20T10:00:00Z"),
    ];
    let text = export(&list, "0.1.0", "2026-11-27T10:00:00Z");
    assert_eq!(parse_import(&text, &[&fw]).unwrap(), list);
    assert_eq!(
        english().describe_assessments(&list),
        "2 assessments, 1 March 2026 and 20 November 2026"
    );
}

#[test]
fn an_export_of_format_1_with_ticked_plan_steps_imports_with_them_done() {
    let fw = learner();
    let q = fw.questions().next().unwrap().1.id.clone();
    let text = format!(
        r#"{{"format":"cm-maturity-export","formatVersion":1,"appVersion":"0.1.0","exported":"2026-11-27T10:00:00Z","assessments":[{{"id":"l1","frameworkId":"{}","frameworkVersion":"{}","kind":"full","created":"2026-11-01T09:00:00Z","updated":"2026-11-01T09:00:00Z","plan":{{"{q}":{{"due":"2027-03-31","done":true}}}}}}]}}"#,
        fw.id, fw.version
    );
    let got = parse_import(&text, &[&fw]).expect("a format 1 export still imports");
    let step = &got[0].plan[&q];
    assert_eq!(step.status, cm_maturity::domain::Status::Done);
    assert_eq!(step.due.as_deref(), Some("2027-03-31"));
    // A file written now says format 2, so a build that reads only format 1 calls it newer.
    let again = export(&got, "0.1.0", "2026-12-04T10:00:00Z");
    assert!(again.contains("\"formatVersion\": 2"), "{again}");
    assert_eq!(parse_import(&again, &[&fw]).unwrap(), got);
}

#[test]
fn a_backup_of_saved_data_also_imports() {
    let fw = framework();
    let mut data = SavedData::default();
    data.upsert(sample(&fw, "b1", "2026-01-01"));
    assert_eq!(parse_import(&data.to_json(), &[&fw]).unwrap().len(), 1);
    let v1 = include_str!("fixtures/saved/v1.json").replace("test-small", "cmm-default");
    assert_eq!(parse_import(&v1, &[&fw]).unwrap().len(), 1);
}

#[test]
fn bad_files_give_clear_errors() {
    let fw = framework();
    assert_eq!(parse_import("  ", &[&fw]), Err(ImportError::Empty));
    assert!(matches!(
        parse_import("{\"format\": ", &[&fw]),
        Err(ImportError::Malformed(_))
    ));
    assert_eq!(
        parse_import("{\"hello\": 1}", &[&fw]),
        Err(ImportError::NotAnExport)
    );
    assert_eq!(
        parse_import("{\"format\": \"something-else\"}", &[&fw]),
        Err(ImportError::NotAnExport)
    );
    let future = r#"{"format":"cm-maturity-export","formatVersion":7,"assessments":[]}"#;
    assert_eq!(
        parse_import(future, &[&fw]),
        Err(ImportError::UnknownVersion(7))
    );
    let empty = export(&[], "0.1.0", "t");
    assert_eq!(
        parse_import(&empty, &[&fw]),
        Err(ImportError::NoAssessments)
    );
    let mut other = sample(&fw, "o", "t");
    other.framework_id = "another-framework".into();
    assert_eq!(
        parse_import(&export(&[other], "0.1.0", "t"), &[&fw]),
        Err(ImportError::UnknownFramework("another-framework".into()))
    );
    let huge = format!("{{\"format\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
    assert!(matches!(
        parse_import(&huge, &[&fw]),
        Err(ImportError::TooLarge { .. })
    ));
    let bad_level =
        export(&[sample(&fw, "x", "t")], "0.1.0", "t").replace("\"rating\": 3", "\"rating\": 9");
    let Err(ImportError::Malformed(why)) = parse_import(&bad_level, &[&fw]) else {
        panic!("must be malformed")
    };
    assert_eq!(
        why,
        cm_maturity::domain::json_issue::JsonIssue::BadRating("9".into())
    );
}

#[test]
fn files_hold_either_framework_and_a_screen_for_one_refuses_the_other() {
    let (council, learner) = (framework(), learner());
    let mine = Assessment::new(
        "me".into(),
        &learner,
        AssessmentKind::Quick,
        "2026-11-01T09:00:00Z",
    );
    let ours = sample(&council, "us", "2026-11-02T09:00:00Z");
    let text = export(&[mine, ours], "0.1.0", "t");
    let both = parse_import(&text, &[&council, &learner]).unwrap();
    assert_eq!(both.len(), 2);
    assert_eq!(
        only_framework(&both, &council.id),
        Err(ImportError::OtherFramework {
            found: learner.id.clone(),
            expected: council.id.clone()
        })
    );
    let only_council = parse_import(&text, &[&council]);
    assert_eq!(
        only_council,
        Err(ImportError::UnknownFramework(learner.id.clone()))
    );
}

#[test]
fn merging_never_overwrites_and_detects_the_same_assessment() {
    let fw = framework();
    let mut data = SavedData::default();
    let here = sample(&fw, "same", "2026-01-01");
    data.upsert(here.clone());
    let mut changed = here.clone();
    changed.set_rating(
        "gov-tiering",
        Rating::Level(Level::new(5).unwrap()),
        "2026-02-01",
    );
    changed.name = "Board copy".into();
    let fresh = sample(&fw, "fresh", "2026-03-01");
    assert_eq!(classify(&data, &here), Incoming::AlreadyHere);
    assert_eq!(classify(&data, &changed), Incoming::Copy);
    assert_eq!(classify(&data, &fresh), Incoming::New);

    let mut n = 0;
    let report = merge(
        &mut data,
        vec![here.clone(), changed, fresh],
        || {
            n += 1;
            format!("new-{n}")
        },
        " (imported)",
    );
    assert_eq!(
        (report.added, report.already_here, report.copies),
        (1, 1, 1)
    );
    assert_eq!(data.assessments.len(), 3);
    assert_eq!(
        data.assessments[0], here,
        "the one already here is untouched"
    );
    let copy = data
        .assessments
        .iter()
        .find(|a| a.id == "new-1")
        .expect("the changed one is kept as a copy");
    assert_eq!(copy.name, "Board copy (imported)");
    assert!(data.assessments.iter().any(|a| a.id == "fresh"));
}

#[test]
fn the_csv_has_a_row_per_question_and_parses_with_a_real_reader() {
    let fw = framework();
    let a = sample(&fw, "c", "2026-11-27");
    let text = to_csv(&fw, &a, &WORDS);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        WORDS.headers
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), fw.question_count());
    assert_eq!(&rows[0][0], "Governance and planning");
    assert_eq!(&rows[0][1], "Contract tiering");
    assert_eq!(&rows[0][2], "3");
    assert_eq!(&rows[0][3], "Good");
    assert_eq!(
        &rows[0][4],
        fw.question("gov-tiering").unwrap().levels[2].statement
    );
    let roles = fw
        .questions()
        .position(|(_, q)| q.id == "ppl-roles")
        .unwrap();
    assert_eq!(
        &rows[0][5],
        "Tiers agreed, \"mostly\", in May\nsee board paper"
    );
    assert_eq!(&rows[roles][4], "Don't know");
    assert_eq!(&rows[1][4], "Not answered");
}

#[test]
fn csv_cells_that_look_like_formulas_stay_text() {
    let mut out = String::new();
    write_row(
        &mut out,
        &["=HYPERLINK(\"x\")", "+1", "plain", "-2", "@cmd"],
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        row.iter().collect::<Vec<_>>(),
        ["'=HYPERLINK(\"x\")", "'+1", "plain", "'-2", "'@cmd"]
    );
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop_oneof![
        Just(None),
        (1u8..=5).prop_map(|n| Some(Rating::Level(Level::new(n).unwrap()))),
        Just(Some(Rating::DontKnow)),
        Just(Some(Rating::NotApplicable)),
    ]
}

fn assessment() -> impl Strategy<Value = Assessment> {
    let fw = framework();
    let ids: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).collect();
    (
        "[a-z0-9]{1,12}",
        any::<String>(),
        any::<String>(),
        prop::collection::vec((rating(), any::<String>()), ids.len()),
        any::<bool>(),
    )
        .prop_map(move |(id, name, org, answers, quick)| {
            let kind = if quick {
                AssessmentKind::Quick
            } else {
                AssessmentKind::Full
            };
            let mut a = Assessment::new(id, &fw, kind, "2026-11-27T10:00:00Z");
            a.name = name;
            a.organisation = org;
            for (qid, (rating, note)) in ids.iter().zip(answers) {
                if rating.is_some() || !note.is_empty() {
                    a.answers.insert(qid.clone(), Answer { rating, note });
                }
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn export_then_import_gives_back_the_same_assessments(list in prop::collection::vec(assessment(), 1..4)) {
        let fw = framework();
        let text = export(&list, "0.1.0", "2026-11-27T10:00:00Z");
        prop_assert_eq!(parse_import(&text, &[&fw]).unwrap(), list);
    }

    #[test]
    fn the_import_parser_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = parse_import(&text, &[&framework(), &learner()]);
    }

    #[test]
    fn the_import_parser_never_panics_on_a_damaged_export(
        a in assessment(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<char>()), 1..6),
    ) {
        let fw = framework();
        let mut chars: Vec<char> = export(&[a], "0.1.0", "t").chars().collect();
        for (at, c) in cuts {
            let i = at.index(chars.len());
            chars[i] = c;
        }
        let _ = parse_import(&chars.into_iter().collect::<String>(), &[&fw]);
    }

    #[test]
    fn every_csv_field_reads_back(fields in prop::collection::vec(any::<String>(), 1..8)) {
        let mut out = String::new();
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        write_row(&mut out, &refs);
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        let back: Vec<String> = row.iter().map(str::to_string).collect();
        let expected: Vec<String> = fields
            .iter()
            .map(|f| if f.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{f}") } else { f.clone() })
            .collect();
        prop_assert_eq!(back, expected);
    }
}

/// A file from anyone is described in the reader's words, never in the JSON reader's (which
/// names Rust types and is English only), and values from the file are cut short.
#[test]
fn a_malformed_file_is_described_in_plain_words_in_both_languages() {
    use cm_maturity::domain::json_issue::JsonIssue;
    use cm_maturity::text::{Lang, Text};
    let fw = framework();
    let good = export(&[sample(&fw, "x", "t")], "0.1.0", "t");
    let cases = [
        ("{\"format\": ".to_string(), JsonIssue::CutShort),
        (
            "{not json".to_string(),
            JsonIssue::Syntax { line: 1, column: 2 },
        ),
        (
            good.replacen("\"kind\": \"full\"", "\"kind\": \"metropolitan\"", 1),
            JsonIssue::UnknownValue("metropolitan".into()),
        ),
        (
            good.replacen("\"rating\": 3", "\"rating\": \"lots\"", 1),
            JsonIssue::BadRating("lots".into()),
        ),
    ];
    let en = Text::leak(Lang::En, include_str!("../public/data/text/en.json")).unwrap();
    let cy = Text::leak(Lang::Cy, include_str!("../public/data/text/cy.json")).unwrap();
    for (text, expected) in cases {
        let Err(ImportError::Malformed(why)) = parse_import(&text, &[&fw]) else {
            panic!("{text:.60} must be malformed")
        };
        assert_eq!(why, expected);
        for t in [en, cy] {
            let words = t.import_error(&ImportError::Malformed(why.clone()));
            for rust in ["`", "variant", "expected one of", "invalid type", "u8"] {
                assert!(!words.contains(rust), "{words}");
            }
        }
    }
    assert_eq!(
        en.json_issue(&JsonIssue::UnknownValue("metropolitan".into())),
        "“metropolitan” is not one of the values allowed there"
    );
    let long = "x".repeat(500);
    assert!(
        en.json_issue(&JsonIssue::UnknownField(long))
            .chars()
            .count()
            < 120
    );
}
