//! The open folder: the loaded ledger, and reloading it when its files change — on the UI
//! thread for small ledgers, in the background for large ones so a frame never stalls.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::background::{Poll, Task};
use super::repository::Repository;
use super::watch::FolderWatcher;
use crate::ledger::{Ledger, LoadError, load};

/// Ledgers with more forecasts than this are reloaded in the background.
const BACKGROUND_RELOAD_ABOVE: usize = 5_000;

pub struct Session {
    pub dir: PathBuf,
    pub ledger: Arc<Ledger>,
    /// Bumped at every reload, so caches know when to recompute.
    pub generation: u64,
    watcher: Option<FolderWatcher>,
    reloading: Option<Task<Result<Ledger, LoadError>>>,
    /// A change arrived while a background reload was running: reload once more after it.
    reload_again: bool,
    /// Why watching failed, if it did (shown to the user once).
    pub watch_error: Option<String>,
    /// The folder is in a git clone that does not merge ledger files by record id yet:
    /// the app offers `git-setup`. Asked of git once, when the folder is opened.
    pub git_setup_needed: bool,
    /// The folder's git repository, if it is in one.
    pub repository: Repository,
    /// The ledger generation the repository's status was last read for.
    git_generation: u64,
}

impl Session {
    /// Loads `dir`, and watches it if asked to.
    pub fn open(
        dir: &Path,
        today: NaiveDate,
        ctx: &egui::Context,
        watch: bool,
    ) -> Result<Session, LoadError> {
        let ledger = load(dir, today)?;
        Ok(Session::with_ledger(dir, ledger, ctx, watch))
    }

    /// A session on a ledger already loaded from `dir` (in the background, for a large
    /// folder), watching the folder if asked to.
    pub fn with_ledger(dir: &Path, ledger: Ledger, ctx: &egui::Context, watch: bool) -> Session {
        release_freed_memory();
        let watcher = watch.then(|| FolderWatcher::new(dir, ctx.clone()));
        let (watcher, watch_error) = match watcher {
            Some(Ok(watcher)) => (Some(watcher), None),
            Some(Err(error)) => (
                None,
                Some(format!(
                    "not watching {} for changes: {error}",
                    dir.display()
                )),
            ),
            None => (None, None),
        };
        Session {
            dir: dir.to_path_buf(),
            ledger: Arc::new(ledger),
            generation: 1,
            watcher,
            reloading: None,
            reload_again: false,
            watch_error,
            git_setup_needed: crate::git::needs_setup(dir),
            repository: Repository::open(dir, ctx),
            git_generation: 1,
        }
    }

    /// Reloads the folder (in the background if the ledger is large).
    pub fn reload(&mut self, today: NaiveDate, ctx: &egui::Context) {
        if self.reloading.is_some() {
            self.reload_again = true;
            return;
        }
        if self.ledger.entries.len() <= BACKGROUND_RELOAD_ABOVE {
            let result = load(&self.dir, today);
            self.install(result);
            return;
        }
        let dir = self.dir.clone();
        self.reloading = Some(Task::spawn(ctx, move || load(&dir, today)));
    }

    pub fn is_reloading(&self) -> bool {
        self.reloading.is_some()
    }

    /// Picks up a finished background reload and changes seen by the watcher. Returns
    /// whether a new ledger was installed.
    pub fn poll(&mut self, today: NaiveDate, ctx: &egui::Context) -> bool {
        let before = self.generation;
        if let Some(task) = &self.reloading {
            match task.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    self.reloading = None;
                    self.install(result);
                    if std::mem::take(&mut self.reload_again) {
                        self.reload(today, ctx);
                    }
                }
                Poll::Lost => self.reloading = None,
            }
        }
        if self.watcher.as_ref().is_some_and(FolderWatcher::changed) {
            self.reload(today, ctx);
        }
        // What changed on disk changed what git sees (reloads after the app's own writes
        // happen outside `poll`, so the generation is compared with the last one seen).
        if self.generation != self.git_generation {
            self.git_generation = self.generation;
            self.repository.refresh(ctx);
        }
        self.generation != before
    }

    fn install(&mut self, result: Result<Ledger, LoadError>) {
        // A folder that vanished (a branch switch) keeps showing what was last read.
        if let Ok(ledger) = result {
            self.ledger = Arc::new(ledger);
            self.generation += 1;
            release_freed_memory();
        }
    }
}

/// Hands the memory a load freed back to the system. Loading holds every file's text and
/// outline at once; they are freed when it ends, but glibc keeps freed memory for reuse, so
/// without this a long-running app would stay at the load's peak (at 100,000 forecasts,
/// hundreds of megabytes more than the ledger needs).
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own heap to the
    // system; it touches no live allocation and is safe to call from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
