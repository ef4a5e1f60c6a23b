//! A learner's development plan: one item per question below the chosen expectation, its date
//! and tick kept with the assessment, and the plan's CSV.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::assessment::PlanStep;
use cm_maturity::domain::plan::{development_plan, plan_csv, PlanWords};
use cm_maturity::domain::roadmap::targets_from_benchmark;
use cm_maturity::domain::saved::{load, SavedData};
use cm_maturity::domain::{Level, Rating};
use common::{all_at, learner, learner_benchmarks};

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
            done: true,
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
            done: true
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
