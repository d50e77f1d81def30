//! Settling a dispute a merge left: keeping one side's version of a record, or a version the
//! user wrote, in place of the marked region, through the write door like every change.

use super::door::{Door, EditError, Endings, Rules};
use crate::ledger::model::Side;
use crate::ledger::read::dispute::{record_key, regions};

impl Door<'_> {
    /// Settles the dispute over record `id` (a phrase's text for a phrase) in this file by
    /// keeping `side`'s version (`Side::Ours` or `Side::Theirs`; a side that deleted
    /// it deletes it), through the write door like every change: the rest of the file, other
    /// disputes included, is kept, and the result must break no rule `check` applies but the
    /// disputes still left.
    pub fn keep_side(&self, id: &str, side: Side) -> Result<(), EditError> {
        self.settle(id, |ours, theirs| match side {
            Side::Theirs => theirs.to_string(),
            _ => ours.to_string(),
        })
    }

    /// Settles a disputed record with a version the user wrote (from either side, edited):
    /// `record` as shown in [`DisputedRecord`](crate::ledger::DisputedRecord) (no margin), put back at the record's
    /// indentation. It is checked like any write: a version that does not parse or breaks a
    /// rule is refused with where and why, and the file keeps its markers.
    pub fn settle_with(&self, id: &str, record: &str) -> Result<(), EditError> {
        self.settle(id, |ours, theirs| {
            let side = if ours.trim().is_empty() { theirs } else { ours };
            let first = side
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("");
            let margin = &first[..first.len() - first.trim_start().len()];
            let record = record.trim_end().trim_end_matches(',').trim_end();
            if record.trim().is_empty() {
                return String::new();
            }
            let mut text: String = record
                .lines()
                .map(|line| {
                    if line.trim().is_empty() {
                        "\n".to_string()
                    } else {
                        format!("{margin}{line}\n")
                    }
                })
                .collect();
            // The record ends with its comma, as in a list.
            text.insert(text.len() - 1, ',');
            text
        })
    }

    /// Replaces the marked region holding record `id` (with its markers) by what `choose`
    /// makes of its two versions, through the write door.
    fn settle(&self, id: &str, choose: impl Fn(&str, &str) -> String) -> Result<(), EditError> {
        let path = self.path();
        self.change(Endings::Keep, Rules::DisputesAside, |text| {
            let region = regions(text)
                .into_iter()
                .find(|region| {
                    record_key(&text[region.ours.clone()]).as_deref() == Some(id)
                        || record_key(&text[region.theirs.clone()]).as_deref() == Some(id)
                })
                .ok_or_else(|| EditError::NotFound {
                    path: path.to_path_buf(),
                    id: id.to_string(),
                })?;
            let kept = choose(&text[region.ours.clone()], &text[region.theirs.clone()]);
            let mut settled = String::with_capacity(text.len());
            settled.push_str(&text[..region.whole.start]);
            settled.push_str(&kept);
            settled.push_str(&text[region.whole.end..]);
            Ok((Some(settled), ()))
        })
    }
}
