//! Forecasts as flat records for JSON and CSV export (`hindsight list`, and the app's
//! export): one row per forecast with the names resolved and the effective probability.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::ledger::{Call, ForecastView, ProbabilityOrigin};
use crate::terminal::escape_controls_keep_lines;

/// One forecast, flattened. Field names are the export's public contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForecastRecord {
    pub id: String,
    pub scenario: String,
    /// The forecaster's canonical name (the name as written when not in the registry).
    pub author: String,
    pub author_id: Option<String>,
    pub source: String,
    pub source_title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub made_on: NaiveDate,
    pub quote: String,
    pub claim: String,
    /// The hedge words as said.
    pub expression: Option<String>,
    /// The probability the forecast is scored with.
    pub probability: Option<f64>,
    /// The range the words allow (the phrase table's range; both equal to `probability`
    /// for an explicit number or a row with no range): a call is made only when it lies
    /// wholly on one side of 0.5.
    pub probability_low: Option<f64>,
    pub probability_high: Option<f64>,
    /// "explicit" or "phrase".
    pub probability_source: Option<&'static str>,
    /// The question the forecast answers (its id), if any.
    pub question: Option<String>,
    /// "same" when the forecast's claim is the question's, "opposite" when it is its
    /// negation.
    pub question_side: Option<&'static str>,
    /// The forecast's probability for the question's claim (1 − p on the opposite side).
    pub question_probability: Option<f64>,
    pub condition: Option<String>,
    pub resolve_by: NaiveDate,
    pub resolve_by_stated: bool,
    pub tags: Vec<String>,
    /// `None` while unresolved, else "true", "false", "partly", "ambiguous" or "annulled".
    pub outcome: Option<&'static str>,
    /// The forecaster's side of the outcome: "called", "missed" or "no_lean"; `None`
    /// while open and when not scored (partly, ambiguous, annulled).
    pub call: Option<&'static str>,
    pub resolved_on: Option<NaiveDate>,
    pub judge: Option<String>,
    pub evidence: Option<String>,
    pub link: Option<String>,
    pub overdue: bool,
    pub file: String,
    pub line: usize,
}

pub fn forecast_record(view: &ForecastView, today: NaiveDate) -> ForecastRecord {
    let forecast = view.forecast;
    let resolution = view.resolution();
    ForecastRecord {
        id: forecast.id.clone(),
        scenario: view.scenario().id.clone(),
        author: view.author_name().to_string(),
        author_id: view.person.map(|p| p.id.clone()),
        source: forecast.source.clone(),
        source_title: view.source.map(|s| s.title.clone()),
        outlet: view.source.map(|s| s.outlet.clone()),
        published: view.source.map(|s| s.published),
        made_on: forecast.made,
        quote: forecast.quote.clone(),
        claim: forecast.claim.clone(),
        expression: forecast.expression.clone(),
        probability: view.probability(),
        probability_low: view.probability_range().map(|(low, _)| low),
        probability_high: view.probability_range().map(|(_, high)| high),
        probability_source: view.entry.probability.as_ref().map(|p| match p.origin {
            ProbabilityOrigin::Explicit => "explicit",
            ProbabilityOrigin::Phrase { .. } => "phrase",
        }),
        question: forecast.question.as_ref().map(|on| on.id().to_string()),
        question_side: forecast.question.as_ref().map(|on| on.side()),
        question_probability: view.question_probability(),
        condition: forecast.condition.clone(),
        resolve_by: forecast.resolve_by.date(),
        resolve_by_stated: forecast.resolve_by.is_stated(),
        tags: view.tags().map(str::to_string).collect(),
        outcome: resolution.map(|r| r.verdict().as_str()),
        call: Call::exported(view.call()),
        resolved_on: resolution.map(|r| r.on()),
        judge: resolution.and_then(|r| r.judge().map(str::to_string)),
        evidence: resolution.and_then(|r| r.evidence().map(str::to_string)),
        link: resolution.and_then(|r| r.link().map(str::to_string)),
        overdue: view.is_overdue(today),
        file: view.file.path.display().to_string(),
        line: view.entry.position.line,
    }
}

/// The CSV header, in the order of [`ForecastRecord::csv_fields`].
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "scenario",
    "author",
    "author_id",
    "source",
    "source_title",
    "outlet",
    "published",
    "made_on",
    "quote",
    "claim",
    "expression",
    "probability",
    "probability_low",
    "probability_high",
    "probability_source",
    "question",
    "question_side",
    "question_probability",
    "condition",
    "resolve_by",
    "resolve_by_stated",
    "tags",
    "outcome",
    "call",
    "resolved_on",
    "judge",
    "evidence",
    "link",
    "overdue",
    "file",
    "line",
];

impl ForecastRecord {
    /// The record as CSV cells: empty for a missing value, tags joined with "; ", control
    /// characters escaped (a CSV is often read in a terminal) except the line breaks and
    /// tabs of running text, which CSV quotes.
    pub fn csv_fields(&self) -> Vec<String> {
        fn text<T: ToString>(value: &Option<T>) -> String {
            value.as_ref().map(ToString::to_string).unwrap_or_default()
        }
        vec![
            self.id.clone(),
            self.scenario.clone(),
            self.author.clone(),
            text(&self.author_id),
            self.source.clone(),
            text(&self.source_title),
            text(&self.outlet),
            text(&self.published),
            self.made_on.to_string(),
            self.quote.clone(),
            self.claim.clone(),
            text(&self.expression),
            text(&self.probability),
            text(&self.probability_low),
            text(&self.probability_high),
            text(&self.probability_source),
            text(&self.question),
            text(&self.question_side),
            text(&self.question_probability),
            text(&self.condition),
            self.resolve_by.to_string(),
            self.resolve_by_stated.to_string(),
            self.tags.join("; "),
            text(&self.outcome),
            text(&self.call),
            text(&self.resolved_on),
            text(&self.judge),
            text(&self.evidence),
            text(&self.link),
            self.overdue.to_string(),
            self.file.clone(),
            self.line.to_string(),
        ]
        .into_iter()
        .map(|cell| match escape_controls_keep_lines(&cell) {
            Cow::Borrowed(_) => cell,
            Cow::Owned(escaped) => escaped,
        })
        .collect()
    }
}
