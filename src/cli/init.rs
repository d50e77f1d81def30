//! `hindsight init [DIR]`: a new ledger (see [`crate::init`]), shared through git when the
//! folder is in a repository (or `--git` makes one): the merge driver is set up at once.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::error::{CliError, CliResult};
use crate::git::{in_repository, init_repository, setup};
use crate::init::{InitError, init_ledger};
use crate::terminal::escape_path;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to start the ledger (made if missing): DIR/scenarios and DIR/seeds.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Make DIR a git repository first (`git init`) when it is in none.
    #[arg(long)]
    pub git: bool,
}

pub fn run(args: &InitArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let started = init_ledger(&args.dir, today).map_err(|error| match error {
        InitError::AlreadyALedger { .. } => CliError::Usage(error.to_string()),
        InitError::Io { .. } => CliError::Failed(error.to_string()),
    })?;
    for path in &started.written {
        writeln!(out, "wrote {}", escape_path(path))?;
    }
    let scenarios = &started.scenarios;
    if args.git && !in_repository(&args.dir) {
        init_repository(&args.dir).map_err(CliError::Failed)?;
        writeln!(out, "made {} a git repository", escape_path(&args.dir))?;
    }
    if in_repository(scenarios) {
        let program = std::env::current_exe()
            .map_err(|e| CliError::Failed(format!("cannot find the hindsight binary: {e}")))?;
        let done = setup(scenarios, &program).map_err(CliError::Failed)?;
        writeln!(
            out,
            "ledger files ({}) merge by record id in this clone{}",
            done.pattern,
            if done.attributes_added {
                "; commit .gitattributes with the ledger"
            } else {
                ""
            }
        )?;
    } else {
        writeln!(
            out,
            "not in a git repository: to share the ledger, run `hindsight init --git` or `git init` and `hindsight git-setup`"
        )?;
    }
    let shown = escape_path(scenarios);
    writeln!(
        out,
        "next: `hindsight check {shown}`, then open it (`hindsight {shown}`), or read an article \
         with it (`hindsight candidates ARTICLE {shown}`)"
    )?;
    Ok(ExitCode::SUCCESS)
}
