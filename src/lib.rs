//! Hindsight keeps analysts' forecasts as plain RON files, records how they turned out and
//! scores each forecaster's track record. This library does all the work; the command line
//! and the desktop app only call it.
//!
//! Data flows one way: files → [`ledger`] → queries and scores → views. The entry point is
//! [`load`], which reads a scenarios folder into a [`Ledger`].
//!
//! The modules, each using only modules listed before it (there are no cycles):
//!
//! - `rng`: the seeded generator behind bootstrap intervals and the demo (private).
//! - [`ron_format`]: the RON dialect of every file, shared by the phrase table and the
//!   parser.
//! - [`score`]: Brier and log scores, calibration, decomposition, intervals (pure maths;
//!   uses `rng`).
//! - [`estimative`]: hedge words → probabilities (uses `ron_format`; knows no ledger).
//! - [`ledger`]: the file format, loading and validation, the canonical writer, one-block
//!   edits, record inserts and deletes, and the forms' checks (uses `estimative`,
//!   `ron_format`).
//! - [`query`]: the filter, search and sort shared by every view (uses `ledger`).
//! - [`report`]: track records — which forecasts count, grouping, cumulative scores (uses
//!   `ledger`, `query`, `score`, `words`).
//! - [`words`]: words on trial — each phrase's observed frequency against the table,
//!   scores at the low and high readings of the phrase table, one forecast's score in
//!   words (uses `ledger`, `estimative`, `score`).
//! - [`overview`]: what needs attention, overdue forecasts, latest verdicts (uses `ledger`,
//!   `report`).
//! - [`terminal`]: data never drives the terminal — control characters made visible (uses
//!   nothing).
//! - [`seeds`]: quotes found in their articles; [`export`]: flat records for JSON and CSV
//!   (both use `ledger`).
//! - [`demo`]: a reproducible synthetic ledger (uses `ledger`, `estimative`, `rng`).
//! - [`git`]: the merge driver git calls, `git-setup`, and status, commit, pull, push and a
//!   forecast's history, through the system `git` (uses `ledger`).
//! - [`intake`]: reading an article — the forecasts it proposes, with speaker, hedge words
//!   and date (uses `ledger`, `estimative`, `seeds`).
//! - [`cli`]: the `hindsight` subcommands (uses `ledger`, `query`, `report`, `overview`,
//!   `score`, `export`, `demo`, `git`).
//! - `app`: the desktop app, behind the cargo feature `app`, on by default (uses `ledger`,
//!   `estimative`, `query`, `report`, `overview`, `score`, `seeds`).
//!
//! `cli` and `app` are thin views and never import each other: the binary (`main.rs`) picks
//! one.

#[cfg(feature = "app")]
pub mod app;
pub mod cli;
pub mod demo;
pub mod draft;
pub mod estimative;
pub mod export;
pub mod git;
pub mod intake;
pub mod ledger;
pub mod overview;
pub mod prose;
pub mod query;
pub mod report;
mod rng;
pub mod ron_format;
pub mod score;
pub mod seeds;
pub mod terminal;
pub mod words;

pub use ledger::{Ledger, LoadError, load};
