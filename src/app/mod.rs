//! The Leptos shell: components wire the domain to the browser modules and hold no rules of
//! their own. `start` (the tool's own page, or an iframe) and `mount` (script mode, in a
//! council's page) read the settings and hand over to [`boot`], which loads the language and
//! framework files and then shows the [`shell`].

mod blocks;
mod boot;
mod diagnose;
mod downloads;
pub mod office;
mod screens;
mod shell;
pub mod state;
mod status;
mod update;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::browser::{self, echarts, embed, panic};
use crate::domain::config::{self, ConfigIssue, ConfigProblem, ContentPlace};
use crate::text::{Boot, Lang};

/// How the widget is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The tool's own page.
    Page,
    /// An iframe on a council's page.
    Frame,
    /// Inside a council's page (script mode, in a Shadow DOM).
    Script,
}

/// Files the loader found for this release (content-hashed names and integrity hashes).
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub echarts: Option<String>,
    pub echarts_integrity: Option<String>,
}

impl Assets {
    fn from_js(value: &JsValue) -> Assets {
        let get = |k: &str| {
            js_sys::Reflect::get(value, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        Assets {
            echarts: get("echarts"),
            echarts_integrity: get("echartsIntegrity"),
        }
    }
}

/// Standalone page or iframe: settings come from the query string, files from beside the page.
#[wasm_bindgen]
pub fn start(assets: JsValue) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("cmm-app"))
    else {
        return;
    };
    let root: web_sys::HtmlElement = root.unchecked_into();
    let placement = if embed::is_framed() {
        Placement::Frame
    } else {
        Placement::Page
    };
    if placement == Placement::Frame {
        // Lives as long as the page.
        std::mem::forget(embed::report_height(&root));
    }
    mount_configured(
        root,
        embed::query_pairs(),
        embed::page_base(),
        placement,
        Assets::from_js(&assets),
    );
}

/// Script mode: mounts a widget into `element` with settings as `[name, value]` pairs (its data
/// attributes), `base` (the folder the widget's files are in) and the release's `assets`.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    settings: js_sys::Array,
    base: String,
    assets: JsValue,
) {
    let pairs = settings
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    mount_configured(
        element,
        pairs,
        base,
        Placement::Script,
        Assets::from_js(&assets),
    );
}

/// Stops the app on purpose, so the browser tests can check what a crash looks like.
#[wasm_bindgen(js_name = "__cmmTestPanic")]
pub fn test_panic() {
    panic!("a test asked the app to stop");
}

fn mount_configured(
    root: web_sys::HtmlElement,
    pairs: Vec<(String, String)>,
    base: String,
    placement: Placement,
    assets: Assets,
) {
    panic::install();
    let (mut config, mut problems) =
        config::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if placement != Placement::Script {
        refuse_foreign_content(&mut config, &mut problems, &base);
    }
    let lang = first_language(&config);
    panic::register(&root, &Boot::get(lang));
    echarts::set_bundle(echarts::Bundle {
        url: embed::resolve(
            assets.echarts.as_deref().unwrap_or("vendor/echarts.min.js"),
            &base,
        ),
        integrity: assets.echarts_integrity,
        parent: root.parent_node(),
    });
    let _ = root.class_list().add_1("cmm-root");
    let _ = root.set_attribute("lang", lang.tag());
    if let Some(c) = config.brand_colour {
        embed::set_colour(&root, "--cmm-brand", &c.hex());
        embed::set_colour(&root, "--cmm-brand-dark", &c.darker(0.3).hex());
    }
    if let Some(c) = config.button_colour {
        embed::set_colour(&root, "--cmm-button", &c.hex());
        // Hover keeps the council's colour, a shade darker (as the default green does).
        embed::set_colour(&root, "--cmm-button-hover", &c.darker(0.2).hex());
    }
    // Replace whatever the page showed until the widget was ready.
    root.set_inner_html("");
    let root_for_app = root.clone();
    leptos::mount::mount_to(root, move || {
        view! { <boot::BootScreen config problems base placement lang root=root_for_app /> }
    })
    .forget();
}

/// In a page of its own or an iframe, settings come from the address, which anyone can write
/// into a link: content files may come only from the widget's own site or the build's
/// allow-list. (A council's own page sets script-mode attributes itself, so those are trusted.)
fn refuse_foreign_content(
    config: &mut config::EmbedConfig,
    problems: &mut Vec<ConfigProblem>,
    base: &str,
) {
    if let Some(address) = config.return_to.clone() {
        if Some(&address) != config::build_return_to().as_ref() {
            problems.push(ConfigProblem {
                setting: "return-to".into(),
                issue: ConfigIssue::ReturnToFromAddress(address),
            });
            config.return_to = config::build_return_to();
        }
    }
    let allowed = config::build_allow_list();
    for (setting, url) in [
        ("framework", &mut config.framework_url),
        ("benchmarks", &mut config.benchmarks_url),
        ("resources", &mut config.resources_url),
    ] {
        let Some(value) = url.clone() else { continue };
        let issue = match config::content_place(&embed::resolve(&value, base), base, &allowed) {
            ContentPlace::Allowed => continue,
            ContentPlace::OtherSite => ConfigIssue::ForeignContent(value),
            ContentPlace::OutsideFolder => ConfigIssue::OutsideFolder(value),
        };
        problems.push(ConfigProblem {
            setting: setting.to_string(),
            issue,
        });
        *url = None;
    }
}

/// The language to start in: the visitor's own earlier choice, then a share link's language,
/// then the council's setting.
fn first_language(config: &config::EmbedConfig) -> Lang {
    let chosen = browser::storage::peek(&config.namespace, "lang");
    let shared = browser::history::hash()
        .strip_prefix('#')
        .and_then(crate::domain::share::peek_language);
    chosen
        .or(shared)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| Lang::parse(&config.language))
        .unwrap_or(Lang::En)
}

/// Mounts the app with files already in hand, in memory routing (the test page's address is
/// left alone): for component tests.
pub fn mount_with(
    root: web_sys::HtmlElement,
    text_json: &str,
    frameworks: Vec<crate::domain::Framework<crate::domain::Localised>>,
    benchmarks: Vec<crate::domain::BenchmarkFile<crate::domain::Localised>>,
    namespace: &str,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    use state::catalogue::{Benchmarks, Entry, ReadBenchmarks, Setup};
    let text = crate::text::Text::leak(Lang::En, text_json).expect("the English file is valid");
    let config = config::EmbedConfig {
        namespace: namespace.to_string(),
        ..config::EmbedConfig::default()
    };
    let element = root.clone();
    leptos::mount::mount_to(root, move || {
        let entries: Vec<Entry> = frameworks
            .into_iter()
            .map(|doc| {
                let id = doc.id.clone();
                let entry = Entry::new(config::Builtin::Council, doc, None, None);
                if let Some(file) = benchmarks.iter().find(|b| b.framework_id == id) {
                    entry
                        .benchmarks
                        .set(Benchmarks::Ready(ReadBenchmarks::new(file.clone())));
                }
                entry
            })
            .collect();
        let setup = Setup {
            config: config.clone(),
            base: "./".into(),
            standalone: false,
            embedded: true,
        };
        view! { <shell::Shell setup lang=Lang::En text frameworks=entries warnings=Vec::new() resources=None root=element.clone() /> }
    })
}
