//! The forecast form: one forecast as typed, checked field by field with the rules `check`
//! applies (a unique id, a known forecaster and source, a figure to score, dates in order),
//! so that adding or editing one never writes what the next load would refuse.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::{FieldProblem, Problems, not_loaded, optional, split_list};
use super::probability::parse_probability;
use crate::ledger::people::name_key;
use crate::ledger::read::validate::{
    Confidence, all_names, duplicate_forecast_id, effective_probability, id_problem,
    resolution_problem, resolve_by_problem, unknown_person, unknown_source,
};
use crate::ledger::{Forecast, Ledger, OnQuestion, Outcome, Person, ResolveBy, id_change_problem};

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
    /// Empty, or the phrase a comparative expression moves from ("likely").
    #[serde(default)]
    pub baseline: String,
    /// Empty, or a number in [0, 1] (a trailing % is accepted: "70%").
    pub probability: String,
    pub condition: String,
    /// YYYY-MM-DD.
    pub resolve_by: String,
    pub resolve_by_stated: bool,
    /// Comma-separated.
    pub tags: String,
    /// The question the forecast answers, kept as it is when the forecast is edited.
    #[serde(default)]
    pub question: Option<OnQuestion>,
}

impl ForecastDraft {
    /// The source chosen changed from one published on `before` to one published on
    /// `after`: *Made* follows it while it holds the earlier source's date (or nothing),
    /// since a quote is most often dated by its article; a date the user typed stays.
    pub fn follow_source(&mut self, before: Option<NaiveDate>, after: Option<NaiveDate>) {
        let untouched = self.made.trim().is_empty()
            || before.is_some_and(|before| self.made.trim() == before.to_string());
        if untouched && let Some(after) = after {
            self.made = after.to_string();
        }
    }

    /// The form filled in from an existing forecast, for editing.
    pub fn from_forecast(forecast: &Forecast) -> ForecastDraft {
        ForecastDraft {
            id: forecast.id.clone(),
            by: forecast.by.clone(),
            source: forecast.source.clone(),
            made: forecast.made.to_string(),
            quote: forecast.quote.clone(),
            claim: forecast.claim.clone(),
            expression: forecast.expression.clone().unwrap_or_default(),
            baseline: forecast.baseline.clone().unwrap_or_default(),
            // Display gives the shortest text that reads back as the same number ("0.35").
            probability: forecast
                .probability
                .map(|p| p.to_string())
                .unwrap_or_default(),
            condition: forecast.condition.clone().unwrap_or_default(),
            resolve_by: forecast.resolve_by.date().to_string(),
            resolve_by_stated: forecast.resolve_by.is_stated(),
            tags: forecast.tags.join(", "),
            question: forecast.question.clone(),
        }
    }
}

/// Checks a forecast form for the scenario file at `file` (a path, which survives a
/// reload, as an index into [`Ledger::files`] does not). `editing` is the id of the
/// forecast being edited (its own id is not a duplicate); `outcome` is kept as is (a form
/// never changes the outcome).
pub fn check_forecast(
    ledger: &Ledger,
    file: &Path,
    draft: &ForecastDraft,
    editing: Option<&str>,
    outcome: Outcome,
) -> Result<Forecast, Vec<FieldProblem>> {
    check_forecast_with(ledger, file, draft, editing, outcome, Pending::default())
}

/// A person and a source that will be written with the forecast (accepting an article's
/// candidate adds them together): the forecast may name them though the folder does not
/// hold them yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pending<'a> {
    pub person: Option<&'a Person>,
    pub source: Option<&'a str>,
}

/// [`check_forecast`], with `pending` counted as in the folder.
pub fn check_forecast_with(
    ledger: &Ledger,
    file: &Path,
    draft: &ForecastDraft,
    editing: Option<&str>,
    outcome: Outcome,
    pending: Pending,
) -> Result<Forecast, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    forecast_texts(&mut problems, draft);
    let id = forecast_id(&mut problems, ledger, &draft.id, editing);
    let by = forecaster(&mut problems, ledger, &draft.by, pending.person);
    let source = cited_source(&mut problems, ledger, file, &draft.source, pending.source);
    let made = problems.date("made", "the date it was made", &draft.made);
    let quote = problems.required("quote", "the quote", &draft.quote);
    let claim = problems.required("claim", "the claim", &draft.claim);
    let expression = optional(&draft.expression);
    let baseline = optional(&draft.baseline);
    let probability = confidence(
        &mut problems,
        ledger,
        expression.as_deref(),
        baseline.as_deref(),
        &draft.probability,
    );
    let resolve_by = problems.date("resolve_by", "the resolve-by date", &draft.resolve_by);
    date_order(&mut problems, made, resolve_by, &outcome);

    problems.finish(|| Forecast {
        id: id.to_string(),
        by: by.to_string(),
        source: source.to_string(),
        made: made.expect("checked"),
        quote: quote.to_string(),
        claim: claim.to_string(),
        expression,
        baseline,
        probability,
        condition: optional(&draft.condition),
        resolve_by: {
            let date = resolve_by.expect("checked");
            if draft.resolve_by_stated {
                ResolveBy::Stated(date)
            } else {
                ResolveBy::Default(date)
            }
        },
        tags: split_list(&draft.tags),
        question: draft.question.clone(),
        outcome,
    })
}

/// Each field as typed that holds characters `check` would refuse.
fn forecast_texts(problems: &mut Problems, draft: &ForecastDraft) {
    problems.texts(&[
        ("id", &draft.id),
        ("by", &draft.by),
        ("source", &draft.source),
        ("quote", &draft.quote),
        ("claim", &draft.claim),
        ("expression", &draft.expression),
        ("baseline", &draft.baseline),
        ("condition", &draft.condition),
        ("tags", &draft.tags),
    ]);
}

/// The id: required, usable, unchanged when editing (other files and pull requests refer
/// to it), and unused when adding.
fn forecast_id<'a>(
    problems: &mut Problems,
    ledger: &Ledger,
    typed: &'a str,
    editing: Option<&str>,
) -> &'a str {
    let id = problems.required("id", "an id", typed);
    if !id.is_empty() {
        if let Some(message) = id_problem("forecast", id) {
            problems.add("id", message);
        } else if let Some(message) = editing.and_then(|original| id_change_problem(original, id)) {
            problems.add("id", message);
        } else if editing.is_none()
            && let Some(entry) = ledger.find(id)
        {
            let view = ledger.view(entry);
            problems.add(
                "id",
                duplicate_forecast_id(id, &view.file.path, view.entry.position),
            );
        }
    }
    id
}

/// The forecaster: someone the registry knows, or the person `pending` adds with it.
fn forecaster<'a>(
    problems: &mut Problems,
    ledger: &Ledger,
    typed: &'a str,
    pending: Option<&Person>,
) -> &'a str {
    let by = problems.required("by", "the forecaster", typed);
    let pending_person = pending.is_some_and(|person| {
        std::iter::once(person.id.as_str())
            .chain(all_names(person))
            .any(|name| name_key(name) == name_key(by))
    });
    if !by.is_empty() && ledger.person_index.find(by).is_none() && !pending_person {
        problems.add(
            "by",
            unknown_person(&ledger.people, &ledger.person_index, ledger.people_file, by),
        );
    }
    by
}

/// The source: one the scenario file at `file` holds, or the one `pending` adds with it.
fn cited_source<'a>(
    problems: &mut Problems,
    ledger: &Ledger,
    file: &Path,
    typed: &'a str,
    pending: Option<&str>,
) -> &'a str {
    let source = problems.required("source", "the source", typed);
    match ledger.scenario_file(file) {
        Some(scenario_file) => {
            let sources = &scenario_file.scenario.sources;
            let known = sources.iter().any(|s| s.id == source) || pending == Some(source);
            if !source.is_empty() && !known {
                problems.add("source", unknown_source(source, sources));
            }
        }
        None => problems.add("source", not_loaded(file)),
    }
    source
}

/// The probability as typed, checked with the expression and baseline by the rules that
/// give the figure scored.
fn confidence(
    problems: &mut Problems,
    ledger: &Ledger,
    expression: Option<&str>,
    baseline: Option<&str>,
    typed: &str,
) -> Option<f64> {
    match parse_probability(typed) {
        Ok(probability) => {
            let confidence = Confidence {
                expression,
                baseline,
                probability,
            };
            if let Err(problem) = effective_probability(&ledger.phrases, confidence) {
                problems.add(problem.field().unwrap_or("expression"), problem.message());
            }
            probability
        }
        // A mistyped probability is still a probability given: an unknown expression is
        // then not the problem to report.
        Err(message) => {
            problems.add("probability", message);
            None
        }
    }
}

/// Dates in an order that could have happened: resolved by no earlier than made, and an
/// outcome (kept as it is) dated no earlier than made.
fn date_order(
    problems: &mut Problems,
    made: Option<NaiveDate>,
    resolve_by: Option<NaiveDate>,
    outcome: &Outcome,
) {
    if let (Some(made), Some(resolve_by)) = (made, resolve_by)
        && let Some(message) = resolve_by_problem(made, resolve_by)
    {
        problems.add("resolve_by", message);
    }
    if let Some(message) = made.and_then(|made| resolution_problem(made, outcome)) {
        problems.add("made", message);
    }
}
