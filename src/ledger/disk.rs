//! The file-system half of every write: an advisory lock on the file being changed, the
//! atomic replacement that keeps what the user set on the file (mode, owner, group), and
//! the sweep of temporary files left by a write that was killed.
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

/// A temporary file for another target is swept only once it is this old, so that a
/// sweep never races a writer that has just created its file and not yet locked it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// How long a write waits for another Hindsight process to finish with the same file.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(20);

/// Why the disk refused a write. The transaction turns these into messages for the user.
#[derive(Debug)]
pub enum DiskError {
    Io(std::io::Error),
    /// Another process held the lock for longer than [`LOCK_TIMEOUT`].
    Locked,
    SymbolicLink(PathBuf),
    ReadOnly,
    /// The file belongs to another user or group, and this process cannot give a new file
    /// that owner: writing it would change who owns it.
    OwnedByOther,
    NotARegularFile,
}

impl From<std::io::Error> for DiskError {
    fn from(error: std::io::Error) -> Self {
        DiskError::Io(error)
    }
}

/// An exclusive advisory lock on one file, held from the first read to the rename.
///
/// The lock is on the file's inode, and a write replaces the inode by renaming a new file
/// over the path; so after the lock is granted the path is checked to still lead to the
/// locked inode, and if another writer replaced it meanwhile the lock is taken again on the
/// new one. Every Hindsight writer does this, so two of them never overlap on one file.
/// Processes that do not lock (an editor, `git pull`) are caught by the transaction's
/// re-read just before the rename.
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

impl Temporary {
    pub fn write(path: &Path, contents: &[u8], like: Option<&Metadata>) -> Result<Self, DiskError> {
        let dir = folder_of(path);
        let mut file = tempfile::Builder::new()
            .prefix(&temp_prefix(path))
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)?;
        file.as_file().lock()?;
        file.write_all(contents)?;
        keep_attributes(file.as_file(), like)?;
        file.as_file().sync_all()?;
        Ok(Temporary { file })
    }

    /// Renames the temporary file over `path`, then flushes the folder so that the rename
    /// survives a crash.
    pub fn replace(self, path: &Path) -> Result<(), DiskError> {
        let file = self.file.persist(path).map_err(|error| error.error)?;
        sync_folder(folder_of(path))?;
        drop(file);
        Ok(())
    }

    /// Like [`Temporary::replace`], but fails with `AlreadyExists` rather than replace a
    /// file that is there, even one created a moment before.
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

/// The start of the names of `path`'s temporary files.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    // File names are at most 255 bytes: leave room for the prefix and the random part.
    let short: String = name.chars().take(100).collect();
    format!("{TEMP_PREFIX}{short}.")
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
        let old = metadata
            .modified()
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !metadata.is_file() || !(name.starts_with(&own) || old) {
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

/// Whether a file name is one of Hindsight's temporary files.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}
