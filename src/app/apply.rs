//! Carrying out what the user asked for: the one place where the app changes anything.
//! Every change to a file goes through the library (one-block edits, record inserts and
//! deletes), is recorded for undo, and is followed by a reload so the views show what is on
//! disk.

use crate::ledger::Door;
use std::path::Path;

use super::repository::{Finished, Operation};
use super::undo::UndoStep;
use super::views::filter_bar::{FilterBarState, search_field_id};
use super::{Action, Form, HindsightApp, OutcomeForm, Tab, VerdictReplacement};
use crate::draft::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, check_forecast,
    check_person, check_scenario, check_source,
};
use crate::intake::accept::Acceptance;
use crate::ledger::Change;
use crate::ledger::EditError;
use crate::ledger::Side;
use crate::ledger::{Ledger, Outcome, PEOPLE_FILE, Resolution, ScenarioFile, Verdict};
use crate::query::Filter;

/// Where an article to read comes from.
enum ArticleInput {
    /// A file or an http(s) URL.
    At(String),
    Pasted(String),
}

impl HindsightApp {
    /// Carries out what the views asked for.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Select(id) => {
                self.ui.selected = id;
                self.ui.scroll_to_selected = true;
            }
            Action::ScrolledToSelected => self.ui.scroll_to_selected = false,
            Action::ShowTab(tab) => self.ui.tab = tab,
            Action::ShowForecaster(name) => {
                self.ui.forecaster = Some(name);
                self.ui.tab = Tab::TrackRecords;
            }
            Action::ShowAllForecasters => self.ui.forecaster = None,
            Action::ShowOnly { label, ids } => {
                self.ui.only = Some((label, ids));
                self.ui.tab = Tab::Forecasts;
            }
            Action::ClearOnly => self.ui.only = None,
            Action::SetFilter(filter) => self.ui.filter = filter,
            Action::ClearFilters => {
                self.ui.filter = Filter::default();
                self.ui.filter_bar = FilterBarState::default();
                self.ui.only = None;
            }
            Action::FocusSearch => {
                if !self.ui.tab.has_filter() {
                    self.ui.tab = Tab::Forecasts;
                }
                // The field may first appear next frame: egui keeps a fresh request that long.
                ctx.memory_mut(|memory| memory.request_focus(search_field_id()));
            }
            Action::Sort(key) => {
                if self.ui.sort == key {
                    self.ui.ascending = !self.ui.ascending;
                } else {
                    self.ui.sort = key;
                    self.ui.ascending = true;
                }
            }
            Action::SortLeaderboard(column) => {
                self.ui.leaderboard = self.ui.leaderboard.clicked(column);
            }
            Action::RecordVerdict { id, verdict } => self.record_verdict(&id, verdict, ctx),
            Action::ReplaceVerdict => self.replace_verdict(ctx),
            Action::KeepVerdict => {
                if let Some(asked) = self.ui.confirm_verdict.take() {
                    self.info(format!("Kept the verdict on {}", asked.id));
                }
            }
            Action::Undo => self.undo(ctx),
            Action::AskFolder => {
                let current = self.session.as_ref().map(|s| s.dir.display().to_string());
                self.ui.open_folder = Some(current.unwrap_or_default());
            }
            Action::BrowseFolder => match rfd::FileDialog::new().pick_folder() {
                Some(folder) => self.apply(Action::OpenFolder(folder), ctx),
                None => self.info("No folder chosen (or no file dialog available): type its path"),
            },
            Action::CloseFolderWindow => self.ui.open_folder = None,
            Action::OpenFolder(folder) => {
                self.ui.open_folder = None;
                self.open_folder(&folder, ctx);
            }
            Action::GitSetup => self.git_setup(),
            Action::AskArticle => {
                self.ui.article_ask.get_or_insert_with(Default::default);
            }
            Action::ReadArticle(location) => self.read_article(ArticleInput::At(location), ctx),
            Action::ReadPastedArticle(text) => self.read_article(ArticleInput::Pasted(text), ctx),
            Action::SelectCandidate(index) => {
                if let Some(article) = &mut self.ui.article {
                    article.selected = index;
                    article.scroll_to_selected = true;
                }
            }
            Action::DismissCandidate(index) => {
                if let Some(article) = &mut self.ui.article {
                    if let Some(dismissed) = article.dismissed.get_mut(index) {
                        *dismissed = true;
                    }
                    // The selection moves on to the next candidate still shown.
                    let shown = article.shown();
                    article.selected = shown
                        .iter()
                        .copied()
                        .find(|&i| i > index)
                        .or(shown.last().copied())
                        .unwrap_or(0);
                    article.scroll_to_selected = true;
                }
            }
            Action::AcceptCandidate(index) => self.accept_candidate(index),
            Action::CloseArticle => {
                self.ui.article = None;
                self.ui.article_ask = None;
            }
            Action::EditDispute { id, text } => {
                self.ui.dispute_edit = Some(super::DisputeEdit {
                    id,
                    text,
                    problem: None,
                });
            }
            Action::CancelDisputeEdit => self.ui.dispute_edit = None,
            Action::SettleDispute { path, id, text } => self.settle_dispute(&path, &id, &text, ctx),
            Action::OpenCommit => {
                let snapshot = self
                    .session
                    .as_ref()
                    .and_then(|s| s.repository.snapshot.as_ref());
                let suggested = snapshot
                    .map(|snapshot| snapshot.suggested_message.clone())
                    .unwrap_or_default();
                self.ui.commit = Some(super::CommitForm {
                    message: suggested.clone(),
                    suggested,
                });
            }
            Action::Commit(message) => {
                if let Some(session) = &mut self.session {
                    session.repository.commit(message, ctx);
                }
                self.ui.commit = None;
            }
            Action::CloseCommit => self.ui.commit = None,
            Action::Pull => {
                if let Some(session) = &mut self.session {
                    session.repository.pull(ctx);
                }
            }
            Action::Push => {
                if let Some(session) = &mut self.session {
                    session.repository.push(ctx);
                }
            }
            Action::KeepSide { path, id, side } => self.keep_side(&path, &id, side, ctx),
            Action::Reload => {
                self.reload(ctx);
                self.info("Reloaded");
            }
            Action::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::NewForecast => self.new_forecast_form(),
            Action::EditForecast(id) => self.edit_forecast_form(&id),
            Action::SaveForecast {
                file,
                draft,
                editing,
            } => self.save_forecast(&file, draft, editing, ctx),
            Action::AskDelete(id) => self.ui.confirm_delete = Some(id),
            Action::CancelDelete => self.ui.confirm_delete = None,
            Action::DeleteForecast(id) => self.delete(&id, ctx),
            Action::NewScenario => {
                self.ui.form = Some(Form::Scenario {
                    draft: ScenarioDraft::default(),
                    problems: Vec::new(),
                })
            }
            Action::SaveScenario(draft) => self.save_scenario(draft, ctx),
            Action::NewSource => self.new_source_form(),
            Action::SaveSource { file, draft } => self.save_source(&file, draft, ctx),
            Action::NewPerson => {
                self.ui.form = Some(Form::Person {
                    draft: PersonDraft::default(),
                    problems: Vec::new(),
                })
            }
            Action::SavePerson(draft) => self.save_person(draft, ctx),
            Action::SaveAcceptance { file, acceptance } => {
                self.save_acceptance(&file, *acceptance, ctx)
            }
            Action::CloseForm => self.ui.form = None,
        }
    }

    /// A verdict from the verdict form: its date must be a date; the rest is optional.
    fn record_verdict(&mut self, id: &str, verdict: Option<Verdict>, ctx: &egui::Context) {
        let form = &self.ui.outcome_form;
        let outcome = match verdict {
            None => Outcome::Open,
            Some(verdict) => {
                let Ok(on) = form.on.trim().parse() else {
                    let problem = format!("'{}' is not a date: use YYYY-MM-DD", form.on.trim());
                    self.ui.outcome_form.problem = Some(problem);
                    return;
                };
                let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
                Outcome::Resolved(Resolution {
                    verdict,
                    on,
                    judge: optional(&self.settings.judge),
                    evidence: optional(&form.evidence),
                    link: optional(&form.link),
                })
            }
        };
        self.ui.outcome_form.problem = None;
        self.set_outcome(id, outcome, ctx);
    }

    fn set_outcome(&mut self, id: &str, outcome: Outcome, ctx: &egui::Context) {
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        let Some(entry) = ledger.find(id) else {
            return self.error(format!("No forecast {id} in this folder any more"));
        };
        let view = ledger.view(entry);
        let (path, fingerprint) = (view.file.path.clone(), view.entry.fingerprint);
        let change = Change::SetOutcome(outcome);
        self.write_outcome(&ledger, id, &path, fingerprint, &change, ctx);
    }

    /// The user confirmed that the verdict asked for replaces the one recorded.
    fn replace_verdict(&mut self, ctx: &egui::Context) {
        let Some(asked) = self.ui.confirm_verdict.take() else {
            return;
        };
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        let change = Change::ReplaceOutcome(Outcome::Resolved(asked.proposed));
        self.write_outcome(
            &ledger,
            &asked.id,
            &asked.path,
            asked.fingerprint,
            &change,
            ctx,
        );
    }

    /// Writes a verdict (or reopens), recording the undo; a verdict over another is
    /// first put to the user.
    fn write_outcome(
        &mut self,
        ledger: &Ledger,
        id: &str,
        path: &Path,
        fingerprint: u64,
        change: &Change,
        ctx: &egui::Context,
    ) {
        match Door::of(ledger, path).edit_forecast(id, Some(fingerprint), change) {
            Ok(written) => {
                let message = match (
                    written.before.outcome.verdict(),
                    written.after.outcome.verdict(),
                ) {
                    (Some(before), Some(after)) if written.changed => {
                        format!("Replaced the verdict on {id} ({before}) with {after}")
                    }
                    (_, Some(verdict)) => format!("Resolved {id} as {verdict}"),
                    (_, None) => format!("Reopened {id}"),
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
            Err(EditError::AlreadyResolved {
                current, proposed, ..
            }) => {
                self.ui.confirm_verdict = Some(VerdictReplacement {
                    id: id.to_string(),
                    path: path.to_path_buf(),
                    fingerprint,
                    current: *current,
                    proposed: *proposed,
                });
            }
            // The verdict breaks a rule (dated before the forecast, or in the future): say
            // so next to the verdict buttons, where it can be corrected.
            Err(EditError::Invalid(problem)) => {
                self.ui.outcome_form.problem = Some(problem.message);
            }
            Err(error) => {
                self.error(error.to_string());
                self.reload(ctx);
            }
        }
    }

    /// The loaded ledger, shared, so that it can be used while the app changes.
    fn shared_ledger(&self) -> Option<std::sync::Arc<Ledger>> {
        self.session.as_ref().map(|session| session.ledger.clone())
    }

    fn undo(&mut self, ctx: &egui::Context) {
        let Some(step) = self.undo.pop() else {
            return self.info("Nothing to undo");
        };
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        match step.apply(&ledger) {
            Ok(()) => self.info(format!("Undid: {}", step.describe())),
            Err(error) => self.error(format!("Could not undo: {error}")),
        }
        self.reload(ctx);
    }

    /// The scenario file of the selected forecast (else the first): a new forecast or source
    /// usually belongs with the one being looked at.
    fn selected_file<'a>(&self, ledger: &'a Ledger) -> Option<&'a ScenarioFile> {
        self.ui
            .selected
            .as_deref()
            .and_then(|id| ledger.find(id))
            .map(|entry| ledger.view(entry).file)
            .or_else(|| ledger.files.first())
    }

    fn new_forecast_form(&mut self) {
        let Some(ledger) = self.ledger() else { return };
        let Some(file) = self.selected_file(ledger) else {
            return self.error("Create a scenario first (Edit → New scenario)");
        };
        let draft = ForecastDraft {
            made: self.today().to_string(),
            source: file
                .scenario
                .sources
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            ..ForecastDraft::default()
        };
        self.ui.form = Some(Form::Forecast {
            file: file.path.clone(),
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
            file: view.file.path.clone(),
            draft: ForecastDraft::from_forecast(view.forecast),
            editing: Some(id.to_string()),
            problems: Vec::new(),
        });
    }

    fn set_form_problems(&mut self, found: Vec<FieldProblem>) {
        if let Some(form) = &mut self.ui.form {
            *form.problems_mut() = found;
        }
    }

    /// The scenario file a form names, if it is still in the folder: a reload may have
    /// removed it while the form was open. When it is gone the user is told, and the form
    /// stays open with what was typed.
    fn form_file(&mut self, path: &Path) -> bool {
        let present = self
            .ledger()
            .is_some_and(|ledger| ledger.scenario_file(path).is_some());
        if !present {
            self.error(format!(
                "{} is no longer in the folder: choose another scenario",
                path.display()
            ));
        }
        present
    }

    fn save_forecast(
        &mut self,
        file: &Path,
        draft: ForecastDraft,
        editing: Option<String>,
        ctx: &egui::Context,
    ) {
        if !self.form_file(file) {
            return;
        }
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        let ledger = &*ledger;
        let existing = editing
            .as_deref()
            .and_then(|id| ledger.find(id))
            .map(|entry| ledger.view(entry));
        let outcome = existing.map_or(Outcome::Open, |view| view.forecast.outcome.clone());
        let forecast = match check_forecast(ledger, file, &draft, editing.as_deref(), outcome) {
            Ok(forecast) => forecast,
            Err(problems) => return self.set_form_problems(problems),
        };
        let moved = existing.is_some_and(|view| view.file.path != file);
        let previous = existing.map(|view| {
            (
                view.file.path.clone(),
                view.entry.fingerprint,
                view.forecast.clone(),
            )
        });
        let path = file.to_path_buf();
        let result = match previous {
            Some((old_path, fingerprint, before)) if !moved => Door::of(ledger, &old_path)
                .edit_forecast(
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
            None => Door::of(ledger, &path)
                .insert_forecast(&forecast, None)
                .map(|inserted| UndoStep::Insert {
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
        let view = ledger.view(entry);
        let (file, fingerprint) = (view.file.path.clone(), view.entry.fingerprint);
        let path = file;
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        match Door::of(&ledger, &path).delete_forecast(id, Some(fingerprint)) {
            Ok(deleted) => {
                self.undo.push(UndoStep::Delete {
                    path: deleted.path,
                    forecast: Box::new(deleted.forecast),
                    index: deleted.index,
                });
                if self.ui.selected.as_deref() == Some(id) {
                    self.ui.selected = None;
                }
                // A form editing the forecast has nothing left to edit.
                let editing_it = matches!(
                    &self.ui.form,
                    Some(Form::Forecast { editing: Some(editing), .. }) if editing == id
                );
                if editing_it {
                    self.ui.form = None;
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
        let door = Door::new_scenario(&session.ledger, &scenario.id);
        match door.create_scenario(&scenario) {
            Ok(()) => {
                self.ui.form = None;
                self.info(format!("Created {}", door.path().display()));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    fn new_source_form(&mut self) {
        let Some(ledger) = self.ledger() else { return };
        let Some(file) = self.selected_file(ledger) else {
            return self.error("Create a scenario first (Edit → New scenario)");
        };
        self.ui.form = Some(Form::Source {
            file: file.path.clone(),
            draft: SourceDraft::default(),
            problems: Vec::new(),
        });
    }

    fn save_source(&mut self, file: &Path, draft: SourceDraft, ctx: &egui::Context) {
        if !self.form_file(file) {
            return;
        }
        let Some(ledger) = self.ledger() else { return };
        let source = match check_source(ledger, file, &draft) {
            Ok(source) => source,
            Err(problems) => return self.set_form_problems(problems),
        };
        let path = file.to_path_buf();
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        match Door::of(&ledger, &path).insert_source(&source) {
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
        match Door::people(&session.ledger).insert_person(&person) {
            Ok(()) => {
                self.ui.form = None;
                self.info(format!("Added {} to {PEOPLE_FILE}", person.name));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    fn git_setup(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        let done = std::env::current_exe()
            .map_err(|error| error.to_string())
            .and_then(|program| crate::git::setup(&session.dir, &program));
        match done {
            Ok(setup) => {
                session.git_setup_needed = false;
                let commit = if setup.attributes_added {
                    "; commit .gitattributes so the others get it"
                } else {
                    ""
                };
                self.info(format!("Ledger files now merge by record id{commit}"));
            }
            Err(error) => self.error(format!("Could not set up merging: {error}")),
        }
    }

    /// Reads an article (a URL is fetched) and finds its candidates, in the background.
    fn read_article(&mut self, input: ArticleInput, ctx: &egui::Context) {
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        self.reading = Some(super::background::Task::spawn(ctx, move || {
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
            Ok(super::ArticleView {
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

    /// Opens the accept form filled in from a candidate (with a new person and source
    /// when the folder lacks them), in the scenario that cites the article, else the
    /// selected forecast's scenario.
    fn accept_candidate(&mut self, index: usize) {
        let Some(ledger) = self.ledger() else { return };
        let Some(article) = &self.ui.article else {
            return;
        };
        let Some(candidate) = article.candidates.get(index) else {
            return;
        };
        let origin = article.origin.as_deref();
        let cited = origin.and_then(|origin| crate::intake::cited_source(ledger, origin));
        let Some(file) = cited
            .map(|(file, _)| file)
            .or_else(|| self.selected_file(ledger))
        else {
            return self.error("Create a scenario first (Edit → New scenario)");
        };
        let acceptance = crate::intake::accept::acceptance(
            ledger,
            file,
            origin,
            &article.article,
            candidate,
            self.today(),
        );
        self.ui.form = Some(Form::Accept {
            file: file.path.clone(),
            acceptance: Box::new(acceptance),
            problems: Vec::new(),
        });
    }

    /// Writes an accepted candidate: its forecast, and the person, source and seed file it
    /// needs. The article then reads as cited by the folder, from its saved seed.
    fn save_acceptance(&mut self, file: &Path, acceptance: Acceptance, ctx: &egui::Context) {
        if !self.form_file(file) {
            return;
        }
        let Some(session) = &mut self.session else {
            return;
        };
        let checked = match crate::intake::accept::check(&session.ledger, file, &acceptance) {
            Ok(checked) => checked,
            Err(problems) => return self.set_form_problems(problems),
        };
        // The write takes in the new person; other holders of the ledger (a background
        // task) keep theirs, and the reload below replaces this one.
        let ledger = std::sync::Arc::make_mut(&mut session.ledger);
        match crate::intake::accept::save(ledger, file, checked) {
            Ok(saved) => {
                let id = saved.inserted.forecast.id.clone();
                self.undo.push(UndoStep::Insert {
                    path: saved.inserted.path,
                    id: id.clone(),
                    fingerprint: saved.inserted.fingerprint,
                });
                if let (Some(seed), Some(article)) = (&saved.seed, &mut self.ui.article) {
                    article.origin = Some(seed.display().to_string());
                }
                let mut also: Vec<String> = Vec::new();
                also.extend(saved.person.map(|person| format!("person {person}")));
                also.extend(saved.source.map(|source| format!("source {source}")));
                also.extend(saved.seed.map(|seed| seed.display().to_string()));
                let also = if also.is_empty() {
                    String::new()
                } else {
                    format!(" with {}", also.join(", "))
                };
                self.ui.form = None;
                self.ui.selected = Some(id.clone());
                self.ui.scroll_to_selected = true;
                self.info(format!("Added {id}{also}"));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }

    /// A commit, pull or push ended: say how, and show what a pull brought in.
    pub(super) fn git_finished(&mut self, finished: Finished, ctx: &egui::Context) {
        match finished.result {
            Ok(message) => {
                if finished.operation == Operation::Pull {
                    self.reload(ctx);
                }
                let disputes = self.ledger().map_or(0, |ledger| ledger.disputes.len());
                // A pull that left disputes shows them, the first one in the detail panel.
                if finished.conflicts {
                    self.ui.tab = Tab::Problems;
                    if let Some(first) = self.ledger().and_then(|l| l.disputes.first()) {
                        self.ui.selected = Some(first.id.clone());
                    }
                }
                match disputes {
                    0 => self.info(message),
                    1 => self.info(format!("{message} · 1 dispute to settle, then commit")),
                    n => self.info(format!("{message} · {n} disputes to settle, then commit")),
                }
            }
            Err(error) => self.error(error),
        }
    }

    fn settle_dispute(&mut self, path: &Path, id: &str, text: &str, ctx: &egui::Context) {
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        match Door::of(&ledger, path).settle_with(id, text) {
            Ok(()) => {
                self.ui.dispute_edit = None;
                self.info(format!("Settled {id} with the version written"));
                self.reload(ctx);
            }
            Err(error) => {
                if let Some(edit) = &mut self.ui.dispute_edit {
                    edit.problem = Some(error.to_string());
                }
                self.error(error.to_string());
            }
        }
    }

    fn keep_side(&mut self, path: &Path, id: &str, side: Side, ctx: &egui::Context) {
        let Some(ledger) = self.shared_ledger() else {
            return;
        };
        match Door::of(&ledger, path).keep_side(id, side) {
            Ok(()) => {
                let which = if side == Side::Theirs { "their" } else { "our" };
                self.info(format!("Kept {which} version of {id}"));
            }
            Err(error) => self.error(error.to_string()),
        }
        self.reload(ctx);
    }
}
