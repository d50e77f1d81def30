//! The merge's last check, independent of how it merged: every record and every comment
//! that should be in the merged file is. A record both sides kept, or one side added,
//! must be there (in either side's version of a dispute); a comment must be there as
//! often as both sides kept it plus each time a side added it. A record or comment one
//! side deleted may go. What fails this is refused, and git's line merge takes over.

use std::collections::{HashMap, HashSet};

use super::outcome::{MergeError, settle};
use super::version::{Version, list_names};
use crate::ledger::{FileKind, Side};

/// Refuses a merged `text` that lost a record or a comment of `base`, `ours` or `theirs`.
pub(super) fn nothing_lost(
    kind: FileKind,
    [base, ours, theirs]: [&Version; 3],
    text: &str,
    disputed: bool,
) -> Result<(), MergeError> {
    // With disputes, the merged file holds each side's version of them: a record is kept
    // when either settled text has it, and a comment counts once per copy in the text.
    let settled: Vec<String> = if disputed {
        [Side::Ours, Side::Theirs, Side::Base]
            .map(|side| settle(text, side))
            .into()
    } else {
        vec![text.to_string()]
    };
    let merged: Vec<Version> = settled
        .iter()
        .map(|text| Version::outlined(text).ok_or(MergeError::NotVerified))
        .collect::<Result<_, _>>()?;
    let (sides, both_settled) = merged.split_at(merged.len().min(2));
    records_kept(kind, [base, ours, theirs], sides)?;

    let counts = |version: &Version| -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for range in &version.outline.comments {
            *counts
                .entry(comment_text(&version.text[range.clone()]))
                .or_default() += 1;
        }
        counts
    };
    let [b, o, t] = [base, ours, theirs].map(counts);
    let mut have: HashMap<String, usize> = HashMap::new();
    for side in sides {
        for (comment, n) in counts(side) {
            *have.entry(comment).or_default() += n;
        }
    }
    // Comments outside the disputes are in both settled texts: counted once.
    for (comment, n) in both_settled.iter().flat_map(counts) {
        let entry = have.entry(comment).or_default();
        *entry = entry.saturating_sub(n);
    }
    let count =
        |counts: &HashMap<String, usize>, comment: &str| counts.get(comment).copied().unwrap_or(0);
    for comment in o.keys().chain(t.keys()) {
        let [nb, no, nt] = [&b, &o, &t].map(|counts| count(counts, comment));
        let needed = nb.min(no).min(nt) + no.saturating_sub(nb) + nt.saturating_sub(nb);
        if count(&have, comment) < needed {
            return Err(MergeError::WouldLose(format!("the comment `{comment}`")));
        }
    }
    Ok(())
}

/// Every record that both sides kept, or that one side added, is in one of `merged`.
fn records_kept(
    kind: FileKind,
    [base, ours, theirs]: [&Version; 3],
    merged: &[Version],
) -> Result<(), MergeError> {
    for &list in list_names(kind) {
        let keys = |version: &Version| -> HashSet<String> {
            version
                .records(kind, list)
                .0
                .into_iter()
                .map(|record| record.key)
                .collect()
        };
        let [b, o, t] = [base, ours, theirs].map(keys);
        let kept: HashSet<String> = merged.iter().flat_map(keys).collect();
        let deleted = |key: &String| b.contains(key) && !(o.contains(key) && t.contains(key));
        if let Some(lost) = o
            .union(&t)
            .find(|key| !deleted(key) && !kept.contains(*key))
        {
            return Err(MergeError::WouldLose(format!("the record '{lost}'")));
        }
    }
    Ok(())
}

/// A comment's text with each line trimmed: a comment re-indented is the same comment.
fn comment_text(comment: &str) -> String {
    comment
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}
