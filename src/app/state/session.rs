//! This tab's own state: which assessment it is working on. Two tabs can work on two
//! assessments; a new tab starts with the one opened last anywhere.

use leptos::prelude::*;

use super::saved::Saved;

#[derive(Clone, Copy)]
pub struct Session {
    current: RwSignal<Option<String>>,
    saved: Saved,
}

impl Session {
    pub fn open(saved: Saved, last_current: Option<String>) -> Session {
        let from_tab = saved.with_store(|s| s.session("tab"));
        let from_last = saved.with_store(|s| s.last());
        let exists = |id: &String| saved.with_untracked(|d| d.get(id).is_some());
        let current = from_tab
            .filter(exists)
            .or(from_last.filter(exists))
            .or(last_current.filter(exists));
        Session {
            current: RwSignal::new(current),
            saved,
        }
    }

    /// The id of the assessment this tab works on, if it still exists (tracked).
    pub fn current_id(&self) -> Option<String> {
        let id = self.current.get()?;
        self.saved.with(|d| d.get(&id).is_some()).then_some(id)
    }

    pub fn current_id_untracked(&self) -> Option<String> {
        let id = self.current.get_untracked()?;
        self.saved
            .with_untracked(|d| d.get(&id).is_some())
            .then_some(id)
    }

    /// Works on `id` in this tab from now on.
    pub fn set_current(&self, id: Option<&str>) {
        self.current.set(id.map(str::to_string));
        if let Some(id) = id {
            self.saved.with_store(|s| {
                s.set_session("tab", id);
                s.set_last(id);
            });
        }
    }
}
