//! The merge driver under the real `git`: after `hindsight git-setup`, the team actions
//! that plain git conflicts on merge cleanly, and different verdicts on one forecast are
//! a conflict git reports, marked around that forecast alone.

use crate::common;
use hindsight::Door;

use std::path::Path;
use std::process::Output;

use common::{
    TempLedger, assert_succeeded, git, git_output, git_setup, hindsight, resolve_minister,
    with_new_forecast,
};

/// The fixture ledger in a repository set up for the driver, with `alice` and `bob`
/// branches starting from the same commit.
fn repository() -> TempLedger {
    repository_with(|_| {})
}

/// [`repository`], with the fixture changed by `prepare` before the first commit.
fn repository_with(prepare: impl FnOnce(&TempLedger)) -> TempLedger {
    let ledger = TempLedger::fixture();
    prepare(&ledger);
    let root = ledger.root.path();
    git(root, &["init", "-q"]);
    let setup = git_setup(root);
    assert!(
        setup.stdout.contains("added to .gitattributes"),
        "{}",
        setup.stdout
    );
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "ledger"]);
    git(root, &["branch", "alice"]);
    git(root, &["branch", "bob"]);
    ledger
}

fn on_branch(ledger: &TempLedger, branch: &str, change: impl FnOnce(&TempLedger)) {
    let root = ledger.root.path();
    git(root, &["checkout", "-q", branch]);
    change(ledger);
    git(root, &["commit", "-qam", &format!("{branch}'s change")]);
}

fn add_forecast(ledger: &TempLedger, id: &str) {
    let text = ledger.read("prices.ron");
    ledger.write("prices.ron", with_new_forecast(&text, id));
}

fn merge_bob_into_alice(ledger: &TempLedger) -> Output {
    let root = ledger.root.path();
    git(root, &["checkout", "-q", "alice"]);
    git_output(root, &["merge", "-q", "--no-edit", "bob"])
}

/// [`merge_bob_into_alice`], which git must report clean.
fn merge_bob_into_alice_cleanly(ledger: &TempLedger) {
    let merged = merge_bob_into_alice(ledger);
    assert_succeeded(&merged);
}

#[test]
fn forecasts_added_by_two_people_to_one_file_merge_cleanly() {
    let ledger = repository();
    on_branch(&ledger, "alice", |l| add_forecast(l, "alice-forecast"));
    on_branch(&ledger, "bob", |l| add_forecast(l, "bob-forecast"));
    merge_bob_into_alice_cleanly(&ledger);
    let list = ledger.run(&["list", "--format", "json"]);
    assert_eq!(list.status, 0, "{}", list.stderr);
    let ids = list.ids();
    assert!(
        ids.contains(&"alice-forecast".into()) && ids.contains(&"bob-forecast".into()),
        "{ids:?}"
    );
    assert_eq!(ledger.run(&["check"]).status, 0);
    assert_eq!(
        ledger.run(&["fmt", "--check"]).status,
        0,
        "the merge is canonical"
    );
}

#[test]
fn people_added_by_two_people_merge_cleanly() {
    let ledger = repository();
    let add = |l: &TempLedger, id: &str, name: &str| {
        let text = l.read("people.ron");
        let at = text.rfind("    ],\n)").unwrap();
        l.write(
            "people.ron",
            format!("{}\n        Person(\n            id: \"{id}\",\n            name: \"{name}\",\n        ),\n{}", &text[..at], &text[at..]),
        );
    };
    on_branch(&ledger, "alice", |l| {
        add(l, "nikolay-petrov", "Nikolay Petrov")
    });
    on_branch(&ledger, "bob", |l| {
        add(l, "tatiana-stanovaya", "Tatiana Stanovaya")
    });
    merge_bob_into_alice_cleanly(&ledger);
    let people = ledger.read("people.ron");
    assert!(people.contains("Nikolay Petrov") && people.contains("Tatiana Stanovaya"));
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn a_claim_edited_while_the_other_records_the_verdict_merges_cleanly() {
    let ledger = repository();
    on_branch(&ledger, "alice", |l| {
        let text = l.read("prices.ron").replace(
            "The minister leaves office by 30 June 2022.",
            "The minister resigns or is dismissed by 30 June 2022.",
        );
        l.write("prices.ron", text);
    });
    on_branch(&ledger, "bob", |l| {
        resolve_minister(&l.scenarios(), "true", "Bob")
    });
    merge_bob_into_alice_cleanly(&ledger);
    let text = ledger.read("prices.ron");
    assert!(
        text.contains("resigns or is dismissed") && text.contains("evidence: \"Seen.\""),
        "{text}"
    );
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn different_verdicts_are_a_conflict_around_that_forecast_alone() {
    let ledger = repository();
    let verdict = |verdict: &'static str| {
        move |l: &TempLedger| resolve_minister(&l.scenarios(), verdict, "Judge")
    };
    on_branch(&ledger, "alice", verdict("true"));
    on_branch(&ledger, "bob", verdict("false"));
    let merged = merge_bob_into_alice(&ledger);
    assert!(!merged.status.success(), "git reports the conflict");
    let text = ledger.read("prices.ron");
    assert_eq!(text.matches("<<<<<<< ours").count(), 1, "{text}");
    let (before, after) = text.split_once("<<<<<<< ours").unwrap();
    let marked = &after[..after.find(">>>>>>> theirs").unwrap()];
    assert!(marked.contains("verdict: True") && marked.contains("verdict: False"));
    assert_eq!(
        marked.matches("id: \"").count(),
        2,
        "only that forecast, once per side"
    );
    assert!(
        before.contains("id: \"ada-rates-up\""),
        "the rest is merged around it"
    );

    // The file still loads: check names the disputed forecast and what differs, at the
    // marker, and every other forecast is listed.
    let marker_line = before.lines().count() + 1;
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1);
    let expected = format!(
        "prices.ron:{marker_line}:1: error: forecast 'bo-minister-resigns' is disputed between two versions: outcome: true (ours) vs false (theirs)"
    );
    assert!(check.stdout.contains(&expected), "{}", check.stdout);
    let list = ledger.run(&["list", "--format", "json"]);
    let ids = list.ids();
    assert_eq!(ids.len(), 8, "all but the disputed forecast: {ids:?}");
    assert!(!ids.contains(&"bo-minister-resigns".to_string()));

    // Keeping their version settles it: no markers, check passes, their verdict stands,
    // and the merge can be committed.
    let settled = ledger.run(&["resolve-dispute", "bo-minister-resigns", "theirs"]);
    assert_eq!(settled.status, 0, "{}", settled.stderr);
    assert!(
        settled
            .stdout
            .contains("kept their version of bo-minister-resigns"),
        "{}",
        settled.stdout
    );
    let text = ledger.read("prices.ron");
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    let list = ledger.run(&["list", "--format", "json"]);
    let settled_forecast = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "bo-minister-resigns")
        .cloned()
        .unwrap();
    assert_eq!(settled_forecast["outcome"], "false");
    git(
        ledger.root.path(),
        &["commit", "-qam", "settle the dispute"],
    );
    // The driver says what it did, on the merge's own output.
    assert!(
        String::from_utf8_lossy(&merged.stderr)
            .contains("forecast 'bo-minister-resigns' changed two ways (outcome)"),
        "{}{}",
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&merged.stderr)
    );
}

#[test]
fn rebasing_one_persons_additions_onto_the_others_is_clean() {
    let ledger = repository();
    on_branch(&ledger, "alice", |l| add_forecast(l, "alice-forecast"));
    on_branch(&ledger, "bob", |l| add_forecast(l, "bob-forecast"));
    let root = ledger.root.path();
    git(root, &["checkout", "-q", "bob"]);
    let rebased = git_output(root, &["rebase", "-q", "alice"]);
    assert_succeeded(&rebased);
    let text = ledger.read("prices.ron");
    assert!(text.contains("alice-forecast") && text.contains("bob-forecast"));
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn git_setup_is_idempotent() {
    let ledger = repository();
    let again = git_setup(ledger.root.path());
    assert!(!again.stdout.contains("added to .gitattributes"));
    let attributes = std::fs::read_to_string(ledger.root.path().join(".gitattributes")).unwrap();
    assert_eq!(
        attributes.matches("merge=hindsight").count(),
        1,
        "{attributes}"
    );
}

#[test]
fn a_plain_git_conflict_still_loads_the_rest_and_says_where_it_is() {
    // Without the driver (a clone that never ran git-setup), git's own line conflict.
    let ledger = TempLedger::fixture();
    let root = ledger.root.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "ledger"]);
    git(root, &["branch", "alice"]);
    git(root, &["branch", "bob"]);
    on_branch(&ledger, "alice", |l| add_forecast(l, "alice-forecast"));
    on_branch(&ledger, "bob", |l| add_forecast(l, "bob-forecast"));
    assert!(!merge_bob_into_alice(&ledger).status.success());
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1);
    assert!(
        check.stdout.contains("is disputed") || check.stdout.contains("unresolved merge conflict"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("unresolved merge conflict (lines"),
        "{}",
        check.stdout
    );
    // The records around the conflict still load, and so does the other scenario.
    let list = ledger.run(&["list", "--format", "json"]);
    let ids = list.ids();
    for id in ["ada-rates-up", "bo-minister-resigns", "tokayev-clear"] {
        assert!(ids.contains(&id.to_string()), "{id} not in {ids:?}");
    }
}

#[test]
fn two_clones_of_one_remote_pull_each_others_additions_cleanly() {
    // The way a team works: a bare remote, two clones, each set up (config is not cloned).
    let ledger = TempLedger::fixture();
    let root = ledger.root.path();
    git(root, &["init", "-q"]);
    git_setup(root);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "ledger"]);
    let remote = tempfile::tempdir().unwrap();
    let bare = remote.path().join("ledger.git");
    git(
        root,
        &["clone", "-q", "--bare", ".", bare.to_str().unwrap()],
    );

    let clone = |name: &str| {
        let dir = remote.path().join(name);
        git(
            remote.path(),
            &["clone", "-q", bare.to_str().unwrap(), name],
        );
        let setup = git_setup(&dir);
        assert!(
            !setup.stdout.contains("added to .gitattributes"),
            "the line came with the clone"
        );
        dir
    };
    let (ana, ben) = (clone("ana"), clone("ben"));
    let add = |dir: &Path, id: &str| {
        let path = dir.join("scenarios/prices.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, with_new_forecast(&text, id)).unwrap();
        git(dir, &["commit", "-qam", &format!("add {id}")]);
    };
    add(&ana, "ana-forecast");
    git(&ana, &["push", "-q", "origin", "HEAD"]);
    add(&ben, "ben-forecast");
    let pulled = git_output(
        &ben,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert_succeeded(&pulled);
    let text = std::fs::read_to_string(ben.join("scenarios/prices.ron")).unwrap();
    assert!(text.contains("ana-forecast") && text.contains("ben-forecast"));
    let check = hindsight(&["check", ben.join("scenarios").to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}", check.stdout);
}

#[test]
fn files_with_windows_line_endings_merge_by_record_and_keep_them() {
    // The driver as git calls it, on three versions written with \r\n.
    let ledger = TempLedger::fixture();
    let base = ledger.read("prices.ron");
    let with = |id: &str| with_new_forecast(&base, id).replace('\n', "\r\n");
    let dir = ledger.root.path();
    let (o, a, b) = (dir.join("O.ron"), dir.join("A.ron"), dir.join("B.ron"));
    std::fs::write(&o, base.replace('\n', "\r\n")).unwrap();
    std::fs::write(&a, with("ours-new")).unwrap();
    std::fs::write(&b, with("theirs-new")).unwrap();
    let run = hindsight(&[
        "merge-driver",
        o.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "scenarios/prices.ron",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let merged = std::fs::read_to_string(&a).unwrap();
    assert!(merged.contains("ours-new") && merged.contains("theirs-new"));
    assert_eq!(
        merged.matches('\n').count(),
        merged.matches("\r\n").count(),
        "every line still ends with CRLF"
    );
}

#[test]
fn git_setup_outside_a_repository_says_so_and_writes_nothing() {
    let ledger = TempLedger::fixture();
    let run = hindsight(&["git-setup", ledger.scenarios().to_str().unwrap()]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("not inside a git repository"),
        "{}",
        run.stderr
    );
    assert!(!ledger.root.path().join(".gitattributes").exists());
}

#[test]
fn the_same_verdict_recorded_on_both_sides_merges_cleanly_and_once() {
    let ledger = repository();
    on_branch(&ledger, "alice", |l| {
        resolve_minister(&l.scenarios(), "true", "Judge")
    });
    on_branch(&ledger, "bob", |l| {
        resolve_minister(&l.scenarios(), "true", "Judge")
    });
    merge_bob_into_alice_cleanly(&ledger);
    let text = ledger.read("prices.ron");
    assert_eq!(text.matches("id: \"bo-minister-resigns\"").count(), 1);
    assert_eq!(text.matches("evidence: \"Seen.\"").count(), 1, "{text}");
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn a_forecast_deleted_on_one_side_and_resolved_on_the_other_is_a_dispute_git_reports() {
    let ledger = repository();
    on_branch(&ledger, "alice", |l| {
        let loaded = l.load();
        let path = l.path("prices.ron");
        Door::of(&loaded, &path)
            .delete_forecast("bo-minister-resigns", None)
            .unwrap();
    });
    on_branch(&ledger, "bob", |l| {
        resolve_minister(&l.scenarios(), "true", "Bob")
    });
    let merged = merge_bob_into_alice(&ledger);
    assert!(!merged.status.success(), "git reports the conflict");
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1);
    assert!(
        check
            .stdout
            .contains("forecast 'bo-minister-resigns' is disputed between two versions: deleted (ours) vs changed (theirs)"),
        "{}",
        check.stdout
    );
    // Keeping ours (the deletion) removes it; the rest of the file is clean.
    ledger.run_ok(&["resolve-dispute", "bo-minister-resigns", "ours"]);
    assert_eq!(ledger.run(&["check"]).status, 0);
    let ids = ledger.run(&["list", "--format", "json"]).ids();
    assert!(!ids.contains(&"bo-minister-resigns".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 8);
}

/// `prices.ron` with `text` put before the line that starts with `before` (its first).
fn insert_before(ledger: &TempLedger, before: &str, text: &str) {
    let file = ledger.read("prices.ron");
    let at = file.find(before).unwrap();
    let at = file[..at].rfind('\n').map_or(0, |newline| newline + 1);
    ledger.write(
        "prices.ron",
        format!("{}{text}{}", &file[..at], &file[at..]),
    );
}

fn edit_claim(ledger: &TempLedger) {
    let text = ledger.read("prices.ron").replace(
        "Consumer prices rise between March and 21 June 2022.",
        "Consumer prices rise between 1 March and 21 June 2022.",
    );
    ledger.write("prices.ron", text);
}

#[test]
fn a_forecast_copied_with_its_id_keeps_both_copies_and_check_names_the_duplicate() {
    let ledger = repository();
    // Alice pastes a copy of a forecast at the end and changes its claim, keeping its id.
    on_branch(&ledger, "alice", |l| {
        let text = l.read("prices.ron");
        let start = text
            .find("        Forecast(\n            id: \"bo-minister-resigns\"")
            .unwrap();
        let end = start + text[start..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
        let copy = text[start..end].replace("leaves office", "is dismissed");
        let at = text.rfind("    ],\n)").unwrap();
        l.write(
            "prices.ron",
            format!("{}\n{copy}{}", &text[..at], &text[at..]),
        );
    });
    on_branch(&ledger, "bob", edit_claim);
    let merged = merge_bob_into_alice(&ledger);
    let text = ledger.read("prices.ron");
    assert_eq!(
        text.matches("id: \"bo-minister-resigns\"").count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("The minister leaves office by 30 June 2022.")
            && text.contains("The minister is dismissed by 30 June 2022.")
            && text.contains("between 1 March"),
        "the original, its copy and Bob's change: {text}"
    );
    // Git's line merge kept both, and the driver says why it used it.
    let stderr = String::from_utf8_lossy(&merged.stderr);
    assert!(
        stderr.contains("more than one record with the id 'bo-minister-resigns'"),
        "{stderr}"
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1);
    assert!(
        check
            .stdout
            .contains("duplicate forecast id 'bo-minister-resigns'"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_comment_after_the_last_forecast_survives_changes_on_both_sides() {
    let comment = "        // New forecasts go above this line.\n";
    let ledger = repository_with(|l| insert_before(l, "    ],\n)", comment));
    on_branch(&ledger, "alice", |l| {
        resolve_minister(&l.scenarios(), "true", "Alice")
    });
    on_branch(&ledger, "bob", edit_claim);
    merge_bob_into_alice_cleanly(&ledger);
    let text = ledger.read("prices.ron");
    assert!(
        text.contains(comment) && text.contains("between 1 March") && text.contains("Alice"),
        "{text}"
    );
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn comments_the_other_side_added_above_a_forecast_and_atop_the_file_survive() {
    let ledger = repository();
    on_branch(&ledger, "alice", edit_claim);
    on_branch(&ledger, "bob", |l| {
        insert_before(
            l,
            "            id: \"bo-minister-resigns\"",
            "        // Checked against the minutes.\n",
        );
        let text = l.read("prices.ron");
        // Two lines up, as `id:` is inside the block: move it above `Forecast(`.
        let text = text.replace(
            "        Forecast(\n        // Checked against the minutes.\n",
            "        // Checked against the minutes.\n        Forecast(\n",
        );
        l.write(
            "prices.ron",
            format!("// Reviewed by Bob in March.\n{text}"),
        );
    });
    merge_bob_into_alice_cleanly(&ledger);
    let text = ledger.read("prices.ron");
    assert!(
        text.starts_with("// Reviewed by Bob in March.\n")
            && text.contains("        // Checked against the minutes.\n        Forecast(\n            id: \"bo-minister-resigns\"")
            && text.contains("between 1 March"),
        "{text}"
    );
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn a_comment_added_inside_a_forecast_survives_the_verdict_recorded_on_the_other_side() {
    let ledger = repository();
    let comment = "            // Resigning and being dismissed both count.\n";
    on_branch(&ledger, "alice", |l| {
        resolve_minister(&l.scenarios(), "true", "Alice")
    });
    on_branch(&ledger, "bob", |l| {
        insert_before(
            l,
            "            claim: \"The minister leaves office",
            comment,
        )
    });
    merge_bob_into_alice_cleanly(&ledger);
    let text = ledger.read("prices.ron");
    let expected = format!("{comment}            claim: \"The minister leaves office");
    assert!(text.contains(&expected) && text.contains("Alice"), "{text}");
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn phrases_added_two_ways_that_differ_only_in_case_are_a_dispute() {
    let ledger = repository();
    let add = |phrase: &'static str, probability: &'static str| {
        move |l: &TempLedger| {
            let text = l.read("phrases.ron");
            let line = format!(
                "        Phrase(phrase: \"{phrase}\", probability: {probability}, source: \"team\"),\n"
            );
            let at = text.rfind("    ],\n)").unwrap();
            l.write(
                "phrases.ron",
                format!("{}{line}{}", &text[..at], &text[at..]),
            );
        }
    };
    on_branch(&ledger, "alice", add("most likely", "0.8"));
    on_branch(&ledger, "bob", add("Most likely", "0.7"));
    let merged = merge_bob_into_alice(&ledger);
    assert!(!merged.status.success(), "git reports the conflict");
    let text = ledger.read("phrases.ron");
    assert!(
        text.contains("<<<<<<< ours") && text.contains("0.8") && text.contains("0.7"),
        "{text}"
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1);
    assert!(
        check.stdout.contains("phrase 'most likely' is disputed"),
        "{}",
        check.stdout
    );
}
