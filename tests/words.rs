//! Words on trial, against values worked by hand: who called it, what a phrase turned out
//! to mean (with its Wilson interval), the scores at the low and high readings of the
//! phrase table, and a leaderboard place that changes between readings.
//!
//! The ledger: "likely" is 70% in the built-in table, with the range 60–75%.
//! - Ann says "likely", it happens: Brier 0.3² = 0.09; read low (0.6) 0.16, high (0.75)
//!   0.0625.
//! - Ben says 72% outright, it happens: Brier 0.28² = 0.0784 at every reading.
//! - Cas says "likely", it does not happen: Brier 0.49; low 0.36, high 0.5625.
//! - Dee says 50%, it happens (no lean); Eve says "likely", annulled (not scored).
//!
//! So Ben leads at the table's reading and the low one (Ann: 0.09, 0.16) but Ann leads at
//! the high one (0.0625): Ann is 2nd, between 1st and 2nd; Ben 1st, between 1st and 2nd.

use crate::common;

use common::TempLedger;
use common::numbers::{assert_close, assert_json_close};
use hindsight::{explain, phrase_calibration};

fn forecast(id: &str, by: &str, hedge: &str, verdict: &str) -> String {
    format!(
        r#"
        Forecast(
            id: "{id}",
            by: "{by}",
            source: "paper",
            made: "2022-01-05",
            quote: "It will {id}.",
            claim: "It {id}s by 2023.",
            {hedge},
            resolve_by: Stated("2023-01-01"),
            outcome: Resolved(
                verdict: {verdict},
                on: "2023-01-02",
                evidence: "Seen.",
            ),
        ),
"#
    )
}

fn ledger() -> TempLedger {
    let ledger = TempLedger::empty();
    let forecasts = [
        forecast("ann", "Ann", "expression: \"likely\"", "True"),
        forecast("ben", "Ben", "probability: 0.72", "True"),
        forecast("cas", "Cas", "expression: \"likely\"", "False"),
        forecast("dee", "Dee", "probability: 0.5", "True"),
        forecast("eve", "Eve", "expression: \"likely\"", "Annulled"),
    ]
    .concat();
    ledger.write(
        "words.ron",
        format!(
            r#"Scenario(
    format: 1,
    id: "words",
    title: "Words",
    sources: [
        Source(id: "paper", outlet: "Paper", title: "Forecasts", published: "2022-01-05"),
    ],
    forecasts: [{forecasts}    ],
)
"#
        ),
    );
    let people: String = ["Ann", "Ben", "Cas", "Dee", "Eve"]
        .iter()
        .map(|name| {
            format!(
                "        Person(id: \"{}\", name: \"{name}\"),\n",
                name.to_lowercase()
            )
        })
        .collect();
    ledger.write(
        "people.ron",
        format!("People(\n    format: 1,\n    people: [\n{people}    ],\n)\n"),
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    ledger
}

#[test]
fn the_call_says_whether_the_forecaster_leaned_the_way_it_went() {
    let ledger = ledger();
    let list = ledger.run(&["list", "--format", "json"]).json();
    let calls: Vec<(String, serde_json::Value)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].as_str().unwrap().to_string(), f["call"].clone()))
        .collect();
    let expected = [
        ("ann", "called"),
        ("ben", "called"),
        ("cas", "missed"),
        ("dee", "no_lean"),
    ];
    for (id, call) in expected {
        let found = calls.iter().find(|(i, _)| i == id).unwrap();
        assert_eq!(found.1, call, "{id}");
    }
    let eve = calls.iter().find(|(i, _)| i == "eve").unwrap();
    assert!(eve.1.is_null(), "annulled is not scored: {:?}", eve.1);

    let missed = ledger.run(&["list", "--call", "missed", "--format", "json"]);
    assert_eq!(missed.ids(), ["cas"]);
    let table = ledger.run(&["list"]);
    assert!(table.stdout.contains("CALL"), "{}", table.stdout);
    let csv = ledger.run(&["list", "--format", "csv"]);
    assert!(
        csv.stdout
            .lines()
            .next()
            .unwrap()
            .contains(",outcome,call,")
    );
}

#[test]
fn a_phrases_record_is_how_often_it_came_true_against_the_table() {
    let ledger = ledger();
    let loaded = ledger.load();
    let all: Vec<usize> = (0..loaded.entries.len()).collect();
    let records = phrase_calibration(&loaded, &all);
    assert_eq!(
        records.len(),
        1,
        "only phrases count, not stated probabilities"
    );
    let likely = &records[0];
    assert_eq!(likely.phrase, "likely");
    assert_eq!(likely.probability, 0.7);
    assert_eq!(likely.range, Some((0.6, 0.75)));
    assert_eq!(
        (likely.forecasts, likely.scored, likely.happened),
        (3, 2, 1),
        "Eve's annulled forecast counts, but is not scored"
    );
    assert_eq!(likely.frequency, Some(0.5));
    // Wilson, z = 1.96, 1 of 2: 0.5 ± 1.96·√(0.125 + 0.2401) / 2.9208.
    let (low, high) = likely.frequency_ci.unwrap();
    assert_close(low, 0.094_528_654_800_866, "low");
    assert_close(high, 0.905_471_345_199_134, "high");
    assert!(likely.small_sample);

    let report = ledger.run(&["report", "--by", "phrase", "--author", "Ann"]);
    assert_eq!(report.status, 0, "{}", report.stderr);
    let line = report
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("What the words meant"))
        .find(|l| l.starts_with("likely"))
        .unwrap_or_else(|| panic!("{}", report.stdout));
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        cells,
        [
            "likely*",
            "70%",
            "60–75%",
            "1",
            "1",
            "1",
            "100%",
            "0.21–1.00"
        ]
    );
}

#[test]
fn scores_at_each_reading_of_the_phrase_table_and_a_rank_that_changes() {
    let ledger = ledger();
    // Each has a forecast or two: ranked only when asked to rank on one.
    let report = ledger
        .run(&["report", "--format", "json", "--min-scored", "1"])
        .json();
    let group = |name: &str| {
        report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == name)
            .cloned()
            .unwrap()
    };
    let ann = group("Ann");
    assert_json_close(&ann["brier"], 0.09);
    assert_json_close(&ann["brier_low"], 0.16);
    assert_json_close(&ann["brier_high"], 0.0625);
    assert_json_close(&ann["brier_phrase_range"][0], 0.0625);
    assert_json_close(&ann["brier_phrase_range"][1], 0.16);
    assert_eq!(ann["rank"], 2);
    assert_eq!(ann["rank_range"], serde_json::json!([1, 2]));

    let ben = group("Ben");
    assert_json_close(&ben["brier"], 0.0784);
    assert_json_close(&ben["brier_phrase_range"][0], 0.0784);
    assert_json_close(&ben["brier_phrase_range"][1], 0.0784);
    assert_eq!(ben["rank"], 1);
    assert_eq!(ben["rank_range"], serde_json::json!([1, 2]));

    let cas = group("Cas");
    assert_json_close(&cas["brier_low"], 0.36);
    assert_json_close(&cas["brier_high"], 0.5625);
    assert_eq!(cas["rank_range"], serde_json::json!([4, 4]));

    // Dee (0.25 at every reading) is 3rd; Eve has nothing scored and no place.
    assert_eq!(group("Dee")["rank"], 3);
    assert!(group("Eve")["rank"].is_null());

    let table = ledger.run(&["report", "--min-scored", "1"]);
    let ann_line = table.stdout.lines().find(|l| l.starts_with("Ann")).unwrap();
    assert!(ann_line.contains("0.06–0.16     2 (1–2)"), "{ann_line}");
    // By default one forecast is too few to rank on.
    let table = ledger.run(&["report"]);
    let ann_line = table.stdout.lines().find(|l| l.starts_with("Ann")).unwrap();
    assert!(ann_line.contains("0.06–0.16     n<5"), "{ann_line}");
}

#[test]
fn one_forecasts_score_in_words() {
    let ledger = ledger();
    let loaded = ledger.load();
    let said = |id: &str| explain(&loaded.view(loaded.find(id).unwrap()), "→");
    assert_eq!(
        said("ann"),
        "“likely” → 70% (built-in table; Mauboussin 2018 median 70% (IQR 60-75), 60–75%) · happened · Brier 0.09 · log score 0.36 · called it"
    );
    assert_eq!(
        said("ben"),
        "stated 72% · happened · Brier 0.0784 · log score 0.33 · called it"
    );
    assert_eq!(
        said("eve"),
        "“likely” → 70% (built-in table; Mauboussin 2018 median 70% (IQR 60-75), 60–75%) · annulled (not scored)"
    );
}

#[test]
fn sorting_by_the_call_puts_called_then_missed_then_no_lean_then_not_scored() {
    let ledger = ledger();
    let loaded = ledger.load();
    let mut entries: Vec<usize> = (0..loaded.entries.len()).collect();
    hindsight::sort_entries(&loaded, &mut entries, hindsight::SortKey::Call, true);
    let ids: Vec<&str> = entries
        .iter()
        .map(|&e| loaded.view(e).forecast.id.as_str())
        .collect();
    assert_eq!(ids, ["ann", "ben", "cas", "dee", "eve"]);
}

#[test]
fn a_comparative_from_a_baseline_is_explained_and_has_its_own_row() {
    // The shipped ledger: "even more likely than he already was", the level being "likely".
    let scenarios = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let loaded = hindsight::load(&scenarios, common::today()).unwrap();
    let view = loaded.view(loaded.find("analysts-putin-runs-again-2024").unwrap());
    let said = explain(&view, "→");
    assert!(
        said.starts_with("“even more likely” than “likely” (70%) → 79% (built-in table;"),
        "{said}"
    );
    let all: Vec<usize> = (0..loaded.entries.len()).collect();
    let rows = phrase_calibration(&loaded, &all);
    let moved = rows
        .iter()
        .find(|r| r.phrase == "even more likely (than “likely”)")
        .unwrap_or_else(|| panic!("{:?}", rows.iter().map(|r| &r.phrase).collect::<Vec<_>>()));
    assert_close(moved.probability, 0.79, &moved.phrase);
}
