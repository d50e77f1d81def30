//! The desktop app: a view over the ledger plus an editor that writes through the library.
//! It never parses, scores or writes files itself. Views draw from the ledger and return
//! [`Action`]s; [`HindsightApp::apply`] carries them out, one place for every change.

mod action;
mod derived;
mod session;
mod settings;
mod undo;
mod views;
mod watch;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use action::Action;
pub use settings::{Settings, Theme};

use crate::ledger::draft::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, check_forecast,
    check_person, check_scenario, check_source,
};
use crate::ledger::edit::{Change, check_resolution, edit_forecast};
use crate::ledger::insert::{
    create_scenario, delete_forecast, insert_forecast, insert_person, insert_source,
};
use crate::ledger::{Ledger, Outcome, PEOPLE_FILE};
use crate::query::{Filter, SortKey};
use derived::{Derived, Inputs};
use session::Session;
use undo::UndoStep;

/// The key under which [`Settings`] are stored.
const SETTINGS_KEY: &str = "hindsight-settings";

/// The main views, one tab each.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum Tab {
    #[default]
    Overview,
    Forecasts,
    TrackRecords,
    Timeline,
    Problems,
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
}

/// Opens the app in a native window.
pub fn run(folder: Option<PathBuf>, start: StartAt) -> eframe::Result<()> {
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
                    today: None,
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
            let here = PathBuf::from(crate::cli::DEFAULT_FOLDER);
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

/// The verdict form in the detail panel; the judge's name lives in [`Settings`].
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

/// An open form window.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    Forecast {
        file: usize,
        draft: ForecastDraft,
        editing: Option<String>,
        problems: Vec<FieldProblem>,
    },
    Scenario {
        draft: ScenarioDraft,
        problems: Vec<FieldProblem>,
    },
    Source {
        file: usize,
        draft: SourceDraft,
        problems: Vec<FieldProblem>,
    },
    Person {
        draft: PersonDraft,
        problems: Vec<FieldProblem>,
    },
}

/// Everything the views show and edit besides the ledger itself.
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
    /// The typed-path "Open folder" window (the fallback when no file dialog is available).
    pub open_folder: Option<String>,
    /// Scroll the table to the selected row once (after keyboard navigation or a new selection).
    pub scroll_to_selected: bool,
    pub focus_search: bool,
    /// The date-range fields as typed (the filter holds them once they parse).
    pub from_text: String,
    pub to_text: String,
    pub leaderboard: LeaderboardSort,
}

/// How the leaderboard is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeaderboardSort {
    pub column: LeaderboardColumn,
    pub descending: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LeaderboardColumn {
    Name,
    Resolved,
    Scored,
    #[default]
    Brier,
    LogScore,
    HitRate,
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
    /// Set when the ledger changed: the detail panel reloads the quote's context.
    quote_cache: views::detail::QuoteCache,
    started: bool,
    pending_folder: Option<PathBuf>,
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
            quote_cache: Default::default(),
            started: false,
            pending_folder: folder,
        }
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
        let watch = self.watch.then_some(ctx);
        match Session::open(folder, self.today(), watch) {
            Ok(session) => {
                let summary = format!(
                    "Opened {}: {} forecasts, {} problems",
                    folder.display(),
                    session.ledger.entries.len(),
                    session.ledger.problems.len()
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
        let today = self.today();
        let Some(session) = &mut self.session else {
            return;
        };
        if session.poll(today, ctx) {
            self.quote_cache.clear();
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
            },
            ctx,
        );
    }

    /// Carries out what the views asked for.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Select(id) => {
                self.ui.selected = id;
                self.ui.scroll_to_selected = true;
            }
            Action::ShowTab(tab) => self.ui.tab = tab,
            Action::ShowForecaster(name) => {
                self.ui.forecaster = Some(name);
                self.ui.tab = Tab::TrackRecords;
            }
            Action::ShowOnly { label, ids } => {
                self.ui.only = Some((label, ids));
                self.ui.tab = Tab::Forecasts;
            }
            Action::ClearOnly => self.ui.only = None,
            Action::Sort(key) => {
                if self.ui.sort == key {
                    self.ui.ascending = !self.ui.ascending;
                } else {
                    self.ui.sort = key;
                    self.ui.ascending = true;
                }
            }
            Action::SetOutcome { id, outcome } => self.set_outcome(&id, outcome, ctx),
            Action::Undo => self.undo(ctx),
            Action::OpenFolder(folder) => {
                self.ui.open_folder = None;
                self.open_folder(&folder, ctx);
            }
            Action::Reload => {
                self.reload(ctx);
                self.info("Reloaded");
            }
            Action::NewForecast => self.new_forecast_form(),
            Action::EditForecast(id) => self.edit_forecast_form(&id),
            Action::SaveForecast {
                file,
                draft,
                editing,
            } => self.save_forecast(file, draft, editing, ctx),
            Action::AskDelete(id) => self.ui.confirm_delete = Some(id),
            Action::DeleteForecast(id) => self.delete(&id, ctx),
            Action::NewScenario => {
                self.ui.form = Some(Form::Scenario {
                    draft: ScenarioDraft::default(),
                    problems: Vec::new(),
                })
            }
            Action::SaveScenario(draft) => self.save_scenario(draft, ctx),
            Action::NewSource => self.new_source_form(),
            Action::SaveSource { file, draft } => self.save_source(file, draft, ctx),
            Action::NewPerson => {
                self.ui.form = Some(Form::Person {
                    draft: PersonDraft::default(),
                    problems: Vec::new(),
                })
            }
            Action::SavePerson(draft) => self.save_person(draft, ctx),
        }
    }

    fn set_outcome(&mut self, id: &str, outcome: Outcome, ctx: &egui::Context) {
        let today = self.today();
        let Some(ledger) = self.ledger() else { return };
        let Some(entry) = ledger.find(id) else {
            return self.error(format!("No forecast {id} in this folder any more"));
        };
        let view = ledger.view(entry);
        if view.file.has_errors {
            return self.error(format!(
                "{} has errors, and Hindsight never rewrites a file with errors: fix them first (see Problems)",
                view.file.path.display()
            ));
        }
        if let Outcome::Resolved(resolution) = &outcome
            && let Err(problem) = check_resolution(view.forecast, resolution, today)
        {
            self.ui.outcome_form.problem = Some(problem);
            return;
        }
        let (path, fingerprint) = (view.file.path.clone(), view.entry.fingerprint);
        match edit_forecast(&path, id, Some(fingerprint), &Change::SetOutcome(outcome)) {
            Ok(written) => {
                let message = match written.after.outcome.verdict() {
                    Some(verdict) => format!("Resolved {id} as {verdict}"),
                    None => format!("Reopened {id}"),
                };
                if written.changed {
                    self.undo.push(UndoStep::Outcome {
                        path: written.path,
                        id: id.to_string(),
                        previous: written.before.outcome,
                        fingerprint: written.fingerprint,
                    });
                }
                self.ui.outcome_form = OutcomeForm::default();
                self.info(message);
                self.reload(ctx);
            }
            Err(error) => {
                self.error(error.to_string());
                self.reload(ctx);
            }
        }
    }

    fn undo(&mut self, ctx: &egui::Context) {
        let Some(step) = self.undo.pop() else {
            return self.info("Nothing to undo");
        };
        match step.apply() {
            Ok(()) => self.info(format!("Undid: {}", step.describe())),
            Err(error) => self.error(format!("Could not undo: {error}")),
        }
        self.reload(ctx);
    }

    /// The scenario file of the selected forecast (else the first): a new forecast or source
    /// usually belongs with the one being looked at.
    fn selected_file(&self, ledger: &Ledger) -> usize {
        self.ui
            .selected
            .as_deref()
            .and_then(|id| ledger.find(id))
            .map_or(0, |entry| ledger.entries[entry].file)
    }

    fn new_forecast_form(&mut self) {
        let Some(ledger) = self.ledger() else { return };
        if ledger.files.is_empty() {
            return self.error("Create a scenario first (Edit → New scenario)");
        }
        let file = self.selected_file(ledger);
        let draft = ForecastDraft {
            made: self.today().to_string(),
            source: ledger.files[file]
                .scenario
                .sources
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            ..ForecastDraft::default()
        };
        self.ui.form = Some(Form::Forecast {
            file,
            draft,
            editing: None,
            problems: Vec::new(),
        });
    }

    fn edit_forecast_form(&mut self, id: &str) {
        let Some(ledger) = self.ledger() else { return };
        let Some(entry) = ledger.find(id) else { return };
        let view = ledger.view(entry);
        self.ui.form = Some(Form::Forecast {
            file: view.entry.file,
            draft: ForecastDraft::from_forecast(view.forecast),
            editing: Some(id.to_string()),
            problems: Vec::new(),
        });
    }

    fn set_form_problems(&mut self, found: Vec<FieldProblem>) {
        if let Some(
            Form::Forecast { problems, .. }
            | Form::Scenario { problems, .. }
            | Form::Source { problems, .. }
            | Form::Person { problems, .. },
        ) = &mut self.ui.form
        {
            *problems = found;
        }
    }

    /// A file the app is about to write must be free of errors.
    fn writable(&mut self, file: usize) -> Option<PathBuf> {
        let ledger = self.ledger()?;
        let scenario_file = ledger.files.get(file)?;
        if scenario_file.has_errors {
            let message = format!(
                "{} has errors, and Hindsight never rewrites a file with errors: fix them first (see Problems)",
                scenario_file.path.display()
            );
            self.error(message);
            return None;
        }
        Some(scenario_file.path.clone())
    }

    fn save_forecast(
        &mut self,
        file: usize,
        draft: ForecastDraft,
        editing: Option<String>,
        ctx: &egui::Context,
    ) {
        let Some(ledger) = self.ledger() else { return };
        let existing = editing
            .as_deref()
            .and_then(|id| ledger.find(id))
            .map(|entry| ledger.view(entry));
        let outcome = existing.map_or(Outcome::Open, |view| view.forecast.outcome.clone());
        let forecast = match check_forecast(ledger, file, &draft, editing.as_deref(), outcome) {
            Ok(forecast) => forecast,
            Err(problems) => return self.set_form_problems(problems),
        };
        let moved = existing.is_some_and(|view| view.entry.file != file);
        let previous = existing.map(|view| {
            (
                view.file.path.clone(),
                view.entry.fingerprint,
                view.forecast.clone(),
            )
        });
        let Some(path) = self.writable(file) else {
            return;
        };
        let result = match previous {
            Some((old_path, fingerprint, before)) if !moved => edit_forecast(
                &old_path,
                &forecast.id,
                Some(fingerprint),
                &Change::Replace(Box::new(forecast.clone())),
            )
            .map(|written| UndoStep::Edit {
                path: written.path,
                previous: Box::new(before),
                fingerprint: written.fingerprint,
            }),
            Some(_) => {
                return self.set_form_problems(vec![FieldProblem {
                    field: "scenario",
                    message:
                        "a forecast cannot move to another scenario; delete it and add it there"
                            .into(),
                }]);
            }
            None => insert_forecast(&path, &forecast, None).map(|inserted| UndoStep::Insert {
                path: inserted.path,
                id: inserted.forecast.id.clone(),
                fingerprint: inserted.fingerprint,
            }),
        };
        match result {
            Ok(step) => {
                let verb = if editing.is_some() { "Saved" } else { "Added" };
                self.undo.push(step);
                self.ui.form = None;
                self.ui.selected = Some(forecast.id.clone());
                self.ui.scroll_to_selected = true;
                self.info(format!("{verb} {}", forecast.id));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    fn delete(&mut self, id: &str, ctx: &egui::Context) {
        self.ui.confirm_delete = None;
        let Some(ledger) = self.ledger() else { return };
        let Some(entry) = ledger.find(id) else { return };
        let (file, fingerprint) = (
            ledger.entries[entry].file,
            ledger.entries[entry].fingerprint,
        );
        let Some(path) = self.writable(file) else {
            return;
        };
        match delete_forecast(&path, id, Some(fingerprint)) {
            Ok(deleted) => {
                self.undo.push(UndoStep::Delete {
                    path: deleted.path,
                    forecast: Box::new(deleted.forecast),
                    index: deleted.index,
                });
                if self.ui.selected.as_deref() == Some(id) {
                    self.ui.selected = None;
                }
                self.info(format!("Deleted {id} (Ctrl+Z to undo)"));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    fn save_scenario(&mut self, draft: ScenarioDraft, ctx: &egui::Context) {
        let Some(session) = &self.session else { return };
        let scenario = match check_scenario(&session.ledger, &draft) {
            Ok(scenario) => scenario,
            Err(problems) => return self.set_form_problems(problems),
        };
        match create_scenario(&session.dir, &scenario) {
            Ok(path) => {
                self.ui.form = None;
                self.info(format!("Created {}", path.display()));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    fn new_source_form(&mut self) {
        let Some(ledger) = self.ledger() else { return };
        if ledger.files.is_empty() {
            return self.error("Create a scenario first (Edit → New scenario)");
        }
        let file = self.selected_file(ledger);
        self.ui.form = Some(Form::Source {
            file,
            draft: SourceDraft::default(),
            problems: Vec::new(),
        });
    }

    fn save_source(&mut self, file: usize, draft: SourceDraft, ctx: &egui::Context) {
        let Some(ledger) = self.ledger() else { return };
        let source = match check_source(ledger, file, &draft) {
            Ok(source) => source,
            Err(problems) => return self.set_form_problems(problems),
        };
        let Some(path) = self.writable(file) else {
            return;
        };
        match insert_source(&path, &source) {
            Ok(()) => {
                self.ui.form = None;
                self.info(format!("Added source {}", source.id));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    fn save_person(&mut self, draft: PersonDraft, ctx: &egui::Context) {
        let Some(session) = &self.session else { return };
        let person = match check_person(&session.ledger, &draft) {
            Ok(person) => person,
            Err(problems) => return self.set_form_problems(problems),
        };
        let people_path = session.dir.join(PEOPLE_FILE);
        let broken = session
            .ledger
            .problems_in(&people_path)
            .any(|p| p.is_error());
        if broken {
            return self.error(format!(
                "{} has errors: fix them first (see Problems)",
                people_path.display()
            ));
        }
        match insert_person(&people_path, &person) {
            Ok(()) => {
                self.ui.form = None;
                self.info(format!("Added {} to {PEOPLE_FILE}", person.name));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
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
