//! A repository's state as the app's status line shows it: branch, ahead/behind its
//! upstream, and the ledger files that changed (from `git status --porcelain=v2`, which is
//! stable across git versions and locales).

use std::path::{Path, PathBuf};

use super::run::git_output;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepoStatus {
    /// The repository's top folder.
    pub top: PathBuf,
    /// `None` on a detached HEAD.
    pub branch: Option<String>,
    pub upstream: Option<String>,
    pub ahead: u32,
    pub behind: u32,
    /// The ledger files (`.ron` under the folder) that differ from the last commit.
    pub changed: Vec<ChangedFile>,
    /// A merge is under way (its disputes are being settled): the next commit concludes it.
    pub merging: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedFile {
    /// As git names it: relative to the repository's top, with `/`.
    pub repo_path: String,
    pub path: PathBuf,
    pub state: FileState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileState {
    /// New, not yet in any commit.
    Added,
    Modified,
    Deleted,
    /// Both sides of a merge changed it and git left it unmerged.
    Conflicted,
}

impl FileState {
    pub fn as_str(self) -> &'static str {
        match self {
            FileState::Added => "new",
            FileState::Modified => "changed",
            FileState::Deleted => "deleted",
            FileState::Conflicted => "in conflict",
        }
    }
}

/// The status of the repository holding `dir`, counting only the ledger files under `dir`;
/// `None` when `dir` is not in a repository or git cannot be run.
pub fn status(dir: &Path) -> Option<Result<RepoStatus, String>> {
    let top = git_output(dir, &["rev-parse", "--show-toplevel"]).ok()?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let output = match git_output(
        dir,
        &[
            "status",
            "--porcelain=v2",
            "--branch",
            "-z",
            "--no-renames",
            "--untracked-files=all",
            "--",
            ".",
        ],
    ) {
        Ok(output) => output,
        Err(error) => return Some(Err(error)),
    };
    let mut status = parse_status(&output, &top);
    status.merging = git_output(dir, &["rev-parse", "-q", "--verify", "MERGE_HEAD"]).is_ok();
    Some(Ok(status))
}

fn parse_status(output: &str, top: &Path) -> RepoStatus {
    let mut status = RepoStatus {
        top: top.to_path_buf(),
        ..RepoStatus::default()
    };
    for record in output.split('\0').filter(|record| !record.is_empty()) {
        if let Some(header) = record.strip_prefix("# ") {
            let (key, value) = header.split_once(' ').unwrap_or((header, ""));
            match key {
                "branch.head" if value != "(detached)" => status.branch = Some(value.into()),
                "branch.upstream" => status.upstream = Some(value.into()),
                "branch.ab" => {
                    let mut counts = value.split(' ').map(|n| {
                        n.trim_start_matches(['+', '-'])
                            .parse::<u32>()
                            .unwrap_or_default()
                    });
                    status.ahead = counts.next().unwrap_or_default();
                    status.behind = counts.next().unwrap_or_default();
                }
                _ => {}
            }
            continue;
        }
        // The path is the last field, and may hold spaces.
        let (kind, fields) = record.split_at(1);
        let (xy, path) = match kind {
            "1" => split_entry(fields, 7),
            "u" => split_entry(fields, 9),
            "?" => (Some("??"), fields.strip_prefix(' ')),
            _ => (None, None),
        };
        let (Some(xy), Some(path)) = (xy, path) else {
            continue;
        };
        if !path.ends_with(".ron") {
            continue;
        }
        let state = match (kind, xy) {
            ("u", _) => FileState::Conflicted,
            ("?", _) => FileState::Added,
            (_, xy) if xy.starts_with('A') => FileState::Added,
            (_, xy) if xy.contains('D') => FileState::Deleted,
            _ => FileState::Modified,
        };
        status.changed.push(ChangedFile {
            repo_path: path.to_string(),
            path: top.join(path),
            state,
        });
    }
    status.changed.sort_by(|a, b| a.repo_path.cmp(&b.repo_path));
    status
}

/// `" XY f2 … fN path"`: the XY field, and the path after `fields` space-separated fields
/// (XY counted).
fn split_entry(text: &str, fields: usize) -> (Option<&str>, Option<&str>) {
    let mut parts = text.trim_start_matches(' ').splitn(fields + 1, ' ');
    let xy = parts.next();
    (xy, parts.nth(fields - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_branch_counts_and_ledger_files() {
        let output = "# branch.oid abc\0# branch.head main\0# branch.upstream origin/main\0\
            # branch.ab +2 -1\0\
            1 .M N... 100644 100644 100644 aaa bbb scenarios/a b.ron\0\
            1 D. N... 100644 000000 000000 aaa 000 scenarios/gone.ron\0\
            u UU N... 100644 100644 100644 100644 a b c scenarios/c.ron\0\
            ? scenarios/new.ron\0? scenarios/notes.txt\0";
        let status = parse_status(output, Path::new("/repo"));
        assert_eq!(status.branch.as_deref(), Some("main"));
        assert_eq!(status.upstream.as_deref(), Some("origin/main"));
        assert_eq!((status.ahead, status.behind), (2, 1));
        let files: Vec<(&str, FileState)> = status
            .changed
            .iter()
            .map(|file| (file.repo_path.as_str(), file.state))
            .collect();
        assert_eq!(
            files,
            [
                ("scenarios/a b.ron", FileState::Modified),
                ("scenarios/c.ron", FileState::Conflicted),
                ("scenarios/gone.ron", FileState::Deleted),
                ("scenarios/new.ron", FileState::Added),
            ]
        );
    }
}
