//! The saved-data schema kept in browser storage, and the migrations that carry older saves
//! forward. Anything this build cannot read is reported, never overwritten.
//!
//! Which assessment a person is working on is not part of the saved data: it belongs to the
//! browser tab (two tabs can work on two assessments), so only the assessments are shared.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{Assessment, AssessmentKind};
use super::json_issue::JsonIssue;

/// The schema this build writes.
/// 4: assessments carry change times per field (`stamps`) and a council's register codes.
/// 5: plan steps carry a status (in place of `done`), an owner, a note, whether a council took
/// them into its plan, the rung they aim at, and whether they came from the assessment before.
/// 6: each part of a plan step has its own change time, and a step keeps the rungs of its
/// question reached before the next was taken on (`earlier`).
pub const SCHEMA_VERSION: u32 = 6;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedData {
    pub schema_version: u32,
    /// Oldest first.
    pub assessments: Vec<Assessment>,
}

impl Default for SavedData {
    fn default() -> Self {
        SavedData {
            schema_version: SCHEMA_VERSION,
            assessments: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or not in the shape its version promises.
    Corrupt(JsonIssue),
    /// Written by a newer build of the app; readable only by that build.
    FutureVersion(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub data: SavedData,
    /// The schema version the data was migrated from, when it was older.
    pub migrated_from: Option<u32>,
    /// The assessment an older schema marked as the one being worked on.
    pub last_current: Option<String>,
}

impl SavedData {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("saved data always serialises")
    }

    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    /// Removes an assessment, returning it and where it was (for undo).
    pub fn remove(&mut self, id: &str) -> Option<(usize, Assessment)> {
        let pos = self.assessments.iter().position(|a| a.id == id)?;
        Some((pos, self.assessments.remove(pos)))
    }

    /// Puts a removed assessment back where it was, unless one with its id is here again.
    pub fn restore(&mut self, pos: usize, assessment: Assessment) {
        if self.get(&assessment.id).is_none() {
            let pos = pos.min(self.assessments.len());
            self.assessments.insert(pos, assessment);
        }
    }

    /// Adds or replaces an assessment by id.
    pub fn upsert(&mut self, assessment: Assessment) {
        match self.assessments.iter_mut().find(|a| a.id == assessment.id) {
            Some(slot) => *slot = assessment,
            None => self.assessments.push(assessment),
        }
    }
}

/// What one tab has changed since it last wrote: the assessments it added or changed, and the
/// ones it deleted. Enough to apply its changes on top of another tab's newer data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub changed: std::collections::BTreeSet<String>,
    pub removed: std::collections::BTreeSet<String>,
}

impl Changes {
    pub fn changed(&mut self, id: &str) {
        self.removed.remove(id);
        self.changed.insert(id.to_string());
    }

    pub fn removed(&mut self, id: &str) {
        self.changed.remove(id);
        self.removed.insert(id.to_string());
    }

    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

impl SavedData {
    /// This tab's changes (`ours`, `changes`) laid over data another tab wrote since (`self`):
    /// every assessment this tab changed is merged field by field with the other tab's copy
    /// (the newer change of each field wins, see [`Assessment::merged`]), every one it deleted
    /// is removed, and everything else is the other tab's. Neither tab's work is lost.
    pub fn with_changes_from(mut self, ours: &SavedData, changes: &Changes) -> SavedData {
        for id in &changes.removed {
            self.remove(id);
        }
        for id in &changes.changed {
            if let Some(a) = ours.get(id) {
                let merged = match self.get(id) {
                    Some(theirs) => Assessment::merged(theirs, a),
                    None => a.clone(),
                };
                self.upsert(merged);
            }
        }
        self
    }
}

/// What to write so that this tab's changes reach storage without undoing another tab's: the
/// data storage holds now (`stored`, as raw text) with this tab's changes laid over it. An
/// error when storage holds data this build cannot read: then nothing may be written.
pub fn write_over(
    stored: Option<&str>,
    ours: &SavedData,
    changes: &Changes,
) -> Result<SavedData, LoadError> {
    let theirs = match stored {
        None => SavedData::default(),
        Some(raw) => load(raw)?.data,
    };
    Ok(theirs.with_changes_from(ours, changes))
}

/// Reads saved data of any known schema version, migrating older ones to the current schema.
pub fn load(raw: &str) -> Result<Loaded, LoadError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| LoadError::Corrupt(JsonIssue::from_error(&e)))?;
    let version = value
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::Corrupt(JsonIssue::MissingField("schemaVersion".into())))?;
    let version = u32::try_from(version).map_err(|_| LoadError::FutureVersion(u32::MAX))?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::FutureVersion(version));
    }
    let mut value = value;
    let mut at = version;
    let mut last_current = None;
    while at < SCHEMA_VERSION {
        value = match at {
            1 => v1_to_v2(value)?,
            2 => {
                let (v3, current) = v2_to_v3(value);
                last_current = current;
                v3
            }
            // Schema 4 only adds optional fields; the number tells older builds not to write.
            3 => {
                let mut v4 = value;
                v4["schemaVersion"] = 4.into();
                v4
            }
            4 => v4_to_v5(value),
            // Schema 6 only adds optional fields (plan steps' parts stamped apart, and the
            // rungs reached before the next was taken on).
            5 => {
                let mut v6 = value;
                v6["schemaVersion"] = 6.into();
                v6
            }
            // Version 0: no migration starts there.
            _ => return Err(LoadError::Corrupt(JsonIssue::Other)),
        };
        at += 1;
    }
    let data: SavedData =
        serde_json::from_value(value).map_err(|e| LoadError::Corrupt(JsonIssue::from_error(&e)))?;
    Ok(Loaded {
        data,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
        last_current,
    })
}

/// Schema 1 (the first prototype) kept one set of answers, as levels or words, for one framework.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct V1 {
    framework_id: String,
    framework_version: String,
    #[serde(default)]
    saved_at: Option<String>,
    #[serde(default)]
    answers: std::collections::BTreeMap<String, Value>,
}

fn v1_to_v2(value: Value) -> Result<Value, LoadError> {
    let v1: V1 =
        serde_json::from_value(value).map_err(|e| LoadError::Corrupt(JsonIssue::from_error(&e)))?;
    let when = v1
        .saved_at
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let answers: serde_json::Map<String, Value> = v1
        .answers
        .into_iter()
        .map(|(id, rating)| (id, serde_json::json!({ "rating": rating })))
        .collect();
    let id = "migrated-1";
    Ok(serde_json::json!({
        "schemaVersion": 2,
        "assessments": [{
            "id": id,
            "frameworkId": v1.framework_id,
            "frameworkVersion": v1.framework_version,
            "kind": AssessmentKind::Full,
            "created": when,
            "updated": when,
            "answers": answers,
        }],
        "current": id,
    }))
}

/// Schema 3 moved "the assessment being worked on" out of the shared data, to each tab.
fn v2_to_v3(mut value: Value) -> (Value, Option<String>) {
    let current = value
        .as_object_mut()
        .and_then(|o| o.remove("current"))
        .and_then(|c| c.as_str().map(str::to_string));
    value["schemaVersion"] = 3.into();
    (value, current)
}

/// Schema 5 replaced a plan step's `done` tick with a status.
fn v4_to_v5(mut value: Value) -> Value {
    done_ticks_to_status(&mut value);
    value["schemaVersion"] = 5.into();
    value
}

/// A plan step's `done` tick as the status that replaced it, in every assessment of a saved
/// data or export document (exports before format 2 carry the tick too).
pub fn done_ticks_to_status(document: &mut Value) {
    let Some(assessments) = document
        .get_mut("assessments")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for a in assessments {
        let Some(plan) = a.get_mut("plan").and_then(Value::as_object_mut) else {
            continue;
        };
        for step in plan.values_mut().filter_map(Value::as_object_mut) {
            if step.remove("done") == Some(Value::Bool(true)) {
                step.insert("status".into(), "done".into());
            }
        }
    }
}

/// The framework of one saved assessment, read without checking the rest (to know which
/// framework to load first).
pub fn framework_of(raw: &str, assessment_id: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Peek {
        #[serde(default)]
        assessments: Vec<PeekAssessment>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct PeekAssessment {
        id: String,
        framework_id: String,
    }
    let peek: Peek = serde_json::from_str(raw).ok()?;
    peek.assessments
        .into_iter()
        .find(|a| a.id == assessment_id)
        .map(|a| a.framework_id)
}
