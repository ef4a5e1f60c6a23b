//! The saved assessments: read by everyone, changed only through the named commands here, each
//! saved at once (notes a moment after typing stops). A change made in another tab is taken in,
//! never overwritten: a write goes ahead only if storage still holds what this tab last saw,
//! and otherwise this tab's changes are laid over the other tab's data and written again.

use leptos::prelude::*;

use crate::browser::storage::{Access, Opened, Store, WriteError};
use crate::browser::{self, now_iso};
use crate::domain::assessment::PlanStep;
use crate::domain::context::Context;
use crate::domain::exchange::{merge, MergeReport};
use crate::domain::saved::{Changes, LoadError, SavedData};
use crate::domain::{Assessment, Framework, Level, Rating};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved,
    /// Storage is blocked: answers last as long as the page.
    InMemoryOnly,
    Full,
    /// This tab stopped writing (it saw data from a newer version).
    Stopped,
    Failed(String),
}

/// A message about the saved data that stays until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum DataNotice {
    /// Saved data could not be read. `kept`: a backup of it exists.
    Unreadable { error: LoadError, kept: bool },
    /// Another tab changed the assessment this tab shows.
    OtherTab,
}

/// Notes wait this long after the last keystroke before they are written.
const NOTE_DELAY_MS: i32 = 600;

#[derive(Clone, Copy)]
pub struct Saved {
    data: RwSignal<SavedData>,
    store: StoredValue<Store, LocalStorage>,
    changes: StoredValue<Changes>,
    timer: StoredValue<Option<i32>>,
    status: RwSignal<SaveStatus>,
    notice: RwSignal<Option<DataNotice>>,
    asked_persist: StoredValue<bool>,
    /// Brings an assessment in line with its framework as loaded: done when the assessment is
    /// first changed, never merely because the page was opened (or a link named a framework).
    reconciler: StoredValue<Option<Reconciler>, LocalStorage>,
}

/// See [`Saved::set_reconciler`].
pub type Reconciler = std::rc::Rc<dyn Fn(&mut Assessment, &str)>;

impl Saved {
    /// Opens storage and reads what is there. Returns the assessment an older schema marked
    /// as current, if any.
    pub fn open(namespace: &str) -> (Saved, Option<String>) {
        let store = Store::open(namespace);
        let mut notice = None;
        let mut data = SavedData::default();
        let mut last_current = None;
        match store.read() {
            Opened::Empty => {}
            Opened::Loaded(loaded) => {
                last_current = loaded.last_current;
                data = loaded.data;
            }
            Opened::Unreadable { error, kept, .. } => {
                notice = Some(DataNotice::Unreadable { error, kept })
            }
        }
        let status = status_for(store.access());
        let saved = Saved {
            data: RwSignal::new(data),
            store: StoredValue::new_local(store),
            changes: StoredValue::new(Changes::default()),
            timer: StoredValue::new(None),
            status: RwSignal::new(status),
            notice: RwSignal::new(notice),
            asked_persist: StoredValue::new(false),
            reconciler: StoredValue::new_local(None),
        };
        saved.follow_other_tabs();
        saved.flush_when_hidden();
        (saved, last_current)
    }

    /// The saved data, read-only (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&SavedData) -> R) -> R {
        self.data.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&SavedData) -> R) -> R {
        self.data.with_untracked(f)
    }

    pub fn get(&self, id: &str) -> Option<Assessment> {
        self.data.with(|d| d.get(id).cloned())
    }

    pub fn status(&self) -> SaveStatus {
        self.status.get()
    }

    pub fn notice(&self) -> Option<DataNotice> {
        self.notice.get()
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    pub fn access(&self) -> Access {
        self.store.with_value(Store::access)
    }

    pub fn with_store<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.store.with_value(f)
    }

    /// How to bring an assessment in line with its framework before it is changed.
    pub fn set_reconciler(&self, f: Reconciler) {
        self.reconciler.set_value(Some(f));
    }

    fn reconcile_before_edit(&self, a: &mut Assessment, now: &str) {
        if let Some(f) = self.reconciler.get_value() {
            f(a, now);
        }
    }

    // ---- commands ----

    pub fn add(&self, assessment: Assessment) {
        let id = assessment.id.clone();
        self.change(&id, |d| d.upsert(assessment));
    }

    pub fn set_rating(&self, id: &str, question_id: &str, rating: Rating) {
        self.edit(id, |a, now| a.set_rating(question_id, rating, now));
    }

    /// Keeps a note at once in the page, and in storage a moment after typing stops (or when
    /// the page is hidden or closed).
    pub fn set_note(&self, id: &str, question_id: &str, note: &str) {
        let now = now_iso();
        self.data.update(|d| {
            if let Some(a) = d.get_mut(id) {
                self.reconcile_before_edit(a, &now);
                a.set_note(question_id, note, &now);
            }
        });
        self.changes.update_value(|c| c.changed(id));
        self.schedule();
    }

    pub fn set_target(&self, id: &str, theme_id: &str, level: Option<Level>) {
        self.edit(id, |a, now| a.set_target(theme_id, level, now));
    }

    pub fn set_context(&self, id: &str, context: Context) {
        self.edit(id, |a, now| a.set_context(context, now));
    }

    pub fn set_plan_step(&self, id: &str, question_id: &str, step: PlanStep) {
        self.edit(id, |a, now| a.set_plan_step(question_id, step, now));
    }

    /// Changes one part of a plan step, starting from the step as saved now (so a change to its
    /// owner never puts back an older date).
    pub fn change_plan_step(
        &self,
        id: &str,
        question_id: &str,
        change: impl FnOnce(&mut PlanStep),
    ) {
        self.edit(id, |a, now| {
            let mut step = a.plan.get(question_id).cloned().unwrap_or_default();
            change(&mut step);
            a.set_plan_step(question_id, step, now);
        });
    }

    /// Remembers the benchmark chosen to compare with.
    pub fn set_compare_with(&self, id: &str, benchmark_id: Option<String>) {
        self.edit(id, |a, now| a.set_compare_with(benchmark_id, now));
    }

    pub fn rename(&self, id: &str, name: &str) {
        self.edit(id, |a, now| a.rename(name, now));
    }

    /// Deletes an assessment, returning it and its place for the screen's Undo.
    pub fn delete(&self, id: &str) -> Option<(usize, Assessment)> {
        let mut removed = None;
        self.data.update(|d| removed = d.remove(id));
        self.changes.update_value(|c| c.removed(id));
        self.persist();
        removed
    }

    pub fn restore(&self, pos: usize, assessment: Assessment) {
        let id = assessment.id.clone();
        self.change(&id, |d| d.restore(pos, assessment));
    }

    /// Brings the assessment being opened in line with its framework's current version. Only
    /// this one is touched; the others stay as they are stored until they are opened.
    pub fn reconcile(&self, id: &str, framework: &Framework) {
        let needs = self
            .data
            .with_untracked(|d| d.get(id).is_some_and(|a| a.needs_reconcile(framework)));
        if needs {
            self.edit(id, |a, now| a.reconcile_at(framework, now));
        }
    }

    /// Adds imported assessments without overwriting any already here.
    pub fn import(&self, incoming: Vec<Assessment>, copy_suffix: &str) -> MergeReport {
        let mut report = MergeReport::default();
        let before: Vec<String> = self
            .data
            .with_untracked(|d| d.assessments.iter().map(|a| a.id.clone()).collect());
        self.data.update(|d| {
            report = merge(d, incoming, browser::new_id, copy_suffix);
        });
        let added: Vec<String> = self.data.with_untracked(|d| {
            d.assessments
                .iter()
                .filter(|a| !before.contains(&a.id))
                .map(|a| a.id.clone())
                .collect()
        });
        self.changes
            .update_value(|c| added.iter().for_each(|id| c.changed(id)));
        self.persist();
        report
    }

    // ---- saving ----

    /// Applies one edit to assessment `id` (at the time now) and saves it.
    fn edit(&self, id: &str, f: impl FnOnce(&mut Assessment, &str)) {
        let now = now_iso();
        self.change(id, |d| {
            if let Some(a) = d.get_mut(id) {
                self.reconcile_before_edit(a, &now);
                f(a, &now);
            }
        });
    }

    fn change(&self, id: &str, f: impl FnOnce(&mut SavedData)) {
        self.data.update(f);
        self.changes.update_value(|c| c.changed(id));
        self.persist();
    }

    fn schedule(&self) {
        if let Some(t) = self.timer.get_value() {
            browser::cancel(t);
        }
        let me = *self;
        let handle = browser::after(NOTE_DELAY_MS, move || {
            me.timer.try_set_value(None);
            me.persist();
        });
        self.timer.set_value(handle);
        self.arm_panic_save();
    }

    /// If the app stops before the timer fires, the panic hook saves what is waiting, by the
    /// same rule as every save (see `browser::panic`). Kept up to date while a note waits.
    fn arm_panic_save(&self) {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|_| self.access() == Access::Writable);
        browser::panic::set_pending(storage.map(|storage| browser::panic::Pending {
            storage,
            key: self.store.with_value(Store::data_key),
            seen: self.store.with_value(Store::seen),
            data: self.data.get_untracked(),
            changes: self.changes.get_value(),
        }));
    }

    /// Writes now anything still waiting.
    pub fn flush(&self) {
        if self.timer.try_get_value().flatten().is_some() {
            self.persist();
        }
    }

    fn persist(&self) {
        if let Some(Some(t)) = self.timer.try_get_value() {
            browser::cancel(t);
            self.timer.set_value(None);
        }
        browser::panic::set_pending(None);
        let mut status = SaveStatus::Idle;
        // Another tab may write between our read and write; two retries are plenty.
        for _ in 0..3 {
            let json = self.data.with_untracked(SavedData::to_json);
            match self.store.with_value(|s| s.write(&json)) {
                Ok(()) => {
                    status = match self.access() {
                        Access::Blocked => SaveStatus::InMemoryOnly,
                        _ => SaveStatus::Saved,
                    };
                    self.changes.set_value(Changes::default());
                    break;
                }
                Err(WriteError::Changed) => {
                    if !self.take_in_other_tab() {
                        status = SaveStatus::Stopped;
                        break;
                    }
                }
                Err(WriteError::Full) => {
                    status = SaveStatus::Full;
                    break;
                }
                Err(WriteError::Blocked) => {
                    status = SaveStatus::InMemoryOnly;
                    break;
                }
                Err(WriteError::Stopped) => {
                    status = SaveStatus::Stopped;
                    break;
                }
                Err(WriteError::Failed(why)) => {
                    status = SaveStatus::Failed(why);
                    break;
                }
            }
        }
        if status == SaveStatus::Saved && !self.asked_persist.get_value() {
            self.asked_persist.set_value(true);
            browser::request_persistent_storage();
        }
        self.status.set(status);
    }

    /// Reads what another tab wrote and lays this tab's unsaved changes over it (in the page
    /// only). False when the data cannot be read by this build: this tab then stops writing.
    fn take_in_other_tab(&self) -> bool {
        let raw = self.store.with_value(Store::stored_raw);
        self.take_in(raw)
    }

    fn take_in(&self, raw: Option<String>) -> bool {
        match self.store.with_value(|s| s.read_changed(raw)) {
            Opened::Loaded(loaded) => {
                let changes = self.changes.get_value();
                let ours = self.data.get_untracked();
                self.data
                    .set(loaded.data.with_changes_from(&ours, &changes));
                true
            }
            Opened::Empty => {
                let changes = self.changes.get_value();
                let ours = self.data.get_untracked();
                self.data
                    .set(SavedData::default().with_changes_from(&ours, &changes));
                true
            }
            Opened::Unreadable { error, kept, .. } => {
                browser::panic::set_pending(None);
                self.notice
                    .set(Some(DataNotice::Unreadable { error, kept }));
                self.status.set(SaveStatus::Stopped);
                false
            }
        }
    }

    /// Follows another tab's saves. The handler only reads: it never writes anything.
    fn follow_other_tabs(&self) {
        let me = *self;
        let key = self.store.with_value(Store::data_key);
        let handle = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() != Some(key.as_str()) {
                return;
            }
            let before = me.data.get_untracked();
            if me.take_in(e.new_value()) {
                let after = me.data.get_untracked();
                if before != after {
                    me.notice.set(Some(DataNotice::OtherTab));
                }
                if me.timer.get_value().is_some() {
                    me.arm_panic_save();
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Writes a waiting note when the page is hidden or closed, so the last keystrokes are kept.
    fn flush_when_hidden(&self) {
        let me = *self;
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                me.flush();
            }
        });
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| me.flush());
        on_cleanup(move || {
            hidden.remove();
            pagehide.remove();
        });
    }
}

fn status_for(access: Access) -> SaveStatus {
    match access {
        Access::Writable => SaveStatus::Idle,
        Access::Full => SaveStatus::Full,
        Access::Blocked => SaveStatus::InMemoryOnly,
        Access::Stopped => SaveStatus::Stopped,
    }
}
