//! A strict reader of the iCalendar files the tool writes (RFC 5545), for the tests: lines end
//! in CRLF and are at most 75 octets, folded lines are unfolded, calendars and events nest, the
//! required properties are present and TEXT values have only the escapes the RFC allows.

use std::collections::BTreeMap;

/// Each event's properties (name with parameters, such as `DTSTART;VALUE=DATE`) and values,
/// TEXT unescaped.
pub fn parse(ics: &str) -> Result<Vec<BTreeMap<String, String>>, String> {
    if !ics.ends_with("\r\n") {
        return Err("the file does not end with CRLF".into());
    }
    let body = &ics[..ics.len() - 2];
    let mut lines: Vec<String> = Vec::new();
    for raw in body.split("\r\n") {
        if raw.contains('\n') || raw.contains('\r') {
            return Err(format!("a bare line break in {raw:?}"));
        }
        if raw.len() > 75 {
            return Err(format!("a line longer than 75 octets: {raw:?}"));
        }
        match raw.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .ok_or("a folded line with nothing before it")?
                .push_str(rest),
            None => lines.push(raw.to_string()),
        }
    }
    let mut events = Vec::new();
    let mut calendar = BTreeMap::new();
    let mut event: Option<BTreeMap<String, String>> = None;
    let mut depth = 0;
    for line in &lines {
        let (name, value) = line
            .split_once(':')
            .ok_or(format!("no colon in {line:?}"))?;
        match (name, value) {
            ("BEGIN", "VCALENDAR") if depth == 0 => depth = 1,
            ("BEGIN", "VEVENT") if depth == 1 => {
                depth = 2;
                event = Some(BTreeMap::new());
            }
            ("END", "VEVENT") if depth == 2 => {
                depth = 1;
                let e = event.take().unwrap();
                for required in ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"] {
                    if !e.contains_key(required) {
                        return Err(format!("an event without {required}"));
                    }
                }
                events.push(e);
            }
            ("END", "VCALENDAR") if depth == 1 => depth = 0,
            ("BEGIN" | "END", _) => return Err(format!("{line:?} out of place")),
            _ if depth == 2 => {
                let text = matches!(name, "SUMMARY" | "DESCRIPTION" | "UID");
                let value = if text {
                    unescape(value)?
                } else {
                    value.to_string()
                };
                if event
                    .as_mut()
                    .unwrap()
                    .insert(name.to_string(), value)
                    .is_some()
                {
                    return Err(format!("{name} twice in one event"));
                }
            }
            _ if depth == 1 => {
                calendar.insert(name.to_string(), value.to_string());
            }
            _ => return Err(format!("{line:?} outside the calendar")),
        }
    }
    if depth != 0 {
        return Err("the calendar is not closed".into());
    }
    if calendar.get("VERSION").map(String::as_str) != Some("2.0")
        || !calendar.contains_key("PRODID")
    {
        return Err("VERSION:2.0 and PRODID are required".into());
    }
    Ok(events)
}

fn unescape(value: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => return Err(format!("a bad escape \\{other:?} in {value:?}")),
            },
            ';' | ',' => return Err(format!("an unescaped {c:?} in {value:?}")),
            c if c.is_control() => return Err(format!("a control character in {value:?}")),
            c => out.push(c),
        }
    }
    Ok(out)
}
