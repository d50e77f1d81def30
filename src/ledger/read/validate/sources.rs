//! The checks of a scenario file's sources: ids unique within the file (forecasts cite
//! them by id), seeds inside the project folder, publication dates not in the future.

use rustc_hash::FxHashMap;

use super::super::locate::list_items;
use super::super::syntax::Node;
use super::checker::FileChecker;
use super::ids::duplicate_source_id;
use super::seeds::{SeedProblem, resolve_seed};
use crate::ledger::model::Source;
use crate::ledger::model::problem::{Position, Problem};

/// Checks the `sources` of the file whose outline is `root`, and returns each one's
/// index by id, for the forecasts that cite them.
pub(super) fn check<'s>(
    checker: &FileChecker,
    root: &Node,
    sources: &'s [Source],
    problems: &mut Vec<Problem>,
) -> FxHashMap<&'s str, usize> {
    let source_nodes = list_items(root, "sources");
    let mut source_ids: FxHashMap<&str, usize> = Default::default();
    for (index, source) in sources.iter().enumerate() {
        // The outline names fields as serde does; should they ever disagree, a problem
        // is placed at the scenario rather than the loader panicking.
        let node = source_nodes.get(index).unwrap_or(root);
        if source_ids.insert(&source.id, index).is_some() {
            problems.push(checker.error(
                checker.field_at(node, "id"),
                duplicate_source_id(&source.id),
            ));
        }
        if let Some(seed) = &source.seed {
            checker.seed_path(seed, checker.field_at(node, "seed"), problems);
        }
        if source.published > checker.context.future_after {
            problems.push(checker.warning(
                checker.field_at(node, "published"),
                format!("published on {}, which is in the future", source.published),
            ));
        }
    }
    source_ids
}

impl FileChecker<'_> {
    /// A seed path must stay inside the project folder, and should point at a file.
    fn seed_path(&self, seed: &str, at: Position, problems: &mut Vec<Problem>) {
        match resolve_seed(self.context.project_root, seed) {
            Ok(_) => {}
            Err(problem @ SeedProblem::Outside(_)) => {
                problems.push(self.error(at, problem.message()))
            }
            Err(problem @ SeedProblem::Missing(_)) => {
                problems.push(self.warning(at, problem.message()))
            }
        }
    }
}
