//! The one narrow door through which Hindsight changes a scenario file: an edit to one
//! forecast's block, written atomically, and only if nobody else changed that block since
//! it was read (as Fava does for beancount files).
//!
//! Every other byte of the file is kept as it was, so an edit is a small diff that merges
//! cleanly with other people's edits to other forecasts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::load::fingerprint;

use super::model::{Forecast, Outcome, Resolution, Scenario};
use super::rewrite::{list_items, locate_forecast, parse_file, rewrite, verify};
use super::syntax::{LineIndex, Node, Outline};
use super::write::{forecast_block, outcome_value};

/// What to change in a forecast.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Resolve or reopen it: only its `outcome` field is rewritten.
    SetOutcome(Outcome),
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
    /// The fingerprint of the block as written (see [`super::Entry::fingerprint`]).
    pub fingerprint: u64,
    /// False when the change was already in place and nothing was written.
    pub changed: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file has errors, and Hindsight never rewrites a file with errors; run `hindsight check` and fix them first", .0.display())]
    FileHasErrors(PathBuf),
    #[error("{}: no forecast with id '{id}'", .path.display())]
    NotFound { path: PathBuf, id: String },
    #[error("{}: forecast '{id}' was changed on disk since it was loaded; nothing was written (reload to see the change)", .path.display())]
    Conflict { path: PathBuf, id: String },
    #[error("{}: forecast '{id}' has comments inside its block, which rewriting it would lose; edit it in a text editor", .path.display())]
    CommentsInBlock { path: PathBuf, id: String },
    #[error("{}: a forecast's id cannot be changed by an edit ('{from}' to '{to}')", .path.display())]
    IdChanged {
        path: PathBuf,
        from: String,
        to: String,
    },
    #[error("{}: there is already a {what} with id '{id}' in this file; nothing was written", .path.display())]
    DuplicateId {
        path: PathBuf,
        what: &'static str,
        id: String,
    },
    #[error("{}: the file already exists; nothing was written", .0.display())]
    AlreadyExists(PathBuf),
    #[error("{}: {message}", .path.display())]
    InvalidId { path: PathBuf, message: String },
    #[error("{}: the file kept changing while Hindsight was writing to it; nothing was written (reload and try again)", .0.display())]
    ChangedWhileWriting(PathBuf),
    /// The new text did not read back as the intended records: a bug in the writer, caught
    /// before it could damage the file.
    #[error("{}: the change did not read back as intended, so nothing was written; please report this as a bug in Hindsight", .0.display())]
    NotVerified(PathBuf),
}

/// Why `resolution` cannot be recorded for `forecast`, if it cannot: a verdict dated before
/// the forecast was made, or after today, is a typo rather than a judgement.
pub fn check_resolution(
    forecast: &Forecast,
    resolution: &Resolution,
    today: NaiveDate,
) -> Result<(), String> {
    if resolution.on < forecast.made {
        return Err(format!(
            "the resolution date {} is before the forecast was made ({})",
            resolution.on, forecast.made
        ));
    }
    if resolution.on > today {
        return Err(format!(
            "the resolution date {} is in the future",
            resolution.on
        ));
    }
    Ok(())
}

/// Applies `change` to forecast `id` in the scenario file at `path`.
///
/// `expected` is the block's fingerprint when the caller read it: if the block on disk no
/// longer matches, the edit is refused with [`EditError::Conflict`]. Changes elsewhere in
/// the file (another forecast, a pulled commit) are fine: the file is re-read and the
/// change applied to what is on disk now.
pub fn edit_forecast(
    path: &Path,
    id: &str,
    expected: Option<u64>,
    change: &Change,
) -> Result<Written, EditError> {
    rewrite(path, |text| {
        let parsed = parse_file::<Scenario>(path, text)?;
        let (index, node) = locate_forecast(path, &parsed.outline, text, id, expected)?;
        let before = parsed.value.forecasts[index].clone();
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
            let unchanged = Written {
                path: path.to_path_buf(),
                fingerprint: fingerprint(&text[node.span.clone()]),
                before,
                after,
                changed: false,
            };
            return Ok((None, unchanged));
        }
        let mut intended = parsed.value.clone();
        intended.forecasts[index] = after.clone();
        let reparsed = verify(path, &new_text, &intended)?;
        let block = &list_items(&reparsed.outline, "forecasts")[index];
        let written = Written {
            path: path.to_path_buf(),
            fingerprint: fingerprint(&new_text[block.span.clone()]),
            before,
            after,
            changed: true,
        };
        Ok((Some(new_text), written))
    })
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
        Change::SetOutcome(outcome) => {
            let field = node
                .field("outcome")
                .expect("a parsed forecast has an outcome field");
            let depth = indentation_depth(text, lines, field.name_span.start);
            let replacement = format!("outcome: {}", outcome_value(outcome, depth));
            let span = field.name_span.start..field.value.span.end;
            let after = Forecast {
                outcome: outcome.clone(),
                ..before.clone()
            };
            Ok((after, splice(text, span, &replacement)))
        }
        Change::Replace(forecast) => {
            if forecast.id != before.id {
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
                splice(text, node.span.clone(), &replacement),
            ))
        }
    }
}

fn splice(text: &str, span: std::ops::Range<usize>, replacement: &str) -> String {
    let mut out = String::with_capacity(text.len() + replacement.len());
    out.push_str(&text[..span.start]);
    out.push_str(replacement);
    out.push_str(&text[span.end..]);
    out
}

/// How many four-space levels the line holding `offset` is indented, so a rewritten
/// block lines up with its neighbours even in a hand-indented file.
pub(super) fn indentation_depth(text: &str, lines: &LineIndex, offset: usize) -> usize {
    let start = lines.line_start(offset);
    let width = text[start..offset]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<usize>();
    width / 4
}
