//! Byte offsets to lines and columns and back, for every problem that names a place in a
//! file: columns count characters, and long lines keep checkpoints so that a lookup stays
//! cheap when a whole file sits on one line.

use crate::ledger::model::Position;

/// Maps byte offsets to lines and columns, and back.
///
/// Columns count characters, so a position deep into a long line would count every
/// character from the line's start on every lookup: a whole file on one line, with one
/// problem per forecast, would take time quadratic in its length. Texts with long lines
/// keep a checkpoint every 4 KiB (`CHECKPOINT_BYTES`) with the characters before it, so a
/// lookup counts at most that many.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, characters before it), from the text's start; empty when every line
    /// is short enough to count directly.
    checkpoints: Vec<(usize, usize)>,
}

/// How far apart the character-count checkpoints of a long-lined text are, in bytes.
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let longest_line = line_starts
            .windows(2)
            .map(|pair| pair[1] - pair[0])
            .chain(std::iter::once(
                text.len() - line_starts[line_starts.len() - 1],
            ))
            .max()
            .unwrap_or(0);
        let mut checkpoints = Vec::new();
        if longest_line > CHECKPOINT_BYTES {
            let (mut byte, mut chars) = (0, 0);
            while byte < text.len() {
                checkpoints.push((byte, chars));
                // Past the end, this is the end: each step moves on.
                let next = text.floor_char_boundary(byte + CHECKPOINT_BYTES);
                chars += text[byte..next].chars().count();
                byte = next;
            }
            checkpoints.push((text.len(), chars));
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = if offset - start <= CHECKPOINT_BYTES || self.checkpoints.is_empty() {
            text[start..offset].chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The byte offset of a position: the inverse of [`LineIndex::position`]. A column past
    /// the end of its line gives the line's end.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position
            .line
            .saturating_sub(1)
            .min(self.line_starts.len() - 1);
        let start = self.line_starts[line].min(text.len());
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let wanted = position.column.saturating_sub(1);
        let (from, skip) = if wanted <= CHECKPOINT_BYTES || self.checkpoints.is_empty() {
            (start, wanted)
        } else {
            let target = self.chars_before(text, start) + wanted;
            let after = self
                .checkpoints
                .partition_point(|&(_, chars)| chars <= target);
            let (byte, chars) = self.checkpoints[after.saturating_sub(1)];
            if byte < start {
                (start, wanted)
            } else {
                (byte.min(end), target - chars)
            }
        };
        text[from..end]
            .char_indices()
            .nth(skip)
            .map_or(end, |(i, _)| from + i)
    }

    /// How many characters come before `offset` (a character boundary), from the last
    /// checkpoint at or before it.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let after = self
            .checkpoints
            .partition_point(|&(byte, _)| byte <= offset);
        let (byte, chars) = self.checkpoints[after.saturating_sub(1)];
        chars + text[byte..offset].chars().count()
    }

    /// Byte offset of the start of the line holding `offset`.
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        self.line_starts[line]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "«é» x";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find('x').unwrap()).column, 5);
    }

    /// Positions by counting every character from the text's start: slow and obviously right.
    fn counted(text: &str, offset: usize) -> Position {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    #[test]
    fn positions_in_long_lines_match_counting_and_map_back() {
        // Long lines of mixed-width characters, around the checkpoint spacing.
        let line = "aé«€😀 ".repeat(3000);
        let text = format!("{line}\nshort\n{line}{line}");
        let index = LineIndex::new(&text);
        let offsets = text
            .char_indices()
            .map(|(i, _)| i)
            .step_by(997)
            .chain([0, text.len()]);
        for offset in offsets {
            let position = index.position(&text, offset);
            assert_eq!(position, counted(&text, offset), "at byte {offset}");
            assert_eq!(
                index.offset(&text, position),
                offset,
                "back from {position:?}"
            );
        }
        let first_line_end = line.len();
        let past_the_end = Position {
            line: 1,
            column: 1_000_000,
        };
        assert_eq!(index.offset(&text, past_the_end), first_line_end);
    }
}
