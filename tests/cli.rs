//! The command line against a temporary copy of the fixture ledger: exit codes, the JSON
//! and CSV fields, filters, `due`, and `resolve`/`reopen` rewriting exactly one block.

use crate::common;

use common::numbers::assert_json_close;
use common::{TempLedger, block_lines, changed_line_range, hindsight};
use serde_json::Value;

fn find<'a>(items: &'a Value, key: &str, value: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {items:#}"))
}

#[test]
fn check_passes_on_the_fixture_and_the_shipped_scenarios() {
    let run = TempLedger::fixture().run(&["check"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(
        run.stdout.ends_with("9 forecasts, 0 errors, 0 warnings\n"),
        "{}",
        run.stdout
    );

    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    let run = hindsight(&["check", "--deny-warnings", shipped]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    let run = hindsight(&["fmt", "--check", shipped]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn usage_errors_exit_2_without_a_backtrace() {
    let run = hindsight(&["check", "/no/such/folder"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stderr, "hindsight: /no/such/folder: no such folder\n");

    for args in [
        &["frobnicate"][..],
        &["list", "--format", "xml"],
        &["resolve", "x", "maybe"],
    ] {
        let run = hindsight(args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(
            !run.stderr.contains("panicked") && !run.stderr.contains("backtrace"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn list_json_carries_every_documented_field() {
    let run = TempLedger::fixture().run(&["list", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let list = run.json();
    assert_eq!(list.as_array().unwrap().len(), 9);

    let ada = find(&list, "id", "ada-prices-rise");
    assert_eq!(ada["scenario"], "prices");
    assert_eq!(ada["author"], "Ada Fixture");
    assert_eq!(ada["source_title"], "Talks to resume, ministry says");
    assert_eq!(ada["outlet"], "Fixture Herald");
    assert_eq!(ada["published"], "2022-03-04");
    assert_eq!(ada["made_on"], "2022-03-03");
    assert_eq!(
        ada["quote"],
        "Prices will most likely rise before the summer"
    );
    assert_eq!(
        ada["claim"],
        "Consumer prices rise between March and 21 June 2022."
    );
    assert_eq!(ada["expression"], "most likely");
    assert_json_close(&ada["probability"], 0.8);
    assert_eq!(ada["resolve_by"], "2022-06-21");
    assert_eq!(ada["outcome"], "true");
    assert_eq!(ada["resolved_on"], "2022-06-30");
    assert_eq!(ada["evidence"], "The statistics office reported a rise.");

    // An alias resolves to the canonical name; an explicit probability wins over the words.
    let toqaev = find(&list, "id", "toqaev-reform-passes");
    assert_eq!(toqaev["author"], "Kassym-Jomart Tokayev");
    assert_json_close(&toqaev["probability"], 0.9);
    assert_eq!(toqaev["probability_source"], "explicit");
    assert_eq!(toqaev["outcome"], "partly");

    // The folder's phrases.ron overrides and extends the built-in table.
    assert_json_close(
        &find(&list, "id", "analysts-likely-unrest")["probability"],
        0.75,
    );
    assert_json_close(&find(&list, "id", "tokayev-clear")["probability"], 0.95);

    let open = find(&list, "id", "bo-minister-resigns");
    assert_eq!(open["outcome"], Value::Null);
    assert_eq!(open["resolved_on"], Value::Null);
    assert_eq!(open["overdue"], true);
    assert_eq!(
        find(&list, "id", "bo-never-agree")["resolve_by_stated"],
        false
    );
}

#[test]
fn list_csv_has_a_header_and_one_row_per_forecast() {
    let run = TempLedger::fixture().run(&["list", "--format", "csv", "--scenario", "neighbours"]);
    assert_eq!(run.status, 0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    for column in [
        "id",
        "scenario",
        "author",
        "source_title",
        "outlet",
        "published",
        "made_on",
        "quote",
        "claim",
        "expression",
        "probability",
        "resolve_by",
        "outcome",
        "resolved_on",
        "evidence",
    ] {
        assert!(
            header.iter().any(|h| h == column),
            "missing column {column}"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let id = header.iter().position(|h| h == "id").unwrap();
    let outcome = header.iter().position(|h| h == "outcome").unwrap();
    let row = rows.iter().find(|r| &r[id] == "tokayev-clear").unwrap();
    assert_eq!(&row[outcome], "", "unresolved is an empty cell");
}

#[test]
fn filters_choose_the_forecasts() {
    let ledger = TempLedger::fixture();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--format", "json"];
        all.extend_from_slice(args);
        let mut ids: Vec<String> = ledger
            .run(&all)
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(
        ids(&["--author", "Toqaev"]),
        ["tokayev-clear", "toqaev-reform-passes"]
    );
    assert_eq!(ids(&["--tag", "reform"]), ["toqaev-reform-passes"]);
    assert_eq!(ids(&["--tag", "region"]).len(), 2, "scenario tags count");
    assert_eq!(ids(&["--outlet", "example wire"]).len(), 5);
    assert_eq!(ids(&["--outcome", "overdue"]), ["bo-minister-resigns"]);
    assert_eq!(
        ids(&["--outcome", "false"]),
        ["ada-rates-up", "bo-never-agree"]
    );
    assert_eq!(
        ids(&[
            "--from",
            "2022-03-05",
            "--to",
            "2022-03-05",
            "--author",
            "ada-fixture"
        ]),
        ["ada-rates-up", "ada-treaty-delay"]
    );
    assert_eq!(ids(&["--search", "BORDER autumn"]), ["bo-border-reopens"]);
}

/// Worked by hand from the fixture (see the comments): never from the code under test.
#[test]
fn report_json_scores_match_hand_computed_values() {
    let run = TempLedger::fixture().run(&["report", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report = run.json();
    let groups = &report["groups"];

    // Ada: 0.8 true, 0.2 false, 0.3 true → squared errors 0.04, 0.04, 0.49.
    let ada = find(groups, "name", "Ada Fixture");
    assert_eq!(ada["forecasts"], 3);
    assert_eq!(ada["resolved"], 3);
    assert_eq!(ada["scored"], 3);
    assert_json_close(&ada["brier"], 0.57 / 3.0);
    // −(ln 0.8 + ln 0.8 + ln 0.3) / 3
    assert_json_close(&ada["log_score"], -(0.8f64.ln() * 2.0 + 0.3f64.ln()) / 3.0);
    assert_json_close(&ada["hit_rate"], 2.0 / 3.0);
    let ci = ada["brier_ci"].as_array().unwrap();
    assert_eq!(ci.len(), 2);
    assert!(ci[0].as_f64().unwrap() <= ci[1].as_f64().unwrap());

    // Bo: "never" (0.0) on a claim that did not happen; one annulled, one overdue.
    let bo = find(groups, "name", "Bo Testwell");
    assert_eq!(
        (
            bo["forecasts"].clone(),
            bo["resolved"].clone(),
            bo["scored"].clone()
        ),
        (3.into(), 2.into(), 1.into())
    );
    assert_eq!(
        (bo["pending"].clone(), bo["overdue"].clone()),
        (1.into(), 1.into())
    );
    assert_json_close(&bo["brier"], 0.0);
    assert_json_close(&bo["log_score"], -(0.99f64.ln()));
    assert_eq!(bo["brier_ci"], Value::Null, "no interval from one forecast");

    // Tokayev: one partly (not scored), one open. Nothing to score is null, never 0.
    let tokayev = find(groups, "name", "Kassym-Jomart Tokayev");
    assert_eq!(tokayev["resolved"], 1);
    assert_eq!(tokayev["scored"], 0);
    for field in ["brier", "brier_ci", "log_score", "hit_rate"] {
        assert_eq!(tokayev[field], Value::Null, "{field}");
    }

    // All four scored forecasts: errors 0.04, 0, 0.04, 0.49.
    assert_json_close(&report["overall"]["brier"], 0.57 / 4.0);
    assert_json_close(&report["overall"]["hit_rate"], 0.75);

    let bins = report["calibration"].as_array().unwrap();
    assert_eq!(bins.len(), 10, "empty bins are present");
    let counts: Vec<u64> = bins.iter().map(|b| b["count"].as_u64().unwrap()).collect();
    // 0.0 → bin 0; 0.2 and 0.3 sit on edges and fall in the lower bin; 0.8 → 0.7–0.8.
    assert_eq!(counts, [1, 1, 1, 0, 0, 0, 0, 1, 0, 0]);
    assert_json_close(&bins[2]["observed"], 1.0);
    assert_json_close(&bins[2]["lower"], 0.2);
    assert_eq!(bins[4]["observed"], Value::Null);
    assert_eq!(bins[4]["ci_low"], Value::Null);
    // Wilson 95% for 1 of 1: centre (1 + 1.96²/2)/(1 + 1.96²), half-width 1.96·sqrt(1.96²/4)/(1 + 1.96²).
    let z2 = 1.96f64 * 1.96;
    assert_json_close(
        &bins[2]["ci_low"],
        (1.0 + z2 / 2.0 - 1.96 * (z2 / 4.0).sqrt()) / (1.0 + z2),
    );

    // Every forecast value is distinct, so reliability is the Brier score itself and
    // resolution = uncertainty = 0.5 · 0.5.
    let d = &report["decomposition"];
    assert_json_close(&d["reliability"], 0.57 / 4.0);
    assert_json_close(&d["resolution"], 0.25);
    assert_json_close(&d["uncertainty"], 0.25);
}

#[test]
fn report_groups_by_outlet_tag_and_scenario() {
    let ledger = TempLedger::fixture();
    let names = |by: &str| -> Vec<String> {
        let report = ledger
            .run(&["report", "--format", "json", "--by", by])
            .json();
        let mut names: Vec<String> = report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("outlet"), ["Example Wire", "Fixture Herald"]);
    assert_eq!(names("scenario"), ["neighbours", "prices"]);
    assert_eq!(names("tag"), ["economy", "reform", "region", "treaty"]);
    let run = ledger.run(&["report", "--by", "colour"]);
    assert_eq!(run.status, 2);
}

#[test]
fn report_table_shows_scores_and_counts() {
    let run = TempLedger::fixture().run(&["report"]);
    assert_eq!(run.status, 0);
    let ada = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Ada Fixture"))
        .unwrap();
    assert!(ada.contains("0.190"), "{ada}");
    assert!(ada.contains("67% (2/3)"), "{ada}");
    assert!(run.stdout.contains("clipped to [0.01, 0.99]"));
}

#[test]
fn due_lists_overdue_forecasts_oldest_first() {
    let ledger = TempLedger::fixture();
    // Reopen the analysts' forecast and make it due before the fixture's overdue one.
    let resolved = "            resolve_by: Default(\"2023-03-05\"),\n            outcome: Resolved(\n                verdict: Ambiguous,\n                on: \"2023-03-05\",\n                judge: \"Fixture Judge\",\n                evidence: \"Reports disagree on whether the gatherings were protests.\",\n            ),\n";
    let text = ledger.read("prices.ron");
    assert!(text.contains(resolved));
    ledger.write(
        "prices.ron",
        text.replace(
            resolved,
            "            resolve_by: Default(\"2022-04-01\"),\n            outcome: Open,\n",
        ),
    );
    let due = ledger.run(&["due", "--format", "json"]).json();
    let ids: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["analysts-likely-unrest", "bo-minister-resigns"]);
    assert_eq!(
        TempLedger::fixture()
            .run(&["due", "--scenario", "neighbours"])
            .stdout,
        "0 overdue forecasts\n",
        "nothing due: no empty table, just the count"
    );
    let table = ledger.run(&["due"]);
    assert!(
        table.stdout.contains("2022-04-01 (default)"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("2 overdue forecasts"),
        "{}",
        table.stdout
    );
}

/// `resolve` recording that the minister resigned, with every part of a verdict.
const MINISTER_RESIGNED: [&str; 11] = [
    "resolve",
    "bo-minister-resigns",
    "true",
    "--on",
    "2022-06-15",
    "--evidence",
    "The minister resigned on 15 June.",
    "--link",
    "https://example.org/resigned",
    "--by",
    "Test Judge",
];

#[test]
fn resolve_rewrites_only_that_forecasts_block_and_reopen_restores_the_bytes() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let run = ledger.run(&MINISTER_RESIGNED);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("resolved bo-minister-resigns as true in "),
        "{}",
        run.stdout
    );
    let after = ledger.read("prices.ron");
    let changed = changed_line_range(&before, &after);
    let block = block_lines(&before, "bo-minister-resigns");
    assert!(
        block.contains(&changed.start) && block.contains(&(changed.end - 1)),
        "changed lines {changed:?} lie inside the block {block:?}"
    );
    assert!(after.contains(
        "            outcome: Resolved(\n                verdict: True,\n                on: \"2022-06-15\",\n                judge: \"Test Judge\",\n                evidence: \"The minister resigned on 15 June.\",\n                link: \"https://example.org/resigned\",\n            ),\n"
    ));
    assert_eq!(ledger.run(&["fmt", "--check"]).status, 0, "still canonical");
    let listed = ledger.run(&["list", "--format", "json"]).json();
    assert_eq!(
        find(&listed, "id", "bo-minister-resigns")["outcome"],
        "true"
    );

    let run = ledger.run(&["reopen", "bo-minister-resigns"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        ledger.read("prices.ron"),
        before,
        "reopening restores every byte"
    );
}

#[test]
fn a_second_verdict_is_refused_with_the_one_it_would_replace_unless_forced() {
    let ledger = TempLedger::fixture();
    assert_eq!(ledger.run(&MINISTER_RESIGNED).status, 0);
    let resolved = ledger.read("prices.ron");
    let line = *block_lines(&resolved, "bo-minister-resigns").start();

    // Another verdict, and the same verdict with other evidence: both would replace what
    // was recorded, so neither is written.
    for (verdict, evidence, becomes) in [
        (
            "false",
            "Still in office in July.",
            "false on 2022-07-02, judge “Ben”, evidence “Still in office in July.”, no link",
        ),
        (
            "true",
            "Resigned, says a second report.",
            "true on 2022-07-02, judge “Ben”, evidence “Resigned, says a second report.”, no link",
        ),
    ] {
        let second = [
            "resolve",
            "bo-minister-resigns",
            verdict,
            "--on",
            "2022-07-02",
            "--evidence",
            evidence,
            "--by",
            "Ben",
        ];
        let run = ledger.run(&second);
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert_eq!(run.stdout, "");
        let expected = format!(
            "prices.ron:{line}: bo-minister-resigns already has a verdict; nothing was written\n  \
             now:          true on 2022-06-15, judge “Test Judge”, evidence “The minister resigned on 15 June.”, link “https://example.org/resigned”\n  \
             would become: {becomes}\n\
             To replace it, run the same command with --force.\n"
        );
        assert!(run.stderr.starts_with("hindsight: "), "{}", run.stderr);
        assert!(run.stderr.ends_with(&expected), "{}", run.stderr);
        assert_eq!(ledger.read("prices.ron"), resolved, "nothing was written");
    }

    // The same verdict again is no change at all.
    let run = ledger.run(&MINISTER_RESIGNED);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("already resolved bo-minister-resigns as true in "),
        "{}",
        run.stdout
    );
    assert_eq!(ledger.read("prices.ron"), resolved);

    // --force replaces the verdict, with its evidence, link and judge, and only them.
    let run = ledger.run(&[
        "resolve",
        "bo-minister-resigns",
        "false",
        "--on",
        "2022-07-02",
        "--evidence",
        "Still in office in July.",
        "--by",
        "Ben",
        "--force",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let replaced = ledger.read("prices.ron");
    assert!(replaced.contains(
        "            outcome: Resolved(\n                verdict: False,\n                on: \"2022-07-02\",\n                judge: \"Ben\",\n                evidence: \"Still in office in July.\",\n            ),\n"
    ), "{replaced}");
    let changed = changed_line_range(&resolved, &replaced);
    let block = block_lines(&resolved, "bo-minister-resigns");
    assert!(block.contains(&changed.start) && block.contains(&(changed.end - 1)));
    assert_eq!(ledger.run(&["fmt", "--check"]).status, 0, "still canonical");
}

#[test]
fn resolve_refuses_what_cannot_be_right() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");

    let run = ledger.run(&["resolve", "bo-minister-resign", "true"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("no forecast with id 'bo-minister-resign'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean bo-minister-resigns?"),
        "only the near id: {}",
        run.stderr
    );
    // An id near nothing gets no suggestion rather than unrelated ones.
    let far = ledger.run(&["resolve", "zz-000001", "true"]);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);

    let run = ledger.run(&[
        "resolve",
        "bo-minister-resigns",
        "false",
        "--on",
        "2021-01-01",
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("before the forecast was made"),
        "{}",
        run.stderr
    );

    // A file with errors is never rewritten.
    let broken = before.replace("by: \"ada-fixture\"", "by: \"nobody\"");
    ledger.write("prices.ron", &broken);
    let run = ledger.run(&["resolve", "bo-minister-resigns", "true"]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("the file has errors"), "{}", run.stderr);
    assert_eq!(ledger.read("prices.ron"), broken);
}

#[test]
fn read_commands_still_print_but_exit_1_when_the_folder_has_errors() {
    let ledger = TempLedger::fixture();
    ledger.write("broken.ron", "Scenario(");
    let run = ledger.run(&["list", "--format", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.json().as_array().unwrap().len(),
        9,
        "the readable files are listed"
    );
    assert!(
        run.stderr.contains("the folder has 1 error"),
        "{}",
        run.stderr
    );
}

#[test]
fn demo_writes_a_ledger_that_passes_check_and_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let run = hindsight(&[
            "demo",
            "--forecasts",
            "1500",
            "--seed",
            "7",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.status, 0, "{}", run.stderr);
    }
    let check = hindsight(&["check", "--deny-warnings", a.to_str().unwrap()]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("1500 forecasts, 0 errors, 0 warnings")
    );
    for name in [
        "people.ron",
        "demo-0000-oil-prices.ron",
        "demo-0001-elections.ron",
    ] {
        assert_eq!(
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
            "{name}"
        );
    }
    let report = hindsight(&["report", "--format", "json", a.to_str().unwrap()]).json();
    assert!(report["overall"]["resolved"].as_u64().unwrap() > 500);
    assert!(report["overall"]["overdue"].as_u64().unwrap() > 0);

    let again = hindsight(&["demo", "--forecasts", "10", a.to_str().unwrap()]);
    assert_eq!(again.status, 2, "never writes into a folder with files");
}

/// A build for hooks and CI (`--no-default-features`) has no app: asking for one says so.
#[cfg(not(feature = "app"))]
#[test]
fn without_the_app_feature_opening_a_folder_says_how_to_get_the_app() {
    let ledger = TempLedger::fixture();
    let folder = ledger.scenarios();
    let run = hindsight(&[folder.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no desktop app"), "{}", run.stderr);
    assert!(
        run.stderr.contains("cargo install --path ."),
        "{}",
        run.stderr
    );
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "the commands still work: {}", check.stdout);
}

#[test]
fn log_outside_a_repository_says_so_in_its_own_words() {
    let ledger = TempLedger::fixture();
    let run = ledger.run(&["log", "bo-minister-resigns"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("fatal"), "{}", run.stderr);
}

#[test]
fn the_report_header_counts_one_forecast_in_the_singular() {
    let ledger = TempLedger::fixture();
    let run = ledger.run(&["report", "--search", "treaty signing"]);
    assert!(run.stdout.contains(": 1 forecast, "), "{}", run.stdout);
}

#[test]
fn a_filter_value_the_folder_lacks_is_an_error_with_the_closest_values() {
    let shipped = common::shipped();
    let typo = hindsight(&["list", "--author", "Baunof", &shipped]);
    assert_eq!(typo.status, 2, "{}", typo.stderr);
    assert!(
        typo.stderr.contains("--author 'Baunof' matches nothing in")
            && typo.stderr.contains("did you mean 'Aleksandr Baunov'?"),
        "{}",
        typo.stderr
    );
    let far = hindsight(&["report", "--tag", "qwertyuiop", &shipped]);
    assert_eq!(far.status, 2);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
    // An outlet is named by its words, whatever the case.
    let outlet = hindsight(&[
        "list",
        "--outlet",
        "deutsche welle",
        "--format",
        "json",
        &shipped,
    ]);
    assert_eq!(outlet.status, 0, "{}", outlet.stderr);
    assert_eq!(outlet.json().as_array().unwrap().len(), 4);
    // The search covers scenario titles and tags too.
    let search = hindsight(&[
        "list",
        "--search",
        "crackdown",
        "--format",
        "json",
        &shipped,
    ]);
    assert!(
        search.json().as_array().unwrap().len() >= 2,
        "{}",
        search.stdout
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_argument_parser() {
    for (shell, marker) in [
        ("bash", "_hindsight()"),
        ("zsh", "#compdef hindsight"),
        ("fish", "complete -c hindsight"),
    ] {
        let run = hindsight(&["completions", shell]);
        assert_eq!(run.status, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(marker), "{shell}");
        assert!(
            run.stdout.contains("import"),
            "{shell}: every command is there"
        );
    }
    let man = hindsight(&["man"]);
    assert_eq!(man.status, 0);
    assert!(man.stdout.contains(".TH hindsight 1"), "{}", man.stdout);
    assert!(man.stdout.contains("resolve"));
}
