//! Finding people by name: ids, canonical names and aliases, and spotting the near-duplicate
//! spellings (Tokayev/Toqaev, Nazarbayev/Nazarbaev) that should be declared as aliases.

use std::collections::HashMap;

use super::records::Person;

/// Looks a person up by id, name or alias, ignoring case and spacing.
#[derive(Clone, Debug, Default)]
pub struct PersonIndex {
    by_key: rustc_hash::FxHashMap<String, usize>,
    /// The names (ids, names, aliases) of people whose record is in dispute in the
    /// registry, either version, with the id the dispute goes by: until one version is
    /// kept such a name is neither known nor unknown.
    disputed: HashMap<String, String>,
}

/// The exact form names are compared in: lower case, single spaces.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name with transliteration noise folded away, so that spellings of one name from
/// different romanizations compare equal: "Qasym-Zhomart Toqaev" and "Kassym-Jomart
/// Tokayev" both fold to "kasym jomart tokaev".
pub fn fold_name(name: &str) -> String {
    let lower: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphabetic() { c } else { ' ' })
        .collect();
    lower
        .split_whitespace()
        .map(fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn fold_word(word: &str) -> String {
    let replaced = word
        .replace("zh", "j")
        .replace("kh", "h")
        .replace("q", "k")
        .replace("ye", "e")
        .replace("ya", "a")
        .replace("yu", "u")
        .replace("iy", "i");
    let mut folded = String::with_capacity(replaced.len());
    for c in replaced.chars() {
        // Doubled letters are the commonest romanization difference (Kassym/Kasym).
        if folded.ends_with(c) {
            continue;
        }
        folded.push(c);
    }
    folded
}

/// Whether two names of different people are so alike that they are probably one person.
pub fn near_duplicate(a: &str, b: &str) -> bool {
    near_duplicate_folded(&fold_name(a), &fold_name(b))
}

/// [`near_duplicate`] of two names already folded with [`fold_name`].
fn near_duplicate_folded(fa: &str, fb: &str) -> bool {
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa == fb {
        return true;
    }
    let (ga, la) = split_surname(fa);
    let (gb, lb) = split_surname(fb);
    let surnames_close = la.len() >= 5 && strsim::levenshtein(la, lb) <= 1;
    // A lone surname ("Toqaev") matches a full name with that surname; otherwise the given
    // names must be close too, so "Dmitry Trenin" and "Dmitry Medvedev" stay apart and
    // "Alexander"/"Aleksander" do not.
    let allowed = if ga.len().min(gb.len()) >= 7 { 2 } else { 1 };
    let given_close = ga.is_empty() || gb.is_empty() || strsim::levenshtein(ga, gb) <= allowed;
    surnames_close && given_close
}

/// The pairs of people `(i, j)`, `i < j`, who might be one person spelled two ways, found
/// without comparing everyone with everyone: two names can only be near duplicates when
/// they fold to the same text or their surnames are within one edit, and two words within
/// one edit share a "deletion key" (the word, or the word with one letter left out). So
/// people are bucketed by those keys and only bucket-mates are candidates, at most
/// `limit` of them. The flag says whether every candidate was found.
pub fn candidate_pairs<'a>(
    people: &'a [Person],
    names: impl Fn(&'a Person) -> Vec<&'a str>,
    limit: usize,
) -> (Vec<(usize, usize)>, bool) {
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, person) in people.iter().enumerate() {
        let mut keys = std::collections::HashSet::new();
        for name in names(person) {
            let folded = fold_name(name);
            let (_, surname) = split_surname(&folded);
            let letters: Vec<char> = surname.chars().collect();
            keys.insert(format!("={folded}"));
            keys.insert(format!("~{surname}"));
            for skip in 0..letters.len() {
                let variant: String = letters
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != skip)
                    .map(|(_, c)| c)
                    .collect();
                keys.insert(format!("~{variant}"));
            }
        }
        for key in keys {
            buckets.entry(key).or_default().push(index);
        }
    }
    let mut pairs = std::collections::BTreeSet::new();
    for members in buckets.values() {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                pairs.insert((a.min(b), a.max(b)));
                if pairs.len() > limit {
                    return (pairs.into_iter().take(limit).collect(), false);
                }
            }
        }
    }
    (pairs.into_iter().collect(), true)
}

/// Every name a person is found by: their id, name and aliases.
fn looked_up_by(person: &Person) -> impl Iterator<Item = &String> {
    std::iter::once(&person.id)
        .chain(std::iter::once(&person.name))
        .chain(person.aliases.iter())
}

/// (given names, surname) of a folded name.
fn split_surname(name: &str) -> (&str, &str) {
    name.rsplit_once(' ').unwrap_or(("", name))
}

impl PersonIndex {
    /// Builds the index; returns the keys claimed by more than one person, with their owners.
    pub fn new(people: &[Person]) -> (PersonIndex, Vec<(String, usize, usize)>) {
        let mut by_key: rustc_hash::FxHashMap<String, usize> = Default::default();
        let mut clashes = Vec::new();
        for (index, person) in people.iter().enumerate() {
            for name in looked_up_by(person) {
                let key = name_key(name);
                match by_key.get(&key) {
                    Some(&owner) if owner != index => clashes.push((name.clone(), owner, index)),
                    Some(_) => {}
                    None => {
                        by_key.insert(key, index);
                    }
                }
            }
        }
        let index = PersonIndex {
            by_key,
            disputed: HashMap::new(),
        };
        (index, clashes)
    }

    /// Adds the person at `index` of the registry (one just written to it); names already
    /// taken keep their owner, as [`PersonIndex::new`] does.
    pub fn add(&mut self, index: usize, person: &Person) {
        for name in looked_up_by(person) {
            self.by_key.entry(name_key(name)).or_insert(index);
        }
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_key.get(&name_key(name)).copied()
    }

    /// Notes the versions of people in dispute in the registry (see [`super::dispute`]).
    pub fn note_disputed(&mut self, versions: &[Person]) {
        for person in versions {
            for name in looked_up_by(person) {
                self.disputed
                    .entry(name_key(name))
                    .or_insert_with(|| person.id.clone());
            }
        }
    }

    /// The id of the disputed person `name` names, if it names one and no one else.
    pub fn disputed(&self, name: &str) -> Option<&str> {
        let key = name_key(name);
        if self.by_key.contains_key(&key) {
            return None;
        }
        self.disputed.get(&key).map(String::as_str)
    }

    /// People whose names look like `name`, for "did you mean" hints.
    pub fn similar<'a>(&self, people: &'a [Person], name: &str) -> Vec<&'a Person> {
        let wanted = fold_name(name);
        let mut scored: Vec<(f64, &Person)> = people
            .iter()
            .filter_map(|person| {
                let best = std::iter::once(&person.name)
                    .chain(person.aliases.iter())
                    .chain(std::iter::once(&person.id))
                    .map(|candidate| {
                        let folded = fold_name(candidate);
                        if near_duplicate_folded(&wanted, &folded) {
                            1.0
                        } else {
                            strsim::jaro_winkler(&wanted, &folded)
                        }
                    })
                    .fold(0.0, f64::max);
                (best >= 0.85).then_some((best, person))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .take(3)
            .map(|(_, person)| person)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_from_the_seed_articles_are_near_duplicates() {
        assert!(near_duplicate(
            "Kassym-Jomart Tokayev",
            "Qasym-Zhomart Toqaev"
        ));
        assert!(near_duplicate(
            "Nursultan Nazarbayev",
            "Nursultan Nazarbaev"
        ));
        assert!(near_duplicate("Toqaev", "Kassym-Jomart Tokayev"));
        assert!(near_duplicate(
            "Alexander Lukashenko",
            "Aleksander Lukashenko"
        ));
    }

    #[test]
    fn different_people_are_not_near_duplicates() {
        assert!(!near_duplicate("Dmitry Trenin", "Dmitry Medvedev"));
        assert!(!near_duplicate("Anton Barbashin", "Aleksandr Baunov"));
        assert!(!near_duplicate("Vladimir Putin", "Vladimir Zhirinovsky"));
        assert!(!near_duplicate("Amara Abbott", "Bogdan Abbott"));
        assert!(!near_duplicate("Amara Takahashi", "Tamar Takahashi"));
    }

    #[test]
    fn bucketing_finds_every_pair_that_comparing_all_pairs_finds() {
        let names = [
            "Kassym-Jomart Tokayev",
            "Qasym-Zhomart Toqaev",
            "Toqaev",
            "Nursultan Nazarbayev",
            "Nursultan Nazarbaev",
            "Dmitry Trenin",
            "Dmitry Medvedev",
            "Li",
            "li",
            "Amara Abbott",
            "Bogdan Abbott",
            "Alexander Baunov",
            "Aleksandr Baunov",
            "Vladimir Putin",
            "Vladimir Zhirinovsky",
        ];
        let people: Vec<Person> = names
            .iter()
            .enumerate()
            .map(|(i, name)| Person {
                id: format!("p{i}"),
                name: name.to_string(),
                aliases: Vec::new(),
                affiliation: None,
                note: None,
                kind: Default::default(),
            })
            .collect();
        let (candidates, complete) = candidate_pairs(&people, |p| vec![p.name.as_str()], 1000);
        assert!(complete);
        let mut expected = 0;
        for i in 0..people.len() {
            for j in i + 1..people.len() {
                if near_duplicate(&people[i].name, &people[j].name) {
                    expected += 1;
                    assert!(candidates.contains(&(i, j)), "{} / {}", names[i], names[j]);
                }
            }
        }
        assert!(expected >= 5, "the fixture has near duplicates to find");
        assert!(candidates.len() < people.len() * (people.len() - 1) / 2);
    }
}
