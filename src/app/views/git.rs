//! Git in the app: the status line (branch, ahead/behind its upstream, changed ledger
//! files) with Commit…, Pull and Push; the commit dialog; a forecast's history in its
//! detail view. What they show comes from [`Repository`]; what they do goes out as actions.

use egui::{RichText, Ui};

use crate::app::action::{Action, Effect, ViewChange};
use crate::app::command::UiCommand;
use crate::app::repository::{History, Repository, Snapshot};

/// The arrow between two values: egui's fonts have "➡" but not "→".
const ARROW: &str = "➡";

/// The status line, for a folder in a git repository.
pub fn git_bar(ui: &mut Ui, repository: &Repository, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let Some(snapshot) = &repository.snapshot else {
            match &repository.status_error {
                Some(error) => ui.colored_label(ui.visuals().error_fg_color, error),
                None => ui.weak("git: reading the repository…"),
            };
            return;
        };
        let status = &snapshot.status;
        let branch = status.branch.as_deref().unwrap_or("detached HEAD");
        ui.label(RichText::new(format!("branch {branch}")).strong())
            .on_hover_text("The current git branch");
        match &status.upstream {
            Some(upstream) => {
                ui.weak(format!("{ARROW} {upstream}"));
                ui.label(format!("⬆{} ⬇{}", status.ahead, status.behind))
                    .on_hover_text(format!(
                        "{} commits to push, {} to pull (as of the last fetch)",
                        status.ahead, status.behind
                    ));
            }
            None => {
                ui.weak("no upstream");
            }
        }
        ui.separator();
        let changed = status.changed.len();
        ui.label(match changed {
            0 => "no changed ledger files".to_string(),
            1 => "1 changed ledger file".to_string(),
            n => format!("{n} changed ledger files"),
        });
        if snapshot
            .merge_problems
            .iter()
            .any(crate::git::holds_one_side_only)
        {
            // Committing now would record one side only: the commit refuses, and says why.
            ui.colored_label(
                ui.visuals().error_fg_color,
                "merging: a file holds one side only (see Problems)",
            );
        } else if status.merging {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "merging: settle the disputes, then commit",
            );
        }
        ui.separator();
        for command in [UiCommand::Commit, UiCommand::Pull, UiCommand::Push] {
            let button = egui::Button::new(command.label());
            if ui
                .add_enabled(command.enabled_in(repository), button)
                .on_hover_text(command.hover_text())
                .clicked()
            {
                actions.push(command.action());
            }
        }
        let busy = repository.is_busy();
        if let Some(operation) = busy {
            ui.spinner();
            ui.weak(operation.running());
        }
    });
}

/// The commit dialog: the changed files, what changed in each, and the message (generated
/// from those changes, editable).
pub fn commit_window(
    ctx: &egui::Context,
    snapshot: Option<&Snapshot>,
    message: &mut String,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new("Commit")
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            let Some(snapshot) = snapshot else {
                ui.weak("Reading the repository…");
                return;
            };
            ui.label("These ledger files will be committed; nothing else is.");
            for (file, changes) in &snapshot.changes {
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(&file.repo_path);
                    ui.weak(file.state.as_str());
                });
                for change in changes {
                    ui.label(format!("    {change}"));
                }
            }
            if snapshot.status.merging {
                ui.weak("This commit concludes the merge under way.");
            }
            ui.add_space(6.0);
            let label = ui.label("Message");
            let field = egui::TextEdit::multiline(message)
                .desired_rows(3)
                .desired_width(f32::INFINITY);
            ui.add(field).labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!message.trim().is_empty(), egui::Button::new("Commit"))
                    .clicked()
                {
                    actions.push(Effect::Commit(message.clone()).into());
                    actions.push(ViewChange::CloseCommit.into());
                }
                if ui.button("Cancel").clicked() {
                    actions.push(ViewChange::CloseCommit.into());
                }
            });
        });
    if !open {
        actions.push(ViewChange::CloseCommit.into());
    }
}

/// A forecast's history in its detail view, newest first.
pub fn history_ui(ui: &mut Ui, history: History) {
    match history {
        // No spinner: reading takes a moment, and a spinner would repaint every frame.
        History::Loading => {
            ui.weak("reading the history…");
        }
        History::Failed(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        History::Ready([]) => {
            ui.weak("No commit has changed it yet.");
        }
        History::Ready(entries) => {
            for entry in entries {
                match &entry.commit {
                    Some(commit) => {
                        ui.label(format!(
                            "{}, by {}, {}",
                            entry.change.describe(ARROW),
                            entry.author,
                            entry.date
                        ))
                        .on_hover_text(format!("{commit}: {}", entry.subject));
                    }
                    None => {
                        let change = entry.change.describe(ARROW);
                        ui.label(format!("{change} (not committed yet)"));
                    }
                }
            }
        }
    }
}
