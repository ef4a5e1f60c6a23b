//! The saved-data schema kept in browser storage, and the migrations that carry older saves
//! forward. Anything this build cannot read is reported, never overwritten.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{Assessment, AssessmentKind};

/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedData {
    pub schema_version: u32,
    /// Oldest first.
    pub assessments: Vec<Assessment>,
    /// The assessment the user was last working on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
}

impl Default for SavedData {
    fn default() -> Self {
        SavedData {
            schema_version: SCHEMA_VERSION,
            assessments: Vec::new(),
            current: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or not in the shape its version promises.
    Corrupt(String),
    /// Written by a newer build of the app; readable only by that build.
    FutureVersion(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub data: SavedData,
    /// The schema version the data was migrated from, when it was older.
    pub migrated_from: Option<u32>,
}

impl SavedData {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("saved data always serialises")
    }

    pub fn current(&self) -> Option<&Assessment> {
        let id = self.current.as_deref()?;
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn current_mut(&mut self) -> Option<&mut Assessment> {
        let id = self.current.clone()?;
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    /// Adds or replaces an assessment by id.
    pub fn upsert(&mut self, assessment: Assessment) {
        match self.assessments.iter_mut().find(|a| a.id == assessment.id) {
            Some(slot) => *slot = assessment,
            None => self.assessments.push(assessment),
        }
    }
}

/// Reads saved data of any known schema version, migrating older ones to the current schema.
pub fn load(raw: &str) -> Result<Loaded, LoadError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    let version = value
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::Corrupt("no schemaVersion".into()))?;
    let version = u32::try_from(version).map_err(|_| LoadError::FutureVersion(u32::MAX))?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::FutureVersion(version));
    }
    let mut value = value;
    let mut at = version;
    while at < SCHEMA_VERSION {
        value = match at {
            1 => v1_to_v2(value)?,
            other => {
                return Err(LoadError::Corrupt(format!(
                    "unknown schema version {other}"
                )))
            }
        };
        at += 1;
    }
    let data: SavedData =
        serde_json::from_value(value).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    Ok(Loaded {
        data,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
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
        serde_json::from_value(value).map_err(|e| LoadError::Corrupt(format!("schema 1: {e}")))?;
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
