//! Forms opened filled in from the ledger: a new forecast or source in the scenario of the
//! forecast being looked at, a forecast to edit, a candidate from an article accepted.
//! Pure functions of the ledger and the selection; the app shows what they return.

use chrono::NaiveDate;

use crate::draft::{ForecastDraft, SourceDraft};
use crate::ledger::{Ledger, ScenarioFile};

use super::state::{ArticleView, Form};

/// What is said when a form needs a scenario and the folder has none.
pub const NO_SCENARIO: &str = "Create a scenario first (Edit → New scenario)";

/// The scenario file of the selected forecast (else the first): a new forecast or source
/// usually belongs with the one being looked at.
fn selected_file<'a>(ledger: &'a Ledger, selected: Option<&str>) -> Option<&'a ScenarioFile> {
    selected
        .and_then(|id| ledger.find(id))
        .map(|entry| ledger.view(entry).file)
        .or_else(|| ledger.files.first())
}

/// An empty forecast form citing its scenario's first source, made on the day that source
/// was published (today when the scenario has none yet).
pub fn new_forecast(
    ledger: &Ledger,
    selected: Option<&str>,
    today: NaiveDate,
) -> Result<Form, &'static str> {
    let file = selected_file(ledger, selected).ok_or(NO_SCENARIO)?;
    let source = file.scenario.sources.first();
    let draft = ForecastDraft {
        made: source.map_or(today, |s| s.published).to_string(),
        source: source.map(|s| s.id.clone()).unwrap_or_default(),
        ..ForecastDraft::default()
    };
    Ok(Form::Forecast {
        file: file.path.clone(),
        draft,
        editing: None,
        problems: Vec::new(),
    })
}

/// The forecast form filled with forecast `id`, if it is in the folder.
pub fn edit_forecast(ledger: &Ledger, id: &str) -> Option<Form> {
    let view = ledger.view(ledger.find(id)?);
    Some(Form::Forecast {
        file: view.file.path.clone(),
        draft: ForecastDraft::from_forecast(view.forecast),
        editing: Some(id.to_string()),
        problems: Vec::new(),
    })
}

/// An empty source form for the scenario file `file`.
pub fn new_source_in(file: &std::path::Path) -> Form {
    Form::Source {
        file: file.to_path_buf(),
        draft: SourceDraft::default(),
        problems: Vec::new(),
    }
}

/// An empty source form.
pub fn new_source(ledger: &Ledger, selected: Option<&str>) -> Result<Form, &'static str> {
    let file = selected_file(ledger, selected).ok_or(NO_SCENARIO)?;
    Ok(Form::Source {
        file: file.path.clone(),
        draft: SourceDraft::default(),
        problems: Vec::new(),
    })
}

/// The accept form filled in from candidate `index` (with a new person and source when the
/// folder lacks them), in the scenario that cites the article, else the selected
/// forecast's scenario. `None` when there is no such candidate.
pub fn accept_candidate(
    ledger: &Ledger,
    article: &ArticleView,
    index: usize,
    selected: Option<&str>,
    today: NaiveDate,
) -> Option<Result<Form, &'static str>> {
    let candidate = article.candidates.get(index)?;
    let origin = article.origin.as_deref();
    let cited = origin.and_then(|origin| crate::intake::cited_source(ledger, origin));
    let Some(file) = cited
        .map(|(file, _)| file)
        .or_else(|| selected_file(ledger, selected))
    else {
        return Some(Err(NO_SCENARIO));
    };
    let acceptance =
        crate::intake::accept::acceptance(ledger, file, origin, &article.article, candidate, today);
    Some(Ok(Form::Accept {
        file: file.path.clone(),
        acceptance: Box::new(acceptance),
        problems: Vec::new(),
    }))
}
