//! Fetching the framework, benchmark and language files, with a time limit and a size limit so
//! a slow or huge file gives a clear message instead of a widget that never starts. A request
//! starts when [`text`] is called, not when it is awaited, so several can run side by side.

use std::future::Future;

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// Far above any real content file (the default framework is well under 1 MB).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
pub const TIMEOUT_MS: i32 = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    Unreachable,
    Status(u16),
    TimedOut,
    TooLarge,
    Unreadable,
}

/// Starts fetching a text file (at most [`MAX_BYTES`], within [`TIMEOUT_MS`]).
pub fn text(url: &str) -> impl Future<Output = Result<String, FetchError>> {
    let window = web_sys::window();
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let request = window
        .as_ref()
        .map(|w| JsFuture::from(w.fetch_with_str_and_init(url, &init)));
    // Abort when the time is up; the timer is cleared once the body is read.
    let abort = controller.clone().map(|c| Closure::once(move || c.abort()));
    let timer = window.as_ref().zip(abort.as_ref()).and_then(|(w, a)| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            a.as_ref().unchecked_ref(),
            TIMEOUT_MS,
        )
        .ok()
    });
    async move {
        let result = match request {
            Some(request) => read(request).await,
            None => Err(FetchError::Unreachable),
        };
        if let (Some(w), Some(t)) = (&window, timer) {
            w.clear_timeout_with_handle(t);
        }
        drop(abort);
        let aborted = controller.is_some_and(|c| c.signal().aborted());
        match result {
            Err(_) if aborted => Err(FetchError::TimedOut),
            other => other,
        }
    }
}

async fn read(request: JsFuture) -> Result<String, FetchError> {
    let response = request.await.map_err(|_| FetchError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Unreachable)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(FetchError::TooLarge);
    }
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    // Read piece by piece and stop at the limit: a server may send no length, or the wrong one,
    // or never stop.
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Unreadable)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(|_| FetchError::Unreadable)?
            .unchecked_into();
        if bytes.len() + value.length() as usize > MAX_BYTES {
            let _ = reader.cancel();
            return Err(FetchError::TooLarge);
        }
        bytes.extend(value.to_vec());
    }
    let text = String::from_utf8(bytes).map_err(|_| FetchError::Unreadable)?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}
