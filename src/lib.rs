//! Hindsight keeps analysts' forecasts as plain RON files, records how they turned out and
//! scores each forecaster's track record. This library does all the work; the command line
//! and the desktop app only call it.
//!
//! - [`ledger`]: the file format, loading and validation, the canonical writer and
//!   one-block edits.
//! - [`estimative`]: hedge words → probabilities.
//! - [`score`]: Brier and log scores, calibration, decomposition, intervals.

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
