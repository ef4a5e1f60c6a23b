//! Which council a return is from, told apart by what cannot be varied by accident or on purpose:
//! a return's assessment id (the same assessment is the same council, whatever its name says),
//! and its council's name with every invisible difference taken out (Unicode compatibility
//! forms, format and other default-ignorable characters, case and spacing). A return that does
//! not name its council is refused from the figures.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::Return;
use crate::domain::register::{Council, Register};

/// Characters that show nothing (Unicode's Default_Ignorable_Code_Point, with the control
/// characters): a name with one of these in it is the same name.
fn invisible(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(
            u32::from(c),
            0x00AD
                | 0x034F
                | 0x061C
                | 0x115F..=0x1160
                | 0x17B4..=0x17B5
                | 0x180B..=0x180F
                | 0x200B..=0x200F
                | 0x202A..=0x202E
                | 0x2060..=0x206F
                | 0x3164
                | 0xFE00..=0xFE0F
                | 0xFEFF
                | 0xFFA0
                | 0xFFF0..=0xFFF8
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0000..=0xE0FFF
        )
}

/// A council's name as figures compare it: compatibility forms folded (NFKC), invisible
/// characters removed, case folded, any run of spaces one space, no spaces at the ends.
pub fn normalise_name(name: &str) -> String {
    let visible: String = name.nfkc().filter(|c| !invisible(*c)).collect();
    visible
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Who a return is from, in order of strength: its council's register code (followed to the
/// council that now covers its area when there is exactly one), else its name if that is
/// exactly one council's name in the register, else the name alone. Also the former council's
/// code when the return was made under a predecessor.
fn key(r: &Return, register: Option<&Register>) -> Option<(String, Option<String>, bool)> {
    let by_register = |c: &Council| {
        let now = register.map(|reg| reg.successors(c)).unwrap_or_default();
        match now.as_slice() {
            [one] if one.code != c.code => {
                (format!("code:{}", one.code), Some(c.code.clone()), false)
            }
            _ => (format!("code:{}", c.code), None, false),
        }
    };
    if let Some(given) = &r.council {
        return Some(
            match register.and_then(|reg| reg.find(&given.code).or_else(|| reg.find(&given.gss))) {
                Some(c) => by_register(c),
                None => (
                    format!("code:{}", given.code.trim().to_uppercase()),
                    None,
                    false,
                ),
            },
        );
    }
    if let Some(c) = register.and_then(|reg| reg.named(&r.organisation)) {
        return Some(by_register(c));
    }
    let name = normalise_name(&r.organisation);
    (!name.is_empty()).then(|| (format!("name:{name}"), None, true))
}

/// The councils behind a list of returns: for each return, the index of its council (`None` if
/// the return names no council), how many councils there are, the former council each return
/// was made under (if it was), and how many returns were known only by a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Councils {
    pub of: Vec<Option<usize>>,
    pub count: usize,
    pub predecessor: Vec<Option<String>>,
    pub by_name_only: usize,
}

/// Groups returns into councils. Returns of one assessment are one council even if they give
/// different names; otherwise returns with the same key ([`key`]) are.
pub fn councils<'a>(
    returns: impl IntoIterator<Item = &'a Return>,
    register: Option<&Register>,
) -> Councils {
    let returns: Vec<&Return> = returns.into_iter().collect();
    // Union-find over returns: joined by key and by assessment id.
    let mut parent: Vec<usize> = (0..returns.len()).collect();
    fn find(parent: &mut [usize], i: usize) -> usize {
        let mut root = i;
        while parent[root] != root {
            root = parent[root];
        }
        let mut at = i;
        while parent[at] != root {
            let next = parent[at];
            parent[at] = root;
            at = next;
        }
        root
    }
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_assessment: HashMap<&str, usize> = HashMap::new();
    let mut named = vec![false; returns.len()];
    let mut predecessor = vec![None; returns.len()];
    let mut by_name_only = 0;
    for (i, r) in returns.iter().enumerate() {
        if let Some((key, former, name_only)) = key(r, register) {
            named[i] = true;
            predecessor[i] = former;
            by_name_only += usize::from(name_only);
            if let Some(&j) = by_key.get(&key) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            } else {
                by_key.insert(key, i);
            }
        }
        if let Some(&j) = by_assessment.get(r.assessment_id.as_str()) {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a] = b;
        } else {
            by_assessment.insert(&r.assessment_id, i);
        }
    }
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut of = Vec::with_capacity(returns.len());
    let roots: Vec<usize> = (0..returns.len()).map(|i| find(&mut parent, i)).collect();
    // A group counts only if some return in it names the council.
    let mut group_named: HashMap<usize, bool> = HashMap::new();
    for (i, root) in roots.iter().enumerate() {
        *group_named.entry(*root).or_default() |= named[i];
    }
    for root in roots {
        if !group_named[&root] {
            of.push(None);
            continue;
        }
        let next = index.len();
        of.push(Some(*index.entry(root).or_insert(next)));
    }
    Councils {
        of,
        count: index.len(),
        predecessor,
        by_name_only,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_differences_do_not_make_another_council() {
        let plain = normalise_name("Anytown Council");
        for variant in [
            "Anytown\u{200b} Council",
            "Any\u{ad}town Council",
            "ANYTOWN  COUNCIL\u{feff}",
            "  anytown\tcouncil ",
            "Ａｎｙｔｏｗｎ Council",
            "Anytown\u{a0}Council",
            "Anytown\u{2060} Council\u{e0041}",
        ] {
            assert_eq!(normalise_name(variant), plain, "{variant:?}");
        }
        assert_ne!(normalise_name("Anytown Borough Council"), plain);
        assert_eq!(normalise_name("\u{200b}\u{feff} "), "");
        assert_eq!(normalise_name("Ynys Môn"), "ynys môn");
    }
}
