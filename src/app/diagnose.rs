//! Finding where a broken file goes wrong takes a second, slower reading with path tracking.
//! Its code is a split module: only a page that meets a broken file downloads it.

use crate::app::blocks::lazy::LoadFailed;
use crate::domain::{Framework, Problems};
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Framework,
    Text,
    Resources,
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(diagnose, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn locate_in(kind: Document, json: String) -> Result<Problems, LoadFailed> {
    Ok(match kind {
        Document::Framework => Framework::diagnose(&json),
        Document::Text => Text::diagnose(&json),
        Document::Resources => crate::domain::resources::ResourcesFile::diagnose(&json),
    })
}

/// The problems of a file that could not be read, with their place in it where that can be
/// found (and as they were when it cannot).
pub async fn located(kind: Document, json: String, problems: Problems) -> Problems {
    if !problems.is_unreadable() {
        return problems;
    }
    #[cfg(feature = "split")]
    let found = locate_in(kind, json).await;
    #[cfg(not(feature = "split"))]
    let found = locate_in(kind, json);
    match found {
        Ok(p) if !p.0.is_empty() => p,
        _ => problems,
    }
}
