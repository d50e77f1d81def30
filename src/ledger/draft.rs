//! Forms: what a user typed to add or edit a forecast, source, scenario or person, checked
//! field by field before anything is written, so the app can show each problem next to
//! its field and save nothing invalid. The same rules as `check`, applied to one record.

use serde::{Deserialize, Serialize};

use super::{Forecast, Ledger, Outcome, Person, Scenario, Source};
use crate::estimative::PhraseTable;

/// A problem with one field of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's name as in the file format ("claim", "resolve_by", …).
    pub field: &'static str,
    pub message: String,
}

/// The forecast form, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ForecastDraft {
    pub id: String,
    /// Person id, name or alias.
    pub by: String,
    /// Source id in the chosen scenario file.
    pub source: String,
    /// YYYY-MM-DD.
    pub made: String,
    pub quote: String,
    pub claim: String,
    pub expression: String,
    /// Empty, or a number in [0, 1] (a trailing % is accepted: "70%").
    pub probability: String,
    pub condition: String,
    /// YYYY-MM-DD.
    pub resolve_by: String,
    pub resolve_by_stated: bool,
    /// Comma-separated.
    pub tags: String,
}

impl ForecastDraft {
    /// The form filled in from an existing forecast, for editing.
    pub fn from_forecast(forecast: &Forecast) -> ForecastDraft {
        let _ = forecast;
        todo!()
    }
}

/// Checks a forecast form for the scenario file `file` (index into [`Ledger::files`]).
/// `editing` is the id of the forecast being edited (its own id is not a duplicate);
/// `outcome` is kept as is (a form never changes the outcome).
pub fn check_forecast(
    ledger: &Ledger,
    file: usize,
    draft: &ForecastDraft,
    editing: Option<&str>,
    outcome: Outcome,
) -> Result<Forecast, Vec<FieldProblem>> {
    let _ = (ledger, file, draft, editing, outcome);
    todo!()
}

/// A readable, unused forecast id from the forecaster and the claim
/// ("barbashin-csto-troops-leave-within-weeks").
pub fn suggest_forecast_id(ledger: &Ledger, by: &str, claim: &str) -> String {
    let _ = (ledger, by, claim);
    todo!()
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

pub fn preview_probability(
    phrases: &PhraseTable,
    expression: &str,
    probability: &str,
) -> ProbabilityPreview {
    let _ = (phrases, expression, probability);
    todo!()
}

/// The source form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceDraft {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub author: String,
    pub published: String,
    pub url: String,
    pub seed: String,
}

/// Checks a source form for the scenario file `file`.
pub fn check_source(
    ledger: &Ledger,
    file: usize,
    draft: &SourceDraft,
) -> Result<Source, Vec<FieldProblem>> {
    let _ = (ledger, file, draft);
    todo!()
}

/// The new-scenario form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScenarioDraft {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Comma-separated.
    pub tags: String,
}

/// Checks a new scenario (no sources or forecasts yet); its id must be unused and usable
/// as a file name.
pub fn check_scenario(
    ledger: &Ledger,
    draft: &ScenarioDraft,
) -> Result<Scenario, Vec<FieldProblem>> {
    let _ = (ledger, draft);
    todo!()
}

/// The new-person form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonDraft {
    pub id: String,
    pub name: String,
    /// Comma-separated.
    pub aliases: String,
    pub affiliation: String,
}

/// Checks a new person: id, name and aliases must not name anyone already in the registry,
/// and a near-duplicate of an existing name is refused with a hint to add an alias instead.
pub fn check_person(ledger: &Ledger, draft: &PersonDraft) -> Result<Person, Vec<FieldProblem>> {
    let _ = (ledger, draft);
    todo!()
}

/// People whose id, name or alias starts with or contains `typed` (case-insensitive),
/// best matches first, for autocomplete.
pub fn people_matching<'a>(ledger: &'a Ledger, typed: &str, limit: usize) -> Vec<&'a Person> {
    let _ = (ledger, typed, limit);
    todo!()
}
