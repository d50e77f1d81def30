//! Hindsight keeps analysts' forecasts as plain RON files, records how they turned out and
//! scores each forecaster's track record. This library does all the work; the command line
//! and the desktop app only call it.
//!
//! Data flows one way: files → [`ledger`] → queries and scores → views.
//!
//! - [`ledger`]: the file format, loading and validation, the canonical writer, one-block
//!   edits, record inserts and deletes, and the forms' checks.
//! - [`estimative`]: hedge words → probabilities.
//! - [`score`]: Brier and log scores, calibration, decomposition, intervals (pure maths).
//! - [`report`]: track records — which forecasts count, grouping, cumulative scores.
//! - [`query`]: the filter, search and sort shared by every view.
//! - [`overview`]: what needs attention (overdue forecasts, latest verdicts).
//! - [`seeds`]: quotes found in their articles.
//! - [`export`]: flat records for JSON and CSV.
//! - [`terminal`]: data never drives the terminal — control characters made visible.
//! - [`demo`]: a reproducible synthetic ledger; [`rng`] its seeded generator.
//! - [`cli`]: the `hindsight` subcommands; [`app`]: the desktop app. Both are thin views.

pub mod app;
pub mod cli;
pub mod demo;
pub mod estimative;
pub mod export;
pub mod ledger;
pub mod overview;
pub mod query;
pub mod report;
pub mod rng;
pub mod score;
pub mod seeds;
pub mod terminal;
