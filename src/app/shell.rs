//! The shell around every screen: the settings notice, where content came from, navigation,
//! the language switch, the save status, the screen for the current route, and the footer.
//! The screens are rebuilt when the language changes; answers, the screen and the scroll
//! place are kept.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::blocks::{Lazy, Notice, Tone, Words};
use super::boot::fetch_error;
use super::screens;
use super::state::catalogue::{Entry, ResourcesFailure, Setup};
use super::state::saved::Saved;
use super::state::{use_app, App, Catalogue, Limits, Nav, Session};
use super::status::StatusArea;
use crate::browser::{self, embed, fetch, panic};
use crate::domain::config::ConfigProblem;
use crate::domain::share::is_share_hash;
use crate::route::Route;
use crate::text::{self, Lang, Text};

#[component]
pub fn Shell(
    setup: Setup,
    lang: Lang,
    text: &'static Text,
    frameworks: Vec<Entry>,
    /// Offered frameworks to load after the first screen.
    #[prop(optional)]
    later: Vec<crate::domain::config::Builtin>,
    warnings: Vec<ConfigProblem>,
    /// Why the council's own resources file was not used, if it was not.
    resources: Option<ResourcesFailure>,
    root: web_sys::HtmlElement,
) -> impl IntoView {
    let namespace = setup.config.namespace.clone();
    let update_root = root.clone();
    let in_address = !setup.embedded || setup.config.history;
    let (saved, last_current) = Saved::open(&namespace);
    let catalogue = Catalogue::new(setup, lang, text, frameworks);
    catalogue.report_resources(resources);
    let session = Session::open(saved, last_current);
    catalogue.defer(later);
    let shared_link = is_share_hash(&browser::history::hash()) && catalogue.config(|c| c.share);
    let initial = if shared_link {
        Route::Shared
    } else if session.current_id_untracked().is_some() {
        Route::Overview
    } else if saved.with_untracked(|d| !d.assessments.is_empty()) {
        Route::History
    } else {
        Route::Start
    };
    let nav = Nav::new(in_address, saved, initial);
    if shared_link && nav.route_untracked() != Route::Shared {
        nav.replace(Route::Shared);
    }
    nav.settle();
    let app = App::new(catalogue, saved, session, nav);
    provide_context(app);
    // An assessment is brought in line with its framework when it is first changed (or opened
    // from the list), never merely because the page or a link was opened.
    saved.set_reconciler(std::rc::Rc::new(move |a, now| {
        if let Some(f) = catalogue.framework_untracked(&a.framework_id) {
            a.reconcile_at(&f, now);
        }
    }));
    watch_sandbox(app);

    // Keep the root's language, and the message shown if the app stops, in step.
    Effect::new(move |_| {
        let lang = catalogue.lang();
        let _ = root.set_attribute("lang", lang.tag());
        // In a page of its own the whole document is in the chosen language; a council's page
        // keeps its own.
        if catalogue.with_setup(|s| s.standalone) {
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = html.set_attribute("lang", lang.tag());
            }
        }
        panic::register(&root, &crate::text::Boot::get(lang));
    });

    // The document's title names the screen, where the document is the widget's.
    if !catalogue.with_setup(|s| s.embedded) {
        Effect::new(move |_| {
            let title = app.title.text(catalogue.text());
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&title);
            }
        });
    }

    // A route that cannot be shown (no assessment, an unknown theme, a feature switched off)
    // becomes the nearest one that can, without a new history entry.
    let shown = Memo::new(move |_| effective_route(app, nav.route()));
    Effect::new(move |_| {
        let shown = shown.get();
        if shown != nav.route_untracked() {
            nav.replace(shown);
        }
    });

    view! {
        <div class="cmm-app">
            <super::update::UpdateNotice root=update_root />
            {move || {
                catalogue.lang();
                let t = catalogue.text();
                view! {
                    <SettingsWarnings t warnings=warnings.clone() />
                    <ResourcesWarning t />
                    <ContentSources />
                    <Header />
                    <StatusArea />
                    <div class="cmm-screen">{move || screen(shown.get())}</div>
                    <Footer />
                }
            }}
        </div>
    }
}

/// The screen for a route. Screens not needed to answer the first question are split off
/// and loaded when first shown.
fn screen(route: Route) -> AnyView {
    match route {
        Route::Start => view! { <screens::start::StartPage /> }.into_any(),
        Route::Overview => view! { <screens::overview::OverviewPage /> }.into_any(),
        Route::Theme(id) => view! { <screens::theme::ThemePage id /> }.into_any(),
        Route::Check => view! { <Lazy load=screens::load_check /> }.into_any(),
        Route::Results => view! { <Lazy load=screens::load_results /> }.into_any(),
        Route::Board => view! { <Lazy load=screens::load_board /> }.into_any(),
        Route::History => view! { <Lazy load=screens::load_history /> }.into_any(),
        Route::Shared => view! { <Lazy load=screens::load_shared /> }.into_any(),
        Route::Team => view! { <Lazy load=screens::load_team /> }.into_any(),
        Route::Programme => view! { <Lazy load=screens::load_programme /> }.into_any(),
        Route::About => view! { <Lazy load=screens::load_about /> }.into_any(),
        Route::Embed => view! { <Lazy load=screens::load_embed /> }.into_any(),
    }
}

fn effective_route(app: App, route: Route) -> Route {
    let has_current = app.session.current_id().is_some();
    let has_any = app.saved.with(|d| !d.assessments.is_empty());
    let fallback = if has_any {
        Route::History
    } else {
        Route::Start
    };
    match &route {
        r if r.needs_assessment() && !has_current => fallback,
        Route::Theme(id) => {
            let known = app
                .current_framework()
                .is_some_and(|f| f.theme(id).is_some());
            if known {
                route
            } else {
                Route::Overview
            }
        }
        Route::Team if !app.catalogue.config(|c| c.team) => fallback,
        Route::Shared if !app.catalogue.config(|c| c.share) => fallback,
        Route::Embed if !app.catalogue.with_setup(|s| s.standalone) => fallback,
        _ => route,
    }
}

#[component]
fn SettingsWarnings(t: &'static Text, warnings: Vec<ConfigProblem>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        view! {
            <Notice title=t.config_warnings tone=Tone::Info>
                <ul class="cmm-list cmm-list--bullet">
                    {warnings.iter().map(|p| view! { <li><Words parts=t.config_problem_parts(p) quoted=t.quoted /></li> }).collect_view()}
                </ul>
            </Notice>
        }
    })
}

/// A council's resources file that could not be used: the actions show the framework's own help
/// only, and the page says why (in the language now shown).
#[component]
fn ResourcesWarning(t: &'static Text) -> impl IntoView {
    let catalogue = use_app().catalogue;
    move || {
        catalogue.resources_failure().map(|f| {
            view! {
                <Notice title=t.resources_failed tone=Tone::Info>
                    <ul class="cmm-list cmm-list--bullet">
                        {f.lines(t).into_iter().map(|l| view! { <li class="cmm-pre">{l}</li> }).collect_view()}
                    </ul>
                </Notice>
            }
        })
    }
}

/// Content from anywhere but the shipped files is labelled with where it came from.
#[component]
fn ContentSources() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let lines: Vec<String> = app
        .catalogue
        .frameworks()
        .iter()
        .filter_map(|f| {
            app.catalogue.with_entry(&f.id, |e| {
                let mut out = Vec::new();
                if let Some(url) = &e.source {
                    out.push(text::fill(t.source_framework, &[("url", url)]));
                }
                if let Some(url) = &e.benchmarks_source {
                    out.push(text::fill(t.source_benchmarks, &[("url", url)]));
                }
                out
            })
        })
        .flatten()
        .collect();
    // The council's resources file, while it is in use (a file that failed says so instead).
    let resources = app.catalogue.with_setup(|s| {
        s.config
            .resources_url
            .as_ref()
            .map(|url| embed::resolve(url, &s.base))
    });
    let catalogue = app.catalogue;
    move || {
        let mut lines = lines.clone();
        if let Some(url) = resources
            .as_ref()
            .filter(|_| catalogue.resources_failure().is_none())
        {
            lines.push(text::fill(t.source_resources, &[("url", url)]));
        }
        (!lines.is_empty()).then(|| {
            view! {
                <div class="cmm-notice cmm-notice--source" role="note">
                    {lines.into_iter().map(|l| view! { <p class="cmm-body">{l}</p> }).collect_view()}
                </div>
            }
        })
    }
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let nav = app.nav;
    let has_current = move || app.session.current_id().is_some();
    let item = move |label: &'static str, target: Route| {
        let href = target.to_hash();
        let active = {
            let target = target.clone();
            move || {
                let now = nav.route();
                now == target || (target == Route::Overview && matches!(now, Route::Theme(_)))
            }
        };
        view! {
            <li class="cmm-nav__item">
                <a class="cmm-nav__link" href=href aria-current=move || active().then_some("page")
                    on:click=move |ev| follow(ev, nav, target.clone())>
                    {label}
                </a>
            </li>
        }
    };
    // On a narrow widget the links fold behind a Menu button (GOV.UK service navigation);
    // one or two links always fit beside the language switch, so they never fold.
    let open = RwSignal::new(false);
    let few = move || usize::from(has_current()) * 3 + 1 + usize::from(team_offered(app)) <= 2;
    // Moving to another screen closes the menu, as loading a new page would.
    Effect::new(move |_| {
        nav.route();
        open.set(false);
    });
    view! {
        <div class="cmm-header cmm-no-print">
            <div class="cmm-header__bar">
                <nav class="cmm-nav" aria-label=t.nav_label class:cmm-nav--open=open class:cmm-nav--few=few>
                    <button type="button" class="cmm-nav__toggle" aria-controls=NAV_LIST
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {t.nav_menu}
                    </button>
                    <ul class="cmm-nav__list" id=NAV_LIST>
                        {move || has_current().then(|| view! {
                            {item(t.nav_overview, Route::Overview)}
                            {item(t.nav_check, Route::Check)}
                            {item(t.nav_results, Route::Results)}
                        })}
                        {item(t.nav_history, Route::History)}
                        {move || team_offered(app).then(|| item(t.nav_team, Route::Team))}
                    </ul>
                </nav>
                <LanguageSwitch />
            </div>
        </div>
    }
}

const NAV_LIST: &str = "cmm-nav-list";

/// The team view compares colleagues' answers about a council: not offered to a learner rating
/// their own practice, nor where the settings turn it off.
fn team_offered(app: App) -> bool {
    use crate::domain::framework::Audience;
    if !app.catalogue.config(|c| c.team) {
        return false;
    }
    match app.current_framework() {
        Some(f) => f.audience != Audience::Individual,
        None => app.catalogue.organisation_framework().is_some(),
    }
}

/// Follows an in-app link: a plain click moves within the app; a click with a modifier (to
/// open a new tab or window) is left to the browser.
pub fn follow(ev: web_sys::MouseEvent, nav: Nav, route: Route) {
    if follow_here(&ev) {
        ev.prevent_default();
        nav.go(route);
    }
}

/// A plain click (not a middle click or one with a key held to open a new tab or window).
pub fn follow_here(ev: &web_sys::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

const LANGUAGE_SWITCH: &str = "cmm-language-switch";

/// Switches between English and Welsh: the other language's file loads if need be, the choice
/// is remembered for this widget, and the reader stays where they were.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let catalogue = app.catalogue;
    let other = catalogue.lang_untracked().other();
    let failed = RwSignal::new(None::<String>);
    let switch = move |_| {
        let y = browser::scroll_y();
        spawn_local(async move {
            match ensure_text(catalogue, other).await {
                Ok(()) => {
                    app.saved.flush();
                    app.saved.with_store(|s| s.set_language(other.code()));
                    catalogue.set_lang(other);
                    // After the screens are rebuilt, return to the same place, with focus on the
                    // switch (rebuilt too, so it would otherwise fall to the page body).
                    browser::after(0, move || {
                        browser::scroll_to_y(y);
                        browser::focus::focus_by_id(LANGUAGE_SWITCH, true);
                    });
                }
                Err(why) => failed.set(Some(why)),
            }
        });
    };
    let label = match other {
        Lang::En => t.switch_to_english,
        Lang::Cy => t.switch_to_welsh,
    };
    view! {
        <div class="cmm-language">
            <button type="button" class="cmm-link cmm-language__switch" id=LANGUAGE_SWITCH lang=other.tag() on:click=switch>
                {label}
            </button>
            {move || failed.get().map(|why| view! { <p class="cmm-error-message" role="alert">{why}</p> })}
        </div>
    }
}

async fn ensure_text(catalogue: Catalogue, lang: Lang) -> Result<(), String> {
    if catalogue.has_text(lang) {
        return Ok(());
    }
    let t = catalogue.text();
    let base = catalogue.with_setup(|s| s.base.clone());
    let url = embed::resolve(&text::file_for(lang), &base);
    let json = fetch::text(&url)
        .await
        .map_err(|e| fetch_error(t, &url, &e))?;
    let text = Text::leak(lang, &json).map_err(|p| t.problems(&p).join("; "))?;
    catalogue.add_text(lang, text);
    Ok(())
}

#[component]
fn Footer() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let nav = app.nav;
    let standalone = app.catalogue.with_setup(|s| s.standalone);
    let link = move |label: &'static str, route: Route| {
        view! {
            <li><a class="cmm-link" href=route.to_hash() on:click=move |ev| follow(ev, nav, route.clone())>{label}</a></li>
        }
    };
    view! {
        <footer class="cmm-footer cmm-no-print">
            <ul class="cmm-footer__links">
                {link(t.about_link, Route::About)}
                {app.catalogue.config(|c| c.programme).then(|| link(t.programme_link, Route::Programme))}
                {standalone.then(|| link(t.embed_link, Route::Embed))}
            </ul>
        </footer>
    }
}

/// In an iframe, learns what the host's sandbox forbids: from the frame's own origin (no
/// `allow-same-origin` makes it opaque) and from the host script, which can read the iframe's
/// `sandbox` attribute and says which permissions are missing.
fn watch_sandbox(app: App) {
    let opaque = web_sys::window()
        .map(|w| w.origin() == "null")
        .unwrap_or(false);
    if opaque {
        app.limits.update(|l| l.no_storage_origin = true);
    }
    let handle = window_event_listener(leptos::ev::message, move |e| {
        let from_parent = web_sys::window()
            .and_then(|w| w.parent().ok().flatten())
            .zip(e.source())
            .is_some_and(|(parent, source)| js_sys::Object::is(&parent, &source));
        if !from_parent {
            return;
        }
        let data = e.data();
        let kind = js_sys::Reflect::get(&data, &"type".into())
            .ok()
            .and_then(|v| v.as_string());
        if kind.as_deref() != Some("cmm:sandbox") {
            return;
        }
        let missing: Vec<String> = js_sys::Reflect::get(&data, &"missing".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        app.limits.set(Limits {
            no_downloads: missing.iter().any(|m| m == "allow-downloads"),
            no_storage_origin: opaque || missing.iter().any(|m| m == "allow-same-origin"),
            no_print: missing.iter().any(|m| m == "allow-modals"),
        });
    });
    on_cleanup(move || handle.remove());
}
