//! What goes into the Word report and the workbook: the results screen's facts (the same theme
//! rows, roadmap and plans, so a document never disagrees with the screen) in the reader's words.

use super::{Block, Book, Cell, ChartSpec, Document, Picture, Sheet, Table, Tracker};
use crate::domain::assessment::{Assessment, Rating, Status};
use crate::domain::benchmark::Benchmark;
use crate::domain::board::BoardText;
use crate::domain::framework::{Audience, Framework};
use crate::domain::plan::{
    council_plan, development_plan, rag, row_start, CouncilPlan, PlanItem, AMBER_DAYS,
};
use crate::domain::results::ThemeRow;
use crate::domain::roadmap::Targets;
use crate::domain::scoring::{display_change, display_level, round1, Scores};
use crate::text::{fill, Text};

/// The results a document is made from, owned, so a split module can build and write the file.
#[derive(Debug, Clone)]
pub struct Facts {
    pub framework: std::sync::Arc<Framework>,
    pub assessment: Assessment,
    pub scores: Scores,
    pub rows: Vec<ThemeRow>,
    pub benchmark: Option<Benchmark>,
    /// The date of the assessment compared with, if any.
    pub previous: Option<String>,
    pub targets: Targets,
    /// YYYY-MM-DD, for the plan's colours.
    pub today: String,
    /// Results opened from a share link: their roadmap, not a plan.
    pub shared: bool,
}

impl Facts {
    fn learner(&self) -> bool {
        self.framework.audience == Audience::Individual
    }
}

/// Who, when and compared with what, as the exported charts say it; the framework; the role.
fn about(t: &Text, i: &Facts) -> Vec<String> {
    let mut lines = vec![t.export_info(
        &i.assessment,
        i.benchmark.as_ref().map(|b| b.title.as_str()),
    )];
    lines.push(fill(
        t.office_framework,
        &[
            ("framework", &i.framework.title),
            ("version", &i.framework.version),
        ],
    ));
    if !i.assessment.role.is_empty() {
        lines.push(fill(t.office_role, &[("role", &i.assessment.role)]));
    }
    lines
}

/// What the comparison is, saying plainly when its figures are invented.
fn comparison(t: &Text, b: &Benchmark) -> Vec<Block> {
    let mut blocks = Vec::new();
    if b.illustrative {
        blocks.push(Block::Warning(fill(
            t.export_illustrative,
            &[("benchmark", &b.title)],
        )));
    }
    blocks.push(Block::Paragraph(fill(
        t.export_source,
        &[("source", &b.source)],
    )));
    if let Some(n) = b.sample_size {
        blocks.push(Block::Paragraph(t.count(&t.benchmark_sample, n as usize)));
    }
    if let Some(note) = &b.note {
        blocks.push(Block::Paragraph(note.clone()));
    }
    blocks
}

/// The figures table, as the results screen shows it: the comparison's column named as the
/// screen names it ("Expected level", "Illustrative median…"), never passed off as a median.
pub fn figures(t: &Text, i: &Facts) -> Table {
    let quartiles = i.rows.iter().any(|r| r.benchmark.has_quartiles());
    let mut header = vec![t.table_theme.to_string(), t.table_level.to_string()];
    if let Some(b) = &i.benchmark {
        header.push(t.benchmark_series_name(b));
        if quartiles {
            header.push(t.table_middle_half.to_string());
        }
    }
    if let Some(date) = &i.previous {
        header.push(fill(t.table_previous, &[("date", &t.long_date(date))]));
        header.push(t.table_change.to_string());
    }
    let dash = || "–".to_string();
    let rows = i
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.title.clone(), t.level_or_none(&i.framework, r.level)];
            if i.benchmark.is_some() {
                let (median, middle) = t.figure_cells(r.benchmark);
                row.push(median);
                if quartiles {
                    row.push(middle);
                }
            }
            if i.previous.is_some() {
                row.push(r.previous.map_or_else(dash, display_level));
                row.push(r.change().map_or_else(dash, display_change));
            }
            row
        })
        .collect();
    let caption = match &i.benchmark {
        Some(b) => fill(t.table_caption_vs, &[("benchmark", &b.title)]),
        None => t.table_caption.to_string(),
    };
    let mut widths = vec![4, 2];
    widths.extend(std::iter::repeat_n(2, header.len() - 2));
    Table {
        caption: Some(caption),
        header,
        rows,
        widths,
    }
}

/// One row per question asked, as the CSV has it: theme, question, level, level name, the
/// answer in words (the rung's statement, or "Don't know", "Not applicable", "Not answered"),
/// the note.
fn answers(t: &Text, i: &Facts) -> Vec<[String; 6]> {
    let f = &i.framework;
    f.questions()
        .filter(|(_, q)| i.assessment.asks(f, &q.id))
        .map(|(theme, q)| {
            let answer = i.assessment.answers.get(&q.id);
            let (number, name, statement) = match answer.and_then(|a| a.rating) {
                Some(Rating::Level(l)) => (
                    l.get().to_string(),
                    f.level_name(l).to_string(),
                    q.levels[l.index()]
                        .statement_in(i.assessment.context.nation())
                        .clone(),
                ),
                Some(Rating::DontKnow) => (String::new(), String::new(), t.dont_know.to_string()),
                Some(Rating::NotApplicable) => {
                    (String::new(), String::new(), t.not_applicable.to_string())
                }
                None => (String::new(), String::new(), t.not_answered.to_string()),
            };
            let note = answer.map(|a| a.note.clone()).unwrap_or_default();
            [
                theme.title.clone(),
                q.title.clone(),
                number,
                name,
                statement,
                note,
            ]
        })
        .collect()
}

/// Theme, question, the level now and next, and the action: how every plan table starts.
fn start(t: &Text, f: &Framework, item: &PlanItem) -> Vec<String> {
    row_start(f, item, t.plan_find_out).to_vec()
}

/// What a document's plan section holds, as the results screen shows it: a learner's
/// development plan; a council's actions taken on, what they achieved and the roadmap's steps
/// not yet taken on; for shared results, the roadmap alone (a plan is not shared).
enum Plan {
    Learner(Vec<PlanItem>),
    Council(CouncilPlan),
    Shared(Vec<PlanItem>),
}

fn plan(i: &Facts) -> Plan {
    if i.learner() {
        return Plan::Learner(development_plan(&i.framework, &i.assessment, &i.targets));
    }
    if i.shared {
        return Plan::Shared(development_plan(&i.framework, &i.assessment, &i.targets));
    }
    Plan::Council(council_plan(&i.framework, &i.assessment, &i.targets))
}

fn roadmap_table(t: &Text, f: &Framework, items: &[PlanItem]) -> Block {
    Block::Table(Table {
        caption: None,
        widths: vec![3, 3, 2, 2, 6],
        header: t.plan_headers()[..5]
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows: items.iter().map(|item| start(t, f, item)).collect(),
    })
}

fn roadmap_blocks(t: &Text, f: &Framework, heading: &str, items: &[PlanItem]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(2, heading.to_string())];
    if items.is_empty() {
        blocks.push(Block::Paragraph(t.roadmap_empty.to_string()));
    } else {
        blocks.push(Block::Paragraph(t.roadmap_intro.to_string()));
        blocks.push(roadmap_table(t, f, items));
    }
    blocks
}

fn plan_blocks(t: &Text, i: &Facts) -> Vec<Block> {
    let f = &i.framework;
    let due = |item: &PlanItem| {
        item.step
            .due
            .as_deref()
            .map_or_else(|| t.cplan_no_date.to_string(), |d| t.long_date(d))
    };
    match plan(i) {
        Plan::Shared(items) => roadmap_blocks(t, f, t.shared_roadmap_heading, &items),
        Plan::Council(plan) => {
            let mut blocks = roadmap_blocks(t, f, t.roadmap_heading, &plan.proposals);
            blocks.push(Block::Heading(2, t.cplan_heading.to_string()));
            if plan.actions.is_empty() {
                blocks.push(Block::Paragraph(t.cplan_empty.to_string()));
            } else {
                blocks.push(Block::Paragraph(t.rag_rule.to_string()));
                blocks.push(Block::Table(Table {
                    caption: None,
                    widths: vec![3, 3, 6, 2, 2, 2, 2, 3],
                    header: [
                        t.csv_theme,
                        t.csv_question,
                        t.cplan_col_action,
                        t.cplan_col_owner,
                        t.cplan_col_due,
                        t.cplan_col_status,
                        t.cplan_col_colour,
                        t.cplan_note_label,
                    ]
                    .map(String::from)
                    .to_vec(),
                    rows: plan
                        .actions
                        .iter()
                        .map(|item| {
                            let (theme, question) = item.titles(f);
                            let owner = t.owner_or_none(&item.step);
                            vec![
                                theme,
                                question,
                                row_start(f, item, t.plan_find_out)[4].clone(),
                                owner,
                                due(item),
                                t.status_name(item.step.status).to_string(),
                                t.rag_name(rag(&item.step, &i.today)).to_string(),
                                item.step.note.clone(),
                            ]
                        })
                        .collect(),
                }));
            }
            if !plan.achieved.is_empty() {
                blocks.push(Block::Heading(3, t.cplan_achieved_heading.to_string()));
                blocks.push(Block::Paragraph(t.cplan_achieved_intro.to_string()));
                blocks.push(Block::Bullets(
                    plan.achieved
                        .iter()
                        .map(|item| {
                            let (theme, question) = item.titles(f);
                            let when = if item.step.carried {
                                t.cplan_achieved_since
                            } else {
                                t.cplan_achieved_now
                            };
                            let title = fill(
                                t.plan_item_title,
                                &[("theme", &theme), ("question", &question)],
                            );
                            format!("{title} ({when})")
                        })
                        .collect(),
                ));
            }
            blocks
        }
        Plan::Learner(items) => {
            let mut blocks = vec![Block::Heading(2, t.plan_heading.to_string())];
            if items.is_empty() {
                blocks.push(Block::Paragraph(t.plan_empty.to_string()));
                return blocks;
            }
            blocks.push(Block::Table(Table {
                caption: None,
                widths: vec![3, 3, 2, 2, 6, 2, 2],
                header: t.plan_headers().map(String::from).to_vec(),
                rows: items
                    .iter()
                    .map(|item| {
                        let mut row = start(t, f, item);
                        row.extend([
                            item.step
                                .due
                                .as_deref()
                                .map(|d| t.long_date(d))
                                .unwrap_or_default(),
                            if item.step.done() {
                                t.plan_done_yes
                            } else {
                                t.plan_done_no
                            }
                            .to_string(),
                        ]);
                        row
                    })
                    .collect(),
            }));
            blocks
        }
    }
}

/// The chart pictures, in the order the results screen shows them (radar, then bars), and why
/// any line is missing from the radar.
pub struct Charts {
    pub radar: Option<Picture>,
    pub bars: Option<Picture>,
    pub left_off: Vec<String>,
}

/// The report as a Word document, in the results screen's order: about, the overall level, the
/// comparison, the charts and the figures beneath them, the roadmap and plan, every answer, and
/// how the figures were made.
pub fn document(t: &Text, i: &Facts, charts: Charts) -> Document {
    let mut blocks: Vec<Block> = about(t, i).into_iter().map(Block::Paragraph).collect();
    blocks.push(Block::Heading(2, t.board_overall_label.to_string()));
    blocks.push(Block::Paragraph(fill(
        t.overall_level,
        &[("level", &t.level_or_none(&i.framework, i.scores.overall))],
    )));
    if let Some(b) = &i.benchmark {
        blocks.push(Block::Heading(2, t.office_comparison_heading.to_string()));
        blocks.extend(comparison(t, b));
    }
    blocks.push(Block::Heading(2, t.charts_and_figures_heading.to_string()));
    blocks.extend(
        charts
            .radar
            .into_iter()
            .chain(charts.bars)
            .map(Block::Picture),
    );
    blocks.extend(charts.left_off.into_iter().map(Block::Paragraph));
    blocks.push(Block::Table(figures(t, i)));
    blocks.extend(plan_blocks(t, i));
    blocks.push(Block::Heading(2, t.office_answers_heading.to_string()));
    for (theme, rows) in group_by_theme(answers(t, i)) {
        blocks.push(Block::Heading(3, theme));
        blocks.push(Block::Table(Table {
            caption: None,
            widths: vec![3, 1, 2, 6, 4],
            // The theme is the heading above.
            header: t.answer_headers()[1..]
                .iter()
                .map(|h| h.to_string())
                .collect(),
            rows: rows
                .into_iter()
                .map(|[_, q, n, name, s, note]| vec![q, n, name, s, note])
                .collect(),
        }));
    }
    blocks.push(Block::Heading(2, t.office_method_heading.to_string()));
    blocks.push(Block::Paragraph(t.method(
        &i.framework,
        &i.assessment,
        &i.scores,
    )));
    blocks.push(Block::Paragraph(fill(
        t.about_version,
        &[("version", &crate::APP_VERSION)],
    )));
    Document {
        lang: t.lang,
        title: title(i),
        blocks,
        compact: false,
    }
}

fn title(i: &Facts) -> String {
    if i.assessment.organisation.is_empty() {
        i.framework.title.clone()
    } else {
        format!("{}: {}", i.framework.title, i.assessment.organisation)
    }
}

fn group_by_theme(rows: Vec<[String; 6]>) -> Vec<(String, Vec<[String; 6]>)> {
    let mut out: Vec<(String, Vec<[String; 6]>)> = Vec::new();
    for row in rows {
        match out.last_mut() {
            Some((theme, rows)) if *theme == row[0] => rows.push(row),
            _ => out.push((row[0].clone(), vec![row])),
        }
    }
    out
}

/// A council's plan at a glance, as the board summary page shows it: the colour counts and the
/// most overdue actions (each already in words).
pub struct BoardPlan {
    pub counts: String,
    pub overdue: Vec<String>,
}

/// The board summary as a one-page Word document, with the page's words, the radar and the
/// figures table.
pub fn board_document(
    t: &Text,
    board: &BoardText,
    plan: Option<BoardPlan>,
    radar: Option<Picture>,
    figures: Table,
) -> Document {
    let mut blocks = vec![Block::Paragraph(board.subtitle.clone())];
    if !board.compared.is_empty() {
        blocks.push(Block::Paragraph(board.compared.clone()));
    }
    blocks.push(Block::Heading(2, board.overall_label.clone()));
    blocks.push(Block::Paragraph(board.overall.clone()));
    if !board.progress.is_empty() {
        blocks.push(Block::Paragraph(board.progress.clone()));
    }
    blocks.push(Block::Heading(2, board.gaps_heading.clone()));
    if board.gaps.is_empty() {
        blocks.push(Block::Paragraph(t.board_no_gaps.to_string()));
    } else {
        blocks.push(Block::Numbered(
            board
                .gaps
                .iter()
                .map(|(heading, step)| format!("{heading}: {step}"))
                .collect(),
        ));
    }
    if let Some(plan) = plan {
        blocks.push(Block::Heading(2, t.board_plan_heading.to_string()));
        blocks.push(Block::Paragraph(fill(
            t.board_plan_counts,
            &[("counts", &plan.counts)],
        )));
        blocks.push(Block::Heading(3, t.board_plan_overdue.to_string()));
        if plan.overdue.is_empty() {
            blocks.push(Block::Paragraph(t.board_plan_none_overdue.to_string()));
        } else {
            blocks.push(Block::Numbered(plan.overdue));
        }
    }
    // Drawn smaller than in the report, so the summary stays on one page.
    blocks.extend(radar.map(|p| {
        Block::Picture(Picture {
            width: p.width / 3,
            height: p.height / 3,
            ..p
        })
    }));
    blocks.push(Block::Table(figures));
    blocks.push(Block::Paragraph(board.footer.clone()));
    Document {
        lang: t.lang,
        title: board.title.clone(),
        blocks,
        compact: true,
    }
}

/// The workbook: a summary, the answers, the theme results against the comparison, and the
/// plan as a tracker, with a radar of the theme levels.
pub fn book(t: &Text, i: &Facts) -> Book {
    let f = &i.framework;
    let mut summary_rows: Vec<Vec<Cell>> = vec![
        vec![
            Cell::text(t.office_item_framework),
            Cell::text(format!("{} ({})", f.title, f.version)),
        ],
        vec![
            Cell::text(t.office_item_organisation),
            Cell::text(&i.assessment.organisation),
        ],
        vec![
            Cell::text(t.office_item_date),
            Cell::date(Some(&i.assessment.created)),
        ],
        vec![
            Cell::text(t.office_item_overall),
            i.scores
                .overall
                .map_or(Cell::Empty, |l| Cell::Number(round1(l))),
        ],
        vec![
            Cell::text(t.office_method_heading),
            Cell::text(t.method(f, &i.assessment, &i.scores)),
        ],
    ];
    if !i.assessment.role.is_empty() {
        summary_rows.insert(
            2,
            vec![
                Cell::text(t.office_item_role),
                Cell::text(&i.assessment.role),
            ],
        );
    }
    if let Some(b) = &i.benchmark {
        let name = if b.illustrative {
            fill(t.export_illustrative, &[("benchmark", &b.title)])
        } else {
            b.title.clone()
        };
        summary_rows.push(vec![Cell::text(t.office_item_comparison), Cell::text(name)]);
        summary_rows.push(vec![
            Cell::text(t.office_item_source),
            Cell::text(&b.source),
        ]);
    }
    summary_rows.push(vec![
        Cell::text(t.office_item_version),
        Cell::text(crate::APP_VERSION),
    ]);
    let summary = Sheet {
        name: sheet_name(t.summary_heading),
        header: vec![t.office_item.to_string(), t.office_value.to_string()],
        rows: summary_rows,
        widths: vec![28.0, 90.0],
    };

    let answers = Sheet {
        name: sheet_name(t.office_sheet_answers),
        header: t.answer_headers().map(String::from).to_vec(),
        rows: answers(t, i)
            .into_iter()
            .map(|[theme, q, n, name, s, note]| {
                vec![
                    Cell::text(theme),
                    Cell::text(q),
                    n.parse::<i64>().map_or(Cell::Empty, Cell::Whole),
                    Cell::text(name),
                    Cell::text(s),
                    Cell::text(note),
                ]
            })
            .collect(),
        widths: vec![26.0, 36.0, 8.0, 14.0, 60.0, 40.0],
    };

    let mut header = vec![t.table_theme.to_string(), t.table_level.to_string()];
    if let Some(b) = &i.benchmark {
        header.push(t.benchmark_series_name(b));
    }
    if let Some(date) = &i.previous {
        header.push(fill(t.table_previous, &[("date", &t.long_date(date))]));
        header.push(t.table_change.to_string());
    }
    let number = |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::Number(round1(v)));
    let rows: Vec<Vec<Cell>> = i
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![Cell::text(&r.title), number(r.level)];
            if i.benchmark.is_some() {
                row.push(number(r.benchmark.median()));
            }
            if i.previous.is_some() {
                row.push(number(r.previous));
                row.push(r.change().map_or(Cell::Empty, |c| Cell::Change(round1(c))));
            }
            row
        })
        .collect();
    // The radar draws a line only where it has a figure for every theme, as on screen: a radar
    // shows a missing figure as if it were low.
    let complete = |col: usize| {
        rows.iter()
            .all(|r| matches!(r.get(col), Some(Cell::Number(_))))
    };
    let mut value_columns: Vec<usize> = vec![1];
    if i.benchmark.is_some() {
        value_columns.push(2);
    }
    value_columns.retain(|c| complete(*c));
    let themes = Sheet {
        name: sheet_name(t.themes_heading),
        rows,
        widths: vec![36.0, 10.0, 16.0, 16.0, 10.0],
        header,
    };

    Book {
        lang: t.lang,
        title: title(i),
        summary,
        plan: tracker(t, i),
        chart: (!value_columns.is_empty()).then(|| ChartSpec {
            sheet: 1,
            title: t.radar_title.to_string(),
            value_columns,
        }),
        sheets: vec![answers, themes],
    }
}

/// The plan as a tracker: for a council the actions taken on (or the roadmap's steps, ready to
/// take on), for a learner the development plan, with a status, owner, due date and colour.
fn tracker(t: &Text, i: &Facts) -> Option<Tracker> {
    let f = &i.framework;
    let items = match plan(i) {
        Plan::Learner(items) | Plan::Shared(items) => items,
        // The actions taken on, then the roadmap's other steps, ready to take on.
        Plan::Council(plan) => plan.actions.into_iter().chain(plan.proposals).collect(),
    };
    if items.is_empty() {
        return None;
    }
    let rows = items
        .iter()
        .map(|item| {
            let mut row: Vec<Cell> = start(t, f, item).into_iter().map(Cell::text).collect();
            row.extend([
                Cell::text(&item.step.owner),
                Cell::date(item.step.due.as_deref()),
                Cell::text(t.status_name(item.step.status)),
                Cell::text(t.rag_name(rag(&item.step, &i.today))),
                Cell::text(&item.step.note),
            ]);
            row
        })
        .collect();
    Some(Tracker {
        sheet: Sheet {
            name: sheet_name(t.office_sheet_plan),
            header: t.council_plan_headers().map(String::from).to_vec(),
            rows,
            widths: vec![22.0, 30.0, 14.0, 14.0, 50.0, 18.0, 14.0, 14.0, 10.0, 30.0],
        },
        action_column: 4,
        status_column: 7,
        due_column: 6,
        colour_column: 8,
        statuses: Status::ALL
            .iter()
            .map(|s| t.status_name(*s).to_string())
            .collect(),
        done: t.status_name(Status::Done).to_string(),
        blocked: t.status_name(Status::Blocked).to_string(),
        colours: [t.rag_red, t.rag_amber, t.rag_green].map(String::from),
        undated: t.rag_none.to_string(),
        amber_days: AMBER_DAYS,
    })
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect::<String>()
        .trim_matches('\'')
        .to_string()
}
