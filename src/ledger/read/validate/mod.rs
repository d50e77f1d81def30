//! Checking what parsed files mean: names and sources resolve, ids are unique, dates are
//! possible, probabilities are in range, every phrase is known, text holds nothing that
//! could drive a terminal and links are web addresses. Each check reports at the field it
//! is about; nothing here stops at the first problem.
//!
//! A scenario file is checked alone (`scenario_files::file_alone`, in parallel as files
//! are parsed), then against the others (`across_files`); each record's rules live in
//! their own module (`forecasts`, `sources`, `people`, `phrases`), with the rules the forms
//! share (`ids`, `confidence`, `seeds`). `one_file` holds a write to the same rules.

mod checker;
mod confidence;
mod forecasts;
mod ids;
mod one_file;
mod people;
mod phrases;
mod questions;
mod scenario_files;
mod seeds;
mod sources;

pub(crate) use super::text_rules::{link_problem, text_problem};
pub(crate) use checker::{Context, future_after};
pub(crate) use confidence::{
    Confidence, ConfidenceProblem, effective_probability, unused_baseline,
};
pub(crate) use forecasts::{resolution_problem, resolve_by_problem};
pub(crate) use ids::{duplicate_forecast_id, duplicate_source_id, id_problem, unknown_source};
pub(crate) use one_file::file_problems;
pub(crate) use people::{Spellings, all_names, near_duplicate_names, people_file, unknown_person};
pub(crate) use phrases::phrase_file;
pub(crate) use scenario_files::{FileFacts, TakenIds, across_files, file_alone};
pub(crate) use seeds::{SeedProblem, resolve_seed};
