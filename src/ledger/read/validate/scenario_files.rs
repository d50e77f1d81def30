//! Checking the scenario files: each file alone (in parallel, as it is parsed, so that its
//! text and outline can be dropped once checked), then the files against each other for
//! what must hold across the folder (unique ids, one message per unknown name).

use std::collections::HashMap;
use std::path::Path;

use super::super::locate::list_items;
use super::super::parse::ReadScenario;
use super::super::syntax::Node;
use super::super::text_rules::file_texts;
use super::checker::{Context, FileChecker};
use super::ids::duplicate_forecast_id;
use super::people::UnknownNames;
use super::{forecasts, questions, sources};
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{Entry, Ledger, Scenario};

/// What checking one scenario file on its own found: its problems, its forecasts'
/// entries, and what must still be compared with the other files (ids, which must be
/// unique across the folder, and unknown names, whose messages are made once per name).
/// Files are checked alone in parallel, as they are parsed, so that a file's text and
/// outline can be dropped as soon as it is checked.
pub(crate) struct FileFacts {
    problems: Vec<Problem>,
    /// `Entry::file` is set once the file's place among the loaded files is known.
    entries: Vec<Entry>,
    /// Where the scenario's id is, when it has one.
    scenario_id_at: Option<Position>,
    /// Forecasts whose id is well formed, with where it is: (forecast index, position).
    forecast_ids: Vec<(usize, Position)>,
    /// Forecasts naming no one in the registry: (forecast index, where `by` is).
    unknown_names: Vec<(usize, Position)>,
    /// Questions whose id is well formed and unique in the file: (question index, position).
    question_ids: Vec<(usize, Position)>,
}

/// Checks everything about one scenario file that does not depend on the other files.
pub(crate) fn file_alone(context: &Context, file: &ReadScenario) -> FileFacts {
    let mut problems = file_texts(file);
    let checker = FileChecker {
        context,
        path: &file.path,
        text: &file.text,
        lines: &file.parsed.lines,
    };
    let root = &file.parsed.outline.root;
    let scenario = &file.parsed.value;
    let scenario_id_at = scenario_fields(&checker, root, scenario, &mut problems);
    let source_ids = sources::check(&checker, root, &scenario.sources, &mut problems);
    let question_ids = questions::check(&checker, root, scenario, &file.disputed, &mut problems);

    let forecast_nodes = list_items(root, "forecasts");
    let mut entries = Vec::with_capacity(scenario.forecasts.len());
    let mut forecast_ids = Vec::with_capacity(scenario.forecasts.len());
    let mut unknown_names = Vec::new();
    for (index, forecast) in scenario.forecasts.iter().enumerate() {
        let node = forecast_nodes.get(index).unwrap_or(root);
        let checked = forecasts::check(
            &checker,
            index,
            forecast,
            node,
            &source_ids,
            &scenario.sources,
            &mut problems,
        );
        forecast_ids.extend(checked.id_at.map(|at| (index, at)));
        unknown_names.extend(checked.unknown_name_at.map(|at| (index, at)));
        entries.push(checked.entry);
    }
    FileFacts {
        problems,
        entries,
        scenario_id_at,
        forecast_ids,
        unknown_names,
        question_ids,
    }
}

/// The scenario's own id and title; returns where the id is, when it has one.
fn scenario_fields(
    checker: &FileChecker,
    root: &Node,
    scenario: &Scenario,
    problems: &mut Vec<Problem>,
) -> Option<Position> {
    let id_at = checker.field_at(root, "id");
    let scenario_id_at = if scenario.id.trim().is_empty() {
        problems.push(checker.error(id_at, "empty scenario id"));
        None
    } else {
        Some(id_at)
    };
    if scenario.title.trim().is_empty() {
        problems.push(checker.error(checker.field_at(root, "title"), "empty scenario title"));
    }
    scenario_id_at
}

/// Compares the files checked alone with each other (and with `taken`, the ids of files
/// not among them), in file order: the first use of an id is the one the others
/// duplicate. Returns every forecast's entry, in file order.
pub(crate) fn across_files<'a>(
    context: &Context,
    files: impl IntoIterator<Item = (&'a Path, &'a Scenario, FileFacts)>,
    mut taken: TakenIds<'a>,
    problems: &mut Vec<Problem>,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut unknown = UnknownNames::default();
    let mut scenario_ids = std::mem::take(&mut taken.scenarios);
    let mut forecast_ids: rustc_hash::FxHashMap<&str, (&Path, Position)> = Default::default();
    let mut question_ids: rustc_hash::FxHashMap<&str, (&Path, Position)> = Default::default();
    for (file_index, (path, scenario, facts)) in files.into_iter().enumerate() {
        problems.extend(facts.problems);
        if let Some(id_at) = facts.scenario_id_at
            && let Some((other, at)) = scenario_ids.insert(&scenario.id, (path, id_at))
        {
            problems.push(Problem::error(
                path,
                id_at,
                format!(
                    "duplicate scenario id '{}' (also in {}:{}:{})",
                    scenario.id,
                    other.display(),
                    at.line,
                    at.column
                ),
            ));
        }
        for (index, id_at) in facts.forecast_ids {
            let id = scenario.forecasts[index].id.as_str();
            let first = forecast_ids
                .get(id)
                .copied()
                .or_else(|| question_ids.get(id).copied())
                .or_else(|| taken.forecast(id));
            match first {
                Some((other, at)) => {
                    problems.push(Problem::error(
                        path,
                        id_at,
                        duplicate_forecast_id(id, other, at),
                    ));
                }
                None => {
                    forecast_ids.insert(id, (path, id_at));
                }
            }
        }
        for (index, id_at) in facts.question_ids {
            let id = scenario.questions[index].id.as_str();
            let first = question_ids
                .get(id)
                .copied()
                .or_else(|| forecast_ids.get(id).copied())
                .or_else(|| taken.question(id))
                .or_else(|| taken.forecast(id));
            match first {
                Some((other, at)) => problems.push(Problem::error(
                    path,
                    id_at,
                    format!(
                        "question id '{id}' is already used (first at {}:{}:{}); question and forecast ids must be unique across the folder",
                        other.display(),
                        at.line,
                        at.column
                    ),
                )),
                None => {
                    question_ids.insert(id, (path, id_at));
                }
            }
        }
        for (index, at) in facts.unknown_names {
            let message = unknown.message(context, &scenario.forecasts[index].by);
            problems.push(Problem::error(path, at, message));
        }
        entries.extend(facts.entries.into_iter().map(|entry| Entry {
            file: file_index,
            ..entry
        }));
    }
    entries
}

/// Ids already taken by the other files of a loaded folder: ids must be unique across it.
#[derive(Default)]
pub(crate) struct TakenIds<'a> {
    scenarios: HashMap<&'a str, (&'a Path, Position)>,
    /// The folder and the index of the file being checked, whose own ids do not count.
    ledger: Option<(&'a Ledger, Option<usize>)>,
}

impl<'a> TakenIds<'a> {
    /// The ids of every file of `ledger` but `path`.
    pub(super) fn elsewhere(ledger: &'a Ledger, path: &Path) -> TakenIds<'a> {
        let this = ledger.files.iter().position(|file| file.path == path);
        let scenarios = ledger
            .files
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != this)
            .map(|(_, file)| {
                (
                    file.scenario.id.as_str(),
                    (file.path.as_path(), Position::START),
                )
            })
            .collect();
        TakenIds {
            scenarios,
            ledger: Some((ledger, this)),
        }
    }

    /// Where another file has a question with id `id` (its file's start: questions are few).
    fn question(&self, id: &str) -> Option<(&'a Path, Position)> {
        let (ledger, this) = self.ledger?;
        ledger
            .files
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != this)
            .find(|(_, file)| file.scenario.questions.iter().any(|q| q.id == id))
            .map(|(_, file)| (file.path.as_path(), Position::START))
    }

    /// Where another file already uses forecast id `id`. A lookup in the loaded index
    /// rather than a map of every id, so that checking one file before a write costs
    /// what the file costs, not what the folder does.
    fn forecast(&self, id: &str) -> Option<(&'a Path, Position)> {
        let (ledger, this) = self.ledger?;
        let entry = &ledger.entries[ledger.find(id)?];
        (Some(entry.file) != this)
            .then(|| (ledger.files[entry.file].path.as_path(), entry.position))
    }
}
