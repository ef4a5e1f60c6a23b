//! The offline copy's news, passed by embed.js (which runs the worker) on the widget's root:
//! `data-cmm-update="ready"` and a `cmm-update` event when a new release is waiting; the app
//! answers with `cmm-update-apply` when the visitor chooses to reload into it.

use wasm_bindgen::{closure::Closure, JsCast};

const READY: &str = "data-cmm-update";

/// Calls `ready` once a new release is waiting (at once if it already is). Lives as long as
/// the page; in script mode nothing ever arrives.
pub fn on_update_ready(root: &web_sys::HtmlElement, ready: impl Fn() + 'static) {
    if root.get_attribute(READY).as_deref() == Some("ready") {
        ready();
    }
    let listener = Closure::<dyn Fn()>::new(ready);
    if root
        .add_event_listener_with_callback("cmm-update", listener.as_ref().unchecked_ref())
        .is_ok()
    {
        listener.forget();
    }
}

/// Asks embed.js to let the new release take over and reload the page.
pub fn apply_update(root: &web_sys::HtmlElement) {
    if let Ok(event) = web_sys::Event::new("cmm-update-apply") {
        let _ = root.dispatch_event(&event);
    }
}
