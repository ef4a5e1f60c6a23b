//! Horizontal bars of theme levels, with the benchmark's median and middle half, and the
//! previous assessment.

use charming::{
    element::{BorderType, Color, ItemStyle, Symbol},
    series::Bar,
    Chart,
};

use super::{
    dots, level_axes, marker_series, no_pattern, range_band, stripes, value_or_gap, Layout, PALETTE,
};
use crate::domain::{benchmark::Figure, results::ThemeRow};

/// Names for the parts of the bar chart, from the text module.
pub struct BarLabels<'a> {
    pub title: &'a str,
    pub this_assessment: &'a str,
    pub median: &'a str,
    pub middle_half: &'a str,
    pub previous: &'a str,
}

/// Horizontal bars of theme levels, with the benchmark median as a marker, the benchmark's middle
/// half (interquartile range) as a band where it has quartiles, and the previous assessment.
pub fn bars(rows: &[ThemeRow], labels: &BarLabels, layout: Layout) -> Chart {
    let mut legend = vec![labels.this_assessment.to_string()];
    let decals = vec![stripes(), no_pattern(), dots(), no_pattern(), no_pattern()];
    let mut chart = level_axes(
        layout.chart(labels.title, decals),
        rows.iter().map(|r| r.title.as_str()),
        layout,
    )
    .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
    .series(
        Bar::new()
            .name(labels.this_assessment)
            .bar_width("55%")
            .bar_gap("-100%")
            .item_style(ItemStyle::new().color(PALETTE[0]))
            .data(rows.iter().map(|r| value_or_gap(r.level)).collect()),
    );
    let quartiles: Vec<Option<(f64, f64)>> = rows
        .iter()
        .map(|r| match r.benchmark {
            Figure::Shown { quartiles, .. } => quartiles,
            _ => None,
        })
        .collect();
    if quartiles.iter().any(Option::is_some) {
        legend.push(labels.middle_half.to_string());
        let [start, band] = range_band(
            labels.middle_half,
            "55%",
            quartiles.iter().map(|q| q.map(|(lq, _)| lq)),
            quartiles.iter().map(|q| q.map(|(lq, uq)| uq - lq)),
            ItemStyle::new()
                .color("rgba(80,90,95,0.22)")
                .border_color("#505a5f")
                .border_width(1.5)
                .border_type(BorderType::Dashed),
        );
        chart = chart.series(start).series(band);
    }
    if rows.iter().any(|r| r.benchmark.median().is_some()) {
        legend.push(labels.median.to_string());
        chart = chart.series(marker_series(
            labels.median,
            Symbol::Diamond,
            16.0,
            PALETTE[1],
            rows.iter().map(|r| r.benchmark.median()),
        ));
    }
    if rows.iter().any(|r| r.previous.is_some()) {
        legend.push(labels.previous.to_string());
        chart = chart.series(marker_series(
            labels.previous,
            Symbol::Triangle,
            14.0,
            PALETTE[2],
            rows.iter().map(|r| r.previous),
        ));
    }
    chart.legend(layout.legend().data(legend))
}
