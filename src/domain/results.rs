//! The facts behind the results screen: a row per theme comparing the assessment with a
//! benchmark and with the previous assessment, and the highlights for the written summary.
//! Charts, the data table and the summary are all built from these rows, so they always agree.

use super::assessment::Assessment;
use super::benchmark::{Benchmark, BenchmarkFile, Figure};
use super::framework::Framework;
use super::saved::SavedData;
use super::scoring::{round1, Scores};

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    pub theme_id: String,
    pub title: String,
    pub level: Option<f64>,
    pub benchmark: Figure,
    pub previous: Option<f64>,
    pub dont_know: usize,
}

impl ThemeRow {
    /// Level minus the benchmark median; negative when below the benchmark.
    pub fn gap(&self) -> Option<f64> {
        Some(self.level? - self.benchmark.median()?)
    }

    /// Change since the previous assessment.
    pub fn change(&self) -> Option<f64> {
        Some(self.level? - self.previous?)
    }
}

pub fn rows(
    framework: &Framework,
    scores: &Scores,
    benchmark: Option<&Benchmark>,
    previous: Option<&Scores>,
) -> Vec<ThemeRow> {
    framework
        .themes
        .iter()
        .filter_map(|t| {
            let s = scores.theme(&t.id)?;
            Some(ThemeRow {
                theme_id: t.id.clone(),
                title: t.title.clone(),
                level: s.level,
                benchmark: benchmark.map_or(Figure::Missing, |b| b.figure(&t.id)),
                previous: previous.and_then(|p| p.theme(&t.id)).and_then(|p| p.level),
                dont_know: s.dont_know,
            })
        })
        .collect()
}

/// What the written summary says, as data.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlights {
    /// Themes sharing the highest level (empty when nothing is rated).
    pub strongest: Vec<String>,
    /// Themes sharing the lowest level, when it differs from the highest.
    pub weakest: Vec<String>,
    /// Themes below the benchmark median, with the gap in levels (largest first).
    pub below_benchmark: Vec<(String, f64)>,
    pub at_or_above_benchmark: usize,
    pub dont_know: usize,
    /// Themes that rose and fell since the previous assessment by a change that shows as at
    /// least 0.1 (rounded as displayed, so the list agrees with the table), with that change.
    pub improved: Vec<(String, f64)>,
    pub declined: Vec<(String, f64)>,
}

const EPSILON: f64 = 1e-9;

pub fn highlights(rows: &[ThemeRow]) -> Highlights {
    let rated: Vec<(&ThemeRow, f64)> = rows.iter().filter_map(|r| Some((r, r.level?))).collect();
    let max = rated
        .iter()
        .map(|(_, l)| *l)
        .fold(f64::NEG_INFINITY, f64::max);
    let min = rated.iter().map(|(_, l)| *l).fold(f64::INFINITY, f64::min);
    let named = |target: f64| -> Vec<String> {
        rated
            .iter()
            .filter(|(_, l)| (l - target).abs() < EPSILON)
            .map(|(r, _)| r.title.clone())
            .collect()
    };
    let strongest = if rated.is_empty() {
        Vec::new()
    } else {
        named(max)
    };
    let weakest = if rated.is_empty() || (max - min).abs() < EPSILON {
        Vec::new()
    } else {
        named(min)
    };
    let mut below: Vec<(String, f64)> = rows
        .iter()
        .filter_map(|r| {
            r.gap()
                .filter(|g| *g < -EPSILON)
                .map(|g| (r.title.clone(), -g))
        })
        .collect();
    below.sort_by(|a, b| b.1.total_cmp(&a.1));
    let at_or_above = rows
        .iter()
        .filter(|r| r.gap().is_some_and(|g| g >= -EPSILON))
        .count();
    let mut improved = Vec::new();
    let mut declined = Vec::new();
    for r in rows {
        match r.change().map(round1) {
            Some(c) if c > 0.0 => improved.push((r.title.clone(), c)),
            Some(c) if c < 0.0 => declined.push((r.title.clone(), c)),
            _ => {}
        }
    }
    Highlights {
        strongest,
        weakest,
        below_benchmark: below,
        at_or_above_benchmark: at_or_above,
        dont_know: rows.iter().map(|r| r.dont_know).sum(),
        improved,
        declined,
    }
}

/// The assessment to compare with: the latest one of the same framework started before this one.
pub fn previous_of<'a>(data: &'a SavedData, current: &Assessment) -> Option<&'a Assessment> {
    data.assessments
        .iter()
        .filter(|a| {
            a.id != current.id
                && a.framework_id == current.framework_id
                && a.created < current.created
        })
        .max_by(|a, b| a.created.cmp(&b.created))
}

/// The benchmark to compare with: the chosen one, or the file's first. Never one from a file
/// for another framework (a learner is never scored against councils' figures, nor a council
/// against a learner's expectation), whatever a saved choice or a link says.
pub fn chosen_benchmark<'a>(
    framework: &Framework,
    file: &'a BenchmarkFile,
    chosen: Option<&str>,
) -> Option<&'a Benchmark> {
    if file.framework_id != framework.id {
        return None;
    }
    chosen
        .and_then(|id| file.get(id))
        .or_else(|| file.benchmarks.first())
}
