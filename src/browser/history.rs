//! The page's address and history, for screens as hash routes. Used only where the widget owns
//! the page (its own page, or an iframe) or the host has asked for it: a council's address bar
//! and Back button are otherwise left alone.

use wasm_bindgen::JsValue;

/// The page's URL fragment, with its `#` (empty when there is none).
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Adds a history entry with a new fragment, so Back returns to the current one.
pub fn push(hash: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

/// Changes the fragment without a new history entry (after a redirect, or to drop a share
/// link once it has been saved).
pub fn replace(hash: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}
