//! Hindsight keeps analysts' forecasts as plain RON files, records how they turned out and
//! scores each forecaster's track record. This library does all the work; the command line
//! and the desktop app only call it.
//!
//! Data flows one way: files → `ledger` → queries and scores → views. The entry point is
//! [`load`], which reads a scenarios folder into a [`Ledger`]; every write goes back
//! through one [`Door`].
//!
//! The modules, each using only modules listed before it (no module imports one that
//! imports it back: `tests/house_plan.rs` checks, with `cargo test --test tests
//! house_plan`):
//!
//! - `rng`: the seeded generator behind bootstrap intervals and the demo.
//! - `ron_format`: the RON dialect of every file, shared by the phrase table and the parser.
//! - `prose`: plurals and capitals, for every sentence the program writes.
//! - `terminal`: data never drives the terminal (control characters made visible), and the
//!   command line's tables and cells (uses `prose`).
//! - `score`: Brier and log scores, calibration, decomposition, intervals (pure maths; uses
//!   `rng`).
//! - `estimative`: hedge words → probabilities (uses `ron_format`; knows no ledger).
//! - `ledger`: the file format, laid out along the data flow: `model` (records, the ledger
//!   as loaded, problems, limits), `read` (folder walk, outline, parse, load, validate),
//!   `write` (the door, the canonical form, one-record edits) (uses `estimative`,
//!   `ron_format`, `terminal`).
//! - `draft`: the forms' rules, a record as typed checked field by field (uses `ledger`,
//!   `estimative`).
//! - `query`: the filter, search and sort shared by every view (uses `ledger`).
//! - `timeline`: the timeline's rows (grouped by scenario or forecaster), the dates it
//!   opens on and its calendar ticks, for the app's timeline (uses `ledger`).
//! - `words`: words on trial — each phrase's observed frequency against the table (uses
//!   `ledger`, `estimative`, `score`).
//! - `report`: track records — which forecasts count, grouping, cumulative scores (uses
//!   `ledger`, `score`, `words`).
//! - `overview`: what needs attention, overdue forecasts, latest verdicts (uses `ledger`,
//!   `report`).
//! - `seeds`: quotes found in their articles; `export`: flat records for JSON and CSV (use
//!   `ledger`; `export` also `terminal`).
//! - `demo`: a reproducible synthetic ledger (uses `ledger`, `estimative`, `prose`, `rng`).
//! - `git`: the merge by record and the driver git calls, `git-setup`, status, commit,
//!   pull, push, a forecast's history, and what changed in words (uses `ledger`,
//!   `estimative`, `prose`, `terminal`).
//! - `intake`: reading an article — the forecasts it proposes, with speaker, hedge words
//!   and date, and accepting one (uses `ledger`, `draft`, `estimative`, `prose`, `seeds`).
//! - `cli`: the `hindsight` subcommands; `app`: the desktop app, behind the cargo feature
//!   `app`, on by default. Both use what they need of the above and never each other: the
//!   binary (`main.rs`) picks one.
//!
//! Every module is private. The public surface is the list below: what `main.rs`, the
//! integration tests, the benchmarks and the fuzz targets use.

#[cfg(feature = "app")]
mod app;
mod cli;
mod demo;
mod draft;
mod estimative;
mod export;
mod git;
mod import;
mod init;
mod intake;
mod ledger;
mod overview;
mod prose;
mod query;
mod relative;
mod report;
mod rng;
mod ron_format;
mod score;
mod seeds;
mod site;
mod terminal;
#[cfg(feature = "app")]
mod timeline;
mod words;

// The public surface: everything the binary (`main.rs`), the integration tests, the
// benchmarks and the fuzz targets use, and nothing else. Every module is private; what is
// not named here is the library's own business and may change freely.

// The two faces.
#[cfg(feature = "app")]
pub use app::{AppOptions, HindsightApp, StartAt, Tab, Theme, load_settings, run as run_app};
pub use cli::{Command, run as run_command_line};

// The ledger: its records, loading a folder, and the write door.
pub use ledger::{
    Call, Change, DEFAULT_FOLDER, Deleted, DisputedRecord, Document, Door, EditError,
    EffectiveProbability, Entry, FORMAT_VERSION, FileKind, FolderFiles, Forecast, ForecastView,
    FormatRefusal, Formatted, Inserted, Judged, Kind, Ledger, LoadError, LoadProgress,
    MAX_FILE_BYTES, MAX_NESTING, OnQuestion, Outcome, PEOPLE_FILE, PHRASES_FILE, People, Person,
    Position, ProbabilityOrigin, Problem, Question, QuestionOver, QuestionView, QuestionWritten,
    Resolution, ResolveBy, Scenario, ScenarioFile, Severity, Side, Source, Verdict, Written,
    canonical_text, decode_utf8, file_kind, load, load_holding, load_with_progress, outline, parse,
    people_document, phrases_document, ron_files, ron_options, scenario_document, verdict_facets,
};

// Forms: what a user typed, checked field by field.
pub use draft::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, check_forecast,
    check_person, check_scenario, check_source, people_matching, preview_probability,
    problem_as_typed, suggest_forecast_id,
};

// Sharing through git, and the merge by record.
pub use git::merge::{Dispute, MergeError, merge, settle};
pub use git::{
    FileState, commit, describe_changes, history, pull, push, status, suggested_message,
};

// Reading an article.
pub use intake::{accept, article, candidates, read_article, refresh};

// Views of the ledger: filters, track records, words on trial, quotes in their articles.
pub use query::{Filter, SearchIndex, SortKey, sort_entries};
pub use relative::{
    AnsweredQuestion, Comparison, RelativeScores, answered_questions, compare, relative_scores,
    rivals, sign_test,
};
pub use report::{GroupBy, Ranking, report, report_ranking};
pub use seeds::{find_quote, paragraph_around, quote_context};
#[cfg(feature = "app")]
pub use timeline::{DateSpan, TimelineGrouping};
pub use words::{explain, phrase_calibration};

// Scores, the phrase table, the demo ledger, the terminal.
pub use demo::{DemoOptions, write_demo};
pub use estimative::PhraseFile;
pub use score::{
    BOOTSTRAP_RESAMPLES, CALIBRATION_BINS, CHANCE_BRIER, CalibrationBin, Decomposition, HitRate,
    LOG_SCORE_CLIP, SMALL_SAMPLE, ScoredForecast, bootstrap_brier_interval, brier_score,
    brier_skill, calibration_bin, calibration_table, hit_rate, log_score, murphy_decomposition,
    wilson_interval,
};
pub use terminal::escape_path;
