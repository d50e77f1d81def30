//! The commands a menu item and a keyboard shortcut share, each with its label, shortcut and
//! action in one place (as rerun's `UICommand`), so the menu always shows the key that
//! really does it and both ways of asking do the same thing.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::{Action, Effect, SystemCommand, ViewChange};
use super::repository::{Operation, Repository};
use super::session::Session;

/// What decides whether a command can run now, borrowed from the app for a frame.
#[derive(Clone, Copy)]
pub struct Availability<'a> {
    /// The open folder, if any.
    pub session: Option<&'a Session>,
    /// Whether there is a write to undo.
    pub can_undo: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    OpenFolder,
    AddArticle,
    Import,
    PublishSite,
    Reload,
    Quit,
    Undo,
    NewForecast,
    NewScenario,
    NewSource,
    NewPerson,
    Search,
    Commit,
    Pull,
    Push,
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
            UiCommand::AddArticle => "Add article…",
            UiCommand::Import => "Import…",
            UiCommand::PublishSite => "Publish site…",
            UiCommand::Reload => "Reload",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::NewForecast => "New forecast…",
            UiCommand::NewScenario => "New scenario…",
            UiCommand::NewSource => "New source…",
            UiCommand::NewPerson => "New person…",
            UiCommand::Search => "Search",
            UiCommand::Commit => "Commit…",
            UiCommand::Pull => "Pull",
            UiCommand::Push => "Push",
        }
    }

    /// What a git command does, for its tooltip.
    pub fn hover_text(self) -> &'static str {
        match self {
            UiCommand::Commit => "Commit the changed ledger files (and only them)",
            UiCommand::Pull => {
                "Fetch and merge the upstream branch (ledger files merge by record id)"
            }
            UiCommand::Push => "Push this branch to its upstream",
            _ => self.label(),
        }
    }

    /// The git operation a git command starts.
    fn operation(self) -> Option<Operation> {
        match self {
            UiCommand::Commit => Some(Operation::Commit),
            UiCommand::Pull => Some(Operation::Pull),
            UiCommand::Push => Some(Operation::Push),
            _ => None,
        }
    }

    /// Whether a git command can run in this repository now.
    pub fn enabled_in(self, repository: &Repository) -> bool {
        self.operation()
            .is_some_and(|operation| repository.can(operation))
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
            | UiCommand::AddArticle
            | UiCommand::Import
            | UiCommand::PublishSite
            | UiCommand::NewScenario
            | UiCommand::NewSource
            | UiCommand::NewPerson
            | UiCommand::Commit
            | UiCommand::Pull
            | UiCommand::Push => None,
        }
    }

    /// While a text field has the keyboard, its own undo wins.
    pub fn works_while_typing(self) -> bool {
        self != UiCommand::Undo
    }

    /// Whether the command can run now: a disabled command is greyed out in the menu and
    /// ignored from the keyboard.
    pub fn enabled(self, now: Availability) -> bool {
        let open = now.session.is_some();
        match self {
            UiCommand::OpenFolder | UiCommand::Quit => true,
            UiCommand::Undo => now.can_undo,
            UiCommand::Reload
            | UiCommand::AddArticle
            | UiCommand::Import
            | UiCommand::PublishSite
            | UiCommand::NewForecast
            | UiCommand::NewScenario
            | UiCommand::NewSource
            | UiCommand::NewPerson
            | UiCommand::Search => open,
            UiCommand::Commit | UiCommand::Pull | UiCommand::Push => now
                .session
                .as_ref()
                .is_some_and(|session| self.enabled_in(&session.repository)),
        }
    }

    pub fn action(self) -> Action {
        match self {
            UiCommand::OpenFolder => SystemCommand::AskFolder.into(),
            UiCommand::AddArticle => ViewChange::AskArticle.into(),
            UiCommand::Import => ViewChange::AskImport.into(),
            UiCommand::PublishSite => ViewChange::AskPublish.into(),
            UiCommand::Reload => SystemCommand::Reload.into(),
            UiCommand::Quit => SystemCommand::Quit.into(),
            UiCommand::Undo => Effect::Undo.into(),
            UiCommand::NewForecast => SystemCommand::NewForecast.into(),
            UiCommand::NewScenario => ViewChange::NewScenario.into(),
            UiCommand::NewSource => SystemCommand::NewSource.into(),
            UiCommand::NewPerson => ViewChange::NewPerson.into(),
            UiCommand::Search => ViewChange::FocusSearch.into(),
            UiCommand::Commit => ViewChange::OpenCommit.into(),
            UiCommand::Pull => Effect::Pull.into(),
            UiCommand::Push => Effect::Push.into(),
        }
    }

    /// A menu item for the command, with its shortcut shown beside the label.
    pub fn menu_item(self, ui: &mut egui::Ui, now: Availability, actions: &mut Vec<Action>) {
        let mut button = egui::Button::new(self.label());
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add_enabled(self.enabled(now), button).clicked() {
            actions.push(self.action());
            ui.close();
        }
    }
}
