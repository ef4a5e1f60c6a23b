//! Offering a file to the user as a download, made in the browser (nothing is uploaded).

use wasm_bindgen::{JsCast, JsValue};

/// Offers a `data:` URL (such as a PNG from a chart) as a download.
pub fn data_url(filename: &str, url: &str) -> Result<(), String> {
    click_link(filename, url)
}

fn click_link(filename: &str, url: &str) -> Result<(), String> {
    let fail = |what: &str| what.to_string();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    a.set_href(url);
    a.set_download(filename);
    a.set_hidden(true);
    document
        .body()
        .ok_or_else(|| fail("no body"))?
        .append_child(&a)
        .map_err(|_| fail("append"))?;
    a.click();
    a.remove();
    Ok(())
}

pub fn text_file(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &blob_type(mime))
        .map_err(|_| "blob".to_string())?;
    offer_blob(filename, &blob)
}

/// Offers bytes (such as a PNG with its text chunk) as a download.
pub fn bytes_file(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &blob_type(mime))
        .map_err(|_| "blob".to_string())?;
    offer_blob(filename, &blob)
}

fn blob_type(mime: &str) -> web_sys::BlobPropertyBag {
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    bag
}

fn offer_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "url".to_string())?;
    click_link(filename, &url)?;
    // Revoking at once can cancel the download in some browsers; give it a moment.
    super::after(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}
