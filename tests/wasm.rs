//! Component tests in a real browser (headless Chromium through ChromeDriver).
#![cfg(target_arch = "wasm32")]

use cm_maturity::domain::{BenchmarkFile, Framework};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn framework() -> Framework {
    Framework::from_json(include_str!("fixtures/framework-small.json")).unwrap()
}

fn benchmarks() -> BenchmarkFile {
    BenchmarkFile::from_json(include_str!("fixtures/benchmarks-small.json")).unwrap()
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

async fn tick() {
    // Let Leptos run its effects and re-render.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn button(root: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no button containing {text:?}"))
}

#[wasm_bindgen_test]
async fn a_quick_check_asks_one_question_per_theme_as_radio_groups_and_saves_answers() {
    let namespace = "test-quick";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(&format!("{namespace}:data")).unwrap();
    let root = fresh_root("quick");
    let _handle = cm_maturity::app::mount_with(root.clone(), framework(), benchmarks(), namespace);
    tick().await;

    let quick: web_sys::HtmlInputElement = root
        .query_selector("#cmm-kind-quick")
        .unwrap()
        .expect("a quick check option")
        .unchecked_into();
    quick.click();
    button(&root, "Start").click();
    tick().await;
    // The overview lists the themes; go to the first one.
    assert!(root.text_content().unwrap().contains("Your assessment"));
    button(&root, "Continue").click();
    tick().await;

    // Theme "Alpha" asks only its quick-check question a1: one fieldset with a legend.
    let fieldsets = root.query_selector_all("fieldset").unwrap();
    assert_eq!(fieldsets.length(), 1);
    let legend = root.query_selector("fieldset legend").unwrap().unwrap();
    assert_eq!(legend.text_content().unwrap(), "Question a1?");
    // Five rungs plus "Don't know" and "Not applicable".
    let radios = root
        .query_selector_all("fieldset input[type=radio]")
        .unwrap();
    assert_eq!(radios.length(), 7);

    let third: web_sys::HtmlInputElement = radios.item(2).unwrap().unchecked_into();
    third.click();
    tick().await;

    let saved = storage
        .get_item(&format!("{namespace}:data"))
        .unwrap()
        .expect("answers saved");
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let current = saved["current"].as_str().unwrap();
    let assessment = saved["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == current)
        .unwrap();
    assert_eq!(assessment["kind"], "quick");
    assert_eq!(assessment["answers"]["a1"]["rating"], 3);
    assert!(root
        .text_content()
        .unwrap()
        .contains("Saved in this browser"));
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_kept_in_a_backup_and_the_user_is_told() {
    let namespace = "test-corrupt";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(&format!("{namespace}:data"), "{not json")
        .unwrap();
    storage.remove_item(&format!("{namespace}:backup")).unwrap();
    let root = fresh_root("corrupt");
    let _handle = cm_maturity::app::mount_with(root.clone(), framework(), benchmarks(), namespace);
    tick().await;

    assert!(root.text_content().unwrap().contains("could not be opened"));
    assert_eq!(
        storage
            .get_item(&format!("{namespace}:backup"))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
    assert_eq!(
        storage
            .get_item(&format!("{namespace}:data"))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
}

#[wasm_bindgen_test]
async fn check_your_answers_marks_what_is_unanswered_and_follows_new_answers() {
    let namespace = "test-check";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(&format!("{namespace}:data")).unwrap();
    storage.remove_item(&format!("{namespace}:place")).unwrap();
    let root = fresh_root("check");
    let _handle = cm_maturity::app::mount_with(root.clone(), framework(), benchmarks(), namespace);
    tick().await;
    button(&root, "Start").click();
    tick().await;
    button(&root, "Check answers").click();
    tick().await;
    let missing = |root: &web_sys::HtmlElement| {
        root.query_selector_all(".cmm-summary__row--missing")
            .unwrap()
            .length()
    };
    // A full assessment of the small framework: 5 questions, none answered.
    assert_eq!(missing(&root), 5);
    assert!(root
        .text_content()
        .unwrap()
        .contains("5 questions are not answered yet"));

    button(&root, "Change").click();
    tick().await;
    let first: web_sys::HtmlInputElement = root
        .query_selector("fieldset input[type=radio]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first.click();
    tick().await;
    button(&root, "Check answers").click();
    tick().await;
    assert_eq!(missing(&root), 4);
    assert!(root.text_content().unwrap().contains("Level 1: Initial"));
}
