//! The app's views, one file each. Every view draws from the ledger and the cached
//! [`Derived`] data, and returns what the user asked for as [`Action`]s; none of them
//! changes the ledger or writes a file.

pub mod detail;
mod filter_bar;
mod forecaster;
mod forecasts;
mod forms;
mod menu;
mod overview;
mod plots;
mod problems;
mod style;
mod timeline;
mod track_records;

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};

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
}

/// Draws the whole window.
pub fn app_ui(ui: &mut Ui, app: &mut HindsightApp, actions: &mut Vec<Action>) {
    shortcuts(ui, app, actions);
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar(ui, app, actions));
    egui::Panel::bottom("status").show(ui, |ui| menu::status_bar(ui, app));

    let today = app.today();
    let HindsightApp {
        session,
        derived,
        ui: state,
        settings,
        quote_cache,
        ..
    } = app;
    let Some(session) = session else {
        egui::CentralPanel::default().show(ui, |ui| menu::welcome(ui, state, settings, actions));
        forms::open_folder_window(ui.ctx(), state, settings, actions);
        return;
    };
    let ledger = &*session.ledger;
    let selected = state.selected.as_deref().and_then(|id| ledger.find(id));
    let ctx = ViewCtx {
        ledger,
        derived,
        today,
        selected,
    };

    egui::Panel::top("tabs").show(ui, |ui| menu::tabs(ui, &ctx, state.tab, actions));
    if matches!(
        state.tab,
        Tab::Forecasts | Tab::TrackRecords | Tab::Timeline
    ) {
        egui::Panel::top("filters").show(ui, |ui| filter_bar::filter_bar(ui, &ctx, state, actions));
    }
    if let Some(entry) = selected {
        egui::Panel::right("detail")
            .default_size(440.0)
            .min_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                detail::detail_ui(ui, &ctx, entry, state, settings, quote_cache, actions)
            });
    }
    egui::CentralPanel::default().show(ui, |ui| match state.tab {
        Tab::Overview => overview::overview_ui(ui, &ctx, actions),
        Tab::Forecasts => forecasts::forecasts_ui(ui, &ctx, state, actions),
        Tab::TrackRecords => match state.forecaster.clone() {
            Some(name) => forecaster::forecaster_ui(ui, &ctx, &name, state, actions),
            None => track_records::track_records_ui(ui, &ctx, state, actions),
        },
        Tab::Timeline => timeline::timeline_ui(ui, &ctx, actions),
        Tab::Problems => problems::problems_ui(ui, &ctx),
    });
    forms::form_windows(ui.ctx(), &ctx, state, actions);
    forms::open_folder_window(ui.ctx(), state, settings, actions);
}

/// Keyboard shortcuts that work everywhere.
fn shortcuts(ui: &mut Ui, app: &mut HindsightApp, actions: &mut Vec<Action>) {
    let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
    // While a text field has the keyboard, Ctrl+Z and Esc belong to it.
    let typing = ui.ctx().text_edit_focused();
    ui.input_mut(|input| {
        if input.consume_shortcut(&command(Key::Z)) && !typing {
            actions.push(Action::Undo);
        }
        if input.consume_shortcut(&command(Key::O)) {
            app.ui.open_folder = Some(
                app.session
                    .as_ref()
                    .map(|s| s.dir.display().to_string())
                    .unwrap_or_default(),
            );
        }
        if input.consume_shortcut(&command(Key::N)) && app.session.is_some() {
            actions.push(Action::NewForecast);
        }
        if input.consume_shortcut(&command(Key::F)) {
            app.ui.focus_search = true;
            if !matches!(
                app.ui.tab,
                Tab::Forecasts | Tab::TrackRecords | Tab::Timeline
            ) {
                actions.push(Action::ShowTab(Tab::Forecasts));
            }
        }
        if input.consume_key(Modifiers::NONE, Key::F5) {
            actions.push(Action::Reload);
        }
        if input.consume_key(Modifiers::NONE, Key::Escape) && !typing {
            if app.ui.form.is_some() {
                app.ui.form = None;
            } else {
                actions.push(Action::Select(None));
            }
        }
    });
    // Alt+1…5 switch tabs.
    let tabs = [
        Tab::Overview,
        Tab::Forecasts,
        Tab::TrackRecords,
        Tab::Timeline,
        Tab::Problems,
    ];
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    for (tab, key) in tabs.into_iter().zip(keys) {
        if ui.input_mut(|input| input.consume_key(Modifiers::ALT, key)) {
            actions.push(Action::ShowTab(tab));
        }
    }
}
