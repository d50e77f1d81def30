//! `hindsight check`: every problem in the folder, compiler-style, then a summary line.
//! Meant for pre-commit hooks and CI in users' scenario repositories.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::CliResult;
use super::folder::{FolderArg, left_to_the_system, load};
use crate::ledger::Problem;
use crate::prose::plural;
use crate::terminal::escape_path;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub folder: FolderArg,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

pub fn run(args: &CheckArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    // What git knows that the files do not show: a merge left unfinished, a driver that
    // cannot run. Listed with the files' own problems, in the same order.
    let from_git = crate::git::merge_problems(&ledger.dir);
    let mut problems: Vec<&Problem> = ledger.problems.iter().chain(&from_git).collect();
    if !from_git.is_empty() {
        problems.sort_by(|a, b| {
            (&a.path, a.position, a.severity).cmp(&(&b.path, b.position, b.severity))
        });
    }
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    let files = ledger.ron_paths.len();
    let git_errors = from_git.iter().filter(|problem| problem.is_error()).count();
    let (errors, warnings) = (
        ledger.error_count() + git_errors,
        ledger.warning_count() + from_git.len() - git_errors,
    );
    writeln!(
        out,
        "checked {files} file{} in {}: {} forecast{}, {errors} error{}, {warnings} warning{}",
        plural(files),
        escape_path(&ledger.dir),
        ledger.entries.len(),
        plural(ledger.entries.len()),
        plural(errors),
        plural(warnings),
    )?;
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    left_to_the_system(ledger);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
