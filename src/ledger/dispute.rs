//! Disputes are data, not a broken file: a scenario file with conflict markers (from the
//! merge driver, or from a plain git merge) still loads. Each marked region is blanked out
//! (its characters become spaces, its line breaks stay, so every position after it is
//! unchanged), the rest parses as usual, and each region is reported at its marker with
//! what the two versions say. A file with a dispute has errors, so no ordinary write
//! touches it.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::Ledger;
use super::merge::{OURS_MARKER, SEPARATOR, Side, THEIRS_MARKER};
use super::problem::{Position, Problem};
use super::syntax::{self, LineIndex};
use super::transaction::{EditError, Endings, Rules, transact_under};

/// One marked region: the marker lines and the two versions between them.
struct Region {
    /// From the start of the `<<<<<<<` line to the end of the `>>>>>>>` line.
    whole: Range<usize>,
    ours: Range<usize>,
    theirs: Range<usize>,
}

/// A record in dispute, with both versions, for a reader to choose between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisputedRecord {
    pub path: PathBuf,
    pub id: String,
    /// Where its conflict markers start.
    pub position: Position,
    /// Each side's text of the record, empty for a side that deleted it.
    pub ours: String,
    pub theirs: String,
}

/// A file's text with its disputes blanked out, what `check` says of each, and the
/// disputed records a reader can settle.
pub(super) struct Blanked {
    pub text: String,
    pub problems: Vec<Problem>,
    pub records: Vec<DisputedRecord>,
}

/// The text with every marked region blanked, and a problem for each region; `None` when
/// the text has no conflict markers.
pub(super) fn blank_disputes(path: &Path, text: &str) -> Option<Blanked> {
    let regions = regions(text);
    if regions.is_empty() {
        return None;
    }
    let lines = LineIndex::new(text);
    let mut blanked = text.to_string();
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for region in &regions {
        let at = lines.position(text, region.whole.start);
        let (ours, theirs) = (&text[region.ours.clone()], &text[region.theirs.clone()]);
        if let Some(id) = record_id(ours).or_else(|| record_id(theirs))
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
        problems.push(describe(path, at, text, &lines, region));
        // A space for every byte (a line break stays), so every offset after it holds.
        let blank = |range: Range<usize>| -> String {
            text[range]
                .chars()
                .map(|c| {
                    if c == '\n' {
                        "\n".to_string()
                    } else {
                        " ".repeat(c.len_utf8())
                    }
                })
                .collect()
        };
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

/// Whether one side of a conflict is a whole record (a `Name(…)` with an id, and its comma)
/// or nothing.
fn is_whole_records(side: &str) -> bool {
    let side = side.trim().trim_end_matches(',').trim();
    side.is_empty() || syntax::outline(side).is_ok_and(|outline| outline.root.field("id").is_some())
}

fn regions(text: &str) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut offset = 0;
    let mut open: Option<(usize, usize)> = None; // (region start, ours start)
    let mut separator: Option<usize> = None; // theirs start, with ours end before it
    let mut ours_end = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let next = offset + line.len();
        if bare.starts_with(&OURS_MARKER[..7]) && open.is_none() {
            open = Some((offset, next));
        } else if bare.starts_with(SEPARATOR) && bare.trim_end() == SEPARATOR && open.is_some() {
            ours_end = offset;
            separator = Some(next);
        } else if bare.starts_with(&THEIRS_MARKER[..7])
            && let (Some((start, ours_start)), Some(theirs_start)) = (open, separator)
        {
            regions.push(Region {
                whole: start..next,
                ours: ours_start..ours_end,
                theirs: theirs_start..offset,
            });
            open = None;
            separator = None;
        }
        offset = next;
    }
    regions
}

/// What a region is about: one record in two versions, or a line conflict.
fn describe(path: &Path, at: Position, text: &str, lines: &LineIndex, region: &Region) -> Problem {
    let (ours, theirs) = (&text[region.ours.clone()], &text[region.theirs.clone()]);
    let record = |side: &str| -> Option<(String, Vec<(String, String)>)> {
        let side = side.trim().trim_end_matches(',').trim();
        if side.is_empty() {
            return None;
        }
        let outline = syntax::outline(side).ok()?;
        let id = outline.root.field("id")?.value.string_value(side)?;
        let fields = outline
            .root
            .fields()
            .iter()
            .map(|f| (f.name.clone(), side[f.value.span.clone()].to_string()))
            .collect();
        Some((id, fields))
    };
    let kind = |side: &str| {
        if side.trim_start().starts_with("Person(") {
            "person"
        } else if side.trim_start().starts_with("Source(") {
            "source"
        } else {
            "forecast"
        }
    };
    let message = match (record(ours), record(theirs)) {
        (Some((id, o)), Some((other, t))) if id == other => {
            let differences: Vec<String> = o
                .iter()
                .map(|(name, _)| name)
                .chain(
                    t.iter()
                        .map(|(name, _)| name)
                        .filter(|n| !o.iter().any(|(m, _)| m == *n)),
                )
                .filter_map(|name| {
                    let find = |fields: &[(String, String)]| {
                        fields
                            .iter()
                            .find(|(n, _)| n == name)
                            .map(|(_, v)| short(name, v))
                    };
                    let (a, b) = (find(&o), find(&t));
                    (a != b).then(|| {
                        format!(
                            "{name}: {} (ours) vs {} (theirs)",
                            a.unwrap_or_else(|| "absent".into()),
                            b.unwrap_or_else(|| "absent".into())
                        )
                    })
                })
                .collect();
            format!(
                "{} '{id}' is disputed between two versions: {}; keep one and remove the conflict markers",
                kind(ours),
                differences.join("; ")
            )
        }
        (Some((id, _)), None) => format!(
            "{} '{id}' is disputed: changed on this side, deleted on the other; keep one and remove the conflict markers",
            kind(ours)
        ),
        (None, Some((id, _))) => format!(
            "{} '{id}' is disputed: deleted on this side, changed on the other; keep one and remove the conflict markers",
            kind(theirs)
        ),
        _ => {
            let end = lines.position(text, region.whole.end.saturating_sub(1));
            format!(
                "unresolved merge conflict (lines {} to {}); settle it in a text editor, or set up Hindsight's merge driver (`hindsight git-setup`) so records merge by id",
                at.line, end.line
            )
        }
    };
    Problem::error(path, at, message)
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

/// The id of the record one side of a conflict holds, if it is one whole record.
fn record_id(side: &str) -> Option<String> {
    let side = side.trim().trim_end_matches(',').trim();
    let outline = syntax::outline(side).ok()?;
    outline.root.field("id")?.value.string_value(side)
}

/// Whether the file's text has a dispute over record `id`.
pub fn has_dispute(text: &str, id: &str) -> bool {
    regions(text).iter().any(|region| {
        [region.ours.clone(), region.theirs.clone()]
            .into_iter()
            .any(|side| record_id(&text[side]).as_deref() == Some(id))
    })
}

/// Settles the dispute over record `id` in the file at `path` by keeping `side`'s version
/// (`Side::Ours` or `Side::Theirs`; a side that deleted it deletes it), through the write
/// door like every change: the rest of the file, other disputes included, is kept, and
/// the result must break no rule `check` applies but the disputes still left.
pub fn keep_side(ledger: &Ledger, path: &Path, id: &str, side: Side) -> Result<(), EditError> {
    transact_under(ledger, path, Endings::Keep, Rules::DisputesAside, |text| {
        let region = regions(text)
            .into_iter()
            .find(|region| {
                record_id(&text[region.ours.clone()]).as_deref() == Some(id)
                    || record_id(&text[region.theirs.clone()]).as_deref() == Some(id)
            })
            .ok_or_else(|| EditError::NotFound {
                path: path.to_path_buf(),
                id: id.to_string(),
            })?;
        let kept = match side {
            Side::Theirs => &text[region.theirs.clone()],
            _ => &text[region.ours.clone()],
        };
        let mut settled = String::with_capacity(text.len());
        settled.push_str(&text[..region.whole.start]);
        settled.push_str(kept);
        settled.push_str(&text[region.whole.end..]);
        Ok((Some(settled), ()))
    })
}
