//! The `hindsight` binary: parse the arguments and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A bug must not greet a user with a Rust backtrace: say what happened and where to report it.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "hindsight: internal error: {info}\nThis is a bug in Hindsight; please report it with the command you ran."
        );
    }));
    let cli = match hindsight::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    hindsight::cli::run(cli)
}
