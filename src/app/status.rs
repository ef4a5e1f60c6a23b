//! Save status and notices about saved data. The status line is a polite live region: it is
//! announced when it changes, and saving the same way again does not change it.

use leptos::prelude::*;

use super::state::{AppState, Notice, SaveStatus};
use crate::domain::config::ConfigProblem;
use crate::text::{fill, EN};

#[component]
pub fn StatusArea() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let needs_backup = move || {
        matches!(
            state.save_status.get(),
            SaveStatus::InMemoryOnly | SaveStatus::Full | SaveStatus::Failed(_)
        )
    };
    let notice = move || {
        state.notice.get().map(|n| match n {
            Notice::Unreadable { why, raw } => {
                let raw = StoredValue::new(raw);
                view! {
                    <div class="cmm-notice cmm-notice--warning" role="alert">
                        <h2 class="cmm-notice__title">{t.unreadable_title}</h2>
                        <p class="cmm-body">{fill(t.unreadable_body, &[("why", &why)])}</p>
                        <div class="cmm-button-group">
                            <button type="button" class="cmm-button cmm-button--secondary"
                                on:click=move |_| state.download_unreadable(&raw.get_value())>
                                {t.download_unreadable}
                            </button>
                            <button type="button" class="cmm-link" on:click=move |_| state.notice.set(None)>
                                {t.dismiss}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Notice::OtherTab => view! {
                <div class="cmm-notice" role="status">
                    <p class="cmm-body">{t.other_tab}</p>
                    <button type="button" class="cmm-link" on:click=move |_| state.notice.set(None)>
                        {t.dismiss}
                    </button>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        {notice}
        <div class="cmm-save-status" class:cmm-save-status--problem=needs_backup>
            <p class="cmm-save-status__text" role="status" aria-live="polite">
                {move || match state.save_status.get() {
                    SaveStatus::Idle => String::new(),
                    SaveStatus::Saved => t.saved.to_string(),
                    SaveStatus::InMemoryOnly => t.memory_only.to_string(),
                    SaveStatus::Full => t.storage_full.to_string(),
                    SaveStatus::Failed(why) => fill(t.save_failed, &[("why", &why)]),
                }}
            </p>
            {move || needs_backup().then(|| view! {
                <button type="button" class="cmm-button cmm-button--secondary"
                    on:click=move |_| state.download_backup()>
                    {t.download_backup}
                </button>
            })}
        </div>
    }
}

/// Settings problems that fall back to defaults, listed in a warning notice: shown inside the
/// widget and on the snippet page alike.
#[component]
pub fn SettingsNotice(title: &'static str, problems: Vec<ConfigProblem>) -> impl IntoView {
    let text = &EN;
    (!problems.is_empty()).then(|| view! {
        <div class="cmm-notice cmm-notice--warning" role="status">
            <h2 class="cmm-notice__title">{title}</h2>
            <ul class="cmm-list cmm-list--bullet">
                {problems.iter().map(|p| view! { <li>{text.config_problem(p)}</li> }).collect::<Vec<_>>()}
            </ul>
        </div>
    })
}
