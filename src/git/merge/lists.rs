//! Merging one list of records (sources, forecasts, people, phrases) three ways: each
//! record by its id, field by field, with its comments; and writing the merged list back.

use std::collections::{HashMap, HashSet};

use super::outcome::{Dispute, MergeError};
use super::version::{FieldText, Record, Version};
use crate::ledger::write::splice::indent;
use crate::ledger::{FileKind, OURS_MARKER, SEPARATOR, Side, THEIRS_MARKER};

/// What one list's merge puts in the file, in order.
pub(super) enum Item {
    Record(Commented),
    /// Each side's version; `None` for a side that deleted it.
    Dispute {
        ours: Option<Commented>,
        theirs: Option<Commented>,
    },
}

/// A record's text with the comments above it and after it on its line.
pub(super) struct Commented {
    pub(super) above: Vec<String>,
    pub(super) text: String,
    pub(super) after: Vec<String>,
}

impl Commented {
    pub(super) fn new(above: Vec<&str>, text: &str, after: Vec<&str>) -> Commented {
        let (mut above, mut after) = (to_strings(&above), to_strings(&after));
        // One line comment fits after a record; more go above it.
        if after.len() > 1 {
            above.extend(after.drain(1..));
        }
        Commented {
            above,
            text: text.to_string(),
            after,
        }
    }

    pub(super) fn of(record: &Record) -> Commented {
        Commented::new(record.comments.clone(), record.text, record.after.clone())
    }
}

/// Names in first-seen order across versions (ours first, so the file keeps its order).
pub(super) fn union_names<'v, V>(
    versions: &[&'v V],
    names: impl Fn(&'v V) -> Vec<String>,
) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut all = Vec::new();
    for version in [versions[1], versions[2], versions[0]] {
        for name in names(version) {
            if seen.insert(name.clone()) {
                all.push(name);
            }
        }
    }
    all
}

/// The three-way rule for one value (`None`: absent on that side).
pub(super) enum Pick<T> {
    /// Ours already holds the result.
    Same(Option<T>),
    /// Theirs changed it and ours did not: take theirs.
    Take(Option<T>),
    /// Both changed it, differently.
    Dispute,
}

pub(super) fn pick<T: PartialEq>(base: Option<T>, ours: Option<T>, theirs: Option<T>) -> Pick<T> {
    if ours == theirs || theirs == base {
        Pick::Same(ours)
    } else if ours == base {
        Pick::Take(theirs)
    } else {
        Pick::Dispute
    }
}

/// One list's merged items and the comments after them, and the records in dispute.
pub(super) struct MergedList {
    pub(super) items: Vec<Item>,
    pub(super) tail: Vec<String>,
    pub(super) disputes: Vec<Dispute>,
}

pub(super) fn merge_list(
    kind: FileKind,
    list: &str,
    base: &Version,
    ours: &Version,
    theirs: &Version,
) -> Result<MergedList, MergeError> {
    let [(b, base_tail), (o, ours_tail), (t, theirs_tail)] =
        [base, ours, theirs].map(|v| v.records(kind, list));
    let index =
        |records: &[Record<'_>], side: Side| -> Result<HashMap<String, usize>, MergeError> {
            let mut index = HashMap::new();
            for (i, record) in records.iter().enumerate() {
                if index.insert(record.key.clone(), i).is_some() {
                    return Err(MergeError::IdReused(side, record.shown.clone()));
                }
            }
            Ok(index)
        };
    let (bi, oi, ti) = (
        index(&b, Side::Base)?,
        index(&o, Side::Ours)?,
        index(&t, Side::Theirs)?,
    );
    // Base order, then ours' additions, then theirs'.
    let mut keys: Vec<&str> = b.iter().map(|r| r.key.as_str()).collect();
    keys.extend(
        o.iter()
            .filter(|r| !bi.contains_key(&r.key))
            .map(|r| r.key.as_str()),
    );
    keys.extend(
        t.iter()
            .filter(|r| !bi.contains_key(&r.key) && !oi.contains_key(&r.key))
            .map(|r| r.key.as_str()),
    );
    let mut items = Vec::new();
    let mut disputes = Vec::new();
    for key in keys {
        let [rb, ro, rt] = [(&b, &bi), (&o, &oi), (&t, &ti)]
            .map(|(records, index)| index.get(key).map(|&i| &records[i]));
        let above = merged_comments([rb, ro, rt].map(|r| r.map(|r| &r.comments[..])));
        let after = merged_comments([rb, ro, rt].map(|r| r.map(|r| &r.after[..])));
        let commented =
            |text: &str| Item::Record(Commented::new(above.clone(), text, after.clone()));
        let mut dispute = |fields: Vec<String>| {
            items.push(Item::Dispute {
                ours: ro.map(Commented::of),
                theirs: rt.map(Commented::of),
            });
            let shown = ro.or(rt).map_or(key, |r| r.shown.as_str());
            disputes.push(Dispute {
                list: Some(list.to_string()),
                key: shown.to_string(),
                fields,
            });
        };
        let [text_b, text_o, text_t] = [rb, ro, rt].map(|r| r.map(|r| r.text));
        // The comments around a record count as a change to it: a record deleted on one
        // side and given a comment on the other is a dispute, not a deletion.
        let [b_whole, o_whole, t_whole] =
            [rb, ro, rt].map(|r| r.map(|r| (r.text, &r.comments, &r.after)));
        match pick(b_whole, o_whole, t_whole) {
            Pick::Same(None) | Pick::Take(None) => {} // deleted, or never there
            Pick::Same(Some((text, ..))) | Pick::Take(Some((text, ..))) => {
                items.push(commented(text))
            }
            Pick::Dispute => match (ro, rt) {
                // One id added two ways: two records, unless they say the same.
                (Some(record_o), Some(record_t))
                    if rb.is_none() && !same_values(record_o, record_t) =>
                {
                    dispute(differing_fields(record_o, record_t))
                }
                (Some(record_o), Some(record_t)) => match pick(text_b, text_o, text_t) {
                    Pick::Same(Some(text)) | Pick::Take(Some(text)) => items.push(commented(text)),
                    _ => match merge_fields(rb, record_o, record_t) {
                        Ok(fields) => items.push(commented(&render_record(record_o, &fields)?)),
                        Err(fields) => dispute(fields),
                    },
                },
                // Deleted on one side, changed on the other.
                _ => dispute(Vec::new()),
            },
        }
    }
    let tail = to_strings(&merge_lines(&base_tail, &ours_tail, &theirs_tail));
    Ok(MergedList {
        items,
        tail,
        disputes,
    })
}

pub(super) fn to_strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|line| line.to_string()).collect()
}

/// The comments above (or after) a record that survives, as each version has them
/// (`None` where it lacks the record): each side's changes to them kept.
pub(super) fn merged_comments<'a>([base, ours, theirs]: [Option<&[&'a str]>; 3]) -> Vec<&'a str> {
    match (ours, theirs) {
        // A record one side lacks (added by the other) has that side's comments.
        (Some(o), None) => o.to_vec(),
        (None, Some(t)) => t.to_vec(),
        _ => merge_lines(
            base.unwrap_or_default(),
            ours.unwrap_or_default(),
            theirs.unwrap_or_default(),
        ),
    }
}

/// Whether two records have the same fields with the same values (comments and layout
/// aside).
pub(super) fn same_values(ours: &Record, theirs: &Record) -> bool {
    ours.fields.len() == theirs.fields.len()
        && ours
            .fields
            .iter()
            .all(|field| theirs.value(&field.name) == Some(field.value))
}

/// The fields two records give different values (or only one of them has).
pub(super) fn differing_fields(ours: &Record, theirs: &Record) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for field in ours.fields.iter().chain(&theirs.fields) {
        if ours.value(&field.name) != theirs.value(&field.name) && !names.contains(&field.name) {
            names.push(field.name.clone());
        }
    }
    names
}

/// A field of a record merged field by field: its value and its comments.
pub(super) struct MergedField<'a> {
    pub(super) name: String,
    pub(super) value: &'a str,
    pub(super) above: Vec<&'a str>,
    pub(super) trailing: Vec<&'a str>,
}

/// A record both sides changed, merged field by field, each field's comments with it
/// (comments of a field removed go to the next one); or the fields changed two ways.
pub(super) fn merge_fields<'a>(
    base: Option<&Record<'a>>,
    ours: &Record<'a>,
    theirs: &Record<'a>,
) -> Result<(Vec<MergedField<'a>>, Vec<&'a str>), Vec<String>> {
    let mut names: Vec<&str> = ours.fields.iter().map(|f| f.name.as_str()).collect();
    for field in &theirs.fields {
        if !names.contains(&field.name.as_str()) {
            names.push(&field.name);
        }
    }
    let mut merged = Vec::new();
    let mut clashes = Vec::new();
    let mut orphans: Vec<&'a str> = Vec::new();
    for name in names {
        let [b, o, t] = [base, Some(ours), Some(theirs)].map(|r| r.and_then(|r| r.field(name)));
        let comments = |part: for<'f> fn(&'f FieldText<'a>) -> &'f [&'a str]| {
            let [b, o, t] = [b, o, t].map(|f| f.map_or(&[][..], part));
            merge_lines(b, o, t)
        };
        let mut above = comments(|f| &f.above);
        let mut trailing = comments(|f| &f.trailing);
        let value = match pick(b.map(|f| f.value), o.map(|f| f.value), t.map(|f| f.value)) {
            Pick::Same(value) | Pick::Take(value) => value,
            Pick::Dispute => {
                clashes.push(name.to_string());
                continue;
            }
        };
        match value {
            Some(value) => {
                above.splice(0..0, orphans.drain(..));
                // One comment fits after the value; more go above it.
                if trailing.len() > 1 {
                    above.extend(trailing.drain(1..));
                }
                merged.push(MergedField {
                    name: name.to_string(),
                    value,
                    above,
                    trailing,
                });
            }
            None => {
                orphans.extend(above);
                orphans.extend(trailing);
            }
        }
    }
    if !clashes.is_empty() {
        return Err(clashes);
    }
    let mut tail = orphans;
    tail.extend(merge_lines(
        base.map_or(&[][..], |r| &r.tail),
        &ours.tail,
        &theirs.tail,
    ));
    Ok((merged, tail))
}

/// A merged record in the layout of ours': one field a line for a block, one line for a
/// one-line record (a phrase), which cannot hold comments.
pub(super) fn render_record(
    like: &Record,
    (fields, tail): &(Vec<MergedField>, Vec<&str>),
) -> Result<String, MergeError> {
    if !like.text.contains('\n') {
        let commented = fields
            .iter()
            .any(|f| !f.above.is_empty() || !f.trailing.is_empty());
        if commented || !tail.is_empty() {
            return Err(MergeError::ShapeChanged);
        }
        let inner: Vec<String> = fields
            .iter()
            .map(|f| format!("{}: {}", f.name, f.value))
            .collect();
        return Ok(format!("{}({})", like.name, inner.join(", ")));
    }
    // The closing bracket's indentation gives the block's depth.
    let close = like.text.rsplit('\n').next().unwrap_or(")");
    let depth = close.len().saturating_sub(1) / 4;
    let inner = indent(depth + 1);
    let mut out = format!("{}(\n", like.name);
    for field in fields {
        for comment in &field.above {
            out.push_str(&format!("{inner}{comment}\n"));
        }
        out.push_str(&format!("{inner}{}: {},", field.name, field.value));
        for comment in &field.trailing {
            out.push_str(&format!(" {comment}"));
        }
        out.push('\n');
    }
    for comment in tail {
        out.push_str(&format!("{inner}{comment}\n"));
    }
    out.push_str(&indent(depth));
    out.push(')');
    Ok(out)
}

/// A list's new brackets: records one per block with a blank line between them, as the
/// canonical form has them, each after its comments, and the list's last comments;
/// disputes marked as git marks conflicts.
pub(super) fn render_list(list: &MergedList, depth: usize) -> String {
    if list.items.is_empty() && list.tail.is_empty() {
        return "[]".to_string();
    }
    let inner = indent(depth + 1);
    let commented = |record: &Commented| {
        let mut out = String::new();
        for comment in &record.above {
            out.push_str(&format!("{inner}{comment}\n"));
        }
        out.push_str(&format!("{inner}{},", record.text));
        for comment in &record.after {
            out.push_str(&format!(" {comment}"));
        }
        out
    };
    let rendered: Vec<String> = list
        .items
        .iter()
        .map(|item| match item {
            Item::Record(record) => commented(record),
            Item::Dispute { ours, theirs } => {
                let side = |side: &Option<Commented>| {
                    side.as_ref()
                        .map(|record| format!("{}\n", commented(record)))
                        .unwrap_or_default()
                };
                format!(
                    "{OURS_MARKER}\n{}{SEPARATOR}\n{}{THEIRS_MARKER}",
                    side(ours),
                    side(theirs)
                )
            }
        })
        .collect();
    let mut lines = rendered.join("\n\n");
    // The list's last comments follow its last record, as comments above a record do.
    for comment in &list.tail {
        if !lines.is_empty() {
            lines.push('\n');
        }
        lines.push_str(&format!("{inner}{comment}"));
    }
    format!("[\n{lines}\n{}]", indent(depth))
}

/// Lines (comment lines, mostly) that both sides may have changed, merged as multisets:
/// ours' lines in their order less those theirs removed, then the lines theirs added.
/// A line removed on both sides is removed once.
pub(super) fn merge_lines<'a>(
    base: &[&'a str],
    ours: &[&'a str],
    theirs: &[&'a str],
) -> Vec<&'a str> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let count = |lines: &[&str], line: &str| lines.iter().filter(|l| **l == line).count();
    let mut merged = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &line in ours {
        let n = seen.entry(line).or_default();
        *n += 1;
        let (b, t) = (count(base, line), count(theirs, line));
        // The first copies are the base's; theirs removed the last ones it lacks.
        let removed_by_theirs = b.saturating_sub(t);
        let kept_of_base = b - removed_by_theirs.max(b.saturating_sub(count(ours, line)));
        let added_by_ours = count(ours, line).saturating_sub(b);
        if *n <= kept_of_base + added_by_ours {
            merged.push(line);
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &line in theirs {
        let n = seen.entry(line).or_default();
        *n += 1;
        if *n > count(base, line) {
            merged.push(line);
        }
    }
    merged
}
