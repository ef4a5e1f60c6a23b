//! The team chart: per theme, the range of colleagues' levels, each colleague, and the median.

use charming::{
    datatype::DataPoint,
    element::{Color, ItemStyle, Symbol},
    series::Scatter,
    Chart,
};

use super::{dots, level_axes, marker, marker_series, no_pattern, range_band, Layout, PALETTE};
use crate::domain::team::TeamTheme;

/// Names for the parts of the team chart.
pub struct TeamLabels<'a> {
    pub title: &'a str,
    pub range: &'a str,
    pub median: &'a str,
    pub respondent: &'a str,
}

/// Per theme: the range of colleagues' levels as a band, each colleague as a dot, and the median.
pub fn team(rows: &[TeamTheme], labels: &TeamLabels, layout: Layout) -> Chart {
    let people: Vec<DataPoint> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.levels.iter().map(move |l| marker(*l, i)))
        .collect();
    let [start, band] = range_band(
        labels.range,
        "50%",
        rows.iter().map(|r| r.min),
        rows.iter()
            .map(|r| r.max.zip(r.min).map(|(hi, lo)| hi - lo)),
        ItemStyle::new()
            .color("rgba(0,114,178,0.25)")
            .border_color("#0072B2")
            .border_width(1.5),
    );
    let decals = vec![no_pattern(), dots(), no_pattern(), no_pattern()];
    level_axes(
        layout.chart(labels.title, decals),
        rows.iter().map(|r| r.title.as_str()),
        layout,
    )
    .color(vec![
        Color::from("rgba(0,0,0,0)"),
        Color::from("#0072B2"),
        Color::from(PALETTE[1]),
        Color::from("#0b0c0c"),
    ])
    .series(start)
    .series(band)
    .series(marker_series(
        labels.median,
        Symbol::Diamond,
        16.0,
        PALETTE[1],
        rows.iter().map(|r| r.median),
    ))
    .series(
        Scatter::new()
            .name(labels.respondent)
            .symbol(Symbol::Circle)
            .symbol_size(7)
            .item_style(ItemStyle::new().color("#0b0c0c").opacity(0.7))
            .data(people),
    )
    .legend(layout.legend().data(vec![
        labels.range.to_string(),
        labels.median.to_string(),
        labels.respondent.to_string(),
    ]))
}
