//! Labelled text fields and the problems found in them, shared by the form windows, the
//! verdict form and the open-folder window: a field's label names it for screen readers
//! and tests, and a problem is shown under the field it is about.

use std::path::PathBuf;

use egui::Ui;

use super::context::ViewCtx;
use crate::draft::{FieldProblem, problem_as_typed};

/// A labelled single-line field in a two-column grid (the label names the field for
/// screen readers and tests).
pub fn text_row(ui: &mut Ui, label: &str, value: &mut String, hint: &str) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// One row of a form: (label, field name in the file format, value, hint).
pub type FieldRow<'a> = (&'a str, &'a str, &'a mut String, &'a str);

/// A grid of labelled fields.
pub fn fields<const N: usize>(
    ui: &mut Ui,
    id: &str,
    problems: &[FieldProblem],
    rows: [FieldRow; N],
) {
    egui::Grid::new(id)
        .num_columns(2)
        .show(ui, |ui| field_rows(ui, problems, rows));
}

/// Labelled fields in a grid already open.
pub fn field_rows<const N: usize>(ui: &mut Ui, problems: &[FieldProblem], rows: [FieldRow; N]) {
    for (label, name, value, hint) in rows {
        field(ui, label, value, hint, problems, name);
    }
}

/// A labelled field with the problems about it shown under it. An edit is noted (see
/// [`edited_fields`]), so that the problems said about the field before go.
pub fn field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    problems: &[FieldProblem],
    name: &str,
) {
    let response = text_row(ui, label, value, hint);
    if response.changed() {
        note_edit(ui.ctx(), name);
    }
    let mut said = false;
    for problem in problems.iter().filter(|p| p.field == name) {
        error_row(ui, &problem.message);
        said = true;
    }
    // Checked as typed, where the save has not said anything about the field.
    if !said && let Some(message) = problem_as_typed(name, value, !response.has_focus()) {
        error_row(ui, &message);
    }
}

/// A problem under its field, in the grid's second column.
fn error_row(ui: &mut Ui, message: &str) {
    ui.label("");
    // Wrapped: in a grid a long problem would otherwise widen the column, and the window.
    let text = egui::RichText::new(message).color(ui.visuals().error_fg_color);
    ui.add(egui::Label::new(text).wrap());
    ui.end_row();
}

fn edits_id() -> egui::Id {
    egui::Id::unique("hindsight-edited-fields")
}

/// Notes that field `name` changed this frame.
pub fn note_edit(ctx: &egui::Context, name: &str) {
    ctx.data_mut(|data| {
        data.get_temp_mut_or_default::<Vec<String>>(edits_id())
            .push(name.to_string());
    });
}

/// The fields edited since the last call (and forgets them).
pub fn edited_fields(ctx: &egui::Context) -> Vec<String> {
    ctx.data_mut(|data| data.remove_temp::<Vec<String>>(edits_id()))
        .unwrap_or_default()
}

/// The problems about field `name`, outside a grid.
pub fn problems_of(ui: &mut Ui, problems: &[FieldProblem], name: &str) {
    for problem in problems.iter().filter(|p| p.field == name) {
        ui.colored_label(ui.visuals().error_fg_color, &problem.message);
    }
}

/// The scenario a form writes to, chosen by title; a file that left the folder while the
/// form was open is named as gone (saving then says so, and keeps the form).
pub fn scenario_choice(ui: &mut Ui, view: &ViewCtx, file: &mut PathBuf, locked: bool) {
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
