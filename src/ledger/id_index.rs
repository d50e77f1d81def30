//! Which scenario files can hold a forecast id, remembered between commands, so that
//! changing one forecast (`resolve`, `reopen`, `log`) reads one file rather than the whole
//! folder.
//!
//! For each file it keeps the file's identity as `stat` gives it (size, modification and
//! change times, inode), as git's index does, and a Bloom filter of the strings the file
//! sets an `id:` field to. A file whose identity is unchanged and whose filter rules the id
//! out is not read; any other file is read and scanned as before, and its entry renewed.
//! The index only ever saves reading: a file it wrongly skips (an id written in an unusual
//! way, `id: /* … */ "x"`) leaves the forecast unfound, and the command then loads the
//! whole folder before saying so, as it always did.
//!
//! It lives in the user's cache folder (`$XDG_CACHE_HOME/hindsight`, else
//! `~/.cache/hindsight`), one file per scenarios folder, never in the folder itself: a
//! folder from a stranger's repository cannot plant one. An index that cannot be read is
//! ignored, and one is written whole to a temporary file and renamed into place.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Filter bits per id: with four probes, about one file in 400 is read needlessly.
const BITS_PER_ID: usize = 16;
const PROBES: u64 = 4;
const MAGIC: &[u8] = b"hindsight id index 1\n";

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

    /// Takes in what `path` held when read (its bytes), if its identity was noted.
    pub fn renew(&self, path: &Path, bytes: &[u8]) {
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
            filter: filter_of(bytes),
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
            .and_then(|()| tempfile::NamedTempFile::new_in(folder))
            .and_then(|mut file| {
                use std::io::Write;
                file.write_all(&encode(&self.entries))?;
                file.persist(location).map_err(|error| error.error)?;
                Ok(())
            });
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

/// The strings a file sets an `id:` field to (`id: "…"`, spaces allowed around the colon).
fn ids_in(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    memchr::memmem::find_iter(bytes, b"id").filter_map(move |at| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return None;
        }
        let rest = &bytes[at + 2..];
        let rest = trim_spaces(rest).strip_prefix(b":")?;
        let rest = trim_spaces(rest).strip_prefix(b"\"")?;
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        (rest[end] == b'"').then_some(&rest[..end])
    })
}

fn trim_spaces(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The filter's bit positions for `id`: double hashing from one 64-bit hash.
fn probes(id: &[u8], bits: u64) -> impl Iterator<Item = u64> {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(id);
    let hash = hasher.finish();
    let (first, step) = (hash & 0xffff_ffff, (hash >> 32) | 1);
    (0..PROBES).map(move |i| first.wrapping_add(i.wrapping_mul(step)) % bits)
}

fn filter_of(bytes: &[u8]) -> Vec<u64> {
    let ids: Vec<&[u8]> = ids_in(bytes).collect();
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

    #[test]
    fn ids_are_found_where_a_field_sets_them() {
        let text = br#"Scenario(id: "s", sources: [Source(id:"src")], forecasts: [(
            id : "a-1", source: "src", tags: ["id"], quote: "his id: \"x\""),
            (paid: "no", r#id: "raw", id: "esc\"aped")])"#;
        let found: Vec<&[u8]> = ids_in(text).collect();
        // `r#id` is ron's raw spelling of `id`; an escaped id is left out (a miss only
        // costs a full load).
        assert_eq!(found, vec![&b"s"[..], b"src", b"a-1", b"raw"]);
    }

    #[test]
    fn the_filter_holds_every_id_and_rules_out_most_others() {
        let text: String = (0..1000)
            .map(|i| format!("(id: \"forecast-{i}\"),\n"))
            .collect();
        let filter = filter_of(text.as_bytes());
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
        index.renew(&path, &std::fs::read(&path).unwrap());
        index.take_in_renewed();
        assert!(index.rules_out(&path, "absent"));
        assert!(!index.rules_out(&path, "present"));
        // Changed on disk: read again, whatever its entry says.
        std::fs::write(&path, "(id: \"present\"), (id: \"absent\")").unwrap();
        assert!(!index.rules_out(&path, "absent"));
        index.renew(&path, &std::fs::read(&path).unwrap());
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
