//! Start-up: the language file and the offered frameworks load side by side, each validated
//! whole; benchmarks start loading too but are awaited only by the results. Anything that
//! fails is shown with its reason and a way to try again — never a blank space.

use std::rc::Rc;

use crate::app::blocks::{Heading, HeadingBase};
use leptos::prelude::*;

use super::blocks::Words;
use super::diagnose::{located, Document};
use super::shell::Shell;
use super::state::catalogue::{BenchFailure, Benchmarks, Entry, ResourcesFailure, Setup, Source};
use super::state::Catalogue;
use super::Placement;
use crate::browser::fetch::FetchError;
use crate::browser::{self, embed, fetch};
use crate::domain::config::{Builtin, ConfigProblem, EmbedConfig};
use crate::domain::resources::ResourcesFile;
use crate::domain::share::is_share_hash;
use crate::domain::{Framework, Localised};
use crate::text::{self, fill, Boot, Lang, Part, Text};

/// What start-up loaded.
struct Loaded {
    text: &'static Text,
    frameworks: Vec<(Builtin, Framework<Localised>, Source, String, Source)>,
    /// Offered frameworks left to load after the first screen.
    later: Vec<Builtin>,
    /// Why the council's own resources file was not used, if it was not.
    resources: Option<ResourcesFailure>,
}

impl ResourcesFailure {
    /// The file, then each reason, in words.
    pub fn lines(&self, t: &Text) -> Vec<String> {
        match self {
            ResourcesFailure::Fetch(url, e) => vec![fetch_error(t, url, e)],
            ResourcesFailure::Invalid(url, p) => {
                std::iter::once(fill(t.resources_problems, &[("file", url)]))
                    .chain(t.problems(p))
                    .collect()
            }
        }
    }
}

/// The council's framework with its own resources added, when the page names a resources
/// file (fetched while the framework was); otherwise as it is. A file that cannot be used
/// leaves the framework as it is and says why.
async fn with_resources(
    doc: Framework<Localised>,
    request: Option<(
        String,
        impl std::future::Future<Output = Result<String, FetchError>>,
    )>,
) -> (Framework<Localised>, Option<ResourcesFailure>) {
    let Some((url, request)) = request else {
        return (doc, None);
    };
    let json = match request.await {
        Ok(json) => json,
        Err(e) => return (doc, Some(ResourcesFailure::Fetch(url, e))),
    };
    match ResourcesFile::parse(&json, &doc) {
        Ok(file) => (file.add_to(doc), None),
        Err(p) => {
            let p = located(Document::Resources, json, p).await;
            (doc, Some(ResourcesFailure::Invalid(url, p)))
        }
    }
}

/// The request for the council's resources file, if the page names one.
fn resources_request(
    config: &EmbedConfig,
    builtin: Builtin,
    base: &str,
) -> Option<(
    String,
    impl std::future::Future<Output = Result<String, FetchError>>,
)> {
    let url = config
        .resources_url
        .as_ref()
        .filter(|_| builtin == Builtin::Council)?;
    let url = embed::resolve(url, base);
    let request = fetch::text(&url);
    Some((url, request))
}

enum Failure {
    /// The language file: nothing else can be said in words until it loads.
    Text(String),
    /// Settings that make the widget unsafe or unusable.
    Settings(&'static Text, Vec<ConfigProblem>),
    /// A framework file, with what is wrong with it.
    Framework(&'static Text, String, Vec<String>),
}

#[component]
pub fn BootScreen(
    config: EmbedConfig,
    problems: Vec<ConfigProblem>,
    base: String,
    placement: Placement,
    lang: Lang,
    root: web_sys::HtmlElement,
) -> impl IntoView {
    let heading_level = config.heading_level.unwrap_or(match placement {
        Placement::Script => 2,
        Placement::Page | Placement::Frame => 1,
    });
    provide_context(HeadingBase(heading_level));
    let boot = StoredValue::new(Boot::get(lang));
    let attempt = RwSignal::new(0u32);
    let inputs = StoredValue::new((config, problems, base));
    let loaded = LocalResource::new(move || {
        attempt.track();
        let (config, problems, base) = inputs.get_value();
        async move { Rc::new(load(&config, &problems, &base, lang).await) }
    });
    let retry = move |_| attempt.update(|n| *n += 1);
    move || {
        let boot = boot.get_value();
        match loaded.get().as_deref() {
            None => {
                view! { <p class="cmm-body cmm-loading" role="status">{boot.loading.clone()}</p> }
                    .into_any()
            }
            Some(Err(failure)) => {
                let plain = |l: &String| vec![Part::Text(l.clone())];
                let quoted = match failure {
                    Failure::Settings(t, _) | Failure::Framework(t, ..) => t.quoted,
                    Failure::Text(_) => "\"{text}\"",
                };
                let (title, lines): (String, Vec<Vec<Part>>) = match failure {
                    Failure::Text(why) => (
                        boot.failed_title.clone(),
                        vec![plain(&fill(&boot.text_failed, &[("why", why)]))],
                    ),
                    Failure::Settings(t, problems) => (
                        t.config_fatal.to_string(),
                        problems.iter().map(|p| t.config_problem_parts(p)).collect(),
                    ),
                    Failure::Framework(t, intro, lines) => {
                        let mut all = vec![plain(intro)];
                        all.extend(lines.iter().map(plain));
                        (t.start_failed.to_string(), all)
                    }
                };
                view! {
                    <div class="cmm-app">
                        <div class="cmm-error-summary" role="alert">
                            <Heading depth=2 class="cmm-error-summary__title">{title}</Heading>
                            <ul class="cmm-list cmm-error-summary__list">
                                {lines.into_iter().map(|parts| view! { <li class="cmm-pre"><Words parts quoted /></li> }).collect_view()}
                            </ul>
                        </div>
                        <button type="button" class="cmm-button cmm-button--secondary" on:click=retry>
                            {boot.retry.clone()}
                        </button>
                    </div>
                }
                .into_any()
            }
            Some(Ok(loaded)) => {
                let (config, problems, base) = inputs.get_value();
                let warnings: Vec<ConfigProblem> =
                    problems.into_iter().filter(|p| !p.fatal()).collect();
                let entries = loaded
                    .frameworks
                    .iter()
                    .map(|(builtin, doc, source, bench_url, bench_source)| {
                        let entry =
                            Entry::new(*builtin, doc.clone(), source.clone(), bench_source.clone());
                        load_benchmarks(&entry, bench_url.clone());
                        entry
                    })
                    .collect();
                let setup = Setup {
                    config,
                    base,
                    standalone: placement == Placement::Page,
                    embedded: placement == Placement::Script,
                };
                view! {
                    <Shell setup lang text=loaded.text frameworks=entries later=loaded.later.clone() warnings resources=loaded.resources.clone() root=root.clone() />
                }
                .into_any()
            }
        }
    }
}

/// Loads the language file and every offered framework, side by side.
async fn load(
    config: &EmbedConfig,
    problems: &[ConfigProblem],
    base: &str,
    lang: Lang,
) -> Result<Loaded, Failure> {
    let text_request = fetch::text(&embed::resolve(&text::file_for(lang), base));
    // Only the framework the first screen needs is awaited: the one of the assessment this
    // tab will open, if there is one; all of them for the start page. The others follow.
    let needed = first_needed(config);
    let requests: Vec<_> = config
        .frameworks
        .iter()
        .filter(|b| needed.contains(b))
        .map(|b| {
            let (url, source) = framework_file(config, *b, base);
            let resources = resources_request(config, *b, base);
            (*b, url.clone(), source, fetch::text(&url), resources)
        })
        .collect();
    let text = match text_request.await {
        Ok(json) => match Text::leak(lang, &json) {
            Ok(text) => text,
            Err(p) => {
                let p = located(Document::Text, json, p).await;
                return Err(Failure::Text(format!("{}: {p}", text::file_for(lang))));
            }
        },
        Err(e) => return Err(Failure::Text(format!("{}: {e:?}", text::file_for(lang)))),
    };
    let fatal: Vec<ConfigProblem> = problems.iter().filter(|p| p.fatal()).cloned().collect();
    if !fatal.is_empty() {
        return Err(Failure::Settings(text, fatal));
    }
    let mut frameworks = Vec::new();
    let mut resources = None;
    for (builtin, url, source, request, resources_request) in requests {
        let fail = |lines: Vec<String>| {
            Failure::Framework(
                text,
                fill(text.framework_problems, &[("file", &url)]),
                lines,
            )
        };
        let json = request
            .await
            .map_err(|e| fail(vec![fetch_error(text, &url, &e)]))?;
        let doc = match Framework::parse(&json) {
            Ok(doc) => doc,
            Err(p) => {
                let p = located(Document::Framework, json, p).await;
                return Err(fail(text.problems(&p)));
            }
        };
        let (doc, failure) = with_resources(doc, resources_request).await;
        resources = resources.or(failure);
        let (bench_url, bench_source) = benchmarks_file(config, builtin, base);
        frameworks.push((builtin, doc, source, bench_url, bench_source));
    }
    let later = config
        .frameworks
        .iter()
        .filter(|b| !needed.contains(b))
        .copied()
        .collect();
    Ok(Loaded {
        text,
        frameworks,
        later,
        resources,
    })
}

/// The frameworks the first screen needs: the one of the assessment this tab will open (read
/// without validating, just to choose), or every one offered.
fn first_needed(config: &EmbedConfig) -> Vec<Builtin> {
    // A share link may be for any framework.
    if is_share_hash(&browser::history::hash()) {
        return config.frameworks.clone();
    }
    let ns = &config.namespace;
    let current =
        browser::storage::peek_session(ns, "tab").or_else(|| browser::storage::peek(ns, "last"));
    let framework = current.and_then(|id| {
        let data = browser::storage::peek(ns, "data")?;
        crate::domain::saved::framework_of(&data, &id)
    });
    match framework.map(|id| Builtin::for_framework_id(&id)) {
        Some(b) if config.frameworks.contains(&b) => vec![b],
        _ => config.frameworks.clone(),
    }
}

/// Loads the frameworks the first screen did not need, when a screen that lists them all
/// (start, history, team, about) is first shown. Does nothing the second time.
pub fn load_rest(catalogue: Catalogue) {
    let builtins = catalogue.take_deferred();
    if builtins.is_empty() {
        return;
    }
    catalogue.set_pending(builtins.len());
    let (config, base) = catalogue.with_setup(|s| (s.config.clone(), s.base.clone()));
    for builtin in builtins {
        let (url, source) = framework_file(&config, builtin, &base);
        let request = fetch::text(&url);
        let (bench_url, bench_source) = benchmarks_file(&config, builtin, &base);
        let resources = resources_request(&config, builtin, &base);
        leptos::task::spawn_local(async move {
            // A framework that cannot be loaded now is simply not offered; the start page says
            // so only if nothing at all could be loaded, which start-up already reported.
            let doc = match request.await.map(|json| Framework::parse(&json)) {
                Ok(Ok(doc)) => doc,
                _ => {
                    catalogue.set_pending(catalogue.pending().saturating_sub(1));
                    return;
                }
            };
            // A resources file that cannot be used leaves the framework's own help, and the
            // page says why, as it does at start-up.
            let (doc, failure) = with_resources(doc, resources).await;
            catalogue.report_resources(failure);
            let entry = Entry::new(builtin, doc, source, bench_source);
            load_benchmarks(&entry, bench_url);
            catalogue.add_entry(entry);
        });
    }
}

/// Where a framework's file is, and (when it is not the shipped file) where it came from.
fn framework_file(config: &EmbedConfig, builtin: Builtin, base: &str) -> (String, Source) {
    match (&config.framework_url, builtin) {
        (Some(url), Builtin::Council) => {
            (embed::resolve(url, base), Some(embed::resolve(url, base)))
        }
        _ => (embed::resolve(builtin.framework_file(), base), None),
    }
}

fn benchmarks_file(config: &EmbedConfig, builtin: Builtin, base: &str) -> (String, Source) {
    match (&config.benchmarks_url, builtin) {
        (Some(url), Builtin::Council) => {
            (embed::resolve(url, base), Some(embed::resolve(url, base)))
        }
        _ => (embed::resolve(builtin.benchmarks_file(), base), None),
    }
}

/// Fetches a framework's benchmarks in the background. They are read (and checked) by the
/// screens that compare with them, which are split off the first download.
fn load_benchmarks(entry: &Entry, url: String) {
    let slot = entry.benchmarks;
    let request = fetch::text(&url);
    leptos::task::spawn_local(async move {
        let state = match request.await {
            Ok(json) => Benchmarks::Fetched(url, Rc::new(json)),
            Err(e) => Benchmarks::Failed(Rc::new(BenchFailure::Fetch(url, e))),
        };
        slot.try_set(state);
    });
}

/// A failed fetch, in words.
pub fn fetch_error(t: &Text, url: &str, e: &FetchError) -> String {
    match e {
        FetchError::Unreachable => fill(t.fetch_unreachable, &[("url", &url)]),
        FetchError::Status(code) => fill(t.fetch_status, &[("url", &url), ("status", code)]),
        FetchError::TimedOut => fill(t.fetch_timed_out, &[("url", &url)]),
        FetchError::TooLarge => fill(
            t.fetch_too_large,
            &[("url", &url), ("max", &(fetch::MAX_BYTES / 1024 / 1024))],
        ),
        FetchError::Unreadable => fill(t.fetch_unreadable, &[("url", &url)]),
    }
}
