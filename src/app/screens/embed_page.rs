//! A page for council web teams: fill in a name and colours, pick a mode, copy the snippet.
//! The settings are checked with the same rules the widget applies.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::{
    Checkbox, CouncilPicker, ErrorSummary, FieldError, PageHeading, RadioOption, Radios, TextInput,
};
use crate::app::state::use_app;
use crate::browser::{self, embed, fetch};
use crate::domain::config::{self, ConfigIssue, ConfigProblem, MIN_CONTRAST};
use crate::domain::snippet::{
    check_base, namespace_for, render, BaseIssue, Fallback, Mode, SnippetSettings,
};
use crate::text::{fill, Text};

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
    let under_section = RwSignal::new(false);
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
        // An iframe is a page of its own; on the council's page, 2 unless the user chose 3.
        heading_level: (mode.get() == Mode::Script && under_section.get()).then_some(3),
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
    // Each problem at its field, in words for the form (its label names the setting).
    let field_errors = Memo::new(move |_| {
        problems()
            .iter()
            .map(|p| field_error(t, p))
            .collect::<Vec<_>>()
    });
    let error_at = move |field: &'static str| {
        Signal::derive(move || {
            field_errors.with(|all| {
                all.iter()
                    .find(|e| e.field.as_deref() == Some(field))
                    .map(|e| e.message.clone())
            })
        })
    };
    let summary = move || {
        let mut all = field_errors.get();
        if let Some(message) = base_error.get() {
            all.push(FieldError::at(BASE, message));
        }
        all
    };
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
        // Shown as the settings are typed, so it neither takes focus nor interrupts.
        {move || {
            let errors = summary();
            (!errors.is_empty()).then(|| view! { <ErrorSummary title=t.import_problem errors no_focus=true quiet=true /> })
        }}
        <p class="cmm-body">{t.embed_intro}</p>
        <CouncilPicker app id="cmm-embed-org" label=t.embed_org name=organisation council=chosen on_choose=Callback::new(|_| ()) />
        <TextInput id=NAMESPACE label=t.embed_namespace hint=t.embed_namespace_hint value=namespace no_spellcheck=true error=error_at(NAMESPACE) />
        <TextInput id=BRAND label=t.embed_brand hint=t.embed_colour_hint value=brand no_spellcheck=true error=error_at(BRAND) />
        <TextInput id=BUTTON label=t.embed_button hint=t.embed_colour_hint value=button no_spellcheck=true error=error_at(BUTTON) />
        <div class="cmm-form-group">
            <Radios name="cmm-embed-mode" legend=t.embed_mode large=true options=mode_options
                selected=Signal::derive(move || Some(if mode.get() == Mode::Iframe { 0 } else { 1 }))
                on_select=Callback::new(move |i| mode.set(if i == 0 { Mode::Iframe } else { Mode::Script })) />
        </div>
        {move || (mode.get() == Mode::Script).then(|| view! {
            <div class="cmm-form-group">
                <Radios name="cmm-embed-headings" legend=t.embed_headings
                    options=vec![
                        RadioOption::new(t.embed_headings_page).hint(t.embed_headings_page_hint),
                        RadioOption::new(t.embed_headings_section).hint(t.embed_headings_section_hint),
                    ]
                    selected=Signal::derive(move || Some(usize::from(under_section.get())))
                    on_select=Callback::new(move |i| under_section.set(i == 1)) />
            </div>
        })}
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
        <TextInput id=BASE label=t.embed_base hint=t.embed_base_hint value=base no_spellcheck=true error=base_error />
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

const NAMESPACE: &str = "cmm-embed-namespace";
const BRAND: &str = "cmm-embed-brand";
const BUTTON: &str = "cmm-embed-button";
const BASE: &str = "cmm-embed-base";

/// A setting's problem at the field that sets it, said the GOV.UK way (what to enter), since
/// here the code is held back rather than the default used.
fn field_error(t: &'static Text, p: &ConfigProblem) -> FieldError {
    let field = match p.setting.as_str() {
        "namespace" => Some(NAMESPACE),
        "brand-colour" => Some(BRAND),
        "button-colour" => Some(BUTTON),
        _ => None,
    };
    let message = match &p.issue {
        ConfigIssue::BadNamespace(_) => t.embed_namespace_error.to_string(),
        ConfigIssue::BadColour(_) => t.embed_colour_error.to_string(),
        ConfigIssue::LowContrast { hex, ratio } => fill(
            t.embed_contrast_error,
            &[
                ("hex", hex),
                ("ratio", &format!("{ratio:.1}")),
                ("min", &MIN_CONTRAST),
            ],
        ),
        _ => t.config_issue(p),
    };
    FieldError {
        field: field.map(str::to_string),
        message,
    }
}
