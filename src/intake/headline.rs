//! A headline that repeats the body. Editors sum up the article's main forecast in its
//! headline; the forecast is logged once, from the body, where its speaker and wording are.
//! A headline the body does not repeat ("China will invade Taiwan within five years") is
//! the outlet's own claim and is proposed like any passage.

/// Whether `passage` (from the body) says what `headline` says: it holds at least
/// [`SHARED`] of the headline's content words, compared by their first letters so that
/// "boosts" meets "boost" and "colder" meets "cold".
pub fn repeated_by(headline: &str, passage: &str) -> bool {
    let headline = stems(headline);
    if headline.len() < 3 {
        return false;
    }
    let passage = stems(passage);
    let shared = headline
        .iter()
        .filter(|stem| passage.contains(stem))
        .count();
    shared as f64 >= SHARED * headline.len() as f64
}

/// The share of a headline's content words a passage must hold to repeat it.
const SHARED: f64 = 0.4;

/// The letters a word is compared by.
const STEM: usize = 4;

/// The content words of `text` (four letters or more), each cut to [`STEM`] letters, lower case.
fn stems(text: &str) -> Vec<String> {
    let mut stems: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| {
            word.chars().count() >= STEM && !FUNCTION.contains(&word.to_lowercase().as_str())
        })
        .map(|word| word.to_lowercase().chars().take(STEM).collect())
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// Long function words that say nothing of a headline's claim.
const FUNCTION: &[&str] = &[
    "this", "that", "with", "from", "will", "would", "could", "might", "their", "there", "than",
    "into", "over", "after", "before", "about", "have", "been", "were", "what", "when", "which",
    "while",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_sentence_that_says_it_again_repeats_the_headline() {
        let headline = "Hard Winter Will Leave Ports Short On Grain Unless Rains Return";
        assert!(repeated_by(
            headline,
            "A harder winter will leave the ports short, and grain exports will not recover unless the rains return."
        ));
        assert!(!repeated_by(
            headline,
            "The minister said the budget would pass before the summer."
        ));
        // Too few words to tell.
        assert!(!repeated_by(
            "Rates rise",
            "Rates will rise again next year."
        ));
    }
}
