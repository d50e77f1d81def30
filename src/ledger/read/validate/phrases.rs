//! The checks of a folder's phrase table: each phrase spelled once, not empty, with a
//! probability and range that make sense, so that an expression maps to the figure its
//! writer meant.

use std::collections::HashMap;
use std::path::Path;

use super::super::parse::DocumentRead;
use super::super::text_rules::{TextValue, text_problems};
use super::confidence::is_probability;
use crate::estimative::PhraseFile;
use crate::ledger::model::problem::Problem;

pub(crate) fn phrase_file(
    path: &Path,
    file: &DocumentRead<PhraseFile>,
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, phrase) in file.value.phrases.iter().enumerate() {
        let at = file.item_position("phrases", index);
        if let Some(node) = file.item("phrases", index) {
            let values = [
                TextValue::new("phrase", &phrase.phrase),
                TextValue::new("source", &phrase.source),
            ];
            text_problems(path, &file.lines, &file.text, node, values, problems);
        }
        let key = crate::estimative::normalize_phrase(&phrase.phrase);
        if key.is_empty() {
            problems.push(Problem::error(path, at, "empty phrase"));
        }
        if let Some(first) = seen.insert(key, index) {
            problems.push(Problem::warning(
                path,
                at,
                format!(
                    "phrase '{}' is defined twice (also at line {}); the later one wins",
                    phrase.phrase,
                    file.item_position("phrases", first).line
                ),
            ));
        }
        if !is_probability(phrase.probability) {
            problems.push(Problem::error(
                path,
                at,
                format!(
                    "probability {} of phrase '{}' is outside [0, 1]",
                    phrase.probability, phrase.phrase
                ),
            ));
        }
        if let Some((low, high)) = phrase.range {
            let ordered = low <= phrase.probability && phrase.probability <= high;
            if !(is_probability(low) && is_probability(high) && ordered) {
                problems.push(Problem::error(
                    path,
                    at,
                    format!(
                        "range ({low}, {high}) of phrase '{}' must lie in [0, 1] and contain its probability {}",
                        phrase.phrase, phrase.probability
                    ),
                ));
            }
        }
    }
}
