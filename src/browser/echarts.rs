//! Our own handle to ECharts: charming builds the options, this renders them. The bundle is
//! loaded on first use and registers itself under a name of ours (`__cmmECharts`), never as
//! `window.echarts`, so a host page's element with `id="echarts"` or its own older ECharts can
//! neither break our charts nor be broken by them. Every call into ECharts is guarded: a throw
//! comes back as an error to show, never as a crash of the WebAssembly.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The global the bundle sets (see scripts/echarts-entry.js).
const GLOBAL: &str = "__cmmECharts";

#[wasm_bindgen]
extern "C" {
    /// The ECharts library object.
    pub type Lib;

    #[wasm_bindgen(method, catch)]
    fn init(
        this: &Lib,
        el: &web_sys::HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<Instance, JsValue>;

    /// One chart drawn in one element.
    pub type Instance;

    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option(this: &Instance, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = resize)]
    fn resize_raw(this: &Instance) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = dispose)]
    fn dispose_raw(this: &Instance) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = getZr)]
    fn get_zr(this: &Instance) -> Result<JsValue, JsValue>;
}

impl Instance {
    /// The chart as SVG markup for a still picture: without the CSS animations and hover styles
    /// ECharts' own `renderToSVGString` puts in a `<style>` element, which a still image does not
    /// need and which a page with a strict Content-Security-Policy refuses.
    fn render_to_svg_string(&self) -> Result<JsValue, JsValue> {
        let painter = js_sys::Reflect::get(&self.get_zr()?, &"painter".into())?;
        let render: js_sys::Function =
            js_sys::Reflect::get(&painter, &"renderToString".into())?.dyn_into()?;
        let opts = js_sys::Object::new();
        for key in ["cssAnimation", "cssEmphasis"] {
            js_sys::Reflect::set(&opts, &key.into(), &false.into())?;
        }
        js_sys::Reflect::set(&opts, &"useViewBox".into(), &true.into())?;
        render.call1(&painter, &opts)
    }
}

impl Instance {
    pub fn resize(&self) {
        let _ = self.resize_raw();
    }

    pub fn dispose(&self) {
        let _ = self.dispose_raw();
    }
}

/// Where the bundle is, its integrity hash when the build recorded one, and the node its script
/// element goes in (the widget's shadow root in a council's page, so the host's head is
/// left alone).
#[derive(Debug, Clone)]
pub struct Bundle {
    pub url: String,
    pub integrity: Option<String>,
    pub parent: Option<web_sys::Node>,
}

thread_local! {
    static BUNDLE: RefCell<Bundle> = RefCell::new(Bundle {
        url: "vendor/echarts.min.js".into(),
        integrity: None,
        parent: None,
    });
    static LIB: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// A load under way, shared by every chart that waits for it.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

pub fn set_bundle(bundle: Bundle) {
    BUNDLE.with(|b| *b.borrow_mut() = bundle);
}

/// Our library object, if the bundle has run: it must be an object with an `init` function.
fn take_handle() -> Option<Lib> {
    let value = js_sys::Reflect::get(&js_sys::global(), &GLOBAL.into()).ok()?;
    let init = js_sys::Reflect::get(&value, &"init".into()).ok()?;
    init.is_function().then(|| value.unchecked_into())
}

fn handle() -> Option<Lib> {
    LIB.with(|l| l.borrow().clone().map(JsCast::unchecked_into))
}

/// Loads the bundle once, on first use, so the first screen never pays for it. A failed load
/// is forgotten (its script element removed), so the next call tries again.
pub async fn ensure_loaded() -> Result<(), String> {
    if handle().is_some() {
        return Ok(());
    }
    if let Some(lib) = take_handle() {
        LIB.with(|l| *l.borrow_mut() = Some(lib.into()));
        return Ok(());
    }
    let promise = match LOADING.with(|l| l.borrow().clone()) {
        Some(p) => p,
        None => {
            let p = start_load()?;
            LOADING.with(|l| *l.borrow_mut() = Some(p.clone()));
            p
        }
    };
    let result = JsFuture::from(promise).await;
    LOADING.with(|l| *l.borrow_mut() = None);
    if result.is_ok() {
        if let Some(lib) = take_handle() {
            LIB.with(|l| *l.borrow_mut() = Some(lib.into()));
            return Ok(());
        }
    }
    Err("the chart library could not be loaded".into())
}

fn start_load() -> Result<js_sys::Promise, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| "cannot create script")?
        .unchecked_into();
    let bundle = BUNDLE.with(|b| b.borrow().clone());
    script.set_src(&bundle.url);
    script.set_cross_origin(Some("anonymous"));
    if let Some(hash) = &bundle.integrity {
        script.set_integrity(hash);
    }
    let _ = script.set_attribute("data-cmm-echarts", "");
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let s = script.clone();
        let failed = Closure::once_into_js(move |e: JsValue| {
            // Forget the failed element, so a retry starts afresh.
            s.remove();
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", failed.unchecked_ref());
    });
    let parent: web_sys::Node = match bundle.parent {
        Some(p) => p,
        None => document.head().ok_or("no head")?.into(),
    };
    parent
        .append_child(&script)
        .map_err(|_| "cannot add the chart script")?;
    Ok(promise)
}

fn parse(option: &serde_json::Value) -> Result<JsValue, String> {
    js_sys::JSON::parse(&option.to_string()).map_err(|_| "chart options did not parse".to_string())
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// Draws a chart into an element with the SVG renderer (sharp in print and at any zoom).
pub fn render(el: &web_sys::HtmlElement, option: &serde_json::Value) -> Result<Instance, String> {
    let lib = handle().ok_or("the chart library is not loaded")?;
    let instance = lib
        .init(el, &JsValue::NULL, &options(&[("renderer", "svg".into())]))
        .map_err(|_| "the chart could not start".to_string())?;
    update(&instance, option)?;
    Ok(instance)
}

pub fn update(instance: &Instance, option: &serde_json::Value) -> Result<(), String> {
    instance
        .set_option(&parse(option)?, true)
        .map_err(|_| "the chart could not be drawn".to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// A PNG data URL at twice the size, on white (never transparent).
    Png,
    /// SVG markup.
    Svg,
}

/// Draws an option off-screen at a fixed size and returns it as an image, for download: SVG
/// markup, or a PNG data URL at twice the size on white, made from that SVG in the browser
/// (so only the SVG renderer ships).
pub async fn export_image(
    option: &serde_json::Value,
    kind: ImageKind,
    width: u32,
    height: u32,
) -> Result<String, String> {
    ensure_loaded().await?;
    let lib = handle().ok_or("the chart library is not loaded")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let el: web_sys::HtmlElement = document
        .create_element("div")
        .map_err(|_| "cannot create element")?
        .unchecked_into();
    let opts = options(&[
        ("renderer", "svg".into()),
        ("width", width.into()),
        ("height", height.into()),
    ]);
    let instance = lib
        .init(&el, &JsValue::NULL, &opts)
        .map_err(|_| "the chart could not start".to_string())?;
    let svg = update(&instance, option).and_then(|()| {
        instance
            .render_to_svg_string()
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| "the image could not be made".to_string())
    });
    instance.dispose();
    match kind {
        ImageKind::Svg => svg,
        ImageKind::Png => rasterise(&svg?, width, height, 2).await,
    }
}

/// A URL for SVG markup to show in an `<img>`, where no script in it could run; revoke it with
/// [`revoke`] when done.
pub fn svg_url(svg: &str) -> Result<String, String> {
    // A character XML cannot hold (from a name, a benchmark title) would stop it decoding.
    let svg = crate::domain::xml::without_forbidden(svg);
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map_err(|_| "the image could not be made".to_string())?;
    web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the image could not be made".to_string())
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Draws SVG markup onto a white canvas `scale` times its size and returns a PNG data URL.
pub async fn rasterise(svg: &str, width: u32, height: u32, scale: u32) -> Result<String, String> {
    let fail = |what: &str| format!("the image could not be made ({what})");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let url = svg_url(svg)?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| fail("image"))?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    revoke(&url);
    decoded.map_err(|_| fail("decode"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| fail("canvas"))?
        .unchecked_into();
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| fail("context"))?
        .unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    let (w, h) = (f64::from(width * scale), f64::from(height * scale));
    ctx.fill_rect(0.0, 0.0, w, h);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
        .map_err(|_| fail("draw"))?;
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| fail("png"))
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
