//! Building blocks, one per file, in the manner of the GOV.UK Design System: every screen uses
//! these rather than its own copy, so each pattern (and its accessibility) is right in one place.

mod chart;
mod checkbox;
mod council_picker;
mod date_input;
mod error_summary;
mod file_drop;
mod heading;
pub mod lazy;
mod notice;
mod radios;
mod text_input;
mod words;

pub use chart::{ChartView, PRINT_SIZE};
pub use checkbox::Checkbox;
pub use council_picker::CouncilPicker;
pub use date_input::DateInput;
pub use error_summary::{ErrorMessage, ErrorSummary, FieldError};
pub use file_drop::FileDrop;
pub use heading::{Heading, HeadingBase, PageHeading};
pub use lazy::Lazy;
pub use notice::{Notice, Tone};
pub use radios::{RadioOption, Radios};
pub use text_input::TextInput;
pub use words::Words;
