//! When the WebAssembly panics it stops for good, taking every widget on the page with it. This
//! hook makes that visible: it saves any note still waiting to be written (by the same rule as
//! every other save: only over what this tab last saw, or merged with what another tab wrote,
//! and never over data this build cannot read), then puts a plain message in each widget, in
//! the widget's language, instead of leaving a frozen screen.

use std::cell::RefCell;

use crate::domain::saved::{write_over, Changes, SavedData};
use crate::text::Boot;

/// A save waiting for its moment (notes are saved a moment after typing stops): where, what
/// this tab last saw there, and its data and changes, to lay over whatever storage holds.
pub struct Pending {
    pub storage: web_sys::Storage,
    pub key: String,
    pub seen: Option<String>,
    pub data: SavedData,
    pub changes: Changes,
}

thread_local! {
    /// Each mounted widget's root and the messages to show there if the app stops.
    static ROOTS: RefCell<Vec<(web_sys::HtmlElement, String, String)>> = const { RefCell::new(Vec::new()) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// Installs the hook once per page.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            let saved = flush_pending();
            show_messages(saved);
        }));
    });
}

/// Registers a widget root, or updates its messages (after a language change).
pub fn register(root: &web_sys::HtmlElement, words: &Boot) {
    ROOTS.with(|r| {
        let Ok(mut roots) = r.try_borrow_mut() else {
            return;
        };
        let entry = (
            root.clone(),
            words.stopped.clone(),
            words.stopped_unsaved.clone(),
        );
        match roots.iter_mut().find(|(el, ..)| el == root) {
            Some(slot) => *slot = entry,
            None => roots.push(entry),
        }
    });
}

/// Records the save to make if the app stops before the timer makes it.
pub fn set_pending(pending: Option<Pending>) {
    PENDING.with(|p| {
        if let Ok(mut slot) = p.try_borrow_mut() {
            *slot = pending;
        }
    });
}

/// Writes the waiting save if it can be written safely. False when there was one and it
/// could not be (storage changed to something this build cannot read, or refused the write).
fn flush_pending() -> bool {
    PENDING.with(|p| {
        let Ok(mut slot) = p.try_borrow_mut() else {
            return true;
        };
        let Some(pending) = slot.take() else {
            return true;
        };
        let now = pending.storage.get_item(&pending.key).ok().flatten();
        let json = if now == pending.seen {
            Some(pending.data.to_json())
        } else {
            write_over(now.as_deref(), &pending.data, &pending.changes)
                .ok()
                .map(|merged| merged.to_json())
        };
        match json {
            Some(json) => pending.storage.set_item(&pending.key, &json).is_ok(),
            None => false,
        }
    })
}

fn show_messages(saved: bool) {
    ROOTS.with(|r| {
        let Ok(roots) = r.try_borrow() else { return };
        for (root, stopped, unsaved) in roots.iter() {
            let Some(document) = root.owner_document() else {
                continue;
            };
            let Ok(p) = document.create_element("p") else {
                continue;
            };
            let _ = p.set_attribute("class", "cmm-body cmm-stopped");
            let _ = p.set_attribute("role", "alert");
            p.set_text_content(Some(if saved { stopped } else { unsaved }));
            root.set_text_content(None);
            let _ = root.append_child(&p);
        }
    });
}
