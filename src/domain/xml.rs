//! Text going into XML (the board summary's SVG, any chart image): one escaping function, which
//! also drops the characters XML cannot hold at all (most control characters, U+FFFE, U+FFFF,
//! lone surrogates cannot occur in Rust strings), since one of them in a council's name would
//! otherwise stop the picture being made.

/// Whether XML 1.0 allows the character in a document (its `Char` production).
pub fn allowed(c: char) -> bool {
    matches!(u32::from(c),
        0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// The text with every character XML cannot hold removed (for markup made elsewhere, such as
/// a chart library's SVG, where escaping is already done).
pub fn without_forbidden(text: &str) -> String {
    text.chars().filter(|c| allowed(*c)).collect()
}

/// Escapes text for XML content and attributes, dropping what XML cannot hold and turning
/// line breaks and tabs into spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if !allowed(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_are_dropped_and_markup_escaped() {
        assert_eq!(
            escape("Any\u{ffff}\u{fffe}town\u{1} <b>&\"'"),
            "Anytown &lt;b&gt;&amp;&quot;&#39;"
        );
        assert_eq!(escape("a\tb\nc"), "a b c");
        assert_eq!(without_forbidden("<x>\u{ffff}\u{b}</x>"), "<x></x>");
        assert_eq!(escape("Ynys Môn 😀"), "Ynys Môn 😀");
    }
}
