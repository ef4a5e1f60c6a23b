//! The GOV.UK date input: day, month and year in three labelled fields inside one fieldset.
//! A browser's own date picker shows its own order (mm/dd/yyyy on an en-GB page in some
//! browsers) and cannot be typed into the same way everywhere; three numbers can.
//!
//! The date is read when focus leaves the group (not at each field, so moving from Day to
//! Month is never an error). A date that cannot be read is said at the field and not saved:
//! the date stored before stays until a real one replaces it.

use leptos::prelude::*;

use super::error_summary::ErrorMessage;
use crate::app::state::use_app;
use crate::domain::dates::{from_parts, to_parts, DateIssue, DatePart};

#[component]
pub fn DateInput(
    /// The fields are `{id}-day`, `{id}-month` and `{id}-year`.
    #[prop(into)]
    id: String,
    #[prop(into)] legend: String,
    /// Words after the legend for screen readers only (which item the date is for).
    #[prop(optional, into)]
    hidden_legend: Option<String>,
    /// Said before the example ("For example, 31 3 2027").
    #[prop(optional, into)]
    hint: Option<String>,
    /// The stored date ("2027-03-31"), if any.
    value: Option<String>,
    /// The date the three fields now make, or `None` when all three were emptied.
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let t = use_app().t();
    let (d, m, y) = value.as_deref().map(to_parts).unwrap_or_default();
    let parts = [
        (DatePart::Day, RwSignal::new(d), t.date_day, 2),
        (DatePart::Month, RwSignal::new(m), t.date_month, 2),
        (DatePart::Year, RwSignal::new(y), t.date_year, 4),
    ];
    let issue = RwSignal::new(None::<DateIssue>);
    // The date these fields last gave: focus passing through them unchanged saves nothing (a
    // save would stamp this tab's copy as newest and undo another tab's change).
    let last = StoredValue::new(value.clone());
    let read = move || {
        let [(_, day, ..), (_, month, ..), (_, year, ..)] = parts;
        match from_parts(
            &day.get_untracked(),
            &month.get_untracked(),
            &year.get_untracked(),
        ) {
            Ok(date) => {
                issue.set(None);
                if last.with_value(|l| *l != date) {
                    last.set_value(date.clone());
                    on_change.run(date);
                }
            }
            Err(e) => issue.set(Some(e)),
        }
    };
    let group = NodeRef::<leptos::html::Div>::new();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let message = move || {
        issue.get().map(|e| match e {
            DateIssue::Missing(DatePart::Day) => t.date_missing_day,
            DateIssue::Missing(DatePart::Month) => t.date_missing_month,
            DateIssue::Missing(DatePart::Year) => t.date_missing_year,
            DateIssue::Incomplete => t.date_incomplete,
            DateIssue::YearDigits => t.date_year_digits,
            DateIssue::NotReal => t.date_not_real,
        })
    };
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match issue.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    let fields = parts
        .into_iter()
        .map(|(part, text, label, width)| {
            let field_id = format!(
                "{id}-{}",
                match part {
                    DatePart::Day => "day",
                    DatePart::Month => "month",
                    DatePart::Year => "year",
                }
            );
            let wrong = move || issue.get().is_some_and(|e| e.concerns(part));
            view! {
                <div class="cmm-date-input__item">
                    <div class="cmm-form-group">
                        <label class="cmm-label cmm-date-input__label" for=field_id.clone()>{label}</label>
                        <input class=format!("cmm-input cmm-date-input__input cmm-input--width-{width}")
                            class:cmm-input--error=wrong
                            id=field_id type="text" inputmode="numeric" autocomplete="off"
                            aria-invalid=move || wrong().then_some("true")
                            prop:value=move || text.get()
                            on:input=move |ev| text.set(event_target_value(&ev)) />
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="cmm-form-group cmm-form-group--inline" class:cmm-form-group--error=move || issue.get().is_some()
            node_ref=group
            on:focusout=move |ev| {
                let inside = group.get_untracked().is_some_and(|g| crate::browser::focus::stays_within(&ev, &g));
                if !inside {
                    read();
                }
            }>
            <fieldset class="cmm-fieldset" role="group" aria-describedby=described>
                <legend class="cmm-fieldset__legend cmm-fieldset__legend--s">
                    {legend}
                    {hidden_legend.map(|h| view! { <span class="cmm-visually-hidden">{h}</span> })}
                </legend>
                <div class="cmm-hint" id=hint_id.clone()>
                    {hint.map(|h| view! { {h}<br /> })}
                    {t.date_hint}
                </div>
                // Announced when it appears: focus has already left the fields by then.
                <div aria-live="polite">
                    {move || message().map(|m| view! { <ErrorMessage id=error_id.clone() message=m.to_string() /> })}
                </div>
                <div class="cmm-date-input">{fields}</div>
            </fieldset>
        </div>
    }
}
