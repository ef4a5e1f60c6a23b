//! Collecting every problem in a document, each with the path where it was found, so an author can
//! fix a framework, benchmark or language file in one pass instead of one error at a time.
//! Problems are data; the text module puts them in words in the reader's language.

use std::fmt;

use super::json_issue::JsonIssue;

/// What is wrong at one place in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// Not JSON, or not the shape expected.
    Json(super::json_issue::JsonIssue),
    Expected {
        expected: String,
        found: String,
    },
    /// A document format version this build does not read.
    FormatVersion {
        reads: String,
        found: u64,
    },
    Empty,
    /// A list of the wrong length.
    Count {
        expected: usize,
        found: usize,
    },
    AtLeastOne,
    Duplicate {
        id: String,
        first: Option<String>,
    },
    NotPositive(String),
    /// An earlier id that is still the id of a live question.
    FormerIdLive(String),
    UnknownQuestion(String),
    UnknownTheme(String),
    UnknownTerm(String),
    UnknownArea(String),
    /// A register code no council in the register has.
    UnknownCouncil(String),
    UnknownLanguage(String),
    /// A text without one of the languages the file declares.
    MissingLanguage(String),
    NotADate(String),
    /// An address a link may not go to (only https addresses may).
    NotALink(String),
    /// A nation the frameworks' law is not written for (only England and Wales are).
    LawNotWrittenFor(String),
    SampleSizeRequired,
    /// An "expectation" benchmark carrying what only measured figures have.
    ExpectationWithData,
    LevelRange(String),
    QuartileOrder {
        lower: String,
        median: String,
        upper: String,
    },
    QuartilesPaired,
    MoreThanSample {
        organisations: u32,
        sample: u32,
    },
    /// A figure from fewer organisations than may be published.
    TooFewOrganisations {
        organisations: u32,
        minimum: u32,
    },
    OtherFramework {
        found: String,
        expected: String,
    },
    /// A language file without a key the app needs.
    MissingKey,
    UnknownKey,
    MissingPluralForm,
    WrongType(&'static str),
}

/// One thing wrong with a document, located by a JSON path such as `themes[2].questions[1].levels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub issue: Issue,
}

/// All the problems found in a document. A document with any problem is rejected whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn has(&self, path: &str, issue: &Issue) -> bool {
        self.0.iter().any(|p| p.path == path && &p.issue == issue)
    }
}

/// For logs and panics only; people read problems through the text module.
impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {:?}", p.path, p.issue)?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// Accumulates problems while a validator walks a document.
#[derive(Default)]
pub struct Collector {
    found: Vec<Problem>,
}

impl Collector {
    pub fn add(&mut self, path: impl Into<String>, issue: Issue) {
        self.found.push(Problem {
            path: path.into(),
            issue,
        });
    }

    /// The header every content file starts with: its `format` must be `expected`, and its
    /// `formatVersion` one this build reads.
    pub fn header(
        &mut self,
        format: &str,
        expected: &str,
        version: u32,
        reads: std::ops::RangeInclusive<u32>,
    ) {
        if format != expected {
            self.add(
                "format",
                Issue::Expected {
                    expected: expected.into(),
                    found: format.into(),
                },
            );
        }
        if !reads.contains(&version) {
            let reads = match (reads.start(), reads.end()) {
                (a, b) if a == b => a.to_string(),
                (a, b) => format!("{a}–{b}"),
            };
            self.add(
                "formatVersion",
                Issue::FormatVersion {
                    reads,
                    found: u64::from(version),
                },
            );
        }
    }

    /// Reports blank or whitespace-only text, which would show as an empty line to users.
    pub fn text(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.add(path, Issue::Empty);
        }
    }

    pub fn finish<T>(self, value: T) -> Result<T, Problems> {
        if self.found.is_empty() {
            Ok(value)
        } else {
            Err(Problems(self.found))
        }
    }
}

/// Parses JSON into `T`. A JSON error comes back without its place in the document: finding
/// that takes a second, slower reading ([`locate`]), kept apart so that the code for it is
/// loaded only when a file is broken.
pub fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Problems> {
    serde_json::from_str(json).map_err(|e| {
        Problems(vec![Problem {
            path: String::new(),
            issue: Issue::Json(JsonIssue::from_error(&e)),
        }])
    })
}

/// Where in a document reading it as `T` fails (unknown field, wrong type), as a located problem.
pub fn locate<T: serde::de::DeserializeOwned>(json: &str) -> Problems {
    let de = &mut serde_json::Deserializer::from_str(json);
    let (path, issue) = match serde_path_to_error::deserialize::<_, T>(de) {
        Err(err) => {
            let path = err.path().to_string();
            (path, JsonIssue::from_error(&err.into_inner()))
        }
        Ok(_) => (String::new(), JsonIssue::Other),
    };
    let path = if path == "." { String::new() } else { path };
    Problems(vec![Problem {
        path,
        issue: Issue::Json(issue),
    }])
}

impl Problems {
    /// True when the document could not be read as JSON of the right shape (so [`locate`]
    /// can say where).
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self.0.as_slice(),
            [Problem {
                issue: Issue::Json(_),
                ..
            }]
        )
    }
}
