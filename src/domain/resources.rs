//! A council's own help for the actions of its plan: templates, guides and process maps on its
//! own site, listed in a file it hosts beside the widget (the `resources` setting) and added to
//! the questions' resources from the framework. Checked whole, with each problem located, like
//! every other content file; only https addresses become links.

use serde::Deserialize;

use super::framework::{is_link_address, Framework, Resource, ResourceKind};
use super::localised::{english_only, Localised};
use super::problems::{locate, parse_json, Collector, Issue, Problems};

pub const RESOURCES_FORMAT: &str = "cm-maturity-resources";
pub const RESOURCES_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourcesFile {
    pub format: String,
    pub format_version: u32,
    /// The languages its words are in, the first the one to fall back to; English alone when
    /// not given (a council need not write Welsh to add its own templates).
    #[serde(default = "english_only")]
    pub languages: Vec<String>,
    /// Who the resources are from, shown with each ("Anytown Council").
    pub publisher: Localised,
    pub resources: Vec<CouncilResource>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilResource {
    /// The question whose action it helps with, by the framework's id (or a former id).
    pub question: String,
    pub title: Localised,
    pub url: String,
    pub kind: ResourceKind,
}

impl ResourcesFile {
    /// Reads a resources file and checks it against the framework it adds to.
    pub fn parse(json: &str, framework: &Framework<Localised>) -> Result<ResourcesFile, Problems> {
        let file: ResourcesFile = parse_json(json)?;
        file.check(framework)
    }

    /// Where a resources file that [`ResourcesFile::parse`] could not read goes wrong.
    pub fn diagnose(json: &str) -> Problems {
        locate::<ResourcesFile>(json)
    }

    fn check(self, framework: &Framework<Localised>) -> Result<ResourcesFile, Problems> {
        let mut c = Collector::default();
        c.header(
            &self.format,
            RESOURCES_FORMAT,
            self.format_version,
            RESOURCES_FORMAT_VERSION..=RESOURCES_FORMAT_VERSION,
        );
        if self.languages.is_empty() {
            c.add("languages", Issue::AtLeastOne);
        }
        self.publisher.check(&mut c, "publisher", &self.languages);
        for (i, r) in self.resources.iter().enumerate() {
            let p = format!("resources[{i}]");
            if framework
                .question(framework.current_id(&r.question).unwrap_or_default())
                .is_none()
            {
                c.add(
                    format!("{p}.question"),
                    Issue::UnknownQuestion(r.question.clone()),
                );
            }
            r.title.check(&mut c, format!("{p}.title"), &self.languages);
            if !is_link_address(&r.url) {
                c.add(format!("{p}.url"), Issue::NotALink(r.url.clone()));
            }
        }
        c.finish(self)
    }

    /// The framework with these resources after each question's own, each saying who it is
    /// from. Words in a language the file lacks fall back to its first.
    pub fn add_to(&self, mut framework: Framework<Localised>) -> Framework<Localised> {
        let fallback = self.languages.first().cloned().unwrap_or_default();
        let languages = framework.languages.clone();
        let in_each = |text: &Localised| -> Localised {
            let by_language = languages
                .iter()
                .map(|l| (l.clone(), text.get(l, &fallback).to_string()))
                .collect();
            Localised::ByLanguage(by_language)
        };
        let added: Vec<(String, Resource<Localised>)> = self
            .resources
            .iter()
            .filter_map(|r| {
                let id = framework.current_id(&r.question)?.to_string();
                Some((
                    id,
                    Resource {
                        title: in_each(&r.title),
                        url: r.url.clone(),
                        kind: r.kind,
                        from: Some(in_each(&self.publisher)),
                    },
                ))
            })
            .collect();
        for theme in &mut framework.themes {
            for question in &mut theme.questions {
                question.resources.extend(
                    added
                        .iter()
                        .filter(|(id, _)| *id == question.id)
                        .map(|(_, r)| r.clone()),
                );
            }
        }
        framework
    }
}
