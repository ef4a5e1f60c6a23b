//! "A new version is ready": shown when the offline worker holds a newer release than the one
//! running. The new code takes over only when the visitor chooses to reload (saving first), so
//! nothing changes under them mid-assessment.

use leptos::prelude::*;

use super::blocks::{Notice, Tone};
use super::state::use_app;
use crate::browser::offline;

#[component]
pub fn UpdateNotice(root: web_sys::HtmlElement) -> impl IntoView {
    let app = use_app();
    let ready = RwSignal::new(false);
    offline::on_update_ready(&root, move || ready.set(true));
    move || {
        let t = app.t();
        let root = root.clone();
        ready.get().then(|| {
            view! {
                <Notice title=t.update_ready tone=Tone::Info>
                    <p class="cmm-body">{t.update_ready_body}</p>
                    <button type="button" class="cmm-button" on:click=move |_| {
                        app.saved.flush();
                        offline::apply_update(&root);
                    }>{t.update_reload}</button>
                </Notice>
            }
        })
    }
}
