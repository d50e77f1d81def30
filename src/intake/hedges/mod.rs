//! Whether a sentence forecasts, and with which words: the folder's phrase table (longest
//! phrase first, so "even less likely" wins over "likely" and "will not hesitate" over
//! "will"), or flat future wording ("will", "is going to"). Not every "will" forecasts:
//! questions, past modals ("may have decided"), wishes ("would like"), indirect questions
//! ("wonder if Russia will"), refusals to guess, adjectives before a noun ("possible
//! pathways") and publishers' notices are left out.

mod qualify;
mod unhedged;
mod vocabulary;

use std::ops::Range;

use super::numbers::stated_probability;
use super::text::{Word, words};
use crate::estimative::{PhraseOrigin, PhraseTable};
pub(crate) use qualify::market_call;
use qualify::qualifies;
use unhedged::{
    changed_chance, evidence_suggests, not_ruled_out, numeric_forecast, opinion_ahead,
    points_ahead, room_to_move, seen_headline, should_move, too_far_to, view_is_for,
};
pub(crate) use vocabulary::MODALS;
use vocabulary::{EXPLICIT_UNCERTAINTY, NOT_A_FORECAST, expand};

/// The hedge words found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Hedge {
    /// Where they are in the text.
    pub range: Range<usize>,
    /// As the text has them.
    pub expression: String,
    /// What the table maps them to (`None` for wording it lacks).
    pub probability: Option<f64>,
    /// Flat future wording ("will", "is going to") rather than a hedge.
    pub flat: bool,
    /// A probability said in numbers ("a 30% chance"): `probability` is the speaker's own.
    pub stated: bool,
}

/// Whether a sentence is a question (its last mark, before closing quotes, is `?`).
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| {
            // Closing marks, and the dashes around a subheading ("- Will it hold? -").
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '-' | '–' | '—'
                )
        })
        .ends_with('?')
}

/// The forecast's hedge words in `text[sentence]`, or `None` when the sentence does not
/// forecast.
pub fn forecast_hedge(text: &str, sentence: Range<usize>, table: &PhraseTable) -> Option<Hedge> {
    if never_forecasts(&text[sentence.clone()]) {
        return None;
    }
    let words = words(text, sentence.clone());
    // Fragments ("Maybe so.") and asides to the reader ("You can follow him").
    // ("You can expect a warmer summer" is a forecast said to the reader, though.)
    let to_the_reader = || {
        words[0].lower == "you"
            && !words
                .iter()
                .take(4)
                .any(|w| matches!(w.lower.as_str(), "expect" | "anticipate" | "bet"))
    };
    if words.len() < 4 || to_the_reader() {
        return None;
    }
    // A probability said in numbers is the most specific wording there is.
    if let Some((range, probability)) = stated_probability(text, &words) {
        return Some(Hedge {
            expression: text[range.clone()].to_string(),
            range,
            probability: Some(probability),
            flat: false,
            stated: true,
        });
    }
    let has_modal =
        words.iter().any(|w| MODALS.contains(&expand(&w.lower))) || going_to(&words).is_some();
    // Each hedge found, with the index of its first word and its length in words.
    let mut found: Vec<(usize, usize, Hedge)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest phrase of the table here that hedges the claim: a longer row that
        // does not apply here ("was forecast to", the past's forecast) must not hide a
        // shorter one from the same word that does.
        let mut longest = 6;
        let qualifying = loop {
            match phrase_at(text, &words, i, longest, table) {
                Some((n, probability, origin)) => {
                    if qualifies(&words, i, n, origin, has_modal) {
                        break Some((n, probability));
                    }
                    longest = n - 1;
                }
                None => break None,
            }
            if longest == 0 {
                break None;
            }
        };
        match qualifying {
            Some((n, probability)) => {
                let flat = n == 1 && expand(&words[i].lower) == "will";
                found.push((i, n, hedge(text, &words[i..i + n], Some(probability), flat)));
                i += n;
            }
            _ => {
                // Modal wording the table lacks ("would", "can"): a hedge of no probability.
                if MODALS.contains(&expand(&words[i].lower))
                    && qualifies(&words, i, 1, PhraseOrigin::BuiltIn, true)
                {
                    let flat = expand(&words[i].lower) == "will";
                    found.push((i, 1, hedge(text, &words[i..=i], None, flat)));
                }
                i += 1;
            }
        }
    }
    if let Some((i, n)) = going_to(&words)
        && !found.iter().any(|(j, _, _)| (i..i + n).contains(j))
        && qualifies(&words, i, n, PhraseOrigin::BuiltIn, true)
    {
        let will = table.lookup("will").map(|e| e.phrase.probability);
        found.push((i, n, hedge(text, &words[i..i + n], will, true)));
    }
    // A forecast said as a number with no hedge word: "cut its year-end target to 2,100",
    // "the median forecast … was 1,550", "the data point to further gains".
    // "Manchester City aren't being ruled out", "the bank has not ruled out a cut": a
    // possibility kept open, read as 'not out of the question'.
    // ("cannot be ruled out": the phrase, not the bare modal "cannot".)
    if found
        .iter()
        .all(|(_, _, hedge)| hedge.probability.is_none())
        && let Some((i, n)) = not_ruled_out(&words)
    {
        found.clear();
        let possible = table
            .lookup("not out of the question")
            .map(|e| e.phrase.probability);
        found.push((i, n, hedge(text, &words[i..i + n], possible, false)));
    }
    if found.is_empty()
        && let Some((i, n)) = opinion_ahead(&words)
    {
        let believe = table.lookup("we believe").map(|e| e.phrase.probability);
        found.push((i, n, hedge(text, &words[i..i + n], believe, false)));
    }
    if found.is_empty()
        && let Some((i, n)) = numeric_forecast(&words)
            .or_else(|| points_ahead(&words))
            .or_else(|| view_is_for(&words))
            .or_else(|| evidence_suggests(&words))
            .or_else(|| should_move(&words))
            .or_else(|| too_far_to(&words))
            .or_else(|| seen_headline(&words))
            .or_else(|| room_to_move(&words))
            .or_else(|| changed_chance(&words))
    {
        found.push((i, n, hedge(text, &words[i..i + n], None, false)));
    }
    // "Whether the coalition can last is anyone's guess": words in a clause that says the
    // future is unknown forecast nothing.
    found.retain(|(_, _, hedge)| !in_uncertain_clause(text, &sentence, &hedge.range));
    // The most specific words: a phrase of several words over one, a hedge over a flat
    // "will", then the first.
    found
        .into_iter()
        // (A bare modal the table lacks, "can" in "you can expect", gives way to words
        // it has.)
        .max_by_key(|(i, n, hedge)| {
            let bare_modal = *n == 1 && hedge.probability.is_none() && !hedge.flat;
            (*n, !bare_modal, !hedge.flat, std::cmp::Reverse(*i))
        })
        .map(|(_, _, hedge)| hedge)
}

/// Whether the clause of `sentence` that holds `hedge` says the future is unknown: it opens
/// with "whether" or holds "anyone's guess", "remains to be seen" and the like. A clause
/// runs between commas, semicolons, dashes and the words "but" and "while".
fn in_uncertain_clause(text: &str, sentence: &Range<usize>, hedge: &Range<usize>) -> bool {
    let before = &text[sentence.start..hedge.start];
    let after = &text[hedge.end..sentence.end];
    let boundary = |s: &str| {
        [",", ";", ":", "—", " but ", " while "]
            .iter()
            .filter_map(|b| s.rfind(b).map(|at| at + b.len()))
            .max()
    };
    let first_boundary = |s: &str| {
        [",", ";", ":", "—", " but ", " while "]
            .iter()
            .filter_map(|b| s.find(b))
            .min()
    };
    let start = boundary(before).unwrap_or(0);
    let end = first_boundary(after).unwrap_or(after.len());
    let clause = format!(
        "{} {} {}",
        &before[start..],
        &text[hedge.clone()],
        &after[..end]
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
    .to_lowercase()
    .replace('\u{2019}', "'");
    let clause = clause.trim_start_matches([' ', '"', '\u{201C}']);
    // "Whether the truce holds is a coin toss": an even chance is the answer's chance.
    let even_chance = ["coin toss", "coin flip", "toss-up", "fifty-fifty", "50-50"]
        .contains(&text[hedge.clone()].to_lowercase().as_str());
    (clause.starts_with("whether ") && !even_chance)
        || EXPLICIT_UNCERTAINTY
            .iter()
            .any(|phrase| clause.contains(phrase))
}

/// Whether a sentence cannot be a forecast whatever its words: a question, a publisher's
/// note, or a page's boilerplate ("sign up", "all rights reserved").
fn never_forecasts(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    is_question(sentence)
        || lower.starts_with("note:")
        || lower.starts_with("editor's note")
        || lower.starts_with("editor’s note")
        || NOT_A_FORECAST.iter().any(|phrase| lower.contains(phrase))
}

/// The longest phrase of the table (`longest` words at most) that starts at `words[i]`: its
/// length in words, its probability and where the table has it from.
fn phrase_at(
    text: &str,
    words: &[Word],
    i: usize,
    longest: usize,
    table: &PhraseTable,
) -> Option<(usize, f64, PhraseOrigin)> {
    for n in (1..=longest.min(words.len() - i)).rev() {
        let phrase: Vec<&str> = words[i..i + n].iter().map(|w| w.lower.as_str()).collect();
        // Only words next to each other: "likely -- or" is not a phrase.
        let contiguous = words[i..i + n].windows(2).all(|pair| {
            text[pair[0].range.end..pair[1].range.start]
                .chars()
                .all(char::is_whitespace)
        });
        if !contiguous {
            continue;
        }
        let verbatim = phrase.join(" ");
        let expanded = phrase
            .iter()
            .map(|w| expand(w))
            .collect::<Vec<_>>()
            .join(" ");
        // The expanded form only when it differs: most words expand to themselves,
        // and a lookup per word and length is most of the time a long text takes.
        let entry = table
            .lookup(&verbatim)
            .or_else(|| (expanded != verbatim).then(|| table.lookup(&expanded))?);
        if let Some(entry) = entry {
            return Some((n, entry.phrase.probability, entry.origin));
        }
    }
    None
}

/// The hedge that `words` (next to each other in `text`) make.
fn hedge(text: &str, words: &[Word], probability: Option<f64>, flat: bool) -> Hedge {
    let range = words[0].range.start..words[words.len() - 1].range.end;
    Hedge {
        expression: text[range.clone()].to_string(),
        range,
        probability,
        flat,
        stated: false,
    }
}

/// "is going to", "are going to", "'m going to": the words of "going to" after a form of
/// "be" (an adverb may come between: "is never going to").
fn going_to(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(1)).find_map(|i| {
        (words[i].lower == "going" && words[i + 1].lower == "to").then_some(())?;
        let be = |w: &Word| {
            matches!(
                w.lower.as_str(),
                "is" | "are"
                    | "am"
                    | "'s"
                    | "it's"
                    | "he's"
                    | "she's"
                    | "they're"
                    | "we're"
                    | "i'm"
            )
        };
        let start = (i.saturating_sub(2)..i).find(|&j| be(&words[j]))?;
        Some((start, i + 2 - start))
    })
}

#[cfg(test)]
mod tests;
