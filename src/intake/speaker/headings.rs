//! A round-up's sections: a paragraph that is only a person's name and role ("Ana Vey,
//! head of research at Northgate") heads the paragraphs after it, which give her
//! forecast and her words with no reporting clause ("Year-end forecast: 6,200", then a
//! quotation), until the next such heading.

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::names::{in_capitals, name_and_role, title_case};
use super::vocabulary::{PERSON_NOUNS, TITLES};
use crate::intake::text::opens_paragraph;

/// How many words a heading may have: a name and a short role.
const HEADING_WORDS: usize = 16;

/// Gives each passage under a person's heading that no clause attributes the heading's
/// speaker. An article needs two headings or more to be read as a round-up: one line
/// with a name alone may be a photograph's caption.
pub(super) fn attribute_sections(
    text: &str,
    units: &[(Range<usize>, usize)],
    found: &mut [Attribution],
) {
    let headings: Vec<Option<Attribution>> = units
        .iter()
        .map(|(range, _)| heading(text, range))
        .collect();
    if headings.iter().flatten().count() < 2 {
        return;
    }
    let mut section: Option<&Attribution> = None;
    for (i, heading) in headings.iter().enumerate() {
        if heading.is_some() {
            section = heading.as_ref();
            continue;
        }
        // A heading of another kind ("The Bad News") ends the section, and so does a
        // paragraph of the article's own prose: under a heading come the speaker's words in
        // quotation marks and lines such as "Year-end forecast: 6,200".
        let line = heading_line(text, &units[i].0);
        if line.is_some_and(|line| !line.contains(':')) || (line.is_none() && !found[i].quoted) {
            section = None;
            continue;
        }
        if let Some(head) = section
            && unattributed(&found[i])
        {
            found[i] = Attribution {
                basis: Basis::Heading,
                quoted: found[i].quoted,
                ..head.clone()
            };
        }
    }
}

/// The speaker a passage names when it is a paragraph of its own holding only a full name
/// and, after a comma or in brackets, a role, with no sentence's end.
fn heading(text: &str, range: &Range<usize>) -> Option<Attribution> {
    let line = heading_line(text, range)?;
    // (A table's row, "Ana Vey, Northgate 4-8% rise", gives a figure: `items` reads it.)
    if line.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if in_capitals(line) {
        return heading_in_capitals(line.trim_end_matches(':'));
    }
    let (name, role) = name_and_role(line.trim_end_matches(':'))?;
    // A person's: with a role, or a given name ("Kitco News" on a line is the outlet).
    let person = role.is_some()
        || name
            .split_whitespace()
            .next()
            .and_then(super::given_names::gender_of)
            .is_some();
    (person && name.split_whitespace().count() >= 2).then(|| Attribution {
        speaker: Some(name.to_string()),
        role,
        basis: Basis::Heading,
        ..Attribution::default()
    })
}

/// A heading in capitals, as wire round-ups set them: "IVO MARSH, EASTGATE INSTITUTE"
/// (a name and, after a comma, a role) or "INDEPENDENT ANALYST IVO MARSH" (a role that
/// ends with a person's noun, then the name's last two words).
fn heading_in_capitals(line: &str) -> Option<Attribution> {
    let (name, role) = match line.split_once(',') {
        Some((name, role)) => (name.trim().to_string(), Some(title_case(role))),
        None => {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (role, name) = words.split_at(words.len().checked_sub(2)?);
            let noun = role.last()?.to_lowercase();
            if !(PERSON_NOUNS.contains(&noun.as_str()) || TITLES.contains(&noun.as_str())) {
                return None;
            }
            (name.join(" "), Some(role.join(" ").to_lowercase()))
        }
    };
    let words = name.split_whitespace().count();
    ((2..=3).contains(&words) && name.chars().all(|c| c.is_alphabetic() || " -'".contains(c))).then(
        || Attribution {
            speaker: Some(title_case(&name)),
            role: role.filter(|role| !role.trim().is_empty()),
            basis: Basis::Heading,
            ..Attribution::default()
        },
    )
}

/// The passage `range` when it is a line of its own, short and with no sentence's end,
/// as headings are.
fn heading_line<'a>(text: &'a str, range: &Range<usize>) -> Option<&'a str> {
    let after = text[range.end..].trim_start_matches([' ', '\t']);
    let own_paragraph =
        opens_paragraph(text, range.start) && (after.is_empty() || after.starts_with('\n'));
    let line = text[range.clone()].trim();
    (own_paragraph
        && !line.ends_with(['.', '!', '?', '"', '\u{201D}'])
        && line.split_whitespace().count() <= HEADING_WORDS)
        .then_some(line)
}

/// Whether no clause gave `found` a speaker: the article's voice, a quotation continued
/// from no one, or a word taken for a speaker that is no full name ("End-of-year
/// forecast: 6,200" reads "forecast" as a verb).
fn unattributed(found: &Attribution) -> bool {
    found.basis == Basis::ArticleVoice
        || (found.speaker.is_none()
            && found.group.is_none()
            && found.basis == Basis::ContinuedQuotation)
        || found
            .speaker
            .as_deref()
            .is_some_and(|speaker| !speaker.contains(' '))
}
