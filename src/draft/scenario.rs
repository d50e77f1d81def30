//! The new-scenario form: a scenario starts empty, with an id that must be unused and
//! usable as its file's name.

use serde::{Deserialize, Serialize};

use super::fields::{FieldProblem, Problems, split_list};
use crate::ledger::{FORMAT_VERSION, Ledger, Scenario, scenario_id_problem};

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
    let mut problems = Problems::default();
    let id = problems.required("id", "an id", &draft.id);
    if !id.is_empty() {
        let file = ledger.dir.join(format!("{id}.ron"));
        if let Some(message) = scenario_id_problem(id) {
            problems.add("id", message);
        } else if let Some(used) = ledger.files.iter().find(|f| f.scenario.id == id) {
            problems.add(
                "id",
                format!(
                    "scenario id '{id}' is already used by {}",
                    used.path.display()
                ),
            );
        } else if file.exists() {
            problems.add("id", format!("{} already exists", file.display()));
        }
    }
    let title = problems.required("title", "a title", &draft.title);
    problems.texts(&[
        ("title", title),
        ("summary", &draft.summary),
        ("tags", &draft.tags),
    ]);
    problems.finish(|| Scenario {
        format: FORMAT_VERSION,
        id: id.to_string(),
        title: title.to_string(),
        summary: draft.summary.trim().to_string(),
        tags: split_list(&draft.tags),
        sources: Vec::new(),
        questions: Vec::new(),
        forecasts: Vec::new(),
    })
}
