//! Share links: round trips, what they leave out, and a parser that never panics.
#![cfg(not(target_arch = "wasm32"))]

use cm_maturity::domain::share::{
    base64url_decode, base64url_encode, decode, encode, ShareError, MAX_SHARE_CHARS,
};
use cm_maturity::domain::{Assessment, AssessmentKind, Framework, Level, Rating};
use proptest::prelude::*;

fn framework() -> Framework {
    Framework::from_json(include_str!("../public/data/framework.json")).unwrap()
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
    let plain = encode(&fw, &a, false);
    assert!(plain.starts_with("cmm-share="));
    let back = decode(&format!("#{plain}"), &fw).unwrap();
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

    let with_notes = decode(&encode(&fw, &a, true), &fw).unwrap();
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
    let link = encode(&fw, &sample(&fw), false);
    assert_eq!(
        decode(&link[..link.len() - 7], &fw).map(|_| ()),
        Err(ShareError::Unreadable)
    );
    assert_eq!(
        decode("cmm-share=!!!", &fw).map(|_| ()),
        Err(ShareError::Unreadable)
    );
    assert_eq!(
        decode("something-else", &fw).map(|_| ()),
        Err(ShareError::Unreadable)
    );
    let long = format!("cmm-share={}", "A".repeat(MAX_SHARE_CHARS));
    assert_eq!(decode(&long, &fw).map(|_| ()), Err(ShareError::TooLong));
    let mut other = fw.clone();
    other.version = "2.0.0".into();
    assert_eq!(
        decode(&link, &other).map(|_| ()),
        Err(ShareError::OtherFramework)
    );
    let future = format!("cmm-share={}", base64url_encode(br#"{"v":2}"#));
    assert_eq!(
        decode(&future, &fw).map(|_| ()),
        Err(ShareError::UnknownVersion)
    );
    let bad_code = format!(
        "cmm-share={}",
        base64url_encode(
            format!(
                r#"{{"v":1,"f":"cmm-default","fv":"1.0.0","k":"f","c":"2026-01-01","r":"{}"}}"#,
                "7".repeat(32)
            )
            .as_bytes()
        )
    );
    assert!(matches!(
        decode(&bad_code, &fw),
        Err(ShareError::Invalid(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
    ))]

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn the_share_parser_never_panics(text in any::<String>()) {
        let _ = decode(&text, &framework());
        let _ = decode(&format!("cmm-share={text}"), &framework());
    }

    #[test]
    fn the_share_parser_never_panics_on_damaged_links(cut in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]") {
        let fw = framework();
        let mut link: Vec<char> = encode(&fw, &sample(&fw), true).chars().collect();
        let i = cut.index(link.len());
        link[i] = c.chars().next().unwrap();
        let _ = decode(&link.into_iter().collect::<String>(), &fw);
    }
}
