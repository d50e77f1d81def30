//! The few rules for writing English about the ledger, shared by every part that writes
//! sentences: the command line's summaries, the app's status line, commit messages and
//! the article reader's proposals.

/// The plural ending for `count` things: "1 forecast", "2 forecasts".
pub fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// `text` with its first letter a capital, for a sentence made of a lower-case phrase.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
