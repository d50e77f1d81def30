//! `hindsight fmt`: rewrite files into the canonical form; `--check` only lists the files
//! that are not canonical. A file with errors, or with comments formatting would drop, is
//! left alone and named.

use crate::ledger::Door;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::CliResult;
use super::folder::{FolderArg, load};
use crate::ledger::EditError;
use crate::ledger::Ledger;
use crate::ledger::without_byte_order_mark;
use crate::ledger::{Formatted, canonical_text, file_kind};
use crate::prose::plural;

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
        let result = if args.check {
            needs_formatting(&ledger, path)
        } else {
            Door::of(&ledger, path)
                .reformat()
                .map_err(|error| refusal(path, error))
        };
        match result {
            Ok(false) => canonical += 1,
            Ok(true) => {
                changed += 1;
                let verb = if args.check { "" } else { "formatted " };
                writeln!(out, "{verb}{}", path.display())?;
            }
            Err(message) => {
                out.flush()?;
                eprintln!("{message}");
                refused += 1;
            }
        }
    }
    let verb = if args.check {
        "not canonical"
    } else {
        "reformatted"
    };
    out.flush()?;
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

/// `--check`: whether the file differs from its canonical form (nothing is written).
fn needs_formatting(ledger: &Ledger, path: &Path) -> Result<bool, String> {
    if let Some(error) = ledger.problems_in(path).find(|p| p.is_error()) {
        return Err(refusal(
            path,
            EditError::FileHasErrors {
                path: path.to_path_buf(),
                first: format!(
                    "line {}, column {}: {}",
                    error.position.line, error.position.column, error.message
                ),
            },
        ));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("{}: not formatted: {error}", path.display()))?;
    let text = without_byte_order_mark(&text);
    match canonical_text(file_kind(&ledger.dir, path), path, text) {
        Ok(formatted) => Ok(formatted != Formatted::Canonical),
        Err(refusal) => Err(format!("{}: not formatted: {refusal}", path.display())),
    }
}

/// Why a file was left alone, in the words `fmt` uses.
fn refusal(path: &Path, error: EditError) -> String {
    match error {
        EditError::FileHasErrors { first, .. } => format!(
            "{}: not formatted: has errors ({first}); a file with errors is never rewritten (run `hindsight check`)",
            path.display()
        ),
        other => other.to_string(),
    }
}
