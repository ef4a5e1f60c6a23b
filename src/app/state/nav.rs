//! Navigation between screens, behind one small interface with two backends. Where the widget
//! owns the page (its own page, or an iframe) screens are hash routes in the address, so Back,
//! Forward and links work; inside a council's page they are kept in memory (and in this tab's
//! session storage, for a reload), and the host's address and history are never touched unless
//! the host asks for it.

use leptos::prelude::*;

use super::saved::Saved;
use crate::browser::history;
use crate::domain::share::is_share_hash;
use crate::route::Route;

/// Where a "Change" link lands: the field to focus on arrival, and the screen to offer a way
/// back to. Kept only until the user goes anywhere else.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    pub focus: String,
    pub back: Route,
}

#[derive(Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
    arrival: RwSignal<Option<Arrival>>,
    /// True once the user has moved between screens: only then does focus move to the new
    /// heading, so a widget low on a host page does not take focus when it loads.
    moved: RwSignal<bool>,
    in_address: bool,
    saved: Saved,
}

impl Nav {
    /// `in_address`: keep screens in the page's address. `initial` applies when the address (or
    /// this tab's session) names no screen.
    pub fn new(in_address: bool, saved: Saved, initial: Route) -> Nav {
        let from_place = if in_address {
            Route::parse(&history::hash())
        } else {
            saved
                .with_store(|s| s.session("route"))
                .and_then(|h| Route::parse(&h))
        };
        let nav = Nav {
            route: RwSignal::new(from_place.unwrap_or(initial)),
            arrival: RwSignal::new(None),
            moved: RwSignal::new(false),
            in_address,
            saved,
        };
        if in_address {
            let handle = window_event_listener(leptos::ev::popstate, move |_| nav.follow_address());
            let hash = window_event_listener(leptos::ev::hashchange, move |_| nav.follow_address());
            on_cleanup(move || {
                handle.remove();
                hash.remove();
            });
        }
        nav
    }

    /// Back or Forward, or a link followed: show the screen the address names.
    fn follow_address(&self) {
        let hash = history::hash();
        let route = if is_share_hash(&hash) {
            Some(Route::Shared)
        } else {
            Route::parse(&hash)
        };
        if let Some(route) = route {
            if route != self.route.get_untracked() {
                self.arrival.set(None);
                self.moved.set(true);
                self.route.set(route);
            }
        }
    }

    /// The screen shown (tracked).
    pub fn route(&self) -> Route {
        self.route.get()
    }

    pub fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    pub fn moved(&self) -> bool {
        self.moved.get_untracked()
    }

    /// Goes to a screen, as a new step in history where screens are in the address.
    pub fn go(&self, route: Route) {
        self.arrival.set(None);
        self.go_keeping_arrival(route);
    }

    /// Goes to a screen to change one field there, with a way back to `arrival.back`.
    pub fn go_to_field(&self, route: Route, arrival: Arrival) {
        self.arrival.set(Some(arrival));
        self.go_keeping_arrival(route);
    }

    /// The field the current screen was opened for, if any (not tracked: read on arrival).
    pub fn arrival(&self) -> Option<Arrival> {
        self.arrival.get_untracked()
    }

    fn go_keeping_arrival(&self, route: Route) {
        self.moved.set(true);
        if self.in_address {
            if Route::parse(&history::hash()).as_ref() != Some(&route) {
                history::push(&route.to_hash());
            }
        } else {
            self.saved
                .with_store(|s| s.set_session("route", &route.to_hash()));
        }
        self.route.set(route);
    }

    /// Shows a screen in place of the current one (a redirect, or leaving a share link), with
    /// no new step in history.
    pub fn replace(&self, route: Route) {
        if self.in_address {
            history::replace(&route.to_hash());
        } else {
            self.saved
                .with_store(|s| s.set_session("route", &route.to_hash()));
        }
        self.route.set(route);
    }

    /// Makes the address name the current screen (at start-up, when it named none).
    pub fn settle(&self) {
        if self.in_address
            && Route::parse(&history::hash()).is_none()
            && !is_share_hash(&history::hash())
        {
            history::replace(&self.route.get_untracked().to_hash());
        }
    }
}
