//! The saved-data schema: round trips, migration from older schemas (on fixtures), refusal of
//! unreadable or newer data, and answers kept aside when a framework drops or renames questions.
#![cfg(not(target_arch = "wasm32"))]

use cm_maturity::domain::saved::{load, LoadError, SavedData, SCHEMA_VERSION};
use cm_maturity::domain::{Answer, Assessment, AssessmentKind, Framework, Level, Rating};
use serde_json::{json, Value};

fn small() -> Framework {
    Framework::from_json(include_str!("fixtures/framework-small.json")).unwrap()
}

#[test]
fn saved_data_round_trips_through_json() {
    let fw = small();
    let mut a = Assessment::new(
        "x1".into(),
        &fw,
        AssessmentKind::Quick,
        "2026-11-27T10:00:00Z",
    );
    a.organisation = "Anytown Council".into();
    a.set_rating(
        "a1",
        Rating::Level(Level::new(4).unwrap()),
        "2026-11-27T10:01:00Z",
    );
    a.answers.get_mut("a1").unwrap().note = "Register checked in October \"2026\" <b>".into();
    a.set_rating("b1", Rating::NotApplicable, "2026-11-27T10:02:00Z");
    a.targets.insert("alpha".into(), Level::new(5).unwrap());
    let mut data = SavedData::default();
    data.upsert(a);
    data.current = Some("x1".into());
    let loaded = load(&data.to_json()).unwrap();
    assert_eq!(loaded.data, data);
    assert_eq!(loaded.migrated_from, None);
}

#[test]
fn schema_1_saves_migrate_to_the_current_schema() {
    let loaded = load(include_str!("fixtures/saved/v1.json")).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(loaded.data.schema_version, SCHEMA_VERSION);
    let a = loaded
        .data
        .current()
        .expect("the migrated assessment is current");
    assert_eq!(a.framework_version, "0.9.0");
    assert_eq!(a.kind, AssessmentKind::Full);
    assert_eq!(a.created, "2026-03-01T09:30:00Z");
    assert_eq!(
        a.answers["a1"].rating.unwrap(),
        Rating::Level(Level::new(2).unwrap())
    );
    assert_eq!(a.answers["a2"].rating, Some(Rating::DontKnow));
    assert_eq!(a.answers.len(), 4);
}

#[test]
fn data_from_a_newer_version_is_refused_not_rewritten() {
    assert_eq!(
        load(include_str!("fixtures/saved/future.json")),
        Err(LoadError::FutureVersion(99))
    );
}

#[test]
fn corrupt_data_is_reported() {
    for raw in [
        "",
        "{",
        "[]",
        "{\"schemaVersion\":\"two\"}",
        "{\"schemaVersion\":2,\"assessments\":[{\"id\":1}]}",
    ] {
        assert!(
            matches!(load(raw), Err(LoadError::Corrupt(_))),
            "{raw:?} should be corrupt"
        );
    }
    let bad_level = json!({"schemaVersion": 2, "assessments": [{
        "id": "a", "frameworkId": "f", "frameworkVersion": "1", "kind": "full",
        "created": "t", "updated": "t", "answers": {"q": {"rating": 9}}
    }]});
    let Err(LoadError::Corrupt(why)) = load(&bad_level.to_string()) else {
        panic!("must be corrupt")
    };
    assert!(why.contains("level must be 1 to 5, found 9"), "{why}");
}

#[test]
fn renamed_questions_follow_and_dropped_ones_are_set_aside() {
    // Version 2 of the small framework renames a2 to a2-new and drops old-b9.
    let mut v: Value = serde_json::from_str(include_str!("fixtures/framework-small.json")).unwrap();
    v["version"] = json!("2.0.0");
    v["themes"][0]["questions"][1]["id"] = json!("a2-new");
    v["themes"][0]["questions"][1]["formerIds"] = json!(["a2"]);
    let v2 = Framework::from_json(&v.to_string()).unwrap();

    let mut data = load(include_str!("fixtures/saved/v1.json")).unwrap().data;
    let a = data.current_mut().unwrap();
    a.reconcile(&v2);
    assert_eq!(a.framework_version, "2.0.0");
    assert_eq!(a.answers["a2-new"].rating, Some(Rating::DontKnow));
    assert!(!a.answers.contains_key("a2"));
    assert_eq!(a.set_aside.len(), 1);
    assert_eq!(a.set_aside[0].question_id, "old-b9");
    assert_eq!(a.set_aside[0].framework_version, "0.9.0");
    assert_eq!(
        a.set_aside[0].answer,
        Answer::new(Rating::Level(Level::new(3).unwrap()))
    );

    // The set-aside answer survives saving and loading.
    let again = load(&data.to_json()).unwrap().data;
    assert_eq!(again.current().unwrap().set_aside.len(), 1);
}

#[test]
fn an_answer_under_a_former_id_never_overwrites_a_live_one() {
    let mut v: Value = serde_json::from_str(include_str!("fixtures/framework-small.json")).unwrap();
    v["themes"][0]["questions"][0]["formerIds"] = json!(["zz-old"]);
    let fw = Framework::from_json(&v.to_string()).unwrap();
    let mut a = Assessment::new("x".into(), &fw, AssessmentKind::Full, "t");
    a.answers.insert(
        "a1".into(),
        Answer::new(Rating::Level(Level::new(5).unwrap())),
    );
    a.answers.insert(
        "zz-old".into(),
        Answer::new(Rating::Level(Level::new(1).unwrap())),
    );
    a.reconcile(&fw);
    assert_eq!(
        a.answers["a1"].rating.unwrap(),
        Rating::Level(Level::new(5).unwrap())
    );
    assert_eq!(a.set_aside[0].question_id, "zz-old");
}

#[test]
fn reassessing_starts_a_new_assessment_from_the_old_answers() {
    let fw = small();
    let mut old = Assessment::new(
        "old".into(),
        &fw,
        AssessmentKind::Full,
        "2025-11-01T00:00:00Z",
    );
    old.name = "Last year".into();
    old.set_rating(
        "a1",
        Rating::Level(Level::new(2).unwrap()),
        "2025-11-01T00:00:00Z",
    );
    let new = old.reassess_from("new".into(), &fw, "2026-11-27T00:00:00Z");
    assert_eq!(new.id, "new");
    assert_eq!(new.name, "");
    assert_eq!(new.created, "2026-11-27T00:00:00Z");
    assert_eq!(new.answers, old.answers);
    assert_eq!(old.id, "old");
}

#[test]
fn a_note_without_a_rating_is_kept_but_does_not_count_as_an_answer() {
    let fw = small();
    let mut a = Assessment::new("n".into(), &fw, AssessmentKind::Full, "t");
    a.set_note("a1", "Evidence in the register", "t");
    assert_eq!(a.rating("a1"), None);
    assert!(a.unanswered(&fw).any(|id| id == "a1"));
    a.set_rating("a1", Rating::Level(Level::new(2).unwrap()), "t");
    assert_eq!(a.answers["a1"].note, "Evidence in the register");
    a.set_note("a2", "", "t");
    assert!(!a.answers.contains_key("a2"));
    let json = serde_json::to_string(&a).unwrap();
    let back: Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}
