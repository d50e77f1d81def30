//! Putting back another program's save that the door's exchange took out of a file, without
//! losing any save made around that moment.
//!
//! Between the exchange and the putting back, the path shows the door's version (D), which
//! it never should have: a program that does not lock and reads the file then makes its next
//! save from D, without the save that was taken out (S). That save lands before the putting
//! back (and comes out in place of D) or just after it (and replaces S). Either way it is
//! merged three ways, with the version it was made from as the base: S's edit and its own
//! are kept, and the door's change it carried from D is not (the door starts over and makes
//! it again). So after putting S back the door watches the file for a moment, and puts each
//! merge in place with the same exchange-and-check, which never overwrites a save unseen.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::three_way;
use super::{DiskError, Temporary, exchange_files, recovered_name, same_file};
use crate::ledger::model::limits::MAX_FILE_BYTES;

/// How long the door watches the file after it last put a version in place: a program that
/// read a version it should not have seen saves within this time (its read and its rename
/// are a few milliseconds apart, even on a loaded machine).
const WATCH: Duration = Duration::from_millis(50);
/// The watch ends after this however busy the file is.
const WATCH_AT_MOST: Duration = Duration::from_millis(500);
const POLL: Duration = Duration::from_micros(250);
/// How many merged versions one write puts in place before it gives up (each is needed
/// only when yet another save landed while the last was put in place).
const INSTALLS: usize = 8;
/// How many times a merged version waits for a save that landed just before it to be
/// judged first.
const LOOKS_BEFORE: usize = 3;
/// A file being written in place (git writes a new file after removing the old) is read
/// once its size and modification time stay the same this long.
const SETTLE: Duration = Duration::from_micros(200);

/// What the door has when its exchange took another program's save out of the path.
pub(super) struct TakenOut<'a> {
    pub path: &'a Path,
    /// Where the exchange put the save, and where this write's own file goes back.
    pub aside: &'a Path,
    /// The save (S), opened where the exchange put it.
    pub save: std::io::Result<File>,
    /// This write's file (D) and what it holds.
    pub ours: &'a File,
    pub ours_text: &'a [u8],
    /// The version this write was made from (O).
    pub original: &'a [u8],
    /// The mode, owner and group that merged versions get: the file's.
    pub like: &'a Metadata,
}

/// Puts the save back; then every save made from a version shown by mistake is merged, and
/// the merge put in place. Ok once the path holds every save (the write then starts over);
/// an error says which save could not be merged whole and where it was kept. Either way
/// `aside` holds nothing anyone needs afterwards.
pub(super) fn put_back(taken: TakenOut) -> std::io::Result<()> {
    let TakenOut {
        path,
        aside,
        save,
        ours,
        ours_text,
        original,
        like,
    } = taken;
    // Exchanging again returns S to the path and whatever is there (D, or a save that
    // replaced it) to `aside`.
    if let Err(error) = exchange_files(aside, path) {
        return Err(keep_file(aside, path, error));
    }
    // Read S at once: a save replacing it would leave no other way to its text.
    let save = match save.and_then(Present::read) {
        Ok(save) => save,
        // Not a readable file (a folder, a link): nothing to merge. Put back as it is,
        // and whatever came out instead of D is kept, not removed.
        Err(error) => {
            return match came_out(aside, ours, ours_text) {
                Ok(None) => Ok(()),
                _ => Err(keep_file(aside, path, error)),
            };
        }
    };
    let mut watch = Watch {
        path,
        like,
        truth: save.text.clone(),
        versions: vec![
            Version::new(original, Shown::Rightly),
            Version::new(&save.text, Shown::Rightly),
            Version::new(ours_text, Shown::Wrongly),
        ],
        present: Some(save),
        installs: 0,
        looks_before: 0,
        last_put: Instant::now(),
        kept: Vec::new(),
    };
    match came_out(aside, ours, ours_text) {
        Ok(None) => {}
        // A save (X) replaced D before S was back.
        Ok(Some(saved)) => match Present::read(saved) {
            Ok(saved) => {
                watch.judge(saved.text);
                watch.mark_stale();
            }
            Err(error) => return Err(keep_file(aside, path, error)),
        },
        Err(error) => return Err(keep_file(aside, path, error)),
    }
    watch.run();
    watch.finish()
}

/// How a version came to be shown at the path, which says whether a save made from it
/// must be merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// When it was the file's newest save: a save made from it is simply newer.
    Rightly,
    /// After a newer save was made (S put back while a merge was on its way in).
    Stale,
    /// Never rightly: D, and saves made from D or a stale version before their merge.
    Wrongly,
}

struct Version {
    text: Vec<u8>,
    shown: Shown,
}

impl Version {
    fn new(text: &[u8], shown: Shown) -> Version {
        Version {
            text: text.to_vec(),
            shown,
        }
    }
}

/// A file at the path as this process last saw it, locked (so that Hindsight writers wait
/// until the watch is over) if it can be.
struct Present {
    /// Held for its lock, and so that what was read stays the file's until it is let go.
    _file: File,
    metadata: Metadata,
    text: Vec<u8>,
}

impl Present {
    /// Reads a save once it is no longer being written.
    fn read(file: File) -> std::io::Result<Present> {
        let _ = file.try_lock();
        let deadline = Instant::now() + WATCH;
        loop {
            let before = file.metadata()?;
            if !before.is_file() {
                return Err(std::io::Error::other("not a regular file"));
            }
            let text = read_text(&file)?;
            std::thread::sleep(SETTLE);
            let metadata = file.metadata()?;
            let settled = metadata.len() == before.len()
                && metadata.modified().ok() == before.modified().ok()
                && metadata.len() == text.len() as u64;
            if settled || Instant::now() >= deadline {
                return Ok(Present {
                    _file: file,
                    metadata,
                    text,
                });
            }
        }
    }
}

struct Watch<'a> {
    path: &'a Path,
    like: &'a Metadata,
    /// What the path should hold: every save, merged.
    truth: Vec<u8>,
    /// The versions a save could have been made from.
    versions: Vec<Version>,
    /// What the path holds as far as is known; `None` while it holds nothing.
    present: Option<Present>,
    installs: usize,
    /// Looks taken since the last version went in place (see `install`).
    looks_before: usize,
    /// When a version last went in place (or S went back).
    last_put: Instant,
    /// Where saves that could not be merged whole were kept (or why one could not be).
    kept: Vec<String>,
}

impl Watch<'_> {
    /// Watches the path until no version shown by mistake can still have saves on their
    /// way, putting the truth in place whenever it is not there.
    fn run(&mut self) {
        let started = Instant::now();
        loop {
            let behind = self
                .present
                .as_ref()
                .is_some_and(|present| present.text != self.truth);
            let over = started.elapsed() >= WATCH_AT_MOST;
            if behind && self.installs < INSTALLS && !over {
                self.install();
                continue;
            }
            if over || self.last_put.elapsed() >= WATCH {
                return;
            }
            std::thread::sleep(POLL);
            self.look();
        }
    }

    /// Looks at the path: a save replaced the file there, or rewrote it in place.
    fn look(&mut self) {
        if std::fs::symlink_metadata(self.path).is_err() {
            // Removed (git removes a file, then writes the new one): wait for the next.
            self.present = None;
            return;
        }
        if self
            .present
            .as_ref()
            .is_some_and(|present| still_there(self.path, present))
        {
            return;
        }
        match open_entry(self.path).and_then(Present::read) {
            Ok(saved) => {
                self.judge(saved.text.clone());
                self.present = Some(saved);
                self.mark_stale();
            }
            // A folder or a link in the file's place: not a save to merge.
            Err(_) => self.present = None,
        }
    }

    /// Puts the truth in place of the file there (exchanging, then checking what came out,
    /// as the door does); a save that came out instead is judged in turn.
    fn install(&mut self) {
        self.installs += 1;
        let Some(expected) = self.present.take() else {
            return;
        };
        // Not flushed before it goes in: a program saving every few milliseconds would
        // land during the flush, every time. It is flushed once in place, below.
        let Ok(temporary) = Temporary::unsynced(self.path, &self.truth, Some(self.like)) else {
            self.present = Some(expected);
            self.installs = INSTALLS;
            return;
        };
        // A save that landed since the last look is judged first (the loop looks again):
        // from here to the exchange is microseconds. Against a program saving faster than
        // that, the exchange goes ahead after a few looks, and what it takes out is judged.
        self.looks_before += 1;
        if self.looks_before <= LOOKS_BEFORE && !still_there(self.path, &expected) {
            self.installs -= 1;
            self.present = Some(expected);
            self.look();
            return;
        }
        let spot = temporary.file.path().to_path_buf();
        if exchange_files(&spot, self.path).is_err() {
            // Removed meanwhile, or the exchange failed: look again (a write that gives up
            // keeps the truth beside the file).
            self.present = None;
            return;
        }
        let (file, spot_name) = temporary.file.into_parts();
        let in_place = file.metadata().and_then(|metadata| {
            file.sync_all()?;
            Ok(metadata)
        });
        let Ok(metadata) = in_place else {
            let _ = spot_name.keep();
            self.installs = INSTALLS;
            return;
        };
        self.present = Some(Present {
            _file: file,
            metadata,
            text: self.truth.clone(),
        });
        (self.last_put, self.looks_before) = (Instant::now(), 0);
        // What came out: the file expected, or a save that replaced it meanwhile.
        let out = open_entry(&spot).and_then(|out| {
            let metadata = out.metadata()?;
            let text = read_text(&out)?;
            Ok((out, metadata, text))
        });
        match out {
            Ok((_, metadata, text))
                if same_file(&metadata, &expected.metadata) && text == expected.text => {}
            Ok((out, ..)) => match Present::read(out) {
                Ok(saved) => self.judge(saved.text),
                Err(error) => self
                    .kept
                    .push(keep_file(&spot, self.path, error).to_string()),
            },
            Err(error) => self
                .kept
                .push(keep_file(&spot, self.path, error).to_string()),
        }
        // Its text is in the truth, or in a version a merge can use.
        let _ = spot_name.close();
        let _ = super::sync_folder(super::folder_of(self.path));
        self.mark_stale();
    }

    /// Takes in a save that just landed: either it was made from a version shown rightly
    /// (the newest save wins, as without the door) or from one shown by mistake (merged).
    fn judge(&mut self, text: Vec<u8>) {
        if text == self.truth {
            return;
        }
        match self.versions.iter().find(|version| version.text == text) {
            // A version the file rightly had, saved again: a checkout, an undo.
            Some(Version {
                shown: Shown::Rightly | Shown::Stale,
                ..
            }) => {
                self.truth = text;
                return;
            }
            // D saved again unchanged, or a checkout that happens to equal it: which, the
            // text cannot say. It goes in as the newest, and the truth is kept beside it.
            Some(Version {
                shown: Shown::Wrongly,
                ..
            }) => {
                self.keep_truth();
                self.truth = text;
                return;
            }
            None => {}
        }
        let (Ok(save), Ok(truth)) = (std::str::from_utf8(&text), std::str::from_utf8(&self.truth))
        else {
            self.keep_truth();
            self.truth = text;
            return;
        };
        // The version it was made from is the one it is nearest. The truth itself counts as
        // shown rightly; on a tie the merge is taken, which loses nothing.
        let mut rightly = three_way::distance(truth, save);
        let mut wrongly: Option<(usize, &str)> = None;
        for version in &self.versions {
            let Ok(base) = std::str::from_utf8(&version.text) else {
                continue;
            };
            let distance = three_way::distance(base, save);
            match version.shown {
                Shown::Rightly => rightly = rightly.min(distance),
                Shown::Stale | Shown::Wrongly => {
                    if wrongly.is_none_or(|(nearest, _)| distance < nearest) {
                        wrongly = Some((distance, base));
                    }
                }
            }
        }
        match wrongly {
            Some((distance, base)) if distance <= rightly => {
                let merged = three_way::merge(base, truth, save);
                if merged.lossy {
                    self.keep_truth();
                }
                self.truth = merged.text.into_bytes();
                // It lacks what the truth has: a save made from it is merged too.
                self.versions.push(Version {
                    text,
                    shown: Shown::Wrongly,
                });
            }
            _ => self.truth = text,
        }
    }

    /// The file at the path is no longer the truth: a save made from it now would lack
    /// what the truth has.
    fn mark_stale(&mut self) {
        let Some(present) = &self.present else { return };
        if present.text == self.truth {
            return;
        }
        for version in &mut self.versions {
            if version.text == present.text && version.shown == Shown::Rightly {
                version.shown = Shown::Stale;
            }
        }
        if !self
            .versions
            .iter()
            .any(|version| version.text == present.text)
        {
            self.versions
                .push(Version::new(&present.text, Shown::Stale));
        }
    }

    /// Keeps the truth beside the file: a merge could not keep all of it.
    fn keep_truth(&mut self) {
        let text = std::mem::take(&mut self.truth);
        let kept = recovered_path(self.path).and_then(|kept| {
            Temporary::write(self.path, &text, Some(self.like))
                .and_then(|temporary| temporary.create(&kept))
                .map_err(into_io)?;
            Ok(kept)
        });
        self.kept.push(match kept {
            Ok(kept) => kept.display().to_string(),
            Err(error) => format!("none ({error})"),
        });
        self.truth = text;
    }

    /// Ok if the path holds the truth and nothing was kept beside it.
    fn finish(mut self) -> std::io::Result<()> {
        let in_place = self
            .present
            .as_ref()
            .is_some_and(|present| present.text == self.truth);
        if !in_place {
            self.keep_truth();
        }
        if self.kept.is_empty() {
            return Ok(());
        }
        Err(std::io::Error::other(format!(
            "other programs saved this file at the moment Hindsight was writing it, and their \
             saves could not all be merged; kept beside it: {} (nothing of this change was \
             written: compare, then run it again)",
            self.kept.join(", ")
        )))
    }
}

/// Whether the path still holds `present`, as far as its inode, size and modification time
/// tell (a rename replaces the inode; a rewrite in place changes the time).
fn still_there(path: &Path, present: &Present) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|now| {
        same_file(&now, &present.metadata)
            && now.len() == present.metadata.len()
            && now.modified().ok() == present.metadata.modified().ok()
    })
}

/// What came out of the path when S went back: `None` for this write's own file, as it was
/// written; otherwise the save that replaced it (or rewrote it in place).
fn came_out(aside: &Path, ours: &File, ours_text: &[u8]) -> std::io::Result<Option<File>> {
    let out = open_entry(aside)?;
    let metadata = out.metadata()?;
    if same_file(&metadata, &ours.metadata()?) && read_text(&out)? == ours_text {
        return Ok(None);
    }
    Ok(Some(out))
}

/// Keeps the file at `at` (a save that could not be put back or merged) beside `path`,
/// under a name no sweep removes, and says so with `error`.
fn keep_file(at: &Path, path: &Path, error: std::io::Error) -> std::io::Error {
    match recovered_path(path).and_then(|kept| std::fs::rename(at, &kept).map(|()| kept)) {
        Ok(kept) => std::io::Error::other(format!(
            "{error}; another program's save of this file was kept as {}",
            kept.display()
        )),
        Err(_) => error,
    }
}

/// A [`recovered_name`] that no file has yet (two kept in one second get `-2`, `-3`…).
fn recovered_path(path: &Path) -> std::io::Result<PathBuf> {
    let first = recovered_name(path);
    (1..100)
        .map(|n| match n {
            1 => first.clone(),
            n => PathBuf::from(format!("{}-{n}", first.display())),
        })
        .find(|name| std::fs::symlink_metadata(name).is_err())
        .ok_or_else(|| std::io::Error::other("too many recovered files beside it"))
}

/// Opens what is at `path` for reading: not through a symbolic link, and without blocking
/// on a FIFO.
pub(super) fn open_entry(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

/// The whole file, refused if it is over the largest a ledger file may be.
fn read_text(mut file: &File) -> std::io::Result<Vec<u8>> {
    file.rewind()?;
    let mut text = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut text)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::other("too large to merge"));
    }
    Ok(text)
}

fn into_io(error: DiskError) -> std::io::Error {
    match error {
        DiskError::Io(error) => error,
        other => std::io::Error::other(other.to_string()),
    }
}
