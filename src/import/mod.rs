//! Bringing a track record in from another platform: Fatebook's CSV export, PredictionBook's
//! CSV or JSON, a Metaculus download (its zip or the folder of its CSVs), or a spreadsheet
//! whose columns the user names. Each reader makes a [`Track`] of the platform's questions
//! and forecasts as they are; `plan` maps it onto the ledger (a question per platform
//! question, a forecast per forecast, a person per new forecaster, stable ids so that a
//! second import adds nothing), and the write door writes it.

mod apply;
mod csv_table;
mod describe;
pub mod fatebook;
pub mod metaculus;
pub mod plan;
pub mod predictionbook;
mod source;
pub mod spreadsheet;
mod to_fatebook;
pub mod track;

pub use track::Track;

pub use apply::apply;
pub use describe::describe;
pub use plan::{ImportOptions, Plan, plan};
pub use source::{From, read_track};
pub use spreadsheet::Columns;
pub use to_fatebook::fatebook_rows;
