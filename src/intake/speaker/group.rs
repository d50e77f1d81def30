//! Unnamed groups as speakers: "numerous analysts said", "it is claimed", "there has been
//! speculation", and a subject that names a group ("the observers").

use super::attribution::{Attribution, Basis};
use super::vocabulary::{GROUP_NOUNS, IMPERSONAL, QUANTIFIERS, UNNAMED_ONE};
use crate::intake::text::Word;

/// "numerous analysts", "it is claimed", "there has been speculation": a group named
/// outside the quotation marks.
pub(super) fn group(outside: &[&Word]) -> Option<Attribution> {
    let lower: Vec<&str> = outside.iter().map(|w| w.lower.as_str()).collect();
    let named = |group: String| {
        Some(Attribution {
            basis: Basis::Group,
            group: Some(group),
            ..Attribution::default()
        })
    };
    for i in 0..lower.len() {
        if QUANTIFIERS.contains(&lower[i]) {
            for j in i + 1..lower.len().min(i + 3) {
                if GROUP_NOUNS.contains(&lower[j]) {
                    return named(lower[i..=j].join(" "));
                }
            }
        }
        if lower[i] == "it"
            && lower
                .get(i + 1)
                .is_some_and(|w| matches!(*w, "is" | "was" | "has"))
            && let Some(verb) = lower[i + 2..lower.len().min(i + 4)]
                .iter()
                .find(|w| IMPERSONAL.contains(w))
        {
            return named(format!("it is {verb}"));
        }
        // "according to strategists at Eastport", "according to a survey of economists".
        // (A name after "according to" was looked for first, by the reporting clause.)
        if lower[i] == "according" && lower.get(i + 1) == Some(&"to") {
            let start = i + 2 + usize::from(matches!(lower.get(i + 2), Some(&("the" | "a"))));
            let end = lower.len().min(start + 5);
            let who = lower.get(start..end).unwrap_or_default();
            // "according to a survey of economists", "the median forecast of 45
            // strategists polled": the group noun among the first words.
            if let Some(noun) = who.iter().position(|w| GROUP_NOUNS.contains(w)) {
                return named(who[..(noun + 3).min(who.len())].join(" "));
            }
            // "according to a diplomat familiar with the talks": one person, unnamed.
            if lower.get(i + 2) == Some(&"a")
                && let Some(noun) = who.iter().position(|w| UNNAMED_ONE.contains(w))
            {
                return named(format!("a {}", who[..=noun].join(" ")));
            }
        }
        if matches!(lower[i], "speculation" | "rumours" | "rumors") {
            return named(lower[i].to_string());
        }
    }
    None
}

/// Numbers in words, as a count of people opens a sentence ("Eight respondents").
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "dozens", "hundreds",
];

/// A subject that names a group ("several analysts", "the observers") as that group.
/// `words` is the subject in lower case (`subject`) split at white space.
pub(super) fn group_subject(words: &[&str], subject: &str) -> Option<Attribution> {
    let head = *words.last()?;
    // "Analysts polled by the paper", "economists at the bank": the group noun comes
    // first and what follows says which.
    let first = words
        .iter()
        .find(|w| !matches!(**w, "the" | "most" | "some"))?;
    // "one senior official", "a source close to the talks": one person, unnamed.
    // ("Just one respondent": past "just" or "only".)
    let opening = words
        .iter()
        .position(|w| !matches!(*w, "just" | "only"))
        .unwrap_or(0);
    let unnamed_one = matches!(words[opening], "one" | "a" | "an" | "another")
        && words[opening..]
            .iter()
            .take(6)
            .any(|w| UNNAMED_ONE.contains(w));
    // "All 50 economists polled by Reuters", "Eight respondents out of 47": a count of
    // a group.
    let counted =
        words.iter().take(3).any(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(w) || *w == "all"
        }) && words
            .iter()
            .take(4)
            .any(|w| GROUP_NOUNS.contains(w) || GROUP_NOUNS.contains(&format!("{w}s").as_str()));
    let group = counted
        || words.iter().any(|w| QUANTIFIERS.contains(w))
        || GROUP_NOUNS.contains(&head)
        || GROUP_NOUNS.contains(first)
        || unnamed_one;
    group.then(|| Attribution {
        basis: Basis::Group,
        group: Some(subject.trim_start_matches("the ").to_string()),
        ..Attribution::default()
    })
}
