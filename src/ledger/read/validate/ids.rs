//! The rules and messages for ids and the names that refer to records: ids typed on
//! command lines must hold no spaces and be unique, and an unknown source lists the ones
//! the file has. The forms use the same messages, so the app and `check` say one thing.

use std::path::Path;

use crate::ledger::model::{Source, problem::Position};

/// Why an id (of a forecast, person or source) cannot be used, if it cannot: ids are
/// typed on command lines and in filters, where spaces would split them.
pub(crate) fn id_problem(kind: &str, id: &str) -> Option<String> {
    (id.trim().is_empty() || id.contains(char::is_whitespace))
        .then(|| format!("{kind} id '{id}' must be non-empty and without spaces"))
}

pub(crate) fn duplicate_forecast_id(id: &str, path: &Path, at: Position) -> String {
    format!(
        "duplicate forecast id '{id}' (first at {}:{}:{}); ids must be unique across the folder",
        path.display(),
        at.line,
        at.column
    )
}

pub(crate) fn duplicate_source_id(id: &str) -> String {
    format!("duplicate source id '{id}' in this file")
}

/// How many known ids a message lists at most: a file of thousands of sources, each
/// cited wrongly, must not print millions of ids.
const LISTED_IDS: usize = 10;

pub(crate) fn unknown_source(source: &str, sources: &[Source]) -> String {
    let known: Vec<&str> = sources
        .iter()
        .take(LISTED_IDS)
        .map(|s| s.id.as_str())
        .collect();
    let more = match sources.len().saturating_sub(LISTED_IDS) {
        0 => String::new(),
        more => format!(" and {more} more"),
    };
    format!(
        "unknown source '{source}'; sources in this file: {}{more}",
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    )
}
