//! The ledger's forecasts as rows of Fatebook's export (`hindsight export --to fatebook`),
//! which Hindsight's own Fatebook reader reads back to the same forecasts. Each ledger
//! question is one Fatebook question (its claim the title); a forecast on no question is a
//! question of its own (its claim). What Fatebook cannot hold is said, not hidden: the
//! ledger keeps days, so times are midnight; Fatebook has no "annulled" or "partly", so
//! those are AMBIGUOUS (neither is scored there or here); the quote and its source go in
//! the question's notes.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fatebook::{Cell, fatebook_time};
use crate::ledger::{ForecastView, Ledger, Verdict};

/// The rows for `entries` (their order kept), skipping forecasts without a probability
/// (an unknown phrase: `check` reports it).
pub fn fatebook_rows(ledger: &Ledger, entries: &[usize]) -> Vec<Vec<Cell>> {
    // A question's rows share its creation time, which is how Fatebook's export (and its
    // reader) groups them: the day of the first forecast on it in the whole ledger.
    let mut first_day: HashMap<(usize, &str), NaiveDate> = HashMap::new();
    for view in ledger.forecasts() {
        if let Some(on) = &view.forecast.question {
            let day = first_day
                .entry((view.entry.file, on.id()))
                .or_insert(view.forecast.made);
            *day = (*day).min(view.forecast.made);
        }
    }
    entries
        .iter()
        .map(|&entry| ledger.view(entry))
        .filter_map(|view| {
            let probability = view.question_probability().or(view.probability())?;
            let (title, created) = match view.question() {
                Some(question) => (
                    question.claim.clone(),
                    first_day
                        .get(&(view.entry.file, question.id.as_str()))
                        .copied()
                        .unwrap_or(view.forecast.made),
                ),
                None => (view.forecast.claim.clone(), view.forecast.made),
            };
            Some(row(&view, title, created, probability))
        })
        .collect()
}

fn row(view: &ForecastView, title: String, created: NaiveDate, probability: f64) -> Vec<Cell> {
    let name = view.author_name().to_string();
    // The question's own verdict (not negated for the opposite side): the probability is
    // the forecast's for the question's claim.
    let resolution = match view.question() {
        Some(question) => question.outcome.resolution(),
        None => view.forecast.outcome.resolution(),
    }
    .filter(|resolution| resolution.on <= view.as_of);
    let (said, on) = match resolution {
        Some(resolution) => (
            Cell::Text(
                match resolution.verdict {
                    Verdict::True => "YES",
                    Verdict::False => "NO",
                    Verdict::Partly | Verdict::Ambiguous | Verdict::Annulled => "AMBIGUOUS",
                }
                .to_string(),
            ),
            Cell::Bare(fatebook_time(resolution.on)),
        ),
        None => (Cell::Empty, Cell::Empty),
    };
    let mut notes = match view.source {
        Some(source) => format!(
            "{} ({}, {}, {})",
            view.forecast.quote,
            view.author_name(),
            source.outlet,
            source.published
        ),
        None => format!("{} ({})", view.forecast.quote, view.author_name()),
    };
    if let Some(condition) = &view.forecast.condition {
        notes.push_str(&format!("\nOnly if: {condition}"));
    }
    let tags: Vec<&str> = view.tags().collect();
    vec![
        Cell::Text(title),
        Cell::Empty,
        Cell::Text(name.clone()),
        Cell::Bare(probability.to_string()),
        Cell::Bare(fatebook_time(view.forecast.made)),
        Cell::Text(name),
        Cell::Bare(fatebook_time(created)),
        Cell::Bare(fatebook_time(view.forecast.resolve_by.date())),
        said,
        on,
        Cell::Empty,
        Cell::Empty,
        Cell::Text(notes),
        Cell::Text(String::new()),
        Cell::Bare("false".to_string()),
        Cell::Text(String::new()),
        Cell::Text(tags.join("; ")),
    ]
}
