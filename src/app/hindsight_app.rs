//! The app itself: what it holds (the open folder, the cached data, the view state, the
//! undo history, work in the background), bringing that up to date each frame, and the
//! one place that applies what the views asked for. eframe calls it; it draws nothing
//! itself, leaving that to `views`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::ledger::{Ledger, LoadError, LoadProgress, load_with_progress};

use super::action::{Action, SystemCommand};
use super::background::{Poll, Task};
use super::derived::{Derived, Inputs};
use super::navigate::navigate;
use super::session::Session;
use super::settings::{SETTINGS_KEY, Settings, load_settings};
use super::start::{AppOptions, startup_folder};
use super::state::{ArticleView, OutcomeForm, Status, Tab, ViewState};
use super::undo::UndoStep;
use super::views::article::candidate_count;
use super::views::window::{AppView, app_ui};

pub struct HindsightApp {
    pub settings: Settings,
    pub(super) today: Option<NaiveDate>,
    pub(super) watch: bool,
    pub(super) session: Option<Session>,
    pub(super) derived: Derived,
    pub ui: ViewState,
    pub(super) undo: Vec<UndoStep>,
    pub status: Status,
    started: bool,
    pending_folder: Option<PathBuf>,
    /// A large folder being loaded in the background.
    opening: Option<Opening>,
    /// An article being read (a URL is fetched) in the background.
    pub(super) reading: Option<Task<Result<ArticleView, String>>>,
    /// The article asked for at start, read once the folder is open.
    pending_article: Option<String>,
    /// A chart being saved as PNG, waiting for the window's screenshot.
    pub(super) saving_png: Option<super::chart_png::Outcome>,
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
            ui: ViewState {
                ascending: true,
                // A page asked for is shown on its tab, unless another tab is asked for.
                tab: start
                    .tab
                    .unwrap_or(match (&start.question, &start.forecaster) {
                        (Some(_), _) => Tab::Questions,
                        (None, Some(_)) => Tab::TrackRecords,
                        (None, None) => Tab::default(),
                    }),
                selected: start.select,
                scroll_to_selected: true,
                forecaster: start.forecaster,
                question: start.question,
                ..ViewState::default()
            },
            undo: Vec::new(),
            status: Status::default(),
            started: false,
            pending_folder: folder,
            opening: None,
            reading: None,
            pending_article: start.article,
            saving_png: None,
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

    /// Carries out what the views asked for, each kind in its one place: view changes by
    /// `navigate`, effects by `run_effect`, system commands by `run_system`.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::View(change) => {
                if let Some(note) = navigate(&mut self.ui, change) {
                    self.info(note);
                }
            }
            Action::Effect(effect) => self.run_effect(effect, ctx),
            Action::System(command) => self.run_system(command, ctx),
        }
    }

    pub(super) fn info(&mut self, message: impl Into<String>) {
        self.status = Status {
            message: message.into(),
            is_error: false,
        };
    }

    pub(super) fn error(&mut self, message: impl Into<String>) {
        self.status = Status {
            message: message.into(),
            is_error: true,
        };
    }

    pub(super) fn open_folder(&mut self, folder: &Path, ctx: &egui::Context) {
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
        let session = match opened {
            Ok(session) => session,
            Err(error) => {
                // A folder that is not there can be made: the welcome screen offers it.
                if matches!(error, LoadError::NotFound(_)) && self.session.is_none() {
                    self.ui.missing_folder = Some(folder.to_path_buf());
                }
                return self.error(error.to_string());
            }
        };
        self.ui.missing_folder = None;
        let (forecasts, problems) = (session.ledger.entries.len(), session.ledger.problems.len());
        match &session.watch_error {
            Some(error) => self.error(error.clone()),
            None => self.info(format!(
                "Opened {}: {forecasts} forecast{}, {problems} problem{}",
                folder.display(),
                crate::prose::plural(forecasts),
                crate::prose::plural(problems),
            )),
        }
        self.settings.opened(folder);
        // Switching folders starts afresh; the first folder keeps the start-up choices.
        if self.session.is_some() {
            self.ui.selected = None;
            self.ui.forecaster = None;
            self.ui.question = None;
        }
        self.session = Some(session);
        self.derived.clear();
        self.undo.clear();
        self.ui.only = None;
        self.ui.form = None;
        self.ui.parked.clear();
    }

    pub(super) fn reload(&mut self, ctx: &egui::Context) {
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
        self.collect_article();
        self.collect_png();
        self.collect_opening(ctx);
        if self.session.is_some()
            && let Some(article) = self.pending_article.take()
        {
            self.apply(SystemCommand::ReadArticle(article).into(), ctx);
        }
        let today = self.today();
        let Some(session) = &mut self.session else {
            return;
        };
        session.poll(today, ctx);
        if let Some(finished) = session.repository.poll(ctx) {
            self.git_finished(finished, ctx);
            return self.update_state(ctx);
        }
        self.follow_ledger(ctx);
        self.update_derived(today, ctx);
    }

    /// A chart saved as PNG: where, or why not.
    fn collect_png(&mut self) {
        let Some(slot) = &self.saving_png else { return };
        let Some(outcome) = slot.lock().ok().and_then(|mut done| done.take()) else {
            return;
        };
        self.saving_png = None;
        match outcome {
            Ok(path) => self.info(format!("Saved the chart as {}", path.display())),
            Err(error) => self.error(format!("The chart was not saved: {error}")),
        }
    }

    /// An article read in the background: shown, or why it could not be read.
    fn collect_article(&mut self) {
        let Some(task) = &self.reading else { return };
        let result = match task.poll() {
            Poll::Running => return,
            Poll::Done(result) => result,
            Poll::Lost => Err("reading the article stopped unexpectedly".to_string()),
        };
        self.reading = None;
        match result {
            Ok(view) => {
                self.info(format!(
                    "{}: {}",
                    view.location,
                    candidate_count(view.candidates.len())
                ));
                self.ui.article_ask = None;
                self.ui.article = Some(view);
            }
            Err(error) => self.error(error),
        }
    }

    /// A large folder loaded in the background: opened, or why it could not be.
    fn collect_opening(&mut self, ctx: &egui::Context) {
        let Some(opening) = &self.opening else { return };
        let result = match opening.task.poll() {
            Poll::Running => return,
            Poll::Done(result) => result,
            Poll::Lost => Err(LoadError::Unreadable {
                path: opening.folder.clone(),
                source: std::io::Error::other("the load stopped unexpectedly"),
            }),
        };
        let Some(opening) = self.opening.take() else {
            return;
        };
        let (watch, folder) = (self.watch, opening.folder);
        let opened = result.map(|ledger| Session::with_ledger(&folder, ledger, ctx, watch));
        self.install_session(&folder, opened);
    }

    /// What follows the ledger and the repository without being asked: an open article's
    /// candidates, an untouched commit message, the selected forecast's history and its
    /// verdict form.
    fn follow_ledger(&mut self, ctx: &egui::Context) {
        let today = self.today();
        let Some(session) = &mut self.session else {
            return;
        };
        // An open article's candidates follow the ledger: accepted ones read as in it.
        if let Some(article) = &mut self.ui.article
            && article.generation != session.generation
        {
            crate::intake::refresh(&mut article.candidates, &article.article, &session.ledger);
            article.generation = session.generation;
        }
        if let (Some(form), Some(snapshot)) = (&mut self.ui.commit, &session.repository.snapshot)
            && form.message == form.suggested
            && form.suggested != snapshot.suggested_message
        {
            // An untouched suggestion (a dialog just opened is one) follows a newer snapshot.
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
        // What a form held when it opened, to tell later whether anything was typed in it.
        // Another kind of form opened in its place is a new form.
        match (&self.ui.form, &self.ui.form_opened) {
            (Some(form), None) => self.ui.form_opened = Some(form.clone()),
            (Some(form), Some(opened))
                if std::mem::discriminant(form) != std::mem::discriminant(opened) =>
            {
                self.ui.form_opened = Some(form.clone());
            }
            (None, Some(_)) => self.ui.form_opened = None,
            _ => {}
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
        // And the question page's, for each question shown.
        if let Some(id) = &self.ui.question
            && self.ui.question_form.id != *id
        {
            self.ui.question_form = OutcomeForm {
                id: id.clone(),
                on: today.to_string(),
                ..OutcomeForm::default()
            };
        }
    }

    /// The cached data the views draw from, for the ledger and the view state as they are.
    fn update_derived(&mut self, today: NaiveDate, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
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
                compare_with: self.ui.compare_with.as_deref(),
                leaderboard: self.ui.leaderboard,
                // Laid out only while shown: at 100,000 forecasts it is a sort and a pass
                // that every search keystroke elsewhere would pay for.
                timeline: (self.ui.tab == Tab::Timeline).then_some(self.ui.timeline_grouping),
                selected: self.ui.selected.as_deref(),
            },
            ctx,
        );
    }

    /// The app as the window draws it this frame.
    fn view(&mut self) -> AppView<'_> {
        let today = self.today();
        let reading_article = self.is_reading_article();
        AppView {
            session: self.session.as_ref(),
            derived: &self.derived,
            state: &mut self.ui,
            settings: &mut self.settings,
            status: &self.status,
            opening: self
                .opening
                .as_ref()
                .map(|opening| (opening.folder.as_path(), &*opening.progress)),
            reading_article,
            can_undo: !self.undo.is_empty(),
            today,
        }
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
        app_ui(ui, self.view(), &mut actions);
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
