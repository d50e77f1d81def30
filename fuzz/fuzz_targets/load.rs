//! Any bytes as a scenario file in a folder beside a good one: the whole loader (walk,
//! read, parse, validate) never panics, and the good file always loads.

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
    let ledger = hindsight::ledger::load(dir, today).unwrap();
    assert!(
        ledger.find("good-forecast").is_some(),
        "a broken neighbour stopped a good file from loading"
    );
});
