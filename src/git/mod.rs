//! Git, through the system `git` binary (as editors do): the merge driver git calls for
//! ledger files, `git-setup`, and what the app and `hindsight log` ask of a repository —
//! its status, a commit of the ledger files, pull and push, a forecast's history, the
//! user's name. Nothing here parses or merges ledger files itself: that is
//! [`crate::ledger`] (`merge`, `changes`). Where the folder is not in a repository, or git
//! is missing, these say so and the rest of Hindsight works without them.
//!
//! Every command goes through `run` (no prompts, git's own error text). `driver_command`
//! is the driver's command line as a clone's config holds it; `health` tells whether it
//! still runs, and what else git knows of the folder that its files do not show; `setup`
//! writes it where `health` says it must, and `remote` refuses to commit over what
//! `health` finds. No module here uses this one: it only re-exports.

pub mod changes;
mod config;
mod driver;
mod driver_command;
mod health;
mod history;
pub mod merge;
mod remote;
mod run;
mod setup;
mod status;

pub use config::user_name;
pub use driver::{DriverOutcome, run_driver};
#[cfg(feature = "app")]
pub use health::holds_one_side_only;
pub use health::merge_problems;
#[cfg(feature = "app")]
pub use history::HistoryEntry;
pub use history::history;
pub use remote::{commit, describe_changes, pull, push, suggested_message};
#[cfg(feature = "app")]
pub use setup::needs_setup;
pub use setup::{in_repository, init_repository, setup};
#[cfg(feature = "app")]
pub use status::{ChangedFile, RepoStatus};
pub use status::{FileState, status};
