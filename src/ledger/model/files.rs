//! The files of a scenarios folder as the model sees them: which kind a file is (one rule,
//! by name and place), the names of the two special files, and the hashes that tell
//! whether a file or a block is still as it was read.

use std::hash::Hasher;
use std::path::Path;

/// The people registry, in the scenarios folder.
pub const PEOPLE_FILE: &str = "people.ron";
/// The folder's own phrase table, extending the built-in one.
pub const PHRASES_FILE: &str = "phrases.ron";

/// What a `.ron` file in a scenarios folder holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    People,
    Phrases,
}

/// The kind of a file in `dir`, by its name and place (as the loader reads it).
pub fn file_kind(dir: &Path, path: &Path) -> FileKind {
    let at_top = path.parent() == Some(dir);
    match path.file_name().and_then(|name| name.to_str()) {
        Some(PEOPLE_FILE) if at_top => FileKind::People,
        Some(PHRASES_FILE) if at_top => FileKind::Phrases,
        _ => FileKind::Scenario,
    }
}

/// Why a scenario id cannot name a new file, if it cannot. The id becomes `<id>.ron`, so
/// it is kept to characters every file system and shell treat plainly.
pub fn scenario_id_problem(id: &str) -> Option<String> {
    let plain = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if id.is_empty() || !plain || id.starts_with('-') {
        return Some(format!(
            "scenario id '{id}' must be usable as a file name: lowercase letters, digits and hyphens, not starting with a hyphen"
        ));
    }
    for special in [PEOPLE_FILE, PHRASES_FILE] {
        if special.strip_suffix(".ron") == Some(id) {
            return Some(format!(
                "'{id}' cannot be a scenario id: {special} is a special file of the folder"
            ));
        }
    }
    None
}

/// A file's line endings, kept through an edit and a merge: both work on `\n` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEndings {
    Lf,
    /// Every line ends with `\r\n` (a file with mixed endings is treated as `\n`: its
    /// `\r`s stay where they are).
    CrLf,
}

impl LineEndings {
    pub fn of(text: &str) -> LineEndings {
        let lines = text.matches('\n').count();
        if lines > 0 && text.matches("\r\n").count() == lines {
            LineEndings::CrLf
        } else {
            LineEndings::Lf
        }
    }

    pub fn to_lf<'a>(self, text: &'a str) -> std::borrow::Cow<'a, str> {
        match self {
            LineEndings::Lf => text.into(),
            LineEndings::CrLf => text.replace("\r\n", "\n").into(),
        }
    }

    pub fn restore<'a>(self, text: &'a str) -> std::borrow::Cow<'a, str> {
        match self {
            LineEndings::Lf => text.into(),
            LineEndings::CrLf => text.replace('\n', "\r\n").into(),
        }
    }
}

/// Why an edit may not give forecast `from` the id `to`, if it may not: other files, pull
/// requests and the history name a forecast by its id. One rule for the forms and the door.
pub fn id_change_problem(from: &str, to: &str) -> Option<String> {
    (from != to).then(|| {
        format!(
            "a forecast's id cannot be changed ('{from}' to '{to}'): other files and pull requests refer to it"
        )
    })
}

/// A stable-within-a-process hash of a block's text (see [`super::Entry::fingerprint`]).
/// Line endings are left out, so a block reads the same whether the file was loaded with
/// `\r\n` or handed to an edit with `\n` (see the write door).
pub fn fingerprint(text: &str) -> u64 {
    // FxHasher is not a stream (two writes hash unlike one of both), so a text with `\r`s
    // is hashed as one piece without them.
    let mut hasher = rustc_hash::FxHasher::default();
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        hasher.write(text.as_bytes());
    } else {
        hasher.write(text.replace('\r', "").as_bytes());
    }
    hasher.finish()
}

/// A hash of a whole file's bytes, so a write can tell whether the file is still exactly
/// what was loaded (and checked) without checking it again.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::LineEndings;

    #[test]
    fn crlf_files_keep_their_endings_and_mixed_files_are_left_as_they_are() {
        let crlf = "a\r\nb\r\n";
        let endings = LineEndings::of(crlf);
        assert_eq!(endings, LineEndings::CrLf);
        assert_eq!(endings.to_lf(crlf), "a\nb\n");
        assert_eq!(endings.restore("a\nb\nc\n"), "a\r\nb\r\nc\r\n");
        let mixed = "a\r\nb\n";
        assert_eq!(LineEndings::of(mixed), LineEndings::Lf);
        assert_eq!(LineEndings::of(mixed).to_lf(mixed), mixed);
    }
}
