//! The functional core: plain Rust with no browser dependencies, tested natively.

pub mod assessment;
pub mod backups;
pub mod benchmark;
pub mod board;
pub mod calendar;
pub mod config;
pub mod context;
pub mod dates;
pub mod exchange;
pub mod framework;
pub mod json_issue;
pub mod level;
pub mod localised;
pub mod plan;
pub mod problems;
pub mod programme;
pub mod register;
pub mod resources;
pub mod results;
pub mod roadmap;
pub mod saved;
pub mod scoring;
pub mod share;
pub mod snippet;
pub mod team;
pub mod xml;

pub use assessment::{Answer, Assessment, AssessmentKind, PlanStep, Rating, Status};
pub use benchmark::{Benchmark, BenchmarkFile, BenchmarkKind, Figure};
pub use framework::{Audience, Framework, Question, Theme};
pub use level::Level;
pub use localised::Localised;
pub use problems::{Issue, Problem, Problems};
