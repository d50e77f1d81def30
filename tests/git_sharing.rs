//! What the app's git features stand on, with the real `git` and a bare remote: the
//! status line's facts, a commit of the ledger files alone with a message saying what
//! changed, pull and push reported in the ledger's words or in git's own errors, and a
//! forecast's history.

mod common;

use std::path::Path;

use common::{Team, git, hindsight_in, resolve_minister, with_new_forecast};
use hindsight::git::{self as repo, FileState};

const FORECAST: &str = "bo-minister-resigns";

fn resolve(dir: &Path, verdict: &str) {
    resolve_minister(&dir.join("scenarios"), verdict, "Judge");
}

fn add_forecasts(dir: &Path, ids: &[&str]) {
    let path = dir.join("scenarios/prices.ron");
    let mut text = std::fs::read_to_string(&path).unwrap();
    for id in ids {
        text = with_new_forecast(&text, id);
    }
    std::fs::write(&path, text).unwrap();
}

/// Commits every changed ledger file as the app does, with the generated message.
fn commit_all(dir: &Path) -> String {
    let scenarios = dir.join("scenarios");
    let status = repo::status(&scenarios).unwrap().unwrap();
    let changes = repo::describe_changes(&scenarios, &status.changed);
    let message = repo::suggested_message(&status, &changes);
    repo::commit(&scenarios, &status, &status.changed, &message).unwrap();
    message
}

#[test]
fn the_status_names_the_branch_its_upstream_and_the_changed_ledger_files() {
    let team = Team::new();
    let ana = team.clone("ana");
    let scenarios = ana.join("scenarios");
    resolve(&ana, "true");
    std::fs::write(ana.join("notes.txt"), "not a ledger file").unwrap();
    std::fs::write(scenarios.join("new.ron"), "Scenario(").unwrap();

    let status = repo::status(&scenarios).unwrap().unwrap();
    assert_eq!(status.branch.as_deref(), Some("main"));
    assert_eq!(status.upstream.as_deref(), Some("origin/main"));
    assert_eq!((status.ahead, status.behind), (0, 0));
    let changed: Vec<(&str, FileState)> = status
        .changed
        .iter()
        .map(|file| (file.repo_path.as_str(), file.state))
        .collect();
    assert_eq!(
        changed,
        [
            ("scenarios/new.ron", FileState::Added),
            ("scenarios/prices.ron", FileState::Modified),
        ]
    );

    std::fs::remove_file(scenarios.join("new.ron")).unwrap();
    commit_all(&ana);
    let status = repo::status(&scenarios).unwrap().unwrap();
    assert_eq!((status.ahead, status.behind), (1, 0));
    assert!(status.changed.is_empty());
}

#[test]
fn a_folder_outside_any_repository_has_no_status() {
    let plain = tempfile::tempdir().unwrap();
    assert!(repo::status(plain.path()).is_none());
}

#[test]
fn a_commit_says_what_changed_and_takes_only_the_ledger_files() {
    let team = Team::new();
    let ana = team.clone("ana");
    resolve(&ana, "true");
    add_forecasts(&ana, &["ana-one", "ana-two"]);
    std::fs::write(ana.join("notes.txt"), "not a ledger file").unwrap();
    std::fs::write(ana.join("seeds/draft.txt"), "a draft").unwrap();

    let message = commit_all(&ana);
    assert_eq!(
        message,
        "Resolve bo-minister-resigns as true; add 2 forecasts to prices"
    );
    let committed = git(&ana, &["show", "--name-only", "--format=%an: %s", "HEAD"]);
    assert_eq!(
        committed.trim(),
        "ana: Resolve bo-minister-resigns as true; add 2 forecasts to prices\n\nscenarios/prices.ron"
    );
    let left = git(&ana, &["status", "--porcelain"]);
    assert!(left.contains("?? notes.txt"), "{left}");
}

#[test]
fn a_pull_says_what_came_in_and_a_push_what_went_out() {
    let team = Team::new();
    let (ana, ben) = (team.clone("ana"), team.clone("ben"));
    resolve(&ana, "true");
    commit_all(&ana);
    let pushed = repo::push(&ana.join("scenarios")).unwrap();
    assert_eq!(pushed, "Pushed main");

    add_forecasts(&ben, &["ben-one"]);
    commit_all(&ben);
    let report = repo::pull(&ben.join("scenarios")).unwrap();
    assert_eq!(
        report.summary(),
        "Pulled 1 commit: resolve bo-minister-resigns as true"
    );
    let text = std::fs::read_to_string(ben.join("scenarios/prices.ron")).unwrap();
    assert!(text.contains("ben-one") && !text.contains("<<<<<<<"));
    let status = repo::status(&ben.join("scenarios")).unwrap().unwrap();
    assert_eq!(
        (status.ahead, status.behind),
        (2, 0),
        "ben's commit and the merge"
    );

    let again = repo::pull(&ben.join("scenarios")).unwrap();
    assert_eq!(again.summary(), "Already up to date");
}

#[test]
fn a_pull_that_brings_a_dispute_names_it_and_settling_it_concludes_the_merge() {
    let team = Team::new();
    let (ana, ben) = (team.clone("ana"), team.clone("ben"));
    resolve(&ana, "true");
    commit_all(&ana);
    repo::push(&ana.join("scenarios")).unwrap();
    resolve(&ben, "false");
    commit_all(&ben);

    let scenarios = ben.join("scenarios");
    let report = repo::pull(&scenarios).unwrap();
    assert_eq!(report.conflicted, ["scenarios/prices.ron"]);
    assert_eq!(
        report.summary(),
        "Pulled 1 commit: resolve bo-minister-resigns as true. Conflicts in scenarios/prices.ron"
    );
    let ledger = hindsight::load(&scenarios, common::today()).unwrap();
    let disputed: Vec<&str> = ledger.disputes.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(disputed, [FORECAST]);

    hindsight_in(&ben, &["resolve-dispute", FORECAST, "theirs"]);
    let status = repo::status(&scenarios).unwrap().unwrap();
    assert!(status.merging);
    let message = commit_all(&ben);
    assert_eq!(message, "Merge: Resolve bo-minister-resigns as true");
    let parents = git(&ben, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    hindsight_in(&ben, &["check"]);
    repo::push(&scenarios).unwrap();
}

#[test]
fn push_and_pull_failures_are_gits_own_words() {
    let team = Team::new();
    let ana = team.clone("ana");
    let scenarios = ana.join("scenarios");
    git(&ana, &["checkout", "-q", "-b", "draft"]);
    let error = repo::push(&scenarios).unwrap_err();
    assert!(error.starts_with("git push failed:"), "{error}");
    assert!(error.contains("no upstream branch"), "{error}");

    git(&ana, &["checkout", "-q", "main"]);
    std::fs::remove_dir_all(&team.bare).unwrap();
    let error = repo::pull(&scenarios).unwrap_err();
    assert!(error.starts_with("git pull failed:"), "{error}");
    assert!(error.contains("ledger.git"), "names the remote: {error}");
}

#[test]
fn a_rejected_push_says_so_and_pulling_first_lets_it_through() {
    let team = Team::new();
    let (ana, ben) = (team.clone("ana"), team.clone("ben"));
    add_forecasts(&ana, &["ana-one"]);
    commit_all(&ana);
    repo::push(&ana.join("scenarios")).unwrap();
    add_forecasts(&ben, &["ben-one"]);
    commit_all(&ben);
    let error = repo::push(&ben.join("scenarios")).unwrap_err();
    assert!(error.contains("rejected"), "{error}");
    let report = repo::pull(&ben.join("scenarios")).unwrap();
    assert_eq!(report.summary(), "Pulled 1 commit: add ana-one to prices");
    assert_eq!(repo::push(&ben.join("scenarios")).unwrap(), "Pushed main");
}

#[test]
fn a_forecasts_history_names_each_commit_that_changed_it() {
    let team = Team::new();
    let ana = team.clone("ana");
    resolve(&ana, "true");
    commit_all(&ana);
    add_forecasts(&ana, &["unrelated"]);
    commit_all(&ana);
    hindsight_in(&ana, &["reopen", FORECAST]);

    let scenarios = ana.join("scenarios");
    let file = scenarios.join("prices.ron");
    let history = repo::history(&scenarios, &file, FORECAST).unwrap();
    let lines: Vec<String> = history
        .iter()
        .map(|entry| format!("{} {}: {}", entry.author, entry.subject, entry.change))
        .collect();
    assert_eq!(
        lines,
        [
            " not committed yet: outcome: true → open",
            "ana Resolve bo-minister-resigns as true: outcome: open → true",
            "Tester ledger: added",
        ]
    );

    let log = hindsight_in(&ana, &["log", FORECAST]);
    let printed: Vec<&str> = log.stdout.lines().collect();
    assert_eq!(printed.len(), 3, "{}", log.stdout);
    assert_eq!(printed[0], "not committed yet: outcome: true → open");
    assert!(
        printed[1].ends_with("  ana: outcome: open → true"),
        "{}",
        printed[1]
    );
    assert!(printed[2].ends_with("  Tester: added"), "{}", printed[2]);
}
