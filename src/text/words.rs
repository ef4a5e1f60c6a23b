//! Putting data in words: lists, dates, answers, and every kind of problem or error the domain
//! reports. The domain never writes English; it returns data, and these turn it into sentences
//! in the reader's language.

use super::mutation::{mutate, Mutation};
use super::{fill, fill_parts, short, Lang, Part, Text};
use crate::domain::config::{ConfigIssue, ConfigProblem, MIN_CONTRAST};
use crate::domain::context::{CouncilType, Nation, Region, Stage};
use crate::domain::dates::ymd;
use crate::domain::exchange::{ImportError, MAX_IMPORT_BYTES};
use crate::domain::json_issue::JsonIssue;
use crate::domain::problems::{Issue, Problem, Problems};
use crate::domain::programme::{GroupTitles, ReturnError};
use crate::domain::saved::{LoadError, SCHEMA_VERSION};
use crate::domain::scoring::{display_level, level_band, round1};
use crate::domain::share::ShareError;
use crate::domain::{Assessment, AssessmentKind, Framework, Rating};

impl Text {
    /// "A, B and C", the way a sentence lists things. Welsh writes "ac" before a vowel, and
    /// the word after "a" takes the aspirate mutation ("a Pherfformiad").
    pub fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let template = if starts_with_vowel(last) {
                    self.list_and_vowel
                } else {
                    self.list_and
                };
                let last = match self.lang {
                    Lang::Cy => mutate(last, Mutation::Aspirate),
                    Lang::En => last.clone(),
                };
                fill(
                    template,
                    &[("items", &init.join(self.list_separator)), ("last", &last)],
                )
            }
        }
    }

    /// What a comparison's line or column is called: an expectation is an expected level, and
    /// invented figures say so; only real data is a median.
    pub fn benchmark_series_name(&self, b: &crate::domain::Benchmark) -> String {
        if b.illustrative {
            self.illustrative_median.to_string()
        } else if b.is_expectation() {
            self.expected_level.to_string()
        } else {
            self.benchmark_median.to_string()
        }
    }

    /// A mean level in words ("2.5 (Developing)"), or that nothing is rated yet.
    pub fn level_or_none(&self, framework: &Framework, level: Option<f64>) -> String {
        level.map_or_else(
            || self.no_rated_answers.to_string(),
            |l| self.level_with_name(framework, l),
        )
    }

    /// A comparison's figure for a theme as the figures table shows it: the median (or expected
    /// level) and the middle half ("2.5 to 3.5", "–" without quartiles), or "no figure" for both.
    pub fn figure_cells(&self, figure: crate::domain::Figure) -> (String, String) {
        match figure {
            crate::domain::Figure::Shown { median, quartiles } => (
                display_level(median),
                quartiles.map_or_else(
                    || "–".to_string(),
                    |(lq, uq)| {
                        fill(
                            self.range,
                            &[("from", &display_level(lq)), ("to", &display_level(uq))],
                        )
                    },
                ),
            ),
            crate::domain::Figure::Missing => {
                (self.no_figure.to_string(), self.no_figure.to_string())
            }
        }
    }

    /// "Full assessment" or "Quick check".
    pub fn kind_name(&self, kind: AssessmentKind) -> &'static str {
        match kind {
            AssessmentKind::Full => self.kind_full,
            AssessmentKind::Quick => self.kind_quick,
        }
    }

    /// How the figures were made (the board summary's footer, the documents' method): the kind
    /// of assessment, how many questions were answered and "Don't know", and the framework.
    pub fn method(
        &self,
        framework: &Framework,
        assessment: &Assessment,
        scores: &crate::domain::scoring::Scores,
    ) -> String {
        let asked: usize = scores.themes.iter().map(|s| s.asked).sum();
        fill(
            self.board_footer,
            &[
                ("kind", &self.kind_name(assessment.kind).to_lowercase()),
                ("answered", &(asked - scores.unanswered())),
                ("asked", &asked),
                ("dont_know", &scores.dont_know()),
                ("framework", &framework.title),
                ("version", &framework.version),
            ],
        )
    }

    /// "Anytown Council, 20 November 2026. Compared with …": who and when, and what with, as
    /// exported charts and documents say it.
    pub fn export_info(&self, assessment: &Assessment, benchmark: Option<&str>) -> String {
        let organisation = if assessment.organisation.is_empty() {
            String::new()
        } else {
            format!("{}, ", assessment.organisation)
        };
        let date = self.long_date(&assessment.created);
        match benchmark {
            Some(b) => fill(
                self.export_info,
                &[
                    ("organisation", &organisation),
                    ("date", &date),
                    ("benchmark", &b),
                ],
            ),
            None => fill(
                self.export_info_alone,
                &[("organisation", &organisation), ("date", &date)],
            ),
        }
    }

    /// An action's colour in words; an open action with no date has none.
    pub fn rag_name(&self, rag: Option<crate::domain::plan::Rag>) -> &'static str {
        use crate::domain::plan::Rag;
        match rag {
            Some(Rag::Red) => self.rag_red,
            Some(Rag::Amber) => self.rag_amber,
            Some(Rag::Green) => self.rag_green,
            None => self.rag_none,
        }
    }

    /// Who owns a plan step, or that nobody does yet.
    pub fn owner_or_none(&self, step: &crate::domain::PlanStep) -> String {
        if step.owner.is_empty() {
            self.cplan_no_owner.to_string()
        } else {
            step.owner.clone()
        }
    }

    /// The answers' column headers (CSV, Word and Excel): theme, question, level, level name,
    /// answer, note.
    pub fn answer_headers(&self) -> [&'static str; 6] {
        [
            self.csv_theme,
            self.csv_question,
            self.csv_level,
            self.csv_level_name,
            self.csv_answer,
            self.csv_note,
        ]
    }

    /// A learner's plan's column headers: theme, question, level now and next, action, target
    /// date, done.
    pub fn plan_headers(&self) -> [&'static str; 7] {
        [
            self.csv_theme,
            self.csv_question,
            self.plan_csv_now,
            self.plan_csv_next,
            self.plan_csv_action,
            self.plan_csv_due,
            self.plan_csv_done,
        ]
    }

    /// A council's plan's column headers: theme, question, level now and next, action, owner,
    /// due, status, colour, note.
    pub fn council_plan_headers(&self) -> [&'static str; 10] {
        [
            self.csv_theme,
            self.csv_question,
            self.plan_csv_now,
            self.plan_csv_next,
            self.cplan_col_action,
            self.cplan_col_owner,
            self.cplan_col_due,
            self.cplan_col_status,
            self.cplan_col_colour,
            self.cplan_note_label,
        ]
    }

    /// A plan action's status in words.
    pub fn status_name(&self, s: crate::domain::assessment::Status) -> &'static str {
        use crate::domain::assessment::Status;
        match s {
            Status::NotStarted => self.plan_status_not_started,
            Status::InProgress => self.plan_status_in_progress,
            Status::Done => self.plan_status_done,
            Status::Blocked => self.plan_status_blocked,
        }
    }

    /// A nation's name, as in "What the law requires in Wales".
    pub fn law_nation(&self, nation: Nation) -> &'static str {
        match nation {
            Nation::England => self.nation_england,
            Nation::Wales => self.nation_wales,
            Nation::Scotland => self.nation_scotland,
            Nation::NorthernIreland => self.nation_northern_ireland,
        }
    }

    /// "In England:", "In Wales:" or "In England and Wales:": where a legal note applies.
    pub fn law_applies_in(&self, nations: &[Nation]) -> &'static str {
        match nations {
            [Nation::England] => self.law_in_england,
            [Nation::Wales] => self.law_in_wales,
            _ => self.law_in_both,
        }
    }

    /// The heading over a council's own law (England or Wales), or over both.
    pub fn law_heading_for(&self, nation: Option<Nation>) -> &'static str {
        match nation {
            Some(Nation::England) => self.law_heading_england,
            Some(Nation::Wales) => self.law_heading_wales,
            _ => self.law_heading,
        }
    }

    /// "27 November 2026"; the raw text when it is not a date.
    pub fn long_date(&self, iso: &str) -> String {
        match ymd(iso) {
            Some((y, m, d)) => fill(
                self.date_long,
                &[
                    ("day", &d),
                    (
                        "month",
                        &self.months.get(m as usize - 1).copied().unwrap_or(""),
                    ),
                    ("year", &y),
                ],
            ),
            None => iso.to_string(),
        }
    }

    /// A mean level with its name: "2.3 (Developing)". The name is that of the level as
    /// shown, so 1.96 reads "2.0 (Developing)", never "2.0 (Initial)"; a mean within 0.3 of the
    /// next level says so ("1.9, nearly Developing"), so a name never rounds a 1.9 down to the
    /// level below without a word.
    pub fn level_with_name(&self, framework: &Framework, level: f64) -> String {
        let shown = round1(level);
        let band = level_band(shown);
        let above = shown - f64::from(band.get());
        let (template, named) = match band.next() {
            Some(next) if above >= 0.7 - 1e-9 => (self.level_nearly, next),
            _ => (self.level_and_name, band),
        };
        fill(
            template,
            &[
                ("level", &display_level(shown)),
                ("name", &framework.level_name(named)),
            ],
        )
    }

    /// An answer as a short label: "Level 3: Good", "Don't know", "Not applicable" or
    /// "Not answered".
    pub fn answer_label(&self, framework: &Framework, rating: Option<Rating>) -> String {
        match rating {
            Some(Rating::Level(l)) => fill(
                self.level_answer,
                &[("level", &l.get()), ("name", &framework.level_name(l))],
            ),
            Some(Rating::DontKnow) => self.dont_know.into(),
            Some(Rating::NotApplicable) => self.not_applicable.into(),
            None => self.not_answered.into(),
        }
    }

    /// The name shown for an assessment: the user's, or when it was started.
    pub fn assessment_name(&self, a: &Assessment) -> String {
        if !a.name.is_empty() {
            return a.name.clone();
        }
        let untitled = fill(self.untitled, &[("date", &self.long_date(&a.created))]);
        if a.organisation.is_empty() {
            untitled
        } else {
            fill(
                self.untitled_for,
                &[("organisation", &a.organisation), ("name", &untitled)],
            )
        }
    }

    /// "2 assessments, 1 March 2026 and 20 November 2026": what a file holds.
    pub fn describe_assessments(&self, assessments: &[Assessment]) -> String {
        let mut dates: Vec<String> = assessments
            .iter()
            .map(|a| self.long_date(&a.created))
            .collect();
        dates.dedup();
        fill(
            self.import_holds,
            &[
                (
                    "assessments",
                    &self.count(&self.assessments_count, assessments.len()),
                ),
                ("dates", &self.join(&dates)),
            ],
        )
    }

    /// One problem in a document, as "path: what is wrong".
    pub fn problem(&self, p: &Problem) -> String {
        let message = match &p.issue {
            Issue::Json(detail) => fill(self.problem_json, &[("detail", &self.json_issue(detail))]),
            Issue::Expected { expected, found } => fill(
                self.problem_expected,
                &[("expected", expected), ("found", found)],
            ),
            Issue::FormatVersion { reads, found } => fill(
                self.problem_format_version,
                &[("reads", reads), ("found", found)],
            ),
            Issue::Empty => self.problem_empty.into(),
            Issue::Count { expected, found } => fill(
                self.problem_count,
                &[("expected", expected), ("found", found)],
            ),
            Issue::AtLeastOne => self.problem_at_least_one.into(),
            Issue::Duplicate { id, first: None } => fill(self.problem_duplicate, &[("id", id)]),
            Issue::Duplicate {
                id,
                first: Some(first),
            } => fill(self.problem_duplicate_at, &[("id", id), ("first", first)]),
            Issue::NotPositive(v) => fill(self.problem_not_positive, &[("found", v)]),
            Issue::FormerIdLive(id) => fill(self.problem_former_id_live, &[("id", id)]),
            Issue::UnknownQuestion(id) => fill(self.problem_unknown_question, &[("id", id)]),
            Issue::UnknownTheme(id) => fill(self.problem_unknown_theme, &[("id", id)]),
            Issue::UnknownTerm(id) => fill(self.problem_unknown_term, &[("id", id)]),
            Issue::UnknownArea(id) => fill(self.problem_unknown_area, &[("id", id)]),
            Issue::UnknownCouncil(code) => fill(self.problem_unknown_council, &[("code", code)]),
            Issue::UnknownLanguage(code) => {
                fill(self.problem_unknown_language, &[("language", code)])
            }
            Issue::MissingLanguage(code) => {
                fill(self.problem_missing_language, &[("language", code)])
            }
            Issue::NotADate(v) => fill(self.problem_not_a_date, &[("found", v)]),
            Issue::NotALink(v) => fill(self.problem_not_a_link, &[("found", v)]),
            Issue::LawNotWrittenFor(v) => fill(self.problem_law_nation, &[("found", v)]),
            Issue::SampleSizeRequired => self.problem_sample_size.into(),
            Issue::ExpectationWithData => self.problem_expectation_data.into(),
            Issue::LevelRange(v) => fill(self.problem_level_range, &[("found", v)]),
            Issue::QuartileOrder {
                lower,
                median,
                upper,
            } => fill(
                self.problem_quartile_order,
                &[("lower", lower), ("median", median), ("upper", upper)],
            ),
            Issue::QuartilesPaired => self.problem_quartiles_paired.into(),
            Issue::MoreThanSample {
                organisations,
                sample,
            } => fill(
                self.problem_more_than_sample,
                &[("count", organisations), ("sample", sample)],
            ),
            Issue::TooFewOrganisations {
                organisations,
                minimum,
            } => fill(
                &self.count(&self.problem_too_few, *organisations as usize),
                &[("minimum", minimum)],
            ),
            Issue::OtherFramework { found, expected } => fill(
                self.problem_other_framework,
                &[("found", found), ("expected", expected)],
            ),
            Issue::MissingKey => self.problem_missing_key.into(),
            Issue::UnknownKey => self.problem_unknown_key.into(),
            Issue::MissingPluralForm => self.problem_missing_plural.into(),
            Issue::WrongType(what) => fill(self.problem_wrong_type, &[("what", what)]),
        };
        if p.path.is_empty() {
            message
        } else {
            fill(self.problem_at, &[("path", &p.path), ("message", &message)])
        }
    }

    pub fn problems(&self, problems: &Problems) -> Vec<String> {
        problems.0.iter().map(|p| self.problem(p)).collect()
    }

    /// Why an import file was refused, in words.
    pub fn import_error(&self, e: &ImportError) -> String {
        match e {
            ImportError::Empty => self.import_empty.into(),
            ImportError::TooLarge { bytes } => fill(
                self.import_too_large,
                &[("kb", &(bytes / 1024)), ("max", &(MAX_IMPORT_BYTES / 1024))],
            ),
            ImportError::Malformed(why) => {
                fill(self.import_malformed, &[("why", &self.json_issue(why))])
            }
            ImportError::NotAnExport => self.import_not_export.into(),
            ImportError::UnknownVersion(v) => fill(self.import_newer, &[("version", v)]),
            ImportError::UnknownFramework(found) => {
                fill(self.import_unknown_framework, &[("found", found)])
            }
            ImportError::OtherFramework { found, expected } => fill(
                self.import_other_framework,
                &[("found", found), ("expected", expected)],
            ),
            ImportError::NoAssessments => self.import_none.into(),
        }
    }

    /// Why a JSON document could not be read, in words; values from the document are cut short.
    pub fn json_issue(&self, issue: &JsonIssue) -> String {
        match issue {
            JsonIssue::Syntax { line, column } => {
                fill(self.json_syntax, &[("line", line), ("column", column)])
            }
            JsonIssue::CutShort => self.json_cut_short.into(),
            JsonIssue::UnknownValue(v) => fill(self.json_unknown_value, &[("found", &short(v))]),
            JsonIssue::UnknownField(v) => fill(self.json_unknown_field, &[("name", &short(v))]),
            JsonIssue::MissingField(v) => fill(self.json_missing_field, &[("name", &short(v))]),
            JsonIssue::WrongKind => self.json_wrong_kind.into(),
            JsonIssue::BadRating(v) => fill(self.json_bad_rating, &[("found", &short(v))]),
            JsonIssue::Other => self.json_other.into(),
        }
    }

    /// Why a share link could not be opened, in words.
    pub fn share_error(&self, e: &ShareError) -> String {
        match e {
            ShareError::TooLong => self.share_too_long.into(),
            ShareError::Unreadable => self.share_unreadable.into(),
            ShareError::UnknownVersion => self.share_newer.into(),
            ShareError::OtherFramework => self.share_other_framework.into(),
            ShareError::OtherVersion => self.share_other_version.into(),
            ShareError::Invalid(why) => fill(self.share_invalid, &[("why", &self.json_issue(why))]),
        }
    }

    /// Why saved data could not be opened, in words.
    pub fn load_error(&self, e: &LoadError) -> String {
        match e {
            LoadError::Corrupt(why) => fill(self.saved_corrupt, &[("why", &self.json_issue(why))]),
            LoadError::FutureVersion(v) => {
                fill(self.saved_newer, &[("found", v), ("max", &SCHEMA_VERSION)])
            }
        }
    }

    /// A problem with a widget setting, as "setting: what is wrong".
    /// A problem with a setting in words, the setting and its value as written (cut short, since
    /// anyone can write a link) kept apart to show as code.
    pub fn config_problem_parts(&self, p: &ConfigProblem) -> Vec<Part> {
        self.at_setting(p, self.config_issue_parts(p))
    }

    /// What is wrong with a setting, without the setting's name: for a form that has a label
    /// for it.
    pub fn config_issue_parts(&self, p: &ConfigProblem) -> Vec<Part> {
        let (template, value) = match &p.issue {
            ConfigIssue::UnsafeUrl(v) => (self.config_unsafe_url, v.as_str()),
            ConfigIssue::ForeignContent(v) => (self.config_foreign_content, v.as_str()),
            ConfigIssue::OutsideFolder(v) => (self.config_outside_folder, v.as_str()),
            ConfigIssue::BadNamespace(v) => (self.config_bad_namespace, v.as_str()),
            ConfigIssue::BadColour(v) => (self.config_bad_colour, v.as_str()),
            ConfigIssue::LowContrast { hex, ratio } => {
                let message = fill(
                    self.config_low_contrast,
                    &[
                        ("hex", hex),
                        ("ratio", &format!("{ratio:.1}")),
                        ("min", &MIN_CONTRAST),
                    ],
                );
                return vec![Part::Text(message)];
            }
            ConfigIssue::UnknownFeature(v) => (self.config_unknown_feature, v.as_str()),
            ConfigIssue::UnknownFramework(v) => (self.config_unknown_framework, v.as_str()),
            ConfigIssue::BadFlag(v) => (self.config_bad_flag, v.as_str()),
            ConfigIssue::BadCouncilCode(v) => (self.config_bad_council_code, v.as_str()),
            ConfigIssue::BadHeadingLevel(v) => (self.config_bad_heading_level, v.as_str()),
            ConfigIssue::BadEmail(v) => (self.config_bad_email, v.as_str()),
            ConfigIssue::ReturnToFromAddress(v) => (self.config_return_to_link, v.as_str()),
            ConfigIssue::UnknownLanguage(v) => (self.config_unknown_language, v.as_str()),
            ConfigIssue::UnknownSetting => (self.config_unknown_setting, ""),
        };
        let setting = short(&p.setting);
        fill_parts(
            template,
            &[("value", &short(value)), ("setting", &setting)],
            &["value", "setting"],
        )
    }

    /// "setting: message", the setting as code.
    fn at_setting(&self, p: &ConfigProblem, message: Vec<Part>) -> Vec<Part> {
        let mut out = Vec::new();
        for part in fill_parts(self.problem_at, &[("path", &short(&p.setting))], &[]) {
            match part {
                Part::Text(t) if t.contains("{message}") => {
                    let (before, after) = t.split_once("{message}").unwrap_or((&t, ""));
                    if !before.is_empty() {
                        out.push(Part::Text(before.to_string()));
                    }
                    out.extend(message.iter().cloned());
                    if !after.is_empty() {
                        out.push(Part::Text(after.to_string()));
                    }
                }
                other => out.push(other),
            }
        }
        out
    }

    /// [`Text::config_problem_parts`] as plain text, values in quotation marks.
    pub fn config_problem(&self, p: &ConfigProblem) -> String {
        self.plain(self.config_problem_parts(p))
    }

    /// [`Text::config_issue_parts`] as plain text, values in quotation marks.
    pub fn config_issue(&self, p: &ConfigProblem) -> String {
        self.plain(self.config_issue_parts(p))
    }

    fn plain(&self, parts: Vec<Part>) -> String {
        parts
            .into_iter()
            .map(|part| match part {
                Part::Text(t) => t,
                Part::Code(c) => fill(self.quoted, &[("text", &c)]),
            })
            .collect()
    }
}

/// Welsh "a" becomes "ac" before a vowel sound; a rough but useful test of the first letter.
fn starts_with_vowel(word: &str) -> bool {
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(|c| "aeiouwyAEIOUWYâêîôûŵŷÂÊÎÔÛŴŶ".contains(c))
}

/// Names of a council's context, for the start page, the Programme page and the builder.
impl Text {
    pub fn council_type(&self, c: CouncilType) -> &'static str {
        match c {
            CouncilType::County => self.type_county,
            CouncilType::District => self.type_district,
            CouncilType::Unitary => self.type_unitary,
            CouncilType::MetropolitanBorough => self.type_metropolitan,
            CouncilType::LondonBorough => self.type_london,
            CouncilType::CombinedAuthority => self.type_combined,
            CouncilType::CityCorporation => self.type_city_corporation,
            CouncilType::StrategicAuthority => self.type_strategic,
            CouncilType::WelshPrincipal => self.type_welsh_principal,
            CouncilType::ScottishUnitary => self.type_scottish_unitary,
            CouncilType::NorthernIrelandDistrict => self.type_ni_district,
            CouncilType::Other => self.type_other,
        }
    }

    pub fn region(&self, r: Region) -> &'static str {
        self.regions[Region::ALL.iter().position(|x| *x == r).unwrap_or(0)]
    }

    pub fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Before => self.stage_before,
            Stage::During => self.stage_during,
            Stage::After => self.stage_after,
        }
    }

    /// Why a file of returns could not be used (the Programme page and `cm-benchmarks` alike).
    pub fn return_error(&self, e: &ReturnError) -> String {
        match e {
            ReturnError::Import(e) => self.import_error(e),
            ReturnError::OtherFramework { found, expected } => fill(
                self.import_other_framework,
                &[("found", found), ("expected", expected)],
            ),
            ReturnError::UnknownVersion(v) => fill(self.import_newer, &[("version", v)]),
            ReturnError::NoOrganisation { count } => {
                self.count(&self.return_no_organisation, *count)
            }
            ReturnError::BadDate(d) => fill(self.return_bad_date, &[("date", d)]),
            ReturnError::FutureDate(d) => {
                fill(self.return_future_date, &[("date", &self.long_date(d))])
            }
        }
    }

    /// The titles of the benchmarks a programme build writes.
    pub fn group_titles(&self) -> GroupTitles {
        GroupTitles {
            all: self.programme_title_all.to_string(),
            group: self.programme_title_group.to_string(),
            stages: Stage::ALL
                .iter()
                .map(|s| (*s, self.stage(*s).to_string()))
                .collect(),
            council_types: CouncilType::ALL
                .iter()
                .map(|c| (*c, self.council_type(*c).to_string()))
                .collect(),
            // Wales, Scotland and Northern Ireland are nations: their councils are grouped so.
            regions: Region::ALL
                .iter()
                .filter(|r| r.nation() == Nation::England)
                .map(|r| (*r, self.region(*r).to_string()))
                .collect(),
            nations: Nation::ALL
                .iter()
                .map(|n| (*n, self.law_nation(*n).to_string()))
                .collect(),
        }
    }
}
