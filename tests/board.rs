//! The board summary slide: escaping, wrapping, the embedded radar and the PNG's text chunk.
#![cfg(not(target_arch = "wasm32"))]

use cm_maturity::domain::board::{board_svg, crc32, escape, png_with_text, wrap, BoardText};

fn text(organisation: &str) -> BoardText {
    BoardText {
        title: "Contract management: board summary".into(),
        subtitle: format!("{organisation}, 27 November 2026, Contract management maturity v2.0.0"),
        compared: "Compared with Pioneer cohort (illustrative)".into(),
        overall_label: "Overall level".into(),
        overall: "2.5 (Developing)".into(),
        progress: "Up 0.4 since 12 May 2026 (2.1)".into(),
        gaps_heading: "Largest gaps".into(),
        gaps: vec![
            (
                "Governance: Tiering".into(),
                "Tier every contract by value and risk. ".repeat(8),
            ),
            (
                "People: Training".into(),
                "Train every contract manager.".into(),
            ),
            ("Risk: Exit".into(), "Write exit plans.".into()),
            ("Extra".into(), "Never shown".into()),
        ],
        footer: "Self-assessment: 36 of 36 questions answered, 2 Don't know.".into(),
        ..BoardText::default()
    }
}

#[test]
fn a_councils_plan_is_on_the_slide_above_its_gaps() {
    let mut t = text("Anytown Council");
    t.plan = vec![
        "Improvement plan: 1 red, 2 amber, 3 green.".into(),
        "Most overdue: Write exit plans (owner: Head of Legal; due 31 January 2027)".into(),
    ];
    let svg = board_svg(&t, Some("PHN2Zy8+"));
    let at = |needle: &str| svg.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("1 red, 2 amber, 3 green") < at("Largest gaps"));
    assert!(at("Most overdue: Write exit plans") < at("Largest gaps"));
    // Still clear of the footer rule, with all three gaps.
    assert!(svg.contains("3. Risk"));
    let (texts, rule, _) = layout_of(&svg);
    let last_above = texts
        .iter()
        .map(|(y, _, _)| *y)
        .filter(|y| *y < rule)
        .fold(0.0, f64::max);
    assert!(
        last_above < rule - 10.0,
        "{last_above} against the rule at {rule}"
    );
    // A learner's slide (no plan) says nothing of one.
    assert!(!board_svg(&text("Anytown Council"), None).contains("Improvement plan"));
}

#[test]
fn the_slide_escapes_every_word_so_a_name_cannot_become_markup() {
    let svg = board_svg(&text("<script>alert(1)</script> & \"Sons\""), None);
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sons&quot;"));
    assert_eq!(escape("a'b"), "a&#39;b");
}

#[test]
fn the_slide_holds_the_facts_three_gaps_and_the_radar_on_white() {
    let svg = board_svg(&text("Anytown Council"), Some("PHN2Zy8+"));
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains(r#"viewBox="0 0 1600 900""#));
    assert!(svg.contains(r##"fill="#ffffff""##));
    for needle in [
        "Anytown Council",
        "2.5 (Developing)",
        "Up 0.4",
        "(illustrative)",
        "1. Governance",
        "3. Risk",
        "36 of 36",
    ] {
        assert!(svg.contains(needle), "{needle}");
    }
    assert!(!svg.contains("Never shown"), "three gaps at most");
    assert!(svg.contains("data:image/svg+xml;base64,PHN2Zy8+"));
    // Every line of text starts inside the slide.
    for y in svg
        .split(r#"<text x=""#)
        .skip(1)
        .map(|t| t.split(r#"y=""#).nth(1).unwrap().split('"').next().unwrap())
    {
        let y: f64 = y.parse().unwrap();
        assert!(y > 0.0 && y < 900.0, "{y}");
    }
}

#[test]
fn long_text_wraps_to_the_column_and_stops_with_an_ellipsis() {
    let lines = wrap(&"word ".repeat(100), 22.0, 500.0, 3);
    assert_eq!(lines.len(), 3);
    assert!(lines[2].ends_with('…'));
    assert!(lines
        .iter()
        .all(|l| l.chars().count() <= (500.0 / (22.0 * 0.52)) as usize));
    assert_eq!(wrap("Short", 22.0, 500.0, 3), vec!["Short".to_string()]);
}

#[test]
fn the_png_gains_a_utf8_text_chunk_before_its_end() {
    // The smallest PNG end: signature, then IEND with its CRC.
    let mut png = vec![137, 80, 78, 71, 13, 10, 26, 10];
    png.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
    let out = png_with_text(&png, "Title", "Cyngor Sir Ynys Môn");
    let text = "Cyngor Sir Ynys Môn".as_bytes();
    let chunk_len = 5 + 5 + text.len();
    assert_eq!(&out[8..12], &(chunk_len as u32).to_be_bytes());
    assert_eq!(&out[12..16], b"iTXt");
    assert!(out.windows(text.len()).any(|w| w == text));
    assert_eq!(&out[out.len() - 12..], &png[8..], "IEND stays last");
    // The chunk's CRC covers its type and data.
    let crc_at = 16 + chunk_len;
    let crc = u32::from_be_bytes(out[crc_at..crc_at + 4].try_into().unwrap());
    assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    assert_eq!(crc, crc32(&out[12..16 + chunk_len]));
    assert_eq!(
        png_with_text(b"not a png", "Title", "x"),
        b"not a png".to_vec()
    );
}

/// Each line of text on the slide (baseline, size, words), the footer rule's height, and the
/// radar's top and height.
type Drawn = (Vec<(f64, f64, String)>, f64, Option<(f64, f64)>);

fn layout_of(svg: &str) -> Drawn {
    let attr = |s: &str, name: &str| -> f64 {
        s.split(&format!(r#" {name}=""#))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let texts = svg
        .split("<text")
        .skip(1)
        .map(|t| {
            let words = t.split('>').nth(1).unwrap().split('<').next().unwrap();
            (attr(t, "y"), attr(t, "font-size"), words.to_string())
        })
        .collect();
    let rule = svg.split("<line").nth(1).map(|l| attr(l, "y1")).unwrap();
    let image = svg
        .split("<image")
        .nth(1)
        .map(|i| (attr(i, "y"), attr(i, "height")));
    (texts, rule, image)
}

#[test]
fn nothing_above_the_footer_rule_ever_meets_it_however_long_the_words() {
    let long = "Tier every contract by value, risk and the service it supports, and review it. ";
    let mut cases = vec![text("Anytown Council")];
    let mut wordy = text(&"Very Long Named Metropolitan Borough Council ".repeat(3));
    wordy.gaps = (0..3)
        .map(|i| {
            (
                format!("Theme {i}: {}", "a long question title ".repeat(6)),
                long.repeat(5),
            )
        })
        .collect();
    wordy.progress =
        "Up 0.4 since the assessment of 12 May 2026, when it was 2.1, nearly Developing ".repeat(2);
    wordy.footer = "How the figures were made: a self-assessment of many questions. ".repeat(8);
    cases.push(wordy.clone());
    // A council's plan takes room from the gaps, never from the footer's clearance.
    wordy.plan = vec![
        "Improvement plan: 12 red, 3 amber, 40 green, 2 with no date.".into(),
        format!(
            "Most overdue, due 1 March 2026 (owner: Head of Procurement): {}",
            long.repeat(3)
        ),
    ];
    cases.push(wordy);
    for t in cases {
        let svg = board_svg(&t, Some("PHN2Zy8+"));
        let (texts, rule, image) = layout_of(&svg);
        let footer_starts = texts
            .iter()
            .position(|(y, _, _)| *y > rule)
            .expect("the footer is below the rule");
        for (y, size, words) in &texts[..footer_starts] {
            // A descender reaches about a quarter of the size below the baseline.
            assert!(
                y + size * 0.25 + 8.0 <= rule,
                "{words:?} at {y} meets the rule at {rule}"
            );
        }
        for (y, size, words) in &texts[footer_starts..] {
            assert!(
                y + size * 0.25 <= 900.0,
                "{words:?} at {y} runs off the slide"
            );
        }
        let (top, height) = image.unwrap();
        assert!(top + height + 8.0 <= rule, "the radar meets the rule");
    }
}
