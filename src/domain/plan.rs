//! A learner's personal development plan: the next rung of each question below the chosen
//! expectation, as an action with the learner's own target date and a done tick. Made from the
//! roadmap, so the two never disagree; the dates and ticks are kept with the assessment.

use super::assessment::{Assessment, PlanStep};
use super::exchange::write_row;
use super::framework::Framework;
use super::level::Level;
use super::roadmap::{build, Step, Targets};

#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    pub theme_id: String,
    pub question_id: String,
    /// The rung the learner is on now; `None` when they answered "Don't know".
    pub from: Option<Level>,
    /// The rung to reach (for "Don't know", finding out comes first).
    pub to: Option<Level>,
    pub action: String,
    pub step: PlanStep,
}

/// The plan, largest gaps first (as the roadmap orders them).
pub fn development_plan(
    framework: &Framework,
    assessment: &Assessment,
    targets: &Targets,
) -> Vec<PlanItem> {
    let roadmap = build(framework, assessment, targets);
    roadmap
        .themes
        .iter()
        .flat_map(|t| t.items.iter())
        .map(|item| {
            let (from, to, action) = match &item.step {
                Step::Climb { from, to, action } => (Some(*from), Some(*to), action.clone()),
                Step::FindEvidence => (None, None, String::new()),
            };
            PlanItem {
                theme_id: item.theme_id.clone(),
                question_id: item.question_id.clone(),
                from,
                to,
                action,
                step: assessment
                    .plan
                    .get(&item.question_id)
                    .cloned()
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Words for the plan's CSV, from the text module.
pub struct PlanWords<'a> {
    pub headers: [&'a str; 7],
    pub find_out: &'a str,
    pub done: &'a str,
    pub not_done: &'a str,
}

/// The plan as CSV: theme, question, the level now and next, the action, target date, done.
pub fn plan_csv(framework: &Framework, items: &[PlanItem], words: &PlanWords) -> String {
    let mut out = String::new();
    write_row(&mut out, &words.headers);
    for item in items {
        let theme = framework
            .theme(&item.theme_id)
            .map(|t| t.title.as_str())
            .unwrap_or_default();
        let question = framework
            .question(&item.question_id)
            .map(|q| q.title.as_str())
            .unwrap_or_default();
        let level = |l: Option<Level>| {
            l.map(|l| format!("{} {}", l.get(), framework.level_name(l)))
                .unwrap_or_default()
        };
        let action = if item.action.is_empty() {
            words.find_out
        } else {
            item.action.as_str()
        };
        write_row(
            &mut out,
            &[
                theme,
                question,
                &level(item.from),
                &level(item.to),
                action,
                item.step.due.as_deref().unwrap_or_default(),
                if item.step.done {
                    words.done
                } else {
                    words.not_done
                },
            ],
        );
    }
    out
}
