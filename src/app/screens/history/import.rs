//! Importing assessments from a file (picked or dropped): read, validated and previewed, then
//! merged only when the user confirms. Text from the file is only ever shown as text.

use crate::app::blocks::Heading;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::blocks::{ErrorSummary, FieldError, FileDrop, Notice};
use crate::app::state::{use_app, App};
use crate::browser::files;
use crate::browser::focus::focus_by_id_after_redraw;
use crate::domain::exchange::{classify, parse_import, Incoming, MergeReport};
use crate::domain::{Assessment, Framework};
use crate::text::fill;

/// The steps of an import, owned by this section: a file previewed, refused, or merged.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Preview {
        file_name: String,
        assessments: Vec<Assessment>,
    },
    Failed {
        file_name: String,
        message: String,
    },
    Done(MergeReport),
}

const FIELD: &str = "cmm-import-file";
const PREVIEW: &str = "cmm-import-preview";
const DONE: &str = "cmm-import-done";

fn read_first(app: App, step: RwSignal<Option<Step>>, list: Vec<web_sys::File>) {
    let Some(file) = list.into_iter().next() else {
        return;
    };
    let t = app.t();
    spawn_local(async move {
        let file_name = file.name();
        let next = match files::read_text(&file).await {
            Ok(text) => {
                let frameworks = app.catalogue.frameworks();
                let refs: Vec<&Framework> = frameworks.iter().map(|f| &**f).collect();
                match parse_import(&text, &refs) {
                    Ok(assessments) => Step::Preview {
                        file_name,
                        assessments,
                    },
                    Err(e) => Step::Failed {
                        file_name,
                        message: t.import_error(&e),
                    },
                }
            }
            Err(e) => Step::Failed {
                file_name,
                message: files::describe(t, &e),
            },
        };
        // The preview (or the problem's summary, which takes focus itself) is what to read next.
        let previewed = matches!(next, Step::Preview { .. });
        step.set(Some(next));
        if previewed {
            focus_by_id_after_redraw(PREVIEW.to_string(), false);
        }
    });
}

#[component]
pub fn ImportSection() -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let step = RwSignal::new(None::<Step>);
    let failed = move || match step.get() {
        Some(Step::Failed { file_name, message }) => Some(fill(
            t.import_failed,
            &[("file", &file_name), ("message", &message)],
        )),
        _ => None,
    };
    let preview = move || match step.get() {
        Some(Step::Preview {
            file_name,
            assessments,
        }) => {
            let rows = app.saved.with(|d| {
                assessments
                    .iter()
                    .map(|a| {
                        let status = match classify(d, a) {
                            Incoming::New => t.import_new,
                            Incoming::AlreadyHere => t.import_already,
                            Incoming::Copy => t.import_copy,
                        };
                        view! {
                            <li>
                                <strong>{t.assessment_name(a)}</strong>
                                {format!(" ({})", t.long_date(&a.created))}
                                <span class="cmm-import__status">{status}</span>
                            </li>
                        }
                    })
                    .collect_view()
            });
            let summary = t.describe_assessments(&assessments);
            Some(view! {
                <Notice id=PREVIEW>
                    <p class="cmm-body">{fill(t.import_preview, &[("file", &file_name), ("summary", &summary)])}</p>
                    <ul class="cmm-list cmm-list--bullet">{rows}</ul>
                    <div class="cmm-button-group">
                        <button type="button" class="cmm-button" on:click=move |_| {
                            if let Some(Step::Preview { assessments, .. }) = step.get_untracked() {
                                let report = app.saved.import(assessments, t.imported_copy_suffix);
                                step.set(Some(Step::Done(report)));
                                focus_by_id_after_redraw(DONE.to_string(), false);
                            }
                        }>{t.import_confirm}</button>
                        <button type="button" class="cmm-link" on:click=move |_| {
                            step.set(None);
                            focus_by_id_after_redraw(FIELD.to_string(), false);
                        }>{t.cancel}</button>
                    </div>
                </Notice>
            })
        }
        _ => None,
    };
    let done = move || match step.get() {
        Some(Step::Done(r)) => Some(view! {
            <Notice id=DONE>
                <p class="cmm-body">{fill(t.import_done, &[("added", &r.added), ("copies", &r.copies), ("already", &r.already_here)])}</p>
            </Notice>
        }),
        _ => None,
    };
    view! {
        <section class="cmm-import" aria-labelledby="cmm-import-heading">
            <Heading depth=2 class="cmm-heading-m" id="cmm-import-heading">{t.import_heading}</Heading>
            <p class="cmm-body">{t.import_intro}</p>
            {move || failed().map(|message| view! {
                <ErrorSummary title=t.import_problem errors=vec![FieldError::at(FIELD, message)] />
            })}
            {preview}
            {done}
            <FileDrop id=FIELD label=t.import_label hint=t.import_hint single=true error=Signal::derive(failed)
                on_files=Callback::new(move |list| read_first(app, step, list)) />
        </section>
    }
}
