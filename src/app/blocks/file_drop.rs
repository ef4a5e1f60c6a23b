//! Choosing JSON files (many, or one with `single`), by the file picker or by dropping them on
//! the area: the pattern of GOV.UK's file upload, with a drop zone around it and, when `error`
//! has one, its error message. Hands the files to `on_files`; the picker is cleared after each
//! choice so the same file can be chosen again.

use leptos::prelude::*;

use super::ErrorMessage;
use crate::browser::files;

#[component]
pub fn FileDrop(
    /// The input's id (error summaries link to it).
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    on_files: Callback<Vec<web_sys::File>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] single: bool,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="cmm-form-group cmm-dropzone" class:cmm-dropzone--active=move || dragging.get()
            class:cmm-form-group--error=move || error.with(Option::is_some)
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                on_files.run(files::list(ev.data_transfer().and_then(|d| d.files())));
            }>
            <label class="cmm-label" for=id>{label}</label>
            <div class="cmm-hint" id=hint_id>{hint}</div>
            {move || error.get().map(|m| view! { <ErrorMessage id=error_id.clone() message=m /> })}
            <input class="cmm-file-upload" type="file" id=id multiple=!single accept=".json,application/json"
                aria-describedby=described
                on:change=move |ev| {
                    let target: web_sys::HtmlInputElement = event_target(&ev);
                    on_files.run(files::list(target.files()));
                    target.set_value("");
                } />
        </div>
    }
}
