//! `hindsight check`: every problem in the folder, compiler-style, then a summary line.
//! Meant for pre-commit hooks and CI in users' scenario repositories.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::{CliResult, FolderArg, load, plural};
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
    for problem in &ledger.problems {
        writeln!(out, "{problem}")?;
    }
    let files = ledger.ron_paths.len();
    let (errors, warnings) = (ledger.error_count(), ledger.warning_count());
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
    super::left_to_the_system(ledger);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
