//! Application state, owned here and shared through context. Every change is saved at once;
//! a change made in another tab is followed rather than overwritten.

use leptos::prelude::*;

use crate::browser::storage::{Opened, Store, WriteError};
use crate::browser::{self, new_id, now_iso};
use crate::domain::config::EmbedConfig;
use crate::domain::dates::file_date;
use crate::domain::exchange::{export, merge, parse_import, to_csv, CsvWords, MergeReport};
use crate::domain::saved::SavedData;
use crate::domain::share::{self, SHARE_PREFIX};
use crate::domain::{Assessment, AssessmentKind, BenchmarkFile, Framework, Rating};
use crate::text::{fill, Text, EN};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Overview,
    Theme(usize),
    Check,
    Results,
    History,
    /// Results from a share link, read-only.
    Shared,
    /// Several colleagues' files compared.
    Team,
    /// The snippet writer for council web teams.
    Embed,
}

impl Screen {
    /// A short name, stored so a reload returns the user to the same place.
    fn to_place(self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Overview => "overview".into(),
            Screen::Theme(i) => format!("theme:{i}"),
            Screen::Check => "check".into(),
            Screen::Results => "results".into(),
            Screen::History => "history".into(),
            Screen::Team => "team".into(),
            Screen::Embed => "embed".into(),
            // A share link is opened from its URL, never resumed.
            Screen::Shared => "start".into(),
        }
    }

    fn from_place(place: &str, themes: usize) -> Option<Screen> {
        Some(match place {
            "start" => Screen::Start,
            "overview" => Screen::Overview,
            "check" => Screen::Check,
            "results" => Screen::Results,
            "history" => Screen::History,
            "team" => Screen::Team,
            "embed" => Screen::Embed,
            other => {
                let i: usize = other.strip_prefix("theme:")?.parse().ok()?;
                (i < themes).then_some(Screen::Theme(i))?
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved,
    InMemoryOnly,
    Full,
    Failed(String),
}

/// A message the user must see until they dismiss it.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Saved data could not be read; `raw` is offered for download.
    Unreadable {
        why: String,
        raw: String,
    },
    OtherTab,
}

/// The steps of an import: a file read and previewed, refused with a reason, or merged.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    Preview {
        file_name: String,
        assessments: Vec<Assessment>,
    },
    Failed {
        file_name: String,
        message: String,
    },
    Done(MergeReport),
}

/// The version written into export files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Copy)]
pub struct AppState {
    pub text: &'static Text,
    pub framework: StoredValue<Framework>,
    pub benchmarks: StoredValue<BenchmarkFile>,
    pub data: RwSignal<SavedData>,
    pub screen: RwSignal<Screen>,
    /// True once the user has moved between screens: only then does focus move to the heading,
    /// so a widget embedded low on a page does not steal focus on load.
    pub navigated: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last deleted assessment and its position, for Undo.
    pub deleted: RwSignal<Option<(usize, Assessment)>>,
    /// An import being previewed, or its outcome.
    pub import: RwSignal<Option<ImportState>>,
    /// How the page embedding the widget set it up.
    pub config: StoredValue<EmbedConfig>,
    /// Results opened from a share link, or why the link could not be read.
    pub shared: StoredValue<Option<Result<Assessment, String>>>,
    /// The benchmark the results compare with.
    pub benchmark_id: RwSignal<Option<String>>,
    store: StoredValue<Store, LocalStorage>,
    asked_persist: StoredValue<bool>,
}

impl AppState {
    pub fn new(framework: Framework, benchmarks: BenchmarkFile, config: EmbedConfig) -> AppState {
        let store = Store::open(&config.namespace);
        let mut notice = None;
        let mut data = SavedData::default();
        match store.read() {
            Opened::Empty => {}
            Opened::Loaded(loaded) => data = reconciled(loaded.data, &framework),
            Opened::Unreadable { error, raw } => {
                notice = Some(Notice::Unreadable {
                    why: EN.load_error(&error),
                    raw,
                })
            }
        }
        let saved_place = store
            .place()
            .and_then(|p| Screen::from_place(&p, framework.themes.len()));
        let screen = match (data.current().is_some(), saved_place) {
            (true, Some(place)) => place,
            (true, None) => Screen::Overview,
            (false, Some(Screen::History)) => Screen::History,
            (false, _) => Screen::Start,
        };
        let shared = browser::location_hash()
            .filter(|h| config.share && h.starts_with(SHARE_PREFIX))
            .map(|h| share::decode(&h, &framework).map_err(|e| EN.share_error(&e)));
        let screen = if shared.is_some() {
            Screen::Shared
        } else {
            screen
        };
        let save_status = if store.is_persistent() {
            SaveStatus::Idle
        } else {
            SaveStatus::InMemoryOnly
        };
        let state = AppState {
            text: &EN,
            framework: StoredValue::new(framework),
            benchmarks: StoredValue::new(benchmarks.clone()),
            data: RwSignal::new(data),
            screen: RwSignal::new(screen),
            navigated: RwSignal::new(false),
            save_status: RwSignal::new(save_status),
            notice: RwSignal::new(notice),
            deleted: RwSignal::new(None),
            import: RwSignal::new(None),
            shared: StoredValue::new(shared),
            config: StoredValue::new(config),
            benchmark_id: RwSignal::new(benchmarks.benchmarks.first().map(|b| b.id.clone())),
            store: StoredValue::new_local(store),
            asked_persist: StoredValue::new(false),
        };
        state.follow_other_tabs();
        state
    }

    /// When another tab saves, take its version instead of later overwriting it with ours.
    fn follow_other_tabs(&self) {
        let state = *self;
        let key = self.store.with_value(Store::data_key);
        let handle = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() != Some(key.as_str()) {
                return;
            }
            let opened = state.store.with_value(Store::read);
            match opened {
                Opened::Loaded(loaded) => {
                    let data = state.framework.with_value(|f| reconciled(loaded.data, f));
                    if state
                        .data
                        .with_untracked(|d| d.current.is_none() || data.current().is_none())
                    {
                        state.screen.set(if data.current().is_some() {
                            Screen::Overview
                        } else {
                            Screen::History
                        });
                    }
                    state.data.set(data);
                    state.notice.set(Some(Notice::OtherTab));
                }
                Opened::Empty => {
                    state.data.set(SavedData::default());
                    state.screen.set(Screen::Start);
                    state.notice.set(Some(Notice::OtherTab));
                }
                Opened::Unreadable { error, raw } => state.notice.set(Some(Notice::Unreadable {
                    why: EN.load_error(&error),
                    raw,
                })),
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn persist(&self) {
        let status = self.store.with_value(|store| {
            if !store.is_persistent() {
                return SaveStatus::InMemoryOnly;
            }
            match self.data.with_untracked(|d| store.write(d)) {
                Ok(()) => SaveStatus::Saved,
                Err(WriteError::Full) => SaveStatus::Full,
                Err(WriteError::Failed(why)) => SaveStatus::Failed(why),
            }
        });
        if status == SaveStatus::Saved && !self.asked_persist.get_value() {
            self.asked_persist.set_value(true);
            browser::request_persistent_storage();
        }
        self.save_status.set(status);
    }

    pub fn go(&self, screen: Screen) {
        self.navigated.set(true);
        self.screen.set(screen);
        self.store.with_value(|s| s.set_place(&screen.to_place()));
    }

    pub fn start(&self, kind: AssessmentKind, organisation: String, role: String) {
        let mut assessment = self
            .framework
            .with_value(|f| Assessment::new(new_id(), f, kind, &now_iso()));
        assessment.organisation = organisation.trim().to_string();
        assessment.role = role.trim().to_string();
        self.add_and_open(assessment);
    }

    fn add_and_open(&self, assessment: Assessment) {
        self.data.update(|d| {
            d.current = Some(assessment.id.clone());
            d.upsert(assessment);
        });
        self.persist();
        self.go(Screen::Overview);
    }

    fn update_current(&self, change: impl FnOnce(&mut Assessment)) {
        self.data.update(|d| {
            if let Some(a) = d.current_mut() {
                change(a);
            }
        });
        self.persist();
    }

    pub fn set_rating(&self, question_id: &str, rating: Rating) {
        let now = now_iso();
        self.update_current(|a| a.set_rating(question_id, rating, &now));
    }

    pub fn set_note(&self, question_id: &str, note: &str) {
        let now = now_iso();
        self.update_current(|a| a.set_note(question_id, note, &now));
    }

    /// Sets or clears the user's own target level for a theme (clearing means "use the benchmark").
    pub fn set_target(&self, theme_id: &str, level: Option<crate::domain::Level>) {
        let now = now_iso();
        self.update_current(|a| {
            match level {
                Some(l) => a.targets.insert(theme_id.to_string(), l),
                None => a.targets.remove(theme_id),
            };
            a.updated = now;
        });
    }

    pub fn open(&self, id: &str) {
        self.data.update(|d| d.current = Some(id.to_string()));
        self.persist();
        self.go(Screen::Overview);
    }

    pub fn rename(&self, id: &str, name: String) {
        let now = now_iso();
        self.data.update(|d| {
            if let Some(a) = d.assessments.iter_mut().find(|a| a.id == id) {
                a.name = name.trim().to_string();
                a.updated = now;
            }
        });
        self.persist();
    }

    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.data.update(|d| {
            if let Some(pos) = d.assessments.iter().position(|a| a.id == id) {
                removed = Some((pos, d.assessments.remove(pos)));
                if d.current.as_deref() == Some(id) {
                    d.current = None;
                }
            }
        });
        self.deleted.set(removed);
        self.persist();
    }

    pub fn undo_delete(&self) {
        let Some((pos, assessment)) = self.deleted.get_untracked() else {
            return;
        };
        self.data.update(|d| {
            let pos = pos.min(d.assessments.len());
            d.assessments.insert(pos, assessment);
        });
        self.deleted.set(None);
        self.persist();
    }

    pub fn reassess(&self, id: &str) {
        let Some(source) = self
            .data
            .with_untracked(|d| d.assessments.iter().find(|a| a.id == id).cloned())
        else {
            return;
        };
        let next = self
            .framework
            .with_value(|f| source.reassess_from(new_id(), f, &now_iso()));
        self.add_and_open(next);
    }

    pub fn current_rating(&self, question_id: &str) -> Option<Rating> {
        self.data
            .with(|d| d.current().and_then(|a| a.rating(question_id)))
    }

    pub fn theme_count(&self) -> usize {
        self.framework.with_value(|f| f.themes.len())
    }

    /// Offers every assessment in this browser as an export file (which imports back).
    pub fn download_backup(&self) {
        let all = self.data.with_untracked(|d| d.assessments.clone());
        let name = format!(
            "contract-management-maturity-backup-{}.json",
            file_date(&now_iso())
        );
        self.offer(
            &name,
            "application/json",
            &export(&all, APP_VERSION, &now_iso()),
        );
    }

    /// Offers one assessment as an export file, named after the day it was started.
    pub fn download_assessment(&self, id: &str) {
        let Some(a) = self
            .data
            .with_untracked(|d| d.assessments.iter().find(|a| a.id == id).cloned())
        else {
            return;
        };
        let name = format!(
            "contract-management-maturity-{}.json",
            file_date(&a.created)
        );
        self.offer(
            &name,
            "application/json",
            &export(std::slice::from_ref(&a), APP_VERSION, &now_iso()),
        );
    }

    /// Offers an assessment's answers as CSV, one row per question.
    pub fn download_csv(&self, a: &Assessment) {
        let t = self.text;
        let words = CsvWords {
            headers: t.csv_headers,
            dont_know: t.dont_know,
            not_applicable: t.not_applicable,
            not_answered: t.not_answered,
        };
        let csv = self.framework.with_value(|f| to_csv(f, a, &words));
        let name = format!("contract-management-maturity-{}.csv", file_date(&a.created));
        // A byte-order mark so spreadsheet programs read the file as UTF-8.
        self.offer(&name, "text/csv;charset=utf-8", &format!("\u{feff}{csv}"));
    }

    fn offer(&self, name: &str, mime: &str, contents: &str) {
        if let Err(why) = browser::download::text_file(name, mime, contents) {
            self.save_status.set(SaveStatus::Failed(why));
        }
    }

    /// Reads an import file and holds it for the user to confirm; nothing changes yet.
    pub fn preview_import(&self, file_name: String, text: &str) {
        let parsed = self.framework.with_value(|f| parse_import(text, f));
        self.import.set(Some(match parsed {
            Ok(assessments) => ImportState::Preview {
                file_name,
                assessments,
            },
            Err(error) => ImportState::Failed {
                file_name,
                message: self.text.import_error(&error),
            },
        }));
    }

    pub fn confirm_import(&self) {
        let Some(ImportState::Preview { assessments, .. }) = self.import.get_untracked() else {
            return;
        };
        let mut report = MergeReport::default();
        self.data.update(|d| {
            report = merge(d, assessments, new_id, self.text.imported_copy_suffix);
        });
        self.persist();
        self.import.set(Some(ImportState::Done(report)));
    }

    /// Keeps a shared assessment as a new one of this browser's own, and opens it.
    pub fn save_shared_copy(&self) {
        let Some(Some(Ok(mut a))) = self.shared.try_get_value() else {
            return;
        };
        a.id = new_id();
        a.updated = now_iso();
        self.shared.set_value(None);
        self.add_and_open(a);
        self.go(Screen::Results);
    }

    /// The fragment for a share link to an assessment.
    pub fn share_fragment(&self, a: &Assessment, include_notes: bool) -> String {
        self.framework
            .with_value(|f| share::encode(f, a, include_notes))
    }

    pub fn cancel_import(&self) {
        self.import.set(None);
    }

    pub fn download_unreadable(&self, raw: &str) {
        let name = format!(
            "contract-management-maturity-unreadable-{}.txt",
            file_date(&now_iso())
        );
        self.offer(&name, "text/plain", raw);
    }

    /// The name shown for an assessment: the user's, or its start date.
    pub fn display_name(&self, a: &Assessment) -> String {
        if a.name.is_empty() {
            let untitled = fill(
                self.text.untitled,
                &[("date", &crate::domain::dates::long_date(&a.created))],
            );
            if a.organisation.is_empty() {
                untitled
            } else {
                format!("{}: {untitled}", a.organisation)
            }
        } else {
            a.name.clone()
        }
    }
}

fn reconciled(mut data: SavedData, framework: &Framework) -> SavedData {
    for a in &mut data.assessments {
        a.reconcile(framework);
    }
    data
}
