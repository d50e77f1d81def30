//! Adding and removing whole records: a forecast or source appended to a scenario file, a
//! forecast deleted, a new scenario file, a new person in `people.ron`. Like every write,
//! these touch only the lines of the record concerned, are atomic, and never write to a
//! file that does not parse.

use std::path::{Path, PathBuf};

use super::edit::EditError;
use super::{Forecast, Person, Scenario, Source};

/// A forecast added to a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Inserted {
    pub path: PathBuf,
    pub forecast: Forecast,
    /// The fingerprint of the new block (see [`super::Entry::fingerprint`]).
    pub fingerprint: u64,
}

/// A forecast removed from a file, with what it takes to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub path: PathBuf,
    pub forecast: Forecast,
    /// Its position in the file's forecast list.
    pub index: usize,
}

/// Adds `forecast` to the scenario file at `path`: at the end of its forecasts, or before
/// the forecast now at `at` (for undoing a delete). Refuses an id already in the file.
pub fn insert_forecast(
    path: &Path,
    forecast: &Forecast,
    at: Option<usize>,
) -> Result<Inserted, EditError> {
    let _ = (path, forecast, at);
    todo!()
}

/// Removes forecast `id` and its block (with the blank line that separated it), refusing
/// with [`EditError::Conflict`] if the block changed since it was read (`expected`).
pub fn delete_forecast(path: &Path, id: &str, expected: Option<u64>) -> Result<Deleted, EditError> {
    let _ = (path, id, expected);
    todo!()
}

/// Adds a source at the end of the scenario file's sources.
pub fn insert_source(path: &Path, source: &Source) -> Result<(), EditError> {
    let _ = (path, source);
    todo!()
}

/// Adds a person at the end of `people.ron` (created, canonical, if the folder has none).
pub fn insert_person(people_path: &Path, person: &Person) -> Result<(), EditError> {
    let _ = (people_path, person);
    todo!()
}

/// Writes a new scenario file `<dir>/<id>.ron` in canonical form; refuses if it exists.
pub fn create_scenario(dir: &Path, scenario: &Scenario) -> Result<PathBuf, EditError> {
    let _ = (dir, scenario);
    todo!()
}
