//! The file-system half of every write: an advisory lock on the file being changed, the
//! atomic replacement that keeps what the user set on the file (mode, owner, group) and
//! never overwrites a version it has not seen, and the sweep of temporary files left by a
//! write that was killed.
//!
//! Only [`super::transaction`] calls this; nothing here knows what a Hindsight file holds.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Temporary files are named `.hindsight-<target>.<random>.tmp`: hidden, so the loader
/// skips them, and named for the file they will replace, so that a writer holding that
/// file's lock knows every other temporary file for it is debris.
const TEMP_PREFIX: &str = ".hindsight-";
const TEMP_SUFFIX: &str = ".tmp";
/// How many random characters a temporary file's name has. Its length tells a file's own
/// temporaries apart from those of a file whose name starts with the same characters.
const TEMP_RANDOM_CHARS: usize = 6;
/// A file name longer than this many bytes is shortened in its temporaries' names (with a
/// hash of the whole name), which must fit in the 255 bytes a name may have.
const TEMP_NAME_BYTES: usize = 200;

/// A temporary file for another target is swept only once it is this old, so that a
/// sweep never races a writer that has just created its file and not yet locked it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// How long a write waits for another Hindsight process to finish with the same file.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(20);

/// Why the disk refused a write. The transaction turns these into messages for the user.
#[derive(Debug, thiserror::Error)]
pub enum DiskError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Another process held the lock for longer than [`LOCK_TIMEOUT`].
    #[error("another process has held the file's lock for too long")]
    Locked,
    #[error("a symbolic link (to {}), which Hindsight does not write through", .0.display())]
    SymbolicLink(PathBuf),
    #[error("the file is read-only")]
    ReadOnly,
    /// The file belongs to another user or group, and this process cannot give a new file
    /// that owner: writing it would change who owns it.
    #[error("the file belongs to another user or group")]
    OwnedByOther,
    #[error("not a regular file")]
    NotARegularFile,
}

/// An exclusive advisory lock on one file, held from the first read to the rename.
///
/// The lock is on the file's inode, and a write replaces the inode by renaming a new file
/// over the path; so after the lock is granted the path is checked to still lead to the
/// locked inode, and if another writer replaced it meanwhile the lock is taken again on the
/// new one. Every Hindsight writer does this, so two of them never overlap on one file.
/// Processes that do not lock (an editor, `git pull`) are caught by
/// [`Temporary::replace_if_unchanged`].
pub struct LockedFile {
    pub file: File,
    pub metadata: Metadata,
}

impl LockedFile {
    /// Locks `path`, an existing regular file that is not a symbolic link.
    pub fn open(path: &Path) -> Result<LockedFile, DiskError> {
        let deadline = Instant::now() + LOCK_TIMEOUT;
        loop {
            refuse_symlink(path)?;
            let file = open_regular(path)?;
            wait_for_lock(&file, deadline)?;
            let metadata = file.metadata()?;
            if same_file(&metadata, &std::fs::symlink_metadata(path)?) {
                return Ok(LockedFile { file, metadata });
            }
            // Replaced between the open and the lock: lock the file that is there now (for
            // as long as the lock would be waited for, not forever).
            if Instant::now() >= deadline {
                return Err(DiskError::Locked);
            }
        }
    }

    /// The whole file, read through the locked handle (at most `limit` bytes).
    pub fn read(&mut self, limit: u64) -> Result<Vec<u8>, DiskError> {
        use std::io::Seek;
        self.file.seek(std::io::SeekFrom::Start(0))?;
        let mut bytes = Vec::new();
        (&self.file).take(limit).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Whether `path` still leads to the locked file and the file still holds `original`.
    /// The inode is compared last, as close as it can be to the rename that relies on it.
    fn still_at(&mut self, path: &Path, original: &[u8]) -> bool {
        self.still_holds(original)
            && std::fs::symlink_metadata(path).is_ok_and(|now| same_file(&now, &self.metadata))
    }

    /// Whether the locked file still holds `original`: a writer that rewrites a file in
    /// place keeps its inode but changes what is in it.
    fn still_holds(&mut self, original: &[u8]) -> bool {
        self.read(original.len() as u64 + 1)
            .is_ok_and(|now| now == original)
    }

    /// Refuses a file the user made read-only: the mode says "do not change this".
    pub fn check_writable(&self) -> Result<(), DiskError> {
        if self.metadata.permissions().readonly() {
            return Err(DiskError::ReadOnly);
        }
        Ok(())
    }
}

fn wait_for_lock(file: &File, deadline: Instant) -> Result<(), DiskError> {
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {
                if Instant::now() >= deadline {
                    return Err(DiskError::Locked);
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(error.into()),
        }
    }
}

/// Whether two metadata describe the same inode.
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// Hindsight does not write through symbolic links: replacing the link with a file would
/// silently cut it, and following it could write outside the folder.
pub fn refuse_symlink(path: &Path) -> Result<(), DiskError> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            let target = std::fs::read_link(path).unwrap_or_default();
            Err(DiskError::SymbolicLink(target))
        }
        Ok(_) => Ok(()),
        Err(error) => Err(error.into()),
    }
}

/// Opens a file for reading without blocking on a FIFO or a device, and refuses anything
/// that is not a regular file.
fn open_regular(path: &Path) -> Result<File, DiskError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.file_type().is_file() {
        return Err(DiskError::NotARegularFile);
    }
    Ok(file)
}

/// A temporary file next to `path` holding `contents`, flushed to disk, locked (so a
/// sweep by another process leaves it alone while it is being written), with the mode,
/// owner and group of `like` (the file it replaces) or the usual 0644 for a new file.
pub struct Temporary {
    file: tempfile::NamedTempFile,
}

/// What [`Temporary::replace_if_unchanged`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Replacement {
    /// The new file is in place.
    Written,
    /// Another writer replaced or rewrote the file since it was read; its version is in
    /// place and nothing of this write is left.
    FileChanged,
}

impl Temporary {
    pub fn write(path: &Path, contents: &[u8], like: Option<&Metadata>) -> Result<Self, DiskError> {
        let dir = folder_of(path);
        let mut file = tempfile::Builder::new()
            .prefix(&temp_prefix(path))
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM_CHARS)
            .tempfile_in(dir)?;
        file.as_file().lock()?;
        file.write_all(contents)?;
        keep_attributes(file.as_file(), like)?;
        file.as_file().sync_all()?;
        Ok(Temporary { file })
    }

    /// Puts the temporary file in place of `path`, which `locked` locks and from which
    /// `original` was read, unless another writer replaced or rewrote it meanwhile: then
    /// its version stays and this one is dropped. Hindsight writers wait for the lock, but
    /// an editor, `sed -i` or `git` do not, and their rename can land at any moment.
    ///
    /// On Linux the two files are exchanged in one step (`renameat2` with
    /// `RENAME_EXCHANGE`), and what the exchange took out of `path` is checked afterwards:
    /// if it is not the file read, it goes back. No rename can land between the check and
    /// the exchange. What remains: between the exchange and putting the other file back
    /// (microseconds, unless this process is paused there), the path shows this write's
    /// version; a writer that does not lock and reads it then overwrites the other file
    /// when it saves. A writer that rewrites the file in place and writes after the check
    /// writes into the old file, which is gone.
    ///
    /// Elsewhere, and on file systems that cannot exchange (NFS, for one), the file is
    /// checked and then renamed over: a rename landing between the two is lost.
    pub fn replace_if_unchanged(
        self,
        path: &Path,
        locked: &mut LockedFile,
        original: &[u8],
    ) -> Result<Replacement, DiskError> {
        // Most changes by others land while the new text is worked out: caught here, they
        // never see this write.
        if !locked.still_at(path, original) {
            return Ok(Replacement::FileChanged);
        }
        #[cfg(target_os = "linux")]
        let this = match self.exchange(path, locked, original) {
            Exchange::Done(replacement) => return replacement,
            Exchange::Unsupported(this) => this,
        };
        #[cfg(not(target_os = "linux"))]
        let this = self;
        let file = this.file.persist(path).map_err(|error| error.error)?;
        sync_folder(folder_of(path))?;
        drop(file);
        Ok(Replacement::Written)
    }

    /// Exchanges the temporary file with `path`, then looks at what came out: the file
    /// read, untouched, is removed; anything else is put back.
    #[cfg(target_os = "linux")]
    fn exchange(self, path: &Path, locked: &mut LockedFile, original: &[u8]) -> Exchange {
        let aside = self.file.path().to_path_buf();
        match exchange_files(&aside, path) {
            Ok(()) => {}
            Err(error) if exchange_unsupported(&error) => return Exchange::Unsupported(self),
            // Removed meanwhile (git removes a file before it writes the new one): the next
            // attempt finds out what is there now.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Exchange::Done(Ok(Replacement::FileChanged));
            }
            Err(error) => return Exchange::Done(Err(error.into())),
        }
        let (file, temporary) = self.file.into_parts();
        // `aside` now holds what was at `path` a moment ago.
        let read_file_taken_out = std::fs::symlink_metadata(&aside)
            .is_ok_and(|taken| same_file(&taken, &locked.metadata))
            && locked.still_holds(original);
        let replacement = if read_file_taken_out {
            Replacement::Written
        } else {
            match put_back(&aside, path, &file) {
                Ok(()) => Replacement::FileChanged,
                Err(error) => {
                    // `aside` may hold another writer's file. Under a temporary's name the
                    // next write's sweep would remove it: give it a name nothing sweeps,
                    // and say where it is.
                    let _ = temporary.keep();
                    let kept = recovered_name(path);
                    let error = match std::fs::rename(&aside, &kept) {
                        Ok(()) => std::io::Error::other(format!(
                            "{error}; another program's save of this file was kept as {}",
                            kept.display()
                        )),
                        Err(_) => error,
                    };
                    return Exchange::Done(Err(error.into()));
                }
            }
        };
        // `aside` holds the old file, or this write's own (see `put_back`).
        let done = temporary
            .close()
            .and_then(|()| sync_folder(folder_of(path)))
            .map(|()| replacement);
        // Only now let other Hindsight writers, waiting on the new file's lock, in.
        drop(file);
        Exchange::Done(done.map_err(DiskError::from))
    }

    /// Puts the temporary file in place of whatever is at `path`, unconditionally: for the
    /// files Hindsight keeps for itself or for git (see [`replace_file`]).
    fn replace(self, path: &Path) -> Result<(), DiskError> {
        let file = self.file.persist(path).map_err(|error| error.error)?;
        sync_folder(folder_of(path))?;
        drop(file);
        Ok(())
    }

    /// Puts the temporary file at `path`, where there is no file: fails with
    /// `AlreadyExists` rather than replace one that is there, even one created a moment
    /// before.
    pub fn create(self, path: &Path) -> Result<(), DiskError> {
        let file = self
            .file
            .persist_noclobber(path)
            .map_err(|error| error.error)?;
        sync_folder(folder_of(path))?;
        drop(file);
        Ok(())
    }
}

/// Writes `contents` as the file at `path`, atomically (a temporary file beside it,
/// synced, then renamed over it, keeping an existing file's mode), but without the door's
/// checks: for files that are no ledger file and that no one else edits in the same
/// moment, such as the id index, `.gitattributes` and the merge driver's result.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<(), DiskError> {
    let like = std::fs::metadata(path).ok();
    Temporary::write(path, contents, like.as_ref())?.replace(path)
}

/// What became of an exchange.
#[cfg(target_os = "linux")]
enum Exchange {
    Done(Result<Replacement, DiskError>),
    /// The file system (or an old kernel) cannot exchange two files: nothing was done.
    Unsupported(Temporary),
}

/// Where a save another program made is kept when it cannot be put back in place:
/// beside the file, under a name no sweep removes (`NAME.recovered-SECONDS`).
#[cfg(target_os = "linux")]
fn recovered_name(path: &Path) -> PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".recovered-{seconds}"));
    path.with_file_name(name)
}

/// After an exchange took another writer's file out of `path` into `aside`, puts it back:
/// exchanging again returns it to `path` and this write's file (`ours`) to `aside`. If yet
/// another writer renamed its file over `path` in that moment, it comes out instead of
/// ours; it is the newest, having replaced ours, so it is put in place too, as it would
/// have been had this write never happened. Either way `aside` ends up holding a file
/// that is no longer wanted.
#[cfg(target_os = "linux")]
fn put_back(aside: &Path, path: &Path, ours: &File) -> std::io::Result<()> {
    exchange_files(aside, path)?;
    let ours = ours.metadata()?;
    if !std::fs::symlink_metadata(aside).is_ok_and(|out| same_file(&out, &ours)) {
        exchange_files(aside, path)?;
    }
    Ok(())
}

/// Swaps the files at two paths of one folder in one step: a process opening either path
/// at any moment finds one of the two files, never neither.
#[cfg(target_os = "linux")]
fn exchange_files(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // Through `syscall`, not libc's wrapper, which only some C libraries have.
    // SAFETY: both paths are NUL-terminated strings that outlive the call, which reads
    // them and nothing else.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Whether an exchange failed because the kernel, the file system or a sandbox does not
/// offer it (a plain rename is then the only way), rather than for this file.
#[cfg(target_os = "linux")]
fn exchange_unsupported(error: &std::io::Error) -> bool {
    matches!(
        error.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP | libc::EPERM)
    )
}

#[cfg(unix)]
fn keep_attributes(file: &File, like: Option<&Metadata>) -> Result<(), DiskError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Some(like) = like else {
        file.set_permissions(std::fs::Permissions::from_mode(0o644))?;
        return Ok(());
    };
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) != (like.uid(), like.gid())
        && std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid())).is_err()
    {
        return Err(DiskError::OwnedByOther);
    }
    // After the chown, which may clear set-id bits.
    file.set_permissions(std::fs::Permissions::from_mode(like.mode() & 0o7777))?;
    Ok(())
}

#[cfg(not(unix))]
fn keep_attributes(file: &File, like: Option<&Metadata>) -> Result<(), DiskError> {
    if let Some(like) = like {
        file.set_permissions(like.permissions())?;
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A rename is durable only once its folder is flushed.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The start of the names of `path`'s temporary files: `path`'s name, or if it is too
/// long to fit or not UTF-8, its first characters and a hash of the whole name, so that
/// two files never share their temporaries.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default();
    let stem = match name.to_str() {
        Some(name) if name.len() <= TEMP_NAME_BYTES => name.to_string(),
        _ => {
            let lossy = name.to_string_lossy();
            let mut end = TEMP_NAME_BYTES - 50;
            while !lossy.is_char_boundary(end.min(lossy.len())) {
                end -= 1;
            }
            let hash = crate::ledger::model::content_hash(name.as_encoded_bytes());
            format!("{}~{hash:016x}", &lossy[..end.min(lossy.len())])
        }
    };
    format!("{TEMP_PREFIX}{stem}.")
}

/// Whether `name` is one of the temporary files whose names start with `own` (a
/// [`temp_prefix`]): exactly that prefix, the random characters and the suffix. Another
/// file whose name starts with the same characters (`a.ron.b.ron` for `a.ron`) has more
/// between the prefix and the suffix.
fn is_own_temporary(name: &str, own: &str) -> bool {
    name.strip_prefix(own)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| random.len() == TEMP_RANDOM_CHARS)
}

/// Removes the temporary files that a killed write left next to `path`: a writer holds a
/// lock on its temporary file until the rename and the lock dies with the process, so a
/// temporary file that can be locked is debris. The caller holds `path`'s lock, so every
/// temporary file for `path` is debris; those for other files are removed once they are
/// [`STALE_AFTER`] old. Errors are ignored: tidying is never a reason to fail a write.
pub fn sweep_stale_temporaries(path: &Path) {
    let own = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temporary(name) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old = last_changed(&metadata)
            .and_then(|changed| changed.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !metadata.is_file() || !(is_own_temporary(name, &own) || old) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = open_regular(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// When a file was last written, or on Unix renamed: a file that another writer's
/// exchange has just moved to a temporary name keeps its old modification time, and must
/// not look stale for that.
fn last_changed(metadata: &Metadata) -> Option<std::time::SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let since_epoch = Duration::new(
            u64::try_from(metadata.ctime()).ok()?,
            u32::try_from(metadata.ctime_nsec()).ok()?,
        );
        let changed = std::time::UNIX_EPOCH + since_epoch;
        Some(
            metadata
                .modified()
                .ok()
                .map_or(changed, |modified| modified.max(changed)),
        )
    }
    #[cfg(not(unix))]
    {
        metadata.modified().ok()
    }
}

/// Whether a file name is one of Hindsight's temporary files.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporary file for `path` as a writer creates it, not locked yet.
    fn unlocked_temporary(path: &Path) -> PathBuf {
        let file = tempfile::Builder::new()
            .prefix(&temp_prefix(path))
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM_CHARS)
            .tempfile_in(folder_of(path))
            .unwrap();
        file.into_temp_path().keep().unwrap()
    }

    #[test]
    fn a_sweep_takes_its_own_file_s_temporaries_and_not_those_of_a_longer_name() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("a.ron");
        let longer = dir.path().join("a.ron.b.ron");
        let debris = unlocked_temporary(&short);
        // Just created by `a.ron.b.ron`'s writer, which has not locked it yet.
        let being_written = unlocked_temporary(&longer);
        sweep_stale_temporaries(&short);
        assert!(!debris.exists(), "a.ron's own temporary file is debris");
        assert!(
            being_written.exists(),
            "a.ron.b.ron's temporary file is not a.ron's to sweep"
        );

        let own = temp_prefix(&short);
        assert!(is_own_temporary(".hindsight-a.ron.x1Y2z3.tmp", &own));
        for other in [
            ".hindsight-a.ron.b.ron.x1Y2z3.tmp",
            ".hindsight-a.ron..x1Y2z3.tmp",
            ".hindsight-a.ron.x1Y2z.tmp",
            ".hindsight-a.ron.x1Y2z3.tmp.tmp",
        ] {
            assert!(!is_own_temporary(other, &own), "{other}");
        }
    }

    #[test]
    fn names_too_long_or_not_utf8_get_temporaries_of_their_own() {
        let start = "x".repeat(TEMP_NAME_BYTES);
        let (one, two) = (format!("{start}-one.ron"), format!("{start}-two.ron"));
        let (one, two) = (temp_prefix(Path::new(&one)), temp_prefix(Path::new(&two)));
        assert_ne!(one, two);
        let longest = format!("{one}{}{TEMP_SUFFIX}", "r".repeat(TEMP_RANDOM_CHARS));
        assert!(longest.len() <= 255, "{}", longest.len());
        // Multi-byte characters are cut at a character boundary.
        let wide = temp_prefix(Path::new(&"é".repeat(200)));
        assert!(wide.len() < 255);
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = |bytes: &[u8]| temp_prefix(Path::new(std::ffi::OsStr::from_bytes(bytes)));
            // Both read as "a\u{FFFD}.ron" once made UTF-8.
            assert_ne!(name(b"a\xff.ron"), name(b"a\xfe.ron"));
        }
    }

    /// `path` holding `text`, locked and read as a transaction does, and a temporary file
    /// holding `new_text` to replace it.
    #[cfg(target_os = "linux")]
    fn a_write_under_way(
        path: &Path,
        text: &str,
        new_text: &str,
    ) -> (LockedFile, Vec<u8>, Temporary) {
        std::fs::write(path, text).unwrap();
        let mut locked = LockedFile::open(path).unwrap();
        let original = locked.read(1 << 20).unwrap();
        let temporary =
            Temporary::write(path, new_text.as_bytes(), Some(&locked.metadata)).unwrap();
        (locked, original, temporary)
    }

    fn file_names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_exchange_puts_the_new_file_in_unless_another_was_saved_just_before() {
        let nobody = |_: &Path| {};
        let renamed_in = |path: &Path| {
            // An editor saves after the last check and before the exchange.
            let saved = path.with_extension("ron~");
            std::fs::write(&saved, "the editor's").unwrap();
            std::fs::rename(&saved, path).unwrap();
        };
        let rewritten = |path: &Path| std::fs::write(path, "the editor's").unwrap();
        // How another writer saves, just before the exchange.
        type Save = fn(&Path);
        let cases: [(Save, Replacement, &str); 3] = [
            (nobody, Replacement::Written, "new"),
            (renamed_in, Replacement::FileChanged, "the editor's"),
            (rewritten, Replacement::FileChanged, "the editor's"),
        ];
        for (save, expected, text) in cases {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a.ron");
            let (mut locked, original, temporary) = a_write_under_way(&path, "old", "new");
            save(&path);
            let Exchange::Done(replacement) = temporary.exchange(&path, &mut locked, &original)
            else {
                panic!("this file system can exchange files");
            };
            assert_eq!(replacement.unwrap(), expected);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
            // The old file is removed, or this write's own.
            assert_eq!(file_names(dir.path()), ["a.ron"]);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn putting_back_leaves_the_newest_file_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let aside = dir.path().join("aside");
        let other = dir.path().join("other");
        for (newest, expected) in [(false, "the editor's"), (true, "newest")] {
            std::fs::write(&path, "the editor's").unwrap();
            std::fs::write(&aside, "ours").unwrap();
            let ours = File::open(&aside).unwrap();
            // The exchange that took the editor's file out.
            exchange_files(&aside, &path).unwrap();
            if newest {
                // A writer that read ours saves before it can be taken back.
                std::fs::write(&other, "newest").unwrap();
                std::fs::rename(&other, &path).unwrap();
            }
            put_back(&aside, &path, &ours).unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
            let out = std::fs::read_to_string(&aside).unwrap();
            assert_eq!(out, if newest { "the editor's" } else { "ours" });
        }
    }
}
