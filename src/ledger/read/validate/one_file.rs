//! A file's new text held to the rules of `check` before it is written: the same checks a
//! load runs, applied to one file against the rest of the folder as loaded, so that the
//! write door needs no rules of its own.

use std::path::Path;

use super::super::parse::{self, DocumentRead, ReadScenario};
use super::checker::Context;
use super::people::{Spellings, people_file};
use super::phrases::phrase_file;
use super::scenario_files::{TakenIds, across_files, file_alone};
use crate::estimative::PhraseFile;
use crate::ledger::model::{
    FileKind, Ledger, People, Scenario, people::PersonIndex, problem::Problem,
};

/// The problems `check` would report in the file `path` of `ledger`'s folder if it held
/// `text`: what the write door asks before and after every change, so that a write is
/// held to exactly the rules `check` applies (the folder's people, phrases and other
/// files are taken as `ledger` loaded them). `disputed` names the records of `text` set
/// aside as disputes, which references to are not errors.
pub(crate) fn file_problems(
    ledger: &Ledger,
    kind: FileKind,
    path: &Path,
    text: &str,
    disputed: &[String],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    match kind {
        FileKind::Scenario => {
            let parsed = match parse::parse::<Scenario>(path, text) {
                Ok(parsed) => parsed,
                Err(found) => return found,
            };
            let context = Context {
                people: &ledger.people,
                person_index: &ledger.person_index,
                people_file: ledger.people_file,
                phrases: &ledger.phrases,
                project_root: &ledger.project_root,
                future_after: super::checker::future_after(ledger.today),
            };
            let file = ReadScenario {
                path: path.to_path_buf(),
                text: text.to_string(),
                parsed,
                disputed: disputed.to_vec(),
            };
            let facts = file_alone(&context, &file);
            let taken = TakenIds::elsewhere(ledger, path);
            let checked = [(file.path.as_path(), &file.parsed.value, facts)];
            across_files(&context, checked, taken, &mut problems);
        }
        FileKind::People => match parse::parse::<People>(path, text) {
            Ok(parsed) => {
                let (_, clashes) = PersonIndex::new(&parsed.value.people);
                people_file(
                    path,
                    &DocumentRead::new(parsed, text),
                    &clashes,
                    Spellings::Compare,
                    &mut problems,
                );
            }
            Err(found) => return found,
        },
        FileKind::Phrases => match parse::parse::<PhraseFile>(path, text) {
            Ok(parsed) => phrase_file(path, &DocumentRead::new(parsed, text), &mut problems),
            Err(found) => return found,
        },
    }
    problems
}
