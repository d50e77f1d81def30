//! The three-way merge by record id (the core of the coming `hindsight merge-driver`),
//! on the fixture's canonical scenario and people files: what plain git conflicts on
//! merges, and only the same field changed two ways is a dispute.

mod common;

use std::path::Path;

use common::with_new_forecast;
use hindsight::ledger::format::FileKind;
use hindsight::ledger::merge::{Dispute, MergeError, Side, merge, settle};
use hindsight::ledger::parse::parse;
use hindsight::ledger::{Outcome, People, Scenario, Verdict};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::fixture_dir().join("scenarios").join(name)).unwrap()
}

fn scenario(text: &str) -> Scenario {
    parse::<Scenario>(Path::new("merged.ron"), text)
        .unwrap_or_else(|problems| panic!("{problems:?}\n{text}"))
        .value
}

fn resolved_as(base: &str, id: &str, verdict: &str) -> String {
    let start = base.find(&format!("id: \"{id}\"")).unwrap();
    let open = start + base[start..].find("outcome: Open,").unwrap();
    format!(
        "{}outcome: Resolved(\n                verdict: {verdict},\n                on: \"2022-07-01\",\n                evidence: \"Seen.\",\n            ),{}",
        &base[..open],
        &base[open + "outcome: Open,".len()..]
    )
}

#[test]
fn forecasts_added_on_both_sides_both_land_where_git_would_conflict() {
    let base = fixture("prices.ron");
    let ours = with_new_forecast(&base, "ours-new");
    let theirs = with_new_forecast(&base, "theirs-new");
    let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
    assert!(merged.disputes.is_empty());
    let ids: Vec<String> = scenario(&merged.text)
        .forecasts
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(ids.len(), 9);
    assert_eq!(
        &ids[7..],
        ["ours-new", "theirs-new"],
        "base order, ours, theirs"
    );
    // Everything up to the new blocks is ours' bytes.
    let end_of_old = ours
        .find("\n        Forecast(\n            id: \"ours-new\"")
        .unwrap();
    assert_eq!(&merged.text[..end_of_old], &ours[..end_of_old]);
}

#[test]
fn a_claim_edited_on_one_side_and_a_verdict_on_the_other_both_land() {
    let base = fixture("prices.ron");
    let ours = base.replace(
        "The minister leaves office by 30 June 2022.",
        "The minister resigns or is dismissed by 30 June 2022.",
    );
    let theirs = resolved_as(&base, "bo-minister-resigns", "True");
    let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
    assert_eq!(merged.disputes, Vec::<Dispute>::new());
    let forecast = scenario(&merged.text)
        .forecasts
        .into_iter()
        .find(|f| f.id == "bo-minister-resigns")
        .unwrap();
    assert_eq!(
        forecast.claim,
        "The minister resigns or is dismissed by 30 June 2022."
    );
    assert_eq!(forecast.outcome.verdict(), Some(Verdict::True));
}

#[test]
fn the_same_verdict_on_both_sides_is_kept_once() {
    let base = fixture("prices.ron");
    let both = resolved_as(&base, "bo-minister-resigns", "False");
    let merged = merge(FileKind::Scenario, &base, &both, &both).unwrap();
    assert!(merged.disputes.is_empty());
    assert_eq!(merged.text, both);
}

#[test]
fn different_verdicts_are_a_dispute_around_that_forecast_alone() {
    let base = fixture("prices.ron");
    let ours = resolved_as(&base, "bo-minister-resigns", "True");
    // Theirs also edits another forecast, which must merge.
    let theirs = resolved_as(&base, "bo-minister-resigns", "False").replace(
        "The statistics office reported a rise.",
        "The statistics office reported a 4% rise.",
    );
    let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
    assert_eq!(
        merged.disputes,
        vec![Dispute {
            list: Some("forecasts".into()),
            key: "bo-minister-resigns".into(),
            fields: vec!["outcome".into()],
        }]
    );
    assert_eq!(merged.text.matches("<<<<<<< ours\n").count(), 1);
    for (side, verdict) in [(Side::Ours, Verdict::True), (Side::Theirs, Verdict::False)] {
        let settled = scenario(&settle(&merged.text, side));
        let find = |id: &str| {
            settled
                .forecasts
                .iter()
                .find(|f| f.id == id)
                .unwrap()
                .clone()
        };
        assert_eq!(find("bo-minister-resigns").outcome.verdict(), Some(verdict));
        let Outcome::Resolved(other) = find("ada-prices-rise").outcome else {
            panic!("still resolved")
        };
        assert_eq!(
            other.evidence.as_deref(),
            Some("The statistics office reported a 4% rise.")
        );
    }
}

#[test]
fn a_forecast_deleted_on_one_side_and_changed_on_the_other_is_a_dispute() {
    let base = fixture("prices.ron");
    let start = base
        .rfind("\n        Forecast(\n            id: \"bo-minister-resigns\"")
        .unwrap();
    let end = base[start..].find("\n        ),\n").unwrap() + start + "\n        ),".len();
    let ours = format!("{}{}", &base[..start - 1], &base[end..]);
    assert!(
        scenario(&ours)
            .forecasts
            .iter()
            .all(|f| f.id != "bo-minister-resigns")
    );
    let theirs = resolved_as(&base, "bo-minister-resigns", "True");
    let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
    assert_eq!(merged.disputes.len(), 1);
    assert!(merged.disputes[0].fields.is_empty());
    let kept_deleted = scenario(&settle(&merged.text, Side::Ours));
    assert!(
        kept_deleted
            .forecasts
            .iter()
            .all(|f| f.id != "bo-minister-resigns")
    );
    let kept_changed = scenario(&settle(&merged.text, Side::Theirs));
    assert!(
        kept_changed
            .forecasts
            .iter()
            .any(|f| f.id == "bo-minister-resigns")
    );
}

#[test]
fn people_added_on_both_sides_both_land() {
    let base = fixture("people.ron");
    let add = |name: &str| {
        let at = base.rfind("    ],\n)").unwrap();
        format!(
            "{}\n        Person(\n            id: \"{}\",\n            name: \"{name}\",\n        ),\n{}",
            &base[..at],
            name.to_lowercase().replace(' ', "-"),
            &base[at..]
        )
    };
    let merged = merge(
        FileKind::People,
        &base,
        &add("Nikolay Petrov"),
        &add("Tatiana Stanovaya"),
    )
    .unwrap();
    assert!(merged.disputes.is_empty());
    let people = parse::<People>(Path::new("people.ron"), &merged.text)
        .unwrap()
        .value;
    let ids: Vec<&str> = people.people.iter().map(|p| p.id.as_str()).collect();
    assert!(
        ids.ends_with(&["nikolay-petrov", "tatiana-stanovaya"]),
        "{ids:?}"
    );
}

#[test]
fn a_version_that_does_not_parse_is_left_to_git() {
    let base = fixture("prices.ron");
    let broken = base.replacen("outcome: Open,", "outcome: Opne,", 1);
    assert_eq!(
        merge(FileKind::Scenario, &base, &broken, &base),
        Err(MergeError::DoesNotParse(Side::Ours))
    );
}
