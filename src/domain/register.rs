//! The register of UK local authorities, shipped as data (`public/data/register.json`, made from
//! mySociety's register and the GOV.UK register's Welsh names by `scripts/build-register.mjs`).
//! A council is chosen from it by name, and then known by its code: its type, nation and region
//! are facts from the register, its Welsh name is there for Welsh councils, and a council that
//! was replaced in a reorganisation leads to its successor.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::assessment::CouncilRef;
use super::context::{Context, CouncilType, Nation, Region};
use super::problems::{parse_json, Collector, Issue, Problems};

pub const REGISTER_FORMAT: &str = "cm-maturity-register";
pub const REGISTER_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Register {
    pub format: String,
    pub format_version: u32,
    pub source: String,
    /// When the register was last updated (YYYY-MM).
    pub date: String,
    pub licence: String,
    /// The words the licence asks to be shown wherever the data is.
    pub attribution: String,
    pub councils: Vec<Council>,
    /// Councils by code and by name, made the first time one is looked up: the Programme page
    /// looks up every return three times, and 10,000 returns against a scan of the whole
    /// register took seconds.
    #[serde(skip)]
    index: Index,
}

/// Where each council is in [`Register::councils`], by what it is looked up by.
#[derive(Debug, Clone, Default)]
struct Index(OnceLock<Lookup>);

#[derive(Debug, Clone)]
struct Lookup {
    /// Register codes, upper case.
    code: HashMap<String, usize>,
    /// GSS codes, current and former, upper case (the first council that has one).
    gss: HashMap<String, usize>,
    /// Names as [`name_key`] makes them; `None` where two councils share one.
    name: HashMap<String, Option<usize>>,
}

/// The index is made from the councils, so two registers are equal when their councils are.
impl PartialEq for Index {
    fn eq(&self, _: &Index) -> bool {
        true
    }
}

/// A name as [`Register::named`] compares it: folded, without a closing "council".
fn name_key(name: &str) -> String {
    let f = fold(name);
    f.strip_suffix(" council").map(str::to_string).unwrap_or(f)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Council {
    /// The register's three-letter code, its key.
    pub code: String,
    /// The ONS code (E06000063).
    pub gss: String,
    /// The official name ("Cumberland Council").
    pub name: String,
    /// The everyday name ("Cumberland").
    pub short: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_cy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_cy: Option<String>,
    #[serde(rename = "type")]
    pub council_type: CouncilType,
    pub nation: Nation,
    /// England's region; none in the other nations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The day it ceased to exist, if it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The councils that took it over.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_by: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_gss: Vec<String>,
    /// Other spellings people use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt: Vec<String>,
}

impl Council {
    /// The facts about the council that peer groups use.
    pub fn context(&self) -> Context {
        Context {
            council_type: Some(self.council_type),
            // Outside England the nation is the region, as the region list has always offered.
            region: self.region.or(match self.nation {
                Nation::England => None,
                Nation::Wales => Some(Region::Wales),
                Nation::Scotland => Some(Region::Scotland),
                Nation::NorthernIreland => Some(Region::NorthernIreland),
            }),
            nation: Some(self.nation),
            stage: None,
        }
    }

    /// The codes an assessment and a return carry.
    pub fn reference(&self) -> CouncilRef {
        CouncilRef {
            code: self.code.clone(),
            gss: self.gss.clone(),
        }
    }

    pub fn is_current(&self) -> bool {
        self.end.is_none()
    }

    /// The council's name in a language: its Welsh name in Welsh where it has one.
    pub fn name_in(&self, lang: &str) -> &str {
        match (&self.name_cy, lang) {
            (Some(cy), "cy") => cy,
            _ => &self.name,
        }
    }

    pub fn short_in(&self, lang: &str) -> &str {
        match (&self.short_cy, lang) {
            (Some(cy), "cy") => cy,
            _ => &self.short,
        }
    }
}

/// How a search found a council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// By one of its own names.
    Name,
    /// By the name of a council it replaced (the former council's short name).
    Replaced(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    pub council: &'a Council,
    pub found: Found,
}

impl Register {
    pub fn parse(json: &str) -> Result<Register, Problems> {
        let register: Register = parse_json(json)?;
        register.validate()
    }

    /// Every current council has a code, GSS code, type, nation and, in England, a region; every
    /// Welsh council a Welsh name; every council a former one was replaced by exists.
    pub fn validate(self) -> Result<Register, Problems> {
        let mut c = Collector::default();
        c.header(
            &self.format,
            REGISTER_FORMAT,
            self.format_version,
            REGISTER_FORMAT_VERSION..=REGISTER_FORMAT_VERSION,
        );
        c.text("attribution", &self.attribution);
        let codes: HashSet<&str> = self.councils.iter().map(|x| x.code.as_str()).collect();
        let mut seen = HashSet::new();
        for (i, council) in self.councils.iter().enumerate() {
            let p = format!("councils[{i}]");
            c.text(format!("{p}.code"), &council.code);
            c.text(format!("{p}.name"), &council.name);
            c.text(format!("{p}.short"), &council.short);
            if !seen.insert(council.code.as_str()) {
                c.add(
                    format!("{p}.code"),
                    Issue::Duplicate {
                        id: council.code.clone(),
                        first: None,
                    },
                );
            }
            if council.is_current() {
                c.text(format!("{p}.gss"), &council.gss);
                if council.nation == Nation::England && council.region.is_none() {
                    c.add(format!("{p}.region"), Issue::Empty);
                }
                if council.nation == Nation::Wales && council.name_cy.is_none() {
                    c.add(format!("{p}.nameCy"), Issue::Empty);
                }
            }
            for (j, to) in council.replaced_by.iter().enumerate() {
                if !codes.contains(to.as_str()) {
                    c.add(
                        format!("{p}.replacedBy[{j}]"),
                        Issue::UnknownCouncil(to.clone()),
                    );
                }
            }
        }
        c.finish(self)
    }

    fn lookup(&self) -> &Lookup {
        self.index.0.get_or_init(|| {
            let mut lookup = Lookup {
                code: HashMap::new(),
                gss: HashMap::new(),
                name: HashMap::new(),
            };
            for (i, c) in self.councils.iter().enumerate() {
                lookup.code.entry(c.code.to_ascii_uppercase()).or_insert(i);
                for gss in std::iter::once(&c.gss).chain(&c.former_gss) {
                    lookup.gss.entry(gss.to_ascii_uppercase()).or_insert(i);
                }
                let names: HashSet<String> = std::iter::once(c.short.as_str())
                    .chain([c.name.as_str()])
                    .chain(c.short_cy.as_deref())
                    .chain(c.name_cy.as_deref())
                    .chain(c.alt.iter().map(String::as_str))
                    .map(name_key)
                    .filter(|k| !k.is_empty())
                    .collect();
                for key in names {
                    lookup
                        .name
                        .entry(key)
                        .and_modify(|at| *at = None)
                        .or_insert(Some(i));
                }
            }
            lookup
        })
    }

    pub fn get(&self, code: &str) -> Option<&Council> {
        let at = *self.lookup().code.get(&code.to_ascii_uppercase())?;
        self.councils.get(at)
    }

    /// A council by its register code or its GSS code (current or former).
    pub fn find(&self, code: &str) -> Option<&Council> {
        let code = code.trim();
        if code.is_empty() {
            return None;
        }
        self.get(code).or_else(|| {
            let at = *self.lookup().gss.get(&code.to_ascii_uppercase())?;
            self.councils.get(at)
        })
    }

    /// The current councils a council's area belongs to now: itself if current, else the
    /// councils that replaced it (followed through later reorganisations).
    pub fn successors<'a>(&'a self, council: &'a Council) -> Vec<&'a Council> {
        let mut out: Vec<&Council> = Vec::new();
        let mut todo = vec![council];
        let mut seen = HashSet::new();
        while let Some(c) = todo.pop() {
            if !seen.insert(c.code.as_str()) {
                continue;
            }
            if c.is_current() || c.replaced_by.is_empty() {
                if !out.iter().any(|o| o.code == c.code) {
                    out.push(c);
                }
                continue;
            }
            todo.extend(c.replaced_by.iter().filter_map(|code| self.get(code)));
        }
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    }

    /// Councils whose names match what someone typed, best first: current councils by any of
    /// their names (in English or Welsh, accents optional), and the successors of former ones
    /// ("Allerdale" offers Cumberland, saying why).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Match<'_>> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, Match)> = Vec::new();
        for council in &self.councils {
            let names = std::iter::once(council.short.as_str())
                .chain([council.name.as_str()])
                .chain(council.short_cy.as_deref())
                .chain(council.name_cy.as_deref())
                .chain(council.alt.iter().map(String::as_str));
            let Some(rank) = names.filter_map(|n| rank(&fold(n), &q)).min() else {
                continue;
            };
            if council.is_current() {
                found.push((
                    rank,
                    Match {
                        council,
                        found: Found::Name,
                    },
                ));
            } else {
                for successor in self.successors(council) {
                    found.push((
                        rank + 1,
                        Match {
                            council: successor,
                            found: Found::Replaced(council.short.clone()),
                        },
                    ));
                }
            }
        }
        found.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then(
                    matches!(a.found, Found::Replaced(_))
                        .cmp(&matches!(b.found, Found::Replaced(_))),
                )
                .then(a.council.short.cmp(&b.council.short))
        });
        let mut out: Vec<Match> = Vec::new();
        for (_, m) in found {
            if !out.iter().any(|o| o.council.code == m.council.code) {
                out.push(m);
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// The council a name is, if it is exactly one council's name (any of its names, ignoring
    /// case, accents, spacing and a closing "council"): for returns that give no code.
    pub fn named(&self, name: &str) -> Option<&Council> {
        let wanted = name_key(name);
        if wanted.is_empty() {
            return None;
        }
        let at = (*self.lookup().name.get(&wanted)?)?;
        self.councils.get(at)
    }
}

/// How well a folded name matches a folded query: 0 it starts with it, 1 a word starts with it,
/// 2 it has it anywhere; none when it does not.
fn rank(name: &str, query: &str) -> Option<u8> {
    if name.starts_with(query) {
        Some(0)
    } else if name
        .match_indices(query)
        .any(|(i, _)| name[..i].ends_with([' ', '-', '(']))
    {
        Some(1)
    } else if name.contains(query) {
        Some(2)
    } else {
        None
    }
}

/// Lower case, accents off, apostrophes and runs of spaces evened out: "Ynys Môn" and
/// "ynys  mon" are the same to a search.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ẁ' | 'ẃ' | 'ŵ' | 'ẅ' => 'w',
            'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            '’' | '‘' | '\'' | '.' | ',' => continue,
            '&' => {
                out.push_str("and");
                continue;
            }
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if plain == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(plain);
    }
    out.trim_end().to_string()
}
