//! The integration tests of the library and the command line, gathered in one test binary
//! (as ripgrep's `tests/tests.rs` does): one link instead of two dozen, and the helpers in
//! `common` compiled once. Each module is one subject; the desktop app's tests are the
//! other binary, `tests/app.rs`, built with the `app` feature.

mod common;

mod accept;
mod as_of;
mod attribution_battery;
mod bad_input;
mod baseline;
mod calls;
mod candidates;
mod cli;
mod disputes;
mod edit;
mod forms;
mod git_driver;
mod git_merge;
mod git_sharing;
mod hostile_folders;
mod house_plan;
mod id_index;
mod import;
mod init;
mod insert;
mod intake_eval;
mod merge;
mod merge_oracle;
mod property_round_trip;
mod questions;
mod relative;
mod round_trip;
mod score;
mod seed_ledger;
mod seeds;
mod site;
mod words;
mod write_door;
