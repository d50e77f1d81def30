//! Interviews: a question-and-answer article ("Q: What is your read on oil? A: I think…",
//! or questions set as paragraphs of their own) whose answers are the interviewee's, named
//! once in the introduction ("We sat down with the oil trader Ana Vey"). An answer has
//! no reporting clause and says "I": without this it would be the article's own voice.

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::names::{is_pure_name, name_runs};

/// Words of an introduction that say an interview follows.
const INTERVIEW_WORDS: &[&str] = &[
    "spoke with",
    "spoke to",
    "talked with",
    "talked to",
    "interview",
    "conversation",
    "q&a",
    "sat down with",
];

/// How an interview's paragraphs read: where the questions start, and who answers.
struct Interview {
    /// The offset of the first question: answers come after it.
    start: usize,
    answerer: String,
}

/// Gives the interviewee every answer of an interview that attribution left to the
/// article's voice (`units`: each passage's range and paragraph; `found`: their
/// attributions, in order). An article that is no interview is left as it is.
pub(super) fn attribute_answers(
    text: &str,
    paragraphs: &[Range<usize>],
    units: &[(Range<usize>, usize)],
    found: &mut [Attribution],
) {
    let Some(interview) = interview(text, paragraphs) else {
        return;
    };
    for (i, (range, _)) in units.iter().enumerate() {
        let passage = text[range.clone()].trim();
        let question = passage.ends_with('?') || is_question_mark(passage);
        let first_person = matches!(found[i].speaker.as_deref(), Some(s) if s.split_whitespace().any(|w| matches!(w, "I" | "We")));
        if range.start > interview.start
            && !question
            && (found[i].basis == Basis::ArticleVoice || first_person)
        {
            found[i] = Attribution {
                speaker: Some(interview.answerer.clone()),
                basis: Basis::Interview,
                ..Attribution::default()
            };
        }
    }
}

/// "Q:" or "Q." opening a paragraph.
fn is_question_mark(paragraph: &str) -> bool {
    paragraph.starts_with("Q:") || paragraph.starts_with("Q.")
}

/// The interview `text` holds, if any: two questions or more marked "Q:" (or paragraphs
/// that are only a question, after an introduction that says an interview follows), and a
/// person named in full before the first.
fn interview(text: &str, paragraphs: &[Range<usize>]) -> Option<Interview> {
    let marked: Vec<&Range<usize>> = paragraphs
        .iter()
        .filter(|p| is_question_mark(&text[(*p).clone()]))
        .collect();
    let asked: Vec<&Range<usize>> = paragraphs
        .iter()
        .filter(|p| {
            let paragraph = text[(*p).clone()].trim();
            paragraph.ends_with('?') && !paragraph.contains(['"', '\u{201C}'])
        })
        .collect();
    let first = if marked.len() >= 2 {
        marked[0]
    } else if asked.len() >= 2 {
        asked[0]
    } else {
        return None;
    };
    let introduction = &text[..first.start];
    let lower = introduction.to_lowercase();
    if marked.len() < 2 && !INTERVIEW_WORDS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    // The person named in full right after the words that say an interview follows
    // ("spoke with energy analyst Ana Vey", "I just spoke with Tom Reed, chief
    // economist"), else the last person the introduction names; not a title in quotation
    // marks ("the author of “Financial Shock”").
    let people: Vec<Range<usize>> = name_runs(text, 0..first.start)
        .into_iter()
        .filter(|run| {
            let name = &text[run.clone()];
            let quoted = text[..run.start].ends_with(['"', '\u{201C}']);
            // A byline ("By Bo Writer") names the interviewer.
            let byline = text[..run.start].to_lowercase().trim_end().ends_with("by");
            // A dateline in capitals ("NEW YORK —") is a place.
            let dateline = !name.chars().any(char::is_lowercase);
            name.split_whitespace().count() >= 2
                && is_pure_name(name)
                && !quoted
                && !byline
                && !dateline
        })
        .collect();
    let after_cue = INTERVIEW_WORDS
        .iter()
        .flat_map(|cue| lower.match_indices(cue).map(|(at, _)| at))
        .filter_map(|cue| people.iter().find(|run| run.start > cue))
        .min_by_key(|run| run.start);
    // Else the last the introduction names whose given name says it is a person's, not a
    // firm's ("Fiona Vey has run Northgate Building Society since 2019").
    let person = people.iter().rev().find(|run| {
        text[(*run).clone()]
            .split_whitespace()
            .next()
            .and_then(super::given_names::gender_of)
            .is_some()
    });
    let answerer = after_cue
        .or(person)
        .or(people.last())
        .map(|run| text[run.clone()].to_string())?;
    Some(Interview {
        start: first.start,
        answerer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interview_s_questions_and_who_answers() {
        let text = "Oil's next move\n\nWe sat down with the oil trader Ana Vey last week.\n\nQ: What is your read on prices?\n\nA: I think prices will recover to $60 next year.\n\nQ: And Scotland?\n\nA: It will probably stay in the union.";
        let paragraphs = crate::intake::text::paragraphs(text);
        let found = interview(text, &paragraphs).expect("an interview");
        assert_eq!(found.answerer, "Ana Vey");
        // Not the interviewer of the byline, nor the dateline.
        let text = "Oil\n\nby Bo Writer | The Paper (an interview)\n\nNEW YORK — We spoke with analyst Ana Vey.\n\nQ: Prices?\n\nA: Higher.\n\nQ: When?\n\nA: Soon.";
        let found = interview(text, &crate::intake::text::paragraphs(text)).expect("an interview");
        assert_eq!(found.answerer, "Ana Vey");
        // A person, by a given name, rather than the firm the introduction names last.
        let text = "Fiona Vey has run Redmarsh Building Society since 2019. She spoke to the \
                    paper.\n\nQ: Rates?\n\nA: Lower.\n\nQ: Prices?\n\nA: Flat.";
        let found = interview(text, &crate::intake::text::paragraphs(text)).expect("an interview");
        assert_eq!(found.answerer, "Fiona Vey");
        // An article with a question or two is no interview.
        let text =
            "Rates\n\nWill the bank cut? Analysts think so.\n\nAna Vey said a cut is likely.";
        assert!(interview(text, &crate::intake::text::paragraphs(text)).is_none());
    }
}
