//! The checks of a file's questions and of the forecasts that answer them: a usable id
//! that no forecast of the file also uses, a claim, a verdict dated in an order that could
//! have happened; and a forecast on a question names one the file has and carries no
//! outcome of its own, since the question's outcome judges it.

use rustc_hash::FxHashMap;

use super::super::locate::list_items;
use super::super::syntax::Node;
use super::checker::FileChecker;
use super::forecasts::future_resolution_problem;
use super::ids::id_problem;
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{Outcome, Scenario};

/// Checks the questions of `scenario` (whose outline is `root`) and every forecast's link
/// to one. Returns the questions whose id is well formed and unique in the file, with where
/// the id is: ids must be unique across the folder too.
pub(super) fn check(
    checker: &FileChecker,
    root: &Node,
    scenario: &Scenario,
    disputed: &[String],
    problems: &mut Vec<Problem>,
) -> Vec<(usize, Position)> {
    let mut well_formed = Vec::new();
    let nodes = list_items(root, "questions");
    let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
    for (index, question) in scenario.questions.iter().enumerate() {
        let node = nodes.get(index).unwrap_or(root);
        let id_at = checker.field_at(node, "id");
        if let Some(message) = id_problem("question", &question.id) {
            problems.push(checker.error(id_at, message));
        } else if ids.insert(&question.id, index).is_some() {
            problems.push(checker.error(
                id_at,
                format!("duplicate question id '{}' in this file", question.id),
            ));
        } else if scenario.forecasts.iter().any(|f| f.id == question.id) {
            problems.push(checker.error(
                id_at,
                format!(
                    "question id '{}' is also a forecast's id: `resolve` takes either, so they must differ",
                    question.id
                ),
            ));
        } else {
            well_formed.push((index, id_at));
        }
        if question.claim.trim().is_empty() {
            problems.push(checker.error(checker.field_at(node, "claim"), "empty claim"));
        }
        if let Outcome::Resolved(resolution) = &question.outcome {
            let at = checker.field_at(node, "outcome");
            if let Some(message) =
                future_resolution_problem(resolution.on, checker.context.future_after)
            {
                problems.push(checker.error(at, message));
            }
            if resolution
                .evidence
                .as_deref()
                .is_none_or(|e| e.trim().is_empty())
            {
                problems.push(checker.warning(at, "resolved without an evidence note"));
            }
        }
    }
    let forecast_nodes = list_items(root, "forecasts");
    for (index, forecast) in scenario.forecasts.iter().enumerate() {
        let Some(on) = &forecast.question else {
            continue;
        };
        let node = forecast_nodes.get(index).unwrap_or(root);
        // A question in dispute is reported as a dispute; until one version is kept it
        // is neither known nor unknown (and `resolve-dispute` may still write the file).
        if !ids.contains_key(on.id()) && !disputed.iter().any(|id| id == on.id()) {
            let known: Vec<&str> = scenario
                .questions
                .iter()
                .take(10)
                .map(|q| q.id.as_str())
                .collect();
            problems.push(checker.error(
                checker.field_at(node, "question"),
                format!(
                    "unknown question '{}'; questions in this file: {}",
                    on.id(),
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        }
        if forecast.outcome != Outcome::Open {
            problems.push(checker.error(
                checker.field_at(node, "outcome"),
                format!(
                    "forecast '{}' answers question '{}', whose outcome judges it: it carries no outcome of its own (set it to Open and resolve the question)",
                    forecast.id,
                    on.id()
                ),
            ));
        }
    }
    well_formed
}
