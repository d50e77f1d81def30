//! The commands a menu item and a keyboard shortcut share, each with its label, shortcut and
//! action in one place (as rerun's `UICommand`), so the menu always shows the key that
//! really does it and both ways of asking do the same thing.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Action, HindsightApp};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    OpenFolder,
    Reload,
    Quit,
    Undo,
    NewForecast,
    NewScenario,
    NewSource,
    NewPerson,
    Search,
}

impl UiCommand {
    /// The commands that have a shortcut.
    pub const WITH_SHORTCUTS: [UiCommand; 5] = [
        UiCommand::OpenFolder,
        UiCommand::Reload,
        UiCommand::Undo,
        UiCommand::NewForecast,
        UiCommand::Search,
    ];

    /// The menu item's text.
    pub fn label(self) -> &'static str {
        match self {
            UiCommand::OpenFolder => "Open folder…",
            UiCommand::Reload => "Reload",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::NewForecast => "New forecast…",
            UiCommand::NewScenario => "New scenario…",
            UiCommand::NewSource => "New source…",
            UiCommand::NewPerson => "New person…",
            UiCommand::Search => "Search",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            UiCommand::OpenFolder => command(Key::O),
            UiCommand::Reload => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5)),
            UiCommand::Undo => command(Key::Z),
            UiCommand::NewForecast => command(Key::N),
            UiCommand::Search => command(Key::F),
            UiCommand::Quit
            | UiCommand::NewScenario
            | UiCommand::NewSource
            | UiCommand::NewPerson => None,
        }
    }

    /// While a text field has the keyboard, its own undo wins.
    pub fn works_while_typing(self) -> bool {
        self != UiCommand::Undo
    }

    /// Whether the command can run now: a disabled command is greyed out in the menu and
    /// ignored from the keyboard.
    pub fn enabled(self, app: &HindsightApp) -> bool {
        let open = app.session.is_some();
        match self {
            UiCommand::OpenFolder | UiCommand::Quit => true,
            UiCommand::Undo => !app.undo.is_empty(),
            UiCommand::Reload
            | UiCommand::NewForecast
            | UiCommand::NewScenario
            | UiCommand::NewSource
            | UiCommand::NewPerson
            | UiCommand::Search => open,
        }
    }

    pub fn action(self) -> Action {
        match self {
            UiCommand::OpenFolder => Action::AskFolder,
            UiCommand::Reload => Action::Reload,
            UiCommand::Quit => Action::Quit,
            UiCommand::Undo => Action::Undo,
            UiCommand::NewForecast => Action::NewForecast,
            UiCommand::NewScenario => Action::NewScenario,
            UiCommand::NewSource => Action::NewSource,
            UiCommand::NewPerson => Action::NewPerson,
            UiCommand::Search => Action::FocusSearch,
        }
    }

    /// A menu item for the command, with its shortcut shown beside the label.
    pub fn menu_item(self, ui: &mut egui::Ui, app: &HindsightApp, actions: &mut Vec<Action>) {
        let mut button = egui::Button::new(self.label());
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add_enabled(self.enabled(app), button).clicked() {
            actions.push(self.action());
            ui.close();
        }
    }
}
