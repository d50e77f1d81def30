//! What a check of a scenario file knows: the folder's registry state (`Context`), which
//! decides what an unknown name means, and the file being read (`FileChecker`), which
//! turns a field of the outline into the position a problem names.

use std::path::Path;

use chrono::NaiveDate;

use super::super::syntax::{LineIndex, Node};
use crate::estimative::PhraseTable;
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{PeopleFile, Person, people::PersonIndex};

/// The state of the folder's people registry, which decides what an unknown name means.
pub(crate) struct Context<'a> {
    pub people: &'a [Person],
    pub person_index: &'a PersonIndex,
    pub people_file: PeopleFile,
    pub phrases: &'a PhraseTable,
    pub project_root: &'a Path,
    /// What "in the future" means for a date in a file: after the real date, or after the
    /// day the ledger is read as of when that is later ([`future_after`]).
    pub future_after: NaiveDate,
}

/// The last day a date in a file may be without being in the future: the real date, or
/// `as_of` when someone reads the ledger as of a later day. A ledger read as of a day in
/// the past (`--today 2022-06-01`) holds verdicts given since, which are facts, not typos.
pub(crate) fn future_after(as_of: NaiveDate) -> NaiveDate {
    as_of.max(chrono::Local::now().date_naive())
}

/// One scenario file under check, handed to the per-record checks (`forecasts`, `sources`)
/// so that each problem is placed at the field it is about.
pub(super) struct FileChecker<'a> {
    pub(super) context: &'a Context<'a>,
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
    pub(super) lines: &'a LineIndex,
}

impl FileChecker<'_> {
    pub(super) fn at(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }

    /// Where a field's value starts, or the struct itself when the field is absent.
    pub(super) fn field_at(&self, node: &Node, field: &str) -> Position {
        self.at(node
            .field(field)
            .map_or(node.span.start, |f| f.value.span.start))
    }

    pub(super) fn error(&self, at: Position, message: impl Into<String>) -> Problem {
        Problem::error(self.path, at, message)
    }

    pub(super) fn warning(&self, at: Position, message: impl Into<String>) -> Problem {
        Problem::warning(self.path, at, message)
    }
}
