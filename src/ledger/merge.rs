//! The three-way merge of one ledger file by record id: the core of `hindsight
//! merge-driver` (issue #9).
//!
//! Records (sources, forecasts, people, phrases) are matched by id (a phrase by its text),
//! not by line, so two people adding forecasts at the end of one file both land, and one
//! editing a claim while the other records the verdict both land. Only the same field
//! changed two ways, or a record deleted on one side and changed on the other, is a
//! *dispute*: conflict markers around that one record, each side complete so that either
//! can be kept, and the rest of the file merged. Unchanged and one-sided records keep
//! their bytes, comments included; a record merged field by field is written with the
//! fields of both. The file's own fields (title, summary, tags) merge the same way, a
//! field or list present on some sides only included: absent is one more value. Whatever
//! this cannot merge safely it refuses ([`MergeError`]), and the caller falls back to
//! git's line merge.

use std::collections::{HashMap, HashSet};

use super::format::FileKind;
use super::parse;
use super::splice::{INDENT, indent, indentation_depth};
use super::syntax::{LineIndex, Node, Outline};
use super::{People, Scenario};
use crate::estimative::PhraseFile;
use edits::Edits;

mod edits;

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
    merge_file_fields(kind, [&base, &ours, &theirs], &mut edits, &mut disputes)?;

    // A list one side lacks is merged as if it were empty there.
    for &list in list_names(kind) {
        let (items, found) = merge_list(kind, list, &base, &ours, &theirs)?;
        disputes.extend(found);
        let removed = base.root().field(list).is_some() && theirs.root().field(list).is_none();
        match ours.root().field(list) {
            // Theirs removed the list, and nothing of ours' is left in it.
            Some(_) if items.is_empty() && removed => edits.remove(list)?,
            Some(field) => {
                let depth = indentation_depth(ours.text, &ours.lines, field.name_span.start);
                edits.replace(field.value.span.clone(), render_list(&items, depth));
            }
            None => {
                let added =
                    theirs.root().field(list).is_some() && base.root().field(list).is_none();
                if !items.is_empty() || added {
                    let depth = edits.indentation().len() / INDENT.len();
                    edits.add_with_value(&theirs, list, &render_list(&items, depth))?;
                }
            }
        }
    }

    let text = edits.finish();
    verify(kind, &text, &disputes)?;
    Ok(Merged { text, disputes })
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

    fn root(&self) -> &Node {
        &self.outline.root
    }

    fn field_value(&self, name: &str) -> Option<&'a str> {
        let text: &'a str = self.text;
        self.root()
            .field(name)
            .map(|field| &text[field.value.span.clone()])
    }

    /// The records of `list`, by key, in file order.
    fn records(&self, list: &str, key_field: &str) -> Vec<Record<'a>> {
        let text: &'a str = self.text;
        let Some(field) = self.root().field(list) else {
            return Vec::new();
        };
        let items = field.value.items();
        let mut previous_end = field.value.span.start + 1;
        let mut records = Vec::new();
        for item in items {
            let gap = &text[previous_end..item.span.start];
            previous_end = item.span.end;
            let key = item
                .field(key_field)
                .and_then(|f| f.value.string_value(text))
                .unwrap_or_default();
            let fields = item
                .fields()
                .iter()
                .map(|f| (f.name.to_string(), &text[f.value.span.clone()]))
                .collect();
            records.push(Record {
                key,
                name: item.name().unwrap_or_default().to_string(),
                text: &text[item.span.clone()],
                comments: leading_comments(gap),
                fields,
            });
        }
        records
    }
}

/// One record of a list as one side has it.
#[derive(Clone)]
struct Record<'a> {
    key: String,
    name: String,
    text: &'a str,
    /// Comment lines just above it (kept with it).
    comments: Vec<&'a str>,
    fields: Vec<(String, &'a str)>,
}

impl Record<'_> {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| *value)
    }
}

/// The comment lines in the text between two items (after the previous one's comma).
fn leading_comments(gap: &str) -> Vec<&str> {
    let gap = gap.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    gap.lines()
        .map(str::trim)
        .filter(|line| line.starts_with("//") || line.starts_with("/*") || line.starts_with('*'))
        .collect()
}

/// What one list's merge puts in the file, in order.
enum Item {
    Record {
        comments: Vec<String>,
        text: String,
    },
    Dispute {
        ours: Option<String>,
        theirs: Option<String>,
    },
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
enum Pick<'a> {
    /// Ours already holds the result.
    Same(Option<&'a str>),
    /// Theirs changed it and ours did not: take theirs.
    Take(Option<&'a str>),
    /// Both changed it, differently.
    Dispute,
}

fn pick<'a>(base: Option<&'a str>, ours: Option<&'a str>, theirs: Option<&'a str>) -> Pick<'a> {
    if ours == theirs || theirs == base {
        Pick::Same(ours)
    } else if ours == base {
        Pick::Take(theirs)
    } else {
        Pick::Dispute
    }
}

fn merge_list(
    kind: FileKind,
    list: &str,
    base: &Version,
    ours: &Version,
    theirs: &Version,
) -> Result<(Vec<Item>, Vec<Dispute>), MergeError> {
    let key = key_field(kind);
    let [b, o, t] = [base, ours, theirs].map(|v| v.records(list, key));
    let index = |records: &[Record<'_>]| -> HashMap<String, usize> {
        records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key.clone(), i))
            .collect()
    };
    let (bi, oi, ti) = (index(&b), index(&o), index(&t));
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
        let keep = |record: &Record| Item::Record {
            comments: record.comments.iter().map(|c| c.to_string()).collect(),
            text: record.text.to_string(),
        };
        let text = |record: Option<&Record>| record.map(|r| r.text.to_string());
        let mut dispute = |fields: Vec<String>| {
            items.push(Item::Dispute {
                ours: text(ro),
                theirs: text(rt),
            });
            disputes.push(Dispute {
                list: Some(list.to_string()),
                key: key.to_string(),
                fields,
            });
        };
        match pick(rb.map(|r| r.text), ro.map(|r| r.text), rt.map(|r| r.text)) {
            Pick::Same(None) | Pick::Take(None) => {} // deleted, or never there
            Pick::Same(Some(_)) => items.push(keep(ro.expect("ours has it"))),
            Pick::Take(Some(_)) => items.push(keep(rt.expect("theirs has it"))),
            Pick::Dispute => match (ro, rt) {
                (Some(record_o), Some(record_t)) => match merge_fields(rb, record_o, record_t) {
                    Ok(fields) => items.push(Item::Record {
                        comments: record_o.comments.iter().map(|c| c.to_string()).collect(),
                        text: render_record(record_o, &fields),
                    }),
                    Err(fields) => dispute(fields),
                },
                // Deleted on one side, changed on the other.
                _ => dispute(Vec::new()),
            },
        }
    }
    Ok((items, disputes))
}

/// A record both sides changed, merged field by field; or the fields changed two ways.
fn merge_fields<'a>(
    base: Option<&Record<'a>>,
    ours: &Record<'a>,
    theirs: &Record<'a>,
) -> Result<Vec<(String, &'a str)>, Vec<String>> {
    let mut names: Vec<&str> = ours.fields.iter().map(|(n, _)| n.as_str()).collect();
    for (name, _) in &theirs.fields {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let mut merged = Vec::new();
    let mut clashes = Vec::new();
    for name in names {
        let b = base.and_then(|r| r.field(name));
        let (o, t) = (ours.field(name), theirs.field(name));
        let value = match pick(b, o, t) {
            Pick::Same(value) | Pick::Take(value) => value,
            Pick::Dispute => {
                clashes.push(name.to_string());
                continue;
            }
        };
        if let Some(value) = value {
            let value = ours
                .fields
                .iter()
                .chain(&theirs.fields)
                .find(|(n, v)| n == name && *v == value)
                .map(|(_, v)| *v)
                .expect("the value is one side's");
            merged.push((name.to_string(), value));
        }
    }
    if clashes.is_empty() {
        Ok(merged)
    } else {
        Err(clashes)
    }
}

/// A merged record in the layout of ours': one field a line for a block, one line for a
/// one-line record (a phrase).
fn render_record(like: &Record, fields: &[(String, &str)]) -> String {
    if !like.text.contains('\n') {
        let inner: Vec<String> = fields.iter().map(|(n, v)| format!("{n}: {v}")).collect();
        return format!("{}({})", like.name, inner.join(", "));
    }
    // The closing bracket's indentation gives the block's depth.
    let close = like.text.rsplit('\n').next().unwrap_or(")");
    let depth = close.len().saturating_sub(1) / 4;
    let mut out = format!("{}(\n", like.name);
    for (name, value) in fields {
        out.push_str(&format!("{}{name}: {value},\n", indent(depth + 1)));
    }
    out.push_str(&indent(depth));
    out.push(')');
    out
}

/// A list's new brackets: records one per block with a blank line between them, as the
/// canonical form has them; disputes marked as git marks conflicts.
fn render_list(items: &[Item], depth: usize) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let inner = indent(depth + 1);
    let rendered: Vec<String> = items
        .iter()
        .map(|item| match item {
            Item::Record { comments, text } => {
                let mut out = String::new();
                for comment in comments {
                    out.push_str(&format!("{inner}{comment}\n"));
                }
                out.push_str(&format!("{inner}{text},"));
                out
            }
            Item::Dispute { ours, theirs } => {
                let side = |text: &Option<String>| {
                    text.as_ref()
                        .map(|t| format!("{inner}{t},\n"))
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
    format!("[\n{}\n{}]", rendered.join("\n\n"), indent(depth))
}

/// The text with every dispute settled for one side (`Ours` or `Theirs`).
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
