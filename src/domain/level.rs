//! The five maturity levels every question is rated on.

use serde::{Deserialize, Serialize};

/// A maturity level from 1 (Initial) to 5 (Best). Construction checks the range, so a `Level` held
/// anywhere in the program is always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MIN: Level = Level(1);
    pub const MAX: Level = Level(5);
    pub const ALL: [Level; 5] = [Level(1), Level(2), Level(3), Level(4), Level(5)];

    pub fn new(n: u8) -> Option<Level> {
        (1..=5).contains(&n).then_some(Level(n))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Zero-based position, for indexing a question's five rungs.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    pub fn next(self) -> Option<Level> {
        Level::new(self.0 + 1)
    }

    pub fn previous(self) -> Option<Level> {
        Level::new(self.0 - 1)
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Level::new(n).ok_or_else(|| format!("level must be 1 to 5, found {n}"))
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l.0
    }
}

/// Converts a fractional level (a mean) to a percentage of the way from level 1 to level 5.
/// Levels come first in the product; this is the secondary figure some councils ask for.
pub fn percent_of_scale(level: f64) -> f64 {
    ((level - 1.0) / 4.0 * 100.0).clamp(0.0, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_outside_one_to_five_are_rejected() {
        assert!(Level::new(0).is_none());
        assert!(Level::new(6).is_none());
        assert_eq!(Level::new(3).map(Level::get), Some(3));
        let err = serde_json::from_str::<Level>("7").unwrap_err().to_string();
        assert!(err.contains("level must be 1 to 5, found 7"), "{err}");
    }

    #[test]
    fn percent_runs_from_initial_to_best() {
        assert_eq!(percent_of_scale(1.0), 0.0);
        assert_eq!(percent_of_scale(3.0), 50.0);
        assert_eq!(percent_of_scale(5.0), 100.0);
    }
}
