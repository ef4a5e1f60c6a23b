//! The radar: a polygon of theme levels per line (this assessment, the benchmark, the previous
//! assessment) on the 1–5 scale.

use charming::{
    component::{RadarAxisName, RadarCoordinate},
    datatype::CompositeValue,
    element::{AreaStyle, Color, LineStyle, LineStyleType, Symbol},
    series::Radar,
    Chart,
};

use super::{fit, no_pattern, stripes, Layout, Line, Room, LABEL_LINE_HEIGHT, PALETTE, TEXT};
use crate::domain::framework::Framework;

/// A line the radar leaves off because it has no figure for some themes (ECharts would draw
/// each missing figure at the centre, as if it were zero): its name and those themes' titles.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOff {
    pub line: String,
    pub themes: Vec<String>,
}

/// The lines [`radar`] does not draw, so the screen can say why they are missing.
pub fn left_off(framework: &Framework, lines: &[Line]) -> Vec<LeftOff> {
    lines
        .iter()
        .filter(|l| !l.complete())
        .map(|l| LeftOff {
            line: l.name.clone(),
            themes: framework
                .themes
                .iter()
                .zip(l.values.iter().chain(std::iter::repeat(&None)))
                .filter(|(_, v)| v.is_none())
                .map(|(t, _)| t.title.clone())
                .collect(),
        })
        .collect()
}

/// A radar of theme levels on the 1–5 scale, one polygon per line that has a figure for every
/// theme; the others are in [`left_off`]. A line keeps its colour and style whether or not
/// others are left off.
pub fn radar(framework: &Framework, title: &str, lines: &[Line], layout: Layout) -> Chart {
    let drawn: Vec<String> = lines
        .iter()
        .filter(|l| l.complete())
        .map(|l| l.name.clone())
        .collect();
    // Where the box is known, the radar is placed so every name fits; otherwise by share.
    let placed = layout.size.map(|(width, height)| {
        let titles: Vec<&str> = framework.themes.iter().map(|t| t.title.as_str()).collect();
        let room = Room {
            width: f64::from(width),
            height: f64::from(height),
            font: layout.font_size(),
            line_height: LABEL_LINE_HEIGHT,
            legend: &drawn,
            legend_stacked: layout.compact,
        };
        fit(&titles, &room, 0.8)
    });
    let names: Vec<String> = match &placed {
        Some(p) => p.names.clone(),
        None => framework
            .themes
            .iter()
            .map(|t| layout.label(&t.title))
            .collect(),
    };
    let (radius, center): (CompositeValue, CompositeValue) = match &placed {
        Some(p) => (p.radius.into(), vec![p.cx, p.cy].into()),
        None if layout.compact => ("40%".into(), vec!["50%", "44%"].into()),
        None => ("58%".into(), vec!["50%", "50%"].into()),
    };
    let indicators: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, 5.0)).collect();
    let styles = [
        (LineStyleType::Solid, Symbol::Circle),
        (LineStyleType::Dashed, Symbol::Diamond),
        (LineStyleType::Dotted, Symbol::Triangle),
    ];
    let mut chart = layout
        .chart(title, vec![stripes(), no_pattern(), no_pattern()])
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
        .legend(layout.legend().data(drawn))
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .axis_name(
                    RadarAxisName::new()
                        .color(TEXT)
                        .font_size(layout.font_size()),
                )
                .name_gap(super::fit::NAME_GAP)
                .split_number(5)
                .radius(radius)
                .center(center),
        );
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.complete()) {
        let colour = PALETTE[i % PALETTE.len()];
        let (dash, symbol) = styles[i % styles.len()].clone();
        let values: Vec<f64> = line.values.iter().flatten().copied().collect();
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
