//! The bottom of the ledger: what its files hold (scenarios, sources, forecasts, outcomes,
//! people), the ledger as loaded, the problems found in it, the limits every folder is held
//! to, and which file is which. Reading builds these; writing and every consumer use them.
//! Nothing here reads or writes a file.

pub mod call;
mod dispute;
mod files;
pub mod limits;
mod loaded;
pub mod people;
pub mod problem;
mod records;

pub use call::{Call, lean};
pub use dispute::{DisputedRecord, OURS_MARKER, SEPARATOR, Side, THEIRS_MARKER};
pub use files::{
    FileKind, LineEndings, PEOPLE_FILE, PHRASES_FILE, content_hash, file_kind, fingerprint,
    id_change_problem, scenario_id_problem,
};
pub use limits::*;
pub(crate) use loaded::PeopleFile;
pub use loaded::{
    EffectiveProbability, Entry, ForecastView, Judged, Ledger, ProbabilityOrigin, QuestionView,
    ScenarioFile,
};
pub use problem::{Position, Problem, Severity};
pub use records::*;
