//! What the app's git features stand on, with the real `git` and a bare remote: the
//! status line's facts, a commit of the ledger files alone with a message saying what
//! changed, pull and push reported in the ledger's words or in git's own errors, and a
//! forecast's history.

use crate::common;

use std::path::{Path, PathBuf};

use common::{
    Team, assert_succeeded, git, git_setup, hindsight_in, resolve_minister, with_new_forecast,
};
use hindsight as repo;
use hindsight::FileState;

const FORECAST: &str = "bo-minister-resigns";

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
    resolve_minister(&ana.join("scenarios"), "true", "Judge");
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
    resolve_minister(&ana.join("scenarios"), "true", "Judge");
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
    resolve_minister(&ana.join("scenarios"), "true", "Judge");
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

/// Clones for Ana and Ben: Ana's verdict on the minister's forecast (true) pushed, Ben's
/// (false) committed in his clone, which it returns: a dispute waiting for Ben's pull.
fn opposite_verdicts(team: &Team) -> PathBuf {
    let (ana, ben) = (team.clone("ana"), team.clone("ben"));
    resolve_minister(&ana.join("scenarios"), "true", "Judge");
    commit_all(&ana);
    repo::push(&ana.join("scenarios")).unwrap();
    resolve_minister(&ben.join("scenarios"), "false", "Judge");
    commit_all(&ben);
    ben
}

#[test]
fn a_pull_that_brings_a_dispute_names_it_and_settling_it_concludes_the_merge() {
    let team = Team::new();
    let ben = opposite_verdicts(&team);

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
    resolve_minister(&ana.join("scenarios"), "true", "Judge");
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

/// A project repository holding the fixture's ledger in the folder `folder` (a name git's
/// attribute patterns could misread), committed on `main`.
fn repository_with_ledger_in(folder: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join(folder);
    common::copy_dir(&common::fixture_dir().join("scenarios"), &dir);
    common::copy_dir(
        &common::fixture_dir().join("seeds"),
        &root.path().join("seeds"),
    );
    git(root.path(), &["init", "-q"]);
    (root, dir)
}

/// Two branches each add a forecast at the end of `prices.ron` (a line conflict for git,
/// a clean merge by record), then `main` merges `theirs` with `PATH` as given.
fn add_on_two_branches_and_merge(root: &Path, dir: &Path, path_var: &str) -> std::process::Output {
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "ledger"]);
    git(root, &["checkout", "-qb", "theirs"]);
    add_to(dir, "their-forecast");
    git(root, &["commit", "-qam", "theirs"]);
    git(root, &["checkout", "-q", "main"]);
    add_to(dir, "our-forecast");
    git(root, &["commit", "-qam", "ours"]);
    std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["merge", "--no-edit", "theirs"])
        .current_dir(root)
        .env("PATH", path_var)
        .output()
        .unwrap()
}

fn add_to(dir: &Path, id: &str) {
    let path = dir.join("prices.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, with_new_forecast(&text, id)).unwrap();
}

/// `PATH` with git and the shell but no `hindsight`.
fn path_without_hindsight() -> String {
    "/usr/local/bin:/usr/bin:/bin".to_string()
}

#[test]
fn a_merge_left_unmerged_by_a_missing_driver_fails_check_until_merged_again_by_record() {
    let (root, dir) = repository_with_ledger_in("scenarios");
    let root = root.path();
    git_setup(&dir);
    // A clone set up before drivers fell back: the bare path of a binary since removed.
    git(
        root,
        &[
            "config",
            "merge.hindsight.driver",
            "'/gone/hindsight' merge-driver %O %A %B %P",
        ],
    );
    let merge = add_on_two_branches_and_merge(root, &dir, &path_without_hindsight());
    assert!(!merge.status.success(), "git reports a conflict");
    let text = std::fs::read_to_string(dir.join("prices.ron")).unwrap();
    assert!(
        text.contains("our-forecast")
            && !text.contains("their-forecast")
            && !text.contains("<<<<<<<"),
        "git left our side alone, unmarked: {text}"
    );

    // The file reads cleanly; check still fails, names it and says what to do.
    let check = common::hindsight(&["check", dir.to_str().unwrap()]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    let line = check
        .stdout
        .lines()
        .find(|line| line.contains("prices.ron:1:1: error: git lists this file as unmerged"))
        .unwrap_or_else(|| panic!("{}", check.stdout));
    assert!(line.contains("only this side's version"), "{line}");
    let file = dir.join("prices.ron");
    let redo = format!("git checkout -m -- {}`", file.display());
    assert!(line.contains(&redo), "{line}");
    // And it warns that the configured driver cannot run.
    assert!(
        check.stdout.contains(
            "warning: the merge driver this clone is set up with (/gone/hindsight) cannot be run"
        ),
        "{}",
        check.stdout
    );

    // The app's commit refuses, rather than `git add` one side.
    let status = repo::status(&dir).unwrap().unwrap();
    let refused = repo::commit(&dir, &status, &status.changed, "Merge").unwrap_err();
    assert!(
        refused.contains("nothing was committed") && refused.contains("only this side's version"),
        "{refused}"
    );
    assert!(
        !git(&dir, &["ls-files", "--unmerged"]).is_empty(),
        "still unmerged"
    );

    // Doing what it says merges the file by record: both forecasts, no markers.
    git_setup(&dir);
    git(&dir, &["checkout", "-m", "--", "prices.ron"]);
    let text = std::fs::read_to_string(dir.join("prices.ron")).unwrap();
    assert!(
        text.contains("our-forecast") && text.contains("their-forecast"),
        "{text}"
    );
    // Merged, but not yet added: a warning says how to conclude the merge.
    let check = common::hindsight(&["check", dir.to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    assert!(
        check.stdout.contains(
            &format!("prices.ron:1:1: warning: git lists this file as unmerged: once its disputes are settled, `git add {}`", file.display())
        ),
        "{}",
        check.stdout
    );
    git(&dir, &["add", "prices.ron"]);
    let check = common::hindsight(&["check", "--deny-warnings", dir.to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}", check.stdout);
}

#[test]
fn a_driver_whose_binary_moved_falls_back_to_hindsight_on_path_then_to_a_marked_line_merge() {
    // git-setup run by a copy of the binary that is then removed (a rebuild elsewhere).
    let tools = tempfile::tempdir().unwrap();
    let copy = tools.path().join("hindsight");
    std::fs::copy(env!("CARGO_BIN_EXE_hindsight"), &copy).unwrap();
    let set_up_by_copy = |dir: &Path| {
        let run = std::process::Command::new(&copy)
            .args(["git-setup", dir.to_str().unwrap()])
            .output()
            .unwrap();
        assert_succeeded(&run);
    };

    // With a `hindsight` on PATH, the merge is still by record.
    let (first, dir) = repository_with_ledger_in("scenarios");
    set_up_by_copy(&dir);
    std::fs::remove_file(&copy).unwrap();
    let on_path = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        env!("CARGO_BIN_EXE_hindsight"),
        on_path.path().join("hindsight"),
    )
    .unwrap();
    let path_var = format!("{}:{}", on_path.path().display(), path_without_hindsight());
    let merge = add_on_two_branches_and_merge(first.path(), &dir, &path_var);
    assert_succeeded(&merge);
    let text = std::fs::read_to_string(dir.join("prices.ron")).unwrap();
    assert!(
        text.contains("our-forecast") && text.contains("their-forecast"),
        "{text}"
    );

    // With none, git's line merge marks the conflict: nothing passes silently.
    std::fs::copy(env!("CARGO_BIN_EXE_hindsight"), &copy).unwrap();
    let (second, dir) = repository_with_ledger_in("scenarios");
    set_up_by_copy(&dir);
    std::fs::remove_file(&copy).unwrap();
    let merge = add_on_two_branches_and_merge(second.path(), &dir, &path_without_hindsight());
    assert!(!merge.status.success());
    assert!(
        String::from_utf8_lossy(&merge.stderr).contains("the merge driver cannot be run"),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let text = std::fs::read_to_string(dir.join("prices.ron")).unwrap();
    assert!(
        text.contains("<<<<<<<") && text.contains("their-forecast"),
        "{text}"
    );
    let check = common::hindsight(&["check", dir.to_str().unwrap()]);
    assert_eq!(check.status, 1);
    assert!(
        check.stdout.contains("unresolved merge conflict"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("cannot be run")
            && check.stdout.contains("merge by line instead of by record"),
        "{}",
        check.stdout
    );
}

#[test]
fn git_setup_routes_folders_whose_names_git_patterns_would_misread() {
    for folder in [
        "my scenarios",
        "ledger[2024]",
        "#notes",
        "prévisions d'été",
        "a*b?",
    ] {
        let (root, dir) = repository_with_ledger_in(folder);
        git_setup(&dir);
        for file in ["prices.ron", "regional/neighbours.ron"] {
            let answer = git(&dir, &["check-attr", "merge", "--", file]);
            assert!(
                answer.trim_end().ends_with("merge: hindsight"),
                "{folder}/{file}: {answer}"
            );
        }
        // The pattern matches the folder only: a sibling's files keep git's merge.
        std::fs::create_dir(root.path().join("other")).unwrap();
        let other = git(
            root.path(),
            &["check-attr", "merge", "--", "other/prices.ron"],
        );
        assert!(
            other.trim_end().ends_with("merge: unspecified"),
            "{folder}: {other}"
        );
    }
    // A real merge by record in a folder with a space in its name.
    let (root, dir) = repository_with_ledger_in("my scenarios");
    git_setup(&dir);
    let merge = add_on_two_branches_and_merge(root.path(), &dir, &std::env::var("PATH").unwrap());
    assert_succeeded(&merge);
}

#[test]
fn a_file_with_a_byte_order_mark_has_a_history_and_its_changes_described() {
    let (root, dir) = repository_with_ledger_in("scenarios");
    let root = root.path();
    let file = dir.join("prices.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("\u{feff}{text}")).unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "ledger"]);
    resolve_minister(&dir, "true", "Judge");
    assert!(
        std::fs::read(&file)
            .unwrap()
            .starts_with("\u{feff}".as_bytes())
    );
    // The uncommitted change is described, as a commit would be.
    let status = repo::status(&dir).unwrap().unwrap();
    let changes = repo::describe_changes(&dir, &status.changed);
    assert_eq!(
        repo::suggested_message(&status, &changes),
        "Resolve bo-minister-resigns as true"
    );
    git(root, &["commit", "-qam", "verdict"]);
    let history = repo::history(&dir, &file, FORECAST).unwrap();
    let lines: Vec<String> = history
        .iter()
        .map(|entry| format!("{}: {}", entry.subject, entry.change))
        .collect();
    assert_eq!(lines, ["verdict: outcome: open → true", "ledger: added"]);
}

#[test]
fn a_dispute_settled_our_way_is_only_a_warning_and_the_merge_commits() {
    // The driver ran; keeping our version leaves the file equal to our side, as a driver
    // that never ran would: with a driver that runs, that is a settlement, not a loss.
    let team = Team::new();
    let ben = opposite_verdicts(&team);
    let scenarios = ben.join("scenarios");
    repo::pull(&scenarios).unwrap();
    hindsight_in(&ben, &["resolve-dispute", FORECAST, "ours"]);

    let check = common::hindsight(&["check", scenarios.to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("warning: git lists this file as unmerged: once its disputes are settled"),
        "{}",
        check.stdout
    );
    assert_eq!(commit_all(&ben), "Merge");
    assert!(git(&ben, &["ls-files", "--unmerged"]).is_empty());
}

#[test]
fn conflict_markers_git_left_inside_a_quote_fail_check_until_the_merge_is_settled() {
    // Plain git, no driver: both sides change the second line of a two-line quote.
    let (root, dir) = repository_with_ledger_in("scenarios");
    let root = root.path();
    let file = dir.join("prices.ron");
    let with_second_line = |second: &str| {
        let text = std::fs::read_to_string(&file).unwrap();
        let at = text.find("quote: \"").unwrap() + "quote: \"".len();
        format!(
            "{}First line of the quote,\n{second}\n{}",
            &text[..at],
            &text[at..]
        )
    };
    std::fs::write(&file, with_second_line("as first written.")).unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "ledger"]);
    let base = std::fs::read_to_string(&file).unwrap();
    git(root, &["checkout", "-qb", "theirs"]);
    std::fs::write(
        &file,
        base.replace("as first written.", "as they heard it."),
    )
    .unwrap();
    git(root, &["commit", "-qam", "theirs"]);
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(&file, base.replace("as first written.", "as we heard it.")).unwrap();
    git(root, &["commit", "-qam", "ours"]);
    assert!(
        !common::git_output(root, &["merge", "--no-edit", "theirs"])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("<<<<<<<") && text.contains("as they heard it."),
        "{text}"
    );

    let check = common::hindsight(&["check", dir.to_str().unwrap()]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    assert!(
        check.stdout.contains(
            "prices.ron:1:1: error: git lists this file as unmerged, and it still holds conflict markers"
        ),
        "{}",
        check.stdout
    );
}
