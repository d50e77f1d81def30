//! The `hindsight` command line: one file per subcommand, each a thin layer that loads the
//! ledger, calls the library and prints. Exit codes: 0 success, 1 when the data has errors
//! (or a check fails), 2 on a usage error. It knows nothing of the desktop app: `main.rs`
//! chooses between the two.

mod candidates;
mod check;
mod demo;
mod due;
mod fmt;
mod git;
mod list;
mod report;
mod resolve;
mod table;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::ledger::{self, DEFAULT_FOLDER, Ledger, LoadError};
use crate::query::{Filter, OutcomeFilter};
use crate::terminal::{escape_controls, escape_path};

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Unresolved forecasts past their resolve-by date, oldest first.
    Due(due::DueArgs),
    /// Record a forecast's outcome (rewrites only that forecast's block).
    Resolve(resolve::ResolveArgs),
    /// Mark a resolved forecast as unresolved again.
    Reopen(resolve::ReopenArgs),
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

/// The scenarios folder argument shared by every command.
#[derive(Debug, Args)]
pub struct FolderArg {
    /// The scenarios folder.
    #[arg(value_name = "DIR", default_value = DEFAULT_FOLDER)]
    pub dir: PathBuf,
}

/// The forecast filter shared by list, report and due.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only this scenario (by id).
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Only forecasts with this tag (their own or their scenario's).
    #[arg(long)]
    pub tag: Option<String>,
    /// Only forecasts from sources of this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only forecasts citing this source id.
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
    /// Only this forecaster (id, name or alias).
    #[arg(long, visible_alias = "forecaster", value_name = "NAME")]
    pub author: Option<String>,
    /// open, overdue, resolved, true, false, partly, ambiguous or annulled.
    #[arg(long)]
    pub outcome: Option<OutcomeFilter>,
    /// The forecaster's side of the outcome: called, missed, no-lean or not-scored.
    #[arg(long)]
    pub call: Option<ledger::Call>,
    /// Only forecasts made on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only forecasts made on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only forecasts whose quote, claim or forecaster contains all these words.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            scenario: self.scenario.clone(),
            tag: self.tag.clone(),
            outlet: self.outlet.clone(),
            source: self.source.clone(),
            author: self.author.clone(),
            outcome: self.outcome,
            call: self.call,
            made_from: self.from,
            made_to: self.to,
            search: self.search.clone(),
        }
    }
}

/// Why a command stopped.
#[derive(Debug)]
pub enum CliError {
    /// The user asked for something impossible (a missing folder, an unknown id): exit 2.
    Usage(String),
    /// The data has errors, or an action failed: exit 1.
    Failed(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> Self {
        CliError::Output(error)
    }
}

pub type CliResult = Result<ExitCode, CliError>;

/// Runs a subcommand and reports its outcome as an exit code; `today` decides what is
/// overdue.
pub fn run(command: Command, today: NaiveDate) -> ExitCode {
    // Buffered: a JSON list of 100,000 forecasts is millions of lines, and a line-buffered
    // stdout would make a system call for each.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = match command {
        Command::Check(args) => check::run(&args, today, &mut out),
        Command::Candidates(args) => candidates::run(&args, today, &mut out),
        Command::Fmt(args) => fmt::run(&args, today, &mut out),
        Command::List(args) => list::run(&args, today, &mut out),
        Command::Report(args) => report::run(&args, today, &mut out),
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

/// Loads a folder; a folder that does not exist is a usage error.
pub fn load(dir: &Path, today: NaiveDate) -> Result<Ledger, CliError> {
    ledger::load(dir, today).map_err(load_error)
}

/// The folder's registry and only the files that can hold forecast `id` (see
/// [`ledger::load_holding`]).
pub fn load_holding(dir: &Path, today: NaiveDate, id: &str) -> Result<Ledger, CliError> {
    ledger::load_holding(dir, today, id).map_err(load_error)
}

fn load_error(error: LoadError) -> CliError {
    match error {
        LoadError::NotFound(_) | LoadError::NotAFolder(_) => CliError::Usage(error.to_string()),
        LoadError::Unreadable { .. } => CliError::Failed(error.to_string()),
    }
}

/// For read-only commands: say on stderr when the output leaves out or misreads something,
/// and turn that into exit status 1 after the output is printed.
pub fn exit_for_problems(out: &mut dyn Write, ledger: Ledger) -> CliResult {
    let errors = ledger.error_count();
    let dir = ledger.dir.clone();
    left_to_the_system(ledger);
    if errors == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    // The output is buffered: it goes out first, so the warning follows it on a terminal.
    out.flush()?;
    eprintln!(
        "hindsight: the folder has {errors} error{} (run `hindsight check {}`); files that could not be read are left out",
        crate::prose::plural(errors),
        escape_path(&dir)
    );
    Ok(ExitCode::from(1))
}

/// Leaves a ledger's memory to the operating system: a command ends the process once it
/// has written its output, and freeing a large ledger one allocation at a time costs more
/// than that (a twentieth of `check` at 100,000 forecasts).
pub fn left_to_the_system(ledger: Ledger) {
    std::mem::forget(ledger);
}

/// A probability or score for a table: three decimals, or "—" when there is none.
pub fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"))
}

/// A probability as short as it reads ("0.9", "0.85", "1"), for tables.
pub fn short_probability(value: Option<f64>) -> String {
    let text = number(value);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A JSON array written element by element as `items` makes them, laid out as
/// [`write_json`] would lay out the whole array.
pub fn write_json_seq<T: serde::Serialize>(
    out: &mut dyn Write,
    items: impl Iterator<Item = T>,
) -> Result<(), CliError> {
    use serde::Serializer;
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer
        .collect_seq(items)
        .map_err(|e| CliError::Output(e.into()))?;
    writeln!(out)?;
    Ok(())
}

/// How many items [`write_json_seq_parallel`] formats at a time: enough to keep every
/// core busy, few enough that a batch's text stays small.
const JSON_BATCH: usize = 8192;

/// What [`write_json_seq`] writes, with the items formatted in parallel, a batch at a
/// time, and written in order. Each item is formatted on its own and indented one level
/// after each line break, which gives serde_json's own pretty layout byte for byte: JSON
/// strings never hold a raw line break.
pub fn write_json_seq_parallel<T, F>(
    out: &mut dyn Write,
    count: usize,
    item: F,
) -> Result<(), CliError>
where
    T: serde::Serialize,
    F: Fn(usize) -> T + Sync,
{
    use rayon::prelude::*;
    if count == 0 {
        writeln!(out, "[]")?;
        return Ok(());
    }
    out.write_all(b"[\n")?;
    for start in (0..count).step_by(JSON_BATCH) {
        let end = (start + JSON_BATCH).min(count);
        let formatted: Vec<Vec<u8>> = (start..end)
            .into_par_iter()
            .map(|index| {
                let alone = serde_json::to_vec_pretty(&item(index))?;
                let mut indented = Vec::with_capacity(alone.len() + alone.len() / 16);
                indented.extend_from_slice(b"  ");
                for &byte in &alone {
                    indented.push(byte);
                    if byte == b'\n' {
                        indented.extend_from_slice(b"  ");
                    }
                }
                if index + 1 < count {
                    indented.extend_from_slice(b",\n");
                }
                Ok(indented)
            })
            .collect::<Result<_, serde_json::Error>>()
            .map_err(|e| CliError::Output(e.into()))?;
        for text in formatted {
            out.write_all(&text)?;
        }
    }
    out.write_all(b"\n]\n")?;
    Ok(())
}

/// Writes JSON followed by a newline.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| CliError::Output(e.into()))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_formatted_in_parallel_is_serde_jsons_own_layout() {
        let item = |i: usize| {
            serde_json::json!({
                "id": format!("f{i}"),
                "quote": "two\nlines, \"quoted\"",
                "tags": if i.is_multiple_of(2) { serde_json::json!([]) } else { serde_json::json!(["a", {"b": [1, 2]}]) },
                "empty": {},
                "p": i as f64 / 7.0,
            })
        };
        for count in [0, 1, 2, JSON_BATCH + 3] {
            let mut ours = Vec::new();
            write_json_seq_parallel(&mut ours, count, item).unwrap();
            let mut theirs = Vec::new();
            write_json_seq(&mut theirs, (0..count).map(item)).unwrap();
            assert!(ours == theirs, "{count} items differ");
        }
    }
}
