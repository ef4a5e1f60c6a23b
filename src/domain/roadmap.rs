//! The improvement roadmap: for each answer below its theme's target, the action that climbs to
//! the next rung, weakest themes first.

use std::collections::BTreeMap;

use super::assessment::{Assessment, Rating};
use super::benchmark::Benchmark;
use super::framework::Framework;
use super::level::Level;
use super::scoring::score;

/// Target levels per theme id: from a benchmark's medians or from the user's own choices.
pub type Targets = BTreeMap<String, f64>;

pub fn targets_from_benchmark(framework: &Framework, benchmark: &Benchmark) -> Targets {
    framework
        .themes
        .iter()
        .filter_map(|t| benchmark.figure(&t.id).median().map(|m| (t.id.clone(), m)))
        .collect()
}

/// The benchmark's targets, overridden theme by theme by the user's own target levels.
pub fn targets_with_overrides(base: Targets, own: &BTreeMap<String, Level>) -> Targets {
    let mut targets = base;
    for (theme, level) in own {
        targets.insert(theme.clone(), f64::from(level.get()));
    }
    targets
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Climb from the current rung to the next one by doing `action`.
    Climb {
        from: Level,
        to: Level,
        action: String,
    },
    /// The user did not know: finding out is the first step.
    FindEvidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapItem {
    pub theme_id: String,
    pub question_id: String,
    pub step: Step,
    /// How far this answer sits below its theme's target, in levels.
    pub shortfall: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemePlan {
    pub theme_id: String,
    pub level: Option<f64>,
    pub target: Option<f64>,
    /// Target minus level; a theme with no rated answers counts as level 1.
    pub gap: f64,
    pub items: Vec<RoadmapItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Roadmap {
    /// Themes with something to do, largest gap first.
    pub themes: Vec<ThemePlan>,
}

impl Roadmap {
    /// The few actions to start with: the weakest answer of each theme, largest gaps first.
    pub fn priorities(&self, n: usize) -> Vec<&RoadmapItem> {
        let mut firsts: Vec<&RoadmapItem> = self
            .themes
            .iter()
            .filter_map(|t| {
                t.items
                    .iter()
                    .find(|i| matches!(i.step, Step::Climb { .. }))
            })
            .collect();
        firsts.sort_by(|a, b| b.shortfall.total_cmp(&a.shortfall));
        firsts.truncate(n);
        firsts
    }

    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
    }
}

pub fn build(framework: &Framework, assessment: &Assessment, targets: &Targets) -> Roadmap {
    let scores = score(framework, assessment);
    let mut plans = Vec::new();
    for (order, theme) in framework.themes.iter().enumerate() {
        let Some(theme_score) = scores.theme(&theme.id) else {
            continue;
        };
        let target = targets.get(&theme.id).copied();
        let mut items = Vec::new();
        for q in theme
            .questions
            .iter()
            .filter(|q| assessment.asks(framework, &q.id))
        {
            let Some(rating) = assessment.rating(&q.id) else {
                continue;
            };
            match rating {
                Rating::Level(level) => {
                    let (Some(t), Some(next)) = (target, level.next()) else {
                        continue;
                    };
                    let shortfall = t - f64::from(level.get());
                    if shortfall > 0.0 {
                        items.push(RoadmapItem {
                            theme_id: theme.id.clone(),
                            question_id: q.id.clone(),
                            step: Step::Climb {
                                from: level,
                                to: next,
                                action: q.levels[level.index()]
                                    .action_in(assessment.context.nation())
                                    .clone(),
                            },
                            shortfall,
                        });
                    }
                }
                Rating::DontKnow => items.push(RoadmapItem {
                    theme_id: theme.id.clone(),
                    question_id: q.id.clone(),
                    step: Step::FindEvidence,
                    shortfall: 0.0,
                }),
                Rating::NotApplicable => {}
            }
        }
        if items.is_empty() {
            continue;
        }
        // Weakest answers first; finding evidence comes after the known gaps.
        items.sort_by(|a, b| b.shortfall.total_cmp(&a.shortfall));
        let gap = target.map_or(0.0, |t| t - theme_score.level.unwrap_or(1.0));
        plans.push((
            order,
            ThemePlan {
                theme_id: theme.id.clone(),
                level: theme_score.level,
                target,
                gap,
                items,
            },
        ));
    }
    plans.sort_by(|(oa, a), (ob, b)| b.gap.total_cmp(&a.gap).then(oa.cmp(ob)));
    Roadmap {
        themes: plans.into_iter().map(|(_, p)| p).collect(),
    }
}
