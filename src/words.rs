//! Words on trial. Most forecasts are hedge words, scored through the phrase table; this
//! module asks what the words turned out to mean and how much the scores lean on the
//! table:
//!
//! - [`phrase_calibration`]: for each phrase, how often forecasts hedged with it came true
//!   (with a Wilson interval) against the probability the table assumes;
//! - [`readings`]: the scores again with every phrase read at the low and at the high end
//!   of its published range, and the best and worst reading per forecast;
//! - [`explain`]: one forecast's score in words, from the phrase to the call.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::estimative::{PhraseOrigin, normalize_phrase};
use crate::ledger::{Call, ForecastView, Ledger, ProbabilityOrigin, Verdict};
use crate::score::{self, SMALL_SAMPLE, ScoredForecast};

/// One phrase's record: what the table says it means and what happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhraseRecord {
    /// The phrase as the table has it.
    pub phrase: String,
    /// The table's probability and published range.
    pub probability: f64,
    pub range: Option<(f64, f64)>,
    /// Where the table's figure comes from.
    pub source: String,
    /// "built-in" or "folder" (the scenarios folder's phrases.ron).
    pub table: &'static str,
    /// Forecasts hedged with it, resolved or not.
    pub forecasts: usize,
    /// Of them, resolved true or false.
    pub scored: usize,
    /// Of the scored, how many came true.
    pub happened: usize,
    /// happened / scored; `None` when nothing is scored.
    pub frequency: Option<f64>,
    /// 95% Wilson interval of the frequency.
    pub frequency_ci: Option<(f64, f64)>,
    /// The forecasts behind the record (entry indices), so a chart can name them.
    #[serde(skip)]
    pub entries: Vec<usize>,
    pub small_sample: bool,
}

/// The phrase a forecast's probability comes from, with its table row.
fn phrase_of<'a>(view: &ForecastView<'a>) -> Option<(&'a str, &'a ProbabilityOrigin)> {
    let origin = &view.entry.probability.as_ref()?.origin;
    match origin {
        ProbabilityOrigin::Phrase { phrase, .. } => Some((phrase.as_str(), origin)),
        ProbabilityOrigin::Explicit => None,
    }
}

/// Every phrase used in these forecasts, lowest table probability first (ties by phrase).
pub fn phrase_calibration(ledger: &Ledger, entries: &[usize]) -> Vec<PhraseRecord> {
    let mut records: BTreeMap<String, PhraseRecord> = BTreeMap::new();
    for &entry in entries {
        let view = ledger.view(entry);
        let Some((phrase, origin)) = phrase_of(&view) else {
            continue;
        };
        let ProbabilityOrigin::Phrase {
            range,
            source,
            table,
            baseline,
            ..
        } = origin
        else {
            continue;
        };
        // A comparative measured from a baseline ("even more likely than 'likely'") is
        // scored at another figure than the bare phrase: a row of its own.
        let (key, label) = match baseline {
            Some((baseline, _)) => (
                format!(
                    "{}\u{0}{}",
                    normalize_phrase(phrase),
                    normalize_phrase(baseline)
                ),
                format!("{phrase} (than “{baseline}”)"),
            ),
            None => (normalize_phrase(phrase), phrase.to_string()),
        };
        let record = records.entry(key).or_insert_with(|| PhraseRecord {
            phrase: label,
            probability: view.probability().unwrap_or(f64::NAN),
            range: *range,
            source: source.clone(),
            table: match table {
                PhraseOrigin::BuiltIn => "built-in",
                PhraseOrigin::Folder => "folder",
            },
            forecasts: 0,
            scored: 0,
            happened: 0,
            frequency: None,
            frequency_ci: None,
            entries: Vec::new(),
            small_sample: true,
        });
        record.forecasts += 1;
        if let Some(happened) = view.verdict().and_then(Verdict::scored_as) {
            record.scored += 1;
            record.happened += usize::from(happened);
            record.entries.push(entry);
        }
    }
    let mut records: Vec<PhraseRecord> = records
        .into_values()
        .map(|mut record| {
            record.frequency =
                (record.scored > 0).then(|| record.happened as f64 / record.scored as f64);
            record.frequency_ci = score::wilson_interval(record.happened, record.scored);
            record.small_sample = record.scored < SMALL_SAMPLE;
            record
        })
        .collect();
    records.sort_by(|a, b| {
        a.probability
            .total_cmp(&b.probability)
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    records
}

/// The probability a forecast is scored with at each reading of its phrase: the low end
/// of the phrase's range, the table's value, the high end. An explicit probability, or a
/// phrase without a range, reads the same three times.
fn three_readings(view: &ForecastView) -> Option<[f64; 3]> {
    let p = view.probability()?;
    Some(match view.entry.probability.as_ref().map(|e| &e.origin) {
        Some(ProbabilityOrigin::Phrase {
            range: Some((low, high)),
            ..
        }) => [*low, p, *high],
        _ => [p, p, p],
    })
}

/// A set of forecasts scored at each reading of the phrase table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Readings {
    /// Every phrase read at the low end of its range.
    pub brier_low: Option<f64>,
    pub brier_table: Option<f64>,
    /// Every phrase read at the high end of its range.
    pub brier_high: Option<f64>,
    /// The best and worst Brier score the ranges allow: each forecast read at whichever
    /// end of its phrase's range scores it best (worst).
    pub brier_phrase_range: Option<(f64, f64)>,
}

/// The scores of these forecasts at each reading of the phrase table.
pub fn readings(ledger: &Ledger, entries: &[usize]) -> Readings {
    let mut at: [Vec<ScoredForecast>; 3] = Default::default();
    let (mut best, mut worst, mut n) = (0.0, 0.0, 0usize);
    for &entry in entries {
        let view = ledger.view(entry);
        let Some(happened) = view.verdict().and_then(Verdict::scored_as) else {
            continue;
        };
        let Some(probabilities) = three_readings(&view) else {
            continue;
        };
        let outcome = if happened { 1.0 } else { 0.0 };
        let errors = probabilities.map(|p: f64| (p - outcome) * (p - outcome));
        for (reading, probability) in at.iter_mut().zip(probabilities) {
            reading.push(ScoredForecast::new(probability, happened));
        }
        best += errors.iter().copied().fold(f64::INFINITY, f64::min);
        worst += errors.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        n += 1;
    }
    let [low, table, high] = at.map(|scored| score::brier_score(&scored));
    Readings {
        brier_low: low,
        brier_table: table,
        brier_high: high,
        brier_phrase_range: (n > 0).then(|| (best / n as f64, worst / n as f64)),
    }
}

/// Ranks (1 = best Brier) of scores; `None` for a group with no score. Ties share a rank;
/// scores that differ only by rounding (0.1² against 0.9 − 1, squared) are ties.
pub fn ranks(scores: &[Option<f64>]) -> Vec<Option<usize>> {
    const SAME: f64 = 1e-12;
    scores
        .iter()
        .map(|score| {
            let score = (*score)?;
            Some(
                1 + scores
                    .iter()
                    .flatten()
                    .filter(|other| **other < score - SAME)
                    .count(),
            )
        })
        .collect()
}

/// One forecast's score in words: "“virtually impossible” → 2% (built-in table; ICD 203
/// 'almost no chance', 1–5%) · did not happen · Brier 0.0004 · log score 0.02 · called it",
/// with `arrow` for the → (the app's fonts draw another).
pub fn explain(view: &ForecastView, arrow: &str) -> String {
    let mut parts = Vec::new();
    let probability = view.probability();
    match (&view.entry.probability, probability) {
        (Some(effective), Some(p)) => match &effective.origin {
            ProbabilityOrigin::Explicit => parts.push(format!("stated {}", percent(p))),
            ProbabilityOrigin::Phrase {
                phrase,
                range,
                source,
                table,
                baseline,
            } => {
                let table = match table {
                    PhraseOrigin::BuiltIn => "built-in table",
                    PhraseOrigin::Folder => "this folder's phrases.ron",
                };
                let range = range
                    .map(|(low, high)| format!(", {}–{}", percent_number(low), percent(high)))
                    .unwrap_or_default();
                let from = baseline
                    .as_ref()
                    .map(|(baseline, at)| format!(" than “{baseline}” ({})", percent(*at)))
                    .unwrap_or_default();
                parts.push(format!(
                    "“{phrase}”{from} {arrow} {} ({table}; {source}{range})",
                    percent(p)
                ));
            }
        },
        _ => parts.push("no probability".to_string()),
    }
    let verdict = view.verdict();
    parts.push(
        match verdict {
            None => "open",
            Some(Verdict::True) => "happened",
            Some(Verdict::False) => "did not happen",
            Some(Verdict::Partly) => "partly happened (not scored)",
            Some(Verdict::Ambiguous) => "ambiguous (not scored)",
            Some(Verdict::Annulled) => "annulled (not scored)",
        }
        .to_string(),
    );
    if let (Some(p), Some(happened)) = (probability, verdict.and_then(Verdict::scored_as)) {
        let scored = [ScoredForecast::new(p, happened)];
        if let Some(brier) = score::brier_score(&scored) {
            parts.push(format!("Brier {}", short_number(brier, 4)));
        }
        if let Some(log) = score::log_score(&scored) {
            parts.push(format!("log score {}", short_number(log, 2)));
        }
    }
    if let Some(call) = view.call().filter(|call| *call != Call::NotScored) {
        parts.push(call.label().to_string());
    }
    parts.join(" · ")
}

/// "2%", "0.5%", "70%".
fn percent(p: f64) -> String {
    format!("{}%", percent_number(p))
}

fn percent_number(p: f64) -> String {
    short_number(p * 100.0, 1)
}

/// At most `decimals` decimals, trailing zeros dropped: 0.0004, 0.25, 2.
fn short_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties_and_skip_the_unscored() {
        let ranks = ranks(&[Some(0.2), None, Some(0.1), Some(0.2)]);
        assert_eq!(ranks, [Some(2), None, Some(1), Some(2)]);
    }

    #[test]
    fn short_numbers_drop_trailing_zeros() {
        assert_eq!(short_number(0.0004, 4), "0.0004");
        assert_eq!(short_number(0.25, 4), "0.25");
        assert_eq!(short_number(2.0, 1), "2");
        assert_eq!(short_number(0.0202, 2), "0.02");
    }
}
