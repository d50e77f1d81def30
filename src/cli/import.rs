//! `hindsight import FILE`: a track record from Fatebook, PredictionBook, Metaculus or a
//! spreadsheet, into a scenario of the ledger (see [`crate::import`]). `--dry-run` shows
//! what would be added and writes nothing; a file with any value that cannot be read is
//! refused whole, naming its line and column.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::{CliError, CliResult};
use super::folder::{FolderArg, load};
use crate::import::{self, Columns, ImportOptions, Plan, Track};
use crate::ledger::{EditError, Ledger};
use crate::prose::plural;
use crate::terminal::{Table, escape_controls, escape_path, truncate};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFrom {
    Fatebook,
    Predictionbook,
    Metaculus,
    /// A spreadsheet saved as CSV; --columns names its columns.
    Csv,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: Fatebook's CSV export, PredictionBook's CSV or JSON, a Metaculus download
    /// (its zip, or the folder of its CSV files), or a spreadsheet (with --from csv).
    pub file: PathBuf,
    #[command(flatten)]
    pub folder: FolderArg,
    /// The file's format, when it is not recognised (a spreadsheet always needs it).
    #[arg(long, value_enum)]
    pub from: Option<ImportFrom>,
    /// The scenario to add to (made if missing). Default: one per platform, e.g.
    /// fatebook-import.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Import only this forecaster's forecasts (as the platform names them); for a
    /// spreadsheet without a `by` column, whoever made every row.
    #[arg(long, value_name = "NAME")]
    pub forecaster: Option<String>,
    /// A spreadsheet's columns: claim=…,by=…,made=…,probability=…|expression=…, and
    /// optionally outcome, resolved, resolve_by, quote, source, tags, question.
    #[arg(long, value_name = "MAP")]
    pub columns: Option<String>,
    /// Show what would be added; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// How many forecasts the preview lists.
const PREVIEW_ROWS: usize = 10;

pub fn run(args: &ImportArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let columns = args
        .columns
        .as_deref()
        .map(Columns::parse)
        .transpose()
        .map_err(|e| CliError::Usage(format!("--columns: {e}")))?;
    let from = args.from.map(|from| match from {
        ImportFrom::Fatebook => import::From::Fatebook,
        ImportFrom::Predictionbook => import::From::PredictionBook,
        ImportFrom::Metaculus => import::From::Metaculus,
        ImportFrom::Csv => import::From::Csv,
    });
    let mut ledger = load(&args.folder.dir, today)?;
    if ledger.error_count() > 0 {
        return Err(CliError::Failed(format!(
            "{}: the ledger has errors (run `hindsight check`); nothing was imported",
            escape_path(&ledger.dir)
        )));
    }
    let track = import::read_track(
        &args.file,
        from,
        columns.as_ref(),
        args.forecaster.as_deref(),
    )
    .map_err(|e| CliError::Failed(format!("{e}; nothing was imported")))?;
    let options = ImportOptions {
        scenario: args.scenario.clone(),
        forecaster: args.forecaster.clone(),
    };
    let file_name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let plan = import::plan(&ledger, &track, &options, &file_name).map_err(CliError::Usage)?;
    preview(out, &ledger, &track, &plan, args.dry_run)?;
    if args.dry_run || plan.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    import::apply(&mut ledger, &plan)
        .map_err(|e: EditError| CliError::Failed(format!("{e}; the import stopped there")))?;
    writeln!(
        out,
        "imported {} forecast{} into {}",
        plan.forecasts.len(),
        plural(plan.forecasts.len()),
        escape_path(&plan.path)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// What the import adds (the library's words, as the app shows them), then the first
/// forecasts.
fn preview(
    out: &mut dyn Write,
    ledger: &Ledger,
    track: &Track,
    plan: &Plan,
    dry_run: bool,
) -> std::io::Result<()> {
    for (index, line) in import::describe(ledger, track, plan).iter().enumerate() {
        let lead = match (index, dry_run) {
            (0, true) => "would import ",
            (0, false) => "importing ",
            _ => "  ",
        };
        writeln!(out, "{lead}{}", escape_controls(line))?;
    }
    if plan.forecasts.is_empty() {
        return Ok(());
    }
    let mut table = Table::new(&["ID", "MADE", "BY", "P", "CLAIM"]);
    for forecast in plan.forecasts.iter().take(PREVIEW_ROWS) {
        table.push(vec![
            forecast.id.clone(),
            forecast.made.to_string(),
            forecast.by.clone(),
            forecast.probability.map_or_else(
                || forecast.expression.clone().unwrap_or_default(),
                |p| format!("{p}"),
            ),
            truncate(&forecast.claim, 60),
        ]);
    }
    write!(out, "{}", table.render())?;
    if plan.forecasts.len() > PREVIEW_ROWS {
        writeln!(out, "  … and {} more", plan.forecasts.len() - PREVIEW_ROWS)?;
    }
    if dry_run {
        writeln!(out, "nothing written (--dry-run)")?;
    }
    Ok(())
}
