//! The backup rules for saved data this build cannot read: one copy per distinct value however
//! often it is opened, never more than five, other namespaces and other keys ignored.
#![cfg(not(target_arch = "wasm32"))]

use cm_maturity::domain::backups::{
    content_hash, decide, is_backup_key, list, Decision, MAX_BACKUPS,
};

const TODAY: &str = "2026-11-27T10:00:00.000Z";

#[test]
fn the_same_unreadable_value_is_kept_once_however_often_it_is_opened() {
    let raw = "{not json";
    let mut storage: Vec<(String, String)> = vec![("cmm:data".into(), raw.into())];
    for _ in 0..3 {
        let entries = storage.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        match decide("cmm", entries, raw, TODAY) {
            Decision::Keep { key } => storage.push((key, raw.into())),
            Decision::AlreadyKept { .. } => {}
            Decision::Full => panic!("not full"),
        }
    }
    let backups = list("cmm", storage.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(backups.len(), 1);
    assert_eq!(
        backups[0].key,
        format!("cmm:backup:{}:2026-11-27", content_hash(raw))
    );
    assert_eq!(backups[0].kept.as_deref(), Some("2026-11-27"));
    assert_eq!(backups[0].bytes, raw.len());
}

#[test]
fn no_more_than_five_are_kept_and_a_known_value_is_still_recognised_when_full() {
    let storage: Vec<(String, String)> = (0..MAX_BACKUPS)
        .map(|i| {
            (
                format!("cmm:backup:{i:016x}:2026-11-2{i}"),
                format!("value {i}"),
            )
        })
        .collect();
    let entries = || storage.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    assert_eq!(
        decide("cmm", entries(), "something new", TODAY),
        Decision::Full
    );
    assert_eq!(
        decide("cmm", entries(), "value 3", TODAY),
        Decision::AlreadyKept {
            key: "cmm:backup:0000000000000003:2026-11-23".into()
        }
    );
}

#[test]
fn other_namespaces_and_keys_are_not_backups_and_earlier_forms_are() {
    assert!(is_backup_key("cmm", "cmm:backup"));
    assert!(is_backup_key("cmm", "cmm:backup-1732700000000"));
    assert!(is_backup_key(
        "cmm",
        "cmm:backup:0123456789abcdef:2026-11-27"
    ));
    assert!(!is_backup_key("cmm", "cmm:data"));
    assert!(!is_backup_key(
        "cmm",
        "anytown:backup:0123456789abcdef:2026-11-27"
    ));
    assert!(!is_backup_key("anytown", "anytown-b:backup"));
    // Five backups of another widget do not stop this one keeping its own.
    let others: Vec<(String, String)> = (0..5)
        .map(|i| (format!("other:backup:{i}:2026-11-27"), format!("v{i}")))
        .collect();
    let decision = decide(
        "cmm",
        others.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        "x",
        TODAY,
    );
    assert!(matches!(decision, Decision::Keep { .. }));
}

#[test]
fn backups_are_listed_oldest_first() {
    let storage = [
        ("cmm:backup:b:2026-11-27", "b"),
        ("cmm:data", "{}"),
        ("cmm:backup:a:2026-10-01", "a"),
        ("cmm:backup", "legacy"),
    ];
    let keys: Vec<String> = list("cmm", storage).into_iter().map(|b| b.key).collect();
    assert_eq!(
        keys,
        [
            "cmm:backup",
            "cmm:backup:a:2026-10-01",
            "cmm:backup:b:2026-11-27"
        ]
    );
}
