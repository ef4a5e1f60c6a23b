//! Making a share link for the results: levels only unless the user ticks to include notes.

use crate::app::blocks::Heading;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::use_results;
use crate::app::blocks::Checkbox;
use crate::app::state::use_app;
use crate::browser;
use crate::domain::share;

#[component]
pub fn ShareSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let results = use_results();
    let include_notes = RwSignal::new(false);
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let create = move |_| {
        if let Some(d) = results.get_untracked() {
            let lang = app.catalogue.lang_untracked().code();
            let fragment = share::encode(
                &d.framework,
                &d.assessment,
                include_notes.get_untracked(),
                lang,
            );
            link.set(Some(browser::url_with_fragment(&fragment)));
            copied.set(false);
        }
    };
    let copy = move |_| {
        if let Some(url) = link.get_untracked() {
            spawn_local(async move { copied.set(browser::copy_text(&url).await) });
        }
    };
    view! {
        <section class="cmm-share cmm-no-print" aria-labelledby="cmm-share-heading">
            <Heading depth=3 class="cmm-heading-s" id="cmm-share-heading">{t.share_heading}</Heading>
            <p class="cmm-body">{t.share_intro}</p>
            <Checkbox id="cmm-share-notes" label=t.share_notes hint=t.share_notes_hint
                checked=include_notes
                on_change=Callback::new(move |on| { include_notes.set(on); link.set(None); }) />
            <div class="cmm-button-group">
                <button type="button" class="cmm-button cmm-button--secondary" on:click=create>{t.share_create}</button>
            </div>
            {move || link.get().map(|url| view! {
                <div class="cmm-form-group">
                    <label class="cmm-label" for="cmm-share-link">{t.share_link_label}</label>
                    <input class="cmm-input cmm-input--wide" type="text" id="cmm-share-link" readonly prop:value=url />
                    <div class="cmm-button-group cmm-button-group--tight">
                        <button type="button" class="cmm-button cmm-button--secondary" on:click=copy>{t.share_copy}</button>
                        <span role="status" class="cmm-body">{move || copied.get().then_some(t.share_copied)}</span>
                    </div>
                </div>
            })}
        </section>
    }
}
