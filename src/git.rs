//! Git, through the system `git` binary (as editors do): running the merge driver git
//! calls for ledger files, falling back to git's own line merge, and setting a repository
//! up to use the driver. Nothing here parses or merges ledger files itself: that is
//! [`crate::ledger::merge`].

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::ledger::format::FileKind;
use crate::ledger::limits::MAX_FILE_BYTES;
use crate::ledger::merge::{self, Dispute};
use crate::ledger::{PEOPLE_FILE, PHRASES_FILE};

/// The name the driver is configured under (`merge.hindsight.driver`).
pub const DRIVER: &str = "hindsight";

/// How a driver run ended, in git's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DriverOutcome {
    /// Merged by record: clean, or with these disputes marked in the file.
    ByRecord(Vec<Dispute>),
    /// Left to git's line merge (why, and how many conflicts it left).
    LineMerge { reason: String, conflicts: i32 },
}

impl DriverOutcome {
    /// Git's contract: 0 when the result is clean, 1 when conflicts remain (never above
    /// 128, which git takes for a crash).
    pub fn exit_code(&self) -> u8 {
        let clean = match self {
            DriverOutcome::ByRecord(disputes) => disputes.is_empty(),
            DriverOutcome::LineMerge { conflicts, .. } => *conflicts == 0,
        };
        if clean { 0 } else { 1 }
    }
}

/// The kind of ledger file a repository path names (people.ron, phrases.ron, else a
/// scenario).
pub fn kind_of(path: &Path) -> FileKind {
    match path.file_name().and_then(|name| name.to_str()) {
        Some(PEOPLE_FILE) => FileKind::People,
        Some(PHRASES_FILE) => FileKind::Phrases,
        _ => FileKind::Scenario,
    }
}

/// Runs the merge driver: merges `ours` (written in place, as git expects), `base` and
/// `theirs`, all files, for the repository path `path`.
pub fn run_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
) -> std::io::Result<DriverOutcome> {
    let kind = kind_of(path.unwrap_or(ours));
    match merge_by_record(kind, base, ours, theirs) {
        Ok(outcome) => Ok(outcome),
        Err(reason) => {
            let conflicts = line_merge(base, ours, theirs)?;
            Ok(DriverOutcome::LineMerge { reason, conflicts })
        }
    }
}

fn merge_by_record(
    kind: FileKind,
    base: &Path,
    ours: &Path,
    theirs: &Path,
) -> Result<DriverOutcome, String> {
    let read = |path: &Path| -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err("a version is larger than the file size limit".into());
        }
        String::from_utf8(bytes).map_err(|_| "a version is not UTF-8".to_string())
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    // A file written with `\r\n` on every line (on all three sides) is merged as `\n` and
    // gets its endings back; mixed endings are left to git's line merge.
    let crlf = [&b, &o, &t].map(|text| all_crlf(text));
    let crlf = match crlf {
        [true, true, true] => true,
        _ if [&b, &o, &t].iter().any(|text| text.contains('\r')) => {
            return Err("the versions mix line endings".into());
        }
        _ => false,
    };
    let lf = |text: &str| {
        if crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        }
    };
    let (b, o, t) = (lf(&b), lf(&o), lf(&t));
    // A bug in the record merge must not fail the user's merge: git's merge takes over.
    let merged = std::panic::catch_unwind(|| merge::merge(kind, &b, &o, &t))
        .map_err(|_| "the record merge failed".to_string())?
        .map_err(|error| error.to_string())?;
    let text = if crlf {
        merged.text.replace('\n', "\r\n")
    } else {
        merged.text
    };
    std::fs::write(ours, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(DriverOutcome::ByRecord(merged.disputes))
}

/// Whether every line of `text` ends with `\r\n`.
fn all_crlf(text: &str) -> bool {
    let lines = text.matches('\n').count();
    lines > 0 && text.matches("\r\n").count() == lines
}

/// `git merge-file`: git's own line merge, written into `ours`; the number of conflicts.
fn line_merge(base: &Path, ours: &Path, theirs: &Path) -> std::io::Result<i32> {
    let status = Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()?;
    match status.code() {
        Some(code) if code >= 0 => Ok(code),
        _ => Err(std::io::Error::other("git merge-file failed")),
    }
}

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

fn git_output(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
