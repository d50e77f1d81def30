//! The forecast form's confidence fields: the probability as typed (a number or a
//! percentage) and a preview, shown while typing, of the figure the forecast will be
//! scored with and where it comes from.

use crate::estimative::{PhraseOrigin, PhraseTable};
use crate::ledger::read::validate::{
    Confidence, ConfidenceProblem, effective_probability, unused_baseline,
};
use crate::ledger::{PHRASES_FILE, ProbabilityOrigin};

/// The probability field: empty, a number in [0, 1] or a percentage. The range itself is
/// checked with the rest of the confidence rules, as `check` does.
pub(super) fn parse_probability(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (number, percent) = match text.strip_suffix('%') {
        Some(number) => (number.trim_end(), true),
        None => (text, false),
    };
    let invalid = || {
        let hint = if number.contains(',') {
            " (use a decimal point: 0.7)"
        } else {
            ""
        };
        format!(
            "'{text}' is not a probability: write a number between 0 and 1, or a percentage like 70%{hint}"
        )
    };
    let value: f64 = number.parse().map_err(|_| invalid())?;
    if !percent {
        return Ok(Some(value));
    }
    // Shifting the decimal point in the text rather than dividing by 100 keeps "35%" the
    // same double as "0.35", so the file says 0.35 and not 0.35000000000000003.
    let shifted = if number.contains(['e', 'E']) {
        value / 100.0
    } else {
        format!("{number}e-2").parse().map_err(|_| invalid())?
    };
    Ok(Some(shifted))
}

/// What a form's confidence fields will be scored as, shown while typing.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbabilityPreview {
    /// The effective probability, when there is one.
    pub value: Option<f64>,
    /// Where it comes from or what is wrong ("phrase table: Mauboussin 2018 median 70% (IQR
    /// 60-75)", "explicit probability", "unknown phrase; closest: …").
    pub explanation: String,
    /// The phrase's range, when it maps through the table.
    pub range: Option<(f64, f64)>,
}

/// A typed probability that is not a number shows as a problem rather than falling back
/// to the phrase: the form would refuse it, so the phrase's value is not what is scored. A
/// comparative measured from a baseline says how ("even more likely than 'likely' (70%) ➡
/// 79%"), and a baseline that changes nothing says so, as `check` warns.
pub fn preview_probability(
    phrases: &PhraseTable,
    expression: &str,
    baseline: &str,
    probability: &str,
) -> ProbabilityPreview {
    let problem = |explanation: String| ProbabilityPreview {
        value: None,
        explanation,
        range: None,
    };
    let probability = match parse_probability(probability) {
        Ok(probability) => probability,
        Err(message) => return problem(message),
    };
    let confidence = Confidence {
        expression: Some(expression),
        baseline: Some(baseline),
        probability,
    };
    let mut preview = match effective_probability(phrases, confidence) {
        Ok(effective) => {
            let worked = effective.baseline_explanation();
            match effective.origin {
                ProbabilityOrigin::Explicit => ProbabilityPreview {
                    value: Some(effective.value),
                    explanation: "explicit probability".to_string(),
                    range: None,
                },
                ProbabilityOrigin::Phrase {
                    phrase,
                    range,
                    source,
                    table,
                    ..
                } => {
                    let from_table = phrase_explanation(&phrase, &source, table);
                    ProbabilityPreview {
                        value: Some(effective.value),
                        explanation: match worked {
                            Some(worked) => format!("{worked}; {from_table}"),
                            None => from_table,
                        },
                        range,
                    }
                }
            }
        }
        Err(ConfidenceProblem::Neither) => {
            return problem(
                "no expression or probability: give the hedge words as said, a probability, or both"
                    .to_string(),
            );
        }
        Err(other) => return problem(other.message()),
    };
    if let Some(unused) = unused_baseline(phrases, confidence) {
        preview.explanation.push_str(&format!("; {unused}"));
    }
    preview
}

fn phrase_explanation(phrase: &str, source: &str, table: PhraseOrigin) -> String {
    match table {
        PhraseOrigin::BuiltIn => format!("phrase table: {source}"),
        PhraseOrigin::Folder => match PhraseTable::built_in_probability(phrase) {
            Some(built_in) => format!(
                "this folder's {PHRASES_FILE}: {source} (overrides the built-in {built_in})"
            ),
            None => format!("this folder's {PHRASES_FILE}: {source}"),
        },
    }
}
