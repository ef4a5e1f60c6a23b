//! A person's answers to one framework at one point in time.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

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
                serde::de::Error::custom(format!("level must be 1 to 5, found {n}"))
            }),
            Repr::Word(w) => match w.as_str() {
                "dontKnow" => Ok(Rating::DontKnow),
                "notApplicable" => Ok(Rating::NotApplicable),
                other => Err(serde::de::Error::custom(format!(
                    "expected a level 1 to 5, \"dontKnow\" or \"notApplicable\", found \"{other}\""
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
}

/// One step of a personal development plan: the next rung of a question, with a target date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanStep {
    /// YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
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
            role: String::new(),
            answers: BTreeMap::new(),
            targets: BTreeMap::new(),
            set_aside: Vec::new(),
            context: Context::default(),
            plan: BTreeMap::new(),
            compare_with: None,
        }
    }

    /// Starts a reassessment: a new assessment carrying the earlier answers as a starting point.
    pub fn reassess_from(&self, id: String, framework: &Framework, now: &str) -> Assessment {
        let mut next = self.clone();
        next.id = id;
        next.name = String::new();
        next.created = now.to_string();
        next.updated = now.to_string();
        next.plan.clear();
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
        self.updated = now.to_string();
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
            match self.answers.entry(current) {
                Entry::Occupied(_) => aside.push((former, answer)),
                Entry::Vacant(slot) => {
                    slot.insert(answer);
                }
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
        // Answers set aside earlier come back when their question is asked again.
        let kept = std::mem::take(&mut self.set_aside);
        for entry in kept {
            match framework.current_id(&entry.question_id) {
                Some(current) if !self.answers.contains_key(current) => {
                    self.answers.insert(current.to_string(), entry.answer);
                }
                _ => self.set_aside.push(entry),
            }
        }
        self.framework_version = framework.version.clone();
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
