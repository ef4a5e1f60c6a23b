//! Start-up: the language file and the offered frameworks load side by side, each validated
//! whole; benchmarks start loading too but are awaited only by the results. Anything that
//! fails is shown with its reason and a way to try again — never a blank space.

use std::rc::Rc;

use leptos::prelude::*;

use super::shell::Shell;
use super::state::catalogue::{BenchFailure, Benchmarks, Entry, Setup, Source};
use super::Placement;
use crate::browser::fetch::FetchError;
use crate::browser::{embed, fetch};
use crate::domain::config::{Builtin, ConfigProblem, EmbedConfig};
use crate::domain::{BenchmarkFile, Framework, Localised};
use crate::text::{self, fill, Boot, Lang, Text};

/// What start-up loaded.
struct Loaded {
    text: &'static Text,
    frameworks: Vec<(Builtin, Framework<Localised>, Source, String, Source)>,
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
                let (title, lines): (String, Vec<String>) = match failure {
                    Failure::Text(why) => (
                        boot.failed_title.clone(),
                        vec![fill(&boot.text_failed, &[("why", why)])],
                    ),
                    Failure::Settings(t, problems) => (
                        t.config_fatal.to_string(),
                        problems.iter().map(|p| t.config_problem(p)).collect(),
                    ),
                    Failure::Framework(t, intro, lines) => {
                        let mut all = vec![intro.clone()];
                        all.extend(lines.iter().cloned());
                        (t.start_failed.to_string(), all)
                    }
                };
                view! {
                    <div class="cmm-app">
                        <div class="cmm-error-summary" role="alert">
                            <h2 class="cmm-error-summary__title">{title}</h2>
                            <ul class="cmm-list cmm-error-summary__list">
                                {lines.into_iter().map(|l| view! { <li class="cmm-pre">{l}</li> }).collect_view()}
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
                    <Shell setup lang text=loaded.text frameworks=entries warnings root=root.clone() />
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
    let requests: Vec<_> = config
        .frameworks
        .iter()
        .map(|b| {
            let (url, source) = framework_file(config, *b, base);
            (*b, url.clone(), source, fetch::text(&url))
        })
        .collect();
    let text = match text_request.await {
        Ok(json) => Text::leak(lang, &json)
            .map_err(|p| Failure::Text(format!("{}: {}", text::file_for(lang), p)))?,
        Err(e) => return Err(Failure::Text(format!("{}: {e:?}", text::file_for(lang)))),
    };
    let fatal: Vec<ConfigProblem> = problems.iter().filter(|p| p.fatal()).cloned().collect();
    if !fatal.is_empty() {
        return Err(Failure::Settings(text, fatal));
    }
    let mut frameworks = Vec::new();
    for (builtin, url, source, request) in requests {
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
        let doc = Framework::parse(&json).map_err(|p| fail(text.problems(&p)))?;
        let (bench_url, bench_source) = benchmarks_file(config, builtin, base);
        frameworks.push((builtin, doc, source, bench_url, bench_source));
    }
    Ok(Loaded { text, frameworks })
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

/// Loads a framework's benchmarks in the background; results wait for them.
fn load_benchmarks(entry: &Entry, url: String) {
    let slot = entry.benchmarks;
    let doc = entry.doc.clone();
    let request = fetch::text(&url);
    leptos::task::spawn_local(async move {
        let state = match request.await {
            Ok(json) => match BenchmarkFile::parse(&json)
                .and_then(|file| file.check_against(&doc).map(|()| file))
            {
                Ok(file) => Benchmarks::Ready(Rc::new(file)),
                Err(p) => Benchmarks::Failed(Rc::new(BenchFailure::Invalid(url, p))),
            },
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
