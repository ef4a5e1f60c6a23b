//! The catalogue: what the widget reads and never changes — its settings, the language files,
//! the frameworks it offers and their benchmarks. Everything in it is validated when loaded.
//! Changing language swaps which copy is read; the documents themselves stay as loaded.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::fetch::FetchError;
use crate::domain::config::{Builtin, EmbedConfig};
use crate::domain::{BenchmarkFile, Framework, Localised, Problems};
use crate::text::{Lang, Text};

/// Where a content file came from, when it is not the one shipped with the widget: the screen
/// says so, since the council (or whoever sent the link) chose it.
pub type Source = Option<String>;

/// The benchmarks of one framework, which load beside the first screen and are needed only
/// for results.
#[derive(Clone)]
pub enum Benchmarks {
    Loading,
    /// Fetched from this address, not yet read.
    Fetched(String, Rc<String>),
    Ready(Rc<ReadBenchmarks>),
    Failed(Rc<BenchFailure>),
}

/// A benchmark file read and validated, with its copy in each language made once (every
/// change to the assessment recomputes the results, which read it).
pub struct ReadBenchmarks {
    file: BenchmarkFile<Localised>,
    resolved: RefCell<HashMap<Lang, Rc<BenchmarkFile>>>,
}

impl ReadBenchmarks {
    pub fn new(file: BenchmarkFile<Localised>) -> Rc<ReadBenchmarks> {
        Rc::new(ReadBenchmarks {
            file,
            resolved: RefCell::default(),
        })
    }

    pub fn resolved(&self, lang: Lang) -> Rc<BenchmarkFile> {
        self.resolved
            .borrow_mut()
            .entry(lang)
            .or_insert_with(|| Rc::new(self.file.resolve(lang.code())))
            .clone()
    }
}

/// Why a benchmark file could not be used: its address, and the fetch error or its problems.
pub enum BenchFailure {
    Fetch(String, FetchError),
    Invalid(String, Problems),
}

pub struct Entry {
    pub builtin: Builtin,
    pub doc: Arc<Framework<Localised>>,
    pub source: Source,
    pub benchmarks_source: Source,
    resolved: RefCell<HashMap<Lang, Arc<Framework>>>,
    pub benchmarks: RwSignal<Benchmarks, LocalStorage>,
}

impl Entry {
    pub fn new(
        builtin: Builtin,
        doc: Framework<Localised>,
        source: Source,
        benchmarks_source: Source,
    ) -> Entry {
        Entry {
            builtin,
            doc: Arc::new(doc),
            source,
            benchmarks_source,
            resolved: RefCell::default(),
            benchmarks: RwSignal::new_local(Benchmarks::Loading),
        }
    }

    fn resolved(&self, lang: Lang) -> Arc<Framework> {
        self.resolved
            .borrow_mut()
            .entry(lang)
            .or_insert_with(|| Arc::new(self.doc.resolve(lang.code())))
            .clone()
    }
}

/// What the widget was given when it mounted.
pub struct Setup {
    pub config: EmbedConfig,
    /// The folder the widget's files are in.
    pub base: String,
    /// In a page of its own (not inside a council's page or an iframe).
    pub standalone: bool,
    /// Inside a council's page (script mode).
    pub embedded: bool,
}

/// Why a council's resources file was not added to its framework: the framework is used
/// without it, and the page says why.
#[derive(Debug, Clone)]
pub enum ResourcesFailure {
    Fetch(String, crate::browser::fetch::FetchError),
    Invalid(String, crate::domain::Problems),
}

struct Inner {
    setup: Setup,
    texts: HashMap<Lang, &'static Text>,
    frameworks: Vec<Entry>,
    /// Offered frameworks not loaded at start-up (the first screen did not need them).
    later: Vec<Builtin>,
}

/// A cheap handle, shared through context.
#[derive(Clone, Copy)]
pub struct Catalogue {
    inner: StoredValue<Inner, LocalStorage>,
    lang: RwSignal<Lang>,
    /// Frameworks still loading: only the one the first screen needs is awaited at start-up.
    pending: RwSignal<usize>,
    /// Why the council's own resources file was not used, whenever its framework loaded.
    resources: RwSignal<Option<ResourcesFailure>, LocalStorage>,
}

impl Catalogue {
    pub fn new(setup: Setup, lang: Lang, text: &'static Text, frameworks: Vec<Entry>) -> Catalogue {
        Catalogue {
            inner: StoredValue::new_local(Inner {
                setup,
                texts: HashMap::from([(lang, text)]),
                frameworks,
                later: Vec::new(),
            }),
            lang: RwSignal::new(lang),
            pending: RwSignal::new(0),
            resources: RwSignal::new_local(None),
        }
    }

    /// Why the council's own resources file was not used, if it was not (tracked).
    pub fn resources_failure(&self) -> Option<ResourcesFailure> {
        self.resources.get()
    }

    /// Notes why the resources file was not used (nothing, if it was).
    pub fn report_resources(&self, failure: Option<ResourcesFailure>) {
        if failure.is_some() {
            self.resources.set(failure);
        }
    }

    /// Frameworks still loading (tracked).
    pub fn pending(&self) -> usize {
        self.pending.get()
    }

    pub fn set_pending(&self, n: usize) {
        self.pending.set(n);
    }

    /// Notes the frameworks to load when a screen first needs every one.
    pub fn defer(&self, later: Vec<Builtin>) {
        self.inner.update_value(|i| i.later = later);
    }

    /// The frameworks deferred at start-up, handed over once (to load now).
    pub fn take_deferred(&self) -> Vec<Builtin> {
        let mut taken = Vec::new();
        self.inner
            .update_value(|i| taken = std::mem::take(&mut i.later));
        taken
    }

    /// Adds a framework that finished loading after start-up, in the settings' order.
    pub fn add_entry(&self, entry: Entry) {
        self.inner.update_value(|i| {
            let order = |b: Builtin| i.setup.config.frameworks.iter().position(|x| *x == b);
            i.frameworks.push(entry);
            i.frameworks.sort_by_key(|e| order(e.builtin));
        });
        self.pending.update(|n| *n = n.saturating_sub(1));
    }

    /// The words of the current language. Not reactive: the screens are rebuilt when the
    /// language changes.
    pub fn text(&self) -> &'static Text {
        let lang = self.lang.get_untracked();
        self.inner.with_value(|i| i.texts[&lang])
    }

    /// The current language, tracked (changing it rebuilds the screens).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn has_text(&self, lang: Lang) -> bool {
        self.inner.with_value(|i| i.texts.contains_key(&lang))
    }

    pub fn add_text(&self, lang: Lang, text: &'static Text) {
        self.inner.update_value(|i| {
            i.texts.insert(lang, text);
        });
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }

    pub fn with_setup<R>(&self, f: impl FnOnce(&Setup) -> R) -> R {
        self.inner.with_value(|i| f(&i.setup))
    }

    pub fn config<R>(&self, f: impl FnOnce(&EmbedConfig) -> R) -> R {
        self.inner.with_value(|i| f(&i.setup.config))
    }

    /// A framework, in the current language (tracked: it may arrive after start-up).
    pub fn framework(&self, id: &str) -> Option<Arc<Framework>> {
        self.pending.track();
        let lang = self.lang.get_untracked();
        self.inner.with_value(|i| {
            i.frameworks
                .iter()
                .find(|e| e.doc.id == id)
                .map(|e| e.resolved(lang))
        })
    }

    pub fn framework_untracked(&self, id: &str) -> Option<Arc<Framework>> {
        let lang = self.lang.get_untracked();
        self.inner.with_value(|i| {
            i.frameworks
                .iter()
                .find(|e| e.doc.id == id)
                .map(|e| e.resolved(lang))
        })
    }

    /// The frameworks on offer, in the order the settings give, in the current language
    /// (tracked: one may still arrive).
    pub fn frameworks(&self) -> Vec<Arc<Framework>> {
        self.pending.track();
        let lang = self.lang.get_untracked();
        self.inner
            .with_value(|i| i.frameworks.iter().map(|e| e.resolved(lang)).collect())
    }

    /// The first framework for organisations (the team view compares colleagues with it).
    pub fn organisation_framework(&self) -> Option<Arc<Framework>> {
        self.frameworks()
            .into_iter()
            .find(|f| f.audience == crate::domain::Audience::Organisation)
    }

    pub fn with_entry<R>(&self, id: &str, f: impl FnOnce(&Entry) -> R) -> Option<R> {
        self.inner
            .with_value(|i| i.frameworks.iter().find(|e| e.doc.id == id).map(f))
    }

    /// Where a framework's benchmarks have got to (tracked). Reading a fetched file is left to
    /// the screens that compare with it (see `screens::results::benchmarks`).
    pub fn benchmarks_state(&self, framework_id: &str) -> Benchmarks {
        self.with_entry(framework_id, |e| e.benchmarks.get())
            .unwrap_or(Benchmarks::Loading)
    }

    pub fn set_benchmarks(&self, framework_id: &str, state: Benchmarks) {
        self.with_entry(framework_id, |e| e.benchmarks.set(state));
    }
}
