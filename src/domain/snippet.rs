//! The copy-and-paste code a council web team puts on its page, in either embedding mode.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Iframe,
    Script,
}

/// What the snippet sets; empty values are left out, so the widget's defaults apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SnippetSettings {
    pub organisation: String,
    /// The council's register code, when chosen from the register.
    pub organisation_code: String,
    pub namespace: String,
    pub brand_colour: String,
    pub button_colour: String,
    pub share: bool,
    pub team: bool,
    /// "cy" to start in Welsh; empty for the default (English).
    pub language: String,
    pub council: bool,
    pub learner: bool,
    /// The widget's top heading level on the council's page, when not the default 2.
    pub heading_level: Option<u8>,
}

/// Text shown inside the council's element until the widget starts, and left there (with a
/// link to the tool's own page) if it cannot: never a blank space.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fallback {
    pub text: String,
    pub link: String,
}

impl SnippetSettings {
    /// As setting pairs, for checking with the same rules the widget uses.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (name, value) in [
            ("namespace", &self.namespace),
            ("organisation", &self.organisation),
            ("organisation-code", &self.organisation_code),
            ("brand-colour", &self.brand_colour),
            ("button-colour", &self.button_colour),
        ] {
            if !value.trim().is_empty() {
                out.push((name, value.trim().to_string()));
            }
        }
        if !self.language.trim().is_empty() {
            out.push(("lang", self.language.trim().to_string()));
        }
        if self.council != self.learner {
            out.push((
                "frameworks",
                if self.council { "council" } else { "learner" }.to_string(),
            ));
        }
        if let Some(level) = self.heading_level {
            out.push(("heading-level", level.to_string()));
        }
        if !(self.share && self.team) {
            let features: Vec<&str> = [("share", self.share), ("team", self.team)]
                .into_iter()
                .filter_map(|(f, on)| on.then_some(f))
                .collect();
            out.push(("features", features.join(",")));
        }
        out
    }
}

/// A storage namespace from a council's name: "Anytown Borough Council" -> "anytown-borough-council".
pub fn namespace_for(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_query(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn integrity(sri: Option<&str>) -> String {
    sri.map(|h| {
        format!(
            " integrity=\"{}\" crossorigin=\"anonymous\"",
            escape_attr(h)
        )
    })
    .unwrap_or_default()
}

/// What is wrong with the address typed for the widget's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseIssue {
    /// Not an https address (and not this page's own origin, for a local copy).
    NotHttps,
    /// Not an address at all: no host, spaces, quotes or angle brackets.
    NotAnAddress,
    /// A query or fragment, which would be carried into every file's address.
    HasQuery,
}

/// The folder address a snippet may load the widget from: https only (or `own_origin`, the
/// origin of the page writing the snippet, so a copy served locally can be tried), nothing a
/// snippet could be turned with, and ending in `/`.
pub fn check_base(base: &str, own_origin: &str) -> Result<String, BaseIssue> {
    let base = base.trim();
    if base
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
    {
        return Err(BaseIssue::NotAnAddress);
    }
    let own = !own_origin.is_empty()
        && (base == own_origin || base.starts_with(&format!("{own_origin}/")));
    let rest = match base.strip_prefix("https://") {
        Some(rest) => rest,
        None if own => base.split_once("://").map_or("", |(_, r)| r),
        None => return Err(BaseIssue::NotHttps),
    };
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(['.', '-', ':', '@']) || host.contains('@') {
        return Err(BaseIssue::NotAnAddress);
    }
    if base.contains(['?', '#']) {
        return Err(BaseIssue::HasQuery);
    }
    Ok(if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    })
}

/// The snippet. `base` is the address of the folder the widget is hosted in (ending in `/`);
/// `sri` the integrity hash of the script the snippet loads, when known.
pub fn render(
    mode: Mode,
    base: &str,
    title: &str,
    settings: &SnippetSettings,
    sri: Option<&str>,
    fallback: &Fallback,
) -> String {
    let pairs = settings.pairs();
    let query: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| *k != "namespace" || mode == Mode::Iframe)
        // The page it links to (or frames) is a page of its own, whose top heading is an h1.
        .filter(|(k, _)| *k != "heading-level")
        .map(|(k, v)| format!("{}={}", k, escape_query(v)))
        .collect();
    let page = if query.is_empty() {
        format!("{base}index.html")
    } else {
        format!("{base}index.html?{}", query.join("&"))
    };
    match mode {
        Mode::Iframe => {
            format!(
                "<iframe data-cmm-frame title=\"{}\" src=\"{}\"></iframe>\n<script src=\"{base}embed-host.js\"{}></script>\n",
                escape_attr(title),
                escape_attr(&page),
                integrity(sri)
            )
        }
        Mode::Script => {
            let attrs: String = pairs
                .iter()
                .map(|(k, v)| format!(" data-{k}=\"{}\"", escape_attr(v)))
                .collect();
            format!(
                "<div data-cmm-widget{attrs}>\n  <p>{} <a href=\"{}\">{}</a></p>\n</div>\n<script type=\"module\" src=\"{base}embed.js\"{}></script>\n",
                escape_attr(&fallback.text),
                escape_attr(&page),
                escape_attr(&fallback.link),
                integrity(sri)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SnippetSettings {
        SnippetSettings {
            organisation: "Anytown & District \"Council\"".into(),
            organisation_code: String::new(),
            namespace: "anytown".into(),
            brand_colour: "#005a30".into(),
            button_colour: String::new(),
            share: true,
            team: false,
            language: String::new(),
            council: true,
            learner: true,
            heading_level: None,
        }
    }

    #[test]
    fn a_heading_level_goes_on_the_widget_only_never_into_a_page_of_its_own() {
        let with = SnippetSettings {
            heading_level: Some(3),
            ..settings()
        };
        let script = render(
            Mode::Script,
            "https://cm.example/",
            "Self-assessment",
            &with,
            None,
            &fallback(),
        );
        assert!(script.contains(" data-heading-level=\"3\""), "{script}");
        assert!(!script.contains("heading-level=3"), "{script}");
        let iframe = render(
            Mode::Iframe,
            "https://cm.example/",
            "Self-assessment",
            &with,
            None,
            &fallback(),
        );
        assert!(!iframe.contains("heading-level"), "{iframe}");
        let (config, problems) =
            crate::domain::config::parse(with.pairs().iter().map(|(k, v)| (*k, v.as_str())));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.heading_level, Some(3));
    }

    fn fallback() -> Fallback {
        Fallback {
            text: "Loading the self-assessment…".into(),
            link: "Open it in its own page".into(),
        }
    }

    #[test]
    fn iframe_snippets_carry_settings_in_the_query() {
        let s = render(
            Mode::Iframe,
            "https://cm.example/",
            "Self-assessment",
            &settings(),
            Some("sha384-abc"),
            &fallback(),
        );
        assert_eq!(
            s,
            "<iframe data-cmm-frame title=\"Self-assessment\" src=\"https://cm.example/index.html?namespace=anytown&amp;organisation=Anytown%20%26%20District%20%22Council%22&amp;brand-colour=%23005a30&amp;features=share\"></iframe>\n<script src=\"https://cm.example/embed-host.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>\n"
        );
    }

    #[test]
    fn script_snippets_carry_settings_as_data_attributes() {
        let s = render(
            Mode::Script,
            "https://cm.example/",
            "t",
            &settings(),
            None,
            &fallback(),
        );
        assert_eq!(
            s,
            "<div data-cmm-widget data-namespace=\"anytown\" data-organisation=\"Anytown &amp; District &quot;Council&quot;\" data-brand-colour=\"#005a30\" data-features=\"share\">\n  <p>Loading the self-assessment… <a href=\"https://cm.example/index.html?organisation=Anytown%20%26%20District%20%22Council%22&amp;brand-colour=%23005a30&amp;features=share\">Open it in its own page</a></p>\n</div>\n<script type=\"module\" src=\"https://cm.example/embed.js\"></script>\n"
        );
    }

    #[test]
    fn snippet_settings_pass_the_widget_checks() {
        let pairs = settings().pairs();
        let (config, problems) =
            super::super::config::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.namespace, "anytown");
        assert!(config.share && !config.team);
        let coded = SnippetSettings {
            organisation_code: "CBD".into(),
            ..settings()
        };
        let s = render(
            Mode::Script,
            "https://cm.example/",
            "t",
            &coded,
            None,
            &fallback(),
        );
        assert!(s.contains("data-organisation-code=\"CBD\""), "{s}");
        let pairs = coded.pairs();
        let (config, problems) =
            super::super::config::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.organisation_code.as_deref(), Some("CBD"));
    }

    #[test]
    fn only_https_folders_or_this_pages_own_origin_are_written() {
        let own = "http://127.0.0.1:8080";
        assert_eq!(
            check_base("https://cm.example/widget", own),
            Ok("https://cm.example/widget/".into())
        );
        assert_eq!(
            check_base(" https://cm.example/ ", own),
            Ok("https://cm.example/".into())
        );
        assert_eq!(
            check_base("http://127.0.0.1:8080/", own),
            Ok(own.to_string() + "/")
        );
        for (bad, issue) in [
            ("ftp://example", BaseIssue::NotHttps),
            ("http://cm.example/", BaseIssue::NotHttps),
            ("javascript:alert(1)//", BaseIssue::NotHttps),
            ("//cm.example/", BaseIssue::NotHttps),
            ("cm.example/", BaseIssue::NotHttps),
            ("http://127.0.0.1:8080.evil.example/", BaseIssue::NotHttps),
            ("https://", BaseIssue::NotAnAddress),
            ("https://user@evil.example/", BaseIssue::NotAnAddress),
            ("https://cm.example/\"><script>", BaseIssue::NotAnAddress),
            ("https://cm.example/ x", BaseIssue::NotAnAddress),
            ("https://cm.example/?a=1", BaseIssue::HasQuery),
            ("https://cm.example/#x", BaseIssue::HasQuery),
        ] {
            assert_eq!(check_base(bad, own), Err(issue), "{bad}");
        }
    }

    #[test]
    fn namespaces_come_from_names() {
        assert_eq!(
            namespace_for("Anytown Borough Council"),
            "anytown-borough-council"
        );
        assert_eq!(namespace_for("  St. Mary's (West) "), "st-mary-s-west");
        assert_eq!(namespace_for("!!!"), "");
    }
}
