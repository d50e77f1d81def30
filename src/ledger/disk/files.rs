//! The files a write makes and moves: temporary files beside their target, named for it,
//! with its mode and owner; the exchange of two files in one step; where a save that
//! cannot be put back is kept. [`super`] and its `put_back` both build on these.

use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Temporary files are named `.hindsight-<target>.<random>.tmp`: hidden, so the loader
/// skips them, and named for the file they will replace, so that a writer holding that
/// file's lock knows every other temporary file for it is debris.
pub(super) const TEMP_PREFIX: &str = ".hindsight-";

pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// How many random characters a temporary file's name has. Its length tells a file's own
/// temporaries apart from those of a file whose name starts with the same characters.
pub(super) const TEMP_RANDOM_CHARS: usize = 6;

/// A file name longer than this many bytes is shortened in its temporaries' names (with a
/// hash of the whole name), which must fit in the 255 bytes a name may have.
pub(super) const TEMP_NAME_BYTES: usize = 200;

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

/// Whether two metadata describe the same inode.
pub(super) fn same_file(a: &Metadata, b: &Metadata) -> bool {
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

/// A temporary file next to `path` holding `contents`, flushed to disk, locked (so a
/// sweep by another process leaves it alone while it is being written), with the mode,
/// owner and group of `like` (the file it replaces) or the usual 0644 for a new file.
pub struct Temporary {
    pub(super) file: tempfile::NamedTempFile,
    /// What it holds: a save made from it is merged against this (see `put_back`).
    #[cfg(target_os = "linux")]
    pub(super) text: Vec<u8>,
}

/// Where a save another program made is kept when it cannot be put back in place:
/// beside the file, under a name no sweep removes (`NAME.recovered-SECONDS`).
#[cfg(target_os = "linux")]
pub(super) fn recovered_name(path: &Path) -> PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".recovered-{seconds}"));
    path.with_file_name(name)
}

/// Swaps the files at two paths of one folder in one step: a process opening either path
/// at any moment finds one of the two files, never neither.
#[cfg(target_os = "linux")]
pub(super) fn exchange_files(a: &Path, b: &Path) -> std::io::Result<()> {
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
pub(super) fn exchange_unsupported(error: &std::io::Error) -> bool {
    matches!(
        error.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP | libc::EPERM)
    )
}

#[cfg(unix)]
pub(super) fn keep_attributes(file: &File, like: Option<&Metadata>) -> Result<(), DiskError> {
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
pub(super) fn keep_attributes(file: &File, like: Option<&Metadata>) -> Result<(), DiskError> {
    if let Some(like) = like {
        file.set_permissions(like.permissions())?;
    }
    Ok(())
}

pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A rename is durable only once its folder is flushed.
pub(super) fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The start of the names of `path`'s temporary files: `path`'s name, or if it is too
/// long to fit or not UTF-8, its first characters and a hash of the whole name, so that
/// two files never share their temporaries.
pub(super) fn temp_prefix(path: &Path) -> String {
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

impl Temporary {
    pub fn write(path: &Path, contents: &[u8], like: Option<&Metadata>) -> Result<Self, DiskError> {
        let temporary = Temporary::unsynced(path, contents, like)?;
        temporary.file.as_file().sync_all()?;
        Ok(temporary)
    }

    /// [`Temporary::write`] without flushing the file to disk, for a caller that flushes it
    /// once it is in place (see `put_back`, which races programs saving every millisecond).
    pub(super) fn unsynced(
        path: &Path,
        contents: &[u8],
        like: Option<&Metadata>,
    ) -> Result<Self, DiskError> {
        let dir = folder_of(path);
        let mut file = tempfile::Builder::new()
            .prefix(&temp_prefix(path))
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM_CHARS)
            .tempfile_in(dir)?;
        file.as_file().lock()?;
        file.write_all(contents)?;
        keep_attributes(file.as_file(), like)?;
        Ok(Temporary {
            file,
            #[cfg(target_os = "linux")]
            text: contents.to_vec(),
        })
    }
}
