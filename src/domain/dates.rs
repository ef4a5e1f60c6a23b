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

/// Days since 1970-01-01 of a calendar date (Howard Hinnant's days_from_civil), so dates can be
/// compared and moved without a date library.
pub fn days(y: u32, m: u32, d: u32) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number from [`days`].
pub fn civil(days: i64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as u32, m as u32, d as u32)
}

/// The day number of an ISO 8601 date or timestamp.
pub fn day_of(iso: &str) -> Option<i64> {
    let (y, m, d) = ymd(iso)?;
    Some(days(y, m, d))
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

    #[test]
    fn day_numbers_round_trip_and_count_leap_days() {
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(days(2024, 3, 1) - days(2024, 2, 28), 2);
        assert_eq!(days(2025, 3, 1) - days(2025, 2, 28), 1);
        for n in [-1000, 0, 19_000, 20_454, 100_000] {
            let (y, m, d) = civil(n);
            assert_eq!(days(y, m, d), n);
        }
        assert_eq!(civil(days(2026, 12, 3)), (2026, 12, 3));
    }
}
