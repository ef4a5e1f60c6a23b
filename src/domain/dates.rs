//! Dates from the ISO 8601 timestamps we store. Putting a date in words is the text module's
//! job (`Text::long_date`), since month names differ by language.

/// The calendar date part of an ISO 8601 timestamp, if it has one.
pub fn ymd(iso: &str) -> Option<(u32, u32, u32)> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// "2026-11-27", for file names and date inputs.
pub fn file_date(iso: &str) -> String {
    match ymd(iso) {
        Some((y, m, d)) => format!("{y:04}-{m:02}-{d:02}"),
        None => "undated".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_and_bad_input_is_refused() {
        assert_eq!(ymd("2026-11-27T10:17:16.000Z"), Some((2026, 11, 27)));
        assert_eq!(ymd("2026-13-01"), None);
        assert_eq!(ymd("é"), None);
        assert_eq!(file_date("2026-11-27T10:17:16.000Z"), "2026-11-27");
        assert_eq!(file_date(""), "undated");
    }
}
