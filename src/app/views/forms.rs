//! The form windows: add or edit a forecast (with the probability its words map to shown as
//! you type, and forecaster autocomplete from the people registry), a new scenario, source
//! or person, the delete confirmation and the open-folder window. Forms only collect text
//! into their drafts (typing, picking from a list or an autocomplete suggestion); opening,
//! saving and closing are actions. The library checks a draft, and its problems come back
//! shown next to their fields.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::ViewCtx;
use super::detail::text_row;
use crate::app::{Action, Settings};
use crate::ledger::draft::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, people_matching,
    preview_probability,
};

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
}

impl Form {
    pub fn problems_mut(&mut self) -> &mut Vec<FieldProblem> {
        match self {
            Form::Forecast { problems, .. }
            | Form::Scenario { problems, .. }
            | Form::Source { problems, .. }
            | Form::Person { problems, .. } => problems,
        }
    }

    fn problems(&self) -> &[FieldProblem] {
        match self {
            Form::Forecast { problems, .. }
            | Form::Scenario { problems, .. }
            | Form::Source { problems, .. }
            | Form::Person { problems, .. } => problems,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Form::Forecast {
                editing: Some(_), ..
            } => "Edit forecast",
            Form::Forecast { editing: None, .. } => "New forecast",
            Form::Scenario { .. } => "New scenario",
            Form::Source { .. } => "New source",
            Form::Person { .. } => "New person",
        }
    }
}

/// The open form's window. What is typed (or picked from a list) goes into the draft;
/// saving, cancelling and closing are actions.
pub fn form_window(
    ctx: &egui::Context,
    view: &ViewCtx,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new(form.title())
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            match form {
                Form::Forecast {
                    file,
                    draft,
                    editing,
                    problems,
                } => forecast_form(ui, view, file, draft, editing, problems, actions),
                Form::Scenario { draft, problems } => {
                    fields(
                        ui,
                        "scenario-form",
                        problems,
                        [
                            ("Id", "id", &mut draft.id, "short-lowercase-id"),
                            ("Title", "title", &mut draft.title, "what is being watched"),
                            (
                                "Summary",
                                "summary",
                                &mut draft.summary,
                                "one or two sentences",
                            ),
                            ("Tags", "tags", &mut draft.tags, "comma-separated"),
                        ],
                    );
                    if ui.button("Create scenario").clicked() {
                        actions.push(Action::SaveScenario(draft.clone()));
                    }
                }
                Form::Source {
                    file,
                    draft,
                    problems,
                } => {
                    scenario_choice(ui, view, file, false);
                    fields(
                        ui,
                        "source-form",
                        problems,
                        [
                            ("Id", "id", &mut draft.id, "short id, unique in the file"),
                            (
                                "Outlet",
                                "outlet",
                                &mut draft.outlet,
                                "newspaper, site, broadcaster",
                            ),
                            ("Title", "title", &mut draft.title, "the article's title"),
                            (
                                "Author",
                                "author",
                                &mut draft.author,
                                "the journalist (optional)",
                            ),
                            ("Published", "published", &mut draft.published, "YYYY-MM-DD"),
                            ("URL", "url", &mut draft.url, "https://… (optional)"),
                            (
                                "Seed file",
                                "seed",
                                &mut draft.seed,
                                "seeds/….txt (optional)",
                            ),
                        ],
                    );
                    if ui.button("Add source").clicked() {
                        actions.push(Action::SaveSource {
                            file: file.clone(),
                            draft: draft.clone(),
                        });
                    }
                }
                Form::Person { draft, problems } => {
                    fields(
                        ui,
                        "person-form",
                        problems,
                        [
                            ("Id", "id", &mut draft.id, "firstname-lastname"),
                            ("Name", "name", &mut draft.name, "canonical name"),
                            (
                                "Aliases",
                                "aliases",
                                &mut draft.aliases,
                                "other spellings, comma-separated",
                            ),
                            (
                                "Affiliation",
                                "affiliation",
                                &mut draft.affiliation,
                                "optional",
                            ),
                        ],
                    );
                    if ui.button("Add person").clicked() {
                        actions.push(Action::SavePerson(draft.clone()));
                    }
                }
            }
            other_problems(ui, form.problems());
            if ui.button("Cancel").clicked() {
                actions.push(Action::CloseForm);
            }
        });
    if !open {
        actions.push(Action::CloseForm);
    }
}

/// A grid of labelled fields: (label, field name in the file format, value, hint).
fn fields<const N: usize>(
    ui: &mut Ui,
    id: &str,
    problems: &[FieldProblem],
    rows: [(&str, &str, &mut String, &str); N],
) {
    egui::Grid::new(id).num_columns(2).show(ui, |ui| {
        for (label, name, value, hint) in rows {
            field(ui, label, value, hint, problems, name);
        }
    });
}

/// Problems about fields a form does not show (e.g. moving a forecast between files).
fn other_problems(ui: &mut Ui, problems: &[FieldProblem]) {
    for problem in problems.iter().filter(|p| p.field == "scenario") {
        ui.colored_label(ui.visuals().error_fg_color, &problem.message);
    }
}

/// A labelled field with the problems about it shown under it.
fn field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    problems: &[FieldProblem],
    name: &str,
) {
    text_row(ui, label, value, hint);
    for problem in problems.iter().filter(|p| p.field == name) {
        ui.label("");
        ui.colored_label(ui.visuals().error_fg_color, &problem.message);
        ui.end_row();
    }
}

/// The scenario a form writes to, chosen by title; a file that left the folder while the
/// form was open is named as gone (saving then says so, and keeps the form).
fn scenario_choice(ui: &mut Ui, view: &ViewCtx, file: &mut PathBuf, locked: bool) {
    let files = &view.ledger.files;
    let current = view.ledger.scenario_file(file).map_or_else(
        || format!("{} (no longer in the folder)", file.display()),
        |f| f.scenario.title.clone(),
    );
    ui.add_enabled_ui(!locked, |ui| {
        egui::ComboBox::from_label("Scenario")
            .selected_text(current)
            .width(360.0)
            .show_ui(ui, |ui| {
                for scenario_file in files {
                    ui.selectable_value(
                        file,
                        scenario_file.path.clone(),
                        &scenario_file.scenario.title,
                    );
                }
            });
    });
}

fn forecast_form(
    ui: &mut Ui,
    view: &ViewCtx,
    file: &mut PathBuf,
    draft: &mut ForecastDraft,
    editing: &Option<String>,
    problems: &[FieldProblem],
    actions: &mut Vec<Action>,
) {
    let ledger = view.ledger;
    scenario_choice(ui, view, file, editing.is_some());
    let sources = ledger
        .scenario_file(file)
        .map(|f| f.scenario.sources.as_slice())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        let current = sources
            .iter()
            .find(|s| s.id == draft.source)
            .map_or("choose a source".to_string(), |s| {
                format!("{} — {}", s.outlet, s.title)
            });
        egui::ComboBox::from_label("Source")
            .selected_text(super::style::shorten(&current, 60))
            .width(360.0)
            .show_ui(ui, |ui| {
                for source in sources {
                    ui.selectable_value(
                        &mut draft.source,
                        source.id.clone(),
                        format!("{} — {}", source.outlet, source.title),
                    );
                }
            });
        if ui.small_button("New source…").clicked() {
            actions.push(Action::NewSource);
        }
    });
    for problem in problems.iter().filter(|p| p.field == "source") {
        ui.colored_label(ui.visuals().error_fg_color, &problem.message);
    }

    egui::Grid::new("forecast-form")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            field(
                ui,
                "Forecaster",
                &mut draft.by,
                "who made the claim (not the journalist)",
                problems,
                "by",
            );
            let known = ledger.person(&draft.by).is_some();
            if !draft.by.trim().is_empty() && !known {
                let matches = people_matching(ledger, &draft.by, 6);
                ui.label("");
                ui.horizontal_wrapped(|ui| {
                    if matches.is_empty() {
                        ui.weak("not in the registry:");
                        if ui.small_button("New person…").clicked() {
                            actions.push(Action::NewPerson);
                        }
                    }
                    for person in matches {
                        if ui
                            .small_button(&person.name)
                            .on_hover_text(&person.id)
                            .clicked()
                        {
                            draft.by = person.id.clone();
                        }
                    }
                });
                ui.end_row();
            }
            field(ui, "Made", &mut draft.made, "YYYY-MM-DD", problems, "made");
            field(
                ui,
                "Quote",
                &mut draft.quote,
                "the words, verbatim",
                problems,
                "quote",
            );
            field(
                ui,
                "Claim",
                &mut draft.claim,
                "a checkable proposition",
                problems,
                "claim",
            );
            field(
                ui,
                "Confidence words",
                &mut draft.expression,
                "e.g. most likely, never, less likely",
                problems,
                "expression",
            );
            field(
                ui,
                "Baseline",
                &mut draft.baseline,
                "optional: the level a comparative moves from, e.g. likely",
                problems,
                "baseline",
            );
            field(
                ui,
                "Probability",
                &mut draft.probability,
                "optional: 0.7 or 70%",
                problems,
                "probability",
            );
            let preview = preview_probability(
                &ledger.phrases,
                &draft.expression,
                &draft.baseline,
                &draft.probability,
            );
            ui.label("");
            let text = match preview.value {
                Some(value) => RichText::new(format!(
                    "scored as {:.0}%{} — {}",
                    value * 100.0,
                    preview
                        .range
                        .map(|(l, h)| format!(" (range {:.0}–{:.0}%)", l * 100.0, h * 100.0))
                        .unwrap_or_default(),
                    preview.explanation
                )),
                None => RichText::new(&preview.explanation).color(ui.visuals().warn_fg_color),
            };
            ui.label(text);
            ui.end_row();
            field(
                ui,
                "Condition",
                &mut draft.condition,
                "optional: only judged if…",
                problems,
                "condition",
            );
            field(
                ui,
                "Resolve by",
                &mut draft.resolve_by,
                "YYYY-MM-DD",
                problems,
                "resolve_by",
            );
            ui.label("");
            ui.checkbox(
                &mut draft.resolve_by_stated,
                "The forecaster stated this horizon",
            );
            ui.end_row();
            field(
                ui,
                "Tags",
                &mut draft.tags,
                "comma-separated",
                problems,
                "tags",
            );
            field(
                ui,
                "Id",
                &mut draft.id,
                "leave empty for a suggested id",
                problems,
                "id",
            );
        });
    ui.horizontal(|ui| {
        let label = if editing.is_some() {
            "Save changes"
        } else {
            "Add forecast"
        };
        if ui.button(label).clicked() {
            let mut draft = draft.clone();
            if draft.id.trim().is_empty() && editing.is_none() {
                draft.id =
                    crate::ledger::draft::suggest_forecast_id(ledger, &draft.by, &draft.claim);
            }
            actions.push(Action::SaveForecast {
                file: file.clone(),
                draft,
                editing: editing.clone(),
            });
        }
        if let Some(id) = editing
            && ui.button("Delete…").clicked()
        {
            actions.push(Action::AskDelete(id.clone()));
        }
    });
}

/// Asks before deleting forecast `id`.
pub fn delete_confirmation(
    ctx: &egui::Context,
    view: &ViewCtx,
    id: &str,
    actions: &mut Vec<Action>,
) {
    let Some(entry) = view.ledger.find(id) else {
        // Gone from the folder (a reload) while the question was open.
        actions.push(Action::CancelDelete);
        return;
    };
    let forecast = view.ledger.view(entry);
    let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ctx, |ui| {
        ui.heading("Delete this forecast?");
        ui.label(format!(
            "{} — {}",
            forecast.forecast.id, forecast.forecast.claim
        ));
        ui.weak(format!(
            "Its block is removed from {}. Ctrl+Z puts it back.",
            forecast.file.path.display()
        ));
        ui.horizontal(|ui| {
            if ui.button("Delete forecast").clicked() {
                actions.push(Action::DeleteForecast(id.to_string()));
            }
            if ui.button("Keep it").clicked() {
                actions.push(Action::CancelDelete);
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::CancelDelete);
    }
}

/// File → Open folder: a typed path always works; "Browse…" asks for the system dialog,
/// which the app opens when one is available (it needs the desktop portal on Linux).
pub fn open_folder_window(
    ctx: &egui::Context,
    path: &mut Option<String>,
    settings: &Settings,
    actions: &mut Vec<Action>,
) {
    let Some(path) = path else {
        return;
    };
    let mut open = true;
    let mut chosen = None;
    egui::Window::new("Open folder")
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(
                "A folder of scenario files (e.g. the scenarios folder of a ledger repository).",
            );
            egui::Grid::new("open-folder")
                .num_columns(2)
                .show(ui, |ui| {
                    let response = text_row(ui, "Folder path", path, "/path/to/scenarios");
                    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        chosen = Some(path.clone());
                    }
                });
            ui.horizontal(|ui| {
                if ui.button("Open").clicked() {
                    chosen = Some(path.clone());
                }
                if ui.button("Browse…").clicked() {
                    actions.push(Action::BrowseFolder);
                }
            });
            if !settings.recent_folders.is_empty() {
                ui.separator();
                ui.label("Recent");
                for folder in &settings.recent_folders {
                    if ui.link(folder.display().to_string()).clicked() {
                        chosen = Some(folder.display().to_string());
                    }
                }
            }
        });
    if let Some(folder) = chosen.filter(|f| !f.trim().is_empty()) {
        actions.push(Action::OpenFolder(Path::new(folder.trim()).to_path_buf()));
    }
    if !open {
        actions.push(Action::CloseFolderWindow);
    }
}
