//! Speakers described before they are named: "a senior mediator said" in a lede, "the
//! paper's political editor said", "the top intelligence official said", each named by
//! the person the next few passages introduce with that description, or first name in
//! full; unless the passage keeps them anonymous on purpose.

use std::ops::Range;

use super::attribution::{Attribution, Basis};

/// How many passages ahead a speaker described but not named ("the paper's political
/// editor said") may be named ("Tom Berg, the paper's political editor, wrote").
const DESCRIBED_REACH: usize = 5;

/// A speaker described but not yet named ("The Courier's political editor said…") is the
/// person named soon after with that description in their role.
pub(super) fn name_described_speakers(
    text: &str,
    units: &[(Range<usize>, usize)],
    found: &mut [Attribution],
) {
    let is_full_name = |speaker: &str| {
        super::names::is_pure_name(speaker) && speaker.split_whitespace().count() >= 2
    };
    for i in 0..found.len() {
        // A title no one named before holds ("the top intelligence official said") is
        // a description too.
        let titled = found[i].speaker.is_none() && found[i].basis == Basis::Title;
        // So is one person described as such ("A senior executive at one of the largest
        // chipmakers predicted…"), unless the passage says they are not to be named.
        let one_described = found[i].speaker.is_none()
            && found[i].basis == Basis::Group
            // ("a third military official" is one of several kept unnamed.)
            && found[i].group.as_deref().is_some_and(|group| {
                // The head noun, before what follows it ("at one of the chipmakers"), is
                // one person's ("a growing number of analysts" is many).
                let head = group
                    .split(' ')
                    .take_while(|w| !matches!(*w, "at" | "of" | "from" | "in" | "with" | "for"))
                    .last()
                    .unwrap_or("");
                (group.starts_with("a ") || group.starts_with("an "))
                    && super::vocabulary::UNNAMED_ONE.contains(&head)
                    && !group.split_whitespace().nth(1).is_some_and(|second| {
                        matches!(second, "second" | "third" | "fourth" | "fifth" | "further")
                    })
            })
            && !is_anonymous(&text[units[i].0.clone()]);
        let Some(described) = found[i]
            .speaker
            .clone()
            .or_else(|| titled.then(|| found[i].role.clone()).flatten())
            .or_else(|| one_described.then(|| found[i].group.clone()).flatten())
        else {
            continue;
        };
        if is_full_name(&described) {
            continue;
        }
        // The description's last words in lower case: "political editor".
        let tail: Vec<String> = described
            .split_whitespace()
            .rev()
            .take_while(|w| w.starts_with(char::is_lowercase))
            .take(2)
            .map(str::to_string)
            .collect();
        if tail.is_empty() {
            continue;
        }
        let tail: Vec<&str> = tail.iter().rev().map(String::as_str).collect();
        let tail = tail.join(" ");
        let later = found[i + 1..]
            .iter()
            .take(DESCRIBED_REACH)
            .find(|a| {
                a.speaker.as_deref().is_some_and(is_full_name)
                    && a.role
                        .as_deref()
                        .is_some_and(|role| role.to_lowercase().contains(&tail))
            })
            .cloned();
        // Else the first person named in full soon after who was not named before: a
        // lede that describes its source ("a veteran mediator said on Monday") names them
        // in the next paragraphs, as wire copy does.
        // (One person described as a group is: "a senior executive at one of the
        // chipmakers".)
        let person_noun = one_described
            || described
                .split_whitespace()
                .last()
                .map(str::to_lowercase)
                .is_some_and(|noun| {
                    super::vocabulary::PERSON_NOUNS.contains(&noun.as_str())
                        || super::vocabulary::TITLES.contains(&noun.as_str())
                });
        let introduced = || {
            found[i + 1..]
                .iter()
                .take(DESCRIBED_REACH)
                .find(|a| {
                    a.speaker.as_deref().is_some_and(is_full_name)
                        && matches!(
                            a.basis,
                            Basis::ReportingClause | Basis::Pronoun | Basis::Colon
                        )
                })
                .filter(|a| {
                    !found[..i]
                        .iter()
                        .any(|earlier| earlier.speaker == a.speaker)
                        // Not the institution the description names ("a senior European
                        // Union official" is no "European Union").
                        && a.speaker.as_deref().is_none_or(|name| {
                            !described.to_lowercase().contains(&name.to_lowercase())
                        })
                })
                .cloned()
        };
        let starts_described = titled
            || one_described
            || ["a ", "an ", "the ", "A ", "An ", "The "]
                .iter()
                .any(|article| described.starts_with(article))
            // "Northland's climatologist".
            || described.contains("'s ")
            || described.contains("\u{2019}s ");
        if let Some(named) =
            later.or_else(|| (person_noun && starts_described).then(introduced).flatten())
        {
            found[i].speaker = named.speaker;
            found[i].role = named.role;
            found[i].basis = Basis::Title;
        }
    }
}

/// Whether a passage keeps its source unnamed on purpose: "on condition of anonymity",
/// "who asked not to be named".
fn is_anonymous(passage: &str) -> bool {
    let lower = passage.to_lowercase();
    [
        "anonymity",
        "not to be named",
        "not be named",
        "not authorized",
        "not authorised",
        // Sources wire copy never names: "a diplomat close to the talks", "a person
        // familiar with the matter".
        "close to the",
        "familiar with",
        "briefed on",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
}
