//! `hindsight fmt`: rewrite files into the canonical form; `--check` only lists the files
//! that are not canonical. A file with errors, or with comments formatting would drop, is
//! left alone and named.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::{CliError, CliResult, FolderArg, load, plural};
use crate::ledger::format::{Formatted, canonical_text, file_kind};
use crate::ledger::write::write_atomically;

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub folder: FolderArg,
    /// Change nothing; list the files that are not canonical and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: &FmtArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let paths = ledger.ron_paths.clone();
    let (mut canonical, mut changed, mut refused) = (0, 0, 0);
    for path in &paths {
        if ledger.problems_in(path).any(|p| p.is_error()) {
            eprintln!(
                "{}: not formatted: has errors (run `hindsight check`); a file with errors is never rewritten",
                path.display()
            );
            refused += 1;
            continue;
        }
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{}: not formatted: {error}", path.display());
                refused += 1;
                continue;
            }
        };
        match canonical_text(file_kind(&ledger.dir, path), path, &text) {
            Ok(Formatted::Canonical) => canonical += 1,
            Ok(Formatted::Changed(new_text)) => {
                changed += 1;
                if args.check {
                    writeln!(out, "{}", path.display())?;
                } else {
                    write_atomically(path, new_text.as_bytes())
                        .map_err(|e| CliError::Failed(format!("{}: {e}", path.display())))?;
                    writeln!(out, "formatted {}", path.display())?;
                }
            }
            Err(refusal) => {
                eprintln!("{}: not formatted: {refusal}", path.display());
                refused += 1;
            }
        }
    }
    let verb = if args.check {
        "not canonical"
    } else {
        "reformatted"
    };
    eprintln!(
        "{} file{}: {canonical} canonical, {changed} {verb}, {refused} left alone",
        paths.len(),
        plural(paths.len())
    );
    let failed = refused > 0 || (args.check && changed > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
