//! `hindsight site OUT [filters] [DIR]`: the scoreboard of the forecasts the filters choose,
//! as a static website in OUT (see [`crate::site`]).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::{CliError, CliResult};
use super::filter::FilterArgs;
use super::folder::load;
use crate::ledger::DEFAULT_FOLDER;
use crate::site::{SiteError, build, write};
use crate::terminal::escape_path;

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write the site into: new, empty, or a site written before.
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
    /// The scenarios folder.
    #[arg(value_name = "DIR", default_value = DEFAULT_FOLDER)]
    pub dir: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &SiteArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.dir, today)?;
    let mut entries = args.filter.checked(&ledger)?.apply(&ledger, today);
    entries.sort_by(|&a, &b| {
        let (a, b) = (ledger.view(a).forecast, ledger.view(b).forecast);
        (a.made, &a.id).cmp(&(b.made, &b.id))
    });
    let site = build(&ledger, &entries, today);
    let pages = write(&site, &args.out).map_err(|error| match error {
        SiteError::NotOurs(_) => CliError::Usage(error.to_string()),
        SiteError::Io { .. } => CliError::Failed(error.to_string()),
    })?;
    writeln!(
        out,
        "wrote {pages} pages of {} forecast{} to {} (open {})",
        entries.len(),
        crate::prose::plural(entries.len()),
        escape_path(&args.out),
        escape_path(&args.out.join("index.html"))
    )?;
    if ledger.error_count() > 0 {
        eprintln!(
            "hindsight: the ledger has errors (run `hindsight check`): files with errors are left out of the site"
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
