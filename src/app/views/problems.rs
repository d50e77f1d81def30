//! The problems panel: every error and warning as `file:line:col`, the same lines
//! `hindsight check` prints. Files with errors are left out of the other views (or, for
//! errors in a record, never rewritten) until fixed.

use egui::{RichText, Ui};

use super::context::ViewCtx;
use super::dispute::dispute_ui;
use crate::app::action::{Action, ViewChange};
use crate::app::state::DisputeEdit;
use crate::ledger::{Problem, Severity};

/// `open_dispute`: the disputed record the detail panel shows (not shown twice).
pub fn problems_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    open_dispute: Option<&str>,
    edit: &mut Option<DisputeEdit>,
    actions: &mut Vec<Action>,
) {
    let ledger = ctx.ledger;
    if !ledger.disputes.is_empty() {
        disputes_ui(ui, ctx, open_dispute, edit, actions);
    }
    let from_git = ctx.merge_problems();
    if !from_git.is_empty() {
        git_problems_ui(ui, from_git);
    }
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    // Beside git's problems, the files' own are told apart.
    let heading = if from_git.is_empty() {
        "Problems"
    } else {
        "In the files"
    };
    ui.heading(format!(
        "{heading}: {}, {}",
        count(ledger.error_count(), "error"),
        count(ledger.warning_count(), "warning")
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
            problem_ui(ui, problem);
        }
    });
}

/// One problem on one line: severity, `file:line:col`, message.
fn problem_ui(ui: &mut Ui, problem: &Problem) {
    ui.horizontal(|ui| {
        severity_ui(ui, problem.severity);
        ui.monospace(format!(
            "{}:{}:{}",
            problem.path.display(),
            problem.position.line,
            problem.position.column
        ));
        ui.label(&problem.message);
    });
}

fn severity_ui(ui: &mut Ui, severity: Severity) {
    let text = match severity {
        Severity::Error => RichText::new("error").color(ui.visuals().error_fg_color),
        Severity::Warning => RichText::new("warning").color(ui.visuals().warn_fg_color),
    };
    ui.label(text.strong());
}

/// A merge git has not concluded, or a merge driver that cannot run: the files may read
/// cleanly and still lack a teammate's records, so these come first.
fn git_problems_ui(ui: &mut Ui, problems: &[Problem]) {
    ui.heading(format!("Merge: {}", problems.len()));
    ui.weak("Git knows something about these files that they do not show.");
    for problem in problems {
        // The messages say what to do, at length: they wrap under the file's name.
        ui.horizontal(|ui| {
            severity_ui(ui, problem.severity);
            ui.monospace(problem.path.display().to_string());
        });
        ui.label(&problem.message);
    }
    ui.add_space(12.0);
}

/// Records a merge left in dispute: both versions side by side, and a button to keep each.
fn disputes_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    open_dispute: Option<&str>,
    edit: &mut Option<DisputeEdit>,
    actions: &mut Vec<Action>,
) {
    ui.heading(format!("Disputes: {}", ctx.ledger.disputes.len()));
    ui.weak("A merge changed these records two ways. Keep one version (or edit one): the other is removed with the conflict markers, and the rest of the file stays as it is.");
    for dispute in &ctx.ledger.disputes {
        ui.separator();
        ui.horizontal(|ui| {
            if ui.link(RichText::new(&dispute.id).strong()).clicked() {
                actions.push(ViewChange::Select(Some(dispute.id.clone())).into());
            }
            ui.monospace(format!(
                "{}:{}",
                dispute.path.display(),
                dispute.position.line
            ));
        });
        if open_dispute == Some(dispute.id.as_str()) {
            ui.weak("Open in the detail panel.");
        } else {
            dispute_ui(ui, dispute, edit, actions);
        }
    }
    ui.add_space(12.0);
}
