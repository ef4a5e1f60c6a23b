//! Contract management maturity self-assessment.
//!
//! `domain` is the functional core and builds anywhere; `charts` turns scores into chart options
//! (plain data, testable natively); `browser` and `app` are the thin web shell, built for wasm only.

pub mod charts;
pub mod domain;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
