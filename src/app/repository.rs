//! The open folder's git repository as the app shows it: the status line's facts and the
//! changes a commit would take, refreshed in the background whenever the ledger reloads;
//! the one commit, pull or push running at a time; and the selected forecast's history.
//! Everything here asks [`crate::git`]; nothing runs git on the UI thread.

use std::path::{Path, PathBuf};

use super::background::{Poll, Task};
use crate::git::changes::FileChange;
use crate::git::{self, ChangedFile, HistoryEntry, RepoStatus};

/// The repository's state, and what a commit would take.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub status: RepoStatus,
    /// Each changed ledger file with what changed in it.
    pub changes: Vec<(ChangedFile, Vec<FileChange>)>,
    /// The message a commit of every changed file would get (made with the snapshot, in
    /// the background, not per frame).
    pub suggested_message: String,
    /// What git knows that the files do not show (unmerged ledger files, a driver that
    /// cannot run): listed under Problems.
    pub merge_problems: Vec<crate::ledger::Problem>,
}

/// A git operation the user started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Commit,
    Pull,
    Push,
}

impl Operation {
    /// "Committing…", shown beside the spinner.
    pub fn running(self) -> &'static str {
        match self {
            Operation::Commit => "Committing…",
            Operation::Pull => "Pulling…",
            Operation::Push => "Pushing…",
        }
    }
}

/// How an operation ended, for the status bar.
pub struct Finished {
    pub operation: Operation,
    pub result: Result<String, String>,
    /// A pull left files in conflict: their disputes are to be settled.
    pub conflicts: bool,
}

/// A forecast's history, as far as it is known.
pub enum History<'a> {
    Loading,
    Ready(&'a [HistoryEntry]),
    Failed(&'a str),
}

/// An operation's result, and whether a pull left conflicts.
type Outcome = (Result<String, String>, bool);
/// A forecast's history as read (or why it could not be).
type HistoryResult = Result<Vec<HistoryEntry>, String>;

pub struct Repository {
    dir: PathBuf,
    /// `None` until the first status arrives, and while the folder is not in a repository.
    pub snapshot: Option<Snapshot>,
    /// The folder is not in a git repository (or git is missing): the git parts hide.
    pub absent: bool,
    pub status_error: Option<String>,
    refreshing: Option<Task<Option<Result<Snapshot, String>>>>,
    refresh_again: bool,
    operation: Option<(Operation, Task<Outcome>)>,
    /// The forecast, (ledger generation, epoch) and the history read for them.
    history: Option<(String, (u64, u64), HistoryResult)>,
    /// Bumped when an operation ends: a commit or pull changes histories without
    /// changing the ledger.
    epoch: u64,
    history_task: Option<(String, (u64, u64), Task<HistoryResult>)>,
}

impl Repository {
    /// Starts reading the status of the repository holding `dir`.
    pub fn open(dir: &Path, ctx: &egui::Context) -> Repository {
        let mut repository = Repository {
            dir: dir.to_path_buf(),
            snapshot: None,
            absent: false,
            status_error: None,
            refreshing: None,
            refresh_again: false,
            operation: None,
            history: None,
            history_task: None,
            epoch: 0,
        };
        repository.refresh(ctx);
        repository
    }

    /// Reads the status again (after a reload, a commit, a pull).
    pub fn refresh(&mut self, ctx: &egui::Context) {
        if self.refreshing.is_some() {
            self.refresh_again = true;
            return;
        }
        let dir = self.dir.clone();
        self.refreshing = Some(Task::spawn(ctx, move || {
            git::status(&dir).map(|status| {
                status.map(|status| {
                    let changes = git::describe_changes(&dir, &status.changed);
                    Snapshot {
                        suggested_message: git::suggested_message(&status, &changes),
                        merge_problems: git::merge_problems(&dir),
                        changes,
                        status,
                    }
                })
            })
        }));
    }

    pub fn is_busy(&self) -> Option<Operation> {
        self.operation.as_ref().map(|(operation, _)| *operation)
    }

    /// Whether `operation` can start now: nothing else running, and something to do.
    /// (A pull or push waits for a merge under way to be committed.)
    pub fn can(&self, operation: Operation) -> bool {
        let Some(snapshot) = &self.snapshot else {
            return false;
        };
        let status = &snapshot.status;
        self.operation.is_none()
            && match operation {
                Operation::Commit => !status.changed.is_empty() || status.merging,
                Operation::Pull => status.upstream.is_some() && !status.merging,
                Operation::Push => !status.merging,
            }
    }

    /// Commits every changed ledger file with `message`.
    pub fn commit(&mut self, message: String, ctx: &egui::Context) {
        let Some(snapshot) = &self.snapshot else {
            return;
        };
        let (dir, status) = (self.dir.clone(), snapshot.status.clone());
        self.start(Operation::Commit, ctx, move || {
            let files = status.changed.clone();
            let result = git::commit(&dir, &status, &files, &message).map(|done| {
                format!(
                    "Committed {} ({} {}): {}",
                    done.commit,
                    done.files,
                    if done.files == 1 { "file" } else { "files" },
                    done.subject
                )
            });
            (result, false)
        });
    }

    pub fn pull(&mut self, ctx: &egui::Context) {
        let dir = self.dir.clone();
        self.start(Operation::Pull, ctx, move || match git::pull(&dir) {
            Ok(report) => (Ok(report.summary()), !report.conflicted.is_empty()),
            Err(error) => (Err(error), false),
        });
    }

    pub fn push(&mut self, ctx: &egui::Context) {
        let dir = self.dir.clone();
        self.start(Operation::Push, ctx, move || (git::push(&dir), false));
    }

    fn start(
        &mut self,
        operation: Operation,
        ctx: &egui::Context,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) {
        if self.operation.is_none() {
            self.operation = Some((operation, Task::spawn(ctx, work)));
        }
    }

    /// Picks up finished background work; returns an operation that finished this frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Finished> {
        if let Some(task) = &self.refreshing {
            match task.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    self.refreshing = None;
                    match result {
                        None => {
                            self.absent = true;
                            self.snapshot = None;
                        }
                        Some(Ok(snapshot)) => {
                            self.absent = false;
                            self.status_error = None;
                            self.snapshot = Some(snapshot);
                        }
                        Some(Err(error)) => self.status_error = Some(error),
                    }
                    if std::mem::take(&mut self.refresh_again) {
                        self.refresh(ctx);
                    }
                }
                Poll::Lost => self.refreshing = None,
            }
        }
        if let Some((name, generation, task)) = &self.history_task {
            match task.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    self.history = Some((name.clone(), *generation, result));
                    self.history_task = None;
                }
                Poll::Lost => self.history_task = None,
            }
        }
        let (operation, task) = self.operation.as_ref()?;
        let finished = match task.poll() {
            Poll::Running => return None,
            Poll::Done((result, conflicts)) => Finished {
                operation: *operation,
                result,
                conflicts,
            },
            Poll::Lost => Finished {
                operation: *operation,
                result: Err("git stopped unexpectedly".into()),
                conflicts: false,
            },
        };
        self.operation = None;
        self.epoch += 1;
        self.refresh(ctx);
        Some(finished)
    }

    /// Reads the history of forecast `id` in `file` in the background, once per ledger
    /// generation (a reload may bring a commit or a change) and git operation.
    pub fn want_history(&mut self, id: &str, file: &Path, generation: u64, ctx: &egui::Context) {
        let now = (generation, self.epoch);
        let fresh = |name: &String, at: &(u64, u64)| name == id && *at == now;
        let have = self.history.as_ref().is_some_and(|(n, g, _)| fresh(n, g));
        let asked = self
            .history_task
            .as_ref()
            .is_some_and(|(n, g, _)| fresh(n, g));
        if have || asked || self.absent {
            return;
        }
        let (dir, file, name) = (self.dir.clone(), file.to_path_buf(), id.to_string());
        let task = Task::spawn(ctx, move || git::history(&dir, &file, &name));
        self.history_task = Some((id.to_string(), now, task));
    }

    /// The history of forecast `id`, as far as it has been read.
    pub fn history(&self, id: &str) -> History<'_> {
        match &self.history {
            Some((name, _, Ok(entries))) if name == id => History::Ready(entries),
            Some((name, _, Err(error))) if name == id => History::Failed(error),
            _ => History::Loading,
        }
    }
}
