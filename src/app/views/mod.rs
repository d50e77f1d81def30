//! The app's views, one file each, with the state only that view needs beside it. Every
//! view draws from the ledger and the cached [`Derived`] data, and returns what the user
//! asked for as [`Action`]s: none of them changes the app's state (beyond the text typed
//! into its fields), reads or writes a file, or computes a cache.

pub mod article;
pub mod detail;
pub mod dispute;
pub mod filter_bar;
mod forecaster;
mod forecasts;
pub mod forms;
mod git;
mod menu;
mod overview;
mod phrase_chart;
mod plots;
mod problems;
mod style;
mod timeline;
pub mod track_records;

use chrono::NaiveDate;
use egui::{Key, Modifiers, Ui};

use super::command::UiCommand;
use super::derived::Derived;
use super::{Action, HindsightApp, Tab};
use crate::ledger::Ledger;

/// What every view reads.
pub struct ViewCtx<'a> {
    pub ledger: &'a Ledger,
    pub derived: &'a Derived,
    pub today: NaiveDate,
    /// The selected forecast's entry index.
    pub selected: Option<usize>,
    /// The folder's git repository (hidden when the folder is in none).
    pub repository: &'a super::repository::Repository,
}

impl ViewCtx<'_> {
    /// The problems git knows of (unmerged files, a driver that cannot run), as of the
    /// last status snapshot.
    pub fn merge_problems(&self) -> &[crate::ledger::Problem] {
        self.repository
            .snapshot
            .as_ref()
            .map_or(&[], |snapshot| snapshot.merge_problems.as_slice())
    }
}

/// Draws the whole window. Views get the ledger and the derived data to read, and mutable
/// access only to the text buffers their fields edit; everything else they return as actions.
pub fn app_ui(ui: &mut Ui, app: &mut HindsightApp, actions: &mut Vec<Action>) {
    shortcuts(ui, app, actions);
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar(ui, app, actions));
    egui::Panel::bottom("status").show(ui, |ui| menu::status_bar(ui, app));

    let today = app.today();
    let reading_article = app.is_reading_article();
    let HindsightApp {
        session,
        derived,
        ui: state,
        settings,
        opening,
        ..
    } = app;
    let opening = opening
        .as_ref()
        .map(|opening| (opening.folder.as_path(), &*opening.progress));
    if let Some((folder, progress)) = opening {
        egui::Panel::top("opening").show(ui, |ui| menu::loading(ui, folder, progress));
    }
    let Some(session) = session else {
        egui::CentralPanel::default().show(ui, |ui| {
            if opening.is_none() {
                menu::welcome(ui, settings, actions);
            }
        });
        forms::open_folder_window(ui.ctx(), &mut state.open_folder, settings, actions);
        return;
    };
    let ledger = &*session.ledger;
    let selected = state.selected.as_deref().and_then(|id| ledger.find(id));
    let ctx = ViewCtx {
        ledger,
        derived,
        today,
        selected,
        repository: &session.repository,
    };
    if !session.repository.absent {
        egui::Panel::bottom("git").show(ui, |ui| git::git_bar(ui, &session.repository, actions));
    }

    egui::Panel::top("tabs").show(ui, |ui| menu::tabs(ui, &ctx, state.tab, actions));
    if session.git_setup_needed {
        egui::Panel::top("git-setup").show(ui, |ui| menu::git_setup_offer(ui, actions));
    }
    if state.tab.has_filter() {
        egui::Panel::top("filters").show(ui, |ui| {
            filter_bar::filter_bar(
                ui,
                &ctx,
                &state.filter,
                state.only.as_ref().map(|(label, _)| label.as_str()),
                &mut state.filter_bar,
                actions,
            )
        });
    }
    // A disputed forecast is not among the entries: its detail is the dispute.
    let disputed = match (selected, state.selected.as_deref()) {
        (None, Some(id)) => ledger.disputes.iter().find(|d| d.id == id),
        _ => None,
    };
    if let Some(dispute) = disputed {
        let problem = ledger
            .problems
            .iter()
            .find(|p| p.path == dispute.path && p.position == dispute.position)
            .map(|p| p.message.as_str());
        // Wider than a forecast's detail: two versions side by side.
        egui::Panel::right("dispute-detail")
            .default_size(640.0)
            .min_size(400.0)
            .resizable(true)
            .show(ui, |ui| {
                dispute::dispute_detail_ui(ui, dispute, problem, &mut state.dispute_edit, actions)
            });
    }
    if let Some(entry) = selected {
        egui::Panel::right("detail")
            .default_size(440.0)
            .min_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                detail::detail_ui(
                    ui,
                    &ctx,
                    entry,
                    &mut state.outcome_form,
                    &mut settings.judge,
                    actions,
                )
            });
    }
    egui::CentralPanel::default().show(ui, |ui| match state.tab {
        Tab::Overview => overview::overview_ui(ui, &ctx, actions),
        Tab::Forecasts => forecasts::forecasts_ui(ui, &ctx, state, actions),
        Tab::TrackRecords => match &state.forecaster {
            Some(name) => forecaster::forecaster_ui(ui, &ctx, name, actions),
            None => track_records::track_records_ui(ui, &ctx, state.leaderboard, actions),
        },
        Tab::Timeline => timeline::timeline_ui(ui, &ctx, actions),
        Tab::Problems => {
            let open = disputed.map(|dispute| dispute.id.as_str());
            problems::problems_ui(ui, &ctx, open, &mut state.dispute_edit, actions)
        }
    });
    if let Some(form) = &mut state.form {
        forms::form_window(ui.ctx(), &ctx, form, actions);
    }
    if let Some(ask) = &mut state.article_ask {
        article::ask_window(ui.ctx(), ask, reading_article, actions);
    }
    if let Some(view) = &mut state.article {
        // While a form is open, Enter and Delete are the form's.
        let keys = state.form.is_none();
        article::article_window(ui.ctx(), view, keys, actions);
    }
    if let Some(form) = &mut state.commit {
        let snapshot = session.repository.snapshot.as_ref();
        git::commit_window(ui.ctx(), snapshot, &mut form.message, actions);
    }
    if let Some(id) = &state.confirm_delete {
        forms::delete_confirmation(ui.ctx(), &ctx, id, actions);
    }
    if let Some(asked) = &state.confirm_verdict {
        detail::verdict_replacement_ui(ui.ctx(), asked, actions);
    }
    forms::open_folder_window(ui.ctx(), &mut state.open_folder, settings, actions);
}

/// Keyboard shortcuts that work everywhere: the commands' own (see [`UiCommand`]), Esc and
/// Alt+1…5 for the tabs.
fn shortcuts(ui: &mut Ui, app: &HindsightApp, actions: &mut Vec<Action>) {
    // While a text field has the keyboard, Esc and some commands belong to it.
    let typing = ui.ctx().text_edit_focused();
    ui.input_mut(|input| {
        for command in UiCommand::WITH_SHORTCUTS {
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            if (typing && !command.works_while_typing()) || !command.enabled(app) {
                continue;
            }
            if input.consume_shortcut(&shortcut) {
                actions.push(command.action());
            }
        }
        if !typing && input.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push(if app.ui.form.is_some() {
                Action::CloseForm
            } else {
                Action::Select(None)
            });
        }
    });
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    for (tab, key) in Tab::ALL.into_iter().zip(keys) {
        if ui.input_mut(|input| input.consume_key(Modifiers::ALT, key)) {
            actions.push(Action::ShowTab(tab));
        }
    }
}
