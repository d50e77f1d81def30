//! Disputes in the people registry and the phrase table: a merge that leaves one person or
//! phrase in two versions leaves a folder that still loads (everyone and everything else
//! is there), `check` names the disputed record at its marker, and `resolve-dispute`
//! leaves a clean file. A forecast's history after a dispute over it was settled shows both
//! sides.

use crate::common;
use hindsight::Door;

use common::{
    Team, TempLedger, commit_as_the_app_does, git_output, hindsight_in, resolve_minister,
};
use hindsight::FileKind;
use hindsight::merge;
use hindsight::{ForecastDraft, check_forecast};

/// The fixture's `file` merged from two versions that change it two ways.
fn disputed(file: &str, kind: FileKind, ours: (&str, &str), theirs: (&str, &str)) -> String {
    let base = std::fs::read_to_string(common::fixture_dir().join("scenarios").join(file)).unwrap();
    let [ours, theirs] = [ours, theirs].map(|(from, to)| {
        assert!(base.contains(from));
        base.replace(from, to)
    });
    let merged = merge(kind, &base, &ours, &theirs).unwrap();
    assert_eq!(merged.disputes.len(), 1, "{}", merged.text);
    merged.text
}

/// The 1-based line of the `<<<<<<<` marker.
fn marker_line(text: &str) -> usize {
    text[..text.find("<<<<<<<").unwrap()].lines().count() + 1
}

fn people_with_bo_renamed_two_ways() -> String {
    disputed(
        "people.ron",
        FileKind::People,
        ("name: \"Bo Testwell\"", "name: \"Bo Testwell-Smith\""),
        ("name: \"Bo Testwell\"", "name: \"Bo Testwell Jr.\""),
    )
}

#[test]
fn a_disputed_person_leaves_everyone_else_loaded() {
    let ledger = TempLedger::fixture();
    let people = ledger.write("people.ron", people_with_bo_renamed_two_ways());
    let loaded = ledger.load();
    let ids: Vec<&str> = loaded.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ada-fixture", "kassym-jomart-tokayev", "unnamed-analysts"]
    );
    assert_eq!(loaded.disputes.len(), 1);
    let dispute = &loaded.disputes[0];
    assert_eq!(dispute.path, people);
    assert_eq!(dispute.id, "bo-testwell");
    assert!(
        dispute.ours.contains("Bo Testwell-Smith"),
        "{}",
        dispute.ours
    );
    assert!(
        dispute.theirs.contains("Bo Testwell Jr."),
        "{}",
        dispute.theirs
    );
    // Forecasts by the disputed person (by id or alias) are not "unknown": the one error is
    // the dispute, so the scenario files stay writable.
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(loaded.forecasts().count(), 9);
}

#[test]
fn a_form_naming_a_disputed_person_says_to_settle_the_dispute() {
    let ledger = TempLedger::fixture();
    ledger.write("people.ron", people_with_bo_renamed_two_ways());
    let loaded = ledger.load();
    let view = loaded.view(loaded.find("bo-minister-resigns").unwrap());
    let draft = ForecastDraft::from_forecast(view.forecast);
    let problems = check_forecast(
        &loaded,
        &view.file.path,
        &draft,
        Some("bo-minister-resigns"),
        view.forecast.outcome.clone(),
    )
    .unwrap_err();
    let by: Vec<&str> = problems
        .iter()
        .filter(|p| p.field == "by")
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        by,
        [
            "person 'bo-testwell' is disputed between two versions in people.ron; keep one first (`hindsight resolve-dispute bo-testwell ours|theirs`)"
        ]
    );
}

#[test]
fn check_names_the_disputed_person_and_resolve_dispute_settles_it() {
    let ledger = TempLedger::fixture();
    let text = people_with_bo_renamed_two_ways();
    ledger.write("people.ron", &text);
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    let expected = format!(
        "people.ron:{}:1: error: person 'bo-testwell' is disputed between two versions: name: \"Bo Testwell-Smith\" (ours) vs \"Bo Testwell Jr.\" (theirs); keep one and remove the conflict markers",
        marker_line(&text)
    );
    assert!(check.stdout.contains(&expected), "{}", check.stdout);
    assert_eq!(
        check.stdout.matches(": error: ").count(),
        1,
        "{}",
        check.stdout
    );

    let settled = ledger.run(&["resolve-dispute", "bo-testwell", "theirs"]);
    assert_eq!(settled.status, 0, "{}", settled.stderr);
    assert!(
        settled.stdout.contains("kept their version of bo-testwell"),
        "{}",
        settled.stdout
    );
    let text = ledger.read("people.ron");
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    let loaded = ledger.load();
    assert_eq!(
        loaded.person("B. Testwell").unwrap().name,
        "Bo Testwell Jr."
    );
    assert!(loaded.disputes.is_empty());
}

fn phrases_with_a_probability_changed_two_ways() -> String {
    let phrase = "Phrase(phrase: \"one thing is clear\", probability: 0.95,";
    disputed(
        "phrases.ron",
        FileKind::Phrases,
        (phrase, &phrase.replace("0.95", "0.9")),
        (phrase, &phrase.replace("0.95", "0.99")),
    )
}

#[test]
fn a_disputed_phrase_leaves_the_other_phrases_loaded() {
    let ledger = TempLedger::fixture();
    let phrases = ledger.write("phrases.ron", phrases_with_a_probability_changed_two_ways());
    let loaded = ledger.load();
    // The folder's other row still overrides the built-in one.
    let likely = loaded.phrases.lookup("likely").unwrap();
    assert_eq!(likely.phrase.probability, 0.75);
    assert!(loaded.phrases.lookup("one thing is clear").is_none());
    assert_eq!(loaded.disputes.len(), 1);
    assert_eq!(loaded.disputes[0].path, phrases);
    assert_eq!(loaded.disputes[0].id, "one thing is clear");
}

#[test]
fn check_names_the_disputed_phrase_and_resolve_dispute_settles_it() {
    let ledger = TempLedger::fixture();
    let text = phrases_with_a_probability_changed_two_ways();
    ledger.write("phrases.ron", &text);
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    let expected = format!(
        "phrases.ron:{}:1: error: phrase 'one thing is clear' is disputed between two versions: probability: 0.9 (ours) vs 0.99 (theirs); keep one and remove the conflict markers",
        marker_line(&text)
    );
    assert!(check.stdout.contains(&expected), "{}", check.stdout);
    // The forecast hedged with it says why it has no probability.
    assert!(
        check.stdout.contains(
            "error: confidence phrase 'one thing is clear' is disputed between two versions in phrases.ron"
        ),
        "{}",
        check.stdout
    );

    let settled = ledger.run(&["resolve-dispute", "one thing is clear", "ours"]);
    assert_eq!(settled.status, 0, "{}", settled.stderr);
    let text = ledger.read("phrases.ron");
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    let loaded = ledger.load();
    let clear = loaded.phrases.lookup("one thing is clear").unwrap();
    assert_eq!(clear.phrase.probability, 0.9);
}

#[test]
fn a_version_written_by_hand_settles_a_dispute_and_a_broken_one_is_refused() {
    let ledger = TempLedger::fixture();
    let path = ledger.write("people.ron", people_with_bo_renamed_two_ways());
    let loaded = ledger.load();
    let dispute = loaded.disputes[0].clone();
    let marked = ledger.read("people.ron");

    let broken = dispute
        .ours
        .replace("name: \"Bo Testwell-Smith\"", "name: Bo");
    let refused = Door::of(&loaded, &path)
        .settle_with("bo-testwell", &broken)
        .unwrap_err()
        .to_string();
    assert!(refused.contains("people.ron:"), "names where: {refused}");
    assert_eq!(ledger.read("people.ron"), marked, "nothing written");

    let written = dispute
        .ours
        .replace("Bo Testwell-Smith", "Bo Testwell-Smith Jr.");
    Door::of(&loaded, &path)
        .settle_with("bo-testwell", &written)
        .unwrap();
    let text = ledger.read("people.ron");
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let settled = ledger.load();
    assert_eq!(settled.error_count(), 0, "{:?}", settled.problems);
    let bo = settled
        .people
        .iter()
        .find(|p| p.id == "bo-testwell")
        .unwrap();
    assert_eq!(bo.name, "Bo Testwell-Smith Jr.");
    // Put back at the record's own indentation, like its neighbours.
    let line = text
        .lines()
        .find(|l| l.contains("Bo Testwell-Smith Jr."))
        .unwrap();
    let neighbour = text
        .lines()
        .find(|l| l.contains("id: \"ada-fixture\""))
        .unwrap();
    let indent = |l: &str| l.len() - l.trim_start().len();
    assert_eq!(indent(line), indent(neighbour), "{text}");
}

#[test]
fn the_history_of_a_settled_dispute_shows_both_verdicts_and_the_merge_that_chose() {
    let team = Team::new();
    let (ana, ben) = (team.clone("ana"), team.clone("ben"));
    resolve_minister(&ana.join("scenarios"), "true", "Ana");
    commit_as_the_app_does(&ana);
    assert!(git_output(&ana, &["push", "-q"]).status.success());
    resolve_minister(&ben.join("scenarios"), "false", "Ben");
    commit_as_the_app_does(&ben);
    let pulled = git_output(&ben, &["pull", "-q", "--no-rebase"]);
    assert!(!pulled.status.success(), "the two verdicts are a dispute");
    // Ben keeps Ana's verdict: his own is no longer in the file.
    hindsight_in(&ben, &["resolve-dispute", "bo-minister-resigns", "theirs"]);
    commit_as_the_app_does(&ben);
    let text = std::fs::read_to_string(ben.join("scenarios/prices.ron")).unwrap();
    assert!(text.contains("judge: \"Ana\"") && !text.contains("judge: \"Ben\""));

    let log = hindsight_in(&ben, &["log", "bo-minister-resigns"]);
    let told: Vec<&str> = log
        .stdout
        .lines()
        .map(|line| line.splitn(3, "  ").nth(2).unwrap_or(line))
        .collect();
    // Newest first: the merge, which set Ben's verdict aside for Ana's; the two verdicts
    // (made at the same second, in either order); the forecast's arrival.
    assert_eq!(told.len(), 4, "{}", log.stdout);
    assert_eq!(told[0], "ben: outcome: false → true", "{}", log.stdout);
    let mut verdicts = told[1..3].to_vec();
    verdicts.sort_unstable();
    assert_eq!(
        verdicts,
        ["ana: outcome: open → true", "ben: outcome: open → false"],
        "{}",
        log.stdout
    );
    assert_eq!(told[3], "Tester: added", "{}", log.stdout);
}
