//! Adding and removing records: only the record's own lines change, the file stays
//! canonical and valid, a delete is undone byte for byte, and nothing is ever written over
//! someone else's change or into a file that does not parse.

use crate::common;
use hindsight::Door;

use common::{TempLedger, today};
use hindsight::EditError;
use hindsight::people_document;
use hindsight::{Forecast, Outcome, People, Person, Scenario, Source, load};
use hindsight::{ForecastDraft, check_forecast};

/// A new, valid forecast for prices.ron, made through the form as the app would.
fn new_forecast(ledger: &TempLedger) -> Forecast {
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let file = loaded
        .files
        .iter()
        .find(|f| f.scenario.id == "prices")
        .map(|f| f.path.clone())
        .unwrap();
    let draft = ForecastDraft {
        question: None,
        id: "ada-talks-resume".into(),
        by: "ada-fixture".into(),
        source: "herald".into(),
        made: "2022-03-04".into(),
        quote: "Talks will “likely” resume by June.".into(),
        claim: "Talks resume by 30 June 2022.".into(),
        expression: "likely".into(),
        baseline: String::new(),
        probability: "65%".into(),
        condition: String::new(),
        resolve_by: "2022-06-30".into(),
        resolve_by_stated: true,
        tags: "talks".into(),
    };
    check_forecast(&loaded, &file, &draft, None, Outcome::Open).unwrap()
}

/// `check` finds nothing wrong and `fmt --check` finds every file canonical.
fn assert_clean(ledger: &TempLedger, forecasts: usize) {
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    assert!(
        check
            .stdout
            .ends_with(&format!("{forecasts} forecasts, 0 errors, 0 warnings\n")),
        "{}",
        check.stdout
    );
    let fmt = ledger.run(&["fmt", "--check"]);
    assert_eq!(fmt.status, 0, "{}{}", fmt.stdout, fmt.stderr);
}

/// `after` is `before` with `added` put in at one place and nothing else changed; returns
/// where.
fn inserted_at(before: &str, after: &str, added: &str) -> usize {
    assert_eq!(after.len(), before.len() + added.len());
    let at = after
        .find(added)
        .unwrap_or_else(|| panic!("{added:?} not in\n{after}"));
    assert_eq!(&after[..at], &before[..at], "everything before is kept");
    assert_eq!(
        &after[at + added.len()..],
        &before[at..],
        "everything after is kept"
    );
    at
}

/// The lines of the block of forecast `id` in canonical text, with its trailing comma.
fn block_lines(text: &str, id: &str) -> String {
    let id_line = text.find(&format!("            id: \"{id}\",\n")).unwrap();
    let start = text[..id_line].rfind("        Forecast(\n").unwrap();
    let end = start + text[start..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
    text[start..end].to_string()
}

#[test]
fn a_forecast_appended_adds_only_its_own_lines() {
    let ledger = TempLedger::fixture();
    let forecast = new_forecast(&ledger);
    let path = ledger.path("prices.ron");
    let before = ledger.read("prices.ron");

    let inserted = Door::of(&ledger.load(), &path)
        .insert_forecast(&forecast, None)
        .unwrap();
    assert_eq!(inserted.forecast, forecast);

    let after = ledger.read("prices.ron");
    let block = block_lines(&after, "ada-talks-resume");
    let at = inserted_at(&before, &after, &format!("\n{block}"));
    assert!(
        before[at..].starts_with("    ],\n)"),
        "after the last forecast"
    );
    assert!(
        block.contains("            probability: 0.65,\n"),
        "{block}"
    );
    assert!(block.contains("            quote: \"Talks will “likely” resume by June.\",\n"));

    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let entry = &loaded.entries[loaded.find("ada-talks-resume").unwrap()];
    assert_eq!(
        loaded
            .view(loaded.find("ada-talks-resume").unwrap())
            .forecast,
        &forecast
    );
    assert_eq!(
        entry.fingerprint, inserted.fingerprint,
        "an edit right after the insert is not a conflict"
    );
    assert_clean(&ledger, 10);
}

#[test]
fn a_forecast_inserted_at_an_index_lands_there_and_moves_nothing_else() {
    for at in [0, 3, 6] {
        let ledger = TempLedger::fixture();
        let forecast = new_forecast(&ledger);
        let path = ledger.path("prices.ron");
        let before = ledger.read("prices.ron");

        Door::of(&ledger.load(), &path)
            .insert_forecast(&forecast, Some(at))
            .unwrap();

        let after = ledger.read("prices.ron");
        let block = block_lines(&after, "ada-talks-resume");
        inserted_at(&before, &after, &format!("{block}\n"));
        let loaded = load(&ledger.scenarios(), today()).unwrap();
        let prices = loaded
            .files
            .iter()
            .find(|f| f.scenario.id == "prices")
            .unwrap();
        assert_eq!(prices.scenario.forecasts[at], forecast, "at {at}");
        assert_eq!(prices.scenario.forecasts.len(), 8);
        assert_clean(&ledger, 10);
    }
}

#[test]
fn deleting_then_reinserting_at_the_same_index_restores_every_byte() {
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    let original = ledger.read("prices.ron");
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let ids: Vec<String> = loaded.files[loaded.view(0).entry.file]
        .scenario
        .forecasts
        .iter()
        .map(|f| f.id.clone())
        .collect();
    assert_eq!(ids.len(), 7);

    for (index, id) in ids.iter().enumerate() {
        let entry = &loaded.entries[loaded.find(id).unwrap()];
        let deleted = Door::of(&ledger.load(), &path)
            .delete_forecast(id, Some(entry.fingerprint))
            .unwrap();
        assert_eq!(deleted.index, index);
        assert_eq!(&deleted.forecast.id, id);

        let without = ledger.read("prices.ron");
        assert!(!without.contains(&format!("\"{id}\"")));
        // Exactly the block and one blank line went.
        let removed = original.len() - without.len();
        assert_eq!(removed, block_lines(&original, id).len() + 1, "{id}");
        assert_clean(&ledger, 8);

        Door::of(&ledger.load(), &path)
            .insert_forecast(&deleted.forecast, Some(deleted.index))
            .unwrap();
        assert_eq!(
            ledger.read("prices.ron"),
            original,
            "after re-inserting {id}"
        );
    }
}

#[test]
fn emptying_a_list_and_filling_it_again_gives_back_the_file() {
    let ledger = TempLedger::fixture();
    let path = ledger.path("regional/neighbours.ron");
    let original = ledger.read("regional/neighbours.ron");

    let first = Door::of(&ledger.load(), &path)
        .delete_forecast("tokayev-clear", None)
        .unwrap();
    let second = Door::of(&ledger.load(), &path)
        .delete_forecast("ada-treaty-delay", None)
        .unwrap();
    assert_eq!((first.index, second.index), (0, 0));
    let empty = ledger.read("regional/neighbours.ron");
    assert!(empty.contains("\n    forecasts: [],\n)"), "{empty}");
    assert_clean(&ledger, 7);

    Door::of(&ledger.load(), &path)
        .insert_forecast(&first.forecast, None)
        .unwrap();
    Door::of(&ledger.load(), &path)
        .insert_forecast(&second.forecast, None)
        .unwrap();
    assert_eq!(ledger.read("regional/neighbours.ron"), original);
}

#[test]
fn a_delete_never_overwrites_a_change_made_to_that_forecast_since_loading() {
    let ledger = TempLedger::fixture();
    let fingerprint = ledger.fingerprint_of("bo-minister-resigns");

    let theirs = ledger.read("prices.ron").replace(
        "The minister leaves office by 30 June 2022.",
        "The minister resigns by 30 June 2022.",
    );
    let path = ledger.write("prices.ron", &theirs);

    let result =
        Door::of(&ledger.load(), &path).delete_forecast("bo-minister-resigns", Some(fingerprint));
    assert!(
        matches!(result, Err(EditError::Conflict { .. })),
        "{result:?}"
    );
    assert_eq!(ledger.read("prices.ron"), theirs, "nothing was written");

    // A change to another forecast is no reason to refuse, and is kept.
    let ledger = TempLedger::fixture();
    let theirs = ledger
        .read("prices.ron")
        .replace("Half of the reform passed.", "Half of it passed.");
    let path = ledger.write("prices.ron", &theirs);
    Door::of(&ledger.load(), &path)
        .delete_forecast("bo-minister-resigns", Some(fingerprint))
        .unwrap();
    let now = ledger.read("prices.ron");
    assert!(now.contains("Half of it passed.") && !now.contains("bo-minister-resigns"));
}

#[test]
fn a_file_that_does_not_parse_is_never_written() {
    let ledger = TempLedger::fixture();
    let forecast = new_forecast(&ledger);
    let broken = ledger
        .read("prices.ron")
        .replacen("outcome: Open,", "outcome: Open,,", 1);
    let path = ledger.write("prices.ron", &broken);

    let inserted = Door::of(&ledger.load(), &path).insert_forecast(&forecast, None);
    assert!(
        matches!(inserted, Err(EditError::FileHasErrors { .. })),
        "{inserted:?}"
    );
    let deleted = Door::of(&ledger.load(), &path).delete_forecast("ada-prices-rise", None);
    assert!(
        matches!(deleted, Err(EditError::FileHasErrors { .. })),
        "{deleted:?}"
    );
    let source = Door::of(&ledger.load(), &path).insert_source(&new_source());
    assert!(
        matches!(source, Err(EditError::FileHasErrors { .. })),
        "{source:?}"
    );
    assert_eq!(ledger.read("prices.ron"), broken);
}

#[test]
fn an_id_already_in_the_file_is_refused() {
    let ledger = TempLedger::fixture();
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let existing = loaded
        .view(loaded.find("ada-rates-up").unwrap())
        .forecast
        .clone();
    let path = ledger.path("prices.ron");
    let before = ledger.read("prices.ron");
    let result = Door::of(&ledger.load(), &path).insert_forecast(&existing, None);
    assert!(
        matches!(result, Err(EditError::DuplicateId { ref id, .. }) if id == "ada-rates-up"),
        "{result:?}"
    );
    let result = Door::of(&ledger.load(), &path).delete_forecast("no-such-forecast", None);
    assert!(
        matches!(result, Err(EditError::NotFound { .. })),
        "{result:?}"
    );
    assert_eq!(ledger.read("prices.ron"), before);
}

#[test]
fn hand_written_lists_get_the_forecast_too() {
    // An empty list written on one line, and a last item without its trailing comma.
    let ledger = TempLedger::fixture();
    let forecast = new_forecast(&ledger);
    let text = ledger.read("prices.ron");
    let start = text.find("    forecasts: [\n").unwrap();
    let emptied = format!("{}    forecasts: [ ],\n)\n", &text[..start]);
    let path = ledger.write("prices.ron", &emptied);
    Door::of(&ledger.load(), &path)
        .insert_forecast(&forecast, None)
        .unwrap();
    let after = ledger.read("prices.ron");
    assert!(after.ends_with(&format!(
        "    forecasts: [\n{}    ],\n)\n",
        block_lines(&after, "ada-talks-resume")
    )));
    assert_clean(&ledger, 3);

    let ledger = TempLedger::fixture();
    let text = ledger.read("prices.ron").replace(
        "            outcome: Open,\n        ),\n    ],\n)",
        "            outcome: Open,\n        )\n    ]\n)",
    );
    let path = ledger.write("prices.ron", &text);
    Door::of(&ledger.load(), &path)
        .insert_forecast(&forecast, None)
        .unwrap();
    let after = ledger.read("prices.ron");
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    assert_eq!(loaded.error_count(), 0);
    assert_eq!(
        loaded
            .view(loaded.find("ada-talks-resume").unwrap())
            .forecast,
        &forecast
    );
    assert!(
        after.contains("            outcome: Open,\n        ),\n\n        Forecast(\n"),
        "the missing comma is added: {after}"
    );
}

fn new_source() -> Source {
    Source {
        id: "gazette".into(),
        outlet: "Example Gazette".into(),
        title: "Reform stalls".into(),
        author: None,
        published: "2022-04-01".parse().unwrap(),
        url: Some("https://example.org/gazette".into()),
        seed: None,
    }
}

#[test]
fn a_source_is_appended_to_the_sources() {
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    let before = ledger.read("prices.ron");
    Door::of(&ledger.load(), &path)
        .insert_source(&new_source())
        .unwrap();
    let after = ledger.read("prices.ron");
    let added = "\n        Source(\n            id: \"gazette\",\n            outlet: \"Example Gazette\",\n            title: \"Reform stalls\",\n            published: \"2022-04-01\",\n            url: \"https://example.org/gazette\",\n        ),\n";
    let at = inserted_at(&before, &after, added);
    assert!(before[at..].starts_with("    ],\n    forecasts: ["));
    assert_clean(&ledger, 9);

    let result = Door::of(&ledger.load(), &path).insert_source(&new_source());
    assert!(
        matches!(result, Err(EditError::DuplicateId { .. })),
        "{result:?}"
    );
    assert_eq!(ledger.read("prices.ron"), after);
}

fn petrov() -> Person {
    Person {
        id: "nikolay-petrov".into(),
        name: "Nikolay Petrov".into(),
        aliases: vec!["Nikolai Petrov".into()],
        affiliation: Some("Political scientist".into()),
        note: None,
        kind: Default::default(),
    }
}

#[test]
fn a_person_is_appended_to_the_registry() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("people.ron");
    Door::people(&ledger.load())
        .insert_person(&petrov())
        .unwrap();
    let after = ledger.read("people.ron");
    inserted_at(
        &before,
        &after,
        "\n        Person(\n            id: \"nikolay-petrov\",\n            name: \"Nikolay Petrov\",\n            aliases: [\"Nikolai Petrov\"],\n            affiliation: \"Political scientist\",\n        ),\n",
    );
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    assert_eq!(
        loaded.person("Nikolai Petrov").unwrap().id,
        "nikolay-petrov"
    );
    assert_clean(&ledger, 9);

    let result = Door::people(&ledger.load()).insert_person(&petrov());
    assert!(
        matches!(result, Err(EditError::DuplicateId { .. })),
        "{result:?}"
    );
}

#[test]
fn a_folder_without_a_registry_gets_a_canonical_one() {
    let ledger = TempLedger::empty();
    Door::people(&ledger.load())
        .insert_person(&petrov())
        .unwrap();
    let text = ledger.read("people.ron");
    assert!(
        text.starts_with("People(\n    format: 1,\n    people: [\n"),
        "{text}"
    );
    assert_eq!(
        text,
        people_document(
            "",
            &People {
                format: 1,
                people: vec![petrov()]
            }
        )
    );
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    assert_eq!(loaded.people, [petrov()]);
    assert_clean(&ledger, 0);
}

#[test]
fn a_new_scenario_file_loads_and_an_existing_one_is_never_replaced() {
    let ledger = TempLedger::fixture();
    let scenario = Scenario {
        questions: Vec::new(),
        format: 1,
        id: "talks-2022".into(),
        title: "Talks".into(),
        summary: "Whether talks resume.".into(),
        tags: vec!["talks".into()],
        sources: Vec::new(),
        forecasts: Vec::new(),
    };
    let path = create_scenario(&ledger.load(), &scenario).unwrap();
    assert_eq!(path, ledger.path("talks-2022.ron"));
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let file = loaded
        .files
        .iter()
        .find(|f| f.path == path)
        .expect("the new file is loaded");
    assert_eq!(file.scenario, scenario);
    assert_clean(&ledger, 9);

    // A source and a forecast go into the new file's empty lists, canonically.
    Door::of(&ledger.load(), &path)
        .insert_source(&new_source())
        .unwrap();
    let mut forecast = new_forecast(&ledger);
    forecast.source = "gazette".into();
    forecast.made = "2022-04-01".parse().unwrap();
    Door::of(&ledger.load(), &path)
        .insert_forecast(&forecast, None)
        .unwrap();
    assert_clean(&ledger, 10);

    let text = ledger.read("talks-2022.ron");
    let again = create_scenario(
        &ledger.load(),
        &Scenario {
            title: "Other".into(),
            ..scenario.clone()
        },
    );
    assert!(
        matches!(again, Err(EditError::AlreadyExists(_))),
        "{again:?}"
    );
    assert_eq!(ledger.read("talks-2022.ron"), text);

    let escaping = create_scenario(
        &ledger.load(),
        &Scenario {
            id: "../talks".into(),
            ..scenario
        },
    );
    assert!(
        matches!(escaping, Err(EditError::InvalidId { .. })),
        "{escaping:?}"
    );
    assert!(!ledger.root.path().join("talks.ron").exists());
}

/// A new scenario written through its door, and the file it went to.
fn create_scenario(
    ledger: &hindsight::Ledger,
    scenario: &Scenario,
) -> Result<std::path::PathBuf, EditError> {
    let door = Door::new_scenario(ledger, &scenario.id);
    door.create_scenario(scenario)?;
    Ok(door.path().to_path_buf())
}
