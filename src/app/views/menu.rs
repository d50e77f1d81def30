//! The frame around the views: menu bar, tabs, status bar, and the welcome screen shown
//! before a folder is open.

use egui::{RichText, Ui};

use super::context::ViewCtx;
use crate::app::action::{Action, Effect, SystemCommand, ViewChange};
use crate::app::command::{Availability, UiCommand};
use crate::app::session::Session;
use crate::app::settings::{Settings, Theme};
use crate::app::state::{Status, Tab};

pub fn menu_bar(ui: &mut Ui, now: Availability, settings: &Settings, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            UiCommand::OpenFolder.menu_item(ui, now, actions);
            ui.menu_button("Recent folders", |ui| {
                if settings.recent_folders.is_empty() {
                    ui.weak("None yet");
                }
                for folder in &settings.recent_folders {
                    if ui.button(folder.display().to_string()).clicked() {
                        actions.push(SystemCommand::OpenFolder(folder.clone()).into());
                        ui.close();
                    }
                }
            });
            UiCommand::Reload.menu_item(ui, now, actions);
            UiCommand::AddArticle.menu_item(ui, now, actions);
            UiCommand::Import.menu_item(ui, now, actions);
            UiCommand::PublishSite.menu_item(ui, now, actions);
            ui.separator();
            UiCommand::Quit.menu_item(ui, now, actions);
        });
        ui.menu_button("Edit", |ui| {
            for command in [
                UiCommand::Undo,
                UiCommand::NewForecast,
                UiCommand::NewScenario,
                UiCommand::NewSource,
                UiCommand::NewPerson,
            ] {
                command.menu_item(ui, now, actions);
            }
        });
        ui.menu_button("View", |ui| {
            for (theme, label) in [
                (Theme::System, "System theme"),
                (Theme::Light, "Light"),
                (Theme::Dark, "Dark"),
            ] {
                if ui.radio(settings.theme == theme, label).clicked() {
                    actions.push(SystemCommand::SetTheme(theme).into());
                    ui.close();
                }
            }
        });
        if now
            .session
            .is_some_and(|session| !session.repository.absent)
        {
            ui.menu_button("Git", |ui| {
                for command in [UiCommand::Commit, UiCommand::Pull, UiCommand::Push] {
                    command.menu_item(ui, now, actions);
                }
            });
        }
    });
}

pub fn tabs(ui: &mut Ui, ctx: &ViewCtx, current: Tab, actions: &mut Vec<Action>) {
    let from_git = ctx.merge_problems();
    let errors = ctx.ledger.error_count() + from_git.iter().filter(|p| p.is_error()).count();
    let problems = ctx.ledger.problems.len() + from_git.len();
    let problems_label = if problems == 0 {
        "Problems".to_string()
    } else {
        format!("Problems ({problems})")
    };
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            let label = match tab {
                Tab::Overview => "Overview".to_string(),
                Tab::Forecasts => "Forecasts".to_string(),
                Tab::TrackRecords => "Track records".to_string(),
                Tab::Questions => "Questions".to_string(),
                Tab::Timeline => "Timeline".to_string(),
                Tab::Problems => problems_label.clone(),
            };
            // Red on the selected tab's fill would not read: the selected tab keeps its colour.
            let text = if tab == Tab::Problems && errors > 0 && current != tab {
                RichText::new(label).color(ui.visuals().error_fg_color)
            } else {
                RichText::new(label)
            };
            if ui.selectable_label(current == tab, text).clicked() {
                actions.push(ViewChange::ShowTab(tab).into());
            }
        }
    });
}

/// The folder, how many forecasts it holds and shows, and the last message. `shown`: how
/// many forecasts pass the filter.
pub fn status_bar(ui: &mut Ui, session: Option<&Session>, shown: usize, status: &Status) {
    // Wrapped: a pull's report can be longer than the window is wide.
    ui.horizontal_wrapped(|ui| {
        match session {
            Some(session) => {
                ui.weak(session.dir.display().to_string());
                ui.separator();
                ui.weak(format!(
                    "{} forecasts · {shown} shown",
                    session.ledger.entries.len(),
                ));
                if session.is_reloading() {
                    ui.separator();
                    ui.spinner();
                    ui.weak("reloading…");
                }
            }
            None => {
                ui.weak("No folder open");
            }
        }
        if !status.message.is_empty() {
            ui.separator();
            if status.is_error {
                ui.colored_label(ui.visuals().error_fg_color, &status.message);
            } else {
                ui.label(&status.message);
            }
        }
    });
}

pub fn welcome(
    ui: &mut Ui,
    settings: &Settings,
    missing: Option<&std::path::Path>,
    actions: &mut Vec<Action>,
) {
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        ui.heading("Hindsight");
        ui.label("Hold pundits and analysts to account: open a folder of scenario files to begin.");
        ui.add_space(12.0);
        if let Some(folder) = missing {
            ui.label(format!("{} does not exist.", folder.display()));
            if ui
                .button("Start a new ledger here")
                .on_hover_text("Makes the folder, with people.ron and a commented example scenario, and seeds/ beside it")
                .clicked()
            {
                actions.push(SystemCommand::StartLedgerHere(folder.to_path_buf()).into());
            }
            ui.add_space(12.0);
        }
        if ui.button("Open folder…").clicked() {
            actions.push(SystemCommand::AskFolder.into());
        }
        if ui
            .button("Start a new ledger…")
            .on_hover_text("Choose a folder: Hindsight makes scenarios/ in it, with people.ron and a commented example scenario, and seeds/ for the articles' texts")
            .clicked()
        {
            actions.push(SystemCommand::BrowseNewLedger.into());
        }
        if !settings.recent_folders.is_empty() {
            ui.add_space(12.0);
            ui.label("Recent folders");
            for folder in &settings.recent_folders {
                if ui.link(folder.display().to_string()).clicked() {
                    actions.push(SystemCommand::OpenFolder(folder.clone()).into());
                }
            }
        }
    });
}

/// The offer to set up merging by record id, for a git clone that lacks it.
pub fn git_setup_offer(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            "This folder is shared through git, but this clone merges ledger files line by line: two people adding forecasts to one file would get a conflict.",
        );
        if ui.button("Merge by record id").clicked() {
            actions.push(Effect::GitSetup.into());
        }
    });
}

/// A folder loading in the background: how far it has got.
pub fn loading(ui: &mut Ui, folder: &std::path::Path, progress: &crate::ledger::LoadProgress) {
    use std::sync::atomic::Ordering;
    let files = progress.files.load(Ordering::Relaxed);
    let parsed = progress.parsed.load(Ordering::Relaxed);
    let step = if files > 0 && parsed == files {
        "checking names, phrases and ids across files".to_string()
    } else {
        format!("{parsed} of {files} files read")
    };
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading(format!("Opening {}", folder.display()));
        ui.add(
            egui::ProgressBar::new(progress.fraction())
                .desired_width(420.0)
                .show_percentage()
                .animate(true),
        );
        ui.weak(step);
    });
}
