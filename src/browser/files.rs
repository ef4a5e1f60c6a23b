//! Reading files the user picks or drops; they never leave the browser.

use wasm_bindgen_futures::JsFuture;

/// Largest file read at all; the import parser has its own, smaller limit for its message.
const MAX_READ_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    if file.size() > MAX_READ_BYTES {
        return Err(format!(
            "the file is too large to read ({} MB)",
            (file.size() / 1024.0 / 1024.0).round()
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// The files in a file list (from an input or a drop), in order.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.item(i)).collect()
}
