//! Reading files the user picks or drops; they never leave the browser.

use wasm_bindgen_futures::JsFuture;

use crate::text::{fill, Text};

/// Largest file read at all; the import parser has its own, smaller limit for its message.
const MAX_READ_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    TooLarge { megabytes: u64 },
    Unreadable,
}

pub async fn read_text(file: &web_sys::File) -> Result<String, FileError> {
    if file.size() > MAX_READ_BYTES {
        return Err(FileError::TooLarge {
            megabytes: (file.size() / 1024.0 / 1024.0).round() as u64,
        });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| FileError::Unreadable)?;
    text.as_string().ok_or(FileError::Unreadable)
}

/// Why a file could not be read, in words.
pub fn describe(t: &Text, e: &FileError) -> String {
    match e {
        FileError::TooLarge { megabytes } => fill(t.file_too_large, &[("mb", megabytes)]),
        FileError::Unreadable => t.file_unreadable_error.to_string(),
    }
}

/// The files in a file list (from an input or a drop), in order.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.item(i)).collect()
}
