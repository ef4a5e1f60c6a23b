//! Reminders without a server: an iCalendar file (RFC 5545) with one all-day event per date,
//! for the user to open in their own calendar. Everything typed is escaped as TEXT and long
//! lines are folded, so a hostile owner's name stays a name.

/// One all-day event.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    /// Unique and stable for the same action, so importing the file again updates the event.
    pub uid: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub summary: String,
    pub description: String,
}

/// TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line breaks escaped,
/// other control characters dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (§3.1), never inside a character, ended with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// "20270331" from "2027-03-31"; `None` when it is not a date.
fn basic_date(iso: &str) -> Option<String> {
    let (y, m, d) = super::dates::real_date(iso)?;
    Some(format!("{y:04}{m:02}{d:02}"))
}

/// The day after a date, as an all-day event's end (DTEND is exclusive).
fn next_day(iso: &str) -> Option<String> {
    super::dates::real_date(iso)?;
    let day = super::dates::day_of(iso)?;
    let (y, m, d) = super::dates::civil(day + 1);
    Some(format!("{y:04}{m:02}{d:02}"))
}

/// The calendar file. `stamp` is when it was made (ISO 8601, UTC), as each event's DTSTAMP;
/// events whose date cannot be read are left out.
pub fn calendar(events: &[CalendarEvent], stamp: &str) -> String {
    let dtstamp = stamp_utc(stamp);
    let mut out = String::new();
    let product = format!(
        "PRODID:-//Contract management self-assessment//cm-maturity {}//EN",
        crate::APP_VERSION
    );
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &product,
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    for e in events {
        let (Some(start), Some(end)) = (basic_date(&e.date), next_day(&e.date)) else {
            continue;
        };
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape_text(&e.uid)));
        push_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{start}"));
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{end}"));
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.description.is_empty() {
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&e.description)),
            );
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// "20261204T190000Z" from "2026-12-04T19:00:00.000Z"; midnight when only a date is given.
fn stamp_utc(iso: &str) -> String {
    let date = basic_date(iso).unwrap_or_else(|| "19700101".into());
    let time: String = iso
        .get(11..19)
        .filter(|t| t.len() == 8)
        .map(|t| t.chars().filter(char::is_ascii_digit).collect())
        .filter(|t: &String| t.len() == 6)
        .unwrap_or_else(|| "000000".into());
    format!("{date}T{time}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_as_rfc_5545_says() {
        assert_eq!(escape_text("a;b,c\\d"), "a\\;b\\,c\\\\d");
        assert_eq!(
            escape_text("one\r\ntwo\nthree\rfour"),
            "one\\ntwo\\nthree\\nfour"
        );
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "ŵ".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ŵ".repeat(60)));
    }

    #[test]
    fn events_are_all_day_and_a_bad_date_is_left_out() {
        let events = [
            CalendarEvent {
                uid: "a".into(),
                date: "2027-12-31".into(),
                summary: "S".into(),
                description: String::new(),
            },
            CalendarEvent {
                uid: "b".into(),
                date: "someday".into(),
                summary: "T".into(),
                description: String::new(),
            },
        ];
        let ics = calendar(&events, "2026-12-04T19:05:09.123Z");
        assert!(ics.contains("DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n"));
        assert!(ics.contains("DTSTAMP:20261204T190509Z\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
