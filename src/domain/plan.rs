//! Plans made from the roadmap, so the two never disagree. A learner's development plan holds
//! every next rung below the chosen expectation, with a date and a done tick. A council's
//! improvement plan holds the roadmap's actions it took on, each with an owner, a date and a
//! status; how each looks to a board (red, amber, green) is worked out, never typed; a
//! reassessment carries the open actions across and shows those its answers reached.

use super::assessment::{Assessment, PlanStep, Rating, Status};
use super::calendar::CalendarEvent;
use super::dates::day_of;
use super::exchange::write_row;
use super::framework::Framework;
use super::level::Level;
use super::roadmap::{build, RoadmapItem, Step, Targets};

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
        .map(|item| PlanItem {
            step: assessment
                .plan
                .get(&item.question_id)
                .cloned()
                .unwrap_or_default(),
            ..PlanItem::from_roadmap(item)
        })
        .collect()
}

impl PlanItem {
    /// The titles of the item's theme and question (empty for one the framework lacks).
    pub fn titles(&self, framework: &Framework) -> (String, String) {
        let theme = framework
            .theme(&self.theme_id)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        let question = framework
            .question(&self.question_id)
            .map(|q| q.title.clone())
            .unwrap_or_default();
        (theme, question)
    }

    /// A roadmap action as a plan item with nothing yet kept for it.
    pub fn from_roadmap(item: &RoadmapItem) -> PlanItem {
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
            step: PlanStep::default(),
        }
    }
}

/// Words for the plan's CSV, from the text module.
pub struct PlanWords<'a> {
    pub headers: [&'a str; 7],
    pub find_out: &'a str,
    pub done: &'a str,
    pub not_done: &'a str,
}

/// The cells every plan table starts with (CSV, Word, Excel): theme, question, the level now and
/// next, the action.
pub fn row_start(framework: &Framework, item: &PlanItem, find_out: &str) -> [String; 5] {
    let (theme, question) = item.titles(framework);
    let level = |l: Option<Level>| {
        l.map(|l| format!("{} {}", l.get(), framework.level_name(l)))
            .unwrap_or_default()
    };
    let action = if item.action.is_empty() {
        find_out.to_string()
    } else {
        item.action.clone()
    };
    [theme, question, level(item.from), level(item.to), action]
}

/// The plan as CSV: theme, question, the level now and next, the action, target date, done.
pub fn plan_csv(framework: &Framework, items: &[PlanItem], words: &PlanWords) -> String {
    let mut out = String::new();
    write_row(&mut out, &words.headers);
    for item in items {
        let [theme, question, now, next, action] = row_start(framework, item, words.find_out);
        write_row(
            &mut out,
            &[
                &theme,
                &question,
                &now,
                &next,
                &action,
                item.step.due.as_deref().unwrap_or_default(),
                if item.step.done() {
                    words.done
                } else {
                    words.not_done
                },
            ],
        );
    }
    out
}

/// How an action looks to a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rag {
    Red,
    Amber,
    Green,
}

/// An open action due within this many days (today included) is amber.
pub const AMBER_DAYS: i64 = 30;

/// Green when done or due more than [`AMBER_DAYS`] ahead; amber when open and due within them;
/// red when blocked, or open past its date. An open action with no date has no colour: it can
/// be neither on track nor late until it has one.
pub fn rag(step: &PlanStep, today: &str) -> Option<Rag> {
    match step.status {
        Status::Done => return Some(Rag::Green),
        Status::Blocked => return Some(Rag::Red),
        Status::NotStarted | Status::InProgress => {}
    }
    let due = day_of(step.due.as_deref()?)?;
    let today = day_of(today)?;
    Some(if due < today {
        Rag::Red
    } else if due - today <= AMBER_DAYS {
        Rag::Amber
    } else {
        Rag::Green
    })
}

/// An action open past its date.
pub fn overdue(step: &PlanStep, today: &str) -> bool {
    !step.done()
        && matches!(
            (step.due.as_deref().and_then(day_of), day_of(today)),
            (Some(due), Some(today)) if due < today
        )
}

/// Which of a plan's actions to show: each choice left empty shows all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanFilter {
    pub theme: Option<String>,
    pub status: Option<Status>,
    /// Owners are matched as typed, ignoring case and the spaces around them.
    pub owner: Option<String>,
}

impl PlanFilter {
    pub fn keeps(&self, item: &PlanItem) -> bool {
        self.theme.as_ref().is_none_or(|t| *t == item.theme_id)
            && self.status.is_none_or(|s| s == item.step.status)
            && self
                .owner
                .as_ref()
                .is_none_or(|o| same_owner(o, &item.step.owner))
    }
}

fn same_owner(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The owners named in a plan, each once (as first typed), in the order they appear.
pub fn owners(actions: &[PlanItem]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in actions {
        let owner = a.step.owner.trim();
        if !owner.is_empty() && !out.iter().any(|o| same_owner(o, owner)) {
            out.push(owner.to_string());
        }
    }
    out
}

/// A council's improvement plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CouncilPlan {
    /// The actions taken on, soonest due first (undated last), then in the roadmap's order.
    pub actions: Vec<PlanItem>,
    /// Actions taken on whose rung the answers now reach, carried ones first.
    pub achieved: Vec<PlanItem>,
    /// The roadmap's actions not (or no longer) in the plan, to be taken on or left out.
    pub proposals: Vec<PlanItem>,
}

impl CouncilPlan {
    /// How many actions show each colour, and how many have none (open with no date).
    pub fn counts(&self, today: &str) -> RagCounts {
        let mut c = RagCounts::default();
        for a in &self.actions {
            match rag(&a.step, today) {
                Some(Rag::Red) => c.red += 1,
                Some(Rag::Amber) => c.amber += 1,
                Some(Rag::Green) => c.green += 1,
                None => c.undated += 1,
            }
        }
        c
    }

    /// The `n` actions longest past their dates.
    pub fn most_overdue(&self, today: &str, n: usize) -> Vec<&PlanItem> {
        let mut late: Vec<&PlanItem> = self
            .actions
            .iter()
            .filter(|a| overdue(&a.step, today))
            .collect();
        late.sort_by_key(|a| a.step.due.as_deref().and_then(day_of));
        late.truncate(n);
        late
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RagCounts {
    pub red: usize,
    pub amber: usize,
    pub green: usize,
    pub undated: usize,
}

/// The council's plan from its roadmap and the steps it keeps. A step taken on stays in the
/// plan even when the roadmap no longer lists its question (a lower target), until the
/// answers reach its rung; then it is achieved, and the roadmap's next rung for that question
/// (if any) is offered afresh.
pub fn council_plan(
    framework: &Framework,
    assessment: &Assessment,
    targets: &Targets,
) -> CouncilPlan {
    let mut plan = CouncilPlan::default();
    let roadmap = development_plan(framework, assessment, targets);
    let rating = |q: &str| assessment.answers.get(q).and_then(|a| a.rating);
    for mut item in roadmap {
        let step = item.step.clone();
        if step.accepted && step.reached_by(rating(&item.question_id)) {
            plan.achieved
                .push(achieved(framework, assessment, &item.question_id, step));
            item.step = PlanStep::default();
            plan.proposals.push(item);
        } else if step.accepted {
            plan.actions.push(item);
        } else {
            plan.proposals.push(item);
        }
    }
    // Steps taken on whose question the roadmap no longer lists.
    for (q, step) in assessment.plan.iter().filter(|(_, s)| s.accepted) {
        let listed = plan
            .actions
            .iter()
            .chain(&plan.proposals)
            .any(|i| &i.question_id == q)
            || plan.achieved.iter().any(|i| &i.question_id == q);
        if listed {
            continue;
        }
        if step.reached_by(rating(q)) {
            plan.achieved
                .push(achieved(framework, assessment, q, step.clone()));
        } else if let Some(item) = unlisted(framework, assessment, q, step.clone()) {
            plan.actions.push(item);
        }
    }
    // Rungs reached before the next was taken on, while the rating still reaches them.
    for (q, step) in &assessment.plan {
        for earlier in step.earlier.iter().filter(|e| e.reached_by(rating(q))) {
            plan.achieved
                .push(achieved(framework, assessment, q, earlier.clone()));
        }
    }
    plan.actions.sort_by_key(|a| {
        // Soonest first; undated (or unreadable) dates last.
        let day = a.step.due.as_deref().and_then(day_of);
        (day.is_none(), day)
    });
    plan.achieved.sort_by_key(|a| !a.step.carried);
    plan
}

/// An achieved step as an item: the rung it aimed at, reached.
fn achieved(framework: &Framework, assessment: &Assessment, q: &str, step: PlanStep) -> PlanItem {
    let theme_id = framework
        .theme_of_question(q)
        .map(|t| t.id.clone())
        .unwrap_or_default();
    let from = assessment
        .answers
        .get(q)
        .and_then(|a| a.rating)
        .and_then(Rating::level);
    PlanItem {
        theme_id,
        question_id: q.to_string(),
        from: step.aim.and_then(|a| a.previous()),
        to: step.aim.or(from),
        action: step
            .aim
            .and_then(|a| a.previous())
            .and_then(|l| rung_action(framework, assessment, q, l))
            .unwrap_or_default(),
        step,
    }
}

/// A step taken on whose question the roadmap no longer lists (its target was lowered) and
/// whose rung the answers do not reach: still an action. `None` for a question the framework
/// no longer has.
fn unlisted(
    framework: &Framework,
    assessment: &Assessment,
    q: &str,
    step: PlanStep,
) -> Option<PlanItem> {
    let theme = framework.theme_of_question(q)?;
    let from = assessment
        .answers
        .get(q)
        .and_then(|a| a.rating)
        .and_then(Rating::level);
    let action = match step.aim.and_then(|a| a.previous()) {
        Some(l) => rung_action(framework, assessment, q, l).unwrap_or_default(),
        None => String::new(),
    };
    Some(PlanItem {
        theme_id: theme.id.clone(),
        question_id: q.to_string(),
        from,
        to: step.aim,
        action,
        step,
    })
}

/// The action that climbs from rung `from` of a question, in the council's nation's words.
fn rung_action(
    framework: &Framework,
    assessment: &Assessment,
    q: &str,
    from: Level,
) -> Option<String> {
    let question = framework.question(q)?;
    let rung = question.levels.get(from.index())?;
    Some(rung.action_in(assessment.context.nation()).clone())
}

/// A step taken into the plan: it aims at the roadmap's next rung from here on.
pub fn accept(item: &PlanItem) -> PlanStep {
    PlanStep {
        accepted: true,
        aim: item.to,
        ..item.step.clone()
    }
}

/// A roadmap action taken on where the question already has a step (`current`). The same rung
/// taken on again keeps its owner, date and note. Another rung starts afresh, and a step the
/// answers (`rating`) reach is kept as achieved with it, so taking on the next rung never
/// hides the one just reached.
pub fn take_on(item: &PlanItem, current: &PlanStep, rating: Option<Rating>) -> PlanStep {
    if current.aim == item.to {
        return accept(&PlanItem {
            step: current.clone(),
            ..item.clone()
        });
    }
    // A record of a rung at or above this one is stale: the rating fell below it since.
    let mut earlier: Vec<PlanStep> = current
        .earlier
        .iter()
        .filter(|e| e.aim < item.to)
        .cloned()
        .collect();
    if current.accepted && current.reached_by(rating) {
        earlier.push(PlanStep {
            earlier: Vec::new(),
            ..current.clone()
        });
    }
    PlanStep {
        earlier,
        ..accept(&PlanItem {
            step: PlanStep::default(),
            ..item.clone()
        })
    }
}

/// Calendar events for the open actions with dates: summary and description from `words`.
/// Each event's id names the framework, the question and the rung aimed at, not the
/// assessment, so the file downloaded again after a reassessment updates the same events
/// rather than adding copies.
pub fn plan_events(
    framework_id: &str,
    actions: &[PlanItem],
    words: impl Fn(&PlanItem) -> (String, String),
) -> Vec<CalendarEvent> {
    actions
        .iter()
        .filter(|a| !a.step.done())
        .filter_map(|a| {
            let date = a.step.due.clone()?;
            let (summary, description) = words(a);
            let rung = a
                .step
                .aim
                .map_or("find-out".to_string(), |l| format!("level-{}", l.get()));
            Some(CalendarEvent {
                uid: format!("{framework_id}-{}-{rung}@cm-self-assessment", a.question_id),
                date,
                summary,
                description,
            })
        })
        .collect()
}

/// Words for the council plan's CSV, from the text module.
pub struct CouncilPlanWords<'a> {
    pub headers: [&'a str; 10],
    pub find_out: &'a str,
    /// In the order of [`Status::ALL`].
    pub statuses: [&'a str; 4],
    /// Red, amber, green.
    pub colours: [&'a str; 3],
    pub undated: &'a str,
}

/// The council's plan as CSV: theme, question, the level now and next, the action, owner, date,
/// status, colour and note.
pub fn council_plan_csv(
    framework: &Framework,
    actions: &[PlanItem],
    words: &CouncilPlanWords,
    today: &str,
) -> String {
    let mut out = String::new();
    write_row(&mut out, &words.headers);
    for item in actions {
        let [theme, question, now, next, action] = row_start(framework, item, words.find_out);
        let status = Status::ALL
            .iter()
            .position(|s| *s == item.step.status)
            .map_or("", |i| words.statuses[i]);
        let colour = match rag(&item.step, today) {
            Some(Rag::Red) => words.colours[0],
            Some(Rag::Amber) => words.colours[1],
            Some(Rag::Green) => words.colours[2],
            None => words.undated,
        };
        write_row(
            &mut out,
            &[
                &theme,
                &question,
                &now,
                &next,
                &action,
                &item.step.owner,
                item.step.due.as_deref().unwrap_or_default(),
                status,
                colour,
                &item.step.note,
            ],
        );
    }
    out
}
