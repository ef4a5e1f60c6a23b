//! Share links: round trips, what they leave out, and a parser that never panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::share::{
    base64_encode, base64url_decode, base64url_encode, decode, encode, is_copy_of, is_share_hash,
    peek_language, ShareError, MAX_SHARE_CHARS,
};
use cm_maturity::domain::{Assessment, AssessmentKind, Framework, Level, Rating};
use common::{council, learner};
use proptest::prelude::*;

fn framework() -> Framework {
    council()
}

fn both() -> (Framework, Framework) {
    (council(), learner())
}

fn sample(fw: &Framework) -> Assessment {
    let mut a = Assessment::new(
        "id-1".into(),
        fw,
        AssessmentKind::Full,
        "2026-11-20T10:00:00.000Z",
    );
    a.organisation = "Anytown Council".into();
    a.set_rating("gov-tiering", Rating::Level(Level::new(4).unwrap()), "t");
    a.set_rating("ppl-roles", Rating::DontKnow, "t");
    a.set_rating("adm-register", Rating::NotApplicable, "t");
    a.set_note("gov-tiering", "Board paper, May — “tiering” & more", "t");
    a
}

#[test]
fn a_link_carries_levels_but_not_notes_unless_asked() {
    let fw = framework();
    let a = sample(&fw);
    let plain = encode(&fw, &a, false, "cy");
    assert!(plain.starts_with("cmm-share="));
    assert_eq!(peek_language(&plain).as_deref(), Some("cy"));
    let shared = decode(&format!("#{plain}"), &[&fw]).unwrap();
    assert_eq!(shared.lang.as_deref(), Some("cy"));
    let back = shared.assessment;
    assert_eq!(back.rating("gov-tiering"), a.rating("gov-tiering"));
    assert_eq!(back.rating("ppl-roles"), Some(Rating::DontKnow));
    assert_eq!(back.rating("adm-register"), Some(Rating::NotApplicable));
    assert_eq!(back.rating("prf-kpis"), None);
    assert_eq!(
        back.answers["gov-tiering"].note, "",
        "notes stay out by default"
    );
    assert_eq!(back.organisation, "Anytown Council");
    assert_eq!(back.created, "2026-11-20");

    let with_notes = decode(&encode(&fw, &a, true, "en"), &[&fw])
        .unwrap()
        .assessment;
    assert_eq!(
        with_notes.answers["gov-tiering"].note,
        "Board paper, May — “tiering” & more"
    );
    assert!(
        plain.len() < 400,
        "a levels-only link is short ({} chars)",
        plain.len()
    );
}

#[test]
fn damaged_or_foreign_links_are_refused() {
    let fw = framework();
    let link = encode(&fw, &sample(&fw), false, "en");
    assert_eq!(
        decode(&link[..link.len() - 7], &[&fw]).map(|_| ()),
        Err(ShareError::Unreadable)
    );
    assert_eq!(
        decode("cmm-share=!!!", &[&fw]).map(|_| ()),
        Err(ShareError::Unreadable)
    );
    assert_eq!(
        decode("something-else", &[&fw]).map(|_| ()),
        Err(ShareError::Unreadable)
    );
    let long = format!("cmm-share={}", "A".repeat(MAX_SHARE_CHARS));
    assert_eq!(decode(&long, &[&fw]).map(|_| ()), Err(ShareError::TooLong));
    let mut other = fw.clone();
    other.version = "9.0.0".into();
    assert_eq!(
        decode(&link, &[&other]).map(|_| ()),
        Err(ShareError::OtherVersion)
    );
    let (_, learner) = both();
    assert_eq!(
        decode(&link, &[&learner]).map(|_| ()),
        Err(ShareError::OtherFramework)
    );
    let future = format!("cmm-share={}", base64url_encode(br#"{"v":2}"#));
    assert_eq!(
        decode(&future, &[&fw]).map(|_| ()),
        Err(ShareError::UnknownVersion)
    );
    let bad_code = format!(
        "cmm-share={}",
        base64url_encode(
            format!(
                r#"{{"v":1,"f":"cmm-default","fv":"{}","k":"f","c":"2026-01-01","r":"{}"}}"#,
                fw.version,
                "7".repeat(fw.question_count())
            )
            .as_bytes()
        )
    );
    assert!(matches!(
        decode(&bad_code, &[&fw]),
        Err(ShareError::Invalid(_))
    ));
}

#[test]
fn a_link_opens_the_framework_it_was_made_for_and_a_saved_copy_is_recognised() {
    let (council, learner) = both();
    let mut l = Assessment::new(
        "l".into(),
        &learner,
        AssessmentKind::Quick,
        "2026-11-20T10:00:00Z",
    );
    let first = learner.quick_check[0].clone();
    l.set_rating(&first, Rating::Level(Level::new(3).unwrap()), "t");
    let link = encode(&learner, &l, false, "en");
    let shared = decode(&link, &[&council, &learner]).unwrap().assessment;
    assert_eq!(shared.framework_id, learner.id);
    assert_eq!(shared.rating(&first), l.rating(&first));
    let mut saved = shared.clone();
    saved.id = "copy".into();
    saved.updated = "later".into();
    assert!(is_copy_of(&saved, &shared));
    saved.set_rating(&first, Rating::DontKnow, "t");
    assert!(!is_copy_of(&saved, &shared));
}

#[test]
fn base64_matches_the_standard_vectors() {
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64_encode(plain.as_bytes()), encoded);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases()))]

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn the_share_parser_never_panics(text in any::<String>()) {
        let (a, b) = both();
        let _ = decode(&text, &[&a, &b]);
        let _ = decode(&format!("cmm-share={text}"), &[&a, &b]);
        let _ = peek_language(&format!("cmm-share={text}"));
    }

    #[test]
    fn the_share_parser_never_panics_on_damaged_links(cut in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]") {
        let fw = framework();
        let mut link: Vec<char> = encode(&fw, &sample(&fw), true, "cy").chars().collect();
        let i = cut.index(link.len());
        link[i] = c.chars().next().unwrap();
        let _ = decode(&link.into_iter().collect::<String>(), &[&fw]);
    }
}

#[test]
fn only_a_hash_that_starts_with_the_share_prefix_is_a_share_link() {
    assert!(is_share_hash("#cmm-share=abc"));
    assert!(!is_share_hash("cmm-share=abc"));
    assert!(!is_share_hash("#/results"));
    assert!(!is_share_hash("#x-cmm-share=abc"));
    assert!(!is_share_hash(""));
}
