//! Where a radar sits in its box so that no theme name is cut off. ECharts places each name
//! just beyond its axis and clips whatever leaves the box, and a name of 30 letters is wider
//! than the space a percentage radius leaves on a phone. So when the box's size is known the
//! radar's centre, radius and name wrapping are chosen here, from estimated text widths, and
//! the browser tests measure the drawn names against the box.

use super::wrap_greedy;

/// Space kept clear at the box's edges, in pixels.
pub const EDGE: f64 = 4.0;
/// The gap between an axis's end and its name (ECharts' `nameGap`).
pub const NAME_GAP: f64 = 10.0;
/// The height of the chart title at the top.
const TITLE: f64 = 34.0;
/// The height of one row of the legend.
const LEGEND_ROW: f64 = 24.0;

/// The width of `text` in pixels at `size` pixels, estimated from Arial's proportions and
/// rounded up, so a name is never wider than thought.
pub fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ';' | ':' | '\'' | '’' | '!'
            | '|' | ' ' | 'î' | 'ï' | 'í' | 'ì' => 0.34,
            'm' | 'w' | 'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 0.86,
            'M' | 'W' | 'Ŵ' => 0.9,
            c if c.is_uppercase() => 0.7,
            c if c.is_ascii_digit() => 0.56,
            _ => 0.57,
        })
        .sum();
    (ems * size).ceil()
}

/// The widest line of a (possibly wrapped) name.
fn block_width(name: &str, size: f64) -> f64 {
    name.lines()
        .map(|l| text_width(l, size))
        .fold(0.0, f64::max)
}

/// The radar's place in a box: centre and radius in pixels, and the names as wrapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub cx: f64,
    pub cy: f64,
    pub radius: f64,
    pub names: Vec<String>,
}

/// What the box must also hold: the legend's entries (drawn below the radar, stacked or in
/// rows) and the text size.
#[derive(Debug, Clone, Copy)]
pub struct Room<'a> {
    pub width: f64,
    pub height: f64,
    pub font: f64,
    pub line_height: f64,
    pub legend: &'a [String],
    pub legend_stacked: bool,
}

impl Room<'_> {
    /// The height the legend takes at the foot of the box.
    pub fn legend_height(&self) -> f64 {
        if self.legend.is_empty() {
            return 0.0;
        }
        if self.legend_stacked {
            return self.legend.len() as f64 * LEGEND_ROW + 4.0;
        }
        // Each entry is its marker (25 px), its name and a 10 px gap; rows wrap at the width.
        let mut rows = 1.0;
        let mut used = 0.0;
        for name in self.legend {
            let entry = 35.0 + text_width(name, self.font);
            if used > 0.0 && used + entry > self.width - 2.0 * EDGE {
                rows += 1.0;
                used = 0.0;
            }
            used += entry;
        }
        rows * LEGEND_ROW + 4.0
    }
}

/// The largest radius at which every name fits inside the box, with the radar centred at
/// (`cx`, `cy`); 0 if some name cannot fit there at all.
fn radius_at(cx: f64, cy: f64, names: &[String], room: &Room, top: f64, bottom: f64) -> f64 {
    let n = names.len().max(1) as f64;
    let mut r = f64::INFINITY;
    for (i, name) in names.iter().enumerate() {
        // ECharts starts at the top and goes anticlockwise.
        let angle = std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n;
        let (cos, sin) = (angle.cos(), angle.sin());
        let w = block_width(name, room.font);
        let h = name.lines().count().max(1) as f64 * room.line_height;
        let vertical = cos.abs() < 1e-6;
        // Across: a name starts at its axis's end (right side), ends there (left side), or is
        // centred on it (top and bottom).
        if vertical {
            if cx - w / 2.0 < EDGE || cx + w / 2.0 > room.width - EDGE {
                return 0.0;
            }
        } else if cos > 0.0 {
            r = r.min(limit(room.width - EDGE - w - cx, cos));
        } else {
            r = r.min(limit(cx - EDGE - w, -cos));
        }
        // Down: above the top axis, below the bottom one, centred on the others.
        if vertical && sin > 0.0 {
            r = r.min(limit(cy - top - h, 1.0));
        } else if vertical {
            r = r.min(limit(bottom - cy - h, 1.0));
        } else if sin > 0.0 {
            r = r.min(limit(cy - top - h / 2.0, sin));
        } else if sin < 0.0 {
            r = r.min(limit(bottom - cy - h / 2.0, -sin));
        } else if cy - h / 2.0 < top || cy + h / 2.0 > bottom {
            return 0.0;
        }
    }
    r.max(0.0)
}

/// The radius allowed by one edge: the name's axis end, `NAME_GAP` short of the name, may go
/// `room` pixels from the centre along a direction whose share towards that edge is `share`.
fn limit(room: f64, share: f64) -> f64 {
    if share <= 1e-6 {
        f64::INFINITY
    } else {
        room / share - NAME_GAP
    }
}

/// Where the centre may move from the middle, as shares of the box, nearest first.
const OFFSETS: [f64; 21] = [
    0.0, 0.02, -0.02, 0.04, -0.04, 0.06, -0.06, 0.08, -0.08, 0.1, -0.1, 0.12, -0.12, 0.14, -0.14,
    0.16, -0.16, 0.18, -0.18, 0.2, -0.2,
];

/// Chooses how to wrap the names and where to put the radar so that it is as large as it can
/// be (up to `max_share` of the smaller side) with every name inside the box.
pub fn fit(titles: &[&str], room: &Room, max_share: f64) -> Fit {
    let top = TITLE;
    let bottom = room.height - room.legend_height() - EDGE;
    let cap = max_share * room.width.min(bottom - top).max(0.0) / 2.0;
    let mut best: Option<Fit> = None;
    for width in [0usize, 20, 16, 13, 11, 9, 7] {
        let names: Vec<String> = titles
            .iter()
            .map(|t| {
                if width == 0 {
                    super::wrap_label(t)
                } else {
                    wrap_greedy(t, width)
                }
            })
            .collect();
        // From the middle outwards, so of equally large places the most central is kept.
        for dx in OFFSETS {
            let cx = room.width * (0.5 + dx);
            for dy in OFFSETS {
                let cy = top + (bottom - top) * (0.5 + dy);
                let r = radius_at(cx, cy, &names, room, top, bottom).min(cap);
                // Shorter lines only where they buy a larger radar.
                if best.as_ref().is_none_or(|b| r > b.radius + 0.5) {
                    best = Some(Fit {
                        cx: cx.round(),
                        cy: cy.round(),
                        radius: r.floor(),
                        names: names.clone(),
                    });
                }
            }
        }
    }
    best.unwrap_or(Fit {
        cx: room.width / 2.0,
        cy: room.height / 2.0,
        radius: 0.0,
        names: titles.iter().map(|t| t.to_string()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped framework's themes, in its order.
    const THEMES: [&str; 8] = [
        "Governance and planning",
        "People and capability",
        "Administration and data",
        "Performance and payment",
        "Relationships and stakeholders",
        "Risk, resilience and exit",
        "Contract and supplier development",
        "Strategy and market",
    ];

    fn room(width: f64, height: f64, legend: &[String], stacked: bool) -> Room<'_> {
        Room {
            width,
            height,
            font: 12.0,
            line_height: 16.0,
            legend,
            legend_stacked: stacked,
        }
    }

    /// Every name's box, as ECharts places it, lies inside the room.
    fn all_inside(fit: &Fit, room: &Room) {
        let n = fit.names.len() as f64;
        for (i, name) in fit.names.iter().enumerate() {
            let angle = std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n;
            let (cos, sin) = (angle.cos(), angle.sin());
            let x = fit.cx + (fit.radius + NAME_GAP) * cos;
            let y = fit.cy - (fit.radius + NAME_GAP) * sin;
            let w = block_width(name, room.font);
            let h = name.lines().count() as f64 * room.line_height;
            let (left, right) = if cos.abs() < 1e-6 {
                (x - w / 2.0, x + w / 2.0)
            } else if cos > 0.0 {
                (x, x + w)
            } else {
                (x - w, x)
            };
            let (top, bottom) = if cos.abs() < 1e-6 && sin > 0.0 {
                (y - h, y)
            } else if cos.abs() < 1e-6 {
                (y, y + h)
            } else {
                (y - h / 2.0, y + h / 2.0)
            };
            assert!(
                left >= EDGE - 0.5 && right <= room.width - EDGE + 0.5,
                "{name:?} runs from {left} to {right} across a box {} wide",
                room.width
            );
            assert!(
                top >= TITLE - 0.5 && bottom <= room.height - room.legend_height() + 0.5,
                "{name:?} runs from {top} to {bottom} down a box {} high",
                room.height
            );
        }
    }

    #[test]
    fn names_fit_at_every_width_from_a_small_phone_to_a_monitor() {
        let legend = vec![
            "This assessment".to_string(),
            "Cohort after the programme (median)".to_string(),
            "Previous assessment on 3 December 2026".to_string(),
        ];
        for width in (280..=1300).step_by(20) {
            let stacked = width < 480;
            let height = if width < 641 { 340.0 } else { 440.0 };
            let r = room(f64::from(width), height, &legend, stacked);
            let fit = fit(&THEMES, &r, 0.8);
            assert!(
                fit.radius >= 40.0,
                "at {width} px the radar's radius is only {} px",
                fit.radius
            );
            all_inside(&fit, &r);
        }
    }

    #[test]
    fn long_welsh_names_fit_too() {
        let themes = [
            "Llywodraethu a chynllunio",
            "Pobl a gallu",
            "Gweinyddu a data",
            "Perfformiad a thalu",
            "Perthnasoedd a rhanddeiliaid",
            "Risg, cydnerthedd ac ymadael",
            "Datblygu contractau a chyflenwyr",
            "Strategaeth a’r farchnad",
        ];
        for width in [288.0, 343.0, 520.0, 560.0, 600.0] {
            let r = room(width, 340.0, &[], width < 480.0);
            let fit = fit(&themes, &r, 0.8);
            assert!(fit.radius >= 40.0);
            all_inside(&fit, &r);
        }
    }

    #[test]
    fn a_wide_box_keeps_the_names_on_two_lines_at_most() {
        let r = room(600.0, 440.0, &[], false);
        let fit = fit(&THEMES, &r, 0.8);
        assert!(fit.names.iter().all(|n| n.lines().count() <= 2));
        assert!(fit.radius > 100.0, "radius {}", fit.radius);
    }

    #[test]
    fn wider_text_is_estimated_wider() {
        assert!(text_width("mmm", 12.0) > text_width("iii", 12.0));
        assert_eq!(text_width("", 12.0), 0.0);
        assert!(text_width("Contract and supplier development", 12.0) > 180.0);
    }
}
