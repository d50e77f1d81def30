//! What the app remembers between runs (eframe persistence): folders, the judge's name,
//! the theme. Window size and table column widths are remembered by eframe and egui.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent folders the File menu offers.
const RECENT_FOLDERS: usize = 8;

/// The key under which [`Settings`] are stored.
pub const SETTINGS_KEY: &str = "hindsight-settings";

/// The settings saved by the last run (defaults on the first run).
pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
        .unwrap_or_default()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_folder: Option<PathBuf>,
    /// Most recent first.
    pub recent_folders: Vec<PathBuf>,
    /// Who is judging: written into every verdict.
    pub judge: String,
    pub theme: Theme,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

impl Settings {
    /// Records a folder as opened: it becomes the last folder and heads the recent list.
    pub fn opened(&mut self, folder: &Path) {
        self.last_folder = Some(folder.to_path_buf());
        self.recent_folders.retain(|recent| recent != folder);
        self.recent_folders.insert(0, folder.to_path_buf());
        self.recent_folders.truncate(RECENT_FOLDERS);
    }
}
