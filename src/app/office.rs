//! The Word and Excel downloads. Each writer is a split module of its own (`office_docx`,
//! `office_xlsx`) that also builds the file's words from the results' facts: only someone who
//! asks for a file downloads the code that makes it, and the results screen carries none of it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::lazy::LoadFailed;
use crate::app::downloads::say_if_failed;
use crate::app::state::App;
use crate::browser::download;
use crate::browser::echarts::{export_image, ImageKind};
use crate::charts::{export_option, EXPORT_SIZE};
use crate::domain::board::BoardText;
use crate::office::report::{board_document, book, document, figures, BoardPlan, Charts, Facts};
use crate::office::{docx, xlsx, Picture};
use crate::text::Text;

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A chart drawn by the chart library, as the PNG data URL it gives, with its text alternative.
pub struct ChartImage {
    pub url: String,
    pub alt: String,
}

fn picture(image: Option<ChartImage>) -> Option<Picture> {
    let (w, h) = EXPORT_SIZE;
    image.and_then(|i| Picture::from_data_url(&i.url, w, h, i.alt))
}

/// What a Word download holds.
pub enum Word {
    Report {
        radar: Option<ChartImage>,
        bars: Option<ChartImage>,
        left_off: Vec<String>,
    },
    Board {
        text: Box<BoardText>,
        plan: Option<BoardPlan>,
        radar: Option<ChartImage>,
    },
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(office_docx, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn write_docx(
    t: &'static Text,
    facts: Facts,
    word: Word,
    now: String,
) -> Result<Result<Vec<u8>, String>, LoadFailed> {
    let doc = match word {
        Word::Report {
            radar,
            bars,
            left_off,
        } => document(
            t,
            &facts,
            Charts {
                radar: picture(radar),
                bars: picture(bars),
                left_off,
            },
        ),
        Word::Board { text, plan, radar } => {
            board_document(t, &text, plan, picture(radar), figures(t, &facts))
        }
    };
    Ok(docx::write(&doc, &now))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(office_xlsx, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn write_xlsx(t: &'static Text, facts: Facts) -> Result<Result<Vec<u8>, String>, LoadFailed> {
    Ok(xlsx::write(&book(t, &facts)))
}

/// A chart drawn off-screen as a PNG, with its text alternative; none if it cannot be drawn
/// (the document then goes without it: its figures table has every number).
pub async fn chart_image(chart: &charming::Chart, alt: String) -> Option<ChartImage> {
    let (w, h) = EXPORT_SIZE;
    let url = export_image(&export_option(chart, &[]), ImageKind::Png, w, h)
        .await
        .ok()?;
    Some(ChartImage { url, alt })
}

/// Which file a button makes.
pub enum Office {
    Word(Word),
    Excel,
}

/// Builds and writes the file in its split module and offers it; `busy` is true meanwhile, and
/// a failure (the module could not load, or the writer refused) is said in words.
pub fn offer(app: App, name: String, facts: Facts, file: Office, busy: RwSignal<bool>) {
    let t = app.t();
    spawn_local(async move {
        let (written, mime) = match file {
            Office::Word(word) => {
                #[cfg(feature = "split")]
                let w = write_docx(t, facts, word, crate::browser::now_iso()).await;
                #[cfg(not(feature = "split"))]
                let w = write_docx(t, facts, word, crate::browser::now_iso());
                (w, DOCX)
            }
            Office::Excel => {
                #[cfg(feature = "split")]
                let w = write_xlsx(t, facts).await;
                #[cfg(not(feature = "split"))]
                let w = write_xlsx(t, facts);
                (w, XLSX)
            }
        };
        let result = match written {
            Ok(Ok(bytes)) => download::bytes_file(&name, mime, &bytes),
            // The writer's own words are English and technical: say it plainly instead.
            Ok(Err(_)) => Err(t.office_write_failed.to_string()),
            Err(LoadFailed) => Err(t.office_load_failed.to_string()),
        };
        busy.set(false);
        say_if_failed(app, result);
    });
}
