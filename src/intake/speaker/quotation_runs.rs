//! Quotations that run over more than one paragraph, as news writing sets them, and whose
//! speaker one paragraph names for all of them.

use std::collections::HashSet;
use std::ops::Range;

use super::attribution::{Attribution, Basis};
use crate::intake::text::{Quotation, paragraphs};

/// A quotation that runs over paragraphs: each of its paragraphs but the last leaves it
/// open, and the next opens with a quotation mark again ("“As I see it, the vote is
/// theirs to lose. (new paragraph) “Turnout decides it,” he told the paper."). Its
/// reporting clause may come in any of them, often the last: it names the speaker of the
/// whole, so a passage of the run that found no speaker of its own takes it.
pub(super) fn attribute_running_quotations(
    text: &str,
    units: &[(Range<usize>, usize)],
    quotations: &[Quotation],
    found: &mut [Attribution],
) {
    let paragraphs = paragraphs(text);
    // The paragraphs (of the text, counted as `paragraphs` counts them) that leave a
    // quotation open, and each unit's paragraph: found once, so that a text of many
    // paragraphs and quotations costs time linear in its length.
    let open_ends: HashSet<usize> = quotations
        .iter()
        .filter(|q| q.open_end)
        .map(|q| q.range.end)
        .collect();
    let left_open = |p: usize| open_ends.contains(&paragraphs[p].end);
    let paragraph_of: Vec<usize> = units
        .iter()
        .map(|(range, _)| paragraphs.partition_point(|p| p.end <= range.start))
        .collect();
    let opens_quoted = |p: usize| text[paragraphs[p].clone()].starts_with(['"', '\u{201C}']);
    let mut p = 0;
    while p + 1 < paragraphs.len() {
        if !(opens_quoted(p) && left_open(p) && opens_quoted(p + 1)) {
            p += 1;
            continue;
        }
        let mut last = p + 1;
        while last + 1 < paragraphs.len() && left_open(last) && opens_quoted(last + 1) {
            last += 1;
        }
        // Units come in the order of the text, so the run's are one stretch of them.
        let first = paragraph_of.partition_point(|&at| at < p);
        let end = paragraph_of.partition_point(|&at| at <= last);
        let run: Vec<usize> = (first..end).collect();
        let named = run.iter().copied().find(|&i| {
            found[i].quoted
                && (found[i].speaker.is_some() || found[i].group.is_some())
                && matches!(
                    found[i].basis,
                    Basis::ReportingClause | Basis::Pronoun | Basis::Title
                )
        });
        if let Some(named) = named {
            let speaker = Attribution {
                basis: Basis::LaterClause,
                closing: false,
                ..found[named].clone()
            };
            for &i in run.iter().take_while(|&&i| i < named) {
                let unnamed = found[i].speaker.is_none() && found[i].group.is_none();
                let continued = matches!(
                    found[i].basis,
                    Basis::ContinuedQuotation | Basis::ArticleVoice
                );
                if unnamed && continued {
                    found[i] = Attribution {
                        quoted: found[i].quoted,
                        ..speaker.clone()
                    };
                }
            }
        }
        p = last + 1;
    }
}

/// A paragraph that opens with a single quotation mark ("'However, our outlook…") goes on
/// with the quotation of the paragraph before, in the style that quotes with single marks:
/// it is the same speaker's.
pub(super) fn continue_single_quotations(
    text: &str,
    units: &[(Range<usize>, usize)],
    found: &mut [Attribution],
) {
    // The quotation goes on to the end of its paragraph: (paragraph, attribution).
    let mut going_on: Option<(usize, Attribution)> = None;
    for i in 1..found.len() {
        let paragraph = units[i].1;
        if let Some((at, attribution)) = &going_on
            && *at == paragraph
        {
            if found[i].basis == Basis::ArticleVoice {
                found[i] = attribution.clone();
            }
            continue;
        }
        going_on = None;
        let passage = text[units[i].0.clone()].trim_start();
        let mut chars = passage.chars();
        let opens = matches!(chars.next(), Some('\'' | '\u{2018}'))
            && chars.next().is_some_and(char::is_uppercase);
        let previous_paragraph = units[i - 1].1;
        let previous = found[i - 1].clone();
        let previous_quotes = text[units[i - 1].0.clone()].contains(['\'', '\u{2018}', '\u{2019}']);
        if opens
            && found[i].basis == Basis::ArticleVoice
            && paragraph == previous_paragraph + 1
            && previous_quotes
            && (previous.speaker.is_some() || previous.group.is_some())
        {
            let continued = Attribution {
                basis: Basis::ContinuedQuotation,
                closing: false,
                author: false,
                ..previous
            };
            found[i] = continued.clone();
            going_on = Some((paragraph, continued));
        }
    }
}
