//! Moving focus to an element by id inside the widget, which may sit in a shadow root (script
//! mode) where `getElementById` on the document cannot reach it.

use wasm_bindgen::JsCast;

/// Focuses the element with this id, if it is in the page or in one of our widgets' shadow
/// roots. `keep_scroll` leaves the page where it is (the element is already in view).
pub fn focus_by_id(id: &str, keep_scroll: bool) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let found = document.get_element_by_id(id).or_else(|| {
        let hosts = document.query_selector_all("[data-cmm-widget]").ok()?;
        (0..hosts.length())
            .filter_map(|i| hosts.item(i))
            .filter_map(|h| h.dyn_into::<web_sys::Element>().ok())
            .filter_map(|h| h.shadow_root())
            .find_map(|root| root.get_element_by_id(id))
    });
    let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    if keep_scroll {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        el.focus_with_options(&options).is_ok()
    } else {
        el.focus().is_ok()
    }
}

/// Focuses the element with this id once the screen has been redrawn: for a control that a
/// change rebuilds, so focus stays on it rather than falling to the page body.
pub fn focus_by_id_after_redraw(id: String, keep_scroll: bool) {
    super::after(0, move || {
        focus_by_id(&id, keep_scroll);
    });
}

/// Whether focus leaving an element (a `focusout`) moves to another element inside `within`,
/// so a group of fields can act when focus leaves the group, not each field.
pub fn stays_within(ev: &web_sys::FocusEvent, within: &web_sys::Element) -> bool {
    ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|next| within.contains(Some(&next)))
}
