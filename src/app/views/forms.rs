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
use crate::draft::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, people_matching,
    preview_probability,
};
use crate::intake::accept::Acceptance;

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

    fn problems(&self) -> &[FieldProblem] {
        match self {
            Form::Forecast { problems, .. }
            | Form::Scenario { problems, .. }
            | Form::Source { problems, .. }
            | Form::Person { problems, .. }
            | Form::Accept { problems, .. } => problems,
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
            Form::Accept { .. } => "New forecast from the article",
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
                } => {
                    let additions = Additions::default();
                    forecast_fields(
                        ui, view, file, draft, editing, problems, &additions, actions,
                    );
                    if save_buttons(ui, editing, actions) {
                        actions.push(Action::SaveForecast {
                            file: file.clone(),
                            draft: with_suggested_id(view, draft, editing),
                            editing: editing.clone(),
                        });
                    }
                }
                Form::Accept {
                    file,
                    acceptance,
                    problems,
                } => accept_form(ui, view, file, acceptance, problems, actions),
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
                    source_fields(ui, "source-form", draft, problems, SOURCE_FIELDS);
                    if ui.button("Add source").clicked() {
                        actions.push(Action::SaveSource {
                            file: file.clone(),
                            draft: draft.clone(),
                        });
                    }
                }
                Form::Person { draft, problems } => {
                    person_fields(ui, "person-form", draft, problems, PERSON_FIELDS);
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
        actions.push(Action::SaveAcceptance {
            file: file.clone(),
            acceptance: Box::new(acceptance),
        });
    }
}

/// The draft, with a suggested id when none was typed for a new forecast.
fn with_suggested_id(
    view: &ViewCtx,
    draft: &ForecastDraft,
    editing: &Option<String>,
) -> ForecastDraft {
    let mut draft = draft.clone();
    if draft.id.trim().is_empty() && editing.is_none() {
        draft.id = crate::draft::suggest_forecast_id(view.ledger, &draft.by, &draft.claim);
    }
    draft
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

/// What the accept form adds with a forecast, which the forecast form may name though
/// the folder does not hold them yet.
#[derive(Default)]
struct Additions {
    /// A new source's id and how it is listed.
    source: Option<(String, String)>,
    /// A new person's id.
    person: Option<String>,
}

/// "Add forecast" (or "Save changes" and "Delete…" when editing); whether save was clicked.
fn save_buttons(ui: &mut Ui, editing: &Option<String>, actions: &mut Vec<Action>) -> bool {
    ui.horizontal(|ui| {
        let label = if editing.is_some() {
            "Save changes"
        } else {
            "Add forecast"
        };
        let save = ui.button(label).clicked();
        if let Some(id) = editing
            && ui.button("Delete…").clicked()
        {
            actions.push(Action::AskDelete(id.clone()));
        }
        save
    })
    .inner
}

/// The forecast's fields (the accept form adds its own below them).
#[allow(clippy::too_many_arguments)]
fn forecast_fields(
    ui: &mut Ui,
    view: &ViewCtx,
    file: &mut PathBuf,
    draft: &mut ForecastDraft,
    editing: &Option<String>,
    problems: &[FieldProblem],
    additions: &Additions,
    actions: &mut Vec<Action>,
) {
    let new_source = additions.source.as_ref();
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
            .map(|s| format!("{} — {}", s.outlet, s.title))
            .or_else(|| {
                new_source
                    .filter(|(id, _)| *id == draft.source)
                    .map(|(_, label)| label.clone())
            })
            .unwrap_or_else(|| "choose a source".to_string());
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
                if let Some((id, label)) = new_source {
                    ui.selectable_value(&mut draft.source, id.clone(), label);
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
            if additions.person.as_deref() == Some(draft.by.trim()) && !known {
                ui.label("");
                ui.weak("a new person (below)");
                ui.end_row();
            } else if !draft.by.trim().is_empty() && !known {
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
