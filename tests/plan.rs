//! Plans: a learner's development plan (one item per question below the chosen expectation, its
//! date and tick kept with the assessment, its CSV) and a council's improvement plan (actions
//! taken from the roadmap with owners, dates and statuses; colours worked out at their
//! boundaries; carried to a reassessment; its calendar file and CSV).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::assessment::{PlanStep, Status};
use cm_maturity::domain::calendar::calendar;
use cm_maturity::domain::plan::{
    accept, council_plan, council_plan_csv, development_plan, owners, plan_csv, plan_events, rag,
    take_on, CouncilPlanWords, PlanFilter, PlanWords, Rag, RagCounts,
};
use cm_maturity::domain::roadmap::targets_from_benchmark;
use cm_maturity::domain::saved::{load, SavedData};
use cm_maturity::domain::{Level, Rating};
use common::{all_at, council, learner, learner_benchmarks};

const WORDS: PlanWords = PlanWords {
    headers: [
        "Theme",
        "Question",
        "Level now",
        "Next level",
        "Action",
        "Target date",
        "Done",
    ],
    find_out: "Find out",
    done: "Done",
    not_done: "Not yet",
};

#[test]
fn the_plan_has_the_next_rung_of_every_question_below_the_expectation() {
    let fw = learner();
    let file = learner_benchmarks();
    let practitioner = targets_from_benchmark(&fw, file.get("practitioner").unwrap());
    let foundation = targets_from_benchmark(&fw, file.get("foundation").unwrap());
    let mut a = all_at(&fw, "l-1", "2026-11-01T09:00:00Z", 3);
    let first = fw.questions().next().unwrap().1.id.clone();
    a.set_rating(&first, Rating::DontKnow, "2026-11-01T09:00:00Z");

    // At Foundation (3) already: only the "Don't know" needs a step.
    let plan = development_plan(&fw, &a, &foundation);
    assert_eq!(plan.len(), 1);
    assert_eq!(
        (plan[0].question_id.as_str(), plan[0].from, plan[0].to),
        (first.as_str(), None, None)
    );

    // Against Practitioner (4): every other question climbs from 3 to 4, with the action written for level 3.
    let plan = development_plan(&fw, &a, &practitioner);
    assert_eq!(plan.len(), fw.questions().count());
    for item in plan.iter().filter(|i| i.question_id != first) {
        assert_eq!((item.from, item.to), (Level::new(3), Level::new(4)));
        let q = fw.question(&item.question_id).unwrap();
        assert_eq!(item.action, q.levels[2].action, "{}", q.id);
    }
}

#[test]
fn dates_and_ticks_are_kept_with_the_assessment_and_survive_saving() {
    let fw = learner();
    let targets = targets_from_benchmark(&fw, learner_benchmarks().get("practitioner").unwrap());
    let mut a = all_at(&fw, "l-2", "2026-11-01T09:00:00Z", 2);
    let q = fw.questions().nth(2).unwrap().1.id.clone();
    a.plan.insert(
        q.clone(),
        PlanStep {
            due: Some("2027-03-31".into()),
            status: Status::Done,
            ..PlanStep::default()
        },
    );
    let mut data = SavedData::default();
    data.assessments.push(a);
    let again = load(&data.to_json()).unwrap().data;
    let plan = development_plan(&fw, &again.assessments[0], &targets);
    let item = plan.iter().find(|i| i.question_id == q).unwrap();
    assert_eq!(
        item.step,
        PlanStep {
            due: Some("2027-03-31".into()),
            status: Status::Done,
            ..PlanStep::default()
        }
    );

    let csv = plan_csv(&fw, &plan, &WORDS);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Theme,Question,Level now,Next level,Action,Target date,Done"
    );
    assert_eq!(lines.len(), plan.len() + 1);
    let row = lines.iter().find(|l| l.contains("2027-03-31")).unwrap();
    assert!(row.ends_with(",2027-03-31,Done"), "{row}");
    assert!(row.contains(&format!("2 {}", fw.level_name(Level::new(2).unwrap()))));
}

#[test]
fn a_saved_done_tick_from_schema_4_reads_as_done() {
    let fw = learner();
    let q = fw.questions().next().unwrap().1.id.clone();
    let raw = format!(
        r#"{{"schemaVersion":4,"assessments":[{{"id":"a","frameworkId":"{}","frameworkVersion":"{}","kind":"full","created":"2026-11-01T09:00:00Z","updated":"2026-11-01T09:00:00Z","plan":{{"{q}":{{"due":"2027-01-31","done":true}},"other":{{"due":"2027-02-01","done":false}}}}}}]}}"#,
        fw.id, fw.version
    );
    let loaded = load(&raw).unwrap();
    assert_eq!(loaded.migrated_from, Some(4));
    let plan = &loaded.data.assessments[0].plan;
    assert_eq!(plan[&q].status, Status::Done);
    assert_eq!(plan[&q].due.as_deref(), Some("2027-01-31"));
    assert_eq!(plan["other"].status, Status::NotStarted);
}

fn step(due: Option<&str>, status: Status) -> PlanStep {
    PlanStep {
        due: due.map(str::to_string),
        status,
        accepted: true,
        ..PlanStep::default()
    }
}

#[test]
fn colours_are_worked_out_at_their_boundaries() {
    let today = "2026-12-04T10:00:00Z";
    let cases = [
        (Some("2026-12-03"), Status::NotStarted, Some(Rag::Red)),
        (Some("2026-12-03"), Status::InProgress, Some(Rag::Red)),
        (Some("2026-12-03"), Status::Done, Some(Rag::Green)),
        (Some("2026-12-04"), Status::NotStarted, Some(Rag::Amber)),
        (Some("2027-01-03"), Status::InProgress, Some(Rag::Amber)),
        (Some("2027-01-04"), Status::InProgress, Some(Rag::Green)),
        (Some("2028-01-01"), Status::Blocked, Some(Rag::Red)),
        (None, Status::Blocked, Some(Rag::Red)),
        (None, Status::Done, Some(Rag::Green)),
        (None, Status::InProgress, None),
        (Some("not a date"), Status::NotStarted, None),
    ];
    for (due, status, want) in cases {
        assert_eq!(rag(&step(due, status), today), want, "{due:?} {status:?}");
    }
}

/// A council assessment at level 2 everywhere, against the cohort median (above 2 on every
/// theme), so the roadmap has a step for every question.
fn council_case() -> (
    cm_maturity::domain::Framework,
    cm_maturity::domain::Assessment,
    cm_maturity::domain::roadmap::Targets,
) {
    let fw = council();
    let targets: cm_maturity::domain::roadmap::Targets =
        fw.themes.iter().map(|t| (t.id.clone(), 4.0)).collect();
    let a = all_at(&fw, "c-1", "2026-11-01T09:00:00Z", 2);
    (fw, a, targets)
}

#[test]
fn the_plan_follows_the_roadmap_and_keeps_what_a_council_took_on() {
    let (fw, mut a, targets) = council_case();
    let plan = council_plan(&fw, &a, &targets);
    assert!(plan.actions.is_empty());
    assert_eq!(plan.proposals.len(), fw.questions().count());

    // Take on three, with dates out of order; the plan lists them soonest first, undated last.
    let picks: Vec<_> = plan.proposals.iter().take(3).cloned().collect();
    let dates = [Some("2027-06-30"), None, Some("2027-01-31")];
    for (item, due) in picks.iter().zip(dates) {
        let mut s = accept(item);
        assert_eq!(s.aim, Level::new(3));
        s.due = due.map(str::to_string);
        s.owner = "Head of Procurement".into();
        a.set_plan_step(&item.question_id, s, "2026-11-02T09:00:00Z");
    }
    let plan = council_plan(&fw, &a, &targets);
    assert_eq!(plan.actions.len(), 3);
    assert_eq!(plan.proposals.len(), fw.questions().count() - 3);
    let order: Vec<_> = plan.actions.iter().map(|i| i.step.due.as_deref()).collect();
    assert_eq!(order, [Some("2027-01-31"), Some("2027-06-30"), None]);
    for item in &plan.actions {
        let roadmap_item = development_plan(&fw, &a, &targets)
            .into_iter()
            .find(|i| i.question_id == item.question_id)
            .unwrap();
        assert_eq!(
            item.action, roadmap_item.action,
            "the plan says what the roadmap says"
        );
    }
    assert_eq!(
        plan.counts("2027-01-10"),
        RagCounts {
            red: 0,
            amber: 1,
            green: 1,
            undated: 1
        }
    );
    assert_eq!(plan.most_overdue("2027-07-01", 3).len(), 2);
    assert_eq!(
        plan.most_overdue("2027-07-01", 3)[0].step.due.as_deref(),
        Some("2027-01-31"),
        "longest overdue first"
    );

    // Saving and loading keeps every field.
    let mut data = SavedData::default();
    data.assessments.push(a.clone());
    let again = load(&data.to_json()).unwrap().data;
    assert_eq!(again.assessments[0].plan, a.plan);
}

#[test]
fn a_reassessment_carries_open_actions_and_shows_those_reached() {
    let (fw, mut a, targets) = council_case();
    let proposals = council_plan(&fw, &a, &targets).proposals;
    let (reached, open, done) = (&proposals[0], &proposals[1], &proposals[2]);
    for (item, status) in [
        (reached, Status::InProgress),
        (open, Status::Blocked),
        (done, Status::Done),
    ] {
        let mut s = accept(item);
        s.status = status;
        s.due = Some("2027-03-31".into());
        a.set_plan_step(&item.question_id, s, "2026-11-02T09:00:00Z");
    }
    let mut next = a.reassess_from("c-2".into(), &fw, "2027-11-01T09:00:00Z");
    assert!(
        next.plan.values().all(|s| s.carried),
        "carried steps are marked"
    );
    assert!(
        !next.plan.contains_key(&done.question_id),
        "a done action stays with its assessment"
    );
    assert_eq!(next.plan.len(), 2);

    // The council now answers level 3 where it aimed at 3.
    next.set_rating(
        &reached.question_id,
        Rating::Level(Level::new(3).unwrap()),
        "2027-11-02T09:00:00Z",
    );
    let plan = council_plan(&fw, &next, &targets);
    assert_eq!(plan.achieved.len(), 1);
    assert_eq!(plan.achieved[0].question_id, reached.question_id);
    assert!(plan.achieved[0].step.carried);
    let open_ids: Vec<_> = plan
        .actions
        .iter()
        .map(|i| i.question_id.as_str())
        .collect();
    assert_eq!(open_ids, [open.question_id.as_str()]);
    // Its next rung (3 to 4) is offered afresh.
    let again = plan
        .proposals
        .iter()
        .find(|p| p.question_id == reached.question_id)
        .unwrap();
    assert_eq!((again.from, again.to), (Level::new(3), Level::new(4)));
    assert!(!again.step.accepted);

    // Taking the next rung on keeps the record of the one reached.
    let mut onward = next.clone();
    let q = &reached.question_id;
    let rating = onward.answers.get(q).and_then(|x| x.rating);
    let s = take_on(again, &onward.plan[q], rating);
    onward.set_plan_step(q, s, "2027-11-03T09:00:00Z");
    let plan = council_plan(&fw, &onward, &targets);
    assert_eq!(plan.achieved.len(), 1, "the rung reached is still achieved");
    assert_eq!(plan.achieved[0].to, Level::new(3));
    assert_eq!(plan.achieved[0].step.due.as_deref(), Some("2027-03-31"));
    let taken: Vec<_> = plan
        .actions
        .iter()
        .filter(|i| &i.question_id == q)
        .collect();
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].to, Level::new(4));
    assert!(taken[0].step.due.is_none(), "the next rung starts afresh");
    // Taken off and on again, the same rung keeps what it had, and the record stays.
    let mut s = onward.plan[q].clone();
    s.owner = "Head of Legal".into();
    s.accepted = false;
    onward.set_plan_step(q, s, "2027-11-04T09:00:00Z");
    let s = take_on(again, &onward.plan[q], rating);
    assert_eq!(
        (s.owner.as_str(), s.accepted, s.earlier.len()),
        ("Head of Legal", true, 1)
    );
    // The next reassessment carries the open rung, not the record of the one reached here.
    onward.set_plan_step(q, s, "2027-11-05T09:00:00Z");
    let later = onward.reassess_from("c-3".into(), &fw, "2028-11-01T09:00:00Z");
    assert!(later.plan[q].earlier.is_empty());
    assert!(council_plan(&fw, &later, &targets)
        .achieved
        .iter()
        .all(|i| &i.question_id != q));

    // A question the framework dropped: its carried action is dropped too, never shown blank.
    let mut gone = next.clone();
    let mut s = gone.plan[&open.question_id].clone();
    s.carried = true;
    gone.plan.insert("no-such-question".into(), s);
    let plan = council_plan(&fw, &gone, &targets);
    assert!(plan
        .actions
        .iter()
        .all(|i| i.question_id != "no-such-question"));

    // A lower target leaves an open action in the plan until its rung is reached.
    let lower: cm_maturity::domain::roadmap::Targets =
        fw.themes.iter().map(|t| (t.id.clone(), 1.0)).collect();
    let plan = council_plan(&fw, &next, &lower);
    assert!(plan.proposals.is_empty());
    assert_eq!(plan.actions.len(), 1);
    assert_eq!(plan.actions[0].to, Level::new(3));
    assert!(!plan.actions[0].action.is_empty());
}

#[test]
fn the_calendar_file_has_one_event_per_open_dated_action_and_escapes_a_hostile_owner() {
    let (fw, mut a, targets) = council_case();
    let proposals = council_plan(&fw, &a, &targets).proposals;
    let hostile = "Smith, J; Head\\of \"Procurement\"\r\nBEGIN:VEVENT\r\nSUMMARY:pwned";
    for (item, due, status) in [
        (&proposals[0], Some("2027-03-31"), Status::InProgress),
        (&proposals[1], Some("2027-02-28"), Status::Done),
        (&proposals[2], None, Status::NotStarted),
    ] {
        let mut s = accept(item);
        s.due = due.map(str::to_string);
        s.status = status;
        s.owner = hostile.into();
        a.set_plan_step(&item.question_id, s, "2026-11-02T09:00:00Z");
    }
    let plan = council_plan(&fw, &a, &targets);
    let mut events = plan_events(&fw.id, &plan.actions, |i| {
        (
            format!("Due: {}", i.question_id),
            format!("Owner: {}", i.step.owner),
        )
    });
    assert_eq!(events.len(), 1, "done and undated actions make no event");
    // The same action after a reassessment keeps its event's id, so a calendar updates it.
    let next = a.reassess_from("c-2".into(), &fw, "2027-11-01T09:00:00Z");
    let carried = council_plan(&fw, &next, &targets);
    let again = plan_events(&fw.id, &carried.actions, |_| (String::new(), String::new()));
    assert_eq!(again[0].uid, events[0].uid);
    assert_eq!(
        events[0].uid,
        format!(
            "{}-{}-level-3@cm-self-assessment",
            fw.id, proposals[0].question_id
        )
    );
    events.push(cm_maturity::domain::calendar::CalendarEvent {
        uid: "c-1-reassess@cm-self-assessment".into(),
        date: "2027-11-01".into(),
        summary: "Reassess".into(),
        description: String::new(),
    });
    let ics = calendar(&events, "2026-12-04T19:00:00Z");
    let parsed = common::ical::parse(&ics).expect("a valid calendar");
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[0]["DTSTART;VALUE=DATE"], "20270331");
    assert_eq!(parsed[0]["DTEND;VALUE=DATE"], "20270401");
    assert_eq!(
        parsed[0]["DESCRIPTION"],
        format!("Owner: {}", hostile.replace("\r\n", "\n"))
    );
    assert_eq!(parsed[1]["DTSTART;VALUE=DATE"], "20271101");
    let starts = ics.replace("\r\n ", "");
    let starts = starts
        .split("\r\n")
        .filter(|l| *l == "BEGIN:VEVENT")
        .count();
    assert_eq!(starts, 2, "the owner's name cannot start an event");
}

#[test]
fn the_council_plan_csv_has_owner_date_status_and_colour() {
    let (fw, mut a, targets) = council_case();
    let item = council_plan(&fw, &a, &targets).proposals[0].clone();
    let mut s = accept(&item);
    s.owner = "=HYPERLINK(\"x\")".into();
    s.due = Some("2026-12-01".into());
    s.status = Status::InProgress;
    s.note = "Waiting, for the new, template".into();
    a.set_plan_step(&item.question_id, s, "2026-11-02T09:00:00Z");
    let plan = council_plan(&fw, &a, &targets);
    let words = CouncilPlanWords {
        headers: [
            "Theme",
            "Question",
            "Level now",
            "Next level",
            "Action",
            "Owner",
            "Due",
            "Status",
            "Colour",
            "Note",
        ],
        find_out: "Find out",
        statuses: ["Not started", "In progress", "Done", "Blocked"],
        colours: ["Red", "Amber", "Green"],
        undated: "No date",
    };
    let csv = council_plan_csv(&fw, &plan.actions, &words, "2026-12-04");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Theme,Question,Level now,Next level,Action,Owner,Due,Status,Colour,Note"
    );
    assert_eq!(lines.len(), 2);
    assert!(lines[1].contains(",\"'=HYPERLINK(\"\"x\"\")\",2026-12-01,In progress,Red,\"Waiting, for the new, template\""), "{}", lines[1]);
}

#[test]
fn filters_keep_the_actions_of_one_theme_status_or_owner() {
    let (fw, mut a, targets) = council_case();
    let proposals = council_plan(&fw, &a, &targets).proposals;
    let owners_typed = ["Head of Procurement", " head of procurement ", "Finance"];
    for (i, owner) in owners_typed.iter().enumerate() {
        let mut s = accept(&proposals[i]);
        s.owner = owner.to_string();
        s.status = if i == 2 {
            Status::Blocked
        } else {
            Status::InProgress
        };
        a.set_plan_step(&proposals[i].question_id, s, "2026-11-02T09:00:00Z");
    }
    let plan = council_plan(&fw, &a, &targets);
    assert_eq!(owners(&plan.actions), ["Head of Procurement", "Finance"]);
    let count = |f: PlanFilter| plan.actions.iter().filter(|i| f.keeps(i)).count();
    assert_eq!(count(PlanFilter::default()), 3);
    assert_eq!(
        count(PlanFilter {
            owner: Some("HEAD OF PROCUREMENT".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(PlanFilter {
            status: Some(Status::Blocked),
            ..Default::default()
        }),
        1
    );
    let theme = plan.actions[0].theme_id.clone();
    let in_theme = plan.actions.iter().filter(|i| i.theme_id == theme).count();
    assert_eq!(
        count(PlanFilter {
            theme: Some(theme),
            ..Default::default()
        }),
        in_theme
    );
    assert_eq!(
        count(PlanFilter {
            status: Some(Status::Done),
            owner: Some("Finance".into()),
            ..Default::default()
        }),
        0
    );
}

#[test]
fn a_step_already_reached_is_not_carried_to_the_next_assessment() {
    let (fw, mut a, targets) = council_case();
    let item = council_plan(&fw, &a, &targets).proposals[0].clone();
    let mut s = accept(&item);
    s.status = Status::InProgress;
    a.set_plan_step(&item.question_id, s, "2026-11-02T09:00:00Z");
    a.set_rating(
        &item.question_id,
        Rating::Level(Level::new(3).unwrap()),
        "2026-11-03T09:00:00Z",
    );
    let next = a.reassess_from("c-2".into(), &fw, "2027-11-01T09:00:00Z");
    assert!(
        next.plan.is_empty(),
        "reached in the assessment before: achieved there, not carried"
    );
}

#[test]
fn an_unreadable_due_date_sorts_last_not_first() {
    let (fw, mut a, targets) = council_case();
    let proposals = council_plan(&fw, &a, &targets).proposals;
    for (item, due) in proposals.iter().zip(["soon", "2027-01-31"]) {
        let mut s = accept(item);
        s.due = Some(due.into());
        a.set_plan_step(&item.question_id, s, "2026-11-02T09:00:00Z");
    }
    let plan = council_plan(&fw, &a, &targets);
    let order: Vec<_> = plan
        .actions
        .iter()
        .map(|i| i.step.due.as_deref().unwrap())
        .collect();
    assert_eq!(order, ["2027-01-31", "soon"]);
}

/// A rung reached and then lost (the council answers lower later): the plan no longer shows it
/// achieved, and taking that rung on again does not keep a stale record of it.
#[test]
fn a_rung_reached_then_lost_is_neither_shown_achieved_nor_kept() {
    let (fw, mut a, targets) = council_case();
    let item = council_plan(&fw, &a, &targets).proposals[0].clone();
    let q = item.question_id.clone();
    let to = item.to.unwrap();
    a.set_plan_step(&q, accept(&item), "2026-11-02T09:00:00Z");
    a.set_rating(&q, Rating::Level(to), "2026-11-03T09:00:00Z");
    let next = council_plan(&fw, &a, &targets)
        .proposals
        .into_iter()
        .find(|p| p.question_id == q)
        .unwrap();
    let s = take_on(&next, &a.plan[&q], a.rating(&q));
    assert_eq!(s.earlier.len(), 1);
    a.set_plan_step(&q, s, "2026-11-04T09:00:00Z");
    // Later the council finds it is one rung lower.
    let lower = to.previous().unwrap();
    a.set_rating(&q, Rating::Level(lower), "2026-11-05T09:00:00Z");
    let plan = council_plan(&fw, &a, &targets);
    assert!(
        plan.achieved.iter().all(|i| i.question_id != q),
        "a rung the rating no longer reaches is not achieved"
    );
    // Its own rung offered again and taken on: the record of reaching it is not carried.
    let again = plan
        .proposals
        .iter()
        .chain(&plan.actions)
        .find(|p| p.question_id == q && p.to == Some(to))
        .expect("the lost rung is offered again")
        .clone();
    let s = take_on(&again, &a.plan[&q], a.rating(&q));
    assert!(
        s.earlier.iter().all(|e| e.aim < Some(to)),
        "no record of a rung at or above the one taken on: {:?}",
        s.earlier
    );
}
