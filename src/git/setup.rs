//! `hindsight git-setup`: routing a repository's ledger files to the merge driver.

use std::path::{Path, PathBuf};

use super::DRIVER;
use super::run::git_output;

/// Whether `dir` is in a git repository whose clone does not route ledger files to the
/// driver yet (false when it is not in a repository, or git is missing: then there is
/// nothing to set up).
pub fn needs_setup(dir: &Path) -> bool {
    let in_repository = git_output(dir, &["rev-parse", "--is-inside-work-tree"])
        .is_ok_and(|out| out.trim() == "true");
    in_repository && git_output(dir, &["config", "--get", "merge.hindsight.driver"]).is_err()
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
    let pattern = if prefix.is_empty() {
        "*.ron".to_string()
    } else {
        format!("{prefix}/**/*.ron")
    };
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
        std::fs::write(&attributes, text).map_err(|e| format!("{}: {e}", attributes.display()))?;
    }
    let quoted = format!("'{}'", program.display().to_string().replace('\'', "'\\''"));
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
        &[
            "config",
            "merge.hindsight.driver",
            &format!("{quoted} merge-driver %O %A %B %P"),
        ],
    )?;
    Ok(Setup {
        repository,
        attributes_added,
        pattern,
    })
}
