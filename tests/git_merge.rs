//! Two people resolve different forecasts of one file on two branches: the real `git`
//! merges them without a conflict, and the merged ledger has both verdicts.

use crate::common;

use common::{TempLedger, git, hindsight};

#[test]
fn resolutions_of_neighbouring_forecasts_merge_without_conflict() {
    let ledger = TempLedger::fixture();
    let root = ledger.root.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "ledger"]);

    // Alice reopens one forecast; Bob resolves the one right after it in the same file.
    git(root, &["checkout", "-qb", "alice"]);
    ledger.run_ok(&["reopen", "ada-rates-up"]);
    git(root, &["commit", "-qam", "reopen ada-rates-up"]);

    git(root, &["checkout", "-q", "main"]);
    git(root, &["checkout", "-qb", "bob"]);
    ledger.run_ok(&[
        "resolve",
        "bo-minister-resigns",
        "false",
        "--on",
        "2022-07-01",
        "--evidence",
        "Still in office in July.",
    ]);
    ledger.run_ok(&[
        "resolve",
        "tokayev-clear",
        "ambiguous",
        "--on",
        "2026-01-01",
        "--evidence",
        "Unclear.",
    ]);
    git(root, &["commit", "-qam", "resolve two"]);

    git(root, &["merge", "-q", "--no-edit", "alice"]);
    assert!(
        git(root, &["status", "--porcelain"]).is_empty(),
        "a clean merge"
    );

    let listed = ledger.run(&["list", "--format", "json"]).json();
    let outcome = |id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap()["outcome"]
            .clone()
    };
    assert_eq!(
        outcome("ada-rates-up"),
        serde_json::Value::Null,
        "Alice's reopen"
    );
    assert_eq!(outcome("bo-minister-resigns"), "false", "Bob's resolution");
    assert_eq!(outcome("tokayev-clear"), "ambiguous");
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    let fmt = hindsight(&["fmt", "--check", ledger.scenarios().to_str().unwrap()]);
    assert_eq!(fmt.status, 0, "the merged file is still canonical");
}
