//! Collecting every problem in a document, each with the path where it was found, so an author can
//! fix a framework or benchmark file in one pass instead of one error at a time.

use std::fmt;

/// One thing wrong with a document, located by a JSON path such as `themes[2].questions[1].levels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// All the problems found in a document. A document with any problem is rejected whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn messages(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// Accumulates problems while a validator walks a document.
#[derive(Default)]
pub(crate) struct Collector {
    found: Vec<Problem>,
}

impl Collector {
    pub fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Reports blank or whitespace-only text, which would show as an empty line to users.
    pub fn text(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.add(path, "must not be empty");
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

/// Parses JSON into `T`, turning a serde error into a located problem (unknown fields, wrong types).
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Problems> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let message = strip_position(&inner.to_string());
        let path = if path == "." { String::new() } else { path };
        Problems(vec![Problem { path, message }])
    })
}

/// serde_json appends " at line L column C"; keep the line for syntax errors only, where no path exists.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i)
            if msg[..i].contains('`')
                || msg.starts_with("invalid")
                || msg.starts_with("missing") =>
        {
            msg[..i].to_string()
        }
        _ => msg.to_string(),
    }
}
