//! Disputes are data, not a broken file: a ledger file (a scenario, `people.ron`,
//! `phrases.ron`) with conflict markers, from the merge driver or from a plain git merge,
//! still loads. Each marked region is blanked out (its characters become spaces, its line
//! breaks stay, so every position after it is unchanged), the rest parses as usual, and
//! each region is reported at its marker with what the two versions say. A file with a
//! dispute has errors, so no ordinary write touches it. A marker counts only at the start
//! of a line outside any string: lines of a multi-line quote are its text, whatever they
//! look like (with a warning when they have a whole conflict's shape).

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::parse::ron_options;
use super::syntax::{self, LineIndex, tokens};
use crate::estimative::normalize_phrase;
use crate::ledger::model::{
    DisputedRecord, OURS_MARKER, Position, Problem, SEPARATOR, THEIRS_MARKER,
};

/// One marked region: the marker lines and the two versions between them.
pub(crate) struct Region {
    /// From the start of the `<<<<<<<` line to the end of the `>>>>>>>` line.
    pub(crate) whole: Range<usize>,
    pub(crate) ours: Range<usize>,
    pub(crate) theirs: Range<usize>,
}

/// A file's text with its disputes blanked out, what `check` says of each, and the
/// disputed records a reader can settle.
pub(crate) struct Blanked {
    pub text: String,
    pub problems: Vec<Problem>,
    pub records: Vec<DisputedRecord>,
}

/// The text with every marked region blanked, and a problem for each region (and a
/// warning for each conflict's shape inside a string); `None` when the text has neither.
pub(crate) fn blank_disputes(path: &Path, text: &str) -> Option<Blanked> {
    let Markers {
        regions,
        in_strings,
    } = markers(text);
    if regions.is_empty() && in_strings.is_empty() {
        return None;
    }
    let lines = LineIndex::new(text);
    let top_level = TopLevel::of(text, &regions);
    let mut blanked = text.to_string();
    let mut problems: Vec<Problem> = in_strings
        .iter()
        .map(|span| {
            let (from, to) = (
                lines.position(text, span.start),
                lines.position(text, span.end.saturating_sub(1)),
            );
            Problem::warning(
                path,
                from,
                format!(
                    "lines {} to {} inside a string look like conflict markers; they are read as the string's text (if a merge left them there, keep one version and remove the markers)",
                    from.line, to.line
                ),
            )
        })
        .collect();
    let mut records = Vec::new();
    for region in &regions {
        let at = lines.position(text, region.whole.start);
        let (ours, theirs) = (&text[region.ours.clone()], &text[region.theirs.clone()]);
        if let Some(id) = record_key(ours).or_else(|| record_key(theirs))
            && is_whole_records(ours)
            && is_whole_records(theirs)
        {
            records.push(DisputedRecord {
                path: path.to_path_buf(),
                id,
                position: at,
                ours: dedent(ours),
                theirs: dedent(theirs),
            });
        }
        let at_top = top_level.holds(region.whole.start);
        problems.push(describe(path, at, text, &lines, region, at_top));
        let blank = |range: Range<usize>| blank(&text[range]);
        // A conflict that cuts across records (git's line merge) keeps this side's lines,
        // so that the records around it still parse; a conflict around whole records
        // drops both versions of them.
        let replacement = if is_whole_records(&text[region.ours.clone()])
            && is_whole_records(&text[region.theirs.clone()])
        {
            blank(region.whole.clone())
        } else {
            let ours = &text[region.ours.clone()];
            let rest = region.whole.start + ours.len()..region.whole.end;
            format!("{ours}{}", blank(rest))
        };
        blanked.replace_range(region.whole.clone(), &replacement);
    }
    Some(Blanked {
        text: blanked,
        problems,
        records,
    })
}

/// A space for every byte (a line break stays), so every offset after it holds.
fn blank(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect()
}

/// Where the file's own fields are, found in its text with every region blanked: a region
/// between them (not inside a list or a record) is about a field of the file.
struct TopLevel {
    values: Option<Vec<Range<usize>>>,
}

impl TopLevel {
    fn of(text: &str, regions: &[Region]) -> TopLevel {
        let mut blanked = text.to_string();
        for region in regions {
            blanked.replace_range(region.whole.clone(), &blank(&text[region.whole.clone()]));
        }
        let values = syntax::outline(&blanked).ok().map(|outline| {
            let root = outline.root;
            let inside = root.span.start + 1..root.span.end.saturating_sub(1);
            std::iter::once(0..inside.start)
                .chain(root.fields().iter().map(|field| field.value.span.clone()))
                .chain(std::iter::once(inside.end..text.len()))
                .collect()
        });
        TopLevel { values }
    }

    /// Whether `offset` lies between the file's fields (in no value, not outside the
    /// top-level brackets).
    fn holds(&self, offset: usize) -> bool {
        self.values
            .as_ref()
            .is_some_and(|values| !values.iter().any(|value| value.contains(&offset)))
    }
}

/// One side's record as a reader sees it on its own: without its trailing comma and with
/// the indentation it has in the file taken off every line.
fn dedent(side: &str) -> String {
    let side = side.trim_end().trim_end_matches(',');
    let margin = side
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    side.lines()
        .skip_while(|line| line.trim().is_empty())
        .map(|line| line.get(margin..).unwrap_or(line.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether one side of a conflict is a whole record (a `Name(…)` with its key, and its
/// comma) or nothing.
fn is_whole_records(side: &str) -> bool {
    side.trim().trim_end_matches(',').trim().is_empty() || record_key(side).is_some()
}

pub(crate) fn regions(text: &str) -> Vec<Region> {
    markers(text).regions
}

/// A file's conflict markers: the marked regions, and the spans of lines inside a string
/// that have a region's shape (text, as in a quote about a merge, but worth a warning).
#[derive(Default)]
struct Markers {
    regions: Vec<Region>,
    in_strings: Vec<Range<usize>>,
}

/// Finds the marked regions. A region opens at a `<<<<<<<` line that starts outside any
/// string: a line of a multi-line string is text, whatever it looks like.
fn markers(text: &str) -> Markers {
    let mut found = Markers::default();
    // Most files have no markers at all: one fast scan says so.
    if memchr::memmem::find(text.as_bytes(), &OURS_MARKER.as_bytes()[..7]).is_none() {
        return found;
    }
    let mut strings = Strings::new(text);
    let mut offset = 0;
    let mut open: Option<(usize, usize)> = None; // (region start, ours start)
    let mut separator: Option<usize> = None; // theirs start, with ours end before it
    let mut ours_end = 0;
    // A region's shape inside one string: its start, and whether the separator was seen.
    let mut quoted: Option<(usize, bool)> = None;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let next = offset + line.len();
        let is_separator = bare.starts_with(SEPARATOR) && bare.trim_end() == SEPARATOR;
        if open.is_none() {
            let inside = strings.inside(offset);
            if !inside {
                quoted = None;
            }
            if bare.starts_with(&OURS_MARKER[..7]) {
                if !inside {
                    open = Some((offset, next));
                } else if quoted.is_none() {
                    quoted = Some((offset, false));
                }
            } else if inside && is_separator {
                quoted = quoted.map(|(start, _)| (start, true));
            } else if inside
                && bare.starts_with(&THEIRS_MARKER[..7])
                && let Some((start, true)) = quoted
            {
                found.in_strings.push(start..next);
                quoted = None;
            }
        } else if is_separator {
            ours_end = offset;
            separator = Some(next);
        } else if bare.starts_with(&THEIRS_MARKER[..7])
            && let (Some((start, ours_start)), Some(theirs_start)) = (open, separator)
        {
            found.regions.push(Region {
                whole: start..next,
                ours: ours_start..ours_end,
                theirs: theirs_start..offset,
            });
            open = None;
            separator = None;
            // A region is not read for strings: what follows it starts outside one, as
            // its start did.
            strings.resume_at(next);
        }
        offset = next;
    }
    found
}

/// Whether the lines of a text start inside a string, asked line by line down the text.
/// Strings are found as ron reads them: `"…"` with its escapes and raw `r#"…"#`; a quote
/// in a comment or a character literal (`'"'`) opens none.
struct Strings<'a> {
    bytes: &'a [u8],
    /// Where reading goes on: never inside a token.
    at: usize,
    /// The end of the string the last line asked about started in.
    string_end: usize,
}

impl<'a> Strings<'a> {
    fn new(text: &'a str) -> Strings<'a> {
        Strings {
            bytes: text.as_bytes(),
            at: 0,
            string_end: 0,
        }
    }

    /// Whether `offset` (not before any offset asked before) lies inside a string.
    fn inside(&mut self, offset: usize) -> bool {
        if offset < self.string_end {
            return true;
        }
        while self.at < offset {
            let (end, is_string) = token(self.bytes, self.at);
            self.at = end;
            if is_string && end > offset {
                self.string_end = end;
                return true;
            }
        }
        false
    }

    /// Goes on reading at `offset`, outside any string.
    fn resume_at(&mut self, offset: usize) {
        self.at = offset;
        self.string_end = 0;
    }
}

/// The end of the token at `at`, and whether it is a string (one that never closes runs
/// to the text's end).
fn token(bytes: &[u8], at: usize) -> (usize, bool) {
    let rest = &bytes[at..];
    let is_name = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let or_end = |end: Option<usize>| end.unwrap_or(bytes.len());
    match rest {
        [b'"', ..] => (or_end(tokens::string_end(bytes, at)), true),
        [b'r' | b'b', ..] => match tokens::raw_string(bytes, at) {
            Some(raw) => (or_end(raw.end), true),
            // A name starting with `r` or `b`, passed whole.
            None => (at + rest.iter().take_while(|b| is_name(b)).count(), false),
        },
        [b'/', b'/', ..] => (
            memchr::memchr(b'\n', rest).map_or(bytes.len(), |n| at + n),
            false,
        ),
        [b'/', b'*', ..] => (or_end(tokens::block_comment_end(bytes, at)), false),
        [b'\'', ..] => (char_literal_end(bytes, at), false),
        // A name is passed whole: an `r` inside it opens no raw string.
        [b, ..] if is_name(b) => (at + rest.iter().take_while(|b| is_name(b)).count(), false),
        _ => (at + 1, false),
    }
}

/// Where a character literal starting at `at` ends; a lone `'` is passed alone.
fn char_literal_end(bytes: &[u8], at: usize) -> usize {
    let body = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'\\'));
    let closing = bytes
        .get(body + 1..)
        .and_then(|rest| rest.iter().take(8).position(|&b| b == b'\''));
    closing.map_or(at + 1, |closing| body + 1 + closing + 1)
}

/// What a region is about: one record in two versions, one field of the file in two
/// versions (`at_top`: the region lies between the file's fields), or a line conflict.
fn describe(
    path: &Path,
    at: Position,
    text: &str,
    lines: &LineIndex,
    region: &Region,
    at_top: bool,
) -> Problem {
    let (ours, theirs) = (&text[region.ours.clone()], &text[region.theirs.clone()]);
    const SETTLE: &str = "keep one and remove the conflict markers";
    let message = match (Record::read(ours), Record::read(theirs)) {
        (Some(o), Some(t)) if o.is_same_record(&t) => format!(
            "{} '{}' is disputed between two versions: {}; {SETTLE}",
            o.kind,
            o.key,
            differences(&o.fields, &t.fields).join("; ")
        ),
        (Some(o), None) => format!(
            "{} '{}' is disputed between two versions: changed (ours) vs deleted (theirs); {SETTLE}",
            o.kind, o.key
        ),
        (None, Some(t)) => format!(
            "{} '{}' is disputed between two versions: deleted (ours) vs changed (theirs); {SETTLE}",
            t.kind, t.key
        ),
        _ => match at_top.then(|| file_field(ours, theirs)).flatten() {
            Some((name, differences)) => format!(
                "the file's `{name}` is disputed between two versions: {}; {SETTLE}",
                differences.join("; ")
            ),
            None => {
                let end = lines.position(text, region.whole.end.saturating_sub(1));
                format!(
                    "unresolved merge conflict (lines {} to {}); settle it in a text editor, or set up Hindsight's merge driver (`hindsight git-setup`) so records merge by id",
                    at.line, end.line
                )
            }
        },
    };
    Problem::error(path, at, message)
}

/// One side of a conflict read as one whole record.
struct Record {
    /// What users call it: `forecast`, `source`, `person`, `phrase`.
    kind: &'static str,
    key: String,
    fields: Vec<(String, String)>,
}

impl Record {
    fn read(side: &str) -> Option<Record> {
        let side = side.trim().trim_end_matches(',').trim();
        let outline = syntax::outline(side).ok()?;
        let root = &outline.root;
        let kind = match root.name() {
            Some("Person") => "person",
            Some("Source") => "source",
            Some("Question") => "question",
            Some("Phrase") => "phrase",
            _ => "forecast",
        };
        Some(Record {
            kind,
            key: key_of(root, side)?,
            fields: fields_of(root, side),
        })
    }

    /// Whether two sides are versions of one record: phrases that differ only in case or
    /// spacing are one phrase, as `check` and the merge take them.
    fn is_same_record(&self, other: &Record) -> bool {
        match self.kind {
            "phrase" => normalize_phrase(&self.key) == normalize_phrase(&other.key),
            _ => self.key == other.key,
        }
    }
}

/// The key a record is told apart by: a phrase's text, every other record's id.
fn key_of(record: &syntax::Node, text: &str) -> Option<String> {
    let key = if record.name() == Some("Phrase") {
        "phrase"
    } else {
        "id"
    };
    record.field(key)?.value.string_value(text)
}

fn fields_of(node: &syntax::Node, text: &str) -> Vec<(String, String)> {
    node.fields()
        .iter()
        .map(|f| (f.name.to_string(), text[f.value.span.clone()].to_string()))
        .collect()
}

fn is_blank(side: &str) -> bool {
    side.trim().is_empty()
}

/// When each side is one field of the file (or nothing) and one side has it: its name and
/// how the sides differ.
fn file_field(ours: &str, theirs: &str) -> Option<(String, Vec<String>)> {
    let lone = |side: &str| -> Option<Vec<(String, String)>> {
        let wrapped = format!("File({side})");
        let outline = syntax::outline(&wrapped).ok()?;
        let fields = fields_of(&outline.root, &wrapped);
        (fields.len() <= 1 && (fields.len() == 1 || is_blank(side))).then_some(fields)
    };
    let (o, t) = (lone(ours)?, lone(theirs)?);
    let name = o.first().or(t.first())?.0.clone();
    if o.iter().chain(&t).any(|(other, _)| *other != name) {
        return None;
    }
    Some((name, differences(&o, &t)))
}

/// `field: a (ours) vs b (theirs)` for each field the two versions hold differently, in
/// ours' order then theirs'.
fn differences(ours: &[(String, String)], theirs: &[(String, String)]) -> Vec<String> {
    let mut names: Vec<&String> = ours.iter().map(|(name, _)| name).collect();
    names.extend(
        theirs
            .iter()
            .map(|(name, _)| name)
            .filter(|n| !ours.iter().any(|(m, _)| m == *n)),
    );
    names
        .into_iter()
        .filter_map(|name| {
            let find = |fields: &[(String, String)]| {
                fields
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| short(name, v))
            };
            let (a, b) = (find(ours), find(theirs));
            (a != b).then(|| {
                format!(
                    "{name}: {} (ours) vs {} (theirs)",
                    a.unwrap_or_else(|| "absent".into()),
                    b.unwrap_or_else(|| "absent".into())
                )
            })
        })
        .collect()
}

/// A value as a reader wants it in a one-line message: a verdict for an outcome, else the
/// value's first 60 characters.
fn short(field: &str, value: &str) -> String {
    if field == "outcome" {
        if value.trim() == "Open" {
            return "open".into();
        }
        if let Some(at) = value.find("verdict:") {
            let verdict: String = value[at + 8..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            return verdict.to_lowercase();
        }
    }
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(60).collect::<String>())
    } else {
        one_line
    }
}

/// The key (id, or a phrase's text) of the record one side of a conflict holds, if it is
/// one whole record.
pub(crate) fn record_key(side: &str) -> Option<String> {
    let side = side.trim().trim_end_matches(',').trim();
    let outline = syntax::outline(side).ok()?;
    key_of(&outline.root, side)
}

/// Both versions of every record in dispute in the file at `path` that read as a `T` (a
/// side that deleted the record has none).
pub(crate) fn versions<T: DeserializeOwned>(records: &[DisputedRecord], path: &Path) -> Vec<T> {
    records
        .iter()
        .filter(|record| record.path == path)
        .flat_map(|record| [&record.ours, &record.theirs])
        .filter_map(|side| ron_options().from_str::<T>(side).ok())
        .collect()
}

/// Whether the file's text has a dispute over record `id` (a phrase's text for a phrase).
pub fn has_dispute(text: &str, id: &str) -> bool {
    regions(text).iter().any(|region| {
        [region.ours.clone(), region.theirs.clone()]
            .into_iter()
            .any(|side| record_key(&text[side]).as_deref() == Some(id))
    })
}
