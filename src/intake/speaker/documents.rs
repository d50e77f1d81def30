//! Documents named instead of a person ("according to the note", "according to Vane's
//! estimates", "according to a Northgate Bank note"): whose they are.

/// Nouns for what a speaker writes or works out: "according to the note", "according
/// to Vane's estimates".
fn is_document_noun(noun: &str) -> bool {
    matches!(
        noun.trim_end_matches(['.', ',']),
        "note"
            | "report"
            | "statement"
            | "letter"
            | "memo"
            | "analysis"
            | "research"
            | "estimates"
            | "estimate"
            | "calculations"
            | "forecast"
            | "forecasts"
            | "projections"
            | "model"
            | "study"
            | "paper"
            | "column"
    )
}

/// The pronoun that owns a document opening a subject: "Her latest survey suggests" →
/// "her", "His note says" → "his". An adjective may come between. (A poll or a survey is
/// its owner's here, where "according to a Reuters poll" gives the respondents' view.)
pub(super) fn pronoun_owning_a_document(subject: &str) -> Option<&'static str> {
    let lower = subject.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let owner = match words.first().copied() {
        Some("his") => "his",
        Some("her") => "her",
        _ => return None,
    };
    let noun = words[words.len() - 1];
    ((2..=3).contains(&words.len())
        && (is_document_noun(noun) || matches!(noun, "poll" | "survey")))
    .then_some(owner)
}

/// Whether `words` (after "according to") name a document rather than a person: "the
/// note", "his report", "a statement".
pub(super) fn is_a_document(words: &str) -> bool {
    let lower = words.to_lowercase();
    let mut parts = lower.split_whitespace();
    let (Some(determiner), Some(noun)) = (parts.next(), parts.next()) else {
        return false;
    };
    matches!(determiner, "the" | "a" | "his" | "her" | "their" | "its") && is_document_noun(noun)
}

/// The firm whose document `words` (after "according to") name: "a Northgate Bank note",
/// "the Westbank report".
pub(super) fn firm_of_a_document(words: &str) -> Option<&str> {
    let rest = words
        .strip_prefix("a ")
        .or_else(|| words.strip_prefix("the "))?;
    // "a note from Westbank".
    if let Some((noun, firm)) = rest.split_once(" from ")
        && is_document_noun(&noun.to_lowercase())
    {
        let firm = firm.split([',', '.', ';']).next().unwrap_or("").trim();
        return (!firm.is_empty() && super::names::is_pure_name(firm)).then_some(firm);
    }
    let mut end = 0;
    for word in rest.split_whitespace() {
        if is_document_noun(&word.to_lowercase()) {
            let firm = rest[..end].trim();
            return (!firm.is_empty() && super::names::is_pure_name(firm)).then_some(firm);
        }
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        end = word.as_ptr() as usize - rest.as_ptr() as usize + word.len();
    }
    None
}

/// The person whose document `words` (after "according to") name: "Vane's estimates",
/// "Ana Vey's latest note" (an adjective may come between).
pub(super) fn owner_of_a_document(words: &str) -> Option<&str> {
    let (owner, rest) = words
        .split_once("'s ")
        .or_else(|| words.split_once("\u{2019}s "))?;
    let owner = owner.trim();
    let nouns: Vec<String> = rest
        .split_whitespace()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    (super::names::is_pure_name(owner)
        && !owner.contains(',')
        && nouns.iter().any(|noun| is_document_noun(noun)))
    .then_some(owner)
}
