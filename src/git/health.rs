//! What git knows about a ledger folder that its files alone do not show: ledger files a
//! merge left unmerged, and a merge driver configured in this clone that cannot be run.
//!
//! Both are how a teammate's records get lost without a conflict marker in sight: a
//! driver git cannot start leaves the file as this side had it and reports a conflict
//! that nothing in the file shows, and a `git add` then commits one side only. `check`
//! and the app's Problems report them as problems of the folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::driver_command::{LINE_MERGE_FALLBACK, driver_program, runnable};
use super::run::git_output;
use crate::ledger::Problem;
use crate::ledger::problem::Position;

/// The problems git knows of in the repository holding `dir`: every ledger file (`.ron`
/// under `dir`) git lists as unmerged, and a configured driver that cannot be run. Empty
/// when `dir` is not in a repository or git cannot be run: then there is nothing to say.
pub fn merge_problems(dir: &Path) -> Vec<Problem> {
    let driver = driver_problem(dir);
    let mut problems = unmerged_problems(dir, driver.is_some());
    problems.extend(driver);
    problems
}

/// One unmerged file: the blobs of our side (stage 2) and theirs (stage 3).
#[derive(Default)]
struct Stages {
    ours: Option<String>,
    theirs: Option<String>,
}

/// `driver_broken`: the configured driver cannot be run, so a file git left as our side
/// had it may be missing the other side's records.
fn unmerged_problems(dir: &Path, driver_broken: bool) -> Vec<Problem> {
    // Paths come relative to `dir`, unquoted with -z.
    let Ok(listing) = git_output(dir, &["ls-files", "--unmerged", "-z", "--", "."]) else {
        return Vec::new();
    };
    let mut files: BTreeMap<&str, Stages> = BTreeMap::new();
    for record in listing.split('\0').filter(|record| !record.is_empty()) {
        // "<mode> <object> <stage>\t<path>"
        let Some((info, path)) = record.split_once('\t') else {
            continue;
        };
        if !path.ends_with(".ron") {
            continue;
        }
        let mut fields = info.split(' ');
        let (_mode, object, stage) = (fields.next(), fields.next(), fields.next());
        let stages = files.entry(path).or_default();
        match stage {
            Some("2") => stages.ours = object.map(str::to_string),
            Some("3") => stages.theirs = object.map(str::to_string),
            _ => {}
        }
    }
    files
        .into_iter()
        .map(|(relative, stages)| unmerged_problem(dir, relative, &stages, driver_broken))
        .collect()
}

fn unmerged_problem(dir: &Path, relative: &str, stages: &Stages, driver_broken: bool) -> Problem {
    let path = dir.join(relative);
    // The commands name the file as this problem does, so they work from where `check`
    // was run (and, in the app, from anywhere).
    let file = shell_word(&path.to_string_lossy());
    // The file's bytes as a blob, to compare with our side. No filters: a folder from a
    // stranger's repository could configure a filter command that hashing would run
    // (a file with converted line endings then merely gets the general message).
    let working = git_output(dir, &["hash-object", "--no-filters", "--", relative])
        .ok()
        .map(|object| object.trim().to_string());
    // With a driver that runs, a file equal to our side is a dispute settled our way.
    let only_ours = driver_broken
        && working.is_some()
        && working == stages.ours
        && stages.theirs.is_some()
        && stages.theirs != stages.ours;
    let at = Position { line: 1, column: 1 };
    if only_ours {
        return Problem::error(
            &path,
            at,
            format!(
                "{ONE_SIDE_ONLY}: the \
                 merge driver did not run, so the other side's records are not in it. Do not \
                 `git add` it as it is: run `hindsight git-setup`, then \
                 `git checkout -m -- {file}` to merge it again by record, and settle what is left"
            ),
        );
    }
    // Conflict markers inside a multi-line string are text to the loader (a warning);
    // in a file git has not seen merged they are git's, and adding it would commit both
    // versions as the quote.
    if std::fs::read(&path).is_ok_and(|bytes| holds_conflict_markers(&bytes)) {
        return Problem::error(
            &path,
            at,
            format!(
                "git lists this file as unmerged, and it still holds conflict markers: settle them, then `git add {file}` to conclude the merge"
            ),
        );
    }
    // Its disputes are the loader's errors while they last; settled, the file is sound and
    // only the merge is waiting.
    Problem::warning(
        &path,
        at,
        format!(
            "git lists this file as unmerged: once its disputes are settled, `git add {file}` \
             (or a commit from the app) concludes the merge"
        ),
    )
}

/// Whether some line starts a conflict and a later one ends it, as git writes them.
fn holds_conflict_markers(bytes: &[u8]) -> bool {
    let mut lines = bytes.split(|&byte| byte == b'\n');
    lines.any(|line| line.starts_with(b"<<<<<<< ") || line == b"<<<<<<<")
        && lines.any(|line| line.starts_with(b">>>>>>> ") || line == b">>>>>>>")
}

/// How the problem of a file that holds one side only begins.
const ONE_SIDE_ONLY: &str =
    "git lists this file as unmerged, and it holds only this side's version";

/// Whether `problem` is a file git left with one side only (committing it would lose the
/// other side's records), as against a merge that is merely not concluded.
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn holds_one_side_only(problem: &Problem) -> bool {
    problem.is_error() && problem.message.starts_with(ONE_SIDE_ONLY)
}

/// `word` as one shell word: as it is when it holds nothing a shell reads specially, else
/// in single quotes.
fn shell_word(word: &str) -> String {
    let plain = word
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':' | '@'));
    if plain && !word.is_empty() {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// The configured `merge.hindsight.driver`, when the program it starts cannot be run.
pub(super) fn driver_problem(dir: &Path) -> Option<Problem> {
    let command = git_output(dir, &["config", "--get", "merge.hindsight.driver"]).ok()?;
    let program = driver_program(command.trim())?;
    let falls_back = command.contains(LINE_MERGE_FALLBACK);
    // `git-setup`'s command tries a `hindsight` on PATH when its own binary is gone.
    if runnable(&program) || (falls_back && runnable(Path::new("hindsight"))) {
        return None;
    }
    let config = git_output(
        dir,
        &[
            "rev-parse",
            "--path-format=absolute",
            "--git-path",
            "config",
        ],
    )
    .map(|path| PathBuf::from(path.trim_end_matches(['\n', '\r'])))
    .unwrap_or_else(|_| dir.to_path_buf());
    let consequence = if falls_back {
        "ledger files merge by line instead of by record"
    } else {
        "git will report a conflict in every ledger file both sides changed and leave this \
         side's version in it, without conflict markers"
    };
    Some(Problem::warning(
        &config,
        Position { line: 1, column: 1 },
        format!(
            "the merge driver this clone is set up with ({}) cannot be run (moved, rebuilt \
             elsewhere or removed): {consequence}; run `hindsight git-setup` again",
            program.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_path_is_one_shell_word() {
        assert_eq!(shell_word("scenarios/prices.ron"), "scenarios/prices.ron");
        assert_eq!(shell_word("my scenarios/a.ron"), "'my scenarios/a.ron'");
        assert_eq!(shell_word("o'brien.ron"), "'o'\\''brien.ron'");
    }
}
