//! Fetching the framework and benchmark files that sit beside the app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches a text file, with an error message fit to show a user.
pub async fn text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("could not reach {url}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "unexpected fetch result")?;
    if !response.ok() {
        return Err(format!(
            "{url} answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable response")?)
        .await
        .map_err(|_| format!("could not read {url}"))?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}
