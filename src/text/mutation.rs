//! Welsh initial consonant mutations, for the few places the code puts a word after another that
//! mutates it (a list's "a", "and", takes the aspirate mutation: "a Pherfformiad"). The tables
//! are the standard ones; words that begin with a digraph that is its own letter (ch, ph, th,
//! ff, ll, rh, dd, ng) are not the consonant they start with, and words that are not Welsh
//! (acronyms, numbers) are left as they are.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    /// Treiglad meddal: after "ei" (his), "i", "o", "dy", and many more.
    Soft,
    /// Treiglad llaes: after "a" (and), "â", "gyda", "tua", "ei" (her), "tri", "chwe".
    Aspirate,
    /// Treiglad trwynol: after "fy", "yn" (in).
    Nasal,
}

/// `word` as it is after a word that causes `mutation`, keeping its capital.
pub fn mutate(word: &str, mutation: Mutation) -> String {
    let Some(first) = word.chars().next() else {
        return String::new();
    };
    // Acronyms and the like (SRO, DPIA) do not mutate.
    let letters: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    if letters.chars().count() > 1 && letters.chars().all(char::is_uppercase) {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    // A digraph at the start is its own letter, not the consonant it begins with.
    let digraph = ["ch", "ph", "th", "ff", "ll", "rh", "dd", "ng"]
        .iter()
        .find(|d| lower.starts_with(**d));
    let (head, rest): (&str, &str) = match digraph {
        Some(d) => (d, &word[d.len()..]),
        None => {
            let head = lower.chars().next().map_or(0, char::len_utf8);
            (&lower[..head], &word[first.len_utf8()..])
        }
    };
    let replaced = match (mutation, head) {
        (Mutation::Soft, "c") => Some("g"),
        (Mutation::Soft, "p") => Some("b"),
        (Mutation::Soft, "t") => Some("d"),
        (Mutation::Soft, "g") => Some(""),
        (Mutation::Soft, "b") => Some("f"),
        (Mutation::Soft, "d") => Some("dd"),
        (Mutation::Soft, "m") => Some("f"),
        (Mutation::Soft, "ll") => Some("l"),
        (Mutation::Soft, "rh") => Some("r"),
        (Mutation::Aspirate, "c") => Some("ch"),
        (Mutation::Aspirate, "p") => Some("ph"),
        (Mutation::Aspirate, "t") => Some("th"),
        (Mutation::Nasal, "c") => Some("ngh"),
        (Mutation::Nasal, "p") => Some("mh"),
        (Mutation::Nasal, "t") => Some("nh"),
        (Mutation::Nasal, "g") => Some("ng"),
        (Mutation::Nasal, "b") => Some("m"),
        (Mutation::Nasal, "d") => Some("n"),
        _ => None,
    };
    let Some(new) = replaced else {
        return word.to_string();
    };
    // Soft "g" is lost: the next letter takes the capital.
    if new.is_empty() {
        let mut chars = rest.chars();
        return match chars.next() {
            Some(c) if first.is_uppercase() => c.to_uppercase().chain(chars).collect(),
            Some(c) => std::iter::once(c).chain(chars).collect(),
            None => String::new(),
        };
    }
    if first.is_uppercase() {
        let mut out: String = new[..1].to_uppercase();
        out.push_str(&new[1..]);
        out.push_str(rest);
        out
    } else {
        format!("{new}{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_on_their_usual_examples() {
        let cases = [
            ("Perfformiad", Mutation::Aspirate, "Pherfformiad"),
            ("thalu", Mutation::Aspirate, "thalu"),
            ("talu", Mutation::Aspirate, "thalu"),
            ("Cynllunio", Mutation::Aspirate, "Chynllunio"),
            ("Risg", Mutation::Aspirate, "Risg"),
            ("Datblygu", Mutation::Aspirate, "Datblygu"),
            ("Chwaraeon", Mutation::Aspirate, "Chwaraeon"),
            ("Phobl", Mutation::Aspirate, "Phobl"),
            ("cath", Mutation::Soft, "gath"),
            ("Pobl", Mutation::Soft, "Bobl"),
            ("tad", Mutation::Soft, "dad"),
            ("Gardd", Mutation::Soft, "Ardd"),
            ("bara", Mutation::Soft, "fara"),
            ("Dyn", Mutation::Soft, "Ddyn"),
            ("mam", Mutation::Soft, "fam"),
            ("Llyfr", Mutation::Soft, "Lyfr"),
            ("rhaglen", Mutation::Soft, "raglen"),
            ("Caerdydd", Mutation::Nasal, "Nghaerdydd"),
            ("pen", Mutation::Nasal, "mhen"),
            ("Tŷ", Mutation::Nasal, "Nhŷ"),
            ("gwaith", Mutation::Nasal, "ngwaith"),
            ("Bangor", Mutation::Nasal, "Mangor"),
            ("Dinbych", Mutation::Nasal, "Ninbych"),
            ("Ffordd", Mutation::Soft, "Ffordd"),
            ("SRO", Mutation::Aspirate, "SRO"),
            ("DPIA", Mutation::Soft, "DPIA"),
            ("Ôl", Mutation::Soft, "Ôl"),
            ("", Mutation::Soft, ""),
            ("3 thema", Mutation::Aspirate, "3 thema"),
        ];
        for (word, m, expected) in cases {
            assert_eq!(mutate(word, m), expected, "{word} {m:?}");
        }
    }
}
