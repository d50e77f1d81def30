//! The desktop app: a view over the ledger plus an editor that writes through the library.
//! It never parses, scores or writes files itself. The modules, each using only those
//! listed before it:
//!
//! - `background`: work off the UI thread, the one way (`Task`); `watch`: the folder's
//!   changes; `settings`: what is remembered between runs; `leaderboard`: its order;
//!   `undo`: what writes a change back.
//! - `repository`, `session`: the open folder and its git repository, reloaded and read in
//!   the background; `derived`: what the views show, computed from them and cached.
//! - `state`: what the views show and edit besides the ledger; `start`: how the app starts.
//! - `action`: what the user asks for — a view change, an effect (a write, a git call) or
//!   a system command; `command`: the commands a menu item and a shortcut share.
//! - `navigate`: view changes, a pure function of the state; `write`: each write checked
//!   and written; `prefill`: forms filled in from the ledger.
//! - `views`: drawing, one file per view, returning actions.
//! - `hindsight_app`: the app — bringing everything up to date each frame and applying
//!   actions, with `effects` (the one place that writes, records the undo and reloads) and
//!   `system` (folders, articles, forms, theme).

mod action;
mod background;
mod chart_png;
mod command;
mod derived;
mod effects;
mod hindsight_app;
mod leaderboard;
mod navigate;
mod prefill;
mod repository;
mod session;
mod settings;
mod start;
mod state;
mod system;
mod undo;
mod views;
mod watch;
mod write;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use hindsight_app::HindsightApp;
pub use settings::{Theme, load_settings};
pub use start::{AppOptions, StartAt};
pub use state::Tab;

/// Opens the app in a native window; `today` overrides the date (as `--today` does for the
/// command line).
pub fn run(
    folder: Option<PathBuf>,
    start: StartAt,
    today: Option<NaiveDate>,
) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hindsight")
            .with_app_id("hindsight")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Hindsight",
        options,
        Box::new(move |cc| {
            Ok(Box::new(HindsightApp::new(
                cc,
                AppOptions {
                    folder,
                    today,
                    watch: true,
                    start,
                },
            )))
        }),
    )
}
