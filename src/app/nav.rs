//! Navigation between the sections of the current assessment. Buttons, not links: screens are
//! app state, and the host page's URL is left alone.

use leptos::prelude::*;

use super::state::{AppState, Screen};

#[component]
pub fn Nav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.text;
    let has_current = move || state.data.with(|d| d.current().is_some());
    let item = move |label: &'static str, target: Screen| {
        let active = move || {
            let now = state.screen.get();
            now == target || (target == Screen::Overview && matches!(now, Screen::Theme(_)))
        };
        view! {
            <li class="cmm-nav__item">
                <button type="button" class="cmm-nav__link"
                    aria-current=move || active().then_some("page")
                    on:click=move |_| state.go(target)>
                    {label}
                </button>
            </li>
        }
    };
    view! {
        <nav class="cmm-nav" aria-label=t.nav_label>
            <ul class="cmm-nav__list">
                {move || has_current().then(|| view! {
                    {item(t.nav_overview, Screen::Overview)}
                    {item(t.nav_check, Screen::Check)}
                    {item(t.nav_results, Screen::Results)}
                })}
                {item(t.nav_history, Screen::History)}
                {state.config.with_value(|c| c.team).then(|| item(t.nav_team, Screen::Team))}
            </ul>
        </nav>
    }
}
