//! The forecast's fields, shared by the forecast form and the accept form: its scenario and
//! source, the forecaster (with suggestions from the people registry), the words and the
//! probability they map to (shown as you type), the dates, tags and id. One small function
//! a section; the fields themselves are a table of rows.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::context::ViewCtx;
use super::fields::{field, field_rows, problems_of, scenario_choice};
use super::style::shorten;
use crate::app::action::{Action, SystemCommand, ViewChange};
use crate::draft::{
    FieldProblem, ForecastDraft, people_matching, preview_probability, suggest_forecast_id,
};
use crate::estimative::PhraseTable;
use crate::ledger::{Ledger, Source};

/// What the accept form adds with a forecast, which the forecast form may name though
/// the folder does not hold them yet.
#[derive(Default)]
pub struct Additions {
    /// A new source's id and how it is listed.
    pub source: Option<(String, String)>,
    /// A new person's id.
    pub person: Option<String>,
}

/// The forecast's fields (the accept form adds its own below them).
#[allow(clippy::too_many_arguments)]
pub fn forecast_fields(
    ui: &mut Ui,
    view: &ViewCtx,
    file: &mut PathBuf,
    draft: &mut ForecastDraft,
    editing: &Option<String>,
    problems: &[FieldProblem],
    additions: &Additions,
    actions: &mut Vec<Action>,
) {
    let ledger = view.ledger;
    scenario_choice(ui, view, file, editing.is_some());
    let sources = ledger
        .scenario_file(file)
        .map(|f| f.scenario.sources.as_slice())
        .unwrap_or_default();
    let published = |id: &str| sources.iter().find(|s| s.id == id).map(|s| s.published);
    let before = published(&draft.source);
    source_choice(ui, sources, &mut draft.source, additions, actions);
    let after = published(&draft.source);
    if after != before {
        draft.follow_source(before, after);
    }
    problems_of(ui, problems, "source");
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
            forecaster_suggestions(ui, ledger, &mut draft.by, additions, actions);
            field_rows(
                ui,
                problems,
                [
                    ("Made", "made", &mut draft.made, "YYYY-MM-DD"),
                    ("Quote", "quote", &mut draft.quote, "the words, verbatim"),
                    (
                        "Claim",
                        "claim",
                        &mut draft.claim,
                        "a checkable proposition",
                    ),
                    (
                        "Confidence words",
                        "expression",
                        &mut draft.expression,
                        "e.g. most likely, never, less likely",
                    ),
                    (
                        "Baseline",
                        "baseline",
                        &mut draft.baseline,
                        "optional: the level a comparative moves from, e.g. likely",
                    ),
                    (
                        "Probability",
                        "probability",
                        &mut draft.probability,
                        "optional: 0.7 or 70%",
                    ),
                ],
            );
            probability_preview(ui, &ledger.phrases, draft);
            field_rows(
                ui,
                problems,
                [
                    (
                        "Condition",
                        "condition",
                        &mut draft.condition,
                        "optional: only judged if…",
                    ),
                    (
                        "Resolve by",
                        "resolve_by",
                        &mut draft.resolve_by,
                        "YYYY-MM-DD",
                    ),
                ],
            );
            ui.label("");
            ui.checkbox(
                &mut draft.resolve_by_stated,
                "The forecaster stated this horizon",
            );
            ui.end_row();
            field_rows(
                ui,
                problems,
                [
                    ("Tags", "tags", &mut draft.tags, "comma-separated"),
                    ("Id", "id", &mut draft.id, "leave empty for a suggested id"),
                ],
            );
        });
}

/// The source the forecast was published in, chosen among its scenario's (and a new one
/// the accept form adds), with a button for a new source.
fn source_choice(
    ui: &mut Ui,
    sources: &[Source],
    chosen: &mut String,
    additions: &Additions,
    actions: &mut Vec<Action>,
) {
    let new_source = additions.source.as_ref();
    ui.horizontal(|ui| {
        let current = sources
            .iter()
            .find(|s| s.id == *chosen)
            .map(|s| format!("{} — {}", s.outlet, s.title))
            .or_else(|| {
                new_source
                    .filter(|(id, _)| *id == *chosen)
                    .map(|(_, label)| label.clone())
            })
            .unwrap_or_else(|| "choose a source".to_string());
        egui::ComboBox::from_label("Source")
            .selected_text(shorten(&current, 60))
            .width(360.0)
            .show_ui(ui, |ui| {
                for source in sources {
                    ui.selectable_value(
                        chosen,
                        source.id.clone(),
                        format!("{} — {}", source.outlet, source.title),
                    );
                }
                if let Some((id, label)) = new_source {
                    ui.selectable_value(chosen, id.clone(), label);
                }
            });
        if ui.small_button("New source…").clicked() {
            actions.push(SystemCommand::NewSource.into());
        }
    });
}

/// Under a forecaster not in the registry: the people whose names match (a click takes
/// one), or a button for a new person; or that the accept form adds them.
fn forecaster_suggestions(
    ui: &mut Ui,
    ledger: &Ledger,
    by: &mut String,
    additions: &Additions,
    actions: &mut Vec<Action>,
) {
    let known = ledger.person(by).is_some();
    if additions.person.as_deref() == Some(by.trim()) && !known {
        ui.label("");
        ui.weak("a new person (below)");
        ui.end_row();
        return;
    }
    if by.trim().is_empty() || known {
        return;
    }
    let matches = people_matching(ledger, by, 6);
    ui.label("");
    ui.horizontal_wrapped(|ui| {
        if matches.is_empty() {
            ui.weak("not in the registry:");
            if ui.small_button("New person…").clicked() {
                actions.push(ViewChange::NewPerson.into());
            }
        }
        for person in matches {
            if ui
                .small_button(&person.name)
                .on_hover_text(&person.id)
                .clicked()
            {
                *by = person.id.clone();
            }
        }
    });
    ui.end_row();
}

/// The probability the words (or the number) give, as the forecast will be scored, or why
/// there is none yet.
fn probability_preview(ui: &mut Ui, phrases: &PhraseTable, draft: &ForecastDraft) {
    let preview = preview_probability(
        phrases,
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
    // Wrapped: in a grid a label would otherwise widen the column, and the window with it.
    ui.add(egui::Label::new(text).wrap());
    ui.end_row();
}

/// "Add forecast" (or "Save changes" and "Delete…" when editing); whether save was clicked.
pub fn save_buttons(ui: &mut Ui, editing: &Option<String>, actions: &mut Vec<Action>) -> bool {
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
            actions.push(ViewChange::AskDelete(id.clone()).into());
        }
        save
    })
    .inner
}

/// The draft, with a suggested id when none was typed for a new forecast.
pub fn with_suggested_id(
    view: &ViewCtx,
    draft: &ForecastDraft,
    editing: &Option<String>,
) -> ForecastDraft {
    let mut draft = draft.clone();
    if draft.id.trim().is_empty() && editing.is_none() {
        draft.id = suggest_forecast_id(view.ledger, &draft.by, &draft.claim);
    }
    draft
}
