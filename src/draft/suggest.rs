//! Ids suggested from what a form holds: readable (the forecaster's surname and the
//! claim's words, accents folded), short enough to type, and never one already taken.

use crate::ledger::{Ledger, Source};

/// Words that say nothing about a claim, left out of suggested ids.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "during", "for", "from",
    "had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "may",
    "might", "more", "most", "of", "on", "or", "other", "over", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "under", "until", "up", "was", "were", "what", "when",
    "which", "while", "who", "will", "with", "within", "would",
];

/// How many words a suggested id has at most (the surname included): enough to tell
/// forecasts apart, short enough to type.
const ID_WORDS: usize = 6;

/// A word as it may appear in an id: lower-case ASCII letters and digits, with the common
/// Latin accents folded ("Cömert" → "comert") rather than dropped.
fn slug_word(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}'))
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            let folded = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
                'ç' | 'ć' | 'č' => 'c',
                'ď' => 'd',
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
                'ğ' => 'g',
                'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
                'ł' => 'l',
                'ñ' | 'ń' | 'ň' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
                'ř' => 'r',
                'ś' | 'ş' | 'š' | 'ș' => 's',
                'ť' | 'ț' => 't',
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
                'ý' | 'ÿ' => 'y',
                'ź' | 'ż' | 'ž' => 'z',
                c => c,
            };
            folded.is_ascii_alphanumeric().then_some(folded)
        })
        .collect()
}

/// The words of a text as id words, split at anything that is not a letter or digit.
fn slug_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}')))
        .map(slug_word)
        .filter(|word| !word.is_empty())
        .collect()
}

/// A readable, unused forecast id from the forecaster and the claim
/// ("barbashin-csto-troops-leave-within-weeks").
pub fn suggest_forecast_id(ledger: &Ledger, by: &str, claim: &str) -> String {
    let name = ledger.person(by).map_or(by, |person| person.name.as_str());
    let surname = slug_words(name).pop();
    let mut words: Vec<String> = surname.iter().cloned().collect();
    for word in slug_words(claim) {
        if words.len() >= ID_WORDS {
            break;
        }
        if STOP_WORDS.contains(&word.as_str()) || words.contains(&word) {
            continue;
        }
        words.push(word);
    }
    if words.is_empty() {
        words.push("forecast".to_string());
    }
    first_free(words.join("-"), |id| ledger.find(id).is_some())
}

/// `prefix` and the first significant words of `text` (at most `max`), joined as an id:
/// readable, but not checked against the ledger (imports add a hash of their own to it).
pub fn readable_id(prefix: &str, text: &str, max: usize) -> String {
    let mut words = vec![prefix.to_string()];
    for word in slug_words(text) {
        if words.len() > max {
            break;
        }
        if !STOP_WORDS.contains(&word.as_str()) && !words.contains(&word) {
            words.push(word);
        }
    }
    words.join("-")
}

/// An unused person id from a name ("Dmitri Trenin" → "dmitri-trenin").
pub fn suggest_person_id(ledger: &Ledger, name: &str) -> String {
    let words = slug_words(name);
    let base = if words.is_empty() {
        "person".to_string()
    } else {
        words.join("-")
    };
    first_free(base, |id| ledger.person(id).is_some())
}

/// An unused source id in a scenario from the outlet and the title's first words
/// ("rferl-week-russia-kazakhstan").
pub fn suggest_source_id(sources: &[Source], outlet: &str, title: &str) -> String {
    let mut words: Vec<String> = slug_words(outlet).into_iter().take(1).collect();
    for word in slug_words(title) {
        if words.len() >= 5 {
            break;
        }
        if !STOP_WORDS.contains(&word.as_str()) && !words.contains(&word) {
            words.push(word);
        }
    }
    if words.is_empty() {
        words.push("source".to_string());
    }
    first_free(words.join("-"), |id| sources.iter().any(|s| s.id == id))
}

/// `base`, or `base-2`, `base-3`… whichever is not taken.
fn first_free(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}
