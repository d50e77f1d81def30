//! `fmt`: rewriting a file in its canonical form ([`super::canonical::canonical_text`]),
//! through the write door, without losing anything.

use super::canonical::{Formatted, canonical_text};
use super::door::{Door, EditError, Endings, Rules};
use crate::ledger::model::file_kind;

impl Door<'_> {
    /// Rewrites this file in canonical form, through the cycle like every other change
    /// (locked, re-read, validated, atomic), with `\n` line endings. Returns whether
    /// anything changed.
    pub fn reformat(&self) -> Result<bool, EditError> {
        let path = self.path();
        let kind = file_kind(&self.ledger().dir, path);
        self.change(
            Endings::Canonical,
            Rules::Check,
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
}
