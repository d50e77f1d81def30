//! What a merge gives: the merged text with the records left in dispute, or why the file
//! cannot be merged by record; and keeping one side of every dispute in a merged text.

use crate::ledger::{OURS_MARKER, SEPARATOR, Side, THEIRS_MARKER};

/// The merged text, and the records left in dispute (marked in the text).
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub text: String,
    pub disputes: Vec<Dispute>,
}

/// A record both sides changed in the same field, or one deleted and the other changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dispute {
    /// The list it is in (`forecasts`, `people`…), or `None` for a field of the file.
    pub list: Option<String>,
    /// Its id (a phrase's text; the field's name for a field of the file).
    pub key: String,
    /// The fields changed two ways; empty when one side deleted the record (or the
    /// field of the file).
    pub fields: Vec<String>,
}

/// Why a file cannot be merged by record; the caller uses git's line merge instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("the {0} version does not parse")]
    DoesNotParse(Side),
    /// A field one side adds, removes or disputes shares its line with another field (a
    /// file not in the canonical one-field-a-line layout), so it has no lines to change.
    #[error("a field of the file that the sides disagree on shares its line with another")]
    ShapeChanged,
    #[error("the merged text did not read back as every record of both sides")]
    NotVerified,
    /// One id twice in one version (a copy-pasted block): which record is which cannot be
    /// told, and pairing either could lose the other.
    #[error("the {0} version has more than one record with the id '{1}'")]
    IdReused(Side, String),
    /// The merge would lose a record or a comment that a side kept or added.
    #[error("the merge would lose {0}")]
    WouldLose(String),
}

/// The text with every dispute settled for one side (`Ours` or `Theirs`); for `Base`,
/// with neither side's version: the text outside the disputes.
pub fn settle(text: &str, side: Side) -> String {
    let mut out = String::with_capacity(text.len());
    let mut state = None;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match (bare, state) {
            (OURS_MARKER, None) => state = Some(Side::Ours),
            (SEPARATOR, Some(Side::Ours)) => state = Some(Side::Theirs),
            (THEIRS_MARKER, Some(Side::Theirs)) => state = None,
            (_, None) => out.push_str(line),
            (_, Some(current)) if current == side => out.push_str(line),
            _ => {}
        }
    }
    out
}
