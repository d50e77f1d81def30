//! `hindsight init`: a new ledger that passes `check` and `fmt --check` as written, is
//! never written over, and merges by record id from the start when it is shared by git.

use crate::common::{git, hindsight};

fn path(dir: &std::path::Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn init_makes_a_ledger_that_checks_clean_and_refuses_to_write_over_one() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("new ledger");
    let run = hindsight(&["init", path(&dir)]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    for file in [
        "scenarios/people.ron",
        "scenarios/example.ron",
        "seeds/README.md",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    assert!(
        run.stdout.contains("not in a git repository"),
        "{}",
        run.stdout
    );

    let scenarios = dir.join("scenarios");
    let check = hindsight(&["check", "--deny-warnings", path(&scenarios)]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains("1 forecast, 0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
    let fmt = hindsight(&["fmt", "--check", path(&scenarios)]);
    assert_eq!(
        fmt.status, 0,
        "the example is canonical: {}{}",
        fmt.stdout, fmt.stderr
    );

    // The example's question judges its forecast: the commands a user tries next work.
    let question = hindsight(&[
        "list",
        "--question",
        "example-bridge-opens",
        path(&scenarios),
    ]);
    assert!(
        question.stdout.contains("example-engineer-bridge-on-time"),
        "{}",
        question.stdout
    );

    // A second init writes nothing over the first.
    std::fs::write(scenarios.join("example.ron"), "// mine\n").unwrap();
    let again = hindsight(&["init", path(&dir)]);
    assert_eq!(again.status, 2, "{}", again.stderr);
    assert!(
        again.stderr.contains("already holds ledger files"),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::read_to_string(scenarios.join("example.ron")).unwrap(),
        "// mine\n"
    );
}

#[test]
fn init_in_a_git_repository_sets_up_merging_by_record_id() {
    let home = tempfile::tempdir().unwrap();
    // --git makes the repository first.
    let made = home.path().join("made");
    let run = hindsight(&["init", "--git", path(&made)]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(made.join(".git").is_dir());
    // Inside a repository that exists, the ledger is routed to the driver without asking.
    let existing = home.path().join("existing");
    std::fs::create_dir(&existing).unwrap();
    git(&existing, &["init", "-q"]);
    let run = hindsight(&["init", path(&existing.join("ledger"))]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    for (repository, pattern) in [
        (&made, "scenarios/**/*.ron"),
        (&existing, "ledger/scenarios/**/*.ron"),
    ] {
        let attributes = std::fs::read_to_string(repository.join(".gitattributes")).unwrap();
        assert!(
            attributes.contains(&format!("{pattern} merge=hindsight")),
            "{attributes}"
        );
        let driver = git(repository, &["config", "--get", "merge.hindsight.driver"]);
        assert!(driver.contains("merge-driver"), "{driver}");
    }
}
