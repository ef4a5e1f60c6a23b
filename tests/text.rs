//! The language files: Welsh has every English key, the same placeholders, all six plural forms
//! and lists of the same length, so no screen can show a missing or half-filled message.
#![cfg(not(target_arch = "wasm32"))]

use cm_maturity::text::{placeholders, Lang, Text};
use serde_json::{Map, Value};

const ENGLISH: &str = include_str!("../public/data/text/en.json");
const WELSH: &str = include_str!("../public/data/text/cy.json");
const BOOT: &str = include_str!("../public/data/text/boot.json");

fn object(json: &str) -> Map<String, Value> {
    match serde_json::from_str(json).unwrap() {
        Value::Object(m) => m,
        _ => panic!("a language file is an object"),
    }
}

#[test]
fn both_languages_load_without_problems() {
    for (lang, json) in [(Lang::En, ENGLISH), (Lang::Cy, WELSH)] {
        if let Err(p) = Text::leak(lang, json) {
            panic!("{lang:?}: {p:?}");
        }
    }
}

#[test]
fn welsh_has_the_same_keys() {
    let en: Vec<String> = object(ENGLISH).keys().cloned().collect();
    let cy: Vec<String> = object(WELSH).keys().cloned().collect();
    let missing: Vec<&String> = en.iter().filter(|k| !cy.contains(k)).collect();
    let extra: Vec<&String> = cy.iter().filter(|k| !en.contains(k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
}

#[test]
fn every_welsh_message_uses_the_english_placeholders() {
    let en = object(ENGLISH);
    let cy = object(WELSH);
    let mut wrong = Vec::new();
    for (key, english) in &en {
        let welsh = &cy[key];
        match (english, welsh) {
            (Value::String(e), Value::String(w)) => {
                if placeholders(e) != placeholders(w) {
                    wrong.push(format!(
                        "{key}: {:?} vs {:?}",
                        placeholders(e),
                        placeholders(w)
                    ));
                }
            }
            (Value::Object(e), Value::Object(w)) => {
                let expected = placeholders(e["other"].as_str().unwrap());
                for form in ["zero", "one", "two", "few", "many", "other"] {
                    match w.get(form).and_then(Value::as_str) {
                        Some(s) if placeholders(s) == expected => {}
                        Some(s) => wrong.push(format!("{key}.{form}: {:?}", placeholders(s))),
                        None => wrong.push(format!("{key}.{form}: missing")),
                    }
                }
            }
            (Value::Array(e), Value::Array(w)) => {
                if e.len() != w.len() {
                    wrong.push(format!("{key}: {} items, not {}", w.len(), e.len()));
                }
            }
            _ => wrong.push(format!("{key}: a different kind of value")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn welsh_counts_pick_the_right_form_for_zero_one_two_few_many_and_other() {
    let t = Text::leak(Lang::Cy, WELSH).unwrap();
    let forms: Vec<String> = [0, 1, 2, 3, 6, 11]
        .iter()
        .map(|n| t.count(&t.assessments_count, *n))
        .collect();
    for (n, form) in [0, 1, 2, 3, 6, 11].iter().zip(&forms) {
        assert!(form.contains(&n.to_string()), "{n}: {form}");
    }
    let json = object(WELSH);
    let given = json["assessments_count"].as_object().unwrap();
    let expected: Vec<String> = ["zero", "one", "two", "few", "many", "other"]
        .iter()
        .zip([0, 1, 2, 3, 6, 11])
        .map(|(f, n)| {
            given[*f]
                .as_str()
                .unwrap()
                .replace("{count}", &n.to_string())
        })
        .collect();
    assert_eq!(forms, expected);
}

/// Messages that take a number as it is, not as a plural message, each reviewed: the number is a
/// label's value, a size in a unit, or one that is never 1. A new message with a raw number must
/// join this list (and say why it reads right for 1) or be a plural message.
const RAW_NUMBERS: [(&str, &str); 16] = [
    ("import_done", "label style: New: 1."),
    ("programme_reading", "label style: files: 1 of 1"),
    ("cplan_showing", "label style: Actions shown: 1 of 1"),
    ("progress", "label style: Questions answered: 1 of 1"),
    (
        "board_footer",
        "label style; Welsh puts the singular noun after a number",
    ),
    ("theme_caption", "Theme 1 of 8"),
    ("cplan_counts", "colours, not nouns: 1 red"),
    ("problem_more_than_sample", "the numbers are the subject"),
    ("problem_count", "expected 1, found 2"),
    (
        "programme_movement_caption",
        "the count is in brackets after the noun",
    ),
    (
        "programme_too_many_files",
        "only shown for more than the maximum of 10,000",
    ),
    ("backups_full", "the maximum, 5"),
    ("saved_newer", "schema versions"),
    ("import_too_large", "a size in KB"),
    ("fetch_too_large", "a size in MB"),
    ("programme_too_many_bytes", "a size in MB"),
];

/// Every message that counts something is a plural message, or a reviewed raw number above.
#[test]
fn every_count_is_a_plural_message_or_a_reviewed_raw_number() {
    const NUMBERS: [&str; 17] = [
        "count",
        "added",
        "already",
        "copies",
        "answered",
        "asked",
        "dont_know",
        "done",
        "total",
        "shown",
        "max",
        "index",
        "sample",
        "red",
        "amber",
        "green",
        "undated",
    ];
    let reviewed: Vec<&str> = RAW_NUMBERS.iter().map(|(k, _)| *k).collect();
    let mut wrong = Vec::new();
    for (lang, json) in [("en", ENGLISH), ("cy", WELSH)] {
        for (key, value) in object(json) {
            let Value::String(s) = value else { continue };
            let raw = placeholders(&s)
                .into_iter()
                .any(|p| NUMBERS.contains(&p.as_str()));
            if raw && !reviewed.contains(&key.as_str()) {
                wrong.push(format!("{lang} {key}: {s}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The word a count is followed by in a Welsh form, without punctuation.
fn word_after_count(form: &str) -> Option<String> {
    let (_, rest) = form.split_once("{count} ")?;
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '’')
        .collect();
    (!word.is_empty()).then_some(word)
}

/// Every count message, in both languages, for the numbers that pick each Welsh form: the number
/// is shown, and a Welsh noun after it takes the numeral's mutation (dau and dwy soften, tri and
/// chwe aspirate, un softens a feminine noun; tair and the rest leave it alone).
#[test]
fn every_count_reads_right_for_0_1_2_3_6_and_11() {
    use cm_maturity::text::mutation::{mutate, Mutation};
    let numbers = [0u64, 1, 2, 3, 6, 11];
    let mut wrong = Vec::new();
    for (lang, json) in [(Lang::En, ENGLISH), (Lang::Cy, WELSH)] {
        for (key, value) in object(json) {
            let Value::Object(forms) = value else {
                continue;
            };
            let form = |name: &str| forms.get(name).and_then(Value::as_str);
            for n in numbers {
                let category = lang.plural_category(n);
                let Some(chosen) = form(category.name()) else {
                    wrong.push(format!(
                        "{lang:?} {key}: no {} form for {n}",
                        category.name()
                    ));
                    continue;
                };
                let filled = chosen.replace("{count}", &n.to_string());
                // English may say "once" for one.
                let said = filled.contains(&n.to_string())
                    || (lang == Lang::En && n == 1 && filled.contains("once"));
                if !said {
                    wrong.push(format!("{lang:?} {key} for {n}: {filled}"));
                }
            }
            if lang != Lang::Cy {
                continue;
            }
            let Some(plain) = form("other").and_then(word_after_count) else {
                continue;
            };
            let allowed = |name: &str| -> Vec<String> {
                match name {
                    "zero" | "other" => vec![plain.clone()],
                    "one" => vec![plain.clone(), mutate(&plain, Mutation::Soft)],
                    "two" => vec![mutate(&plain, Mutation::Soft)],
                    "few" => vec![plain.clone(), mutate(&plain, Mutation::Aspirate)],
                    _ => vec![mutate(&plain, Mutation::Aspirate)],
                }
            };
            for name in ["zero", "one", "two", "few", "many"] {
                let word = form(name).and_then(word_after_count);
                if !word.as_ref().is_some_and(|w| allowed(name).contains(w)) {
                    wrong.push(format!(
                        "cy {key}.{name}: {word:?} after the number, not one of {:?}",
                        allowed(name)
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn file_name_words_are_plain_lower_case_ascii() {
    for (key, value) in object(WELSH) {
        if key.starts_with("file_") && !key.contains("error") && !key.contains("too_large") {
            let s = value.as_str().unwrap();
            if s.contains(' ') {
                continue; // a message, not a file-name fragment
            }
            assert!(
                s.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{key}: {s}"
            );
        }
    }
}

#[test]
fn only_names_and_pure_patterns_are_left_as_in_english() {
    let en = object(ENGLISH);
    let cy = object(WELSH);
    let same: Vec<&String> = en
        .iter()
        .filter(|(k, v)| *k != "lang" && v.is_string() && cy[*k] == **v)
        .map(|(k, _)| k)
        .collect();
    for key in &same {
        let s = en[*key].as_str().unwrap();
        let words = s
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1)
            .count()
            - placeholders(s)
                .iter()
                .map(|p| p.split('_').count())
                .sum::<usize>();
        assert!(
            words == 0 || ["switch_to_english", "switch_to_welsh"].contains(&key.as_str()),
            "{key} is untranslated: {s}"
        );
    }
}

#[test]
fn the_start_up_words_exist_in_both_languages() {
    let boot = object(BOOT);
    let en: Vec<&String> = boot["en"].as_object().unwrap().keys().collect();
    let cy: Vec<&String> = boot["cy"].as_object().unwrap().keys().collect();
    assert_eq!(en, cy);
}

#[test]
fn a_value_is_never_read_as_a_placeholder() {
    use cm_maturity::text::fill;
    assert_eq!(
        fill(
            "{name} on {date}",
            &[("name", &"{date}"), ("date", &"1 May")]
        ),
        "{date} on 1 May"
    );
    assert_eq!(fill("{unknown} {name}", &[("name", &"x")]), "{unknown} x");
    assert_eq!(fill("{", &[]), "{");
}

#[test]
fn a_settings_value_is_cut_short_and_kept_apart_as_code() {
    use cm_maturity::domain::config::parse;
    use cm_maturity::text::Part;
    let long = format!("<b>{}</b>", "x".repeat(1650));
    let (_, problems) = parse([("lang", long.as_str())]);
    let english = Text::from_json(Lang::En, ENGLISH).unwrap();
    let parts = english.config_problem_parts(&problems[0]);
    let code: Vec<&String> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Code(c) => Some(c),
            Part::Text(_) => None,
        })
        .collect();
    // The setting's name is plain text before the message; its value is code, cut short.
    assert!(
        matches!(&parts[0], Part::Text(t) if t == "lang: "),
        "{parts:?}"
    );
    assert_eq!(code.len(), 1, "{parts:?}");
    assert_eq!(code[0].chars().count(), 61);
    assert!(code[0].ends_with('…'));
    let plain = english.config_problem(&problems[0]);
    assert!(plain.len() < 200, "{plain}");
}

#[test]
fn a_welsh_list_mutates_after_a_and_uses_ac_before_a_vowel() {
    let cy = Text::from_json(Lang::Cy, WELSH).unwrap();
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        cy.join(&names(&[
            "Llywodraethu a chynllunio",
            "Pobl",
            "Perfformiad a thalu"
        ])),
        "Llywodraethu a chynllunio, Pobl a Pherfformiad a thalu"
    );
    assert_eq!(
        cy.join(&names(&["Pobl", "Cydberthnasau"])),
        "Pobl a Chydberthnasau"
    );
    assert_eq!(cy.join(&names(&["Pobl", "Risg"])), "Pobl a Risg");
    assert_eq!(cy.join(&names(&["Pobl", "Arloesi"])), "Pobl ac Arloesi");
    let en = Text::from_json(Lang::En, ENGLISH).unwrap();
    assert_eq!(
        en.join(&names(&["People", "Performance"])),
        "People and Performance"
    );
}

/// Every Welsh string in the shipped files (language files and the Welsh of every framework and
/// benchmark file).
fn welsh_strings() -> Vec<(String, String)> {
    fn walk(v: &Value, path: String, whole: bool, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) if whole => out.push((path, s.clone())),
            Value::Object(m) => {
                for (k, child) in m {
                    let p = format!("{path}.{k}");
                    match (k.as_str(), child) {
                        ("cy", Value::String(s)) => out.push((p, s.clone())),
                        _ => walk(child, p, whole, out),
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, format!("{path}[{i}]"), whole, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::from_str(WELSH).unwrap(),
        "cy.json".into(),
        true,
        &mut out,
    );
    for (name, json) in [
        ("boot.json", BOOT),
        (
            "framework.json",
            include_str!("../public/data/framework.json"),
        ),
        (
            "learner-framework.json",
            include_str!("../public/data/learner-framework.json"),
        ),
        (
            "benchmarks.json",
            include_str!("../public/data/benchmarks.json"),
        ),
        (
            "learner-benchmarks.json",
            include_str!("../public/data/learner-benchmarks.json"),
        ),
    ] {
        walk(
            &serde_json::from_str(json).unwrap(),
            name.into(),
            false,
            &mut out,
        );
    }
    out
}

#[test]
fn welsh_uses_one_apostrophe_and_one_quotation_style() {
    // A CSP keyword is code, written as the browser needs it.
    let code = ["'wasm-unsafe-eval'"];
    let mut wrong = Vec::new();
    for (path, s) in welsh_strings() {
        let mut plain = s.clone();
        for c in code {
            plain = plain.replace(c, "");
        }
        if plain.contains('\'') {
            wrong.push(format!("{path}: a straight apostrophe (use ’): {s}"));
        }
        if plain.contains('"') || plain.contains('“') || plain.contains('”') {
            wrong.push(format!("{path}: double quotation marks (use ‘…’): {s}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{}\n{} in all",
        wrong[..wrong.len().min(20)].join("\n"),
        wrong.len()
    );
}

/// After "a" (and), "â", "gyda", "tua", "na", "tri" and "chwe", Welsh c, p and t take the
/// aspirate mutation ("a chofrestr", never "a cofrestr"). The relative and question "a" soften
/// instead, so a radical c, p or t after any "a" is wrong either way. Names in capitals (SRO) are
/// left alone.
#[test]
fn welsh_c_p_and_t_take_the_aspirate_mutation_after_a_and_its_kin() {
    const MUTATING: [&str; 7] = ["a", "â", "gyda", "tua", "na", "tri", "chwe"];
    let mut wrong = Vec::new();
    for (path, s) in welsh_strings() {
        let words: Vec<&str> = s.split_whitespace().collect();
        for pair in words.windows(2) {
            let before = pair[0].trim_start_matches(['(', '‘']).to_lowercase();
            let word = pair[1];
            let lower = word.to_lowercase();
            let radical = ["c", "p", "t"].iter().any(|c| lower.starts_with(c))
                && !lower[1..].starts_with('h');
            let letters: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
            let acronym = letters.chars().count() > 1 && letters.chars().all(char::is_uppercase);
            if MUTATING.contains(&before.as_str()) && radical && !acronym {
                wrong.push(format!("{path}: \"{} {word}\" in: {s}", pair[0]));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A name the code puts into a Welsh message (a theme, benchmark, framework, council or title)
/// never follows a word that would mutate it ("â Charfan", "gan Gyngor"): the code cannot know
/// how to mutate a name, so the message is worded to need none ("Cymhariaeth: {benchmark}").
/// Lists are the one exception, and `Text::join` mutates their last item itself.
#[test]
fn no_welsh_message_puts_a_name_after_a_mutating_word() {
    const NAMES: [&str; 16] = [
        "benchmark",
        "theme",
        "framework",
        "expected",
        "found",
        "organisation",
        "name",
        "title",
        "question",
        "kind",
        "chart",
        "from",
        "from_name",
        "to_name",
        "owner",
        "stage",
    ];
    // Soft: i, o, am, ar, at, gan, heb, dros, drwy, trwy, wrth, hyd, dan, dy, ei (his), neu,
    // pa, a (who), dau, dwy; aspirate: a (and), â, gyda, tua, na, ei (her), tri, chwe; nasal: fy, yn.
    const MUTATING: [&str; 30] = [
        "i", "o", "am", "ar", "at", "gan", "heb", "dros", "drwy", "trwy", "wrth", "hyd", "dan",
        "dy", "ei", "neu", "pa", "a", "dau", "dwy", "â", "gyda", "tua", "na", "tri", "chwe", "fy",
        "yn", "ac", "ag",
    ];
    // Numbers ("Lefel {from} i {to}") and values shown as code ("yn ‘{found}’") do not mutate.
    let numbers = [
        "board_gap_step",
        "team_question_theme",
        "range",
        "json_bad_rating",
    ];
    let mut wrong = Vec::new();
    for (key, value) in object(WELSH) {
        if numbers.contains(&key.as_str()) || key.starts_with("list_and") {
            continue;
        }
        let forms: Vec<String> = match value {
            Value::String(s) => vec![s],
            Value::Object(m) => m
                .values()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            _ => continue,
        };
        for s in forms {
            let words: Vec<&str> = s.split_whitespace().collect();
            for pair in words.windows(2) {
                let before = pair[0].trim_start_matches(['(', '‘']).to_lowercase();
                let name = pair[1].trim_start_matches('‘');
                let named = NAMES.iter().any(|n| name.starts_with(&format!("{{{n}}}")));
                if named && MUTATING.contains(&before.as_str()) {
                    wrong.push(format!("{key}: \"{} {}\" in: {s}", pair[0], pair[1]));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Every English text with its Welsh: the interface's messages key by key (each plural form),
/// and every `{"en", "cy"}` pair in the frameworks and benchmark files.
fn english_and_welsh() -> Vec<(String, String, String)> {
    fn pairs(v: &Value, path: String, out: &mut Vec<(String, String, String)>) {
        match v {
            Value::Object(m) => {
                if let (Some(Value::String(en)), Some(Value::String(cy))) =
                    (m.get("en"), m.get("cy"))
                {
                    out.push((path, en.clone(), cy.clone()));
                    return;
                }
                for (k, child) in m {
                    pairs(child, format!("{path}.{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    pairs(child, format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let (en, cy) = (object(ENGLISH), object(WELSH));
    for (key, e) in &en {
        match (e, cy.get(key)) {
            (Value::String(e), Some(Value::String(c))) => {
                out.push((key.clone(), e.clone(), c.clone()))
            }
            (Value::Object(forms), Some(Value::Object(welsh))) => {
                let english = forms
                    .get("other")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                for (form, c) in welsh {
                    if let Some(c) = c.as_str() {
                        out.push((format!("{key}.{form}"), english.to_string(), c.to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    for (name, json) in [
        (
            "framework.json",
            include_str!("../public/data/framework.json"),
        ),
        (
            "learner-framework.json",
            include_str!("../public/data/learner-framework.json"),
        ),
        (
            "benchmarks.json",
            include_str!("../public/data/benchmarks.json"),
        ),
        (
            "learner-benchmarks.json",
            include_str!("../public/data/learner-benchmarks.json"),
        ),
    ] {
        pairs(&serde_json::from_str(json).unwrap(), name.into(), &mut out);
    }
    out
}

/// `needle` in `text` as a whole word or phrase (case ignored).
fn has_phrase(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.to_lowercase(), needle.to_lowercase());
    let mut from = 0;
    while let Some(at) = text[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = end;
    }
    false
}

#[test]
fn one_welsh_term_for_each_listed_english_term_everywhere() {
    use cm_maturity::text::mutation::{mutate, Mutation};
    let list: Value = serde_json::from_str(include_str!("../public/data/text/terms.json")).unwrap();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    let texts = english_and_welsh();
    let mut wrong = Vec::new();
    for term in list["terms"].as_array().unwrap() {
        let (english, welsh, avoid) = (
            strings(&term["en"]),
            strings(&term["cy"]),
            strings(&term["avoid"]),
        );
        // The Welsh term in any of its mutated forms ("fentora", "mobileiddio").
        let forms: Vec<String> = welsh
            .iter()
            .flat_map(|w| {
                [
                    None,
                    Some(Mutation::Soft),
                    Some(Mutation::Aspirate),
                    Some(Mutation::Nasal),
                ]
                .map(|m| m.map_or(w.clone(), |m| mutate(w, m)))
            })
            .collect();
        for (path, en, cy) in &texts {
            if !english
                .iter()
                .any(|e| en.to_lowercase().contains(&e.to_lowercase()))
            {
                continue;
            }
            if !forms.is_empty()
                && !forms
                    .iter()
                    .any(|f| cy.to_lowercase().contains(&f.to_lowercase()))
            {
                wrong.push(format!("{path}: \"{}\" wants {welsh:?}: {cy}", english[0]));
            }
            for a in &avoid {
                if has_phrase(cy, a) {
                    wrong.push(format!("{path}: \"{a}\" (use {welsh:?}): {cy}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{}\n{} in all",
        wrong[..wrong.len().min(25)].join("\n"),
        wrong.len()
    );
}

#[test]
fn each_screen_has_its_own_title_in_the_language_shown() {
    let en = Text::leak(Lang::En, ENGLISH).unwrap();
    let cy = Text::leak(Lang::Cy, WELSH).unwrap();
    assert_eq!(
        en.page_title("Results", false),
        "Results – Contract management self-assessment"
    );
    assert_eq!(
        en.page_title("  Results\n ", true),
        "Error: Results – Contract management self-assessment"
    );
    // The start page is the service itself.
    assert_eq!(
        en.page_title(en.start_title, false),
        "Contract management self-assessment"
    );
    assert_eq!(
        cy.page_title("Canlyniadau", false),
        "Canlyniadau – Hunanasesiad rheoli contractau"
    );
    assert_eq!(
        cy.page_title("", true),
        "Gwall: Hunanasesiad rheoli contractau"
    );
}
