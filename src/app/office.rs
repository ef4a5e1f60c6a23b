//! The Word and Excel downloads. Each writer is a split module of its own (`office_docx`,
//! `office_xlsx`): only someone who asks for the file downloads the code that writes it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::lazy::LoadFailed;
use crate::app::downloads::say_if_failed;
use crate::app::state::App;
use crate::browser::download;
use crate::browser::echarts::{export_image, ImageKind};
use crate::charts::{export_option, EXPORT_SIZE};
use crate::office::{docx, xlsx, Book, Document, Picture};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(office_docx, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn write_docx(doc: Document, now: String) -> Result<Result<Vec<u8>, String>, LoadFailed> {
    Ok(docx::write(&doc, &now))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(office_xlsx, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn write_xlsx(book: Book) -> Result<Result<Vec<u8>, String>, LoadFailed> {
    Ok(xlsx::write(&book))
}

/// A chart drawn off-screen as a PNG, with its text alternative; none if it cannot be drawn
/// (the document then goes without it: its figures table has every number).
pub async fn chart_picture(chart: &charming::Chart, alt: String) -> Option<Picture> {
    let (w, h) = EXPORT_SIZE;
    let url = export_image(&export_option(chart, &[]), ImageKind::Png, w, h)
        .await
        .ok()?;
    Picture::from_data_url(&url, w, h, alt)
}

/// Which file a button makes.
pub enum Office {
    Word(Document),
    Excel(Box<Book>),
}

/// Writes the file in its split module and offers it; `busy` is true meanwhile, and a failure
/// (the module could not load, or the writer refused) is said in words.
pub fn offer(app: App, name: String, file: Office, busy: RwSignal<bool>) {
    spawn_local(async move {
        let (written, mime) = match file {
            Office::Word(doc) => {
                #[cfg(feature = "split")]
                let w = write_docx(doc, crate::browser::now_iso()).await;
                #[cfg(not(feature = "split"))]
                let w = write_docx(doc, crate::browser::now_iso());
                (w, DOCX)
            }
            Office::Excel(book) => {
                #[cfg(feature = "split")]
                let w = write_xlsx(*book).await;
                #[cfg(not(feature = "split"))]
                let w = write_xlsx(*book);
                (w, XLSX)
            }
        };
        let result = match written {
            Ok(Ok(bytes)) => download::bytes_file(&name, mime, &bytes),
            // The writer's own words are English and technical: say it plainly instead.
            Ok(Err(_)) => Err(app.t().office_write_failed.to_string()),
            Err(LoadFailed) => Err(app.t().office_load_failed.to_string()),
        };
        busy.set(false);
        say_if_failed(app, result);
    });
}
