//! What the user asked for, in three kinds (as rerun keeps `UICommand` apart from
//! `SystemCommand`). Views draw from the ledger and return [`Action`]s; the app carries each
//! out in one place (`HindsightApp::apply`):
//!
//! - a [`ViewChange`] changes only what is shown — applied by [`navigate`](super::navigate),
//!   a pure function of the view state;
//! - an [`Effect`] writes to the ledger's files or calls git — run by the one place that
//!   checks, writes, records the undo and reloads (`effects.rs`);
//! - a [`SystemCommand`] needs the rest of the app — opening a folder, reading an article in
//!   the background, a form filled in from the ledger, the theme, quitting (`system.rs`).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::draft::{FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft};
use crate::intake::accept::Acceptance;
use crate::ledger::Side;
use crate::ledger::Verdict;
use crate::query::{Filter, SortKey};
use crate::timeline::{DateSpan, TimelineGrouping};

use super::leaderboard::LeaderboardColumn;
use super::settings::Theme;
use super::state::{ImportInputs, ImportPreview, OutcomeForm, Tab, VerdictReplacement};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    View(ViewChange),
    Effect(Effect),
    System(SystemCommand),
}

impl From<ViewChange> for Action {
    fn from(change: ViewChange) -> Action {
        Action::View(change)
    }
}

impl From<Effect> for Action {
    fn from(effect: Effect) -> Action {
        Action::Effect(effect)
    }
}

impl From<Write> for Action {
    fn from(write: Write) -> Action {
        Action::Effect(Effect::Write(Box::new(write)))
    }
}

impl From<SystemCommand> for Action {
    fn from(command: SystemCommand) -> Action {
        Action::System(command)
    }
}

/// A record a form added, for the form put aside for it to take.
#[derive(Clone, Debug, PartialEq)]
pub enum Added {
    Source { id: String, published: NaiveDate },
    Person { id: String },
}

/// A change to what is shown: a selection, a tab, a sort, a filter, a form or dialog
/// opened or closed. No file is read or written and nothing runs in the background.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewChange {
    /// Select a forecast by id (or clear the selection), and show it.
    Select(Option<String>),
    /// The table has scrolled the selected row into view: the request is done.
    ScrolledToSelected,
    ShowTab(Tab),
    /// Open a forecaster's page (by the name shown in reports).
    ShowForecaster(String),
    /// Back from a forecaster's page to the leaderboard.
    ShowAllForecasters,
    /// Show this forecaster (or no one) beside the one whose page is open.
    CompareWith(Option<String>),
    /// Open a question's page (by id).
    ShowQuestion(String),
    /// Back from a question's page to the list of questions.
    ShowAllQuestions,
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
    /// The search field has the keyboard: the request is done.
    SearchFocused,
    /// Sort the table by this column (again: reverse the order).
    Sort(SortKey),
    /// Sort the leaderboard by this column (again: reverse the order).
    SortLeaderboard(LeaderboardColumn),
    /// The verdict recorded stays; the one asked for is dropped.
    KeepVerdict,
    /// A source or person was added from a form opened from a forecast's form.
    Added(Added),
    /// Group the timeline's rows (by scenario, by forecaster, or not).
    GroupTimeline(TimelineGrouping),
    /// Show these dates on the timeline (`None`: the span fitted to most forecasts).
    TimelineSpan(Option<DateSpan>),
    /// The question whether a verdict replaces another closes (it is being answered).
    CloseVerdictQuestion,
    CloseFolderWindow,
    /// Ask for an article to read (File → Add article…).
    AskArticle,
    /// Open the Import window (File → Import…).
    AskImport,
    /// Open the Publish site window (File → Publish site…).
    AskPublish,
    ClosePublish,
    CloseImport,
    /// The preview the Import window asked for.
    ImportPreviewed(Box<ImportPreview>),
    SelectCandidate(usize),
    DismissCandidate(usize),
    CloseArticle,
    /// Open the editor for a disputed record, starting from this version.
    EditDispute {
        id: String,
        text: String,
    },
    CancelDisputeEdit,
    /// Open the commit dialog; its message follows the suggestion made from what changed.
    OpenCommit,
    CloseCommit,
    /// Ask before deleting a forecast.
    AskDelete(String),
    CancelDelete,
    NewScenario,
    NewPerson,
    /// Close the open form window, dropping what was typed.
    CloseForm,
    /// Close the open form, asking first if anything was typed in it.
    AskCloseForm,
    /// Keep the form open after all (the question whether to discard it is answered).
    KeepForm,

    // What a write leaves on screen (the app sends these; no view does).
    /// A forecast left the folder: it is no longer selected, and a form editing it closes.
    Forget(String),
    /// A verdict was written: the verdict form empties (and is filled afresh, dated today).
    ClearVerdictForm,
    /// The article being read was saved as this seed file: it now reads as cited from it.
    ArticleSavedAs(String),
    /// The open form's fields have these problems.
    FormProblems(Vec<FieldProblem>),
    /// These fields of the open form were edited (by the names problems give them).
    FieldsEdited(Vec<String>),
    /// What is wrong with the verdict asked for, shown by the verdict buttons (or nothing).
    VerdictProblem(Option<String>),
    /// The question page's verdict form has this problem (or none any more).
    QuestionVerdictProblem(Option<String>),
    /// Ask whether the verdict asked for replaces the one recorded.
    AskReplaceVerdict(VerdictReplacement),
    /// Why the version written for a disputed record was refused.
    DisputeProblem(String),
}

/// A write to the ledger's files or a call to git.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Boxed: a draft is large, and the other effects small.
    Write(Box<Write>),
    /// Write back the last write.
    Undo,
    /// Route this clone's ledger files to the merge driver (`hindsight git-setup`).
    GitSetup,
    /// Commit the changed ledger files with this message, in the background.
    Commit(String),
    /// Fetch and merge the upstream, in the background.
    Pull,
    /// Push to the upstream, in the background.
    Push,
}

/// A change to the ledger's files, written through the library, each carrying what it
/// needs: checked, written, recorded for undo, then the folder reloaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Record a verdict on a forecast from the verdict form as typed, judged by `judge`, or
    /// reopen it (`verdict: None`).
    Verdict {
        id: String,
        verdict: Option<Verdict>,
        form: OutcomeForm,
        judge: String,
    },
    /// Resolve or reopen (`verdict: None`) question `id` of the file at `path` from the
    /// question page's verdict form.
    QuestionVerdict {
        path: PathBuf,
        id: String,
        verdict: Option<Verdict>,
        form: OutcomeForm,
        judge: String,
    },
    /// Write what the Import window previewed.
    Import(Box<crate::import::Plan>),
    /// The verdict asked for replaces the one recorded (the user confirmed it).
    ReplaceVerdict(VerdictReplacement),
    /// Save the forecast form into the scenario file at `file` (editing `editing` if set).
    Forecast {
        file: PathBuf,
        draft: ForecastDraft,
        editing: Option<String>,
    },
    DeleteForecast(String),
    Scenario(ScenarioDraft),
    /// Save the source form into the scenario file at `file`.
    Source {
        file: PathBuf,
        draft: SourceDraft,
    },
    Person(PersonDraft),
    /// Save an accepted candidate into the scenario file at `file`: the forecast, with the
    /// new person, source and seed file it needs.
    Acceptance {
        file: PathBuf,
        acceptance: Box<Acceptance>,
    },
    /// Settle a disputed record with this version (as edited).
    SettleDispute {
        path: PathBuf,
        id: String,
        text: String,
    },
    /// Settle a disputed record by keeping one side's version.
    KeepSide {
        path: PathBuf,
        id: String,
        side: Side,
    },
}

/// What needs the rest of the app: the folder, the file dialog, the background, the
/// window.
#[derive(Clone, Debug, PartialEq)]
pub enum SystemCommand {
    /// Show the open-folder window, filled with the folder open now.
    AskFolder,
    /// Choose a folder with the system's dialog (where there is one).
    BrowseFolder,
    OpenFolder(PathBuf),
    /// Write the site of the forecasts shown into this folder.
    PublishSite(PathBuf),
    /// Choose the site's folder with the system's dialog.
    BrowseSiteFolder,
    /// Ask where to save a chart, and save it there.
    SaveChart {
        file_name: String,
        svg: String,
    },
    /// Ask where to save a chart as PNG, and save the window's pixels under `rect` there.
    SaveChartPng {
        file_name: String,
        rect: egui::Rect,
    },
    /// Choose the file to import with the system's dialog.
    BrowseImportFile,
    /// Read the file the Import window names and say what importing it would add.
    PreviewImport(ImportInputs),
    /// Choose a folder with the system's dialog and start a new ledger in it (`init`).
    BrowseNewLedger,
    /// Start a new ledger in this scenarios folder, opened empty, and show it.
    StartLedgerHere(PathBuf),
    Reload,
    /// Read the article at this path or URL and find its candidate forecasts.
    ReadArticle(String),
    /// Read an article pasted as text.
    ReadPastedArticle(String),
    /// Open the forecast form, empty (in the selected forecast's scenario) or for editing.
    NewForecast,
    EditForecast(String),
    NewSource,
    /// Open the new-forecast form filled in from this candidate.
    AcceptCandidate(usize),
    SetTheme(Theme),
    Quit,
}
