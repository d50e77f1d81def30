//! `hindsight export fatebook`: the forecasts the filters select as a CSV in the shape of
//! Fatebook's own export (its v3 header and cell rules), on standard output. The format is
//! a word of its own, not `--to`, which every command's date filter already is.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::CliResult;
use super::filter::FilterArgs;
use super::folder::{FolderArg, exit_for_problems, load};
use crate::import::fatebook::write_export;
use crate::import::fatebook_rows;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportTo {
    /// Fatebook's CSV export (fatebook-forecasts.csv).
    Fatebook,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(value_enum, value_name = "FORMAT")]
    pub format: ExportTo,
    #[command(flatten)]
    pub folder: FolderArg,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &ExportArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let mut entries = args.filter.checked(&ledger)?.apply(&ledger, today);
    entries.sort_by(|&a, &b| {
        let (a, b) = (ledger.view(a).forecast, ledger.view(b).forecast);
        (a.made, &a.id).cmp(&(b.made, &b.id))
    });
    match args.format {
        ExportTo::Fatebook => write_export(out, &fatebook_rows(&ledger, &entries))?,
    }
    exit_for_problems(out, ledger)
}
