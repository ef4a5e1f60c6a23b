//! The start page: what this is, who it is for, how long it takes, that answers stay here; then
//! what to assess (the council's contract management or one's own practice), how much of it,
//! and optional details.

use crate::app::blocks::Heading;
use leptos::prelude::*;

use crate::app::blocks::{
    CouncilPicker, Notice, PageHeading, RadioOption, Radios, TextInput, Tone,
};
use crate::app::shell::follow;
use crate::app::state::use_app;
use crate::app::state::RegisterState;
use crate::browser::{new_id, now_iso};
use crate::domain::assessment::CouncilRef;
use crate::domain::context::{Context, CouncilType, Region, Stage};
use crate::domain::register::Council;
use crate::domain::{Assessment, AssessmentKind, Audience, Framework};
use crate::route::Route;
use crate::text::{fill, Text};

#[component]
pub fn StartPage() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    crate::app::boot::load_rest(app.catalogue);
    // Tracked: a framework not needed by the first screen may arrive after it.
    let catalogue = app.catalogue;
    let frameworks = Signal::derive(move || catalogue.frameworks());
    let choice = RwSignal::new(0usize);
    let kind = RwSignal::new(0usize);
    let organisation = RwSignal::new(app.catalogue.config(|c| c.organisation.clone()));
    let role = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let context = RwSignal::new(Context::default());
    let council = RwSignal::new(None::<CouncilRef>);
    // The council the page's settings name, chosen once the register is here.
    let preset = app.catalogue.config(|c| c.organisation_code.clone());
    let preset_unknown = RwSignal::new(None::<String>);
    if let Some(code) = preset {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            match app.councils.get(app.catalogue) {
                RegisterState::Ready(r) => {
                    match r.find(&code) {
                        Some(c) => {
                            organisation
                                .set(c.name_in(app.catalogue.lang_untracked().code()).to_string());
                            council.set(Some(c.reference()));
                            context.update(|x| {
                                *x = Context {
                                    stage: x.stage,
                                    ..c.context()
                                }
                            });
                        }
                        None => preset_unknown.set(Some(code.clone())),
                    }
                    true
                }
                RegisterState::Failed => true,
                _ => false,
            }
        });
    }
    let on_choose = Callback::new(move |c: Option<Council>| {
        context.update(|x| {
            *x = match &c {
                Some(c) => Context {
                    stage: x.stage,
                    ..c.context()
                },
                None => Context {
                    stage: x.stage,
                    ..Context::default()
                },
            }
        })
    });
    let chosen = move || frameworks.with(|f| f[choice.get().min(f.len() - 1)].clone());
    let is_org = move || chosen().audience == Audience::Organisation;

    // On the button's click, not the form's submit: a sandboxed iframe without allow-forms
    // never submits a form (pressing Enter in a field still clicks the button).
    let start = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let framework =
            frameworks.with_untracked(|f| f[choice.get_untracked().min(f.len() - 1)].clone());
        let kind = if kind.get_untracked() == 1 {
            AssessmentKind::Quick
        } else {
            AssessmentKind::Full
        };
        let mut a = Assessment::new(new_id(), &framework, kind, &now_iso());
        a.organisation = organisation.get_untracked().trim().to_string();
        a.council = council.get_untracked();
        a.role = role.get_untracked().trim().to_string();
        a.name = label
            .get_untracked()
            .trim()
            .chars()
            .take(LABEL_MAX)
            .collect();
        if framework.audience == Audience::Organisation {
            a.context = context.get_untracked();
        } else {
            a.organisation.clear();
            a.council = None;
        }
        let id = a.id.clone();
        app.saved.add(a);
        app.open(&id, Route::Overview);
    };

    let what = move || {
        let loading = catalogue.pending() > 0;
        frameworks.with(|list| {
            (list.len() > 1 || loading).then(|| {
                let options = list
                    .iter()
                    .map(|f| {
                        let hint = match f.audience {
                            Audience::Organisation => t.start_org_hint,
                            Audience::Individual => t.start_self_hint,
                        };
                        RadioOption::new(f.title.clone()).hint(hint)
                    })
                    .collect();
                view! {
                    <div class="cmm-form-group">
                        <Radios name="cmm-framework" legend=t.start_what_legend large=true options
                            selected=Signal::derive(move || Some(choice.get()))
                            on_select=Callback::new(move |i| { choice.set(i); kind.set(0); }) />
                        {loading.then(|| view! { <p class="cmm-body cmm-loading" role="status">{t.loading_part}</p> })}
                    </div>
                }
            })
        })
    };
    let how_much = move || {
        let f = chosen();
        let counts = counts(t, &f);
        let options = vec![
            RadioOption::new(t.kind_full).hint(fill(t.kind_full_hint, &counts.args())),
            RadioOption::new(t.kind_quick).hint(fill(t.kind_quick_hint, &counts.args())),
        ];
        view! {
            <div class="cmm-form-group">
                <Radios name="cmm-kind" legend=t.start_kind_legend large=true options
                    selected=Signal::derive(move || Some(kind.get()))
                    on_select=Callback::new(move |i| kind.set(i)) />
            </div>
        }
    };
    let details = move || {
        is_org().then(|| view! {
            {move || preset_unknown.get().map(|code| view! {
                <Notice tone=Tone::Warning>{fill(t.council_code_unknown, &[("code", &code)])}</Notice>
            })}
            <CouncilPicker app id="cmm-organisation" label=t.organisation_label name=organisation council on_choose />
            <ContextFields context fixed=Signal::derive(move || council.get().is_some()) />
        })
    };
    // A returning user's first choice is to carry on; starting again is the second.
    let in_progress = move || {
        app.current
            .with(|a| a.as_ref().map(|a| t.assessment_name(a)))
    };
    let continue_link = move || {
        in_progress().map(|name| {
            view! {
                <div class="cmm-panel cmm-panel--continue">
                    <p class="cmm-body">{fill(t.start_in_progress, &[("name", &name)])}</p>
                    <a class="cmm-button cmm-continue" href=Route::Overview.to_hash()
                        on:click=move |ev| follow(ev, app.nav, Route::Overview)>
                        {t.start_continue}
                    </a>
                </div>
            }
        })
    };
    let returning = move || app.session.current_id().is_some();
    view! {
        <PageHeading>{t.start_title}</PageHeading>
        <p class="cmm-body cmm-lead">{t.start_lead}</p>
        {continue_link}
        <Heading depth=2 class="cmm-heading-m">{t.start_who_heading}</Heading>
        <p class="cmm-body">{t.start_who}</p>
        <Heading depth=2 class="cmm-heading-m">{t.start_time_heading}</Heading>
        <p class="cmm-body">{move || fill(t.start_time, &counts(t, &chosen()).args())}</p>
        <Heading depth=2 class="cmm-heading-m">{t.start_privacy_heading}</Heading>
        <p class="cmm-body">{t.start_privacy}</p>
        <p class="cmm-body cmm-inset">{t.start_backup_advice}</p>
        <Heading depth=2 class="cmm-heading-m">{t.start_scope_heading}</Heading>
        <p class="cmm-body">
            {t.start_scope}
            {move || chosen().law_as_at.as_ref().map(|d| format!(" {}", fill(t.start_law_as_at, &[("date", &t.long_date(d))])))}
        </p>
        <form class="cmm-form" on:submit=|ev| ev.prevent_default()>
            {what}
            {how_much}
            {details}
            <TextInput id="cmm-role" label=t.role_label hint=t.role_hint value=role autocomplete="organization-title" />
            <TextInput id="cmm-label" label=t.start_label hint=t.start_label_hint value=label />
            <button type="submit" class="cmm-button" class:cmm-button--start=move || !returning()
                class:cmm-button--secondary=returning on:click=start>
                {move || if returning() { t.new_assessment } else { t.start_button }}
            </button>
        </form>
    }
}

/// Long enough for "Before the Contract Management Pioneer Programme, 2026".
const LABEL_MAX: usize = 80;

struct Counts {
    questions: String,
    quick: String,
}

impl Counts {
    fn args(&self) -> [(&'static str, &dyn std::fmt::Display); 2] {
        [("questions", &self.questions), ("quick", &self.quick)]
    }
}

/// The question counts in words ("36 questions", "1 question"), so a framework of one reads right.
fn counts(t: &Text, f: &Framework) -> Counts {
    Counts {
        questions: t.count(&t.theme_questions, f.question_count()),
        quick: t.count(&t.theme_questions, f.quick_check.len()),
    }
}

/// Optional facts about the council, for programme benchmarks: asked here once, changeable on
/// the overview.
#[component]
pub fn ContextFields(
    context: RwSignal<Context>,
    /// The council was chosen from the register: its type, region and nation are facts shown,
    /// not choices.
    #[prop(into)]
    fixed: Signal<bool>,
) -> impl IntoView {
    let t = use_app().t();
    let facts = move || {
        let c = context.get();
        let nation = c.nation().map(|n| t.law_nation(n));
        view! {
            <p class="cmm-hint">{t.context_from_register}</p>
            <dl class="cmm-summary">
                <div class="cmm-summary__row">
                    <dt class="cmm-summary__key">{t.context_type}</dt>
                    <dd class="cmm-summary__value">{c.council_type.map(|x| t.council_type(x))}</dd>
                </div>
                {c.region.filter(|r| r.nation() == crate::domain::context::Nation::England).map(|r| view! {
                    <div class="cmm-summary__row">
                        <dt class="cmm-summary__key">{t.context_region}</dt>
                        <dd class="cmm-summary__value">{t.region(r)}</dd>
                    </div>
                })}
                <div class="cmm-summary__row">
                    <dt class="cmm-summary__key">{t.context_nation}</dt>
                    <dd class="cmm-summary__value">{nation}</dd>
                </div>
            </dl>
        }
    };
    let types: Vec<(String, String)> = CouncilType::ALL
        .iter()
        .map(|c| (c.code().to_string(), t.council_type(*c).to_string()))
        .collect();
    let regions: Vec<(String, String)> = Region::ALL
        .iter()
        .map(|r| (r.code().to_string(), t.region(*r).to_string()))
        .collect();
    let stages: Vec<(String, String)> = Stage::ALL
        .iter()
        .map(|s| (s.code().to_string(), t.stage(*s).to_string()))
        .collect();
    view! {
        <details class="cmm-details" open=!context.get_untracked().is_empty()>
            <summary class="cmm-details__summary">{t.context_summary}</summary>
            <div class="cmm-details__text">
                <p class="cmm-body">{t.context_intro}</p>
                <Show when=move || fixed.get() fallback=move || {
                    let types = types.clone();
                    let regions = regions.clone();
                    view! {
                        <Select id="cmm-council-type" label=t.context_type options=types
                            value=Signal::derive(move || context.get().council_type.map(|c| c.code().to_string()))
                            on_change=Callback::new(move |v: String| context.update(|c| c.council_type = CouncilType::ALL.into_iter().find(|x| x.code() == v))) />
                        <Select id="cmm-region" label=t.context_region options=regions
                            value=Signal::derive(move || context.get().region.map(|r| r.code().to_string()))
                            on_change=Callback::new(move |v: String| context.update(|c| { c.region = Region::ALL.into_iter().find(|x| x.code() == v); c.nation = None; })) />
                    }
                }>
                    {facts}
                </Show>
                <Select id="cmm-stage" label=t.context_stage options=stages
                    value=Signal::derive(move || context.get().stage.map(|s| s.code().to_string()))
                    on_change=Callback::new(move |v: String| context.update(|c| c.stage = Stage::ALL.into_iter().find(|x| x.code() == v))) />
            </div>
        </details>
    }
}

#[component]
fn Select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: Signal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let t = use_app().t();
    view! {
        <div class="cmm-form-group">
            <label class="cmm-label" for=id>{label}</label>
            <select class="cmm-select" id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_none()>{t.context_not_said}</option>
                {options.into_iter().map(|(code, name)| {
                    let selected = code.clone();
                    view! { <option value=code selected=move || value.get().as_deref() == Some(selected.as_str())>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
