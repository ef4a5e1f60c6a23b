//! Programme benchmarks from councils' returns. A council sends a "return" (its levels per
//! question, its context, the framework; no notes, and no names of people unless it chooses);
//! the programme reads a folder of them offline and publishes one benchmark file. Nothing here
//! needs a server, and the same functions run in the command-line builder and in the app's
//! Programme page.
//!
//! Honest aggregates: a council counts once in any figure (its latest return), told apart by
//! what cannot be varied ([`identity`]); medians and quartiles are of councils' theme levels;
//! no figure rests on fewer than [`MIN_ORGANISATIONS`] councils, directly or by subtraction
//! ([`disclosure`]); no figure names a council.

mod disclosure;
mod identity;

use std::collections::{BTreeMap, BTreeSet, HashSet};

pub use disclosure::{protect, Cell};
use disclosure::{publishable, Candidate, Kind};
pub use identity::{councils, normalise_name, Councils};

use serde::{Deserialize, Serialize};

use super::assessment::{Answer, Assessment, AssessmentKind, CouncilRef, Rating};
use super::benchmark::{
    Benchmark, BenchmarkFile, BenchmarkKind, FigureData, Group, BENCHMARK_FORMAT,
    BENCHMARK_FORMAT_VERSION, MIN_ORGANISATIONS,
};
use super::context::{Context, CouncilType, Nation, Region, Stage};
use super::dates::day_of;
use super::exchange::{parse_import, ImportError};
use super::framework::Framework;
use super::json_issue::JsonIssue;
use super::register::Register;
use super::scoring::{round1, score, Scores};

pub const RETURN_FORMAT: &str = "cm-maturity-return";
/// 2: returns carry the council's register codes; 3: and the release of the tool that made
/// them (earlier versions are still read).
pub const RETURN_FORMAT_VERSION: u32 = 3;

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
    /// The council's register codes, when it was chosen from the register: figures know a
    /// council by these, and follow them through reorganisations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<CouncilRef>,
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
    /// The release of the tool that made the return (empty in returns before format 3, and in
    /// returns made from exports).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub app_version: String,
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
            council: a.council.clone(),
            context: a.context,
            assessment_id: a.id.clone(),
            assessed: a.created.clone(),
            kind: a.kind,
            answers: ratings(&a.answers),
            role: (include_role && !a.role.trim().is_empty()).then(|| a.role.trim().to_string()),
            synthetic: false,
            app_version: crate::APP_VERSION.into(),
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
            council: self.council.clone(),
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
    /// Returns that do not say which council they are from (`count` of them in the file):
    /// they cannot be counted once, so they are not counted.
    NoOrganisation {
        count: usize,
    },
    /// A date that is not a date, or one in the future (which would make it "latest" forever).
    BadDate(String),
    FutureDate(String),
}

/// The rating of every question answered (notes and dates are not part of a return).
fn ratings(answers: &BTreeMap<String, Answer>) -> BTreeMap<String, Rating> {
    answers
        .iter()
        .filter_map(|(id, answer)| Some((id.clone(), answer.rating?)))
        .collect()
}

/// Reads a return file, or a full export (each assessment in it becomes a return), for
/// `framework`. Answers given to an earlier version of the framework follow its renames. Every
/// return must name its council and carry real dates no later than `now`'s next day.
pub fn read_returns(
    text: &str,
    framework: &Framework,
    now: &str,
) -> Result<Vec<Return>, ReturnError> {
    let returns = read_unchecked(text, framework, now)?;
    let unnamed = returns
        .iter()
        .filter(|r| normalise_name(&r.organisation).is_empty())
        .count();
    if unnamed > 0 {
        return Err(ReturnError::NoOrganisation { count: unnamed });
    }
    // A day's grace: the sender's clock, or time zone, may be ahead of the reader's.
    let latest = day_of(now).map(|d| d + 1);
    for r in &returns {
        for date in [&r.assessed, &r.made] {
            match (day_of(date), latest) {
                (None, _) => return Err(ReturnError::BadDate(date.clone())),
                (Some(d), Some(latest)) if d > latest => {
                    return Err(ReturnError::FutureDate(date.clone()))
                }
                _ => {}
            }
        }
    }
    Ok(returns)
}

fn read_unchecked(
    text: &str,
    framework: &Framework,
    made: &str,
) -> Result<Vec<Return>, ReturnError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ReturnError::Import(ImportError::Malformed(JsonIssue::from_error(&e))))?;
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
            .map_err(|e| ReturnError::Import(ImportError::Malformed(JsonIssue::from_error(&e))))?;
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
    // Made here from an export, so not by the release that reads it.
    Ok(assessments
        .iter()
        .map(|a| Return {
            app_version: String::new(),
            ..Return::from_assessment(a, made, false)
        })
        .collect())
}

/// The returns to use, each once: the same assessment sent twice (or in a return and an
/// export), with the same answers, counts once whatever name it gives. Returns the kept ones
/// and how many duplicates were skipped.
pub fn without_duplicates(returns: Vec<Return>) -> (Vec<Return>, usize) {
    let mut seen = Seen::default();
    let (kept, skipped): (Vec<Return>, Vec<Return>) =
        returns.into_iter().partition(|r| seen.first(r));
    (kept, skipped.len())
}

/// [`without_duplicates`] for returns already scored.
pub fn without_duplicates_scored(returns: Vec<Scored>) -> (Vec<Scored>, usize) {
    let mut seen = Seen::default();
    let (kept, skipped): (Vec<Scored>, Vec<Scored>) =
        returns.into_iter().partition(|s| seen.first(&s.r));
    (kept, skipped.len())
}

/// The returns seen so far, as [`without_duplicates`] tells them apart: for reading returns a
/// few at a time (the Programme page) with the same outcome as reading them all at once.
#[derive(Debug, Clone, Default)]
pub struct Seen(HashSet<(String, BTreeMap<String, Rating>)>);

impl Seen {
    /// Whether `r` is the first return of its assessment with its answers.
    pub fn first(&mut self, r: &Return) -> bool {
        self.0.insert((r.assessment_id.clone(), r.answers.clone()))
    }
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

/// A return with its scores, worked out once (the Programme page scores each file as it reads
/// it, so nothing is scored again when the figures are made).
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub r: Return,
    pub scores: Scores,
    /// Each theme's level, in the framework's order.
    themes: Vec<Option<f64>>,
    /// Each question's level, in the framework's order (for the figures of every group, which
    /// would otherwise look each answer up again per group).
    questions: Vec<Option<f64>>,
}

impl Scored {
    pub fn new(framework: &Framework, r: Return) -> Scored {
        let scores = score(framework, &r.as_assessment());
        let themes = framework
            .themes
            .iter()
            .map(|t| scores.theme(&t.id).and_then(|ts| ts.level))
            .collect();
        let questions = framework
            .questions()
            .map(|(_, q)| {
                r.answers
                    .get(&q.id)
                    .and_then(|a| a.level())
                    .map(|l| f64::from(l.get()))
            })
            .collect();
        Scored {
            r,
            scores,
            themes,
            questions,
        }
    }

    /// Returns order by assessment date, then by when they were made.
    fn when(&self) -> (&str, &str) {
        (self.r.assessed.as_str(), self.r.made.as_str())
    }
}

pub fn scored(framework: &Framework, returns: &[Return]) -> Vec<Scored> {
    returns
        .iter()
        .map(|r| Scored::new(framework, r.clone()))
        .collect()
}

/// The returns with the council each is from, worked out once for all the figures made from
/// them.
pub struct Cohort<'a> {
    all: &'a [Scored],
    council: Vec<Option<usize>>,
    predecessor: Vec<Option<String>>,
    /// How many councils there are.
    pub councils: usize,
    /// How many returns were known only by a name.
    pub by_name_only: usize,
}

impl<'a> Cohort<'a> {
    pub fn new(all: &'a [Scored], register: Option<&Register>) -> Cohort<'a> {
        let found = councils(all.iter().map(|s| &s.r), register);
        Cohort {
            all,
            council: found.of,
            predecessor: found.predecessor,
            councils: found.count,
            by_name_only: found.by_name_only,
        }
    }

    /// Each council's latest return among those `keep` allows (by assessment date, then when
    /// made), as indices into the returns.
    fn latest(&self, keep: impl Fn(&Scored) -> bool) -> BTreeSet<usize> {
        let mut by_council: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, s) in self.all.iter().enumerate() {
            let Some(council) = self.council[i] else {
                continue;
            };
            if !keep(s) {
                continue;
            }
            match by_council.get(&council) {
                Some(&kept) if self.all[kept].when() >= s.when() => {}
                _ => {
                    by_council.insert(council, i);
                }
            }
        }
        by_council.into_values().collect()
    }
}

/// One benchmark from the returns in `basis` (one per council).
fn benchmark_of(
    framework: &Framework,
    all: &[Scored],
    basis: &BTreeSet<usize>,
    id: String,
    title: String,
    group: Group,
    meta: &BuildMeta,
) -> Option<Benchmark> {
    let councils: Vec<&Scored> = basis.iter().map(|&i| &all[i]).collect();
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
        .enumerate()
        .filter_map(|(i, t)| {
            let values = councils.iter().filter_map(|s| s.themes[i]).collect();
            figure(&t.id, values)
        })
        .collect();
    if themes.is_empty() {
        return None;
    }
    let questions = framework
        .questions()
        .enumerate()
        .filter_map(|(i, (_, q))| {
            let values = councils.iter().filter_map(|s| s.questions[i]).collect();
            figure(&q.id, values)
        })
        .collect();
    Some(Benchmark {
        id,
        title,
        kind: if group.stage.is_some() || group == Group::default() {
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
    pub nations: BTreeMap<Nation, String>,
}

/// Builds the benchmark file: the whole cohort, each stage, each council type, region and
/// nation, each from every council's latest return within it; then only the groups that can be
/// published without a figure resting, directly or by subtraction, on fewer than five councils.
pub fn build_benchmarks(
    framework: &Framework,
    returns: &[Return],
    meta: &BuildMeta,
    register: Option<&Register>,
) -> BenchmarkFile {
    build_benchmarks_scored(framework, &scored(framework, returns), meta, register)
}

pub fn build_benchmarks_scored(
    framework: &Framework,
    all: &[Scored],
    meta: &BuildMeta,
    register: Option<&Register>,
) -> BenchmarkFile {
    build_benchmarks_of(framework, &Cohort::new(all, register), meta)
}

/// [`build_benchmarks`] from a cohort already worked out.
pub fn build_benchmarks_of(
    framework: &Framework,
    cohort: &Cohort,
    meta: &BuildMeta,
) -> BenchmarkFile {
    let all = cohort.all;
    let fill = |name: &str| meta.titles.group.replace("{group}", name);
    let t = &meta.titles;
    let mut groups: Vec<(String, String, Group, Kind)> = vec![(
        "programme-all".to_string(),
        t.all.clone(),
        Group::default(),
        Kind::All,
    )];
    for (stage, name) in &t.stages {
        let group = Group {
            stage: Some(*stage),
            ..Group::default()
        };
        groups.push((
            format!("programme-stage-{}", stage.code()),
            fill(name),
            group,
            Kind::Stage,
        ));
    }
    for (kind, name) in &t.council_types {
        let group = Group {
            council_type: Some(*kind),
            ..Group::default()
        };
        groups.push((
            format!("programme-type-{}", kind.code()),
            fill(name),
            group,
            Kind::Partition(0),
        ));
    }
    for (region, name) in &t.regions {
        let group = Group {
            region: Some(*region),
            ..Group::default()
        };
        groups.push((
            format!("programme-region-{}", region.code()),
            fill(name),
            group,
            Kind::Partition(1),
        ));
    }
    for (nation, name) in &t.nations {
        let group = Group {
            nation: Some(*nation),
            ..Group::default()
        };
        groups.push((
            format!("programme-nation-{}", nation.code()),
            fill(name),
            group,
            Kind::Partition(2),
        ));
    }
    let candidates: Vec<Candidate> = groups
        .iter()
        .map(|(_, _, group, kind)| Candidate {
            basis: cohort.latest(|s| group.includes(&s.r.context)),
            kind: *kind,
        })
        .collect();
    let keep = publishable(&candidates);
    let benchmarks = groups
        .into_iter()
        .zip(candidates)
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .filter_map(|(((id, title, group, _), c), _)| {
            benchmark_of(framework, all, &c.basis, id, title, group, meta)
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
    /// Per stage (in order), the councils whose overall level band is 1 to 5, from each
    /// council's latest return at that stage; a stage of fewer than [`MIN_ORGANISATIONS`]
    /// councils is left out, and the bands are protected (see [`protect`]).
    pub distribution: Vec<(Stage, usize, [Cell; 5])>,
}

/// How many councils' overall level rose, stayed the same or fell, protected so that no count
/// below five can be read or worked out from the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    pub rose: Cell,
    pub stayed: Cell,
    pub fell: Cell,
    pub total: usize,
}

impl Movement {
    /// A shown count as a share of the total in whole percent, halves to the even percent
    /// (74 of 80 is 92%, not 93%: a figure is never rounded up past what it is).
    pub fn percent(&self, cell: Cell) -> Option<u32> {
        let n = cell.count()?;
        if self.total == 0 {
            return Some(0);
        }
        let exact = n as f64 * 100.0 / self.total as f64;
        let floor = exact.floor();
        let frac = exact - floor;
        let up = frac > 0.5 + 1e-9 || ((frac - 0.5).abs() <= 1e-9 && floor as u32 % 2 == 1);
        Some(floor as u32 + u32::from(up))
    }
}

pub fn programme_figures(
    framework: &Framework,
    returns: &[Return],
    register: Option<&Register>,
) -> ProgrammeFigures {
    programme_figures_scored(framework, &scored(framework, returns), register)
}

/// A council's level before and after, overall and per theme. A council formed from several
/// (as Cumberland from Allerdale, Carlisle and Copeland) counts once: its earlier level is the
/// median of each former council's first return, its later one its own latest return.
fn before_and_after(
    framework: &Framework,
    list: &mut [(&Scored, Option<&String>)],
) -> Option<(Levels, Levels)> {
    list.sort_by(|a, b| a.0.when().cmp(&b.0.when()));
    let levels = |s: &Scored| Levels {
        overall: s.scores.overall,
        themes: s.themes.clone(),
    };
    if list.iter().all(|(_, former)| former.is_none()) {
        if list.len() < 2 {
            return None;
        }
        return Some((levels(list[0].0), levels(list[list.len() - 1].0)));
    }
    let after = list.iter().rev().find(|(_, former)| former.is_none())?;
    let mut firsts: BTreeMap<&String, &Scored> = BTreeMap::new();
    for (s, former) in list.iter() {
        if let Some(code) = former {
            firsts.entry(code).or_insert(s);
        }
    }
    let median = |values: Vec<f64>| quartiles(&values).map(|q| q.1);
    let before = Levels {
        overall: median(firsts.values().filter_map(|s| s.scores.overall).collect()),
        themes: framework
            .themes
            .iter()
            .enumerate()
            .map(|(i, _)| median(firsts.values().filter_map(|s| s.themes[i]).collect()))
            .collect(),
    };
    Some((before, levels(after.0)))
}

/// A council's overall level and each theme's, in the framework's order.
struct Levels {
    overall: Option<f64>,
    themes: Vec<Option<f64>>,
}

pub fn programme_figures_scored(
    framework: &Framework,
    all: &[Scored],
    register: Option<&Register>,
) -> ProgrammeFigures {
    programme_figures_of(framework, &Cohort::new(all, register))
}

/// [`programme_figures`] from a cohort already worked out.
pub fn programme_figures_of(framework: &Framework, cohort: &Cohort) -> ProgrammeFigures {
    let all = cohort.all;
    let mut by_council: BTreeMap<usize, Vec<(&Scored, Option<&String>)>> = BTreeMap::new();
    for (i, s) in all.iter().enumerate() {
        if let Some(c) = cohort.council[i] {
            by_council
                .entry(c)
                .or_default()
                .push((s, cohort.predecessor[i].as_ref()));
        }
    }
    let (mut rose, mut stayed, mut fell) = (0, 0, 0);
    let mut changes: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut councils = 0;
    for list in by_council.values_mut() {
        let Some((first, last)) = before_and_after(framework, list) else {
            continue;
        };
        let (Some(a), Some(b)) = (first.overall, last.overall) else {
            continue;
        };
        councils += 1;
        // Judged at the precision shown (a tenth of a level), as everywhere else.
        match round1(b - a) {
            c if c > 0.0 => rose += 1,
            c if c < 0.0 => fell += 1,
            _ => stayed += 1,
        }
        for (i, t) in framework.themes.iter().enumerate() {
            if let (Some(x), Some(y)) = (first.themes[i], last.themes[i]) {
                changes.entry(t.id.clone()).or_default().push(y - x);
            }
        }
    }
    let shown = councils >= MIN_ORGANISATIONS as usize;
    let [rose, stayed, fell] = protect([rose, stayed, fell]);
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
        let at_stage = cohort.latest(|s| s.r.context.stage == Some(stage));
        let mut bands = [0usize; 5];
        let mut scored = 0;
        for i in at_stage {
            if let Some(level) = all[i].scores.overall {
                bands[super::scoring::level_band(level).index()] += 1;
                scored += 1;
            }
        }
        if scored < MIN_ORGANISATIONS as usize {
            continue;
        }
        distribution.push((stage, scored, protect(bands)));
    }
    ProgrammeFigures {
        councils,
        movement: shown.then_some(Movement {
            rose,
            stayed,
            fell,
            total: councils,
        }),
        theme_change,
        distribution,
    }
}

/// Returns that claim to be synthetic: they are refused by the builder unless asked for, so
/// made-up data can never be published as real.
pub fn synthetic_count(returns: &[Return]) -> usize {
    returns.iter().filter(|r| r.synthetic).count()
}

/// The distinct councils among `returns` (those that name one).
pub fn council_count(returns: &[Return], register: Option<&Register>) -> usize {
    councils(returns, register).count
}
