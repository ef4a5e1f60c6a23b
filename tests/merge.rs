//! Two tabs on one assessment: whatever order their commands, saves, delayed notes and storage
//! events come in, every field ends up as the newer of the two tabs' edits, and nothing either
//! tab did is lost. The tabs below follow the app's own rules (`Saved`): a write goes ahead only
//! if storage still holds what the tab last saw; otherwise the tab's changes are laid over what
//! storage holds now, and written again.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use cm_maturity::domain::assessment::{Field, PlanPart, PlanStep, Status};
use cm_maturity::domain::saved::{self, write_over, Changes, SavedData};
use cm_maturity::domain::{Assessment, AssessmentKind, Level, Rating};
use common::{cases, small};
use proptest::prelude::*;

/// One browser tab: its copy of the data, what it last saw in storage, what it changed since,
/// and whether a note is waiting to be written.
#[derive(Clone)]
struct Tab {
    data: SavedData,
    seen: Option<String>,
    changes: Changes,
    waiting: bool,
}

impl Tab {
    fn open(storage: &Option<String>) -> Tab {
        let data = storage
            .as_deref()
            .map(|raw| saved::load(raw).unwrap().data)
            .unwrap_or_default();
        Tab {
            data,
            seen: storage.clone(),
            changes: Changes::default(),
            waiting: false,
        }
    }

    /// Saving, as `Saved::persist` does it.
    fn persist(&mut self, storage: &mut Option<String>) {
        loop {
            if *storage == self.seen {
                let json = self.data.to_json();
                *storage = Some(json.clone());
                self.seen = Some(json);
                self.changes = Changes::default();
                self.waiting = false;
                return;
            }
            // Another tab wrote: take its data in, with this tab's changes laid over it.
            self.data = write_over(storage.as_deref(), &self.data, &self.changes).unwrap();
            self.seen = storage.clone();
        }
    }

    /// A storage event: another tab's save arrives (the handler only reads).
    fn take_in(&mut self, storage: &Option<String>) {
        self.data = write_over(storage.as_deref(), &self.data, &self.changes).unwrap();
        self.seen = storage.clone();
    }
}

#[derive(Debug, Clone)]
enum Op {
    Rating(usize, u8),
    /// Notes wait before they are saved.
    Note(usize, u8),
    Target(usize, Option<u8>),
    /// One part of a step: its status, owner or due date (by the second number), to a value
    /// (by the third).
    Plan(usize, u8, u8),
    Rename(u8),
    /// The note's timer fires (or the page is hidden).
    Flush,
    /// The other tab's save reaches this tab.
    Event,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..4usize, 1..=5u8).prop_map(|(q, l)| Op::Rating(q, l)),
        (0..4usize, 0..3u8).prop_map(|(q, n)| Op::Note(q, n)),
        (0..2usize, proptest::option::of(1..=5u8)).prop_map(|(t, l)| Op::Target(t, l)),
        (0..4usize, 0..3u8, 0..4u8).prop_map(|(q, part, n)| Op::Plan(q, part, n)),
        (0..3u8).prop_map(Op::Rename),
        Just(Op::Flush),
        Just(Op::Event),
    ]
}

/// The value a field holds, to compare with the newest edit made to it.
fn value(a: &Assessment, field: &str) -> String {
    let (kind, id) = field.split_once(':').unwrap_or((field, ""));
    match kind {
        "rating" => format!("{:?}", a.answers.get(id).and_then(|x| x.rating)),
        "note" => a
            .answers
            .get(id)
            .map(|x| x.note.clone())
            .unwrap_or_default(),
        "target" => format!("{:?}", a.targets.get(id)),
        part if part.starts_with("plan.") => {
            let step = a.plan.get(id).cloned().unwrap_or_default();
            match &part["plan.".len()..] {
                "status" => format!("{:?}", step.status),
                "owner" => step.owner,
                "due" => format!("{:?}", step.due),
                "accepted" => step.accepted.to_string(),
                other => panic!("no test edits {other}"),
            }
        }
        _ => a.name.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_interleaving_of_two_tabs_keeps_every_newer_field(
        steps in proptest::collection::vec((0..2usize, op()), 1..40)
    ) {
        let fw = small();
        let questions: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).take(4).collect();
        let themes: Vec<String> = fw.themes.iter().map(|t| t.id.clone()).collect();
        let start = Assessment::new("shared".into(), &fw, AssessmentKind::Full, "2026-01-01T00:00:00.000Z");
        let mut storage = Some(SavedData { assessments: vec![start], ..SavedData::default() }.to_json());
        let mut tabs = [Tab::open(&storage), Tab::open(&storage)];
        // The newest edit of each field: (time, value as the tab holding it shows it).
        let mut newest: BTreeMap<String, String> = BTreeMap::new();
        for (clock, (who, op)) in steps.iter().enumerate() {
            let now = format!("2026-06-01T00:00:{:02}.{:03}Z", clock / 1000, clock % 1000);
            let tab = &mut tabs[*who];
            let mut edited = Vec::new();
            {
                let a = tab.data.get_mut("shared").unwrap();
                match op {
                    Op::Rating(q, l) => {
                        a.set_rating(&questions[*q], Rating::Level(Level::new(*l).unwrap()), &now);
                        edited = vec![Field::Rating(&questions[*q]).key()];
                    }
                    Op::Note(q, n) => {
                        let text = if *n == 0 { String::new() } else { format!("note {n} at {now}") };
                        a.set_note(&questions[*q], &text, &now);
                        edited = vec![Field::Note(&questions[*q]).key()];
                    }
                    Op::Target(t, l) => {
                        a.set_target(&themes[*t % themes.len()], l.and_then(Level::new), &now);
                        edited = vec![Field::Target(&themes[*t % themes.len()]).key()];
                    }
                    Op::Plan(q, part, n) => {
                        let before = a.plan.get(&questions[*q]).cloned().unwrap_or_default();
                        let mut step = PlanStep { accepted: true, ..before.clone() };
                        match part {
                            0 => step.status = Status::ALL[usize::from(*n)],
                            1 => step.owner = format!("owner {n} at {now}"),
                            _ => step.due = Some(format!("2027-01-0{}", n + 1)),
                        }
                        a.set_plan_step(&questions[*q], step.clone(), &now);
                        edited = PlanPart::ALL
                            .into_iter()
                            .filter(|p| p.differs(&before, &step))
                            .map(|p| Field::PlanPart(&questions[*q], p).key())
                            .collect();
                    }
                    Op::Rename(n) => {
                        a.rename(&format!("name {n}"), &now);
                        edited = vec![Field::Name.key()];
                    }
                    Op::Flush | Op::Event => {}
                }
            }
            for field in &edited {
                let shown = value(tab.data.get("shared").unwrap(), field);
                newest.insert(field.clone(), shown);
            }
            if !edited.is_empty() {
                tab.changes.changed("shared");
                match op {
                    Op::Note(..) => tab.waiting = true,
                    _ => tab.persist(&mut storage),
                }
            }
            match op {
                Op::Flush if tab.waiting => tab.persist(&mut storage),
                Op::Event => tab.take_in(&storage),
                _ => {}
            }
        }
        // Both tabs write what is waiting, then each takes in the other's last save.
        for tab in tabs.iter_mut().filter(|tab| tab.waiting) {
            tab.persist(&mut storage);
        }
        let stored = saved::load(storage.as_deref().unwrap()).unwrap().data;
        let a = stored.get("shared").unwrap();
        for (field, expected) in &newest {
            prop_assert_eq!(&value(a, field), expected, "field {} lost its newest edit", field);
        }
        for tab in &mut tabs {
            tab.take_in(&storage);
            prop_assert_eq!(tab.data.get("shared"), Some(a), "a tab shows what storage holds");
        }
    }
}

#[test]
fn a_note_typed_in_one_tab_and_an_answer_picked_in_another_are_both_kept() {
    let fw = small();
    let q: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).collect();
    let start = Assessment::new(
        "a".into(),
        &fw,
        AssessmentKind::Full,
        "2026-01-01T00:00:00.000Z",
    );
    let mut storage = Some(
        SavedData {
            assessments: vec![start],
            ..SavedData::default()
        }
        .to_json(),
    );
    let mut typing = Tab::open(&storage);
    let mut picking = Tab::open(&storage);
    // The note waits; meanwhile the other tab's answer is saved.
    typing.data.get_mut("a").unwrap().set_note(
        &q[0],
        "Approved in June",
        "2026-01-01T00:00:01.000Z",
    );
    typing.changes.changed("a");
    picking.data.get_mut("a").unwrap().set_rating(
        &q[1],
        Rating::Level(Level::new(3).unwrap()),
        "2026-01-01T00:00:02.000Z",
    );
    picking.changes.changed("a");
    picking.persist(&mut storage);
    typing.take_in(&storage);
    typing.persist(&mut storage);
    let a = saved::load(storage.as_deref().unwrap()).unwrap().data;
    let a = a.get("a").unwrap();
    assert_eq!(a.answers[&q[0]].note, "Approved in June");
    assert_eq!(
        a.answers[&q[1]].rating,
        Some(Rating::Level(Level::new(3).unwrap()))
    );
}

#[test]
fn data_this_build_cannot_read_is_never_written_over() {
    let newer = r#"{"schemaVersion": 99, "assessments": []}"#;
    assert!(write_over(Some(newer), &SavedData::default(), &Changes::default()).is_err());
}

/// A tab that brought the assessment back in line with a framework (restoring a set-aside answer)
/// keeps what it restored when its copy is laid over storage, though no answer's time changed.
#[test]
fn answers_restored_by_reconciling_survive_the_merge() {
    let shipped = common::council();
    let mut dropped = shipped.clone();
    dropped.version = "9.9.9".into();
    dropped.themes[1]
        .questions
        .retain(|q| q.id != "ppl-support");
    let mut a = Assessment::new(
        "a".into(),
        &shipped,
        AssessmentKind::Full,
        "2026-11-01T09:00:00Z",
    );
    a.set_rating("ppl-support", common::level(2), "2026-11-01T09:01:00Z");
    a.set_note(
        "ppl-support",
        "Helpdesk set up in May",
        "2026-11-01T09:02:00Z",
    );
    // Opened with the changed framework: the answer is set aside.
    a.reconcile_at(&dropped, "2026-11-02T09:00:00Z");
    assert!(!a.answers.contains_key("ppl-support"));
    let theirs = a.clone();
    // Opened again with the shipped one: the answer comes back, and this copy is saved.
    let mut ours = a;
    ours.reconcile_at(&shipped, "2026-11-03T09:00:00Z");
    assert_eq!(ours.rating("ppl-support"), Some(common::level(2)));
    let merged = Assessment::merged(&theirs, &ours);
    assert_eq!(merged.rating("ppl-support"), Some(common::level(2)));
    assert_eq!(merged.answers["ppl-support"].note, "Helpdesk set up in May");
    assert_eq!(merged.framework_version, shipped.version);
    // A newer edit in the other tab still wins over the restored answer.
    let mut edited = theirs.clone();
    edited.set_rating("ppl-support", common::level(4), "2026-11-04T09:00:00Z");
    assert_eq!(
        Assessment::merged(&edited, &ours).rating("ppl-support"),
        Some(common::level(4))
    );
}

/// An assessment "a" of the small framework, made at midnight on 1 January 2026, and the id of
/// the framework's first question (for the plan-step cases).
fn one_question_assessment() -> (String, Assessment) {
    let fw = small();
    let q = fw.questions().map(|(_, q)| q.id.clone()).next().unwrap();
    let a = Assessment::new(
        "a".into(),
        &fw,
        AssessmentKind::Full,
        "2026-01-01T00:00:00.000Z",
    );
    (q, a)
}

/// Two tabs on one plan step: an owner typed in one, the status changed in the other. Both are
/// kept, and so is the due date the first set before either.
#[test]
fn an_owner_set_in_one_tab_and_a_status_in_another_on_one_step_are_both_kept() {
    let (q, mut start) = one_question_assessment();
    let step = PlanStep {
        due: Some("2027-03-31".into()),
        accepted: true,
        ..PlanStep::default()
    };
    start.set_plan_step(&q, step.clone(), "2026-01-01T00:00:00.500Z");
    let mut storage = Some(
        SavedData {
            assessments: vec![start],
            ..SavedData::default()
        }
        .to_json(),
    );
    let mut owning = Tab::open(&storage);
    let mut updating = Tab::open(&storage);
    let owned = PlanStep {
        owner: "Head of Procurement".into(),
        ..step.clone()
    };
    owning
        .data
        .get_mut("a")
        .unwrap()
        .set_plan_step(&q, owned, "2026-01-01T00:00:01.000Z");
    owning.changes.changed("a");
    let started = PlanStep {
        status: Status::InProgress,
        ..step.clone()
    };
    updating
        .data
        .get_mut("a")
        .unwrap()
        .set_plan_step(&q, started, "2026-01-01T00:00:02.000Z");
    updating.changes.changed("a");
    updating.persist(&mut storage);
    owning.persist(&mut storage);
    let data = saved::load(storage.as_deref().unwrap()).unwrap().data;
    let kept = &data.get("a").unwrap().plan[&q];
    assert_eq!(kept.owner, "Head of Procurement");
    assert_eq!(kept.status, Status::InProgress);
    assert_eq!(kept.due.as_deref(), Some("2027-03-31"));
    assert!(kept.accepted);
}

/// Data saved before plan steps had a time per part (schema 5 stamped the whole step): the
/// step's time stands for each part's, so a later edit of one part wins that part only.
#[test]
fn a_step_stamped_whole_counts_that_time_for_each_part() {
    let (q, mut old) = one_question_assessment();
    old.plan.insert(
        q.clone(),
        PlanStep {
            owner: "Finance".into(),
            status: Status::Blocked,
            accepted: true,
            ..PlanStep::default()
        },
    );
    old.stamps
        .insert(Field::Plan(&q).key(), "2026-01-01T00:00:05.000Z".into());
    assert_eq!(
        old.plan_stamp(&q, PlanPart::Status),
        "2026-01-01T00:00:05.000Z"
    );
    let mut later = old.clone();
    let step = PlanStep {
        status: Status::InProgress,
        ..old.plan[&q].clone()
    };
    later.set_plan_step(&q, step, "2026-01-01T00:00:09.000Z");
    let mut earlier = old.clone();
    let step = PlanStep {
        owner: "Legal".into(),
        ..old.plan[&q].clone()
    };
    earlier.set_plan_step(&q, step, "2026-01-01T00:00:01.000Z");
    let merged = Assessment::merged(&later, &earlier);
    assert_eq!(merged.plan[&q].status, Status::InProgress);
    assert_eq!(
        merged.plan[&q].owner, "Finance",
        "an edit older than the step's time loses"
    );
}

/// One tab takes the next rung on (the step that was reached moves to `earlier`), while a tab
/// that has not seen this yet gives the old rung an owner. The old rung's owner must not land
/// on the new rung: the step comes whole from the copy that took the newer aim.
#[test]
fn a_stale_tab_s_edit_of_the_old_rung_does_not_land_on_the_new_one() {
    let (q, mut start) = one_question_assessment();
    let old_rung = PlanStep {
        accepted: true,
        aim: Some(Level::ALL[1]),
        status: Status::Done,
        ..PlanStep::default()
    };
    start.set_plan_step(&q, old_rung.clone(), "2026-01-01T00:00:00.500Z");
    let mut taking_on = start.clone();
    let new_rung = PlanStep {
        accepted: true,
        aim: Some(Level::ALL[2]),
        earlier: vec![old_rung.clone()],
        ..PlanStep::default()
    };
    taking_on.set_plan_step(&q, new_rung.clone(), "2026-01-01T00:00:01.000Z");
    let mut stale = start.clone();
    let owned = PlanStep {
        owner: "Head of Procurement".into(),
        ..old_rung.clone()
    };
    stale.set_plan_step(&q, owned, "2026-01-01T00:00:02.000Z");
    for merged in [
        Assessment::merged(&taking_on, &stale),
        Assessment::merged(&stale, &taking_on),
    ] {
        let step = &merged.plan[&q];
        assert_eq!(step.aim, Some(Level::ALL[2]));
        assert_eq!(step.owner, "", "the old rung's owner is not the new rung's");
        assert_eq!(step.status, Status::NotStarted);
        assert_eq!(step.earlier.len(), 1);
    }
}

/// A copy written by schema 5 (one time for the whole step) merged with one that has a time per
/// part: the merged copy records, for each part, the time of the edit it kept, so that a third
/// copy with an edit between the two times cannot win a part the newer edit already holds.
#[test]
fn a_merge_of_a_whole_step_time_and_part_times_keeps_the_newer_time_per_part() {
    let (q, mut base) = one_question_assessment();
    base.plan.insert(
        q.clone(),
        PlanStep {
            accepted: true,
            owner: "Finance".into(),
            ..PlanStep::default()
        },
    );
    base.stamps
        .insert(Field::Plan(&q).key(), "2026-01-01T00:00:01.000Z".into());
    // A tab of this build starts the step at 0:02 (a time for the status only)...
    let mut new_writer = base.clone();
    let started = PlanStep {
        status: Status::InProgress,
        ..base.plan[&q].clone()
    };
    new_writer.set_plan_step(&q, started, "2026-01-01T00:00:02.000Z");
    // ...and a tab of the build before writes the owner at 0:05, stamping the whole step.
    let mut old_writer = base.clone();
    old_writer.plan.get_mut(&q).unwrap().owner = "Legal".into();
    old_writer
        .stamps
        .insert(Field::Plan(&q).key(), "2026-01-01T00:00:05.000Z".into());
    let merged = Assessment::merged(&new_writer, &old_writer);
    assert_eq!(merged.plan[&q].owner, "Legal");
    assert_eq!(
        merged.plan_stamp(&q, PlanPart::Status),
        "2026-01-01T00:00:05.000Z",
        "the status kept is the whole step's, written at 0:05"
    );
    // A third copy set the status at 0:03: older than the kept one, so it loses.
    let mut third = base.clone();
    let blocked = PlanStep {
        status: Status::Blocked,
        ..base.plan[&q].clone()
    };
    third.set_plan_step(&q, blocked, "2026-01-01T00:00:03.000Z");
    let again = Assessment::merged(&merged, &third);
    assert_eq!(again.plan[&q].status, merged.plan[&q].status);
}

/// A rung taken on again after the tabs had moved off it (to the next rung and back, the rating
/// having fallen): an edit one tab made to that rung in the earlier round is older than the other
/// tab's taking it on afresh, so it does not come back, in either order.
#[test]
fn an_edit_from_an_earlier_round_of_the_same_rung_does_not_come_back() {
    let (q, mut base) = one_question_assessment();
    let rung = PlanStep {
        accepted: true,
        aim: Some(Level::ALL[0]),
        ..PlanStep::default()
    };
    base.set_plan_step(&q, rung.clone(), "2026-01-01T00:00:00.100Z");
    // A tab that gave the rung an owner in the first round, and saw nothing since.
    let mut stale = base.clone();
    let owned = PlanStep {
        owner: "Y".into(),
        ..rung.clone()
    };
    stale.set_plan_step(&q, owned, "2026-01-01T00:00:01.000Z");
    // Meanwhile the other tab moved to the next rung, then took this one on afresh.
    let mut fresh = base.clone();
    let next = PlanStep {
        aim: Some(Level::ALL[1]),
        ..rung.clone()
    };
    fresh.set_plan_step(&q, next, "2026-01-01T00:00:02.000Z");
    fresh.set_plan_step(&q, rung.clone(), "2026-01-01T00:00:04.000Z");
    for merged in [
        Assessment::merged(&fresh, &stale),
        Assessment::merged(&stale, &fresh),
    ] {
        assert_eq!(merged.plan[&q].aim, Some(Level::ALL[0]));
        assert_eq!(
            merged.plan[&q].owner, "",
            "the first round's owner stays in the first round"
        );
    }
}
