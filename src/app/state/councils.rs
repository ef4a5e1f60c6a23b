//! The register of councils, fetched the first time a screen asks for it (the start page's
//! council picker, the Programme page), never on the first screen's critical path.

use std::rc::Rc;

use leptos::prelude::*;

use super::catalogue::Catalogue;
use crate::browser::{embed, fetch};
use crate::domain::register::Register;

#[derive(Clone)]
pub enum RegisterState {
    NotAsked,
    Loading,
    Ready(Rc<Register>),
    /// The file could not be fetched or read: councils are typed by name, as before.
    Failed,
}

/// A cheap handle, shared through [`super::App`].
#[derive(Clone, Copy)]
pub struct Councils {
    state: RwSignal<RegisterState, LocalStorage>,
}

impl Councils {
    pub fn new() -> Councils {
        Councils {
            state: RwSignal::new_local(RegisterState::NotAsked),
        }
    }

    /// The register as it stands (tracked), starting the fetch the first time.
    pub fn get(&self, catalogue: Catalogue) -> RegisterState {
        if matches!(self.state.get_untracked(), RegisterState::NotAsked) {
            self.state.set(RegisterState::Loading);
            let url = catalogue.with_setup(|s| embed::resolve("data/register.json", &s.base));
            let slot = self.state;
            leptos::task::spawn_local(async move {
                let state = match fetch::text(&url).await.map(|json| Register::parse(&json)) {
                    Ok(Ok(register)) => RegisterState::Ready(Rc::new(register)),
                    _ => RegisterState::Failed,
                };
                slot.try_set(state);
            });
        }
        self.state.get()
    }

    /// The register's state (tracked), without asking for it.
    pub fn state(&self) -> RegisterState {
        self.state.get()
    }

    /// The register if it is loaded, without asking for it.
    pub fn ready(&self) -> Option<Rc<Register>> {
        match self.state.get() {
            RegisterState::Ready(r) => Some(r),
            _ => None,
        }
    }
}

impl Default for Councils {
    fn default() -> Self {
        Councils::new()
    }
}
