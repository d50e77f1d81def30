//! `hindsight git-setup`: routing a repository's ledger files to the merge driver.

use std::path::{Path, PathBuf};

use super::driver_command::{DRIVER, driver_command};
use super::health::driver_problem;
use super::run::git_output;

/// Whether `dir` is in a git repository whose clone does not route ledger files to a
/// driver that can run: never set up, or set up with a binary that has since moved (false
/// when it is not in a repository, or git is missing: then there is nothing to set up).
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn needs_setup(dir: &Path) -> bool {
    in_repository(dir)
        && git_output(dir, &["config", "--get", "merge.hindsight.driver"])
            .map_or(true, |_| driver_problem(dir).is_some())
}

/// Whether `dir` is inside a git work tree (false when git is missing).
pub fn in_repository(dir: &Path) -> bool {
    git_output(dir, &["rev-parse", "--is-inside-work-tree"]).is_ok_and(|out| out.trim() == "true")
}

/// `git init` in `dir`: a new repository (for `hindsight init --git`), git's own words if
/// it fails.
pub fn init_repository(dir: &Path) -> Result<(), String> {
    git_output(dir, &["init", "--quiet"]).map(drop)
}

/// What `git-setup` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    pub repository: PathBuf,
    /// Whether `.gitattributes` gained the line (false: it was there).
    pub attributes_added: bool,
    pub pattern: String,
}

/// Routes the ledger files under `dir` to the driver: a line in the repository's
/// top-level `.gitattributes` (added once) and the local git config naming `program`
/// (set every time, as the binary may have moved). Git does not clone config, so every
/// clone runs this.
pub fn setup(dir: &Path, program: &Path) -> Result<Setup, String> {
    let top = git_output(dir, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        format!(
            "{}: not inside a git repository (run `git-setup` in a clone of the ledger's repository)",
            crate::terminal::escape_path(dir)
        )
    })?;
    let repository = PathBuf::from(top.trim());
    let prefix = git_output(dir, &["rev-parse", "--show-prefix"])?;
    let prefix = prefix.trim().trim_end_matches('/');
    let pattern = attribute_pattern(prefix);
    let line = format!("{pattern} merge={DRIVER}");
    let attributes = repository.join(".gitattributes");
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    let attributes_added = !existing.lines().any(|l| l.trim() == line);
    if attributes_added {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str("# Merge Hindsight ledger files by record id (`hindsight git-setup`).\n");
        text.push_str(&line);
        text.push('\n');
        crate::ledger::disk::replace_file(&attributes, text.as_bytes())
            .map_err(|e| format!("{}: {e}", attributes.display()))?;
    }
    git_output(
        dir,
        &[
            "config",
            "merge.hindsight.name",
            "Hindsight: merge ledger files by record id",
        ],
    )?;
    git_output(
        dir,
        &["config", "merge.hindsight.driver", &driver_command(program)],
    )?;
    routed_to_driver(dir, prefix, &line)?;
    Ok(Setup {
        repository,
        attributes_added,
        pattern,
    })
}

/// The `.gitattributes` pattern for every `.ron` file under the folder `prefix` (relative
/// to the repository's top, `/`-separated; empty for the top itself).
///
/// Git splits an attributes line at white space and reads a leading `#` as a comment, so
/// a folder name with a space or a quote goes in a C-style quoted pattern, and the
/// characters globs or the line's syntax give a meaning (`[`, `*`, `?`, `\`, `!`, `#`) are
/// escaped to match only themselves.
fn attribute_pattern(prefix: &str) -> String {
    if prefix.is_empty() {
        return "*.ron".to_string();
    }
    let mut literal = String::new();
    for c in prefix.chars() {
        if matches!(c, '[' | ']' | '*' | '?' | '\\' | '!' | '#') {
            literal.push('\\');
        }
        literal.push(c);
    }
    let pattern = format!("{literal}/**/*.ron");
    let needs_quotes = pattern
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"');
    if !needs_quotes {
        return pattern;
    }
    let mut quoted = String::from('"');
    for c in pattern.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\t' => quoted.push_str("\\t"),
            '\n' => quoted.push_str("\\n"),
            c if c.is_control() => {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    quoted.push_str(&format!("\\{byte:03o}"));
                }
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Asks git whether a ledger file under the folder now goes to the driver, so that a
/// pattern git reads differently from what was meant is an error, not a silent line merge.
fn routed_to_driver(dir: &Path, prefix: &str, line: &str) -> Result<(), String> {
    let probes = ["hindsight-probe.ron", "sub/hindsight-probe.ron"];
    for probe in probes {
        let answer = git_output(dir, &["check-attr", "merge", "--", probe])?;
        if !answer.trim_end().ends_with(&format!(": merge: {DRIVER}")) {
            return Err(format!(
                "git does not route the ledger files under '{}' to the merge driver with the \
                 line `{line}` in .gitattributes (git says: {}); please report this",
                crate::terminal::escape_controls(prefix),
                crate::terminal::escape_controls(answer.trim())
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::attribute_pattern;

    #[test]
    fn folder_names_git_would_misread_are_escaped_or_quoted() {
        assert_eq!(attribute_pattern(""), "*.ron");
        assert_eq!(attribute_pattern("scenarios"), "scenarios/**/*.ron");
        assert_eq!(attribute_pattern("a/b"), "a/b/**/*.ron");
        assert_eq!(
            attribute_pattern("my scenarios"),
            "\"my scenarios/**/*.ron\""
        );
        assert_eq!(
            attribute_pattern("ledger[2024]"),
            "ledger\\[2024\\]/**/*.ron"
        );
        assert_eq!(attribute_pattern("#notes"), "\\#notes/**/*.ron");
        assert_eq!(attribute_pattern("!x"), "\\!x/**/*.ron");
        assert_eq!(
            attribute_pattern("say \"hi\" [1]"),
            "\"say \\\"hi\\\" \\\\[1\\\\]/**/*.ron\""
        );
        assert_eq!(attribute_pattern("prévisions"), "prévisions/**/*.ron");
    }
}
