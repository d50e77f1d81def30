//! Quotes in context: finding a forecast's quote in its source's seed text, so a reader can
//! see the paragraph it came from (and a test can prove every quote is verbatim).
//! Matching ignores only whitespace, quote marks (’ vs ', “ vs ") and dashes (-- vs —).

use std::ops::Range;

use crate::ledger::{ForecastView, Ledger, read_bytes, resolve_seed};

/// The paragraph of the seed text that holds a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteContext {
    /// The paragraph as it is in the seed file (lines between blank lines, or the line).
    pub paragraph: String,
    /// Where the quote is in `paragraph` (bytes); `None` when the quote was not found.
    pub quote: Option<Range<usize>>,
    /// The paragraphs just before and after it, for a little more context (articles often
    /// put one sentence per line).
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A text as compared: one character per unit, each with the bytes of the original it
/// stands for, so a match maps back to a range of the original on character boundaries.
fn comparable(text: &str) -> Vec<(char, Range<usize>)> {
    let mut units: Vec<(char, Range<usize>)> = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let unit = if c.is_whitespace() {
            while let Some(&(next, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = next + d.len_utf8();
                chars.next();
            }
            ' '
        } else if c == '-' && chars.peek().is_some_and(|&(_, d)| d == '-') {
            // RFE/RL's text (seed 002) writes a dash as "--" where a quote copied from the
            // web page, or typed, has "—".
            chars.next();
            end += 1;
            '—'
        } else {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
                c => c,
            }
        };
        units.push((unit, start..end));
    }
    units
}

/// Where `quote` occurs in `text` (bytes of `text`), comparing with whitespace runs
/// collapsed and typographic quote marks straightened.
pub fn find_quote(text: &str, quote: &str) -> Option<Range<usize>> {
    let wanted: Vec<char> = comparable(quote.trim()).into_iter().map(|u| u.0).collect();
    if wanted.is_empty() {
        return None;
    }
    let units = comparable(text);
    let start = units.windows(wanted.len()).position(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|((unit, _), wanted)| unit == wanted)
    })?;
    Some(units[start].1.start..units[start + wanted.len() - 1].1.end)
}

/// A line longer than this was not wrapped by hand: such files hold one paragraph per line
/// even where no blank line separates them (seed 004 has three such lines in a row).
const WRAPPED_LINE: usize = 100;

/// The paragraph around `range` in `text`.
pub fn paragraph_around(text: &str, range: Range<usize>) -> (Range<usize>, &str) {
    // Each line without its line ending.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push(start..start + content.len());
        start += line.len();
    }
    if lines.is_empty() {
        return (0..0, "");
    }
    let line_of = |offset: usize| {
        lines
            .partition_point(|line| line.end < offset)
            .min(lines.len() - 1)
    };
    let first = line_of(range.start.min(text.len()));
    let last = line_of(range.end.max(range.start + 1).min(text.len()) - 1).max(first);
    let blank = |i: usize| text[lines[i].clone()].trim().is_empty();

    let (mut top, mut bottom) = (first, last);
    if (0..lines.len()).any(blank) {
        while top > 0 && !blank(top - 1) {
            top -= 1;
        }
        while bottom + 1 < lines.len() && !blank(bottom + 1) {
            bottom += 1;
        }
        let wrapped = (top..bottom).all(|i| text[lines[i].clone()].chars().count() <= WRAPPED_LINE);
        if !wrapped {
            (top, bottom) = (first, last);
        }
    }
    let paragraph = lines[top].start..lines[bottom].end;
    (paragraph.clone(), &text[paragraph])
}

/// The quote of a forecast in its seed text: reads the source's seed file.
pub fn quote_context(ledger: &Ledger, view: &ForecastView) -> Result<QuoteContext, String> {
    let forecast = view.forecast;
    let source = view.source.ok_or_else(|| {
        format!(
            "forecast '{}' has no source: '{}' is not a source of its scenario file",
            forecast.id, forecast.source
        )
    })?;
    let seed = source.seed.as_deref().ok_or_else(|| {
        format!(
            "source '{}' has no seed text (its `seed:` names the article's text file)",
            source.id
        )
    })?;
    let path = resolve_seed(&ledger.project_root, seed).map_err(|problem| problem.message())?;
    // Read as the loader reads scenario files: a FIFO or a huge file under seeds/ must not
    // hang the app.
    let bytes =
        read_bytes(&path).map_err(|problem| format!("{}: {}", path.display(), problem.message))?;
    let text = String::from_utf8_lossy(&bytes);
    let found = find_quote(&text, &forecast.quote)
        .ok_or_else(|| format!("quote not found verbatim in {}", path.display()))?;
    let (paragraph, paragraph_text) = paragraph_around(&text, found.clone());
    Ok(QuoteContext {
        paragraph: paragraph_text.to_string(),
        quote: Some(found.start - paragraph.start..found.end - paragraph.start),
        before: paragraph_before(&text, paragraph.start),
        after: paragraph_after(&text, paragraph.end),
    })
}

/// The paragraph ending before byte `start`, if any.
fn paragraph_before(text: &str, start: usize) -> Option<String> {
    let head = text[..start].trim_end();
    let (last, c) = head.char_indices().last()?;
    let (_, paragraph) = paragraph_around(text, last..last + c.len_utf8());
    Some(paragraph.trim().to_string()).filter(|p| !p.is_empty())
}

/// The paragraph starting after byte `end`, if any.
fn paragraph_after(text: &str, end: usize) -> Option<String> {
    let tail = &text[end..];
    let first = end + (tail.len() - tail.trim_start().len());
    let c = text[first..].chars().next()?;
    let (_, paragraph) = paragraph_around(text, first..first + c.len_utf8());
    Some(paragraph.trim().to_string()).filter(|p| !p.is_empty())
}
