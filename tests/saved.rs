//! The saved-data schema: round trips, migration from older schemas (on fixtures), refusal of
//! unreadable or newer data, and answers kept aside when a framework drops or renames questions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::assessment::PlanPart;
use cm_maturity::domain::saved::{load, Changes, LoadError, SavedData, SCHEMA_VERSION};
use cm_maturity::domain::{Answer, Assessment, AssessmentKind, Framework, Level, Rating};
use common::{level, small};
use serde_json::{json, Value};

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
    let loaded = load(&data.to_json()).unwrap();
    assert_eq!(loaded.data, data);
    assert_eq!(loaded.migrated_from, None);
}

#[test]
fn schema_1_saves_migrate_to_the_current_schema() {
    let loaded = load(include_str!("fixtures/saved/v1.json")).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(loaded.data.schema_version, SCHEMA_VERSION);
    // Which assessment was being worked on is no longer shared data: it comes back separately,
    // for this tab to take up.
    assert_eq!(loaded.last_current.as_deref(), Some("migrated-1"));
    let a = &loaded.data.assessments[0];
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
    assert_eq!(
        why,
        cm_maturity::domain::json_issue::JsonIssue::BadRating("9".into())
    );
}

#[test]
fn renamed_questions_follow_and_dropped_ones_are_set_aside() {
    // Version 2 of the small framework renames a2 to a2-new and drops old-b9.
    let v2 = small_version("2.0.0", |v| {
        v["themes"][0]["questions"][1]["id"] = json!("a2-new");
        v["themes"][0]["questions"][1]["formerIds"] = json!(["a2"]);
    });

    let mut data = load(include_str!("fixtures/saved/v1.json")).unwrap().data;
    let a = &mut data.assessments[0];
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
    assert_eq!(again.assessments[0].set_aside.len(), 1);
}

#[test]
fn a_plan_step_follows_its_renamed_question_and_never_replaces_one_kept_under_the_new_id() {
    let v2 = small_version("2.0.0", |v| {
        v["themes"][0]["questions"][1]["id"] = json!("a2-new");
        v["themes"][0]["questions"][1]["formerIds"] = json!(["a2"]);
    });
    let mut data = load(include_str!("fixtures/saved/v1.json")).unwrap().data;
    let a = &mut data.assessments[0];
    let step = |owner: &str| cm_maturity::domain::PlanStep {
        owner: owner.into(),
        accepted: true,
        ..Default::default()
    };
    a.set_plan_step("a2", step("Head of Procurement"), "2026-11-02T09:00:00Z");
    let mut both = a.clone();
    a.reconcile(&v2);
    assert_eq!(a.plan["a2-new"].owner, "Head of Procurement");
    assert!(!a.plan.contains_key("a2"));
    // Each part's time goes with it.
    for part in [PlanPart::Owner, PlanPart::Accepted] {
        assert_eq!(a.plan_stamp("a2-new", part), "2026-11-02T09:00:00Z");
        assert_eq!(a.plan_stamp("a2", part), "");
    }

    both.set_plan_step("a2-new", step("Finance"), "2026-11-03T09:00:00Z");
    both.reconcile(&v2);
    assert_eq!(
        both.plan["a2-new"].owner, "Finance",
        "the step under the new id stays"
    );
    assert_eq!(
        both.plan["a2"].owner, "Head of Procurement",
        "the other is kept, not lost"
    );
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

#[test]
fn schema_2_moves_the_current_assessment_out_of_the_shared_data() {
    let v2 = json!({"schemaVersion": 2, "current": "b", "assessments": [
        {"id": "a", "frameworkId": "f", "frameworkVersion": "1", "kind": "full", "created": "t", "updated": "t"},
        {"id": "b", "frameworkId": "f", "frameworkVersion": "1", "kind": "quick", "created": "t", "updated": "t"}
    ]});
    let loaded = load(&v2.to_string()).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    assert_eq!(loaded.last_current.as_deref(), Some("b"));
    assert_eq!(loaded.data.assessments.len(), 2);
    assert!(!loaded.data.to_json().contains("current"));
}

#[test]
fn a_tabs_changes_are_laid_over_another_tabs_newer_data() {
    let fw = small();
    let mut base = SavedData::default();
    for id in ["a", "b", "c"] {
        base.upsert(Assessment::new(id.into(), &fw, AssessmentKind::Full, "t"));
    }
    // This tab rated a and deleted c; meanwhile the other tab rated b and added d.
    let mut ours = base.clone();
    ours.get_mut("a").unwrap().set_rating("a1", level(4), "t2");
    ours.remove("c");
    let mut changes = Changes::default();
    changes.changed("a");
    changes.removed("c");
    let mut theirs = base.clone();
    theirs
        .get_mut("b")
        .unwrap()
        .set_rating("a1", level(2), "t3");
    theirs.upsert(Assessment::new(
        "d".into(),
        &fw,
        AssessmentKind::Quick,
        "t3",
    ));

    let merged = theirs.clone().with_changes_from(&ours, &changes);
    let ids: Vec<&str> = merged.assessments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "d"]);
    assert_eq!(merged.get("a").unwrap().rating("a1"), Some(level(4)));
    assert_eq!(merged.get("b").unwrap().rating("a1"), Some(level(2)));
}

/// Version 3 of the small framework: a2 renamed, b2 dropped then (in version 4) brought back,
/// a1 split into a1 and a3.
fn small_version(version: &str, edit: impl FnOnce(&mut Value)) -> Framework {
    let mut v: Value = serde_json::from_str(common::SMALL).unwrap();
    v["version"] = json!(version);
    edit(&mut v);
    Framework::from_json(&v.to_string()).unwrap_or_else(|p| panic!("{p}"))
}

#[test]
fn set_aside_answers_come_back_when_their_question_does_and_targets_are_never_lost() {
    let fw = small();
    let mut a = Assessment::new("x".into(), &fw, AssessmentKind::Full, "t");
    a.set_rating("b2", level(4), "t");
    a.set_note("b2", "Seen at the March board", "t");
    a.targets.insert("beta".into(), Level::new(3).unwrap());
    a.targets.insert("gamma".into(), Level::new(2).unwrap());

    // Version 2 drops question b2 and theme beta's id stays; an unknown target theme stays too.
    let without = small_version("2.0.0", |v| {
        let qs = v["themes"][1]["questions"].as_array_mut().unwrap();
        qs.retain(|q| q["id"] != "b2");
    });
    a.reconcile(&without);
    assert!(!a.answers.contains_key("b2"));
    assert_eq!(a.set_aside.len(), 1);
    assert_eq!(a.set_aside[0].question_id, "b2");
    assert_eq!(a.set_aside[0].answer.note, "Seen at the March board");
    assert_eq!(a.targets.len(), 2, "targets are never deleted");

    // Reconciling again changes nothing (no duplicate set-aside entries).
    let before = a.clone();
    a.reconcile(&without);
    assert_eq!(a, before);

    // Version 3 asks b2 again: the answer and its note come back.
    a.reconcile(&small());
    assert_eq!(a.rating("b2"), Some(level(4)));
    assert_eq!(a.answers["b2"].note, "Seen at the March board");
    assert!(a.set_aside.is_empty());
}

#[test]
fn a_split_question_carries_its_answer_to_each_successor() {
    let split = small_version("2.0.0", |v| {
        let q = v["themes"][0]["questions"][0].clone();
        let mut one = q.clone();
        one["id"] = json!("a1-plan");
        let mut two = q;
        two["id"] = json!("a1-review");
        let qs = v["themes"][0]["questions"].as_array_mut().unwrap();
        qs[0] = one;
        qs.push(two);
        v["quickCheck"] = json!(["a1-plan", "b1"]);
        v["carryOver"] = json!([{"from": "a1", "to": ["a1-plan", "a1-review"]}]);
    });
    let fw = small();
    let mut a = Assessment::new("x".into(), &fw, AssessmentKind::Full, "t");
    a.set_rating("a1", level(3), "t");
    a.reconcile(&split);
    assert_eq!(a.rating("a1-plan"), Some(level(3)));
    assert_eq!(a.rating("a1-review"), Some(level(3)));
    // The original stays visible among the set-aside answers.
    assert_eq!(a.set_aside[0].question_id, "a1");
}

#[test]
fn a_framework_changed_back_and_forth_never_replaces_the_users_own_answers_with_a_carried_one() {
    let split = small_version("2.0.0", |v| {
        let q = v["themes"][0]["questions"][0].clone();
        let mut one = q.clone();
        one["id"] = json!("a1-plan");
        let mut two = q;
        two["id"] = json!("a1-review");
        let qs = v["themes"][0]["questions"].as_array_mut().unwrap();
        qs[0] = one;
        qs.push(two);
        v["quickCheck"] = json!(["a1-plan", "b1"]);
        v["carryOver"] = json!([{"from": "a1", "to": ["a1-plan", "a1-review"]}]);
    });
    let older = small();
    let mut a = Assessment::new("x".into(), &older, AssessmentKind::Full, "t");
    a.set_rating("a1", level(2), "t");
    a.reconcile(&split);
    // The user answers the successors themselves.
    a.set_rating("a1-plan", level(5), "t");
    a.set_note("a1-plan", "Plans signed off in May", "t");
    a.set_rating("a1-review", level(4), "t");
    // An older file is served for a while, then the newer one again.
    a.reconcile(&older);
    assert_eq!(
        a.rating("a1"),
        Some(level(2)),
        "the older question gets its answer back"
    );
    a.reconcile(&split);
    assert_eq!(a.rating("a1-plan"), Some(level(5)));
    assert_eq!(a.answers["a1-plan"].note, "Plans signed off in May");
    assert_eq!(a.rating("a1-review"), Some(level(4)));
}

#[test]
fn merged_questions_take_the_first_answered_predecessor_and_keep_the_rest_aside() {
    let merged = small_version("2.0.0", |v| {
        let qs = v["themes"][0]["questions"].as_array_mut().unwrap();
        qs.remove(1);
        qs[0]["id"] = json!("a-merged");
        qs[0]["formerIds"] = json!(["a2", "a1"]);
        v["quickCheck"] = json!(["a-merged", "b1"]);
    });
    let fw = small();
    let mut a = Assessment::new("x".into(), &fw, AssessmentKind::Full, "t");
    a.set_rating("a1", level(5), "t");
    a.set_rating("a2", level(2), "t");
    a.reconcile(&merged);
    assert_eq!(a.rating("a-merged"), Some(level(2)), "a2 is listed first");
    assert_eq!(a.set_aside.len(), 1);
    assert_eq!(a.set_aside[0].question_id, "a1");
}

#[test]
fn reconciling_one_assessment_leaves_a_copy_of_another_untouched() {
    let fw = small();
    let renamed = small_version("2.0.0", |v| {
        v["themes"][0]["questions"][1]["id"] = json!("a2-new");
        v["themes"][0]["questions"][1]["formerIds"] = json!(["a2"]);
    });
    let mut data = SavedData::default();
    for id in ["edited", "other"] {
        let mut a = Assessment::new(id.into(), &fw, AssessmentKind::Full, "t");
        a.set_rating("a2", level(3), "t");
        data.upsert(a);
    }
    let other_before = serde_json::to_string(data.get("other").unwrap()).unwrap();
    data.get_mut("edited").unwrap().reconcile(&renamed);
    assert_eq!(data.get("edited").unwrap().rating("a2-new"), Some(level(3)));
    assert_eq!(
        serde_json::to_string(data.get("other").unwrap()).unwrap(),
        other_before
    );
    // Reading the other one through a reconciled copy does not change it either.
    let copy = data.get("other").unwrap().reconciled(&renamed);
    assert_eq!(copy.rating("a2-new"), Some(level(3)));
    assert_eq!(
        serde_json::to_string(data.get("other").unwrap()).unwrap(),
        other_before
    );
}
