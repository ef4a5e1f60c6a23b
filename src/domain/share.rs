//! Share links: an assessment's results packed into the URL fragment (the part after `#`, which
//! browsers never send to a server). Levels only by default; notes only when the user asks.
//! Reading a link is validated like an import: bounded, strict, and never trusted.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assessment::{Answer, Assessment, AssessmentKind, Rating};
use super::framework::Framework;
use super::json_issue::JsonIssue;
use super::level::Level;

/// The fragment starts with this, so the app knows a link is meant for it.
pub const SHARE_PREFIX: &str = "cmm-share=";
/// Whether a URL hash (as `location.hash` gives it, `#` first) carries a share link rather
/// than a screen.
pub fn is_share_hash(hash: &str) -> bool {
    hash.strip_prefix('#')
        .is_some_and(|fragment| fragment.starts_with(SHARE_PREFIX))
}

/// Links longer than this are refused (some tools cut long URLs; notes make links long).
pub const MAX_SHARE_CHARS: usize = 16_000;
const MAX_NOTE_CHARS: usize = 2_000;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    /// Payload version.
    v: u32,
    /// Framework id and version.
    f: String,
    fv: String,
    /// "f" full or "q" quick.
    k: String,
    /// Date the assessment was started, YYYY-MM-DD.
    c: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    o: String,
    /// One character per question in framework order: 0 unanswered, 1–5, d(on't know), n(ot applicable).
    r: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    n: BTreeMap<String, String>,
    /// The sender's language, so the link opens in it unless the reader chose one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    l: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    Unreadable,
    UnknownVersion,
    /// For a framework this app does not have.
    OtherFramework,
    /// For another version of one of this app's frameworks (answers are packed by position).
    OtherVersion,
    Invalid(JsonIssue),
}

/// A share link read back: the results, and the language it was sent in.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub assessment: Assessment,
    pub lang: Option<String>,
}

/// The fragment (without `#`) that carries this assessment's results.
pub fn encode(framework: &Framework, a: &Assessment, include_notes: bool, lang: &str) -> String {
    let r: String = framework
        .questions()
        .map(|(_, q)| match a.rating(&q.id) {
            None => '0',
            Some(Rating::Level(l)) => char::from(b'0' + l.get()),
            Some(Rating::DontKnow) => 'd',
            Some(Rating::NotApplicable) => 'n',
        })
        .collect();
    let n = if include_notes {
        a.answers
            .iter()
            .filter(|(id, ans)| !ans.note.is_empty() && framework.question(id).is_some())
            .map(|(id, ans)| (id.clone(), ans.note.chars().take(MAX_NOTE_CHARS).collect()))
            .collect()
    } else {
        BTreeMap::new()
    };
    let payload = Payload {
        v: 1,
        f: framework.id.clone(),
        fv: framework.version.clone(),
        k: if a.kind == AssessmentKind::Quick {
            "q"
        } else {
            "f"
        }
        .into(),
        c: a.created.get(..10).unwrap_or_default().to_string(),
        o: a.organisation.clone(),
        r,
        n,
        l: lang.to_string(),
    };
    let json = serde_json::to_string(&payload).expect("payloads serialise");
    format!("{SHARE_PREFIX}{}", base64url_encode(json.as_bytes()))
}

/// Reads a fragment (with or without `#`) back into a read-only assessment of one of the app's
/// frameworks.
pub fn decode(fragment: &str, frameworks: &[&Framework]) -> Result<Shared, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_SHARE_CHARS {
        return Err(ShareError::TooLong);
    }
    let body = fragment
        .strip_prefix(SHARE_PREFIX)
        .ok_or(ShareError::Unreadable)?;
    let value = payload_json(body).ok_or(ShareError::Unreadable)?;
    if value.get("v").and_then(|v| v.as_u64()) != Some(1) {
        return Err(if value.get("v").is_some() {
            ShareError::UnknownVersion
        } else {
            ShareError::Unreadable
        });
    }
    let p: Payload = serde_json::from_value(value)
        .map_err(|e| ShareError::Invalid(JsonIssue::from_error(&e)))?;
    let framework = frameworks
        .iter()
        .find(|f| f.id == p.f)
        .ok_or(ShareError::OtherFramework)?;
    if p.fv != framework.version || p.r.chars().count() != framework.question_count() {
        return Err(ShareError::OtherVersion);
    }
    let kind = match p.k.as_str() {
        "f" => AssessmentKind::Full,
        "q" => AssessmentKind::Quick,
        other => return Err(ShareError::Invalid(JsonIssue::UnknownValue(other.into()))),
    };
    if super::dates::ymd(&p.c).is_none() {
        return Err(ShareError::Invalid(JsonIssue::WrongKind));
    }
    let mut a = Assessment::new("shared".into(), framework, kind, &p.c);
    a.organisation = p.o.chars().take(200).collect();
    for ((_, q), code) in framework.questions().zip(p.r.chars()) {
        let rating = match code {
            '0' => None,
            '1'..='5' => Level::new(code as u8 - b'0').map(Rating::Level),
            'd' => Some(Rating::DontKnow),
            'n' => Some(Rating::NotApplicable),
            other => return Err(ShareError::Invalid(JsonIssue::BadRating(other.to_string()))),
        };
        if let Some(rating) = rating {
            a.answers.insert(q.id.clone(), Answer::new(rating));
        }
    }
    for (id, note) in p.n {
        if framework.question(&id).is_none() {
            return Err(ShareError::Invalid(JsonIssue::UnknownField(id)));
        }
        let note: String = note.chars().take(MAX_NOTE_CHARS).collect();
        a.answers
            .entry(id)
            .or_insert(Answer {
                rating: None,
                note: String::new(),
            })
            .note = note;
    }
    let lang = (!p.l.is_empty() && p.l.len() <= 8).then_some(p.l);
    Ok(Shared {
        assessment: a,
        lang,
    })
}

/// Whether `saved` is a copy of the shared results `shared` (so saving it again would make a
/// duplicate): same framework, start date, kind, organisation and answers.
pub fn is_copy_of(saved: &Assessment, shared: &Assessment) -> bool {
    saved.framework_id == shared.framework_id
        && saved.created.get(..10) == shared.created.get(..10)
        && saved.kind == shared.kind
        && saved.organisation == shared.organisation
        && saved.answers == shared.answers
}

/// The JSON a link's body (after the prefix) carries, unchecked.
fn payload_json(body: &str) -> Option<serde_json::Value> {
    serde_json::from_slice(&base64url_decode(body)?).ok()
}

/// The language a share link was sent in, read without checking the rest of the link (the app
/// needs it before it loads anything else).
pub fn peek_language(fragment: &str) -> Option<String> {
    let body = fragment.strip_prefix(SHARE_PREFIX)?;
    if body.len() > MAX_SHARE_CHARS {
        return None;
    }
    let value = payload_json(body)?;
    let lang = value.get("l")?.as_str()?;
    (lang.len() <= 8).then(|| lang.to_string())
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const STANDARD_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Unpadded base64url (RFC 4648 §5): safe in a URL fragment without escaping.
pub fn base64url_encode(bytes: &[u8]) -> String {
    encode64(bytes, ALPHABET, false)
}

/// Standard base64 with padding (RFC 4648 §4), for `data:` URLs.
pub fn base64_encode(bytes: &[u8]) -> String {
    encode64(bytes, STANDARD_ALPHABET, true)
}

fn encode64(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(alphabet[(n >> (18 - 6 * i) & 63) as usize]));
        }
        if pad {
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
