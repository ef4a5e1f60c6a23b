//! Two tabs on one assessment: whatever order their commands, saves, delayed notes and storage
//! events come in, every field ends up as the newer of the two tabs' edits, and nothing either
//! tab did is lost. The tabs below follow the app's own rules (`Saved`): a write goes ahead only
//! if storage still holds what the tab last saw; otherwise the tab's changes are laid over what
//! storage holds now, and written again.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use cm_maturity::domain::assessment::{Field, PlanStep, Status};
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
    Plan(usize, bool),
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
        (0..4usize, any::<bool>()).prop_map(|(q, d)| Op::Plan(q, d)),
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
        "plan" => format!("{:?}", a.plan.get(id)),
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
            let mut edited = None;
            {
                let a = tab.data.get_mut("shared").unwrap();
                match op {
                    Op::Rating(q, l) => {
                        a.set_rating(&questions[*q], Rating::Level(Level::new(*l).unwrap()), &now);
                        edited = Some(Field::Rating(&questions[*q]).key());
                    }
                    Op::Note(q, n) => {
                        let text = if *n == 0 { String::new() } else { format!("note {n} at {now}") };
                        a.set_note(&questions[*q], &text, &now);
                        edited = Some(Field::Note(&questions[*q]).key());
                    }
                    Op::Target(t, l) => {
                        a.set_target(&themes[*t % themes.len()], l.and_then(Level::new), &now);
                        edited = Some(Field::Target(&themes[*t % themes.len()]).key());
                    }
                    Op::Plan(q, done) => {
                        let step = PlanStep {
                            due: Some("2027-01-01".into()),
                            status: if *done { Status::Done } else { Status::InProgress },
                            owner: format!("owner at {now}"),
                            accepted: true,
                            ..PlanStep::default()
                        };
                        a.set_plan_step(&questions[*q], step, &now);
                        edited = Some(Field::Plan(&questions[*q]).key());
                    }
                    Op::Rename(n) => {
                        a.rename(&format!("name {n}"), &now);
                        edited = Some(Field::Name.key());
                    }
                    Op::Flush | Op::Event => {}
                }
            }
            if let Some(field) = edited {
                let shown = value(tab.data.get("shared").unwrap(), &field);
                newest.insert(field, shown);
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
