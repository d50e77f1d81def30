//! Relative scores and head-to-head on a small ledger worked by hand: three forecasters,
//! four questions, one forecast on the opposite side, and one forecaster who changed
//! their mind (the latest forecast counts).
//!
//! Worked values (p = probability for the question's claim):
//!
//! | question | happened | Ada | Bo            | Tokayev |
//! |----------|----------|-----|---------------|---------|
//! | q1       | yes      | 0.8 (0.1 before) | 0.6 | 0.3 |
//! | q2       | no       | 0.2 | 0.5           | —       |
//! | q3       | yes      | 0.9 | 0.3 (0.7 for the opposite claim) | 0.6 |
//! | q4       | no       | 0.4 | —             | —       |
//!
//! Brier per question: q1 Ada 0.04, Bo 0.16, Tokayev 0.49; q2 Ada 0.04, Bo 0.25; q3 Ada
//! 0.01, Bo 0.49, Tokayev 0.16. Relative Brier (own minus the others' median):
//! Ada (−0.285 − 0.21 − 0.315) / 3 = −0.27; Bo (−0.105 + 0.21 + 0.405) / 3 = 0.17;
//! Tokayev (0.39 − 0.09) / 2 = 0.15. q4 has one answer, so it is shared by no one.
//! Peer scores, 100 × (ln p − the others' mean ln p), p given to what happened, averaged:
//! Ada 61.876599678854, Bo −38.771693660189, Tokayev −34.657359027997 (computed with
//! Python's math.log). Ada against Bo: Ada better on q1, q2, q3: 3–0, and
//! scipy.stats.binomtest(3, 3, 0.5).pvalue = 0.25.

use crate::common;

use common::TempLedger;

fn forecast(id: &str, by: &str, p: f64, question: &str, made: &str) -> String {
    format!(
        "        Forecast(\n            id: \"{id}\",\n            by: \"{by}\",\n            source: \"wire\",\n            made: \"{made}\",\n            quote: \"A quote.\",\n            claim: \"A claim.\",\n            probability: {p},\n            resolve_by: Stated(\"2022-12-31\"),\n            question: {question},\n            outcome: Open,\n        ),\n"
    )
}

fn question(id: &str, verdict: &str) -> String {
    format!(
        "        Question(\n            id: \"{id}\",\n            claim: \"Claim {id}.\",\n            resolve_by: \"2022-12-31\",\n            outcome: Resolved(verdict: {verdict}, on: \"2022-12-31\", evidence: \"Seen.\"),\n        ),\n"
    )
}

fn ledger() -> TempLedger {
    let questions: String = [
        ("q1", "True"),
        ("q2", "False"),
        ("q3", "True"),
        ("q4", "False"),
    ]
    .iter()
    .map(|(id, verdict)| question(id, verdict))
    .collect();
    let same = |id: &str| format!("Same(\"{id}\")");
    let forecasts: String = [
        forecast(
            "ada-q1-early",
            "ada-fixture",
            0.1,
            &same("q1"),
            "2022-01-01",
        ),
        forecast("ada-q1", "ada-fixture", 0.8, &same("q1"), "2022-02-01"),
        forecast("bo-q1", "bo-testwell", 0.6, &same("q1"), "2022-02-01"),
        forecast(
            "tok-q1",
            "kassym-jomart-tokayev",
            0.3,
            &same("q1"),
            "2022-02-01",
        ),
        forecast("ada-q2", "ada-fixture", 0.2, &same("q2"), "2022-02-01"),
        forecast("bo-q2", "bo-testwell", 0.5, &same("q2"), "2022-02-01"),
        forecast("ada-q3", "ada-fixture", 0.9, &same("q3"), "2022-02-01"),
        forecast(
            "bo-q3",
            "bo-testwell",
            0.7,
            "Opposite(\"q3\")",
            "2022-02-01",
        ),
        forecast(
            "tok-q3",
            "kassym-jomart-tokayev",
            0.6,
            &same("q3"),
            "2022-02-01",
        ),
        forecast("ada-q4", "ada-fixture", 0.4, &same("q4"), "2022-02-01"),
    ]
    .concat();
    let text = format!(
        "Scenario(\n    format: 1,\n    id: \"shared\",\n    title: \"Shared questions\",\n    sources: [\n        Source(\n            id: \"wire\",\n            outlet: \"Example Wire\",\n            title: \"Views\",\n            published: \"2022-01-01\",\n        ),\n    ],\n    questions: [\n{questions}    ],\n    forecasts: [\n{forecasts}    ],\n)\n"
    );
    let ledger = TempLedger::empty();
    std::fs::copy(
        common::fixture_dir().join("scenarios/people.ron"),
        ledger.path("people.ron"),
    )
    .unwrap();
    ledger.write("shared.ron", text);
    ledger
}

fn close(value: &serde_json::Value, expected: f64) {
    let got = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is no number"));
    assert!((got - expected).abs() < 1e-9, "{got} vs {expected}");
}

#[test]
fn relative_brier_and_peer_score_match_the_worked_values() {
    let ledger = ledger();
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    let report = ledger.run(&["report", "--format", "json"]).json();
    let group = |name: &str| {
        report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}: {report:#}"))
    };
    let ada = group("Ada Fixture");
    assert_eq!(ada["shared_questions"], 3);
    close(&ada["relative_brier"], -0.27);
    close(&ada["peer_score"], 61.876_599_678_854_21);
    let bo = group("Bo Testwell");
    assert_eq!(bo["shared_questions"], 3);
    close(&bo["relative_brier"], 0.17);
    close(&bo["peer_score"], -38.771_693_660_189_364);
    let tokayev = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"].as_str().unwrap().contains("Tokayev"))
        .unwrap();
    assert_eq!(tokayev["shared_questions"], 2);
    close(&tokayev["relative_brier"], 0.15);
    close(&tokayev["peer_score"], -34.657_359_027_997_266);
}

#[test]
fn compare_sets_two_forecasters_side_by_side_with_a_sign_test() {
    let ledger = ledger();
    let json = ledger
        .run(&["compare", "ada-fixture", "bo-testwell", "--format", "json"])
        .json();
    assert_eq!(json["a_wins"], 3);
    assert_eq!(json["b_wins"], 0);
    assert_eq!(json["ties"], 0);
    close(&json["sign_test_p"], 0.25);
    let questions: Vec<&str> = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["question"].as_str().unwrap())
        .collect();
    assert_eq!(questions, ["q1", "q2", "q3"]);
    let q3 = &json["questions"][2];
    close(&q3["b_probability"], 0.3);
    close(&q3["b_brier"], 0.49);
    let table = ledger.run(&["compare", "Ada Fixture", "Bo Testwell"]);
    assert_eq!(table.status, 0, "{}", table.stderr);
    assert!(
        table
            .stdout
            .contains("A better on 3, B better on 0, ties 0"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("p = 0.250"), "{}", table.stdout);
    let unknown = ledger.run(&["compare", "ada-fixture", "nobody-here"]);
    assert_eq!(unknown.status, 2);
    assert!(
        unknown.stderr.contains("no forecaster 'nobody-here'"),
        "{}",
        unknown.stderr
    );
}
