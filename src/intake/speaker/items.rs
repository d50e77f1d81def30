//! The speakers of a list's items and a table's rows: the line that introduces them
//! ("Ana Vey, chief economist at Northgate:", "Commentary by … NAME"), or a name the item
//! gives itself ("- Ana Vey, Northpoll: a majority of 32", "Ana Vey, Northgate 4-8% rise").

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::names::name_runs;
use super::opening::sentence_subject;
use crate::intake::lists::is_list_item;

/// The items of a list ("- we now see a hike by May") take the speaker of the line that
/// introduces them: one that names someone and ends with a colon ("Analysts at Eastport
/// say that after a cut:"), or a heading that ends with its author's name ("Commentary by
/// the bank's chief economist, Ana Vey"). The list ends at the first line that is no item.
pub(super) fn attribute_lists(
    text: &str,
    units: &[(Range<usize>, usize)],
    found: &mut [Attribution],
) {
    let paragraphs = crate::intake::text::paragraphs(text);
    // Rows of a table of forecasts are items too.
    let listed = crate::intake::lists::prediction_lists(text, &paragraphs);
    let mut list: Option<Attribution> = None;
    for i in 0..found.len() {
        // The unit's paragraph as `paragraphs` counts them (the units' own count leaves
        // captions and notices out).
        let range = &units[i].0;
        let paragraph = paragraphs.partition_point(|p| p.end <= range.start);
        let item = paragraphs
            .get(paragraph)
            .is_some_and(|p| is_list_item(&text[p.clone()]))
            || listed.get(paragraph).is_some_and(Option::is_some);
        if !item {
            list = introduces_a_list(text, range, &found[i]);
            continue;
        }
        // "- Andrew Reed, Northpoll: a majority of 32": an item that names its own speaker.
        if found[i].basis == Basis::ArticleVoice
            && let Some(named) = item_speaker(&text[range.clone()])
        {
            found[i] = named;
            continue;
        }
        if let Some(intro) = &list
            && found[i].basis == Basis::ArticleVoice
        {
            found[i] = Attribution {
                basis: Basis::Colon,
                closing: false,
                quoted: false,
                author: false,
                ..intro.clone()
            };
        }
    }
}

/// The speaker an item of a list names before a colon: "- Ana Vey, Northpoll: a majority
/// of 32" is Ana Vey's, her firm the role.
fn item_speaker(item: &str) -> Option<Attribution> {
    let item = item.trim_start_matches(['-', '–', '•', '*', '·', ' ']);
    // "Ana Vey, Northgate 4-8% rise": a table's row, the name, the firm, the figure.
    if !item.contains(':')
        && let Some((name, rest)) = item.split_once(',')
        && super::names::is_pure_name(name.trim())
        && name.split_whitespace().count() >= 2
    {
        let firm = rest
            .split(|c: char| c.is_ascii_digit() || c == '$' || c == '£' || c == '€')
            .next()
            .unwrap_or("");
        return Some(Attribution {
            speaker: Some(name.trim().to_string()),
            role: super::names::role(firm),
            basis: Basis::Colon,
            ..Attribution::default()
        });
    }
    let (head, rest) = item.split_once(':')?;
    if rest.trim().is_empty() || head.split_whitespace().count() > 8 {
        return None;
    }
    name_and_role(head)
}

/// "Ana Vey, chief economist at Northgate" (or the name alone) as the speaker it names,
/// introduced as a colon introduces.
fn name_and_role(words: &str) -> Option<Attribution> {
    let (name, role) = super::names::name_and_role(words)?;
    name.contains(' ').then(|| Attribution {
        speaker: Some(name.to_string()),
        role,
        basis: Basis::Colon,
        ..Attribution::default()
    })
}

/// The speaker a passage gives the list after it: its own, when it names someone and ends
/// with a colon, or the name that ends a heading with "by" ("Commentary by the firm's
/// chief economist, Bill Evans": no full stop, the name last).
fn introduces_a_list(
    text: &str,
    range: &Range<usize>,
    attribution: &Attribution,
) -> Option<Attribution> {
    let passage = text[range.clone()].trim();
    if passage.ends_with(':') {
        if attribution.speaker.is_none() && attribution.group.is_none() {
            // "Ana Vey, head of rates research at Northgate:" and the items after it, or
            // "Political activist Ana Vey, of the Northgate party, has a contrasting view:".
            return name_line(text, range).or_else(|| {
                sentence_subject(text, range).map(|(name, role)| Attribution {
                    speaker: Some(name),
                    role,
                    basis: Basis::Colon,
                    ..Attribution::default()
                })
            });
        }
        return Some(Attribution {
            basis: Basis::Colon,
            ..attribution.clone()
        });
    }
    if passage.ends_with(['.', '!', '?', '"', '\u{201D}']) {
        return None;
    }
    let by = passage.find(" by ")? + " by ".len();
    let heading = &passage[by..];
    let run = name_runs(heading, 0..heading.len()).pop()?;
    let name = &heading[run.clone()];
    (run.end == heading.len() && name.split_whitespace().count() >= 2).then(|| Attribution {
        speaker: Some(name.to_string()),
        role: super::names::role(heading[..run.start].trim_end_matches([',', ' '])),
        basis: Basis::Colon,
        ..Attribution::default()
    })
}

/// The speaker a line names when it is only a name and a role and ends with a colon
/// ("Ana Vey, chief economist at Northgate:"), introducing what they said.
pub(super) fn name_line(text: &str, unit: &Range<usize>) -> Option<Attribution> {
    let line = text[unit.clone()].trim().strip_suffix(':')?;
    // "Ana Vey, a pollster at Northgate, offers a careful call:" is a sentence, its verb
    // after the appositive's closing comma: its subject is read as a sentence's.
    if line
        .split(',')
        .skip(2)
        .any(|part| part.trim_start().starts_with(char::is_lowercase))
    {
        return None;
    }
    name_and_role(line)
}
