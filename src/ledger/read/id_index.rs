//! Which scenario files can hold a forecast id, remembered between commands, so that
//! changing one forecast (`resolve`, `reopen`, `log`) reads one file rather than the whole
//! folder.
//!
//! For each file it keeps the file's identity as `stat` gives it (size, modification and
//! change times, inode), as git's index does, and a Bloom filter of the strings the file
//! sets an `id:` field to. A file whose identity is unchanged and whose filter rules the id
//! out is not read; any other file is read and scanned as before, and its entry renewed.
//! The index only ever saves reading, never changes an answer: its filters hold every id
//! the parser would find in a file, however it is spelled (escapes, raw strings, comments
//! around the colon; see [`FileIds`]), and a file with an id string it cannot decode is
//! always read.
//!
//! It lives in the user's cache folder (`$XDG_CACHE_HOME/hindsight`, else
//! `~/.cache/hindsight`), one file per scenarios folder, never in the folder itself: a
//! folder from a stranger's repository cannot plant one. An index that cannot be read is
//! ignored, and one is written whole to a temporary file and renamed into place.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::syntax::tokens;
use crate::ledger::disk::{self, DiskError};

/// Filter bits per id: with four probes, about one file in 400 is read needlessly.
const BITS_PER_ID: usize = 16;
const PROBES: u64 = 4;
/// Version 1 left ids written with escapes or as raw strings out of its filters: its
/// files are not read.
const MAGIC: &[u8] = b"hindsight id index 2\n";

/// A file's identity as `stat` gives it: when any part changes, its entry is stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Identity {
    size: u64,
    modified: i64,
    modified_nanos: i64,
    changed: i64,
    changed_nanos: i64,
    inode: u64,
}

impl Identity {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Identity> {
        use std::os::unix::fs::MetadataExt;
        // The file read, not a link to it: the walk follows links inside the folder.
        let metadata = std::fs::metadata(path).ok()?;
        Some(Identity {
            size: metadata.size(),
            modified: metadata.mtime(),
            modified_nanos: metadata.mtime_nsec(),
            changed: metadata.ctime(),
            changed_nanos: metadata.ctime_nsec(),
            inode: metadata.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_path: &Path) -> Option<Identity> {
        None
    }

    fn fields(&self) -> [u64; 6] {
        [
            self.size,
            self.modified as u64,
            self.modified_nanos as u64,
            self.changed as u64,
            self.changed_nanos as u64,
            self.inode,
        ]
    }
}

/// What the index knows of one file.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    identity: Identity,
    filter: Vec<u64>,
}

/// The index of one scenarios folder, as read from the cache and renewed by a load. Files
/// are keyed by their path inside the folder, so the index holds whatever the working
/// folder. A load asks it from several threads: the entries read are only looked up, and
/// what the load learns is collected apart, under a lock held only to add to it.
#[derive(Debug, Default)]
pub struct IdIndex {
    dir: PathBuf,
    location: Option<PathBuf>,
    entries: HashMap<PathBuf, Entry>,
    /// Identities taken before reading, for the files read this time.
    identities: Mutex<HashMap<PathBuf, Identity>>,
    /// Entries of the files read this time.
    renewed: Mutex<Vec<(PathBuf, Entry)>>,
}

/// Folders with fewer scenario files are read whole, with no index: reading them costs
/// little, and a cache file per small folder (every test's temporary folder) would only
/// pile up.
pub const MIN_FILES: usize = 32;

/// How many renewed entries make the index worth writing back. Each write changes the file
/// it writes, whose entry is then stale; rewriting the whole index (2 MB at 1,000,000
/// forecasts) for it would cost more than reading that one file again next time.
const SAVE_AFTER: usize = 8;

impl IdIndex {
    /// The index kept for the scenarios folder `dir` (empty when there is none yet, or no
    /// cache folder).
    pub fn open(dir: &Path) -> IdIndex {
        let location = location(dir);
        let entries = location
            .as_deref()
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|bytes| decode(&bytes))
            .unwrap_or_default();
        IdIndex {
            dir: dir.to_path_buf(),
            location,
            entries,
            ..IdIndex::default()
        }
    }

    /// A file's key: its path inside the folder.
    fn key(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.dir).unwrap_or(path).to_path_buf()
    }

    /// Whether the file at `path` can be left unread: its entry is current and rules out
    /// `id`. Otherwise its identity is noted, before it is read, for [`IdIndex::renew`].
    pub fn rules_out(&self, path: &Path, id: &str) -> bool {
        let Some(identity) = Identity::of(path) else {
            return false;
        };
        let key = self.key(path);
        if let Some(entry) = self.entries.get(&key)
            && entry.identity == identity
        {
            return !may_hold(&entry.filter, id);
        }
        if let Ok(mut identities) = self.identities.lock() {
            identities.insert(key, identity);
        }
        false
    }

    /// Takes in the ids `path` held when read, if its identity was noted.
    pub fn renew(&self, path: &Path, ids: &FileIds) {
        let key = self.key(path);
        let identity = self
            .identities
            .lock()
            .ok()
            .and_then(|mut identities| identities.remove(&key));
        let Some(identity) = identity else {
            return;
        };
        let entry = Entry {
            identity,
            filter: filter_of(ids),
        };
        if self.entries.get(&key) != Some(&entry)
            && let Ok(mut renewed) = self.renewed.lock()
        {
            renewed.push((key, entry));
        }
    }

    /// Moves the entries renewed by the load into the index; returns how many there were.
    fn take_in_renewed(&mut self) -> usize {
        let renewed = std::mem::take(self.renewed.get_mut().unwrap_or_else(|e| e.into_inner()));
        let count = renewed.len();
        self.entries.extend(renewed);
        count
    }

    /// Writes the index back, keeping only the files in `present`, if enough changed (see
    /// [`SAVE_AFTER`]) or files left the folder. A failure to write costs the next command
    /// some reading, nothing else.
    pub fn save(mut self, present: &[&PathBuf]) {
        let present: std::collections::HashSet<PathBuf> =
            present.iter().map(|path| self.key(path)).collect();
        let before = self.entries.len();
        self.entries.retain(|path, _| present.contains(path));
        let count = self.take_in_renewed();
        if count < SAVE_AFTER.min(present.len()) && self.entries.len() == before {
            return;
        }
        let Some(location) = &self.location else {
            return;
        };
        let Some(folder) = location.parent() else {
            return;
        };
        // Whole or not at all: another command may be reading it.
        let written = std::fs::create_dir_all(folder)
            .map_err(DiskError::from)
            .and_then(|()| disk::replace_file(location, &encode(&self.entries)));
        let _ = written;
    }
}

/// `$XDG_CACHE_HOME/hindsight/ids-<hash of the folder's real path>`, or under `~/.cache`.
fn location(dir: &Path) -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))?;
    let real = dir.canonicalize().ok()?;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(real.as_os_str().as_encoded_bytes());
    Some(
        cache
            .join("hindsight")
            .join(format!("ids-{:016x}", hasher.finish())),
    )
}

/// The ids one file's text sets `id:` fields to, spelled however ron allows: found by a
/// scan of the bytes (no parse), and never fewer than the parser would find, so that a
/// file left out for not holding an id cannot hold it. Extra ones (an `id: "x"` inside a
/// quote) only cost a file read for nothing.
pub(crate) struct FileIds<'a> {
    /// Written plainly (`id: "x"`): the bytes between the quotes.
    plain: Vec<&'a [u8]>,
    /// Written with escapes (`"\u{78}"`) or as a raw string (`r#"x"#`): decoded.
    decoded: Vec<String>,
    /// Some `id:` string could not be decoded (it is broken, or ends with the file): the
    /// file may hold any id, and is always read.
    any: bool,
}

impl<'a> FileIds<'a> {
    pub(crate) fn of(bytes: &'a [u8]) -> FileIds<'a> {
        let mut ids = FileIds {
            plain: Vec::new(),
            decoded: Vec::new(),
            any: false,
        };
        // What follows each `id` is read on its own, so a file of `id//id//…` would be
        // read again and again: past a bound, the file may hold any id (and is read).
        let mut budget = 2 * bytes.len() + 4096;
        for at in memchr::memmem::find_iter(bytes, b"id") {
            let (found, read) = id_string_at(bytes, at);
            budget = budget.saturating_sub(read);
            match found {
                _ if budget == 0 => ids.any = true,
                None => {}
                Some(IdString::Plain(id)) => ids.plain.push(id),
                Some(IdString::Decoded(id)) => ids.decoded.push(id),
                Some(IdString::Undecodable) => ids.any = true,
            }
            // Nothing found after that can narrow it.
            if ids.any {
                break;
            }
        }
        ids
    }

    /// Whether the file can hold `id`.
    pub(crate) fn may_hold(&self, id: &str) -> bool {
        self.any
            || self.plain.contains(&id.as_bytes())
            || self.decoded.iter().any(|decoded| decoded == id)
    }

    fn all(&self) -> impl Iterator<Item = &[u8]> {
        let decoded = self.decoded.iter().map(String::as_bytes);
        self.plain.iter().copied().chain(decoded)
    }
}

/// The string an `id` field at `at` is set to, if the `id` there is a field's name.
enum IdString<'a> {
    Plain(&'a [u8]),
    Decoded(String),
    Undecodable,
}

/// Reads `id`, then whitespace and comments, `:`, whitespace and comments, and a string
/// (`r#id` is ron's raw spelling of `id`: the `#` before it is no part of a name). Also
/// returns how many bytes after `at` were read.
fn id_string_at(bytes: &[u8], at: usize) -> (Option<IdString<'_>>, usize) {
    let read = |rest: &[u8]| bytes.len() - rest.len() - at;
    let before = at.checked_sub(1).map(|i| bytes[i]);
    if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return (None, 0);
    }
    let rest = skip_trivia(&bytes[at + 2..]);
    let Some(rest) = rest.strip_prefix(b":") else {
        return (None, read(rest));
    };
    let literal = skip_trivia(rest);
    let (found, length) = match literal.first() {
        Some(b'"') => quoted_string(literal),
        Some(b'r') => match tokens::raw_string(literal, 0) {
            Some(raw) => (
                Some(raw_string(literal, &raw)),
                raw.end.unwrap_or(literal.len()),
            ),
            None => (None, 0),
        },
        _ => (None, 0),
    };
    (found, read(literal) + length)
}

/// A `"…"` string: the bytes between the quotes when it has no escapes, else decoded by
/// ron itself (the parser's own decoding); and its length.
fn quoted_string(literal: &[u8]) -> (Option<IdString<'_>>, usize) {
    let Some(end) = tokens::string_end(literal, 0) else {
        return (Some(IdString::Undecodable), literal.len());
    };
    let inner = &literal[1..end - 1];
    if memchr::memchr(b'\\', inner).is_none() {
        return (Some(IdString::Plain(inner)), end);
    }
    let decoded = std::str::from_utf8(&literal[..end])
        .ok()
        .and_then(|literal| ron::from_str::<String>(literal).ok());
    (
        Some(decoded.map_or(IdString::Undecodable, IdString::Decoded)),
        end,
    )
}

/// A raw string's text (it has no escapes), if it closes.
fn raw_string<'a>(literal: &'a [u8], raw: &tokens::RawString) -> IdString<'a> {
    match (raw.end, std::str::from_utf8(&literal[raw.text.clone()])) {
        (Some(_), Ok(id)) => IdString::Decoded(id.to_string()),
        _ => IdString::Undecodable,
    }
}

/// Skips what ron skips between tokens: whitespace (any that ron or the outline counts)
/// and comments, `//` to the line's end and nested `/* … */`.
fn skip_trivia(mut bytes: &[u8]) -> &[u8] {
    loop {
        match bytes {
            [b, rest @ ..] if b.is_ascii_whitespace() || *b == 0x0b => bytes = rest,
            [b'/', b'/', rest @ ..] => {
                bytes = memchr::memchr(b'\n', rest).map_or(&[][..], |end| &rest[end..]);
            }
            [b'/', b'*', ..] => match tokens::block_comment_end(bytes, 0) {
                Some(end) => bytes = &bytes[end..],
                None => return &[],
            },
            [b, ..] if *b >= 0x80 => {
                let width = match b {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    _ => 4,
                };
                let space = bytes
                    .get(..width)
                    .and_then(|c| std::str::from_utf8(c).ok())
                    .and_then(|c| c.chars().next())
                    .is_some_and(|c| c.is_whitespace() || matches!(c, '\u{200e}' | '\u{200f}'));
                if !space {
                    return bytes;
                }
                bytes = &bytes[width..];
            }
            _ => return bytes,
        }
    }
}

/// The filter's bit positions for `id`: double hashing from one 64-bit hash.
fn probes(id: &[u8], bits: u64) -> impl Iterator<Item = u64> {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(id);
    let hash = hasher.finish();
    let (first, step) = (hash & 0xffff_ffff, (hash >> 32) | 1);
    (0..PROBES).map(move |i| first.wrapping_add(i.wrapping_mul(step)) % bits)
}

/// The filter of a file's ids; one that may hold any id has every bit set, so it rules
/// nothing out.
fn filter_of(ids: &FileIds) -> Vec<u64> {
    if ids.any {
        return vec![u64::MAX];
    }
    let ids: Vec<&[u8]> = ids.all().collect();
    let words = (ids.len() * BITS_PER_ID).div_ceil(64).max(1);
    let mut filter = vec![0u64; words];
    let bits = (words * 64) as u64;
    for id in ids {
        for bit in probes(id, bits) {
            filter[(bit / 64) as usize] |= 1 << (bit % 64);
        }
    }
    filter
}

fn may_hold(filter: &[u64], id: &str) -> bool {
    let bits = (filter.len() * 64) as u64;
    bits > 0
        && probes(id.as_bytes(), bits)
            .all(|bit| filter[(bit / 64) as usize] & (1 << (bit % 64)) != 0)
}

/// A path as [`encode`] wrote it (the bytes of an `OsStr` on this machine).
#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

fn encode(entries: &HashMap<PathBuf, Entry>) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let put = |value: u64, out: &mut Vec<u8>| out.extend_from_slice(&value.to_le_bytes());
    put(entries.len() as u64, &mut out);
    for (path, entry) in entries {
        let path = path.as_os_str().as_encoded_bytes();
        put(path.len() as u64, &mut out);
        out.extend_from_slice(path);
        for field in entry.identity.fields() {
            put(field, &mut out);
        }
        put(entry.filter.len() as u64, &mut out);
        for word in &entry.filter {
            put(*word, &mut out);
        }
    }
    out
}

/// Reads an index; `None` for anything that is not one this version wrote.
fn decode(bytes: &[u8]) -> Option<HashMap<PathBuf, Entry>> {
    decode_with(bytes.strip_prefix(MAGIC)?)
}

fn decode_with(mut rest: &[u8]) -> Option<HashMap<PathBuf, Entry>> {
    fn number(rest: &mut &[u8]) -> Option<u64> {
        let (head, tail) = rest.split_at_checked(8)?;
        *rest = tail;
        Some(u64::from_le_bytes(head.try_into().ok()?))
    }
    let count = number(&mut rest)?;
    let mut entries = HashMap::new();
    for _ in 0..count {
        let length = usize::try_from(number(&mut rest)?).ok()?;
        let (path, tail) = rest.split_at_checked(length)?;
        rest = tail;
        let path = path_from_bytes(path)?;
        let mut fields = [0u64; 6];
        for field in &mut fields {
            *field = number(&mut rest)?;
        }
        let words = usize::try_from(number(&mut rest)?).ok()?;
        if words > rest.len() / 8 {
            return None;
        }
        let mut filter = Vec::with_capacity(words);
        for _ in 0..words {
            filter.push(number(&mut rest)?);
        }
        let [
            size,
            modified,
            modified_nanos,
            changed,
            changed_nanos,
            inode,
        ] = fields;
        let identity = Identity {
            size,
            modified: modified as i64,
            modified_nanos: modified_nanos as i64,
            changed: changed as i64,
            changed_nanos: changed_nanos as i64,
            inode,
        };
        entries.insert(path, Entry { identity, filter });
    }
    rest.is_empty().then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> (Vec<String>, bool) {
        let ids = FileIds::of(text.as_bytes());
        let found = ids.all().map(|id| String::from_utf8_lossy(id).into_owned());
        (found.collect(), ids.any)
    }

    #[test]
    fn ids_are_found_where_a_field_sets_them() {
        let text = r#"Scenario(id: "s", sources: [Source(id:"src")], forecasts: [(
            id : "a-1", source: "src", tags: ["id"], quote: "his id: \"x\""),
            (paid: "no", r#id: "raw", id /* the id */ : // really
              "b-2")])"#;
        // `r#id` is ron's raw spelling of `id`.
        let found = vec!["s", "src", "a-1", "raw", "b-2"];
        assert_eq!(
            ids(text),
            (found.into_iter().map(String::from).collect(), false)
        );
    }

    #[test]
    fn escaped_and_raw_ids_are_decoded_as_ron_decodes_them() {
        let text = "(id: \"themselve\\u{73}\", id: r\"f5-1\", id: r##\"a\"#b\"##, id: \"q\\\"\")";
        let (found, any) = ids(text);
        assert_eq!(found, vec!["themselves", "f5-1", "a\"#b", "q\""]);
        assert!(!any);
        let file = FileIds::of(text.as_bytes());
        assert!(file.may_hold("themselves") && file.may_hold("f5-1"));
        assert!(!file.may_hold("themselve\\u{73}") && !file.may_hold("other"));
        // A filter of them rules out none of them.
        let filter = filter_of(&file);
        assert!(
            ["themselves", "f5-1", "a\"#b", "q\""]
                .iter()
                .all(|id| may_hold(&filter, id))
        );
    }

    #[test]
    fn a_file_with_an_id_string_that_cannot_be_decoded_may_hold_any_id() {
        for text in [
            "(id: \"bad \\q escape\")",
            "(id: \"unterminated \\\" string",
            "(id: r#\"unterminated raw",
        ] {
            let file = FileIds::of(text.as_bytes());
            assert!(file.may_hold("anything"), "{text}");
            assert!(may_hold(&filter_of(&file), "anything"), "{text}");
        }
        // A name that starts with `r` is not a raw string.
        assert_eq!(
            ids("(id: ready, id: \"x\")"),
            (vec!["x".to_string()], false)
        );
    }

    #[test]
    fn a_file_made_to_be_read_again_and_again_is_read_once_and_may_hold_any_id() {
        // Each `id` is followed by a comment to the line's end, or by a raw string that
        // never closes: read from every `id`, that is the file's length squared.
        for text in ["id//".repeat(200_000), "id:r#\"".repeat(200_000)] {
            let started = std::time::Instant::now();
            assert!(FileIds::of(text.as_bytes()).any);
            assert!(started.elapsed() < std::time::Duration::from_secs(2));
        }
    }

    #[test]
    fn the_filter_holds_every_id_and_rules_out_most_others() {
        let text: String = (0..1000)
            .map(|i| format!("(id: \"forecast-{i}\"),\n"))
            .collect();
        let filter = filter_of(&FileIds::of(text.as_bytes()));
        assert!((0..1000).all(|i| may_hold(&filter, &format!("forecast-{i}"))));
        let false_positives = (1000..11_000)
            .filter(|i| may_hold(&filter, &format!("forecast-{i}")))
            .count();
        assert!(false_positives < 100, "{false_positives} of 10,000");
    }

    #[test]
    fn a_file_is_left_unread_only_while_unchanged_and_ruled_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(&path, "(id: \"present\")").unwrap();
        let mut index = IdIndex::default();
        // Unknown to the index: read, and taken in.
        assert!(!index.rules_out(&path, "absent"));
        index.renew(&path, &FileIds::of(&std::fs::read(&path).unwrap()));
        index.take_in_renewed();
        assert!(index.rules_out(&path, "absent"));
        assert!(!index.rules_out(&path, "present"));
        // Changed on disk: read again, whatever its entry says.
        std::fs::write(&path, "(id: \"present\"), (id: \"absent\")").unwrap();
        assert!(!index.rules_out(&path, "absent"));
        index.renew(&path, &FileIds::of(&std::fs::read(&path).unwrap()));
        index.take_in_renewed();
        assert!(!index.rules_out(&path, "absent"));
        assert!(index.rules_out(&path, "never"));
    }

    #[test]
    fn an_index_reads_back_and_anything_else_is_ignored() {
        let mut entries = HashMap::new();
        entries.insert(
            PathBuf::from("/a/b.ron"),
            Entry {
                identity: Identity {
                    size: 1,
                    modified: -2,
                    modified_nanos: 3,
                    changed: 4,
                    changed_nanos: 5,
                    inode: 6,
                },
                filter: vec![7, 8],
            },
        );
        let bytes = encode(&entries);
        assert_eq!(decode(&bytes), Some(entries));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(decode(b"something else"), None);
        let mut huge = bytes.clone();
        let at = MAGIC.len() + 8 + 8 + "/a/b.ron".len() + 6 * 8;
        huge[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(decode(&huge), None);
    }
}
