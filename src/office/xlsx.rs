//! The Excel workbook, written with rust_xlsxwriter: every sheet with a bold, frozen header row
//! and filters; numbers as numbers and dates as dates; the plan as a tracker (a status chosen
//! from a list, a colour worked out by a formula, coloured by conditional formats); a native
//! radar of the theme levels.
//!
//! Text is always written as text, never as a formula: a note that starts with "=" stays the
//! note someone typed, and is marked with a quote prefix so that editing the cell in Excel keeps
//! it text (the CSV export guards the same way, for programs that evaluate CSV).

use rust_xlsxwriter::{
    Chart, ChartEmptyCells, ChartType, ConditionalFormatCell, ConditionalFormatCellRule,
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

use super::{Book, Cell, Sheet, Tracker};
use crate::domain::exchange::looks_like_formula;

const AUTHOR: &str = "Contract management maturity self-assessment";

/// Red, amber and green fills with text dark enough to read on them (Excel's own pairs).
const RAG_COLOURS: [(u32, u32); 3] = [
    (0xFFC7CE, 0x9C0006),
    (0xFFEB9C, 0x9C5700),
    (0xC6EFCE, 0x006100),
];

/// The workbook as a .xlsx file. The plan's colours are formulas on `TODAY()`, worked out again
/// when the file is opened; their first values are the colours the app gave today.
pub fn write(book: &Book) -> Result<Vec<u8>, String> {
    build(book).map_err(|e| e.to_string())
}

struct Formats {
    header: Format,
    text: Format,
    quoted: Format,
    number: Format,
    whole: Format,
    change: Format,
    date: Format,
}

/// The most a cell holds (Excel's limit, in UTF-16 units).
const CELL_MAX: usize = 32_767;

/// Text cut to what a cell holds, ending "…" if it was cut (the Word report keeps it whole).
pub fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.encode_utf16().count() <= CELL_MAX {
        return s.into();
    }
    let mut out = String::new();
    let mut units = 0;
    for c in s.chars() {
        units += c.len_utf16();
        if units > CELL_MAX - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out.into()
}

fn build(book: &Book) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&book.title)
            .set_author(AUTHOR)
            .set_custom_property("Language", book.lang.tag()),
    );
    let formats = Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(0xE8E8E8)
            .set_border_bottom(FormatBorder::Thin),
        text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        quoted: Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_quote_prefix(),
        number: Format::new()
            .set_num_format("0.0")
            .set_align(FormatAlign::Top),
        whole: Format::new()
            .set_num_format("0")
            .set_align(FormatAlign::Top),
        change: Format::new()
            .set_num_format("+0.0;−0.0;0.0")
            .set_align(FormatAlign::Top),
        date: Format::new()
            .set_num_format("d mmm yyyy")
            .set_align(FormatAlign::Top),
    };

    write_sheet(workbook.add_worksheet(), &book.summary, &formats)?;
    for sheet in &book.sheets {
        write_sheet(workbook.add_worksheet(), sheet, &formats)?;
    }
    if let Some(tracker) = &book.plan {
        let ws = workbook.add_worksheet();
        write_sheet(ws, &tracker.sheet, &formats)?;
        track(ws, tracker, &formats)?;
    }
    if let Some(spec) = &book.chart {
        if let Some(sheet) = book.sheets.get(spec.sheet) {
            let last = sheet.rows.len() as u32;
            let mut chart = Chart::new(ChartType::Radar);
            chart.show_empty_cells_as(ChartEmptyCells::Gaps);
            chart.title().set_name(&spec.title);
            chart
                .set_alt_text(&spec.title)
                .set_width(640)
                .set_height(480);
            // Levels run from 1 to 5; the axis starts at 0 so level 1 is not the centre.
            chart.y_axis().set_min(0).set_max(5).set_major_unit(1);
            for &column in &spec.value_columns {
                let col = column as u16;
                chart
                    .add_series()
                    .set_name((sheet.name.as_str(), 0, col))
                    .set_categories((sheet.name.as_str(), 1, 0, last, 0))
                    .set_values((sheet.name.as_str(), 1, col, last, col));
            }
            let ws = workbook.worksheet_from_index(spec.sheet + 1)?;
            ws.insert_chart(last + 2, 0, &chart)?;
        }
    }
    workbook.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    for (col, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, h, &f.header)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) if looks_like_formula(s) => {
                    ws.write_string_with_format(r, c, fit_cell(s), &f.quoted)?;
                }
                Cell::Text(s) => {
                    ws.write_string_with_format(r, c, fit_cell(s), &f.text)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, c, *n, &f.number)?;
                }
                Cell::Whole(n) => {
                    ws.write_number_with_format(r, c, *n as f64, &f.whole)?;
                }
                Cell::Change(n) => {
                    ws.write_number_with_format(r, c, *n, &f.change)?;
                }
                // Excel's dates start in 1900: an earlier one is written as it was typed.
                Cell::Date { year, month, day } => {
                    match ExcelDateTime::from_ymd(*year, *month, *day) {
                        Ok(date) => {
                            ws.write_datetime_with_format(r, c, &date, &f.date)?;
                        }
                        Err(_) => {
                            ws.write_string_with_format(
                                r,
                                c,
                                format!("{year:04}-{month:02}-{day:02}"),
                                &f.text,
                            )?;
                        }
                    }
                }
            }
        }
    }
    for (col, width) in sheet.widths.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    // Spreadsheets do not grow a row to fit wrapped text they did not lay out themselves, so
    // each row is made tall enough for its longest cell (about a character per unit of width).
    for (i, row) in sheet.rows.iter().enumerate() {
        let lines = row
            .iter()
            .zip(&sheet.widths)
            .map(|(cell, width)| match cell {
                Cell::Text(s) => (s.chars().count() as f64 / (width - 1.0).max(1.0)).ceil(),
                _ => 1.0,
            })
            .fold(1.0, f64::max);
        if lines > 1.0 {
            ws.set_row_height(i as u32 + 1, 15.0 * lines.min(20.0))?;
        }
    }
    // Printed on A4 landscape, a page wide, the header row on every page.
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    if !sheet.header.is_empty() {
        ws.set_repeat_rows(0, 0)?;
        ws.set_freeze_panes(1, 0)?;
        let last_col = sheet.header.len() as u16 - 1;
        ws.autofilter(0, 0, (sheet.rows.len() as u32).max(1), last_col)?;
    }
    Ok(())
}

/// Excel's column letters for a column index from 0.
fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A text literal inside a formula.
fn literal(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The colour formula for a row (from 1, as Excel counts), the same rule as `plan::rag`.
pub fn colour_formula(t: &Tracker, row: u32) -> String {
    let status = format!("{}{row}", column_letter(t.status_column));
    let due = format!("{}{row}", column_letter(t.due_column));
    let [red, amber, green] = &t.colours;
    let action = format!("{}{row}", column_letter(t.action_column));
    format!(
        "=IF({action}=\"\",\"\",IF({status}={done},{green},IF({status}={blocked},{red},IF(NOT(ISNUMBER({due})),{undated},\
         IF({due}<TODAY(),{red},IF({due}-TODAY()<={days},{amber},{green}))))))",
        done = literal(&t.done),
        blocked = literal(&t.blocked),
        green = literal(green),
        red = literal(red),
        amber = literal(amber),
        undated = literal(&t.undated),
        days = t.amber_days,
    )
}

fn track(ws: &mut Worksheet, t: &Tracker, f: &Formats) -> Result<(), XlsxError> {
    let rows = t.sheet.rows.len() as u32;
    // Room to add actions below the ones exported, with the same list and rule.
    let last = rows + 50;
    let validation = DataValidation::new()
        .allow_list_strings(&t.statuses)?
        .set_error_title(&t.sheet.header[t.status_column])?;
    ws.add_data_validation(
        1,
        t.status_column as u16,
        last,
        t.status_column as u16,
        &validation,
    )?;
    let colour = t.colour_column as u16;
    for r in 1..=last {
        let formula = Formula::new(colour_formula(t, r + 1));
        // The colour the app worked out today (`plan::rag`), for readers that do not
        // recalculate; rows left for new actions stay empty until an action is typed in.
        let first = match t
            .sheet
            .rows
            .get(r as usize - 1)
            .and_then(|row| row.get(t.colour_column))
        {
            Some(Cell::Text(s)) => s.clone(),
            _ => String::new(),
        };
        ws.write_formula_with_format(r, colour, formula.set_result(first), &f.text)?;
    }
    for (word, (fill, ink)) in t.colours.iter().zip(RAG_COLOURS) {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(literal(word).as_str()))
            .set_format(Format::new().set_background_color(fill).set_font_color(ink));
        ws.add_conditional_format(1, colour, last, colour, &rule)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_counts() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(7), "H");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn text_longer_than_a_cell_is_cut_with_an_ellipsis() {
        let long = "é".repeat(40_000);
        let cut = fit_cell(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_MAX);
        assert!(cut.ends_with('…'));
        let emoji = "😀".repeat(20_000);
        assert!(
            fit_cell(&emoji).encode_utf16().count() <= CELL_MAX,
            "a pair is never split"
        );
        assert_eq!(fit_cell("short"), "short");
    }

    #[test]
    fn text_that_would_be_a_formula_is_spotted() {
        for s in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx"] {
            assert!(looks_like_formula(s), "{s}");
        }
        assert!(!looks_like_formula("Plan agreed"));
    }
}
