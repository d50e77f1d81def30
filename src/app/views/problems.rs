//! The problems panel: every error and warning as `file:line:col`, the same lines
//! `hindsight check` prints. Files with errors are left out of the other views (or, for
//! errors in a record, never rewritten) until fixed.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::ledger::Severity;

pub fn problems_ui(ui: &mut Ui, ctx: &ViewCtx) {
    let ledger = ctx.ledger;
    ui.heading(format!(
        "Problems: {} errors, {} warnings",
        ledger.error_count(),
        ledger.warning_count()
    ));
    if ledger.problems.is_empty() {
        ui.label("Every file in the folder reads cleanly.");
        return;
    }
    ui.weak("A file that cannot be read is left out of the other views; a file with errors is never rewritten. Fix them in a text editor: the app reloads on save.");
    ui.add_space(8.0);
    // Only the rows on screen are built: a folder can have thousands of problems.
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::both().show_rows(ui, row_height, ledger.problems.len(), |ui, rows| {
        for problem in &ledger.problems[rows] {
            ui.horizontal(|ui| {
                let severity = match problem.severity {
                    Severity::Error => RichText::new("error").color(ui.visuals().error_fg_color),
                    Severity::Warning => RichText::new("warning").color(ui.visuals().warn_fg_color),
                };
                ui.label(severity.strong());
                ui.monospace(format!(
                    "{}:{}:{}",
                    problem.path.display(),
                    problem.position.line,
                    problem.position.column
                ));
                ui.label(&problem.message);
            });
        }
    });
}
