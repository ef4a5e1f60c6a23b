//! Application state, owned here and shared through context; every change is saved at once.

use leptos::prelude::*;

use crate::browser::storage::{Opened, Store, WriteError};
use crate::browser::{new_id, now_iso};
use crate::domain::saved::SavedData;
use crate::domain::{Assessment, AssessmentKind, BenchmarkFile, Framework, Rating};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Theme(usize),
    Results,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved,
    InMemoryOnly,
    Full,
    Failed(String),
}

/// Messages about saved data that the user must see until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub framework: StoredValue<Framework>,
    pub benchmarks: StoredValue<BenchmarkFile>,
    pub data: RwSignal<SavedData>,
    pub screen: RwSignal<Screen>,
    pub save_status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    store: StoredValue<Store, LocalStorage>,
}

impl AppState {
    pub fn new(framework: Framework, benchmarks: BenchmarkFile, namespace: &str) -> AppState {
        let store = Store::open(namespace);
        let mut notice = None;
        let mut data = SavedData::default();
        match store.read() {
            Opened::Empty => {}
            Opened::Loaded(loaded) => {
                data = loaded.data;
                for a in &mut data.assessments {
                    a.reconcile(&framework);
                }
            }
            Opened::Unreadable { error, .. } => {
                notice = Some(Notice {
                    title: "Your earlier answers could not be opened".into(),
                    body: format!(
                        "{error}. They have been kept, untouched, in a backup in this browser. You can start a new assessment."
                    ),
                });
            }
        }
        let save_status = if store.is_persistent() {
            SaveStatus::Idle
        } else {
            SaveStatus::InMemoryOnly
        };
        let screen = if data.current().is_some() {
            Screen::Theme(0)
        } else {
            Screen::Start
        };
        AppState {
            framework: StoredValue::new(framework),
            benchmarks: StoredValue::new(benchmarks),
            data: RwSignal::new(data),
            screen: RwSignal::new(screen),
            save_status: RwSignal::new(save_status),
            notice: RwSignal::new(notice),
            store: StoredValue::new_local(store),
        }
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
        self.save_status.set(status);
    }

    pub fn start(&self, kind: AssessmentKind) {
        let assessment = self
            .framework
            .with_value(|f| Assessment::new(new_id(), f, kind, &now_iso()));
        self.data.update(|d| {
            d.current = Some(assessment.id.clone());
            d.upsert(assessment);
        });
        self.persist();
        self.screen.set(Screen::Theme(0));
    }

    pub fn set_rating(&self, question_id: &str, rating: Rating) {
        let now = now_iso();
        self.data.update(|d| {
            if let Some(a) = d.current_mut() {
                a.set_rating(question_id, rating, &now);
            }
        });
        self.persist();
    }

    pub fn current_rating(&self, question_id: &str) -> Option<Rating> {
        self.data.with(|d| {
            d.current()
                .and_then(|a| a.answers.get(question_id).map(|ans| ans.rating))
        })
    }

    /// Indexes of the themes the current assessment asks about (a quick check skips none, but
    /// asks fewer questions in each).
    pub fn theme_count(&self) -> usize {
        self.framework.with_value(|f| f.themes.len())
    }
}

/// The save status, announced politely to screen readers.
#[component]
pub fn StatusBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || state.notice.get().map(|n| view! {
            <div class="cmm-notice" role="alert">
                <h2 class="cmm-notice__title">{n.title}</h2>
                <p class="cmm-body">{n.body}</p>
            </div>
        })}
        <p class="cmm-save-status" role="status" aria-live="polite">
            {move || match state.save_status.get() {
                SaveStatus::Idle => String::new(),
                SaveStatus::Saved => "Saved in this browser".to_string(),
                SaveStatus::InMemoryOnly => "This browser is not letting the tool save. Your answers will be lost when you close this page.".to_string(),
                SaveStatus::Full => "This browser's storage is full, so your latest answer was not saved.".to_string(),
                SaveStatus::Failed(why) => format!("Your latest answer was not saved: {why}"),
            }}
        </p>
    }
}
