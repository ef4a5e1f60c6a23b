//! The Word document, written with docx-rs. docx-rs 0.4.22 leaves out four things an accessible
//! document needs, so [`finish`] adds them to the parts it renders, each at a place it checks
//! is there (a newer docx-rs that renders differently fails the tests instead of writing a
//! document without them):
//! - each picture's text alternative (`descr`) and its own id (docx-rs writes `id="1"` for all);
//! - the header row of every table marked as one (`w:tblHeader`);
//! - the document's language (`w:lang` in the default run properties);
//! - the title, language and author in the document's properties.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    NumberFormat, NumberingId, PageMargin, Paragraph, Pic, Run, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableLayoutType, TableRow,
    WidthType, XMLDocx,
};

use super::{Block, Document};
use crate::domain::xml::escape;
use crate::text::Lang;

/// Who made the document, in its properties.
const AUTHOR: &str = "Contract management maturity self-assessment";

/// A4 with 2 cm margins, in twentieths of a point.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
/// The text width, in twentieths of a point.
const TEXT_WIDTH: u32 = PAGE.0 - 2 * MARGIN as u32;

/// The widest a picture is drawn: the text width, in EMU (635 to a twentieth of a point).
const MAX_PICTURE_WIDTH: u32 = TEXT_WIDTH * 635;

/// The lists' numbering definitions (docx-rs keeps 1 for its own); numbered lists use 3, 4, …
const BULLETS: usize = 2;
const NUMBERS: usize = 3;

/// The document as a .docx file. `now` is the creation time (RFC 3339).
pub fn write(doc: &Document, now: &str) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(heading(1, 36))
        .add_style(heading(2, 28))
        .add_style(heading(3, 24))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .bold(),
        )
        .add_abstract_numbering(list_style(BULLETS, "bullet", "•"))
        .add_numbering(docx_rs::Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(list_style(NUMBERS, "decimal", "%1."))
        .created_at(now)
        .updated_at(now);
    // Each numbered list counts from 1: a numbering instance of its own, restarted.
    let numbered = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Numbered(_)))
        .count();
    for k in 0..numbered {
        docx = docx.add_numbering(
            docx_rs::Numbering::new(NUMBERS + k, NUMBERS)
                .add_override(docx_rs::LevelOverride::new(0).start(1)),
        );
    }
    let mut next_list = NUMBERS;
    if doc.compact {
        docx = docx
            .default_size(20)
            .default_line_spacing(LineSpacing::new().after(40));
    }
    docx = docx.add_paragraph(styled(1, &doc.title));
    let mut alts = Vec::new();
    for block in &doc.blocks {
        docx = match block {
            Block::Heading(level, text) => docx.add_paragraph(styled(*level, text)),
            Block::Paragraph(text) => docx.add_paragraph(paragraph(text)),
            Block::Warning(text) => docx
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(text)).bold())),
            Block::Bullets(items) => list(docx, items, BULLETS),
            Block::Numbered(items) => {
                next_list += 1;
                list(docx, items, next_list - 1)
            }
            Block::Table(table) => {
                let grid = column_widths(&table.widths, table.header.len());
                let cell = |i: usize| {
                    TableCell::new().width(grid.get(i).copied().unwrap_or_default(), WidthType::Dxa)
                };
                let header = TableRow::new(
                    table
                        .header
                        .iter()
                        .enumerate()
                        .map(|(i, h)| {
                            cell(i)
                                .shading(Shading::new().fill("E8E8E8"))
                                .add_paragraph(
                                    Paragraph::new().add_run(Run::new().add_text(clean(h)).bold()),
                                )
                        })
                        .collect(),
                )
                .cant_split();
                let rows = std::iter::once(header).chain(table.rows.iter().map(|row| {
                    TableRow::new(
                        row.iter()
                            .enumerate()
                            .map(|(i, c)| cell(i).add_paragraph(paragraph(c)))
                            .collect(),
                    )
                    .cant_split()
                }));
                let docx = match &table.caption {
                    Some(caption) => docx.add_paragraph(
                        Paragraph::new()
                            .style("Caption")
                            .keep_next(true)
                            .add_run(Run::new().add_text(clean(caption))),
                    ),
                    None => docx,
                };
                docx.add_table(
                    Table::new(rows.collect())
                        .set_grid(grid)
                        .layout(TableLayoutType::Fixed)
                        .width(TEXT_WIDTH as usize, WidthType::Dxa),
                )
            }
            Block::Picture(p) => {
                alts.push(p.alt.clone());
                let (w, h) = fitted(p.width, p.height);
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_image(
                    Pic::new_with_dimensions(p.png.clone(), p.width, p.height).size(w, h),
                )))
            }
        };
    }
    let mut xml = docx.build();
    finish(&mut xml, doc.lang, &doc.title, &alts)?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// A one-level list: its marker (a bullet, or the number and a full stop) hanging in the margin.
fn list_style(id: usize, format: &str, marker: &str) -> AbstractNumbering {
    AbstractNumbering::new(id).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(marker),
            LevelJc::new("left"),
        )
        .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
    )
}

fn heading(level: u8, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .line_spacing(LineSpacing::new().before(240).after(120))
        .size(half_points)
        .bold()
        .outline_lvl(usize::from(level - 1))
}

fn styled(level: u8, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{}", level.clamp(1, 3)))
        .keep_next(true)
        .add_run(Run::new().add_text(clean(text)))
}

/// A paragraph of text, its line breaks kept (a note typed on several lines).
fn paragraph(text: &str) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in clean(text).split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line.trim_end_matches('\r'));
    }
    Paragraph::new().add_run(run)
}

fn list(docx: Docx, items: &[String], numbering: usize) -> Docx {
    items.iter().fold(docx, |d, item| {
        d.add_paragraph(paragraph(item).numbering(NumberingId::new(numbering), IndentLevel::new(0)))
    })
}

/// Text without the characters XML cannot hold (docx-rs escapes the rest).
fn clean(text: &str) -> String {
    crate::domain::xml::without_forbidden(text)
}

/// Column widths that fill the text width in the given shares (equal when none are given).
pub fn column_widths(shares: &[u32], columns: usize) -> Vec<usize> {
    let shares: Vec<u64> = (0..columns)
        .map(|i| u64::from(shares.get(i).copied().unwrap_or(1).max(1)))
        .collect();
    let total: u64 = shares.iter().sum::<u64>().max(1);
    shares
        .iter()
        .map(|s| (s * u64::from(TEXT_WIDTH) / total) as usize)
        .collect()
}

/// A picture's size in EMU, at 96 pixels an inch, narrowed to the text width if wider.
fn fitted(width: u32, height: u32) -> (u32, u32) {
    let (w, h) = (u64::from(width) * 9525, u64::from(height) * 9525);
    if w <= u64::from(MAX_PICTURE_WIDTH) || w == 0 {
        return (w as u32, h as u32);
    }
    let scaled = h * u64::from(MAX_PICTURE_WIDTH) / w;
    (MAX_PICTURE_WIDTH, scaled as u32)
}

/// The language tag Word uses.
fn word_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Cy => "cy-GB",
    }
}

/// Adds what docx-rs leaves out (see the module's comment) to the rendered parts.
pub fn finish(xml: &mut XMLDocx, lang: Lang, title: &str, alts: &[String]) -> Result<(), String> {
    let document =
        String::from_utf8(std::mem::take(&mut xml.document)).map_err(|e| e.to_string())?;
    let document = mark_header_rows(&describe_pictures(&document, alts)?)?;
    xml.document = document.into_bytes();

    let styles = String::from_utf8(std::mem::take(&mut xml.styles)).map_err(|e| e.to_string())?;
    let tag = word_lang(lang);
    let lang_element = format!(r#"<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}" />"#);
    xml.styles =
        insert_before_end(&styles, "<w:rPrDefault>", "</w:rPr>", &lang_element)?.into_bytes();

    let core =
        String::from_utf8(std::mem::take(&mut xml.doc_props.core)).map_err(|e| e.to_string())?;
    let core = replace_once(
        &core,
        "<dc:creator>unknown</dc:creator>",
        &format!("<dc:creator>{AUTHOR}</dc:creator>"),
    )?;
    let core = replace_once(
        &core,
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        &format!("<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"),
    )?;
    let properties = format!(
        "<dc:title>{}</dc:title><dc:language>{tag}</dc:language></cp:coreProperties>",
        escape(title)
    );
    xml.doc_props.core = replace_once(&core, "</cp:coreProperties>", &properties)?.into_bytes();
    Ok(())
}

/// Gives the n-th picture the n-th text alternative and ids of its own.
pub fn describe_pictures(document: &str, alts: &[String]) -> Result<String, String> {
    const FRAME: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    const PICTURE: &str = r#"<pic:cNvPr id="0" name="" />"#;
    let found = (
        document.matches(FRAME).count(),
        document.matches(PICTURE).count(),
    );
    if found != (alts.len(), alts.len()) {
        return Err(format!(
            "expected {} pictures in the document, found {found:?}",
            alts.len()
        ));
    }
    let mut out = String::with_capacity(document.len() + alts.len() * 200);
    let mut rest = document;
    for (i, alt) in alts.iter().enumerate() {
        let n = i + 1;
        let alt = escape(alt);
        for (marker, element) in [
            (
                FRAME,
                format!(r#"<wp:docPr id="{n}" name="Picture {n}" descr="{alt}" />"#),
            ),
            (
                PICTURE,
                format!(r#"<pic:cNvPr id="{n}" name="Picture {n}" descr="{alt}" />"#),
            ),
        ] {
            let at = rest.find(marker).ok_or("a picture lost its frame")?;
            out.push_str(&rest[..at]);
            out.push_str(&element);
            rest = &rest[at + marker.len()..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Marks the first row of every table as its header row.
pub fn mark_header_rows(document: &str) -> Result<String, String> {
    let mut out = String::with_capacity(document.len() + 64);
    let mut rest = document;
    while let Some(at) = rest.find("<w:tbl>") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let row = rest.find("<w:tr>").ok_or("a table without rows")?;
        let after_row = row + "<w:tr>".len();
        out.push_str(&rest[..after_row]);
        rest = &rest[after_row..];
        if let Some(r) = rest.strip_prefix("<w:trPr />") {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
            rest = r;
        } else if let Some(r) = rest.strip_prefix("<w:trPr>") {
            out.push_str("<w:trPr><w:tblHeader />");
            rest = r;
        } else {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    if text.matches(from).count() != 1 {
        return Err(format!("expected one {from}"));
    }
    Ok(text.replacen(from, to, 1))
}

/// Inserts `insert` before the first `end` after `start`.
fn insert_before_end(text: &str, start: &str, end: &str, insert: &str) -> Result<String, String> {
    let from = text.find(start).ok_or(format!("no {start}"))?;
    let rel = text[from..]
        .find(end)
        .ok_or(format!("no {end} after {start}"))?;
    let at = from + rel;
    Ok(format!("{}{insert}{}", &text[..at], &text[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_get_their_own_ids_and_escaped_text_alternatives() {
        let one = r#"<w:drawing><wp:docPr id="1" name="Figure" /><a><pic:cNvPr id="0" name="" /></a></w:drawing>"#;
        let doc = format!("<w:body>{one}{one}</w:body>");
        let out = describe_pictures(&doc, &["Radar <A & B>".into(), "Bars".into()]).unwrap();
        assert!(
            out.contains(r#"<wp:docPr id="1" name="Picture 1" descr="Radar &lt;A &amp; B&gt;" />"#)
        );
        assert!(out.contains(r#"<wp:docPr id="2" name="Picture 2" descr="Bars" />"#));
        assert!(out.contains(r#"<pic:cNvPr id="2" name="Picture 2" descr="Bars" />"#));
        assert!(
            describe_pictures(&doc, &["only one".into()]).is_err(),
            "a count that differs is refused"
        );
    }

    #[test]
    fn the_first_row_of_each_table_is_its_header() {
        let doc =
            "<w:tbl><w:tblPr /><w:tr><w:trPr /><w:tc /></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
                   <w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        let out = mark_header_rows(doc).unwrap();
        assert_eq!(out.matches("<w:tblHeader />").count(), 2);
        assert!(out.starts_with("<w:tbl><w:tblPr /><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc />"));
        assert!(out.contains("<w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr>"));
    }

    #[test]
    fn columns_share_the_text_width() {
        assert_eq!(column_widths(&[1, 3], 2), vec![2409, 7228]);
        assert_eq!(column_widths(&[], 3), vec![3212; 3]);
        assert_eq!(
            column_widths(&[2], 2),
            vec![6425, 3212],
            "a missing share counts as 1"
        );
    }

    #[test]
    fn a_wide_picture_is_narrowed_to_the_text_width_keeping_its_shape() {
        assert_eq!(fitted(100, 50), (952_500, 476_250));
        let (w, h) = fitted(1600, 900);
        assert_eq!(w, MAX_PICTURE_WIDTH);
        assert_eq!(h, (u64::from(MAX_PICTURE_WIDTH) * 9 / 16) as u32);
    }
}
