//! `--today D` reads the ledger as it stood on D: forecasts made after D are not there yet,
//! verdicts given after D are not known yet (the forecast counts as open), and none of that
//! is an error. A date after the real one is still a typo.

use crate::common;

use common::{TempLedger, hindsight, hindsight_as_of, shipped};

#[test]
fn the_shipped_ledger_as_of_june_2022_has_no_errors_and_counts_only_what_was_known() {
    let folder = shipped();
    let check = hindsight_as_of("2022-06-01", &["check", &folder]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stdout.contains("0 errors"), "{}", check.stdout);

    let all = hindsight_as_of("2022-06-01", &["list", "--format", "json", &folder]).json();
    let all = all.as_array().unwrap();
    let now = hindsight(&["list", "--format", "json", &folder]).json();
    let now = now.as_array().unwrap();
    // Every forecast of the shipped ledger was made in January 2022.
    assert_eq!(all.len(), now.len());
    let resolved_by_then = now
        .iter()
        .filter(|f| {
            f["resolved_on"]
                .as_str()
                .is_some_and(|on| on <= "2022-06-01")
        })
        .count();
    let resolved = |f: &&serde_json::Value| !f["resolved_on"].is_null();
    let resolved_as_of = all.iter().filter(resolved).count();
    assert_eq!(resolved_as_of, resolved_by_then, "{all:#?}");
    assert!(resolved_by_then < now.iter().filter(resolved).count());
    assert!(resolved_by_then > 0);

    let report = hindsight_as_of("2022-06-01", &["report", "--format", "json", &folder]).json();
    let overall = report["overall"].clone();
    assert_eq!(overall["resolved"], resolved_by_then, "{overall:#?}");
    assert_eq!(report["as_of"], "2022-06-01");
}

#[test]
fn a_forecast_made_after_the_day_is_not_there_yet() {
    let folder = shipped();
    let early = hindsight_as_of("2022-01-07", &["list", "--format", "json", &folder]).json();
    let early = early.as_array().unwrap();
    assert!(!early.is_empty());
    assert!(
        early
            .iter()
            .all(|f| f["made_on"].as_str().unwrap() <= "2022-01-07"),
        "{early:#?}"
    );
    let all = hindsight(&["list", "--format", "json", &folder]).json();
    assert!(early.len() < all.as_array().unwrap().len());
}

#[test]
fn a_verdict_dated_after_the_real_date_is_still_an_error() {
    let ledger = TempLedger::fixture();
    let text = ledger.read("prices.ron");
    let typo = text.replacen("on: \"2022-06-30\"", "on: \"2999-06-30\"", 1);
    assert_ne!(typo, text, "the fixture has a verdict to mistype");
    ledger.write("prices.ron", typo);
    let scenarios = ledger.scenarios();
    let check = hindsight_as_of("2022-06-01", &["check", scenarios.to_str().unwrap()]);
    assert_ne!(check.status, 0);
    assert!(
        check.stdout.contains("which is in the future")
            || check.stderr.contains("which is in the future"),
        "{}{}",
        check.stdout,
        check.stderr
    );
}
