//! A council's own resources file: checked whole with each problem located, then added to the
//! framework's questions, each saying whom it is from.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::framework::{Resource, ResourceKind};
use cm_maturity::domain::problems::Issue;
use cm_maturity::domain::resources::ResourcesFile;
use cm_maturity::domain::{Framework, Localised};
use serde_json::json;

fn shipped() -> Framework<Localised> {
    Framework::parse(common::COUNCIL).unwrap()
}

fn file(resources: serde_json::Value) -> String {
    json!({
        "format": "cm-maturity-resources",
        "formatVersion": 1,
        "publisher": "Anytown Council",
        "resources": resources,
    })
    .to_string()
}

#[test]
fn a_councils_resources_follow_the_frameworks_own_and_say_whom_they_are_from() {
    let fw = shipped();
    let q = fw.themes[0].questions[0].id.clone();
    let json = file(json!([
        { "question": q, "title": "Our tiering template", "url": "https://intranet.anytown.gov.uk/tiering.docx", "kind": "template" },
    ]));
    let added = ResourcesFile::parse(&json, &fw).unwrap().add_to(fw.clone());
    for lang in ["en", "cy"] {
        let resolved = added.resolve(lang);
        let own = resolved.themes[0].questions[0].resources.clone();
        let before = fw.resolve(lang).themes[0].questions[0].resources.len();
        assert_eq!(own.len(), before + 1, "after the framework's own");
        assert_eq!(
            own.last().unwrap(),
            &Resource {
                title: "Our tiering template".into(),
                url: "https://intranet.anytown.gov.uk/tiering.docx".into(),
                kind: ResourceKind::Template,
                from: Some("Anytown Council".into()),
            },
            "an English-only file is shown as it is in Welsh too ({lang})"
        );
    }
    // No other question gains anything.
    let others: usize = added
        .questions()
        .skip(1)
        .map(|(_, q)| q.resources.len())
        .sum();
    let before: usize = fw.questions().skip(1).map(|(_, q)| q.resources.len()).sum();
    assert_eq!(others, before);
}

#[test]
fn a_welsh_council_writes_both_languages() {
    let fw = shipped();
    let q = fw.themes[1].questions[0].id.clone();
    let json = json!({
        "format": "cm-maturity-resources", "formatVersion": 1, "languages": ["en", "cy"],
        "publisher": { "en": "Anytown County Borough Council", "cy": "Cyngor Bwrdeistref Sirol Anytown" },
        "resources": [{ "question": q, "title": { "en": "Exit plan guide", "cy": "Canllaw cynllun ymadael" },
            "url": "https://anytown.gov.wales/exit", "kind": "guidance" }],
    })
    .to_string();
    let added = ResourcesFile::parse(&json, &fw).unwrap().add_to(fw);
    let cy = added.resolve("cy");
    let r = cy.themes[1].questions[0].resources.last().unwrap().clone();
    assert_eq!(r.title, "Canllaw cynllun ymadael");
    assert_eq!(r.from.as_deref(), Some("Cyngor Bwrdeistref Sirol Anytown"));
    // Missing a language it declares: refused, at the place.
    let half = json!({
        "format": "cm-maturity-resources", "formatVersion": 1, "languages": ["en", "cy"],
        "publisher": "Anytown", "resources": [],
    })
    .to_string();
    let p = ResourcesFile::parse(&half, &shipped()).unwrap_err();
    assert!(
        p.has("publisher", &Issue::MissingLanguage("cy".into())),
        "{p}"
    );
}

#[test]
fn a_file_with_a_bad_address_an_unknown_question_or_a_blank_title_is_refused_whole_with_each_place_named(
) {
    let fw = shipped();
    let q = fw.themes[0].questions[0].id.clone();
    let json = file(json!([
        { "question": q, "title": "Fine", "url": "https://anytown.gov.uk/ok", "kind": "guide" },
    ]));
    assert!(
        ResourcesFile::parse(&json, &fw).is_err(),
        "an unknown kind is refused"
    );
    let json = file(json!([
        { "question": q, "title": "Fine", "url": "https://anytown.gov.uk/ok", "kind": "guidance" },
        { "question": q, "title": "Script", "url": "javascript:alert(1)", "kind": "template" },
        { "question": q, "title": "Plain", "url": "http://anytown.gov.uk/x", "kind": "template" },
        { "question": q, "title": "Quoted", "url": "https://anytown.gov.uk/\"onmouseover=x", "kind": "template" },
        { "question": "no-such-question", "title": "Lost", "url": "https://anytown.gov.uk/y", "kind": "processMap" },
        { "question": q, "title": " ", "url": "https://anytown.gov.uk/z", "kind": "template" },
    ]));
    let p = ResourcesFile::parse(&json, &fw).unwrap_err();
    for (path, issue) in [
        (
            "resources[1].url",
            Issue::NotALink("javascript:alert(1)".into()),
        ),
        (
            "resources[2].url",
            Issue::NotALink("http://anytown.gov.uk/x".into()),
        ),
        (
            "resources[3].url",
            Issue::NotALink("https://anytown.gov.uk/\"onmouseover=x".into()),
        ),
        (
            "resources[4].question",
            Issue::UnknownQuestion("no-such-question".into()),
        ),
        ("resources[5].title", Issue::Empty),
    ] {
        assert!(p.has(path, &issue), "{path}: {p}");
    }
    assert_eq!(p.0.len(), 5, "the good one is not a problem: {p}");
    let wrong = r#"{"format": "cm-maturity-framework", "formatVersion": 2, "publisher": "A", "resources": []}"#;
    let p = ResourcesFile::parse(wrong, &fw).unwrap_err();
    assert!(p.0.iter().any(|x| x.path == "format"), "{p}");
    assert!(p.0.iter().any(|x| x.path == "formatVersion"), "{p}");
}
