//! The new-person form and the forecaster field's autocomplete: a person's id, name and
//! aliases must each name one person, so a name already taken or spelled another way is
//! refused with a hint to add an alias.

use serde::{Deserialize, Serialize};

use super::fields::{FieldProblem, Problems, optional, split_list};
use crate::ledger::people::name_key;
use crate::ledger::read::validate::{all_names, id_problem, near_duplicate_names};
use crate::ledger::{Ledger, PEOPLE_FILE, Person};

/// The new-person form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonDraft {
    pub id: String,
    pub name: String,
    /// Comma-separated.
    pub aliases: String,
    pub affiliation: String,
    /// A person, or a group or institution.
    #[serde(default)]
    pub kind: crate::ledger::Kind,
}

/// Checks a new person: id, name and aliases must not name anyone already in the registry,
/// and a near-duplicate of an existing name is refused with a hint to add an alias instead.
impl PersonDraft {
    /// The draft with an id suggested from the name when it was left empty (and the name
    /// was not), unused in the registry: as a forecast's is.
    pub fn with_suggested_id(&self, ledger: &Ledger) -> PersonDraft {
        let mut draft = self.clone();
        if draft.id.trim().is_empty() && !draft.name.trim().is_empty() {
            draft.id = super::suggest_person_id(ledger, &draft.name);
        }
        draft
    }
}

pub fn check_person(ledger: &Ledger, draft: &PersonDraft) -> Result<Person, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let id = problems.required("id", "an id", &draft.id);
    let name = problems.required("name", "a name", &draft.name);
    problems.texts(&[
        ("id", id),
        ("name", name),
        ("aliases", &draft.aliases),
        ("affiliation", &draft.affiliation),
    ]);
    // Spellings of the name itself add nothing as aliases.
    let mut aliases: Vec<String> = Vec::new();
    for alias in split_list(&draft.aliases) {
        let key = name_key(&alias);
        if key != name_key(name) && !aliases.iter().any(|known| name_key(known) == key) {
            aliases.push(alias);
        }
    }

    if !id.is_empty() {
        if let Some(message) = id_problem("person", id) {
            problems.add("id", message);
        } else if let Some(owner) = ledger.person(id) {
            problems.add("id", already_names(id, owner));
        }
    }
    let names = (!name.is_empty())
        .then_some(("name", name))
        .into_iter()
        .chain(aliases.iter().map(|alias| ("aliases", alias.as_str())));
    for (field, typed) in names {
        if let Some(owner) = ledger.person(typed) {
            problems.add(field, already_names(typed, owner));
        } else if let Some((owner, existing)) = ledger.people.iter().find_map(|person| {
            near_duplicate_names(std::iter::once(typed), all_names(person))
                .map(|(_, existing)| (person, existing))
        }) {
            problems.add(
                field,
                format!(
                    "'{typed}' looks like another spelling of '{existing}' ({}); if they are one person, add '{typed}' to the aliases of {} in {PEOPLE_FILE} instead",
                    owner.id, owner.name
                ),
            );
        }
    }

    problems.finish(|| Person {
        id: id.to_string(),
        name: name.to_string(),
        aliases,
        affiliation: optional(&draft.affiliation),
        note: None,
        kind: draft.kind,
    })
}

fn already_names(typed: &str, owner: &Person) -> String {
    format!(
        "'{typed}' already names {} (id '{}'): ids, names and aliases must each name one person",
        owner.name, owner.id
    )
}

/// People whose id, name or alias starts with or contains `typed` (case-insensitive),
/// best matches first, for autocomplete.
pub fn people_matching<'a>(ledger: &'a Ledger, typed: &str, limit: usize) -> Vec<&'a Person> {
    let typed = name_key(typed);
    let mut word_starts: Vec<&Person> = Vec::new();
    let mut inside: Vec<&Person> = Vec::new();
    for person in &ledger.people {
        let names: Vec<String> = std::iter::once(&person.id)
            .chain(std::iter::once(&person.name))
            .chain(person.aliases.iter())
            .map(|name| name_key(name))
            .collect();
        // "tok" finds "Kassym-Jomart Tokayev" by its surname: any word may start the match.
        let starts = names.iter().any(|name| {
            name.starts_with(&typed)
                || name
                    .match_indices(|c: char| !c.is_alphanumeric())
                    .any(|(i, sep)| name[i + sep.len()..].starts_with(&typed))
        });
        if starts {
            word_starts.push(person);
        } else if names.iter().any(|name| name.contains(&typed)) {
            inside.push(person);
        }
    }
    word_starts.into_iter().chain(inside).take(limit).collect()
}
