//! The save status and messages about saved data and this browser's limits. The status line is
//! a polite live region: it is announced when it changes, and saving the same way again does
//! not change it.

use leptos::prelude::*;

use super::blocks::{Notice, Tone};
use super::state::saved::DataNotice;
use super::state::{use_app, SaveStatus};
use crate::app::screens::history::download_backup;
use crate::text::fill;

#[component]
pub fn StatusArea() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let saved = app.saved;
    let needs_backup = move || {
        matches!(
            saved.status(),
            SaveStatus::InMemoryOnly | SaveStatus::Full | SaveStatus::Failed(_)
        )
    };
    let notice = move || {
        saved.notice().map(|n| match n {
            DataNotice::Unreadable { error, kept } => {
                let why = t.load_error(&error);
                let body = if kept {
                    fill(t.unreadable_body, &[("why", &why)])
                } else {
                    fill(t.unreadable_not_kept, &[("why", &why)])
                };
                let newer = matches!(error, crate::domain::saved::LoadError::FutureVersion(_));
                view! {
                    <Notice title=t.unreadable_title tone=Tone::Warning>
                        <p class="cmm-body">{body}</p>
                        {newer.then(|| view! {
                            <p class="cmm-body">{t.newer_reload}</p>
                            <button type="button" class="cmm-button" on:click=move |_| reload()>{t.reload}</button>
                        })}
                        <p class="cmm-body">
                            <a class="cmm-link" href=crate::route::Route::History.to_hash()
                                on:click=move |ev| super::shell::follow(ev, app.nav, crate::route::Route::History)>
                                {t.see_backups}
                            </a>
                        </p>
                        <button type="button" class="cmm-link" on:click=move |_| saved.dismiss_notice()>{t.dismiss}</button>
                    </Notice>
                }
                .into_any()
            }
            DataNotice::OtherTab => view! {
                <Notice>
                    <p class="cmm-body">{t.other_tab}</p>
                    <button type="button" class="cmm-link" on:click=move |_| saved.dismiss_notice()>{t.dismiss}</button>
                </Notice>
            }
            .into_any(),
        })
    };
    let limits = move || {
        let l = app.limits.get();
        let mut lines = Vec::new();
        if l.no_storage_origin {
            lines.push(t.sandbox_storage);
        }
        if l.no_downloads {
            lines.push(t.sandbox_downloads);
        }
        if l.no_print {
            lines.push(t.sandbox_print);
        }
        (!lines.is_empty()).then(|| {
            view! {
                <Notice title=t.sandbox_title tone=Tone::Info>
                    <ul class="cmm-list cmm-list--bullet">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                </Notice>
            }
        })
    };
    view! {
        {limits}
        {notice}
        {move || app.alert.get().map(|message| view! {
            <Notice tone=Tone::Warning>
                <p class="cmm-body">{message}</p>
                <button type="button" class="cmm-link" on:click=move |_| app.alert.set(None)>{t.dismiss}</button>
            </Notice>
        })}
        <div class="cmm-save-status" class:cmm-save-status--problem=needs_backup>
            <p class="cmm-save-status__text" role="status" aria-live="polite">
                {move || match saved.status() {
                    SaveStatus::Idle => String::new(),
                    SaveStatus::Saved => t.saved.to_string(),
                    SaveStatus::InMemoryOnly => t.memory_only.to_string(),
                    SaveStatus::Full => t.storage_full.to_string(),
                    SaveStatus::Stopped => t.stopped_writing.to_string(),
                    SaveStatus::Failed(why) => fill(t.save_failed, &[("why", &why)]),
                }}
            </p>
            {move || (needs_backup() && !app.limits.get().no_downloads).then(|| view! {
                <button type="button" class="cmm-button cmm-button--secondary"
                    on:click=move |_| download_backup(app)>
                    {t.download_backup}
                </button>
            })}
            {move || (saved.status() == SaveStatus::Stopped).then(|| view! {
                <button type="button" class="cmm-button" on:click=move |_| reload()>{t.reload}</button>
            })}
        </div>
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
