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
    let fail = |what: &str| what.to_string();
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    click_link(filename, &url)?;
    // Revoking at once can cancel the download in some browsers; give it a moment.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}

/// Offers bytes (such as a PNG with its text chunk) as a download.
pub fn bytes_file(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
        .map_err(|_| "blob".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "url".to_string())?;
    click_link(filename, &url)?;
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}
