//! Local storage for saved assessments. Storage can be missing (private modes, sandboxed iframes),
//! full, or hold data this build cannot read: each case is reported and nothing is overwritten.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gloo_storage::{errors::StorageError, LocalStorage, Storage};

use crate::domain::saved::{self, LoadError, Loaded, SavedData};

/// What was found in storage at start-up.
pub enum Opened {
    Empty,
    Loaded(Loaded),
    /// Unreadable or newer data: it has been copied to the backup key and left alone.
    Unreadable {
        error: LoadError,
        raw: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    Full,
    Failed(String),
}

pub struct Store {
    namespace: String,
    /// False when the browser refuses storage; the app then keeps data in memory only.
    persistent: Cell<bool>,
    memory: RefCell<HashMap<String, String>>,
}

impl Store {
    pub fn open(namespace: &str) -> Store {
        Store {
            namespace: namespace.to_string(),
            persistent: Cell::new(probe()),
            memory: RefCell::default(),
        }
    }

    pub fn is_persistent(&self) -> bool {
        self.persistent.get()
    }

    pub fn data_key(&self) -> String {
        format!("{}:data", self.namespace)
    }

    pub fn backup_key(&self) -> String {
        format!("{}:backup", self.namespace)
    }

    fn place_key(&self) -> String {
        format!("{}:place", self.namespace)
    }

    /// Where the user was (a screen name); UI state, kept apart from the answers.
    pub fn place(&self) -> Option<String> {
        self.get_raw(&self.place_key())
    }

    pub fn set_place(&self, place: &str) {
        let _ = self.set_raw(&self.place_key(), place);
    }

    fn get_raw(&self, key: &str) -> Option<String> {
        if self.persistent.get() {
            LocalStorage::raw().get_item(key).ok().flatten()
        } else {
            self.memory.borrow().get(key).cloned()
        }
    }

    fn set_raw(&self, key: &str, value: &str) -> Result<(), WriteError> {
        if !self.persistent.get() {
            self.memory
                .borrow_mut()
                .insert(key.to_string(), value.to_string());
            return Ok(());
        }
        LocalStorage::raw().set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            classify_name(name.as_deref().unwrap_or(""), "storage refused the write")
        })
    }

    pub fn read(&self) -> Opened {
        let Some(raw) = self.get_raw(&self.data_key()) else {
            return Opened::Empty;
        };
        match saved::load(&raw) {
            Ok(loaded) => Opened::Loaded(loaded),
            Err(error) => {
                // Keep the unreadable data exactly as found, beside any earlier backup. If it
                // cannot be copied, stop writing to storage at all, so the original stays put.
                let key = match self.get_raw(&self.backup_key()) {
                    None => self.backup_key(),
                    Some(existing) if existing == raw => return Opened::Unreadable { error, raw },
                    Some(_) => format!("{}-{}", self.backup_key(), js_sys::Date::now() as u64),
                };
                if self.set_raw(&key, &raw).is_err() {
                    self.persistent.set(false);
                }
                Opened::Unreadable { error, raw }
            }
        }
    }

    pub fn write(&self, data: &SavedData) -> Result<(), WriteError> {
        if !self.persistent.get() {
            return self.set_raw(&self.data_key(), &data.to_json());
        }
        LocalStorage::set(self.data_key(), data).map_err(|err| match err {
            StorageError::JsError(e) => classify_name(&e.name, &e.message),
            other => WriteError::Failed(other.to_string()),
        })
    }
}

/// Touching `localStorage` throws in some contexts, so probe with a real write.
fn probe() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return false;
    };
    let key = "__cmm_probe__";
    storage.set_item(key, "1").is_ok() && storage.remove_item(key).is_ok()
}

fn classify_name(name: &str, message: &str) -> WriteError {
    if name == "QuotaExceededError" {
        WriteError::Full
    } else {
        WriteError::Failed(message.to_string())
    }
}
