//! The team view: several colleagues' assessments side by side. One response per council hides
//! real disagreement, so themes where answers differ by two levels or more are flagged.

use super::assessment::{Assessment, Rating};
use super::framework::Framework;
use super::level::Level;
use super::scoring::score;

/// Themes whose respondents' levels are this far apart or more are flagged for discussion.
pub const DISCUSS_SPREAD: f64 = 2.0;

#[derive(Debug, Clone, PartialEq)]
pub struct TeamTheme {
    pub theme_id: String,
    pub title: String,
    /// Each respondent's level for the theme, in respondent order (None: no rated answers).
    pub levels: Vec<Option<f64>>,
    pub respondents: usize,
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub discuss: bool,
}

pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    })
}

pub fn summarise(framework: &Framework, respondents: &[Assessment]) -> Vec<TeamTheme> {
    let scores: Vec<_> = respondents.iter().map(|a| score(framework, a)).collect();
    framework
        .themes
        .iter()
        .map(|t| {
            let levels: Vec<Option<f64>> =
                scores.iter().map(|s| s.theme(&t.id).and_then(|ts| ts.level)).collect();
            let rated: Vec<f64> = levels.iter().flatten().copied().collect();
            let min = rated.iter().copied().reduce(f64::min);
            let max = rated.iter().copied().reduce(f64::max);
            TeamTheme {
                theme_id: t.id.clone(),
                title: t.title.clone(),
                respondents: rated.len(),
                median: median(&rated),
                discuss: matches!((min, max), (Some(lo), Some(hi)) if hi - lo >= DISCUSS_SPREAD - 1e-9),
                min,
                max,
                levels,
            }
        })
        .collect()
}

/// The most recent assessment in a colleague's file: the one that speaks for them now.
pub fn latest(assessments: Vec<Assessment>) -> Option<Assessment> {
    assessments
        .into_iter()
        .max_by(|a, b| a.created.cmp(&b.created))
}

/// A question on which colleagues' rungs are [`DISCUSS_SPREAD`] levels or more apart: a theme's
/// average can hide it, so the team view lists these questions too, widest first.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSpread {
    pub theme_id: String,
    pub question_id: String,
    /// Each respondent's rung, in respondent order (None: no level given).
    pub levels: Vec<Option<Level>>,
    pub min: Level,
    pub max: Level,
}

impl QuestionSpread {
    pub fn spread(&self) -> u8 {
        self.max.get() - self.min.get()
    }

    /// Who gave each rung, lowest first: respondent positions for each level given.
    pub fn by_level(&self) -> Vec<(Level, Vec<usize>)> {
        Level::ALL
            .into_iter()
            .filter_map(|l| {
                let who: Vec<usize> = (0..self.levels.len())
                    .filter(|&i| self.levels[i] == Some(l))
                    .collect();
                (!who.is_empty()).then_some((l, who))
            })
            .collect()
    }
}

/// The questions colleagues disagree on by two levels or more, widest first, then in the
/// framework's order. "Don't know" and "Not applicable" are not levels and do not count.
pub fn question_spreads(framework: &Framework, respondents: &[Assessment]) -> Vec<QuestionSpread> {
    let mut out: Vec<QuestionSpread> = framework
        .questions()
        .filter_map(|(t, q)| {
            let levels: Vec<Option<Level>> = respondents
                .iter()
                .map(|a| a.rating(&q.id).and_then(Rating::level))
                .collect();
            let min = levels.iter().flatten().min().copied()?;
            let max = levels.iter().flatten().max().copied()?;
            (f64::from(max.get() - min.get()) >= DISCUSS_SPREAD - 1e-9).then(|| QuestionSpread {
                theme_id: t.id.clone(),
                question_id: q.id.clone(),
                levels,
                min,
                max,
            })
        })
        .collect();
    // Stable: the framework's order is kept within each spread.
    out.sort_by_key(|s| std::cmp::Reverse(s.spread()));
    out
}
