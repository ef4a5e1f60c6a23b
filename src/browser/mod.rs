//! Browser concerns behind small interfaces: fetching data files, local storage, ECharts.

pub mod download;
pub mod echarts;
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
