//! The checks of one forecast in its file: a usable id, a source the file has, a known
//! forecaster, a quote and a claim, a figure to score it with, and dates in an order that
//! could have happened. The date rules are shared with the forms.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::super::syntax::Node;
use super::checker::FileChecker;
use super::confidence::{Confidence, effective_probability, unused_baseline};
use super::ids::{id_problem, unknown_source};
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{
    EffectiveProbability, Entry, Forecast, Outcome, PeopleFile, Source, fingerprint,
};

/// What checking one forecast alone found besides its problems: its entry, and what must
/// still be compared with the other files.
pub(super) struct CheckedForecast {
    /// `Entry::file` is set once the file's place among the loaded files is known.
    pub(super) entry: Entry,
    /// Where its id is, when the id is well formed: ids must be unique across the folder.
    pub(super) id_at: Option<Position>,
    /// Where `by` is, when it names no one in the registry: the message is made once per
    /// name, across the files.
    pub(super) unknown_name_at: Option<Position>,
}

/// Checks forecast `index` of the file, whose outline is `node`; `source_ids` finds
/// each of the file's `sources` by id.
pub(super) fn check(
    checker: &FileChecker,
    index: usize,
    forecast: &Forecast,
    node: &Node,
    source_ids: &FxHashMap<&str, usize>,
    sources: &[Source],
    problems: &mut Vec<Problem>,
) -> CheckedForecast {
    let block_at = checker.at(node.span.start);
    let id_at = checker.forecast_id(forecast, node, problems);
    let source = checker.cited_source(forecast, node, source_ids, sources, problems);
    let (person, unknown_name_at) = checker.forecaster(forecast, node);
    checker.quote_and_claim(forecast, node, problems);
    let probability = checker.probability(forecast, node, problems);
    checker.dates(
        forecast,
        source.map(|i| sources[i].published),
        node,
        problems,
    );
    let entry = Entry {
        file: 0,
        index,
        position: block_at,
        person,
        source,
        probability,
        fingerprint: fingerprint(&checker.text[node.span.clone()]),
    };
    CheckedForecast {
        entry,
        id_at,
        unknown_name_at,
    }
}

// The steps of `check`, placed on the file's checker so that each can name positions.
impl FileChecker<'_> {
    /// Where the forecast's id is, if it is well formed; else a problem.
    fn forecast_id(
        &self,
        forecast: &Forecast,
        node: &Node,
        problems: &mut Vec<Problem>,
    ) -> Option<Position> {
        let id_at = self.field_at(node, "id");
        match id_problem("forecast", &forecast.id) {
            Some(message) => {
                problems.push(self.error(id_at, message));
                None
            }
            None => Some(id_at),
        }
    }

    /// The index of the source the forecast cites, or a problem when the file has none
    /// by that id.
    fn cited_source(
        &self,
        forecast: &Forecast,
        node: &Node,
        source_ids: &FxHashMap<&str, usize>,
        sources: &[Source],
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        let source = source_ids.get(forecast.source.as_str()).copied();
        if source.is_none() {
            problems.push(self.error(
                self.field_at(node, "source"),
                unknown_source(&forecast.source, sources),
            ));
        }
        source
    }

    /// The person the forecast names, or where `by` is when it names no one the registry
    /// can be asked about.
    fn forecaster(&self, forecast: &Forecast, node: &Node) -> (Option<usize>, Option<Position>) {
        let context = self.context;
        let person = context.person_index.find(&forecast.by);
        // Like a broken registry, a person in dispute there is not looked up: the
        // registry's own error says what to settle.
        let disputed = context.person_index.disputed(&forecast.by).is_some();
        let unknown = person.is_none() && context.people_file != PeopleFile::Broken && !disputed;
        (person, unknown.then(|| self.field_at(node, "by")))
    }

    fn quote_and_claim(&self, forecast: &Forecast, node: &Node, problems: &mut Vec<Problem>) {
        for (field, value) in [("quote", &forecast.quote), ("claim", &forecast.claim)] {
            if value.trim().is_empty() {
                problems.push(self.error(self.field_at(node, field), format!("empty {field}")));
            }
        }
    }

    /// The figure the forecast is scored with, or the problem that leaves it unscored,
    /// placed at the field at fault.
    fn probability(
        &self,
        forecast: &Forecast,
        node: &Node,
        problems: &mut Vec<Problem>,
    ) -> Option<EffectiveProbability> {
        let confidence = Confidence::of(forecast);
        let effective = effective_probability(self.context.phrases, confidence)
            .map_err(|problem| {
                let at = match problem.field() {
                    Some(field) => self.field_at(node, field),
                    None => self.at(node.span.start),
                };
                problems.push(self.error(at, problem.message()));
            })
            .ok()?;
        if let Some(message) = unused_baseline(self.context.phrases, confidence) {
            problems.push(self.warning(self.field_at(node, "baseline"), message));
        }
        Some(effective)
    }

    /// Dates in an order that could have happened: a year mistyped shows here, before it
    /// skews a score.
    fn dates(
        &self,
        forecast: &Forecast,
        published: Option<NaiveDate>,
        node: &Node,
        problems: &mut Vec<Problem>,
    ) {
        let made = forecast.made;
        let resolve_by = forecast.resolve_by.date();
        if let Some(message) = resolve_by_problem(made, resolve_by) {
            problems.push(self.error(self.field_at(node, "resolve_by"), message));
        }
        if made > self.context.future_after {
            problems.push(self.warning(
                self.field_at(node, "made"),
                format!("made on {made}, which is in the future"),
            ));
        }
        if let Some(published) = published.filter(|&published| made > published) {
            problems.push(self.warning(
                self.field_at(node, "made"),
                format!("made on {made}, after its source was published ({published})"),
            ));
        }
        if let Outcome::Resolved(resolution) = &forecast.outcome {
            let at = self.field_at(node, "outcome");
            if let Some(message) = resolution_problem(made, &forecast.outcome) {
                problems.push(self.error(at, message));
            }
            if let Some(message) =
                future_resolution_problem(resolution.on, self.context.future_after)
            {
                problems.push(self.error(at, message));
            }
            if resolution
                .evidence
                .as_deref()
                .is_none_or(|e| e.trim().is_empty())
            {
                problems.push(self.warning(at, "resolved without an evidence note"));
            }
        }
    }
}

pub(crate) fn resolve_by_problem(made: NaiveDate, resolve_by: NaiveDate) -> Option<String> {
    (resolve_by < made)
        .then(|| format!("resolve-by date {resolve_by} is before the forecast was made ({made})"))
}

/// A verdict dated before the forecast was made is a typo, not a judgement.
pub(crate) fn resolution_problem(made: NaiveDate, outcome: &Outcome) -> Option<String> {
    let resolution = outcome.resolution()?;
    (resolution.on < made).then(|| {
        format!(
            "resolved on {}, before the forecast was made ({made})",
            resolution.on
        )
    })
}

/// A verdict dated after today is a typo, not a judgement.
pub(crate) fn future_resolution_problem(on: NaiveDate, today: NaiveDate) -> Option<String> {
    (on > today).then(|| format!("resolved on {on}, which is in the future"))
}
