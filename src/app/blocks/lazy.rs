//! A screen whose code is loaded when first shown (a split WebAssembly module in a release
//! build). While it loads the user sees that it is loading; if the module cannot be fetched
//! (a dropped connection, a release changed under an open page) the user sees why and can try
//! again, and the rest of the tool keeps working.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::{Notice, Tone};
use crate::app::state::use_app;

/// A split module could not be loaded.
#[derive(Debug, Clone, Copy)]
pub struct LoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Builds a screen. It lives in the split module, so it can be called only once that module
/// has loaded; loading hands it back.
pub type Build = fn() -> AnyView;

/// Loads the module a screen lives in and returns the screen's builder.
pub type Load = fn() -> Pin<Box<dyn Future<Output = Result<Build, LoadFailed>>>>;

#[component]
pub fn Lazy(load: Load) -> impl IntoView {
    let t = use_app().t();
    let attempt = RwSignal::new(0u32);
    let module = LocalResource::new(move || {
        attempt.track();
        load()
    });
    move || {
        match module.get() {
        None => view! { <p class="cmm-body cmm-loading" role="status">{t.loading_part}</p> }.into_any(),
        Some(Ok(build)) => build(),
        Some(Err(LoadFailed)) => view! {
            <Notice title=t.part_failed_title tone=Tone::Warning>
                <p class="cmm-body">{t.part_failed}</p>
                <button type="button" class="cmm-button" on:click=move |_| attempt.update(|n| *n += 1)>
                    {t.try_again}
                </button>
            </Notice>
        }
        .into_any(),
    }
    }
}
