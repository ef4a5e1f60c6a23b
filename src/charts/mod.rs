//! Chart options, built with charming from the same rows as the tables, so a chart and its
//! table always agree. Plain data: built and compared natively in tests, drawn in the browser by
//! `browser::echarts`. One file per chart; what every chart shares is here; the few ECharts
//! settings charming cannot express are patched into the JSON in one place, `patch`.

mod bars;
mod fit;
mod patch;
mod programme;
mod radar;
mod team;

pub use bars::{bars, BarLabels};
pub use fit::{fit, text_width, Fit, Room};
pub use patch::{echarts_option, export_option, EXPORT_SIZE, LABEL_LINE_HEIGHT};
pub use programme::{programme_change, programme_distribution, ProgrammeLabels};
pub use radar::{left_off, radar, LeftOff};
pub use team::{team, TeamLabels};

use charming::{
    component::{Aria, Axis, Decal, DecalItem, Grid, Legend, Title},
    datatype::{CompositeValue, DataPoint},
    element::{AxisLabel, AxisType, ItemStyle, Orient, SplitLine, Symbol, TextStyle},
    series::{Bar, Scatter},
    Chart,
};

use crate::domain::{
    benchmark::Benchmark, board::greedy_lines, framework::Framework, scoring::Scores,
};

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
    /// A figure for every theme: only then can a polygon show it truthfully.
    pub fn complete(&self) -> bool {
        !self.values.is_empty() && self.values.iter().all(Option::is_some)
    }

    pub fn from_scores(name: &str, framework: &Framework, scores: &Scores) -> Line {
        Line {
            name: name.to_string(),
            values: framework
                .themes
                .iter()
                .map(|t| scores.theme(&t.id).and_then(|s| s.level).map(round1))
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

/// How a chart should be laid out for where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// No animation: the user asked the system for reduced motion.
    pub reduced_motion: bool,
    /// A narrow container (a phone, or a narrow column on a host page): smaller type, a smaller
    /// radar and the legend stacked, so nothing is cut off at 320 px.
    pub compact: bool,
    /// The box the chart is drawn in, in CSS pixels, where known: the radar is then placed so
    /// that no theme name is cut off (see `fit`).
    pub size: Option<(u32, u32)>,
}

impl Layout {
    /// Containers narrower than this get the compact layout.
    pub const COMPACT_BELOW_PX: f64 = 480.0;

    pub fn for_width(width: f64, reduced_motion: bool) -> Layout {
        Layout {
            reduced_motion,
            compact: width > 0.0 && width < Self::COMPACT_BELOW_PX,
            size: None,
        }
    }

    /// The layout for a box of known size (a chart on screen once measured, a print copy, a
    /// picture).
    pub fn for_size(width: f64, height: f64, reduced_motion: bool) -> Layout {
        Layout {
            size: (width >= 1.0 && height >= 1.0).then_some((width as u32, height as u32)),
            ..Self::for_width(width, reduced_motion)
        }
    }

    /// Still, with the full (not the phone) layout, at the size the chart is given: exported
    /// images, documents and paper.
    pub const STILL: Layout = Layout {
        reduced_motion: true,
        compact: false,
        size: None,
    };

    /// Still, full size, for a box of fixed size: print copies and pictures.
    pub fn still(width: u32, height: u32) -> Layout {
        Layout {
            size: Some((width, height)),
            ..Self::STILL
        }
    }

    pub(crate) fn font_size(self) -> f64 {
        if self.compact {
            11.0
        } else {
            12.0
        }
    }

    /// An axis name, wrapped to fit: two balanced lines, or short lines when compact.
    pub(crate) fn label(self, name: &str) -> String {
        if self.compact {
            wrap_greedy(name, 13)
        } else {
            wrap_label(name)
        }
    }

    pub(crate) fn title(self, text: &str) -> Title {
        let size = if self.compact { 14.0 } else { 16.0 };
        Title::new()
            .text(text)
            .left("center")
            .text_style(TextStyle::new().color(TEXT).font_size(size))
    }

    /// What every chart starts with: its title, still when motion is reduced, decal patterns
    /// (one per series, in order) and a white background, never transparent.
    pub(crate) fn chart(self, title: &str, decals: Vec<DecalItem>) -> Chart {
        Chart::new()
            .title(self.title(title))
            .animation(!self.reduced_motion)
            .aria(aria_with_decals(decals))
            .background_color("#ffffff")
    }

    pub(crate) fn legend(self) -> Legend {
        let legend = Legend::new()
            .bottom(0)
            .text_style(TextStyle::new().color(TEXT).font_size(self.font_size()));
        if self.compact {
            legend.orient(Orient::Vertical).left(8)
        } else {
            legend
        }
    }
}

/// Decal patterns, one per series in order, so series differ by texture as well as colour.
/// Always a non-empty list: charming serialises an empty one, which makes ECharts throw.
pub(crate) fn aria_with_decals(decals: Vec<DecalItem>) -> Aria {
    Aria::new()
        .enabled(true)
        .decal(Decal::new().show(true).decals(decals))
}

pub(crate) fn numbers(values: &[f64]) -> CompositeValue {
    CompositeValue::Array(values.iter().map(|v| CompositeValue::from(*v)).collect())
}

/// Diagonal white stripes over the series colour.
pub(crate) fn stripes() -> DecalItem {
    DecalItem::new()
        .symbol(Symbol::Rect)
        .symbol_size(1)
        .dash_array_x(numbers(&[1.0, 0.0]))
        .dash_array_y(numbers(&[3.0, 5.0]))
        .rotation(-std::f64::consts::FRAC_PI_4)
        .color("rgba(255,255,255,0.6)")
}

/// Small dark dots.
pub(crate) fn dots() -> DecalItem {
    DecalItem::new()
        .symbol(Symbol::Circle)
        .symbol_size(0.6)
        .dash_array_x(numbers(&[5.0, 5.0]))
        .dash_array_y(numbers(&[5.0, 5.0]))
        .color("rgba(0,0,0,0.35)")
}

/// No visible pattern (for helper series that must stay invisible).
pub(crate) fn no_pattern() -> DecalItem {
    DecalItem::new().color("rgba(0,0,0,0)")
}

/// Charts round as the table does, so they always show the same figures.
pub use crate::domain::scoring::round1;

pub(crate) fn value_or_gap(v: Option<f64>) -> DataPoint {
    match v {
        Some(v) => DataPoint::Value(CompositeValue::from(round1(v))),
        None => DataPoint::Value(CompositeValue::from("-")),
    }
}

/// The frame of the horizontal charts: levels 0 to 5 across, themes down the side (first at the
/// top), labels wrapped, and room for the legend below.
pub(crate) fn level_axes<'a>(
    chart: Chart,
    themes: impl Iterator<Item = &'a str>,
    layout: Layout,
) -> Chart {
    row_axes(
        chart,
        themes,
        value_axis().min(0).max(5).interval(1.0),
        if layout.compact { 96 } else { 64 },
        layout,
    )
}

/// The frame every horizontal chart shares: `across` along the bottom, one row per name down
/// the side (first at the top, wrapped), and `bottom` pixels below for the legend.
pub(crate) fn row_axes<'a>(
    chart: Chart,
    rows: impl Iterator<Item = &'a str>,
    across: Axis,
    bottom: i64,
    layout: Layout,
) -> Chart {
    let categories: Vec<String> = rows.map(wrap_label).collect();
    chart
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(48)
                .bottom(bottom)
                .contain_label(true),
        )
        .x_axis(across)
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(categories)
                .axis_label(AxisLabel::new().color(TEXT).font_size(layout.font_size())),
        )
}

/// A value axis with grid lines.
pub(crate) fn value_axis() -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .axis_label(AxisLabel::new().color(TEXT))
        .split_line(SplitLine::new().show(true))
}

/// A point on a horizontal chart: a level (rounded as shown everywhere) on the row of theme
/// `row`, or a gap where there is no level.
pub(crate) fn marker(value: Option<f64>, row: usize) -> DataPoint {
    let x = value.map_or(CompositeValue::from("-"), |v| {
        CompositeValue::from(round1(v))
    });
    DataPoint::from(vec![x, CompositeValue::from(row as f64)])
}

/// One marker per theme (a median, a previous level), outlined in white so it stands out on
/// the bars beneath.
pub(crate) fn marker_series(
    name: &str,
    symbol: Symbol,
    size: f64,
    colour: &str,
    values: impl Iterator<Item = Option<f64>>,
) -> Scatter {
    Scatter::new()
        .name(name)
        .symbol(symbol)
        .symbol_size(size)
        .item_style(
            ItemStyle::new()
                .color(colour)
                .border_color("#ffffff")
                .border_width(1.5),
        )
        .data(values.enumerate().map(|(i, v)| marker(v, i)).collect())
}

/// A band from `starts` to `starts + lengths` on each theme's row: a transparent bar up to the
/// start carries the visible band stacked on it.
pub(crate) fn range_band(
    name: &str,
    width: &str,
    starts: impl Iterator<Item = Option<f64>>,
    lengths: impl Iterator<Item = Option<f64>>,
    style: ItemStyle,
) -> [Bar; 2] {
    let bar = |name: String| {
        Bar::new()
            .name(name)
            .stack("band")
            .bar_width(width)
            .bar_gap("-100%")
    };
    [
        bar(format!("{name} (start)"))
            .item_style(ItemStyle::new().color("rgba(0,0,0,0)"))
            .data(starts.map(value_or_gap).collect()),
        bar(name.to_string())
            .item_style(style)
            .data(lengths.map(value_or_gap).collect()),
    ]
}

/// Breaks a name into lines of at most `width` characters where it can (a longer word keeps its
/// own line).
pub fn wrap_greedy(name: &str, width: usize) -> String {
    greedy_lines(name, width).join("\n")
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

    const STILL: Layout = Layout {
        reduced_motion: true,
        compact: false,
        size: None,
    };

    fn two_theme_framework() -> Framework {
        let json = include_str!("../../tests/fixtures/framework-small.json");
        Framework::from_json(json).expect("fixture is valid")
    }

    #[test]
    fn radar_has_one_axis_per_theme_and_the_scores_as_values() {
        let fw = two_theme_framework();
        let line = Line {
            name: "This assessment".into(),
            values: vec![Some(2.5), Some(4.0)],
        };
        let chart = radar(&fw, "Maturity by theme", &[line], STILL);
        let v: serde_json::Value = serde_json::to_value(&chart).unwrap();
        assert_eq!(
            v["radar"][0]["indicator"].as_array().unwrap().len(),
            fw.themes.len()
        );
        assert_eq!(
            v["radar"][0]["indicator"][0]["name"],
            json!(fw.themes[0].title)
        );
        assert_eq!(v["series"][0]["data"][0]["value"], json!([2.5, 4.0]));
        assert_eq!(v["animation"], json!(false));
        assert_eq!(v["backgroundColor"], json!("#ffffff"));
        assert_eq!(v["aria"]["enabled"], json!(true));
    }

    #[test]
    fn a_missing_figure_is_never_drawn_as_zero_the_line_is_left_off_and_named() {
        let fw = two_theme_framework();
        let mine = Line {
            name: "This assessment".into(),
            values: vec![Some(2.5), Some(3.0)],
        };
        let cohort = Line {
            name: "Cohort after the programme".into(),
            values: vec![Some(3.0), None],
        };
        let v =
            serde_json::to_value(radar(&fw, "t", &[mine.clone(), cohort.clone()], STILL)).unwrap();
        let series = v["series"].as_array().unwrap();
        assert_eq!(series.len(), 1, "only the complete line is drawn");
        assert_eq!(series[0]["name"], json!("This assessment"));
        assert_eq!(v["legend"]["data"], json!([{"name": "This assessment"}]));
        assert_eq!(
            left_off(&fw, &[mine, cohort]),
            vec![LeftOff {
                line: "Cohort after the programme".into(),
                themes: vec![fw.themes[1].title.clone()],
            }]
        );
    }

    #[test]
    fn wrapped_labels_get_a_line_height_in_the_rendered_options() {
        let fw = two_theme_framework();
        let line = Line {
            name: "A".into(),
            values: vec![Some(1.0), Some(2.0)],
        };
        let v = echarts_option(&radar(&fw, "t", &[line], STILL));
        assert_eq!(
            v["radar"][0]["axisName"]["lineHeight"],
            json!(LABEL_LINE_HEIGHT)
        );
    }

    #[test]
    fn chart_colours_have_at_least_3_to_1_contrast_on_white() {
        use crate::domain::config::{Rgb, WHITE};
        for colour in PALETTE.iter().chain([&TEXT]) {
            let ratio = Rgb::parse(colour).unwrap().contrast(WHITE);
            assert!(ratio >= 3.0, "{colour} has {ratio:.2}:1");
        }
    }

    #[test]
    fn exported_images_carry_their_context_on_white_without_animation() {
        let fw = two_theme_framework();
        let line = Line {
            name: "A".into(),
            values: vec![Some(1.0), Some(2.0)],
        };
        let info = vec![
            "Anytown Council, 27 November 2026".to_string(),
            "Source: test".to_string(),
        ];
        let v = export_option(&radar(&fw, "Maturity", &[line], Layout::default()), &info);
        assert_eq!(v["animation"], json!(false));
        assert_eq!(v["backgroundColor"], json!("#ffffff"));
        assert_eq!(v["title"][0]["text"], json!("Maturity"));
        assert_eq!(
            v["title"][1]["subtext"],
            json!("Anytown Council, 27 November 2026\nSource: test")
        );
        assert_eq!(v["radar"][0]["radius"], json!("50%"));
    }

    #[test]
    fn compact_labels_wrap_into_short_lines() {
        assert_eq!(
            wrap_greedy("Contract and supplier development", 13),
            "Contract and\nsupplier\ndevelopment"
        );
        assert_eq!(wrap_greedy("Risk", 13), "Risk");
        assert_eq!(
            wrap_greedy("Extraordinarily long", 5),
            "Extraordinarily\nlong"
        );
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
            radar(&fw, "t", std::slice::from_ref(&a), Layout::default()),
            radar(&fw, "t", std::slice::from_ref(&a), Layout::default())
        );
        assert_ne!(
            radar(&fw, "t", &[a], Layout::default()),
            radar(&fw, "t", &[b], Layout::default())
        );
    }
}
