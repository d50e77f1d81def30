//! `hindsight demo`: write a reproducible synthetic ledger (see [`crate::demo`]).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::{CliError, CliResult};
use crate::demo::{DemoError, DemoOptions, write_demo};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many forecasts to write.
    #[arg(long, default_value_t = 1000)]
    pub forecasts: usize,
    /// The same seed always writes the same ledger.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// A new or empty folder to write into.
    #[arg(value_name = "OUT_DIR")]
    pub out: PathBuf,
}

pub fn run(args: &DemoArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let options = DemoOptions {
        forecasts: args.forecasts,
        seed: args.seed,
        today,
    };
    let summary = write_demo(&args.out, options).map_err(|error| match error {
        DemoError::NotEmpty(_) => CliError::Usage(error.to_string()),
        DemoError::Io { .. } => CliError::Failed(error.to_string()),
    })?;
    writeln!(
        out,
        "wrote {} forecasts by {} forecasters in {} scenario files to {}",
        summary.forecasts,
        summary.people,
        summary.scenarios,
        args.out.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
