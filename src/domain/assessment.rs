//! A person's answers to one framework at one point in time.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::context::Context;
use super::framework::Framework;
use super::level::Level;

/// How a question was answered. "Don't know" and "Not applicable" are real answers: they are kept
/// out of scores but reported, since a "Don't know" is itself a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    Level(Level),
    DontKnow,
    NotApplicable,
}

impl Rating {
    pub fn level(self) -> Option<Level> {
        match self {
            Rating::Level(l) => Some(l),
            _ => None,
        }
    }
}

/// Stored as a plain number for a level, or a word, so saved files stay readable.
impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Rating::Level(l) => s.serialize_u8(l.get()),
            Rating::DontKnow => s.serialize_str("dontKnow"),
            Rating::NotApplicable => s.serialize_str("notApplicable"),
        }
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Number(u8),
            Word(String),
        }
        match Repr::deserialize(d)? {
            Repr::Number(n) => Level::new(n).map(Rating::Level).ok_or_else(|| {
                serde::de::Error::custom(format!("{}{n}", super::json_issue::BAD_RATING))
            }),
            Repr::Word(w) => match w.as_str() {
                "dontKnow" => Ok(Rating::DontKnow),
                "notApplicable" => Ok(Rating::NotApplicable),
                other => Err(serde::de::Error::custom(format!(
                    "{}{other}",
                    super::json_issue::BAD_RATING
                ))),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    /// None when the user has written a note but not yet chosen a rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Optional evidence or context, in the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Answer {
    pub fn new(rating: Rating) -> Answer {
        Answer {
            rating: Some(rating),
            note: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AssessmentKind {
    /// Every question in the framework.
    Full,
    /// The framework's quick-check questions only.
    Quick,
}

/// An answer whose question is no longer in the framework; kept so nothing the user wrote is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetAsideAnswer {
    pub question_id: String,
    pub framework_version: String,
    pub answer: Answer,
}

/// A council's codes in the register of local authorities: the register's own three-letter code
/// (its key, kept across renames) and the ONS GSS code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilRef {
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub gss: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assessment {
    pub id: String,
    /// A user-given name; the list falls back to the date when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub framework_id: String,
    pub framework_version: String,
    pub kind: AssessmentKind,
    /// ISO 8601 timestamps, supplied by the caller so the domain stays clock-free.
    pub created: String,
    pub updated: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// The council as the register knows it, when it was chosen from the register (a body the
    /// register does not list has only its typed name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<CouncilRef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The user's own target level per theme, used by the roadmap.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<String, Level>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAsideAnswer>,
    /// Optional facts about the organisation, for programme benchmarks.
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
    /// A learner's development plan: target dates and done ticks per question's next step.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plan: BTreeMap<String, PlanStep>,
    /// The benchmark last chosen to compare with (a learner's expectation, a council's peer
    /// group), so the plan and roadmap stay the same when the results are opened again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<String>,
    /// When each field was last changed (ISO 8601, by [`Field::key`]), so that two tabs' edits of
    /// one assessment are laid over each other field by field, the newer edit of each winning.
    /// A removed value keeps its time, so a removal wins over an older value too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stamps: BTreeMap<String, String>,
}

/// A part of an assessment that is changed on its own, and merged between tabs on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'a> {
    Rating(&'a str),
    Note(&'a str),
    Target(&'a str),
    /// A whole plan step, as schema 5 stamped it before its parts had times of their own (read
    /// as the time of each part that has none).
    Plan(&'a str),
    /// One part of a plan step, so that an owner typed in one tab and a status chosen in
    /// another are both kept.
    PlanPart(&'a str, PlanPart),
    Name,
    Context,
    CompareWith,
    /// The framework version and the answers set aside (changed together by reconciling).
    Framework,
}

impl Field<'_> {
    pub fn key(&self) -> String {
        match self {
            Field::Rating(q) => format!("rating:{q}"),
            Field::Note(q) => format!("note:{q}"),
            Field::Target(t) => format!("target:{t}"),
            Field::Plan(q) => format!("plan:{q}"),
            Field::PlanPart(q, part) => format!("plan.{}:{q}", part.code()),
            Field::Name => "name".into(),
            Field::Context => "context".into(),
            Field::CompareWith => "compareWith".into(),
            Field::Framework => "framework".into(),
        }
    }
}

/// Where an action stands, as its owner says. (How it looks to a board, red, amber or green, is
/// worked out from this and the date: see [`crate::domain::plan::rag`].)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Blocked,
    ];

    pub fn is_not_started(&self) -> bool {
        *self == Status::NotStarted
    }
}

/// The parts of a [`PlanStep`], each changed, stamped and merged between tabs on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPart {
    Due,
    Status,
    Owner,
    Note,
    Accepted,
    Aim,
    Carried,
    Earlier,
}

impl PlanPart {
    pub const ALL: [PlanPart; 8] = [
        PlanPart::Due,
        PlanPart::Status,
        PlanPart::Owner,
        PlanPart::Note,
        PlanPart::Accepted,
        PlanPart::Aim,
        PlanPart::Carried,
        PlanPart::Earlier,
    ];

    pub fn code(&self) -> &'static str {
        match self {
            PlanPart::Due => "due",
            PlanPart::Status => "status",
            PlanPart::Owner => "owner",
            PlanPart::Note => "note",
            PlanPart::Accepted => "accepted",
            PlanPart::Aim => "aim",
            PlanPart::Carried => "carried",
            PlanPart::Earlier => "earlier",
        }
    }

    /// Whether two steps differ in this part.
    pub fn differs(&self, a: &PlanStep, b: &PlanStep) -> bool {
        match self {
            PlanPart::Due => a.due != b.due,
            PlanPart::Status => a.status != b.status,
            PlanPart::Owner => a.owner != b.owner,
            PlanPart::Note => a.note != b.note,
            PlanPart::Accepted => a.accepted != b.accepted,
            PlanPart::Aim => a.aim != b.aim,
            PlanPart::Carried => a.carried != b.carried,
            PlanPart::Earlier => a.earlier != b.earlier,
        }
    }

    /// This part of `from`, put into `to`.
    pub fn copy(&self, from: &PlanStep, to: &mut PlanStep) {
        match self {
            PlanPart::Due => to.due = from.due.clone(),
            PlanPart::Status => to.status = from.status,
            PlanPart::Owner => to.owner = from.owner.clone(),
            PlanPart::Note => to.note = from.note.clone(),
            PlanPart::Accepted => to.accepted = from.accepted,
            PlanPart::Aim => to.aim = from.aim,
            PlanPart::Carried => to.carried = from.carried,
            PlanPart::Earlier => to.earlier = from.earlier.clone(),
        }
    }
}

/// One action of a plan: the next rung of a question, with who owns it, when it is due and
/// where it stands. A learner's plan holds every step; a council takes the roadmap's actions
/// into its plan one by one (`accepted`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanStep {
    /// YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Status::is_not_started")]
    pub status: Status,
    /// A role or a name, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Taken into a council's plan from its roadmap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub accepted: bool,
    /// The rung the action aims at, kept from when it entered the plan, so that a later
    /// assessment can tell it was reached. `None` for finding out (a "Don't know").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aim: Option<Level>,
    /// Brought from the assessment before, still open when this one was started.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
    /// Steps of this question that this assessment reached before the next rung was taken on,
    /// oldest first, so the plan still shows them achieved (each with no `earlier` of its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<PlanStep>,
}

impl PlanStep {
    pub fn done(&self) -> bool {
        self.status == Status::Done
    }

    /// Whether a rating reaches what the action aimed at (any known level, for finding out).
    pub fn reached_by(&self, rating: Option<Rating>) -> bool {
        match (self.aim, rating) {
            (Some(aim), Some(Rating::Level(l))) => l >= aim,
            (None, Some(Rating::Level(_))) => true,
            _ => false,
        }
    }
}

impl Assessment {
    pub fn new(id: String, framework: &Framework, kind: AssessmentKind, now: &str) -> Assessment {
        Assessment {
            id,
            name: String::new(),
            framework_id: framework.id.clone(),
            framework_version: framework.version.clone(),
            kind,
            created: now.to_string(),
            updated: now.to_string(),
            organisation: String::new(),
            council: None,
            role: String::new(),
            answers: BTreeMap::new(),
            targets: BTreeMap::new(),
            set_aside: Vec::new(),
            context: Context::default(),
            plan: BTreeMap::new(),
            compare_with: None,
            stamps: BTreeMap::new(),
        }
    }

    /// When a field was last changed ("" if never, as in data saved before fields had times).
    pub fn stamp(&self, field: Field) -> &str {
        self.stamps
            .get(&field.key())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// When a part of a plan step was last changed: its own time, else (saved by schema 5,
    /// which stamped the whole step) the step's.
    pub fn plan_stamp(&self, question_id: &str, part: PlanPart) -> &str {
        match self.stamp(Field::PlanPart(question_id, part)) {
            "" => self.stamp(Field::Plan(question_id)),
            when => when,
        }
    }

    fn touch(&mut self, field: Field, now: &str) {
        self.stamps.insert(field.key(), now.to_string());
    }

    /// Starts a reassessment: a new assessment carrying the earlier answers as a starting point.
    pub fn reassess_from(&self, id: String, framework: &Framework, now: &str) -> Assessment {
        let mut next = self.clone();
        next.id = id;
        next.name = String::new();
        next.created = now.to_string();
        next.updated = now.to_string();
        // Open actions come across (marked as carried); done or reached ones stay with the
        // assessment that did them.
        next.plan = self
            .plan
            .iter()
            .filter(|(q, step)| {
                let rating = self.answers.get(*q).and_then(|a| a.rating);
                step.accepted && !step.done() && !step.reached_by(rating)
            })
            .map(|(q, step)| {
                let mut step = step.clone();
                step.carried = true;
                // What was reached before belongs to the assessment that reached it.
                step.earlier.clear();
                (q.clone(), step)
            })
            .collect();
        next.stamps.clear();
        next.reconcile(framework);
        next
    }

    /// Whether this assessment asks the given question (a quick check asks only some).
    pub fn asks(&self, framework: &Framework, question_id: &str) -> bool {
        match self.kind {
            AssessmentKind::Full => true,
            AssessmentKind::Quick => framework.quick_check.iter().any(|q| q == question_id),
        }
    }

    pub fn set_rating(&mut self, question_id: &str, rating: Rating, now: &str) {
        self.answers
            .entry(question_id.to_string())
            .and_modify(|a| a.rating = Some(rating))
            .or_insert_with(|| Answer::new(rating));
        self.touch(Field::Rating(question_id), now);
        self.updated = now.to_string();
    }

    /// Keeps an evidence note, with or without a rating; an empty note on an unrated answer
    /// removes the answer altogether.
    pub fn set_note(&mut self, question_id: &str, note: &str, now: &str) {
        let answer = self
            .answers
            .entry(question_id.to_string())
            .or_insert(Answer {
                rating: None,
                note: String::new(),
            });
        answer.note = note.to_string();
        if answer.rating.is_none() && answer.note.is_empty() {
            self.answers.remove(question_id);
        }
        self.touch(Field::Note(question_id), now);
        self.updated = now.to_string();
    }

    /// Sets or clears the user's own target level for a theme.
    pub fn set_target(&mut self, theme_id: &str, level: Option<Level>, now: &str) {
        match level {
            Some(l) => self.targets.insert(theme_id.to_string(), l),
            None => self.targets.remove(theme_id),
        };
        self.touch(Field::Target(theme_id), now);
        self.updated = now.to_string();
    }

    pub fn set_context(&mut self, context: Context, now: &str) {
        self.context = context;
        self.touch(Field::Context, now);
        self.updated = now.to_string();
    }

    /// Keeps a plan step; an empty one is removed. Only the parts that changed are stamped.
    pub fn set_plan_step(&mut self, question_id: &str, step: PlanStep, now: &str) {
        let before = self.plan.get(question_id).cloned().unwrap_or_default();
        for part in PlanPart::ALL {
            if part.differs(&before, &step) {
                self.touch(Field::PlanPart(question_id, part), now);
            }
        }
        if step == PlanStep::default() {
            self.plan.remove(question_id);
        } else {
            self.plan.insert(question_id.to_string(), step);
        }
        self.updated = now.to_string();
    }

    pub fn rename(&mut self, name: &str, now: &str) {
        self.name = name.trim().to_string();
        self.touch(Field::Name, now);
        self.updated = now.to_string();
    }

    /// Remembers the benchmark chosen; not a change to the answers, so "last changed" stays.
    pub fn set_compare_with(&mut self, benchmark_id: Option<String>, now: &str) {
        self.compare_with = benchmark_id;
        self.touch(Field::CompareWith, now);
    }

    /// [`Assessment::reconcile`] as an edit made at `now` (saved data being brought in line).
    pub fn reconcile_at(&mut self, framework: &Framework, now: &str) {
        if self.needs_reconcile(framework) {
            self.reconcile(framework);
            self.touch(Field::Framework, now);
        }
    }

    /// This assessment and another copy of it (from another tab) laid over each other field by
    /// field: each answer's rating and note, each target and plan step, the name, context and
    /// comparison come from whichever copy changed them last (`theirs` when neither did, or both
    /// at once). Nothing either copy changed more recently is lost, but for edits to a plan
    /// rung the other copy has since moved on from (those went with the rung).
    pub fn merged(theirs: &Assessment, ours: &Assessment) -> Assessment {
        let ours_newer = |field: Field| ours.stamp(field) > theirs.stamp(field);
        let mut out = theirs.clone();
        if ours_newer(Field::Framework) {
            out.framework_version = ours.framework_version.clone();
            out.set_aside = ours.set_aside.clone();
        }
        for entry in &ours.set_aside {
            if !out.set_aside.contains(entry) {
                out.set_aside.push(entry.clone());
            }
        }
        let stamped = |a: &Assessment, prefix: &str| -> Vec<String> {
            a.stamps
                .keys()
                .filter_map(|k| k.strip_prefix(prefix).map(str::to_string))
                .collect()
        };
        let mut questions: BTreeSet<String> = ours
            .answers
            .keys()
            .chain(theirs.answers.keys())
            .cloned()
            .collect();
        questions.extend(stamped(ours, "rating:"));
        questions.extend(stamped(ours, "note:"));
        // An answer neither copy changed since comes from the copy last brought in line with
        // its framework (reconciling moves and restores answers without touching their times).
        let ours_reconciled = ours_newer(Field::Framework);
        let theirs_newer = |field: Field| theirs.stamp(field) > ours.stamp(field);
        for q in &questions {
            let pick = |field: Field| {
                if ours_newer(field) || (ours_reconciled && !theirs_newer(field)) {
                    ours
                } else {
                    theirs
                }
            };
            let rating = pick(Field::Rating(q)).answers.get(q).and_then(|a| a.rating);
            let note = pick(Field::Note(q))
                .answers
                .get(q)
                .map(|a| a.note.clone())
                .unwrap_or_default();
            if rating.is_none() && note.is_empty() {
                out.answers.remove(q);
            } else {
                out.answers.insert(q.clone(), Answer { rating, note });
            }
        }
        let mut themes: BTreeSet<String> = ours.targets.keys().cloned().collect();
        themes.extend(stamped(ours, "target:"));
        for t in &themes {
            if ours_newer(Field::Target(t)) {
                match ours.targets.get(t) {
                    Some(l) => out.targets.insert(t.clone(), *l),
                    None => out.targets.remove(t),
                };
            }
        }
        let mut steps: BTreeSet<String> = ours.plan.keys().cloned().collect();
        steps.extend(stamped(ours, "plan:"));
        for part in PlanPart::ALL {
            steps.extend(stamped(ours, &format!("plan.{}:", part.code())));
        }
        // Each step's parts, with the time of the edit kept for each (written below, after the
        // other times, so that a whole-step time from schema 5 never stands for a part kept
        // from elsewhere).
        let mut step_stamps: Vec<(String, PlanPart, String)> = Vec::new();
        for q in &steps {
            let mine = ours.plan.get(q).cloned().unwrap_or_default();
            let yours = theirs.plan.get(q).cloned().unwrap_or_default();
            // The copy that took the step's rung on last holds the step; the other copy's edit
            // of a part counts only on the same rung, newer, and made in this round of it (not
            // before the first copy took the rung on). On another rung (or with the step
            // removed) the other copy's edits were to the rung before, and go with it.
            let (n, o, mut step, o_step) =
                if ours.plan_stamp(q, PlanPart::Aim) > theirs.plan_stamp(q, PlanPart::Aim) {
                    (ours, theirs, mine, yours)
                } else {
                    (theirs, ours, yours, mine)
                };
            let same_rung = step.aim == o_step.aim;
            let round = n.plan_stamp(q, PlanPart::Aim);
            for part in PlanPart::ALL {
                let (at_n, at_o) = (n.plan_stamp(q, part), o.plan_stamp(q, part));
                let kept = if same_rung && at_o > at_n && at_o >= round {
                    part.copy(&o_step, &mut step);
                    at_o
                } else {
                    at_n
                };
                step_stamps.push((q.clone(), part, kept.to_string()));
            }
            if step == PlanStep::default() {
                out.plan.remove(q);
            } else {
                out.plan.insert(q.clone(), step);
            }
        }
        if ours_newer(Field::Name) {
            out.name = ours.name.clone();
        }
        if ours_newer(Field::Context) {
            out.context = ours.context;
        }
        if ours_newer(Field::CompareWith) {
            out.compare_with = ours.compare_with.clone();
        }
        for (key, when) in &ours.stamps {
            let slot = out.stamps.entry(key.clone()).or_default();
            if when > slot {
                *slot = when.clone();
            }
        }
        for (q, part, when) in step_stamps {
            out.stamps.remove(&Field::Plan(&q).key());
            let key = Field::PlanPart(&q, part).key();
            if when.is_empty() {
                out.stamps.remove(&key);
            } else {
                out.stamps.insert(key, when);
            }
        }
        if ours.updated > out.updated {
            out.updated = ours.updated.clone();
        }
        out
    }

    pub fn rating(&self, question_id: &str) -> Option<Rating> {
        self.answers.get(question_id).and_then(|a| a.rating)
    }

    /// Brings answers given against another version of the framework in line with this one.
    /// Renamed questions follow their new id; a split question's answer is the starting point
    /// for each of its successors; answers to questions no longer asked are set aside (shown to
    /// the user, never lost) and come back if their question does. Targets are never removed:
    /// one for a theme the framework no longer has is simply not used.
    pub fn reconcile(&mut self, framework: &Framework) {
        if self.framework_id != framework.id {
            return;
        }
        let old_version = self.framework_version.clone();
        let answers = std::mem::take(&mut self.answers);
        let mut moved = Vec::new();
        let mut aside = Vec::new();
        for (id, answer) in answers {
            match framework.current_id(&id) {
                Some(current) if current == id => {
                    self.answers.insert(id, answer);
                }
                Some(current) => moved.push((current.to_string(), id, answer)),
                None => aside.push((id, answer)),
            }
        }
        // Merged questions list their predecessors in order: the first one answered wins.
        moved.sort_by_key(|(current, former, _)| {
            let rank = framework
                .question(current)
                .and_then(|q| q.former_ids.iter().position(|f| f == former))
                .unwrap_or(usize::MAX);
            (current.clone(), rank)
        });
        for (current, former, answer) in moved {
            match self.answers.entry(current.clone()) {
                Entry::Occupied(_) => aside.push((former, answer)),
                Entry::Vacant(slot) => {
                    slot.insert(answer);
                    self.move_stamps(&former, &current);
                }
            }
        }
        // Answers the user gave, set aside earlier, come back first when their question is
        // asked again; a split question's answer only fills what is still unanswered, so it
        // never replaces an answer the user gave.
        let kept = std::mem::take(&mut self.set_aside);
        for entry in kept {
            match framework.current_id(&entry.question_id) {
                Some(current) if !self.answers.contains_key(current) => {
                    self.answers.insert(current.to_string(), entry.answer);
                }
                _ => self.set_aside.push(entry),
            }
        }
        for (id, answer) in aside {
            if let Some(split) = framework.carry_over.iter().find(|c| c.from == id) {
                for to in &split.to {
                    self.answers
                        .entry(to.clone())
                        .or_insert_with(|| answer.clone());
                }
            }
            self.set_aside_answer(id, &old_version, answer);
        }
        // Plan steps follow a renamed question too, never over a step kept under its new id
        // (a step of a question no longer asked stays, unused, so it comes back with it).
        let steps = std::mem::take(&mut self.plan);
        let mut renamed = Vec::new();
        for (id, step) in steps {
            match framework.current_id(&id) {
                Some(current) if current != id => renamed.push((current.to_string(), id, step)),
                _ => {
                    self.plan.insert(id, step);
                }
            }
        }
        for (current, former, step) in renamed {
            match self.plan.entry(current.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(step);
                    let fields = std::iter::once((Field::Plan(&former), Field::Plan(&current)))
                        .chain(PlanPart::ALL.map(|part| {
                            (
                                Field::PlanPart(&former, part),
                                Field::PlanPart(&current, part),
                            )
                        }));
                    for (from, to) in fields {
                        if let Some(when) = self.stamps.remove(&from.key()) {
                            self.stamps.insert(to.key(), when);
                        }
                    }
                }
                Entry::Occupied(_) => {
                    self.plan.insert(former, step);
                }
            }
        }
        self.framework_version = framework.version.clone();
    }

    /// An answer that moved to a renamed question keeps the times of its changes.
    fn move_stamps(&mut self, from: &str, to: &str) {
        for key in [Field::Rating(from).key(), Field::Note(from).key()] {
            if let Some(when) = self.stamps.remove(&key) {
                let kind = key.split(':').next().unwrap_or_default();
                self.stamps.insert(format!("{kind}:{to}"), when);
            }
        }
    }

    fn set_aside_answer(&mut self, question_id: String, version: &str, answer: Answer) {
        let duplicate = self
            .set_aside
            .iter()
            .any(|s| s.question_id == question_id && s.answer == answer);
        if !duplicate {
            self.set_aside.push(SetAsideAnswer {
                question_id,
                framework_version: version.to_string(),
                answer,
            });
        }
    }

    /// A copy brought in line with the framework, for reading an assessment that is not being
    /// edited (its stored copy is left as it is).
    pub fn reconciled(&self, framework: &Framework) -> Assessment {
        let mut copy = self.clone();
        copy.reconcile(framework);
        copy
    }

    /// Whether reading this assessment against `framework` would change it.
    pub fn needs_reconcile(&self, framework: &Framework) -> bool {
        self.framework_id == framework.id
            && (self.framework_version != framework.version
                || self
                    .answers
                    .keys()
                    .any(|id| framework.question(id).is_none())
                || self
                    .set_aside
                    .iter()
                    .any(|s| framework.current_id(&s.question_id).is_some()))
    }

    /// Questions this assessment asks that have no answer yet.
    pub fn unanswered<'a>(
        &'a self,
        framework: &'a Framework,
    ) -> impl Iterator<Item = &'a str> + 'a {
        framework
            .questions()
            .map(|(_, q)| q.id.as_str())
            .filter(|id| self.asks(framework, id) && self.rating(id).is_none())
    }
}
