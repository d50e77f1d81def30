//! Undo: every write the app makes is recorded with what it takes to write it back. An undo
//! is itself a one-block write, refused like any other if the block changed on disk since.

use crate::ledger::{Door, QuestionOver};
use std::path::PathBuf;

use crate::ledger::Change;
use crate::ledger::{EditError, Forecast, Ledger, Outcome};

#[derive(Clone, Debug, PartialEq)]
pub enum UndoStep {
    /// A verdict was recorded or withdrawn: put the previous outcome back.
    Outcome {
        path: PathBuf,
        id: String,
        previous: Outcome,
        fingerprint: u64,
    },
    /// A question was resolved or reopened: put its previous outcome back, if the outcome
    /// written is still the one on disk.
    QuestionOutcome {
        path: PathBuf,
        id: String,
        previous: Outcome,
        written: Outcome,
    },
    /// A forecast was edited: put the previous version back.
    Edit {
        path: PathBuf,
        previous: Box<Forecast>,
        fingerprint: u64,
    },
    /// A forecast was added: remove it.
    Insert {
        path: PathBuf,
        id: String,
        fingerprint: u64,
    },
    /// A forecast was deleted: put it back where it was.
    Delete {
        path: PathBuf,
        forecast: Box<Forecast>,
        index: usize,
    },
}

impl UndoStep {
    /// What undoing this step does, for the status line.
    pub fn describe(&self) -> String {
        match self {
            UndoStep::Outcome { id, previous, .. } => match previous.verdict() {
                Some(verdict) => format!("restored the verdict '{verdict}' on {id}"),
                None => format!("reopened {id}"),
            },
            UndoStep::QuestionOutcome { id, previous, .. } => match previous.verdict() {
                Some(verdict) => format!("restored the verdict '{verdict}' on question {id}"),
                None => format!("reopened question {id}"),
            },
            UndoStep::Edit { previous, .. } => {
                format!("restored the previous version of {}", previous.id)
            }
            UndoStep::Insert { id, .. } => format!("removed the new forecast {id}"),
            UndoStep::Delete { forecast, .. } => {
                format!("restored the deleted forecast {}", forecast.id)
            }
        }
    }

    /// Writes the step back: the forecast's block as it was before (or no block, or the
    /// block back in its place).
    pub fn write_back(&self, ledger: &Ledger) -> Result<(), EditError> {
        match self {
            UndoStep::Outcome {
                path,
                id,
                previous,
                fingerprint,
            } => Door::of(ledger, path)
                .edit_forecast(
                    id,
                    Some(*fingerprint), // Putting the previous verdict back over the one recorded is the point.
                    &Change::ReplaceOutcome(previous.clone()),
                )
                .map(drop),
            UndoStep::QuestionOutcome {
                path,
                id,
                previous,
                written,
            } => Door::of(ledger, path)
                .edit_question(id, previous, QuestionOver::Exactly(written))
                .map(drop),
            UndoStep::Edit {
                path,
                previous,
                fingerprint,
            } => Door::of(ledger, path)
                .edit_forecast(
                    &previous.id,
                    Some(*fingerprint),
                    &Change::Replace(previous.clone()),
                )
                .map(drop),
            UndoStep::Insert {
                path,
                id,
                fingerprint,
            } => Door::of(ledger, path)
                .delete_forecast(id, Some(*fingerprint))
                .map(drop),
            UndoStep::Delete {
                path,
                forecast,
                index,
            } => Door::of(ledger, path)
                .insert_forecast(forecast, Some(*index))
                .map(drop),
        }
    }
}
