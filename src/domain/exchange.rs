//! Files people move between browsers and colleagues: JSON export and import of assessments,
//! and a CSV of answers. Imports are validated and previewed; nothing is merged blind.

use serde::{Deserialize, Serialize};

use super::assessment::{Assessment, Rating};
use super::framework::Framework;
use super::json_issue::JsonIssue;
use super::saved::{self, SavedData};

pub const EXPORT_FORMAT: &str = "cm-maturity-export";
/// 2: plan steps carry a status (and owner, note, aim) in place of a `done` tick, so a build
/// that reads only format 1 says the file is newer rather than malformed.
pub const EXPORT_FORMAT_VERSION: u32 = 2;
/// Far above any real export (a full assessment with long notes is a few tens of KB).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportFile {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub exported: String,
    pub assessments: Vec<Assessment>,
}

pub fn export(assessments: &[Assessment], app_version: &str, now: &str) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT.into(),
        format_version: EXPORT_FORMAT_VERSION,
        app_version: app_version.into(),
        exported: now.into(),
        assessments: assessments.to_vec(),
    };
    serde_json::to_string_pretty(&file).expect("exports always serialise")
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    Malformed(JsonIssue),
    NotAnExport,
    UnknownVersion(u32),
    /// Answers to a framework this app does not have.
    UnknownFramework(String),
    /// Answers to another of this app's frameworks than the one the screen works with.
    OtherFramework {
        found: String,
        expected: String,
    },
    NoAssessments,
}

/// Reads an export (or a backup of saved data), checks each assessment is for one of the
/// app's frameworks, and brings each in line with its framework's current version.
pub fn parse_import(text: &str, frameworks: &[&Framework]) -> Result<Vec<Assessment>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ImportError::Malformed(JsonIssue::from_error(&e)))?;
    let mut assessments = if value.get("format").is_some() {
        if value.get("format").and_then(|v| v.as_str()) != Some(EXPORT_FORMAT) {
            return Err(ImportError::NotAnExport);
        }
        let version = value
            .get("formatVersion")
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        if version > u64::from(EXPORT_FORMAT_VERSION) {
            return Err(ImportError::UnknownVersion(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let mut value = value;
        if version < 2 {
            saved::done_ticks_to_status(&mut value);
        }
        let file: ExportFile = serde_json::from_value(value)
            .map_err(|e| ImportError::Malformed(JsonIssue::from_error(&e)))?;
        file.assessments
    } else if value.get("schemaVersion").is_some() {
        // A copy of this tool's own saved data, read through its migrations.
        match saved::load(text) {
            Ok(loaded) => loaded.data.assessments,
            Err(saved::LoadError::FutureVersion(v)) => return Err(ImportError::UnknownVersion(v)),
            Err(saved::LoadError::Corrupt(why)) => return Err(ImportError::Malformed(why)),
        }
    } else {
        return Err(ImportError::NotAnExport);
    };
    if assessments.is_empty() {
        return Err(ImportError::NoAssessments);
    }
    for a in &mut assessments {
        match frameworks.iter().find(|f| f.id == a.framework_id) {
            Some(f) => a.reconcile(f),
            None => return Err(ImportError::UnknownFramework(a.framework_id.clone())),
        }
    }
    Ok(assessments)
}

/// Refuses a file holding assessments of any framework but `framework_id` (for screens that
/// work with one framework, such as the team view).
pub fn only_framework(assessments: &[Assessment], framework_id: &str) -> Result<(), ImportError> {
    match assessments.iter().find(|a| a.framework_id != framework_id) {
        Some(other) => Err(ImportError::OtherFramework {
            found: other.framework_id.clone(),
            expected: framework_id.to_string(),
        }),
        None => Ok(()),
    }
}

/// What merging would do with each incoming assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incoming {
    New,
    /// Already here, unchanged: nothing to do.
    AlreadyHere,
    /// Same id as one here but different content: kept as a separate copy, never overwriting.
    Copy,
}

pub fn classify(data: &SavedData, incoming: &Assessment) -> Incoming {
    match data.assessments.iter().find(|a| a.id == incoming.id) {
        None => Incoming::New,
        Some(here) if here == incoming => Incoming::AlreadyHere,
        Some(_) => Incoming::Copy,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeReport {
    pub added: usize,
    pub already_here: usize,
    pub copies: usize,
}

/// Adds incoming assessments without ever overwriting one already here.
pub fn merge(
    data: &mut SavedData,
    incoming: Vec<Assessment>,
    mut new_id: impl FnMut() -> String,
    copy_suffix: &str,
) -> MergeReport {
    let mut report = MergeReport::default();
    for mut a in incoming {
        match classify(data, &a) {
            Incoming::New => {
                data.assessments.push(a);
                report.added += 1;
            }
            Incoming::AlreadyHere => report.already_here += 1,
            Incoming::Copy => {
                a.id = new_id();
                a.name = if a.name.is_empty() {
                    copy_suffix.trim().to_string()
                } else {
                    format!("{}{copy_suffix}", a.name)
                };
                data.assessments.push(a);
                report.copies += 1;
            }
        }
    }
    report
}

/// Words used in the CSV, from the text module.
pub struct CsvWords<'a> {
    pub headers: [&'a str; 6],
    pub dont_know: &'a str,
    pub not_applicable: &'a str,
    pub not_answered: &'a str,
}

/// One row per question: theme, question, level number and name, the answer in words, the note.
pub fn to_csv(framework: &Framework, assessment: &Assessment, words: &CsvWords) -> String {
    let mut out = String::new();
    write_row(&mut out, &words.headers);
    for (theme, q) in framework.questions() {
        if !assessment.asks(framework, &q.id) {
            continue;
        }
        let answer = assessment.answers.get(&q.id);
        let (number, name, statement) = match answer.and_then(|a| a.rating) {
            Some(Rating::Level(l)) => (
                l.get().to_string(),
                framework.level_name(l).to_string(),
                q.levels[l.index()]
                    .statement_in(assessment.context.nation())
                    .clone(),
            ),
            Some(Rating::DontKnow) => (String::new(), String::new(), words.dont_know.to_string()),
            Some(Rating::NotApplicable) => (
                String::new(),
                String::new(),
                words.not_applicable.to_string(),
            ),
            None => (String::new(), String::new(), words.not_answered.to_string()),
        };
        let note = answer.map(|a| a.note.as_str()).unwrap_or_default();
        write_row(
            &mut out,
            &[&theme.title, &q.title, &number, &name, &statement, note],
        );
    }
    out
}

/// What a spreadsheet would run as a formula if the text were typed into a cell (the CSV gives
/// it a leading apostrophe; the workbook writes it as text with a quote prefix).
pub fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Writes one RFC 4180 record: fields quoted when they hold a comma, quote or line break, quotes
/// doubled, CRLF line ends. A field a spreadsheet would run as a formula gets a leading
/// apostrophe, so a note such as "=HYPERLINK(...)" stays text.
pub fn write_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut value = String::new();
        if looks_like_formula(field) {
            value.push('\'');
        }
        value.push_str(field);
        // A record of one empty field would read back as a blank line, so quote it.
        if value.contains([',', '"', '\n', '\r']) || (fields.len() == 1 && value.is_empty()) {
            out.push('"');
            out.push_str(&value.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&value);
        }
    }
    out.push_str("\r\n");
}
