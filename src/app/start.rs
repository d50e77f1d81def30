//! How the app starts: the options the command line (or a test) gives it, and which folder
//! it opens first. Nothing here draws or loads; the app reads these once, when it is made.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::state::Tab;

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// The folder to open; when `None`, `./scenarios` if present, else the last folder.
    pub folder: Option<PathBuf>,
    /// Treat this as today (tests); the real date otherwise.
    pub today: Option<NaiveDate>,
    /// Watch the folder for changes made outside the app.
    pub watch: bool,
    /// Where to start (a view, a forecast, a forecaster's page).
    pub start: StartAt,
}

/// Where the app starts, from the command line (`hindsight --view track-records`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartAt {
    pub tab: Option<Tab>,
    pub select: Option<String>,
    pub forecaster: Option<String>,
    /// Start on this question's page (by id).
    pub question: Option<String>,
    /// An article to read with the ledger once the folder is open.
    pub article: Option<String>,
}

/// The folder to open at start: the one asked for, else `./scenarios`, else the last one.
pub fn startup_folder(asked: Option<PathBuf>, last: Option<&Path>) -> Option<PathBuf> {
    asked
        .or_else(|| {
            let here = PathBuf::from(crate::ledger::DEFAULT_FOLDER);
            here.is_dir().then_some(here)
        })
        .or_else(|| last.filter(|last| last.is_dir()).map(Path::to_path_buf))
}
