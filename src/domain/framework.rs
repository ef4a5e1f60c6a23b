//! The framework document: themes, questions and their five-rung ladders, with a glossary and
//! the areas each question covers, loaded from JSON and validated whole, so a council or the
//! programme can supply its own without touching code.
//!
//! A file's texts may come in several languages (`Framework<Localised>`); the app works with
//! one language at a time (`Framework<String>`, the default), made by [`Framework::resolve`].

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::context::Nation;
use super::dates::ymd;
use super::level::Level;
use super::localised::{choose, english_only, Localised};
use super::problems::{locate, parse_json, Collector, Issue, Problems};

pub const FRAMEWORK_FORMAT: &str = "cm-maturity-framework";
/// The newest format version this build reads; version 1 files (one language, no glossary) and
/// version 2 (no nations) are still read. A newer document is refused rather than
/// half-understood. Version 3 says where each legal statement applies and the date of the law.
pub const FRAMEWORK_FORMAT_VERSION: u32 = 3;

/// Whose practice a framework rates: an organisation's, or one person's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Audience {
    #[default]
    Organisation,
    Individual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Framework<T = String> {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub version: String,
    #[serde(default)]
    pub audience: Audience,
    /// Language codes every text in the file is given in, first the one to fall back to.
    #[serde(default = "english_only")]
    pub languages: Vec<String>,
    pub title: T,
    pub description: T,
    /// The date the law it states is correct at (YYYY-MM-DD); required from format 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law_as_at: Option<String>,
    pub levels: Vec<LevelDefinition<T>>,
    /// The areas questions can say they cover (NAO areas, legal duties, other frameworks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area<T>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<Term<T>>,
    pub themes: Vec<Theme<T>>,
    /// Question ids that make up the short "quick check".
    pub quick_check: Vec<String>,
    /// Questions of an earlier version that were split: their answer is a starting point for each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carry_over: Vec<CarryOver>,
    /// Question ids of earlier versions that are no longer asked; their answers are set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
    /// The language this copy's texts are in (set by `resolve`).
    #[serde(skip)]
    pub lang: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LevelDefinition<T = String> {
    pub level: u8,
    pub name: T,
    pub meaning: T,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Area<T = String> {
    /// Scheme and area, such as `nao:people` or `law:pa23-s52-kpis`.
    pub id: String,
    pub name: T,
    /// For a law, the nations it binds councils in (England, Wales or both); required for
    /// `law:` areas from format 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_in: Vec<Nation>,
}

impl<T> Area<T> {
    /// The part before the colon: `nao`, `law`, `nps`, `cciaf`, `cmps`, `topic`.
    pub fn scheme(&self) -> &str {
        self.id.split_once(':').map_or("", |(s, _)| s)
    }

    /// Whether a council in `nation` should be shown this area as its own. A law is shown only
    /// where it applies; when the nation is not known, or is one the law is not written for,
    /// everything is shown (labelled with where it applies).
    pub fn shown_for(&self, nation: Option<Nation>) -> bool {
        applies(&self.applies_in, nation)
    }
}

/// Whether something that applies in `applies_in` (empty: everywhere) is for a council in
/// `nation`: in England or Wales only what applies there; elsewhere, or unknown, all of it.
pub fn applies(applies_in: &[Nation], nation: Option<Nation>) -> bool {
    match nation {
        Some(n) if n.law_written_for() => applies_in.is_empty() || applies_in.contains(&n),
        _ => true,
    }
}

/// A glossary entry, shown beside the questions that use the term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Term<T = String> {
    pub id: String,
    pub term: T,
    pub definition: T,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Theme<T = String> {
    pub id: String,
    pub title: T,
    pub summary: T,
    /// Relative weight in the overall score; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    pub questions: Vec<Question<T>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Question<T = String> {
    pub id: String,
    /// A short name for summaries and tables.
    pub title: T,
    /// The question as asked.
    pub prompt: T,
    /// Ids this question had in earlier versions, so old answers follow a rename. Where several
    /// earlier questions were merged into this one, the first answered of them wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_ids: Vec<String>,
    /// Area ids this question covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// Glossary ids of the terms this question uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// Exactly five rungs, level 1 first.
    pub levels: Vec<Rung<T>>,
    pub guidance: Guidance<T>,
    /// Help that exists outside the tool for climbing this question's ladder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource<T>>,
}

/// A page outside the tool that helps with an action: the law a rung cites, a guide, a
/// template or a process map. Only an https address is accepted, shown as an ordinary link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Resource<T = String> {
    pub title: T,
    pub url: String,
    pub kind: ResourceKind,
    /// Who offers it, when not the framework's authors: a council's own resources file
    /// ([`crate::domain::resources`]) says so on each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<T>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceKind {
    Legislation,
    Guidance,
    Template,
    ProcessMap,
}

/// An address a resource may link to: https, a host, and nothing a page could misread (no
/// spaces, quotes, angle brackets or backslashes).
pub fn is_link_address(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && url.len() <= 2000
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`".contains(c))
}

/// One rung of a question's ladder: what is observably true at that level, and what to do next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Rung<T = String> {
    /// Written to hold in both England and Wales (and to read as practice elsewhere).
    pub statement: T,
    pub action: T,
    /// The same rung in the words of one nation's law, where the law differs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<RungVariant<T>>,
}

/// A rung as a council in the named nations reads it: the same step, in its own law's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct RungVariant<T = String> {
    pub applies_in: Vec<Nation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<T>,
}

impl<T> Rung<T> {
    fn variant(&self, nation: Option<Nation>) -> Option<&RungVariant<T>> {
        let n = nation.filter(|n| n.law_written_for())?;
        self.variants.iter().find(|v| v.applies_in.contains(&n))
    }

    /// The statement a council in `nation` reads (the shared words where its law does not
    /// differ, or where the nation is not known).
    pub fn statement_in(&self, nation: Option<Nation>) -> &T {
        self.variant(nation)
            .and_then(|v| v.statement.as_ref())
            .unwrap_or(&self.statement)
    }

    pub fn action_in(&self, nation: Option<Nation>) -> &T {
        self.variant(nation)
            .and_then(|v| v.action.as_ref())
            .unwrap_or(&self.action)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Guidance<T = String> {
    pub why: T,
    pub evidence: T,
    /// What the law requires, each note saying where it applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub law: Vec<LawNote<T>>,
}

/// One statement of law in a question's guidance, and the nations where it is the law.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LawNote<T = String> {
    pub applies_in: Vec<Nation>,
    pub text: T,
}

impl<T> Guidance<T> {
    /// The legal notes a council in `nation` is shown: its own law in England or Wales; all of
    /// them, each labelled with where it applies, when the nation is another or not known.
    pub fn law_for(&self, nation: Option<Nation>) -> impl Iterator<Item = &LawNote<T>> {
        self.law
            .iter()
            .filter(move |n| applies(&n.applies_in, nation))
    }
}

/// An earlier question split into several: its answer carries to each of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarryOver {
    pub from: String,
    pub to: Vec<String>,
}

impl Framework<Localised> {
    /// Reads and validates a framework file in all its languages. A file that is not JSON of
    /// the right shape gets one unlocated problem; [`Framework::diagnose`] says where.
    pub fn parse(json: &str) -> Result<Framework<Localised>, Problems> {
        let framework: Framework<Localised> = parse_json(json)?;
        framework.validate()
    }

    /// Where a framework file that [`Framework::parse`] could not read goes wrong.
    pub fn diagnose(json: &str) -> Problems {
        locate::<Framework<Localised>>(json)
    }

    /// [`Framework::parse`], with the place of a reading error found at once (for tools and
    /// tests; the app finds it only when it needs to).
    pub fn parse_located(json: &str) -> Result<Framework<Localised>, Problems> {
        Framework::parse(json).map_err(|p| {
            if p.is_unreadable() {
                Framework::diagnose(json)
            } else {
                p
            }
        })
    }

    /// The framework in one language: `lang` if the file has it, else the file's first language.
    pub fn resolve(&self, lang: &str) -> Framework<String> {
        let (chosen, fallback) = choose(&self.languages, lang);
        let mut out = self.map(&|t: &Localised| t.get(chosen, fallback).to_string());
        out.lang = chosen.to_string();
        out
    }

    pub fn validate(self) -> Result<Framework<Localised>, Problems> {
        let mut c = Collector::default();
        c.header(
            &self.format,
            FRAMEWORK_FORMAT,
            self.format_version,
            1..=FRAMEWORK_FORMAT_VERSION,
        );
        c.text("id", &self.id);
        c.text("version", &self.version);
        if self.languages.is_empty() {
            c.add("languages", Issue::AtLeastOne);
        }
        let langs = &self.languages;
        self.title.check(&mut c, "title", langs);
        self.description.check(&mut c, "description", langs);
        // Checks of a format this build reads; a newer one is refused above, not picked over.
        let nations = (3..=FRAMEWORK_FORMAT_VERSION).contains(&self.format_version);
        match &self.law_as_at {
            Some(date) if !is_date(date) => c.add("lawAsAt", Issue::NotADate(date.clone())),
            None if nations => c.add("lawAsAt", Issue::Empty),
            _ => {}
        }

        if self.levels.len() != 5 {
            c.add(
                "levels",
                Issue::Count {
                    expected: 5,
                    found: self.levels.len(),
                },
            );
        }
        for (i, l) in self.levels.iter().enumerate() {
            let p = format!("levels[{i}]");
            if usize::from(l.level) != i + 1 {
                c.add(
                    format!("{p}.level"),
                    Issue::Count {
                        expected: i + 1,
                        found: usize::from(l.level),
                    },
                );
            }
            l.name.check(&mut c, format!("{p}.name"), langs);
            l.meaning.check(&mut c, format!("{p}.meaning"), langs);
        }

        let area_ids = unique_ids(&mut c, "areas", self.areas.iter().map(|a| a.id.as_str()));
        for (i, a) in self.areas.iter().enumerate() {
            a.name.check(&mut c, format!("areas[{i}].name"), langs);
            check_applies_in(&mut c, format!("areas[{i}].appliesIn"), &a.applies_in);
            if nations && a.scheme() == "law" && a.applies_in.is_empty() {
                c.add(format!("areas[{i}].appliesIn"), Issue::AtLeastOne);
            }
        }
        let term_ids = unique_ids(
            &mut c,
            "glossary",
            self.glossary.iter().map(|t| t.id.as_str()),
        );
        for (i, t) in self.glossary.iter().enumerate() {
            t.term.check(&mut c, format!("glossary[{i}].term"), langs);
            t.definition
                .check(&mut c, format!("glossary[{i}].definition"), langs);
        }

        if self.themes.is_empty() {
            c.add("themes", Issue::AtLeastOne);
        }
        let mut theme_ids = HashSet::new();
        let mut question_ids: HashMap<&str, String> = HashMap::new();
        for (t, theme) in self.themes.iter().enumerate() {
            let tp = format!("themes[{t}]");
            c.text(format!("{tp}.id"), &theme.id);
            if !theme_ids.insert(theme.id.as_str()) {
                c.add(
                    format!("{tp}.id"),
                    Issue::Duplicate {
                        id: theme.id.clone(),
                        first: None,
                    },
                );
            }
            theme.title.check(&mut c, format!("{tp}.title"), langs);
            theme.summary.check(&mut c, format!("{tp}.summary"), langs);
            if let Some(w) = theme.weight {
                if !(w.is_finite() && w > 0.0) {
                    c.add(format!("{tp}.weight"), Issue::NotPositive(w.to_string()));
                }
            }
            if theme.questions.is_empty() {
                c.add(format!("{tp}.questions"), Issue::AtLeastOne);
            }
            for (q, question) in theme.questions.iter().enumerate() {
                let qp = format!("{tp}.questions[{q}]");
                c.text(format!("{qp}.id"), &question.id);
                if let Some(first) = question_ids.get(question.id.as_str()) {
                    c.add(
                        format!("{qp}.id"),
                        Issue::Duplicate {
                            id: question.id.clone(),
                            first: Some(first.clone()),
                        },
                    );
                } else {
                    question_ids.insert(&question.id, qp.clone());
                }
                question.title.check(&mut c, format!("{qp}.title"), langs);
                question.prompt.check(&mut c, format!("{qp}.prompt"), langs);
                let g = &question.guidance;
                g.why.check(&mut c, format!("{qp}.guidance.why"), langs);
                g.evidence
                    .check(&mut c, format!("{qp}.guidance.evidence"), langs);
                for (i, note) in g.law.iter().enumerate() {
                    let np = format!("{qp}.guidance.law[{i}]");
                    note.text.check(&mut c, format!("{np}.text"), langs);
                    check_applies_in(&mut c, format!("{np}.appliesIn"), &note.applies_in);
                    if note.applies_in.is_empty() {
                        c.add(format!("{np}.appliesIn"), Issue::AtLeastOne);
                    }
                }
                if question.levels.len() != 5 {
                    c.add(
                        format!("{qp}.levels"),
                        Issue::Count {
                            expected: 5,
                            found: question.levels.len(),
                        },
                    );
                }
                for (r, rung) in question.levels.iter().enumerate() {
                    let rp = format!("{qp}.levels[{r}]");
                    rung.statement
                        .check(&mut c, format!("{rp}.statement"), langs);
                    rung.action.check(&mut c, format!("{rp}.action"), langs);
                    let mut seen = HashSet::new();
                    for (v, variant) in rung.variants.iter().enumerate() {
                        let vp = format!("{rp}.variants[{v}]");
                        check_applies_in(&mut c, format!("{vp}.appliesIn"), &variant.applies_in);
                        if variant.applies_in.is_empty() {
                            c.add(format!("{vp}.appliesIn"), Issue::AtLeastOne);
                        }
                        for n in &variant.applies_in {
                            if !seen.insert(*n) {
                                c.add(
                                    format!("{vp}.appliesIn"),
                                    Issue::Duplicate {
                                        id: n.code().to_string(),
                                        first: None,
                                    },
                                );
                            }
                        }
                        if variant.statement.is_none() && variant.action.is_none() {
                            c.add(vp.clone(), Issue::AtLeastOne);
                        }
                        if let Some(t) = &variant.statement {
                            t.check(&mut c, format!("{vp}.statement"), langs);
                        }
                        if let Some(t) = &variant.action {
                            t.check(&mut c, format!("{vp}.action"), langs);
                        }
                    }
                }
                for (i, resource) in question.resources.iter().enumerate() {
                    let rp = format!("{qp}.resources[{i}]");
                    resource.title.check(&mut c, format!("{rp}.title"), langs);
                    if let Some(from) = &resource.from {
                        from.check(&mut c, format!("{rp}.from"), langs);
                    }
                    if !is_link_address(&resource.url) {
                        c.add(format!("{rp}.url"), Issue::NotALink(resource.url.clone()));
                    }
                }
                for (i, term) in question.terms.iter().enumerate() {
                    if !term_ids.contains(term.as_str()) {
                        c.add(format!("{qp}.terms[{i}]"), Issue::UnknownTerm(term.clone()));
                    }
                }
                // Files of format 1 named areas freely; from format 2 they must be declared.
                if self.format_version >= 2 {
                    for (i, area) in question.covers.iter().enumerate() {
                        if !area_ids.contains(area.as_str()) {
                            c.add(
                                format!("{qp}.covers[{i}]"),
                                Issue::UnknownArea(area.clone()),
                            );
                        }
                    }
                }
            }
        }
        // Earlier ids may not collide with live ids, or old answers would land on the wrong question.
        for (t, theme) in self.themes.iter().enumerate() {
            for (q, question) in theme.questions.iter().enumerate() {
                for (f, former) in question.former_ids.iter().enumerate() {
                    if question_ids.contains_key(former.as_str()) {
                        c.add(
                            format!("themes[{t}].questions[{q}].formerIds[{f}]"),
                            Issue::FormerIdLive(former.clone()),
                        );
                    }
                }
            }
        }
        for (i, carry) in self.carry_over.iter().enumerate() {
            if question_ids.contains_key(carry.from.as_str()) {
                c.add(
                    format!("carryOver[{i}].from"),
                    Issue::FormerIdLive(carry.from.clone()),
                );
            }
            if carry.to.is_empty() {
                c.add(format!("carryOver[{i}].to"), Issue::AtLeastOne);
            }
            for (j, to) in carry.to.iter().enumerate() {
                if !question_ids.contains_key(to.as_str()) {
                    c.add(
                        format!("carryOver[{i}].to[{j}]"),
                        Issue::UnknownQuestion(to.clone()),
                    );
                }
            }
        }
        for (i, id) in self.retired.iter().enumerate() {
            if question_ids.contains_key(id.as_str()) {
                c.add(format!("retired[{i}]"), Issue::FormerIdLive(id.clone()));
            }
        }
        let mut seen_quick = HashSet::new();
        for (i, id) in self.quick_check.iter().enumerate() {
            if !question_ids.contains_key(id.as_str()) {
                c.add(
                    format!("quickCheck[{i}]"),
                    Issue::UnknownQuestion(id.clone()),
                );
            }
            if !seen_quick.insert(id.as_str()) {
                c.add(
                    format!("quickCheck[{i}]"),
                    Issue::Duplicate {
                        id: id.clone(),
                        first: None,
                    },
                );
            }
        }
        if self.quick_check.is_empty() {
            c.add("quickCheck", Issue::AtLeastOne);
        }
        c.finish(self)
    }
}

fn is_date(text: &str) -> bool {
    text.len() == 10 && ymd(text).is_some()
}

/// The frameworks state the law of England and Wales only; a nation named twice is a slip.
fn check_applies_in(c: &mut Collector, path: String, nations: &[Nation]) {
    for (i, n) in nations.iter().enumerate() {
        if !n.law_written_for() {
            c.add(
                format!("{path}[{i}]"),
                Issue::LawNotWrittenFor(n.code().to_string()),
            );
        } else if nations[..i].contains(n) {
            c.add(
                format!("{path}[{i}]"),
                Issue::Duplicate {
                    id: n.code().to_string(),
                    first: None,
                },
            );
        }
    }
}

/// Reports repeated or empty ids in a list and returns the set of ids.
fn unique_ids<'a>(
    c: &mut Collector,
    list: &str,
    ids: impl Iterator<Item = &'a str>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        c.text(format!("{list}[{i}].id"), id);
        if !seen.insert(id) {
            c.add(
                format!("{list}[{i}].id"),
                Issue::Duplicate {
                    id: id.to_string(),
                    first: None,
                },
            );
        }
    }
    seen
}

impl<T> Framework<T> {
    /// The same framework with every text turned by `f` (for example, into one language).
    pub fn map<U>(&self, f: &impl Fn(&T) -> U) -> Framework<U> {
        Framework {
            format: self.format.clone(),
            format_version: self.format_version,
            id: self.id.clone(),
            version: self.version.clone(),
            audience: self.audience,
            languages: self.languages.clone(),
            title: f(&self.title),
            description: f(&self.description),
            law_as_at: self.law_as_at.clone(),
            levels: self
                .levels
                .iter()
                .map(|l| LevelDefinition {
                    level: l.level,
                    name: f(&l.name),
                    meaning: f(&l.meaning),
                })
                .collect(),
            areas: self
                .areas
                .iter()
                .map(|a| Area {
                    id: a.id.clone(),
                    name: f(&a.name),
                    applies_in: a.applies_in.clone(),
                })
                .collect(),
            glossary: self
                .glossary
                .iter()
                .map(|t| Term {
                    id: t.id.clone(),
                    term: f(&t.term),
                    definition: f(&t.definition),
                })
                .collect(),
            themes: self
                .themes
                .iter()
                .map(|t| Theme {
                    id: t.id.clone(),
                    title: f(&t.title),
                    summary: f(&t.summary),
                    weight: t.weight,
                    questions: t
                        .questions
                        .iter()
                        .map(|q| Question {
                            id: q.id.clone(),
                            title: f(&q.title),
                            prompt: f(&q.prompt),
                            former_ids: q.former_ids.clone(),
                            covers: q.covers.clone(),
                            terms: q.terms.clone(),
                            levels: q
                                .levels
                                .iter()
                                .map(|r| Rung {
                                    statement: f(&r.statement),
                                    action: f(&r.action),
                                    variants: r
                                        .variants
                                        .iter()
                                        .map(|v| RungVariant {
                                            applies_in: v.applies_in.clone(),
                                            statement: v.statement.as_ref().map(f),
                                            action: v.action.as_ref().map(f),
                                        })
                                        .collect(),
                                })
                                .collect(),
                            guidance: Guidance {
                                why: f(&q.guidance.why),
                                evidence: f(&q.guidance.evidence),
                                law: q
                                    .guidance
                                    .law
                                    .iter()
                                    .map(|n| LawNote {
                                        applies_in: n.applies_in.clone(),
                                        text: f(&n.text),
                                    })
                                    .collect(),
                            },
                            resources: q
                                .resources
                                .iter()
                                .map(|r| Resource {
                                    title: f(&r.title),
                                    url: r.url.clone(),
                                    kind: r.kind,
                                    from: r.from.as_ref().map(f),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            quick_check: self.quick_check.clone(),
            carry_over: self.carry_over.clone(),
            retired: self.retired.clone(),
            lang: self.lang.clone(),
        }
    }

    pub fn questions(&self) -> impl Iterator<Item = (&Theme<T>, &Question<T>)> {
        self.themes
            .iter()
            .flat_map(|t| t.questions.iter().map(move |q| (t, q)))
    }

    pub fn question(&self, id: &str) -> Option<&Question<T>> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// The theme a question sits in.
    pub fn theme_of_question(&self, question_id: &str) -> Option<&Theme<T>> {
        self.questions()
            .find(|(_, q)| q.id == question_id)
            .map(|(t, _)| t)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme<T>> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
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

    pub fn term(&self, id: &str) -> Option<&Term<T>> {
        self.glossary.iter().find(|t| t.id == id)
    }
}

impl Framework<String> {
    /// Parses, validates and resolves a framework into its first language: for tests and tools
    /// that need one language.
    pub fn from_json(json: &str) -> Result<Framework, Problems> {
        let doc = Framework::parse_located(json)?;
        let first = doc.languages.first().cloned().unwrap_or_default();
        Ok(doc.resolve(&first))
    }

    pub fn level_name(&self, level: Level) -> &str {
        &self.levels[level.index()].name
    }
}

impl<T> Theme<T> {
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }
}
