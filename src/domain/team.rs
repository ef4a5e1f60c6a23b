//! The team view: several colleagues' assessments side by side. One response per council hides
//! real disagreement, so themes where answers differ by two levels or more are flagged.

use super::assessment::Assessment;
use super::framework::Framework;
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
