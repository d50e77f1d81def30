//! Estimative language: the table that turns hedge words ("most likely", "never",
//! "less likely") into the probability a verbal forecast is scored with.
//!
//! The built-in table (`default_phrases.ron`) comes from published scales and surveys and
//! names its source on every line; a scenarios folder extends or overrides it with its own
//! `phrases.ron`. Lookups are exact after [`normalize_phrase`]: negations and comparatives
//! are never derived by arithmetic ("not certain" is not 1 − "certain"), they are rows of
//! the table like any other phrase. The one computed figure is a comparative measured from
//! a level the text states ("even more likely than *likely*"): see [`from_baseline`].
//! This module does not read files; the loader does.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    /// The hedge words, as a forecaster would say them.
    pub phrase: String,
    /// The probability the claim comes true when it is hedged with this phrase.
    pub probability: f64,
    /// The honest uncertainty of the mapping: a published range or interquartile band.
    #[serde(default)]
    pub range: Option<(f64, f64)>,
    /// Where the figure comes from.
    pub source: String,
}

/// The file form of a phrase table (`phrases.ron`, and the built-in table).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Phrases", deny_unknown_fields)]
pub struct PhraseFile {
    pub format: u32,
    #[serde(default)]
    pub phrases: Vec<Phrase>,
}

/// Where a row of the table was defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseOrigin {
    BuiltIn,
    /// The scenarios folder's `phrases.ron` (which may override a built-in row).
    Folder,
}

/// A phrase found in the table, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct PhraseEntry {
    pub phrase: Phrase,
    pub origin: PhraseOrigin,
}

/// Hedge words → probability.
#[derive(Clone, Debug)]
pub struct PhraseTable {
    /// Keyed by the normalized phrase.
    entries: BTreeMap<String, PhraseEntry>,
    /// Normalized phrases whose row is in dispute in the folder's `phrases.ron` (a merge
    /// left two versions of it): not in the table until one version is kept.
    disputed: BTreeSet<String>,
}

const DEFAULT_TABLE: &str = include_str!("default_phrases.ron");

static BUILT_IN: std::sync::OnceLock<PhraseTable> = std::sync::OnceLock::new();

impl PhraseTable {
    /// The table built from published scales; see `default_phrases.ron` for each source.
    pub fn built_in() -> PhraseTable {
        let file: PhraseFile = crate::ron_format::ron_options()
            .from_str(DEFAULT_TABLE)
            .expect("the built-in phrase table is valid RON (tested)");
        let mut table = PhraseTable {
            entries: BTreeMap::new(),
            disputed: BTreeSet::new(),
        };
        table.insert_all(file.phrases, PhraseOrigin::BuiltIn);
        table
    }

    /// The built-in probability of a phrase (for code that has no folder table at hand).
    pub fn built_in_probability(expression: &str) -> Option<f64> {
        BUILT_IN
            .get_or_init(PhraseTable::built_in)
            .lookup(expression)
            .map(|entry| entry.phrase.probability)
    }

    /// Adds a folder's phrases; a phrase already in the table is replaced.
    pub fn extend(&mut self, phrases: Vec<Phrase>) {
        self.insert_all(phrases, PhraseOrigin::Folder);
    }

    fn insert_all(&mut self, phrases: Vec<Phrase>, origin: PhraseOrigin) {
        for phrase in phrases {
            self.entries.insert(
                normalize_phrase(&phrase.phrase),
                PhraseEntry { phrase, origin },
            );
        }
    }

    /// Notes a phrase whose row the folder's `phrases.ron` has in dispute.
    pub fn note_disputed(&mut self, phrase: &str) {
        self.disputed.insert(normalize_phrase(phrase));
    }

    /// The row for an expression, if the table has it.
    pub fn lookup(&self, expression: &str) -> Option<&PhraseEntry> {
        let key = normalize_phrase(expression);
        self.entries
            .get(&key)
            .or_else(|| self.entries.get(&uncontracted(&key)?))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &PhraseEntry> {
        self.entries.values()
    }

    /// The known phrases closest to an unknown expression, best first.
    pub fn closest(&self, expression: &str, limit: usize) -> Vec<&str> {
        let wanted = normalize_phrase(expression);
        let mut scored: Vec<(f64, &str)> = self
            .entries
            .iter()
            .map(|(key, entry)| {
                let mut similarity = strsim::jaro_winkler(&wanted, key);
                // A known phrase inside the expression ("likely" in "quite likely") is a
                // better hint than a similar-looking spelling.
                if wanted.contains(key.as_str()) {
                    similarity += 0.5 + key.len() as f64 / 100.0;
                }
                (similarity, entry.phrase.phrase.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .take(limit)
            .map(|(_, phrase)| phrase)
            .collect()
    }

    /// The `check` message for an expression the table does not know.
    pub fn unknown_phrase_message(&self, expression: &str) -> String {
        if self.disputed.contains(&normalize_phrase(expression)) {
            return format!(
                "confidence phrase '{expression}' is disputed between two versions in phrases.ron; keep one (`hindsight resolve-dispute '{expression}' ours|theirs`) or give the forecast a probability"
            );
        }
        let mut message = format!("unknown confidence phrase '{expression}'");
        message.push_str(&self.hints(expression));
        if !is_negated(&normalize_phrase(expression)) {
            message.push_str("; add it to phrases.ron or give the forecast a probability");
        }
        message
    }

    /// The `check` message for a baseline the table does not know. A baseline names a row
    /// of the table (the level a comparative moves from), so it has no fallback.
    pub fn unknown_baseline_message(&self, baseline: &str) -> String {
        if self.disputed.contains(&normalize_phrase(baseline)) {
            return format!(
                "baseline phrase '{baseline}' is disputed between two versions in phrases.ron; keep one (`hindsight resolve-dispute '{baseline}' ours|theirs`)"
            );
        }
        let mut message = format!("unknown baseline phrase '{baseline}'");
        message.push_str(&self.hints(baseline));
        if !is_negated(&normalize_phrase(baseline)) {
            message.push_str("; a baseline must be a phrase of the table: add it to phrases.ron");
        }
        message
    }

    /// "; closest known phrases: …", and why a negation is not computed: what both
    /// unknown-phrase messages add.
    fn hints(&self, phrase: &str) -> String {
        let suggestions = self
            .closest(phrase, 3)
            .into_iter()
            .map(|known| format!("'{known}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut hints = String::new();
        if !suggestions.is_empty() {
            hints.push_str(&format!("; closest known phrases: {suggestions}"));
        }
        if is_negated(&normalize_phrase(phrase)) {
            hints.push_str(
                "; negations are not computed (\"not certain\" is not 1 - \"certain\"), \
                 so add the negated phrase itself to phrases.ron",
            );
        }
        hints
    }
}

/// Which way a comparative phrase says a probability moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparative {
    More,
    Less,
}

impl Comparative {
    /// The comparative a phrase is, if it is one. The rule: "more" or "less" followed by
    /// "likely" or "probable", optionally after "even" ("more likely", "even less likely").
    /// "more often than not" states a level of its own and is not a comparative.
    pub fn of(phrase: &str) -> Option<Comparative> {
        let normalized = normalize_phrase(phrase);
        let mut words: Vec<&str> = normalized.split(' ').collect();
        if words.first() == Some(&"even") {
            words.remove(0);
        }
        match words.as_slice() {
            [direction, "likely" | "probable"] => match *direction {
                "more" => Some(Comparative::More),
                "less" => Some(Comparative::Less),
                _ => None,
            },
            _ => None,
        }
    }

    /// The share of the remaining distance a comparative row moves an even chance: 0.3 for
    /// "more likely" at 0.65 (0.5 → 0.65 is 30% of the way to 1) and for "less likely" at
    /// 0.35 (30% of the way to 0). Clamped to [0, 1], so a row on the wrong side of 0.5
    /// moves nothing rather than reversing the direction.
    fn step(self, row: f64) -> f64 {
        let step = match self {
            Comparative::More => 2.0 * row - 1.0,
            Comparative::Less => 1.0 - 2.0 * row,
        };
        step.clamp(0.0, 1.0)
    }

    /// `baseline` moved the way the row's figure `row` moves 0.5.
    fn apply(self, row: f64, baseline: f64) -> f64 {
        let step = self.step(row);
        let moved = match self {
            Comparative::More => baseline + step * (1.0 - baseline),
            Comparative::Less => baseline * (1.0 - step),
        };
        // Six decimals: the figure prints as worked out by hand (0.79, not 0.7900000000000001).
        (moved * 1e6).round() / 1e6
    }
}

/// A comparative measured from a level the text gives.
#[derive(Clone, Debug, PartialEq)]
pub struct FromBaseline {
    pub probability: f64,
    /// The baseline row's range, moved the same way (none when the baseline has none).
    pub range: Option<(f64, f64)>,
}

/// The probability of comparative row `comparative` ("even more likely") said of a level
/// the text gives, row `baseline` ("likely"): the baseline moves by the same share of the
/// remaining distance as the comparative's own row moves an even chance. With the built-in
/// rows (0.65 / 0.35) that is p + 0.3·(1 − p) for "more" and 0.7·p for "less": "even more
/// likely" than "likely" (0.7) is 0.79, "less likely" than "unlikely" (0.2) is 0.14.
/// `None` when `comparative` is not a comparative (see [`Comparative::of`]).
pub fn from_baseline(comparative: &Phrase, baseline: &Phrase) -> Option<FromBaseline> {
    let direction = Comparative::of(&comparative.phrase)?;
    let apply = |p: f64| direction.apply(comparative.probability, p);
    Some(FromBaseline {
        probability: apply(baseline.probability),
        range: baseline.range.map(|(low, high)| (apply(low), apply(high))),
    })
}

/// The form phrases are compared in: lower case, straight apostrophes, single spaces, no
/// surrounding punctuation. Only spelling noise is removed; words are never dropped, so
/// "not likely" stays distinct from "likely".
/// A normalized phrase with its contractions written out, when it has any: "they'll" →
/// "will", "i'd be surprised" → "would be surprised", "won't" → "will not". The subject of
/// a contraction is no part of the hedge, so a table row "will" covers "they'll".
fn uncontracted(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').map(uncontract).collect();
    let written_out = words.join(" ");
    (written_out != key).then_some(written_out)
}

/// A contraction written out ("won't" → "will not", "I'd" → "would"), in lower case with
/// straight apostrophes; any other word as it is.
pub fn uncontract(word: &str) -> &str {
    match word {
        "won't" => "will not",
        "can't" => "cannot",
        "wouldn't" => "would not",
        "couldn't" => "could not",
        "isn't" => "is not",
        "don't" => "do not",
        "doesn't" => "does not",
        "there's" => "there is",
        w if w.len() > 3 && w.ends_with("'ll") => "will",
        w if w.len() > 2 && w.ends_with("'d") => "would",
        w => w,
    }
}

pub fn normalize_phrase(text: &str) -> String {
    let straightened: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    let words: Vec<&str> = straightened.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'')
        .trim_matches('\'')
        .trim()
        .to_lowercase()
}

fn is_negated(normalized: &str) -> bool {
    normalized
        .split(' ')
        .any(|word| matches!(word, "not" | "no" | "never" | "hardly") || word.ends_with("n't"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contraction_is_looked_up_as_its_full_words() {
        let table = PhraseTable::built_in();
        let will = table.lookup("will").unwrap().phrase.probability;
        assert_eq!(table.lookup("They’ll").unwrap().phrase.probability, will);
        assert_eq!(
            table.lookup("I'd be surprised").unwrap().phrase.phrase,
            "would be surprised"
        );
        assert_eq!(table.lookup("won't").unwrap().phrase.phrase, "will not");
        assert!(
            table.lookup("they'd").is_none(),
            "the built-in table has no 'would'"
        );
    }

    #[test]
    fn the_built_in_table_reads_and_holds_only_valid_rows() {
        let table = PhraseTable::built_in();
        assert!(table.len() > 50);
        for entry in table.iter() {
            let phrase = &entry.phrase;
            assert!((0.0..=1.0).contains(&phrase.probability), "{phrase:?}");
            if let Some((low, high)) = phrase.range {
                assert!(
                    low <= phrase.probability && phrase.probability <= high,
                    "{phrase:?}"
                );
            }
            assert!(!phrase.source.is_empty());
        }
        assert_eq!(
            table.lookup("Less Likely").unwrap().phrase.probability,
            0.35
        );
        assert_eq!(table.lookup("never").unwrap().phrase.probability, 0.0);
    }

    #[test]
    fn negations_are_rows_not_arithmetic() {
        let table = PhraseTable::built_in();
        assert!(table.lookup("not impossible").is_none());
        let message = table.unknown_phrase_message("not impossible");
        assert!(message.contains("negations are not computed"), "{message}");
        assert!(message.contains("'impossible'"), "{message}");
    }

    #[test]
    fn the_tables_comparatives_are_found_by_the_rule() {
        let table = PhraseTable::built_in();
        let comparatives: Vec<(&str, Comparative)> = table
            .iter()
            .filter_map(|entry| {
                let phrase = entry.phrase.phrase.as_str();
                Comparative::of(phrase).map(|direction| (phrase, direction))
            })
            .collect();
        assert_eq!(
            comparatives,
            [
                ("even less likely", Comparative::Less),
                ("even more likely", Comparative::More),
                ("less likely", Comparative::Less),
                ("less probable", Comparative::Less),
                ("more likely", Comparative::More),
                ("more probable", Comparative::More),
            ]
        );
        assert_eq!(
            Comparative::of("  Even MORE probable."),
            Some(Comparative::More)
        );
        for not_one in [
            "more often than not",
            "most likely",
            "likely",
            "even",
            "much more likely",
        ] {
            assert_eq!(Comparative::of(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn a_comparative_moves_its_baseline_by_the_share_its_row_moves_an_even_chance() {
        let table = PhraseTable::built_in();
        let row = |phrase: &str| table.lookup(phrase).unwrap().phrase.clone();
        // Worked by hand from the built-in rows: likely 0.7 (0.6-0.75), unlikely 0.2
        // (0.1-0.25); "more" takes 30% of the way to 1, "less" 30% of the way to 0.
        let more = from_baseline(&row("even more likely"), &row("likely")).unwrap();
        assert_eq!(more.probability, 0.79);
        assert_eq!(more.range, Some((0.72, 0.825)));
        let less = from_baseline(&row("even less likely"), &row("unlikely")).unwrap();
        assert_eq!(less.probability, 0.14);
        assert_eq!(less.range, Some((0.07, 0.175)));
        // From an even chance it is the row itself.
        let even = from_baseline(&row("more likely"), &row("about even")).unwrap();
        assert_eq!((even.probability, even.range), (0.65, None));
        // Certainty cannot grow, and nothing moves from a phrase that is not a comparative.
        assert_eq!(
            from_baseline(&row("more likely"), &row("certain"))
                .unwrap()
                .probability,
            1.0
        );
        assert_eq!(from_baseline(&row("likely"), &row("unlikely")), None);
    }

    #[test]
    fn normalization_removes_only_spelling_noise() {
        assert_eq!(normalize_phrase("  Most   Likely. "), "most likely");
        assert_eq!(
            normalize_phrase("I wouldn\u{2019}t be surprised"),
            "i wouldn't be surprised"
        );
        assert_eq!(normalize_phrase("“not likely”"), "not likely");
    }
}
