//! The three-way merge of one ledger file by record id: the core of `hindsight
//! merge-driver` (issue #9).
//!
//! Records (sources, forecasts, people, phrases) are matched by id (a phrase by its text),
//! not by line, so two people adding forecasts at the end of one file both land, and one
//! editing a claim while the other records the verdict both land. Only the same field
//! changed two ways, a record deleted on one side and changed on the other, or one id
//! added two ways, is a *dispute*: conflict markers around that one record, each side
//! complete (with its comments) so that either can be kept, and the rest of the file
//! merged. Unchanged and one-sided records keep their bytes; a record merged field by
//! field is written with the fields of both. Comments merge like values: the lines above a
//! record, above or after a field, at the end of a list or of the file, each side's
//! additions kept. The file's own fields (title, summary, tags) merge the same way, a
//! field or list present on some sides only included: absent is one more value. Whatever
//! this cannot merge safely it refuses ([`MergeError`]): a version holding one id twice,
//! and any merge that would lose a record or a comment ([`kept`]); the caller then falls
//! back to git's line merge.

use crate::ledger::write::splice::{INDENT, indentation_depth};
use crate::ledger::{FileKind, Side};
use edits::Edits;
use lists::{Pick, merge_lines, merge_list, pick, render_list, union_names};
pub use outcome::{Dispute, MergeError, Merged, settle};
use version::{Version, list_names, parsed_outline};

mod edits;
mod kept;
mod lists;
mod outcome;
mod version;

/// Merges the three versions of one file of kind `kind`.
pub fn merge(kind: FileKind, base: &str, ours: &str, theirs: &str) -> Result<Merged, MergeError> {
    let [base, ours, theirs] = [
        (base, Side::Base),
        (ours, Side::Ours),
        (theirs, Side::Theirs),
    ]
    .map(|(text, side)| Version::read(kind, text, side));
    let (base, ours, theirs) = (base?, ours?, theirs?);
    let mut disputes = Vec::new();
    let mut edits = Edits::new(&ours);
    merge_outside_the_value([&base, &ours, &theirs], &mut edits);
    merge_file_fields(kind, [&base, &ours, &theirs], &mut edits, &mut disputes)?;

    // A list one side lacks is merged as if it were empty there.
    for &list in list_names(kind) {
        let mut merged = merge_list(kind, list, &base, &ours, &theirs)?;
        disputes.append(&mut merged.disputes);
        let empty = merged.items.is_empty() && merged.tail.is_empty();
        let removed = base.root().field(list).is_some() && theirs.root().field(list).is_none();
        match ours.root().field(list) {
            // Theirs removed the list, and nothing of ours' is left in it.
            Some(_) if empty && removed => edits.remove(list)?,
            Some(field) => {
                let depth = indentation_depth(ours.text, &ours.lines, field.name_span.start);
                edits.replace(field.value.span.clone(), render_list(&merged, depth));
            }
            None => {
                let added =
                    theirs.root().field(list).is_some() && base.root().field(list).is_none();
                if !empty || added {
                    let depth = edits.indentation().len() / INDENT.len();
                    edits.add_with_value(&theirs, list, &render_list(&merged, depth))?;
                }
            }
        }
    }

    let text = edits.finish();
    verify(kind, &text, &disputes)?;
    kept::nothing_lost(kind, [&base, &ours, &theirs], &text, !disputes.is_empty())?;
    Ok(Merged { text, disputes })
}

/// The text before the file's value (comments, attributes) and after it (comments), by
/// line: each side's changes kept.
fn merge_outside_the_value([base, ours, theirs]: [&Version; 3], edits: &mut Edits) {
    let head = |v: &Version<'_>| 0..v.root().span.start;
    let tail = |v: &Version<'_>| v.root().span.end..v.text.len();
    for part in [head, tail] {
        let [b, o, t] = [base, ours, theirs].map(|v| &v.text[part(v)]);
        if o == t || t == b {
            continue;
        }
        let [b, o, t] = [b, o, t].map(|text| text.split_inclusive('\n').collect::<Vec<_>>());
        let merged = merge_lines(&b, &o, &t).concat();
        edits.replace(part(ours), merged);
    }
}

/// The file's own fields (title, summary, tags…), one by one, absence being a value like
/// any other: a field added or removed on one side is added or removed, one added two ways
/// or removed on one side and changed on the other is a dispute marked around its lines.
fn merge_file_fields(
    kind: FileKind,
    [base, ours, theirs]: [&Version; 3],
    edits: &mut Edits,
    disputes: &mut Vec<Dispute>,
) -> Result<(), MergeError> {
    let lists = list_names(kind);
    let field_names = union_names(&[base, ours, theirs], |version| {
        version
            .root()
            .fields()
            .iter()
            .filter(|field| !lists.contains(&field.name.as_ref()))
            .map(|field| field.name.to_string())
            .collect()
    });
    // Ours' names come first, so every field of ours is settled before a field is put
    // after one of them.
    for name in &field_names {
        let [b, o, t] = [base, ours, theirs].map(|v| v.field_value(name));
        match pick(b, o, t) {
            Pick::Same(_) => {}
            Pick::Take(Some(value)) => match ours.root().field(name) {
                Some(field) => edits.replace(field.value.span.clone(), value.to_string()),
                None => edits.add(theirs, name)?,
            },
            Pick::Take(None) => edits.remove(name)?,
            Pick::Dispute => {
                edits.mark(name, theirs)?;
                let both_have_it = o.is_some() && t.is_some();
                disputes.push(Dispute {
                    list: None,
                    key: name.clone(),
                    fields: if both_have_it {
                        vec![name.clone()]
                    } else {
                        Vec::new()
                    },
                });
            }
        }
    }
    Ok(())
}

/// A clean merge must parse; a merge with disputes must parse whichever side each dispute
/// is settled for.
fn verify(kind: FileKind, text: &str, disputes: &[Dispute]) -> Result<(), MergeError> {
    let parses = |text: &str| parsed_outline(kind, text).is_some();
    let fine = if disputes.is_empty() {
        parses(text)
    } else {
        parses(&settle(text, Side::Ours)) && parses(&settle(text, Side::Theirs))
    };
    if fine {
        Ok(())
    } else {
        Err(MergeError::NotVerified)
    }
}
