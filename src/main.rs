//! The WebAssembly binary. It runs nothing by itself: the page's loader calls `start` (a page of
//! its own, or an iframe) or `mount` (script mode), with the release's file names.

// Linked for its exported `start` and `mount`, which nothing in this file calls.
extern crate cm_maturity;

fn main() {}
