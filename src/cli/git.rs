//! `hindsight merge-driver` (what git calls to merge a ledger file) and `hindsight
//! git-setup` (routing a repository's ledger files to it). The work is in [`crate::git`].

use crate::ledger::Door;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::{CliError, CliResult};
use super::folder::{FolderArg, load, load_holding};
use crate::git::{DriverOutcome, history, run_driver, setup};
use crate::ledger::Ledger;
use crate::ledger::Side;
use crate::ledger::has_dispute;
use crate::terminal::{escape_controls, escape_path};

#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (git's %O).
    pub base: PathBuf,
    /// The current branch's version, replaced by the result (git's %A).
    pub ours: PathBuf,
    /// The other branch's version (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P), which tells its kind.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// Any folder inside the repository; the ledger files below it are routed to the driver.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

pub fn run_merge_driver(args: &MergeDriverArgs) -> CliResult {
    let shown = escape_path(args.path.as_ref().unwrap_or(&args.ours));
    let outcome = run_driver(&args.base, &args.ours, &args.theirs, args.path.as_deref())
        .map_err(|error| CliError::Failed(format!("{shown}: cannot merge: {error}")))?;
    match &outcome {
        DriverOutcome::ByRecord(disputes) => {
            for dispute in disputes {
                let what = match &dispute.list {
                    Some(list) => format!("{} '{}'", singular(list), dispute.key),
                    None => format!("the file's `{}`", dispute.key),
                };
                let how = if dispute.fields.is_empty() {
                    "deleted on one side and changed on the other".to_string()
                } else {
                    format!("changed two ways ({})", dispute.fields.join(", "))
                };
                eprintln!(
                    "hindsight: {shown}: {} {how}; both versions are kept between conflict markers",
                    escape_controls(&what)
                );
            }
        }
        DriverOutcome::LineMerge { reason, conflicts } => eprintln!(
            "hindsight: {shown}: merged line by line ({reason}){}",
            if *conflicts > 0 {
                ", with conflicts"
            } else {
                ""
            }
        ),
    }
    Ok(ExitCode::from(outcome.exit_code()))
}

fn singular(list: &str) -> &str {
    match list {
        "forecasts" => "forecast",
        "sources" => "source",
        "questions" => "question",
        "people" => "person",
        "phrases" => "phrase",
        other => other,
    }
}

pub fn run_git_setup(args: &GitSetupArgs, out: &mut dyn Write) -> CliResult {
    let program = std::env::current_exe()
        .map_err(|e| CliError::Failed(format!("cannot find the hindsight binary: {e}")))?;
    let done = setup(&args.dir, &program).map_err(CliError::Failed)?;
    writeln!(
        out,
        "{}: ledger files ({}) merge by record id{}; merge.hindsight.driver set in this clone's config",
        escape_path(&done.repository),
        done.pattern,
        if done.attributes_added {
            " (added to .gitattributes: commit it)"
        } else {
            ""
        }
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct ResolveDisputeArgs {
    /// The disputed record's id.
    pub id: String,
    /// Which version to keep.
    pub side: KeptSide,
    #[command(flatten)]
    pub folder: FolderArg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KeptSide {
    /// The current branch's version (between `<<<<<<<` and `=======`).
    Ours,
    /// The merged branch's version (between `=======` and `>>>>>>>`).
    Theirs,
}

/// `hindsight resolve-dispute ID ours|theirs`: keeps one version of a disputed record and
/// removes its conflict markers, through the write door.
pub fn run_resolve_dispute(
    args: &ResolveDisputeArgs,
    today: NaiveDate,
    out: &mut dyn Write,
) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let path = disputed_file(&ledger, &args.id).ok_or_else(|| {
        CliError::Usage(format!(
            "no dispute over '{}' in {}",
            escape_controls(&args.id),
            escape_path(&ledger.dir)
        ))
    })?;
    let (side, name) = match args.side {
        KeptSide::Ours => (Side::Ours, "our"),
        KeptSide::Theirs => (Side::Theirs, "their"),
    };
    Door::of(&ledger, &path)
        .keep_side(&args.id, side)
        .map_err(|e| CliError::Failed(e.to_string()))?;
    writeln!(
        out,
        "kept {name} version of {} in {}",
        escape_controls(&args.id),
        escape_path(&path)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The file holding a dispute over `id`, if any.
fn disputed_file(ledger: &Ledger, id: &str) -> Option<PathBuf> {
    ledger
        .ron_paths
        .iter()
        .find(|path| std::fs::read_to_string(path).is_ok_and(|text| has_dispute(&text, id)))
        .cloned()
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The forecast's id.
    pub id: String,
    #[command(flatten)]
    pub folder: FolderArg,
}

/// `hindsight log ID`: every commit that changed the forecast's block, newest first, with
/// its author, date and what changed.
pub fn run_log(args: &LogArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    // Only the files that can hold the forecast are parsed (a dispute's file holds its id
    // too); when they hold nothing, the whole folder is, so that "no forecast" is the full
    // load's answer, as for `resolve`.
    let holding = |ledger: &Ledger| {
        ledger
            .find(&args.id)
            .map(|entry| ledger.view(entry).file.path.clone())
            .or_else(|| disputed_file(ledger, &args.id))
    };
    let narrow = load_holding(&args.folder.dir, today, &args.id)?;
    let (ledger, file) = match holding(&narrow) {
        Some(file) => (narrow, file),
        None => {
            let ledger = load(&args.folder.dir, today)?;
            let file = holding(&ledger).ok_or_else(|| {
                CliError::Usage(format!(
                    "no forecast '{}' in {}",
                    escape_controls(&args.id),
                    escape_path(&ledger.dir)
                ))
            })?;
            (ledger, file)
        }
    };
    // Outside a repository there is no history to read: say so, not git's own "fatal".
    if !crate::git::in_repository(&ledger.dir) {
        return Err(CliError::Usage(format!(
            "{} is not in a git repository: a forecast's history is its commits (see `hindsight init --git` or `git init`)",
            escape_path(&ledger.dir)
        )));
    }
    let entries = history(&ledger.dir, &file, &args.id).map_err(CliError::Failed)?;
    if entries.is_empty() {
        writeln!(
            out,
            "{}: no commits change it (is the folder in a git repository?)",
            escape_controls(&args.id)
        )?;
    }
    for entry in entries {
        let change = entry.change.to_string();
        let change = escape_controls(&change);
        match &entry.commit {
            Some(commit) => writeln!(
                out,
                "{}  {commit}  {}: {change}",
                entry.date,
                escape_controls(&entry.author)
            )?,
            None => writeln!(out, "not committed yet: {change}")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}
