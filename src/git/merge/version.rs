//! One version of the file as the merge reads it: its outline, its records matched by id
//! (a phrase by its text) with the comments that go with each record and field.

use std::ops::Range;

use super::outcome::MergeError;
use crate::estimative::{PhraseFile, normalize_phrase};
use crate::ledger::read::parse;
use crate::ledger::read::syntax::{self, LineIndex, Node, Outline};
use crate::ledger::{FileKind, People, Scenario, Side};

/// One version of the file, with the outline that locates its records.
pub(super) struct Version<'a> {
    pub(super) text: &'a str,
    pub(super) outline: Outline,
    pub(super) lines: LineIndex,
}

impl<'a> Version<'a> {
    pub(super) fn read(
        kind: FileKind,
        text: &'a str,
        side: Side,
    ) -> Result<Version<'a>, MergeError> {
        let outline = parsed_outline(kind, text).ok_or(MergeError::DoesNotParse(side))?;
        Ok(Version {
            text,
            outline,
            lines: LineIndex::new(text),
        })
    }

    /// A text that is RON, whatever it holds (a merged text, for [`kept`]).
    pub(super) fn outlined(text: &'a str) -> Option<Version<'a>> {
        Some(Version {
            text,
            outline: syntax::outline(text).ok()?,
            lines: LineIndex::new(text),
        })
    }

    pub(super) fn root(&self) -> &Node {
        &self.outline.root
    }

    pub(super) fn field_value(&self, name: &str) -> Option<&'a str> {
        let text: &'a str = self.text;
        self.root()
            .field(name)
            .map(|field| &text[field.value.span.clone()])
    }

    /// The records of `list`, in file order, each with the comments above it and on the
    /// line it ends on; and the comments after the last one.
    pub(super) fn records(&self, kind: FileKind, list: &str) -> (Vec<Record<'a>>, Vec<&'a str>) {
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
    pub(super) fn comments_after(
        &self,
        records: &mut [Record<'a>],
        range: Range<usize>,
    ) -> Vec<&'a str> {
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
    pub(super) fn comments_in(&self, range: Range<usize>) -> Vec<&'a str> {
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
    pub(super) fn split_gap(&self, range: Range<usize>) -> (Vec<&'a str>, Vec<&'a str>) {
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
pub(super) struct Record<'a> {
    /// What it is matched by: its id, or a phrase's text normalized.
    pub(super) key: String,
    /// Its id or phrase as written.
    pub(super) shown: String,
    pub(super) name: String,
    pub(super) text: &'a str,
    /// Comments just above it (kept with it).
    pub(super) comments: Vec<&'a str>,
    /// Comments after it on the line it ends on.
    pub(super) after: Vec<&'a str>,
    pub(super) fields: Vec<FieldText<'a>>,
    /// Comments after its last field, before its closing bracket.
    pub(super) tail: Vec<&'a str>,
}

/// One field of a record: its value and the comments that go with it.
#[derive(Clone)]
pub(super) struct FieldText<'a> {
    pub(super) name: String,
    pub(super) value: &'a str,
    /// Comments on lines of their own above it.
    pub(super) above: Vec<&'a str>,
    /// Comments on the line it ends on.
    pub(super) trailing: Vec<&'a str>,
}

impl<'a> Record<'a> {
    pub(super) fn field(&self, name: &str) -> Option<&FieldText<'a>> {
        self.fields.iter().find(|field| field.name == name)
    }

    pub(super) fn value(&self, name: &str) -> Option<&'a str> {
        self.field(name).map(|field| field.value)
    }
}

pub(super) fn list_names(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Scenario => &["sources", "questions", "forecasts"],
        FileKind::People => &["people"],
        FileKind::Phrases => &["phrases"],
    }
}

pub(super) fn key_field(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Phrases => "phrase",
        _ => "id",
    }
}

/// The outline of a version that parses as a file of kind `kind` (serde and the outline
/// both read it), or `None`.
pub(super) fn parsed_outline(kind: FileKind, text: &str) -> Option<Outline> {
    let path = std::path::Path::new("merged.ron");
    match kind {
        FileKind::Scenario => parse::parse::<Scenario>(path, text).ok().map(|p| p.outline),
        FileKind::People => parse::parse::<People>(path, text).ok().map(|p| p.outline),
        FileKind::Phrases => parse::parse::<PhraseFile>(path, text)
            .ok()
            .map(|p| p.outline),
    }
}
