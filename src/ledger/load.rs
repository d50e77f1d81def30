//! Loading a scenarios folder: find the files (`folder`), read and parse each one (a broken
//! file never stops the others), then hand everything to `validate` to resolve names and
//! phrases.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::folder::{self, FolderFiles, is_special, ron_files};
use super::parse::{self, Document, Parsed};
use super::people::PersonIndex;
use super::problem::{Position, Problem, sort_problems};
use super::{Ledger, Scenario, ScenarioFile};
use super::{dispute, validate};
use crate::estimative::{PhraseFile, PhraseTable};
use crate::terminal::escape_path;

/// The people registry, in the scenarios folder.
pub const PEOPLE_FILE: &str = "people.ron";
/// The folder's own phrase table, extending the built-in one.
pub const PHRASES_FILE: &str = "phrases.ron";

/// Why a folder could not be loaded at all (problems inside files, sub-folders included,
/// are not errors: they are collected in [`Ledger::problems`]).
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

/// A scenario file that parsed, with what validation needs to locate its parts.
pub(super) struct ReadScenario {
    pub path: PathBuf,
    pub text: String,
    pub parsed: Parsed<Scenario>,
}

/// Loads a scenarios folder. `today` decides what is overdue or dated in the future.
pub fn load(dir: &Path, today: NaiveDate) -> Result<Ledger, LoadError> {
    if !dir.exists() {
        return Err(LoadError::NotFound(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(LoadError::NotAFolder(dir.to_path_buf()));
    }
    let FolderFiles {
        paths,
        mut problems,
    } = ron_files(dir)?;

    let mut phrases = PhraseTable::built_in();
    let phrases_path = dir.join(PHRASES_FILE);
    if let Some(file) = read_document::<PhraseFile>(&paths, &phrases_path, &mut problems) {
        validate::phrase_file(&phrases_path, &file, &mut problems);
        phrases.extend(file.value.phrases);
    }

    let people_path = dir.join(PEOPLE_FILE);
    let people_file = read_document::<super::People>(&paths, &people_path, &mut problems);
    // A registry that is there but was refused (a link out of the folder, a FIFO) is as
    // unusable as a broken one.
    let people_there = people_path.symlink_metadata().is_ok();
    let people_state = match (&people_file, people_there) {
        (Some(_), _) => validate::PeopleFile::Read,
        (None, true) => validate::PeopleFile::Broken,
        (None, false) => validate::PeopleFile::Missing,
    };
    let people = people_file
        .as_ref()
        .map(|file| file.value.people.clone())
        .unwrap_or_default();
    let (person_index, clashes) = PersonIndex::new(&people);
    if let Some(file) = &people_file {
        validate::people_file(&people_path, file, &clashes, &mut problems);
    }

    let scenario_paths: Vec<&PathBuf> = paths
        .iter()
        .filter(|path| path.parent() != Some(dir) || !is_special(path))
        .collect();
    // Files are independent until validation, so they are read and parsed in parallel.
    // A file with conflict markers loads all but the disputed records (see `dispute`).
    let outcomes: Vec<(
        Option<ReadScenario>,
        Vec<Problem>,
        Vec<dispute::DisputedRecord>,
    )> = scenario_paths
        .par_iter()
        .map(|path| {
            let text = match folder::read_text(path) {
                Ok(text) => text,
                Err(problem) => return (None, vec![problem], Vec::new()),
            };
            let (text, disputes, records) = match dispute::blank_disputes(path, &text) {
                Some(blanked) => (blanked.text, blanked.problems, blanked.records),
                None => (text, Vec::new(), Vec::new()),
            };
            match parse::parse::<Scenario>(path, &text) {
                Ok(parsed) => {
                    let path = (*path).clone();
                    (Some(ReadScenario { path, text, parsed }), disputes, records)
                }
                Err(mut found) => {
                    found.extend(disputes);
                    (None, found, records)
                }
            }
        })
        .collect();
    let mut read = Vec::with_capacity(outcomes.len());
    let mut disputes = Vec::new();
    for (file, found, records) in outcomes {
        read.extend(file);
        problems.extend(found);
        disputes.extend(records);
    }

    let project_root = dir
        .canonicalize()
        .ok()
        .and_then(|dir| dir.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| dir.to_path_buf());
    let context = validate::Context {
        people: &people,
        person_index: &person_index,
        people_file: people_state,
        phrases: &phrases,
        project_root: &project_root,
        today,
    };
    let entries = validate::scenarios(&context, &read, &mut problems);

    let mut files: Vec<ScenarioFile> = read
        .into_iter()
        .map(|file| ScenarioFile {
            content: content_hash(file.text.as_bytes()),
            path: file.path,
            scenario: file.parsed.value,
            has_errors: false,
        })
        .collect();
    for file in &mut files {
        file.has_errors = problems.iter().any(|p| p.is_error() && p.path == file.path);
    }
    let entry_by_id: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .rev() // the first of duplicate ids wins
        .map(|(i, entry)| {
            (
                files[entry.file].scenario.forecasts[entry.index].id.clone(),
                i,
            )
        })
        .collect();
    sort_problems(&mut problems);
    Ok(Ledger {
        dir: dir.to_path_buf(),
        ron_paths: paths,
        disputes,
        project_root,
        files,
        people,
        phrases,
        problems,
        today,
        entries,
        person_index,
        people_file: people_state,
        entry_by_id,
    })
}

/// Reads an optional document (people.ron, phrases.ron) if the folder walk found it:
/// absent is fine, broken is a problem.
fn read_document<T: Document>(
    found: &[PathBuf],
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<DocumentRead<T>> {
    if !found.iter().any(|found| found == path) {
        return None;
    }
    let text = folder::read_text(path)
        .map_err(|problem| problems.push(problem))
        .ok()?;
    match parse::parse::<T>(path, &text) {
        Ok(parsed) => Some(DocumentRead::new(parsed, &text)),
        Err(found) => {
            problems.extend(found);
            None
        }
    }
}

/// A parsed people or phrases file, kept with its text for locating problems.
pub(super) struct DocumentRead<T> {
    pub value: T,
    pub text: String,
    pub outline: super::syntax::Outline,
    pub lines: super::syntax::LineIndex,
}

impl<T> DocumentRead<T> {
    pub fn new(parsed: Parsed<T>, text: &str) -> DocumentRead<T> {
        DocumentRead {
            value: parsed.value,
            text: text.to_string(),
            outline: parsed.outline,
            lines: parsed.lines,
        }
    }

    /// Item `index` of list `list`, in the outline.
    pub fn item(&self, list: &str, index: usize) -> Option<&super::syntax::Node> {
        self.outline
            .root
            .field(list)
            .and_then(|field| field.value.items().get(index))
    }

    /// Where item `index` of list `list` starts (or the file's start).
    pub fn item_position(&self, list: &str, index: usize) -> Position {
        self.item(list, index).map_or(Position::START, |item| {
            self.lines.position(&self.text, item.span.start)
        })
    }
}

/// A stable-within-a-process hash of a block's text (see [`super::Entry::fingerprint`]).
/// Line endings are left out, so a block reads the same whether the file was loaded with
/// `\r\n` or handed to an edit with `\n` (see [`super::transaction`]).
pub(super) fn fingerprint(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for piece in text.split('\r') {
        hasher.write(piece.as_bytes());
    }
    hasher.finish()
}

/// A hash of a whole file's bytes, so a write can tell whether the file is still exactly
/// what was loaded (and checked) without checking it again.
pub(super) fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}
