//! Chart options built from scores with charming. Plain data: built and compared natively in tests,
//! rendered in the browser by `browser::echarts`.

use charming::{
    component::{Aria, Legend, RadarAxisName, RadarCoordinate, Title},
    element::{AreaStyle, Color, LineStyle, LineStyleType, Symbol, TextStyle},
    series::Radar,
    Chart,
};

use crate::domain::{benchmark::Benchmark, framework::Framework, scoring::Scores};

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and each at
/// least 3:1 against white. Colour is never the only cue: line styles and markers differ too.
pub const PALETTE: [&str; 3] = ["#0072B2", "#D55E00", "#007A5A"];

/// Chart text colour: the page's text colour, well above 4.5:1 on white.
pub const TEXT: &str = "#0b0c0c";

/// One line on a chart: a name and a value per framework theme (None where there is no value).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

impl Line {
    pub fn from_scores(name: &str, framework: &Framework, scores: &Scores) -> Line {
        Line {
            name: name.to_string(),
            values: framework
                .themes
                .iter()
                .map(|t| scores.theme(&t.id).and_then(|s| s.level))
                .collect(),
        }
    }

    pub fn from_benchmark(framework: &Framework, benchmark: &Benchmark) -> Line {
        Line {
            name: benchmark.title.clone(),
            values: framework
                .themes
                .iter()
                .map(|t| benchmark.figure(&t.id).median())
                .collect(),
        }
    }
}

/// A radar of theme levels on the 1–5 scale, one polygon per line.
pub fn radar(framework: &Framework, title: &str, lines: &[Line], reduced_motion: bool) -> Chart {
    let names: Vec<String> = framework
        .themes
        .iter()
        .map(|t| wrap_label(&t.title))
        .collect();
    let indicators: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, 5.0)).collect();
    let styles = [
        (LineStyleType::Solid, Symbol::Circle),
        (LineStyleType::Dashed, Symbol::Diamond),
        (LineStyleType::Dotted, Symbol::Triangle),
    ];
    let mut chart = Chart::new()
        .title(
            Title::new()
                .text(title)
                .left("center")
                .text_style(TextStyle::new().color(TEXT)),
        )
        .animation(!reduced_motion)
        .aria(Aria::new().enabled(true))
        .background_color("#ffffff")
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
        .legend(
            Legend::new()
                .bottom(0)
                .text_style(TextStyle::new().color(TEXT))
                .data(lines.iter().map(|l| l.name.clone()).collect()),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .axis_name(RadarAxisName::new().color(TEXT).font_size(13))
                .split_number(5)
                .radius("60%")
                .center(vec!["50%", "50%"]),
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

/// Breaks a long axis name over two lines at the space nearest its middle, so labels fit
/// around a radar on a narrow screen.
pub fn wrap_label(name: &str) -> String {
    if name.chars().count() <= 14 {
        return name.to_string();
    }
    let middle = name.len() / 2;
    let split = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => format!("{}\n{}", &name[..i], &name[i + 1..]),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn two_theme_framework() -> Framework {
        let json = include_str!("../tests/fixtures/framework-small.json");
        Framework::from_json(json).expect("fixture is valid")
    }

    #[test]
    fn radar_has_one_axis_per_theme_and_the_scores_as_values() {
        let fw = two_theme_framework();
        let line = Line {
            name: "This assessment".into(),
            values: vec![Some(2.5), None],
        };
        let chart = radar(&fw, "Maturity by theme", &[line], true);
        let v: serde_json::Value = serde_json::to_value(&chart).unwrap();
        assert_eq!(
            v["radar"][0]["indicator"].as_array().unwrap().len(),
            fw.themes.len()
        );
        assert_eq!(
            v["radar"][0]["indicator"][0]["name"],
            json!(fw.themes[0].title)
        );
        assert_eq!(v["series"][0]["data"][0]["value"], json!([2.5, 0.0]));
        assert_eq!(v["animation"], json!(false));
        assert_eq!(v["backgroundColor"], json!("#ffffff"));
        assert_eq!(v["aria"]["enabled"], json!(true));
    }

    #[test]
    fn long_labels_wrap_near_the_middle() {
        assert_eq!(wrap_label("Risk"), "Risk");
        assert_eq!(
            wrap_label("Contract and supplier development"),
            "Contract and\nsupplier development"
        );
        assert_eq!(
            wrap_label("Relationships and stakeholders"),
            "Relationships\nand stakeholders"
        );
    }

    #[test]
    fn same_inputs_give_the_same_chart_and_different_inputs_do_not() {
        let fw = two_theme_framework();
        let a = Line {
            name: "A".into(),
            values: vec![Some(1.0), Some(2.0)],
        };
        let b = Line {
            name: "A".into(),
            values: vec![Some(1.0), Some(3.0)],
        };
        assert_eq!(
            radar(&fw, "t", std::slice::from_ref(&a), false),
            radar(&fw, "t", std::slice::from_ref(&a), false)
        );
        assert_ne!(radar(&fw, "t", &[a], false), radar(&fw, "t", &[b], false));
    }
}
