//! Programme benchmarks from councils' returns. A council sends a "return" (its levels per
//! question, its context, the framework; no notes, and no names of people unless it chooses);
//! the programme reads a folder of them offline and publishes one benchmark file. Nothing here
//! needs a server, and the same functions run in the command-line builder and in the app's
//! Programme page.
//!
//! Honest aggregates: a council counts once in any figure (its latest return); medians and
//! quartiles are of councils' theme levels; any figure from fewer than
//! [`MIN_ORGANISATIONS`] councils is left out; no figure names a council.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::assessment::{Answer, Assessment, AssessmentKind, Rating};
use super::benchmark::{
    Benchmark, BenchmarkFile, BenchmarkKind, FigureData, Group, BENCHMARK_FORMAT,
    BENCHMARK_FORMAT_VERSION, MIN_ORGANISATIONS,
};
use super::context::{Context, CouncilType, Region, Stage};
use super::exchange::{parse_import, ImportError};
use super::framework::Framework;
use super::scoring::{round1, score, Scores};

pub const RETURN_FORMAT: &str = "cm-maturity-return";
pub const RETURN_FORMAT_VERSION: u32 = 1;

/// What a council sends to the programme, made from one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Return {
    pub format: String,
    pub format_version: u32,
    /// When the return was made (ISO 8601).
    pub made: String,
    pub framework_id: String,
    pub framework_version: String,
    /// The council's name, used only to link its returns over time; never shown in a figure.
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
    /// The assessment's own id and start date, so the same return sent twice counts once.
    pub assessment_id: String,
    pub assessed: String,
    pub kind: AssessmentKind,
    /// Levels per question id: 1 to 5, "dontKnow" or "notApplicable"; unanswered left out.
    pub answers: BTreeMap<String, Rating>,
    /// The respondent's role, only when the council ticked to include it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Set by the synthetic generator: such a return must never reach a published file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
}

impl Return {
    /// The return for an assessment: levels only, no notes, targets or plan; the role only
    /// when asked for.
    pub fn from_assessment(a: &Assessment, made: &str, include_role: bool) -> Return {
        Return {
            format: RETURN_FORMAT.into(),
            format_version: RETURN_FORMAT_VERSION,
            made: made.into(),
            framework_id: a.framework_id.clone(),
            framework_version: a.framework_version.clone(),
            organisation: a.organisation.trim().to_string(),
            context: a.context,
            assessment_id: a.id.clone(),
            assessed: a.created.clone(),
            kind: a.kind,
            answers: ratings(&a.answers),
            role: (include_role && !a.role.trim().is_empty()).then(|| a.role.trim().to_string()),
            synthetic: false,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("returns always serialise")
    }

    /// The return as an assessment, to score with the framework's rules.
    pub fn as_assessment(&self) -> Assessment {
        Assessment {
            id: self.assessment_id.clone(),
            name: String::new(),
            framework_id: self.framework_id.clone(),
            framework_version: self.framework_version.clone(),
            kind: self.kind,
            created: self.assessed.clone(),
            updated: self.made.clone(),
            organisation: self.organisation.clone(),
            role: String::new(),
            answers: self
                .answers
                .iter()
                .map(|(id, r)| (id.clone(), Answer::new(*r)))
                .collect(),
            targets: BTreeMap::new(),
            set_aside: Vec::new(),
            context: self.context,
            plan: BTreeMap::new(),
            compare_with: None,
            stamps: BTreeMap::new(),
        }
    }

    /// Councils are linked by name, ignoring case and spacing; a return with no name stands
    /// alone.
    pub fn council_key(&self) -> String {
        let name: String = self
            .organisation
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if name.is_empty() {
            format!("(unnamed {})", self.assessment_id)
        } else {
            name
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReturnError {
    Import(ImportError),
    /// A return of another framework than the one being built.
    OtherFramework {
        found: String,
        expected: String,
    },
    /// A return file from a newer version of this tool.
    UnknownVersion(u32),
}

/// The rating of every question answered (notes and dates are not part of a return).
fn ratings(answers: &BTreeMap<String, Answer>) -> BTreeMap<String, Rating> {
    answers
        .iter()
        .filter_map(|(id, answer)| Some((id.clone(), answer.rating?)))
        .collect()
}

/// Reads a return file, or a full export (each assessment in it becomes a return), for
/// `framework`. Answers given to an earlier version of the framework follow its renames.
pub fn read_returns(
    text: &str,
    framework: &Framework,
    made: &str,
) -> Result<Vec<Return>, ReturnError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ReturnError::Import(ImportError::Malformed(e.to_string())))?;
    if value.get("format").and_then(|f| f.as_str()) == Some(RETURN_FORMAT) {
        let version = value
            .get("formatVersion")
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        if version > u64::from(RETURN_FORMAT_VERSION) {
            return Err(ReturnError::UnknownVersion(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let r: Return = serde_json::from_value(value)
            .map_err(|e| ReturnError::Import(ImportError::Malformed(e.to_string())))?;
        if r.framework_id != framework.id {
            return Err(ReturnError::OtherFramework {
                found: r.framework_id,
                expected: framework.id.clone(),
            });
        }
        let mut a = r.as_assessment();
        a.reconcile(framework);
        return Ok(vec![Return {
            answers: ratings(&a.answers),
            ..r
        }]);
    }
    let assessments = parse_import(text, &[framework]).map_err(|e| match e {
        ImportError::UnknownFramework(found) => ReturnError::OtherFramework {
            found,
            expected: framework.id.clone(),
        },
        other => ReturnError::Import(other),
    })?;
    Ok(assessments
        .iter()
        .map(|a| Return::from_assessment(a, made, false))
        .collect())
}

/// The returns to use, each once: the same assessment sent twice (or in a return and an
/// export) counts once. Returns the kept ones and how many duplicates were skipped.
pub fn without_duplicates(returns: Vec<Return>) -> (Vec<Return>, usize) {
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    let mut skipped = 0;
    for r in returns {
        let key = (r.council_key(), r.assessment_id.clone(), r.answers.clone());
        if seen.insert(key) {
            kept.push(r);
        } else {
            skipped += 1;
        }
    }
    (kept, skipped)
}

/// Median and quartiles by linear interpolation between ranks (the method of Excel's
/// QUARTILE.INC and R's default), of at least one value.
pub fn quartiles(values: &[f64]) -> Option<(f64, f64, f64)> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let pos = p * (v.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        v[lo] + (v[hi] - v[lo]) * (pos - lo as f64)
    };
    Some((at(0.25), at(0.5), at(0.75)))
}

/// Rounds to two decimal places, the precision benchmark files carry.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A return with its scores, worked out once for every figure that uses them.
struct Scored<'a> {
    r: &'a Return,
    scores: Scores,
}

impl Scored<'_> {
    /// Returns order by assessment date, then by when they were made.
    fn when(&self) -> (&str, &str) {
        (self.r.assessed.as_str(), self.r.made.as_str())
    }
}

fn scored<'a>(framework: &Framework, returns: &'a [Return]) -> Vec<Scored<'a>> {
    returns
        .iter()
        .map(|r| Scored {
            r,
            scores: score(framework, &r.as_assessment()),
        })
        .collect()
}

/// Each council's latest return among `returns` (by assessment date, then when made).
fn latest_per_council<'a, 'r>(
    returns: impl IntoIterator<Item = &'a Scored<'r>>,
) -> Vec<&'a Scored<'r>> {
    let mut by_council: BTreeMap<String, &Scored> = BTreeMap::new();
    for s in returns {
        let key = s.r.council_key();
        match by_council.get(&key) {
            Some(kept) if kept.when() >= s.when() => {}
            _ => {
                by_council.insert(key, s);
            }
        }
    }
    by_council.into_values().collect()
}

/// One benchmark from one council's latest return each, or nothing if fewer than
/// [`MIN_ORGANISATIONS`] councils are in it. Each theme and question figure is left out when
/// fewer councils gave it a level.
fn benchmark_of(
    framework: &Framework,
    returns: &[&Scored],
    id: String,
    title: String,
    group: Group,
    meta: &BuildMeta,
) -> Option<Benchmark> {
    let councils = latest_per_council(returns.iter().copied());
    let n = councils.len() as u32;
    if n < MIN_ORGANISATIONS {
        return None;
    }
    let figure = |id: &str, values: Vec<f64>| -> Option<FigureData> {
        let organisations = values.len() as u32;
        if organisations < MIN_ORGANISATIONS {
            return None;
        }
        let (lq, median, uq) = quartiles(&values)?;
        Some(FigureData {
            id: id.to_string(),
            median: round2(median),
            lower_quartile: Some(round2(lq)),
            upper_quartile: Some(round2(uq)),
            organisations: (organisations < n).then_some(organisations),
        })
    };
    let themes: Vec<FigureData> = framework
        .themes
        .iter()
        .filter_map(|t| {
            let values = councils
                .iter()
                .filter_map(|s| s.scores.theme(&t.id).and_then(|ts| ts.level))
                .collect();
            figure(&t.id, values)
        })
        .collect();
    if themes.is_empty() {
        return None;
    }
    let questions = framework
        .questions()
        .filter_map(|(_, q)| {
            let values = councils
                .iter()
                .filter_map(|s| s.r.answers.get(&q.id).and_then(|a| a.level()))
                .map(|l| f64::from(l.get()))
                .collect();
            figure(&q.id, values)
        })
        .collect();
    Some(Benchmark {
        id,
        title,
        kind: if group == Group::default()
            || group.stage.is_some() && group.council_type.is_none() && group.region.is_none()
        {
            BenchmarkKind::Cohort
        } else {
            BenchmarkKind::PeerGroup
        },
        source: meta.source.clone(),
        date: meta.date.clone(),
        sample_size: Some(n),
        illustrative: meta.synthetic,
        note: None,
        method: Some(meta.method.clone()),
        group,
        themes,
        questions,
    })
}

/// Where the figures come from and when, and the words for their titles and method.
pub struct BuildMeta {
    pub source: String,
    /// Built from synthetic returns: the file is marked illustrative and never real data.
    pub synthetic: bool,
    /// YYYY-MM-DD.
    pub date: String,
    pub method: String,
    pub titles: GroupTitles,
}

/// Titles of the benchmarks a build writes, in the file's language.
pub struct GroupTitles {
    pub all: String,
    /// "{group}" is the stage, council type or region's name.
    pub group: String,
    pub stages: BTreeMap<Stage, String>,
    pub council_types: BTreeMap<CouncilType, String>,
    pub regions: BTreeMap<Region, String>,
}

/// Builds the benchmark file: the whole cohort, each stage, each council type and each
/// region, each from every council's latest return within it.
pub fn build_benchmarks(
    framework: &Framework,
    returns: &[Return],
    meta: &BuildMeta,
) -> BenchmarkFile {
    let fill = |name: &str| meta.titles.group.replace("{group}", name);
    let t = &meta.titles;
    let groups = std::iter::once(("programme-all".to_string(), t.all.clone(), Group::default()))
        .chain(t.stages.iter().map(|(stage, name)| {
            let group = Group {
                stage: Some(*stage),
                ..Group::default()
            };
            (
                format!("programme-stage-{}", stage.code()),
                fill(name),
                group,
            )
        }))
        .chain(t.council_types.iter().map(|(kind, name)| {
            let group = Group {
                council_type: Some(*kind),
                ..Group::default()
            };
            (format!("programme-type-{}", kind.code()), fill(name), group)
        }))
        .chain(t.regions.iter().map(|(region, name)| {
            let group = Group {
                region: Some(*region),
                ..Group::default()
            };
            (
                format!("programme-region-{}", region.code()),
                fill(name),
                group,
            )
        }));
    let all = scored(framework, returns);
    let benchmarks = groups
        .filter_map(|(id, title, group)| {
            let these: Vec<&Scored> = all
                .iter()
                .filter(|s| group.includes(&s.r.context))
                .collect();
            benchmark_of(framework, &these, id, title, group, meta)
        })
        .collect();
    BenchmarkFile {
        format: BENCHMARK_FORMAT.into(),
        format_version: BENCHMARK_FORMAT_VERSION,
        framework_id: framework.id.clone(),
        languages: vec![framework.lang.clone()],
        benchmarks,
    }
}

/// The programme's own figures, from councils with two or more returns: movement of the
/// overall level between each council's first and latest return, the median change per theme,
/// and the distribution of overall levels at each stage.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeFigures {
    /// Councils with two or more returns.
    pub councils: usize,
    /// Shown only when `councils` reaches [`MIN_ORGANISATIONS`]; `None` otherwise.
    pub movement: Option<Movement>,
    /// Median change per theme id, each from at least [`MIN_ORGANISATIONS`] councils.
    pub theme_change: Vec<(String, f64, usize)>,
    /// Per stage (in order), the number of councils whose overall level band is 1 to 5, from
    /// each council's latest return at that stage; a stage of fewer than
    /// [`MIN_ORGANISATIONS`] councils is left out, and a band of fewer is `None`.
    pub distribution: Vec<(Stage, usize, [Option<usize>; 5])>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    pub rose: usize,
    pub stayed: usize,
    pub fell: usize,
}

impl Movement {
    pub fn total(&self) -> usize {
        self.rose + self.stayed + self.fell
    }

    /// A share in whole percent.
    pub fn percent(&self, n: usize) -> u32 {
        if self.total() == 0 {
            0
        } else {
            ((n as f64 / self.total() as f64) * 100.0).round() as u32
        }
    }
}

pub fn programme_figures(framework: &Framework, returns: &[Return]) -> ProgrammeFigures {
    let all = scored(framework, returns);
    let mut by_council: BTreeMap<String, Vec<&Scored>> = BTreeMap::new();
    for s in &all {
        by_council.entry(s.r.council_key()).or_default().push(s);
    }
    let mut movement = Movement {
        rose: 0,
        stayed: 0,
        fell: 0,
    };
    let mut changes: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut councils = 0;
    for list in by_council.values_mut() {
        if list.len() < 2 {
            continue;
        }
        list.sort_by(|a, b| a.when().cmp(&b.when()));
        let first = &list[0].scores;
        let last = &list[list.len() - 1].scores;
        let (Some(a), Some(b)) = (first.overall, last.overall) else {
            continue;
        };
        councils += 1;
        // Judged at the precision shown (a tenth of a level), as everywhere else.
        match round1(b - a) {
            c if c > 0.0 => movement.rose += 1,
            c if c < 0.0 => movement.fell += 1,
            _ => movement.stayed += 1,
        }
        for t in &framework.themes {
            if let (Some(x), Some(y)) = (
                first.theme(&t.id).and_then(|s| s.level),
                last.theme(&t.id).and_then(|s| s.level),
            ) {
                changes.entry(t.id.clone()).or_default().push(y - x);
            }
        }
    }
    let shown = councils >= MIN_ORGANISATIONS as usize;
    let theme_change = framework
        .themes
        .iter()
        .filter_map(|t| {
            let values = changes.get(&t.id)?;
            if values.len() < MIN_ORGANISATIONS as usize {
                return None;
            }
            Some((t.id.clone(), round2(quartiles(values)?.1), values.len()))
        })
        .collect();
    let mut distribution = Vec::new();
    for stage in Stage::ALL {
        let at_stage = latest_per_council(all.iter().filter(|s| s.r.context.stage == Some(stage)));
        if at_stage.len() < MIN_ORGANISATIONS as usize {
            continue;
        }
        let mut bands = [0usize; 5];
        let mut scored = 0;
        for s in at_stage {
            if let Some(level) = s.scores.overall {
                bands[super::scoring::level_band(level).index()] += 1;
                scored += 1;
            }
        }
        if scored < MIN_ORGANISATIONS as usize {
            continue;
        }
        let shown_bands = bands.map(|n| (n >= MIN_ORGANISATIONS as usize || n == 0).then_some(n));
        distribution.push((stage, scored, shown_bands));
    }
    ProgrammeFigures {
        councils,
        movement: shown.then_some(movement),
        theme_change,
        distribution,
    }
}

/// Returns that claim to be synthetic: they are refused by the builder unless asked for, so
/// made-up data can never be published as real.
pub fn synthetic_count(returns: &[Return]) -> usize {
    returns.iter().filter(|r| r.synthetic).count()
}

/// The distinct councils among `returns`.
pub fn council_count(returns: &[Return]) -> usize {
    returns
        .iter()
        .map(Return::council_key)
        .collect::<BTreeSet<_>>()
        .len()
}
