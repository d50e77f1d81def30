//! `hindsight compare A B`: two forecasters head to head on the questions both answered:
//! each one's probability for the question and Brier score, who did better on each, the
//! counts and a sign test of the wins.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::{CliError, CliResult};
use super::folder::{FolderArg, exit_for_problems, load};
use super::json::write_json;
use crate::ledger::Ledger;
use crate::prose::plural;
use crate::relative::{Comparison, answered_questions, compare};
use crate::terminal::{Table, escape_controls, truncate};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CompareFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first forecaster (id, name or alias).
    pub a: String,
    /// The second forecaster (id, name or alias).
    pub b: String,
    #[command(flatten)]
    pub folder: FolderArg,
    #[arg(long, value_enum, default_value = "table")]
    pub format: CompareFormat,
}

pub fn run(args: &CompareArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let a = forecaster(&ledger, &args.a)?;
    let b = forecaster(&ledger, &args.b)?;
    let everyone: Vec<usize> = ledger.forecasts().map(|view| view.entry_index).collect();
    let comparison = compare(&answered_questions(&ledger, &everyone), &a, &b);
    match args.format {
        CompareFormat::Json => write_json(out, &comparison)?,
        CompareFormat::Table => write_table(out, &comparison)?,
    }
    exit_for_problems(out, ledger)
}

/// The name reports show for `name` (a person's canonical name), or an error naming the
/// closest people when the registry knows no one by it.
fn forecaster(ledger: &Ledger, name: &str) -> Result<String, CliError> {
    if let Some(person) = ledger.person(name) {
        return Ok(person.name.clone());
    }
    if ledger.forecasts().any(|view| view.forecast.by == name) {
        return Ok(name.to_string());
    }
    Err(CliError::Usage(format!(
        "no forecaster '{name}' in {}",
        ledger.dir.display()
    )))
}

fn write_table(out: &mut dyn Write, c: &Comparison) -> Result<(), CliError> {
    let (a, b) = (escape_controls(&c.a), escape_controls(&c.b));
    if c.questions.is_empty() {
        writeln!(
            out,
            "{a} and {b} answered no question in common (with a verdict)."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{a} (A) against {b} (B), on the {} question{} both answered:\n",
        c.questions.len(),
        plural(c.questions.len())
    )?;
    let mut table = Table::new(&[
        "QUESTION", "HAPPENED", "A: P", "B: P", "A: BRIER", "B: BRIER", "BETTER",
    ])
    .right_align(&[2, 3, 4, 5]);
    for row in &c.questions {
        table.push(vec![
            truncate(&row.question, 30),
            if row.happened { "yes" } else { "no" }.to_string(),
            format!("{:.2}", row.a_probability),
            format!("{:.2}", row.b_probability),
            format!("{:.3}", row.a_brier),
            format!("{:.3}", row.b_brier),
            match row.better {
                "a" => "A".to_string(),
                "b" => "B".to_string(),
                _ => "tie".to_string(),
            },
        ]);
    }
    write!(out, "{}", table.render())?;
    writeln!(
        out,
        "\nA better on {}, B better on {}, ties {}. Sign test (two-sided, ties left out): p = {}.",
        c.a_wins,
        c.b_wins,
        c.ties,
        c.sign_test_p
            .map_or_else(|| "—".to_string(), |p| format!("{p:.3}"))
    )?;
    writeln!(
        out,
        "P is each one's probability for the question's claim; the lower Brier score did better. \
         A p-value above 0.05 says the split could well be chance."
    )?;
    Ok(())
}
