//! Forms: every problem of a form is reported next to the field it is about, with the same
//! rules and hints as `check`; a valid form gives exactly the record the file will hold.

use crate::common;

use std::path::PathBuf;

use common::{fixture_dir, today};
use hindsight::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, check_forecast,
    check_person, check_scenario, check_source, people_matching, preview_probability,
    suggest_forecast_id,
};
use hindsight::{Forecast, Ledger, Outcome, ResolveBy, load};

fn fixture() -> Ledger {
    load(&fixture_dir().join("scenarios"), today()).unwrap()
}

/// The path of the scenario file with this id: forms name their file by path.
fn file_of(ledger: &Ledger, scenario: &str) -> PathBuf {
    ledger
        .files
        .iter()
        .find(|file| file.scenario.id == scenario)
        .map(|file| file.path.clone())
        .unwrap()
}

fn good_draft() -> ForecastDraft {
    ForecastDraft {
        question: None,
        id: "ada-talks-resume".into(),
        by: "Ada Fixture".into(),
        source: "herald".into(),
        made: "2022-03-04".into(),
        quote: "  Talks will likely resume by June. ".into(),
        claim: "Talks resume by 30 June 2022.".into(),
        expression: "likely".into(),
        baseline: String::new(),
        probability: String::new(),
        condition: " ".into(),
        resolve_by: "2022-06-30".into(),
        resolve_by_stated: true,
        tags: " talks, , economy, talks ,".into(),
    }
}

fn check(draft: &ForecastDraft) -> Result<Forecast, Vec<FieldProblem>> {
    let ledger = fixture();
    check_forecast(
        &ledger,
        &file_of(&ledger, "prices"),
        draft,
        None,
        Outcome::Open,
    )
}

/// The problems of a draft that must fail, as (field, message).
fn problems(draft: &ForecastDraft) -> Vec<(&'static str, String)> {
    check(draft)
        .expect_err("the draft has problems")
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect()
}

/// The one message about `field`, failing if there is none or several.
fn message_for(problems: &[(&'static str, String)], field: &str) -> String {
    let found: Vec<&String> = problems
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(found.len(), 1, "one problem with {field}: {problems:?}");
    found[0].clone()
}

#[test]
fn a_valid_form_gives_the_forecast_with_text_tidied() {
    let forecast = check(&good_draft()).unwrap();
    assert_eq!(forecast.id, "ada-talks-resume");
    assert_eq!(forecast.by, "Ada Fixture", "the name is kept as typed");
    assert_eq!(forecast.made.to_string(), "2022-03-04");
    assert_eq!(forecast.quote, "Talks will likely resume by June.");
    assert_eq!(forecast.expression.as_deref(), Some("likely"));
    assert_eq!(forecast.probability, None);
    assert_eq!(
        forecast.condition, None,
        "a blank optional field is left out"
    );
    assert_eq!(
        forecast.resolve_by,
        ResolveBy::Stated("2022-06-30".parse().unwrap())
    );
    assert_eq!(forecast.tags, ["talks", "economy"]);
    assert_eq!(forecast.outcome, Outcome::Open);
}

#[test]
fn every_problem_is_reported_at_once_each_naming_its_field() {
    let draft = ForecastDraft {
        question: None,
        id: "has a space".into(),
        by: "Ada Fixtur".into(),
        source: "nope".into(),
        made: "4 March 2022".into(),
        quote: "   ".into(),
        claim: String::new(),
        expression: String::new(),
        baseline: String::new(),
        probability: String::new(),
        condition: String::new(),
        resolve_by: String::new(),
        resolve_by_stated: false,
        tags: String::new(),
    };
    let found = problems(&draft);
    let mut fields: Vec<&str> = found.iter().map(|(f, _)| *f).collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "by",
            "claim",
            "expression",
            "id",
            "made",
            "quote",
            "resolve_by",
            "source"
        ]
    );
    assert!(message_for(&found, "id").contains("without spaces"));
    assert!(
        message_for(&found, "by").contains("did you mean 'Ada Fixture' (id 'ada-fixture')"),
        "{found:?}"
    );
    assert_eq!(
        message_for(&found, "source"),
        "unknown source 'nope'; sources in this file: herald, wire"
    );
    assert!(message_for(&found, "made").contains("YYYY-MM-DD"));
    assert!(message_for(&found, "expression").contains("probability"));
}

#[test]
fn forecast_ids_are_unique_across_the_folder_and_never_change() {
    // tokayev-clear is in regional/neighbours.ron, not in the file being edited.
    let mut draft = good_draft();
    draft.id = "tokayev-clear".into();
    let found = problems(&draft);
    let message = message_for(&found, "id");
    assert!(
        message.contains("duplicate forecast id 'tokayev-clear'")
            && message.contains("neighbours.ron"),
        "{message}"
    );

    let ledger = fixture();
    let prices = file_of(&ledger, "prices");
    let mut draft = good_draft();
    draft.id = "ada-prices-rise".into();
    assert!(
        check_forecast(
            &ledger,
            &prices,
            &draft,
            Some("ada-prices-rise"),
            Outcome::Open
        )
        .is_ok(),
        "a forecast's own id is not a duplicate"
    );
    let renamed = check_forecast(
        &ledger,
        &prices,
        &good_draft(),
        Some("ada-prices-rise"),
        Outcome::Open,
    )
    .unwrap_err();
    assert_eq!(renamed.len(), 1, "{renamed:?}");
    assert_eq!(renamed[0].field, "id");
    assert!(renamed[0].message.contains("cannot be changed"));
}

#[test]
fn names_are_found_by_id_name_or_alias_in_any_case() {
    for by in ["ada-fixture", "ADA FIXTURE", "qasym toqaev", "B. Testwell"] {
        let mut draft = good_draft();
        draft.by = by.into();
        assert!(check(&draft).is_ok(), "{by}");
    }
}

#[test]
fn dates_must_be_written_as_the_file_writes_them() {
    let mut draft = good_draft();
    draft.made = "2022-3-4".into();
    draft.resolve_by = "2022-02-30".into();
    let found = problems(&draft);
    assert!(message_for(&found, "made").contains("YYYY-MM-DD"));
    assert!(message_for(&found, "resolve_by").contains("not a date"));
}

#[test]
fn the_resolve_by_date_may_not_precede_the_date_made() {
    let mut draft = good_draft();
    draft.resolve_by = "2022-03-01".into();
    let found = problems(&draft);
    assert_eq!(
        message_for(&found, "resolve_by"),
        "resolve-by date 2022-03-01 is before the forecast was made (2022-03-04)"
    );
    assert_eq!(found.len(), 1);
}

#[test]
fn made_after_the_source_was_published_is_only_a_warning_so_the_form_accepts_it() {
    let mut draft = good_draft();
    draft.made = "2022-03-20".into(); // herald was published on 2022-03-04
    assert!(check(&draft).is_ok());
}

#[test]
fn a_form_cannot_date_a_resolved_forecast_after_its_resolution() {
    let ledger = fixture();
    let view = ledger.view(ledger.find("ada-prices-rise").unwrap());
    let mut draft = ForecastDraft::from_forecast(view.forecast);
    draft.made = "2022-07-01".into(); // resolved on 2022-06-30
    draft.resolve_by = "2022-07-02".into();
    let found = check_forecast(
        &ledger,
        &view.file.path,
        &draft,
        Some("ada-prices-rise"),
        view.forecast.outcome.clone(),
    )
    .unwrap_err();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].field, "made");
    assert!(found[0].message.contains("resolved on 2022-06-30"));
}

#[test]
fn probabilities_are_numbers_in_range_or_percentages() {
    for (typed, expected) in [
        ("0.35", 0.35),
        ("35%", 0.35),
        ("70 %", 0.7),
        ("1", 1.0),
        ("0", 0.0),
    ] {
        let mut draft = good_draft();
        draft.probability = typed.into();
        assert_eq!(
            check(&draft).unwrap().probability,
            Some(expected),
            "{typed}"
        );
    }
    for (typed, says) in [
        ("1.5", "probability 1.5 is outside [0, 1]"),
        ("150%", "probability 1.5 is outside [0, 1]"),
        ("-0.1", "probability -0.1 is outside [0, 1]"),
        ("abc", "not a probability"),
        ("0,7", "decimal point"),
    ] {
        let mut draft = good_draft();
        draft.probability = typed.into();
        let found = problems(&draft);
        assert!(
            message_for(&found, "probability").contains(says),
            "{typed}: {found:?}"
        );
        assert_eq!(found.len(), 1, "{typed}: {found:?}");
    }
}

#[test]
fn the_form_carries_a_baseline_checks_it_and_previews_what_it_does() {
    let mut draft = good_draft();
    draft.expression = "even less likely".into();
    draft.baseline = " unlikely ".into();
    let forecast = check(&draft).unwrap();
    assert_eq!(forecast.expression.as_deref(), Some("even less likely"));
    assert_eq!(forecast.baseline.as_deref(), Some("unlikely"));
    assert_eq!(
        ForecastDraft::from_forecast(&forecast).baseline,
        "unlikely",
        "editing shows it again"
    );

    let ledger = fixture();
    // 0.7 × the built-in "unlikely" (0.2); its range 0.1–0.25 moves to 0.07–0.175.
    let preview = preview_probability(&ledger.phrases, "even less likely", "unlikely", "");
    assert_eq!(preview.value, Some(0.14));
    assert_eq!(preview.range, Some((0.07, 0.175)));
    assert!(
        preview
            .explanation
            .starts_with("even less likely than 'unlikely' (20%) ➡ 14%; phrase table: "),
        "{}",
        preview.explanation
    );

    // A baseline with no effect is previewed as such (check warns; the form saves it).
    let unused = preview_probability(&ledger.phrases, "likely", "unlikely", "");
    assert_eq!(unused.value, Some(0.75));
    assert!(
        unused
            .explanation
            .ends_with("baseline 'unlikely' has no effect: 'likely' is not a comparative (only \"more likely\", \"even less likely\" and the like are measured from a baseline)"),
        "{}",
        unused.explanation
    );

    draft.baseline = "unlikley".into();
    let found = problems(&draft);
    let message = message_for(&found, "baseline");
    assert!(
        message
            .starts_with("unknown baseline phrase 'unlikley'; closest known phrases: 'unlikely'"),
        "{message}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let preview = preview_probability(&ledger.phrases, "even less likely", "unlikley", "");
    assert_eq!(preview.value, None);
    assert_eq!(preview.explanation, message);
}

#[test]
fn an_unknown_phrase_is_an_error_only_without_a_probability() {
    let mut draft = good_draft();
    draft.expression = "kinda likely".into();
    let found = problems(&draft);
    let message = message_for(&found, "expression");
    assert!(
        message.contains("unknown confidence phrase 'kinda likely'")
            && message.contains("closest known phrases: 'likely'"),
        "{message}"
    );

    draft.probability = "0.6".into();
    let forecast = check(&draft).unwrap();
    assert_eq!(forecast.expression.as_deref(), Some("kinda likely"));
    assert_eq!(forecast.probability, Some(0.6));

    // A mistyped probability is reported, not the phrase it would have excused.
    draft.probability = "six".into();
    let found = problems(&draft);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "probability");
}

#[test]
fn every_fixture_forecast_survives_the_form_unchanged() {
    let ledger = fixture();
    assert!(ledger.entries.len() >= 9);
    for view in ledger.forecasts() {
        let forecast = view.forecast;
        let draft = ForecastDraft::from_forecast(forecast);
        let back = check_forecast(
            &ledger,
            &view.file.path,
            &draft,
            Some(&forecast.id),
            forecast.outcome.clone(),
        );
        assert_eq!(back.as_ref(), Ok(forecast), "{}", forecast.id);
    }
    let reform = ledger.view(ledger.find("toqaev-reform-passes").unwrap());
    let draft = ForecastDraft::from_forecast(reform.forecast);
    assert_eq!(draft.probability, "0.9");
    assert_eq!(draft.tags, "reform");
    assert!(draft.resolve_by_stated);
}

#[test]
fn suggested_ids_read_well_and_are_unused() {
    let ledger = fixture();
    assert_eq!(
        suggest_forecast_id(&ledger, "Toqaev", "The reform passes parliament in 2022."),
        "tokayev-reform-passes-parliament-2022",
        "the canonical surname, and the claim without its stop words"
    );
    assert_eq!(
        suggest_forecast_id(
            &ledger,
            "Nikolay Petrov",
            "Russia's troops will leave Kazakhstan within a few weeks of arriving"
        ),
        "petrov-russias-troops-leave-kazakhstan-few",
        "at most six words"
    );
    // ada-prices-rise exists: the suggestion gets a number.
    assert_eq!(
        suggest_forecast_id(&ledger, "Ada", "Prices rise."),
        "ada-prices-rise-2"
    );
    assert_eq!(
        suggest_forecast_id(&ledger, "Kasım Cömert", "Kazakhstan's élite splits"),
        "comert-kazakhstans-elite-splits"
    );
}

#[test]
fn the_preview_says_where_the_probability_comes_from() {
    let ledger = fixture();
    let phrases = &ledger.phrases;

    let explicit = preview_probability(phrases, "likely", "", "0.3");
    assert_eq!(explicit.value, Some(0.3));
    assert_eq!(explicit.explanation, "explicit probability");

    let folder = preview_probability(phrases, "Likely", "", "");
    assert_eq!(folder.value, Some(0.75));
    assert_eq!(folder.range, Some((0.6, 0.85)));
    assert!(
        folder.explanation.contains("phrases.ron")
            && folder.explanation.contains("overrides the built-in 0.7"),
        "{}",
        folder.explanation
    );

    let built_in = preview_probability(phrases, "most likely", "", "");
    assert_eq!(built_in.value, Some(0.8));
    assert_eq!(built_in.range, Some((0.7, 0.9)));
    assert!(
        built_in
            .explanation
            .starts_with("phrase table: Hindsight convention")
    );

    let unknown = preview_probability(phrases, "kinda likely", "", "");
    assert_eq!(unknown.value, None);
    assert!(unknown.explanation.contains("closest known phrases"));

    let invalid = preview_probability(phrases, "likely", "", "lots");
    assert_eq!(invalid.value, None);
    assert!(invalid.explanation.contains("not a probability"));

    assert_eq!(preview_probability(phrases, " ", "", "").value, None);
}

#[test]
fn source_forms_follow_the_same_rules() {
    let ledger = fixture();
    let prices = file_of(&ledger, "prices");
    let good = SourceDraft {
        id: "gazette".into(),
        outlet: "Example Gazette".into(),
        title: "Reform stalls".into(),
        author: " ".into(),
        published: "2022-04-01".into(),
        url: "https://example.org/gazette".into(),
        // A seed that is not there yet is fine: `check` only warns.
        seed: "seeds/not-yet.txt".into(),
    };
    let source = check_source(&ledger, &prices, &good).unwrap();
    assert_eq!(source.author, None);
    assert_eq!(source.seed.as_deref(), Some("seeds/not-yet.txt"));

    let bad = SourceDraft {
        id: "herald".into(),
        outlet: String::new(),
        published: "April 2022".into(),
        seed: "../../etc/passwd".into(),
        ..good
    };
    let found = check_source(&ledger, &prices, &bad).unwrap_err();
    let fields: Vec<&str> = found.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["id", "outlet", "published", "seed"], "{found:?}");
    assert_eq!(
        found[0].message,
        "duplicate source id 'herald' in this file"
    );
    assert!(found[3].message.contains("leaves the project folder"));
}

#[test]
fn scenario_ids_must_be_unused_file_names() {
    let ledger = fixture();
    let draft = ScenarioDraft {
        id: "talks-2022".into(),
        title: " Talks ".into(),
        summary: "Whether talks resume.".into(),
        tags: "talks, economy".into(),
    };
    let scenario = check_scenario(&ledger, &draft).unwrap();
    assert_eq!(scenario.format, 1);
    assert_eq!(scenario.title, "Talks");
    assert_eq!(scenario.tags, ["talks", "economy"]);
    assert!(scenario.sources.is_empty() && scenario.forecasts.is_empty());

    for (id, says) in [
        ("prices", "already used"),
        ("neighbours", "already used"),
        ("Talks 2022", "file name"),
        ("../elsewhere", "file name"),
        ("people", "special file"),
        ("", "required"),
    ] {
        let found = check_scenario(
            &ledger,
            &ScenarioDraft {
                id: id.into(),
                title: String::new(),
                ..draft.clone()
            },
        )
        .unwrap_err();
        let fields: Vec<&str> = found.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["id", "title"], "{id}: {found:?}");
        assert!(found[0].message.contains(says), "{id}: {found:?}");
    }
}

#[test]
fn a_new_person_may_not_name_anyone_already_known() {
    let ledger = fixture();
    let person = check_person(
        &ledger,
        &PersonDraft {
            id: "nikolay-petrov".into(),
            name: "Nikolay Petrov".into(),
            aliases: "N. Petrov, Nikolai Petrov, N. Petrov, nikolay petrov".into(),
            affiliation: String::new(),
            ..PersonDraft::default()
        },
    )
    .unwrap();
    assert_eq!(person.aliases, ["N. Petrov", "Nikolai Petrov"]);
    assert_eq!(person.affiliation, None);

    let found = check_person(
        &ledger,
        &PersonDraft {
            id: "bo-testwell".into(),
            name: "Kassym-Jomart Tokaev".into(),
            aliases: "Ada Fixture".into(),
            affiliation: String::new(),
            ..PersonDraft::default()
        },
    )
    .unwrap_err();
    let fields: Vec<&str> = found.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["id", "name", "aliases"], "{found:?}");
    assert!(found[0].message.contains("already names Bo Testwell"));
    assert!(
        found[1]
            .message
            .contains("add 'Kassym-Jomart Tokaev' to the aliases of Kassym-Jomart Tokayev"),
        "{}",
        found[1].message
    );
    assert!(found[2].message.contains("already names Ada Fixture"));

    let blank = check_person(&ledger, &PersonDraft::default()).unwrap_err();
    let fields: Vec<&str> = blank.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["id", "name"]);
}

#[test]
fn autocomplete_puts_word_starts_before_other_matches() {
    let ledger = fixture();
    let ids = |typed: &str, limit: usize| -> Vec<String> {
        people_matching(&ledger, typed, limit)
            .into_iter()
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(ids("TOQ", 10), ["kassym-jomart-tokayev"]);
    // "t" starts Testwell, Tokayev and "the"; it is only inside "Fixture".
    assert_eq!(
        ids("t", 10),
        [
            "bo-testwell",
            "kassym-jomart-tokayev",
            "unnamed-analysts",
            "ada-fixture"
        ]
    );
    assert_eq!(ids("t", 2), ["bo-testwell", "kassym-jomart-tokayev"]);
    assert_eq!(ids("well", 10), ["bo-testwell"]);
    assert!(ids("zz", 10).is_empty());
}

#[test]
fn forms_refuse_what_check_refuses_in_text_and_links() {
    let ledger = fixture();
    let prices = file_of(&ledger, "prices");
    let source = SourceDraft {
        id: "gazette".into(),
        outlet: "Example\u{1b}[31m Gazette".into(),
        title: "Reform stalls".into(),
        published: "2022-04-01".into(),
        url: "javascript:alert(1)".into(),
        ..SourceDraft::default()
    };
    let found = check_source(&ledger, &prices, &source).unwrap_err();
    let fields: Vec<&str> = found.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["outlet", "url"], "{found:?}");
    assert!(found[0].message.contains("control character (U+001B)"));
    assert!(found[1].message.contains("must be a web address"));

    let draft = ForecastDraft {
        claim: "Prices rise\u{202e} soon".into(),
        quote: "Two lines\nand a\ttab are fine in a quote".into(),
        ..good_draft()
    };
    let found = problems(&draft);
    assert!(
        message_for(&found, "claim").contains("bidirectional control character (U+202E)"),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}
