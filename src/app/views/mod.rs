//! The app's views, one file each. Every view draws from the ledger and the cached
//! [`Derived`](super::derived::Derived) data it is given in a [`context::ViewCtx`], and
//! returns what the user asked for as actions: none of them changes the app's state
//! (beyond the text typed into its fields), reads or writes a file, or computes a cache.
//! What they edit lives in `state.rs`, below them. `window.rs` lays them out.

pub(super) mod article;
mod context;
mod detail;
mod dispute;
mod fields;
mod filter_bar;
mod forecast_form;
mod forecaster;
mod forecasts;
mod forms;
mod git;
mod import;
mod menu;
mod overview;
mod phrase_chart;
mod plots;
mod problems;
mod publish;
mod questions;
mod style;
mod timeline;
mod track_records;
mod verdict_form;
pub(super) mod window;
