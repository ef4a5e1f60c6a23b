//! The framework format and its validation messages, and the content of both shipped
//! frameworks: the checks here fail the build when a question is vague, too long, not
//! cumulative in form, wrong about the law's words, or leaves an area uncovered.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use cm_maturity::domain::assessment::Assessment;
use cm_maturity::domain::{AssessmentKind, Audience, Framework, Localised};
use common::{council, learner, level, messages, COUNCIL, LEARNER};
use serde_json::{json, Value};

/// The shipped council framework in English only, for tests that break one text at a time.
fn default_value() -> Value {
    fn english(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.len() == 2 && map.contains_key("en") && map.contains_key("cy") {
                    *v = map["en"].clone();
                    return;
                }
                if let Some(langs) = map.get_mut("languages") {
                    *langs = json!(["en"]);
                }
                map.values_mut().for_each(english);
            }
            Value::Array(items) => items.iter_mut().for_each(english),
            _ => {}
        }
    }
    let mut v = serde_json::from_str(COUNCIL).unwrap();
    english(&mut v);
    v
}

fn problems(value: &Value) -> Vec<String> {
    messages(
        &Framework::from_json(&value.to_string()).expect_err("the broken copy must be rejected"),
    )
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

#[test]
fn both_frameworks_load_without_problems_and_have_the_agreed_shape() {
    let fw = council();
    assert_eq!(fw.version, "3.0.0");
    assert_eq!(fw.audience, Audience::Organisation);
    assert_eq!(fw.themes.len(), 8);
    assert!(
        (32..=40).contains(&fw.question_count()),
        "{}",
        fw.question_count()
    );
    assert!(fw
        .themes
        .iter()
        .all(|t| (4..=5).contains(&t.questions.len())));
    let names: Vec<&str> = fw.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Initial", "Developing", "Good", "Better", "Best"]);

    let me = learner();
    assert_eq!(me.audience, Audience::Individual);
    assert_eq!(me.themes.len(), 8);
    assert!(
        (24..=32).contains(&me.question_count()),
        "{}",
        me.question_count()
    );
    let names: Vec<&str> = me.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(&names[2..], ["Foundation", "Practitioner", "Expert"]);
}

/// Reading time at 200 words a minute, for the prompts and the five rungs of each question.
fn minutes(fw: &Framework) -> f64 {
    let words: usize = fw
        .questions()
        .map(|(_, q)| {
            words(&q.prompt) + q.levels.iter().map(|r| words(&r.statement)).sum::<usize>()
        })
        .sum();
    words as f64 / 200.0
}

#[test]
fn a_full_assessment_takes_under_25_minutes() {
    assert!(
        minutes(&council()) < 25.0,
        "{:.1} minutes",
        minutes(&council())
    );
    assert!(
        minutes(&learner()) < 20.0,
        "{:.1} minutes",
        minutes(&learner())
    );
}

#[test]
fn the_quick_check_has_one_question_per_theme() {
    for fw in [council(), learner()] {
        for theme in &fw.themes {
            let in_quick = theme
                .questions
                .iter()
                .filter(|q| fw.quick_check.contains(&q.id))
                .count();
            assert_eq!(
                in_quick, 1,
                "{}: theme {} needs one quick-check question",
                fw.id, theme.id
            );
        }
    }
}

/// Words that say nothing a reader can check, unless the rung gives a measure instead.
const VAGUE: [&str; 7] = [
    "regularly",
    "effective",
    "effectively",
    "appropriate",
    "appropriately",
    "good",
    "robust",
];

/// Whether a rung names the law and a tier in one breath: "Good" must never be compatible with
/// breaking the law on a lower tier, so a rung that cites a legal duty says nothing of tiers.
fn ties_law_to_tier(statement: &str) -> bool {
    let s = statement.to_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let section = words.iter().any(|w| {
        ["s.", "ss.", "reg."].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        })
    });
    // "Legal" alone is often the council's legal team or advice, not a duty.
    let legal = section
        || words.iter().any(|w| {
            [
                "act",
                "regulations",
                "regulation",
                "code",
                "law",
                "statutory",
                "gdpr",
                "article",
            ]
            .contains(w)
        })
        || ["legal duty", "legal duties", "legal minimum"]
            .iter()
            .any(|p| s.contains(p));
    legal && s.contains("tier")
}

/// Level 1 means the same in both frameworks: the practice is not (yet) in place, or only
/// informal, so it is always true of someone starting out.
fn says_not_yet(statement: &str) -> bool {
    let s = format!(
        " {} ",
        statement.to_lowercase().replace(['.', ',', ';', ':'], " ")
    );
    [
        " not ",
        " no ",
        " nobody ",
        " nothing ",
        " none ",
        " never ",
        " only ",
        " informal",
        " ad hoc ",
        " without ",
        "n't ",
        "n’t ",
        " yet ",
        " little ",
        " unless ",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// The content checks every framework shipped must pass.
fn check_content(fw: &Framework) -> Vec<String> {
    let mut found = Vec::new();
    let level5_sharing = fw
        .questions()
        .filter(|(_, q)| {
            let s = q.levels[4].statement.to_lowercase();
            s.contains("peer") || s.contains("share")
        })
        .count();
    if level5_sharing * 4 > fw.question_count() {
        found.push(format!(
            "{level5_sharing} level 5 statements require sharing: make it one sign among others"
        ));
    }
    let used_terms: BTreeSet<&str> = fw
        .questions()
        .flat_map(|(_, q)| q.terms.iter().map(String::as_str))
        .collect();
    for term in &fw.glossary {
        if !used_terms.contains(term.id.as_str()) {
            found.push(format!("glossary {}: used by no question", term.id));
        }
        if words(&term.definition) > 45 {
            found.push(format!("glossary {}: definition over 45 words", term.id));
        }
    }
    for (_, q) in fw.questions() {
        for (i, r) in q.levels.iter().enumerate() {
            let texts = std::iter::once(&r.statement)
                .chain(r.variants.iter().filter_map(|v| v.statement.as_ref()));
            for s in texts {
                if ties_law_to_tier(s) {
                    found.push(format!(
                        "{} level {}: a legal duty tied to a tier (the law applies to every contract it covers): {s}",
                        q.id,
                        i + 1
                    ));
                }
            }
        }
        if !says_not_yet(&q.levels[0].statement) {
            found.push(format!(
                "{}: level 1 must say what is not yet in place: {}",
                q.id, q.levels[0].statement
            ));
        }
        let distinct: BTreeSet<&str> = q.levels.iter().map(|r| r.statement.as_str()).collect();
        if distinct.len() != 5 {
            found.push(format!("{}: rungs repeat", q.id));
        }
        for (i, r) in q.levels.iter().enumerate() {
            let n = i + 1;
            if words(&r.statement) > 30 {
                found.push(format!(
                    "{} level {n}: {} words (at most 30)",
                    q.id,
                    words(&r.statement)
                ));
            }
            if words(&r.action) > 35 {
                found.push(format!(
                    "{} level {n} action: {} words (at most 35)",
                    q.id,
                    words(&r.action)
                ));
            }
            let sentence = |s: &str| s.ends_with('.') || s.ends_with('?');
            if !(sentence(&r.statement) && sentence(&r.action)) {
                found.push(format!("{} level {n}: not full sentences", q.id));
            }
            for text in [&r.statement, &r.action] {
                // The rating "Good" of a contract performance notice is the one allowed use.
                let cleaned = text.replace("\"Good\"", "").replace("“Good”", "");
                for word in cleaned
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    if VAGUE.contains(&word.to_lowercase().as_str()) {
                        found.push(format!("{} level {n}: \"{word}\" without a measure", q.id));
                    }
                }
            }
        }
        if q.levels[4].action.trim_start().starts_with("Keep") {
            found.push(format!("{}: the level 5 action starts with \"Keep\"", q.id));
        }
        for g in [&q.guidance.why, &q.guidance.evidence] {
            if words(g) > 80 {
                found.push(format!("{}: guidance over 80 words", q.id));
            }
        }
        for (i, note) in q.guidance.law.iter().enumerate() {
            if words(&note.text) > 80 {
                found.push(format!("{}: legal note {i} over 80 words", q.id));
            }
            if !note.text.ends_with('.') {
                found.push(format!("{}: legal note {i} is not a full sentence", q.id));
            }
        }
        for (i, r) in q.levels.iter().enumerate() {
            for v in &r.variants {
                if v.statement.as_ref().is_some_and(|s| words(s) > 30) {
                    found.push(format!("{} level {}: a variant over 30 words", q.id, i + 1));
                }
                if v.action.as_ref().is_some_and(|s| words(s) > 35) {
                    found.push(format!(
                        "{} level {} action: a variant over 35 words",
                        q.id,
                        i + 1
                    ));
                }
            }
        }
        if fw.audience == Audience::Individual {
            for r in &q.levels {
                let s = r.statement.trim_start();
                if !(s.starts_with("I ")
                    || s.starts_with("I'")
                    || s.starts_with("I’")
                    || s.starts_with("My "))
                {
                    found.push(format!(
                        "{}: \"{}\" is not in the first person",
                        q.id, r.statement
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_rung_is_short_specific_distinct_and_every_action_climbs() {
    for fw in [council(), learner()] {
        let found = check_content(&fw);
        assert!(found.is_empty(), "{}:\n{}", fw.id, found.join("\n"));
    }
}

#[test]
fn the_content_checks_catch_a_legal_duty_tied_to_a_tier_and_a_positive_level_1() {
    let mut v = default_value();
    v["themes"][2]["questions"][3]["levels"][2]["statement"] = json!(
        "Every top-tier contract where the supplier processes personal data has UK GDPR Article 28 terms."
    );
    v["themes"][0]["questions"][0]["levels"][0]["statement"] =
        json!("Contracts are sorted into tiers by value.");
    let fw = Framework::from_json(&v.to_string()).unwrap();
    let found = check_content(&fw).join("\n");
    assert!(found.contains("a legal duty tied to a tier"), "{found}");
    assert!(
        found.contains("level 1 must say what is not yet in place"),
        "{found}"
    );
}

#[test]
fn the_content_checks_catch_vague_long_and_repeated_rungs() {
    let mut v = default_value();
    v["themes"][0]["questions"][0]["levels"][1]["statement"] =
        json!("Contracts are reviewed regularly by the right people.");
    v["themes"][0]["questions"][0]["levels"][2]["statement"] = json!(
        "This statement is much too long because it goes on and on about contracts and registers and plans and people and meetings and papers and more words until it passes thirty."
    );
    v["themes"][0]["questions"][1]["levels"][4]["action"] = json!("Keep doing it.");
    v["themes"][0]["questions"][2]["levels"][3] =
        v["themes"][0]["questions"][2]["levels"][2].clone();
    let fw = Framework::from_json(&v.to_string()).unwrap();
    let found = check_content(&fw).join("\n");
    assert!(found.contains("\"regularly\" without a measure"), "{found}");
    assert!(found.contains("words (at most 30)"), "{found}");
    assert!(found.contains("starts with \"Keep\""), "{found}");
    assert!(found.contains("rungs repeat"), "{found}");
}

/// What the default framework must cover: the NAO framework's 11 areas, the contract-stage
/// duties of the Procurement Act 2023 and Regulations 2024 and other law, and the topics the
/// programme teaches.
const REQUIRED: [&str; 58] = [
    "law:ltc15-counter-fraud",
    "nao:planning-governance",
    "nao:people",
    "nao:administration",
    "nao:managing-relationships",
    "nao:managing-performance",
    "nao:payment-incentives",
    "nao:risk",
    "nao:contract-development",
    "nao:supplier-development",
    "nao:supplier-relationship-management",
    "nao:market-management",
    "law:pa23-s52-kpis",
    "law:pa23-s71-assessment",
    "law:pa23-s71-breach-notices",
    "law:regs24-r39-ratings",
    "law:pa23-s74-modification-limits",
    "law:pa23-s75-change-notices",
    "law:pa23-s68-payment-terms",
    "law:pa23-s69-payments-compliance",
    "law:pa23-s80-termination-notices",
    "law:pa23-part5-conflicts",
    "law:pa23-s78-termination-right",
    "law:pa23-s70-payment-publication",
    "law:pa23-s73-subcontract-payment",
    "law:pa23-s77-modified-contract",
    "law:regs24-r41-termination-notice",
    "law:pwr24-welsh-notices",
    "law:spppwa23-s16-social-partnership",
    "law:spppwa23-s24-socially-responsible",
    "law:spppwa23-ss25-28-social-public-works",
    "law:spppwa23-ss32-37-workforce",
    "law:spppwa23-s38-procurement-strategy",
    "law:spppwa23-s39-annual-report",
    "law:spppwa23-s40-contracts-register",
    "law:sswbwa14-s144b-market-stability",
    "law:sswbwa14-s16-social-enterprises",
    "law:lgewa21-governance-audit-committee",
    "law:wlm11-welsh-language-standards",
    "topic:ethical-employment",
    "law:ltc15-contract-register",
    "law:ltc15-spend",
    "law:care14-s5-market-shaping",
    "law:ukgdpr-art28-processors",
    "topic:tiering",
    "topic:mobilisation",
    "topic:subcontractors",
    "topic:data-protection",
    "topic:cyber-security",
    "topic:modern-slavery",
    "topic:supply-chain-risk",
    "topic:fraud",
    "topic:social-value",
    "topic:innovation",
    "topic:exit",
    "topic:business-continuity",
    "topic:supplier-financial-health",
    "topic:conflicts-of-interest",
];

/// Prints the coverage table (`cargo test --test framework coverage -- --nocapture`) and fails
/// on any gap.
#[test]
fn coverage_report_every_area_duty_and_topic_has_a_question() {
    let fw = council();
    let mut by_area: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (_, q) in fw.questions() {
        for area in &q.covers {
            by_area.entry(area).or_default().push(&q.id);
        }
    }
    println!(
        "Coverage of {} {} ({} questions)",
        fw.id,
        fw.version,
        fw.question_count()
    );
    println!("| Area | Questions |\n| --- | --- |");
    let mut gaps = Vec::new();
    for area in REQUIRED {
        let qs = by_area.get(area).cloned().unwrap_or_default();
        println!(
            "| {area} | {} |",
            if qs.is_empty() {
                "GAP".to_string()
            } else {
                qs.join(", ")
            }
        );
        if qs.is_empty() {
            gaps.push(area);
        }
    }
    for scheme in ["nps", "cciaf"] {
        for a in fw.areas.iter().filter(|a| a.scheme() == scheme) {
            let qs = by_area.get(a.id.as_str()).cloned().unwrap_or_default();
            println!("| {} | {} |", a.id, qs.join(", "));
        }
    }
    assert!(gaps.is_empty(), "areas with no question: {gaps:?}");
}

#[test]
fn legal_minimums_are_met_by_level_3_and_their_guidance_names_the_law() {
    let fw = council();
    for (_, q) in fw.questions() {
        if !q.covers.iter().any(|c| c.starts_with("law:")) {
            continue;
        }
        let why = &q.guidance.why;
        let named = ["Act", "Regulations", "Code", "UK GDPR", "s."]
            .iter()
            .any(|w| why.contains(w));
        assert!(
            named,
            "{}: the guidance must name the statute or code: {why}",
            q.id
        );
    }
    // Publishing spend and the contract register is a legal minimum: met at Good, not Better.
    let register = fw.question("adm-register").unwrap();
    assert!(
        register.levels[2].statement.contains("publish"),
        "{}",
        register.levels[2].statement
    );
    let pay = fw.question("prf-payment").unwrap();
    assert!(
        pay.levels[2].statement.contains("30 days"),
        "{}",
        pay.levels[2].statement
    );
}

#[test]
fn universal_legal_minimums_are_good_on_every_contract_they_cover() {
    let fw = council();
    for (id, law) in [
        ("adm-data-protection", "Article 28"),
        ("ppl-conflicts", "conflict"),
    ] {
        let q = fw.question(id).unwrap();
        let good = &q.levels[2].statement;
        assert!(
            good.contains("every") || good.contains("Every"),
            "{id}: {good}"
        );
        assert!(!good.contains("tier"), "{id}: {good}");
        let text: String = std::iter::once(good.clone())
            .chain(q.guidance.law.iter().map(|n| n.text.clone()))
            .collect();
        assert!(text.contains(law), "{id}: {text}");
    }
    // The level meaning itself says so.
    assert!(
        fw.levels[2].meaning.contains("every contract"),
        "{}",
        fw.levels[2].meaning
    );
}

#[test]
fn kpi_duty_and_performance_ratings_are_stated_exactly() {
    let fw = council();
    let kpis = fw.question("prf-kpis").unwrap();
    let all: String = [
        kpis.guidance.why.as_str(),
        kpis.levels[2].statement.as_str(),
    ]
    .join(" ");
    assert!(all.contains("£5 million"), "{all}");
    assert!(!all.contains("GBP"));
    assert!(fw
        .questions()
        .all(|(_, q)| !q.levels.iter().any(|r| r.statement.contains("GBP"))));

    let q = fw.question("prf-assessment").unwrap();
    let text: String = q
        .levels
        .iter()
        .map(|r| format!("{} {} ", r.statement, r.action))
        .chain([q.guidance.why.clone(), q.guidance.evidence.clone()])
        .collect();
    for words in [
        "Good",
        "Approaching target",
        "Requires improvement",
        "Inadequate",
        "Other",
    ] {
        assert!(text.contains(words), "missing the rating {words:?}");
    }
    assert!(
        q.guidance.why.contains("Procurement Regulations 2024"),
        "{}",
        q.guidance.why
    );
    assert!(q.guidance.why.contains("39"), "{}", q.guidance.why);
}

#[test]
fn top_tier_has_a_meaning_for_councils_that_have_not_tiered_yet() {
    let fw = council();
    let term = fw
        .glossary
        .iter()
        .find(|t| t.id.contains("top-tier"))
        .expect("the glossary defines top-tier");
    assert!(term.definition.contains("£"), "{}", term.definition);
}

#[test]
fn every_version_1_question_is_accounted_for() {
    let v1 = Framework::from_json(include_str!("fixtures/framework-v1.json")).unwrap();
    let v2 = council();
    for (_, q) in v1.questions() {
        let live = v2.current_id(&q.id).is_some();
        let split = v2.carry_over.iter().any(|c| c.from == q.id);
        let retired = v2.retired.contains(&q.id);
        assert!(
            live || split || retired,
            "{} is not carried into version 2",
            q.id
        );
    }
}

#[test]
fn a_saved_version_1_assessment_opens_in_version_2_with_its_answers() {
    let v1 = Framework::from_json(include_str!("fixtures/framework-v1.json")).unwrap();
    let v2 = council();
    let mut a = Assessment::new(
        "old".into(),
        &v1,
        AssessmentKind::Full,
        "2026-03-01T09:00:00Z",
    );
    let ids: Vec<String> = v1.questions().map(|(_, q)| q.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        a.set_rating(id, level(1 + (i % 5) as u8), "t");
    }
    a.set_note(
        "dev-innovation",
        "Social value clauses in the waste contract",
        "t",
    );
    a.reconcile(&v2);
    assert_eq!(a.framework_version, "3.0.0");
    // Renamed and merged questions follow their new ids.
    assert_eq!(
        a.rating("ppl-roles"),
        Some(level(
            1 + (ids.iter().position(|i| i == "ppl-roles").unwrap() % 5) as u8
        ))
    );
    let documents = ids.iter().position(|i| i == "adm-documents").unwrap();
    assert_eq!(
        a.rating("adm-records"),
        Some(level(1 + (documents % 5) as u8)),
        "the first former id wins"
    );
    // The split question's answer (and note) starts both of its successors.
    let innovation = level(1 + (ids.iter().position(|i| i == "dev-innovation").unwrap() % 5) as u8);
    assert_eq!(a.rating("dev-social-value"), Some(innovation));
    assert_eq!(a.rating("dev-supplier-innovation"), Some(innovation));
    assert_eq!(
        a.answers["dev-social-value"].note,
        "Social value clauses in the waste contract"
    );
    // Nothing the user answered is lost: every old answer is live or set aside.
    let kept: usize = a.answers.len() + a.set_aside.len();
    assert!(kept >= ids.len(), "{kept} of {}", ids.len());
    for id in &ids {
        let live = v2
            .current_id(id)
            .is_some_and(|now| a.answers.contains_key(now));
        let aside = a.set_aside.iter().any(|s| &s.question_id == id);
        assert!(live || aside, "{id} was lost");
    }
}

#[test]
fn a_question_with_four_rungs_is_reported_with_its_path() {
    let mut v = default_value();
    v["themes"][2]["questions"][1]["levels"]
        .as_array_mut()
        .unwrap()
        .pop();
    assert_eq!(
        problems(&v),
        ["themes[2].questions[1].levels: expected 5, found 4"]
    );
}

#[test]
fn duplicate_ids_are_reported_with_both_places() {
    let mut v = default_value();
    v["themes"][1]["questions"][0]["id"] = json!("gov-tiering");
    v["themes"][3]["id"] = json!("governance");
    let found = problems(&v);
    assert!(found.contains(&"themes[1].questions[0].id: duplicate id \"gov-tiering\" (also at themes[0].questions[0])".to_string()), "{found:?}");
    assert!(
        found.contains(&"themes[3].id: duplicate id \"governance\"".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"quickCheck[1]: unknown question id \"ppl-roles\"".to_string()),
        "{found:?}"
    );
}

#[test]
fn unknown_fields_terms_and_areas_are_reported_with_their_path() {
    let mut v = default_value();
    v["themes"][0]["questions"][2]["colour"] = json!("red");
    let found = problems(&v);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with(
            "themes[0].questions[2].colour: the file could not be read (it has an entry this tool does not use: “colour”)"
        ),
        "{found:?}"
    );

    let mut v = default_value();
    v["themes"][0]["questions"][0]["terms"] = json!(["no-such-term"]);
    v["themes"][0]["questions"][0]["covers"] = json!(["nao:people", "law:made-up"]);
    assert_eq!(
        problems(&v),
        [
            "themes[0].questions[0].terms[0]: \"no-such-term\" is not in the glossary",
            "themes[0].questions[0].covers[1]: \"law:made-up\" is not one of the file's areas",
        ]
    );
}

#[test]
fn empty_text_is_reported_everywhere_at_once() {
    let mut v = default_value();
    v["title"] = json!("  ");
    v["themes"][4]["questions"][3]["levels"][0]["action"] = json!("");
    v["themes"][7]["questions"][0]["guidance"]["why"] = json!("");
    assert_eq!(
        problems(&v),
        [
            "title: must not be empty",
            "themes[4].questions[3].levels[0].action: must not be empty",
            "themes[7].questions[0].guidance.why: must not be empty",
        ]
    );
}

#[test]
fn a_newer_format_and_bad_weights_are_refused() {
    let mut v = default_value();
    v["formatVersion"] = json!(4);
    v["themes"][0]["weight"] = json!(-1);
    assert_eq!(
        problems(&v),
        [
            "formatVersion: this app reads format version 1–3, found 4",
            "themes[0].weight: must be a positive number, found -1",
        ]
    );
}

#[test]
fn malformed_json_and_wrong_types_are_reported() {
    let err = messages(&Framework::from_json("{\"format\": ").unwrap_err());
    assert_eq!(err.len(), 1);
    assert!(err[0].contains("stops part-way through"), "{err:?}");
    let mut v = default_value();
    v["themes"][0]["questions"] = json!("none");
    let found = problems(&v);
    assert!(
        found[0].starts_with(
            "themes[0].questions: the file could not be read (a value is of the wrong kind"
        ),
        "{found:?}"
    );
}

#[test]
fn former_ids_must_not_collide_with_live_ids() {
    let mut v = default_value();
    v["themes"][0]["questions"][1]["formerIds"] = json!(["gov-tiering"]);
    assert_eq!(
        problems(&v),
        ["themes[0].questions[1].formerIds[0]: \"gov-tiering\" is still the id of a question"]
    );
}

#[test]
fn a_framework_missing_a_welsh_text_is_refused_with_its_path() {
    let mut v = default_value();
    v["languages"] = json!(["en", "cy"]);
    // Give every text both languages but one.
    fn both(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    let is_text = matches!(
                        k.as_str(),
                        "title"
                            | "description"
                            | "name"
                            | "meaning"
                            | "summary"
                            | "prompt"
                            | "statement"
                            | "action"
                            | "why"
                            | "evidence"
                            | "term"
                            | "definition"
                            | "text"
                    );
                    if is_text {
                        if let Value::String(s) = child {
                            *child = json!({"en": s.clone(), "cy": format!("{s} (cy)")});
                            continue;
                        }
                    }
                    both(child);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(both),
            _ => {}
        }
    }
    both(&mut v);
    let doc = Framework::<Localised>::parse(&v.to_string()).unwrap_or_else(|p| panic!("{p}"));
    assert!(doc.resolve("cy").themes[0].title.ends_with("(cy)"));
    v["themes"][3]["questions"][1]["levels"][2]["statement"] = json!({"en": "Only English."});
    assert_eq!(
        problems(&v),
        ["themes[3].questions[1].levels[2].statement: has no text in \"cy\""]
    );
}

#[test]
fn the_learner_framework_is_about_the_learners_own_work() {
    let me = learner();
    let doc: Value = serde_json::from_str(LEARNER).unwrap();
    assert_eq!(doc["audience"], "individual");
    for (_, q) in me.questions() {
        assert!(
            !q.prompt.contains("the council") && !q.prompt.contains("across the council"),
            "{}: {}",
            q.id,
            q.prompt
        );
        assert!(
            q.covers.iter().any(|c| c.starts_with("cmps:")),
            "{} names its capability",
            q.id
        );
    }
    let kpis: String = me
        .questions()
        .map(|(_, q)| q.guidance.why.clone())
        .collect();
    assert!(
        kpis.contains("more than £5 million"),
        "the s.52 threshold is stated as in the Act"
    );
}

#[test]
fn both_shipped_frameworks_are_complete_in_welsh() {
    for json in [common::COUNCIL, common::LEARNER] {
        let doc = Framework::<Localised>::parse(json).unwrap_or_else(|p| panic!("{p}"));
        assert_eq!(doc.languages, ["en", "cy"]);
        let (en, cy) = (doc.resolve("en"), doc.resolve("cy"));
        assert_eq!(en.themes.len(), cy.themes.len());
        // Every theme and question title, level name and rung differs from the English.
        for (e, c) in en.themes.iter().zip(&cy.themes) {
            assert_ne!(e.title, c.title);
            for (qe, qc) in e.questions.iter().zip(&c.questions) {
                assert_eq!(qe.id, qc.id);
                assert_ne!(qe.title, qc.title, "{}", qe.id);
                for (re, rc) in qe.levels.iter().zip(&qc.levels) {
                    assert_ne!(re.statement, rc.statement, "{}", qe.id);
                }
            }
        }
        for (e, c) in en.levels.iter().zip(&cy.levels) {
            assert_ne!(e.name, c.name);
        }
    }
}

/// The section headings the law tags may cite: instrument, section token, the words its name
/// must carry (the section's own subject), and where it applies. A tag whose section is not
/// here, or whose name does not say what that section is about, is refused: tags point at real
/// sections, by their real subject. (Checked against legislation.gov.uk when added; see the
/// closing notes of Framework 3.)
const LAW_SECTIONS: &[(&str, &str, &[&str])] = &[
    ("pa23", "s12", &["objectives"]),
    ("pa23", "s16", &["market engagement"]),
    ("pa23", "s52", &["key performance indicators", "kpi"]),
    ("pa23", "s57", &["excluded"]),
    ("pa23", "s68", &["payment"]),
    ("pa23", "s69", &["payments compliance"]),
    ("pa23", "s70", &["payment"]),
    ("pa23", "s71", &["assess"]),
    ("pa23", "s73", &["subcontract", "sub-contract"]),
    ("pa23", "s74", &["modif"]),
    ("pa23", "s75", &["change notice"]),
    ("pa23", "s77", &["modified contract", "publish"]),
    ("pa23", "s78", &["terminat"]),
    ("pa23", "s80", &["termination notice"]),
    ("pa23", "part5", &["conflicts of interest"]),
    ("regs24", "r39", &["rating", "performance notice"]),
    ("regs24", "r41", &["termination notice"]),
    ("pwr24", "", &["procurement (wales) regulations"]),
    ("ltc15", "", &["transparency code"]),
    ("care14", "s5", &["market"]),
    ("ukgdpr", "art28", &["processor"]),
    ("sva12", "s1", &["social value"]),
    ("psr23", "", &["provider selection regime"]),
    ("spppwa23", "s16", &["social partnership"]),
    ("spppwa23", "s24", &["socially responsible"]),
    ("spppwa23", "ss25-28", &["social public works"]),
    ("spppwa23", "ss26-37", &["workforce", "outsourc"]),
    ("spppwa23", "ss32-37", &["workforce", "outsourc"]),
    ("spppwa23", "s38", &["strategy"]),
    ("spppwa23", "s39", &["annual report"]),
    ("spppwa23", "s40", &["contracts register"]),
    ("sswbwa14", "s144b", &["market stability"]),
    (
        "sswbwa14",
        "s16",
        &["social enterprise", "third sector", "co-operative"],
    ),
    ("lgewa21", "", &["governance and audit committee"]),
    ("wlm11", "", &["welsh language standards"]),
];

/// How a section token is written in a tag's name: s52 as "s.52", ss25-28 as "ss.25", part5 as
/// "Part 5", r39 as "reg. 39" or "regulation 39", art28 as "Article 28".
fn section_label_present(token: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    if token.is_empty() {
        return true;
    }
    if let Some(rest) = token.strip_prefix("ss") {
        let first = rest.split('-').next().unwrap_or(rest);
        return lower.contains(&format!("ss.{first}")) || lower.contains(&format!("ss. {first}"));
    }
    if let Some(n) = token.strip_prefix("part") {
        return lower.contains(&format!("part {n}"));
    }
    if let Some(n) = token.strip_prefix("art") {
        return lower.contains(&format!("article {n}")) || lower.contains(&format!("art. {n}"));
    }
    if let Some(n) = token.strip_prefix('r') {
        return lower.contains(&format!("reg. {n}")) || lower.contains(&format!("regulation {n}"));
    }
    if let Some(n) = token.strip_prefix('s') {
        return lower.contains(&format!("s.{n}"));
    }
    false
}

/// The problems with a framework's law tags: each names a section listed above, by its subject,
/// and says where it applies.
fn law_tag_problems(fw: &Framework) -> Vec<String> {
    let mut found = Vec::new();
    for area in fw.areas.iter().filter(|a| a.scheme() == "law") {
        let rest = &area.id["law:".len()..];
        let (instrument, tail) = rest.split_once('-').unwrap_or((rest, ""));
        let entry = LAW_SECTIONS.iter().find(|(i, token, _)| {
            *i == instrument
                && (token.is_empty() || tail == *token || tail.starts_with(&format!("{token}-")))
        });
        let Some((_, token, subject)) = entry else {
            found.push(format!("{}: not a section this check knows", area.id));
            continue;
        };
        if !section_label_present(token, &area.name) {
            found.push(format!(
                "{}: the name does not cite {token}: {}",
                area.id, area.name
            ));
        }
        let lower = area.name.to_lowercase();
        if !subject.iter().any(|w| lower.contains(w)) {
            found.push(format!(
                "{}: the name does not say what the section is about ({}): {}",
                area.id,
                subject.join(" or "),
                area.name
            ));
        }
        if area.applies_in.is_empty() {
            found.push(format!("{}: no appliesIn", area.id));
        }
    }
    found
}

#[test]
fn every_law_tag_names_a_real_section_by_its_subject_and_where_it_applies() {
    for fw in [council(), learner()] {
        let found = law_tag_problems(&fw);
        assert!(found.is_empty(), "{}:\n{}", fw.id, found.join("\n"));
    }
    // The mistake the legal review found: s.78 is the right to terminate, not exclusion.
    let mut v = default_value();
    let areas = v["areas"].as_array_mut().unwrap();
    areas.push(json!({"id": "law:pa23-s78-excluded-suppliers", "name": "s.78: excluded suppliers", "appliesIn": ["england", "wales"]}));
    areas.push(
        json!({"id": "law:pa23-s99-made-up", "name": "s.99: something", "appliesIn": ["england"]}),
    );
    let fw = Framework::from_json(&v.to_string()).unwrap();
    let found = law_tag_problems(&fw).join("\n");
    assert!(
        found.contains(
            "law:pa23-s78-excluded-suppliers: the name does not say what the section is about"
        ),
        "{found}"
    );
    assert!(
        found.contains("law:pa23-s99-made-up: not a section this check knows"),
        "{found}"
    );
}

#[test]
fn every_law_a_question_cites_has_a_legal_note_where_it_applies() {
    for fw in [council(), learner()] {
        for (_, q) in fw.questions() {
            for id in q.covers.iter().filter(|c| c.starts_with("law:")) {
                let area = fw.areas.iter().find(|a| &a.id == id).unwrap();
                let noted = q
                    .guidance
                    .law
                    .iter()
                    .any(|n| n.applies_in.iter().any(|x| area.applies_in.contains(x)));
                assert!(
                    noted,
                    "{}: covers {id} but no legal note applies where it does",
                    q.id
                );
            }
        }
    }
}

#[test]
fn nations_outside_england_and_wales_and_bad_dates_are_refused_with_their_paths() {
    let mut v = default_value();
    v["lawAsAt"] = json!("1 December 2026");
    v["areas"][11]["appliesIn"] = json!(["scotland"]);
    v["themes"][0]["questions"][0]["guidance"]["law"] =
        json!([{"appliesIn": ["wales", "wales"], "text": "Something."}]);
    v["themes"][0]["questions"][0]["levels"][2]["variants"] = json!([{"appliesIn": ["england"]}]);
    let found = problems(&v);
    assert!(
        found.contains(
            &"lawAsAt: expected a date as YYYY-MM-DD, found \"1 December 2026\"".to_string()
        ),
        "{found:?}"
    );
    assert!(found.contains(&"areas[11].appliesIn[0]: the law stated here is written for \"england\" and \"wales\" only, found \"scotland\"".to_string()), "{found:?}");
    assert!(
        found.contains(
            &"themes[0].questions[0].guidance.law[0].appliesIn[1]: duplicate id \"wales\""
                .to_string()
        ),
        "{found:?}"
    );
    assert!(
        found.contains(
            &"themes[0].questions[0].levels[2].variants[0]: must have at least one entry"
                .to_string()
        ),
        "{found:?}"
    );
}

#[test]
fn a_real_version_2_export_opens_in_version_3_with_every_answer_and_note_kept() {
    use cm_maturity::domain::exchange::parse_import;
    let export = include_str!("fixtures/export-council-v2.json");
    let before: Value = serde_json::from_str(export).unwrap();
    let old = &before["assessments"][0];
    assert_eq!(old["frameworkVersion"], "2.0.0");
    let fw = council();
    let read = parse_import(export, &[&fw]).expect("a version 2 export reads");
    let a = &read[0];
    assert_eq!(a.framework_version, fw.version);
    for (id, answer) in old["answers"].as_object().unwrap() {
        let rating = &answer["rating"];
        let note = answer["note"].as_str().unwrap_or_default();
        let live = fw.current_id(id).and_then(|now| a.answers.get(now));
        let split: Vec<_> = fw
            .carry_over
            .iter()
            .filter(|c| &c.from == id)
            .flat_map(|c| c.to.iter())
            .filter_map(|to| a.answers.get(to))
            .collect();
        let aside = a.set_aside.iter().find(|s| &s.question_id == id);
        let kept = live
            .into_iter()
            .chain(split)
            .chain(aside.map(|s| &s.answer))
            .any(|x| serde_json::to_value(x.rating).unwrap() == *rating && x.note == note);
        assert!(kept, "{id} ({rating}, {note:?}) was lost");
    }
    assert_eq!(
        a.targets.len(),
        old["targets"].as_object().map_or(0, |t| t.len())
    );
}

/// The Welsh duties (domain.md "Nations") and where the council framework covers them.
const WELSH_DUTIES: [&str; 11] = [
    "law:pwr24-welsh-notices",
    "law:spppwa23-s16-social-partnership",
    "law:spppwa23-s24-socially-responsible",
    "law:spppwa23-ss25-28-social-public-works",
    "law:spppwa23-ss32-37-workforce",
    "law:spppwa23-s38-procurement-strategy",
    "law:spppwa23-s39-annual-report",
    "law:spppwa23-s40-contracts-register",
    "law:sswbwa14-s144b-market-stability",
    "law:lgewa21-governance-audit-committee",
    "law:wlm11-welsh-language-standards",
];

#[test]
fn welsh_duties_are_covered() {
    use cm_maturity::domain::context::Nation;
    let fw = council();
    println!("| Welsh duty | questions |\n| --- | --- |");
    let mut gaps = Vec::new();
    for duty in WELSH_DUTIES {
        let area = fw.areas.iter().find(|a| a.id == duty);
        assert!(
            area.is_some_and(|a| a.applies_in == [Nation::Wales]),
            "{duty}: an area that applies in Wales only"
        );
        let questions: Vec<&str> = fw
            .questions()
            .filter(|(_, q)| q.covers.iter().any(|c| c == duty))
            .map(|(_, q)| q.id.as_str())
            .collect();
        println!("| {duty} | {} |", questions.join(", "));
        // Covered means asked and explained: a question cites it and has a Welsh legal note.
        let explained = fw
            .questions()
            .filter(|(_, q)| q.covers.iter().any(|c| c == duty))
            .any(|(_, q)| {
                q.guidance
                    .law
                    .iter()
                    .any(|n| n.applies_in.contains(&Nation::Wales))
            });
        if questions.is_empty() || !explained {
            gaps.push(duty);
        }
    }
    assert!(gaps.is_empty(), "Welsh duties not covered: {gaps:?}");
    // A Welsh council is never shown an England-only law as its own.
    for (_, q) in fw.questions() {
        for n in q.guidance.law_for(Some(Nation::Wales)) {
            assert!(
                n.applies_in.contains(&Nation::Wales),
                "{}: {:?}",
                q.id,
                n.applies_in
            );
            assert!(
                !n.text.contains("Transparency Code") && !n.text.contains("Care Act"),
                "{}: a note shown in Wales names English law: {}",
                q.id,
                n.text
            );
        }
    }
}

#[test]
fn legal_statements_by_nation() {
    use cm_maturity::domain::context::Nation;
    let fw = council();
    println!("| question | applies in | first words |\n| --- | --- | --- |");
    let mut wrong = Vec::new();
    for (_, q) in fw.questions() {
        for n in &q.guidance.law {
            let first: Vec<&str> = n.text.split_whitespace().take(10).collect();
            println!("| {} | {:?} | {} |", q.id, n.applies_in, first.join(" "));
            if n.applies_in.is_empty() {
                wrong.push(format!("{}: a legal note that says nowhere", q.id));
            }
            let english_only = [
                "Transparency Code",
                "Care Act",
                "Procurement Regulations 2024",
            ];
            if n.applies_in.contains(&Nation::Wales)
                && english_only.iter().any(|law| n.text.contains(law))
                && !n.applies_in.contains(&Nation::England)
            {
                wrong.push(format!(
                    "{}: a Welsh note names English law: {}",
                    q.id, n.text
                ));
            }
        }
        // Every question that cites a law tied to one nation has a note for that nation.
        for c in q.covers.iter().filter(|c| c.starts_with("law:")) {
            let Some(area) = fw.areas.iter().find(|a| &a.id == c) else {
                continue;
            };
            for nation in &area.applies_in {
                if !q.guidance.law.iter().any(|n| n.applies_in.contains(nation)) {
                    wrong.push(format!(
                        "{}: cites {c} but has no note for {nation:?}",
                        q.id
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_resource_must_be_an_https_link_a_page_cannot_misread() {
    let mut v = default_value();
    let ok = json!({ "title": "Procurement Act 2023, section 52", "url": "https://www.legislation.gov.uk/ukpga/2023/54/section/52", "kind": "legislation" });
    v["themes"][0]["questions"][0]["resources"] = json!([ok]);
    let fw = Framework::from_json(&v.to_string()).expect("an https resource is accepted");
    let r = &fw.themes[0].questions[0].resources[0];
    assert_eq!(
        r.url,
        "https://www.legislation.gov.uk/ukpga/2023/54/section/52"
    );

    for bad in [
        "javascript:alert(1)",
        "http://example.gov.uk/guide",
        "//example.gov.uk/guide",
        "https://example.gov.uk/a\" onmouseover=\"alert(1)",
        "https://example.gov.uk/a b",
        "https://user@evil.example/",
        "https:///nohost",
        "data:text/html,<script>alert(1)</script>",
    ] {
        let mut v = default_value();
        v["themes"][0]["questions"][0]["resources"] =
            json!([{ "title": "Guide", "url": bad, "kind": "guidance" }]);
        let found = problems(&v);
        assert!(
            found
                .iter()
                .any(|m| m.contains("themes[0].questions[0].resources[0].url")
                    && m.contains("https address")),
            "{bad}: {found:?}"
        );
    }
    let mut v = default_value();
    v["themes"][0]["questions"][0]["resources"] =
        json!([{ "title": "Guide", "url": "https://example.gov.uk/", "kind": "rumour" }]);
    assert!(
        Framework::from_json(&v.to_string()).is_err(),
        "an unknown kind is refused"
    );
}
