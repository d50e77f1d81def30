//! `fmt`: rewriting a file in its canonical form ([`super::canonical::canonical_text`]),
//! through the write door, without losing anything.

use std::path::Path;

use super::canonical::{Formatted, canonical_text};
use super::door::{EditError, Endings, transact};
use crate::ledger::model::{Ledger, file_kind};

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
