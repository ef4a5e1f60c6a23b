//! Small-cell protection, as official statistics do it. No count of councils below
//! [`MIN_ORGANISATIONS`] is shown (primary suppression), and enough other counts are withheld
//! that a hidden one cannot be worked out from the total and the counts shown (secondary
//! suppression): the hidden cells of a row always number two or more and add up to five or
//! more. Groups of councils are treated the same way: two published groups whose councils
//! differ by fewer than five are never both published, nor a set of groups of one kind whose
//! sizes would leave fewer than five councils unaccounted for.

use std::collections::BTreeSet;

use super::MIN_ORGANISATIONS;

const MIN: usize = MIN_ORGANISATIONS as usize;

/// One published count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Count(usize),
    /// From one to four councils: not shown.
    FewerThanFive,
    /// Five or more, but withheld so that a hidden count cannot be worked out.
    Withheld,
}

impl Cell {
    pub fn count(self) -> Option<usize> {
        match self {
            Cell::Count(n) => Some(n),
            _ => None,
        }
    }
}

/// The cells of a row whose total is published. Zeros are shown: knowing that no council is in
/// a cell says nothing about any one council.
pub fn protect<const N: usize>(counts: [usize; N]) -> [Cell; N] {
    let mut cells = counts.map(|n| {
        if n > 0 && n < MIN {
            Cell::FewerThanFive
        } else {
            Cell::Count(n)
        }
    });
    loop {
        let hidden: Vec<usize> = (0..N).filter(|&i| cells[i].count().is_none()).collect();
        let hidden_total: usize = hidden.iter().map(|&i| counts[i]).sum();
        if hidden.is_empty() || (hidden.len() >= 2 && hidden_total >= MIN) {
            return cells;
        }
        // Withhold the smallest count still shown (not a zero: that would hide nothing).
        let next = (0..N)
            .filter(|&i| matches!(cells[i], Cell::Count(n) if n > 0))
            .min_by_key(|&i| counts[i]);
        match next {
            Some(i) => cells[i] = Cell::Withheld,
            None => return cells,
        }
    }
}

/// A candidate group of councils for a published figure: the returns its figures use (one per
/// council), and the kind of group it is (groups of one kind share out the same councils).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub basis: BTreeSet<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Every council: the total the others are compared with.
    All,
    /// Groups by one fact about a council (type, region, nation): each council in one.
    Partition(u8),
    /// Groups by programme stage: figures from each council's return at that stage.
    Stage,
}

/// Which candidates may be published: each from five councils or more, no two published
/// figures from sets of returns that differ by one to four, and no kind of group whose published
/// sizes leave one to four councils of the total unaccounted for. Smaller groups give way first.
pub fn publishable(candidates: &[Candidate]) -> Vec<bool> {
    let mut keep: Vec<bool> = candidates.iter().map(|c| c.basis.len() >= MIN).collect();
    loop {
        let mut changed = false;
        // Two published figures whose returns differ by a few would let those few be worked out.
        for i in 0..candidates.len() {
            for j in i + 1..candidates.len() {
                if !(keep[i] && keep[j]) {
                    continue;
                }
                let (a, b) = (&candidates[i].basis, &candidates[j].basis);
                let differ = a.symmetric_difference(b).count();
                if differ > 0 && differ < MIN {
                    let smaller = if a.len() < b.len() { i } else { j };
                    keep[smaller] = false;
                    changed = true;
                }
            }
        }
        // The sizes of a kind's published groups, taken from the total, leave the rest.
        let total = candidates
            .iter()
            .zip(&keep)
            .find(|(c, k)| c.kind == Kind::All && **k)
            .map(|(c, _)| c.basis.len());
        if let Some(total) = total {
            let kinds: BTreeSet<u8> = candidates
                .iter()
                .filter_map(|c| match c.kind {
                    Kind::Partition(k) => Some(k),
                    _ => None,
                })
                .collect();
            for kind in kinds {
                let members: Vec<usize> = (0..candidates.len())
                    .filter(|&i| keep[i] && candidates[i].kind == Kind::Partition(kind))
                    .collect();
                let shown: usize = members.iter().map(|&i| candidates[i].basis.len()).sum();
                let rest = total.saturating_sub(shown);
                if rest > 0 && rest < MIN {
                    if let Some(&smallest) =
                        members.iter().min_by_key(|&&i| candidates[i].basis.len())
                    {
                        keep[smallest] = false;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            return keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_count_is_never_alone_nor_small_in_total() {
        use Cell::*;
        assert_eq!(protect([6, 0, 1]), [Withheld, Count(0), FewerThanFive]);
        assert_eq!(
            protect([70, 3, 4]),
            [Count(70), FewerThanFive, FewerThanFive]
        );
        assert_eq!(
            protect([70, 1, 2, 9]),
            [Count(70), FewerThanFive, FewerThanFive, Withheld]
        );
        assert_eq!(protect([5, 6, 0]), [Count(5), Count(6), Count(0)]);
        assert_eq!(protect([0, 0, 0]), [Count(0), Count(0), Count(0)]);
    }

    fn set(range: std::ops::Range<usize>) -> BTreeSet<usize> {
        range.collect()
    }

    #[test]
    fn a_group_a_few_councils_short_of_another_is_not_published_beside_it() {
        let candidates = [
            Candidate {
                basis: set(0..6),
                kind: Kind::All,
            },
            Candidate {
                basis: set(0..5),
                kind: Kind::Partition(0),
            },
            Candidate {
                basis: set(0..12),
                kind: Kind::Stage,
            },
        ];
        assert_eq!(publishable(&candidates), [true, false, true]);
    }

    #[test]
    fn the_groups_of_a_kind_never_leave_a_few_councils_unaccounted_for() {
        // 20 councils: 9 counties, 8 districts, 3 others (too few to publish).
        let candidates = [
            Candidate {
                basis: set(0..20),
                kind: Kind::All,
            },
            Candidate {
                basis: set(0..9),
                kind: Kind::Partition(1),
            },
            Candidate {
                basis: set(9..17),
                kind: Kind::Partition(1),
            },
            Candidate {
                basis: set(17..20),
                kind: Kind::Partition(1),
            },
        ];
        // 20 − 9 − 8 would be the three: the districts give way too.
        assert_eq!(publishable(&candidates), [true, true, false, false]);
    }
}
