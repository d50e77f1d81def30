//! `hindsight due`: unresolved forecasts past their resolve-by date, oldest first — the
//! ones waiting for a judge.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::CliResult;
use super::filter::FilterArgs;
use super::folder::{FolderArg, exit_for_problems, load};
use super::json::write_json;
use crate::export::{ForecastRecord, forecast_record};
use crate::overview::overdue;
use crate::terminal::Table;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DueFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    #[command(flatten)]
    pub folder: FolderArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: DueFormat,
}

pub fn run(args: &DueArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let chosen = args.filter.checked(&ledger)?.apply(&ledger, today);
    let records: Vec<ForecastRecord> = overdue(&ledger, chosen, today)
        .into_iter()
        .map(|entry| forecast_record(&ledger.view(entry), today))
        .collect();
    match args.format {
        DueFormat::Json => write_json(out, &records)?,
        DueFormat::Table => {
            let mut table = Table::new(&["RESOLVE BY", "DAYS OVER", "ID", "FORECASTER", "CLAIM"])
                .right_align(&[1])
                .cap(3, 24)
                .cap(4, 70)
                .optional(&[1]);
            for record in &records {
                table.push(vec![
                    format!(
                        "{}{}",
                        record.resolve_by,
                        if record.resolve_by_stated {
                            ""
                        } else {
                            " (default)"
                        }
                    ),
                    (today - record.resolve_by).num_days().to_string(),
                    record.id.clone(),
                    record.author.clone(),
                    record.claim.clone(),
                ]);
            }
            table.write_counted(out, "overdue forecast")?;
        }
    }
    exit_for_problems(out, ledger)
}
