//! Browser concerns behind small interfaces: fetching data files, local storage, ECharts.

pub mod download;
pub mod echarts;
pub mod embed;
pub mod fetch;
pub mod files;
pub mod storage;

/// The current time as ISO 8601, for assessment timestamps.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A random id for a new assessment; unique enough for one person's browser.
pub fn new_id() -> String {
    let a = (js_sys::Math::random() * 1e16) as u64;
    let b = js_sys::Date::now() as u64;
    format!("a{b:x}{a:x}")
}

pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Asks the browser to keep this site's storage under pressure; the answer does not change
/// anything we do, so it is not awaited.
pub fn request_persistent_storage() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}

/// The page's URL fragment (after `#`), where share links carry their data.
pub fn location_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    (!hash.is_empty()).then(|| hash.trim_start_matches('#').to_string())
}

/// This page's address with a new fragment; the host page's own URL is never changed.
pub fn url_with_fragment(fragment: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
