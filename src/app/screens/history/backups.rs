//! Every backup of unreadable saved data kept in this browser, each to download or delete: the
//! one place to get back data this version could not open.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use crate::app::downloads::{file_name, offer_text};
use crate::app::state::use_app;
use crate::domain::backups::MAX_BACKUPS;
use crate::text::fill;

#[component]
pub fn BackupsSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    // Re-read after a delete.
    let version = RwSignal::new(0u32);
    let list = move || {
        version.track();
        app.saved.with_store(|s| s.backups())
    };
    let confirming = RwSignal::new(None::<String>);
    view! {
        <section class="cmm-backups" aria-labelledby="cmm-backups-heading">
            <Heading depth=2 class="cmm-heading-m" id="cmm-backups-heading">{t.backups_heading}</Heading>
            {move || {
                let list = list();
                if list.is_empty() {
                    return view! { <p class="cmm-body">{t.backups_none}</p> }.into_any();
                }
                let full = list.len() >= MAX_BACKUPS;
                let items = list
                    .into_iter()
                    .map(|(backup, raw)| {
                        let kept = backup.kept.as_deref().map(|d| t.long_date(d)).unwrap_or_else(|| t.backup_undated.to_string());
                        let label = fill(t.backup_item, &[("date", &kept), ("kb", &backup.bytes.div_ceil(1024))]);
                        let key = backup.key.clone();
                        let key_delete = backup.key.clone();
                        let key_confirm = backup.key.clone();
                        let raw = StoredValue::new(raw);
                        let date = backup.kept.clone().unwrap_or_default();
                        view! {
                            <li class="cmm-backups__item">
                                <span>{label.clone()}</span>
                                <div class="cmm-button-group cmm-button-group--tight">
                                    {(!app.limits.get().no_downloads).then(|| view! {
                                        <button type="button" class="cmm-button cmm-button--secondary" on:click=move |_| {
                                            let name = file_name(app, t.file_unreadable, &date, "txt");
                                            offer_text(app, &name, "text/plain", &raw.get_value());
                                        }>
                                            {t.download_one}<span class="cmm-visually-hidden">{fill(t.for_item, &[("name", &label)])}</span>
                                        </button>
                                    })}
                                    {move || if confirming.get().as_deref() == Some(key.as_str()) {
                                        let key = key_delete.clone();
                                        view! {
                                            <button type="button" class="cmm-button cmm-button--warning" on:click=move |_| {
                                                app.saved.with_store(|s| s.delete_backup(&key));
                                                confirming.set(None);
                                                version.update(|v| *v += 1);
                                            }>{t.backup_delete_yes}</button>
                                            <button type="button" class="cmm-link" on:click=move |_| confirming.set(None)>{t.cancel}</button>
                                        }.into_any()
                                    } else {
                                        let key = key_confirm.clone();
                                        view! {
                                            <button type="button" class="cmm-link cmm-link--danger" on:click=move |_| confirming.set(Some(key.clone()))>
                                                {t.delete}
                                            </button>
                                        }.into_any()
                                    }}
                                </div>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="cmm-body">{t.backups_intro}</p>
                    {full.then(|| view! { <p class="cmm-body cmm-inset cmm-inset--warning">{fill(t.backups_full, &[("max", &MAX_BACKUPS)])}</p> })}
                    <ul class="cmm-list cmm-backups__list">{items}</ul>
                }
                .into_any()
            }}
        </section>
    }
}
