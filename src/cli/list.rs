//! `hindsight list`: the forecasts that pass the filter, as a table, JSON or CSV.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::{CliError, CliResult};
use super::filter::FilterArgs;
use super::folder::{FolderArg, exit_for_problems, load};
use super::json::write_json_seq_parallel;
use crate::export::{CSV_COLUMNS, ForecastRecord, forecast_record};
use crate::terminal::{Table, short_probability};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub folder: FolderArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

pub fn run(args: &ListArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let mut entries = args.filter.checked(&ledger)?.apply(&ledger, today);
    entries.sort_by(|&a, &b| {
        let (a, b) = (ledger.view(a).forecast, ledger.view(b).forecast);
        (a.made, &a.id).cmp(&(b.made, &b.id))
    });
    // One record at a time, written as it is made: a list of 100,000 forecasts never
    // holds 100,000 records.
    let records = || {
        entries
            .iter()
            .map(|&entry| forecast_record(&ledger.view(entry), today))
    };
    match args.format {
        ListFormat::Json => write_json_seq_parallel(out, entries.len(), |i| {
            forecast_record(&ledger.view(entries[i]), today)
        })?,
        ListFormat::Csv => write_csv(out, records())?,
        ListFormat::Table => write_table(out, &records().collect::<Vec<_>>())?,
    }
    exit_for_problems(out, ledger)
}

fn write_csv(
    out: &mut dyn Write,
    records: impl Iterator<Item = ForecastRecord>,
) -> Result<(), CliError> {
    let csv_error = |e: csv::Error| CliError::Output(e.into());
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS).map_err(csv_error)?;
    for record in records {
        writer
            .write_record(record.csv_fields())
            .map_err(csv_error)?;
    }
    writer.flush()?;
    Ok(())
}

fn write_table(out: &mut dyn Write, records: &[ForecastRecord]) -> Result<(), CliError> {
    let mut table = Table::new(&[
        "ID",
        "MADE",
        "FORECASTER",
        "CONFIDENCE",
        "P",
        "RESOLVE BY",
        "OUTCOME",
        "CALL",
        "CLAIM",
    ])
    .right_align(&[4])
    .cap(2, 24)
    .cap(3, 22)
    .cap(8, 70)
    .optional(&[5, 7, 3, 1]);
    for record in records {
        let outcome = match (record.outcome, record.overdue) {
            (Some(outcome), _) => outcome.to_string(),
            (None, true) => "overdue".to_string(),
            (None, false) => "open".to_string(),
        };
        table.push(vec![
            record.id.clone(),
            record.made_on.to_string(),
            record.author.clone(),
            record.expression.as_deref().unwrap_or("—").to_string(),
            short_probability(record.probability),
            record.resolve_by.to_string(),
            outcome,
            match (record.call, record.outcome) {
                (Some(call), _) => call.replace('_', " "),
                (None, Some(_)) => "not scored".to_string(),
                (None, None) => "—".to_string(),
            },
            record.claim.clone(),
        ]);
    }
    table.write_counted(out, "forecast")?;
    Ok(())
}
