//! The attribution of one passage: its reporting clause, else an unnamed group, else a
//! quotation continued from the last, else the article's own voice; and what it leaves
//! in the [`Context`] for the passages after it.

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::clause::{quoted_as_saying, reporting_clause};
use super::context::Context;
use super::group::group;
use super::items::{attribute_lists, name_line};
use super::names::name_runs;
use super::opening::sentence_subject;
use super::view::{estimate_from, view_of};
use crate::intake::text::{Quotation, opens_paragraph, overlapping};
use crate::intake::text::{Word, words};

/// Whether the byte at `at` is outside every quotation.
fn is_outside(quotations: &[Quotation], at: usize) -> bool {
    overlapping(quotations, at..at + 1).is_empty()
}

/// The attribution of the passage `unit` (a range of the text) in paragraph `paragraph`.
pub fn attribute(
    text: &str,
    unit: Range<usize>,
    paragraph: usize,
    quotations: &[Quotation],
    context: &mut Context,
) -> Attribution {
    let quoted = !overlapping(quotations, unit.clone()).is_empty();
    let all_words = words(text, unit.clone());
    let outside: Vec<&Word> = all_words
        .iter()
        .filter(|w| is_outside(quotations, w.range.start))
        .collect();
    // The person a sentence opens with is whom a pronoun later in it means: "Ivo Marsh
    // was gloomier: the ceasefire, he said, would collapse."
    let subject = (!starts_quoted(text, &unit, quotations))
        .then(|| sentence_subject(text, &unit).or_else(|| surname_subject(text, &unit, context)))
        .flatten();
    if let Some((name, role)) = &subject
        && (role.is_some() || context.is_person(name))
        && text[unit.clone()].trim_start().starts_with(name.as_str())
    {
        context.remember(name.clone(), role.clone());
    }
    // A transcript's speaker in capitals where a paragraph opens ("KORVAC: I think it
    // will hold") speaks all of it, whatever verbs it holds.
    let mut found = super::transcripts::transcript_label(text, &unit, context)
        .or_else(|| estimate_from(text, &unit))
        .or_else(|| quoted_as_saying(text, &unit, context));
    if found.is_none() {
        found = reporting_clause(text, &unit, quotations, &outside, context);
    }
    if found.is_none() {
        found = group(&outside);
    }
    if found.is_none() {
        found = view_of(text, &unit, context);
    }
    if found.is_none() {
        found = colon_subject(text, &unit, quotations, context);
    }
    if found.is_none() {
        found = credit_after_quotation(text, &unit, quotations, context);
    }
    if found.is_none() {
        found = speaker_prefix(text, &unit, context);
    }
    let mut attribution = match found {
        Some(attribution) => attribution,
        None if quoted && starts_quoted(text, &unit, quotations) => {
            // A quotation with no reporting clause of its own continues the last one.
            context.continued_quotation(paragraph)
        }
        None => Attribution {
            author: true,
            basis: Basis::ArticleVoice,
            ..Attribution::default()
        },
    };
    attribution.quoted = quoted;
    if !quoted
        && attribution.speaker.is_some()
        && matches!(attribution.basis, Basis::ReportingClause | Basis::Pronoun)
    {
        context.reported(&attribution, paragraph);
    }
    if quoted {
        context.quoted(attribution.clone(), paragraph);
    } else if attribution.speaker.is_some() && text[unit.clone()].trim_end().ends_with(':') {
        context.introduces(&attribution, paragraph);
    } else if attribution.author
        && let Some(named) = name_line(text, &unit)
    {
        // "Calvin Yeoh, a portfolio manager at X:" on a line of its own, and the quotation
        // after it: a list of who said what, with no verb.
        context.introduces(&named, paragraph);
        if let Some(speaker) = &named.speaker {
            context.remember(speaker.clone(), named.role.clone());
        }
    }
    // A person who is the subject of a sentence is someone "she" may refer to next,
    // whether or not the sentence reports speech ("Marta Kowal runs the desk. She
    // believes…").
    // (A passage that quotes only later, "X highlighted the risk of launches “in the
    // near future”", opens with its subject all the same.)
    if let Some((subject, role)) = subject
        && attribution.speaker.as_deref() != Some(subject.as_str())
    {
        context.remember(subject, role);
    }
    if !quoted {
        for (name, role) in introduced(text, &unit) {
            if attribution.speaker.as_deref() != Some(name.as_str()) {
                context.remember(name, role);
            }
        }
    }
    if let Some(speaker) = &attribution.speaker {
        if attribution.organisation {
            context.organisation(speaker);
        } else {
            context.remember(speaker.clone(), attribution.role.clone());
        }
    }
    attribution
}

/// The person a sentence opens with by surname alone, when the article gave the full name
/// before and a verb in lower case follows: "Qasimi was more cautious." → Ahmed Qasimi.
fn surname_subject(
    text: &str,
    unit: &Range<usize>,
    context: &Context,
) -> Option<(String, Option<String>)> {
    let mut words = text[unit.clone()].split_whitespace();
    // ("Lowe, though, was upbeat.")
    let surname = words.next()?.trim_end_matches(',');
    let next = words.next()?;
    let full = context.full_name(surname);
    (surname.chars().all(char::is_alphabetic)
        && surname.starts_with(char::is_uppercase)
        && full.contains(' ')
        && next.starts_with(char::is_lowercase))
    .then(|| {
        let role = context.role_of_any(&full);
        (full, role)
    })
}

/// People a passage introduces by their role, wherever in it ("The same view was held by
/// a political analyst at Northgate, Associate Professor Ana Vey.", "…, said the
/// minister, Ivo Marsh"): whom a "he" or "she" in the next passage may mean. A name without
/// a role before it ("the candidates, Ana Vey and Ivo Marsh") is not taken.
fn introduced(text: &str, unit: &Range<usize>) -> Vec<(String, Option<String>)> {
    let mut people = Vec::new();
    for run in name_runs(text, unit.clone()) {
        let name = &text[run.clone()];
        if name.split_whitespace().count() < 2 || !super::names::is_pure_name(name) {
            continue;
        }
        let lead = text[unit.start..run.start].trim_end();
        // The title run that the name follows ("Associate Professor"), or an appositive
        // role before a comma ("a political analyst, …").
        let words: Vec<&str> = lead.split_whitespace().collect();
        let titled = words.last().is_some_and(|w| {
            let lower = w.trim_end_matches('.').to_lowercase();
            super::vocabulary::TITLES.contains(&lower.as_str())
        });
        // "One of the more bullish forecasts came from Charlie Vey of Northgate": a
        // source named after "from" or "by", with the firm after the name.
        let sourced = words.last().is_some_and(|w| matches!(*w, "from" | "by"))
            && text[run.end..unit.end].trim_start().starts_with("of ");
        let role = lead.strip_suffix(',').and_then(|head| {
            let part = head.rsplit([',', ';']).next()?.trim();
            let part_words: Vec<&str> = part.split_whitespace().collect();
            let first = part_words.first()?.to_lowercase();
            let by_role = matches!(first.as_str(), "a" | "an")
                || part_words
                    .get(part_words.len().saturating_sub(3)..)?
                    .iter()
                    .any(|w| matches!(w.to_lowercase().as_str(), "a" | "an"));
            let noun = part_words.last()?.to_lowercase();
            (by_role
                && part_words.len() <= 12
                && (super::vocabulary::PERSON_NOUNS.contains(&noun.as_str())
                    || super::vocabulary::TITLES.contains(&noun.as_str())
                    || part.contains(" at ")
                    || part.contains(" with ")))
            .then(|| super::names::role(part))
            .flatten()
        });
        // "…spoke after Ivo Marsh, the finance minister.": a role after the name.
        let role = role.or_else(|| role_after(&text[run.end..unit.end]));
        if titled || sourced || role.is_some() {
            people.push((name.to_string(), role));
        }
    }
    people
}

/// The role an appositive gives right after a name: ", the finance minister." or ", a
/// strategist at Westbank," (a few words after an article, ending with a person's noun or
/// a title, or an affiliation).
fn role_after(after: &str) -> Option<String> {
    let appositive = after.strip_prefix(", ")?;
    let described = appositive.split([',', '.', ';', ':']).next()?.trim();
    let words: Vec<&str> = described.split_whitespace().collect();
    let noun = words.last()?.to_lowercase();
    (matches!(words.first().copied(), Some("the" | "a" | "an"))
        && words.len() <= 8
        && (super::vocabulary::PERSON_NOUNS.contains(&noun.as_str())
            || super::vocabulary::TITLES.contains(&noun.as_str())
            || described.contains(" at ")))
    .then(|| super::names::role(described))
    .flatten()
}

/// The person a paragraph opens with before a colon, as a transcript or a round-up sets
/// it: "Ana Vey (Northgate): The index will probably end the year at 5,200.", "Ana Vey:
/// Probably not." The name (and the role in brackets or after a comma) is all there is
/// before the colon.
fn speaker_prefix(text: &str, unit: &Range<usize>, context: &Context) -> Option<Attribution> {
    // Only where a paragraph begins.
    if !opens_paragraph(text, unit.start) {
        return None;
    }
    let passage = text[unit.clone()].trim_start();
    // (A list's item is its list's to attribute.)
    if crate::intake::lists::is_list_item(passage) {
        return None;
    }
    let (head, claim) = passage.split_once(':')?;
    if claim.trim().is_empty() || head.split_whitespace().count() > 8 {
        return None;
    }
    let (name, role) = super::names::name_and_role(head)?;
    (name.contains(' ') || context.knows(&context.full_name(name))).then(|| Attribution {
        speaker: Some(context.full_name(name)),
        role,
        basis: Basis::Colon,
        ..Attribution::default()
    })
}

/// The person credited after a quotation with a dash, as a pull quote or a list of
/// quotes sets it: "“There will be more volunteers.” – Ivo Marsh, Pentagon spokesman",
/// or with no verb after its comma: "“…,” Ivo Marsh, Pentagon spokesman.".
fn credit_after_quotation(
    text: &str,
    unit: &Range<usize>,
    quotations: &[Quotation],
    context: &Context,
) -> Option<Attribution> {
    let last = overlapping(quotations, unit.clone()).last()?;
    let credit = text[last.range.end.min(unit.end)..unit.end].trim();
    // (So is a full name after the quotation's own comma, with no verb: "“…,” Ivo Marsh,
    // managing director of Northgate." The quotation must end with that comma.)
    let after_comma = text[last.range.clone()]
        .trim_end_matches(['"', '\u{201D}', '\''])
        .ends_with(',');
    let credit = ["- ", "– ", "— "]
        .iter()
        .find_map(|dash| credit.strip_prefix(dash))
        .or_else(|| (after_comma && credit.ends_with('.')).then_some(credit))?;
    let (name, role) = super::names::name_and_role(credit.trim_end_matches('.'))?;
    name.contains(' ').then(|| Attribution {
        speaker: Some(context.full_name(name)),
        role,
        ..Attribution::default()
    })
}

/// The person a sentence opens with when it goes on to a colon and a quotation, with no
/// verb of saying: "Bo Testwell, a columnist, was blunter: “…”", "Ivo Marsh put it
/// plainly: “…”". The quotation is what the colon introduced, so it is theirs.
fn colon_subject(
    text: &str,
    unit: &Range<usize>,
    quotations: &[Quotation],
    context: &Context,
) -> Option<Attribution> {
    let quote = overlapping(quotations, unit.clone()).first()?;
    let opens_at = quote.range.start.max(unit.start);
    let lead = text[unit.start..opens_at].trim_end();
    let lead = lead.strip_suffix(':')?;
    let lead_end = unit.start + lead.len();
    let run = name_runs(text, unit.start..lead_end)
        .into_iter()
        .find(|run| text[run.clone()].contains(' '))?;
    // The name opens the sentence (a word or two of description may come first: "Her
    // colleague Ben Oduya").
    // ("Asked about the outlook, Ana Vey was blunt: …": an opener set off by a comma.)
    let lead = &text[unit.start..run.start];
    let before: Vec<&str> = lead.split_whitespace().collect();
    let opener = lead.trim_end().ends_with(',');
    if !opener
        && (before.len() > 2
            || before
                .iter()
                .skip(1)
                .any(|w| !w.starts_with(char::is_lowercase)))
    {
        return None;
    }
    let name = &text[run.clone()];
    let full = context.full_name(name);
    // A full name, or a surname the article has already given in full; not a country or
    // an institution ("Russia has one aim: …").
    if !(full.split_whitespace().count() >= 2 && super::names::is_pure_name(&full)) {
        return None;
    }
    // The appositive between two commas, when there is one: "Bo Testwell, a columnist,".
    let after = &text[run.end..lead_end];
    let role = after
        .strip_prefix(',')
        .and_then(|rest| rest.split_once(','))
        .and_then(|(part, _)| super::names::role(part));
    Some(Attribution {
        speaker: Some(full),
        role,
        basis: Basis::Colon,
        ..Attribution::default()
    })
}

/// The attributions of every passage (`units`: each passage's range and paragraph), in
/// order: each by [`attribute`]; then a sentence of the article's voice takes the speaker
/// of the next attributed sentence of its paragraph when that one's reporting clause
/// closes it ("A cold winter will lift prices. Supply could fall short, Di Odoardo
/// noted."): a paraphrase names its speaker once, at its end.
pub fn attribute_all(
    text: &str,
    units: &[(Range<usize>, usize)],
    quotations: &[Quotation],
) -> Vec<Attribution> {
    // The name of a show or a paper in quotation marks (“Morning Hour,”) quotes no one.
    let quotations: Vec<Quotation> = quotations
        .iter()
        .filter(|q| !is_a_title(&text[q.range.clone()]))
        .cloned()
        .collect();
    let quotations = quotations.as_slice();
    let mut context = Context::new(text);
    let mut found: Vec<Attribution> = units
        .iter()
        .map(|(range, paragraph)| {
            attribute(text, range.clone(), *paragraph, quotations, &mut context)
        })
        .collect();
    for i in 0..found.len() {
        if found[i].basis != Basis::ArticleVoice || found[i].quoted {
            continue;
        }
        let later = (i + 1..found.len())
            .take_while(|&j| units[j].1 == units[i].1)
            .find(|&j| found[j].basis != Basis::ArticleVoice);
        if let Some(j) = later
            && found[j].closing
            && !found[j].quoted
            && (found[j].speaker.is_some() || found[j].group.is_some())
        {
            found[i] = Attribution {
                basis: Basis::LaterClause,
                closing: false,
                quoted: false,
                author: false,
                ..found[j].clone()
            };
        }
    }
    for i in 1..found.len() {
        if found[i].basis != Basis::ArticleVoice || found[i].quoted {
            continue;
        }
        let previous = &found[i - 1];
        let reported = previous.speaker.is_some()
            && !previous.quoted
            && matches!(
                previous.basis,
                Basis::ReportingClause
                    | Basis::Pronoun
                    | Basis::LaterClause
                    | Basis::ContinuedParaphrase
            );
        let (paragraph, previous_paragraph) = (units[i].1, units[i - 1].1);
        // "VEY: Thanks. I think the glut will last.": a transcript's or a round-up's
        // speaker before a colon goes on to the paragraph's end.
        if previous.speaker.is_some()
            && previous.basis == Basis::Colon
            && !previous.quoted
            && paragraph == previous_paragraph
        {
            found[i] = Attribution {
                quoted: false,
                author: false,
                ..previous.clone()
            };
            continue;
        }
        let goes_on = paragraph == previous_paragraph
            || (paragraph == previous_paragraph + 1
                && (opens_with_a_connective(text, &units[i].0)
                    || advises(&text[units[i].0.clone()])));
        if reported && goes_on {
            found[i] = Attribution {
                basis: Basis::ContinuedParaphrase,
                closing: false,
                quoted: false,
                author: false,
                ..previous.clone()
            };
        }
    }
    attribute_claims_named_after(text, units, &mut found);
    attribute_lists(text, units, &mut found);
    super::headings::attribute_sections(text, units, &mut found);
    super::interview::attribute_answers(
        text,
        &crate::intake::text::paragraphs(text),
        units,
        &mut found,
    );
    super::quotation_runs::continue_single_quotations(text, units, &mut found);
    super::quotation_runs::attribute_running_quotations(text, units, quotations, &mut found);
    super::described::name_described_speakers(text, units, &mut found);
    found
}

/// A claim whose speaker the next passage names looking back ("The vote will be
/// contested. (new paragraph) So says Northgate in a note by Ana Vey, …", "That is the
/// view of Ivo Marsh"): the claim, in the article's voice, is theirs.
fn attribute_claims_named_after(
    text: &str,
    units: &[(Range<usize>, usize)],
    found: &mut [Attribution],
) {
    const LOOKING_BACK: &[&str] = &[
        "So says ",
        "So said ",
        "Or so says ",
        "So argues ",
        "So predicts ",
        "That is the view of ",
        "That's the view of ",
        "That is according to ",
        "That's according to ",
    ];
    for i in 1..found.len() {
        let passage = text[units[i].0.clone()].trim_start();
        let names_back = LOOKING_BACK.iter().any(|lead| passage.starts_with(lead));
        let claim = &found[i - 1];
        if names_back
            && claim.basis == Basis::ArticleVoice
            && !claim.quoted
            && (found[i].speaker.is_some() || found[i].group.is_some())
            && units[i].1 <= units[i - 1].1 + 1
        {
            found[i - 1] = Attribution {
                basis: Basis::LaterClause,
                closing: false,
                quoted: false,
                author: false,
                ..found[i].clone()
            };
        }
    }
}

/// Whether the text of a quotation (its marks included) is a title rather than speech: a
/// few words, each capitalized (“Morning Hour,”, “The Evening Desk”).
pub(super) fn is_a_title(quoted: &str) -> bool {
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    // (“Never,” one word, is an answer; “Not Yet.” ends a sentence.)
    (2..=4).contains(&words.len())
        && !quoted.contains(['.', '?', '!'])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "the" | "of" | "and" | "a" | "in" | "on" | "for")
        })
}

/// Whether a passage opens with a word that carries on the passage before: "But",
/// "However", "Still", "Yet", "Also".
fn opens_with_a_connective(text: &str, unit: &Range<usize>) -> bool {
    let first = text[unit.clone()]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',')
        .to_lowercase();
    matches!(first.as_str(), "but" | "however" | "still" | "yet" | "also")
}

/// Whether a passage advises the reader what to expect ("Expect highs of 90.", "In July,
/// expect an average high of 92"): news writing gives that advice in its source's words,
/// so it goes on with the paraphrase before it.
fn advises(passage: &str) -> bool {
    let clause = passage
        .trim_start()
        .split_once(", ")
        .filter(|(opener, _)| opener.split_whitespace().count() <= 4)
        .map_or(passage.trim_start(), |(_, clause)| clause);
    ["Expect ", "expect ", "Look for ", "look for "]
        .iter()
        .any(|imperative| clause.starts_with(imperative))
}

/// Whether the passage starts (after white space) inside a quotation.
fn starts_quoted(text: &str, unit: &Range<usize>, quotations: &[Quotation]) -> bool {
    let start = unit.start + (text[unit.clone()].len() - text[unit.clone()].trim_start().len());
    !is_outside(quotations, start)
}
