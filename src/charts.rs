//! Chart options built from scores with charming. Plain data: built and compared natively in tests,
//! rendered in the browser by `browser::echarts`.

use charming::{
    component::{
        Aria, Axis, Decal, DecalItem, Grid, Legend, RadarAxisName, RadarCoordinate, Title,
    },
    datatype::{CompositeValue, DataPoint},
    element::{
        AreaStyle, AxisLabel, AxisType, BorderType, Color, ItemStyle, LineStyle, LineStyleType,
        Orient, SplitLine, Symbol, TextStyle,
    },
    series::{Bar, Radar, Scatter},
    Chart,
};

use crate::domain::{
    benchmark::{Benchmark, Figure},
    framework::Framework,
    results::ThemeRow,
    scoring::Scores,
    team::TeamTheme,
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
}

impl Layout {
    /// Containers narrower than this get the compact layout.
    pub const COMPACT_BELOW_PX: f64 = 480.0;

    pub fn for_width(width: f64, reduced_motion: bool) -> Layout {
        Layout {
            reduced_motion,
            compact: width > 0.0 && width < Self::COMPACT_BELOW_PX,
        }
    }

    fn font_size(self) -> f64 {
        if self.compact {
            11.0
        } else {
            12.0
        }
    }

    /// An axis name, wrapped to fit: two balanced lines, or short lines when compact.
    fn label(self, name: &str) -> String {
        if self.compact {
            wrap_greedy(name, 13)
        } else {
            wrap_label(name)
        }
    }

    fn title(self, text: &str) -> Title {
        let size = if self.compact { 14.0 } else { 16.0 };
        Title::new()
            .text(text)
            .left("center")
            .text_style(TextStyle::new().color(TEXT).font_size(size))
    }

    /// What every chart starts with: its title, still when motion is reduced, decal patterns
    /// (one per series, in order) and a white background, never transparent.
    fn chart(self, title: &str, decals: Vec<DecalItem>) -> Chart {
        Chart::new()
            .title(self.title(title))
            .animation(!self.reduced_motion)
            .aria(aria_with_decals(decals))
            .background_color("#ffffff")
    }

    fn legend(self) -> Legend {
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

/// Decal patterns, one per series in order, so series differ by texture as well as colour.
/// Always a non-empty list: charming serialises an empty one, which makes ECharts throw.
fn aria_with_decals(decals: Vec<DecalItem>) -> Aria {
    Aria::new()
        .enabled(true)
        .decal(Decal::new().show(true).decals(decals))
}

fn numbers(values: &[f64]) -> CompositeValue {
    CompositeValue::Array(values.iter().map(|v| CompositeValue::from(*v)).collect())
}

/// Diagonal white stripes over the series colour.
fn stripes() -> DecalItem {
    DecalItem::new()
        .symbol(Symbol::Rect)
        .symbol_size(1)
        .dash_array_x(numbers(&[1.0, 0.0]))
        .dash_array_y(numbers(&[3.0, 5.0]))
        .rotation(-std::f64::consts::FRAC_PI_4)
        .color("rgba(255,255,255,0.6)")
}

/// Small dark dots.
fn dots() -> DecalItem {
    DecalItem::new()
        .symbol(Symbol::Circle)
        .symbol_size(0.6)
        .dash_array_x(numbers(&[5.0, 5.0]))
        .dash_array_y(numbers(&[5.0, 5.0]))
        .color("rgba(0,0,0,0.35)")
}

/// No visible pattern (for helper series that must stay invisible).
fn no_pattern() -> DecalItem {
    DecalItem::new().color("rgba(0,0,0,0)")
}

/// Names for the parts of the bar chart, from the text module.
pub struct BarLabels<'a> {
    pub title: &'a str,
    pub this_assessment: &'a str,
    pub median: &'a str,
    pub middle_half: &'a str,
    pub previous: &'a str,
}

/// Charts round as the table does, so they always show the same figures.
pub use crate::domain::scoring::round1;

fn value_or_gap(v: Option<f64>) -> DataPoint {
    match v {
        Some(v) => DataPoint::Value(CompositeValue::from(round1(v))),
        None => DataPoint::Value(CompositeValue::from("-")),
    }
}

/// The frame of the horizontal charts: levels 0 to 5 across, themes down the side (first at the
/// top), labels wrapped, and room for the legend below.
fn level_axes<'a>(chart: Chart, themes: impl Iterator<Item = &'a str>, layout: Layout) -> Chart {
    let categories: Vec<String> = themes.map(wrap_label).collect();
    chart
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(48)
                .bottom(if layout.compact { 96 } else { 64 })
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(5)
                .interval(1.0)
                .axis_label(AxisLabel::new().color(TEXT))
                .split_line(SplitLine::new().show(true)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(categories)
                .axis_label(AxisLabel::new().color(TEXT).font_size(layout.font_size())),
        )
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

/// Line height for wrapped axis names; without one ECharts draws the two lines on top of each
/// other, and charming has no setter for it.
pub const LABEL_LINE_HEIGHT: f64 = 16.0;

/// The ECharts option object for a chart: charming's JSON plus the few settings charming cannot
/// express. This is what the browser renders, so tests check it too.
pub fn echarts_option(chart: &Chart) -> serde_json::Value {
    let mut v = serde_json::to_value(chart).expect("chart options always serialise");
    if let Some(label) = v
        .pointer_mut("/yAxis/axisLabel")
        .and_then(|l| l.as_object_mut())
    {
        label.insert("lineHeight".into(), LABEL_LINE_HEIGHT.into());
    }
    if let Some(radars) = v.get_mut("radar").and_then(|r| r.as_array_mut()) {
        for radar in radars {
            if let Some(name) = radar.get_mut("axisName").and_then(|n| n.as_object_mut()) {
                name.insert("lineHeight".into(), LABEL_LINE_HEIGHT.into());
            }
        }
    }
    v
}

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

/// A point on a horizontal chart: a level (rounded as shown everywhere) on the row of theme
/// `row`, or a gap where there is no level.
fn marker(value: Option<f64>, row: usize) -> DataPoint {
    let x = value.map_or(CompositeValue::from("-"), |v| {
        CompositeValue::from(round1(v))
    });
    DataPoint::from(vec![x, CompositeValue::from(row as f64)])
}

/// One marker per theme (a median, a previous level), outlined in white so it stands out on
/// the bars beneath.
fn marker_series(
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
fn range_band(
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

/// Size of exported chart images, in CSS pixels (PNGs are drawn at twice this).
pub const EXPORT_SIZE: (u32, u32) = (1000, 720);

/// The option for a downloadable image: the chart as shown, still, on white, with lines of
/// context (organisation, date, benchmark and its source) drawn under the title, so the image
/// still says what it is when pasted into a board paper.
pub fn export_option(chart: &Chart, info: &[String]) -> serde_json::Value {
    let mut v = echarts_option(chart);
    let lines = info.len() as f64;
    let top = 34.0 + 18.0 * lines;
    v["animation"] = false.into();
    v["backgroundColor"] = "#ffffff".into();
    if let Some(titles) = v.get_mut("title").and_then(|t| t.as_array_mut()) {
        titles.push(serde_json::json!({
            "subtext": info.join("\n"),
            "left": "center",
            "top": 24,
            "subtextStyle": { "color": TEXT, "fontSize": 13, "lineHeight": 18 },
        }));
    }
    if let Some(grids) = v.get_mut("grid").and_then(|g| g.as_array_mut()) {
        for grid in grids {
            grid["top"] = (top + 16.0).into();
        }
    }
    if let Some(radars) = v.get_mut("radar").and_then(|r| r.as_array_mut()) {
        for radar in radars {
            radar["center"] = serde_json::json!(["50%", format!("{}%", 52 + 2 * info.len())]);
            radar["radius"] = "50%".into();
        }
    }
    v
}

/// Breaks a name into lines of at most `width` characters where it can (a longer word keeps its
/// own line).
pub fn wrap_greedy(name: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
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
    };

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
        assert_eq!(v["series"][0]["data"][0]["value"], json!([2.5, 0.0]));
        assert_eq!(v["animation"], json!(false));
        assert_eq!(v["backgroundColor"], json!("#ffffff"));
        assert_eq!(v["aria"]["enabled"], json!(true));
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
