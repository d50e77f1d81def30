//! What the views show and edit besides the ledger: the tab, the filter and sort, the
//! selection, and each open form, dialog and window with what was typed into it. Plain
//! data, below the views and the app's intents; only [`navigate`](super::navigate) and the
//! app change it, except for the text typed into a field, which egui binds to its buffer.

use std::path::PathBuf;

use crate::draft::{FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft};
use crate::intake::accept::Acceptance;
use crate::intake::{Article, Candidate};
use crate::ledger::Resolution;
use crate::query::{Filter, SortKey};
use crate::timeline::{DateSpan, TimelineGrouping};

use super::leaderboard::LeaderboardSort;

/// The main views, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Forecasts,
    TrackRecords,
    Questions,
    Timeline,
    Problems,
}

impl Tab {
    /// In the order the tab bar shows them (and Alt+1…6 picks them).
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Forecasts,
        Tab::TrackRecords,
        Tab::Questions,
        Tab::Timeline,
        Tab::Problems,
    ];

    /// Whether the view shows the filter bar (and follows its filter).
    pub fn has_filter(self) -> bool {
        matches!(self, Tab::Forecasts | Tab::TrackRecords | Tab::Timeline)
    }
}

/// A form put aside, with what it held when opened and the publication date of the
/// source it had chosen (for *Made* to follow a source added meanwhile).
#[derive(Clone, Debug)]
pub struct ParkedForm {
    pub form: Form,
    pub opened: Option<Form>,
    pub source_published: Option<chrono::NaiveDate>,
}

/// Everything the views show and edit besides the ledger itself.
#[derive(Default)]
pub struct ViewState {
    pub tab: Tab,
    pub filter: Filter,
    pub sort: SortKey,
    pub ascending: bool,
    /// The selected forecast, by id (ids survive reloads; positions do not).
    pub selected: Option<String>,
    /// The forecasts a chart click asked for, shown instead of the filter's result.
    pub only: Option<(String, Vec<String>)>,
    /// The forecaster whose page the track records tab shows.
    pub forecaster: Option<String>,
    /// The forecaster shown beside them on the forecaster's page.
    pub compare_with: Option<String>,
    /// The question whose page the questions tab shows, by id.
    pub question: Option<String>,
    pub outcome_form: OutcomeForm,
    /// The verdict form of the question page shown.
    pub question_form: OutcomeForm,
    pub form: Option<Form>,
    /// Forms put aside while a form they need is filled in (a new source or person from a
    /// new forecast), the latest last; closing the form on top brings the last back.
    pub parked: Vec<ParkedForm>,
    /// The open form as it was opened (prefilled), to tell whether anything was typed.
    pub form_opened: Option<Form>,
    /// Whether to ask before dropping what was typed in the open form (Esc, the ×).
    pub confirm_discard: bool,
    pub confirm_delete: Option<String>,
    /// A verdict waiting to be confirmed as replacing the one recorded.
    pub confirm_verdict: Option<VerdictReplacement>,
    /// The typed-path "Open folder" window (the fallback when no file dialog is available).
    pub open_folder: Option<String>,
    /// Scroll the table to the selected row once (after keyboard navigation or a new selection).
    pub scroll_to_selected: bool,
    /// Give the search field the keyboard once (Ctrl+F), when the filter bar is next drawn.
    pub focus_search: bool,
    pub filter_bar: FilterBarState,
    pub leaderboard: LeaderboardSort,
    /// How the timeline groups its rows, and the dates it shows (`None`: the span it
    /// opens on, fitted to most forecasts).
    pub timeline_grouping: TimelineGrouping,
    pub timeline_span: Option<DateSpan>,
    /// The commit dialog, while it is open.
    pub commit: Option<CommitForm>,
    /// The version being written for a disputed record.
    pub dispute_edit: Option<DisputeEdit>,
    /// The Add article window, while it asks for an article.
    pub article_ask: Option<ArticleAsk>,
    /// The article being read with the ledger.
    pub article: Option<ArticleView>,
    /// The Import window, while it is open.
    pub import: Option<ImportDialog>,
    /// A folder asked for that does not exist, which the welcome screen offers to start a
    /// ledger in.
    pub missing_folder: Option<PathBuf>,
    /// The Publish site window, while it is open: the folder typed.
    pub publish: Option<String>,
}

impl ViewState {
    /// Puts the open form aside for another; closing that one brings it back, so a form
    /// opened from a form never costs what was typed in the first.
    pub fn park_form(&mut self, source_published: Option<chrono::NaiveDate>) {
        if let Some(form) = self.form.take() {
            self.parked.push(ParkedForm {
                form,
                opened: self.form_opened.take(),
                source_published,
            });
        }
        self.confirm_discard = false;
    }

    /// Closes the open form, and brings back the one put aside for it, if any.
    pub fn close_form(&mut self) {
        self.confirm_discard = false;
        match self.parked.pop() {
            Some(parked) => {
                self.form = Some(parked.form);
                self.form_opened = parked.opened;
            }
            None => {
                self.form = None;
                self.form_opened = None;
            }
        }
    }
}

/// The Import window: the file and how to read it, as typed, and the preview of what it
/// would add (made for exactly these inputs: any change asks for a new one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportDialog {
    pub inputs: ImportInputs,
    pub preview: Option<ImportPreview>,
}

/// What the Import window asks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportInputs {
    pub path: String,
    /// `None`: recognised from the file.
    pub from: Option<crate::import::From>,
    pub columns: String,
    pub scenario: String,
    pub forecaster: String,
}

/// A preview made for `inputs`: the library's words and the plan it would write, or why
/// the file cannot be imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub inputs: ImportInputs,
    pub outcome: Result<(Vec<String>, Box<crate::import::Plan>), String>,
}

/// A message in the status bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub message: String,
    pub is_error: bool,
}

/// The commit dialog's message as typed, and the message suggested when it was filled: an
/// untouched suggestion follows the changes (a write, a reload) until the user edits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommitForm {
    pub message: String,
    pub suggested: String,
}

/// The date-range fields of the filter bar as typed: the filter holds a date once it parses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterBarState {
    pub from_text: String,
    pub to_text: String,
}

/// The verdict form under the forecast, as typed; the judge's name lives in the settings.
/// The app refills it (date: today) whenever another forecast is selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutcomeForm {
    /// The forecast the form was filled for.
    pub id: String,
    /// YYYY-MM-DD; defaults to today.
    pub on: String,
    pub evidence: String,
    pub link: String,
    pub problem: Option<String>,
}

/// A verdict asked for where another is recorded, waiting for the user to say it replaces
/// that one (the library refused it: changing a verdict is never done by accident).
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictReplacement {
    pub id: String,
    pub path: PathBuf,
    /// The block's fingerprint when the verdict was asked for: if the forecast changes on
    /// disk meanwhile, the replacement is refused rather than written over the change.
    pub fingerprint: u64,
    pub current: Resolution,
    pub proposed: Resolution,
}

/// The version being written for a disputed record, while its editor is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DisputeEdit {
    pub id: String,
    pub text: String,
    /// Why the last save was refused.
    pub problem: Option<String>,
}

/// An article read, with its candidates and what the user did with them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleView {
    /// Where it was read from, as shown.
    pub location: String,
    /// The file or address it was read from; none for pasted text until accepting a
    /// candidate saved it under `seeds/`.
    pub origin: Option<String>,
    pub article: Article,
    pub candidates: Vec<Candidate>,
    pub dismissed: Vec<bool>,
    /// The candidate shown in detail (an index into `candidates`).
    pub selected: usize,
    /// Set when the selection moved: the text scrolls to it once.
    pub scroll_to_selected: bool,
    /// The ledger generation `candidates` were last brought up to date with.
    pub generation: u64,
}

impl ArticleView {
    /// The candidates not dismissed, in order.
    pub fn shown(&self) -> Vec<usize> {
        (0..self.candidates.len())
            .filter(|&i| !self.dismissed.get(i).copied().unwrap_or(false))
            .collect()
    }
}

/// What the Add article window holds as typed: a path or URL, or the text pasted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleAsk {
    pub location: String,
    pub pasted: String,
}

/// An open form window: the draft as typed, and the problems the last save found. A form
/// names its scenario file by path, not by position: a reload (a `git pull`, a new file)
/// can shift the positions while the form is open.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    Forecast {
        file: PathBuf,
        draft: ForecastDraft,
        editing: Option<String>,
        problems: Vec<FieldProblem>,
    },
    Scenario {
        draft: ScenarioDraft,
        problems: Vec<FieldProblem>,
    },
    Source {
        file: PathBuf,
        draft: SourceDraft,
        problems: Vec<FieldProblem>,
    },
    Person {
        draft: PersonDraft,
        problems: Vec<FieldProblem>,
    },
    /// A candidate from an article being accepted: the forecast with the new person and
    /// source it needs.
    Accept {
        file: PathBuf,
        acceptance: Box<Acceptance>,
        problems: Vec<FieldProblem>,
    },
}

impl Form {
    pub fn problems_mut(&mut self) -> &mut Vec<FieldProblem> {
        match self {
            Form::Forecast { problems, .. }
            | Form::Scenario { problems, .. }
            | Form::Source { problems, .. }
            | Form::Person { problems, .. }
            | Form::Accept { problems, .. } => problems,
        }
    }

    pub fn problems(&self) -> &[FieldProblem] {
        match self {
            Form::Forecast { problems, .. }
            | Form::Scenario { problems, .. }
            | Form::Source { problems, .. }
            | Form::Person { problems, .. }
            | Form::Accept { problems, .. } => problems,
        }
    }

    /// Whether this is the form editing forecast `id`.
    pub fn edits(&self, id: &str) -> bool {
        matches!(self, Form::Forecast { editing: Some(editing), .. } if editing == id)
    }
}
