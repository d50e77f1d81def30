//! The form windows: add or edit a forecast, accept a candidate from an article, a new
//! scenario, source or person; the delete confirmation and the open-folder window. Forms
//! only collect text into their drafts (typing, picking from a list or an autocomplete
//! suggestion); opening, saving and closing are actions. The library checks a draft, and
//! its problems come back shown next to their fields.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::context::ViewCtx;
use super::fields::{edited_fields, fields, problems_of, scenario_choice, text_row};
use super::forecast_form::{Additions, forecast_fields, save_buttons, with_suggested_id};
use crate::app::action::{Action, SystemCommand, ViewChange, Write};
use crate::app::settings::Settings;
use crate::app::state::Form;
use crate::draft::{FieldProblem, PersonDraft, ScenarioDraft, SourceDraft};
use crate::intake::accept::Acceptance;

fn title(form: &Form) -> &'static str {
    match form {
        Form::Forecast {
            editing: Some(_), ..
        } => "Edit forecast",
        Form::Forecast { editing: None, .. } => "New forecast",
        Form::Scenario { .. } => "New scenario",
        Form::Source { .. } => "New source",
        Form::Person { .. } => "New person",
        Form::Accept { .. } => "New forecast from the article",
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
    egui::Window::new(title(form))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        // A long problem wraps instead of widening the window for good.
        .max_width(560.0)
        .show(ctx, |ui| {
            match form {
                Form::Forecast {
                    file,
                    draft,
                    editing,
                    problems,
                } => {
                    let additions = Additions::default();
                    forecast_fields(
                        ui, view, file, draft, editing, problems, &additions, actions,
                    );
                    if save_buttons(ui, editing, actions) {
                        let draft = with_suggested_id(view, draft, editing);
                        let (file, editing) = (file.clone(), editing.clone());
                        actions.push(
                            Write::Forecast {
                                file,
                                draft,
                                editing,
                            }
                            .into(),
                        );
                    }
                }
                Form::Accept {
                    file,
                    acceptance,
                    problems,
                } => accept_form(ui, view, file, acceptance, problems, actions),
                Form::Scenario { draft, problems } => scenario_form(ui, draft, problems, actions),
                Form::Source {
                    file,
                    draft,
                    problems,
                } => source_form(ui, view, file, draft, problems, actions),
                Form::Person { draft, problems } => {
                    person_fields(ui, "person-form", draft, problems, PERSON_FIELDS);
                    if ui.button("Add person").clicked() {
                        actions.push(Write::Person(draft.clone()).into());
                    }
                }
            }
            // Problems about fields a form does not show (moving a forecast between files).
            problems_of(ui, form.problems(), "scenario");
            if ui.button("Cancel").clicked() {
                actions.push(ViewChange::CloseForm.into());
            }
        });
    let edited = edited_fields(ctx);
    if !edited.is_empty() && !form.problems().is_empty() {
        actions.push(ViewChange::FieldsEdited(edited).into());
    }
    if !open {
        actions.push(ViewChange::AskCloseForm.into());
    }
}

/// Asks before a form with something typed in it is closed by Esc or its ×.
pub fn discard_confirmation(ctx: &egui::Context, actions: &mut Vec<Action>) {
    let modal = egui::Modal::new(egui::Id::unique("confirm-discard")).show(ctx, |ui| {
        ui.heading("Discard what you typed?");
        ui.label("The form has changes that are not saved.");
        ui.horizontal(|ui| {
            if ui.button("Discard").clicked() {
                actions.push(ViewChange::CloseForm.into());
            }
            if ui.button("Keep editing").clicked() {
                actions.push(ViewChange::KeepForm.into());
            }
        });
    });
    if modal.should_close() {
        actions.push(ViewChange::KeepForm.into());
    }
}

fn scenario_form(
    ui: &mut Ui,
    draft: &mut ScenarioDraft,
    problems: &[FieldProblem],
    actions: &mut Vec<Action>,
) {
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
        actions.push(Write::Scenario(draft.clone()).into());
    }
}

fn source_form(
    ui: &mut Ui,
    view: &ViewCtx,
    file: &mut PathBuf,
    draft: &mut SourceDraft,
    problems: &[FieldProblem],
    actions: &mut Vec<Action>,
) {
    scenario_choice(ui, view, file, false);
    source_fields(ui, "source-form", draft, problems, SOURCE_FIELDS);
    if ui.button("Add source").clicked() {
        let (file, draft) = (file.clone(), draft.clone());
        actions.push(Write::Source { file, draft }.into());
    }
}

/// The names a form's problems give the fields of a person and of a source: the plain
/// names in their own forms, `person.…` and `source.…` in the accept form.
const PERSON_FIELDS: [&str; 4] = ["id", "name", "aliases", "affiliation"];
const ACCEPT_PERSON_FIELDS: [&str; 4] = [
    "person.id",
    "person.name",
    "person.aliases",
    "person.affiliation",
];
const SOURCE_FIELDS: [&str; 7] = [
    "id",
    "outlet",
    "title",
    "author",
    "published",
    "url",
    "seed",
];
const ACCEPT_SOURCE_FIELDS: [&str; 7] = [
    "source.id",
    "source.outlet",
    "source.title",
    "source.author",
    "source.published",
    "source.url",
    "source.seed",
];

fn person_fields(
    ui: &mut Ui,
    id: &str,
    draft: &mut PersonDraft,
    problems: &[FieldProblem],
    [id_field, name, aliases, affiliation]: [&str; 4],
) {
    fields(
        ui,
        id,
        problems,
        [
            ("Id", id_field, &mut draft.id, "firstname-lastname"),
            ("Name", name, &mut draft.name, "canonical name"),
            (
                "Aliases",
                aliases,
                &mut draft.aliases,
                "other spellings, comma-separated",
            ),
            (
                "Affiliation",
                affiliation,
                &mut draft.affiliation,
                "optional",
            ),
        ],
    );
}

fn source_fields(
    ui: &mut Ui,
    id: &str,
    draft: &mut SourceDraft,
    problems: &[FieldProblem],
    [id_field, outlet, title, author, published, url, seed]: [&str; 7],
) {
    fields(
        ui,
        id,
        problems,
        [
            (
                "Id",
                id_field,
                &mut draft.id,
                "short id, unique in the file",
            ),
            (
                "Outlet",
                outlet,
                &mut draft.outlet,
                "newspaper, site, broadcaster",
            ),
            ("Title", title, &mut draft.title, "the article's title"),
            (
                "Author",
                author,
                &mut draft.author,
                "the journalist (optional)",
            ),
            ("Published", published, &mut draft.published, "YYYY-MM-DD"),
            ("URL", url, &mut draft.url, "https://… (optional)"),
            ("Seed file", seed, &mut draft.seed, "seeds/….txt (optional)"),
        ],
    );
}

/// The accept form: the forecast as the candidate proposes it, then the person and the
/// source the folder lacks for it, each shown while the forecast names it.
fn accept_form(
    ui: &mut Ui,
    view: &ViewCtx,
    file: &mut PathBuf,
    acceptance: &mut Acceptance,
    problems: &[FieldProblem],
    actions: &mut Vec<Action>,
) {
    let Acceptance {
        forecast,
        person,
        source,
        seed_text,
    } = acceptance;
    let additions = Additions {
        source: source
            .as_ref()
            .map(|s| (s.id.clone(), format!("(new) {} — {}", s.outlet, s.title))),
        person: person.as_ref().map(|p| p.id.clone()),
    };
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.65)
        .show(ui, |ui| {
            forecast_fields(
                ui,
                view,
                file,
                forecast,
                &None,
                problems,
                &additions,
                actions,
            );
            if let Some(person) = person
                && view.ledger.person(&forecast.by).is_none()
            {
                ui.separator();
                ui.strong("New person, added to people.ron");
                person_fields(ui, "accept-person", person, problems, ACCEPT_PERSON_FIELDS);
            }
            if let Some(source) = source
                && source.id.trim() == forecast.source.trim()
            {
                ui.separator();
                ui.strong("New source, added to this scenario");
                source_fields(ui, "accept-source", source, problems, ACCEPT_SOURCE_FIELDS);
                if seed_text.is_some() {
                    ui.weak(format!(
                        "The article's text is saved as {} (in the project folder), so the quote is shown in context.",
                        source.seed
                    ));
                }
            }
        });
    // Below the scrolling fields, so that it is always in view.
    ui.separator();
    if save_buttons(ui, &None, actions) {
        let acceptance = Acceptance {
            forecast: with_suggested_id(view, forecast, &None),
            person: person.clone(),
            source: source.clone(),
            seed_text: seed_text.clone(),
        };
        actions.push(
            Write::Acceptance {
                file: file.clone(),
                acceptance: Box::new(acceptance),
            }
            .into(),
        );
    }
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
        actions.push(ViewChange::CancelDelete.into());
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
                // The question closes whatever the write does.
                actions.push(ViewChange::CancelDelete.into());
                actions.push(Write::DeleteForecast(id.to_string()).into());
            }
            if ui.button("Keep it").clicked() {
                actions.push(ViewChange::CancelDelete.into());
            }
        });
    });
    if modal.should_close() {
        actions.push(ViewChange::CancelDelete.into());
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
                    actions.push(SystemCommand::BrowseFolder.into());
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
        let folder = Path::new(folder.trim()).to_path_buf();
        actions.push(SystemCommand::OpenFolder(folder).into());
    }
    if !open {
        actions.push(ViewChange::CloseFolderWindow.into());
    }
}
