//! Watching the scenarios folder for changes made outside the app (a `git pull`, an
//! editor). The folder is watched rather than each file, because git and editors replace
//! files by renaming a new one over them.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use notify::{RecursiveMode, Watcher};

pub struct FolderWatcher {
    // Kept alive for as long as the folder is watched.
    _watcher: notify::RecommendedWatcher,
    changes: Receiver<()>,
}

impl FolderWatcher {
    /// Watches `dir`; each change to a `.ron` file wakes the UI through `ctx`.
    pub fn new(dir: &Path, ctx: egui::Context) -> notify::Result<FolderWatcher> {
        let (sender, changes) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                let relevant = !event.kind.is_access()
                    && event.paths.iter().any(|path| {
                        let hidden = path
                            .file_name()
                            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
                        !hidden && path.extension().is_some_and(|ext| ext == "ron")
                    });
                if relevant {
                    let _ = sender.send(());
                    ctx.request_repaint();
                }
            })?;
        watcher.watch(dir, RecursiveMode::Recursive)?;
        Ok(FolderWatcher {
            _watcher: watcher,
            changes,
        })
    }

    /// Whether anything changed since the last call (drains the queue).
    pub fn changed(&self) -> bool {
        let mut changed = false;
        loop {
            match self.changes.try_recv() {
                Ok(()) => changed = true,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return changed,
            }
        }
    }
}
