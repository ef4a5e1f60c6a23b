//! The framework document: themes, questions and their five-rung ladders, loaded from JSON and
//! validated whole, so a council or the programme can supply its own without touching code.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::level::Level;
use super::problems::{parse_json, Collector, Problems};

/// The format version this build reads. A newer document is refused rather than half-understood.
pub const FRAMEWORK_FORMAT_VERSION: u32 = 1;
pub const FRAMEWORK_FORMAT: &str = "cm-maturity-framework";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Framework {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: String,
    pub levels: Vec<LevelDefinition>,
    pub themes: Vec<Theme>,
    /// Question ids that make up the short "quick check".
    pub quick_check: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LevelDefinition {
    pub level: u8,
    pub name: String,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Relative weight in the overall score; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// A short name for summaries and tables.
    pub title: String,
    /// The question as asked.
    pub prompt: String,
    /// Ids this question had in earlier framework versions, so old answers follow a rename.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_ids: Vec<String>,
    /// Tags naming what the question covers (such as an NAO good practice area).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// Exactly five rungs, level 1 first.
    pub levels: Vec<Rung>,
    pub guidance: Guidance,
}

/// One rung of a question's ladder: what is observably true at that level, and what to do next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rung {
    pub statement: String,
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Guidance {
    pub why: String,
    pub evidence: String,
}

impl Framework {
    /// Parses and validates a framework document; any problem rejects the whole document.
    pub fn from_json(json: &str) -> Result<Framework, Problems> {
        let framework: Framework = parse_json(json)?;
        framework.validate()
    }

    pub fn validate(self) -> Result<Framework, Problems> {
        let mut c = Collector::default();
        if self.format != FRAMEWORK_FORMAT {
            c.add(
                "format",
                format!("expected \"{FRAMEWORK_FORMAT}\", found \"{}\"", self.format),
            );
        }
        if self.format_version != FRAMEWORK_FORMAT_VERSION {
            c.add(
                "formatVersion",
                format!(
                    "this app reads version {FRAMEWORK_FORMAT_VERSION}, found {}",
                    self.format_version
                ),
            );
        }
        c.text("id", &self.id);
        c.text("version", &self.version);
        c.text("title", &self.title);
        c.text("description", &self.description);

        if self.levels.len() != 5 {
            c.add("levels", format!("expected 5, found {}", self.levels.len()));
        }
        for (i, l) in self.levels.iter().enumerate() {
            let p = format!("levels[{i}]");
            if usize::from(l.level) != i + 1 {
                c.add(
                    format!("{p}.level"),
                    format!("expected {}, found {}", i + 1, l.level),
                );
            }
            c.text(format!("{p}.name"), &l.name);
            c.text(format!("{p}.meaning"), &l.meaning);
        }

        if self.themes.is_empty() {
            c.add("themes", "expected at least one theme");
        }
        let mut theme_ids = HashSet::new();
        let mut question_ids: HashMap<&str, String> = HashMap::new();
        for (t, theme) in self.themes.iter().enumerate() {
            let tp = format!("themes[{t}]");
            c.text(format!("{tp}.id"), &theme.id);
            if !theme_ids.insert(theme.id.as_str()) {
                c.add(
                    format!("{tp}.id"),
                    format!("duplicate theme id \"{}\"", theme.id),
                );
            }
            c.text(format!("{tp}.title"), &theme.title);
            c.text(format!("{tp}.summary"), &theme.summary);
            if let Some(w) = theme.weight {
                if !(w.is_finite() && w > 0.0) {
                    c.add(
                        format!("{tp}.weight"),
                        format!("must be a positive number, found {w}"),
                    );
                }
            }
            if theme.questions.is_empty() {
                c.add(format!("{tp}.questions"), "expected at least one question");
            }
            for (q, question) in theme.questions.iter().enumerate() {
                let qp = format!("{tp}.questions[{q}]");
                c.text(format!("{qp}.id"), &question.id);
                if let Some(first) = question_ids.get(question.id.as_str()) {
                    c.add(
                        format!("{qp}.id"),
                        format!(
                            "duplicate question id \"{}\" (also at {first})",
                            question.id
                        ),
                    );
                } else {
                    question_ids.insert(&question.id, qp.clone());
                }
                c.text(format!("{qp}.title"), &question.title);
                c.text(format!("{qp}.prompt"), &question.prompt);
                c.text(format!("{qp}.guidance.why"), &question.guidance.why);
                c.text(
                    format!("{qp}.guidance.evidence"),
                    &question.guidance.evidence,
                );
                if question.levels.len() != 5 {
                    c.add(
                        format!("{qp}.levels"),
                        format!("expected 5, found {}", question.levels.len()),
                    );
                }
                for (r, rung) in question.levels.iter().enumerate() {
                    c.text(format!("{qp}.levels[{r}].statement"), &rung.statement);
                    c.text(format!("{qp}.levels[{r}].action"), &rung.action);
                }
            }
        }
        // Former ids may not collide with live ids, or old answers would land on the wrong question.
        for (t, theme) in self.themes.iter().enumerate() {
            for (q, question) in theme.questions.iter().enumerate() {
                for (f, former) in question.former_ids.iter().enumerate() {
                    if question_ids.contains_key(former.as_str()) {
                        c.add(
                            format!("themes[{t}].questions[{q}].formerIds[{f}]"),
                            format!("\"{former}\" is still the id of a question"),
                        );
                    }
                }
            }
        }
        let mut seen_quick = HashSet::new();
        for (i, id) in self.quick_check.iter().enumerate() {
            if !question_ids.contains_key(id.as_str()) {
                c.add(
                    format!("quickCheck[{i}]"),
                    format!("unknown question id \"{id}\""),
                );
            }
            if !seen_quick.insert(id.as_str()) {
                c.add(
                    format!("quickCheck[{i}]"),
                    format!("duplicate question id \"{id}\""),
                );
            }
        }
        if self.quick_check.is_empty() {
            c.add("quickCheck", "expected at least one question");
        }
        c.finish(self)
    }

    pub fn level_name(&self, level: Level) -> &str {
        &self.levels[level.index()].name
    }

    pub fn questions(&self) -> impl Iterator<Item = (&Theme, &Question)> {
        self.themes
            .iter()
            .flat_map(|t| t.questions.iter().map(move |q| (t, q)))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The live id for a question id from any earlier version of this framework.
    pub fn current_id<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        self.questions().map(|(_, q)| q).find_map(|q| {
            (q.id == id || q.former_ids.iter().any(|f| f == id)).then_some(q.id.as_str())
        })
    }

    pub fn question_count(&self) -> usize {
        self.themes.iter().map(|t| t.questions.len()).sum()
    }
}

impl Theme {
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }
}
