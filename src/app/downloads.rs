//! Offering files the user asked for: exports, backups, CSV, chart images. Made in the browser,
//! never uploaded. A download that fails says why; where the host's sandbox forbids downloads,
//! the buttons say so instead of doing nothing.

use leptos::task::spawn_local;

use super::state::App;
use crate::browser::download;
use crate::browser::echarts::{export_image, ImageKind};
use crate::charts::{export_option, EXPORT_SIZE};
use crate::text::fill;

/// A file name in the reader's language, without extension:
/// "contract-management-maturity-{part}-{date}".
pub fn file_stem(app: App, part: &str, date: &str) -> String {
    let mut name = app.t().file_prefix.to_string();
    for piece in [part, date] {
        if !piece.is_empty() {
            name.push('-');
            name.push_str(piece);
        }
    }
    name
}

pub fn file_name(app: App, part: &str, date: &str, extension: &str) -> String {
    format!("{}.{extension}", file_stem(app, part, date))
}

pub fn offer_text(app: App, name: &str, mime: &str, contents: &str) {
    say_if_failed(app, download::text_file(name, mime, contents));
}

/// Tells the user why a download they asked for did not happen.
pub fn say_if_failed(app: App, result: Result<(), String>) {
    if let Err(why) = result {
        app.show_alert(fill(app.t().download_failed, &[("why", &why)]));
    }
}

/// Offers CSV with a byte-order mark, so spreadsheet programs read the file as UTF-8.
pub fn offer_csv(app: App, name: &str, csv: &str) {
    offer_text(
        app,
        name,
        "text/csv;charset=utf-8",
        &format!("\u{feff}{csv}"),
    );
}

/// Draws a chart off-screen with lines of context and offers it as a PNG or SVG file.
pub fn offer_chart(
    app: App,
    chart: &charming::Chart,
    info: &[String],
    name: String,
    kind: ImageKind,
) {
    let option = export_option(chart, info);
    spawn_local(async move {
        let (w, h) = EXPORT_SIZE;
        let result = match export_image(&option, kind, w, h).await {
            Ok(image) if kind == ImageKind::Png => {
                download::data_url(&format!("{name}.png"), &image)
            }
            Ok(svg) => download::text_file(&format!("{name}.svg"), "image/svg+xml", &svg),
            Err(e) => Err(e),
        };
        say_if_failed(app, result);
    });
}
