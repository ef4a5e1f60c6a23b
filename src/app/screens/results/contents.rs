//! The contents list at the top of the results: the summary, the plan, the charts and the
//! downloads, each a link that moves focus to its heading (the address is left alone: in a
//! council's page it is the host's, and here it holds the screen).

use crate::app::blocks::Heading;
use leptos::prelude::*;

use crate::app::state::use_app;
use crate::browser::focus::focus_by_id;

pub const SUMMARY: &str = "cmm-summary-heading";
pub const PLAN: &str = "cmm-plan-heading";
pub const COUNCIL_PLAN: &str = "cmm-cplan-heading";
pub const CHARTS: &str = "cmm-charts-heading";
pub const DOWNLOADS: &str = "cmm-downloads-heading";

#[component]
pub fn Contents(individual: impl Fn() -> bool + Send + Sync + 'static) -> impl IntoView {
    let t = use_app().t();
    let shared = expect_context::<super::ReadOnly>().0;
    let roadmap = if shared {
        t.shared_roadmap_heading
    } else {
        t.roadmap_heading
    };
    let individual = Signal::derive(individual);
    let link = move |id: &'static str, name: &'static str| {
        view! {
            <li>
                <a class="cmm-link" href=format!("#{id}") on:click=move |ev| {
                    ev.prevent_default();
                    focus_by_id(id, false);
                }>{name}</a>
            </li>
        }
    };
    view! {
        <nav class="cmm-contents cmm-no-print" aria-labelledby="cmm-contents-heading">
            <Heading depth=2 class="cmm-heading-s" id="cmm-contents-heading">{t.contents_heading}</Heading>
            <ol class="cmm-list cmm-contents__list">
                {link(SUMMARY, t.summary_heading)}
                {move || link(PLAN, if individual.get() { t.plan_heading } else { roadmap })}
                {move || (!individual.get() && !shared).then(|| link(COUNCIL_PLAN, t.cplan_heading))}
                {link(CHARTS, t.charts_and_figures_heading)}
                {link(DOWNLOADS, t.downloads_heading)}
            </ol>
        </nav>
    }
}
