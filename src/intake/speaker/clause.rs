//! Finding the reporting clause of a passage: a verb that reports speech ("said",
//! "wrote", "according to") outside its quotation marks, and the words before or after it
//! that name the speaker.

use std::ops::Range;

use super::attribution::Attribution;
use super::context::Context;
use super::subject::{inverted, subject};
use super::vocabulary::{AUXILIARIES, REPORTING};
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
    let verb_at = outside.iter().enumerate().position(|(i, w)| {
        REPORTING.contains(&w.lower.as_str())
            // An infinitive reports nothing ("is right to expect", "declined to say"), and
            // a passive names who is expected, not who expects ("officials are expected to").
            && !(i.saturating_sub(2)..i).any(|k| {
                let word = outside[k].lower.as_str();
                // "to" only right before the verb; a be-form also before "not" ("is not
                // expected").
                (k + 1 == i && word == "to")
                    || matches!(word, "is" | "are" | "was" | "were" | "be" | "been" | "being")
                        && (k + 1 == i || outside[k + 1].lower == "not")
            })
            && (!matches!(w.lower.as_str(), "put" | "puts") || puts_a_view(&text[w.range.end..]))
            && (w.lower != "according" || text[w.range.end..].trim_start().starts_with("to"))
            // A capitalized verb is a name or a headline's word, but a sentence may open
            // with "According to X, …".
            && (!w.capitalized || w.lower == "according")
    })?;
    let verb = outside[verb_at];
    // The subject: from the end of the last quotation (or the passage's start) to the verb.
    let ended = quotations.partition_point(|q| q.range.end <= verb.range.start);
    let segment_start = quotations[..ended]
        .last()
        .map(|q| q.range.end)
        .filter(|&end| end > unit.start)
        .unwrap_or(unit.start);
    let before = strip_auxiliaries(text[segment_start..verb.range.start].trim());
    // "…, Di Odoardo noted." or "…, said Jane Roe, an economist.": the clause ends the
    // passage, after a comma.
    let closing = verb_at + 1 == outside.len()
        || text[segment_start..verb.range.start]
            .trim_end()
            .ends_with(',');
    if verb.lower != "according"
        && let Some(attribution) = subject(before, context)
    {
        return Some(Attribution {
            closing: verb_at + 1 == outside.len(),
            ..attribution
        });
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
    inverted(after, context).map(|attribution| Attribution {
        closing: closing && verb.lower != "according",
        ..attribution
    })
}

/// Whether the words after "put" make it report a view: "as she put it", "puts the odds
/// of a cut at 60%".
fn puts_a_view(after: &str) -> bool {
    let after = after.trim_start();
    after.starts_with("it")
        || [
            "odds",
            "chance",
            "chances",
            "probability",
            "likelihood",
            "risk",
        ]
        .iter()
        .any(|noun| after.starts_with(&format!("the {noun}")))
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
        if AUXILIARIES.contains(&last.to_lowercase().as_str()) {
            segment = head.trim_end_matches([',', ' ']);
        } else {
            return segment;
        }
    }
}
