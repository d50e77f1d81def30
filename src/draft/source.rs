//! The source form: an article or statement that forecasts cite, checked as `check` would
//! (an id unused in its file, a web link, a seed inside the project folder).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::fields::{FieldProblem, Problems, not_loaded, optional};
use crate::ledger::read::validate::{duplicate_source_id, id_problem, link_problem};
use crate::ledger::{Ledger, SeedProblem, Source, resolve_seed};

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

impl SourceDraft {
    /// The draft with an id suggested from its outlet and title when it was left empty (and
    /// they were not), unused among `sources`: as a forecast's is.
    pub fn with_suggested_id(&self, sources: &[Source]) -> SourceDraft {
        let mut draft = self.clone();
        if draft.id.trim().is_empty()
            && !(draft.outlet.trim().is_empty() && draft.title.trim().is_empty())
        {
            draft.id = super::suggest_source_id(sources, &draft.outlet, &draft.title);
        }
        draft
    }
}

/// Checks a source form for the scenario file at `file`.
pub fn check_source(
    ledger: &Ledger,
    file: &Path,
    draft: &SourceDraft,
) -> Result<Source, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let id = problems.required("id", "an id", &draft.id);
    if !id.is_empty() {
        if let Some(message) = id_problem("source", id) {
            problems.add("id", message);
        } else {
            match ledger.scenario_file(file) {
                Some(scenario_file) => {
                    if scenario_file.scenario.sources.iter().any(|s| s.id == id) {
                        problems.add("id", duplicate_source_id(id));
                    }
                }
                None => problems.add("id", not_loaded(file)),
            }
        }
    }
    let outlet = problems.required("outlet", "the outlet", &draft.outlet);
    let title = problems.required("title", "the title", &draft.title);
    let published = problems.date("published", "the publication date", &draft.published);
    problems.texts(&[
        ("id", id),
        ("outlet", outlet),
        ("title", title),
        ("author", &draft.author),
        ("seed", &draft.seed),
    ]);
    let url = optional(&draft.url);
    if let Some(message) = url.as_deref().and_then(|url| link_problem("url", url)) {
        problems.add("url", message);
    }
    let seed = optional(&draft.seed);
    if let Some(seed) = &seed
        && let Err(problem @ SeedProblem::Outside(_)) = resolve_seed(&ledger.project_root, seed)
    {
        // A missing file is only a warning in `check`: the text may be added later.
        problems.add("seed", problem.message());
    }
    problems.finish(|| Source {
        id: id.to_string(),
        outlet: outlet.to_string(),
        title: title.to_string(),
        author: optional(&draft.author),
        published: published.expect("checked"),
        url,
        seed,
    })
}
