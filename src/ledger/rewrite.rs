//! The read–change–write cycle every edit goes through: re-read the file, refuse it if it
//! does not parse, work out the new text, check it reads back as intended, and write it
//! atomically only if the file is still as it was read. Shared by one-block edits
//! ([`super::edit`]) and record inserts and deletes ([`super::insert`]).

use std::path::Path;

use super::edit::EditError;
use super::load::fingerprint;
use super::parse::{self, Document, Parsed};
use super::syntax::{Node, Outline};
use super::write::write_atomically;

/// How many times a write starts over when the file changes under it before giving up.
const ATTEMPTS: u32 = 3;

/// Reads the file, works out its new text with `change` (`None`: nothing to write), and
/// writes it only if the file is still as it was read; otherwise starts over, so that a
/// change made meanwhile (a git pull, an editor's save) is built upon, not overwritten.
pub(super) fn rewrite<T>(
    path: &Path,
    change: impl Fn(&str) -> Result<(Option<String>, T), EditError>,
) -> Result<T, EditError> {
    let io_error = |source| EditError::Io {
        path: path.to_path_buf(),
        source,
    };
    for _ in 0..ATTEMPTS {
        let original = std::fs::read(path).map_err(io_error)?;
        let text = parse::decode_utf8(path, &original)
            .map_err(|_| EditError::FileHasErrors(path.to_path_buf()))?;
        let (new_text, result) = change(text)?;
        // Nothing to change: leave the file (and its modification time) alone.
        let Some(new_text) = new_text else {
            return Ok(result);
        };
        if std::fs::read(path).map_err(io_error)? != original {
            continue;
        }
        write_atomically(path, new_text.as_bytes()).map_err(io_error)?;
        return Ok(result);
    }
    Err(EditError::ChangedWhileWriting(path.to_path_buf()))
}

pub(super) fn parse_file<T: Document>(path: &Path, text: &str) -> Result<Parsed<T>, EditError> {
    parse::parse(path, text).map_err(|_| EditError::FileHasErrors(path.to_path_buf()))
}

/// The new text must read back as exactly the intended records, or nothing is written.
pub(super) fn verify<T: Document + PartialEq>(
    path: &Path,
    new_text: &str,
    intended: &T,
) -> Result<Parsed<T>, EditError> {
    match parse::parse::<T>(path, new_text) {
        Ok(parsed) if parsed.value == *intended => Ok(parsed),
        _ => Err(EditError::NotVerified(path.to_path_buf())),
    }
}

pub(super) fn list_items<'a>(outline: &'a Outline, list: &str) -> &'a [Node] {
    outline
        .root
        .field(list)
        .map_or(&[], |field| field.value.items())
}

/// Finds the block of forecast `id`: its index in the list and its node.
pub(super) fn find_block<'a>(
    outline: &'a Outline,
    text: &str,
    id: &str,
) -> Option<(usize, &'a Node)> {
    let forecasts = outline.root.field("forecasts")?;
    forecasts
        .value
        .items()
        .iter()
        .enumerate()
        .find(|(_, item)| {
            item.field("id")
                .and_then(|field| field.value.string_value(text))
                .is_some_and(|found| found == id)
        })
}

/// Forecast `id`'s block, refusing with [`EditError::Conflict`] if it is no longer the block
/// the caller read (`expected` is that block's fingerprint).
pub(super) fn locate_forecast<'a>(
    path: &Path,
    outline: &'a Outline,
    text: &str,
    id: &str,
    expected: Option<u64>,
) -> Result<(usize, &'a Node), EditError> {
    let (index, node) = find_block(outline, text, id).ok_or_else(|| EditError::NotFound {
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
