//! Text in a content file (framework or benchmarks) that may come in several languages: either a
//! plain string (a file in one language) or an object with one string per language code, such as
//! `{"en": "Contract tiering", "cy": "Haenu contractau"}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::problems::{Collector, Issue};

/// The languages of a file that does not list them: English.
pub fn english_only() -> Vec<String> {
    vec!["en".to_string()]
}

/// The language a file of `languages` is read in for `lang`, and its fallback (the file's
/// first): `lang` itself if the file has it, else the fallback.
pub fn choose<'a>(languages: &'a [String], lang: &'a str) -> (&'a str, &'a str) {
    let fallback = languages.first().map_or("en", String::as_str);
    let chosen = if languages.iter().any(|l| l == lang) {
        lang
    } else {
        fallback
    };
    (chosen, fallback)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Localised {
    Plain(String),
    ByLanguage(BTreeMap<String, String>),
}

impl Localised {
    /// The text in `lang`, or in `fallback` when the file has no such language.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Localised::Plain(s) => s,
            Localised::ByLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .map(String::as_str)
                .unwrap_or_default(),
        }
    }

    /// Reports a text that is blank, lacks one of the file's `languages`, or has one it does not
    /// declare. A plain string is accepted only in a file of one language.
    pub fn check(&self, c: &mut Collector, path: impl Into<String>, languages: &[String]) {
        let path = path.into();
        match self {
            Localised::Plain(s) => {
                if languages.len() > 1 {
                    c.add(path.clone(), Issue::MissingLanguage(languages[1].clone()));
                }
                c.text(path, s);
            }
            Localised::ByLanguage(map) => {
                for lang in languages {
                    match map.get(lang) {
                        Some(s) => c.text(format!("{path}.{lang}"), s),
                        None => c.add(path.clone(), Issue::MissingLanguage(lang.clone())),
                    }
                }
                for lang in map.keys() {
                    if !languages.contains(lang) {
                        c.add(
                            format!("{path}.{lang}"),
                            Issue::UnknownLanguage(lang.clone()),
                        );
                    }
                }
            }
        }
    }
}

impl From<&str> for Localised {
    fn from(s: &str) -> Self {
        Localised::Plain(s.to_string())
    }
}

impl Serialize for Localised {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Localised::Plain(text) => text.serialize(s),
            Localised::ByLanguage(map) => map.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Localised {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Localised;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or an object with a string per language")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Localised, E> {
                Ok(Localised::Plain(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Localised, E> {
                Ok(Localised::Plain(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Localised, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((k, v)) = a.next_entry::<String, String>()? {
                    map.insert(k, v);
                }
                Ok(Localised::ByLanguage(map))
            }
        }
        d.deserialize_any(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_per_language_texts_read_and_check() {
        let plain: Localised = serde_json::from_str("\"Tiering\"").unwrap();
        assert_eq!(plain.get("cy", "en"), "Tiering");
        let both: Localised = serde_json::from_str(r#"{"en":"Tiering","cy":"Haenu"}"#).unwrap();
        assert_eq!(both.get("cy", "en"), "Haenu");
        assert_eq!(both.get("fr", "en"), "Tiering");

        let langs = vec!["en".to_string(), "cy".to_string()];
        let mut c = Collector::default();
        let english_only: Localised = serde_json::from_str(r#"{"en":"Tiering"}"#).unwrap();
        english_only.check(&mut c, "themes[0].title", &langs);
        plain.check(&mut c, "themes[1].title", &langs);
        both.check(&mut c, "themes[2].title", &langs);
        let problems = c.finish(()).unwrap_err();
        assert!(problems.has("themes[0].title", &Issue::MissingLanguage("cy".into())));
        assert!(problems.has("themes[1].title", &Issue::MissingLanguage("cy".into())));
        assert_eq!(problems.0.len(), 2);
    }
}
