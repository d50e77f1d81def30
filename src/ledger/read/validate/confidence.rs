//! The confidence rules of a forecast: its hedge words, baseline and explicit probability
//! decide the figure it is scored with, or the problem that stops it from having one.
//! `check`, the forms and the form's live preview all ask here.

use crate::estimative::PhraseTable;
use crate::ledger::model::{EffectiveProbability, Forecast, ProbabilityOrigin};

/// What is wrong with a forecast's confidence fields, and which field says so.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ConfidenceProblem {
    OutOfRange(f64),
    /// Neither an expression nor a probability.
    Neither,
    /// An expression the phrase table does not know, with no probability to fall back on.
    UnknownPhrase(String),
    /// A baseline the phrase table does not know.
    UnknownBaseline(String),
}

impl ConfidenceProblem {
    /// The field the problem is about; `None` when it is about the forecast as a whole.
    pub(crate) fn field(&self) -> Option<&'static str> {
        match self {
            ConfidenceProblem::OutOfRange(_) => Some("probability"),
            ConfidenceProblem::Neither => None,
            ConfidenceProblem::UnknownPhrase(_) => Some("expression"),
            ConfidenceProblem::UnknownBaseline(_) => Some("baseline"),
        }
    }

    pub(crate) fn message(&self) -> String {
        match self {
            ConfidenceProblem::OutOfRange(value) => {
                format!("probability {value} is outside [0, 1]")
            }
            ConfidenceProblem::Neither => "no `expression` or `probability`: a forecast needs the hedge words as said, an explicit probability, or both".to_string(),
            ConfidenceProblem::UnknownPhrase(message)
            | ConfidenceProblem::UnknownBaseline(message) => message.clone(),
        }
    }
}

/// A forecast's confidence fields as written: the hedge words, the level a comparative
/// moves from, and an explicit probability.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Confidence<'a> {
    pub expression: Option<&'a str>,
    pub baseline: Option<&'a str>,
    pub probability: Option<f64>,
}

impl<'a> Confidence<'a> {
    pub(crate) fn of(forecast: &'a Forecast) -> Confidence<'a> {
        Confidence {
            expression: forecast.expression.as_deref(),
            baseline: forecast.baseline.as_deref(),
            probability: forecast.probability,
        }
    }

    fn expression(&self) -> Option<&'a str> {
        self.expression.filter(|e| !e.trim().is_empty())
    }

    fn baseline(&self) -> Option<&'a str> {
        self.baseline.filter(|b| !b.trim().is_empty())
    }
}

/// The probability a forecast is scored with: an explicit probability wins, else the
/// expression through the phrase table. A comparative expression with a baseline is
/// measured from the baseline's row ([`crate::estimative::from_baseline`]).
pub(crate) fn effective_probability(
    phrases: &PhraseTable,
    confidence: Confidence,
) -> Result<EffectiveProbability, ConfidenceProblem> {
    if let Some(value) = confidence.probability
        && !is_probability(value)
    {
        return Err(ConfidenceProblem::OutOfRange(value));
    }
    // A baseline names a row of the table, like `source` names a source: a typo in it is
    // an error even where it would have no effect.
    let baseline = match confidence.baseline() {
        Some(baseline) => Some(phrases.lookup(baseline).ok_or_else(|| {
            ConfidenceProblem::UnknownBaseline(phrases.unknown_baseline_message(baseline))
        })?),
        None => None,
    };
    if let Some(value) = confidence.probability {
        return Ok(EffectiveProbability {
            value,
            origin: ProbabilityOrigin::Explicit,
        });
    }
    let expression = confidence.expression().ok_or(ConfidenceProblem::Neither)?;
    let Some(entry) = phrases.lookup(expression) else {
        return Err(ConfidenceProblem::UnknownPhrase(
            phrases.unknown_phrase_message(expression),
        ));
    };
    let phrase = &entry.phrase;
    let moved = baseline.and_then(|base| {
        crate::estimative::from_baseline(phrase, &base.phrase).map(|moved| (base, moved))
    });
    let (value, range, baseline) = match moved {
        Some((base, moved)) => (
            moved.probability,
            moved.range,
            Some((base.phrase.phrase.clone(), base.phrase.probability)),
        ),
        None => (phrase.probability, phrase.range, None),
    };
    Ok(EffectiveProbability {
        value,
        origin: ProbabilityOrigin::Phrase {
            phrase: phrase.phrase.clone(),
            range,
            source: phrase.source.clone(),
            table: entry.origin,
            baseline,
        },
    })
}

/// Why a forecast's baseline has no effect, if it has none: a warning, since the figure
/// scored is then not the one its writer meant. Only a known comparative expression without
/// an explicit probability uses a baseline.
pub(crate) fn unused_baseline(phrases: &PhraseTable, confidence: Confidence) -> Option<String> {
    let baseline = confidence.baseline()?;
    if confidence.probability.is_some() {
        return Some(format!(
            "baseline '{baseline}' has no effect: the explicit probability is scored"
        ));
    }
    let expression = confidence.expression()?;
    let entry = phrases.lookup(expression)?;
    if crate::estimative::Comparative::of(&entry.phrase.phrase).is_some() {
        return None;
    }
    Some(format!(
        "baseline '{baseline}' has no effect: '{expression}' is not a comparative (only \"more likely\", \"even less likely\" and the like are measured from a baseline)"
    ))
}

pub(super) fn is_probability(value: f64) -> bool {
    (0.0..=1.0).contains(&value)
}
