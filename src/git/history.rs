//! A forecast's history: every commit that changed its block, newest first, with who
//! made it, when, and what changed ("outcome: open → true"). `hindsight log ID` prints it;
//! the app's detail view shows it.

use std::path::Path;

use super::run::{git_output, read_blobs};
use crate::ledger::changes::{ForecastChange, find_forecast, forecast_field_changes};
use crate::ledger::limits::MAX_FILE_BYTES;

/// The most commits of a file that are read for one forecast's history.
const MAX_COMMITS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The short commit id; `None` for changes not committed yet.
    pub commit: Option<String>,
    pub author: String,
    /// YYYY-MM-DD (the author's date).
    pub date: String,
    pub subject: String,
    pub change: ForecastChange,
}

/// The history of forecast `id` in the scenario file at `file` (inside `dir`'s repository),
/// newest first; the working file's uncommitted change to it comes first. Commits where
/// a version does not parse (a committed conflict) are skipped: what changed is unknown.
/// Merge commits are left out: each change is told once, in the commit that made it.
pub fn history(dir: &Path, file: &Path, id: &str) -> Result<Vec<HistoryEntry>, String> {
    let relative = file.strip_prefix(dir).unwrap_or(file);
    // `./` makes the blob name relative to `dir`, where git runs.
    let relative = format!("./{}", relative.to_string_lossy());
    let limit = MAX_COMMITS.to_string();
    let log = git_output(
        dir,
        &[
            "log",
            "--no-merges",
            "-z",
            "-n",
            &limit,
            "--date=short",
            "--format=%H%x1f%P%x1f%an%x1f%ad%x1f%s",
            "--",
            &relative,
        ],
    )?;
    struct Commit<'a> {
        id: &'a str,
        parent: Option<&'a str>,
        author: &'a str,
        date: &'a str,
        subject: &'a str,
    }
    let commits: Vec<Commit> = log
        .split('\0')
        .filter_map(|record| {
            let mut fields = record.trim_start_matches('\n').split('\x1f');
            Some(Commit {
                id: fields.next().filter(|id| !id.is_empty())?,
                parent: fields.next()?.split(' ').next().filter(|p| !p.is_empty()),
                author: fields.next()?,
                date: fields.next()?,
                subject: fields.next().unwrap_or_default(),
            })
        })
        .collect();
    let mut names = vec![format!("HEAD:{relative}")];
    for commit in &commits {
        names.push(format!("{}:{relative}", commit.id));
        names.push(match commit.parent {
            Some(parent) => format!("{parent}:{relative}"),
            // A root commit: nothing before it (an empty name reads as missing).
            None => String::new(),
        });
    }
    // An empty request line would end `cat-file --batch`'s answers early; ask for a
    // name that cannot exist instead.
    let names: Vec<String> = names
        .into_iter()
        .map(|name| {
            if name.is_empty() {
                "0000000000000000000000000000000000000000:none".to_string()
            } else {
                name
            }
        })
        .collect();
    let blobs = read_blobs(dir, &names, MAX_FILE_BYTES)?;
    let path = Path::new(&relative);
    // A version's forecast: `Some(None)` when the version lacks it, `None` when the
    // version does not parse.
    let version = |text: Option<&String>| match text {
        None => Some(None),
        Some(text) => find_forecast(path, text, id),
    };

    let mut entries = Vec::new();
    let working = crate::ledger::read_bytes(file)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok());
    if let (Some(before), Some(after)) = (
        version(blobs.first().and_then(Option::as_ref)),
        version(working.as_ref()),
    ) {
        let change = forecast_field_changes(before.as_ref(), after.as_ref());
        if change.is_change() {
            entries.push(HistoryEntry {
                commit: None,
                author: String::new(),
                date: String::new(),
                subject: "not committed yet".to_string(),
                change,
            });
        }
    }
    for (i, commit) in commits.iter().enumerate() {
        let after = version(blobs.get(1 + 2 * i).and_then(Option::as_ref));
        let before = version(blobs.get(2 + 2 * i).and_then(Option::as_ref));
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        let change = forecast_field_changes(before.as_ref(), after.as_ref());
        if change.is_change() {
            entries.push(HistoryEntry {
                commit: Some(commit.id.chars().take(8).collect()),
                author: commit.author.to_string(),
                date: commit.date.to_string(),
                subject: commit.subject.to_string(),
                change,
            });
        }
    }
    Ok(entries)
}
