//! The app's state, each part with one owner:
//! - [`Catalogue`]: read-only — settings, language files, frameworks and benchmarks;
//! - [`Saved`]: the saved assessments, read by all, changed only through its commands;
//! - [`Session`]: this tab's current assessment;
//! - [`Nav`]: which screen is shown, and the address or memory that holds it.
//!
//! Screen state (an import being previewed, an undo, a half-typed name) lives in the screen
//! that uses it. [`App`] bundles the handles so a component asks for one context.

pub mod catalogue;
pub mod councils;
pub mod nav;
pub mod saved;
pub mod session;
pub mod title;

use std::sync::Arc;

use leptos::prelude::*;

pub use catalogue::Catalogue;
pub use councils::{Councils, RegisterState};
pub use nav::Nav;
pub use saved::{SaveStatus, Saved};
pub use session::Session;
pub use title::PageTitle;

use crate::domain::{Assessment, Framework};
use crate::route::Route;
use crate::text::Text;

/// Why downloads cannot work here (a sandboxed iframe without `allow-downloads`), if known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Limits {
    pub no_downloads: bool,
    pub no_storage_origin: bool,
    pub no_print: bool,
}

#[derive(Clone, Copy)]
pub struct App {
    pub catalogue: Catalogue,
    pub saved: Saved,
    pub session: Session,
    pub nav: Nav,
    /// The register of councils, fetched when first needed.
    pub councils: Councils,
    /// The assessment this tab works on (memoised: a change elsewhere in the saved data does
    /// not disturb screens that read only this).
    pub current: Memo<Option<Assessment>>,
    /// A problem with something the user just asked for (a download, a copy), shown once.
    pub alert: RwSignal<Option<String>>,
    pub limits: RwSignal<Limits>,
    /// Bumped to try drawing every chart again (after the chart library failed to load).
    pub redraw: RwSignal<u32>,
    pub title: PageTitle,
}

impl App {
    pub fn new(catalogue: Catalogue, saved: Saved, session: Session, nav: Nav) -> App {
        // Read in line with its framework as loaded; stored as it is until it is changed.
        let current = Memo::new(move |_| {
            let id = session.current_id()?;
            let a = saved.with(|d| d.get(&id).cloned())?;
            Some(match catalogue.framework(&a.framework_id) {
                Some(f) if a.needs_reconcile(&f) => a.reconciled(&f),
                _ => a,
            })
        });
        App {
            catalogue,
            saved,
            session,
            nav,
            councils: Councils::new(),
            current,
            alert: RwSignal::new(None),
            limits: RwSignal::new(Limits::default()),
            redraw: RwSignal::new(0),
            title: PageTitle::new(),
        }
    }

    /// The words in the current language.
    pub fn t(&self) -> &'static Text {
        self.catalogue.text()
    }

    /// The framework of the assessment this tab works on.
    pub fn current_framework(&self) -> Option<Arc<Framework>> {
        let id = self
            .current
            .with(|a| a.as_ref().map(|a| a.framework_id.clone()))?;
        self.catalogue.framework(&id)
    }

    pub fn go(&self, route: Route) {
        self.nav.go(route);
    }

    /// Makes `id` this tab's assessment, brought in line with its framework, and shows `route`.
    pub fn open(&self, id: &str, route: Route) {
        self.reconcile(id);
        self.session.set_current(Some(id));
        self.nav.go(route);
    }

    /// Brings assessment `id` in line with its framework as loaded (renamed questions follow,
    /// dropped ones are set aside); only the assessment being edited is ever reconciled.
    pub fn reconcile(&self, id: &str) {
        let framework = self
            .saved
            .get(id)
            .and_then(|a| self.catalogue.framework(&a.framework_id));
        if let Some(f) = framework {
            self.saved.reconcile(id, &f);
        }
    }

    pub fn show_alert(&self, message: String) {
        self.alert.set(Some(message));
    }
}

pub fn use_app() -> App {
    expect_context::<App>()
}
