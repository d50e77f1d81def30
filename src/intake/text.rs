//! An article's text cut into paragraphs, sentences and quotations, each as a byte range
//! of the text, so that a candidate's quote is the text itself, not a rewrite of it.
//! This is punctuation, not grammar: it knows abbreviations and initials, not parts of
//! speech. Each step is linear in the text's length: a megabyte-long paragraph costs what
//! a thousand short ones do.

use std::ops::Range;

use super::reporting::REPORTING;

/// One sentence, and the paragraph (line) it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
}

/// A passage between quotation marks (the marks included). `open_end` is set when the
/// paragraph ends before the quotation closes: the convention for a quotation continued
/// in the next paragraph. [`quotations`] gives them in order and never overlapping, which
/// [`overlapping`] relies on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub range: Range<usize>,
    pub open_end: bool,
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc", "co", "corp",
    "ltd", "jr", "sr", "lt", "col", "capt", "sgt", "rev", "hon", "amb", "approx", "etc", "cf",
    "brig", "maj", "adm", "cmdr", "cpl", "pvt",
];

/// Whether the byte at `at` opens a paragraph: only spaces or tabs lie between it and the
/// line break before it, or the text's start.
pub fn opens_paragraph(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}

/// The paragraphs of `text`: its non-blank lines, without their line endings.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed_start = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let begin = start + trimmed_start;
            paragraphs.push(begin..begin + trimmed.len());
        }
        start += line.len();
    }
    paragraphs
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']')
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '[' | '(' | '\u{2026}')
}

/// How far back [`is_abbreviation`] looks for the start of a word, in bytes.
const LONGEST_WORD: usize = 64;

/// Whether the word that ends at `end` (just before a full stop) is an abbreviation or an
/// initial ("John E. Herbst", "U.S.").
fn is_abbreviation(text: &str, end: usize) -> bool {
    // Only the last few bytes can hold the word: looking further back, at every full stop
    // of a long run without spaces ("a.a.a.…"), would take time quadratic in its length.
    let from = text.floor_char_boundary(end.saturating_sub(LONGEST_WORD));
    let head = &text[from..end];
    let word_start = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Whether the words after a semicolon open a clause of a speaker of their own: a
/// capitalized name (two words or more) and, within a few words, a verb that reports a
/// view ("; Ivo Marsh of Westbank thinks…").
fn starts_another_speaker(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(8).collect();
    let name = words.len() >= 3
        && words[..2].iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        });
    name && words[2..].iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.starts_with(char::is_lowercase) && REPORTING.contains(&w)
    })
}

/// Whether the words after a contrasting conjunction open a clause of a named speaker of
/// their own: a few words of role, a full name and a verb that reports a view ("Westbank
/// economist Ivo Marsh thought…").
fn starts_another_named_speaker(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(10).collect();
    let Some(verb) = words.iter().position(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.starts_with(char::is_lowercase) && REPORTING.contains(&w)
    }) else {
        return false;
    };
    // The word before the verb is a capitalized name: a full name, or a surname alone
    // (", while Marsh expects…"), with nothing before it but a role.
    let name_word = |w: &&str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    verb >= 1
        && name_word(&words[verb - 1])
        && (verb == 1 || words[..verb - 1].iter().all(|w| !w.ends_with([',', '.'])))
}

/// The sentences of `text`, in order: each paragraph cut after `.`, `!` or `?` (and the
/// closing marks that follow) where the next word starts a sentence.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs(text).into_iter().enumerate() {
        let mut start = paragraph.start;
        let body = &text[paragraph.clone()];
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (offset, c) = chars[i];
            // "Ana Vey expects a cut; Ivo Marsh thinks the bank will hold": a clause of
            // another speaker's after a semicolon is a sentence of its own. So is one after
            // ", while" or ", whereas" ("Ana Vey said…, while Westbank economist Ivo Marsh
            // thought it would be later").
            // (Only at these marks, both one byte: `offset + 1` is a boundary there.)
            let rest = if matches!(c, ';' | ',') {
                &body[offset + 1..]
            } else {
                ""
            };
            let another_speaker = match c {
                ';' => starts_another_speaker(rest),
                ',' => ["while ", "whereas "].iter().any(|conjunction| {
                    rest.trim_start()
                        .strip_prefix(conjunction)
                        .is_some_and(starts_another_named_speaker)
                }),
                _ => false,
            };
            if another_speaker {
                let end = paragraph.start + offset + 1;
                sentences.push(Sentence {
                    range: start..end,
                    paragraph: index,
                });
                start = end + (rest.len() - rest.trim_start().len());
                i += 1;
                continue;
            }
            if matches!(c, '.' | '!' | '?')
                && !(c == '.' && is_abbreviation(text, paragraph.start + offset))
            {
                let mut j = i + 1;
                while j < chars.len()
                    && (is_closing(chars[j].1) || matches!(chars[j].1, '.' | '?' | '!'))
                {
                    j += 1;
                }
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                // An ellipsis between two sentences of a quotation ("...? … The stakes").
                if k < chars.len() && chars[k].1 == '\u{2026}' {
                    let mut m = k + 1;
                    while m < chars.len() && chars[m].1.is_whitespace() {
                        m += 1;
                    }
                    if m < chars.len() && chars[m].1.is_uppercase() {
                        k = m;
                    }
                }
                if k > j && k < chars.len() && can_start_sentence(chars[k].1) {
                    let end = paragraph.start + chars[j - 1].0 + chars[j - 1].1.len_utf8();
                    sentences.push(Sentence {
                        range: start..end,
                        paragraph: index,
                    });
                    start = paragraph.start + chars[k].0;
                    i = k;
                    continue;
                }
                // No break after this mark, so none after the marks up to `j` either (the
                // same words follow them): scanning from each again would make a long run
                // of "!!!…" quadratic.
                i = j;
                continue;
            }
            i += 1;
        }
        if start < paragraph.end {
            sentences.push(Sentence {
                range: start..paragraph.end,
                paragraph: index,
            });
        }
    }
    sentences
}

/// The quotations of `text`: curly double quotes paired open with close, straight double
/// quotes paired in turn, each within its paragraph. A quotation left open runs to the end
/// of its paragraph (it goes on in the next), unless the paragraph ends with a reporting
/// clause after a comma ("…at the last minute, Tefft says."): the writer forgot the
/// closing mark, and the clause is not part of the quotation.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    for paragraph in paragraphs(text) {
        let mut open: Option<usize> = None;
        let body = &text[paragraph.clone()];
        for (offset, c) in body.char_indices() {
            let at = paragraph.start + offset;
            // Typewritten copy closes with two apostrophes: "…on Saturday,'' said X.
            let two_apostrophes = c == '\'' && body[offset + 1..].starts_with('\'');
            match (c, open) {
                ('\u{201C}', None) => open = Some(at),
                ('"', None) => open = Some(at),
                ('\u{201D}' | '"', Some(start)) => {
                    quotations.push(Quotation {
                        range: start..at + c.len_utf8(),
                        open_end: false,
                    });
                    open = None;
                }
                ('\'', Some(start)) if two_apostrophes => {
                    quotations.push(Quotation {
                        range: start..at + 2,
                        open_end: false,
                    });
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            let quotation = match reporting_tail(&text[start..paragraph.end]) {
                Some(comma) => Quotation {
                    range: start..start + comma,
                    open_end: false,
                },
                None => Quotation {
                    range: start..paragraph.end,
                    open_end: true,
                },
            };
            quotations.push(quotation);
        }
    }
    quotations
}

/// Where the reporting clause that ends `passage` starts: the offset of its last comma,
/// when the few words after it hold a reporting verb and end the passage.
fn reporting_tail(passage: &str) -> Option<usize> {
    let comma = passage.rfind(',')?;
    let tail = passage[comma + 1..].trim();
    let words: Vec<String> = tail
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let ends = tail.ends_with('.') && !tail.contains(['"', '\u{201C}', '\u{201D}']);
    (ends && words.len() <= 5 && words.iter().any(|w| REPORTING.contains(&w.as_str())))
        .then_some(comma)
}

/// The quotations that overlap `range`, found by binary search: quotations come in the
/// order of the text and do not overlap, so their ends are in order too.
pub fn overlapping(quotations: &[Quotation], range: Range<usize>) -> &[Quotation] {
    let first = quotations.partition_point(|q| q.range.end <= range.start);
    let last = quotations.partition_point(|q| q.range.start < range.end);
    &quotations[first..last.max(first)]
}

/// Sentences joined where one quotation runs across them: each unit is the sentence, or
/// the sentences of one quotation, as a range of sentence indices.
pub fn units(sentences: &[Sentence], quotations: &[Quotation]) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let mut last = i;
        loop {
            let range = sentences[i].range.start..sentences[last].range.end;
            // The last quotation overlapping reaches furthest.
            let reach = overlapping(quotations, range.clone())
                .last()
                .map_or(range.end, |q| q.range.end);
            if reach > range.end
                && last + 1 < sentences.len()
                && sentences[last + 1].paragraph == sentences[i].paragraph
                && sentences[last + 1].range.start < reach
            {
                last += 1;
            } else {
                break;
            }
        }
        units.push(i..last + 1);
        i = last + 1;
    }
    units
}

/// A word of a sentence: its bytes in the text and its lower-cased form with curly
/// apostrophes straightened.
#[derive(Clone, Debug)]
pub struct Word {
    pub range: Range<usize>,
    pub lower: String,
    pub capitalized: bool,
}

/// The words of `text[range]`: runs of letters and digits, with inner apostrophes,
/// hyphens and full stops ("won't", "Hans-Henning", "U.S.") kept in the word.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut words = Vec::new();
    let slice = &text[range.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < chars.len() {
            let c = chars[end].1;
            let joins = matches!(c, '\'' | '\u{2019}' | '-' | '.')
                && chars
                    .get(end + 1)
                    .is_some_and(|&(_, d)| d.is_alphanumeric());
            if c.is_alphanumeric() || joins {
                end += 1;
            } else {
                break;
            }
        }
        let from = range.start + chars[start].0;
        let to = range.start + chars.get(end).map_or(slice.len(), |&(o, _)| o);
        let original = &text[from..to];
        words.push(Word {
            range: from..to,
            lower: original.replace('\u{2019}', "'").to_lowercase(),
            capitalized: original.chars().next().is_some_and(char::is_uppercase),
        });
        i = end;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn a_semicolon_before_another_speaker_s_clause_ends_a_sentence() {
        let text = "Ana Vey of Northgate expects a cut; Ivo Marsh of Westbank thinks the bank will hold. Rates rose; prices fell.";
        assert_eq!(
            texts(text),
            vec![
                "Ana Vey of Northgate expects a cut;",
                "Ivo Marsh of Westbank thinks the bank will hold.",
                "Rates rose; prices fell."
            ]
        );
    }

    #[test]
    fn sentences_end_at_stops_not_at_initials_or_abbreviations() {
        let text = "John E. Herbst met Dr. Smith in the U.S. on Jan. 5. Then he left! Why? “It ends.” She agreed.";
        assert_eq!(
            texts(text),
            vec![
                "John E. Herbst met Dr. Smith in the U.S. on Jan. 5.",
                "Then he left!",
                "Why?",
                "“It ends.”",
                "She agreed."
            ]
        );
    }

    #[test]
    fn an_ellipsis_between_quoted_sentences_splits_them() {
        let text = "“Would he go? … The stakes are high.”";
        assert_eq!(texts(text), vec!["“Would he go?", "The stakes are high.”"]);
    }

    #[test]
    fn a_quotation_over_two_sentences_is_one_unit() {
        let text = "“It will rain. Then snow,” Ann said. Next sentence.";
        let s = sentences(text);
        let q = quotations(text);
        assert_eq!(units(&s, &q), vec![0..2, 2..3]);
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_end_of_its_paragraph() {
        let text = "He said: “One.\n“Two.”";
        let q = quotations(text);
        assert!(q[0].open_end);
        assert_eq!(&text[q[1].range.clone()], "“Two.”");
    }
}
