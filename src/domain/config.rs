//! Configuration for an embedded widget, from data attributes or iframe query parameters.
//! Every setting has a default; problems are reported, never silently ignored, and only a
//! setting that would make the widget unsafe or unusable stops it.

/// Languages the text is available in.
pub const LANGUAGES: [&str; 2] = ["en", "cy"];

/// The frameworks this build ships, by the name a setting uses for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    /// The council's contract management (the default framework).
    Council,
    /// A person's own practice.
    Learner,
}

impl Builtin {
    /// Every built-in framework, in the order offered by default.
    pub const ALL: [Builtin; 2] = [Builtin::Council, Builtin::Learner];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Council => "council",
            Builtin::Learner => "learner",
        }
    }

    /// Which offer a framework id belongs to: the learner framework's own id, else the council's
    /// (whose file a council may replace with its own).
    pub fn for_framework_id(id: &str) -> Builtin {
        if id == "cmm-learner" {
            Builtin::Learner
        } else {
            Builtin::Council
        }
    }

    pub fn framework_file(self) -> &'static str {
        match self {
            Builtin::Council => "data/framework.json",
            Builtin::Learner => "data/learner-framework.json",
        }
    }

    pub fn benchmarks_file(self) -> &'static str {
        match self {
            Builtin::Council => "data/benchmarks.json",
            Builtin::Learner => "data/learner-benchmarks.json",
        }
    }
}
pub const DEFAULT_NAMESPACE: &str = "cmm";
/// WCAG 2.2 AA contrast for normal text, which buttons and links carry.
pub const MIN_CONTRAST: f64 = 4.5;

/// The widget's headings go three levels deep below its top one, and HTML stops at h6.
pub const MAX_HEADING_LEVEL: u8 = 4;

/// The element for a heading `depth` levels below the top (1 is the top), never past h6.
pub fn heading_tag(base: u8, depth: u8) -> &'static str {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    let level = (base.max(1) + depth.max(1) - 1).min(6);
    TAGS[usize::from(level - 1)]
}

#[derive(Debug, Clone, PartialEq)]
pub struct EmbedConfig {
    /// Which frameworks to offer, in order.
    pub frameworks: Vec<Builtin>,
    /// The council framework's file and its benchmarks, when not the shipped ones; relative to
    /// the widget unless absolute.
    pub framework_url: Option<String>,
    pub benchmarks_url: Option<String>,
    /// The council's own resources file, added to the council framework's actions.
    pub resources_url: Option<String>,
    /// Prefix for storage keys, so several widgets (or sites) keep separate data.
    pub namespace: String,
    /// Filled in on the start page.
    pub organisation: String,
    /// The council chosen on the start page, by its register or GSS code (checked against the
    /// register when the start page has it; here only its shape).
    pub organisation_code: Option<String>,
    /// Links, focus accents and the results panel.
    pub brand_colour: Option<Rgb>,
    /// The main buttons.
    pub button_colour: Option<Rgb>,
    pub share: bool,
    pub team: bool,
    /// A link to the Programme page in the footer: for the programme's own page, not a
    /// council's (the page itself stays reachable by its address).
    pub programme: bool,
    /// The language to start in ("en" or "cy"); a visitor's own choice wins.
    pub language: String,
    /// In a council's page, keep screens in the page's address and history (off unless the
    /// host asks: the host's URL is the host's).
    pub history: bool,
    /// Keep a copy of the release for use without a connection (the tool's own page and iframe
    /// mode; embed.js reads the same setting to start or remove the offline worker).
    pub offline: bool,
    /// The level of the widget's top heading, so it fits the outline of a council's page that
    /// has its own h1; unset, 1 on a page of its own and 2 in script mode.
    pub heading_level: Option<u8>,
    /// The email address councils send their return file to, filled in by the programme.
    pub return_to: Option<String>,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            frameworks: Builtin::ALL.to_vec(),
            framework_url: None,
            benchmarks_url: None,
            resources_url: None,
            namespace: DEFAULT_NAMESPACE.into(),
            organisation: String::new(),
            organisation_code: None,
            brand_colour: None,
            button_colour: None,
            share: true,
            team: true,
            programme: false,
            language: "en".into(),
            history: false,
            offline: true,
            heading_level: None,
            return_to: build_return_to(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConfigProblem {
    /// The setting as it was written (attribute or parameter name).
    pub setting: String,
    pub issue: ConfigIssue,
}

/// What is wrong with one setting; the text module puts it in words.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigIssue {
    UnsafeUrl(String),
    /// Content from a place the council did not choose (a link's query string pointing at
    /// another site): refused, and the shipped file used instead.
    ForeignContent(String),
    /// Content from the widget's own site but outside its folder (another tenant's, on a
    /// shared host): refused the same way.
    OutsideFolder(String),
    UnknownFramework(String),
    BadNamespace(String),
    BadColour(String),
    LowContrast {
        hex: String,
        ratio: f64,
    },
    UnknownFeature(String),
    BadFlag(String),
    /// An `organisation-code` that cannot be a register or GSS code.
    BadCouncilCode(String),
    UnknownLanguage(String),
    /// A `heading-level` outside 1 to 4 (the widget uses three levels below its top one).
    BadHeadingLevel(String),
    BadEmail(String),
    /// Where returns go, set by a link rather than the page that hosts the tool: refused, so a
    /// link cannot send councils' returns to someone else.
    ReturnToFromAddress(String),
    UnknownSetting,
}

impl ConfigProblem {
    /// The widget cannot run safely with this problem; the others fall back to defaults.
    pub fn fatal(&self) -> bool {
        matches!(
            self.issue,
            ConfigIssue::UnsafeUrl(_) | ConfigIssue::BadNamespace(_)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        let hex: String = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_string(),
            _ => return None,
        };
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// The colour mixed with black by `amount` (0 to 1): a hover shade of a council's colour.
    pub fn darker(self, amount: f64) -> Rgb {
        let keep = 1.0 - amount.clamp(0.0, 1.0);
        let mix = |c: u8| (f64::from(c) * keep).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

pub const WHITE: Rgb = Rgb(255, 255, 255);

fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if lower.is_empty() || lower.chars().any(char::is_whitespace) {
        return false;
    }
    match lower.split_once(':') {
        // An explicit scheme must be http(s); anything else (javascript:, data:) is refused.
        Some((scheme, _))
            if !scheme.contains('/') && !scheme.contains('?') && !scheme.contains('#') =>
        {
            scheme == "https" || scheme == "http"
        }
        _ => true,
    }
}

fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Some(true),
        "off" | "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Reads settings from name/value pairs (data attributes in camelCase or kebab-case, or query
/// parameters). Unknown settings are reported, so a typo does not pass unnoticed.
pub fn parse<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (EmbedConfig, Vec<ConfigProblem>) {
    let mut config = EmbedConfig::default();
    let mut problems = Vec::new();
    let mut problem = |setting: &str, issue: ConfigIssue| {
        problems.push(ConfigProblem {
            setting: setting.to_string(),
            issue,
        });
    };
    for (key, value) in pairs {
        let normal: String = key
            .chars()
            .filter(|c| *c != '-' && *c != '_')
            .collect::<String>()
            .to_ascii_lowercase();
        match normal.as_str() {
            // The attribute that marks the element, and the tool's own share links.
            "cmmwidget" | "widget" | "cmmshare" => {}
            "framework" | "frameworkurl" => {
                if is_safe_url(value) {
                    config.framework_url = Some(value.trim().to_string());
                } else {
                    problem(key, ConfigIssue::UnsafeUrl(value.to_string()));
                }
            }
            "benchmarks" | "benchmarksurl" => {
                if is_safe_url(value) {
                    config.benchmarks_url = Some(value.trim().to_string());
                } else {
                    problem(key, ConfigIssue::UnsafeUrl(value.to_string()));
                }
            }
            "resources" | "resourcesurl" => {
                if is_safe_url(value) {
                    config.resources_url = Some(value.trim().to_string());
                } else {
                    problem(key, ConfigIssue::UnsafeUrl(value.to_string()));
                }
            }
            "frameworks" | "offer" => {
                let mut chosen = Vec::new();
                for name in value.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    let lower = name.to_ascii_lowercase();
                    match Builtin::ALL.into_iter().find(|b| b.name() == lower) {
                        Some(b) if !chosen.contains(&b) => chosen.push(b),
                        Some(_) => {}
                        None => problem(key, ConfigIssue::UnknownFramework(name.to_string())),
                    }
                }
                if !chosen.is_empty() {
                    config.frameworks = chosen;
                }
            }
            "history" => match flag(value) {
                Some(on) => config.history = on,
                None => problem(key, ConfigIssue::BadFlag(value.to_string())),
            },
            "offline" => match flag(value) {
                Some(on) => config.offline = on,
                None => problem(key, ConfigIssue::BadFlag(value.to_string())),
            },
            "namespace" => {
                let ok = (1..=40).contains(&value.len())
                    && value
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if ok {
                    config.namespace = value.to_string();
                } else {
                    problem(key, ConfigIssue::BadNamespace(value.to_string()));
                }
            }
            "organisation" | "organization" | "org" => {
                config.organisation = value.chars().take(200).collect()
            }
            "organisationcode" | "organizationcode" | "councilcode" => {
                let code = value.trim();
                let ok = (1..=12).contains(&code.len())
                    && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                if ok {
                    config.organisation_code = Some(code.to_ascii_uppercase());
                } else {
                    problem(key, ConfigIssue::BadCouncilCode(value.to_string()));
                }
            }
            "brand" | "brandcolour" | "brandcolor" | "buttoncolour" | "buttoncolor" | "button" => {
                let is_button = normal.starts_with("button");
                match Rgb::parse(value) {
                    None => problem(key, ConfigIssue::BadColour(value.to_string())),
                    Some(rgb) if rgb.contrast(WHITE) < MIN_CONTRAST - 1e-9 => problem(
                        key,
                        ConfigIssue::LowContrast {
                            hex: rgb.hex(),
                            ratio: rgb.contrast(WHITE),
                        },
                    ),
                    Some(rgb) if is_button => config.button_colour = Some(rgb),
                    Some(rgb) => config.brand_colour = Some(rgb),
                }
            }
            "features" => {
                config.share = false;
                config.team = false;
                for f in value.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    match f {
                        "share" => config.share = true,
                        "team" => config.team = true,
                        "programme" => config.programme = true,
                        other => problem(key, ConfigIssue::UnknownFeature(other.to_string())),
                    }
                }
            }
            "share" | "team" | "programme" => match flag(value) {
                Some(on) if normal == "share" => config.share = on,
                Some(on) if normal == "programme" => config.programme = on,
                Some(on) => config.team = on,
                None => problem(key, ConfigIssue::BadFlag(value.to_string())),
            },
            "lang" | "language" => {
                let lang = value.trim().to_ascii_lowercase();
                let base = lang.split('-').next().unwrap_or_default().to_string();
                if LANGUAGES.contains(&base.as_str()) {
                    config.language = base;
                } else {
                    problem(key, ConfigIssue::UnknownLanguage(value.to_string()));
                }
            }
            "headinglevel" => match value.trim().parse::<u8>() {
                Ok(n) if (1..=MAX_HEADING_LEVEL).contains(&n) => config.heading_level = Some(n),
                _ => problem(key, ConfigIssue::BadHeadingLevel(value.to_string())),
            },
            "returnto" | "returnemail" => {
                let address = value.trim();
                if is_email(address) {
                    config.return_to = Some(address.to_string());
                } else {
                    problem(key, ConfigIssue::BadEmail(value.to_string()));
                }
            }
            _ => problem(key, ConfigIssue::UnknownSetting),
        }
    }
    (config, problems)
}

/// Where content named in an address may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentPlace {
    Allowed,
    /// Another site altogether.
    OtherSite,
    /// The widget's own site, outside the widget's folder.
    OutsideFolder,
}

/// Whether content (a framework or benchmark file) at `url` may be shown, both addresses as the
/// browser resolves them (dot segments gone): from inside the widget's own folder
/// (`widget_base`, ending in `/`), or under an allow-listed origin-and-path. An address whose
/// remainder hides a separator or a dot in percent-encoding (`..%2F`) is refused, since a
/// server may decode it into another folder.
pub fn content_place(url: &str, widget_base: &str, allow_list: &[&str]) -> ContentPlace {
    let under = |prefix: &str| -> bool {
        let prefix = if prefix.ends_with('/') {
            prefix.to_string()
        } else {
            format!("{prefix}/")
        };
        let (Some(head), Some(rest)) = (url.get(..prefix.len()), url.get(prefix.len()..)) else {
            return false;
        };
        let path = rest
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        head.eq_ignore_ascii_case(&prefix)
            && !["%2e", "%2f", "%5c", "\\"]
                .iter()
                .any(|bad| path.contains(bad))
    };
    if under(widget_base) || allow_list.iter().any(|allowed| under(allowed.trim())) {
        ContentPlace::Allowed
    } else if origin(url).eq_ignore_ascii_case(origin(widget_base)) {
        ContentPlace::OutsideFolder
    } else {
        ContentPlace::OtherSite
    }
}

/// The scheme, host and port of an absolute address (what comes before its path).
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}

/// A plain email address (no name, no second address, nothing a mail program would read as
/// more): shown as text for the user to copy.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    s.len() <= 254 && local_ok && domain_ok
}

/// Where returns go when no setting says: the `CMM_RETURN_TO` environment variable when the
/// widget is built (the programme's own build).
pub fn build_return_to() -> Option<String> {
    option_env!("CMM_RETURN_TO")
        .map(str::trim)
        .filter(|a| is_email(a))
        .map(str::to_string)
}

/// Origins or origin-and-paths (such as `https://cm.example.gov.uk/data/`) allowed to supply
/// content through a link, fixed when the widget is built: the `CMM_CONTENT_ORIGINS`
/// environment variable, comma-separated. An origin alone allows its whole site.
pub fn build_allow_list() -> Vec<&'static str> {
    option_env!("CMM_CONTENT_ORIGINS")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let (c, p) = parse([]);
        assert_eq!(c, EmbedConfig::default());
        assert!(p.is_empty());
    }

    #[test]
    fn data_attributes_and_query_parameters_read_the_same() {
        let (a, _) = parse([
            ("namespace", "anytown"),
            ("brandColour", "#003078"),
            ("frameworkUrl", "/cm/framework.json"),
        ]);
        let (b, _) = parse([
            ("namespace", "anytown"),
            ("brand-colour", "#003078"),
            ("framework-url", "/cm/framework.json"),
        ]);
        assert_eq!(a, b);
        assert_eq!(a.brand_colour, Some(Rgb(0, 0x30, 0x78)));
        assert_eq!(a.framework_url.as_deref(), Some("/cm/framework.json"));
    }

    #[test]
    fn a_council_code_is_read_in_either_spelling_and_a_malformed_one_refused() {
        let (a, p) = parse([("organisation-code", " e06000063 ")]);
        assert_eq!(a.organisation_code.as_deref(), Some("E06000063"));
        assert!(p.is_empty());
        let (b, _) = parse([("organisationCode", "CBD")]);
        assert_eq!(b.organisation_code.as_deref(), Some("CBD"));
        let (c, p) = parse([("organisation-code", "<img src=x>")]);
        assert_eq!(c.organisation_code, None);
        assert!(matches!(&p[0].issue, ConfigIssue::BadCouncilCode(v) if v == "<img src=x>"));
    }

    #[test]
    fn low_contrast_colours_are_refused_with_the_ratio() {
        let (c, p) = parse([("brand", "#ffdd00"), ("button", "#00703c")]);
        assert_eq!(c.brand_colour, None);
        assert_eq!(c.button_colour, Some(Rgb(0, 0x70, 0x3c)));
        assert_eq!(p.len(), 1);
        let ConfigIssue::LowContrast { hex, ratio } = &p[0].issue else {
            panic!("{p:?}")
        };
        assert_eq!(hex, "#ffdd00");
        assert!((ratio - 1.35).abs() < 0.01, "{ratio}");
        assert!(!p[0].fatal());
    }

    #[test]
    fn unsafe_or_broken_settings_are_reported() {
        let (_, p) = parse([
            ("framework", "javascript:alert(1)"),
            ("namespace", "Anytown Council"),
            ("lang", "fr"),
            ("features", "share,chat"),
            ("colour", "red"),
        ]);
        let fatal: Vec<&str> = p
            .iter()
            .filter(|x| x.fatal())
            .map(|x| x.setting.as_str())
            .collect();
        assert_eq!(fatal, ["framework", "namespace"]);
        let issues: Vec<&ConfigIssue> = p.iter().map(|x| &x.issue).collect();
        assert!(issues.contains(&&ConfigIssue::UnknownLanguage("fr".into())));
        assert!(issues.contains(&&ConfigIssue::UnknownFeature("chat".into())));
        assert!(issues.contains(&&ConfigIssue::UnknownSetting));
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((Rgb(0, 0, 0).contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb::parse("#1d70b8").unwrap().contrast(WHITE) - 5.17).abs() < 0.01);
        assert_eq!(Rgb::parse("#abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        assert_eq!(Rgb::parse("blue"), None);
    }

    #[test]
    fn frameworks_can_be_chosen_and_welsh_asked_for_first() {
        let (c, p) = parse([("frameworks", "learner"), ("lang", "cy-GB")]);
        assert_eq!(c.frameworks, [Builtin::Learner]);
        assert_eq!(c.language, "cy");
        assert!(p.is_empty());
        let (c, p) = parse([("frameworks", "chess, council")]);
        assert_eq!(c.frameworks, [Builtin::Council]);
        assert_eq!(p[0].issue, ConfigIssue::UnknownFramework("chess".into()));
    }

    #[test]
    fn content_comes_only_from_the_widgets_folder_or_the_allow_list() {
        use ContentPlace::*;
        let base = "https://host.example/cm/";
        let place = |url: &str| content_place(url, base, &["https://data.example.gov.uk/cm"]);
        assert_eq!(
            place("https://host.example/cm/data/framework.json"),
            Allowed
        );
        assert_eq!(place("https://host.example/cm/data/f.json?v=2"), Allowed);
        assert_eq!(
            place("https://host.example/other/framework.json"),
            OutsideFolder
        );
        assert_eq!(
            place("https://host.example/cmx/framework.json"),
            OutsideFolder
        );
        assert_eq!(
            place("https://host.example/cm/..%2Fother/f.json"),
            OutsideFolder
        );
        assert_eq!(
            place("https://host.example/cm/%2e%2e/other/f.json"),
            OutsideFolder
        );
        assert_eq!(place("https://evil.example/cm/framework.json"), OtherSite);
        assert_eq!(
            place("https://data.example.gov.uk/cm/framework.json"),
            Allowed
        );
        assert_eq!(
            place("https://data.example.gov.uk/other/framework.json"),
            OtherSite
        );
        assert_eq!(
            content_place(
                "https://data.example.gov.uk/x.json",
                base,
                &["https://data.example.gov.uk"]
            ),
            Allowed
        );
    }

    #[test]
    fn the_offline_copy_is_on_unless_turned_off() {
        assert!(parse(std::iter::empty()).0.offline);
        let (c, problems) = parse([("offline", "off")]);
        assert!(!c.offline);
        assert!(problems.is_empty());
        let (c, problems) = parse([("offline", "sometimes")]);
        assert!(c.offline, "a value it cannot read leaves the default");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn features_can_be_switched_off() {
        let (c, _) = parse([("features", "")]);
        assert!(!c.share && !c.team);
        let (c, _) = parse([("share", "off")]);
        assert!(!c.share && c.team);
    }

    #[test]
    fn the_programme_link_is_off_unless_asked_for() {
        assert!(!parse([("share", "on")]).0.programme);
        assert!(parse([("programme", "on")]).0.programme);
        assert!(parse([("features", "share,programme")]).0.programme);
        assert!(!parse([("features", "share,team")]).0.programme);
    }

    #[test]
    fn the_top_heading_level_is_read_and_anything_past_four_refused() {
        assert_eq!(parse([("heading-level", "3")]).0.heading_level, Some(3));
        assert_eq!(parse([("headingLevel", " 1 ")]).0.heading_level, Some(1));
        for bad in ["0", "5", "h2", "", "-1", "2.5"] {
            let (c, problems) = parse([("heading-level", bad)]);
            assert_eq!(c.heading_level, None, "{bad}");
            assert_eq!(
                problems[0].issue,
                ConfigIssue::BadHeadingLevel(bad.to_string())
            );
        }
    }

    #[test]
    fn headings_follow_the_top_level_and_stop_at_h6() {
        assert_eq!(heading_tag(1, 1), "h1");
        assert_eq!(heading_tag(1, 3), "h3");
        assert_eq!(heading_tag(2, 1), "h2");
        assert_eq!(heading_tag(2, 3), "h4");
        assert_eq!(heading_tag(4, 3), "h6");
        assert_eq!(heading_tag(6, 3), "h6");
        assert_eq!(heading_tag(0, 0), "h1");
    }

    #[test]
    fn a_return_address_must_be_one_plain_email_address() {
        let (c, p) = parse([("return-to", " cmpp@programme.example.gov.uk ")]);
        assert_eq!(
            c.return_to.as_deref(),
            Some("cmpp@programme.example.gov.uk")
        );
        assert!(p.is_empty());
        for bad in [
            "",
            "cmpp",
            "a@b",
            "a@@b.uk",
            "a@b.uk,evil@x.uk",
            "Name <a@b.uk>",
            "a@b.uk?cc=evil@x.uk",
            "a b@c.uk",
            "a@-b.uk",
            "javascript:alert(1)@x.uk",
        ] {
            let (c, p) = parse([("return-to", bad)]);
            assert_eq!(c.return_to, build_return_to(), "{bad}");
            assert_eq!(p[0].issue, ConfigIssue::BadEmail(bad.to_string()), "{bad}");
        }
    }
}
