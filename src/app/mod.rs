//! The desktop app: a view over the ledger plus an editor that writes through the library.
//! It never parses, scores or writes files itself. Views draw from the ledger and return
//! [`Action`]s; [`HindsightApp::apply`] carries them out, one place for every change. Menus
//! and shortcuts share their commands (`command.rs`); caches live in `derived.rs`.

mod action;
mod apply;
mod background;
mod command;
mod derived;
mod repository;
mod session;
mod settings;
mod undo;
mod views;
mod watch;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use action::Action;
pub use settings::{Settings, Theme};
pub use views::article::{ArticleAsk, ArticleView};
pub use views::detail::{OutcomeForm, VerdictReplacement};
pub use views::dispute::DisputeEdit;
pub use views::filter_bar::FilterBarState;
pub use views::forms::Form;
pub use views::track_records::{LeaderboardColumn, LeaderboardSort};

use std::sync::Arc;

use crate::ledger::{Ledger, LoadError, LoadProgress, load_with_progress};
use crate::query::{Filter, SortKey};
use background::{Poll, Task};
use derived::{Derived, Inputs};
use session::Session;
use undo::UndoStep;

/// The key under which [`Settings`] are stored.
const SETTINGS_KEY: &str = "hindsight-settings";

/// The main views, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Forecasts,
    TrackRecords,
    Timeline,
    Problems,
}

impl Tab {
    /// In the order the tab bar shows them (and Alt+1…5 picks them).
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Forecasts,
        Tab::TrackRecords,
        Tab::Timeline,
        Tab::Problems,
    ];

    /// Whether the view shows the filter bar (and follows its filter).
    pub fn has_filter(self) -> bool {
        matches!(self, Tab::Forecasts | Tab::TrackRecords | Tab::Timeline)
    }
}

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// The folder to open; when `None`, `./scenarios` if present, else the last folder.
    pub folder: Option<PathBuf>,
    /// Treat this as today (tests); the real date otherwise.
    pub today: Option<NaiveDate>,
    /// Watch the folder for changes made outside the app.
    pub watch: bool,
    /// Where to start (a view, a forecast, a forecaster's page).
    pub start: StartAt,
}

/// Where the app starts, from the command line (`hindsight --view track-records`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartAt {
    pub tab: Option<Tab>,
    pub select: Option<String>,
    pub forecaster: Option<String>,
    /// An article to read with the ledger once the folder is open.
    pub article: Option<String>,
}

/// Opens the app in a native window; `today` overrides the date (as `--today` does for the
/// command line).
pub fn run(
    folder: Option<PathBuf>,
    start: StartAt,
    today: Option<NaiveDate>,
) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hindsight")
            .with_app_id("hindsight")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Hindsight",
        options,
        Box::new(move |cc| {
            Ok(Box::new(HindsightApp::new(
                cc,
                AppOptions {
                    folder,
                    today,
                    watch: true,
                    start,
                },
            )))
        }),
    )
}

/// The settings saved by the last run (defaults on the first run).
pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
        .unwrap_or_default()
}

/// The folder to open at start: the one asked for, else `./scenarios`, else the last one.
pub fn startup_folder(asked: Option<PathBuf>, last: Option<&Path>) -> Option<PathBuf> {
    asked
        .or_else(|| {
            let here = PathBuf::from(crate::ledger::DEFAULT_FOLDER);
            here.is_dir().then_some(here)
        })
        .or_else(|| last.filter(|last| last.is_dir()).map(Path::to_path_buf))
}

/// A message in the status bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub message: String,
    pub is_error: bool,
}

/// Everything the views show and edit besides the ledger itself. Only
/// [`HindsightApp::apply`] changes it, except for the text typed into fields.
#[derive(Default)]
pub struct UiState {
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
    pub outcome_form: OutcomeForm,
    pub form: Option<Form>,
    pub confirm_delete: Option<String>,
    /// A verdict waiting to be confirmed as replacing the one recorded.
    pub confirm_verdict: Option<VerdictReplacement>,
    /// The typed-path "Open folder" window (the fallback when no file dialog is available).
    pub open_folder: Option<String>,
    /// Scroll the table to the selected row once (after keyboard navigation or a new selection).
    pub scroll_to_selected: bool,
    pub filter_bar: FilterBarState,
    pub leaderboard: LeaderboardSort,
    /// The commit dialog, while it is open.
    pub commit: Option<CommitForm>,
    /// The version being written for a disputed record.
    pub dispute_edit: Option<DisputeEdit>,
    /// The Add article window, while it asks for an article.
    pub article_ask: Option<ArticleAsk>,
    /// The article being read with the ledger.
    pub article: Option<ArticleView>,
}

/// The commit dialog's message as typed, and the message suggested when it was filled: an
/// untouched suggestion follows the changes (a write, a reload) until the user edits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommitForm {
    pub message: String,
    pub suggested: String,
}

pub struct HindsightApp {
    pub settings: Settings,
    today: Option<NaiveDate>,
    watch: bool,
    session: Option<Session>,
    derived: Derived,
    pub ui: UiState,
    undo: Vec<UndoStep>,
    pub status: Status,
    started: bool,
    pending_folder: Option<PathBuf>,
    /// A large folder being loaded in the background.
    opening: Option<Opening>,
    /// An article being read (a URL is fetched) in the background.
    reading: Option<Task<Result<ArticleView, String>>>,
    /// The article asked for at start, read once the folder is open.
    pending_article: Option<String>,
}

/// A folder loading in the background, with how far it has got.
struct Opening {
    folder: PathBuf,
    progress: Arc<LoadProgress>,
    task: Task<Result<Ledger, LoadError>>,
}

/// Folders with more RON than this (about 13,000 forecasts) load in the background.
const BACKGROUND_OPEN_ABOVE_BYTES: u64 = 8 << 20;

/// The size of the ledger files in `folder`, found by the loader's own bounded walk.
fn folder_bytes(folder: &Path) -> u64 {
    crate::ledger::ron_files(folder)
        .map(|files| {
            files
                .paths
                .iter()
                .filter_map(|path| path.metadata().ok())
                .map(|metadata| metadata.len())
                .sum()
        })
        .unwrap_or(0)
}

impl HindsightApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> HindsightApp {
        let settings = load_settings(cc.storage);
        cc.egui_ctx.set_theme(settings.theme.preference());
        let folder = startup_folder(options.folder, settings.last_folder.as_deref());
        let start = options.start;
        HindsightApp {
            settings,
            today: options.today,
            watch: options.watch,
            session: None,
            derived: Derived::default(),
            ui: UiState {
                ascending: true,
                tab: start.tab.unwrap_or_default(),
                selected: start.select,
                scroll_to_selected: true,
                forecaster: start.forecaster,
                ..UiState::default()
            },
            undo: Vec::new(),
            status: Status::default(),
            started: false,
            pending_folder: folder,
            opening: None,
            reading: None,
            pending_article: start.article,
        }
    }

    /// Whether an article is being read in the background.
    pub fn is_reading_article(&self) -> bool {
        self.reading.is_some()
    }

    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The ledger on screen, if a folder is open.
    pub fn ledger(&self) -> Option<&Ledger> {
        self.session.as_ref().map(|session| &*session.ledger)
    }

    /// Whether the track records of the current selection are computed (they are computed
    /// in the background for large selections).
    pub fn track_records_ready(&self) -> bool {
        self.derived.report.is_some()
    }

    /// The forecasts the table shows, in order.
    pub fn visible(&self) -> &[usize] {
        &self.derived.visible
    }

    fn info(&mut self, message: impl Into<String>) {
        self.status = Status {
            message: message.into(),
            is_error: false,
        };
    }

    fn error(&mut self, message: impl Into<String>) {
        self.status = Status {
            message: message.into(),
            is_error: true,
        };
    }

    fn open_folder(&mut self, folder: &Path, ctx: &egui::Context) {
        // A large folder loads in the background behind a progress bar; a small one at once.
        if folder_bytes(folder) > BACKGROUND_OPEN_ABOVE_BYTES {
            let progress = Arc::new(LoadProgress::default());
            let (dir, today, counter) = (folder.to_path_buf(), self.today(), Arc::clone(&progress));
            let task = Task::spawn(ctx, move || load_with_progress(&dir, today, &counter));
            self.opening = Some(Opening {
                folder: folder.to_path_buf(),
                progress,
                task,
            });
            return;
        }
        let opened = Session::open(folder, self.today(), ctx, self.watch);
        self.install_session(folder, opened);
    }

    /// Shows the folder a load gave, or says why it could not be loaded.
    fn install_session(&mut self, folder: &Path, opened: Result<Session, LoadError>) {
        match opened {
            Ok(session) => {
                let (forecasts, problems) =
                    (session.ledger.entries.len(), session.ledger.problems.len());
                let summary = format!(
                    "Opened {}: {forecasts} forecast{}, {problems} problem{}",
                    folder.display(),
                    crate::prose::plural(forecasts),
                    crate::prose::plural(problems),
                );
                if let Some(error) = &session.watch_error {
                    self.error(error.clone());
                } else {
                    self.info(summary);
                }
                self.settings.opened(folder);
                // Switching folders starts afresh; the first folder keeps the start-up choices.
                if self.session.is_some() {
                    self.ui.selected = None;
                    self.ui.forecaster = None;
                }
                self.session = Some(session);
                self.derived.clear();
                self.undo.clear();
                self.ui.only = None;
                self.ui.form = None;
            }
            Err(error) => self.error(error.to_string()),
        }
    }

    fn reload(&mut self, ctx: &egui::Context) {
        let today = self.today();
        if let Some(session) = &mut self.session {
            session.reload(today, ctx);
        }
    }

    /// Brings background work and caches up to date; no drawing.
    fn update_state(&mut self, ctx: &egui::Context) {
        if !self.started {
            self.started = true;
            if let Some(folder) = self.pending_folder.take() {
                self.open_folder(&folder, ctx);
            }
        }
        if let Some(task) = &self.reading {
            let read = match task.poll() {
                Poll::Running => None,
                Poll::Done(result) => Some(result),
                Poll::Lost => Some(Err("reading the article stopped unexpectedly".to_string())),
            };
            if let Some(result) = read {
                self.reading = None;
                match result {
                    Ok(view) => {
                        self.info(format!(
                            "{}: {}",
                            view.location,
                            views::article::candidate_count(view.candidates.len())
                        ));
                        self.ui.article_ask = None;
                        self.ui.article = Some(view);
                    }
                    Err(error) => self.error(error),
                }
            }
        }
        if let Some(opening) = &self.opening {
            let loaded = match opening.task.poll() {
                Poll::Running => None,
                Poll::Done(result) => Some(result),
                Poll::Lost => Some(Err(LoadError::Unreadable {
                    path: opening.folder.clone(),
                    source: std::io::Error::other("the load stopped unexpectedly"),
                })),
            };
            if let Some(result) = loaded {
                let Some(opening) = self.opening.take() else {
                    return;
                };
                let (watch, folder) = (self.watch, opening.folder);
                let opened = result.map(|ledger| Session::with_ledger(&folder, ledger, ctx, watch));
                self.install_session(&folder, opened);
            }
        }
        if self.session.is_some()
            && let Some(article) = self.pending_article.take()
        {
            self.apply(Action::ReadArticle(article), ctx);
        }
        let today = self.today();
        let Some(session) = &mut self.session else {
            return;
        };
        session.poll(today, ctx);
        // An open article's candidates follow the ledger: accepted ones read as in it.
        if let Some(article) = &mut self.ui.article
            && article.generation != session.generation
        {
            crate::intake::refresh(&mut article.candidates, &article.article, &session.ledger);
            article.generation = session.generation;
        }
        if let Some(finished) = session.repository.poll(ctx) {
            self.git_finished(finished, ctx);
            return self.update_state(ctx);
        }
        if let (Some(form), Some(snapshot)) = (&mut self.ui.commit, &session.repository.snapshot)
            && form.message == form.suggested
            && form.suggested != snapshot.suggested_message
        {
            // An untouched suggestion follows a newer snapshot.
            form.suggested = snapshot.suggested_message.clone();
            form.message = form.suggested.clone();
        }
        // The selected forecast's history, read in the background for its detail view.
        if let Some(id) = &self.ui.selected
            && let Some(entry) = session.ledger.find(id)
        {
            // Asked every frame; it only spawns a read when the forecast or the data changed.
            let file = &session.ledger.view(entry).file.path;
            session
                .repository
                .want_history(id, file, session.generation, ctx);
        }
        // The verdict form is filled afresh for each forecast selected, dated today.
        if let Some(id) = &self.ui.selected
            && self.ui.outcome_form.id != *id
        {
            self.ui.outcome_form = OutcomeForm {
                id: id.clone(),
                on: today.to_string(),
                ..OutcomeForm::default()
            };
        }
        let only: Option<Vec<usize>> = self.ui.only.as_ref().map(|(_, ids)| {
            ids.iter()
                .filter_map(|id| session.ledger.find(id))
                .collect()
        });
        self.derived.update(
            Inputs {
                ledger: &session.ledger,
                generation: session.generation,
                filter: &self.ui.filter,
                only: only.as_deref(),
                sort: self.ui.sort,
                ascending: self.ui.ascending,
                today,
                forecaster: self.ui.forecaster.as_deref(),
                leaderboard: self.ui.leaderboard,
                selected: self.ui.selected.as_deref(),
            },
            ctx,
        );
    }
}

impl eframe::App for HindsightApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.update_state(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // `logic` runs first in a real window; the test harness may call `ui` alone.
        self.update_state(&ctx);
        let mut actions = Vec::new();
        views::app_ui(ui, self, &mut actions);
        let changed = !actions.is_empty();
        for action in actions {
            self.apply(action, &ctx);
        }
        if changed {
            self.update_state(&ctx);
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
