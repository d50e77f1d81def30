//! Finding the reporting clause of a passage: a verb that reports speech ("said",
//! "wrote", "according to") outside its quotation marks, and the words before or after it
//! that name the speaker.

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::context::{Context, Gender};
use super::documents::{firm_of_a_document, is_a_document, owner_of_a_document};
use super::opening::opening_person;
use super::subject::{inverted, is_clause, subject};
use super::verbs::{is_relay, is_reporting_verb};
use super::vocabulary::AUXILIARIES;
use crate::intake::text::Quotation;
use crate::intake::text::Word;

/// The speaker from a reporting verb outside the quotation marks: its subject before it
/// ("Baunov, a senior fellow at X, wrote"), or after it ("argues John Smith, a director").
pub(super) fn reporting_clause(
    text: &str,
    unit: &Range<usize>,
    quotations: &[Quotation],
    outside: &[&Word],
    context: &Context,
) -> Option<Attribution> {
    // The first reporting verb that names someone: in "rates may rise more than markets
    // expect, he said" the subject of "expect" is no speaker, that of "said" is.
    let mut clauses = (0..outside.len())
        .filter(|&i| is_reporting_verb(text, outside, i))
        .filter_map(|verb_at| {
            clause_at(text, unit, quotations, outside, verb_at, context)
                .map(|attribution| (verb_at, attribution))
        });
    let (verb_at, first) = clauses.next()?;
    // "Reuters reports that Ana Vey of Northgate tips that…": a news agency relays the
    // view of the person it names, who is the speaker.
    if is_relay(outside, verb_at)
        && let Some((_, relayed)) = clauses.find(|(_, a)| a.speaker.is_some())
    {
        return Some(relayed);
    }
    Some(first)
}

/// The words after a wire story's dateline ("CAMPINAS, Brazil (Reuters) - Brazilian
/// farmers expect…", "(Kitco News) - Traders look for…"): the place and the agency are
/// no subject.
fn strip_dateline(before: &str) -> &str {
    let Some(close) = before.find(')') else {
        return before;
    };
    let rest = before[close + 1..].trim_start();
    let Some(after_dash) = ["- ", "-", "— ", "—", "– ", "–"]
        .iter()
        .find_map(|dash| rest.strip_prefix(dash))
    else {
        return before;
    };
    let head = &before[..close];
    let first = head
        .split([',', ' ', '('])
        .find(|w| !w.is_empty())
        .unwrap_or("");
    // A place in capitals, or the agency alone in brackets.
    let dateline =
        head.starts_with('(') || (first.len() > 1 && first.chars().all(|c| !c.is_lowercase()));
    if dateline {
        after_dash.trim_start()
    } else {
        before
    }
}

/// The words before the first verb of a clause with no comma ("The Bureau" in "The
/// Bureau released its outlook on Thursday"): the first word in lower case after the
/// first that is no function word, no title and not the article's, where two words or
/// more come before it and after it.
fn subject_of_the_verb_before(clause: &str) -> Option<&str> {
    if clause.contains(',') {
        return None;
    }
    let words: Vec<(usize, &str)> = clause
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - clause.as_ptr() as usize, w))
        .collect();
    let verb = words.iter().skip(1).position(|(_, w)| {
        w.starts_with(char::is_lowercase)
            && !super::vocabulary::FUNCTION_WORDS.contains(w)
            && !matches!(*w, "of" | "for" | "from" | "with" | "&")
    })? + 1;
    (verb < words.len() - 1).then(|| clause[..words[verb].0].trim_end())
}

/// The speaker the reporting verb `outside[verb_at]` names, before it or after it.
fn clause_at(
    text: &str,
    unit: &Range<usize>,
    quotations: &[Quotation],
    outside: &[&Word],
    verb_at: usize,
    context: &Context,
) -> Option<Attribution> {
    let verb = outside[verb_at];
    // The subject: from the end of the last quotation (or the passage's start) to the verb.
    let ended = quotations.partition_point(|q| q.range.end <= verb.range.start);
    let segment_start = quotations[..ended]
        .last()
        .map(|q| q.range.end)
        .filter(|&end| end > unit.start)
        .unwrap_or(unit.start);
    let mut before = strip_dateline(strip_auxiliaries(
        text[segment_start..verb.range.start].trim(),
    ));
    // "Ana Vey, his deputy, is less sure: she thinks…": the clause after the colon has
    // its own subject, and a pronoun there is the person the sentence opened with.
    // "Pentagon chief Ivo Marsh surprised commanders when he declared…": a pronoun after
    // a subordinating word is the person the sentence is about.
    if let Some((head, pronoun)) = before.rsplit_once(' ')
        && matches!(pronoun, "he" | "she")
        && head.rsplit(' ').next().is_some_and(|word| {
            matches!(
                word,
                "when" | "as" | "after" | "before" | "because" | "and" | "but"
            )
        })
        && !head.contains([',', ':', ';'])
        && let Some(run) = super::names::name_runs(head, 0..head.len())
            .into_iter()
            .find(|run| head[run.clone()].split_whitespace().count() >= 2)
        && super::names::is_pure_name(&head[run.clone()])
    {
        return Some(Attribution {
            speaker: Some(context.full_name(&head[run])),
            basis: Basis::Pronoun,
            ..Attribution::default()
        });
    }
    if let Some((head, tail)) = before.rsplit_once([':', ';'])
        && matches!(tail.trim().to_lowercase().as_str(), "he" | "she")
        && let Some((name, role)) = opening_person(head)
    {
        return Some(Attribution {
            speaker: Some(context.full_name(&name)),
            role,
            basis: Basis::Pronoun,
            ..Attribution::default()
        });
    }
    // "he continues to forecast": the verb that goes on is no part of the subject.
    if let Some(head) = ["continues to", "continue to", "continued to"]
        .iter()
        .find_map(|going_on| before.strip_suffix(going_on))
    {
        before = strip_auxiliaries(head.trim_end());
    }
    // "remarks by the governor Ivo Marsh who said": the relative pronoun goes, and
    // the name before it is the subject.
    if let Some(head) = before
        .strip_suffix(" who")
        .or_else(|| before.strip_suffix(", who"))
    {
        before = head.trim_end_matches([',', ' ']);
        // "Ana Vey is among those who expect…": the person counted among them.
        if let Some(person) = [
            " is among those",
            " was among those",
            " is one of those",
            " was one of those",
            " is among the analysts",
            " is one of the analysts",
        ]
        .iter()
        .find_map(|among| before.strip_suffix(among))
        {
            before = person;
        }
        // "…echoes last week's comments from central bank governor Ivo Marsh
        // who said": however long the words before, the full name the relative pronoun
        // follows is the speaker, and the title before it their role.
        // ("That view is shared by Ana Vey of Northgate, who expects": the firm after
        // the name is their affiliation.)
        let affiliated = |run: &Range<usize>| {
            let rest = &before[run.end..];
            rest.is_empty()
                || [" of ", " at ", " from "].iter().any(|link| {
                    rest.strip_prefix(link).is_some_and(|firm| {
                        firm.split_whitespace()
                            .all(|w| w.starts_with(char::is_uppercase) || w == "&")
                    })
                })
        };
        if let Some(run) = super::names::name_runs(before, 0..before.len())
            .into_iter()
            .rev()
            .find(|run| before[run.clone()].split_whitespace().count() >= 2)
            && affiliated(&run)
            && super::names::is_pure_name(&before[run.clone()])
            && !before[..run.start].trim().is_empty()
        {
            let titles: Vec<&str> = before[..run.start]
                .split_whitespace()
                .rev()
                .take_while(|w| {
                    let lower = w.to_lowercase();
                    w.starts_with(char::is_lowercase)
                        && !matches!(lower.as_str(), "by" | "of" | "from" | "with" | "to")
                        || super::vocabulary::TITLES.contains(&lower.as_str())
                })
                .collect();
            let role = titles.into_iter().rev().collect::<Vec<_>>().join(" ");
            return Some(Attribution {
                speaker: Some(context.full_name(&before[run])),
                role: (!role.is_empty()).then_some(role),
                closing: false,
                ..Attribution::default()
            });
        }
    }
    // "…sought to cool expectations, with expert Ana Vey claiming…": a participle right
    // after a full name has that name for its subject.
    if verb.lower.ends_with("ing")
        && let Some(run) = super::names::name_runs(before, 0..before.len()).pop()
        && run.end == before.len()
        && before[run.clone()].split_whitespace().count() >= 2
        && super::names::is_pure_name(&before[run.clone()])
        && let Some(with) = before[..run.start].rfind("with ")
        && before[with + 5..run.start].split_whitespace().all(|w| {
            w.starts_with(char::is_lowercase)
                || super::vocabulary::TITLES.contains(&w.to_lowercase().as_str())
        })
    {
        let role = before[with + 5..run.start].trim();
        return Some(Attribution {
            speaker: Some(context.full_name(&before[run])),
            role: (!role.is_empty()).then(|| role.to_string()),
            ..Attribution::default()
        });
    }
    // "Shin In-kyun, president of X, echoed An's view, saying": a participle's subject is
    // that of the verb before it, so the predicate between them goes.
    if verb.lower.ends_with("ing")
        && let Some((head, tail)) = before.trim_end_matches([',', ' ']).rsplit_once(',')
        && tail.trim_start().starts_with(char::is_lowercase)
        && !head.trim().is_empty()
    {
        before = head.trim();
    } else if verb.lower.ends_with("ing")
        && verb.lower != "according"
        && text[segment_start..verb.range.start]
            .trim_end()
            .ends_with(',')
        && let Some(subject) = subject_of_the_verb_before(before)
    {
        // "The Bureau released its winter outlook on Thursday, predicting…": the
        // subject is the words before the sentence's own verb.
        before = subject;
    }
    // "We remain bearish on the yen and expect…", "Ana Vey runs the desk and expects…":
    // a verb joined to the one before has the sentence's subject.
    if let Some(head) = before.strip_suffix(" and")
        && verb.lower != "according"
    {
        // ("• Jo Vey at Westbank waits for January and predicts…": a list's bullet is no
        // part of the subject.)
        let head = super::names::clean(head);
        let first = head.split_whitespace().next().unwrap_or("");
        let opening = if matches!(
            first.to_lowercase().as_str(),
            "we" | "i" | "he" | "she" | "they"
        ) {
            Some(first)
        } else {
            super::names::name_runs(head, 0..head.len())
                .into_iter()
                .next()
                // (A surname alone the article gave in full: "McVey has raced him this
                // season, and believes…".)
                .filter(|run| {
                    run.start == 0
                        && (head[run.clone()].split_whitespace().count() >= 2
                            || context.full_name(&head[run.clone()]).contains(' '))
                })
                .map(|run| &head[run])
        };
        return opening.and_then(|subject_words| {
            subject(subject_words, context).map(|attribution| Attribution {
                closing: false,
                ..attribution
            })
        });
    }
    // "…, Di Odoardo noted." or "…, said Jane Roe, an economist.": the clause ends the
    // passage, after a comma.
    let closing = verb_at + 1 == outside.len()
        || text[segment_start..verb.range.start]
            .trim_end()
            .ends_with(',');
    if verb.lower != "according"
        && let Some(company) = company(before)
    {
        return Some(Attribution {
            closing: verb_at + 1 == outside.len(),
            ..company
        });
    }
    if verb.lower != "according"
        && let Some(attribution) = subject(before, context)
    {
        // "Expect more volatility in the weeks ahead, said Ned Gray": before a comma the
        // words may be the claim, not its speaker; a person named after the verb wins
        // over a group or a title read from them.
        let named_after = || {
            text[segment_start..verb.range.start]
                .trim_end()
                .ends_with(',')
                .then(|| inverted(after_verb(text, unit, quotations, verb), context))
                .flatten()
                .filter(|after| after.speaker.is_some() && after.basis != Basis::Title)
        };
        if attribution
            .speaker
            .as_deref()
            .is_none_or(|speaker| !super::names::is_pure_name(speaker))
            && let Some(after) = named_after()
        {
            return Some(Attribution { closing, ..after });
        }
        return Some(Attribution {
            closing: verb_at + 1 == outside.len(),
            ..attribution
        });
    }
    // "he told the paper": whom one tells is the listener, never the speaker.
    if matches!(verb.lower.as_str(), "told" | "tells" | "telling") {
        return None;
    }
    // Inverted ("said the minister", "according to X"): the words after the verb.
    let mut after_start = verb.range.end;
    if verb.lower == "according" {
        // The "to" that follows (the verb was taken only with one).
        after_start += text[after_start..unit.end.max(after_start)]
            .find("to")
            .map_or(0, |i| i + 2);
    }
    let sentence_end = quotations
        .get(quotations.partition_point(|q| q.range.start < after_start))
        .map(|q| q.range.start)
        .filter(|&start| start < unit.end)
        .unwrap_or(unit.end);
    let after = text[after_start..sentence_end.max(after_start)].trim();
    debug_assert!(verb.lower == "according" || after == after_verb(text, unit, quotations, verb));
    // "according to Vane's estimates": the owner of the figures.
    if verb.lower == "according"
        && let Some(owner) = owner_of_a_document(after)
    {
        return Some(Attribution {
            speaker: Some(context.full_name(owner)),
            role: context.role_of(&context.full_name(owner)),
            closing: false,
            ..Attribution::default()
        });
    }
    // "according to a Northgate Bank note posted by…": the firm whose note it is.
    if verb.lower == "according"
        && let Some(firm) = firm_of_a_document(after)
    {
        return Some(Attribution {
            speaker: Some(firm.to_string()),
            organisation: true,
            closing: false,
            ..Attribution::default()
        });
    }
    // "According to him, the pocket may…": whom the pronoun refers to.
    if verb.lower == "according" {
        let pronoun = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let gender = match pronoun {
            "him" => Some(Gender::Male),
            "her" => Some(Gender::Female),
            _ => None,
        };
        if let Some(gender) = gender {
            return context.referent(gender).map(|speaker| Attribution {
                basis: Basis::Pronoun,
                closing: false,
                ..speaker
            });
        }
    }
    // "according to the note": the note of the speaker named last.
    if verb.lower == "according" && is_a_document(after) {
        return context.last_speaker().map(|speaker| Attribution {
            basis: Basis::Pronoun,
            ..speaker
        });
    }
    // "According to Ivo Marsh, what happens there was never agreed": opening the
    // sentence, the phrase is followed by what is said, which is no role.
    let opens = verb.lower == "according"
        && (before.is_empty()
            || text[segment_start..verb.range.start]
                .trim_end()
                .ends_with(',')
                && !is_clause(before));
    inverted(after, context).map(|attribution| Attribution {
        closing: closing && verb.lower != "according",
        role: attribution
            .role
            .filter(|role| !opens || is_closed_appositive(after, role)),
        ..attribution
    })
}

/// Whether `role`, where `after` gives it after the name, is an appositive a comma
/// closes before more words ("Ivo Marsh, an economist at Northgate, rates will…"), and not
/// a clause. A role written before the name ("deputy director Ivo Marsh") stands.
fn is_closed_appositive(after: &str, role: &str) -> bool {
    let Some(at) = after.find(role) else {
        return true;
    };
    if !after[..at].contains(',') {
        return true;
    }
    let rest = after[at + role.len()..].trim_start();
    rest.strip_prefix(',')
        .is_some_and(|claim| !claim.trim().is_empty())
        && !is_clause(role)
}

/// The speaker a report quotes "as saying": "the agency quoted Gen. Ivo Marsh, the
/// commander, as saying that…" (whom it quotes), "Ivo Marsh was quoted by the agency as
/// saying that…" (the subject).
pub(super) fn quoted_as_saying(
    text: &str,
    unit: &Range<usize>,
    context: &Context,
) -> Option<Attribution> {
    let passage = &text[unit.clone()];
    let said_at = passage.find(" as saying")?;
    let head = &passage[..said_at];
    if let Some(at) = [" was quoted", " is quoted", " were quoted"]
        .iter()
        .find_map(|passive| head.find(passive))
    {
        return subject(&head[..at], context).map(|attribution| Attribution {
            closing: false,
            ..attribution
        });
    }
    let at = head.rfind(" quoted ")?;
    inverted(&head[at + " quoted ".len()..], context).map(|attribution| Attribution {
        closing: false,
        ..attribution
    })
}

/// A subject that is a name in the possessive with nothing owned ("Moody's recently said
/// it would audit the country", "Sainsbury's said") is a company, named as the article
/// names it (not an owner "Moody"): no "he" or "she" later refers to it.
fn company(subject: &str) -> Option<Attribution> {
    let name = super::names::clean(subject);
    let owner = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))?;
    (super::names::is_pure_name(owner) && !owner.contains(',')).then(|| Attribution {
        speaker: Some(name.to_string()),
        organisation: true,
        ..Attribution::default()
    })
}

/// The words after a reporting verb, up to the next quotation or the passage's end.
fn after_verb<'t>(
    text: &'t str,
    unit: &Range<usize>,
    quotations: &[Quotation],
    verb: &Word,
) -> &'t str {
    let start = verb.range.end;
    let end = quotations
        .get(quotations.partition_point(|q| q.range.start < start))
        .map(|q| q.range.start)
        .filter(|&at| at < unit.end)
        .unwrap_or(unit.end);
    text[start..end.max(start)].trim()
}

/// The words before the verb without the auxiliaries that end them ("Jane Roe has
/// also" → "Jane Roe").
fn strip_auxiliaries(segment: &str) -> &str {
    // Slices, not copies: a segment of many auxiliaries ("has has has…") is cut in time
    // linear in its length.
    let mut segment = segment.trim_end_matches([',', ' ']);
    loop {
        let Some((head, last)) = segment.rsplit_once(' ') else {
            if AUXILIARIES.contains(&segment.to_lowercase().as_str()) {
                segment = "";
            }
            return segment;
        };
        let modal = matches!(last, "may" | "might" | "could");
        if modal || AUXILIARIES.contains(&last.to_lowercase().as_str()) {
            segment = head.trim_end_matches([',', ' ']);
        } else {
            return segment;
        }
    }
}
