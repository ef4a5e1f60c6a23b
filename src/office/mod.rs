//! Office documents: the report as an editable Word document and the figures as an Excel
//! workbook, made in the browser and never uploaded. Plain Rust, built and tested natively; the
//! app calls the writers from split modules, so the first screen never carries them.
//!
//! The builders (`report`) put words and numbers into two small models, [`Document`] and
//! [`Book`]; the writers (`docx`, `xlsx`) turn a model into a file and know nothing of
//! assessments. A model holds text already in the reader's language.

pub mod docx;
pub mod report;
pub mod xlsx;

use crate::text::Lang;

/// A report as a Word document would lay it out, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// The document's title (its properties, and the first heading).
    pub title: String,
    pub blocks: Vec<Block>,
    /// Smaller text, for a summary that must fit one page.
    pub compact: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 to 3, as Word's "Heading 1" to "Heading 3", so the navigation pane and screen
    /// readers see the outline.
    Heading(u8, String),
    Paragraph(String),
    /// A warning the reader must not miss (illustrative figures), in bold.
    Warning(String),
    Bullets(Vec<String>),
    /// A numbered list (1., 2., …).
    Numbered(Vec<String>),
    Table(Table),
    Picture(Picture),
}

/// A table whose first row is its header row (repeated on each page and marked as a header).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Shown above the table, unless the heading just before already names it.
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Each column's share of the width (any units); equal shares when empty.
    pub widths: Vec<u32>,
}

/// A PNG with its size in pixels and its text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl Picture {
    /// A picture from a `data:image/png;base64,…` URL (what the chart library's export gives),
    /// or nothing if it is not one.
    pub fn from_data_url(url: &str, width: u32, height: u32, alt: String) -> Option<Picture> {
        use base64::Engine;
        let data = url.strip_prefix("data:image/png;base64,")?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data)
            .ok()?;
        png.starts_with(b"\x89PNG\r\n\x1a\n").then_some(Picture {
            png,
            width,
            height,
            alt,
        })
    }
}

/// A workbook: a summary sheet, then sheets of rows with a header row each.
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub lang: Lang,
    pub title: String,
    /// Label and value pairs, one a row.
    pub summary: Sheet,
    pub sheets: Vec<Sheet>,
    /// A council's or learner's plan as a tracker, when there is one.
    pub plan: Option<Tracker>,
    /// A native chart of the theme levels, drawn from one of the sheets.
    pub chart: Option<ChartSpec>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// At most 31 characters, none of `[]:*?/\` (Excel's rule); the writer checks.
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, where one matters.
    pub widths: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A level or other figure, shown to one decimal place.
    Number(f64),
    /// A whole number (an answer's level).
    Whole(i64),
    /// A change in levels, shown with its sign ("+0.5", "−1.0").
    Change(f64),
    /// A calendar date, written as an Excel date so it sorts and filters as one.
    Date {
        year: u16,
        month: u8,
        day: u8,
    },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// A YYYY-MM-DD date (a time after it is ignored), or empty when there is none or it is
    /// not a real date.
    pub fn date(iso: Option<&str>) -> Cell {
        let day = iso.and_then(|s| s.get(..10));
        match day.and_then(crate::domain::dates::real_date) {
            Some((year, month, day)) => Cell::Date {
                year: year as u16,
                month: month as u8,
                day: day as u8,
            },
            None => Cell::Empty,
        }
    }
}

/// A plan sheet with the columns a tracker needs: a status chosen from a list, and a colour
/// worked out by a formula from the status and the due date, as the app works it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracker {
    pub sheet: Sheet,
    /// Columns (from 0) of the action, the status, the due date and the colour.
    pub action_column: usize,
    pub status_column: usize,
    pub due_column: usize,
    pub colour_column: usize,
    /// The statuses offered, in order; `done` and `blocked` are two of them.
    pub statuses: Vec<String>,
    pub done: String,
    pub blocked: String,
    /// Red, amber, green, and the word for no date.
    pub colours: [String; 3],
    pub undated: String,
    /// An open action due within this many days is amber.
    pub amber_days: i64,
}

/// A radar of one sheet's level column against its first column's names.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Index into [`Book::sheets`].
    pub sheet: usize,
    pub title: String,
    /// Columns (from 0) holding a series each, with the header as the series' name.
    pub value_columns: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_data_url_becomes_a_picture_and_anything_else_does_not() {
        let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAIAAAUAAQ0KLbQAAAAASUVORK5CYII=";
        let p = Picture::from_data_url(png, 10, 5, "alt".into()).unwrap();
        assert!(p.png.starts_with(b"\x89PNG"));
        assert_eq!((p.width, p.height), (10, 5));
        assert!(
            Picture::from_data_url("data:image/svg+xml;base64,PHN2Zz4=", 1, 1, String::new())
                .is_none()
        );
        assert!(
            Picture::from_data_url("data:image/png;base64,PHN2Zz4=", 1, 1, String::new()).is_none()
        );
        assert!(Picture::from_data_url("data:image/png;base64,!!!", 1, 1, String::new()).is_none());
    }

    #[test]
    fn dates_are_read_only_when_they_are_dates() {
        assert_eq!(
            Cell::date(Some("2026-11-20")),
            Cell::Date {
                year: 2026,
                month: 11,
                day: 20
            }
        );
        assert_eq!(
            Cell::date(Some("2026-11-20T10:00:00.000Z")),
            Cell::Date {
                year: 2026,
                month: 11,
                day: 20
            }
        );
        assert_eq!(Cell::date(Some("2026-13-20")), Cell::Empty);
        assert_eq!(Cell::date(Some("2026-02-31")), Cell::Empty);
        assert_eq!(Cell::date(Some("soon")), Cell::Empty);
        assert_eq!(Cell::date(None), Cell::Empty);
    }
}
