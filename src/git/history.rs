//! A forecast's history: every commit that changed its block, newest first, with who
//! made it, when, and what changed ("outcome: open → true"). `hindsight log ID` prints it;
//! the app's detail view shows it.
//!
//! The history is read as a stream: one version of the file at a time, of which only the
//! forecast is kept (and only the last two), so memory stays that of one version however
//! long the history. Every parent of a merge is followed, so a change that lost a settled
//! dispute is still told, and so is the merge that set it aside.

use std::collections::VecDeque;
use std::path::Path;

use super::run::{BlobReader, git_output, git_run};
use crate::git::changes::{ForecastChange, OUTCOME_FACETS, find_forecast, forecast_field_changes};
use crate::ledger::Forecast;
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
///
/// A merge is told only for what it decided: each side's change to the forecast that it
/// did not keep (told against that side, so both verdicts of a settled dispute show), and
/// a change no side made (told against the first parent). What a merge took unchanged
/// from one side is told once, in the commit that made it.
pub fn history(dir: &Path, file: &Path, id: &str) -> Result<Vec<HistoryEntry>, String> {
    let mut versions = Versions::open(dir, file, id)?;
    walk(dir, file, &mut versions)
}

/// One commit of the file's log.
struct Commit<'a> {
    id: &'a str,
    parents: Vec<&'a str>,
    author: &'a str,
    date: &'a str,
    subject: &'a str,
}

fn walk(dir: &Path, file: &Path, versions: &mut Versions) -> Result<Vec<HistoryEntry>, String> {
    let limit = MAX_COMMITS.to_string();
    // Every commit that changed the file, merges included, on every side of every merge
    // (git's default would follow one side of a merge that kept that side's file).
    let log = git_output(
        dir,
        &[
            "log",
            "--full-history",
            "-z",
            "-n",
            &limit,
            "--date=short",
            "--format=%H%x1f%P%x1f%an%x1f%ad%x1f%s",
            "--",
            &versions.relative,
        ],
    )?;
    let commits = log.split('\0').filter_map(|record| {
        let mut fields = record.trim_start_matches('\n').split('\x1f');
        Some(Commit {
            id: fields.next().filter(|id| !id.is_empty())?,
            parents: fields.next()?.split_whitespace().collect(),
            author: fields.next()?,
            date: fields.next()?,
            subject: fields.next().unwrap_or_default(),
        })
    });

    let mut entries = Vec::new();
    let working = match crate::ledger::read_bytes(file) {
        // As the loader reads it: a byte-order mark is no part of the text.
        Ok(bytes) => match crate::ledger::into_text(file, bytes) {
            Ok(text) => versions.parse(&text),
            Err(_) => Version::Unreadable,
        },
        Err(_) => Version::Absent,
    };
    let head = versions.at("HEAD")?;
    if let Some(change) = change(&head, &working).filter(ForecastChange::is_change) {
        entries.push(HistoryEntry {
            commit: None,
            author: String::new(),
            date: String::new(),
            subject: "not committed yet".to_string(),
            change,
        });
    }
    for commit in commits {
        let after = versions.at(commit.id)?;
        if after == Version::Unreadable {
            continue;
        }
        let changes = match commit.parents.as_slice() {
            // A root commit: nothing before it.
            [] => vec![change(&Version::Absent, &after)],
            [parent] => vec![change(&versions.at(parent)?, &after)],
            parents => merge_changes(dir, versions, parents, &after)?,
        };
        for change in changes.into_iter().flatten() {
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
    }
    Ok(entries)
}

/// What a merge decided about the forecast, one change per parent (see [`history`]).
fn merge_changes(
    dir: &Path,
    versions: &mut Versions,
    parents: &[&str],
    merged: &Version,
) -> Result<Vec<Option<ForecastChange>>, String> {
    let mut sides = Vec::with_capacity(parents.len());
    for parent in parents {
        sides.push(versions.at(parent)?);
    }
    let against: Vec<Option<ForecastChange>> =
        sides.iter().map(|side| change(side, merged)).collect();
    if !against.iter().flatten().any(ForecastChange::is_change) {
        return Ok(Vec::new());
    }
    // What each side did to the forecast is told against the version where they parted.
    let base = match merge_base(dir, parents) {
        Some(base) => versions.at(&base)?,
        None => Version::Absent,
    };
    // A field (or the forecast's being there) that every side differs on was changed by
    // the merge itself.
    let all_differ = |name: &str| {
        against.iter().all(|change| match change {
            Some(ForecastChange::Fields(fields)) => {
                fields.iter().any(|field| group(field.field) == name)
            }
            Some(ForecastChange::Added | ForecastChange::Deleted) | None => true,
        })
    };
    let decided = sides
        .iter()
        .zip(&against)
        .enumerate()
        .map(|(i, (side, against_side))| {
            let against_side = against_side.as_ref()?;
            // What that side did to the forecast since the sides parted (`None`: unknown).
            let on_side = change(&base, side);
            let made_here = |name: &str| i == 0 && all_differ(name);
            match against_side {
                // Added or deleted over whatever the side did to the forecast.
                ForecastChange::Added | ForecastChange::Deleted => {
                    let touched = on_side.as_ref().is_none_or(ForecastChange::is_change);
                    (touched || made_here(PRESENCE)).then(|| against_side.clone())
                }
                ForecastChange::Fields(fields) => Some(ForecastChange::Fields(
                    fields
                        .iter()
                        .filter(|field| {
                            let name = group(field.field);
                            touches(on_side.as_ref(), name) || made_here(name)
                        })
                        .cloned()
                        .collect(),
                )),
            }
        });
    Ok(decided.collect())
}

/// The name `all_differ` gives a forecast being there or not.
const PRESENCE: &str = "presence";

/// A field's group: a verdict's date, judge, evidence and link go with the verdict, as a
/// history tells them.
fn group(field: &str) -> &str {
    if OUTCOME_FACETS.contains(&field) {
        "outcome"
    } else {
        field
    }
}

/// Whether `change` (`None`: not known) touched the field group `name`; adding or
/// deleting the forecast touches them all.
fn touches(change: Option<&ForecastChange>, name: &str) -> bool {
    match change {
        None | Some(ForecastChange::Added | ForecastChange::Deleted) => true,
        Some(ForecastChange::Fields(fields)) => fields.iter().any(|f| group(f.field) == name),
    }
}

/// The commit where the parents of a merge parted (`None`: unrelated histories).
fn merge_base(dir: &Path, parents: &[&str]) -> Option<String> {
    let mut args = vec!["merge-base", "--octopus"];
    args.extend(parents);
    let output = git_run(dir, &args).ok()?;
    let base = String::from_utf8(output.stdout).ok()?;
    let base = base.trim();
    (output.status.success() && !base.is_empty()).then(|| base.to_string())
}

/// What changed from one version to the next; `None` when either cannot be read.
fn change(before: &Version, after: &Version) -> Option<ForecastChange> {
    Some(forecast_field_changes(
        before.forecast()?,
        after.forecast()?,
    ))
}

/// The forecast in one version of the file.
#[derive(Clone, Debug, PartialEq)]
enum Version {
    /// The version does not parse (a committed conflict), is too large or is not text.
    Unreadable,
    /// The file, or the forecast in it, is not there.
    Absent,
    Present(Box<Forecast>),
}

impl Version {
    /// `Some(None)` for an absent forecast, `None` for an unreadable version.
    fn forecast(&self) -> Option<Option<&Forecast>> {
        match self {
            Version::Unreadable => None,
            Version::Absent => Some(None),
            Version::Present(forecast) => Some(Some(&**forecast)),
        }
    }
}

/// The forecast's versions, read from git one at a time by commit: a version's text lives
/// only while it is parsed, and of the forecasts found only the last two are kept (a
/// commit's and its parent's, which is the next commit's own in a line of commits), so no
/// version is read twice in a line of commits.
struct Versions {
    reader: BlobReader,
    /// The file's path from the folder git runs in (`./…`).
    relative: String,
    id: String,
    /// The last versions read, by blob id: at most [`Versions::KEPT`].
    recent: VecDeque<(String, Version)>,
}

impl Versions {
    const KEPT: usize = 2;

    fn open(dir: &Path, file: &Path, id: &str) -> Result<Versions, String> {
        let relative = file.strip_prefix(dir).unwrap_or(file);
        Ok(Versions {
            reader: BlobReader::open(dir)?,
            // `./` makes the blob name relative to `dir`, where git runs.
            relative: format!("./{}", relative.to_string_lossy()),
            id: id.to_string(),
            recent: VecDeque::with_capacity(Self::KEPT),
        })
    }

    /// The forecast as commit `rev` has it.
    fn at(&mut self, rev: &str) -> Result<Version, String> {
        let Some(blob) = self.reader.blob(&format!("{rev}:{}", self.relative))? else {
            return Ok(Version::Absent);
        };
        if let Some((_, version)) = self.recent.iter().find(|(id, _)| *id == blob.id) {
            return Ok(version.clone());
        }
        let version = match self.reader.text(&blob, MAX_FILE_BYTES)? {
            Some(text) => parse_version(&self.relative, &self.id, text),
            None => Version::Unreadable,
        };
        if self.recent.len() == Self::KEPT {
            self.recent.pop_front();
        }
        self.recent.push_back((blob.id, version.clone()));
        Ok(version)
    }

    /// The forecast in a version's text.
    fn parse(&self, text: &str) -> Version {
        parse_version(&self.relative, &self.id, text)
    }
}

fn parse_version(relative: &str, id: &str, text: &str) -> Version {
    match find_forecast(Path::new(relative), text, id) {
        None => Version::Unreadable,
        Some(None) => Version::Absent,
        Some(Some(forecast)) => Version::Present(Box::new(forecast)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .args(["-c", "user.name=Tester", "-c", "user.email=t@example.org"])
            .args(["-c", "init.defaultBranch=main"])
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(status.status.success(), "git {args:?}: {status:?}");
    }

    /// A scenario with forecast `a` (its claim and outcome given) and, after it, forecast
    /// `b` whose quote is `padding` bytes long: a file of some size.
    fn scenario(claim: &str, outcome: &str, padding: usize) -> String {
        let forecast = |id: &str, quote: &str, claim: &str, outcome: &str| {
            format!(
                "        Forecast(\n            id: \"{id}\",\n            by: \"ada\",\n            source: \"wire\",\n            made: \"2022-03-05\",\n            quote: \"{quote}\",\n            claim: \"{claim}\",\n            expression: \"will\",\n            resolve_by: Stated(\"2022-06-30\"),\n            outcome: {outcome},\n        ),\n"
            )
        };
        format!(
            "Scenario(\n    format: 1,\n    id: \"s\",\n    title: \"S\",\n    sources: [\n        Source(\n            id: \"wire\",\n            outlet: \"Wire\",\n            title: \"T\",\n            published: \"2022-03-05\",\n        ),\n    ],\n    forecasts: [\n{}\n{}    ],\n)\n",
            forecast("a", "It will.", claim, outcome),
            forecast("b", &"x".repeat(padding), "B.", "Open"),
        )
    }

    fn commit(dir: &Path, text: &str, message: &str) {
        std::fs::write(dir.join("s.ron"), text).unwrap();
        git(dir, &["commit", "-qam", message]);
    }

    fn repository(first: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        git(dir.path(), &["init", "-q"]);
        std::fs::write(dir.path().join("s.ron"), first).unwrap();
        git(dir.path(), &["add", "."]);
        git(dir.path(), &["commit", "-qm", "first"]);
        dir
    }

    /// The history as `hindsight log` tells it (without dates and commit ids), and what
    /// reading it held.
    fn told(dir: &Path) -> (Vec<String>, Versions) {
        let file = dir.join("s.ron");
        let mut versions = Versions::open(dir, &file, "a").unwrap();
        let entries = walk(dir, &file, &mut versions).unwrap();
        let told = entries
            .iter()
            .map(|entry| format!("{}: {}", entry.subject, entry.change))
            .collect();
        (told, versions)
    }

    #[test]
    fn a_long_history_is_read_one_version_at_a_time_each_once() {
        const PADDING: usize = 200_000;
        let repo = repository(&scenario("Claim 0.", "Open", PADDING));
        let mut largest = 0;
        for n in 1..=30 {
            let text = scenario(&format!("Claim {n}."), "Open", PADDING + n);
            largest = largest.max(text.len());
            commit(repo.path(), &text, &format!("edit {n}"));
        }
        let (told, versions) = told(repo.path());
        assert_eq!(told.len(), 31, "{told:?}");
        assert_eq!(told[0], "edit 30: claim: Claim 29. → Claim 30.");
        assert_eq!(told[30], "first: added");
        // Each version is read once (a commit's parent is the next commit's own), ...
        assert_eq!(versions.reader.texts_read, 31);
        // ... into one buffer, never two versions at once, ...
        assert!(
            versions.reader.held() < 2 * largest,
            "{} bytes held for versions of {largest}",
            versions.reader.held()
        );
        // ... and of the forecasts found only the last two are kept.
        assert!(versions.recent.len() <= Versions::KEPT);
    }

    #[test]
    fn a_merge_that_kept_a_deletion_over_an_edit_tells_the_edit_it_set_aside() {
        let repo = repository(&scenario("Claim.", "Open", 10));
        let without_a = |text: String| {
            let start = text
                .find("        Forecast(\n            id: \"a\"")
                .unwrap();
            let end = text
                .find("        Forecast(\n            id: \"b\"")
                .unwrap();
            format!("{}{}", &text[..start], &text[end..])
        };
        git(repo.path(), &["checkout", "-qb", "side"]);
        commit(repo.path(), &scenario("New claim.", "Open", 10), "edit a");
        git(repo.path(), &["checkout", "-q", "main"]);
        let deleted = without_a(scenario("Claim.", "Open", 10));
        commit(repo.path(), &deleted, "delete a");
        // The deletion and the edit are a conflict; it is settled by keeping the deletion.
        let merge = Command::new("git")
            .args(["merge", "-q", "--no-edit", "side"])
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert!(!merge.status.success());
        std::fs::write(repo.path().join("s.ron"), &deleted).unwrap();
        git(repo.path(), &["commit", "-qam", "settle"]);
        let (mut told, _) = told(repo.path());
        told[1..3].sort_unstable();
        assert_eq!(
            told,
            [
                "settle: deleted",
                "delete a: deleted",
                "edit a: claim: Claim. → New claim.",
                "first: added"
            ]
        );
    }

    #[test]
    fn a_merge_that_kept_both_sides_changes_tells_nothing_of_its_own() {
        let resolved = "Resolved(verdict: True, on: \"2022-07-01\")";
        let repo = repository(&scenario("Claim.", "Open", 10));
        git(repo.path(), &["checkout", "-qb", "side"]);
        commit(repo.path(), &scenario("New claim.", "Open", 11), "edit a");
        git(repo.path(), &["checkout", "-q", "main"]);
        commit(repo.path(), &scenario("Claim.", resolved, 10), "resolve a");
        git(repo.path(), &["merge", "-q", "--no-edit", "side"]);
        let merged = std::fs::read_to_string(repo.path().join("s.ron")).unwrap();
        assert!(merged.contains("New claim.") && merged.contains("verdict: True"));
        let (mut told, _) = told(repo.path());
        // Both sides' commits, in the order of their time (which may be one second).
        told[..2].sort_unstable();
        assert_eq!(
            told,
            [
                "edit a: claim: Claim. → New claim.",
                "resolve a: outcome: open → true",
                "first: added"
            ]
        );
    }
}
