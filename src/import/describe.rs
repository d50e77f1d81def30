//! What an import would add, in words: the same lines for the command line's preview and
//! the app's, so that both say the same thing before anything is written.

use super::plan::Plan;
use super::track::Track;
use crate::ledger::Ledger;
use crate::prose::plural;

/// The preview's lines: what is added and where ("from Fatebook: 4 forecasts, … into …",
/// for the caller to begin with its verb), what is already there, the counts by forecaster
/// and by verdict, and what is skipped and why.
pub fn describe(ledger: &Ledger, track: &Track, plan: &Plan) -> Vec<String> {
    let mut lines = vec![format!(
        "from {}: {} forecast{}, {} question{}, {} source{}, {} new {} into {} ({})",
        track.platform.name(),
        plan.forecasts.len(),
        plural(plan.forecasts.len()),
        plan.questions.len(),
        plural(plan.questions.len()),
        plan.sources.len(),
        plural(plan.sources.len()),
        plan.people.len(),
        if plan.people.len() == 1 {
            "person"
        } else {
            "people"
        },
        plan.path.display(),
        if plan.creates_scenario {
            "a new scenario"
        } else {
            "an existing scenario"
        },
    )];
    if plan.already > 0 {
        lines.push(format!(
            "{} forecast{} of the file {} already in the ledger: left as {}",
            plan.already,
            plural(plan.already),
            if plan.already == 1 { "is" } else { "are" },
            if plan.already == 1 {
                "it is"
            } else {
                "they are"
            },
        ));
    }
    let counts = |pairs: Vec<(String, usize)>| {
        pairs
            .into_iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !plan.forecasts.is_empty() {
        lines.push(format!(
            "by forecaster: {}",
            counts(plan.by_forecaster(ledger).into_iter().collect())
        ));
        lines.push(format!(
            "by verdict: {}",
            counts(
                plan.by_verdict()
                    .into_iter()
                    .map(|(verdict, n)| (verdict.to_string(), n))
                    .collect()
            )
        ));
    }
    for skipped in &plan.skipped {
        lines.push(format!("skipped: {} × {}", skipped.count, skipped.why));
    }
    lines
}
