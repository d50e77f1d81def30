//! The ledger as loaded: every file's records with what the loader worked out about each
//! forecast (its person, source and scored probability), the problems found, and the
//! records left in dispute by a merge. Built by reading (`super::super::read`); the
//! types here only answer questions about it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::dispute::DisputedRecord;
use super::people::PersonIndex;
use super::problem::{Position, Problem};
use super::records::*;
use crate::estimative::{PhraseOrigin, PhraseTable};

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
    /// a reader settles by keeping one side ([`Door::keep_side`](crate::ledger::Door::keep_side)).
    pub disputes: Vec<DisputedRecord>,
    /// The folder seed paths are relative to: the scenarios folder's parent.
    pub project_root: PathBuf,
    /// Scenario files that could be read, in path order. Files that could not be parsed
    /// are absent here and present in `problems`.
    pub files: Vec<ScenarioFile>,
    pub people: Vec<Person>,
    pub phrases: PhraseTable,
    /// Every error and warning, in file and line order.
    pub problems: Vec<Problem>,
    /// The day it is read as of (`--today`, else the real date): what is overdue, and what
    /// was known. Forecasts made and verdicts given after it are not shown
    /// ([`Ledger::forecasts`], [`ForecastView::resolution`]); nothing of that is an error.
    /// A date in the future is judged against the real date instead.
    pub today: NaiveDate,
    /// Every forecast of every readable file, in file order then file order within each.
    pub entries: Vec<Entry>,
    pub(crate) person_index: PersonIndex,
    /// Whether `people.ron` was there and readable, which decides what an unknown name means.
    pub(crate) people_file: PeopleFile,
    pub(crate) entry_by_id: rustc_hash::FxHashMap<String, usize>,
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
    pub(crate) content: u64,
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
        /// from it (`estimative::from_baseline`), not the row's own figure.
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

/// A verdict as it applies to one forecast: recorded on the forecast, or on its question
/// and negated for a forecast on the opposite side.
#[derive(Clone, Copy, Debug)]
pub struct Judged<'a> {
    pub resolution: &'a Resolution,
    /// The forecast's claim is the negation of the question's: true and false swap.
    pub negated: bool,
}

impl<'a> Judged<'a> {
    pub fn verdict(&self) -> Verdict {
        if self.negated {
            self.resolution.verdict.negated()
        } else {
            self.resolution.verdict
        }
    }

    pub fn on(&self) -> NaiveDate {
        self.resolution.on
    }

    pub fn judge(&self) -> Option<&'a str> {
        self.resolution.judge.as_deref()
    }

    pub fn evidence(&self) -> Option<&'a str> {
        self.resolution.evidence.as_deref()
    }

    pub fn link(&self) -> Option<&'a str> {
        self.resolution.link.as_deref()
    }
}

/// A question together with its file, as known on a day.
#[derive(Clone, Copy, Debug)]
pub struct QuestionView<'a> {
    pub question: &'a Question,
    pub file: &'a ScenarioFile,
    /// The day the ledger is read as of: a verdict given after it is not known yet.
    pub as_of: NaiveDate,
}

impl<'a> QuestionView<'a> {
    /// The question's verdict, as known on [`QuestionView::as_of`].
    pub fn resolution(&self) -> Option<&'a Resolution> {
        self.question
            .outcome
            .resolution()
            .filter(|resolution| resolution.on <= self.as_of)
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
    /// The day the ledger is read as of ([`Ledger::today`]): a verdict given after it is
    /// not known yet.
    pub as_of: NaiveDate,
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

    /// The question of its file the forecast answers, when it names one the file has.
    pub fn question(&self) -> Option<&'a Question> {
        let on = self.forecast.question.as_ref()?;
        self.file
            .scenario
            .questions
            .iter()
            .find(|question| question.id == on.id())
    }

    /// The forecast's probability for its question's claim: p on the same side, 1 − p on
    /// the opposite side.
    pub fn question_probability(&self) -> Option<f64> {
        let on = self.forecast.question.as_ref()?;
        let p = self.probability()?;
        Some(if on.is_opposite() { 1.0 - p } else { p })
    }

    /// The verdict that judges the forecast, as known on [`ForecastView::as_of`] (none
    /// when it was given later): its question's, negated on the opposite side, or its
    /// own when it answers no question.
    pub fn resolution(&self) -> Option<Judged<'a>> {
        let (outcome, negated) = match (&self.forecast.question, self.question()) {
            (Some(on), Some(question)) => (&question.outcome, on.is_opposite()),
            // A question the file lacks is an error `check` reports; the forecast stays
            // open rather than take a verdict of its own it should not have.
            (Some(_), None) => return None,
            (None, _) => (&self.forecast.outcome, false),
        };
        outcome
            .resolution()
            .filter(|resolution| resolution.on <= self.as_of)
            .map(|resolution| Judged {
                resolution,
                negated,
            })
    }

    pub fn verdict(&self) -> Option<Verdict> {
        self.resolution().map(|judged| judged.verdict())
    }

    /// Unresolved (as of [`ForecastView::as_of`]) and past its resolve-by date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.resolution().is_none() && self.forecast.resolve_by.date() < today
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
    /// A ledger with no files: the built-in phrase table and nobody known, for reading an
    /// article where there is no scenarios folder (`dir` is where one would be).
    pub fn without_folder(dir: &Path, today: NaiveDate) -> Ledger {
        Ledger {
            dir: dir.to_path_buf(),
            ron_paths: Vec::new(),
            disputes: Vec::new(),
            project_root: dir
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            files: Vec::new(),
            people: Vec::new(),
            phrases: PhraseTable::built_in(),
            problems: Vec::new(),
            today,
            entries: Vec::new(),
            person_index: PersonIndex::new(&[]).0,
            people_file: PeopleFile::Missing,
            entry_by_id: rustc_hash::FxHashMap::default(),
        }
    }

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
            as_of: self.today,
        }
    }

    /// Every forecast made by [`Ledger::today`], in file order: a ledger read as of a day
    /// in the past shows what was known then (`--today 2022-06-01`), without the
    /// forecasts made since. Every record, whenever made, is in [`Ledger::entries`].
    pub fn forecasts(&self) -> impl Iterator<Item = ForecastView<'_>> {
        (0..self.entries.len())
            .map(|i| self.view(i))
            .filter(|view| view.forecast.made <= self.today)
    }

    /// Every question of the folder, in file order, as known on [`Ledger::today`].
    pub fn questions(&self) -> impl Iterator<Item = QuestionView<'_>> {
        self.files.iter().flat_map(move |file| {
            file.scenario
                .questions
                .iter()
                .map(move |question| QuestionView {
                    file,
                    question,
                    as_of: self.today,
                })
        })
    }

    /// Every question of the folder, in file order, with the entry indices of the
    /// forecasts (made by today) on it, found in one pass over the forecasts.
    pub fn answers_by_question(&self) -> Vec<(QuestionView<'_>, Vec<usize>)> {
        let mut slot = rustc_hash::FxHashMap::default();
        let mut answers: Vec<(QuestionView, Vec<usize>)> = Vec::new();
        for (file_index, file) in self.files.iter().enumerate() {
            for question in &file.scenario.questions {
                slot.insert((file_index, question.id.as_str()), answers.len());
                let view = QuestionView {
                    question,
                    file,
                    as_of: self.today,
                };
                answers.push((view, Vec::new()));
            }
        }
        for view in self.forecasts() {
            let Some(on) = &view.forecast.question else {
                continue;
            };
            if let Some(&at) = slot.get(&(view.entry.file, on.id())) {
                answers[at].1.push(view.entry_index);
            }
        }
        answers
    }

    /// The question with this id (question ids are unique across the folder).
    pub fn question(&self, id: &str) -> Option<QuestionView<'_>> {
        self.questions().find(|view| view.question.id == id)
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

    /// Takes in a person just written to `people.ron` ([`Door::insert_person`](crate::ledger::Door::insert_person)), so that writes
    /// made before the next load may name them.
    pub fn note_person_added(&mut self, person: Person) {
        self.person_index.add(self.people.len(), &person);
        self.people.push(person);
        self.people_file = PeopleFile::Read;
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

    /// Forecast ids close to an unknown one, for "did you mean" hints: a typo away (an
    /// edit distance of about one in four characters) or the id cut short (it begins one at
    /// least twice its length). Ids that only share a prefix with it ("demo-0007-currency-…"
    /// for "demo-000001") are not close, and nothing is suggested rather than noise.
    pub fn similar_ids(&self, id: &str) -> Vec<&str> {
        similar_ids(id, self.entry_by_id.keys().map(String::as_str))
    }
}

/// The ids among `known` close to `id`, nearest first, at most three (see
/// [`Ledger::similar_ids`]).
fn similar_ids<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let length = id.chars().count();
    let allowed = (length / 4).max(1);
    let mut scored: Vec<(usize, &str)> = known
        .filter_map(|candidate| {
            let candidate_length = candidate.chars().count();
            if candidate.starts_with(id) && length * 2 >= candidate_length {
                return Some((0, candidate));
            }
            // Cheap first: ids of very different lengths cannot be a typo apart.
            if candidate_length.abs_diff(length) > allowed {
                return None;
            }
            let distance = strsim::levenshtein(id, candidate);
            (distance <= allowed).then_some((distance, candidate))
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod similar_id_tests {
    use super::similar_ids;

    #[test]
    fn a_typo_or_a_cut_id_is_suggested_and_a_shared_prefix_is_not() {
        let known = [
            "ada-prices-rise",
            "ada-rates-up",
            "bo-minister-resigns",
            "demo-0007-currency-00186",
            "demo-0005-protests-00106",
        ];
        let near = |id: &str| similar_ids(id, known.iter().copied());
        assert_eq!(near("ada-prices-rse"), ["ada-prices-rise"]);
        assert_eq!(near("bo-minister-resign"), ["bo-minister-resigns"]);
        assert_eq!(near("ada-prices"), ["ada-prices-rise"]);
        assert!(near("demo-000001").is_empty());
        assert!(near("zzz").is_empty());
    }
}

/// Whether `people.ron` was there and readable, which decides what an unknown name means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PeopleFile {
    Missing,
    /// It exists but could not be parsed: its own errors are reported, and names are not
    /// checked against a registry that could not be read.
    Broken,
    Read,
}
