//! The `hindsight` command line: it parses arguments, calls the library and prints. One
//! file per subcommand, each a thin layer; what several share has a file of its own, so
//! that every subcommand uses them and none uses this one:
//!
//! - `folder`: the scenarios folder argument, loading it, and the exit status its
//!   problems give a read-only command;
//! - `filter`: the forecast filter of `list`, `report` and `due`;
//! - `json`: JSON output;
//! - `error`: why a command stopped, and its exit status.
//!
//! Tables and the formatting of their cells are [`crate::terminal`]'s. Exit codes: 0
//! success, 1 when the data has errors (or a check fails), 2 on a usage error. It knows
//! nothing of the desktop app: `main.rs` chooses between the two.

mod candidates;
mod check;
mod compare;
mod demo;
mod due;
mod error;
mod export;
mod filter;
mod fmt;
mod folder;
mod git;
mod import;
mod init;
mod json;
mod list;
mod report;
mod resolve;
mod site;

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::terminal::escape_controls;
use error::CliError;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new ledger: DIR/scenarios with people.ron and a commented example, DIR/seeds.
    Init(init::InitArgs),
    /// Load everything and print every problem as path:line:col: severity: message.
    Check(check::CheckArgs),
    /// The forecasts an article seems to make: speaker, hedge words, date (text, HTML or URL).
    Candidates(candidates::CandidatesArgs),
    /// Rewrite files into the canonical form (with --check, only list those that are not).
    Fmt(fmt::FmtArgs),
    /// List forecasts as a table, JSON or CSV.
    List(list::ListArgs),
    /// Track records: Brier and log scores, hit rate, calibration, per group.
    Report(report::ReportArgs),
    /// Two forecasters head to head on the questions both answered, with a sign test.
    Compare(compare::CompareArgs),
    /// Unresolved forecasts past their resolve-by date, oldest first.
    Due(due::DueArgs),
    /// Record a forecast's or a question's outcome (rewrites only its outcome).
    Resolve(resolve::ResolveArgs),
    /// Mark a resolved forecast or question as unresolved again.
    Reopen(resolve::ReopenArgs),
    /// Bring in a track record: Fatebook, PredictionBook, Metaculus, or a spreadsheet (CSV).
    Import(import::ImportArgs),
    /// Write the forecasts in another platform's format (Fatebook's CSV export) to stdout.
    Export(export::ExportArgs),
    /// Write the scoreboard as a static website (leaderboard, forecasters, questions) to OUT.
    Site(site::SiteArgs),
    /// Write a reproducible synthetic ledger, for trying Hindsight and for benchmarks.
    Demo(demo::DemoArgs),
    /// Merge one ledger file three ways by record id (git calls this; see git-setup).
    MergeDriver(git::MergeDriverArgs),
    /// Route this repository's ledger files to Hindsight's merge driver (run in every clone).
    GitSetup(git::GitSetupArgs),
    /// Settle a disputed record by keeping one side's version (removes its conflict markers).
    ResolveDispute(git::ResolveDisputeArgs),
    /// A forecast's history from git: every commit that changed it, newest first.
    Log(git::LogArgs),
}

/// Runs a subcommand and reports its outcome as an exit code; `today` decides what is
/// overdue.
pub fn run(command: Command, today: NaiveDate) -> ExitCode {
    // Buffered: a JSON list of 100,000 forecasts is millions of lines, and a line-buffered
    // stdout would make a system call for each.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = match command {
        Command::Init(args) => init::run(&args, today, &mut out),
        Command::Import(args) => import::run(&args, today, &mut out),
        Command::Export(args) => export::run(&args, today, &mut out),
        Command::Site(args) => site::run(&args, today, &mut out),
        Command::Check(args) => check::run(&args, today, &mut out),
        Command::Candidates(args) => candidates::run(&args, today, &mut out),
        Command::Fmt(args) => fmt::run(&args, today, &mut out),
        Command::List(args) => list::run(&args, today, &mut out),
        Command::Report(args) => report::run(&args, today, &mut out),
        Command::Compare(args) => compare::run(&args, today, &mut out),
        Command::Due(args) => due::run(&args, today, &mut out),
        Command::Resolve(args) => resolve::run_resolve(&args, today, &mut out),
        Command::Reopen(args) => resolve::run_reopen(&args, today, &mut out),
        Command::Demo(args) => demo::run(&args, today, &mut out),
        Command::MergeDriver(args) => git::run_merge_driver(&args),
        Command::GitSetup(args) => git::run_git_setup(&args, &mut out),
        Command::ResolveDispute(args) => git::run_resolve_dispute(&args, today, &mut out),
        Command::Log(args) => git::run_log(&args, today, &mut out),
    };
    // What was written goes out before any error message, and a failed flush is an error.
    let flushed = out.flush();
    let result = result.and_then(|code| flushed.map(|()| code).map_err(CliError::from));
    match result {
        Ok(code) => code,
        // Messages may quote data (an id, a path), so they are escaped like the data.
        Err(CliError::Usage(message)) => {
            eprintln!("hindsight: {}", escape_controls(&message));
            ExitCode::from(2)
        }
        Err(CliError::Failed(message)) => {
            eprintln!("hindsight: {}", escape_controls(&message));
            ExitCode::from(1)
        }
        // `hindsight list | head` closes the pipe early: that is not a failure.
        Err(CliError::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(CliError::Output(error)) => {
            eprintln!("hindsight: cannot write the output: {error}");
            ExitCode::from(1)
        }
    }
}
