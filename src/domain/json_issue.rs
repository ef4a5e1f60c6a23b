//! Why a JSON document could not be read, as data: the JSON reader's own messages are English
//! and name Rust types ("unknown variant `metropolitan`, expected one of …"), so they are
//! sorted into these kinds here and put in words, in the reader's language, by the text module.

/// Marks a rating that is neither a level from 1 to 5 nor one of the two words, so that reading
/// it fails with a message this module recognises.
pub const BAD_RATING: &str = "cmm: not a rating: ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonIssue {
    /// Not JSON: reading stopped at this line and column.
    Syntax { line: usize, column: usize },
    /// The text ends before the document does (a file or link cut short).
    CutShort,
    /// A value that is not one of those allowed where it is, as written.
    UnknownValue(String),
    /// An entry the document's format does not have.
    UnknownField(String),
    /// An entry the format needs.
    MissingField(String),
    /// A value of the wrong kind: text where a number belongs, a list for a word.
    WrongKind,
    /// An answer that is not a level from 1 to 5, "don't know" or "not applicable", as written.
    BadRating(String),
    /// Anything else: the document is not in the form expected.
    Other,
}

impl JsonIssue {
    pub fn from_error(e: &serde_json::Error) -> JsonIssue {
        use serde_json::error::Category;
        match e.classify() {
            Category::Syntax => JsonIssue::Syntax {
                line: e.line(),
                column: e.column(),
            },
            Category::Eof => JsonIssue::CutShort,
            Category::Io => JsonIssue::Other,
            Category::Data => JsonIssue::from_message(&e.to_string()),
        }
    }

    /// Sorts a data error by serde's message (stable wording: "unknown variant `x`", "unknown
    /// field `x`", "missing field `x`", "invalid type: …"), after any " at line L column C".
    pub fn from_message(message: &str) -> JsonIssue {
        let message = match message.rfind(" at line ") {
            Some(i) => &message[..i],
            None => message,
        };
        let quoted = |rest: &str| rest.split('`').next().unwrap_or_default().to_string();
        if let Some(rest) = message.strip_prefix("unknown variant `") {
            JsonIssue::UnknownValue(quoted(rest))
        } else if let Some(rest) = message.strip_prefix("unknown field `") {
            JsonIssue::UnknownField(quoted(rest))
        } else if let Some(rest) = message.strip_prefix("missing field `") {
            JsonIssue::MissingField(quoted(rest))
        } else if let Some(found) = message.strip_prefix(BAD_RATING) {
            JsonIssue::BadRating(found.to_string())
        } else if message.starts_with("invalid type")
            || message.starts_with("invalid value")
            || message.starts_with("invalid length")
            || message.starts_with("data did not match any variant")
        {
            JsonIssue::WrongKind
        } else {
            JsonIssue::Other
        }
    }
}
