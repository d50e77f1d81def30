//! A probability said in numbers: "a 30% chance", "35 percent likely", "puts the odds at
//! 60%", "a one-in-three chance". The number is the forecast's probability, exactly as
//! said; no phrase table is needed.

use std::ops::Range;

use super::text::Word;

/// Nouns and adjectives a percentage gives the chance of.
const CHANCE_WORDS: &[&str] = &[
    "chance",
    "chances",
    "probability",
    "likelihood",
    "odds",
    "risk",
    "likely",
    "probable",
];

/// Small numbers written out, for "one in three".
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// The words that state a probability in `words` (of `text`), and the probability: where
/// they are and what they say.
pub fn stated_probability(text: &str, words: &[Word]) -> Option<(Range<usize>, f64)> {
    (0..words.len()).find_map(|i| percent_chance(text, words, i).or_else(|| one_in(words, i)))
}

/// "30% chance", "35 percent likely", "probability of 40%", "odds at 60 per cent".
fn percent_chance(text: &str, words: &[Word], i: usize) -> Option<(Range<usize>, f64)> {
    let (value, end) = percentage(text, words, i)?;
    let probability = value / 100.0;
    if !(0.0..=1.0).contains(&probability) {
        return None;
    }
    let lower = |k: usize| words.get(k).map(|w| w.lower.as_str());
    // "according to 60% of respondents": a share of people, not a chance (but "a 90% of
    // chance", as some write it, is one).
    if lower(end) == Some("of") && lower(end + 1).is_none_or(|w| !CHANCE_WORDS.contains(&w)) {
        return None;
    }
    // The chance word right after ("a 30% chance"), or a few words before and joined to
    // the number by "at", "of", "to" or "is" ("puts the odds of a cut at 60%").
    if let Some(after) = lower(end)
        && CHANCE_WORDS.contains(&after)
    {
        return Some((words[i].range.start..words[end].range.end, probability));
    }
    if lower(end) == Some("of")
        && let Some(after) = lower(end + 1)
        && CHANCE_WORDS.contains(&after)
    {
        return Some((words[i].range.start..words[end + 1].range.end, probability));
    }
    let joined = i > 0 && lower(i - 1).is_some_and(joins_a_chance);
    // "the risk of a recession over the next 12 months is 35%": the chance's noun
    // phrase may be long.
    let chance =
        (i.saturating_sub(14)..i).find(|&k| CHANCE_WORDS.contains(&words[k].lower.as_str()));
    match chance {
        Some(k) if joined => {
            let last = words[end - 1].range.end;
            let stop = text[last..].find('%').map_or(last, |at| last + at + 1);
            Some((words[k].range.start..stop.max(last), probability))
        }
        _ => None,
    }
}

/// The percentage that starts at `words[i]` ("30%", "35 percent", "12.5 per cent"): its
/// value and the index of the word after it.
fn percentage(text: &str, words: &[Word], i: usize) -> Option<(f64, usize)> {
    let word = &words[i];
    let value: f64 = word.lower.parse().ok()?;
    if text[word.range.end..].starts_with('%') {
        return Some((value, i + 1));
    }
    match words.get(i + 1).map(|w| w.lower.as_str()) {
        Some("percent") => Some((value, i + 2)),
        Some("per") if words.get(i + 2).is_some_and(|w| w.lower == "cent") => Some((value, i + 3)),
        _ => None,
    }
}

/// "one in three chance", "1-in-4 chance".
fn one_in(words: &[Word], i: usize) -> Option<(Range<usize>, f64)> {
    let number = |w: &str| -> Option<f64> {
        w.parse().ok().or_else(|| {
            NUMBER_WORDS
                .iter()
                .position(|n| *n == w)
                .map(|p| p as f64 + 1.0)
        })
    };
    // "1-in-4" is one word to `words`; "one in three" is three.
    let (odds, last) = match words[i].lower.split('-').collect::<Vec<_>>().as_slice() {
        [a, "in", b] => (number(a)? / number(b)?, i),
        _ if words.get(i + 1).is_some_and(|w| w.lower == "in") => (
            number(&words[i].lower)? / number(&words.get(i + 2)?.lower)?,
            i + 2,
        ),
        _ => return None,
    };
    if odds > 1.0 {
        return None;
    }
    if let Some(chance) = words
        .get(last + 1)
        .filter(|w| CHANCE_WORDS.contains(&w.lower.as_str()))
    {
        return Some((words[i].range.start..chance.range.end, odds));
    }
    // "the odds of a war in the next five years are about one in four".
    let joined = i > 0 && joins_a_chance(&words[i - 1].lower);
    let chance =
        (i.saturating_sub(16)..i).find(|&k| CHANCE_WORDS.contains(&words[k].lower.as_str()))?;
    joined.then(|| (words[chance].range.start..words[last].range.end, odds))
}

/// Words that join a word for a chance to its number: "the odds … at 60%", "the chance …
/// is about one in four".
fn joins_a_chance(word: &str) -> bool {
    matches!(
        word,
        "at" | "of" | "to" | "is" | "as" | "are" | "was" | "were" | "about" | "around" | "roughly"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::text::words;

    fn stated(sentence: &str) -> Option<(String, f64)> {
        let all = words(sentence, 0..sentence.len());
        stated_probability(sentence, &all).map(|(range, p)| (sentence[range].to_string(), p))
    }

    #[test]
    fn percentages_of_a_chance() {
        assert_eq!(
            stated("Economists give a 30% chance of a recession next year."),
            Some(("30% chance".into(), 0.3))
        );
        assert_eq!(
            stated("A strike is 35 percent likely before the summer."),
            Some(("35 percent likely".into(), 0.35))
        );
        assert_eq!(
            stated("Traders put the odds of a cut in June at 60%."),
            Some(("odds of a cut in June at 60%".into(), 0.6))
        );
        assert_eq!(
            stated("She sees a one in three chance that talks resume."),
            Some(("one in three chance".into(), 1.0 / 3.0))
        );
        assert_eq!(
            stated("The odds of a strike before the vote are about one in four."),
            Some((
                "odds of a strike before the vote are about one in four".into(),
                0.25
            ))
        );
    }

    #[test]
    fn percentages_of_something_else() {
        assert_eq!(stated("Prices rose 30% in a year."), None);
        assert_eq!(stated("Turnout was 60 percent, a record."), None);
        assert_eq!(stated("The risk grew as rates hit 150%."), None);
        assert_eq!(
            stated("A cut is likely, according to 60% of respondents."),
            None
        );
        assert_eq!(
            stated("He gives the launch a 90% of chance of failing."),
            Some(("90% of chance".into(), 0.9))
        );
    }

    #[test]
    fn a_long_noun_phrase_between_the_chance_and_its_number() {
        assert_eq!(
            stated("Analysts say the risk of a recession over the next 12 months is 35%."),
            Some((
                "risk of a recession over the next 12 months is 35%".into(),
                0.35
            ))
        );
    }
}
