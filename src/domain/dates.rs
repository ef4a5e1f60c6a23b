//! Dates as people read them ("27 November 2026"), from the ISO 8601 timestamps we store.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The calendar date part of an ISO 8601 timestamp, if it has one.
pub fn ymd(iso: &str) -> Option<(u32, u32, u32)> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// "27 November 2026", the GOV.UK style; the raw text when it is not a date.
pub fn long_date(iso: &str) -> String {
    match ymd(iso) {
        Some((y, m, d)) => format!("{d} {} {y}", MONTHS[(m - 1) as usize]),
        None => iso.to_string(),
    }
}

/// "2026-11-27", for file names.
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
    fn dates_read_naturally_and_bad_input_is_passed_through() {
        assert_eq!(long_date("2026-11-27T10:17:16.000Z"), "27 November 2026");
        assert_eq!(long_date("2026-03-01"), "1 March 2026");
        assert_eq!(long_date("yesterday"), "yesterday");
        assert_eq!(long_date("2026-13-01"), "2026-13-01");
        assert_eq!(long_date("é"), "é");
        assert_eq!(file_date("2026-11-27T10:17:16.000Z"), "2026-11-27");
        assert_eq!(file_date(""), "undated");
    }
}
