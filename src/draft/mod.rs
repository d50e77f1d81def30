//! Forms: what a user typed to add or edit a forecast, source, scenario or person, checked
//! field by field before anything is written, so the app can show each problem next to
//! its field and save nothing invalid. The same rules as `check`, applied to one record.
//!
//! One module per form (`forecast`, `source`, `scenario`, `person`), the field rules they
//! share (`fields`), the live preview of a forecast's probability (`probability`) and the
//! ids suggested from what was typed (`suggest`).

mod fields;
mod forecast;
mod person;
mod probability;
mod scenario;
mod source;
mod suggest;

pub use fields::{FieldProblem, problem_as_typed};
pub use forecast::{ForecastDraft, Pending, check_forecast, check_forecast_with};
pub use person::{PersonDraft, check_person, people_matching};
pub use probability::preview_probability;
pub use scenario::{ScenarioDraft, check_scenario};
pub use source::{SourceDraft, check_source};
pub use suggest::{readable_id, suggest_forecast_id, suggest_person_id, suggest_source_id};
