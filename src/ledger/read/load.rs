//! Loading a scenarios folder: find the files (`folder`), read and parse each one (a broken
//! file never stops the others), then hand everything to `validate` to resolve names and
//! phrases.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::folder::{self, FolderFiles, LoadError, is_special, ron_files};
use super::id_index::{self, FileIds, IdIndex};
use super::parse::{self, Document, DocumentRead, Parsed, ReadScenario};
use super::{dispute, validate};
use crate::estimative::{Phrase, PhraseFile, PhraseTable};
use crate::ledger::model::problem::{Problem, sort_problems};
use crate::ledger::model::{
    DisputedRecord, Entry, Ledger, PEOPLE_FILE, PHRASES_FILE, People, PeopleFile, Person, Scenario,
    ScenarioFile, content_hash, people::PersonIndex,
};

/// What loading one scenario file gave: the file as loaded with what its checks found
/// (unless it could not be read or parsed), its problems, and its records in dispute.
type FileOutcome = (
    Option<(ScenarioFile, validate::FileFacts)>,
    Vec<Problem>,
    Vec<DisputedRecord>,
);

/// Loads a scenarios folder. `today` decides what is overdue or dated in the future.
pub fn load(dir: &Path, today: NaiveDate) -> Result<Ledger, LoadError> {
    load_where(dir, today, None, &LoadProgress::default()).map(|(ledger, _)| ledger)
}

/// How far a load has got, for a progress bar: readable from another thread while
/// [`load_with_progress`] runs.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Scenario files to read (known once the folder is walked).
    pub files: AtomicUsize,
    /// Of them, read and parsed.
    pub parsed: AtomicUsize,
}

impl LoadProgress {
    /// The share done, 0 to 1; validation, after the last file is parsed, is the last step.
    pub fn fraction(&self) -> f32 {
        let files = self.files.load(Ordering::Relaxed);
        let parsed = self.parsed.load(Ordering::Relaxed);
        if files == 0 {
            0.0
        } else {
            0.95 * parsed as f32 / files as f32
        }
    }
}

/// [`load`], counting the files parsed in `progress` as it goes.
pub fn load_with_progress(
    dir: &Path,
    today: NaiveDate,
    progress: &LoadProgress,
) -> Result<Ledger, LoadError> {
    load_where(dir, today, None, progress).map(|(ledger, _)| ledger)
}

/// Loads the people registry, the phrase table and only the scenario files that can hold
/// forecast `id` (an `id:` field of theirs is set to it, however the string is spelled):
/// what a command that changes one forecast needs. Every file is read, but only those are
/// parsed and validated, so the cost is reading the folder, not loading it. Every file
/// holding the id is among them, so a duplicate `check` reports is seen here too; checks
/// across files are otherwise the full load's: a command that finds nothing here loads
/// everything before saying so.
///
/// Files that the folder's id index (`read::id_index`) rules out, unchanged since it last saw them, are
/// not even read: the cost is then one file, whatever the folder's size.
pub fn load_holding(dir: &Path, today: NaiveDate, id: &str) -> Result<Ledger, LoadError> {
    let holding = Holding {
        id,
        index: IdIndex::open(dir),
    };
    let (ledger, paths) = load_where(dir, today, Some(&holding), &LoadProgress::default())?;
    if paths.len() >= id_index::MIN_FILES {
        holding.index.save(&paths.iter().collect::<Vec<_>>());
    }
    Ok(ledger)
}

/// Loading only the scenario files that can hold forecast `id`.
struct Holding<'a> {
    id: &'a str,
    index: IdIndex,
}

impl Holding<'_> {
    /// Whether the file need not be read at all.
    fn skips(&self, path: &Path) -> bool {
        self.index.rules_out(path, self.id)
    }

    /// Whether the file, read, is kept; the index takes in what it holds.
    fn keeps(&self, path: &Path, bytes: &[u8]) -> bool {
        let ids = FileIds::of(bytes);
        self.index.renew(path, &ids);
        ids.may_hold(self.id)
    }
}

/// [`load`], keeping only the scenario files that can hold `holding`'s id (all of them
/// when it is `None`). Also returns the scenario files the folder has.
fn load_where(
    dir: &Path,
    today: NaiveDate,
    holding: Option<&Holding>,
    progress: &LoadProgress,
) -> Result<(Ledger, Vec<PathBuf>), LoadError> {
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
    // Records in dispute in any file: set aside while the rest loads (see `dispute`).
    let mut disputes = Vec::new();
    let phrases = read_phrases(dir, &paths, &mut problems, &mut disputes);
    let registry = read_people(dir, &paths, holding, &mut problems, &mut disputes);

    let scenario_paths: Vec<&PathBuf> = paths
        .iter()
        .filter(|path| path.parent() != Some(dir) || !is_special(path))
        .collect();
    progress
        .files
        .store(scenario_paths.len(), Ordering::Relaxed);
    let project_root = dir
        .canonicalize()
        .ok()
        .and_then(|dir| dir.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| dir.to_path_buf());
    let context = validate::Context {
        people: &registry.people,
        person_index: &registry.index,
        people_file: registry.state,
        phrases: &phrases,
        project_root: &project_root,
        future_after: validate::future_after(today),
    };
    // Each file is read, parsed and checked on its own, in parallel; only its values and
    // what the checks across files need are kept, not its text or its outline.
    let outcomes: Vec<FileOutcome> = scenario_paths
        .par_iter()
        .map_init(Vec::new, |buffer, path| {
            load_scenario(&context, holding, progress, buffer, path)
        })
        .collect();
    let mut files = Vec::with_capacity(outcomes.len());
    let mut facts = Vec::with_capacity(outcomes.len());
    for (checked, found, records) in outcomes {
        if let Some((file, file_facts)) = checked {
            files.push(file);
            facts.push(file_facts);
        }
        problems.extend(found);
        disputes.extend(records);
    }
    let checked = files
        .iter()
        .zip(facts)
        .map(|(file, facts)| (file.path.as_path(), &file.scenario, facts));
    let entries = validate::across_files(
        &context,
        checked,
        validate::TakenIds::default(),
        &mut problems,
    );

    for file in &mut files {
        file.has_errors = problems.iter().any(|p| p.is_error() && p.path == file.path);
    }
    let entry_by_id = ids_of(&files, &entries);
    sort_problems(&mut problems);
    disputes.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
    let scenario_paths: Vec<PathBuf> = scenario_paths.into_iter().cloned().collect();
    let ledger = Ledger {
        dir: dir.to_path_buf(),
        ron_paths: paths,
        disputes,
        project_root,
        files,
        people: registry.people,
        phrases,
        problems,
        today,
        entries,
        person_index: registry.index,
        people_file: registry.state,
        entry_by_id,
    };
    Ok((ledger, scenario_paths))
}

/// The built-in phrase table extended by the folder's `phrases.ron`, if it has one; a
/// phrase in dispute is noted as such.
fn read_phrases(
    dir: &Path,
    paths: &[PathBuf],
    problems: &mut Vec<Problem>,
    disputes: &mut Vec<DisputedRecord>,
) -> PhraseTable {
    let mut phrases = PhraseTable::built_in();
    let path = dir.join(PHRASES_FILE);
    if let Some(file) = read_document::<PhraseFile>(paths, &path, problems, disputes) {
        validate::phrase_file(&path, &file, problems);
        phrases.extend(file.value.phrases);
    }
    for phrase in dispute::versions::<Phrase>(disputes, &path) {
        phrases.note_disputed(&phrase.phrase);
    }
    phrases
}

/// The people registry as read, with the index that finds a person by any of their names.
struct Registry {
    people: Vec<Person>,
    index: PersonIndex,
    state: PeopleFile,
}

/// Reads `people.ron`, if the folder has one, and checks it.
fn read_people(
    dir: &Path,
    paths: &[PathBuf],
    holding: Option<&Holding>,
    problems: &mut Vec<Problem>,
    disputes: &mut Vec<DisputedRecord>,
) -> Registry {
    let path = dir.join(PEOPLE_FILE);
    let file = read_document::<People>(paths, &path, problems, disputes);
    // A registry that is there but was refused (a link out of the folder, a FIFO) is as
    // unusable as a broken one.
    let there = path.symlink_metadata().is_ok();
    let state = match (&file, there) {
        (Some(_), _) => PeopleFile::Read,
        (None, true) => PeopleFile::Broken,
        (None, false) => PeopleFile::Missing,
    };
    let people = file
        .as_ref()
        .map(|file| file.value.people.clone())
        .unwrap_or_default();
    let (mut index, clashes) = PersonIndex::new(&people);
    index.note_disputed(&dispute::versions::<Person>(disputes, &path));
    if let Some(file) = &file {
        // A narrow load (one forecast's change) leaves the registry's spellings to `check`.
        let spellings = match holding {
            Some(_) => validate::Spellings::Skip,
            None => validate::Spellings::Compare,
        };
        validate::people_file(&path, file, &clashes, spellings, problems);
    }
    Registry {
        people,
        index,
        state,
    }
}

/// Reads, parses and checks one scenario file on its own (unless `holding` rules it out).
/// A file with conflict markers loads all but the disputed records (see `dispute`).
fn load_scenario(
    context: &validate::Context,
    holding: Option<&Holding>,
    progress: &LoadProgress,
    buffer: &mut Vec<u8>,
    path: &Path,
) -> FileOutcome {
    let text = match holding {
        None => folder::read_text(path),
        Some(holding) if holding.skips(path) => return (None, Vec::new(), Vec::new()),
        // Scanned in a reused buffer; only a file kept gets a text of its own.
        Some(holding) => match folder::read_bytes_into(path, buffer) {
            Ok(()) if !holding.keeps(path, buffer) => {
                return (None, Vec::new(), Vec::new());
            }
            Ok(()) => parse::into_text(path, std::mem::take(buffer)),
            Err(problem) => Err(problem),
        },
    };
    let text = match text {
        Ok(text) => text,
        Err(problem) => return (None, vec![problem], Vec::new()),
    };
    let read = parse_around_disputes::<Scenario>(path, text);
    progress.parsed.fetch_add(1, Ordering::Relaxed);
    let checked = read.parsed.map(|parsed| {
        let file = ReadScenario {
            path: path.to_path_buf(),
            text: read.text,
            parsed,
            disputed: read.disputes.iter().map(|d| d.id.clone()).collect(),
        };
        let facts = validate::file_alone(context, &file);
        let loaded = ScenarioFile {
            content: content_hash(file.text.as_bytes()),
            path: file.path,
            scenario: file.parsed.value,
            has_errors: false,
        };
        (loaded, facts)
    });
    (checked, read.problems, read.disputes)
}

/// Each forecast id with its entry (the first, when files share an id).
fn ids_of(files: &[ScenarioFile], entries: &[Entry]) -> rustc_hash::FxHashMap<String, usize> {
    entries
        .iter()
        .enumerate()
        .rev() // the first of duplicate ids wins
        .map(|(i, entry)| {
            (
                files[entry.file].scenario.forecasts[entry.index].id.clone(),
                i,
            )
        })
        .collect()
}

/// Reads an optional document (people.ron, phrases.ron) if the folder walk found it:
/// absent is fine, broken is a problem, and its disputed records are set aside like a
/// scenario's.
fn read_document<T: Document>(
    found: &[PathBuf],
    path: &Path,
    problems: &mut Vec<Problem>,
    disputes: &mut Vec<DisputedRecord>,
) -> Option<DocumentRead<T>> {
    if !found.iter().any(|found| found == path) {
        return None;
    }
    let text = folder::read_text(path)
        .map_err(|problem| problems.push(problem))
        .ok()?;
    let read = parse_around_disputes::<T>(path, text);
    problems.extend(read.problems);
    disputes.extend(read.disputes);
    read.parsed
        .map(|parsed| DocumentRead::new(parsed, &read.text))
}

/// A file parsed with its disputes set aside: the text as parsed (blanked where marked),
/// the document if it parsed, every problem found, and the records in dispute.
struct AroundDisputes<T> {
    text: String,
    parsed: Option<Parsed<T>>,
    problems: Vec<Problem>,
    disputes: Vec<DisputedRecord>,
}

fn parse_around_disputes<T: Document>(path: &Path, text: String) -> AroundDisputes<T> {
    let (text, mut problems, disputes) = match dispute::blank_disputes(path, &text) {
        Some(blanked) => (blanked.text, blanked.problems, blanked.records),
        None => (text, Vec::new(), Vec::new()),
    };
    let parsed = parse::parse::<T>(path, &text)
        .map_err(|found| problems.extend(found))
        .ok();
    AroundDisputes {
        text,
        parsed,
        problems,
        disputes,
    }
}
