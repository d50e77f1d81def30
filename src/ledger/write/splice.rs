//! Text surgery on a parsed file: putting text in place of byte
//! ranges, and working out the indentation and blank lines around a block, so that a
//! changed, added or removed record touches only its own lines and a canonical file stays
//! canonical. Pure functions of the text and its outline; nothing here reads or writes.

use std::ops::Range;

use crate::ledger::read::syntax::LineIndex;

pub(crate) const INDENT: &str = "    ";

pub(crate) fn indent(depth: usize) -> String {
    INDENT.repeat(depth)
}

/// Text to put in place of a range of the original.
pub(crate) struct Splice {
    pub at: Range<usize>,
    pub text: String,
}

impl Splice {
    pub fn new(at: Range<usize>, text: impl Into<String>) -> Splice {
        Splice {
            at,
            text: text.into(),
        }
    }
}

/// `text` with every splice made. Splices must not overlap; an insertion (an empty range)
/// at the start of a replaced range lands before the replacement.
pub(crate) fn apply(text: &str, mut splices: Vec<Splice>) -> String {
    // From the end, so that earlier offsets stay valid; of two at one offset, the
    // replacement first, so that the insertion is not replaced with it.
    splices.sort_by_key(|splice| std::cmp::Reverse((splice.at.start, splice.at.end)));
    let mut out = text.to_string();
    for splice in splices {
        out.replace_range(splice.at, &splice.text);
    }
    out
}

/// How many four-space levels the line holding `offset` is indented, so a rewritten
/// block lines up with its neighbours even in a hand-indented file.
pub(crate) fn indentation_depth(text: &str, lines: &LineIndex, offset: usize) -> usize {
    let start = lines.line_start(offset);
    let width = text[start..offset]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<usize>();
    width / 4
}

/// The whitespace before `start` on its line, when nothing else precedes it there.
pub(crate) fn leading_indent<'a>(
    text: &'a str,
    lines: &LineIndex,
    start: usize,
) -> Option<&'a str> {
    let lead = &text[lines.line_start(start)..start];
    lead.chars().all(char::is_whitespace).then_some(lead)
}

/// Just after the comma that follows offset `end` (across spaces and comments), if any.
pub(crate) fn comma_after(text: &str, end: usize) -> Option<usize> {
    let mut pos = end;
    loop {
        let rest = &text[pos..];
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            pos += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("/*") {
            pos += trimmed.find("*/").map_or(trimmed.len(), |end| end + 2);
        } else {
            return trimmed.starts_with(',').then_some(pos + 1);
        }
    }
}

/// The start of the next line, when only spaces or a line comment follow `pos` on its line.
pub(crate) fn end_of_line(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let newline = rest.find('\n')?;
    let tail = rest[..newline].trim();
    (tail.is_empty() || tail.starts_with("//")).then_some(pos + newline + 1)
}

/// The end of the line starting at `line_start`, when that line is blank.
pub(crate) fn blank_line_at(text: &str, line_start: usize) -> Option<usize> {
    let rest = &text[line_start..];
    let newline = rest.find('\n')?;
    rest[..newline]
        .trim()
        .is_empty()
        .then_some(line_start + newline + 1)
}

/// The start of the line before the one starting at `line_start`, when that line is blank.
pub(crate) fn blank_line_before(text: &str, line_start: usize) -> Option<usize> {
    let previous_end = line_start.checked_sub(1)?;
    let previous_start = text[..previous_end].rfind('\n').map_or(0, |i| i + 1);
    text[previous_start..previous_end]
        .trim()
        .is_empty()
        .then_some(previous_start)
}
