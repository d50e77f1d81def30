//! `fmt`: bringing a file into the canonical form of [`super::write`] without losing
//! anything. Comments before the top-level value are kept; a comment anywhere else would
//! be dropped by re-serializing, so such a file is left alone and the reason given.

use std::path::Path;

use super::canonical::{
    body_comment, header, people_document, phrases_document, scenario_document,
};
use super::model::{People, Scenario};
use super::parse::{self, Document, Parsed};
use super::problem::Position;
use super::transaction::{EditError, Endings, transact};
use super::{Ledger, PEOPLE_FILE, PHRASES_FILE};
use crate::estimative::PhraseFile;

/// What a `.ron` file in a scenarios folder holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    People,
    Phrases,
}

/// The kind of a file in `dir`, by its name and place (as the loader reads it).
pub fn file_kind(dir: &Path, path: &Path) -> FileKind {
    let at_top = path.parent() == Some(dir);
    match path.file_name().and_then(|name| name.to_str()) {
        Some(PEOPLE_FILE) if at_top => FileKind::People,
        Some(PHRASES_FILE) if at_top => FileKind::Phrases,
        _ => FileKind::Scenario,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Formatted {
    /// Already canonical: nothing to write.
    Canonical,
    /// The canonical text, which differs from the file.
    Changed(String),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatRefusal {
    #[error("has errors (run `hindsight check`); a file with errors is never rewritten")]
    HasErrors,
    #[error(
        "has a comment at line {}, column {} that formatting would drop; keep comments above the top-level `(…)` or in a text field",
        .0.line, .0.column
    )]
    CommentInBody(Position),
}

/// The canonical form of a file's text, or why it cannot be formatted safely.
pub fn canonical_text(kind: FileKind, path: &Path, text: &str) -> Result<Formatted, FormatRefusal> {
    let canonical = match kind {
        FileKind::Scenario => render::<Scenario>(path, text, scenario_document)?,
        FileKind::People => render::<People>(path, text, people_document)?,
        FileKind::Phrases => render::<PhraseFile>(path, text, phrases_document)?,
    };
    Ok(if canonical == text {
        Formatted::Canonical
    } else {
        Formatted::Changed(canonical)
    })
}

fn render<T: Document>(
    path: &Path,
    text: &str,
    document: impl Fn(&str, &T) -> String,
) -> Result<String, FormatRefusal> {
    let parsed: Parsed<T> = parse::parse(path, text).map_err(|_| FormatRefusal::HasErrors)?;
    if let Some(comment) = body_comment(&parsed.outline) {
        return Err(FormatRefusal::CommentInBody(
            parsed.position(text, comment.start),
        ));
    }
    Ok(document(header(text, &parsed.outline), &parsed.value))
}

/// Rewrites one of `ledger`'s files in canonical form, through the write door like every
/// other change (locked, re-read, validated, atomic). Returns whether anything changed.
pub fn format_file(ledger: &Ledger, path: &Path) -> Result<bool, EditError> {
    let kind = file_kind(&ledger.dir, path);
    transact(
        ledger,
        path,
        Endings::Canonical,
        |text| match canonical_text(kind, path, text) {
            Ok(Formatted::Canonical) => Ok((None, false)),
            Ok(Formatted::Changed(canonical)) => Ok((Some(canonical), true)),
            Err(refusal) => Err(EditError::Unformattable {
                path: path.to_path_buf(),
                refusal,
            }),
        },
    )
}
