//! Which files of a scenarios folder are read, and reading them without trusting the
//! folder: it may come from a stranger's repository.
//!
//! Symlinks are followed only while they stay inside the folder, and a loop is reported
//! rather than walked forever; only regular files are opened, never a FIFO or a device
//! (which could block, or never end); no file is read past [`MAX_FILE_BYTES`]; a file
//! reached through two paths is read once. Everything refused is a problem at the path
//! concerned, never a reason to stop reading the rest. Parsing is not done here.

use std::collections::HashSet;
use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::parse;
use crate::ledger::model::limits::{MAX_FILE_BYTES, MAX_FILES, MAX_FOLDER_DEPTH};
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{PEOPLE_FILE, PHRASES_FILE};
use crate::terminal::escape_path;
use crate::terminal::{is_bidi_control, is_unprintable};

/// Why a folder could not be loaded at all (problems inside files, sub-folders included,
/// are not errors: they are collected in [`Ledger::problems`](crate::ledger::Ledger::problems)).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such folder", escape_path(.0))]
    NotFound(PathBuf),
    #[error("{}: not a folder", escape_path(.0))]
    NotAFolder(PathBuf),
    #[error("{}: cannot read the folder: {source}", escape_path(.path))]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The `.ron` files of a folder, and what was refused on the way.
#[derive(Clone, Debug, Default)]
pub struct FolderFiles {
    /// Every `.ron` file to read, sorted: regular files inside the folder, each once.
    pub paths: Vec<PathBuf>,
    /// Links, files and sub-folders that were refused or could not be listed.
    pub problems: Vec<Problem>,
}

/// A `.ron` file found by the walk, with what deciding between two paths to it needs.
struct Found {
    path: PathBuf,
    canonical: PathBuf,
    /// Reached without going through a symlink: the path to keep when there are several.
    direct: bool,
    /// `people.ron` or `phrases.ron` at the top, which is read for its name and so is
    /// never dropped in favour of another path to the same file.
    special: bool,
}

/// Every `.ron` file under `dir`, skipping hidden files and folders (`.git`). Only a
/// folder that cannot be read at all is an error; anything inside it that is refused is
/// in [`FolderFiles::problems`].
pub fn ron_files(dir: &Path) -> Result<FolderFiles, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: dir.to_path_buf(),
        source,
    };
    let root = dir.canonicalize().map_err(unreadable)?;
    std::fs::read_dir(&root).map_err(unreadable)?;

    let mut walker = Walker {
        dir,
        canonical_dirs: vec![root.clone()],
        walked_dirs: HashSet::from([root.clone()]),
        root,
        problems: Vec::new(),
        found: Vec::new(),
    };
    // Real entries before symlinks, so that a file is first met by its own path.
    let mut walk = WalkDir::new(dir)
        .follow_links(true)
        .sort_by(|a, b| {
            (a.path_is_symlink(), a.file_name()).cmp(&(b.path_is_symlink(), b.file_name()))
        })
        .into_iter();
    while let Some(next) = walk.next() {
        let step = match next {
            Ok(entry) => walker.visit(&entry),
            Err(error) => {
                walker.problems.extend(walk_problem(&error));
                Step::Next
            }
        };
        match step {
            Step::Next => {}
            Step::SkipFolder => walk.skip_current_dir(),
            Step::Stop => break,
        }
    }
    Ok(FolderFiles {
        paths: read_once(walker.found),
        problems: walker.problems,
    })
}

/// The walk's state: what it found and refused so far.
struct Walker<'a> {
    dir: &'a Path,
    root: PathBuf,
    problems: Vec<Problem>,
    found: Vec<Found>,
    /// The canonical path of each folder on the way down to the current entry.
    canonical_dirs: Vec<PathBuf>,
    walked_dirs: HashSet<PathBuf>,
}

/// What the walk does after an entry.
enum Step {
    Next,
    /// Skip the folder just entered (the entry was a folder) or being walked.
    SkipFolder,
    Stop,
}

impl Walker<'_> {
    /// Takes in one entry of the walk: a `.ron` file found, a folder to walk, or something
    /// refused with the reason.
    fn visit(&mut self, entry: &walkdir::DirEntry) -> Step {
        let depth = entry.depth();
        if depth == 0 {
            return Step::Next;
        }
        let path = entry.path();
        let is_dir = entry.file_type().is_dir();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || !(is_dir || is_ron(path)) {
            return if is_dir { Step::SkipFolder } else { Step::Next };
        }
        if let Some(message) = name_problem(&name, is_dir) {
            return self.refuse(path, is_dir, message);
        }
        self.canonical_dirs.truncate(depth);
        let canonical = match self.canonical(entry, is_dir) {
            Ok(canonical) => canonical,
            Err(message) => return self.refuse(path, is_dir, message),
        };
        let direct = path
            .strip_prefix(self.dir)
            .is_ok_and(|relative| self.root.join(relative) == canonical);
        if is_dir {
            self.enter(path, depth, canonical, direct)
        } else if !entry.file_type().is_file() {
            self.refuse(path, is_dir, not_regular_message(entry.file_type()))
        } else {
            self.take(path, depth, canonical, direct)
        }
    }

    /// Where an entry really is: a link must lead inside the folder.
    fn canonical(&self, entry: &walkdir::DirEntry, is_dir: bool) -> Result<PathBuf, String> {
        if !entry.path_is_symlink() {
            return Ok(self.canonical_dirs[entry.depth() - 1].join(entry.file_name()));
        }
        match entry.path().canonicalize() {
            Ok(target) if target.starts_with(&self.root) => Ok(target),
            Ok(target) => Err(outside_message(&target, is_dir)),
            Err(error) => Err(format!("cannot follow the link: {error}")),
        }
    }

    /// A folder: walked unless too deep, or already walked through another link.
    fn enter(&mut self, path: &Path, depth: usize, canonical: PathBuf, direct: bool) -> Step {
        if depth > MAX_FOLDER_DEPTH {
            return self.refuse(
                path,
                true,
                format!(
                    "folder nested more than {MAX_FOLDER_DEPTH} levels deep; its files are not read"
                ),
            );
        }
        // A folder linked from two places is walked once more at most (by its own path);
        // without this, links fanning out to shared folders could be walked exponentially.
        if !self.walked_dirs.insert(canonical.clone()) && !direct {
            return Step::SkipFolder;
        }
        self.canonical_dirs.push(canonical);
        Step::Next
    }

    /// A regular `.ron` file, kept unless the folder already holds the most it may.
    fn take(&mut self, path: &Path, depth: usize, canonical: PathBuf, direct: bool) -> Step {
        if self.found.len() == MAX_FILES {
            self.problems.push(Problem::error(
                self.dir,
                Position::START,
                format!(
                    "the folder holds more than {MAX_FILES} .ron files; only the first {MAX_FILES} are read"
                ),
            ));
            return Step::Stop;
        }
        self.found.push(Found {
            special: depth == 1 && is_special(path),
            path: path.to_path_buf(),
            canonical,
            direct,
        });
        Step::Next
    }

    /// Refuses an entry (and, for a folder, everything in it).
    fn refuse(&mut self, path: &Path, is_dir: bool, message: String) -> Step {
        self.problems
            .push(Problem::error(path, Position::START, message));
        if is_dir { Step::SkipFolder } else { Step::Next }
    }
}

/// The paths to read, sorted, each file once: of several paths to one file the top-level
/// special name, else the direct path, else the first in order is kept.
fn read_once(mut found: Vec<Found>) -> Vec<PathBuf> {
    found.sort_by(|a, b| {
        (&a.canonical, !a.special, !a.direct, &a.path).cmp(&(
            &b.canonical,
            !b.special,
            !b.direct,
            &b.path,
        ))
    });
    let mut paths = Vec::with_capacity(found.len());
    let mut previous: Option<&Found> = None;
    for file in &found {
        // A special file is read for its own name, so it is kept even when it is also a
        // scenario file's target; a second path to an ordinary file adds only duplicates.
        let repeat = previous.is_some_and(|p| p.canonical == file.canonical);
        if !repeat || file.special {
            paths.push(file.path.clone());
        }
        if !repeat {
            previous = Some(file);
        }
    }
    paths.sort();
    paths
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "ron")
}

/// Whether a path is named like the folder's registry or phrase table (which they are at
/// the folder's top).
pub(crate) fn is_special(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name == PEOPLE_FILE || name == PHRASES_FILE)
}

/// Why a file or folder name is refused: a name is printed as often as the data in it.
fn name_problem(name: &str, is_dir: bool) -> Option<String> {
    let c = name.chars().find(|&c| is_unprintable(c))?;
    let what = if is_bidi_control(c) {
        "a bidirectional control character"
    } else {
        "a control character"
    };
    let consequence = if is_dir {
        "its files are not read"
    } else {
        "it is not read"
    };
    Some(format!(
        "the {} name contains {what} (U+{:04X}); rename it: Hindsight refuses names that could drive a terminal, and {consequence}",
        if is_dir { "folder" } else { "file" },
        u32::from(c)
    ))
}

fn outside_message(target: &Path, is_dir: bool) -> String {
    format!(
        "symlink leads outside the scenarios folder (to {}); a shared folder may only link within itself, so {} not read",
        target.display(),
        if is_dir { "its files are" } else { "it is" }
    )
}

fn not_regular_message(file_type: FileType) -> String {
    format!(
        "not a regular file ({}); only regular files are read",
        file_type_name(file_type)
    )
}

#[cfg(unix)]
fn file_type_name(file_type: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn file_type_name(file_type: FileType) -> &'static str {
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// A walk error as a problem at the path concerned, or `None` for one that does not matter.
fn walk_problem(error: &walkdir::Error) -> Option<Problem> {
    let path = error.path()?;
    let hidden = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'));
    if hidden {
        return None;
    }
    if let Some(ancestor) = error.loop_ancestor() {
        return Some(Problem::error(
            path,
            Position::START,
            format!(
                "symlink loop: it leads back to {}, which is already being read; not followed",
                ancestor.display()
            ),
        ));
    }
    let io_error = error.io_error()?;
    // A dangling link to something that is not a `.ron` file is as ignorable as the file
    // would have been.
    if io_error.kind() == io::ErrorKind::NotFound && !is_ron(path) {
        return None;
    }
    let what = if is_ron(path) {
        "cannot read the file"
    } else {
        "cannot read the folder, so its files are left out"
    };
    Some(Problem::error(
        path,
        Position::START,
        format!("{what}: {io_error}"),
    ))
}

/// The text of a file the walk accepted: [`read_bytes`], UTF-8, after any byte-order mark.
pub(crate) fn read_text(path: &Path) -> Result<String, Problem> {
    parse::into_text(path, read_bytes(path)?)
}

/// The bytes of a file from a folder that is not trusted. It is opened without blocking
/// and checked to be a regular file on the open handle, so a FIFO or device swapped in
/// since the walk is refused rather than waited on, and it is never read past
/// [`MAX_FILE_BYTES`].
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    read_bytes_into(path, &mut bytes)?;
    Ok(bytes)
}

/// [`read_bytes`] into a buffer the caller reuses (reading many files to scan them, one
/// buffer saves the allocation, and the kernel's zeroing of fresh pages, per file).
pub(crate) fn read_bytes_into(path: &Path, bytes: &mut Vec<u8>) -> Result<(), Problem> {
    bytes.clear();
    let cannot_read = |error: io::Error| {
        Problem::error(
            path,
            Position::START,
            format!("cannot read the file: {error}"),
        )
    };
    let file = open_without_blocking(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(Problem::error(
            path,
            Position::START,
            not_regular_message(metadata.file_type()),
        ));
    }
    let too_large = || {
        Problem::error(
            path,
            Position::START,
            format!(
                "file is larger than the {} MiB limit; not read",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // The size can change after the check: read one byte past the limit at most, to tell
    // "exactly the limit" from "more".
    bytes.reserve(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(())
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // A FIFO opened for reading waits for a writer unless O_NONBLOCK; a terminal device
    // must not become the controlling terminal (O_NOCTTY). Reads of regular files ignore both.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &FolderFiles, dir: &Path) -> Vec<String> {
        files
            .paths
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn finds_ron_files_in_sub_folders_but_not_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "a.ron",
            "sub/b.ron",
            ".git/c.ron",
            ".hidden.ron",
            "notes.txt",
        ] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let files = ron_files(dir.path()).unwrap();
        assert_eq!(names(&files, dir.path()), ["a.ron", "sub/b.ron"]);
        assert!(files.problems.is_empty(), "{:?}", files.problems);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_through_a_link_is_read_once_by_its_own_path() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::fs::write(dir.path().join("real/x.ron"), "x").unwrap();
        symlink("real", dir.path().join("a-link")).unwrap();
        symlink("real/x.ron", dir.path().join("b.ron")).unwrap();
        let files = ron_files(dir.path()).unwrap();
        assert_eq!(names(&files, dir.path()), ["real/x.ron"]);
        assert!(files.problems.is_empty(), "{:?}", files.problems);
    }

    #[cfg(unix)]
    #[test]
    fn a_special_file_linked_to_another_file_keeps_its_name() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("registry")).unwrap();
        std::fs::write(dir.path().join("registry/people.ron"), "x").unwrap();
        symlink("registry/people.ron", dir.path().join(PEOPLE_FILE)).unwrap();
        let files = ron_files(dir.path()).unwrap();
        assert_eq!(names(&files, dir.path()), ["people.ron"]);
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let problem = read_text(&path).unwrap_err();
        assert!(problem.message.contains("larger than the 64 MiB limit"));
        file.set_len(3).unwrap();
        assert_eq!(read_text(&path).unwrap(), "\0\0\0");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_on_the_open_handle_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // No writer ever comes: without O_NONBLOCK this would wait forever.
        let problem = read_bytes(&fifo).unwrap_err();
        assert_eq!(
            problem.message,
            "not a regular file (a FIFO); only regular files are read"
        );
        let problem = read_bytes(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(
            problem.message,
            "not a regular file (a device); only regular files are read"
        );
    }

    #[test]
    fn folders_nested_past_the_limit_are_reported_and_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for level in 1..=MAX_FOLDER_DEPTH + 1 {
            deep.push(format!("d{level}"));
            std::fs::create_dir(&deep).unwrap();
            std::fs::write(deep.join("x.ron"), "x").unwrap();
        }
        let files = ron_files(dir.path()).unwrap();
        assert_eq!(files.paths.len(), MAX_FOLDER_DEPTH);
        assert_eq!(files.problems.len(), 1, "{:?}", files.problems);
        assert_eq!(files.problems[0].path, deep);
        assert!(
            files.problems[0]
                .message
                .contains("nested more than 32 levels")
        );
    }
}
