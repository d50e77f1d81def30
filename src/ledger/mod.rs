//! The ledger: a folder of scenario files, the people registry and the phrase table, loaded
//! into memory with every problem found on the way.
//!
//! Data flows one way: files → [`load`] (parse, validate, resolve names and phrases) →
//! [`Ledger`] → queries and scores. The folder is not trusted: [`ron_files`] walks it within
//! the [`limits`], so that a stranger's repository cannot hang, crash or lead the loader
//! outside it. Writes go back through one door, the [`transaction`] (lock, re-read,
//! validate, splice, verify, atomic rename): [`edit`] changes one forecast's block,
//! [`insert`] adds or removes one record, [`format`] rewrites a file in the [`canonical`]
//! form. [`changes`] says in words what changed between two versions of a file (commit
//! messages, pull reports, a forecast's history). Nothing here draws or prints.

pub mod call;
pub mod canonical;
pub mod changes;
mod disk;
pub mod dispute;
pub mod draft;
pub mod edit;
mod folder;
pub mod format;
mod id_index;
pub mod insert;
pub mod limits;
mod load;
pub mod merge;
pub mod model;
mod outline_de;
pub mod parse;
pub mod people;
pub mod problem;
mod splice;
pub mod syntax;
mod text_rules;
pub mod transaction;
mod validate;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use call::Call;
pub(crate) use folder::read_bytes;
pub use folder::{FolderFiles, ron_files};
pub use load::{
    LoadError, LoadProgress, PEOPLE_FILE, PHRASES_FILE, load, load_holding, load_with_progress,
};
pub use model::*;
pub use problem::{Position, Problem, Severity};
pub use text_rules::{is_web_link, link_problem};
pub use transaction::{EditError, create_new_file};
pub(crate) use validate::{SeedProblem, resolve_seed};

pub use crate::ron_format::ron_options;

use crate::estimative::{PhraseOrigin, PhraseTable};
use people::PersonIndex;

/// The scenarios folder the command line and the app read when none is given.
pub const DEFAULT_FOLDER: &str = "scenarios";

/// Everything loaded from one scenarios folder.
#[derive(Clone, Debug)]
pub struct Ledger {
    /// The scenarios folder.
    pub dir: PathBuf,
    /// Every `.ron` file the loader opened (scenario files, `people.ron`, `phrases.ron`),
    /// in path order: regular files inside the folder, each once. Links out of the folder,
    /// FIFOs and the like are not here but in `problems`.
    pub ron_paths: Vec<PathBuf>,
    /// Records left in dispute by a merge (both versions between conflict markers), which
    /// a reader settles by keeping one side ([`dispute::keep_side`]).
    pub disputes: Vec<dispute::DisputedRecord>,
    /// The folder seed paths are relative to: the scenarios folder's parent.
    pub project_root: PathBuf,
    /// Scenario files that could be read, in path order. Files that could not be parsed
    /// are absent here and present in `problems`.
    pub files: Vec<ScenarioFile>,
    pub people: Vec<Person>,
    pub phrases: PhraseTable,
    /// Every error and warning, in file and line order.
    pub problems: Vec<Problem>,
    /// The day it was loaded for: what is overdue, and what would be in the future.
    pub today: NaiveDate,
    /// Every forecast of every readable file, in file order then file order within each.
    pub entries: Vec<Entry>,
    person_index: PersonIndex,
    /// Whether `people.ron` was there and readable, which decides what an unknown name means.
    people_file: validate::PeopleFile,
    entry_by_id: rustc_hash::FxHashMap<String, usize>,
}

/// One scenario file as read.
#[derive(Clone, Debug)]
pub struct ScenarioFile {
    pub path: PathBuf,
    pub scenario: Scenario,
    /// Set when any error is located in this file: such a file is never rewritten.
    pub has_errors: bool,
    /// A hash of the bytes loaded (see [`transaction`]: a file still as loaded need not be
    /// checked again before a write).
    content: u64,
}

/// A forecast with what the loader worked out about it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Index into [`Ledger::files`].
    pub file: usize,
    /// Index into that scenario's `forecasts`.
    pub index: usize,
    /// Where the forecast's block starts.
    pub position: Position,
    /// Index into [`Ledger::people`], when `by` names a known person.
    pub person: Option<usize>,
    /// Index into the scenario's `sources`, when `source` names one.
    pub source: Option<usize>,
    /// The probability it is scored with, when it has one.
    pub probability: Option<EffectiveProbability>,
    /// A hash of the block's text as loaded, so an edit can tell whether it changed on disk.
    pub fingerprint: u64,
}

/// The probability a forecast is scored with, and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct EffectiveProbability {
    pub value: f64,
    pub origin: ProbabilityOrigin,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProbabilityOrigin {
    /// The forecast states a probability.
    Explicit,
    /// Mapped from the forecast's expression through the phrase table.
    Phrase {
        /// The row's phrase, as the table spells it.
        phrase: String,
        /// The row's range, or with a baseline the baseline's range moved (see `baseline`).
        range: Option<(f64, f64)>,
        /// The row's source.
        source: String,
        table: PhraseOrigin,
        /// For a comparative measured from a level the text gives: that baseline phrase, as
        /// the table spells it, and its probability. The value is then the comparative moved
        /// from it ([`crate::estimative::from_baseline`]), not the row's own figure.
        baseline: Option<(String, f64)>,
    },
}

impl EffectiveProbability {
    /// How a comparative measured from a baseline was worked out ("even more likely than
    /// 'likely' (70%) ➡ 79%"), for a reader checking the figure; `None` for any other
    /// probability.
    pub fn baseline_explanation(&self) -> Option<String> {
        match &self.origin {
            ProbabilityOrigin::Phrase {
                phrase,
                baseline: Some((baseline, from)),
                ..
            } => Some(format!(
                "{phrase} than '{baseline}' ({:.0}%) ➡ {:.0}%",
                from * 100.0,
                self.value * 100.0
            )),
            _ => None,
        }
    }
}

/// A forecast together with the records it points to.
#[derive(Clone, Copy, Debug)]
pub struct ForecastView<'a> {
    pub entry_index: usize,
    pub entry: &'a Entry,
    pub forecast: &'a Forecast,
    pub file: &'a ScenarioFile,
    pub source: Option<&'a Source>,
    pub person: Option<&'a Person>,
}

impl<'a> ForecastView<'a> {
    pub fn scenario(&self) -> &'a Scenario {
        &self.file.scenario
    }

    /// The forecaster's canonical name, or the name as written when it is unknown.
    pub fn author_name(&self) -> &'a str {
        self.person.map_or(&self.forecast.by, |person| &person.name)
    }

    pub fn probability(&self) -> Option<f64> {
        self.entry.probability.as_ref().map(|p| p.value)
    }

    pub fn verdict(&self) -> Option<Verdict> {
        self.forecast.outcome.verdict()
    }

    /// Unresolved and past its resolve-by date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.forecast.outcome == Outcome::Open && self.forecast.resolve_by.date() < today
    }

    /// The scenario's tags followed by the forecast's own.
    pub fn tags(&self) -> impl Iterator<Item = &'a str> {
        self.scenario()
            .tags
            .iter()
            .chain(self.forecast.tags.iter())
            .map(String::as_str)
    }
}

impl Ledger {
    pub fn view(&self, entry_index: usize) -> ForecastView<'_> {
        let entry = &self.entries[entry_index];
        let file = &self.files[entry.file];
        ForecastView {
            entry_index,
            entry,
            forecast: &file.scenario.forecasts[entry.index],
            file,
            source: entry.source.map(|i| &file.scenario.sources[i]),
            person: entry.person.map(|i| &self.people[i]),
        }
    }

    /// Every forecast, in file order.
    pub fn forecasts(&self) -> impl Iterator<Item = ForecastView<'_>> {
        (0..self.entries.len()).map(|i| self.view(i))
    }

    /// The scenario file read from `path`. Forms and actions name a file by its path, which
    /// a reload does not change, rather than by its position in [`Ledger::files`].
    pub fn scenario_file(&self, path: &Path) -> Option<&ScenarioFile> {
        self.files.iter().find(|file| file.path == path)
    }

    /// The entry index of the forecast with this id (the first, when files share an id:
    /// see [`Ledger::find_all`]).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.entry_by_id.get(id).copied()
    }

    /// Every forecast with this id: more than one when files share it (an error `check`
    /// reports), in which case a command must not guess which one is meant.
    pub fn find_all(&self, id: &str) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| self.files[entry.file].scenario.forecasts[entry.index].id == id)
            .map(|(i, _)| i)
            .collect()
    }

    /// The person a name (id, canonical name or alias) refers to.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.person_index.find(name).map(|i| &self.people[i])
    }

    /// Takes in a person just written to `people.ron` ([`insert::insert_person`]), so that writes
    /// made before the next load may name them.
    pub fn note_person_added(&mut self, person: Person) {
        self.person_index.add(self.people.len(), &person);
        self.people.push(person);
        self.people_file = validate::PeopleFile::Read;
    }

    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }

    /// The problems located in one file.
    pub fn problems_in<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = &'a Problem> {
        self.problems.iter().filter(move |p| p.path == path)
    }

    /// Forecast ids close to an unknown one, for "did you mean" hints.
    pub fn similar_ids(&self, id: &str) -> Vec<&str> {
        let mut scored: Vec<(f64, &str)> = self
            .entry_by_id
            .keys()
            .map(|known| (strsim::jaro_winkler(id, known), known.as_str()))
            .filter(|(similarity, _)| *similarity > 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }
}
