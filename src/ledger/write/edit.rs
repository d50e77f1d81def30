//! Edits to one forecast's block: a verdict recorded, changed or withdrawn, or the whole
//! forecast replaced. The edit is refused if somebody changed that block since it was read
//! (as Fava does for beancount files); it goes through the [`Door`] like every write. A verdict is never replaced by accident: recording one where another stands is
//! refused unless the change says it replaces it.
//!
//! Every other byte of the file is kept as it was, so an edit is a small diff that merges
//! cleanly with other people's edits to other forecasts.

use std::path::{Path, PathBuf};

use super::canonical::{forecast_block, outcome_value};
use super::door::{Door, EditError, Rewrite};
use super::splice::{Splice, apply as splice, indent, indentation_depth};
use crate::ledger::model::{
    Forecast, Outcome, Question, Resolution, Scenario, fingerprint, id_change_problem,
};
use crate::ledger::read::locate::{find_forecast, find_in, list_items};
use crate::ledger::read::parse::Parsed;
use crate::ledger::read::syntax::{LineIndex, Node, Outline};

/// What to change in a forecast.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Resolve or reopen it: only its `outcome` field is rewritten. A verdict where another
    /// is recorded (another verdict, or the same one with other evidence, date, judge or
    /// link) is refused with [`EditError::AlreadyResolved`]; the same one again changes
    /// nothing. Reopening is allowed: withdrawing a verdict is what it is for.
    SetOutcome(Outcome),
    /// Set the outcome whatever verdict it replaces: a deliberate change of verdict
    /// (`resolve --force`, the app once the user confirmed, an undo).
    ReplaceOutcome(Outcome),
    /// Replace the whole block (editing a forecast); the id may not change.
    Replace(Box<Forecast>),
}

/// The result of a successful edit, with what an undo needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    /// The forecast as it was before the edit.
    pub before: Forecast,
    /// The forecast as written.
    pub after: Forecast,
    /// The fingerprint of the block as written (see [`Entry::fingerprint`](crate::ledger::Entry::fingerprint)).
    pub fingerprint: u64,
    /// False when the change was already in place and nothing was written.
    pub changed: bool,
}

impl Door<'_> {
    /// Applies `change` to forecast `id` in this scenario file.
    ///
    /// `expected` is the block's fingerprint when the caller read it: if the block on disk
    /// no longer matches, the edit is refused with [`EditError::Conflict`]. Changes
    /// elsewhere in the file (another forecast, a pulled commit) are fine: the file is
    /// re-read and the change applied to what is on disk now.
    pub fn edit_forecast(
        &self,
        id: &str,
        expected: Option<u64>,
        change: &Change,
    ) -> Result<Written, EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<Scenario>| {
            let (index, node) = locate_forecast(path, &parsed.outline.root, text, id, expected)?;
            let Some(before) = parsed.value.forecasts.get(index).cloned() else {
                return Err(EditError::NotVerified(path.to_path_buf()));
            };
            let (after, new_text) = apply(
                path,
                text,
                &parsed.outline,
                &parsed.lines,
                node,
                &before,
                change,
            )?;
            if new_text == text {
                return Ok(Rewrite::Unchanged(Written {
                    path: path.to_path_buf(),
                    fingerprint: fingerprint(&text[node.span.clone()]),
                    before,
                    after,
                    changed: false,
                }));
            }
            let mut intended = parsed.value.clone();
            intended.forecasts[index] = after.clone();
            let line = parsed.lines.position(text, node.span.start).line;
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: move |reparsed: &Parsed<Scenario>, new_text: &str| {
                    // Checked against the file as it is now, under the lock (a verdict
                    // somebody else recorded since the caller read the folder is not
                    // replaced either), and once the new text is known to read back:
                    // nobody is asked to confirm one that would be refused anyway.
                    if let Change::SetOutcome(proposed) = change {
                        refuse_second_verdict(path, line, id, &before.outcome, proposed)?;
                    }
                    let block = &list_items(&reparsed.outline.root, "forecasts")[index];
                    Ok(Written {
                        path: path.to_path_buf(),
                        fingerprint: fingerprint(&new_text[block.span.clone()]),
                        before,
                        after,
                        changed: true,
                    })
                },
            })
        })
    }
}

/// The new forecast and the new file text.
fn apply(
    path: &Path,
    text: &str,
    outline: &Outline,
    lines: &LineIndex,
    node: &Node,
    before: &Forecast,
    change: &Change,
) -> Result<(Forecast, String), EditError> {
    match change {
        Change::SetOutcome(outcome) | Change::ReplaceOutcome(outcome) => {
            let after = Forecast {
                outcome: outcome.clone(),
                ..before.clone()
            };
            Ok((after, with_outcome(text, outline, lines, node, outcome)))
        }
        Change::Replace(forecast) => {
            if id_change_problem(&before.id, &forecast.id).is_some() {
                return Err(EditError::IdChanged {
                    path: path.to_path_buf(),
                    from: before.id.clone(),
                    to: forecast.id.clone(),
                });
            }
            if outline.has_comments_in(&node.span) {
                return Err(EditError::CommentsInBlock {
                    path: path.to_path_buf(),
                    id: before.id.clone(),
                });
            }
            let depth = indentation_depth(text, lines, node.span.start);
            let replacement = forecast_block(forecast, depth);
            Ok((
                (**forecast).clone(),
                splice(text, vec![Splice::new(node.span.clone(), replacement)]),
            ))
        }
    }
}

/// `text` with the `outcome:` field of the record `node` set to `outcome`. Comments inside
/// the old outcome ("// judged on the second report") would go with it: they move to the
/// lines above `outcome:`, where they still read.
fn with_outcome(
    text: &str,
    outline: &Outline,
    lines: &LineIndex,
    node: &Node,
    outcome: &Outcome,
) -> String {
    let field = node
        .field("outcome")
        .expect("a parsed record with an outcome has an outcome field");
    let depth = indentation_depth(text, lines, field.name_span.start);
    let span = field.name_span.start..field.value.span.end;
    let kept: String = outline
        .comments
        .iter()
        .filter(|comment| comment.start >= span.start && comment.end <= span.end)
        .map(|comment| format!("{}\n{}", text[comment.clone()].trim_end(), indent(depth)))
        .collect();
    let replacement = format!("{kept}outcome: {}", outcome_value(outcome, depth));
    splice(text, vec![Splice::new(span, replacement)])
}

/// Refuses a verdict where another stands (another verdict, or the same one with another
/// date, judge, evidence or link): a forecast's or a question's, the same rule for both.
fn refuse_second_verdict(
    path: &Path,
    line: usize,
    id: &str,
    current: &Outcome,
    proposed: &Outcome,
) -> Result<(), EditError> {
    match (current, proposed) {
        (Outcome::Resolved(current), Outcome::Resolved(proposed)) if current != proposed => {
            Err(EditError::AlreadyResolved {
                path: path.to_path_buf(),
                line,
                id: id.to_string(),
                current: Box::new(current.clone()),
                proposed: Box::new(proposed.clone()),
            })
        }
        _ => Ok(()),
    }
}

/// The result of resolving or reopening a question.
/// What may stand on a question when its outcome is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuestionOver<'a> {
    /// No verdict, or this same one: a second verdict must be asked for.
    NoOtherVerdict,
    /// Anything: the verdict is replaced (`resolve --force`, `reopen`).
    Anything,
    /// Exactly this outcome, as the caller last wrote it (an undo): anything else means
    /// someone changed the question since, and nothing is written.
    Exactly(&'a Outcome),
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionWritten {
    pub path: PathBuf,
    pub before: Question,
    pub after: Question,
    /// False when the change was already in place and nothing was written.
    pub changed: bool,
}

impl Door<'_> {
    /// Resolves or reopens question `id` of this scenario file: only its `outcome` field
    /// is rewritten, and with it every forecast on the question is judged. As for a
    /// forecast, a verdict where another stands is refused unless `over` says otherwise.
    pub fn edit_question(
        &self,
        id: &str,
        outcome: &Outcome,
        over: QuestionOver,
    ) -> Result<QuestionWritten, EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<Scenario>| {
            let (index, node) =
                find_in(&parsed.outline.root, "questions", text, id).ok_or_else(|| {
                    EditError::NotFound {
                        path: path.to_path_buf(),
                        id: id.to_string(),
                    }
                })?;
            let Some(before) = parsed.value.questions.get(index).cloned() else {
                return Err(EditError::NotVerified(path.to_path_buf()));
            };
            if let QuestionOver::Exactly(expected) = over
                && before.outcome != *expected
            {
                return Err(EditError::Conflict {
                    path: path.to_path_buf(),
                    id: id.to_string(),
                });
            }
            let after = Question {
                outcome: outcome.clone(),
                ..before.clone()
            };
            let new_text = with_outcome(text, &parsed.outline, &parsed.lines, node, outcome);
            if new_text == text {
                return Ok(Rewrite::Unchanged(QuestionWritten {
                    path: path.to_path_buf(),
                    before,
                    after,
                    changed: false,
                }));
            }
            let mut intended = parsed.value.clone();
            intended.questions[index] = after.clone();
            let line = parsed.lines.position(text, node.span.start).line;
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: move |_reparsed: &Parsed<Scenario>, _new_text: &str| {
                    if over == QuestionOver::NoOtherVerdict {
                        refuse_second_verdict(path, line, id, &before.outcome, outcome)?;
                    }
                    Ok(QuestionWritten {
                        path: path.to_path_buf(),
                        before,
                        after,
                        changed: true,
                    })
                },
            })
        })
    }
}

/// A verdict as named facets (verdict, date, judge, evidence, link; an empty text for one
/// not recorded), in that order: how a verdict about to be replaced is shown beside its
/// replacement, by the command line and the app alike.
pub fn verdict_facets(resolution: &Resolution) -> [(&'static str, String); 5] {
    let optional = |value: &Option<String>| value.clone().unwrap_or_default();
    [
        ("verdict", resolution.verdict.to_string()),
        ("date", resolution.on.to_string()),
        ("judge", optional(&resolution.judge)),
        ("evidence", optional(&resolution.evidence)),
        ("link", optional(&resolution.link)),
    ]
}

/// Forecast `id`'s block, refusing with [`EditError::Conflict`] if it is no longer the block
/// the caller read (`expected` is that block's fingerprint).
pub(crate) fn locate_forecast<'a>(
    path: &Path,
    root: &'a Node,
    text: &str,
    id: &str,
    expected: Option<u64>,
) -> Result<(usize, &'a Node), EditError> {
    let (index, node) = find_forecast(root, text, id).ok_or_else(|| EditError::NotFound {
        path: path.to_path_buf(),
        id: id.to_string(),
    })?;
    if expected.is_some_and(|expected| expected != fingerprint(&text[node.span.clone()])) {
        return Err(EditError::Conflict {
            path: path.to_path_buf(),
            id: id.to_string(),
        });
    }
    Ok((index, node))
}
