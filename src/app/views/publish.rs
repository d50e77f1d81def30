//! File → Publish site…: where to write the site of the forecasts the views show (see
//! [`crate::site`]); the app writes it and says where.

use crate::app::action::{Action, SystemCommand, ViewChange};

/// File → Publish site…: the folder to write the site of the forecasts shown into (new,
/// empty, or a site written before).
pub fn publish_window(
    ctx: &egui::Context,
    folder: &mut String,
    shown: usize,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new("Publish site")
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "The scoreboard of the {shown} forecasts shown (the filter's) as a static website: \
                 a leaderboard, a page per forecaster, question and scenario, readable without a server."
            ));
            ui.horizontal(|ui| {
                let label = ui.label("Folder");
                ui.add(
                    egui::TextEdit::singleline(folder)
                        .hint_text("a new or empty folder, or a site written before")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                if ui.button("Browse…").clicked() {
                    actions.push(SystemCommand::BrowseSiteFolder.into());
                }
            });
            ui.horizontal(|ui| {
                let ready = !folder.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Publish")).clicked() {
                    let out = std::path::PathBuf::from(folder.trim());
                    actions.push(SystemCommand::PublishSite(out).into());
                }
                if ui.button("Cancel").clicked() {
                    actions.push(ViewChange::ClosePublish.into());
                }
            });
        });
    if !open {
        actions.push(ViewChange::ClosePublish.into());
    }
}
