//! One disputed record: both versions side by side, as in the file, with *Keep ours*,
//! *Keep theirs* and *Edit* (write a version of one's own, checked like any write). Shown
//! under Problems and as the detail of a disputed forecast.

use egui::{RichText, Ui};

use crate::app::action::{Action, ViewChange, Write};
use crate::app::state::DisputeEdit;
use crate::ledger::DisputedRecord;
use crate::ledger::Side;

pub fn dispute_ui(
    ui: &mut Ui,
    dispute: &DisputedRecord,
    edit: &mut Option<DisputeEdit>,
    actions: &mut Vec<Action>,
) {
    if let Some(edit) = edit.as_mut().filter(|edit| edit.id == dispute.id) {
        editor_ui(ui, dispute, edit, actions);
        return;
    }
    ui.columns(2, |columns| {
        for (column, (side, label, text)) in columns.iter_mut().zip([
            (Side::Ours, "Keep ours", &dispute.ours),
            (Side::Theirs, "Keep theirs", &dispute.theirs),
        ]) {
            column.horizontal(|ui| {
                if ui.button(label).clicked() {
                    actions.push(
                        Write::KeepSide {
                            path: dispute.path.clone(),
                            id: dispute.id.clone(),
                            side,
                        }
                        .into(),
                    );
                }
                if !text.is_empty()
                    && ui
                        .button("Edit…")
                        .on_hover_text("Start from this version and change it")
                        .clicked()
                {
                    actions.push(
                        ViewChange::EditDispute {
                            id: dispute.id.clone(),
                            text: text.clone(),
                        }
                        .into(),
                    );
                }
            });
            if text.is_empty() {
                column.weak("(deleted on this side)");
            } else {
                // As in the file: one field a line, long lines scrolled, not wrapped.
                egui::ScrollArea::horizontal()
                    .id_salt((&dispute.id, label))
                    .show(column, |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(text.as_str()).monospace())
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                    });
            }
        }
    });
}

fn editor_ui(
    ui: &mut Ui,
    dispute: &DisputedRecord,
    edit: &mut DisputeEdit,
    actions: &mut Vec<Action>,
) {
    let label = ui.label("The version to keep");
    ui.add(
        egui::TextEdit::multiline(&mut edit.text)
            .code_editor()
            .desired_rows(12)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    if let Some(problem) = &edit.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.horizontal(|ui| {
        if ui.button("Keep this version").clicked() {
            actions.push(
                Write::SettleDispute {
                    path: dispute.path.clone(),
                    id: dispute.id.clone(),
                    text: edit.text.clone(),
                }
                .into(),
            );
        }
        if ui.button("Cancel").clicked() {
            actions.push(ViewChange::CancelDisputeEdit.into());
        }
    });
}

/// The detail panel of a disputed forecast: what the two versions say and the choice.
pub fn dispute_detail_ui(
    ui: &mut Ui,
    dispute: &DisputedRecord,
    problem: Option<&str>,
    edit: &mut Option<DisputeEdit>,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical()
        .id_salt("dispute-detail")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.weak(&dispute.id);
                if ui.small_button("×").on_hover_text("Close (Esc)").clicked() {
                    actions.push(ViewChange::Select(None).into());
                }
            });
            ui.heading("Disputed between two versions");
            if let Some(problem) = problem {
                ui.label(problem);
            }
            ui.weak(format!(
                "{}:{}",
                dispute.path.display(),
                dispute.position.line
            ));
            ui.add_space(6.0);
            dispute_ui(ui, dispute, edit, actions);
        });
}
