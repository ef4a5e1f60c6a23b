//! The radar: a polygon of theme levels per line (this assessment, the benchmark, the previous
//! assessment) on the 1–5 scale.

use charming::{
    component::{RadarAxisName, RadarCoordinate},
    element::{AreaStyle, Color, LineStyle, LineStyleType, Symbol},
    series::Radar,
    Chart,
};

use super::{no_pattern, stripes, Layout, Line, PALETTE, TEXT};
use crate::domain::framework::Framework;

/// A radar of theme levels on the 1–5 scale, one polygon per line.
pub fn radar(framework: &Framework, title: &str, lines: &[Line], layout: Layout) -> Chart {
    let names: Vec<String> = framework
        .themes
        .iter()
        .map(|t| layout.label(&t.title))
        .collect();
    let indicators: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, 5.0)).collect();
    let styles = [
        (LineStyleType::Solid, Symbol::Circle),
        (LineStyleType::Dashed, Symbol::Diamond),
        (LineStyleType::Dotted, Symbol::Triangle),
    ];
    let mut chart = layout
        .chart(title, vec![stripes(), no_pattern(), no_pattern()])
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
        .legend(
            layout
                .legend()
                .data(lines.iter().map(|l| l.name.clone()).collect()),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .axis_name(
                    RadarAxisName::new()
                        .color(TEXT)
                        .font_size(layout.font_size()),
                )
                .split_number(5)
                .radius(if layout.compact { "40%" } else { "58%" })
                .center(vec!["50%", if layout.compact { "44%" } else { "50%" }]),
        );
    for (i, line) in lines.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let (dash, symbol) = styles[i % styles.len()].clone();
        // ECharts draws a gap for "-"; a radar needs a number, so a missing value sits at the centre.
        let values: Vec<f64> = line.values.iter().map(|v| v.unwrap_or(0.0)).collect();
        let mut series = Radar::new()
            .name(line.name.clone())
            .symbol(symbol)
            .symbol_size(8)
            .line_style(LineStyle::new().color(colour).width(2.5).type_(dash))
            .data(vec![(values, line.name.clone())]);
        if i == 0 {
            series = series.area_style(AreaStyle::new().color(colour).opacity(0.12));
        }
        chart = chart.series(series);
    }
    chart
}
