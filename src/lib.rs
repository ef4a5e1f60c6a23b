//! Contract management maturity self-assessment.
//!
//! `domain` is the functional core and builds anywhere; `charts` turns results into chart
//! options and `route` screens into addresses (plain data, testable natively); `office` writes
//! the Word report and Excel workbook; `text` holds
//! every user-facing string, read from language files; `browser` and `app` are the thin web
//! shell, built for wasm only.

/// The release's one version number (Cargo.toml's): on the about page, in every exported
/// file that has room for it, and in embed.js and sw.js.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod charts;
pub mod domain;
pub mod office;
pub mod route;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
