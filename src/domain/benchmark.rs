//! Benchmarks: reference figures per theme (and per question) to compare an assessment with.
//! Every benchmark names its source, date and sample size. A figure from fewer than
//! [`MIN_ORGANISATIONS`] organisations could identify a council, so it must be left out of the
//! file: validation refuses a file that has one.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::context::{Context, CouncilType, Nation, Region, Stage};
use super::framework::Framework;
use super::localised::{choose, english_only, Localised};
use super::problems::{locate, parse_json, Collector, Issue, Problems};

pub const BENCHMARK_FORMAT: &str = "cm-maturity-benchmarks";
pub const BENCHMARK_FORMAT_VERSION: u32 = 2;
/// Figures from fewer organisations than this could identify a council, so they are never shipped.
pub const MIN_ORGANISATIONS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct BenchmarkFile<T = String> {
    pub format: String,
    pub format_version: u32,
    pub framework_id: String,
    #[serde(default = "english_only")]
    pub languages: Vec<String>,
    pub benchmarks: Vec<Benchmark<T>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BenchmarkKind {
    /// A level the framework itself describes, not measured from anyone.
    Expectation,
    /// A cohort of councils at a point in a programme.
    Cohort,
    /// Councils of one type or region.
    PeerGroup,
}

/// Which organisations a figure describes (all of a cohort when empty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council_type: Option<CouncilType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<Nation>,
}

impl Group {
    /// Whether a council of this context is one the group describes: every part the group
    /// sets must be the council's.
    pub fn includes(&self, c: &Context) -> bool {
        self.stage.is_none_or(|s| c.stage == Some(s))
            && self.council_type.is_none_or(|k| c.council_type == Some(k))
            && self.region.is_none_or(|r| c.region == Some(r))
            && self.nation.is_none_or(|n| c.nation() == Some(n))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Benchmark<T = String> {
    pub id: String,
    pub title: T,
    pub kind: BenchmarkKind,
    pub source: T,
    /// For data, the date the figures describe; for an expectation or illustrative figures, the
    /// date the file was made. YYYY-MM-DD.
    pub date: String,
    /// Organisations behind the figures; absent for an expectation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
    /// True for made-up demonstration figures, which the UI must label as illustrative.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<T>,
    /// How the figures were worked out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<T>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub group: Group,
    pub themes: Vec<FigureData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<FigureData>,
}

fn is_default(g: &Group) -> bool {
    *g == Group::default()
}

/// One theme's (or question's) figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FigureData {
    /// The theme id (in `themes`) or question id (in `questions`); format 1 called it `theme`.
    #[serde(alias = "theme")]
    pub id: String,
    pub median: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_quartile: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper_quartile: Option<f64>,
    /// Organisations behind this figure, when fewer than the benchmark's sample answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisations: Option<u32>,
}

/// What may be shown for one theme of a benchmark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    Shown {
        median: f64,
        quartiles: Option<(f64, f64)>,
    },
    Missing,
}

impl Figure {
    /// A figure with its middle half (lower and upper quartile), not a median alone.
    pub fn has_quartiles(self) -> bool {
        matches!(
            self,
            Figure::Shown {
                quartiles: Some(_),
                ..
            }
        )
    }

    pub fn median(self) -> Option<f64> {
        match self {
            Figure::Shown { median, .. } => Some(median),
            Figure::Missing => None,
        }
    }
}

impl<T> Benchmark<T> {
    pub fn figure(&self, theme_id: &str) -> Figure {
        match self.themes.iter().find(|f| f.id == theme_id) {
            Some(f) => Figure::Shown {
                median: f.median,
                quartiles: f.lower_quartile.zip(f.upper_quartile),
            },
            None => Figure::Missing,
        }
    }

    pub fn is_expectation(&self) -> bool {
        self.kind == BenchmarkKind::Expectation
    }
}

impl BenchmarkFile<Localised> {
    pub fn parse(json: &str) -> Result<BenchmarkFile<Localised>, Problems> {
        let file: BenchmarkFile<Localised> = parse_json(json)?;
        file.validate()
    }

    /// [`BenchmarkFile::parse`], with the place of a reading error found.
    pub fn parse_located(json: &str) -> Result<BenchmarkFile<Localised>, Problems> {
        BenchmarkFile::parse(json).map_err(|p| {
            if p.is_unreadable() {
                locate::<BenchmarkFile<Localised>>(json)
            } else {
                p
            }
        })
    }

    /// The file in one language: `lang` if it has it, else its first language.
    pub fn resolve(&self, lang: &str) -> BenchmarkFile<String> {
        let (chosen, fallback) = choose(&self.languages, lang);
        let text = |t: &Localised| t.get(chosen, fallback).to_string();
        BenchmarkFile {
            format: self.format.clone(),
            format_version: self.format_version,
            framework_id: self.framework_id.clone(),
            languages: self.languages.clone(),
            benchmarks: self
                .benchmarks
                .iter()
                .map(|b| Benchmark {
                    id: b.id.clone(),
                    title: text(&b.title),
                    kind: b.kind,
                    source: text(&b.source),
                    date: b.date.clone(),
                    sample_size: b.sample_size,
                    illustrative: b.illustrative,
                    note: b.note.as_ref().map(text),
                    method: b.method.as_ref().map(text),
                    group: b.group,
                    themes: b.themes.clone(),
                    questions: b.questions.clone(),
                })
                .collect(),
        }
    }

    pub fn validate(self) -> Result<BenchmarkFile<Localised>, Problems> {
        let mut c = Collector::default();
        c.header(
            &self.format,
            BENCHMARK_FORMAT,
            self.format_version,
            1..=BENCHMARK_FORMAT_VERSION,
        );
        c.text("frameworkId", &self.framework_id);
        let langs = &self.languages;
        let mut ids = HashSet::new();
        for (b, bench) in self.benchmarks.iter().enumerate() {
            let bp = format!("benchmarks[{b}]");
            c.text(format!("{bp}.id"), &bench.id);
            if !ids.insert(bench.id.as_str()) {
                c.add(
                    format!("{bp}.id"),
                    Issue::Duplicate {
                        id: bench.id.clone(),
                        first: None,
                    },
                );
            }
            bench.title.check(&mut c, format!("{bp}.title"), langs);
            bench.source.check(&mut c, format!("{bp}.source"), langs);
            if let Some(note) = &bench.note {
                note.check(&mut c, format!("{bp}.note"), langs);
            }
            if let Some(method) = &bench.method {
                method.check(&mut c, format!("{bp}.method"), langs);
            }
            if !is_iso_date(&bench.date) {
                c.add(format!("{bp}.date"), Issue::NotADate(bench.date.clone()));
            }
            let measured = bench.kind != BenchmarkKind::Expectation;
            // An expectation is a level the framework describes, measured from nobody: data from
            // councils dressed as one would skip the five-council rule.
            if !measured {
                let data = bench.sample_size.is_some()
                    || bench.themes.iter().chain(&bench.questions).any(|f| {
                        f.lower_quartile.is_some()
                            || f.upper_quartile.is_some()
                            || f.organisations.is_some()
                            || f.median.fract() != 0.0
                    });
                if data {
                    c.add(bp.clone(), Issue::ExpectationWithData);
                }
            }
            match bench.sample_size {
                None if measured => c.add(format!("{bp}.sampleSize"), Issue::SampleSizeRequired),
                Some(n) if measured && n < MIN_ORGANISATIONS => c.add(
                    format!("{bp}.sampleSize"),
                    Issue::TooFewOrganisations {
                        organisations: n,
                        minimum: MIN_ORGANISATIONS,
                    },
                ),
                _ => {}
            }
            if bench.themes.is_empty() {
                c.add(format!("{bp}.themes"), Issue::AtLeastOne);
            }
            for (list, figures) in [("themes", &bench.themes), ("questions", &bench.questions)] {
                let mut seen = HashSet::new();
                for (t, fig) in figures.iter().enumerate() {
                    let tp = format!("{bp}.{list}[{t}]");
                    if !seen.insert(fig.id.as_str()) {
                        c.add(
                            format!("{tp}.id"),
                            Issue::Duplicate {
                                id: fig.id.clone(),
                                first: None,
                            },
                        );
                    }
                    check_figure(&mut c, &tp, fig, bench.sample_size, measured);
                }
            }
        }
        c.finish(self)
    }
}

fn check_figure(
    c: &mut Collector,
    tp: &str,
    fig: &FigureData,
    sample: Option<u32>,
    measured: bool,
) {
    for (name, value) in [
        ("median", Some(fig.median)),
        ("lowerQuartile", fig.lower_quartile),
        ("upperQuartile", fig.upper_quartile),
    ] {
        if let Some(v) = value {
            if !(1.0..=5.0).contains(&v) {
                c.add(format!("{tp}.{name}"), Issue::LevelRange(v.to_string()));
            }
        }
    }
    match (fig.lower_quartile, fig.upper_quartile) {
        (Some(lq), Some(uq)) if !(lq <= fig.median && fig.median <= uq) => c.add(
            tp,
            Issue::QuartileOrder {
                lower: lq.to_string(),
                median: fig.median.to_string(),
                upper: uq.to_string(),
            },
        ),
        (Some(_), None) | (None, Some(_)) => c.add(tp, Issue::QuartilesPaired),
        _ => {}
    }
    if let Some(n) = fig.organisations {
        if let Some(total) = sample {
            if n > total {
                c.add(
                    format!("{tp}.organisations"),
                    Issue::MoreThanSample {
                        organisations: n,
                        sample: total,
                    },
                );
            }
        }
        if measured && n < MIN_ORGANISATIONS {
            c.add(
                format!("{tp}.organisations"),
                Issue::TooFewOrganisations {
                    organisations: n,
                    minimum: MIN_ORGANISATIONS,
                },
            );
        }
    }
}

impl<T> BenchmarkFile<T> {
    /// Checks the file describes `framework`, theme by theme and question by question.
    pub fn check_against<F>(&self, framework: &Framework<F>) -> Result<(), Problems> {
        let mut c = Collector::default();
        if self.framework_id != framework.id {
            c.add(
                "frameworkId",
                Issue::OtherFramework {
                    found: self.framework_id.clone(),
                    expected: framework.id.clone(),
                },
            );
        }
        for (b, bench) in self.benchmarks.iter().enumerate() {
            for (t, fig) in bench.themes.iter().enumerate() {
                if framework.theme(&fig.id).is_none() {
                    c.add(
                        format!("benchmarks[{b}].themes[{t}].id"),
                        Issue::UnknownTheme(fig.id.clone()),
                    );
                }
            }
            for (q, fig) in bench.questions.iter().enumerate() {
                if framework.question(&fig.id).is_none() {
                    c.add(
                        format!("benchmarks[{b}].questions[{q}].id"),
                        Issue::UnknownQuestion(fig.id.clone()),
                    );
                }
            }
        }
        c.finish(())
    }

    pub fn get(&self, id: &str) -> Option<&Benchmark<T>> {
        self.benchmarks.iter().find(|b| b.id == id)
    }
}

impl BenchmarkFile<String> {
    /// Parses, validates and resolves a file into its first language (for tests and tools).
    pub fn from_json(json: &str) -> Result<BenchmarkFile, Problems> {
        let doc = BenchmarkFile::parse_located(json)?;
        let first = doc.languages.first().cloned().unwrap_or_default();
        Ok(doc.resolve(&first))
    }
}

pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if !s.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}
