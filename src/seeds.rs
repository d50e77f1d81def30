//! Quotes in context: finding a forecast's quote in its source's seed text, so a reader can
//! see the paragraph it came from (and a test can prove every quote is verbatim).
//! Matching ignores only differences of whitespace and quote marks (’ vs ', “ vs ").

use std::ops::Range;

use crate::ledger::{ForecastView, Ledger};

/// The paragraph of the seed text that holds a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteContext {
    /// The paragraph as it is in the seed file (lines between blank lines, or the line).
    pub paragraph: String,
    /// Where the quote is in `paragraph` (bytes); `None` when the quote was not found.
    pub quote: Option<Range<usize>>,
}

/// Where `quote` occurs in `text` (bytes of `text`), comparing with whitespace runs
/// collapsed and typographic quote marks straightened.
pub fn find_quote(text: &str, quote: &str) -> Option<Range<usize>> {
    let _ = (text, quote);
    todo!()
}

/// The paragraph around `range` in `text`.
pub fn paragraph_around(text: &str, range: Range<usize>) -> (Range<usize>, &str) {
    let _ = (text, range);
    todo!()
}

/// The quote of a forecast in its seed text: reads the source's seed file.
pub fn quote_context(ledger: &Ledger, view: &ForecastView) -> Result<QuoteContext, String> {
    let _ = (ledger, view);
    todo!()
}
