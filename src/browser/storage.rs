//! Browser storage for saved assessments. Local storage can be blocked (private modes, sandboxed
//! iframes), full, changed by another tab, or hold data this build cannot read; each case is
//! told apart and reported, and nothing the user had is overwritten.
//!
//! Keys, all under the widget's namespace: `ns:data` (the saved data, shared by every tab),
//! `ns:last` (the assessment opened last, for a new tab), `ns:lang` (the language chosen),
//! `ns:backup:HASH:DATE` (unreadable data kept aside), and in session storage (one per tab)
//! `ns:tab` (this tab's assessment and screen).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::JsValue;

use crate::domain::backups::{self, Backup, Decision};
use crate::domain::saved::{self, LoadError, Loaded};

/// How far this browser lets the tool keep data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Writable,
    /// Readable, but a write was refused for lack of space.
    Full,
    /// No local storage at all: answers live in this page only.
    Blocked,
    /// This tab has seen data it cannot read (a newer version's) and stopped writing, so as
    /// not to overwrite it.
    Stopped,
}

/// What was found in storage.
pub enum Opened {
    Empty,
    Loaded(Loaded),
    Unreadable {
        error: LoadError,
        raw: String,
        /// Whether a backup exists now (false only when the backups are full).
        kept: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    Full,
    Blocked,
    Stopped,
    /// Another tab wrote since this one last read; the caller re-reads and tries again.
    Changed,
    Failed(String),
}

pub struct Store {
    namespace: String,
    local: Option<web_sys::Storage>,
    session: Option<web_sys::Storage>,
    access: Cell<Access>,
    /// The data value this tab last read or wrote: a write goes ahead only if storage still
    /// holds it, so a change made elsewhere is never overwritten unseen.
    last_raw: RefCell<Option<String>>,
    /// Stand-in when storage is blocked: keeps this page working until it closes.
    memory: RefCell<HashMap<String, String>>,
}

impl Store {
    pub fn open(namespace: &str) -> Store {
        let window = web_sys::window();
        // Touching `localStorage` throws where storage is blocked; catch that as "blocked".
        let local = window
            .as_ref()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| s.get_item("__cmm_probe__").is_ok());
        let session = window.and_then(|w| w.session_storage().ok().flatten());
        let access = match &local {
            None => Access::Blocked,
            Some(storage) => match storage.set_item("__cmm_probe__", "1") {
                Ok(()) => {
                    let _ = storage.remove_item("__cmm_probe__");
                    Access::Writable
                }
                Err(e) if is_quota(&e) => Access::Full,
                Err(_) => Access::Blocked,
            },
        };
        Store {
            namespace: namespace.to_string(),
            local: if access == Access::Blocked {
                None
            } else {
                local
            },
            session,
            access: Cell::new(access),
            last_raw: RefCell::new(None),
            memory: RefCell::default(),
        }
    }

    pub fn access(&self) -> Access {
        self.access.get()
    }

    /// Stops all writes from this tab (it has seen data it cannot read).
    pub fn stop(&self) {
        self.access.set(Access::Stopped);
    }

    pub fn data_key(&self) -> String {
        format!("{}:data", self.namespace)
    }

    fn key(&self, name: &str) -> String {
        format!("{}:{name}", self.namespace)
    }

    fn get(&self, key: &str) -> Option<String> {
        match &self.local {
            Some(s) => s.get_item(key).ok().flatten(),
            None => self.memory.borrow().get(key).cloned(),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        match (self.access.get(), &self.local) {
            (Access::Stopped, _) => Err(WriteError::Stopped),
            (_, None) => {
                self.memory
                    .borrow_mut()
                    .insert(key.to_string(), value.to_string());
                Ok(())
            }
            (_, Some(s)) => match s.set_item(key, value) {
                Ok(()) => {
                    if self.access.get() == Access::Full {
                        self.access.set(Access::Writable);
                    }
                    Ok(())
                }
                Err(e) if is_quota(&e) => {
                    self.access.set(Access::Full);
                    Err(WriteError::Full)
                }
                Err(e) => Err(WriteError::Failed(error_name(&e))),
            },
        }
    }

    /// Reads the saved data. Unreadable data is left exactly where it is and copied once to a
    /// backup (never twice for the same content, never more than the cap).
    pub fn read(&self) -> Opened {
        let raw = self.get(&self.data_key());
        *self.last_raw.borrow_mut() = raw.clone();
        let Some(raw) = raw else {
            return Opened::Empty;
        };
        match saved::load(&raw) {
            Ok(loaded) => Opened::Loaded(loaded),
            Err(error) => {
                // Data from a newer version is never written over; corrupt data may be, once a
                // copy of it is safe in a backup (the user can then start again).
                let kept = self.back_up(&raw);
                if !kept || matches!(error, LoadError::FutureVersion(_)) {
                    self.stop();
                }
                Opened::Unreadable { error, raw, kept }
            }
        }
    }

    /// Reads what another tab wrote, without writing anything (not even a backup).
    pub fn read_changed(&self, raw: Option<String>) -> Opened {
        *self.last_raw.borrow_mut() = raw.clone();
        let Some(raw) = raw else {
            return Opened::Empty;
        };
        match saved::load(&raw) {
            Ok(loaded) => Opened::Loaded(loaded),
            Err(error) => {
                self.stop();
                let kept = self.backups().iter().any(|(_, value)| *value == raw);
                Opened::Unreadable { error, raw, kept }
            }
        }
    }

    /// The saved data as this tab last read or wrote it.
    pub fn seen(&self) -> Option<String> {
        self.last_raw.borrow().clone()
    }

    /// The saved data as storage holds it now (it may differ from what this tab last saw).
    pub fn stored_raw(&self) -> Option<String> {
        self.get(&self.data_key())
    }

    /// Writes the saved data, unless storage no longer holds what this tab last saw.
    pub fn write(&self, json: &str) -> Result<(), WriteError> {
        if self.local.is_some() {
            let now = self.get(&self.data_key());
            if now != *self.last_raw.borrow() {
                return Err(WriteError::Changed);
            }
        }
        self.set(&self.data_key(), json)?;
        *self.last_raw.borrow_mut() = Some(json.to_string());
        Ok(())
    }

    fn back_up(&self, raw: &str) -> bool {
        let entries = self.entries();
        let today = crate::browser::now_iso();
        let decision = backups::decide(
            &self.namespace,
            entries.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            raw,
            &today,
        );
        match decision {
            Decision::AlreadyKept { .. } => true,
            Decision::Keep { key } => {
                // Written even though writing is about to stop: a backup never replaces data.
                let was = self.access.get();
                if was == Access::Stopped {
                    self.access.set(Access::Writable);
                }
                let ok = self.set(&key, raw).is_ok();
                self.access.set(was);
                ok
            }
            Decision::Full => false,
        }
    }

    /// Every key and value under this namespace.
    fn entries(&self) -> Vec<(String, String)> {
        let prefix = format!("{}:", self.namespace);
        match &self.local {
            Some(s) => {
                let n = s.length().unwrap_or(0);
                (0..n)
                    .filter_map(|i| s.key(i).ok().flatten())
                    .filter(|k| k.starts_with(&prefix))
                    .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
                    .collect()
            }
            None => self
                .memory
                .borrow()
                .iter()
                .filter(|(k, _)| k.starts_with(&prefix))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// Every backup kept in this browser for this namespace, with its content.
    pub fn backups(&self) -> Vec<(Backup, String)> {
        let entries = self.entries();
        let list = backups::list(
            &self.namespace,
            entries.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        );
        list.into_iter()
            .filter_map(|b| {
                let value = entries.iter().find(|(k, _)| *k == b.key)?.1.clone();
                Some((b, value))
            })
            .collect()
    }

    /// Deletes one backup (the user has downloaded it, or does not want it).
    pub fn delete_backup(&self, key: &str) {
        if !backups::is_backup_key(&self.namespace, key) {
            return;
        }
        match &self.local {
            Some(s) => {
                let _ = s.remove_item(key);
            }
            None => {
                self.memory.borrow_mut().remove(key);
            }
        }
    }

    /// The assessment opened last in any tab, for a tab that has none of its own yet.
    pub fn last(&self) -> Option<String> {
        self.get(&self.key("last"))
    }

    pub fn set_last(&self, id: &str) {
        let _ = self.set(&self.key("last"), id);
    }

    pub fn set_language(&self, code: &str) {
        let _ = self.set(&self.key("lang"), code);
    }

    /// A value kept for this tab only (session storage), across reloads of the tab.
    pub fn session(&self, name: &str) -> Option<String> {
        let key = self.key(name);
        match &self.session {
            Some(s) => s.get_item(&key).ok().flatten(),
            None => self.memory.borrow().get(&key).cloned(),
        }
    }

    pub fn set_session(&self, name: &str, value: &str) {
        let key = self.key(name);
        match &self.session {
            Some(s) => {
                let _ = s.set_item(&key, value);
            }
            None => {
                self.memory.borrow_mut().insert(key, value.to_string());
            }
        }
    }
}

/// Reads one of a namespace's local values before the store is opened (the language chosen).
pub fn peek(namespace: &str, name: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(&format!("{namespace}:{name}"))
        .ok()?
}

/// Reads one of this tab's values (session storage) before the store is opened.
pub fn peek_session(namespace: &str, name: &str) -> Option<String> {
    web_sys::window()?
        .session_storage()
        .ok()??
        .get_item(&format!("{namespace}:{name}"))
        .ok()?
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Error".into())
}

fn is_quota(e: &JsValue) -> bool {
    let name = error_name(e);
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}
