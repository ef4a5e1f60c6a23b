//! Embedding: reading settings from the page, resolving URLs against where the widget lives,
//! and telling a parent page our height when we run inside an iframe.

use wasm_bindgen::JsCast;

use super::echarts::ResizeWatch;

/// Query parameters of the page, as name/value pairs (iframe settings).
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let entries = js_sys::try_iter(&params).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((k, v));
        }
    }
    out
}

/// An address relative to `base` (the folder the widget was loaded from), made absolute.
pub fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// The origin (scheme, host and port) of an absolute address, as the browser parses it.
pub fn origin_of(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.origin())
        .unwrap_or_default()
}

/// The folder of the current page, used as the base in iframe and standalone modes.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    resolve("./", &href)
}

pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// Sends the content's height to the parent page whenever it changes, for our host script to
/// size the iframe. The message carries only a number, so it may go to any origin.
pub fn report_height(content: &web_sys::Element) -> Option<ResizeWatch> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    let element = content.clone();
    let send = move || {
        let rect = element.get_bounding_client_rect();
        let scroll = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0);
        let height = (rect.bottom() + scroll).ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"cmm:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    send();
    ResizeWatch::new(content, send)
}

/// Sets brand colours as CSS custom properties on the widget's root (through the CSSOM, which a
/// strict Content-Security-Policy allows).
pub fn set_colour(root: &web_sys::HtmlElement, property: &str, value: &str) {
    let _ = root.style().set_property(property, value);
}
