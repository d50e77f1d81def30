//! Why a command stopped. Each reason has its exit status (a usage error 2, data with
//! errors or a failed action 1), which [`super::run`] gives the process once the output
//! is flushed.

use std::io;
use std::process::ExitCode;

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
