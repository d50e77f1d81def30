//! The field and struct names of an outline, shared rather than allocated: the format's
//! own names are interned once for every outline, and a raw identifier is read as the name
//! serde reads.

use std::borrow::Cow;

/// A field or struct name in the outline. The names of the ledger's own format are shared,
/// not allocated: an outline of 100,000 forecasts has millions of them.
pub type Name = Cow<'static, str>;

/// The names the ledger's files use, shared by every outline.
const KNOWN_NAMES: &[&str] = &[
    "Scenario",
    "People",
    "Phrases",
    "Source",
    "Forecast",
    "Person",
    "Phrase",
    "Resolved",
    "Open",
    "Stated",
    "Default",
    "True",
    "False",
    "Partly",
    "Ambiguous",
    "Annulled",
    "format",
    "id",
    "title",
    "summary",
    "tags",
    "sources",
    "questions",
    "question",
    "forecasts",
    "outlet",
    "author",
    "published",
    "url",
    "seed",
    "by",
    "source",
    "made",
    "quote",
    "claim",
    "expression",
    "baseline",
    "probability",
    "condition",
    "resolve_by",
    "outcome",
    "verdict",
    "on",
    "judge",
    "evidence",
    "link",
    "people",
    "name",
    "aliases",
    "affiliation",
    "note",
    "kind",
    "phrases",
    "phrase",
    "range",
];

/// `name` as a [`Name`]: shared when the format knows it.
pub(super) fn interned(name: &str) -> Name {
    // Only names of the same length are compared: most fields are matched in one or two
    // comparisons rather than a walk through the whole list.
    static BY_LENGTH: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let longest = KNOWN_NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
            let mut by_length = vec![Vec::new(); longest + 1];
            for name in KNOWN_NAMES {
                by_length[name.len()].push(*name);
            }
            by_length
        });
    let same_length = BY_LENGTH.get(name.len()).map_or(&[][..], Vec::as_slice);
    match same_length.iter().find(|known| **known == name) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(name.to_string()),
    }
}

/// The name a raw identifier (`r#sources`) stands for, as serde sees it: the outline must
/// name fields as serde does, or an edit could find another field than the one parsed.
pub(super) fn unraw(name: Name) -> Name {
    match name.strip_prefix("r#") {
        Some(plain) => interned(plain),
        None => name,
    }
}
