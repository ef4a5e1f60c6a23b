//! Every user-facing string, read from a language file (`public/data/text/<lang>.json`), so a
//! translation is a data file and Welsh and English take exactly the same code paths.
//!
//! The `Text` struct is generated from the English file by `build.rs`: adding a string to
//! `en.json` adds a field, and a language file missing a key is refused with its name. Templates
//! use `{name}` placeholders, filled by [`fill`]; counts go through [`Plural`] forms.

pub mod mutation;
mod plural;
mod words;

use serde_json::{Map, Value};

use crate::domain::problems::{locate, parse_json, Collector, Issue, Problems};
pub use plural::{Category, Plural};

include!(concat!(env!("OUT_DIR"), "/text_keys.rs"));

/// The languages the app is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The code used in settings, file names and framework files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy",
        }
    }

    /// Reads a code or tag such as "cy", "CY" or "cy-GB".
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    /// The other language, for the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }
}

/// Where a language file lives, relative to the widget.
pub fn file_for(lang: Lang) -> String {
    format!("data/text/{}.json", lang.code())
}

impl Text {
    /// Reads a language file. Every key must be there, with every plural form the language
    /// uses; a key the app does not know is refused too, so a typo cannot hide a string.
    pub fn from_json(lang: Lang, json: &str) -> Result<Text, Problems> {
        let map: Map<String, Value> = parse_json(json)?;
        let mut c = Collector::default();
        match map.get("lang").and_then(Value::as_str) {
            Some(code) if Lang::parse(code) == Some(lang) => {}
            other => c.add(
                "lang",
                Issue::Expected {
                    expected: lang.code().into(),
                    found: other.unwrap_or_default().into(),
                },
            ),
        }
        for key in map.keys() {
            if key != "lang" && key != "$schema" && !KEYS.contains(&key.as_str()) {
                c.add(key.clone(), Issue::UnknownKey);
            }
        }
        let text = Text::from_map(lang, &map, &mut c);
        c.finish(text)
    }

    /// Where a language file that could not be read goes wrong.
    pub fn diagnose(json: &str) -> Problems {
        locate::<Map<String, Value>>(json)
    }

    /// Reads a language file and keeps it for the life of the page (each language is read at
    /// most once), so its strings can be handed to views as `&'static str`.
    pub fn leak(lang: Lang, json: &str) -> Result<&'static Text, Problems> {
        Text::from_json(lang, json).map(|t| &*Box::leak(Box::new(t)))
    }

    /// A count in words: the plural form for `n`, with `{count}` filled.
    pub fn count(&self, message: &Plural, n: usize) -> String {
        fill(message.form(n as u64), &[("count", &self.number(n))])
    }

    /// The document's title for a screen with this heading, in the GOV.UK form ("Results –
    /// Contract management self-assessment"); the start page is the service's name alone, and a
    /// screen showing an error summary says so first.
    pub fn page_title(&self, heading: &str, error: bool) -> String {
        let heading = heading.split_whitespace().collect::<Vec<_>>().join(" ");
        let title = if heading.is_empty() || heading == self.start_title {
            self.start_title.to_string()
        } else {
            fill(
                self.page_title,
                &[("screen", &heading), ("service", &self.start_title)],
            )
        };
        if error {
            format!("{}{title}", self.error_prefix)
        } else {
            title
        }
    }

    /// A whole number with its thousands grouped ("1,000"), as English and Welsh write it.
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
}

fn leaked(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn string(_: Lang, map: &Map<String, Value>, key: &str, c: &mut Collector) -> &'static str {
    match map.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => leaked(s),
        Some(Value::String(_)) => {
            c.add(key, Issue::Empty);
            ""
        }
        Some(_) => {
            c.add(key, Issue::WrongType("text"));
            ""
        }
        None => {
            c.add(key, Issue::MissingKey);
            ""
        }
    }
}

fn list(
    _: Lang,
    map: &Map<String, Value>,
    key: &str,
    c: &mut Collector,
) -> &'static [&'static str] {
    let Some(Value::Array(items)) = map.get(key) else {
        c.add(
            key,
            if map.contains_key(key) {
                Issue::WrongType("list")
            } else {
                Issue::MissingKey
            },
        );
        return &[];
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) if !s.trim().is_empty() => out.push(leaked(s)),
            _ => c.add(format!("{key}[{i}]"), Issue::Empty),
        }
    }
    Box::leak(out.into_boxed_slice())
}

fn plural(lang: Lang, map: &Map<String, Value>, key: &str, c: &mut Collector) -> Plural {
    let mut forms = [None; 6];
    match map.get(key) {
        Some(Value::Object(given)) => {
            for (i, category) in Category::ALL.into_iter().enumerate() {
                match given.get(category.name()).and_then(Value::as_str) {
                    Some(s) if !s.trim().is_empty() => forms[i] = Some(leaked(s)),
                    _ if lang.plural_categories().contains(&category) => c.add(
                        format!("{key}.{}", category.name()),
                        Issue::MissingPluralForm,
                    ),
                    _ => {}
                }
            }
            for form in given.keys() {
                let known = lang.plural_categories().iter().any(|c| c.name() == form);
                if !known {
                    c.add(format!("{key}.{form}"), Issue::UnknownKey);
                }
            }
        }
        Some(_) => c.add(key, Issue::WrongType("plural forms")),
        None => c.add(key, Issue::MissingKey),
    }
    Plural::new(lang, forms)
}

/// Fills `{name}` placeholders in a template, in one pass over the template: text a value
/// brings in (a name a user typed, say "{date}") is never read as a placeholder itself.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill_parts(template, args, &[])
        .into_iter()
        .map(|p| match p {
            Part::Text(s) | Part::Code(s) => s,
        })
        .collect()
}

/// A piece of a filled message: words, or a value to show as code (a setting as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Code(String),
}

/// [`fill`], keeping the values of the placeholders named in `code` apart, to show as code.
pub fn fill_parts(
    template: &str,
    args: &[(&str, &dyn std::fmt::Display)],
    code: &[&str],
) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (name, v.to_string(), close))
        });
        match value {
            Some((name, value, close)) => {
                if code.contains(&name) {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Code(value));
                } else {
                    text.push_str(&value);
                }
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    parts
}

/// A value from outside (a setting in a link, say) cut to a length a message can hold.
pub fn short(value: &str) -> String {
    const MAX: usize = 60;
    let clean: String = value.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() <= MAX {
        clean
    } else {
        let mut cut: String = clean.chars().take(MAX).collect();
        cut.push('…');
        cut
    }
}

/// The `{name}` placeholders a template uses, sorted, for checking translations.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The few words needed before a language file has loaded (or when it cannot): compiled in,
/// from `public/data/text/boot.json`, in every language.
#[derive(Clone)]
pub struct Boot {
    pub loading: String,
    pub failed_title: String,
    pub text_failed: String,
    pub retry: String,
    pub stopped: String,
    /// The same, when the last change could not be saved safely.
    pub stopped_unsaved: String,
}

impl Boot {
    pub fn get(lang: Lang) -> Boot {
        let all: Value = serde_json::from_str(include_str!("../../public/data/text/boot.json"))
            .unwrap_or(Value::Null);
        let words = &all[lang.code()];
        let word = |k: &str| words[k].as_str().unwrap_or_default().to_string();
        Boot {
            loading: word("loading"),
            failed_title: word("failed_title"),
            text_failed: word("text_failed"),
            retry: word("retry"),
            stopped: word("stopped"),
            stopped_unsaved: word("stopped_unsaved"),
        }
    }
}
