//! The three-way merge by record id (the core of the coming `hindsight merge-driver`),
//! on the fixture's canonical scenario and people files: what plain git conflicts on
//! merges, and only the same field changed two ways is a dispute.

use crate::common;

use std::path::Path;

use common::with_new_forecast;
use hindsight::FileKind;
use hindsight::Side;
use hindsight::parse;
use hindsight::{Dispute, MergeError, merge, settle};
use hindsight::{Outcome, People, Scenario, Verdict};

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

/// `text` without its line that starts (after the indentation) with `start`.
fn without_line(text: &str, start: &str) -> String {
    let at = text.find(&format!("\n    {start}")).unwrap() + 1;
    let end = at + text[at..].find('\n').unwrap() + 1;
    format!("{}{}", &text[..at], &text[end..])
}

/// `text` without the file's `sources` list (its lines, from `sources:` to `],`).
fn without_sources(text: &str) -> String {
    let at = text.find("\n    sources: [").unwrap() + 1;
    let end = at + text[at..].find("\n    ],\n").unwrap() + "\n    ],\n".len();
    format!("{}{}", &text[..at], &text[end..])
}

#[test]
fn tags_added_on_one_side_are_added_where_that_side_put_them() {
    let fixture = fixture("prices.ron");
    let base = without_line(&fixture, "tags:");
    let ours = with_new_forecast(&base, "ours-new");
    let merged = merge(FileKind::Scenario, &base, &ours, &fixture).unwrap();
    assert!(merged.disputes.is_empty());
    assert_eq!(merged.text, with_new_forecast(&fixture, "ours-new"));
    // The same the other way round: ours added them, theirs the forecast.
    let theirs = with_new_forecast(&base, "theirs-new");
    let merged = merge(FileKind::Scenario, &base, &fixture, &theirs).unwrap();
    assert_eq!(merged.text, with_new_forecast(&fixture, "theirs-new"));

    // Two fields added one after the other land in that order, after the title.
    let base = without_line(&without_line(&fixture, "summary:"), "tags:");
    let merged = merge(FileKind::Scenario, &base, &base, &fixture).unwrap();
    assert_eq!(merged.text, fixture);
}

#[test]
fn a_summary_removed_on_one_side_is_removed() {
    let base = fixture("prices.ron");
    let ours = without_line(&base, "summary:");
    let theirs = resolved_as(&base, "bo-minister-resigns", "True");
    let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
    assert!(merged.disputes.is_empty());
    assert_eq!(
        merged.text,
        resolved_as(&ours, "bo-minister-resigns", "True")
    );
    let merged = merge(FileKind::Scenario, &base, &theirs, &ours).unwrap();
    assert_eq!(
        merged.text,
        resolved_as(&ours, "bo-minister-resigns", "True")
    );
    assert_eq!(scenario(&merged.text).summary, "");
}

#[test]
fn a_summary_removed_on_one_side_and_changed_on_the_other_is_a_dispute() {
    let base = fixture("prices.ron");
    let removed = without_line(&base, "summary:");
    let changed = base.replace("A made-up scenario", "An invented scenario");
    for (ours, theirs, kept_by_ours) in [(&removed, &changed, ""), (&changed, &removed, "An")] {
        let merged = merge(FileKind::Scenario, &base, ours, theirs).unwrap();
        assert_eq!(
            merged.disputes,
            vec![Dispute {
                list: None,
                key: "summary".into(),
                fields: vec![],
            }]
        );
        let summary = |side| scenario(&settle(&merged.text, side)).summary;
        assert!(summary(Side::Ours).starts_with(kept_by_ours));
        assert_eq!(summary(Side::Ours).is_empty(), kept_by_ours.is_empty());
        assert_eq!(summary(Side::Theirs).is_empty(), !kept_by_ours.is_empty());
    }
}

#[test]
fn a_field_added_two_ways_is_a_dispute_that_loads_and_check_names() {
    let fixture = fixture("prices.ron");
    let base = without_line(&fixture, "summary:");
    let ours = fixture.replace("A made-up scenario", "Our scenario");
    let theirs = fixture.replace("A made-up scenario", "Their scenario");
    let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
    assert_eq!(
        merged.disputes,
        vec![Dispute {
            list: None,
            key: "summary".into(),
            fields: vec!["summary".into()],
        }]
    );
    // The markers go around that one line, where it was added.
    let marked = "    title: \"Prices and talks\",\n<<<<<<< ours\n    summary: \"Our scenario exercising every part of the format.\",\n=======\n    summary: \"Their scenario exercising every part of the format.\",\n>>>>>>> theirs\n    tags: [\"economy\"],\n";
    assert!(merged.text.contains(marked), "{}", merged.text);

    let ledger = common::TempLedger::fixture();
    ledger.write("prices.ron", &merged.text);
    let marker_line = merged.text[..merged.text.find("<<<<<<<").unwrap()]
        .lines()
        .count()
        + 1;
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    let expected = format!(
        "prices.ron:{marker_line}:1: error: the file's `summary` is disputed between two versions: summary: \"Our scenario exercising every part of the format.\" (ours) vs \"Their scenario exercising every part of the format.\" (theirs); keep one and remove the conflict markers"
    );
    assert!(check.stdout.contains(&expected), "{}", check.stdout);
    assert_eq!(
        check.stdout.matches(": error: ").count(),
        1,
        "{}",
        check.stdout
    );
    // Every forecast of the file still loads.
    assert_eq!(ledger.run(&["list", "--format", "json"]).ids().len(), 9);
}

#[test]
fn a_sources_list_added_on_one_side_merges_with_forecasts_added_on_the_other() {
    let fixture = fixture("prices.ron");
    let base = without_sources(&fixture);
    let with_forecast = with_new_forecast(&base, "new-forecast");
    let expected = with_new_forecast(&fixture, "new-forecast");
    // The list is on theirs only, then on ours only.
    for (ours, theirs) in [(&with_forecast, &fixture), (&fixture, &with_forecast)] {
        let merged = merge(FileKind::Scenario, &base, ours, theirs).unwrap();
        assert!(merged.disputes.is_empty());
        assert_eq!(merged.text, expected);
    }
    // The result passes check.
    let ledger = common::TempLedger::fixture();
    ledger.write("prices.ron", &expected);
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);

    // A list removed on one side and unchanged on the other is removed.
    let retitled = fixture.replace("Prices and talks", "Prices, talks");
    let merged = merge(FileKind::Scenario, &fixture, &retitled, &base).unwrap();
    assert_eq!(merged.text, without_sources(&retitled));

    // A list both sides add merges by id: each side's sources land.
    let source = |id: &str| {
        format!(
            "    sources: [\n        Source(\n            id: \"{id}\",\n            outlet: \"O\",\n            title: \"T\",\n            published: \"2022-03-04\",\n        ),\n    ],\n"
        )
    };
    let add = |id: &str| {
        base.replace(
            "    forecasts: [",
            &format!("{}    forecasts: [", source(id)),
        )
    };
    let merged = merge(
        FileKind::Scenario,
        &base,
        &add("ours-source"),
        &add("theirs-source"),
    )
    .unwrap();
    assert!(merged.disputes.is_empty());
    let ids: Vec<String> = scenario(&merged.text)
        .sources
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["ours-source", "theirs-source"]);
}

/// `phrases.ron` with `line` added as its last phrase.
fn with_phrase(text: &str, line: &str) -> String {
    let at = text.rfind("    ],\n)").unwrap();
    format!("{}        {line}\n{}", &text[..at], &text[at..])
}

#[test]
fn a_comment_on_a_phrases_line_stays_on_that_line_when_both_sides_add_phrases() {
    let base = fixture("phrases.ron").replace(
        "source: \"fixture convention\"),",
        "source: \"fixture convention\"), // agreed in March",
    );
    let ours = with_phrase(
        &base,
        "Phrase(phrase: \"toss-up\", probability: 0.5, source: \"a\"),",
    );
    let theirs = with_phrase(
        &base,
        "Phrase(phrase: \"doubtful\", probability: 0.2, source: \"b\"),",
    );
    let merged = merge(FileKind::Phrases, &base, &ours, &theirs).unwrap();
    assert!(merged.disputes.is_empty());
    assert!(
        merged
            .text
            .contains("source: \"fixture convention\"), // agreed in March\n"),
        "{}",
        merged.text
    );
    assert!(merged.text.contains("toss-up") && merged.text.contains("doubtful"));
}

#[test]
fn phrases_that_differ_only_in_case_are_one_phrase_to_the_merge() {
    let base = fixture("phrases.ron");
    let ours = with_phrase(
        &base,
        "Phrase(phrase: \"most likely\", probability: 0.8, source: \"a\"),",
    );
    let theirs = with_phrase(
        &base,
        "Phrase(phrase: \"Most  likely\", probability: 0.7, source: \"b\"),",
    );
    let merged = merge(FileKind::Phrases, &base, &ours, &theirs).unwrap();
    assert_eq!(
        merged.disputes,
        [Dispute {
            list: Some("phrases".into()),
            key: "most likely".into(),
            fields: vec!["phrase".into(), "probability".into(), "source".into()],
        }]
    );
    // One side renaming a phrase's case while the other changes its value is one change
    // each to one phrase.
    let ours = base.replace("phrase: \"likely\"", "phrase: \"Likely\"");
    let theirs = base.replace("probability: 0.75", "probability: 0.7");
    let merged = merge(FileKind::Phrases, &base, &ours, &theirs).unwrap();
    assert!(merged.disputes.is_empty());
    assert!(
        merged
            .text
            .contains("Phrase(phrase: \"Likely\", probability: 0.7,"),
        "{}",
        merged.text
    );
}

#[test]
fn a_version_with_one_id_twice_is_left_to_git() {
    let base = fixture("prices.ron");
    let ours = with_new_forecast(&base, "bo-minister-resigns");
    let theirs = with_new_forecast(&base, "theirs-new");
    assert_eq!(
        merge(FileKind::Scenario, &base, &ours, &theirs),
        Err(MergeError::IdReused(
            Side::Ours,
            "bo-minister-resigns".into()
        ))
    );
}

#[test]
fn a_merge_that_would_drop_a_comment_is_left_to_git() {
    // A comment between the file's own fields is not one the record merge carries over
    // from theirs; rather than drop it, the merge refuses.
    let base = fixture("prices.ron");
    let ours = with_new_forecast(&base, "ours-new");
    let theirs = with_new_forecast(&base, "theirs-new").replace(
        "    summary: ",
        "    // Shortened for the newsletter.\n    summary: ",
    );
    assert_eq!(
        merge(FileKind::Scenario, &base, &ours, &theirs),
        Err(MergeError::WouldLose(
            "the comment `// Shortened for the newsletter.`".into()
        ))
    );
}
