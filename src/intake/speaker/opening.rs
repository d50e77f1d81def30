//! The person a sentence opens with, whether or not it reports what they said ("Marta
//! Kowal runs the research desk", "Ana Vey, his deputy, is less sure: …"): whom a later
//! "she" may mean, and who speaks in a list a sentence introduces.

use std::ops::Range;

use super::names::name_runs;

/// The full name a passage opens with, when a verb in lower case follows it: "Marta Kowal
/// runs the research desk", with the role an appositive gives ("Harriet Cole, head of
/// research at Westbank, was more cautious").
pub(super) fn sentence_subject(
    text: &str,
    unit: &Range<usize>,
) -> Option<(String, Option<String>)> {
    // "Nevertheless, Chris Rodgers … is optimistic": past a connective and its comma.
    let opening = text[unit.clone()].trim_start();
    let skip = [
        "Nevertheless, ",
        "However, ",
        "Meanwhile, ",
        "Still, ",
        "Separately, ",
    ]
    .iter()
    .find(|connective| opening.starts_with(**connective))
    .map_or(0, |connective| {
        text[unit.clone()].len() - opening.len() + connective.len()
    });
    // "PORTESSA (AFP) - Opposition leader Ines Carvallo…": past a dateline too.
    let skip = skip.max(dateline_end(&text[unit.clone()]));
    let unit = &(unit.start + skip..unit.end);
    let runs: Vec<Range<usize>> = name_runs(text, unit.clone())
        .into_iter()
        .filter(|run| text[run.clone()].split_whitespace().count() >= 2)
        .collect();
    // The name after a role set off by commas ("The United Nations special envoy for
    // Sumara, Hugo Benavente, arrived"), else the first full name.
    let run = runs
        .iter()
        .find(|run| {
            role_before(&text[unit.start..run.start]).is_some()
                && text[run.end..unit.end].starts_with(',')
        })
        .or(runs.first())?
        .clone();
    // The name opens the sentence, or follows a few words in lower case that describe
    // them ("Her colleague Ben Oduya disagreed").
    let lead_words: Vec<&str> = text[unit.start..run.start].split_whitespace().collect();
    // Words that describe the person, not a phrase that the name ends ("The Ministry of
    // National Defense"): in lower case after the first, and no preposition last.
    // ("Associate Professor Ana Vey, a lecturer at …": titles, capitalized, describe her
    // too.)
    let is_title = |w: &str| {
        let lower = w.trim_end_matches('.').to_lowercase();
        super::vocabulary::TITLES.contains(&lower.as_str())
            || matches!(lower.as_str(), "associate" | "assistant")
    };
    let describes = lead_words
        .iter()
        .skip(1)
        .all(|w| w.starts_with(char::is_lowercase) || is_title(w))
        && lead_words.last().is_none_or(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "in" | "at" | "for" | "from" | "by" | "to" | "with" | "on"
            )
        });
    let lead = &text[unit.start..run.start];
    let opens = lead_words.len() <= 3 && describes && !lead.contains([',', '"', '\u{201C}']);
    // "The foreign minister, Ana Vey, met her counterpart": a role before the name, set
    // off by commas, is hers.
    let role_first = role_before(lead).filter(|_| text[run.end..unit.end].starts_with(','));
    let name = &text[run.clone()];
    let mut after = &text[run.end..unit.end];
    let mut role = None;
    // "Harriet Cole, head of currency research at Westbank, was more cautious": past an
    // appositive to the verb.
    if let Some(appositive) = after.strip_prefix(',')
        && let Some((described, rest)) = appositive.split_once(',')
        && described.split_whitespace().count() <= 16
        && !described.contains(['"', '\u{201C}'])
    {
        after = rest;
        role = super::names::role(described);
    }
    if let Some(first) = role_first {
        after = text[run.end..unit.end].trim_start_matches(',');
        role = Some(first);
    }
    let next = after.split_whitespace().next()?;
    ((opens || role.is_some() && role_first_opens(lead))
        && name.split_whitespace().count() >= 2
        && next.starts_with(char::is_lowercase))
    .then(|| (name.to_string(), role))
}

/// The role a sentence opens with before a name and a comma: "The foreign minister, " →
/// "foreign minister". A few words in lower case after "The", "Its" or "Her", and no
/// other comma.
fn role_before(lead: &str) -> Option<String> {
    let described = lead.trim_end().strip_suffix(',')?;
    let words: Vec<&str> = described.split_whitespace().collect();
    // A person's noun among the words ("The United Nations special envoy for Sumara"),
    // not an institution's name alone ("The Bank of Sumara,").
    let a_person = words[1..].iter().any(|w| {
        let lower = w.to_lowercase();
        super::vocabulary::PERSON_NOUNS.contains(&lower.as_str())
            || super::vocabulary::TITLES.contains(&lower.as_str())
    });
    (role_first_opens(lead)
        && (2..=8).contains(&words.len())
        && !described.contains([',', '"', '\u{201C}'])
        && a_person)
        .then(|| super::names::role(described))
        .flatten()
}

/// Whether `lead` opens as a role before a name does: "The", "Its", "His", "Her",
/// "Their", or an owner ("Carvania's water minister, Hugo Benavente, …").
fn role_first_opens(lead: &str) -> bool {
    lead.split_whitespace().next().is_some_and(|first| {
        matches!(first, "The" | "Its" | "His" | "Her" | "Their")
            || first.ends_with("'s")
            || first.ends_with("\u{2019}s")
    })
}

/// Where a wire dateline that opens `passage` ends: "PORTESSA (AFP) - " or "KORA, Sel
/// (AP) — ", a place in capitals, maybe an agency in brackets, and a dash; else 0.
fn dateline_end(passage: &str) -> usize {
    let Some((at, dash)) = [" - ", " \u{2014} ", " \u{2013} ", " -- "]
        .iter()
        .filter_map(|dash| passage.find(dash).map(|at| (at, dash.len())))
        .min()
    else {
        return 0;
    };
    let head = &passage[..at];
    // The place in capitals (a region after a comma may be in title case), and the
    // agency in brackets.
    let place = head.split(['(', ',']).next().unwrap_or("");
    if at <= 60 && !place.trim().is_empty() && super::names::in_capitals(place) {
        at + dash
    } else {
        0
    }
}

/// The full name that opens `head`, with the appositive after it as the role: "Ana Vey,
/// his former deputy, is less sure" → Ana Vey, "former deputy".
pub(super) fn opening_person(head: &str) -> Option<(String, Option<String>)> {
    let head = head.trim_start();
    let run = super::names::name_runs(head, 0..head.len())
        .into_iter()
        .next()
        .filter(|run| run.start == 0)?;
    let name = &head[run.clone()];
    if name.split_whitespace().count() < 2 || !super::names::is_pure_name(name) {
        return None;
    }
    let role = head[run.end..]
        .strip_prefix(',')
        .and_then(|rest| rest.split_once(','))
        .and_then(|(appositive, _)| super::names::role(appositive));
    Some((name.to_string(), role))
}
