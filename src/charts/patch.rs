//! The ECharts option objects: charming's JSON plus the few settings charming cannot express.
//! This is what the browser draws, so tests check it too. Every patch is here and nowhere else.

use charming::Chart;

use super::TEXT;

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
