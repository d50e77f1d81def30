//! `hindsight resolve` and `hindsight reopen`: record or withdraw a verdict. Only the
//! forecast's `outcome` field changes; the file is written atomically, and never if it has
//! errors. A verdict already recorded is replaced only with `--force`: without it `resolve`
//! shows the verdict it would replace and writes nothing.

use crate::ledger::Door;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::{CliError, CliResult};
use super::folder::{FolderArg, load, load_holding};
use crate::ledger::{Change, QuestionOver, verdict_facets};
use crate::ledger::{EditError, Ledger, Outcome, Resolution, Verdict};
use crate::terminal::{escape_controls, escape_path};

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The forecast's or question's id.
    pub id: String,
    /// true, false, partly, ambiguous or annulled.
    pub verdict: Verdict,
    #[command(flatten)]
    pub folder: FolderArg,
    /// When it was resolved (default: today).
    #[arg(long, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// A short note on what happened.
    #[arg(long, value_name = "TEXT")]
    pub evidence: Option<String>,
    /// A link to a report of what happened.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Who judged it (default: $HINDSIGHT_JUDGE, else git's user.name).
    #[arg(long = "by", value_name = "NAME")]
    pub judge: Option<String>,
    /// Replace the verdict already recorded (without it, resolving a resolved forecast
    /// shows its verdict and writes nothing).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ReopenArgs {
    /// The forecast's or question's id.
    pub id: String,
    #[command(flatten)]
    pub folder: FolderArg,
}

pub fn run_resolve(args: &ResolveArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let (ledger, target) = target(&args.folder.dir, &args.id, today)?;
    let resolution = Resolution {
        verdict: args.verdict,
        on: args.on.unwrap_or(today),
        judge: args.judge.clone().or_else(|| default_judge(&ledger.dir)),
        evidence: args.evidence.clone(),
        link: args.link.clone(),
    };
    let outcome = Outcome::Resolved(resolution);
    let (written, path) = match target {
        Target::Forecast(entry) => {
            let change = if args.force {
                Change::ReplaceOutcome(outcome)
            } else {
                Change::SetOutcome(outcome)
            };
            (
                write(&ledger, entry, change),
                ledger.view(entry).file.path.clone(),
            )
        }
        Target::Question(file) => {
            let path = ledger.files[file].path.clone();
            let written = Door::of(&ledger, &path)
                .edit_question(
                    &args.id,
                    &outcome,
                    if args.force {
                        QuestionOver::Anything
                    } else {
                        QuestionOver::NoOtherVerdict
                    },
                )
                .map(|written| written.changed);
            (written, path)
        }
    };
    let written = match written {
        Ok(written) => written,
        Err(EditError::AlreadyResolved {
            path,
            line,
            id,
            current,
            proposed,
        }) => {
            let refusal = refusal(&path, line, &id, &current, &proposed);
            eprint!("{refusal}");
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => return Err(cli_error(error)),
    };
    writeln!(
        out,
        "{} {} as {} in {}",
        if written {
            "resolved"
        } else {
            "already resolved"
        },
        args.id,
        args.verdict,
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Why a second verdict was not recorded: where the forecast is, the verdict it has and
/// the one asked for, and how to replace it. Several lines, so it is printed here rather
/// than as a one-line error; the data in it is escaped like any printed data.
fn refusal(
    path: &Path,
    line: usize,
    id: &str,
    current: &Resolution,
    proposed: &Resolution,
) -> String {
    // "true on 2022-07-01, judge “Ana”, evidence “Seen.”, no link"
    let described = |resolution: &Resolution| {
        let [verdict, date, written @ ..] = verdict_facets(resolution);
        let written: Vec<String> = written
            .into_iter()
            .map(|(name, value)| match value.as_str() {
                "" => format!("no {name}"),
                value => format!("{name} “{}”", escape_controls(value)),
            })
            .collect();
        format!("{} on {}, {}", verdict.1, date.1, written.join(", "))
    };
    format!(
        "hindsight: {}:{line}: {} already has a verdict; nothing was written\n  \
         now:          {}\n  \
         would become: {}\n\
         To replace it, run the same command with --force.\n",
        escape_path(path),
        escape_controls(id),
        described(current),
        described(proposed),
    )
}

pub fn run_reopen(args: &ReopenArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let (ledger, target) = target(&args.folder.dir, &args.id, today)?;
    let (written, path) = match target {
        Target::Forecast(entry) => (
            write(&ledger, entry, Change::SetOutcome(Outcome::Open)),
            ledger.view(entry).file.path.clone(),
        ),
        Target::Question(file) => {
            let path = ledger.files[file].path.clone();
            let written = Door::of(&ledger, &path)
                .edit_question(&args.id, &Outcome::Open, QuestionOver::Anything)
                .map(|written| written.changed);
            (written, path)
        }
    };
    let written = written.map_err(cli_error)?;
    writeln!(
        out,
        "{} {} in {}",
        if written { "reopened" } else { "already open:" },
        args.id,
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// What an id given to `resolve` or `reopen` names: a forecast (its entry) or a question
/// (the index of its file).
enum Target {
    Forecast(usize),
    Question(usize),
}

/// The ledger and what `id` names in it. One forecast's change reads the folder but parses
/// only its file; when that finds no such forecast, the whole folder is loaded, where `id`
/// may be a question's (and the "did you mean" is the full load's). A forecast on a question
/// is judged by the question: resolving the forecast itself is refused with the way to do it.
fn target(dir: &Path, id: &str, today: NaiveDate) -> Result<(Ledger, Target), CliError> {
    let narrow = load_holding(dir, today, id)?;
    let (ledger, found) = match find(&narrow, id) {
        Ok(entry) => (narrow, Ok(entry)),
        Err(_) => {
            let ledger = load(dir, today)?;
            let found = find(&ledger, id);
            (ledger, found)
        }
    };
    let entry = match found {
        Ok(entry) => entry,
        Err(error) => {
            let files: Vec<usize> = (0..ledger.files.len())
                .filter(|&file| {
                    ledger.files[file]
                        .scenario
                        .questions
                        .iter()
                        .any(|q| q.id == id)
                })
                .collect();
            return match files.as_slice() {
                [file] => Ok((ledger, Target::Question(*file))),
                [] => Err(error),
                _ => Err(CliError::Failed(format!(
                    "{} files have a question '{id}'; nothing was written: give them distinct ids first",
                    files.len()
                ))),
            };
        }
    };
    if let Some(on) = &ledger.view(entry).forecast.question {
        return Err(CliError::Usage(format!(
            "forecast '{id}' answers question '{}', whose verdict judges it: resolve or reopen the question instead (hindsight resolve {} …)",
            on.id(),
            on.id()
        )));
    }
    Ok((ledger, Target::Forecast(entry)))
}

/// The one forecast `id` names; several files sharing the id is an error `check` reports,
/// and resolving one of them would be a guess.
fn find(ledger: &Ledger, id: &str) -> Result<usize, CliError> {
    let found = ledger.find_all(id);
    if found.len() > 1 {
        let places: Vec<String> = found
            .iter()
            .map(|&entry| {
                let view = ledger.view(entry);
                format!("{}:{}", view.file.path.display(), view.entry.position.line)
            })
            .collect();
        return Err(CliError::Failed(format!(
            "{} forecasts have the id '{id}' ({}); nothing was written: give them distinct ids first",
            found.len(),
            places.join(", ")
        )));
    }
    found.first().copied().ok_or_else(|| {
        let similar = ledger.similar_ids(id);
        let hint = if similar.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", similar.join(", "))
        };
        CliError::Usage(format!(
            "no forecast with id '{id}' (nor a question) in {}{hint}",
            ledger.dir.display()
        ))
    })
}

/// Writes the change; returns whether anything changed.
fn write(ledger: &Ledger, entry: usize, change: Change) -> Result<bool, EditError> {
    let view = ledger.view(entry);
    Door::of(ledger, &view.file.path)
        .edit_forecast(&view.forecast.id, Some(view.entry.fingerprint), &change)
        .map(|written| written.changed)
}

fn cli_error(error: EditError) -> CliError {
    match error {
        // The verdict itself breaks a rule (dated before the forecast, or in the future).
        EditError::Invalid(_) => CliError::Usage(error.to_string()),
        _ => CliError::Failed(error.to_string()),
    }
}

/// Who judged a verdict `--by` does not name: `$HINDSIGHT_JUDGE`, else git's `user.name`.
fn default_judge(dir: &Path) -> Option<String> {
    if let Ok(judge) = std::env::var("HINDSIGHT_JUDGE")
        && !judge.trim().is_empty()
    {
        return Some(judge);
    }
    crate::git::user_name(dir)
}
