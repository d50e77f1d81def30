//! The form windows: add or edit a forecast (with the probability its words map to shown as
//! you type, and forecaster autocomplete from the people registry), a new scenario, source
//! or person, the delete confirmation and the open-folder window. Forms only collect text;
//! the library checks it, and problems come back shown next to their fields.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::ViewCtx;
use super::detail::text_row;
use crate::app::{Action, Form, Settings, UiState};
use crate::ledger::draft::{FieldProblem, ForecastDraft, people_matching, preview_probability};

pub fn form_windows(
    ctx: &egui::Context,
    view: &ViewCtx,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let mut open = state.form.is_some();
    let title = match &state.form {
        Some(Form::Forecast {
            editing: Some(_), ..
        }) => "Edit forecast",
        Some(Form::Forecast { editing: None, .. }) => "New forecast",
        Some(Form::Scenario { .. }) => "New scenario",
        Some(Form::Source { .. }) => "New source",
        Some(Form::Person { .. }) => "New person",
        None => "",
    };
    let mut cancel = false;
    if let Some(form) = &mut state.form {
        egui::Window::new(title)
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
                        egui::Grid::new("scenario-form")
                            .num_columns(2)
                            .show(ui, |ui| {
                                field(
                                    ui,
                                    "Id",
                                    &mut draft.id,
                                    "short-lowercase-id",
                                    problems,
                                    "id",
                                );
                                field(
                                    ui,
                                    "Title",
                                    &mut draft.title,
                                    "what is being watched",
                                    problems,
                                    "title",
                                );
                                field(
                                    ui,
                                    "Summary",
                                    &mut draft.summary,
                                    "one or two sentences",
                                    problems,
                                    "summary",
                                );
                                field(
                                    ui,
                                    "Tags",
                                    &mut draft.tags,
                                    "comma-separated",
                                    problems,
                                    "tags",
                                );
                            });
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
                        egui::Grid::new("source-form")
                            .num_columns(2)
                            .show(ui, |ui| {
                                field(
                                    ui,
                                    "Id",
                                    &mut draft.id,
                                    "short id, unique in the file",
                                    problems,
                                    "id",
                                );
                                field(
                                    ui,
                                    "Outlet",
                                    &mut draft.outlet,
                                    "newspaper, site, broadcaster",
                                    problems,
                                    "outlet",
                                );
                                field(
                                    ui,
                                    "Title",
                                    &mut draft.title,
                                    "the article's title",
                                    problems,
                                    "title",
                                );
                                field(
                                    ui,
                                    "Author",
                                    &mut draft.author,
                                    "the journalist (optional)",
                                    problems,
                                    "author",
                                );
                                field(
                                    ui,
                                    "Published",
                                    &mut draft.published,
                                    "YYYY-MM-DD",
                                    problems,
                                    "published",
                                );
                                field(
                                    ui,
                                    "URL",
                                    &mut draft.url,
                                    "https://… (optional)",
                                    problems,
                                    "url",
                                );
                                field(
                                    ui,
                                    "Seed file",
                                    &mut draft.seed,
                                    "seeds/….txt (optional)",
                                    problems,
                                    "seed",
                                );
                            });
                        if ui.button("Add source").clicked() {
                            actions.push(Action::SaveSource {
                                file: file.clone(),
                                draft: draft.clone(),
                            });
                        }
                    }
                    Form::Person { draft, problems } => {
                        egui::Grid::new("person-form")
                            .num_columns(2)
                            .show(ui, |ui| {
                                field(
                                    ui,
                                    "Id",
                                    &mut draft.id,
                                    "firstname-lastname",
                                    problems,
                                    "id",
                                );
                                field(
                                    ui,
                                    "Name",
                                    &mut draft.name,
                                    "canonical name",
                                    problems,
                                    "name",
                                );
                                field(
                                    ui,
                                    "Aliases",
                                    &mut draft.aliases,
                                    "other spellings, comma-separated",
                                    problems,
                                    "aliases",
                                );
                                field(
                                    ui,
                                    "Affiliation",
                                    &mut draft.affiliation,
                                    "optional",
                                    problems,
                                    "affiliation",
                                );
                            });
                        if ui.button("Add person").clicked() {
                            actions.push(Action::SavePerson(draft.clone()));
                        }
                    }
                }
                other_problems(ui, form_problems(form));
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
    }
    if !open || cancel {
        state.form = None;
    }
    delete_confirmation(ctx, view, state, actions);
}

fn form_problems(form: &Form) -> &[FieldProblem] {
    match form {
        Form::Forecast { problems, .. }
        | Form::Scenario { problems, .. }
        | Form::Source { problems, .. }
        | Form::Person { problems, .. } => problems,
    }
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
                "Probability",
                &mut draft.probability,
                "optional: 0.7 or 70%",
                problems,
                "probability",
            );
            let preview =
                preview_probability(&ledger.phrases, &draft.expression, &draft.probability);
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

fn delete_confirmation(
    ctx: &egui::Context,
    view: &ViewCtx,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let Some(id) = state.confirm_delete.clone() else {
        return;
    };
    let Some(entry) = view.ledger.find(&id) else {
        state.confirm_delete = None;
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
                actions.push(Action::DeleteForecast(id.clone()));
                state.form = None;
            }
            if ui.button("Keep it").clicked() {
                state.confirm_delete = None;
            }
        });
    });
    if modal.should_close() {
        state.confirm_delete = None;
    }
}

/// File → Open folder: a typed path always works; "Browse…" uses the system dialog when
/// one is available (it needs the desktop portal on Linux).
pub fn open_folder_window(
    ctx: &egui::Context,
    state: &mut UiState,
    settings: &Settings,
    actions: &mut Vec<Action>,
) {
    let Some(path) = &mut state.open_folder else {
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
                    match rfd::FileDialog::new().pick_folder() {
                        Some(folder) => chosen = Some(folder.display().to_string()),
                        None => {
                            ui.ctx()
                                .debug_text("no folder chosen (or no file dialog available)");
                        }
                    }
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
        actions.push(Action::OpenFolder(std::path::PathBuf::from(folder.trim())));
    }
    if !open {
        state.open_folder = None;
    }
}
