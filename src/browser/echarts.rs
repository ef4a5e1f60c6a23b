//! Minimal bindings to ECharts: charming builds the options, this renders them. Our own bindings
//! (rather than charming's renderer) take an element, not an id, and can resize and dispose.

use charming::Chart;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    pub type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init(el: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Instance;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option(this: &Instance, option: &JsValue, not_merge: bool);

    #[wasm_bindgen(method)]
    pub fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &Instance);

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &Instance, opts: &JsValue) -> String;

    #[wasm_bindgen(method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &Instance) -> String;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// A PNG data URL at twice the size, on white (never transparent).
    Png,
    /// SVG markup.
    Svg,
}

/// Draws an option off-screen at a fixed size and returns it as an image, for download.
pub async fn export_image(
    option: &serde_json::Value,
    kind: ImageKind,
    width: u32,
    height: u32,
) -> Result<String, String> {
    ensure_loaded().await?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let el: web_sys::HtmlElement = document
        .create_element("div")
        .map_err(|_| "cannot create element")?
        .unchecked_into();
    let opts = js_sys::Object::new();
    let renderer = if kind == ImageKind::Png {
        "canvas"
    } else {
        "svg"
    };
    js_sys::Reflect::set(&opts, &"renderer".into(), &renderer.into()).ok();
    js_sys::Reflect::set(&opts, &"width".into(), &width.into()).ok();
    js_sys::Reflect::set(&opts, &"height".into(), &height.into()).ok();
    let instance = init(&el, &JsValue::NULL, &opts);
    let parsed = js_sys::JSON::parse(&option.to_string())
        .map_err(|_| "chart options did not parse".to_string())?;
    instance.set_option(&parsed, true);
    let image = match kind {
        ImageKind::Png => {
            let o = js_sys::Object::new();
            js_sys::Reflect::set(&o, &"type".into(), &"png".into()).ok();
            js_sys::Reflect::set(&o, &"pixelRatio".into(), &2.into()).ok();
            js_sys::Reflect::set(&o, &"backgroundColor".into(), &"#ffffff".into()).ok();
            instance.get_data_url(&o)
        }
        ImageKind::Svg => instance.render_to_svg_string(),
    };
    instance.dispose();
    Ok(image)
}

thread_local! {
    /// Where the ECharts bundle lives: beside the widget, wherever the page embedding it is.
    static BUNDLE_URL: std::cell::RefCell<String> = std::cell::RefCell::new("vendor/echarts.min.js".into());
}

pub fn set_bundle_url(url: &str) {
    BUNDLE_URL.with(|u| *u.borrow_mut() = url.to_string());
}

fn loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"echarts".into()).is_ok_and(|v| !v.is_undefined())
}

/// Loads the ECharts bundle once, on first use, so the first screen never pays for it.
pub async fn ensure_loaded() -> Result<(), String> {
    if loaded() {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let existing = document
        .query_selector("script[data-cmm-echarts]")
        .ok()
        .flatten();
    let script: web_sys::HtmlScriptElement = match existing {
        Some(el) => el.unchecked_into(),
        None => {
            let el: web_sys::HtmlScriptElement = document
                .create_element("script")
                .map_err(|_| "cannot create script")?
                .unchecked_into();
            el.set_src(&BUNDLE_URL.with(|u| u.borrow().clone()));
            el.set_attribute("data-cmm-echarts", "").ok();
            document
                .head()
                .ok_or("no head")?
                .append_child(&el)
                .map_err(|_| "cannot add script")?;
            el
        }
    };
    // Listeners, not onload: several charts may wait on the same script element.
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    if loaded() {
        return Ok(());
    }
    JsFuture::from(promise)
        .await
        .map_err(|_| "the chart library could not be loaded".to_string())?;
    Ok(())
}

/// Renders a chart into an element with the SVG renderer (sharp in print and at any zoom).
pub fn render(el: &web_sys::HtmlElement, chart: &Chart) -> Result<Instance, String> {
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"renderer".into(), &"svg".into()).ok();
    let instance = init(el, &JsValue::NULL, &opts);
    update(&instance, chart)?;
    Ok(instance)
}

pub fn update(instance: &Instance, chart: &Chart) -> Result<(), String> {
    let json = crate::charts::echarts_option(chart).to_string();
    let option =
        js_sys::JSON::parse(&json).map_err(|_| "chart options did not parse".to_string())?;
    instance.set_option(&option, true);
    Ok(())
}

/// Calls back when an element changes size (window resizes, or a hidden container becomes
/// visible); stops watching when dropped.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeWatch {
    pub fn new(
        el: &web_sys::Element,
        mut on_resize: impl FnMut() + 'static,
    ) -> Option<ResizeWatch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| on_resize());
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
