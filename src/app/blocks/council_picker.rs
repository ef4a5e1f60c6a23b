//! Choosing a council from the register of local authorities: a text input that offers the
//! councils whose names match what is typed, in the manner of GOV.UK's accessible autocomplete
//! (a combobox with a list box: arrows move, Enter chooses, Escape closes, the count of results
//! announced). A body the register does not list keeps the name it types.

use leptos::prelude::*;

use crate::app::state::{App, RegisterState};
use crate::domain::assessment::CouncilRef;
use crate::domain::register::{Council, Found};
use crate::text::fill;

/// At most this many councils are offered at once (the list stays short at 320 px).
const OFFERED: usize = 8;

/// What choosing a council sets: its name as typed or chosen, its register codes, and (through
/// `on_choose`) the facts the register holds about it.
#[component]
pub fn CouncilPicker(
    app: App,
    id: &'static str,
    label: &'static str,
    name: RwSignal<String>,
    council: RwSignal<Option<CouncilRef>>,
    on_choose: Callback<Option<Council>>,
) -> impl IntoView {
    let t = app.t();
    let list_id = format!("{id}-list");
    let hint_id = format!("{id}-hint");
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Asked for when the field is first used, so the first screen does not wait for it.
    let register = move || app.councils.state();
    let ask = move || {
        app.councils.get(app.catalogue);
    };
    let lang = move || app.catalogue.lang().code();
    // The councils matching what is typed, with why each matched.
    let matches = Memo::new(move |_| {
        let query = name.get();
        match register() {
            RegisterState::Ready(r) => r
                .search(&query, OFFERED)
                .into_iter()
                .map(|m| (m.council.clone(), m.found))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        }
    });
    let choose = move |i: usize| {
        let Some((c, _)) = matches.with_untracked(|m| m.get(i).cloned()) else {
            return;
        };
        name.set(c.name_in(lang()).to_string());
        council.set(Some(c.reference()));
        on_choose.run(Some(c));
        open.set(false);
        active.set(None);
    };
    let on_input = move |ev: leptos::ev::Event| {
        ask();
        let typed = event_target_value(&ev);
        name.set(typed);
        // Typing again un-chooses: the name no longer is the register's.
        if council.get_untracked().is_some() {
            council.set(None);
            on_choose.run(None);
        }
        open.set(true);
        active.set(None);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = matches.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1).min(count - 1))));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = a.and_then(|i| i.checked_sub(1)));
            }
            "Enter" if open.get_untracked() => {
                if let Some(i) = active.get_untracked() {
                    // Enter chooses; it does not also press the form's button.
                    ev.prevent_default();
                    choose(i);
                }
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let shown = move || open.get() && !name.get().trim().is_empty();
    let options = {
        let option_id = option_id.clone();
        move || {
            let option_id = option_id.clone();
            let lang = lang();
            matches.with(|list| {
            list.iter()
                .enumerate()
                .map(|(i, (c, found))| {
                    let title = c.name_in(lang).to_string();
                    let why = match found {
                        Found::Replaced(former) => {
                            Some(fill(t.council_replaced, &[("former", former)]))
                        }
                        Found::Name => None,
                    };
                    view! {
                        <li class="cmm-picker__option" role="option" id=option_id(i)
                            class:cmm-picker__option--active=move || active.get() == Some(i)
                            aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                            // Chosen on mousedown so the input keeps its focus.
                            on:mousedown=move |ev| { ev.prevent_default(); choose(i); }>
                            {title}
                            {why.map(|w| view! { <span class="cmm-picker__why">{w}</span> })}
                        </li>
                    }
                })
                .collect_view()
        })
        }
    };
    // What a screen reader hears as the list changes.
    let status = move || {
        if !shown() {
            return String::new();
        }
        match register() {
            RegisterState::Ready(_) => match matches.with(Vec::len) {
                0 => t.council_no_results.to_string(),
                n => t.count(&t.council_results, n),
            },
            RegisterState::Failed => t.council_register_failed.to_string(),
            _ => t.council_loading.to_string(),
        }
    };
    let chosen = move || {
        council.get().map(|c| {
            view! {
                <p class="cmm-hint cmm-picker__chosen">
                    {fill(t.council_chosen, &[("code", &c.gss)])}
                </p>
            }
        })
    };
    let failed = move || {
        matches!(register(), RegisterState::Failed)
            .then(|| view! { <p class="cmm-hint">{t.council_register_failed}</p> })
    };
    view! {
        <div class="cmm-form-group cmm-picker">
            <label class="cmm-label" for=id>{label}</label>
            <div class="cmm-hint" id=hint_id.clone()>{t.council_hint}</div>
            <input class="cmm-input" type="text" id=id autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls=list_id.clone()
                aria-describedby=hint_id
                aria-expanded=move || if shown() && matches.with(|m| !m.is_empty()) { "true" } else { "false" }
                aria-activedescendant={ let option_id = option_id.clone(); move || active.get().filter(|_| shown()).map(&option_id) }
                prop:value=move || name.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| { ask(); open.set(true); }
                on:blur=move |_| { open.set(false); active.set(None); } />
            <ul class="cmm-picker__list" id=list_id role="listbox" aria-label=t.council_list_label
                hidden=move || !shown() || matches.with(Vec::is_empty)>
                {options}
            </ul>
            <div class="cmm-visually-hidden" role="status" aria-live="polite">{status}</div>
            {chosen}
            {failed}
        </div>
    }
}
