//! File → Import…: a track record from Fatebook, PredictionBook, Metaculus or a
//! spreadsheet. The window asks for the file and how to read it, shows what importing it
//! would add (the same words as `hindsight import --dry-run`), and writes only when asked,
//! and only what it showed: a change to any field asks for a new preview first.

use egui::{RichText, Ui};

use crate::app::action::{Action, SystemCommand, ViewChange, Write};
use crate::app::state::ImportDialog;
use crate::import::From;

/// The formats offered, with the choice to let the file tell.
const FORMATS: [(Option<From>, &str); 5] = [
    (None, "Recognise from the file"),
    (Some(From::Fatebook), "Fatebook (CSV export)"),
    (Some(From::PredictionBook), "PredictionBook (CSV or JSON)"),
    (Some(From::Metaculus), "Metaculus (download zip or CSV)"),
    (Some(From::Csv), "Spreadsheet (CSV, columns named)"),
];

pub fn import_window(ctx: &egui::Context, dialog: &mut ImportDialog, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new("Import")
        .open(&mut open)
        .collapsible(false)
        .default_width(640.0)
        .show(ctx, |ui| inputs_ui(ui, dialog, actions));
    if !open {
        actions.push(ViewChange::CloseImport.into());
    }
}

fn inputs_ui(ui: &mut Ui, dialog: &mut ImportDialog, actions: &mut Vec<Action>) {
    let inputs = &mut dialog.inputs;
    egui::Grid::new("import-inputs")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("File");
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut inputs.path)
                        .hint_text("fatebook-forecasts.csv, user_data.zip…")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                if ui.button("Browse…").clicked() {
                    actions.push(SystemCommand::BrowseImportFile.into());
                }
            });
            ui.end_row();
            let label = ui.label("Format");
            let shown = FORMATS
                .iter()
                .find(|(from, _)| *from == inputs.from)
                .map_or("", |(_, name)| name);
            egui::ComboBox::from_id_salt("import-format")
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for (from, name) in FORMATS {
                        ui.selectable_value(&mut inputs.from, from, name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            if inputs.from == Some(From::Csv) {
                let label = ui.label("Columns");
                ui.add(
                    egui::TextEdit::singleline(&mut inputs.columns)
                        .hint_text(
                            "claim=Prediction,by=Pundit,made=Date,probability=P,outcome=Result",
                        )
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label("Scenario");
            ui.add(
                egui::TextEdit::singleline(&mut inputs.scenario)
                    .hint_text("default: one per platform (fatebook-import…)")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Forecaster");
            ui.add(
                egui::TextEdit::singleline(&mut inputs.forecaster)
                    .hint_text("only this forecaster's rows (optional)")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    ui.add_space(6.0);
    let ready = !dialog.inputs.path.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("Preview"))
        .clicked()
    {
        actions.push(SystemCommand::PreviewImport(dialog.inputs.clone()).into());
    }
    let Some(preview) = &dialog.preview else {
        ui.weak("Nothing is written before you have seen what the file adds.");
        return;
    };
    ui.separator();
    let current = preview.inputs == dialog.inputs;
    match &preview.outcome {
        Err(problem) => {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        Ok((lines, plan)) => {
            for (index, line) in lines.iter().enumerate() {
                if index == 0 {
                    ui.label(RichText::new(format!("Would import {line}")).strong());
                } else {
                    ui.label(line);
                }
            }
            first_rows(ui, plan);
            if !current {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "The fields changed since this preview: preview again before importing.",
                );
            }
            ui.horizontal(|ui| {
                let label = format!(
                    "Import {} forecast{}",
                    plan.forecasts.len(),
                    crate::prose::plural(plan.forecasts.len())
                );
                let can = current && !plan.is_empty();
                if ui.add_enabled(can, egui::Button::new(label)).clicked() {
                    actions.push(Write::Import(plan.clone()).into());
                }
                if ui.button("Cancel").clicked() {
                    actions.push(ViewChange::CloseImport.into());
                }
            });
        }
    }
}

/// The first forecasts the import would add.
fn first_rows(ui: &mut Ui, plan: &crate::import::Plan) {
    const ROWS: usize = 8;
    egui::Grid::new("import-rows")
        .striped(true)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for heading in ["Made", "By", "P", "Claim"] {
                ui.strong(heading);
            }
            ui.end_row();
            for forecast in plan.forecasts.iter().take(ROWS) {
                ui.label(forecast.made.to_string());
                ui.label(&forecast.by);
                ui.label(forecast.probability.map_or_else(
                    || forecast.expression.clone().unwrap_or_default(),
                    |p| format!("{:.0}%", p * 100.0),
                ));
                ui.label(super::style::shorten(&forecast.claim, 70));
                ui.end_row();
            }
        });
    if plan.forecasts.len() > ROWS {
        ui.weak(format!("… and {} more", plan.forecasts.len() - ROWS));
    }
}
