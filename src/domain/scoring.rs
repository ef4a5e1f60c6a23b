//! Scores: a theme's level is the mean of its answered levels; the overall level is the (weighted)
//! mean of theme levels. "Don't know" and "Not applicable" never move a score.

use super::assessment::{Assessment, Rating};
use super::framework::Framework;
use super::level::percent_of_scale;

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScore {
    pub theme_id: String,
    /// Mean level of answered questions; `None` when nothing in the theme was rated.
    pub level: Option<f64>,
    /// Questions this assessment asks in the theme.
    pub asked: usize,
    pub rated: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
}

impl ThemeScore {
    /// Answers that leave the score without evidence: "Don't know" and "Not applicable".
    pub fn evidence_gaps(&self) -> usize {
        self.dont_know + self.not_applicable
    }

    pub fn status(&self) -> Progress {
        if self.unanswered == self.asked {
            Progress::NotStarted
        } else if self.unanswered == 0 {
            Progress::Completed
        } else {
            Progress::InProgress
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// In framework order; themes the assessment does not ask at all are left out.
    pub themes: Vec<ThemeScore>,
    pub overall: Option<f64>,
}

impl Scores {
    pub fn overall_percent(&self) -> Option<f64> {
        self.overall.map(percent_of_scale)
    }

    pub fn theme(&self, id: &str) -> Option<&ThemeScore> {
        self.themes.iter().find(|t| t.theme_id == id)
    }

    pub fn dont_know(&self) -> usize {
        self.themes.iter().map(|t| t.dont_know).sum()
    }

    pub fn unanswered(&self) -> usize {
        self.themes.iter().map(|t| t.unanswered).sum()
    }
}

pub fn score(framework: &Framework, assessment: &Assessment) -> Scores {
    let mut themes = Vec::new();
    let mut weighted_sum = 0.0;
    let mut weight_total = 0.0;
    for theme in &framework.themes {
        let mut s = ThemeScore {
            theme_id: theme.id.clone(),
            level: None,
            asked: 0,
            rated: 0,
            dont_know: 0,
            not_applicable: 0,
            unanswered: 0,
        };
        let mut sum = 0u32;
        for q in theme
            .questions
            .iter()
            .filter(|q| assessment.asks(framework, &q.id))
        {
            s.asked += 1;
            match assessment.rating(&q.id) {
                Some(Rating::Level(l)) => {
                    s.rated += 1;
                    sum += u32::from(l.get());
                }
                Some(Rating::DontKnow) => s.dont_know += 1,
                Some(Rating::NotApplicable) => s.not_applicable += 1,
                None => s.unanswered += 1,
            }
        }
        if s.asked == 0 {
            continue;
        }
        if s.rated > 0 {
            let level = f64::from(sum) / s.rated as f64;
            s.level = Some(level);
            weighted_sum += level * theme.weight();
            weight_total += theme.weight();
        }
        themes.push(s);
    }
    let overall = (weight_total > 0.0).then(|| weighted_sum / weight_total);
    Scores { themes, overall }
}

/// Rounds to one decimal place, the precision the product shows levels and changes at.
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A mean level for display, to one decimal place.
pub fn display_level(level: f64) -> String {
    format!("{:.1}", round1(level))
}

/// A change in levels as shown: "+0.5", "−1.0", or "0.0".
pub fn display_change(change: f64) -> String {
    let c = round1(change);
    if c > 0.0 {
        format!("+{}", display_level(c))
    } else if c < 0.0 {
        format!("−{}", display_level(-c))
    } else {
        "0.0".into()
    }
}

/// The named level a mean falls in: the highest whole level it has reached.
pub fn level_band(level: f64) -> super::level::Level {
    let whole = (level + 1e-9).floor().clamp(1.0, 5.0) as u8;
    super::level::Level::new(whole).unwrap_or(super::level::Level::MIN)
}
