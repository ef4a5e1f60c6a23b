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

/// A part of a date typed in three fields, as the GOV.UK date input asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

/// Why a date typed as day, month and year cannot be read, so the message says what to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateIssue {
    /// One part left empty (or not a number).
    Missing(DatePart),
    /// Two parts left empty.
    Incomplete,
    /// A year written with other than four figures ("27" could be any century).
    YearDigits,
    /// Numbers that are not a day in the calendar (31 April, 29 February 2027, month 13).
    NotReal,
}

impl DateIssue {
    /// Whether the field for `part` is at fault (and so marked as in error).
    pub fn concerns(self, part: DatePart) -> bool {
        match self {
            DateIssue::Missing(p) => p == part,
            DateIssue::YearDigits => part == DatePart::Year,
            DateIssue::Incomplete | DateIssue::NotReal => true,
        }
    }
}

/// A calendar date that exists (no 31 April), in years a calendar file can write.
pub fn real_date(iso: &str) -> Option<(u32, u32, u32)> {
    let (y, m, d) = ymd(iso)?;
    ((1000..=9998).contains(&y) && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Days in a month of a year, leap years counted.
fn days_in_month(y: u32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (days(ny, nm, 1) - days(y, m, 1)) as u32
}

/// A date typed in three fields, as "2027-03-31"; all three empty is no date at all.
pub fn from_parts(day: &str, month: &str, year: &str) -> Result<Option<String>, DateIssue> {
    let read = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 9 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let texts = [day, month, year].map(|s| s.trim().is_empty());
    if texts.iter().all(|&empty| empty) {
        return Ok(None);
    }
    let (d, m, y) = (read(day), read(month), read(year));
    let missing: Vec<DatePart> = [
        (d, DatePart::Day),
        (m, DatePart::Month),
        (y, DatePart::Year),
    ]
    .into_iter()
    .filter(|(v, _)| v.is_none())
    .map(|(_, p)| p)
    .collect();
    match missing.as_slice() {
        [] => {}
        [one] if !texts[*one as usize] => return Err(DateIssue::NotReal),
        [one] => return Err(DateIssue::Missing(*one)),
        _ => return Err(DateIssue::Incomplete),
    }
    let (d, m, y) = (d.unwrap_or(0), m.unwrap_or(0), y.unwrap_or(0));
    if year.trim().len() != 4 {
        return Err(DateIssue::YearDigits);
    }
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return Err(DateIssue::NotReal);
    }
    Ok(Some(format!("{y:04}-{m:02}-{d:02}")))
}

/// The same day a year later (28 February for 29 February), as "2027-11-01".
pub fn a_year_after(iso: &str) -> Option<String> {
    let (y, m, d) = ymd(iso)?;
    let d = d.min(days_in_month(y + 1, m));
    Some(format!("{:04}-{m:02}-{d:02}", y + 1))
}

/// The day, month and year of a stored date, for filling the three fields again.
pub fn to_parts(iso: &str) -> (String, String, String) {
    match ymd(iso) {
        Some((y, m, d)) => (d.to_string(), m.to_string(), format!("{y:04}")),
        None => Default::default(),
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

    #[test]
    fn a_date_in_three_fields_is_read_or_its_fault_named() {
        assert_eq!(from_parts("31", "3", "2027"), Ok(Some("2027-03-31".into())));
        assert_eq!(
            from_parts(" 1 ", "01", "2028"),
            Ok(Some("2028-01-01".into()))
        );
        assert_eq!(from_parts("29", "2", "2028"), Ok(Some("2028-02-29".into())));
        assert_eq!(from_parts("", " ", ""), Ok(None));
        assert_eq!(from_parts("29", "2", "2027"), Err(DateIssue::NotReal));
        assert_eq!(from_parts("31", "4", "2027"), Err(DateIssue::NotReal));
        assert_eq!(from_parts("1", "13", "2027"), Err(DateIssue::NotReal));
        assert_eq!(from_parts("0", "1", "2027"), Err(DateIssue::NotReal));
        assert_eq!(from_parts("x", "1", "2027"), Err(DateIssue::NotReal));
        assert_eq!(
            from_parts("", "1", "2027"),
            Err(DateIssue::Missing(DatePart::Day))
        );
        assert_eq!(
            from_parts("1", "", "2027"),
            Err(DateIssue::Missing(DatePart::Month))
        );
        assert_eq!(
            from_parts("1", "1", ""),
            Err(DateIssue::Missing(DatePart::Year))
        );
        assert_eq!(from_parts("1", "", ""), Err(DateIssue::Incomplete));
        assert_eq!(from_parts("1", "1", "27"), Err(DateIssue::YearDigits));
        assert_eq!(from_parts("1", "1", "02027"), Err(DateIssue::YearDigits));
        assert_eq!(from_parts("-1", "1", "2027"), Err(DateIssue::NotReal));
        assert!(DateIssue::Missing(DatePart::Day).concerns(DatePart::Day));
        assert!(!DateIssue::Missing(DatePart::Day).concerns(DatePart::Year));
        assert!(DateIssue::NotReal.concerns(DatePart::Month));
    }

    #[test]
    fn only_dates_that_exist_are_real() {
        assert_eq!(real_date("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(real_date("2027-02-29"), None);
        assert_eq!(real_date("2027-04-31"), None);
        assert_eq!(real_date("9999-12-31"), None);
        assert_eq!(real_date("0000-01-01"), None);
    }

    #[test]
    fn a_year_on_keeps_the_day_or_the_end_of_february() {
        assert_eq!(
            a_year_after("2026-11-01T09:00:00Z").as_deref(),
            Some("2027-11-01")
        );
        assert_eq!(a_year_after("2028-02-29").as_deref(), Some("2029-02-28"));
        assert_eq!(a_year_after("2027-12-31").as_deref(), Some("2028-12-31"));
        assert_eq!(a_year_after("junk"), None);
    }

    #[test]
    fn a_stored_date_fills_the_three_fields_again() {
        assert_eq!(
            to_parts("2027-03-09"),
            ("9".into(), "3".into(), "2027".into())
        );
        assert_eq!(to_parts("nonsense"), Default::default());
        let (d, m, y) = to_parts("2028-02-29");
        assert_eq!(from_parts(&d, &m, &y), Ok(Some("2028-02-29".into())));
    }
}
