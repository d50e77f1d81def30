//! What the user asked for. Views draw from the ledger and return these; the app applies
//! them in one place (`HindsightApp::apply`), through the library.

use std::path::PathBuf;

use crate::ledger::Outcome;
use crate::ledger::draft::{ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft};
use crate::query::SortKey;

use super::Tab;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a forecast by id (or clear the selection), and show it.
    Select(Option<String>),
    ShowTab(Tab),
    /// Open a forecaster's page (by the name shown in reports).
    ShowForecaster(String),
    /// Show exactly these forecasts in the table (from a chart), with a label saying why.
    ShowOnly {
        label: String,
        ids: Vec<String>,
    },
    ClearOnly,
    Sort(SortKey),
    /// Resolve or reopen a forecast.
    SetOutcome {
        id: String,
        outcome: Outcome,
    },
    Undo,
    OpenFolder(PathBuf),
    Reload,
    /// Open the forecast form, empty or for editing a forecast.
    NewForecast,
    EditForecast(String),
    /// Save the forecast form into the scenario file at `file` (editing `editing` if set).
    SaveForecast {
        file: PathBuf,
        draft: ForecastDraft,
        editing: Option<String>,
    },
    /// Ask before deleting; then delete.
    AskDelete(String),
    DeleteForecast(String),
    NewScenario,
    SaveScenario(ScenarioDraft),
    NewSource,
    /// Save the source form into the scenario file at `file`.
    SaveSource {
        file: PathBuf,
        draft: SourceDraft,
    },
    NewPerson,
    SavePerson(PersonDraft),
}
