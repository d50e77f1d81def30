//! What the user asked for. Views draw from the ledger and return these; the app applies
//! them in one place (`HindsightApp::apply`, in `apply.rs`), through the library. Every
//! change of state goes through here — a selection, a sort, a filter, a form opened or
//! closed — except the text typed into a field, which egui binds to the field's buffer.

use std::path::PathBuf;

use crate::draft::{ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft};
use crate::intake::accept::Acceptance;
use crate::ledger::Side;
use crate::ledger::Verdict;
use crate::query::{Filter, SortKey};

use super::views::track_records::LeaderboardColumn;
use super::{Tab, Theme};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a forecast by id (or clear the selection), and show it.
    Select(Option<String>),
    /// The table has scrolled the selected row into view: the request is done.
    ScrolledToSelected,
    ShowTab(Tab),
    /// Route this clone's ledger files to the merge driver (`hindsight git-setup`).
    GitSetup,
    /// Open the editor for a disputed record, starting from this version.
    EditDispute {
        id: String,
        text: String,
    },
    CancelDisputeEdit,
    /// Settle a disputed record with this version (as edited).
    SettleDispute {
        path: PathBuf,
        id: String,
        text: String,
    },
    /// Ask for an article to read (File → Add article…).
    AskArticle,
    /// Read the article at this path or URL and find its candidate forecasts.
    ReadArticle(String),
    /// Read an article pasted as text.
    ReadPastedArticle(String),
    SelectCandidate(usize),
    /// Open the new-forecast form filled in from this candidate.
    AcceptCandidate(usize),
    DismissCandidate(usize),
    CloseArticle,
    /// Open the commit dialog, its message generated from what changed.
    OpenCommit,
    /// Commit the changed ledger files with this message.
    Commit(String),
    CloseCommit,
    /// Fetch and merge the upstream, in the background.
    Pull,
    /// Push to the upstream, in the background.
    Push,
    /// Settle a disputed record by keeping one side's version.
    KeepSide {
        path: PathBuf,
        id: String,
        side: Side,
    },
    /// Open a forecaster's page (by the name shown in reports).
    ShowForecaster(String),
    /// Back from a forecaster's page to the leaderboard.
    ShowAllForecasters,
    /// Show exactly these forecasts in the table (from a chart), with a label saying why.
    ShowOnly {
        label: String,
        ids: Vec<String>,
    },
    ClearOnly,
    /// The filter as the filter bar's fields now say.
    SetFilter(Filter),
    /// Every forecast again: no filter, no chart selection.
    ClearFilters,
    /// Put the keyboard in the search field (on a view that has one).
    FocusSearch,
    /// Sort the table by this column (again: reverse the order).
    Sort(SortKey),
    /// Sort the leaderboard by this column (again: reverse the order).
    SortLeaderboard(LeaderboardColumn),
    /// Record a verdict on a forecast from the verdict form as typed, or reopen it
    /// (`verdict: None`).
    RecordVerdict {
        id: String,
        verdict: Option<Verdict>,
    },
    /// The verdict asked for replaces the one recorded (the user confirmed it).
    ReplaceVerdict,
    /// The verdict recorded stays; the one asked for is dropped.
    KeepVerdict,
    Undo,
    /// Show the open-folder window.
    AskFolder,
    /// Choose a folder with the system's dialog (where there is one).
    BrowseFolder,
    CloseFolderWindow,
    OpenFolder(PathBuf),
    Reload,
    SetTheme(Theme),
    Quit,
    /// Open the forecast form, empty or for editing a forecast.
    NewForecast,
    EditForecast(String),
    /// Save the forecast form into the scenario file at `file` (editing `editing` if set).
    SaveForecast {
        file: PathBuf,
        draft: ForecastDraft,
        editing: Option<String>,
    },
    /// Ask before deleting; then delete, or not.
    AskDelete(String),
    CancelDelete,
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
    /// Save an accepted candidate into the scenario file at `file`: the forecast, with the
    /// new person, source and seed file it needs.
    SaveAcceptance {
        file: PathBuf,
        acceptance: Box<Acceptance>,
    },
    /// Close the open form window, dropping what was typed.
    CloseForm,
}
