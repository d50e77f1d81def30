//! A command's scenarios folder: the argument that names it, loading it (a folder that is
//! not there is a usage error, unless the folder is only context), and what its problems
//! mean for a read-only command's exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::{CliError, CliResult};
use crate::ledger::{self, DEFAULT_FOLDER, Ledger, LoadError};
use crate::terminal::escape_path;

/// The scenarios folder argument shared by every command.
#[derive(Debug, Args)]
pub struct FolderArg {
    /// The scenarios folder.
    #[arg(value_name = "DIR", default_value = DEFAULT_FOLDER)]
    pub dir: PathBuf,
}

/// Loads a folder; a folder that does not exist is a usage error.
pub fn load(dir: &Path, today: NaiveDate) -> Result<Ledger, CliError> {
    ledger::load(dir, today).map_err(load_error)
}

/// Loads a folder if there is one; where there is none, a ledger without files, with a
/// note on stderr that nothing will be matched against the ledger (for commands to which
/// the ledger is context, not the subject: reading an article).
pub fn load_if_there(dir: &Path, today: NaiveDate) -> Result<Ledger, CliError> {
    match ledger::load(dir, today) {
        Err(LoadError::NotFound(_)) => {
            eprintln!(
                "hindsight: no scenarios folder at {}: speakers are not matched to known people, nor quotes to recorded forecasts",
                escape_path(dir)
            );
            Ok(Ledger::without_folder(dir, today))
        }
        loaded => loaded.map_err(load_error),
    }
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
