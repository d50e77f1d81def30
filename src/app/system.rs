//! Running a [`SystemCommand`]: what needs the rest of the app — the open folder, the
//! system's file dialog, work in the background, a form filled in from the ledger, the
//! window's theme, quitting.

use chrono::NaiveDate;

use super::action::SystemCommand;
use super::background::Task;
use super::hindsight_app::HindsightApp;
use super::prefill;
use super::state::{ArticleView, Form};
use super::state::{ImportInputs, ImportPreview};

/// Where an article to read comes from.
enum ArticleInput {
    /// A file or an http(s) URL.
    At(String),
    Pasted(String),
}

impl HindsightApp {
    pub(super) fn run_system(&mut self, command: SystemCommand, ctx: &egui::Context) {
        match command {
            SystemCommand::AskFolder => {
                let current = self.session.as_ref().map(|s| s.dir.display().to_string());
                self.ui.open_folder = Some(current.unwrap_or_default());
            }
            SystemCommand::BrowseFolder => match rfd::FileDialog::new().pick_folder() {
                Some(folder) => self.run_system(SystemCommand::OpenFolder(folder), ctx),
                None => self.info("No folder chosen (or no file dialog available): type its path"),
            },
            SystemCommand::OpenFolder(folder) => {
                self.ui.open_folder = None;
                self.open_folder(&folder, ctx);
            }
            SystemCommand::BrowseNewLedger => match rfd::FileDialog::new().pick_folder() {
                Some(folder) => {
                    let scenarios = folder.join(crate::ledger::DEFAULT_FOLDER);
                    self.run_system(SystemCommand::StartLedgerHere(scenarios), ctx)
                }
                None => self.info("No folder chosen (or no file dialog available)"),
            },
            SystemCommand::BrowseSiteFolder => {
                if let Some(folder) = rfd::FileDialog::new().pick_folder()
                    && let Some(typed) = &mut self.ui.publish
                {
                    *typed = folder.display().to_string();
                }
            }
            SystemCommand::PublishSite(out) => self.publish_site(&out),
            SystemCommand::SaveChartPng { file_name, rect } => {
                match rfd::FileDialog::new()
                    .set_file_name(&file_name)
                    .add_filter("PNG image", &["png"])
                    .save_file()
                {
                    Some(path) => {
                        self.saving_png = Some(super::chart_png::save_chart_png(ctx, rect, &path));
                    }
                    None => self.info("Not saved: no file chosen (or no file dialog available)"),
                }
            }
            SystemCommand::SaveChart { file_name, svg } => {
                match rfd::FileDialog::new()
                    .set_file_name(&file_name)
                    .add_filter("SVG image", &["svg"])
                    .save_file()
                {
                    Some(path) => match std::fs::write(&path, svg) {
                        Ok(()) => self.info(format!("Saved the chart as {}", path.display())),
                        Err(error) => self.error(format!("{}: {error}", path.display())),
                    },
                    None => self.info("Not saved: no file chosen (or no file dialog available)"),
                }
            }
            SystemCommand::BrowseImportFile => {
                if let Some(file) = rfd::FileDialog::new().pick_file()
                    && let Some(dialog) = &mut self.ui.import
                {
                    dialog.inputs.path = file.display().to_string();
                }
            }
            SystemCommand::PreviewImport(inputs) => {
                let preview = self.preview_import(inputs);
                crate::app::navigate::navigate(
                    &mut self.ui,
                    crate::app::action::ViewChange::ImportPreviewed(Box::new(preview)),
                );
            }
            SystemCommand::StartLedgerHere(scenarios) => {
                match crate::init::init_scenarios_folder(&scenarios, self.today()) {
                    Ok(started) => {
                        self.open_folder(&scenarios, ctx);
                        self.info(format!(
                            "Started a new ledger in {}: an example scenario and people.ron to copy from",
                            started.scenarios.display()
                        ));
                    }
                    Err(error) => self.error(error.to_string()),
                }
            }
            SystemCommand::Reload => {
                self.reload(ctx);
                self.info("Reloaded");
            }
            SystemCommand::ReadArticle(location) => {
                self.read_article(ArticleInput::At(location), ctx)
            }
            SystemCommand::ReadPastedArticle(text) => {
                self.read_article(ArticleInput::Pasted(text), ctx)
            }
            SystemCommand::NewForecast => self.open_form(|app, ledger| {
                prefill::new_forecast(ledger, app.ui.selected.as_deref(), app.today()).map(Some)
            }),
            SystemCommand::EditForecast(id) => {
                self.open_form(|_, ledger| Ok(prefill::edit_forecast(ledger, &id)))
            }
            SystemCommand::NewSource => self.open_form(|app, ledger| match &app.ui.form {
                // From a forecast's form: a source of the scenario the forecast goes in.
                Some(Form::Forecast { file, .. }) => Ok(Some(prefill::new_source_in(file))),
                _ => prefill::new_source(ledger, app.ui.selected.as_deref()).map(Some),
            }),
            SystemCommand::AcceptCandidate(index) => self.open_form(|app, ledger| {
                let Some(article) = &app.ui.article else {
                    return Ok(None);
                };
                let selected = app.ui.selected.as_deref();
                prefill::accept_candidate(ledger, article, index, selected, app.today()).transpose()
            }),
            SystemCommand::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            SystemCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Opens the form `fill` makes from the ledger, or says why there is none to open.
    fn open_form(
        &mut self,
        fill: impl FnOnce(&HindsightApp, &crate::ledger::Ledger) -> Result<Option<Form>, &'static str>,
    ) {
        let Some(ledger) = self.ledger() else { return };
        match fill(self, ledger) {
            Ok(Some(form)) => {
                let source_published = chosen_source_date(ledger, self.ui.form.as_ref());
                self.ui.park_form(source_published);
                self.ui.form = Some(form);
            }
            Ok(None) => {}
            Err(error) => self.error(error),
        }
    }

    /// Reads an article (a URL is fetched) and finds its candidates, in the background.
    fn read_article(&mut self, input: ArticleInput, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        let ledger = session.ledger.clone();
        self.reading = Some(Task::spawn(ctx, move || {
            let (location, origin, article) = match input {
                ArticleInput::At(location) => {
                    let article = crate::intake::read_article(&ledger, &location, None)
                        .map_err(|error| error.to_string())?;
                    (location.clone(), Some(location), article)
                }
                ArticleInput::Pasted(text) => (
                    "the pasted text".to_string(),
                    None,
                    crate::intake::article::from_text(text),
                ),
            };
            let candidates = crate::intake::candidates(&article, &ledger);
            Ok(ArticleView {
                dismissed: vec![false; candidates.len()],
                location,
                origin,
                article,
                candidates,
                selected: 0,
                scroll_to_selected: false,
                generation: 0,
            })
        }));
    }
}

impl HindsightApp {
    /// Reads the file the Import window names and plans its import into the open ledger:
    /// what the window shows before anything is written.
    fn preview_import(&self, inputs: ImportInputs) -> ImportPreview {
        let outcome = (|| {
            let session = self.session.as_ref().ok_or("no folder is open")?;
            let ledger = &*session.ledger;
            let columns = Some(inputs.columns.trim())
                .filter(|c| !c.is_empty())
                .map(crate::import::Columns::parse)
                .transpose()
                .map_err(|e| format!("Columns: {e}"))?;
            let forecaster = Some(inputs.forecaster.trim()).filter(|f| !f.is_empty());
            let path = std::path::PathBuf::from(inputs.path.trim());
            let track = crate::import::read_track(&path, inputs.from, columns.as_ref(), forecaster)
                .map_err(|e| format!("{e}; nothing can be imported"))?;
            let options = crate::import::ImportOptions {
                scenario: Some(inputs.scenario.trim().to_string()).filter(|s| !s.is_empty()),
                forecaster: forecaster.map(str::to_string),
            };
            let name = path
                .file_name()
                .map_or_else(|| inputs.path.clone(), |n| n.to_string_lossy().into_owned());
            let plan = crate::import::plan(ledger, &track, &options, &name)?;
            Ok((
                crate::import::describe(ledger, &track, &plan),
                Box::new(plan),
            ))
        })();
        ImportPreview { inputs, outcome }
    }
}

impl HindsightApp {
    /// Writes the site of the forecasts the views show (the filter's) into `out`.
    fn publish_site(&mut self, out: &std::path::Path) {
        let Some(session) = &self.session else {
            return;
        };
        let site = crate::site::build(&session.ledger, &self.derived.visible, self.today());
        match crate::site::write(&site, out) {
            Ok(pages) => {
                self.ui.publish = None;
                self.info(format!(
                    "Published {pages} pages of {} forecasts to {} (open index.html)",
                    self.derived.visible.len(),
                    out.display()
                ));
            }
            Err(error) => self.error(error.to_string()),
        }
    }
}

/// The publication date of the source a forecast's form has chosen, if it is one.
fn chosen_source_date(ledger: &crate::ledger::Ledger, form: Option<&Form>) -> Option<NaiveDate> {
    let Some(Form::Forecast { file, draft, .. }) = form else {
        return None;
    };
    ledger
        .scenario_file(file)?
        .scenario
        .sources
        .iter()
        .find(|source| source.id == draft.source)
        .map(|source| source.published)
}
