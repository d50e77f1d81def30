//! Committing the ledger files, pulling and pushing — each said in the ledger's words
//! ("Resolve x as true; add 2 forecasts to y"), each failure in git's own.

use std::path::Path;

use super::driver::kind_of;
use super::run::{failure, git_output, git_run, read_blobs};
use super::status::{ChangedFile, FileState, RepoStatus};
use crate::git::changes::{FileChange, commit_message, file_changes};
use crate::ledger::limits::MAX_FILE_BYTES;

/// What changed in each of these files since the last commit (their working versions
/// against HEAD's).
pub fn describe_changes(dir: &Path, files: &[ChangedFile]) -> Vec<(ChangedFile, Vec<FileChange>)> {
    let names: Vec<String> = files
        .iter()
        .map(|file| format!("HEAD:{}", file.repo_path))
        .collect();
    let before = read_blobs(dir, &names, MAX_FILE_BYTES).unwrap_or_default();
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let before = before.get(i).cloned().flatten();
            let after = match file.state {
                FileState::Deleted => None,
                _ => crate::ledger::read_bytes(&file.path)
                    .ok()
                    .and_then(|bytes| crate::ledger::into_text(&file.path, bytes).ok()),
            };
            let kind = kind_of(
                Path::new(&file.repo_path),
                &[before.as_deref(), after.as_deref()],
            );
            let path = Path::new(&file.repo_path);
            let changes = file_changes(kind, path, before.as_deref(), after.as_deref());
            (file.clone(), changes)
        })
        .collect()
}

/// The message a commit of these changes gets: what changed, in words ("Resolve x as
/// true; add 2 forecasts to y"), and during a merge "Merge: " before it.
pub fn suggested_message(
    status: &RepoStatus,
    changes: &[(ChangedFile, Vec<FileChange>)],
) -> String {
    let changes: Vec<FileChange> = changes
        .iter()
        .flat_map(|(_, changes)| changes.iter().cloned())
        .collect();
    let message = commit_message(&changes);
    match (message.is_empty(), status.merging) {
        (true, true) => "Merge".to_string(),
        (false, true) => format!("Merge: {message}"),
        _ => message,
    }
}

/// A commit made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committed {
    /// The short commit id.
    pub commit: String,
    pub files: usize,
    /// The message's first line.
    pub subject: String,
}

/// Commits these ledger files (and nothing else) with `message`. During a merge the
/// commit concludes it, which git allows only for the whole index: the ledger files are
/// staged and the merge committed as git left it staged.
pub fn commit(
    dir: &Path,
    status: &RepoStatus,
    files: &[ChangedFile],
    message: &str,
) -> Result<Committed, String> {
    if message.trim().is_empty() {
        return Err("the commit message is empty".into());
    }
    if files.is_empty() && !status.merging {
        return Err("no ledger files have changed".into());
    }
    // A file git left unmerged that holds one side only: `git add` would make the other
    // side's records lost for good.
    if let Some(problem) = super::health::merge_problems(dir)
        .into_iter()
        .find(|problem| problem.is_error())
    {
        return Err(format!("nothing was committed: {problem}"));
    }
    let top = &status.top;
    let mut add = vec!["add", "-A", "--"];
    add.extend(files.iter().map(|file| file.repo_path.as_str()));
    if !files.is_empty() {
        git_output(top, &add)?;
    }
    let mut commit = vec!["commit", "-q", "-m", message];
    if !status.merging {
        commit.push("--");
        commit.extend(files.iter().map(|file| file.repo_path.as_str()));
    }
    git_output(top, &commit)?;
    let id = git_output(dir, &["rev-parse", "--short", "HEAD"])?;
    Ok(Committed {
        commit: id.trim().to_string(),
        files: files.len(),
        subject: message.lines().next().unwrap_or_default().to_string(),
    })
}

/// What a pull brought in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullReport {
    /// Commits that came in.
    pub commits: usize,
    /// What they changed in the ledger files.
    pub changes: Vec<FileChange>,
    /// Ledger files git left in conflict (their disputes are for the user to settle,
    /// then commit).
    pub conflicted: Vec<String>,
}

impl PullReport {
    /// "Pulled 2 commits: resolve x as true; add y to z", "Already up to date".
    pub fn summary(&self) -> String {
        if self.commits == 0 {
            return "Already up to date".to_string();
        }
        let commits = match self.commits {
            1 => "1 commit".to_string(),
            n => format!("{n} commits"),
        };
        let changes: Vec<String> = self.changes.iter().map(ToString::to_string).collect();
        let mut text = if changes.is_empty() {
            format!("Pulled {commits} (no ledger changes)")
        } else {
            format!("Pulled {commits}: {}", changes.join("; "))
        };
        if !self.conflicted.is_empty() {
            text.push_str(&format!(". Conflicts in {}", self.conflicted.join(", ")));
        }
        text
    }
}

/// `git pull --no-rebase`: fetches and merges the upstream (ledger files through the merge
/// driver, where `git-setup` was run). A merge that leaves conflicts is not a failure: it
/// is reported with the files in conflict.
pub fn pull(dir: &Path) -> Result<PullReport, String> {
    let old = head(dir)?;
    let args = ["pull", "--no-rebase", "--no-edit"];
    let output = git_run(dir, &args)?;
    let merge_head = git_output(dir, &["rev-parse", "-q", "--verify", "MERGE_HEAD"])
        .ok()
        .map(|oid| oid.trim().to_string());
    if !output.status.success() && merge_head.is_none() {
        return Err(failure(&args, &output));
    }
    let (from, to) = match &merge_head {
        // Conflicted: what the other side changed since the common ancestor.
        Some(theirs) => {
            let base = git_output(dir, &["merge-base", &old, theirs])?;
            (base.trim().to_string(), theirs.clone())
        }
        None => (old.clone(), head(dir)?),
    };
    // The commits that came in: theirs, not the merge commit the pull made.
    let commits = match &merge_head {
        Some(theirs) => count_commits(dir, &old, theirs)?,
        None => count_commits(dir, &old, "@{upstream}")?,
    };
    let changes = changes_between(dir, &from, &to)?;
    let conflicted = match &merge_head {
        Some(_) => super::status::status(dir)
            .and_then(Result::ok)
            .map(|status| {
                status
                    .changed
                    .into_iter()
                    .filter(|file| file.state == FileState::Conflicted)
                    .map(|file| file.repo_path)
                    .collect()
            })
            .unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(PullReport {
        commits,
        changes,
        conflicted,
    })
}

/// `git push` to the upstream; what git said on success.
pub fn push(dir: &Path) -> Result<String, String> {
    let args = ["push", "--porcelain"];
    let output = git_run(dir, &args)?;
    if !output.status.success() {
        return Err(failure(&args, &output));
    }
    // "=" up to date, else pushed: say which branch went where.
    let text = String::from_utf8_lossy(&output.stdout);
    let pushed: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let flag = fields.next()?;
            let refs = fields.next()?;
            let (_, remote) = refs.split_once(':')?;
            let remote = remote.trim_start_matches("refs/heads/");
            (flag.trim() != "=").then(|| remote.to_string())
        })
        .collect();
    Ok(if pushed.is_empty() {
        "Push: the remote is already up to date".to_string()
    } else {
        format!("Pushed {}", pushed.join(", "))
    })
}

fn head(dir: &Path) -> Result<String, String> {
    Ok(git_output(dir, &["rev-parse", "HEAD"])?.trim().to_string())
}

fn count_commits(dir: &Path, from: &str, to: &str) -> Result<usize, String> {
    let range = format!("{from}..{to}");
    let count = git_output(dir, &["rev-list", "--count", &range])?;
    Ok(count.trim().parse().unwrap_or_default())
}

/// What changed in the ledger files under `dir` from commit `from` to commit `to`.
fn changes_between(dir: &Path, from: &str, to: &str) -> Result<Vec<FileChange>, String> {
    let listing = git_output(
        dir,
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            from,
            to,
            "--",
            ".",
        ],
    )?;
    let paths: Vec<&str> = listing
        .split('\0')
        .filter(|path| path.ends_with(".ron"))
        .collect();
    let names: Vec<String> = paths
        .iter()
        .flat_map(|path| [format!("{from}:{path}"), format!("{to}:{path}")])
        .collect();
    // Paths from `git diff` are from the top; blobs are named the same way.
    let top = git_output(dir, &["rev-parse", "--show-toplevel"])?;
    let blobs = read_blobs(Path::new(top.trim_end()), &names, MAX_FILE_BYTES)?;
    let mut changes = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let before = blobs.get(2 * i).cloned().flatten();
        let after = blobs.get(2 * i + 1).cloned().flatten();
        changes.extend(file_changes(
            kind_of(Path::new(path), &[before.as_deref(), after.as_deref()]),
            Path::new(path),
            before.as_deref(),
            after.as_deref(),
        ));
    }
    Ok(changes)
}
