//! A call (`called`/`missed`) is made only when the words take a side: a phrase whose
//! published range takes in an even chance is `no_lean` whatever its point value, as is
//! p = 0.5. The hit rate counts only the calls.

use crate::common;

use common::{hindsight, shipped};

#[test]
fn possibility_words_take_no_side_in_the_shipped_ledger() {
    let list = hindsight(&["list", "--format", "json", &shipped()]).json();
    let mut straddling = 0;
    for f in list.as_array().unwrap() {
        let (Some(low), Some(high)) = (
            f["probability_low"].as_f64(),
            f["probability_high"].as_f64(),
        ) else {
            continue;
        };
        let p = f["probability"].as_f64().unwrap();
        assert!(low <= p && p <= high, "{f:#}");
        let scored = matches!(f["outcome"].as_str(), Some("true" | "false"));
        if !scored {
            continue;
        }
        if low <= 0.5 && 0.5 <= high {
            straddling += 1;
            assert_eq!(f["call"], "no_lean", "{}: {f:#}", f["id"]);
        } else {
            assert!(
                matches!(f["call"].as_str(), Some("called" | "missed")),
                "{f:#}"
            );
        }
    }
    // "could", "may", "I wouldn't be surprised" (20–50%, 25–55%) are in the seeds.
    assert!(straddling >= 3, "{straddling}");
}

#[test]
fn the_hit_rate_counts_only_the_calls() {
    let folder = shipped();
    let list = hindsight(&["list", "--format", "json", &folder]).json();
    let calls = |which: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|f| f["call"] == which)
            .count()
    };
    let report = hindsight(&["report", "--format", "json", &folder]).json();
    let overall = &report["overall"];
    assert_eq!(overall["hits"], calls("called"));
    assert_eq!(overall["decided"], calls("called") + calls("missed"));
}

#[test]
fn an_explicit_number_is_its_own_range() {
    let list = hindsight(&["list", "--format", "json", &shipped()]).json();
    for f in list.as_array().unwrap() {
        if f["probability_source"] == "explicit" {
            assert_eq!(f["probability_low"], f["probability"]);
            assert_eq!(f["probability_high"], f["probability"]);
        }
    }
}

#[test]
fn groups_and_institutions_are_listed_apart_and_small_records_are_not_ranked() {
    let folder = shipped();
    let report = hindsight(&["report", "--format", "json", &folder]).json();
    let names = |records: &serde_json::Value| -> Vec<String> {
        records
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    let collectives = &report["collectives"];
    let apart = names(collectives);
    assert!(
        apart.iter().any(|n| n.starts_with("Russian government")),
        "{apart:?}"
    );
    assert!(
        apart.iter().any(|n| n.starts_with("Numerous analysts")),
        "{apart:?}"
    );
    for record in collectives.as_array().unwrap() {
        assert!(record["rank"].is_null());
        assert!(matches!(
            record["kind"].as_str(),
            Some("group" | "institution")
        ));
    }
    for record in report["groups"].as_array().unwrap() {
        assert_eq!(record["kind"], "individual", "{record:#}");
        let scored = record["scored"].as_u64().unwrap();
        if scored >= 5 {
            assert!(record["rank"].is_u64(), "{record:#}");
        } else {
            assert!(record["rank"].is_null(), "{record:#}");
            if scored > 0 {
                assert_eq!(
                    record["not_ranked"],
                    format!("too few scored forecasts ({scored} of 5)")
                );
            }
        }
    }
    // Baunov's one tweet, scored twice, no longer tops the board.
    let first = &report["groups"][0];
    assert!(first["scored"].as_u64().unwrap() >= 5, "{first:#}");

    let together = hindsight(&["report", "--include-groups", "--format", "json", &folder]).json();
    assert!(together.get("collectives").is_none());
    let everyone = names(&together["groups"]);
    for name in &apart {
        assert!(everyone.contains(name), "{name}");
    }
    let table = hindsight(&["report", &folder]).stdout;
    assert!(
        table.contains("Groups and institutions, listed apart"),
        "{table}"
    );
    assert!(table.contains("n<5"), "{table}");
}
