//! Any bytes as a scenario file in a folder beside a good one: the whole loader (walk,
//! read, parse, validate) never panics, the good file always loads, and the narrow load
//! that `resolve` uses finds every forecast the whole load finds, however its id is spelled.

#![no_main]

use libfuzzer_sys::fuzz_target;

const GOOD: &str = r#"Scenario(
    format: 1,
    id: "good",
    title: "A good scenario",
    sources: [
        Source(id: "s", outlet: "O", title: "T", published: "2022-01-01"),
    ],
    forecasts: [
        Forecast(
            id: "good-forecast",
            by: "someone",
            source: "s",
            made: "2022-01-01",
            quote: "It will likely happen.",
            claim: "It happens.",
            expression: "likely",
            resolve_by: Default("2023-01-01"),
            outcome: Open,
        ),
    ],
)
"#;

fuzz_target!(|data: &[u8]| {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path();
    std::fs::write(dir.join("good.ron"), GOOD).unwrap();
    std::fs::write(dir.join("fuzzed.ron"), data).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let ledger = hindsight::load(dir, today).unwrap();
    assert!(
        ledger.find("good-forecast").is_some(),
        "a broken neighbour stopped a good file from loading"
    );
    let ids: std::collections::BTreeSet<&str> = ledger
        .files
        .iter()
        .flat_map(|file| &file.scenario.forecasts)
        .map(|forecast| forecast.id.as_str())
        .take(8)
        .collect();
    for id in ids {
        let narrow = hindsight::load_holding(dir, today, id).unwrap();
        assert_eq!(
            narrow.find_all(id).len(),
            ledger.find_all(id).len(),
            "the narrow load sees another number of forecasts '{id}'"
        );
    }
});
