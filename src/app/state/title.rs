//! The document's title. Each screen names itself through its heading, and an error summary
//! adds "Error:" while it is shown (WCAG 2.4.2). Only where the widget owns the document (its
//! own page or an iframe) is the title written; a council's page keeps its own.

use leptos::prelude::*;

use crate::text::Text;

#[derive(Clone, Copy)]
pub struct PageTitle {
    heading: RwSignal<String>,
    errors: RwSignal<u32>,
}

impl PageTitle {
    pub fn new() -> PageTitle {
        PageTitle {
            heading: RwSignal::new(String::new()),
            errors: RwSignal::new(0),
        }
    }

    /// The shown screen's heading, as the user reads it.
    pub fn name(&self, heading: String) {
        self.heading.set(heading);
    }

    /// An error summary is on screen until the current owner is cleaned up.
    pub fn error_shown(&self) {
        self.errors.update(|n| *n += 1);
        let errors = self.errors;
        on_cleanup(move || errors.update(|n| *n = n.saturating_sub(1)));
    }

    /// The title to show (tracked).
    pub fn text(&self, t: &Text) -> String {
        t.page_title(&self.heading.get(), self.errors.get() > 0)
    }
}

impl Default for PageTitle {
    fn default() -> PageTitle {
        PageTitle::new()
    }
}
