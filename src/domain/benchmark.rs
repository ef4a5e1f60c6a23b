//! Benchmarks: reference figures per theme to compare an assessment with. Every benchmark names
//! its source, date and sample size, and figures from too few organisations are never shown.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::framework::Framework;
use super::problems::{parse_json, Collector, Problems};

pub const BENCHMARK_FORMAT: &str = "cm-maturity-benchmarks";
pub const BENCHMARK_FORMAT_VERSION: u32 = 1;
/// Figures from fewer organisations than this could identify a council, so they are suppressed.
pub const MIN_ORGANISATIONS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BenchmarkFile {
    pub format: String,
    pub format_version: u32,
    pub framework_id: String,
    pub benchmarks: Vec<Benchmark>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BenchmarkKind {
    /// What the framework expects, not measured from anyone.
    Expectation,
    /// A cohort of councils at a point in a programme.
    Cohort,
    /// Councils of one type or region.
    PeerGroup,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Benchmark {
    pub id: String,
    pub title: String,
    pub kind: BenchmarkKind,
    pub source: String,
    /// The date the figures describe, as YYYY-MM-DD.
    pub date: String,
    /// Organisations behind the figures; absent for an expectation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
    /// True for made-up demonstration figures, which the UI must label as illustrative.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub themes: Vec<ThemeFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThemeFigure {
    pub theme: String,
    pub median: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_quartile: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper_quartile: Option<f64>,
    /// Organisations behind this theme's figure, when fewer than the benchmark's sample answered it.
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
    /// Too few organisations to show without risk of identifying one.
    Suppressed {
        organisations: u32,
    },
    Missing,
}

impl Figure {
    pub fn median(self) -> Option<f64> {
        match self {
            Figure::Shown { median, .. } => Some(median),
            _ => None,
        }
    }
}

impl Benchmark {
    pub fn figure(&self, theme_id: &str) -> Figure {
        let Some(f) = self.themes.iter().find(|f| f.theme == theme_id) else {
            return Figure::Missing;
        };
        if self.kind != BenchmarkKind::Expectation {
            let organisations = f.organisations.or(self.sample_size).unwrap_or(0);
            if organisations < MIN_ORGANISATIONS {
                return Figure::Suppressed { organisations };
            }
        }
        Figure::Shown {
            median: f.median,
            quartiles: f.lower_quartile.zip(f.upper_quartile),
        }
    }
}

impl BenchmarkFile {
    pub fn from_json(json: &str) -> Result<BenchmarkFile, Problems> {
        let file: BenchmarkFile = parse_json(json)?;
        file.validate()
    }

    pub fn validate(self) -> Result<BenchmarkFile, Problems> {
        let mut c = Collector::default();
        if self.format != BENCHMARK_FORMAT {
            c.add(
                "format",
                format!("expected \"{BENCHMARK_FORMAT}\", found \"{}\"", self.format),
            );
        }
        if self.format_version != BENCHMARK_FORMAT_VERSION {
            c.add(
                "formatVersion",
                format!(
                    "this app reads version {BENCHMARK_FORMAT_VERSION}, found {}",
                    self.format_version
                ),
            );
        }
        c.text("frameworkId", &self.framework_id);
        let mut ids = HashSet::new();
        for (b, bench) in self.benchmarks.iter().enumerate() {
            let bp = format!("benchmarks[{b}]");
            c.text(format!("{bp}.id"), &bench.id);
            if !ids.insert(bench.id.as_str()) {
                c.add(
                    format!("{bp}.id"),
                    format!("duplicate benchmark id \"{}\"", bench.id),
                );
            }
            c.text(format!("{bp}.title"), &bench.title);
            c.text(format!("{bp}.source"), &bench.source);
            if !is_iso_date(&bench.date) {
                c.add(
                    format!("{bp}.date"),
                    format!("expected a date as YYYY-MM-DD, found \"{}\"", bench.date),
                );
            }
            if bench.kind != BenchmarkKind::Expectation && bench.sample_size.is_none() {
                c.add(
                    format!("{bp}.sampleSize"),
                    "required for a cohort or peer group benchmark",
                );
            }
            if bench.themes.is_empty() {
                c.add(format!("{bp}.themes"), "expected at least one theme");
            }
            let mut themes = HashSet::new();
            for (t, fig) in bench.themes.iter().enumerate() {
                let tp = format!("{bp}.themes[{t}]");
                if !themes.insert(fig.theme.as_str()) {
                    c.add(
                        format!("{tp}.theme"),
                        format!("duplicate theme \"{}\"", fig.theme),
                    );
                }
                for (name, value) in [
                    ("median", Some(fig.median)),
                    ("lowerQuartile", fig.lower_quartile),
                    ("upperQuartile", fig.upper_quartile),
                ] {
                    if let Some(v) = value {
                        if !(1.0..=5.0).contains(&v) {
                            c.add(
                                format!("{tp}.{name}"),
                                format!("must be a level from 1 to 5, found {v}"),
                            );
                        }
                    }
                }
                match (fig.lower_quartile, fig.upper_quartile) {
                    (Some(lq), Some(uq)) if !(lq <= fig.median && fig.median <= uq) => c.add(
                        tp.clone(),
                        format!(
                            "quartiles must surround the median, found {lq} / {} / {uq}",
                            fig.median
                        ),
                    ),
                    (Some(_), None) | (None, Some(_)) => {
                        c.add(tp.clone(), "give both quartiles or neither")
                    }
                    _ => {}
                }
                if let (Some(n), Some(total)) = (fig.organisations, bench.sample_size) {
                    if n > total {
                        c.add(
                            format!("{tp}.organisations"),
                            format!("{n} is more than the sample size {total}"),
                        );
                    }
                }
            }
        }
        c.finish(self)
    }

    /// Checks the file describes the framework in use, theme by theme.
    pub fn check_against(&self, framework: &Framework) -> Result<(), Problems> {
        let mut c = Collector::default();
        if self.framework_id != framework.id {
            c.add(
                "frameworkId",
                format!(
                    "benchmarks are for \"{}\", but the framework is \"{}\"",
                    self.framework_id, framework.id
                ),
            );
        }
        for (b, bench) in self.benchmarks.iter().enumerate() {
            for (t, fig) in bench.themes.iter().enumerate() {
                if framework.theme(&fig.theme).is_none() {
                    c.add(
                        format!("benchmarks[{b}].themes[{t}].theme"),
                        format!("unknown theme \"{}\"", fig.theme),
                    );
                }
            }
        }
        c.finish(())
    }

    pub fn get(&self, id: &str) -> Option<&Benchmark> {
        self.benchmarks.iter().find(|b| b.id == id)
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if !s.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}
