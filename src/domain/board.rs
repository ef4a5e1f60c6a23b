//! The one-page board summary as a picture: words already chosen and filled by the caller,
//! laid out here on a 16:9 slide (1600 by 900) with the radar beside them, as SVG that the
//! browser turns into a PNG. Plain Rust, so the layout and the escaping are tested natively.

/// The slide's size in CSS pixels; the PNG is twice this.
pub const BOARD_SIZE: (u32, u32) = (1600, 900);

/// Everything the slide says, in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoardText {
    pub title: String,
    /// Organisation, date and framework.
    pub subtitle: String,
    /// What the figures are compared with, saying "illustrative" where they are.
    pub compared: String,
    pub overall_label: String,
    /// "2.5 (Developing)".
    pub overall: String,
    /// Progress since the last assessment, or that this is the first.
    pub progress: String,
    /// A council's improvement plan, when it has one: its colours, then its most overdue
    /// action (a line each, filled in by the caller).
    pub plan: Vec<String>,
    pub gaps_heading: String,
    /// Up to three: a heading (theme and question) and the next step.
    pub gaps: Vec<(String, String)>,
    /// How the figures were made.
    pub footer: String,
}

pub use super::xml::escape;

/// Breaks text into lines of at most `width` characters where it can (a longer word keeps its
/// own line).
pub fn greedy_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Breaks text into lines of about `width` pixels at `size` pixels, at most `max` lines (the
/// last ends with "…" if text is left over). Widths are estimated (half an em a character),
/// which suits the sans-serif the slide uses.
pub fn wrap(text: &str, size: f64, width: f64, max: usize) -> Vec<String> {
    let per_line = ((width / (size * 0.52)).floor() as usize).max(8);
    let mut lines = greedy_lines(text, per_line);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while last.chars().count() + 1 > per_line {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// How a run of text looks: size in pixels, weight and colour.
#[derive(Clone, Copy)]
struct Style(f64, u16, &'static str);

struct Canvas {
    out: String,
    y: f64,
}

impl Canvas {
    /// Writes wrapped lines starting at the current height and moves down past them.
    fn text(
        &mut self,
        (x, width): (f64, f64),
        Style(size, weight, colour): Style,
        text: &str,
        max: usize,
    ) {
        for line in wrap(text, size, width, max) {
            self.y += size * 1.25;
            self.out.push_str(&format!(
                r#"<text x="{x}" y="{:.0}" font-size="{size}" font-weight="{weight}" fill="{colour}">{}</text>"#,
                self.y,
                escape(&line)
            ));
        }
    }

    fn gap(&mut self, by: f64) {
        self.y += by;
    }
}

/// How tightly the words on the left are set: tried from the roomiest down until they fit
/// above the footer rule.
const SETTINGS: [Settings; 5] = [
    Settings {
        heading_lines: 2,
        step_lines: 3,
        step_size: 22.0,
        spacing: 10.0,
    },
    Settings {
        heading_lines: 2,
        step_lines: 2,
        step_size: 22.0,
        spacing: 8.0,
    },
    Settings {
        heading_lines: 1,
        step_lines: 2,
        step_size: 20.0,
        spacing: 6.0,
    },
    Settings {
        heading_lines: 1,
        step_lines: 1,
        step_size: 20.0,
        spacing: 4.0,
    },
    Settings {
        heading_lines: 1,
        step_lines: 1,
        step_size: 18.0,
        spacing: 2.0,
    },
];

#[derive(Clone, Copy)]
struct Settings {
    heading_lines: usize,
    step_lines: usize,
    step_size: f64,
    spacing: f64,
}

const INK: &str = "#0b0c0c";
const SECONDARY: &str = "#484949";
const LEFT: f64 = 60.0;
const COLUMN: f64 = 760.0;
const FULL: f64 = 1480.0;
/// Clear space kept between the words above and the footer rule.
const CLEARANCE: f64 = 16.0;

/// The overall level, progress and next steps, from `top`, as tightly as `s` says.
fn left_column(text: &BoardText, top: f64, s: Settings) -> Canvas {
    let mut c = Canvas {
        out: String::new(),
        y: top,
    };
    c.text(
        (LEFT, COLUMN),
        Style(28.0, 400, SECONDARY),
        &text.overall_label,
        1,
    );
    c.text((LEFT, COLUMN), Style(64.0, 700, INK), &text.overall, 1);
    c.gap(6.0);
    c.text((LEFT, COLUMN), Style(26.0, 400, INK), &text.progress, 2);
    if !text.plan.is_empty() {
        c.gap(12.0);
        for line in &text.plan {
            c.text((LEFT, COLUMN), Style(22.0, 400, INK), line, 2);
        }
    }
    c.gap(26.0);
    c.text((LEFT, COLUMN), Style(32.0, 700, INK), &text.gaps_heading, 1);
    for (i, (heading, step)) in text.gaps.iter().take(3).enumerate() {
        c.gap(s.spacing);
        c.text(
            (LEFT, COLUMN),
            Style(24.0, 700, INK),
            &format!("{}. {heading}", i + 1),
            s.heading_lines,
        );
        c.text(
            (LEFT + 30.0, COLUMN - 30.0),
            Style(s.step_size, 400, INK),
            step,
            s.step_lines,
        );
    }
    c
}

/// The slide as SVG markup: words on the left, the radar (an SVG drawing, given as base64) on
/// the right, the method along the foot, on white. The footer's height is known first, so the
/// words above are set as tightly as they need to be to stay clear of its rule.
pub fn board_svg(text: &BoardText, radar_base64: Option<&str>) -> String {
    let (w, h) = BOARD_SIZE;
    let mut c = Canvas {
        out: format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Arial, Helvetica, sans-serif"><rect width="{w}" height="{h}" fill="#ffffff"/><rect width="{w}" height="12" fill="#1d70b8"/>"##
        ),
        y: 40.0,
    };
    c.text((LEFT, FULL), Style(44.0, 700, INK), &text.title, 1);
    c.gap(6.0);
    c.text((LEFT, FULL), Style(26.0, 400, SECONDARY), &text.subtitle, 1);
    c.text((LEFT, FULL), Style(26.0, 400, SECONDARY), &text.compared, 1);
    c.gap(24.0);
    let top = c.y;
    const FOOTER_SIZE: f64 = 20.0;
    let footer_lines = wrap(&text.footer, FOOTER_SIZE, FULL, 3).len().max(1) as f64;
    // The last footer line's descenders stay 16 px above the slide's foot.
    let rule = f64::from(h) - 16.0 - FOOTER_SIZE * 0.25 - footer_lines * FOOTER_SIZE * 1.25 - 6.0;
    let limit = rule - CLEARANCE;
    let fits = |c: &Canvas| c.y + 24.0 * 0.25 <= limit;
    let column = SETTINGS
        .iter()
        .map(|s| left_column(text, top, *s))
        .find(fits)
        .unwrap_or_else(|| {
            // Even the tightest setting is too tall: the steps go, the headings stay.
            let mut only_headings = text.clone();
            only_headings
                .gaps
                .iter_mut()
                .for_each(|(_, step)| step.clear());
            left_column(&only_headings, top, SETTINGS[SETTINGS.len() - 1])
        });
    c.out.push_str(&column.out);
    if let Some(radar) = radar_base64 {
        let y = top - 10.0;
        c.out.push_str(&format!(
            r#"<image x="820" y="{y:.0}" width="740" height="{:.0}" href="data:image/svg+xml;base64,{radar}"/>"#,
            (limit - y).floor()
        ));
        // (The radar is drawn small and shown large, so its labels stay legible on a slide.)
    }
    c.y = rule.floor();
    c.out.push_str(&format!(
        r##"<line x1="{LEFT}" x2="{}" y1="{:.0}" y2="{:.0}" stroke="#b1b4b6" stroke-width="2"/>"##,
        f64::from(w) - LEFT,
        c.y,
        c.y
    ));
    c.gap(6.0);
    c.text(
        (LEFT, FULL),
        Style(FOOTER_SIZE, 400, SECONDARY),
        &text.footer,
        3,
    );
    c.out.push_str("</svg>");
    c.out
}

/// The CRC-32 PNG chunks carry.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Adds a UTF-8 text chunk (iTXt) to a PNG just before its end, so the file says what it is
/// (its title, organisation and date) to anything that reads image descriptions. Returns the
/// PNG unchanged if it is not one.
pub fn png_with_text(png: &[u8], keyword: &str, text: &str) -> Vec<u8> {
    const SIGNATURE: [u8; 8] = [137, 80, 78, 71, 13, 10, 26, 10];
    const IEND_LEN: usize = 12;
    if png.len() < SIGNATURE.len() + IEND_LEN
        || png[..8] != SIGNATURE
        || &png[png.len() - 8..png.len() - 4] != b"IEND"
    {
        return png.to_vec();
    }
    let mut data = Vec::new();
    data.extend_from_slice(keyword.as_bytes());
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(text.as_bytes());
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut typed = b"iTXt".to_vec();
    typed.extend_from_slice(&data);
    chunk.extend_from_slice(&typed);
    chunk.extend_from_slice(&crc32(&typed).to_be_bytes());
    let end = png.len() - IEND_LEN;
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend_from_slice(&png[..end]);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&png[end..]);
    out
}
