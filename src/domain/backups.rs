//! Backups of saved data this build could not read (corrupt, or written by a newer version).
//! The rules: the unreadable value itself is never overwritten; each distinct value is copied
//! once (a reload of the same data adds nothing); at most [`MAX_BACKUPS`] are kept, so a fault
//! cannot fill the browser's storage; every backup can be listed, downloaded and deleted.

/// More backups than this are not written; the user is asked to download and delete old ones.
pub const MAX_BACKUPS: usize = 5;

/// One backup found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    /// The day it was kept, YYYY-MM-DD, when the key records it.
    pub kept: Option<String>,
    pub bytes: usize,
}

/// What to do with an unreadable value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// A backup with exactly this content exists.
    AlreadyKept { key: String },
    /// Write the value under this key.
    Keep { key: String },
    /// The cap is reached: keep nothing more until the user clears some.
    Full,
}

/// 64-bit FNV-1a of the content, as 16 hex digits: names a backup by what it holds.
pub fn content_hash(raw: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in raw.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Whether a storage key holds a backup for `namespace`, in this build's form
/// (`ns:backup:HASH:DATE`) or an earlier one (`ns:backup`, `ns:backup-MILLIS`).
pub fn is_backup_key(namespace: &str, key: &str) -> bool {
    let Some(rest) = key.strip_prefix(namespace) else {
        return false;
    };
    rest == ":backup" || rest.starts_with(":backup:") || rest.starts_with(":backup-")
}

/// The backups among `entries` (storage keys and values), oldest first where dates are known.
pub fn list<'a>(
    namespace: &str,
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Backup> {
    let mut out: Vec<Backup> = entries
        .into_iter()
        .filter(|(key, _)| is_backup_key(namespace, key))
        .map(|(key, value)| Backup {
            key: key.to_string(),
            kept: key
                .rsplit(':')
                .next()
                .filter(|d| super::dates::ymd(d).is_some() && d.len() == 10)
                .map(str::to_string),
            bytes: value.len(),
        })
        .collect();
    out.sort_by(|a, b| a.kept.cmp(&b.kept).then(a.key.cmp(&b.key)));
    out
}

/// Decides where (and whether) to keep a copy of `raw`, given the entries in storage.
pub fn decide<'a>(
    namespace: &str,
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
    raw: &str,
    today: &str,
) -> Decision {
    let mut count = 0;
    for (key, value) in entries {
        if !is_backup_key(namespace, key) {
            continue;
        }
        if value == raw {
            return Decision::AlreadyKept {
                key: key.to_string(),
            };
        }
        count += 1;
    }
    if count >= MAX_BACKUPS {
        return Decision::Full;
    }
    let day = super::dates::file_date(today);
    Decision::Keep {
        key: format!("{namespace}:backup:{}:{day}", content_hash(raw)),
    }
}
