//! A three-way merge of text: two versions made from one base combined into one that keeps
//! both sides' changes, lines first and, where both sides changed the same lines, their
//! words. The write door uses it for a save another program made from the version the door
//! showed for a moment (see [`super::put_back`]). Nothing here knows what a file holds.

use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Two sides merged.
#[derive(Debug, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    /// Both sides changed some words of the base differently: `theirs` is kept there, and
    /// that part of `ours` is not in `text`.
    pub lossy: bool,
}

/// Merges `ours` and `theirs`, both made from `base`. Where both inserted different text
/// at one place, both are kept, `ours` first (the door passes the earlier save as `ours`);
/// where one insertion begins or ends with the other (a save made from the other side,
/// which added more), the longer is kept, once.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Merged {
    let (base, ours, theirs) = (lines(base), lines(ours), lines(theirs));
    let mut merged = Merged {
        text: String::new(),
        lossy: false,
    };
    for region in regions(&base, &ours, &theirs) {
        match region.changed {
            Changed::Neither | Changed::Ours | Changed::Alike => {
                merged.text.extend(ours[region.ours].iter().copied());
            }
            Changed::Theirs => merged.text.extend(theirs[region.theirs].iter().copied()),
            Changed::Differently => {
                // Both changed these lines: merge their words (two saves that each added a
                // word to one line do not conflict).
                let base = base[region.base].concat();
                let ours = ours[region.ours].concat();
                let theirs = theirs[region.theirs].concat();
                merge_words(&base, &ours, &theirs, &mut merged);
            }
        }
    }
    merged
}

/// How far apart two texts are: the words one would delete and insert to make one the
/// other (found line by line, then word by word in the lines that differ). A save is
/// nearest the version it was made from: a line that gained a word is one word away from
/// its old self, not two lines.
pub fn distance(a: &str, b: &str) -> usize {
    // Only the lines between the common beginning and end can differ: a save changes a few
    // lines of a long file, and this is worked out for every version a save is compared to.
    // Cut at line breaks, found as bytes: a common run may end inside a character.
    let same_start = a.bytes().zip(b.bytes()).take_while(|(a, b)| a == b).count();
    let same_start = a.as_bytes()[..same_start]
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |at| at + 1);
    let (a, b) = (&a[same_start..], &b[same_start..]);
    let same_end = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // The common end, from just after the first line break in it.
    let same_end = a.as_bytes()[a.len() - same_end..]
        .iter()
        .position(|&byte| byte == b'\n')
        .map_or(0, |at| same_end - at - 1);
    let (a, b) = (&a[..a.len() - same_end], &b[..b.len() - same_end]);
    let (a, b) = (lines(a), lines(b));
    capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| {
            let (old, new) = (a[op.old_range()].concat(), b[op.new_range()].concat());
            let (old, new) = (words(&old), words(&new));
            capture_diff_slices(Algorithm::Myers, &old, &new)
                .iter()
                .filter(|op| !matches!(op, DiffOp::Equal { .. }))
                .map(|op| op.old_range().len() + op.new_range().len())
                .sum::<usize>()
        })
        .sum()
}

fn merge_words(base: &str, ours: &str, theirs: &str, merged: &mut Merged) {
    let (base, ours, theirs) = (words(base), words(ours), words(theirs));
    for region in regions(&base, &ours, &theirs) {
        match region.changed {
            Changed::Neither | Changed::Ours | Changed::Alike => {
                merged.text.extend(ours[region.ours].iter().copied());
            }
            Changed::Theirs => merged.text.extend(theirs[region.theirs].iter().copied()),
            Changed::Differently => {
                let (ours, theirs) = (ours[region.ours].concat(), theirs[region.theirs].concat());
                if region.base.is_empty() {
                    merged.text.push_str(&both_inserted(ours, theirs));
                } else {
                    // The same words changed two ways: no text keeps both. The newer save
                    // wins here; the caller keeps the older one whole.
                    merged.text.push_str(&theirs);
                    merged.lossy = true;
                }
            }
        }
    }
}

fn both_inserted(ours: String, theirs: String) -> String {
    if theirs.starts_with(&ours) || theirs.ends_with(&ours) {
        theirs
    } else if ours.starts_with(&theirs) || ours.ends_with(&theirs) {
        ours
    } else {
        ours + &theirs
    }
}

/// Which side changed a region of the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Changed {
    Neither,
    Ours,
    Theirs,
    /// Both, the same way.
    Alike,
    Differently,
}

/// A stretch of the base and what each side has in its place.
struct Region {
    base: Range<usize>,
    ours: Range<usize>,
    theirs: Range<usize>,
    changed: Changed,
}

/// The base cut into stretches that neither side changed and stretches that one or both
/// changed. Changes of the two sides that overlap or touch make one stretch, as in diff3:
/// with no unchanged item between them, their order is not known.
fn regions<T: Eq + Hash>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<Region> {
    let (ours_edits, theirs_edits) = (edits(base, ours), edits(base, theirs));
    let (mut ours_edits, mut theirs_edits) =
        (ours_edits.iter().peekable(), theirs_edits.iter().peekable());
    let mut regions = Vec::new();
    // How far the base and each side have been cut.
    let (mut at, mut at_ours, mut at_theirs) = (0, 0, 0);
    loop {
        let next = [ours_edits.peek(), theirs_edits.peek()]
            .into_iter()
            .flatten()
            .map(|edit| edit.base.start)
            .min();
        let start = next.unwrap_or(base.len());
        if start > at {
            let len = start - at;
            regions.push(Region {
                base: at..start,
                ours: at_ours..at_ours + len,
                theirs: at_theirs..at_theirs + len,
                changed: Changed::Neither,
            });
            (at_ours, at_theirs) = (at_ours + len, at_theirs + len);
        }
        if next.is_none() {
            return regions;
        }
        let mut end = start;
        let (mut ours_took, mut theirs_took) = (Took::default(), Took::default());
        loop {
            let ours_grew = ours_took.take(&mut ours_edits, &mut end);
            let theirs_grew = theirs_took.take(&mut theirs_edits, &mut end);
            if !ours_grew && !theirs_grew {
                break;
            }
        }
        let ours_range = at_ours..at_ours + ours_took.side_len(end - start);
        let theirs_range = at_theirs..at_theirs + theirs_took.side_len(end - start);
        let changed = match (ours_took.any, theirs_took.any) {
            (true, false) => Changed::Ours,
            (false, true) => Changed::Theirs,
            _ if ours[ours_range.clone()] == theirs[theirs_range.clone()] => Changed::Alike,
            _ => Changed::Differently,
        };
        (at, at_ours, at_theirs) = (end, ours_range.end, theirs_range.end);
        regions.push(Region {
            base: start..end,
            ours: ours_range,
            theirs: theirs_range,
            changed,
        });
    }
}

/// One side's edits taken into a region.
#[derive(Default)]
struct Took {
    any: bool,
    base_len: usize,
    side_len: usize,
}

impl Took {
    /// Takes the side's next edits that start at or before `end` (touching counts),
    /// moving `end` past them; whether any was taken.
    fn take<'a>(
        &mut self,
        edits: &mut std::iter::Peekable<impl Iterator<Item = &'a Edit>>,
        end: &mut usize,
    ) -> bool {
        let mut took = false;
        while let Some(edit) = edits.next_if(|edit| edit.base.start <= *end) {
            *end = (*end).max(edit.base.end);
            self.base_len += edit.base.len();
            self.side_len += edit.side.len();
            (self.any, took) = (true, true);
        }
        took
    }

    /// How long the side's part of a region `base_len` long is.
    fn side_len(&self, base_len: usize) -> usize {
        base_len - self.base_len + self.side_len
    }
}

/// A stretch of the base that a side replaced with a stretch of its own (either may be
/// empty).
struct Edit {
    base: Range<usize>,
    side: Range<usize>,
}

fn edits<T: Eq + Hash>(base: &[T], side: &[T]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, base, side) {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        let (base, side) = (op.old_range(), op.new_range());
        match edits.last_mut() {
            Some(last) if last.base.end == base.start && last.side.end == side.start => {
                (last.base.end, last.side.end) = (base.end, side.end);
            }
            _ => edits.push(Edit { base, side }),
        }
    }
    edits
}

/// The text's lines, each with its line break.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The text's words, runs of spaces, line breaks and single other characters: a change
/// inside a line, as small as it can be said.
fn words(text: &str) -> Vec<&str> {
    #[derive(PartialEq)]
    enum Kind {
        Word,
        Space,
        Other,
    }
    let kind = |c: char| match c {
        c if c.is_alphanumeric() || c == '_' => Kind::Word,
        '\n' | '\r' => Kind::Other,
        c if c.is_whitespace() => Kind::Space,
        _ => Kind::Other,
    };
    let mut words = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let this = kind(c);
        if this != Kind::Other {
            while let Some((at, next)) = chars.next_if(|&(_, next)| kind(next) == this) {
                end = at + next.len_utf8();
            }
        }
        words.push(&text[start..end]);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(base: &str, ours: &str, theirs: &str) -> String {
        let merged = merge(base, ours, theirs);
        assert!(!merged.lossy, "{merged:?}");
        merged.text
    }

    #[test]
    fn changes_to_different_lines_are_both_kept() {
        let base = "one\ntwo\nthree\nfour\n";
        let ours = "ONE\ntwo\nthree\nfour\n";
        let theirs = "one\ntwo\nthree\nFOUR\nfive\n";
        assert_eq!(clean(base, ours, theirs), "ONE\ntwo\nthree\nFOUR\nfive\n");
        // The same change on both sides is made once.
        assert_eq!(clean(base, ours, ours), ours);
        assert_eq!(clean(base, base, theirs), theirs);
    }

    #[test]
    fn words_added_to_one_line_by_both_are_both_kept_the_earlier_first() {
        let base = "a\n// marks: 1 2\nb\n";
        let ours = "a\n// marks: 1 2 3\nb\n";
        let theirs = "a\n// marks: 1 2 4\nb\n";
        assert_eq!(clean(base, ours, theirs), "a\n// marks: 1 2 3 4\nb\n");
        // Theirs made from ours, which added more: kept once, not twice.
        let from_ours = "a\n// marks: 1 2 3 4\nb\n";
        assert_eq!(clean(base, ours, from_ours), from_ours);
        // Lines inserted at one place by both.
        assert_eq!(clean("a\nz\n", "a\nb\nz\n", "a\nc\nz\n"), "a\nb\nc\nz\n");
    }

    #[test]
    fn a_save_made_from_the_other_side_merges_to_itself() {
        // The door's change (`x: 1` to `x: 2`) is in the base; `ours` is the save the door
        // replaced, `theirs` a later save made from `ours`.
        let base = "x: 2,\n// marks: 1\ny: 0,\n";
        let ours = "x: 1,\n// marks: 1 2\ny: 0,\n";
        let theirs = "x: 1,\n// marks: 1 2 3\ny: 5,\n";
        assert_eq!(clean(base, ours, theirs), theirs);
    }

    #[test]
    fn words_both_sides_changed_differently_keep_theirs_and_say_so() {
        let merged = merge("format: 1,\n", "format:  1,\n", "format:   1,\n");
        assert_eq!(merged.text, "format:   1,\n");
        assert!(merged.lossy);
        // Deleted on one side, changed on the other.
        let merged = merge("a\nb\nc\n", "a\nc\n", "a\nB\nc\n");
        assert_eq!(merged.text, "a\nB\nc\n");
        assert!(merged.lossy);
    }

    #[test]
    fn the_distance_counts_words_deleted_and_inserted() {
        assert_eq!(distance("a\nb\nc\n", "a\nb\nc\n"), 0);
        assert_eq!(distance("a\nb b\nc\n", "a\nb B\nc\n"), 2);
        assert_eq!(distance("a\nb\nc\n", "a\nb\nc\nd e\n"), 4);
        // A save that added a mark to a line is nearer the version it was made from than
        // a version with another mark in its place.
        let (made_from, other) = ("// m: 1 2\n", "// m: 1 3\n");
        let save = "// m: 1 2 4\n";
        assert!(distance(made_from, save) < distance(other, save));
        // Texts that differ inside a character, and share only part of a line.
        assert_eq!(distance("a\né\n", "a\nè\n"), 2);
        assert_eq!(distance("x é\n", "y é\n"), 2);
    }

    #[test]
    fn words_are_runs_of_letters_or_spaces_and_single_marks() {
        assert_eq!(
            words("ab_1  c,\n\"é\""),
            ["ab_1", "  ", "c", ",", "\n", "\"", "é", "\""]
        );
    }
}
