//! Data never drives the terminal: text from a scenario folder (a claim, a name, a file
//! name, a problem quoting either) is printed with its control characters made visible.
//!
//! A folder may come from a stranger's repository. An ESC in a claim could recolour the
//! screen, move the cursor or set the window title; a BEL rings; a bidirectional override
//! (U+202E) makes text display in another order than it reads. `check` refuses such text
//! (see `ledger::validate`), and independently every printer passes data through
//! [`escape_controls`], so even a file with errors cannot reach the terminal raw. This
//! module only classifies and escapes characters; it does not print.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Characters that reorder how text is displayed: the embeddings and overrides
/// (U+202A–U+202E) and the isolates (U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that are never printed as they are: the C0 and C1 controls (`\n` and `\t`
/// included) and the bidirectional controls.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The text with every unprintable character written as a Rust-style escape (`\u{1b}`),
/// borrowed unchanged when there is none. Backslashes are left alone: an escape in the
/// output reads as one, and the original is in the file for whoever needs the bytes.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_where(text, is_unprintable)
}

/// Like [`escape_controls`], but keeps line breaks and tabs: for cells that may hold
/// running text (CSV quotes), where a newline is data and harmless.
pub fn escape_controls_keep_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_unprintable(c) && !matches!(c, '\n' | '\t'))
}

/// A path for printing: lossy for bytes that are not UTF-8, controls escaped.
pub fn escape_path(path: &Path) -> String {
    escape_controls(&path.to_string_lossy()).into_owned()
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    let Some(first) = text.find(&escape) else {
        return Cow::Borrowed(text);
    };
    let mut escaped = String::with_capacity(text.len() + 8);
    escaped.push_str(&text[..first]);
    for c in text[first..].chars() {
        if escape(c) {
            let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "Tokayev «stays» — 70 % likely";
        assert!(matches!(escape_controls(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn controls_and_bidi_overrides_are_made_visible() {
        assert_eq!(
            escape_controls("a\u{1b}[31mred\u{7}\u{9b}\u{202e}z\n"),
            "a\\u{1b}[31mred\\u{7}\\u{9b}\\u{202e}z\\u{a}"
        );
        assert_eq!(
            escape_controls_keep_lines("line one\n\tline\u{1b} two"),
            "line one\n\tline\\u{1b} two"
        );
    }

    #[test]
    fn paths_are_escaped() {
        assert_eq!(
            escape_path(Path::new("scenarios/evil\u{1b}]0;pwned\u{7}.ron")),
            "scenarios/evil\\u{1b}]0;pwned\\u{7}.ron"
        );
    }
}
