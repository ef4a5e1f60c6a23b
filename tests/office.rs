//! The Word report and the Excel workbook, read back with real readers: the document's parts
//! through a zip reader (its outline, header rows, text alternatives, language and escaping),
//! the workbook through calamine (numbers as numbers, dates as dates, the plan's colours) and
//! its sheet XML (validation, conditional formats, filters, frozen rows, the radar chart).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use cm_maturity::domain::assessment::{PlanStep, Status};
use cm_maturity::domain::level::Level;
use cm_maturity::domain::results::rows;
use cm_maturity::domain::roadmap::{targets_from_benchmark, Targets};
use cm_maturity::domain::scoring::score;
use cm_maturity::domain::{Assessment, BenchmarkFile, Framework, Rating};
use cm_maturity::office::report::{book, document, Charts, Facts};
use cm_maturity::office::{docx, xlsx, Picture};
use cm_maturity::text::{Lang, Text};
use common::*;

const WELSH: &str = include_str!("../public/data/text/cy.json");
const HOSTILE: &str = "Anytown <script>alert(1)</script> & \"Sons\" \u{1}Council";
const FORMULA_NOTE: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";

fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => english(),
        Lang::Cy => Text::leak(Lang::Cy, WELSH).unwrap(),
    }
}

fn framework(lang: Lang) -> Framework {
    Framework::parse(COUNCIL).unwrap().resolve(lang.code())
}

fn benchmarks(lang: Lang) -> BenchmarkFile {
    BenchmarkFile::parse(COUNCIL_BENCHMARKS)
        .unwrap()
        .resolve(lang.code())
}

/// Every question at 2 or 3 (the first note is a formula, another hostile), two actions taken
/// on: one overdue, one blocked.
fn seeded(fw: &Framework) -> Assessment {
    let ids: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).collect();
    let mut a = all_at(fw, "a", "2026-11-20T10:00:00.000Z", 2);
    a.organisation = HOSTILE.into();
    a.role = "Head of commercial".into();
    a.set_rating(&ids[1], level(3), "2026-11-20T10:00:00.000Z");
    a.set_rating(&ids[2], Rating::DontKnow, "2026-11-20T10:00:00.000Z");
    a.answers.get_mut(&ids[0]).unwrap().note = FORMULA_NOTE.into();
    a.answers.get_mut(&ids[3]).unwrap().note = "Board paper <b>May</b> & June".into();
    a.plan.insert(
        ids[0].clone(),
        PlanStep {
            accepted: true,
            owner: "=cmd|' /C calc'!A0".into(),
            due: Some("2026-10-01".into()),
            status: Status::InProgress,
            aim: Level::new(3),
            ..PlanStep::default()
        },
    );
    a.plan.insert(
        ids[4].clone(),
        PlanStep {
            accepted: true,
            owner: "Contracts lead".into(),
            due: Some("2027-06-01".into()),
            status: Status::Blocked,
            aim: Level::new(3),
            ..PlanStep::default()
        },
    );
    a
}

/// The results' facts as the tests build them, on 3 December 2026.
fn input_for(
    framework: &Framework,
    assessment: &Assessment,
    scores: &cm_maturity::domain::scoring::Scores,
    rows: &[cm_maturity::domain::results::ThemeRow],
    benchmark: Option<&cm_maturity::domain::Benchmark>,
    targets: &Targets,
) -> Facts {
    Facts {
        framework: std::sync::Arc::new(framework.clone()),
        assessment: assessment.clone(),
        scores: scores.clone(),
        rows: rows.to_vec(),
        benchmark: benchmark.cloned(),
        previous: None,
        targets: targets.clone(),
        today: "2026-12-03".into(),
        shared: false,
    }
}

/// The Word report with no chart pictures.
fn report_without_charts(t: &Text, input: &Facts) -> Vec<u8> {
    let charts = Charts {
        radar: None,
        bars: None,
        left_off: vec![],
    };
    docx::write(&document(t, input, charts), "2026-12-03T10:00:00Z").unwrap()
}

struct Made {
    docx: Vec<u8>,
    xlsx: Vec<u8>,
    alts: Vec<String>,
}

fn png() -> Vec<u8> {
    // A 1×1 PNG: the writers take any PNG with its size.
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

fn make(lang: Lang) -> Made {
    let t = text(lang);
    let fw = framework(lang);
    let file = benchmarks(lang);
    let benchmark = file.benchmarks.iter().find(|b| b.illustrative).unwrap();
    let a = seeded(&fw);
    let scores = score(&fw, &a);
    let theme_rows = rows(&fw, &scores, Some(benchmark), None);
    let targets: Targets = targets_from_benchmark(&fw, benchmark);
    let input = input_for(&fw, &a, &scores, &theme_rows, Some(benchmark), &targets);
    let alts = vec![
        "Radar <of> levels & more".to_string(),
        "Bars of levels".to_string(),
    ];
    let picture = |alt: &str| Picture {
        png: png(),
        width: 1600,
        height: 900,
        alt: alt.into(),
    };
    let doc = document(
        t,
        &input,
        Charts {
            radar: Some(picture(&alts[0])),
            bars: Some(picture(&alts[1])),
            left_off: vec!["The radar leaves a line out.".into()],
        },
    );
    Made {
        docx: docx::write(&doc, "2026-12-03T10:00:00Z").unwrap(),
        xlsx: xlsx::write(&book(t, &input)).unwrap(),
        alts,
    }
}

fn part(file: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(file)).unwrap();
    let mut out = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the file"))
        .read_to_string(&mut out)
        .unwrap();
    out
}

/// The values of one attribute across every element with that name.
fn attributes(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    let open = format!("<{element} ");
    xml.match_indices(&open)
        .filter_map(|(at, _)| {
            let rest = &xml[at..];
            let end = rest.find('>')?;
            let tag = &rest[..end];
            let key = format!("{attribute}=\"");
            let from = tag.find(&key)? + key.len();
            Some(tag[from..].split('"').next()?.to_string())
        })
        .collect()
}

/// The document's visible text, paragraph by paragraph.
fn paragraphs(document: &str) -> Vec<String> {
    document
        .split("</w:p>")
        .map(|p| {
            p.split("<w:t")
                .skip(1)
                .filter_map(|t| {
                    t.split_once('>')
                        .map(|(_, rest)| rest.split("</w:t>").next().unwrap_or_default())
                })
                .collect::<String>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn the_report_has_an_outline_header_rows_and_pictures_with_their_text_alternatives() {
    for lang in Lang::ALL {
        let t = text(lang);
        let made = make(lang);
        let document = part(&made.docx, "word/document.xml");
        let styles = part(&made.docx, "word/styles.xml");

        // Headings use Word's own heading styles, with outline levels.
        for (id, name, level) in [
            ("Heading1", "heading 1", 0),
            ("Heading2", "heading 2", 1),
            ("Heading3", "heading 3", 2),
        ] {
            let style = styles
                .split(&format!("w:styleId=\"{id}\""))
                .nth(1)
                .unwrap_or_else(|| panic!("{id} style"));
            let style = style.split("</w:style>").next().unwrap();
            assert!(
                style.contains(&format!("<w:name w:val=\"{name}\" />")),
                "{style}"
            );
            assert!(
                style.contains(&format!("<w:outlineLvl w:val=\"{level}\" />")),
                "{style}"
            );
        }
        let heading_text = |id: &str| -> Vec<String> {
            document
                .split("</w:p>")
                .filter(|p| p.contains(&format!("<w:pStyle w:val=\"{id}\" />")))
                .map(|p| paragraphs(p).concat())
                .collect()
        };
        let h2 = heading_text("Heading2");
        for expected in [
            t.board_overall_label,
            t.charts_and_figures_heading,
            t.roadmap_heading,
            t.cplan_heading,
            t.office_answers_heading,
            t.office_method_heading,
        ] {
            assert!(
                h2.iter().any(|h| h == expected),
                "{lang:?}: no heading {expected} in {h2:?}"
            );
        }
        assert_eq!(heading_text("Heading1").len(), 1, "one title");
        assert_eq!(
            heading_text("Heading3").len(),
            8,
            "a heading for each theme's answers"
        );

        // Every table's first row is its header row.
        let tables = document.matches("<w:tbl>").count();
        assert_eq!(
            tables,
            1 + 2 + 8,
            "figures, the roadmap and the plan, and answers by theme"
        );
        assert_eq!(document.matches("<w:tblHeader />").count(), tables);

        // Each picture has its own id and its text alternative, escaped.
        let ids = attributes(&document, "wp:docPr", "id");
        assert_eq!(ids.len(), 2);
        assert_eq!(
            ids.iter().collect::<BTreeSet<_>>().len(),
            2,
            "ids differ: {ids:?}"
        );
        let descr = attributes(&document, "wp:docPr", "descr");
        assert_eq!(
            descr,
            made.alts
                .iter()
                .map(|a| a
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;"))
                .collect::<Vec<_>>()
        );

        // The document's language and properties.
        let tag = if lang == Lang::Cy { "cy-GB" } else { "en-GB" };
        assert!(
            styles.contains(&format!("<w:lang w:val=\"{tag}\"")),
            "{lang:?} language in the default run properties"
        );
        let core = part(&made.docx, "docProps/core.xml");
        assert!(
            core.contains(&format!("<dc:language>{tag}</dc:language>")),
            "{core}"
        );
        assert!(
            core.contains("<dc:title>") && !core.contains("<script>"),
            "{core}"
        );

        // A hostile name and notes are text, never markup; a control character is dropped.
        assert!(!document.contains("<script>") && !document.contains("<b>May"));
        let text_of = paragraphs(&document).join("\n");
        assert!(
            text_of.contains(
                "Anytown &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sons&quot; Council"
            ) || text_of
                .contains("Anytown &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Sons\" Council"),
            "{}",
            &text_of[..600.min(text_of.len())]
        );
        assert!(text_of.contains("Board paper &lt;b&gt;May&lt;/b&gt; &amp; June"));
        // The illustrative comparison says so.
        let file = benchmarks(lang);
        let title = &file
            .benchmarks
            .iter()
            .find(|b| b.illustrative)
            .unwrap()
            .title;
        let label = escape(&t.export_illustrative.replace("{benchmark}", title));
        assert!(text_of.contains(&label), "{label}");
        // Nothing is left in the other language.
        if lang == Lang::Cy {
            for english in [
                "Overall level",
                "Your answers",
                "How the figures were made",
                "Your improvement plan",
            ] {
                assert!(
                    !text_of.contains(english),
                    "English left in the Welsh report: {english}"
                );
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn the_workbook_reads_back_with_numbers_dates_and_a_tracker() {
    for lang in Lang::ALL {
        let t = text(lang);
        let made = make(lang);
        let mut wb: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(made.xlsx.clone())).unwrap();
        let names = wb.sheet_names();
        assert_eq!(
            names,
            [
                t.summary_heading,
                t.office_sheet_answers,
                t.themes_heading,
                t.office_sheet_plan
            ]
        );

        let answers = wb.worksheet_range(t.office_sheet_answers).unwrap();
        let fw = framework(lang);
        assert_eq!(
            answers.height(),
            1 + fw.questions().count(),
            "a header row and a row per question"
        );
        assert_eq!(answers.get((0, 0)), Some(&Data::String(t.csv_theme.into())));
        assert_eq!(
            answers.get((1, 2)),
            Some(&Data::Float(2.0)),
            "levels are numbers"
        );
        assert_eq!(
            answers.get((3, 2)),
            Some(&Data::Empty),
            "no level for Don't know"
        );
        assert_eq!(
            answers.get((3, 4)),
            Some(&Data::String(t.dont_know.into())),
            "as the CSV puts it"
        );
        // A note that looks like a formula is the text typed, not a formula.
        assert_eq!(
            answers.get((1, 5)),
            Some(&Data::String(FORMULA_NOTE.into()))
        );
        let formulas = wb.worksheet_formula(t.office_sheet_answers).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula on the answers sheet"
        );

        let themes = wb.worksheet_range(t.themes_heading).unwrap();
        assert_eq!(themes.height(), 9);
        assert!(matches!(themes.get((1, 1)), Some(Data::Float(_))));
        assert!(
            matches!(themes.get((1, 2)), Some(Data::Float(_))),
            "the benchmark median is a number"
        );

        let summary = wb.worksheet_range(t.summary_heading).unwrap();
        let date_row = (0..summary.height())
            .find(|r| summary.get((*r, 0)) == Some(&Data::String(t.office_item_date.into())))
            .unwrap();
        match summary.get((date_row, 1)) {
            Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 46346.0, "20 November 2026"),
            other => panic!("the date is a date: {other:?}"),
        }

        // The plan: dates as dates, the colours worked out as the app does.
        let plan = wb.worksheet_range(t.office_sheet_plan).unwrap();
        assert_eq!(
            plan.get((0, 7)),
            Some(&Data::String(t.cplan_col_status.into()))
        );
        let colour = |r: usize| plan.get((r, 8)).cloned();
        let owners: Vec<_> = (1..plan.height())
            .filter_map(|r| plan.get((r, 5)).cloned())
            .collect();
        assert!(
            owners.contains(&Data::String("=cmd|' /C calc'!A0".into())),
            "{owners:?}"
        );
        let overdue = (1..plan.height())
            .find(|r| plan.get((*r, 5)) == Some(&Data::String("=cmd|' /C calc'!A0".into())))
            .unwrap();
        assert!(
            matches!(plan.get((overdue, 6)), Some(Data::DateTime(_))),
            "the due date is a date"
        );
        assert_eq!(
            colour(overdue),
            Some(Data::String(t.rag_red.into())),
            "overdue is red"
        );
        let blocked = (1..plan.height())
            .find(|r| plan.get((*r, 5)) == Some(&Data::String("Contracts lead".into())))
            .unwrap();
        assert_eq!(
            colour(blocked),
            Some(Data::String(t.rag_red.into())),
            "blocked is red"
        );
        let formulas = wb.worksheet_formula(t.office_sheet_plan).unwrap();
        let f = formulas.get_value((overdue as u32, 8)).unwrap();
        assert!(
            f.contains("TODAY()") && f.contains(&format!("\"{}\"", t.plan_status_done)),
            "{f}"
        );

        // The sheet XML: the status list, the colour rules, filters, frozen header, the chart.
        let sheet = part(&made.xlsx, "xl/worksheets/sheet4.xml");
        assert!(
            sheet.contains("<dataValidation type=\"list\""),
            "status chosen from a list"
        );
        assert!(
            sheet.contains(t.plan_status_blocked),
            "the statuses offered"
        );
        assert_eq!(
            sheet.matches("<cfRule type=\"cellIs\"").count(),
            3,
            "red, amber and green"
        );
        assert!(sheet.contains("<autoFilter ref=\"A1:J"), "filters");
        assert!(
            sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""),
            "frozen header row"
        );
        // The owner that looks like a formula is a string cell with a quote prefix.
        let styles = part(&made.xlsx, "xl/styles.xml");
        assert!(styles.contains("quotePrefix=\"1\""));
        let chart = part(&made.xlsx, "xl/charts/chart1.xml");
        assert!(chart.contains("<c:radarChart>"), "a native radar");
        let core = part(&made.xlsx, "docProps/core.xml");
        assert!(!core.contains("<script>"), "the title is escaped: {core}");
    }
}

#[test]
fn a_learner_gets_a_development_plan_and_an_empty_plan_leaves_no_tracker() {
    let t = english();
    let fw = learner();
    let file = learner_benchmarks();
    let benchmark = &file.benchmarks[0];
    let a = all_at(&fw, "me", "2026-11-20T10:00:00.000Z", 2);
    let scores = score(&fw, &a);
    let theme_rows = rows(&fw, &scores, Some(benchmark), None);
    let targets = targets_from_benchmark(&fw, benchmark);
    let input = input_for(&fw, &a, &scores, &theme_rows, Some(benchmark), &targets);
    let doc = report_without_charts(t, &input);
    let body = paragraphs(&part(&doc, "word/document.xml")).join("\n");
    assert!(body.contains(t.plan_heading), "the development plan");
    assert!(!body.contains(t.cplan_heading));
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(xlsx::write(&book(t, &input)).unwrap()))
            .unwrap();
    assert!(wb.sheet_names().contains(&t.office_sheet_plan.to_string()));
    assert!(wb.worksheet_range(t.office_sheet_plan).unwrap().height() > 1);

    // Everything at 5: nothing to plan, so no plan sheet and the roadmap says so.
    let top = all_at(&fw, "me", "2026-11-20T10:00:00.000Z", 5);
    let scores = score(&fw, &top);
    let input = Facts {
        assessment: top,
        scores,
        ..input
    };
    let wb: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(xlsx::write(&book(t, &input)).unwrap()))
            .unwrap();
    assert!(!wb.sheet_names().contains(&t.office_sheet_plan.to_string()));
}

#[test]
fn the_board_summary_document_is_its_words_the_radar_and_the_figures() {
    use cm_maturity::domain::board::BoardText;
    use cm_maturity::office::report::{board_document, figures, BoardPlan};
    let t = english();
    let fw = framework(Lang::En);
    let a = seeded(&fw);
    let scores = score(&fw, &a);
    let theme_rows = rows(&fw, &scores, None, None);
    let targets = Targets::default();
    let input = input_for(&fw, &a, &scores, &theme_rows, None, &targets);
    let board = BoardText {
        title: "Board summary".into(),
        subtitle: HOSTILE.into(),
        overall_label: "Overall level".into(),
        overall: "2.2 (Developing)".into(),
        plan: vec![
            "Improvement plan: 1 red".into(),
            "Most overdue: tiering".into(),
        ],
        gaps_heading: "Largest gaps".into(),
        gaps: vec![("Governance: tiering".into(), "Agree tiers".into())],
        footer: "How the figures were made: a self-assessment.".into(),
        ..BoardText::default()
    };
    let radar = Picture {
        png: png(),
        width: 1000,
        height: 720,
        alt: "The radar".into(),
    };
    let doc = docx::write(
        &board_document(
            t,
            &board,
            Some(BoardPlan {
                counts: "1 red, 0 amber".into(),
                overdue: vec!["Tiering (owner: lead; due 1 May)".into(), "Plans".into()],
            }),
            Some(radar),
            figures(t, &input),
        ),
        "2026-12-03T10:00:00Z",
    )
    .unwrap();
    let body = part(&doc, "word/document.xml");
    assert_eq!(attributes(&body, "wp:docPr", "descr"), ["The radar"]);
    assert_eq!(body.matches("<w:tblHeader />").count(), 1);
    let text_of = paragraphs(&body);
    assert_eq!(text_of[0], "Board summary");
    assert!(text_of.iter().any(|p| p == "Largest gaps"));
    assert!(text_of.last().unwrap().starts_with("How the figures"));
    assert!(text_of.iter().any(|p| p == t.board_plan_heading));
    // The gap and the overdue actions are numbered lists, as on the page.
    let numbering = part(&doc, "word/numbering.xml");
    let ours = numbering.split("w:abstractNumId=\"3\"").nth(1).unwrap();
    assert!(ours.contains("<w:numFmt w:val=\"decimal\" />"), "{ours}");
    assert_eq!(
        body.matches("<w:numId w:val=\"3\" />").count(),
        1,
        "one gap"
    );
    assert_eq!(
        body.matches("<w:numId w:val=\"4\" />").count(),
        2,
        "two overdue actions, counted from 1"
    );
    let restart = numbering.split("<w:num w:numId=\"4\">").nth(1).unwrap();
    assert!(
        restart.contains("<w:startOverride w:val=\"1\" />"),
        "{restart}"
    );
}

/// What a hostile or unusual answer does: a note longer than a spreadsheet cell, a note on
/// several lines, a theme answered only "Don't know", a comparison that is an expectation.
#[test]
fn long_notes_line_breaks_missing_figures_and_the_comparison_s_name() {
    let t = english();
    let fw = framework(Lang::En);
    let file = benchmarks(Lang::En);
    let expectation = file.benchmarks.iter().find(|b| b.is_expectation()).unwrap();
    let mut a = seeded(&fw);
    let ids: Vec<String> = fw.questions().map(|(_, q)| q.id.clone()).collect();
    a.answers.get_mut(&ids[5]).unwrap().note = "x".repeat(40_000);
    a.answers.get_mut(&ids[6]).unwrap().note = "Evidence:\n- register\n- KPIs".into();
    for q in &fw.themes[7].questions {
        a.set_rating(&q.id, Rating::DontKnow, "2026-11-20T10:00:00.000Z");
    }
    let scores = score(&fw, &a);
    let theme_rows = rows(&fw, &scores, Some(expectation), None);
    let targets = targets_from_benchmark(&fw, expectation);
    let input = input_for(&fw, &a, &scores, &theme_rows, Some(expectation), &targets);

    // The workbook is still made; the long note is cut to a cell, saying so.
    let bytes = xlsx::write(&book(t, &input)).expect("a long note does not stop the workbook");
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let answers = wb.worksheet_range(t.office_sheet_answers).unwrap();
    match answers.get((6, 5)) {
        Some(Data::String(s)) => {
            assert_eq!(s.encode_utf16().count(), 32_767);
            assert!(s.ends_with('…'));
        }
        other => panic!("{other:?}"),
    }
    // An expectation is named as one, never as a median; the radar leaves out the line that
    // lacks a figure (the assessment's, with a theme of "Don't know" only).
    let themes = wb.worksheet_range(t.themes_heading).unwrap();
    assert_eq!(
        themes.get((0, 2)),
        Some(&Data::String(t.expected_level.into()))
    );
    assert_eq!(
        themes.get((8, 1)),
        Some(&Data::Empty),
        "no level for a theme of Don't know"
    );
    let chart = part(&bytes, "xl/charts/chart1.xml");
    assert_eq!(
        chart.matches("<c:ser>").count(),
        1,
        "only the complete line is drawn"
    );
    assert!(
        chart.contains("<c:dispBlanksAs val=\"gap\"/>"),
        "{}",
        &chart[..400.min(chart.len())]
    );
    let plan = part(&bytes, "xl/worksheets/sheet4.xml");
    assert!(
        plan.contains("ISNUMBER("),
        "a due date that is not a date gives no colour"
    );

    // The document keeps the whole note, its lines apart, and names the comparison the same way.
    let doc = report_without_charts(t, &input);
    let body = part(&doc, "word/document.xml");
    assert!(body.contains(&"x".repeat(40_000)));
    assert!(
        body.contains("Evidence:</w:t><w:br w:type=\"textWrapping\" />"),
        "line breaks kept"
    );
    let first_table = body.split("<w:tbl>").nth(1).unwrap();
    let header_row = first_table.split("</w:tr>").next().unwrap();
    assert!(
        header_row.contains(&format!(">{}</w:t>", t.expected_level)),
        "the figures table names the expectation"
    );
    assert!(!body.contains(t.benchmark_median));
    let core = part(&doc, "docProps/core.xml");
    assert!(
        core.contains("2026-12-03T10:00:00Z</dcterms:modified>"),
        "{core}"
    );
}
