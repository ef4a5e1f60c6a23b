//! When the WebAssembly panics it stops for good, taking every widget on the page with it. This
//! hook makes that visible: it saves any answer still waiting to be written, then puts a plain
//! message in each widget, in the widget's language, instead of leaving a frozen screen.

use std::cell::RefCell;

thread_local! {
    /// Each mounted widget's root and the message to show there if the app stops.
    static ROOTS: RefCell<Vec<(web_sys::HtmlElement, String)>> = const { RefCell::new(Vec::new()) };
    /// A save waiting for its moment (notes are saved a moment after typing stops):
    /// storage, key and value.
    static PENDING: RefCell<Option<(web_sys::Storage, String, String)>> = const { RefCell::new(None) };
}

/// Installs the hook once per page.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            flush_pending();
            show_messages();
        }));
    });
}

/// Registers a widget root, or updates its message (after a language change).
pub fn register(root: &web_sys::HtmlElement, message: &str) {
    ROOTS.with(|r| {
        let Ok(mut roots) = r.try_borrow_mut() else {
            return;
        };
        match roots.iter_mut().find(|(el, _)| el == root) {
            Some(entry) => entry.1 = message.to_string(),
            None => roots.push((root.clone(), message.to_string())),
        }
    });
}

/// Records the save to make if the app stops before the timer makes it.
pub fn set_pending(pending: Option<(web_sys::Storage, String, String)>) {
    PENDING.with(|p| {
        if let Ok(mut slot) = p.try_borrow_mut() {
            *slot = pending;
        }
    });
}

fn flush_pending() {
    PENDING.with(|p| {
        if let Ok(mut slot) = p.try_borrow_mut() {
            if let Some((storage, key, value)) = slot.take() {
                let _ = storage.set_item(&key, &value);
            }
        }
    });
}

fn show_messages() {
    ROOTS.with(|r| {
        let Ok(roots) = r.try_borrow() else { return };
        for (root, message) in roots.iter() {
            let Some(document) = root.owner_document() else {
                continue;
            };
            let Ok(p) = document.create_element("p") else {
                continue;
            };
            let _ = p.set_attribute("class", "cmm-body cmm-stopped");
            let _ = p.set_attribute("role", "alert");
            p.set_text_content(Some(message));
            root.set_text_content(None);
            let _ = root.append_child(&p);
        }
    });
}
