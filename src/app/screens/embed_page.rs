//! A page for council web teams: fill in a name and colours, pick a mode, copy the snippet.
//! The settings are checked with the same rules the widget applies.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::{
    Checkbox, CouncilPicker, Notice, PageHeading, RadioOption, Radios, TextInput, Tone, Words,
};
use crate::app::state::use_app;
use crate::browser::{self, embed, fetch};
use crate::domain::config;
use crate::domain::snippet::{
    check_base, namespace_for, render, BaseIssue, Fallback, Mode, SnippetSettings,
};
use crate::text::fill;

pub fn embed_page() -> impl IntoView {
    view! { <EmbedPage /> }
}

#[component]
fn EmbedPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let organisation = RwSignal::new(String::new());
    let namespace = RwSignal::new(String::new());
    let namespace_edited = RwSignal::new(false);
    let brand = RwSignal::new(String::new());
    let button = RwSignal::new(String::new());
    let mode = RwSignal::new(Mode::Iframe);
    let welsh_first = RwSignal::new(false);
    let share = RwSignal::new(true);
    let team = RwSignal::new(true);
    let council = RwSignal::new(true);
    // The council chosen from the register, whose code the snippet carries.
    let chosen = RwSignal::new(None::<crate::domain::assessment::CouncilRef>);
    let learner = RwSignal::new(true);
    let base = RwSignal::new(app.catalogue.with_setup(|s| s.base.clone()));
    let hashes = RwSignal::new(None::<serde_json::Value>);
    let copied = RwSignal::new(false);
    // Integrity hashes for the snippet, when the build published them beside the widget.
    spawn_local(async move {
        let url = embed::resolve("sri.json", &base.get_untracked());
        if let Ok(text) = fetch::text(&url).await {
            hashes.set(serde_json::from_str(&text).ok());
        }
    });
    // Keep the storage name in step with the council's name until the user edits it.
    Effect::new(move |_| {
        let name = organisation.get();
        if !namespace_edited.get_untracked() {
            namespace.set(namespace_for(&name));
        }
    });
    let settings = move || SnippetSettings {
        organisation: organisation.get(),
        organisation_code: chosen.get().map(|c| c.code).unwrap_or_default(),
        namespace: namespace.get(),
        brand_colour: brand.get(),
        button_colour: button.get(),
        share: share.get(),
        team: team.get(),
        language: if welsh_first.get() {
            "cy".into()
        } else {
            String::new()
        },
        council: council.get(),
        learner: learner.get(),
    };
    let problems = move || {
        let pairs = settings().pairs();
        config::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).1
    };
    // Only an https folder (or this page's own origin) goes into a snippet.
    let own_origin = embed::origin_of(&app.catalogue.with_setup(|s| s.base.clone()));
    let checked_base = Memo::new(move |_| check_base(&base.get(), &own_origin));
    let base_error = Signal::derive(move || {
        checked_base.get().err().map(|e| {
            match e {
                BaseIssue::NotHttps => t.embed_base_not_https,
                BaseIssue::NotAnAddress => t.embed_base_not_address,
                BaseIssue::HasQuery => t.embed_base_query,
            }
            .to_string()
        })
    });
    let ready = move || checked_base.get().is_ok() && problems().is_empty();
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
        let fallback = Fallback {
            text: t.snippet_fallback.to_string(),
            link: t.snippet_fallback_link.to_string(),
        };
        let Ok(base) = checked_base.get() else {
            return String::new();
        };
        render(
            mode.get(),
            &base,
            t.start_title,
            &settings(),
            sri.as_deref(),
            &fallback,
        )
    };
    let mode_options = vec![
        RadioOption::new(t.embed_iframe).hint(t.embed_iframe_hint),
        RadioOption::new(t.embed_script).hint(t.embed_script_hint),
    ];
    // The namespace field remembers that the user changed it.
    Effect::new(move |previous: Option<String>| {
        let now = namespace.get();
        if let Some(previous) = previous {
            if now != previous && now != namespace_for(&organisation.get_untracked()) {
                namespace_edited.set(true);
            }
        }
        now
    });
    view! {
        <PageHeading>{t.embed_heading}</PageHeading>
        <p class="cmm-body">{t.embed_intro}</p>
        <CouncilPicker app id="cmm-embed-org" label=t.embed_org name=organisation council=chosen on_choose=Callback::new(|_| ()) />
        <TextInput id="cmm-embed-namespace" label=t.embed_namespace hint=t.embed_namespace_hint value=namespace no_spellcheck=true />
        <TextInput id="cmm-embed-brand" label=t.embed_brand hint=t.embed_colour_hint value=brand no_spellcheck=true />
        <TextInput id="cmm-embed-button" label=t.embed_button hint=t.embed_colour_hint value=button no_spellcheck=true />
        <div class="cmm-form-group">
            <Radios name="cmm-embed-mode" legend=t.embed_mode large=true options=mode_options
                selected=Signal::derive(move || Some(if mode.get() == Mode::Iframe { 0 } else { 1 }))
                on_select=Callback::new(move |i| mode.set(if i == 0 { Mode::Iframe } else { Mode::Script })) />
        </div>
        <div class="cmm-form-group">
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{t.embed_offer}</legend>
                <Checkbox id="cmm-embed-council" label=t.embed_offer_council checked=council
                    on_change=Callback::new(move |on| council.set(on)) />
                <Checkbox id="cmm-embed-learner" label=t.embed_offer_learner checked=learner
                    on_change=Callback::new(move |on| learner.set(on)) />
            </fieldset>
        </div>
        <div class="cmm-form-group">
            <fieldset class="cmm-fieldset">
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--m">{t.embed_features}</legend>
                <Checkbox id="cmm-embed-share" label=t.embed_share checked=share on_change=Callback::new(move |on| share.set(on)) />
                <Checkbox id="cmm-embed-team" label=t.embed_team checked=team on_change=Callback::new(move |on| team.set(on)) />
                <Checkbox id="cmm-embed-welsh" label=t.embed_welsh_first hint=t.embed_welsh_hint checked=welsh_first
                    on_change=Callback::new(move |on| welsh_first.set(on)) />
            </fieldset>
        </div>
        <TextInput id="cmm-embed-base" label=t.embed_base hint=t.embed_base_hint value=base no_spellcheck=true error=base_error />
        {move || {
            let problems = problems();
            (!problems.is_empty()).then(|| view! {
                <Notice title=t.embed_problems tone=Tone::Info>
                    <ul class="cmm-list cmm-list--bullet">
                        {problems.iter().map(|p| view! { <li><Words parts=t.config_problem_parts(p) quoted=t.quoted /></li> }).collect_view()}
                    </ul>
                </Notice>
            })
        }}
        {move || (!council.get() && !learner.get()).then(|| view! {
            <p class="cmm-body cmm-inset cmm-inset--warning">{t.embed_offer_none}</p>
        })}
        // No code is written while a setting is wrong: a council would paste it as it is.
        {move || if ready() {
            view! {
                <div class="cmm-form-group">
                    <label class="cmm-label" for="cmm-embed-code">{t.embed_code}</label>
                    <textarea class="cmm-textarea cmm-code" id="cmm-embed-code" rows="8" readonly prop:value=snippet></textarea>
                </div>
                <div class="cmm-button-group">
                    <button type="button" class="cmm-button" on:click=move |_| {
                        let code = snippet();
                        spawn_local(async move { copied.set(browser::copy_text(&code).await) });
                    }>{t.embed_copy}</button>
                    <span role="status" class="cmm-body">{move || copied.get().then_some(t.embed_copied)}</span>
                </div>
            }
            .into_any()
        } else {
            view! { <p class="cmm-body cmm-inset cmm-inset--warning" id="cmm-embed-code-waiting">{t.embed_code_waiting}</p> }.into_any()
        }}
        <p class="cmm-body cmm-inset">{fill(t.embed_csp, &[])}</p>
    }
}
