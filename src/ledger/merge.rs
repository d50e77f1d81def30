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

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::format::FileKind;
use super::parse;
use super::splice::{INDENT, indent, indentation_depth};
use super::syntax::{LineIndex, Node, Outline};
use super::{People, Scenario};
use crate::estimative::{PhraseFile, normalize_phrase};
use edits::Edits;

mod edits;
mod kept;

/// The markers git writes around a conflict (with its default marker size).
pub const OURS_MARKER: &str = "<<<<<<< ours";
pub const SEPARATOR: &str = "=======";
pub const THEIRS_MARKER: &str = ">>>>>>> theirs";

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

/// One of the three versions git hands a merge driver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Base,
    Ours,
    Theirs,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Base => "common ancestor's",
            Side::Ours => "current branch's",
            Side::Theirs => "other branch's",
        })
    }
}

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

/// Lines (comment lines, mostly) that both sides may have changed, merged as multisets:
/// ours' lines in their order less those theirs removed, then the lines theirs added.
/// A line removed on both sides is removed once.
fn merge_lines<'a>(base: &[&'a str], ours: &[&'a str], theirs: &[&'a str]) -> Vec<&'a str> {
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

/// One version of the file, with the outline that locates its records.
struct Version<'a> {
    text: &'a str,
    outline: Outline,
    lines: LineIndex,
}

impl<'a> Version<'a> {
    fn read(kind: FileKind, text: &'a str, side: Side) -> Result<Version<'a>, MergeError> {
        let outline = parsed_outline(kind, text).ok_or(MergeError::DoesNotParse(side))?;
        Ok(Version {
            text,
            outline,
            lines: LineIndex::new(text),
        })
    }

    /// A text that is RON, whatever it holds (a merged text, for [`kept`]).
    fn outlined(text: &'a str) -> Option<Version<'a>> {
        Some(Version {
            text,
            outline: super::syntax::outline(text).ok()?,
            lines: LineIndex::new(text),
        })
    }

    fn root(&self) -> &Node {
        &self.outline.root
    }

    fn field_value(&self, name: &str) -> Option<&'a str> {
        let text: &'a str = self.text;
        self.root()
            .field(name)
            .map(|field| &text[field.value.span.clone()])
    }

    /// The records of `list`, in file order, each with the comments above it and on the
    /// line it ends on; and the comments after the last one.
    fn records(&self, kind: FileKind, list: &str) -> (Vec<Record<'a>>, Vec<&'a str>) {
        let text: &'a str = self.text;
        let Some(field) = self.root().field(list) else {
            return (Vec::new(), Vec::new());
        };
        let mut previous_end = field.value.span.start + 1;
        let mut records: Vec<Record<'a>> = Vec::new();
        for item in field.value.items() {
            let comments = self.comments_after(&mut records, previous_end..item.span.start);
            previous_end = item.span.end;
            let shown = item
                .field(key_field(kind))
                .and_then(|f| f.value.string_value(text))
                .unwrap_or_default();
            // Phrases are told apart as `check` tells them apart: "Most likely" is
            // "most likely".
            let key = match kind {
                FileKind::Phrases => normalize_phrase(&shown),
                _ => shown.clone(),
            };
            let open = text[item.span.clone()]
                .find('(')
                .map_or(item.span.end, |at| item.span.start + at + 1);
            let mut fields: Vec<FieldText<'a>> = Vec::new();
            let mut gap_start = open;
            for f in item.fields() {
                let (trailing, mut above) = self.split_gap(gap_start..f.name_span.start);
                match fields.last_mut() {
                    Some(last) => last.trailing = trailing,
                    // A comment after the opening bracket is above the first field.
                    None => {
                        above.splice(0..0, trailing);
                    }
                }
                fields.push(FieldText {
                    name: f.name.to_string(),
                    value: &text[f.value.span.clone()],
                    above,
                    trailing: Vec::new(),
                });
                gap_start = f.value.span.end;
            }
            let close = item.span.end.saturating_sub(1).max(gap_start);
            let (trailing, mut tail) = self.split_gap(gap_start..close);
            match fields.last_mut() {
                Some(last) => last.trailing = trailing,
                None => {
                    tail.splice(0..0, trailing);
                }
            }
            records.push(Record {
                key,
                shown,
                name: item.name().unwrap_or_default().to_string(),
                text: &text[item.span.clone()],
                comments,
                after: Vec::new(),
                fields,
                tail,
            });
        }
        let end = field.value.span.end.saturating_sub(1).max(previous_end);
        let tail = self.comments_after(&mut records, previous_end..end);
        (records, tail)
    }

    /// The comments in the text after the last of `records`: those on the line it ends on
    /// are its own; the rest are returned.
    fn comments_after(&self, records: &mut [Record<'a>], range: Range<usize>) -> Vec<&'a str> {
        match records.last_mut() {
            Some(previous) => {
                let (after, rest) = self.split_gap(range);
                previous.after = after;
                rest
            }
            None => self.comments_in(range),
        }
    }

    /// The comments that start in `range`.
    fn comments_in(&self, range: Range<usize>) -> Vec<&'a str> {
        let text: &'a str = self.text;
        let comments = &self.outline.comments;
        let first = comments.partition_point(|c| c.start < range.start);
        comments[first..]
            .iter()
            .take_while(|c| c.start < range.end)
            .map(|c| &text[c.clone()])
            .collect()
    }

    /// The comments in the text between two fields: those on the line the first ends on,
    /// and those on lines of their own before the second.
    fn split_gap(&self, range: Range<usize>) -> (Vec<&'a str>, Vec<&'a str>) {
        let line_end = self.text[range.clone()]
            .find('\n')
            .map_or(range.end, |at| range.start + at);
        (
            self.comments_in(range.start..line_end),
            self.comments_in(line_end..range.end),
        )
    }
}

/// One record of a list as one side has it.
#[derive(Clone)]
struct Record<'a> {
    /// What it is matched by: its id, or a phrase's text normalized.
    key: String,
    /// Its id or phrase as written.
    shown: String,
    name: String,
    text: &'a str,
    /// Comments just above it (kept with it).
    comments: Vec<&'a str>,
    /// Comments after it on the line it ends on.
    after: Vec<&'a str>,
    fields: Vec<FieldText<'a>>,
    /// Comments after its last field, before its closing bracket.
    tail: Vec<&'a str>,
}

/// One field of a record: its value and the comments that go with it.
#[derive(Clone)]
struct FieldText<'a> {
    name: String,
    value: &'a str,
    /// Comments on lines of their own above it.
    above: Vec<&'a str>,
    /// Comments on the line it ends on.
    trailing: Vec<&'a str>,
}

impl<'a> Record<'a> {
    fn field(&self, name: &str) -> Option<&FieldText<'a>> {
        self.fields.iter().find(|field| field.name == name)
    }

    fn value(&self, name: &str) -> Option<&'a str> {
        self.field(name).map(|field| field.value)
    }
}

/// What one list's merge puts in the file, in order.
enum Item {
    Record(Commented),
    /// Each side's version; `None` for a side that deleted it.
    Dispute {
        ours: Option<Commented>,
        theirs: Option<Commented>,
    },
}

/// A record's text with the comments above it and after it on its line.
struct Commented {
    above: Vec<String>,
    text: String,
    after: Vec<String>,
}

impl Commented {
    fn new(above: Vec<&str>, text: &str, after: Vec<&str>) -> Commented {
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

    fn of(record: &Record) -> Commented {
        Commented::new(record.comments.clone(), record.text, record.after.clone())
    }
}

fn list_names(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Scenario => &["sources", "forecasts"],
        FileKind::People => &["people"],
        FileKind::Phrases => &["phrases"],
    }
}

fn key_field(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Phrases => "phrase",
        _ => "id",
    }
}

/// Names in first-seen order across versions (ours first, so the file keeps its order).
fn union_names<'v, V>(versions: &[&'v V], names: impl Fn(&'v V) -> Vec<String>) -> Vec<String> {
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
enum Pick<T> {
    /// Ours already holds the result.
    Same(Option<T>),
    /// Theirs changed it and ours did not: take theirs.
    Take(Option<T>),
    /// Both changed it, differently.
    Dispute,
}

fn pick<T: PartialEq>(base: Option<T>, ours: Option<T>, theirs: Option<T>) -> Pick<T> {
    if ours == theirs || theirs == base {
        Pick::Same(ours)
    } else if ours == base {
        Pick::Take(theirs)
    } else {
        Pick::Dispute
    }
}

/// One list's merged items and the comments after them, and the records in dispute.
struct MergedList {
    items: Vec<Item>,
    tail: Vec<String>,
    disputes: Vec<Dispute>,
}

fn merge_list(
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

fn to_strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|line| line.to_string()).collect()
}

/// The comments above (or after) a record that survives, as each version has them
/// (`None` where it lacks the record): each side's changes to them kept.
fn merged_comments<'a>([base, ours, theirs]: [Option<&[&'a str]>; 3]) -> Vec<&'a str> {
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
fn same_values(ours: &Record, theirs: &Record) -> bool {
    ours.fields.len() == theirs.fields.len()
        && ours
            .fields
            .iter()
            .all(|field| theirs.value(&field.name) == Some(field.value))
}

/// The fields two records give different values (or only one of them has).
fn differing_fields(ours: &Record, theirs: &Record) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for field in ours.fields.iter().chain(&theirs.fields) {
        if ours.value(&field.name) != theirs.value(&field.name) && !names.contains(&field.name) {
            names.push(field.name.clone());
        }
    }
    names
}

/// A field of a record merged field by field: its value and its comments.
struct MergedField<'a> {
    name: String,
    value: &'a str,
    above: Vec<&'a str>,
    trailing: Vec<&'a str>,
}

/// A record both sides changed, merged field by field, each field's comments with it
/// (comments of a field removed go to the next one); or the fields changed two ways.
fn merge_fields<'a>(
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
fn render_record(
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
fn render_list(list: &MergedList, depth: usize) -> String {
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

/// The outline of a version that parses as a file of kind `kind` (serde and the outline
/// both read it), or `None`.
fn parsed_outline(kind: FileKind, text: &str) -> Option<Outline> {
    let path = std::path::Path::new("merged.ron");
    match kind {
        FileKind::Scenario => parse::parse::<Scenario>(path, text).ok().map(|p| p.outline),
        FileKind::People => parse::parse::<People>(path, text).ok().map(|p| p.outline),
        FileKind::Phrases => parse::parse::<PhraseFile>(path, text)
            .ok()
            .map(|p| p.outline),
    }
}
