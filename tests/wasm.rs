//! Component tests in a real browser (headless Chromium through ChromeDriver): the app mounted
//! with the small test framework, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use cm_maturity::domain::{saved::SCHEMA_VERSION, BenchmarkFile, Framework};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ENGLISH: &str = include_str!("../public/data/text/en.json");

fn mount(id: &str, namespace: &str) -> web_sys::HtmlElement {
    let root = fresh_root(id);
    let framework = Framework::parse(include_str!("fixtures/framework-small.json")).unwrap();
    let benchmarks = BenchmarkFile::parse(include_str!("fixtures/benchmarks-small.json")).unwrap();
    let handle = cm_maturity::app::mount_with(
        root.clone(),
        ENGLISH,
        vec![framework],
        vec![benchmarks],
        namespace,
    );
    // The app lives until the test page closes.
    std::mem::forget(handle);
    root
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear(namespace: &str) {
    let s = storage();
    for key in ["data", "last", "lang"] {
        s.remove_item(&format!("{namespace}:{key}")).unwrap();
    }
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    for key in ["tab", "route"] {
        session.remove_item(&format!("{namespace}:{key}")).unwrap();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_root(id: &str) -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    el.set_id(id);
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets Leptos run its effects and re-render, on its own executor's ticks.
async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

/// The first button or link whose text contains `text`.
fn control(root: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let found = root.query_selector_all("button, a").unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no button or link containing {text:?}"))
}

fn text(root: &web_sys::HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

fn saved(namespace: &str) -> serde_json::Value {
    let raw = storage()
        .get_item(&format!("{namespace}:data"))
        .unwrap()
        .expect("answers saved");
    serde_json::from_str(&raw).unwrap()
}

#[wasm_bindgen_test]
async fn a_quick_check_asks_one_question_per_theme_as_radio_groups_and_saves_answers() {
    let namespace = "test-quick";
    clear(namespace);
    let root = mount("quick", namespace);
    settle().await;

    let quick: web_sys::HtmlInputElement = root
        .query_selector("#cmm-kind-1")
        .unwrap()
        .expect("a quick check option")
        .unchecked_into();
    quick.click();
    control(&root, "Start").click();
    settle().await;
    assert!(text(&root).contains("Your assessment"));
    control(&root, "Continue").click();
    settle().await;

    // Theme "Alpha" asks only its quick-check question a1: one fieldset with a legend.
    let fieldsets = root.query_selector_all("fieldset").unwrap();
    assert_eq!(fieldsets.length(), 1);
    let legend = root.query_selector("fieldset legend").unwrap().unwrap();
    assert_eq!(legend.text_content().unwrap().trim(), "Question a1?");
    // Five rungs plus "Don't know" and "Not applicable".
    let radios = root
        .query_selector_all("fieldset input[type=radio]")
        .unwrap();
    assert_eq!(radios.length(), 7);

    let third: web_sys::HtmlInputElement = radios.item(2).unwrap().unchecked_into();
    third.click();
    settle().await;

    let saved = saved(namespace);
    let assessment = &saved["assessments"][0];
    assert_eq!(saved["schemaVersion"], SCHEMA_VERSION);
    assert_eq!(assessment["kind"], "quick");
    assert_eq!(assessment["answers"]["a1"]["rating"], 3);
    assert!(text(&root).contains("Saved in this browser"));
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_kept_in_one_backup_and_the_user_is_told() {
    let namespace = "test-corrupt";
    clear(namespace);
    storage()
        .set_item(&format!("{namespace}:data"), "{not json")
        .unwrap();
    let root = mount("corrupt", namespace);
    settle().await;
    assert!(text(&root).contains("could not be opened"));
    // The data is left where it was, and a copy is kept under a backup key.
    assert_eq!(
        storage()
            .get_item(&format!("{namespace}:data"))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
    let backups: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{namespace}:backup")))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        storage().get_item(&backups[0]).unwrap().as_deref(),
        Some("{not json")
    );
}

#[wasm_bindgen_test]
async fn check_your_answers_marks_what_is_unanswered_and_follows_new_answers() {
    let namespace = "test-check";
    clear(namespace);
    let root = mount("check", namespace);
    settle().await;
    control(&root, "Start").click();
    settle().await;
    control(&root, "Check answers").click();
    settle().await;
    let missing = |root: &web_sys::HtmlElement| {
        root.query_selector_all(".cmm-summary__row--missing")
            .unwrap()
            .length()
    };
    // A full assessment of the small framework: 5 questions, none answered.
    assert_eq!(missing(&root), 5);
    assert!(text(&root).contains("5 questions are not answered yet"));

    control(&root, "Answer the question").click();
    settle().await;
    let first: web_sys::HtmlInputElement = root
        .query_selector("fieldset input[type=radio]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first.click();
    settle().await;
    control(&root, "Check answers").click();
    settle().await;
    assert_eq!(missing(&root), 4);
    assert!(text(&root).contains("Level 1: Initial"));
}

#[wasm_bindgen_test]
async fn typing_a_note_is_kept_at_once_and_saved_a_moment_later() {
    let namespace = "test-note";
    clear(namespace);
    let root = mount("note", namespace);
    settle().await;
    control(&root, "Start").click();
    settle().await;
    control(&root, "Continue").click();
    settle().await;
    let radio: web_sys::HtmlInputElement = root
        .query_selector("fieldset input[type=radio]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.click();
    settle().await;
    let note: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into();
    note.set_value("Board paper, May");
    note.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    // Not yet written: notes wait for typing to stop.
    assert_eq!(
        saved(namespace)["assessments"][0]["answers"]["a1"].get("note"),
        None
    );
    // The radio kept its choice while the note changed.
    assert!(radio.checked());
    // Leaving the page (here: hiding it) writes what is waiting.
    document()
        .dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
        .unwrap();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 900)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    assert_eq!(
        saved(namespace)["assessments"][0]["answers"]["a1"]["note"],
        "Board paper, May"
    );
}
