//! The programme's own charts: the median change per theme between councils' first and latest
//! returns, and how councils' overall levels spread at each stage.

use charming::{
    element::{Color, ItemStyle},
    series::Bar,
    Chart,
};

use super::{dots, no_pattern, row_axes, stripes, value_axis, value_or_gap, Layout, PALETTE};

/// Names for the parts of the programme charts.
pub struct ProgrammeLabels<'a> {
    pub change_title: &'a str,
    pub change: &'a str,
    pub distribution_title: &'a str,
    /// "1 Initial" to "5 Leading": the bands of the distribution chart.
    pub level_names: Vec<String>,
}

/// Median change per theme as horizontal bars from zero; the axis always shows a whole level
/// either side so a small change is not drawn as a large one.
pub fn programme_change(rows: &[(String, f64)], labels: &ProgrammeLabels, layout: Layout) -> Chart {
    let furthest = rows
        .iter()
        .map(|(_, c)| c.abs())
        .fold(1.0_f64, f64::max)
        .ceil();
    row_axes(
        layout
            .chart(labels.change_title, vec![stripes()])
            .color(vec![Color::from(PALETTE[0])]),
        rows.iter().map(|(t, _)| t.as_str()),
        value_axis().min(-furthest).max(furthest).interval(0.5),
        24,
        layout,
    )
    .series(
        Bar::new()
            .name(labels.change)
            .bar_width("55%")
            .item_style(ItemStyle::new().color(PALETTE[0]))
            .data(rows.iter().map(|(_, c)| value_or_gap(Some(*c))).collect()),
    )
}

/// Per stage, how many councils are at each overall level band, stacked. A band of fewer than
/// five councils is a gap (the table says "fewer than 5").
pub fn programme_distribution(
    rows: &[(String, [Option<usize>; 5])],
    labels: &ProgrammeLabels,
    layout: Layout,
) -> Chart {
    const BAND_COLOURS: [&str; 5] = ["#505a5f", "#0072B2", "#007A5A", "#D55E00", "#6f4a9e"];
    let decals = vec![no_pattern(), stripes(), dots(), stripes(), dots()];
    let mut chart = row_axes(
        layout
            .chart(labels.distribution_title, decals)
            .color(BAND_COLOURS.iter().map(|c| Color::from(*c)).collect()),
        rows.iter().map(|(s, _)| s.as_str()),
        value_axis().min_interval(1.0),
        if layout.compact { 140 } else { 64 },
        layout,
    );
    for (band, name) in labels.level_names.iter().enumerate().take(5) {
        chart = chart.series(
            Bar::new()
                .name(name.as_str())
                .stack("councils")
                .bar_width("55%")
                .item_style(ItemStyle::new().color(BAND_COLOURS[band]))
                .data(
                    rows.iter()
                        .map(|(_, bands)| value_or_gap(bands[band].map(|n| n as f64)))
                        .collect(),
                ),
        );
    }
    chart.legend(layout.legend().data(labels.level_names.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::echarts_option;
    use serde_json::json;

    fn labels() -> ProgrammeLabels<'static> {
        ProgrammeLabels {
            change_title: "Change",
            change: "Median change",
            distribution_title: "Spread",
            level_names: (1..=5).map(|l| format!("{l} Level")).collect(),
        }
    }

    #[test]
    fn change_axis_is_symmetric_and_at_least_one_level_each_way() {
        let rows = vec![("A".to_string(), 0.25), ("B".to_string(), -0.5)];
        let v = echarts_option(&programme_change(&rows, &labels(), Layout::default()));
        assert_eq!(v["xAxis"]["min"], json!(-1.0));
        assert_eq!(v["xAxis"]["max"], json!(1.0));
        assert_eq!(v["series"][0]["data"], json!([0.3, -0.5]));
    }

    #[test]
    fn distribution_stacks_one_series_per_band_and_leaves_small_bands_out() {
        let rows = vec![(
            "Before".to_string(),
            [Some(0), None, Some(6), Some(5), Some(0)],
        )];
        let v = echarts_option(&programme_distribution(&rows, &labels(), Layout::default()));
        assert_eq!(v["series"].as_array().unwrap().len(), 5);
        assert_eq!(v["series"][1]["data"], json!(["-"]));
        assert_eq!(v["series"][2]["data"], json!([6.0]));
    }
}
