//! Names and titles in running text: runs of capitalized words that may be a name (less
//! a leading title or function word), a name at the end of a role ("Russia expert Hans
//! Schröder"), and a role as the article gives it.

use std::ops::Range;

use super::vocabulary::{FUNCTION_WORDS, PARTICLES, TITLES};
use crate::intake::dates::{is_month_name, is_weekday};
use crate::intake::text::{Word, words};

/// Runs of capitalized words in `text[range]`: candidate names, without a leading
/// function word or title.
pub(super) fn name_runs(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // Mid-sentence when a word in lower case ends the text before the range.
    let mid = text[..range.start]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_lowercase);
    name_runs_after(text, range, mid)
}

/// [`name_runs`] of words that follow a word in lower case when `mid` is set ("said An
/// Chan-il": the words after a reporting verb).
pub(super) fn name_runs_after(text: &str, range: Range<usize>, mid: bool) -> Vec<Range<usize>> {
    let words = words(text, range);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_name_word(&words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len()
            && (is_name_word(&words[j + 1]) || PARTICLES.contains(&words[j + 1].lower.as_str()))
            && text[words[j].range.end..words[j + 1].range.start]
                .chars()
                .all(|c| c == ' ' || (c == '.' && words[j].lower.chars().count() == 1))
        {
            j += 1;
        }
        // A title inside the run ("Fed Governor Paul Reyes", "former Minister Ana Vey")
        // ends the role: the name is what follows it.
        // So does an owner ("Wood Mackenzie's Di Odoardo", "the Fed's Ana Vey").
        let is_title = |w: &Word| TITLES.contains(&w.lower.trim_end_matches('.'));
        let mut first = (i..j)
            .rev()
            .find(|&k| is_title(&words[k]) || words[k].lower.ends_with("'s"))
            .map_or(i, |k| k + 1);
        // A function word opening the run is the sentence's, not the name's ("In Moscow",
        // "The Kremlin"); but mid-sentence, after a word in lower case, a capitalized
        // "An" or "In" can only be a name ("said An Chan-il").
        let mid_sentence = if first > 0 {
            !words[first - 1].capitalized
        } else {
            mid
        };
        while first <= j
            && ((FUNCTION_WORDS.contains(&words[first].lower.as_str())
                && !(mid_sentence
                    && first == i
                    && first < j
                    && !ARTICLES.contains(&words[first].lower.as_str())))
                || is_title(&words[first]))
        {
            first += 1;
        }
        if first <= j && !words[j].lower.ends_with("'s") {
            runs.push(words[first].range.start..words[j].range.end);
        }
        i = j + 1;
    }
    runs
}

/// Words that open a noun phrase, never a name: "said The Sun's editor" is about a paper.
const ARTICLES: &[&str] = &["the", "a", "this", "that", "these", "those"];

fn is_name_word(word: &Word) -> bool {
    word.capitalized
        && !word.lower.chars().all(|c| c.is_ascii_digit())
        && !is_calendar_word(&word.lower)
}

/// Days and months (but "May", "June" and "April", which are names too): "according to
/// analysts Thursday" names no one called Thursday.
fn is_calendar_word(lower: &str) -> bool {
    is_weekday(lower) || (is_month_name(lower) && !matches!(lower, "april" | "may" | "june"))
}

/// `part` without the white space, quotation marks, dashes and stops around it.
pub(super) fn clean(part: &str) -> &str {
    // ("'We now expect…": a single mark opens a quotation; after a word it may end a
    // plural's possessive, which stays.)
    let part = part.trim_start().trim_start_matches('\'');
    part.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\u{201C}'
                    | '\u{201D}'
                    | '\u{2018}'
                    | '-'
                    | '–'
                    | '—'
                    | ':'
                    | ';'
                    | '.'
                    | '•'
                    | '*'
            )
    })
}

/// Whether `word` is an honorific ("Mr", "Ms.", "Dr"): part of how a name is written,
/// not a role.
pub(super) fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Ms" | "Mrs" | "Miss" | "Dr"
    )
}

/// A role as the article gives it, without its article ("a senior fellow" → "senior fellow").
pub(super) fn role(part: &str) -> Option<String> {
    let part = clean(part);
    // "who also is a professor of economics": a relative clause gives a role only where it
    // says what the person is; "who is expected to hold his seat" gives none.
    if let Some(clause) = part.strip_prefix("who ") {
        let described = ["also is ", "is ", "was ", "is also "]
            .iter()
            .find_map(|verb| clause.strip_prefix(verb))?;
        return ["a ", "an ", "the "]
            .iter()
            .any(|article| described.starts_with(article))
            .then(|| role(described))
            .flatten();
    }
    // "The analyst Lea Moss" as much as "the analyst": the article is no part of the role.
    let part = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| {
            part.get(..article.len())
                .filter(|head| head.eq_ignore_ascii_case(article))
                .map(|_| &part[article.len()..])
        })
        .unwrap_or(part);
    // ("Mr" in "said Mr Ivo Marsh" is how the name is written.)
    (!part.is_empty() && !is_honorific(part)).then(|| part.to_string())
}

/// A name and the role a comma or a bracket sets after it ("Ana Vey, chief economist at
/// Northgate", "Ana Vey (Northgate)"), or a name alone, as lists, round-ups and credits
/// write who speaks: the name and the role, when the words before are a name.
pub(super) fn name_and_role(words: &str) -> Option<(&str, Option<String>)> {
    let (name, described) = match words.split_once([',', '(']) {
        Some((name, described)) => (
            clean(name),
            role(described.trim_end().trim_end_matches(')')),
        ),
        None => (clean(words), None),
    };
    is_pure_name(name).then_some((name, described))
}

/// If `part` is a name, or ends with one after its role ("Russia expert Hans Schröder"):
/// the name and the words before it.
pub(super) fn name_in(part: &str) -> Option<(String, Option<String>)> {
    let part = clean(part);
    let run = name_runs(part, 0..part.len()).pop()?;
    if run.end != part.len() {
        return None;
    }
    // "a senior official in Vienna": a place after a preposition, not a name after a role.
    // ("Ana Vey of the Northgate Institute": past the article too.)
    let last_before = part[..run.start]
        .split_whitespace()
        .rev()
        .find(|w| !matches!(*w, "the" | "The"))
        .map(str::to_lowercase);
    if last_before.is_some_and(|w| {
        matches!(
            w.as_str(),
            "in" | "at" | "of" | "from" | "for" | "to" | "near" | "on" | "by" | "with" | "across"
        )
    }) {
        return None;
    }
    Some((part[run.clone()].to_string(), role(&part[..run.start])))
}

/// The owner before a name ("Wood Mackenzie's" in "Wood Mackenzie's Di Odoardo"), without
/// its "'s", when `before` (the words before the name) is one.
pub(super) fn owner(before: &str) -> Option<&str> {
    let before = before.trim_end();
    let owner = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("\u{2019}s"))?;
    let owner = owner.trim_start_matches("the ").trim_start_matches("The ");
    (!owner.is_empty() && owner.starts_with(char::is_uppercase)).then_some(owner)
}

/// Whether `part` is a name and nothing else.
pub(super) fn is_pure_name(part: &str) -> bool {
    let part = clean(part);
    name_runs(part, 0..part.len())
        .first()
        .is_some_and(|run| run.start == 0 && run.end == part.len())
}

/// Whether `line` is written in capitals: letters, and none of them in lower case
/// ("ANA VEY, HOST", "INDEPENDENT ANALYST IVO MARSH").
pub(super) fn in_capitals(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// Words written in capitals as a name is written: "IVO MARSH" → "Ivo Marsh".
pub(super) fn title_case(words: &str) -> String {
    words
        .split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<String>>()
        .join(" ")
}
