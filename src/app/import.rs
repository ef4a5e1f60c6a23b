//! Importing assessments from a file (picked or dropped): read, validated and previewed, then
//! merged only when the user confirms. Text from the file is only ever shown as text.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{AppState, ImportState};
use crate::browser::files;
use crate::domain::dates::long_date;
use crate::domain::exchange::{classify, describe, Incoming};
use crate::text::fill;

fn read_first(state: AppState, list: Vec<web_sys::File>) {
    let Some(file) = list.into_iter().next() else {
        return;
    };
    spawn_local(async move {
        let name = file.name();
        match files::read_text(&file).await {
            Ok(text) => state.preview_import(name, &text),
            Err(message) => state.import.set(Some(ImportState::Failed {
                file_name: name,
                message,
            })),
        }
    });
}

#[component]
pub fn ImportSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let failed = move || match state.import.get() {
        Some(ImportState::Failed { file_name, message }) => Some(fill(
            t.import_failed,
            &[("file", &file_name), ("message", &message)],
        )),
        _ => None,
    };
    let summary_ref = NodeRef::<leptos::html::Div>::new();
    // Move focus to the error summary so it is read out, as the GOV.UK pattern does.
    Effect::new(move |_| {
        if failed().is_some() {
            if let Some(el) = summary_ref.get() {
                let _ = el.focus();
            }
        }
    });
    let preview = move || match state.import.get() {
        Some(ImportState::Preview {
            file_name,
            assessments,
        }) => {
            let rows = state.data.with(|d| {
                assessments
                    .iter()
                    .map(|a| {
                        let status = match classify(d, a) {
                            Incoming::New => t.import_new,
                            Incoming::AlreadyHere => t.import_already,
                            Incoming::Copy => t.import_copy,
                        };
                        view! {
                            <li>
                                <strong>{state.display_name(a)}</strong>
                                {format!(" ({})", long_date(&a.created))}
                                <span class="cmm-import__status">{status}</span>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            });
            Some(view! {
                <div class="cmm-notice" role="status">
                    <p class="cmm-body">{fill(t.import_preview, &[("file", &file_name), ("summary", &describe(&assessments))])}</p>
                    <ul class="cmm-list cmm-list--bullet">{rows}</ul>
                    <div class="cmm-button-group">
                        <button type="button" class="cmm-button" on:click=move |_| state.confirm_import()>{t.import_confirm}</button>
                        <button type="button" class="cmm-link" on:click=move |_| state.cancel_import()>{t.cancel}</button>
                    </div>
                </div>
            })
        }
        _ => None,
    };
    let done = move || match state.import.get() {
        Some(ImportState::Done(r)) => Some(view! {
            <div class="cmm-notice" role="status">
                <p class="cmm-body">{fill(t.import_done, &[("added", &r.added), ("copies", &r.copies), ("already", &r.already_here)])}</p>
            </div>
        }),
        _ => None,
    };
    view! {
        <section class="cmm-import" aria-labelledby="cmm-import-heading">
            <h2 class="cmm-heading-m" id="cmm-import-heading">{t.import_heading}</h2>
            <p class="cmm-body">{t.import_intro}</p>
            {move || failed().map(|message| view! {
                <div class="cmm-error-summary" role="alert" tabindex="-1" node_ref=summary_ref>
                    <h3 class="cmm-error-summary__title">{t.import_problem}</h3>
                    <ul class="cmm-list cmm-error-summary__list">
                        <li><a href="#cmm-import-file" class="cmm-error-summary__link" on:click=move |ev| {
                            ev.prevent_default();
                            if let Some(i) = input.get() { let _ = i.focus(); }
                        }>{message}</a></li>
                    </ul>
                </div>
            })}
            {preview}
            {done}
            <div class="cmm-form-group cmm-dropzone" class:cmm-dropzone--active=move || dragging.get()
                class:cmm-form-group--error=move || failed().is_some()
                on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    read_first(state, files::list(ev.data_transfer().and_then(|d| d.files())));
                }>
                <label class="cmm-label" for="cmm-import-file">{t.import_label}</label>
                <div class="cmm-hint" id="cmm-import-hint">{t.import_hint}</div>
                {move || failed().map(|m| view! { <p class="cmm-error-message" id="cmm-import-error"><span class="cmm-visually-hidden">"Error: "</span>{m}</p> })}
                <input class="cmm-file-upload" type="file" id="cmm-import-file" accept=".json,application/json" node_ref=input
                    aria-describedby=move || if failed().is_some() { "cmm-import-hint cmm-import-error" } else { "cmm-import-hint" }
                    on:change=move |ev| {
                        let target: web_sys::HtmlInputElement = event_target(&ev);
                        read_first(state, files::list(target.files()));
                        target.set_value("");
                    } />
            </div>
        </section>
    }
}
