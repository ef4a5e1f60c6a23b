//! The Leptos shell: components only wire the domain to the browser modules. There is no
//! router: screens are state, so the app never touches a host page's URL or history.

mod chart;
mod check;
mod embed_page;
mod heading;
mod history;
mod import;
mod nav;
mod overview;
mod questions;
mod results;
mod shared;
mod start;
mod state;
mod status;
mod team;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::browser::{self, echarts, embed};
use crate::domain::config::{self, ConfigProblem, EmbedConfig};
use crate::domain::{BenchmarkFile, Framework};
use crate::text::EN;
use state::{AppState, Screen};

/// Standalone page or iframe: settings come from the query string, files from beside the page.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("cmm-app"))
    else {
        return;
    };
    let root: web_sys::HtmlElement = root.unchecked_into();
    // Replace the loading message the page shows until the app is ready.
    root.set_inner_html("");
    let framed = embed::is_framed();
    if framed {
        // Lives as long as the page.
        std::mem::forget(embed::report_height(&root));
    }
    let pairs = embed::query_pairs();
    mount_configured(root, pairs, embed::page_base(), !framed);
}

/// Script mode: mounts a widget into `element` with settings as `[name, value]` pairs (its data
/// attributes) and `base`, the address of the folder the widget's files are in.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, settings: js_sys::Array, base: String) {
    console_error_panic_hook::set_once();
    let pairs = settings
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    mount_configured(element, pairs, base, false);
}

fn mount_configured(
    root: web_sys::HtmlElement,
    pairs: Vec<(String, String)>,
    base: String,
    standalone: bool,
) {
    let (config, problems) = config::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    echarts::set_bundle_url(&embed::resolve("vendor/echarts.min.js", &base));
    let _ = root.class_list().add_1("cmm-root");
    let _ = root.set_attribute("lang", EN.lang);
    if let Some(c) = config.brand_colour {
        embed::set_colour(&root, "--cmm-brand", &c.hex());
        embed::set_colour(&root, "--cmm-brand-dark", &c.hex());
    }
    if let Some(c) = config.button_colour {
        embed::set_colour(&root, "--cmm-button", &c.hex());
        embed::set_colour(&root, "--cmm-button-hover", &c.hex());
    }
    leptos::mount::mount_to(
        root,
        move || view! { <App config problems base standalone /> },
    )
    .forget();
}

/// Checks the settings, loads the framework and benchmarks, then hands over to the assessment.
#[component]
fn App(
    config: EmbedConfig,
    problems: Vec<ConfigProblem>,
    base: String,
    standalone: bool,
) -> impl IntoView {
    let text = &EN;
    let fatal: Vec<ConfigProblem> = problems.iter().filter(|p| p.fatal()).cloned().collect();
    let warnings: Vec<ConfigProblem> = problems.into_iter().filter(|p| !p.fatal()).collect();
    if !fatal.is_empty() {
        return view! {
            <div class="cmm-app">
                <div class="cmm-error-summary" role="alert">
                    <h2 class="cmm-error-summary__title">{text.config_fatal}</h2>
                    <ul class="cmm-list cmm-error-summary__list">
                        {fatal.into_iter().map(|p| view! { <li>{text.config_problem(&p)}</li> }).collect::<Vec<_>>()}
                    </ul>
                </div>
            </div>
        }
        .into_any();
    }
    let framework_url = embed::resolve(&config.framework_url, &base);
    let benchmarks_url = embed::resolve(&config.benchmarks_url, &base);
    let boot = LocalResource::new(move || {
        let (framework_url, benchmarks_url) = (framework_url.clone(), benchmarks_url.clone());
        async move {
            let framework = browser::fetch::text(&framework_url).await?;
            let framework = Framework::from_json(&framework)
                .map_err(|p| format!("{}\n{p}", text.framework_problems))?;
            let benchmarks = browser::fetch::text(&benchmarks_url).await?;
            let benchmarks = BenchmarkFile::from_json(&benchmarks)
                .and_then(|b| b.check_against(&framework).map(|()| b))
                .map_err(|p| format!("{}\n{p}", text.benchmarks_problems))?;
            Ok::<_, String>((framework, benchmarks))
        }
    });
    let config = StoredValue::new(config);
    view! {
        <div class="cmm-app">
            <status::SettingsNotice title=text.config_warnings problems=warnings />
            {move || match boot.get() {
                None => view! { <p class="cmm-body">{text.loading}</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="cmm-error-summary" role="alert">
                        <h2 class="cmm-error-summary__title">{text.start_failed}</h2>
                        <p class="cmm-body cmm-pre">{message}</p>
                    </div>
                }
                .into_any(),
                Some(Ok((framework, benchmarks))) => {
                    view! { <Assessment framework benchmarks config=config.get_value() standalone /> }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// Mounts the assessment with an already-loaded framework and benchmarks into `root`.
/// Used by component tests.
pub fn mount_with(
    root: web_sys::HtmlElement,
    framework: Framework,
    benchmarks: BenchmarkFile,
    namespace: &str,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    let config = EmbedConfig {
        namespace: namespace.to_string(),
        ..EmbedConfig::default()
    };
    leptos::mount::mount_to(root, move || {
        view! { <div class="cmm-app"><Assessment framework benchmarks config /></div> }
    })
}

#[component]
fn Assessment(
    framework: Framework,
    benchmarks: BenchmarkFile,
    config: EmbedConfig,
    /// The tool's own page (not embedded): offer the page for council web teams.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let state = AppState::new(framework, benchmarks, config);
    provide_context(state);
    view! {
        <nav::Nav />
        <status::StatusArea />
        {move || match state.screen.get() {
            Screen::Start => view! { <start::StartPage /> }.into_any(),
            Screen::Overview => view! { <overview::OverviewPage /> }.into_any(),
            Screen::Theme(index) => view! { <questions::ThemePage index /> }.into_any(),
            Screen::Check => view! { <check::CheckPage /> }.into_any(),
            Screen::Results => view! { <results::ResultsPage /> }.into_any(),
            Screen::History => view! { <history::HistoryPage /> }.into_any(),
            Screen::Shared => view! { <shared::SharedPage /> }.into_any(),
            Screen::Team => view! { <team::TeamPage /> }.into_any(),
            Screen::Embed => view! { <embed_page::EmbedPage /> }.into_any(),
        }}
        {standalone.then(|| view! {
            <footer class="cmm-footer cmm-no-print">
                <button type="button" class="cmm-link" on:click=move |_| state.go(Screen::Embed)>{state.text.embed_link}</button>
            </footer>
        })}
    }
}
