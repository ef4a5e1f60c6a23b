//! A page for council web teams: fill in a name and colours, pick a mode, copy the snippet.
//! The settings are checked with the same rules the widget applies.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::heading::PageHeading;
use super::state::AppState;
use super::status::SettingsNotice;
use crate::browser::{self, embed};
use crate::domain::config;
use crate::domain::snippet::{namespace_for, render, Mode, SnippetSettings};

#[component]
pub fn EmbedPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let organisation = RwSignal::new(String::new());
    let namespace = RwSignal::new(String::new());
    let namespace_edited = RwSignal::new(false);
    let brand = RwSignal::new(String::new());
    let button = RwSignal::new(String::new());
    let mode = RwSignal::new(Mode::Iframe);
    let share = RwSignal::new(true);
    let team = RwSignal::new(true);
    let base = RwSignal::new(embed::page_base());
    let hashes = RwSignal::new(None::<serde_json::Value>);
    let copied = RwSignal::new(false);
    // Integrity hashes for the snippet, when the build published them beside the widget.
    spawn_local(async move {
        let url = embed::resolve("sri.json", &base.get_untracked());
        if let Ok(text) = browser::fetch::text(&url).await {
            hashes.set(serde_json::from_str(&text).ok());
        }
    });
    let settings = move || SnippetSettings {
        organisation: organisation.get(),
        namespace: namespace.get(),
        brand_colour: brand.get(),
        button_colour: button.get(),
        share: share.get(),
        team: team.get(),
    };
    let problems = move || {
        let pairs = settings().pairs();
        config::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).1
    };
    let snippet = move || {
        let file = if mode.get() == Mode::Iframe {
            "embed-host.js"
        } else {
            "embed.js"
        };
        let sri = hashes.with(|h| {
            h.as_ref()
                .and_then(|h| h.get(file))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        });
        let title = state.framework.with_value(|f| f.title.clone());
        render(mode.get(), &base.get(), &title, &settings(), sri.as_deref())
    };
    // A text input with a hint; `edited` lets the storage name remember the user changed it.
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           value: RwSignal<String>,
                           edited: Option<RwSignal<bool>>| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="cmm-form-group">
                <label class="cmm-label" for=id>{label}</label>
                <div class="cmm-hint" id=hint_id.clone()>{hint}</div>
                <input class="cmm-input" type="text" id=id spellcheck="false" aria-describedby=hint_id
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        if let Some(e) = edited { e.set(true); }
                        value.set(event_target_value(&ev));
                    } />
            </div>
        }
    };
    let radio = move |id: &'static str, m: Mode, label: &'static str, hint: &'static str| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="cmm-radios__item">
                <input class="cmm-radios__input" type="radio" name="cmm-embed-mode" id=id aria-describedby=hint_id.clone()
                    prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                <label class="cmm-radios__label" for=id>{label}</label>
                <div class="cmm-radios__hint" id=hint_id>{hint}</div>
            </div>
        }
    };
    let checkbox = move |id: &'static str, label: &'static str, value: RwSignal<bool>| {
        view! {
            <div class="cmm-checkboxes__item">
                <input class="cmm-checkboxes__input" type="checkbox" id=id
                    prop:checked=move || value.get() on:change=move |ev| value.set(event_target_checked(&ev)) />
                <label class="cmm-checkboxes__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <PageHeading>{t.embed_heading}</PageHeading>
        <p class="cmm-body">{t.embed_intro}</p>
        <div class="cmm-form-group">
            <label class="cmm-label" for="cmm-embed-org">{t.embed_org}</label>
            <input class="cmm-input" type="text" id="cmm-embed-org" autocomplete="organization"
                prop:value=move || organisation.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    if !namespace_edited.get_untracked() { namespace.set(namespace_for(&v)); }
                    organisation.set(v);
                } />
        </div>
        {text_field("cmm-embed-namespace", t.embed_namespace, t.embed_namespace_hint, namespace, Some(namespace_edited))}
        {text_field("cmm-embed-brand", t.embed_brand, t.embed_colour_hint, brand, None)}
        {text_field("cmm-embed-button", t.embed_button, t.embed_colour_hint, button, None)}
        <div class="cmm-form-group">
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{t.embed_mode}</legend>
                <div class="cmm-radios">
                    {radio("cmm-embed-iframe", Mode::Iframe, t.embed_iframe, t.embed_iframe_hint)}
                    {radio("cmm-embed-script", Mode::Script, t.embed_script, t.embed_script_hint)}
                </div>
            </fieldset>
        </div>
        <div class="cmm-form-group">
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{t.embed_features}</legend>
                {checkbox("cmm-embed-share", t.embed_share, share)}
                {checkbox("cmm-embed-team", t.embed_team, team)}
            </fieldset>
        </div>
        {text_field("cmm-embed-base", t.embed_base, t.embed_base_hint, base, None)}
        {move || view! { <SettingsNotice title=t.embed_problems problems=problems() /> }}
        <div class="cmm-form-group">
            <label class="cmm-label" for="cmm-embed-code">{t.embed_code}</label>
            <textarea class="cmm-textarea cmm-code" id="cmm-embed-code" rows="6" readonly prop:value=snippet></textarea>
        </div>
        <div class="cmm-button-group">
            <button type="button" class="cmm-button" on:click=move |_| {
                let code = snippet();
                spawn_local(async move { copied.set(browser::copy_text(&code).await) });
            }>{t.embed_copy}</button>
            <span role="status" class="cmm-body">{move || copied.get().then_some(t.embed_copied)}</span>
        </div>
        <p class="cmm-body cmm-inset">{t.embed_csp}</p>
    }
}
