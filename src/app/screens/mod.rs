//! One module per screen. The start, overview and theme screens are in the first download;
//! every other screen is a split point, loaded when first shown (see `blocks::Lazy`), with its
//! module fetched ahead where the next screen is easy to guess.
//!
//! With the `split` feature (release builds) each `*_screen` function below becomes a split
//! point; without it (component tests) it is an ordinary function.

pub mod about;
pub mod check;
pub mod embed_page;
pub mod history;
pub mod overview;
pub mod programme;
pub mod results;
pub mod shared;
pub mod start;
pub mod team;
pub mod theme;

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::blocks::lazy::{Build, LoadFailed};

type Loading = Pin<Box<dyn Future<Output = Result<Build, LoadFailed>>>>;

/// Declares a screen as a split point: `$screen()` hands back the screen's builder (which lives
/// in the split module when split), `$load` is what `Lazy` calls, and `$preload` fetches the
/// module ahead of time.
macro_rules! split_screen {
    ($screen:ident, $module:ident, $load:ident, $preload:ident, $build:path) => {
        #[cfg_attr(
                                                    feature = "split",
                                                    leptos::wasm_split::wasm_split(
                                                        $module,
                                                        wasm_split_path = ::leptos::wasm_split,
                                                        fallible,
                                                        preload($preload)
                                                    )
                                                )]
        fn $screen() -> Result<Build, LoadFailed> {
            fn build() -> AnyView {
                $build().into_any()
            }
            Ok(build)
        }

        pub fn $load() -> Loading {
            Box::pin(async move {
                #[cfg(feature = "split")]
                return $screen().await;
                #[cfg(not(feature = "split"))]
                return $screen();
            })
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        async fn $preload() -> Result<(), LoadFailed> {
            Ok(())
        }
    };
}

split_screen!(
    check_screen,
    check,
    load_check,
    preload_check,
    check::check_page
);
split_screen!(
    results_screen,
    results,
    load_results,
    preload_results,
    results::results_page
);
split_screen!(
    history_screen,
    history,
    load_history,
    preload_history,
    history::history_page
);
split_screen!(
    shared_screen,
    shared,
    load_shared,
    preload_shared,
    shared::shared_page
);
split_screen!(team_screen, team, load_team, preload_team, team::team_page);
split_screen!(
    about_screen,
    about,
    load_about,
    preload_about,
    about::about_page
);
split_screen!(
    embed_screen,
    embed,
    load_embed,
    preload_embed,
    embed_page::embed_page
);

split_screen!(
    board_screen,
    board,
    load_board,
    preload_board,
    results::board::board_page
);
split_screen!(
    programme_screen,
    programme,
    load_programme,
    preload_programme,
    programme::programme_page
);

/// Fetches the check and results modules while the user answers, so they open at once; a
/// moment after the question is shown, so they never compete with the first screen.
pub fn preload_next() {
    crate::browser::after(1500, || {
        leptos::task::spawn_local(async {
            let _ = preload_check().await;
            let _ = preload_results().await;
        });
    });
}
