//! The one door through which Hindsight changes a file: [`Door`]. Every write — resolving,
//! editing, inserting or deleting a record, creating a scenario or the people file,
//! settling a dispute, `fmt` — is a method of it, and each runs one cycle:
//!
//! lock the file → re-read it → refuse it if `check` would find errors in it → parse it and
//! work out the new text → check that the new text reads back as exactly the intended
//! records and breaks no rule → write a temporary file with the old file's mode and owner →
//! put it in place unless somebody replaced the file meanwhile.
//!
//! The lock keeps two Hindsight processes (the app and the command line, two scripts) from
//! overwriting each other; writers that do not lock (an editor, `git pull`) are caught as
//! the new file goes in (see [`Temporary::replace_if_unchanged`]), and then the cycle
//! starts over on what they wrote. The rules are validation's own
//! ([`crate::ledger::read::validate::file_problems`]): nothing here decides what is valid.

use std::path::{Path, PathBuf};

use crate::ledger::disk::{self, DiskError, LockedFile, Replacement, Temporary};
use crate::ledger::model::{
    Ledger, LineEndings, PEOPLE_FILE, Resolution, Severity, content_hash, file_kind,
    id_change_problem, limits::MAX_FILE_BYTES, problem::Problem,
};
use crate::ledger::read::parse::{self, Document, Parsed};
use crate::ledger::read::validate::file_problems;

/// How many times a write starts over when the file changes under it before giving up.
const ATTEMPTS: u32 = 5;

/// Why a write was refused. Nothing was written in any of these cases.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file has errors, and Hindsight never rewrites a file with errors ({first}); run `hindsight check` and fix them first", .path.display())]
    FileHasErrors { path: PathBuf, first: String },
    #[error("{}: no forecast with id '{id}'", .path.display())]
    NotFound { path: PathBuf, id: String },
    #[error("{}: '{id}' was changed on disk since it was loaded; nothing was written (reload to see the change)", .path.display())]
    Conflict { path: PathBuf, id: String },
    #[error("{}: forecast '{id}' has comments inside its block, which rewriting it would lose; edit it in a text editor", .path.display())]
    CommentsInBlock { path: PathBuf, id: String },
    /// A verdict recorded over another: changing a verdict is asked for explicitly
    /// ([`super::edit::Change::ReplaceOutcome`]), so it is never done by accident.
    #[error("{}:{line}: forecast '{id}' already has a verdict ({} on {}); nothing was written (replacing a verdict must be asked for)", .path.display(), .current.verdict, .current.on)]
    AlreadyResolved {
        path: PathBuf,
        /// The line where the forecast's block starts.
        line: usize,
        id: String,
        /// The verdict on disk.
        current: Box<Resolution>,
        /// The verdict that was asked for.
        proposed: Box<Resolution>,
    },
    #[error("{}: {}", .path.display(), id_change_problem(.from, .to).unwrap_or_default())]
    IdChanged {
        path: PathBuf,
        from: String,
        to: String,
    },
    #[error("{}: there is already a {what} with id '{id}' in this file; nothing was written", .path.display())]
    DuplicateId {
        path: PathBuf,
        what: &'static str,
        id: String,
    },
    #[error("{}: the file already exists; nothing was written", .0.display())]
    AlreadyExists(PathBuf),
    #[error("{}: {message}", .path.display())]
    InvalidId { path: PathBuf, message: String },
    /// The change itself breaks a rule `check` applies (a verdict dated before the
    /// forecast, an unknown person…).
    #[error("{}:{}:{}: {}; nothing was written", .0.path.display(), .0.position.line, .0.position.column, .0.message)]
    Invalid(Problem),
    #[error("{}: the file kept changing while Hindsight was writing to it; nothing was written (reload and try again)", .0.display())]
    ChangedWhileWriting(PathBuf),
    #[error("{}: another Hindsight process has been writing to this file for over {} seconds; nothing was written (try again)", .0.display(), disk::LOCK_TIMEOUT.as_secs())]
    Locked(PathBuf),
    #[error("{}: is a symbolic link (to {}); Hindsight does not write through links, so nothing was written: edit the file it leads to", .path.display(), .target.display())]
    SymbolicLink { path: PathBuf, target: PathBuf },
    #[error("{}: the file is read-only; nothing was written (make it writable to change it)", .0.display())]
    ReadOnly(PathBuf),
    #[error("{}: the file belongs to another user or group, and rewriting it would change its owner; nothing was written", .0.display())]
    OwnedByOther(PathBuf),
    #[error("{}: not formatted: {refusal}", .path.display())]
    Unformattable {
        path: PathBuf,
        refusal: super::canonical::FormatRefusal,
    },
    #[error("{}: not a regular file; nothing was written", .0.display())]
    NotARegularFile(PathBuf),
    #[error("{}: not in the folder {}; nothing was written", .path.display(), .folder.display())]
    OutsideFolder { path: PathBuf, folder: PathBuf },
    /// The new text did not read back as the intended records: a bug in the writer, caught
    /// before it could damage the file.
    #[error("{}: the change did not read back as intended, so nothing was written; please report this as a bug in Hindsight", .0.display())]
    NotVerified(PathBuf),
}

impl EditError {
    fn from_disk(path: &Path, error: DiskError) -> EditError {
        let path = path.to_path_buf();
        match error {
            DiskError::Io(source) => EditError::Io { path, source },
            DiskError::Locked => EditError::Locked(path),
            DiskError::SymbolicLink(target) => EditError::SymbolicLink { path, target },
            DiskError::ReadOnly => EditError::ReadOnly(path),
            DiskError::OwnedByOther => EditError::OwnedByOther(path),
            DiskError::NotARegularFile => EditError::NotARegularFile(path),
        }
    }
}

/// What a change of a file's text proposes: the file's new text (`None`: leave it alone)
/// and what to report to the caller.
pub(crate) type Proposal<T> = (Option<String>, T);

/// What a change of a document's records proposes ([`Door::rewrite`]).
pub(crate) enum Rewrite<D, R, F> {
    /// The change is already in place: nothing is written.
    Unchanged(R),
    /// The file's new text and the records it must read back as; once it does, `report`
    /// makes the caller's report from the text as re-read (where the new block is), and may
    /// still refuse the change.
    Changed {
        text: String,
        intended: D,
        report: F,
    },
}

/// What happens to a `\r\n` file's line endings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Endings {
    /// An edit keeps them.
    Keep,
    /// `fmt` writes the canonical `\n`.
    Canonical,
}

/// Which rules a write is held to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rules {
    /// Everything `check` reports.
    Check,
    /// Everything but disputes: settling one dispute of a file that has several.
    DisputesAside,
}

/// One file of a loaded ledger (or a new file in its folder), taken through the door: the
/// one way Hindsight changes a file. Each change the program makes is a method, defined
/// beside what it does (`edit`, `insert`, `format`, `settle`), and each runs the cycle of
/// the module comment under the file's lock.
pub struct Door<'a> {
    ledger: &'a Ledger,
    path: PathBuf,
}

impl<'a> Door<'a> {
    /// The door to `path`, a file of `ledger`'s folder. Nothing is read or locked until a
    /// change is made.
    pub fn of(ledger: &'a Ledger, path: &Path) -> Door<'a> {
        Door {
            ledger,
            path: path.to_path_buf(),
        }
    }

    /// The door to the folder's `people.ron`, which [`Door::insert_person`] creates when
    /// the folder has none.
    pub fn people(ledger: &'a Ledger) -> Door<'a> {
        Door::of(ledger, &ledger.dir.join(PEOPLE_FILE))
    }

    /// The door to the file a new scenario `id` is written to, `<folder>/<id>.ron`
    /// ([`Door::create_scenario`] refuses an id that is no plain file name).
    pub fn new_scenario(ledger: &'a Ledger, id: &str) -> Door<'a> {
        Door::of(ledger, &ledger.dir.join(format!("{id}.ron")))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn ledger(&self) -> &'a Ledger {
        self.ledger
    }

    /// Whether a change to this existing file would be taken now, without making one: in
    /// the folder, a regular file and not a link, writable, and free of errors. A change
    /// that spans several files asks this of each before writing the first, so that a
    /// refusal of the last does not leave the first written.
    pub fn ready(&self) -> Result<(), EditError> {
        let (ledger, path) = (self.ledger, self.path.as_path());
        outside_folder(ledger, path)?;
        let (_locked, original) = self.lock_and_read()?;
        current_text(ledger, path, &original, Rules::Check).map(|_| ())
    }

    /// Changes the records of the document in this file: `change` gets the current text
    /// (always with `\n` line endings; a `\r\n` file gets them back on the way out) and
    /// the document parsed from it, and proposes a new text with the records it must read
    /// back as. It may be called more than once when the file changes under the write.
    pub(crate) fn rewrite<D, R, F>(
        &self,
        mut change: impl FnMut(&str, &Parsed<D>) -> Result<Rewrite<D, R, F>, EditError>,
    ) -> Result<R, EditError>
    where
        D: Document + PartialEq,
        F: FnOnce(&Parsed<D>, &str) -> Result<R, EditError>,
    {
        let path = self.path.as_path();
        self.change(Endings::Keep, Rules::Check, |text| {
            let parsed = parse_file::<D>(path, text)?;
            match change(text, &parsed)? {
                Rewrite::Unchanged(report) => Ok((None, report)),
                Rewrite::Changed {
                    text: new_text,
                    intended,
                    report,
                } => {
                    let reparsed = verify(path, &new_text, &intended)?;
                    let report = report(&reparsed, &new_text)?;
                    Ok((Some(new_text), report))
                }
            }
        })
    }

    /// The file locked, refused if the user made it read-only, and its bytes (one more
    /// than the size limit at most, so that a file over it is seen to be).
    fn lock_and_read(&self) -> Result<(LockedFile, Vec<u8>), EditError> {
        let disk_error = |error| EditError::from_disk(&self.path, error);
        let mut locked = LockedFile::open(&self.path).map_err(disk_error)?;
        locked.check_writable().map_err(disk_error)?;
        let original = locked.read(MAX_FILE_BYTES + 1).map_err(disk_error)?;
        Ok((locked, original))
    }

    /// The whole cycle (see the module comment) over the file's text, with the line
    /// endings and the rules asked for.
    pub(crate) fn change<T>(
        &self,
        keep: Endings,
        rules: Rules,
        mut change: impl FnMut(&str) -> Result<Proposal<T>, EditError>,
    ) -> Result<T, EditError> {
        let (ledger, path) = (self.ledger, self.path.as_path());
        let disk_error = |error| EditError::from_disk(path, error);
        outside_folder(ledger, path)?;
        for _ in 0..ATTEMPTS {
            let (mut locked, original) = self.lock_and_read()?;
            disk::sweep_stale_temporaries(path);
            let text = current_text(ledger, path, &original, rules)?;
            let endings = match keep {
                Endings::Keep => LineEndings::of(text),
                Endings::Canonical => LineEndings::Lf,
            };
            // A byte-order mark is no part of the text a change sees (nor of `fmt`'s
            // canonical form): a file that has one keeps it.
            let mark = parse::BYTE_ORDER_MARK;
            let mark = if original.starts_with(mark.as_bytes()) {
                mark
            } else {
                ""
            };
            let (new_text, result) = change(&endings.to_lf(text))?;
            // Nothing to change: leave the file (and its modification time) alone.
            let Some(new_text) = new_text else {
                return Ok(result);
            };
            if let Some(problem) = first_error(ledger, path, &new_text, rules) {
                return Err(EditError::Invalid(problem));
            }
            let new_bytes = endings.restore(&new_text);
            let new_bytes = match mark {
                "" => new_bytes,
                mark => format!("{mark}{new_bytes}").into(),
            };
            let temporary = Temporary::write(path, new_bytes.as_bytes(), Some(&locked.metadata))
                .map_err(disk_error)?;
            // A writer that does not lock (an editor, git) may have replaced or rewritten
            // the file since it was read: start over on its version rather than overwrite
            // it.
            match temporary
                .replace_if_unchanged(path, &mut locked, &original)
                .map_err(disk_error)?
            {
                Replacement::Written => return Ok(result),
                Replacement::FileChanged => continue,
            }
        }
        Err(EditError::ChangedWhileWriting(path.to_path_buf()))
    }

    /// Writes this file, which must not exist yet, as `text`, which must read back as
    /// `intended` and break no rule; refuses with [`EditError::AlreadyExists`] if there is
    /// a file, even one created a moment before by another process.
    pub(crate) fn create<D: Document + PartialEq>(
        &self,
        text: &str,
        intended: &D,
    ) -> Result<(), EditError> {
        let (ledger, path) = (self.ledger, self.path.as_path());
        verify(path, text, intended)?;
        outside_folder(ledger, path)?;
        if let Some(problem) = first_error(ledger, path, text, Rules::Check) {
            return Err(EditError::Invalid(problem));
        }
        let disk_error = |error| EditError::from_disk(path, error);
        let temporary = Temporary::write(path, text.as_bytes(), None).map_err(disk_error)?;
        temporary.create(path).map_err(|error| match error {
            DiskError::Io(source) if source.kind() == std::io::ErrorKind::AlreadyExists => {
                EditError::AlreadyExists(path.to_path_buf())
            }
            other => disk_error(other),
        })
    }
}

/// Writes a file that is no ledger file (the demo's generated folder, an article's text
/// kept beside the ledger) as atomically as every other write, but *unchecked*: nothing
/// here knows its rules. Fails rather than replace a file that is there.
pub fn create_unchecked(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let into_io = |error| match error {
        DiskError::Io(error) => error,
        other => std::io::Error::other(format!("{other:?}")),
    };
    Temporary::write(path, contents, None)
        .and_then(|temporary| temporary.create(path))
        .map_err(into_io)
}

/// A write is checked against the rules of the folder it was loaded from: a file
/// elsewhere would be checked against the wrong people, phrases and ids.
fn outside_folder(ledger: &Ledger, path: &Path) -> Result<(), EditError> {
    if path.starts_with(&ledger.dir) {
        Ok(())
    } else {
        Err(EditError::OutsideFolder {
            path: path.to_path_buf(),
            folder: ledger.dir.clone(),
        })
    }
}

/// The file's text, if `check` would find no error in it.
fn current_text<'a>(
    ledger: &Ledger,
    path: &Path,
    bytes: &'a [u8],
    rules: Rules,
) -> Result<&'a str, EditError> {
    let has_errors = |first: String| EditError::FileHasErrors {
        path: path.to_path_buf(),
        first,
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(has_errors(format!(
            "it is larger than the {} MiB limit",
            MAX_FILE_BYTES >> 20
        )));
    }
    let text = parse::decode_utf8(path, bytes).map_err(|problem| has_errors(located(&problem)))?;
    // Still exactly as loaded: the loader's verdict, which saw the whole folder, stands.
    if let Some(file) = ledger.scenario_file(path)
        && file.content == content_hash(bytes)
        && rules == Rules::Check
    {
        return match ledger.problems_in(path).find(|problem| problem.is_error()) {
            Some(problem) => Err(has_errors(located(problem))),
            None => Ok(text),
        };
    }
    if let Some(problem) = first_error(ledger, path, text, rules) {
        return Err(has_errors(located(&problem)));
    }
    Ok(text)
}

fn located(problem: &Problem) -> String {
    format!(
        "line {}, column {}: {}",
        problem.position.line, problem.position.column, problem.message
    )
}

/// The first error `check` would report in `path` if it held `text`.
fn first_error(ledger: &Ledger, path: &Path, text: &str, rules: Rules) -> Option<Problem> {
    let blanked = match rules {
        Rules::Check => None,
        Rules::DisputesAside => crate::ledger::read::dispute::blank_disputes(path, text),
    };
    let disputed: Vec<String> = blanked
        .iter()
        .flat_map(|b| b.records.iter().map(|record| record.id.clone()))
        .collect();
    let text = blanked.as_ref().map_or(text, |b| b.text.as_str());
    file_problems(ledger, file_kind(&ledger.dir, path), path, text, &disputed)
        .into_iter()
        .find(|problem| problem.severity == Severity::Error)
}

/// Parses a file about to be changed; it has passed validation, so a failure here is a
/// bug, reported as the file having errors rather than a panic.
pub(super) fn parse_file<T: Document>(path: &Path, text: &str) -> Result<Parsed<T>, EditError> {
    parse::parse(path, text).map_err(|problems| EditError::FileHasErrors {
        path: path.to_path_buf(),
        first: problems.first().map(located).unwrap_or_default(),
    })
}

/// The new text must read back as exactly the intended records, or nothing is written.
fn verify<T: Document + PartialEq>(
    path: &Path,
    new_text: &str,
    intended: &T,
) -> Result<Parsed<T>, EditError> {
    match parse::parse::<T>(path, new_text) {
        Ok(parsed) if parsed.value == *intended => Ok(parsed),
        _ => Err(EditError::NotVerified(path.to_path_buf())),
    }
}
