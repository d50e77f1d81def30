//! Questions: a proposition several forecasts speak to, resolved once. A forecast on a
//! question takes its verdict (negated on the opposite side) and its probability for the
//! question is p or 1 − p; its own claim, words and quote stay as they are.

use crate::common;

use common::TempLedger;

/// A scenario file with one question and three forecasts on it (two on its side, one on
/// the opposite side), and one forecast on no question.
const REFORM: &str = include_str!("fixtures/questions/reform.ron");

fn ledger() -> TempLedger {
    let ledger = TempLedger::fixture();
    ledger.write("reform.ron", REFORM);
    ledger
}

fn record<'a>(list: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed"))
}

#[test]
fn a_file_with_a_question_checks_and_lists_each_forecasts_side_and_probability() {
    let ledger = ledger();
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    let list = ledger.run(&["list", "--format", "json"]).json();
    let ada = record(&list, "ada-reform-likely");
    assert_eq!(ada["question"], "reform-passes-2022");
    assert_eq!(ada["question_side"], "same");
    assert_eq!(ada["question_probability"], ada["probability"]);
    let bo = record(&list, "bo-reform-fails");
    assert_eq!(bo["question_side"], "opposite");
    // "likely" for failing is 1 − that for passing.
    let p = bo["question_probability"].as_f64().unwrap();
    let own = bo["probability"].as_f64().unwrap();
    assert!(own > 0.5 && (p - (1.0 - own)).abs() < 1e-12, "{p} {own}");
    let strike = record(&list, "ada-strike");
    assert!(strike["question"].is_null() && strike["question_side"].is_null());

    let on_it = ledger
        .run(&[
            "list",
            "--question",
            "reform-passes-2022",
            "--format",
            "json",
        ])
        .json();
    let ids: Vec<&str> = on_it
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ada-reform-likely", "bo-reform-fails"]);
    let csv = ledger.run(&["list", "--format", "csv"]).stdout;
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains("question,question_side,question_probability")
    );
}

#[test]
fn resolving_the_question_resolves_every_forecast_on_it_each_from_its_side() {
    let ledger = ledger();
    let run = ledger.run(&[
        "resolve",
        "reform-passes-2022",
        "true",
        "--on",
        "2022-11-30",
        "--by",
        "Fixture Judge",
        "--evidence",
        "Passed its final reading on 30 November.",
    ]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("resolved reform-passes-2022 as true"),
        "{}",
        run.stdout
    );
    // Only the question's outcome changed in the file.
    let text = ledger.read("reform.ron");
    assert_eq!(text.matches("verdict: True").count(), 1, "{text}");
    assert_eq!(text.matches("outcome: Open").count(), 3, "{text}");

    let list = ledger.run(&["list", "--format", "json"]).json();
    let ada = record(&list, "ada-reform-likely");
    assert_eq!(ada["outcome"], "true");
    assert_eq!(ada["call"], "called");
    assert_eq!(ada["resolved_on"], "2022-11-30");
    let bo = record(&list, "bo-reform-fails");
    assert_eq!(bo["outcome"], "false", "the reform failing did not happen");
    assert_eq!(bo["call"], "missed");
    assert!(record(&list, "ada-strike")["outcome"].is_null());

    // A forecast on the question is not resolved on its own.
    let own = ledger.run(&["resolve", "bo-reform-fails", "true", "--by", "J"]);
    assert_ne!(own.status, 0);
    assert!(
        own.stderr.contains("answers question 'reform-passes-2022'"),
        "{}",
        own.stderr
    );

    // A second verdict on the question is refused without --force, as for a forecast.
    let again = ledger.run(&[
        "resolve",
        "reform-passes-2022",
        "false",
        "--on",
        "2022-12-01",
        "--by",
        "J",
    ]);
    assert_ne!(again.status, 0);
    assert!(
        again.stderr.contains("already has a verdict"),
        "{}",
        again.stderr
    );

    let reopen = ledger.run(&["reopen", "reform-passes-2022"]);
    assert_eq!(reopen.status, 0, "{}", reopen.stderr);
    let list = ledger.run(&["list", "--format", "json"]).json();
    assert!(record(&list, "ada-reform-likely")["outcome"].is_null());
}

#[test]
fn a_forecast_on_a_question_with_an_outcome_of_its_own_or_an_unknown_question_is_an_error() {
    let ledger = TempLedger::fixture();
    let own_outcome = REFORM.replacen(
        "question: Same(\"reform-passes-2022\"),\n            outcome: Open,",
        "question: Same(\"reform-passes-2022\"),\n            outcome: Resolved(verdict: True, on: \"2022-11-30\", evidence: \"Passed.\"),",
        1,
    );
    let unknown = own_outcome.replacen(
        "Opposite(\"reform-passes-2022\")",
        "Opposite(\"reform-pases-2022\")",
        1,
    );
    ledger.write("reform.ron", unknown);
    let check = ledger.run(&["check"]);
    assert_ne!(check.status, 0);
    let out = format!("{}{}", check.stdout, check.stderr);
    assert!(out.contains("carries no outcome of its own"), "{out}");
    assert!(
        out.contains(
            "unknown question 'reform-pases-2022'; questions in this file: reform-passes-2022"
        ),
        "{out}"
    );
    assert!(out.contains("reform.ron:"), "{out}");
}

#[test]
fn a_questions_text_and_link_are_checked_like_a_forecasts() {
    let ledger = TempLedger::fixture();
    let hostile = REFORM
        .replacen(
            "claim: \"Parliament passes",
            "claim: \"Parliament \\u{1b}[2J passes",
            1,
        )
        .replacen(
            "resolve_by: \"2022-12-31\",\n            outcome: Open,",
            "resolve_by: \"2022-12-31\",\n            note: \"Judged by the gazette.\",\n            outcome: Resolved(verdict: True, on: \"2022-11-30\", evidence: \"Passed.\", link: \"javascript:alert(1)\"),",
            1,
        );
    ledger.write("reform.ron", hostile);
    let check = ledger.run(&["check"]);
    let out = format!("{}{}", check.stdout, check.stderr);
    assert_ne!(check.status, 0, "{out}");
    assert!(
        out.contains("reform.ron:16:20:"),
        "the claim, by line and column: {out}"
    );
    assert!(out.contains("control character"), "{out}");
    assert!(
        out.contains("javascript:alert(1)"),
        "the link is named: {out}"
    );
    assert!(!out.contains('\u{1b}'), "nothing raw reaches the terminal");
}

#[test]
fn fmt_keeps_the_questions_and_their_links() {
    let ledger = ledger();
    let run = ledger.run(&["fmt"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let text = ledger.read("reform.ron");
    assert!(text.contains("questions: ["), "{text}");
    assert!(
        text.contains("question: Opposite(\"reform-passes-2022\")"),
        "{text}"
    );
    let check = ledger.run(&["fmt", "--check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
}

/// A team of two whose shared ledger has the reform file: (the team, Alice's clone, Bob's).
fn sharing_the_reform() -> (common::Team, std::path::PathBuf, std::path::PathBuf) {
    use common::{Team, git};
    let team = Team::new();
    let alice = team.clone("alice");
    let bob = team.clone("bob");
    std::fs::write(alice.join("scenarios/reform.ron"), REFORM).unwrap();
    git(&alice, &["add", "."]);
    git(&alice, &["commit", "-qm", "the reform"]);
    git(&alice, &["push", "-q", "origin", "HEAD"]);
    git(&bob, &["pull", "-q", "--no-rebase"]);
    (team, alice, bob)
}

/// Through the real `git` and Hindsight's merge driver: one person adds a question to a
/// file while another resolves a forecast in it; a third adds a question elsewhere in the
/// same list on the other side. Both questions and the verdict are kept.
#[test]
fn questions_merge_as_records_like_any_other() {
    use common::git;

    let (_team, alice, bob) = sharing_the_reform();

    // Alice adds a second question; Bob resolves the first.
    let path = alice.join("scenarios/reform.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let second = "        Question(\n            id: \"strike-2022\",\n            claim: \"Unions strike over the reform in 2022.\",\n            resolve_by: \"2022-12-31\",\n            outcome: Open,\n        ),\n    ],\n    forecasts: [";
    std::fs::write(
        &path,
        text.replacen("    ],\n    forecasts: [", &format!("\n{second}"), 1),
    )
    .unwrap();
    git(&alice, &["commit", "-qam", "a second question"]);
    git(&alice, &["push", "-q", "origin", "HEAD"]);

    common::hindsight_in(
        &bob,
        &[
            "resolve",
            "reform-passes-2022",
            "true",
            "--on",
            "2022-11-30",
            "--by",
            "Bob",
            "--evidence",
            "Passed.",
        ],
    );
    git(&bob, &["commit", "-qam", "resolve the reform question"]);
    git(&bob, &["pull", "-q", "--no-rebase", "--no-edit"]);
    assert!(
        git(&bob, &["status", "--porcelain"]).is_empty(),
        "a clean merge"
    );
    let merged = std::fs::read_to_string(bob.join("scenarios/reform.ron")).unwrap();
    assert!(merged.contains("id: \"strike-2022\""), "{merged}");
    assert!(merged.contains("verdict: True"), "{merged}");
    let check = common::hindsight(&["check", bob.join("scenarios").to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
}

/// Two people give the question different verdicts: the merge keeps both versions as a
/// dispute, `check` names it, and `resolve-dispute` keeps one, as for any record.
#[test]
fn two_verdicts_on_one_question_are_a_dispute_settled_like_any_other() {
    use common::{git, git_output, hindsight_in};

    let (_team, alice, bob) = sharing_the_reform();

    let verdict = |dir: &std::path::Path, verdict: &str, who: &str| {
        hindsight_in(
            dir,
            &[
                "resolve",
                "reform-passes-2022",
                verdict,
                "--on",
                "2022-11-30",
                "--by",
                who,
                "--evidence",
                &format!("{who} read the record."),
            ],
        );
        git(dir, &["commit", "-qam", &format!("{who}'s verdict")]);
    };
    verdict(&alice, "true", "Alice");
    git(&alice, &["push", "-q", "origin", "HEAD"]);
    verdict(&bob, "false", "Bob");
    // The merge stops on the dispute, as git does on a conflict.
    let pulled = git_output(&bob, &["pull", "-q", "--no-rebase", "--no-edit"]);
    assert!(!pulled.status.success());
    let check = common::hindsight(&["check", bob.join("scenarios").to_str().unwrap()]);
    let out = format!("{}{}", check.stdout, check.stderr);
    assert_ne!(check.status, 0);
    assert!(out.contains("reform-passes-2022"), "{out}");

    hindsight_in(&bob, &["resolve-dispute", "reform-passes-2022", "theirs"]);
    let text = std::fs::read_to_string(bob.join("scenarios/reform.ron")).unwrap();
    assert!(
        text.contains("Alice read the record.") && !text.contains("Bob read"),
        "{text}"
    );
    let list = common::hindsight(&[
        "list",
        "--question",
        "reform-passes-2022",
        "--format",
        "json",
        bob.join("scenarios").to_str().unwrap(),
    ])
    .json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|f| !f["outcome"].is_null()),
        "{list:#}"
    );
}

#[test]
fn a_question_id_is_unique_across_the_folder() {
    let ledger = ledger();
    // Another file with a question of the same id.
    let other = REFORM
        .replace("id: \"reform\"", "id: \"reform-two\"")
        .replace("id: \"ada-reform-likely\"", "id: \"ada-reform-likely-2\"")
        .replace("id: \"bo-reform-fails\"", "id: \"bo-reform-fails-2\"")
        .replace("id: \"ada-strike\"", "id: \"ada-strike-2\"");
    ledger.write("reform-two.ron", other);
    let check = ledger.run(&["check"]);
    assert_ne!(check.status, 0);
    let out = format!("{}{}", check.stdout, check.stderr);
    assert!(
        out.contains("question id 'reform-passes-2022' is already used (first at"),
        "{out}"
    );
}
