//! Screens as addresses. In a page of its own (or an iframe) each screen has a hash route such as
//! `#/theme/governance`, so Back, Forward, bookmarks and copied links work; share links use
//! their own fragment (`#cmm-share=`), so the two never meet. Inside a council's page the same
//! routes are kept in memory instead, and the host's address is left alone.

/// Every screen of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Start,
    Overview,
    /// A theme of the current assessment, by theme id.
    Theme(String),
    Check,
    Results,
    /// The one-page board summary of the current results.
    Board,
    History,
    /// Results opened from a share link, read-only.
    Shared,
    /// Several colleagues' files compared.
    Team,
    /// Programme benchmarks built from councils' returns.
    Programme,
    /// The framework's glossary and what each question covers.
    About,
    /// The snippet writer for council web teams.
    Embed,
}

impl Route {
    /// The hash for this route, with its leading `#`.
    pub fn to_hash(&self) -> String {
        let path = match self {
            Route::Start => "start".to_string(),
            Route::Overview => "overview".to_string(),
            Route::Theme(id) => format!("theme/{}", encode(id)),
            Route::Check => "check".to_string(),
            Route::Results => "results".to_string(),
            Route::Board => "board".to_string(),
            Route::History => "assessments".to_string(),
            Route::Shared => "shared".to_string(),
            Route::Team => "team".to_string(),
            Route::Programme => "programme".to_string(),
            Route::About => "framework".to_string(),
            Route::Embed => "embed".to_string(),
        };
        format!("#/{path}")
    }

    /// Reads a hash (with or without `#`). `None` for anything that is not a route, such as an
    /// empty hash or a share link.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash).strip_prefix('/')?;
        let path = path.trim_end_matches('/');
        Some(match path {
            "" | "start" => Route::Start,
            "overview" => Route::Overview,
            "check" => Route::Check,
            "results" => Route::Results,
            "board" => Route::Board,
            "assessments" => Route::History,
            "shared" => Route::Shared,
            "team" => Route::Team,
            "programme" => Route::Programme,
            "framework" => Route::About,
            "embed" => Route::Embed,
            other => {
                let id = decode(other.strip_prefix("theme/")?)?;
                if id.is_empty() {
                    return None;
                }
                Route::Theme(id)
            }
        })
    }

    /// Screens that show or change the current assessment, so need one.
    pub fn needs_assessment(&self) -> bool {
        matches!(
            self,
            Route::Overview | Route::Theme(_) | Route::Check | Route::Results | Route::Board
        )
    }
}

/// Ids are kebab-case in practice; anything else is percent-encoded so a route stays one token.
fn encode(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_hash() {
        let routes = [
            Route::Start,
            Route::Overview,
            Route::Theme("governance".into()),
            Route::Theme("odd id/with%".into()),
            Route::Check,
            Route::Results,
            Route::Board,
            Route::History,
            Route::Shared,
            Route::Team,
            Route::Programme,
            Route::About,
            Route::Embed,
        ];
        for r in routes {
            assert_eq!(
                Route::parse(&r.to_hash()),
                Some(r.clone()),
                "{}",
                r.to_hash()
            );
        }
    }

    #[test]
    fn share_links_and_junk_are_not_routes() {
        assert_eq!(Route::parse("#cmm-share=abc"), None);
        assert_eq!(Route::parse(""), None);
        assert_eq!(Route::parse("#/nowhere"), None);
        assert_eq!(Route::parse("#/theme/"), None);
        assert_eq!(Route::parse("#/theme/%zz"), None);
        assert_eq!(Route::parse("#/"), Some(Route::Start));
        assert_eq!(Route::parse("#/results/"), Some(Route::Results));
    }
}
