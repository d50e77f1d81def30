//! The `hindsight` binary: parse the arguments, then run a command or open the desktop app.
//! This is the one place that knows both: the library's `cli` and `app` never import each
//! other, and a build without the `app` feature is the command line alone.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser};

#[cfg(feature = "app")]
const AFTER_HELP: &str = "Without a command, opens the desktop app on FOLDER (default: ./scenarios if present, else the last folder opened).\nEach command reads a scenarios folder (default: ./scenarios).\nExit status: 0 success, 1 the data has errors, 2 usage error.";

#[cfg(not(feature = "app"))]
const AFTER_HELP: &str = "This build has no desktop app (it was built without the `app` feature).\nEach command reads a scenarios folder (default: ./scenarios).\nExit status: 0 success, 1 the data has errors, 2 usage error.";

#[derive(Debug, Parser)]
#[command(
    name = "hindsight",
    version,
    about = "Keep analysts' forecasts as plain RON files, mark how they turned out, and score track records.",
    after_help = AFTER_HELP
)]
struct Arguments {
    /// Read the ledger as it stood on DATE (YYYY-MM-DD): forecasts made and verdicts given
    /// after it are not known yet; it also decides what is overdue. Reproducible reports.
    #[arg(long, global = true, value_name = "DATE")]
    today: Option<NaiveDate>,

    #[command(subcommand)]
    command: Option<TopCommand>,

    #[command(flatten)]
    app: AppArguments,
}

/// The library's commands, and two that describe the binary itself.
#[derive(Debug, clap::Subcommand)]
// Parsed once per run: a box would buy nothing.
#[allow(clippy::large_enum_variant)]
enum TopCommand {
    #[command(flatten)]
    Ledger(hindsight::Command),
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`: `hindsight man > hindsight.1`.
    Man,
}

/// What `hindsight` without a command opens.
#[derive(Debug, clap::Args)]
struct AppArguments {
    /// Open the desktop app on this folder.
    #[arg(value_name = "FOLDER")]
    folder: Option<PathBuf>,

    /// (app) Start on this view.
    #[cfg(feature = "app")]
    #[arg(long, value_enum, value_name = "VIEW")]
    view: Option<StartView>,

    /// (app) Start with this forecast selected.
    #[cfg(feature = "app")]
    #[arg(long, value_name = "ID")]
    select: Option<String>,

    /// (app) Start on this forecaster's page (name as shown in reports).
    #[cfg(feature = "app")]
    #[arg(long, value_name = "NAME")]
    forecaster: Option<String>,

    /// (app) Start on this question's page (by id).
    #[cfg(feature = "app")]
    #[arg(long, value_name = "ID")]
    question: Option<String>,

    /// (app) Start reading this article (a file or an http(s) URL) with the ledger.
    #[cfg(feature = "app")]
    #[arg(long, value_name = "ARTICLE")]
    article: Option<String>,
}

/// The views `--view` names; the app's own tabs know nothing of argument parsing.
#[cfg(feature = "app")]
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum StartView {
    Overview,
    Forecasts,
    TrackRecords,
    Questions,
    Timeline,
    Problems,
}

#[cfg(feature = "app")]
impl From<StartView> for hindsight::Tab {
    fn from(view: StartView) -> Self {
        use hindsight::Tab;
        match view {
            StartView::Overview => Tab::Overview,
            StartView::Forecasts => Tab::Forecasts,
            StartView::TrackRecords => Tab::TrackRecords,
            StartView::Questions => Tab::Questions,
            StartView::Timeline => Tab::Timeline,
            StartView::Problems => Tab::Problems,
        }
    }
}

fn main() -> ExitCode {
    // A bug must not greet a user with a Rust backtrace: say what happened and where to report it.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "hindsight: internal error: {info}\nThis is a bug in Hindsight; please report it with the command you ran."
        );
    }));
    let arguments = match Arguments::try_parse() {
        Ok(arguments) => arguments,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match arguments.command {
        Some(TopCommand::Ledger(command)) => {
            let today = arguments
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive());
            return hindsight::run_command_line(command, today);
        }
        Some(TopCommand::Completions { shell }) => {
            let mut command = Arguments::command();
            clap_complete::generate(shell, &mut command, "hindsight", &mut std::io::stdout());
            return ExitCode::SUCCESS;
        }
        Some(TopCommand::Man) => {
            let page = clap_mangen::Man::new(Arguments::command());
            return match page.render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                // `hindsight man | head`: the reader had enough.
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("hindsight: cannot write the manual page: {error}");
                    ExitCode::from(1)
                }
            };
        }
        None => {}
    }
    // `hindsight chek` is more likely a mistyped command than a folder.
    if let Some(folder) = arguments.app.folder.as_ref().filter(|f| !f.is_dir()) {
        eprintln!(
            "hindsight: '{}' is neither a folder nor a command; see `hindsight --help`",
            hindsight::escape_path(folder)
        );
        return ExitCode::from(2);
    }
    open_app(arguments.app, arguments.today)
}

/// Opens the desktop app; `today` overrides the date as `--today` does for commands.
#[cfg(feature = "app")]
fn open_app(arguments: AppArguments, today: Option<NaiveDate>) -> ExitCode {
    let start = hindsight::StartAt {
        tab: arguments.view.map(Into::into),
        select: arguments.select,
        forecaster: arguments.forecaster,
        question: arguments.question,
        article: arguments.article,
    };
    match hindsight::run_app(arguments.folder, start, today) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hindsight: cannot open the app window: {error}");
            ExitCode::from(1)
        }
    }
}

/// A build for hooks and CI has no app: say so, and how to get one.
#[cfg(not(feature = "app"))]
fn open_app(_arguments: AppArguments, _today: Option<NaiveDate>) -> ExitCode {
    eprintln!(
        "hindsight: this build has no desktop app (it was built without the `app` feature).\n\
         Run a command instead (see `hindsight --help`), or build the app with the default features: \
         `cargo install --path .`"
    );
    ExitCode::from(2)
}
