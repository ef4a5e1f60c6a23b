//! The Leptos shell: components only wire the domain to the browser modules. There is no
//! router: screens are state, so the app never touches a host page's URL or history.

mod chart;
mod check;
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

use crate::browser;
use crate::domain::{BenchmarkFile, Framework};
use crate::text::EN;
use state::{AppState, Screen};

pub const FRAMEWORK_URL: &str = "data/framework.json";
pub const BENCHMARKS_URL: &str = "data/benchmarks.json";
pub const STORAGE_NAMESPACE: &str = "cmm";

pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("cmm-app"))
    else {
        return;
    };
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    // Replace the loading message the host page shows until the app is ready.
    root.set_inner_html("");
    leptos::mount::mount_to(root, App).forget();
}

/// Loads the framework and benchmarks, then hands over to the assessment.
#[component]
fn App() -> impl IntoView {
    let text = &EN;
    let boot = LocalResource::new(move || async move {
        let framework = browser::fetch::text(FRAMEWORK_URL).await?;
        let framework = Framework::from_json(&framework)
            .map_err(|p| format!("{}\n{p}", text.framework_problems))?;
        let benchmarks = browser::fetch::text(BENCHMARKS_URL).await?;
        let benchmarks = BenchmarkFile::from_json(&benchmarks)
            .and_then(|b| b.check_against(&framework).map(|()| b))
            .map_err(|p| format!("{}\n{p}", text.benchmarks_problems))?;
        Ok::<_, String>((framework, benchmarks))
    });
    view! {
        <div class="cmm-app">
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
                    view! {
                        <Assessment framework benchmarks namespace=STORAGE_NAMESPACE.to_string() />
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// Mounts the assessment with an already-loaded framework and benchmarks into `root`.
/// Used by tests and by hosts that supply their own data.
pub fn mount_with(
    root: web_sys::HtmlElement,
    framework: Framework,
    benchmarks: BenchmarkFile,
    namespace: &str,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    let namespace = namespace.to_string();
    leptos::mount::mount_to(root, move || {
        view! { <div class="cmm-app"><Assessment framework benchmarks namespace /></div> }
    })
}

#[component]
fn Assessment(framework: Framework, benchmarks: BenchmarkFile, namespace: String) -> impl IntoView {
    let state = AppState::new(framework, benchmarks, &namespace);
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
        }}
    }
}
