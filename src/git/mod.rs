//! Git, through the system `git` binary (as editors do): the merge driver git calls for
//! ledger files, `git-setup`, and what the app and `hindsight log` ask of a repository —
//! its status, a commit of the ledger files, pull and push, a forecast's history. Nothing
//! here parses or merges ledger files itself: that is [`crate::ledger`] (`merge`,
//! `changes`). Where the folder is not in a repository, or git is missing, these say so
//! and the rest of Hindsight works without them.

pub mod changes;
mod driver;
mod health;
mod history;
pub mod merge;
mod remote;
mod run;
mod setup;
mod status;

pub use driver::{DriverOutcome, kind_of, run_driver};
pub use health::{holds_one_side_only, merge_problems};
pub use history::{HistoryEntry, history};
pub use remote::{Committed, PullReport, commit, describe_changes, pull, push, suggested_message};
pub use setup::{Setup, needs_setup, setup};
pub use status::{ChangedFile, FileState, RepoStatus, status};

/// The name the driver is configured under (`merge.hindsight.driver`).
pub const DRIVER: &str = "hindsight";
