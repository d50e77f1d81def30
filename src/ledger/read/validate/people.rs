//! The checks of the people registry (ids usable, names given, no name naming two people,
//! names that look like one spelled two ways) and the messages for a forecaster the
//! registry does not know, which suggest the closest person.

use std::collections::HashMap;
use std::path::Path;

use super::super::parse::DocumentRead;
use super::super::text_rules::{person_texts, text_problems};
use super::checker::Context;
use super::ids::id_problem;
use crate::ledger::model::limits::{MAX_NAME_PAIRS, MAX_SUGGESTION_COMPARISONS};
use crate::ledger::model::people::{PersonIndex, candidate_pairs, near_duplicate};
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{People, PeopleFile, Person};

/// Whether [`people_file`] looks for names spelled two ways: a warning about the registry
/// alone, which a command changing one forecast has no use for (at 5,000 people it was a
/// third of such a command's time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spellings {
    Compare,
    Skip,
}

/// Checks the registry: each person on its own, then the names `PersonIndex` found naming
/// two people (`clashes`), then, when asked, names spelled two ways.
pub(crate) fn people_file(
    path: &Path,
    file: &DocumentRead<People>,
    clashes: &[(String, usize, usize)],
    spellings: Spellings,
    problems: &mut Vec<Problem>,
) {
    for (index, person) in file.value.people.iter().enumerate() {
        person_problems(path, file, index, person, problems);
    }
    name_clashes(path, file, clashes, problems);
    if spellings == Spellings::Compare {
        names_spelled_two_ways(path, file, problems);
    }
}

/// One person's own problems: text that could drive a terminal, an unusable id, no name.
fn person_problems(
    path: &Path,
    file: &DocumentRead<People>,
    index: usize,
    person: &Person,
    problems: &mut Vec<Problem>,
) {
    let at = file.item_position("people", index);
    if let Some(node) = file.item("people", index) {
        let values = person_texts(person);
        text_problems(path, &file.lines, &file.text, node, values, problems);
    }
    if let Some(message) = id_problem("person", &person.id) {
        problems.push(Problem::error(path, at, message));
    }
    if person.name.trim().is_empty() {
        problems.push(Problem::error(
            path,
            at,
            format!("person '{}' has no name", person.id),
        ));
    }
}

/// An id, name or alias that names two people: a forecast naming it could be either's.
fn name_clashes(
    path: &Path,
    file: &DocumentRead<People>,
    clashes: &[(String, usize, usize)],
    problems: &mut Vec<Problem>,
) {
    let people = &file.value.people;
    for (name, first, second) in clashes {
        problems.push(Problem::error(
            path,
            file.item_position("people", *second),
            format!(
                "'{name}' names both '{}' and '{}': ids, names and aliases must each name one person",
                people[*first].id, people[*second].id
            ),
        ));
    }
}

/// Two people whose names look like spellings of one name: a warning, since they may be
/// one person whose forecasts are scored apart. Only likely pairs are compared, and at
/// most [`MAX_NAME_PAIRS`] of them, so that a large registry stays quick to check.
fn names_spelled_two_ways(path: &Path, file: &DocumentRead<People>, problems: &mut Vec<Problem>) {
    let people = &file.value.people;
    let (pairs, complete) =
        candidate_pairs(people, |person| all_names(person).collect(), MAX_NAME_PAIRS);
    if !complete {
        problems.push(Problem::warning(
            path,
            Position::START,
            format!(
                "so many people share a surname spelling that the check for names spelled two ways stopped after {MAX_NAME_PAIRS} pairs"
            ),
        ));
    }
    for (i, j) in pairs {
        let (a, b) = (&people[i], &people[j]);
        {
            if let Some((x, y)) = near_duplicate_names(all_names(a), all_names(b)) {
                let at = file.item_position("people", j);
                problems.push(Problem::warning(
                    path,
                    at,
                    format!(
                        "'{y}' ({}) looks like another spelling of '{x}' ({}); if they are one person, merge them and declare the spelling as an alias",
                        b.id, a.id
                    ),
                ));
            }
        }
    }
}

/// A person's canonical name and aliases: the names near-duplicates are looked for among.
pub(crate) fn all_names(person: &Person) -> impl Iterator<Item = &str> + Clone {
    std::iter::once(person.name.as_str()).chain(person.aliases.iter().map(String::as_str))
}

/// The first pair of names, one from each side, that look like spellings of one name.
pub(crate) fn near_duplicate_names<'a, 'b>(
    ours: impl Iterator<Item = &'a str>,
    theirs: impl Iterator<Item = &'b str> + Clone,
) -> Option<(&'a str, &'b str)> {
    ours.flat_map(|x| theirs.clone().map(move |y| (x, y)))
        .find(|(x, y)| near_duplicate(x, y))
}

/// The message for a forecaster the registry does not know, suggesting the closest person.
pub(crate) fn unknown_person(
    people: &[Person],
    index: &PersonIndex,
    people_file: PeopleFile,
    name: &str,
) -> String {
    if let Some(id) = index.disputed(name) {
        return format!(
            "person '{id}' is disputed between two versions in {}; keep one first (`hindsight resolve-dispute {id} ours|theirs`)",
            crate::ledger::PEOPLE_FILE
        );
    }
    match people_file {
        PeopleFile::Missing => {
            return format!(
                "unknown person '{name}': the folder has no {} registry",
                crate::ledger::PEOPLE_FILE
            );
        }
        // `check` does not ask (it reports the registry's own errors); a form must refuse.
        PeopleFile::Broken => {
            return format!(
                "unknown person '{name}': {} has errors, so no name can be looked up; fix it first",
                crate::ledger::PEOPLE_FILE
            );
        }
        PeopleFile::Read => {}
    }
    match index.similar(people, name).first() {
        Some(person) => format!(
            "unknown person '{name}'; did you mean '{}' (id '{}')? If it is the same person, add '{name}' to their aliases in {}",
            person.name,
            person.id,
            crate::ledger::PEOPLE_FILE
        ),
        None => format!(
            "unknown person '{name}': add them to {}",
            crate::ledger::PEOPLE_FILE
        ),
    }
}

/// The messages for unknown forecasters in one load: each distinct name is looked up once,
/// and the "did you mean" search (which compares the name with every person) stops once
/// the load has spent [`MAX_SUGGESTION_COMPARISONS`], so that a folder of a million
/// unknown names against a large registry still loads in seconds.
#[derive(Default)]
pub(super) struct UnknownNames {
    messages: HashMap<String, String>,
    comparisons: usize,
}

impl UnknownNames {
    pub(super) fn message(&mut self, context: &Context, name: &str) -> String {
        if let Some(message) = self.messages.get(name) {
            return message.clone();
        }
        self.comparisons += context.people.len();
        let message = if self.comparisons <= MAX_SUGGESTION_COMPARISONS {
            unknown_person(
                context.people,
                context.person_index,
                context.people_file,
                name,
            )
        } else {
            format!(
                "unknown person '{name}': add them to {}",
                crate::ledger::PEOPLE_FILE
            )
        };
        self.messages.insert(name.to_string(), message.clone());
        message
    }
}
