//! Browser concerns behind small interfaces: fetching files, storage, the address and history,
//! downloads, ECharts, embedding and the panic message. Components call these; the domain never
//! does.

pub mod download;
pub mod echarts;
pub mod embed;
pub mod fetch;
pub mod files;
pub mod focus;
pub mod history;
pub mod offline;
pub mod panic;
pub mod storage;

/// The current time as ISO 8601, for assessment timestamps.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today's date where the user is (YYYY-MM-DD), for what is due or late: a council's midnight,
/// not Greenwich's.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
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

/// This page's address with a new fragment, for share links.
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

/// Scroll position of the page, to keep the reader's place across a language change.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

pub fn scroll_to_y(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Runs `f` after `ms` milliseconds, once.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
}

/// Resolves after the browser has had a turn (drawn, handled input): a long job awaits it
/// between pieces so the page never stops answering.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub fn cancel(handle: i32) {
    if let Some(w) = web_sys::window() {
        w.clear_timeout_with_handle(handle);
    }
}
