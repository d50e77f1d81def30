//! Every kind of bad input gets a clear `path:line:col: error: message`, nothing is lost,
//! and one broken file never stops the others from loading.

use crate::common;

use common::{TempLedger, resolve};

/// A valid scenario file; each case below breaks one thing in it. Line numbers in the
/// assertions refer to this layout.
const BASE: &str = r#"Scenario(
    format: 1,
    id: "extra",
    title: "Extra",
    sources: [
        Source(id: "s", outlet: "O", title: "T", published: "2022-01-01"),
    ],
    forecasts: [
        Forecast(
            id: "x1",
            by: "ada-fixture",
            source: "s",
            made: "2022-01-01",
            quote: "Q",
            claim: "C",
            expression: "likely",
            resolve_by: Stated("2022-12-31"),
            outcome: Open,
        ),
    ],
)
"#;

/// The fixture's own forecasts, which must keep loading whatever is wrong with `extra.ron`.
const FIXTURE_FORECASTS: usize = 9;

fn broken(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base text has {from:?}");
    BASE.replacen(from, to, 1)
}

/// Runs `check` on the fixture plus `extra.ron`, and returns the problem lines about it.
fn check_extra(contents: impl AsRef<[u8]>) -> (i32, Vec<String>, String) {
    let ledger = TempLedger::fixture();
    let path = ledger.write("extra.ron", contents);
    let run = ledger.run(&["check"]);
    let prefix = format!("{}:", path.display());
    let lines = run
        .stdout
        .lines()
        .filter(|line| line.starts_with(&prefix))
        .map(|line| line[prefix.len()..].to_string())
        .collect();
    let summary = run.stdout.lines().last().unwrap_or_default().to_string();
    (run.status, lines, summary)
}

fn assert_error(contents: impl AsRef<[u8]>, location: &str, message: &str) -> String {
    let (status, lines, summary) = check_extra(contents);
    assert_eq!(status, 1, "check fails on an error");
    let expected = format!("{location}: error: ");
    let line = lines
        .iter()
        .find(|line| line.starts_with(&expected) && line.contains(message))
        .unwrap_or_else(|| panic!("no `{expected}…{message}…` among {lines:#?}"));
    line.clone() + "\n" + &summary
}

fn assert_other_files_load(summary: &str, forecasts: usize) {
    assert!(
        summary.contains(&format!(" {forecasts} forecasts,")),
        "the other files still load: {summary}"
    );
}

#[test]
fn the_base_file_is_valid() {
    let (status, lines, summary) = check_extra(BASE);
    assert_eq!(status, 0, "{lines:?}");
    assert!(lines.is_empty(), "{lines:?}");
    assert_other_files_load(&summary, FIXTURE_FORECASTS + 1);
}

#[test]
fn a_missing_comma_is_pointed_at_the_end_of_the_value_that_lacks_it() {
    // Not at the next line, where the parser noticed.
    let out = assert_error(
        broken("quote: \"Q\",", "quote: \"Q\""),
        "14:23",
        "missing ',' after this value",
    );
    assert_other_files_load(&out, FIXTURE_FORECASTS);
}

#[test]
fn single_quotes_are_said_to_be_double_quotes_in_a_string() {
    assert_error(
        broken("expression: \"likely\",", "expression: 'likely',"),
        "16:25",
        "strings take double quotes (\"likely\", not 'likely')",
    );
}

#[test]
fn a_bare_resolve_by_date_is_told_how_to_write_it() {
    assert_error(
        broken(
            "resolve_by: Stated(\"2022-12-31\"),",
            "resolve_by: \"2022-12-31\",",
        ),
        "17:25",
        "`resolve_by` takes Stated(\"YYYY-MM-DD\") when the forecaster gave the date, or Default(\"YYYY-MM-DD\") for a horizon the ledger chose: write resolve_by: Stated(\"2022-12-31\")",
    );
}

#[test]
fn an_unterminated_string_names_where_it_starts() {
    assert_error(
        broken("outcome: Open,", "outcome: \"Open,"),
        "18:22",
        "unterminated string",
    );
}

#[test]
fn wrong_types_are_reported_at_the_value() {
    let out = assert_error(
        broken("expression: \"likely\",", "probability: \"high\","),
        "16:26",
        "expected a number (in `probability`)",
    );
    assert_other_files_load(&out, FIXTURE_FORECASTS);
}

#[test]
fn unknown_fields_are_named_with_the_known_ones() {
    assert_error(
        broken("expression: \"likely\",", "confidence: \"likely\","),
        "16:13",
        "unknown field `confidence` in Forecast; expected one of: id, by, source",
    );
}

#[test]
fn missing_fields_are_named() {
    let (status, lines, _) = check_extra(broken("            claim: \"C\",\n", ""));
    assert_eq!(status, 1);
    let line = lines
        .iter()
        .find(|l| l.contains("missing field `claim` in Forecast"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    let row: usize = line.split(':').next().unwrap().parse().unwrap();
    assert!(
        (9..=18).contains(&row),
        "inside the forecast's block: {line}"
    );
}

#[test]
fn every_broken_forecast_is_reported_not_only_the_first() {
    let two = BASE.replacen(
        "        ),\n    ],",
        "        ),\n\n        Forecast(\n            id: \"x2\",\n            by: \"ada-fixture\",\n            source: \"s\",\n            made: \"2022-13-01\",\n            quote: \"Q\",\n            claim: \"C\",\n            expression: \"likely\",\n            resolve_by: Stated(\"2022-12-31\"),\n            outcome: Open,\n        ),\n    ],",
        1,
    );
    let two = two
        .replacen("confidence", "x", 1)
        .replacen("quote: \"Q\",", "qoute: \"Q\",", 1);
    let (status, lines, _) = check_extra(two);
    assert_eq!(status, 1);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("14:13: error: unknown field `qoute`")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("25:") && l.contains("invalid date in `made`")),
        "{lines:#?}"
    );
}

#[test]
fn invalid_dates_say_what_is_expected() {
    assert_error(
        broken("made: \"2022-01-01\"", "made: \"2022-02-30\""),
        "13:19",
        "invalid date in `made` (input is out of range); expected \"YYYY-MM-DD\"",
    );
}

#[test]
fn duplicate_ids_across_files_point_at_the_first() {
    let ledger = TempLedger::fixture();
    let extra = ledger.write("extra.ron", broken("id: \"x1\"", "id: \"ada-prices-rise\""));
    let run = ledger.run(&["check"]);
    assert_eq!(run.status, 1);
    // extra.ron sorts first, so the copy in prices.ron is the duplicate.
    let expected = format!(
        "{}:29:17: error: duplicate forecast id 'ada-prices-rise' (first at {}:10:17)",
        ledger.path("prices.ron").display(),
        extra.display()
    );
    assert!(run.stdout.contains(&expected), "{}", run.stdout);
}

#[test]
fn an_unknown_source_lists_the_known_ones() {
    assert_error(
        broken("source: \"s\"", "source: \"nope\""),
        "12:21",
        "unknown source 'nope'; sources in this file: s",
    );
}

#[test]
fn an_unknown_person_suggests_the_likely_one() {
    assert_error(
        broken("by: \"ada-fixture\"", "by: \"Qasym-Zhomart Tokayev\""),
        "11:17",
        "did you mean 'Kassym-Jomart Tokayev' (id 'kassym-jomart-tokayev')? If it is the same person, add 'Qasym-Zhomart Tokayev' to their aliases",
    );
}

#[test]
fn a_resolution_before_the_forecast_was_made_is_impossible() {
    assert_error(
        broken(
            "outcome: Open,",
            "outcome: Resolved(verdict: True, on: \"2021-12-01\", evidence: \"E\"),",
        ),
        "18:22",
        "resolved on 2021-12-01, before the forecast was made (2022-01-01)",
    );
}

#[test]
fn a_resolve_by_date_before_the_forecast_was_made_is_impossible() {
    assert_error(
        broken("Stated(\"2022-12-31\")", "Stated(\"2021-06-01\")"),
        "17:25",
        "resolve-by date 2021-06-01 is before the forecast was made (2022-01-01)",
    );
}

#[test]
fn probabilities_outside_zero_to_one_are_refused() {
    assert_error(
        broken("expression: \"likely\",", "probability: 1.5,"),
        "16:26",
        "probability 1.5 is outside [0, 1]",
    );
}

#[test]
fn an_unknown_phrase_suggests_the_closest_known_ones() {
    assert_error(
        broken("expression: \"likely\"", "expression: \"most probably\""),
        "16:25",
        "unknown confidence phrase 'most probably'; closest known phrases: 'probably'",
    );
}

#[test]
fn an_unknown_negation_explains_why_it_is_not_computed() {
    assert_error(
        broken("expression: \"likely\"", "expression: \"not impossible\""),
        "16:25",
        "negations are not computed",
    );
}

#[test]
fn seed_paths_may_not_leave_the_project_folder() {
    let source = "published: \"2022-01-01\"),";
    assert_error(
        broken(
            source,
            "published: \"2022-01-01\", seed: \"../../etc/passwd\"),",
        ),
        "6:81",
        "seed path '../../etc/passwd' leaves the project folder",
    );
    assert_error(
        broken(source, "published: \"2022-01-01\", seed: \"/etc/passwd\"),"),
        "6:81",
        "seed path '/etc/passwd' leaves the project folder",
    );
}

#[test]
fn a_missing_seed_file_is_a_warning() {
    let (status, lines, _) = check_extra(broken(
        "published: \"2022-01-01\"),",
        "published: \"2022-01-01\", seed: \"seeds/missing.txt\"),",
    ));
    assert_eq!(status, 0, "a warning does not fail check");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("6:81: warning: seed file not found")),
        "{lines:#?}"
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let out = assert_error(
        "",
        "1:1",
        "empty file: expected a scenario file starting with `Scenario(`",
    );
    assert_other_files_load(&out, FIXTURE_FORECASTS);
    assert_error("\n  \n", "1:1", "empty file");
}

#[test]
fn a_file_that_is_not_utf8_names_the_bad_byte() {
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("\"C\"").unwrap() + 1;
    bytes[at] = 0xff;
    let out = assert_error(bytes, "15:21", "not UTF-8 text (byte 0xff)");
    assert_other_files_load(&out, FIXTURE_FORECASTS);
}

#[test]
fn a_file_of_another_kind_is_named_as_such() {
    assert_error(
        "// settings\nConfig(\n    format: 1,\n)\n",
        "2:1",
        "not a scenario file: it holds `Config(…)`, expected `Scenario(…)`",
    );
    assert_error(
        "[1, 2, 3]\n",
        "1:1",
        "not a scenario file: expected it to start with `Scenario(`",
    );
}

#[test]
fn a_newer_format_is_refused_rather_than_misread() {
    assert_error(
        broken("format: 1", "format: 2"),
        "2:13",
        "written in format 2 by a newer Hindsight",
    );
}

#[test]
fn a_duplicated_field_is_named() {
    assert_error(
        broken("claim: \"C\",", "claim: \"C\",\n            claim: \"D\","),
        "16:13",
        "field `claim` is given twice",
    );
}

#[test]
fn near_duplicate_people_are_a_warning() {
    let ledger = TempLedger::fixture();
    let people = ledger.read("people.ron").replacen(
        "    ],\n)",
        "\n        Person(\n            id: \"tokaev\",\n            name: \"Kasym-Zhomart Tokaev\",\n        ),\n    ],\n)",
        1,
    );
    ledger.write("people.ron", people);
    let run = ledger.run(&["check"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("warning: 'Kasym-Zhomart Tokaev' (tokaev) looks like another spelling of 'Kassym-Jomart Tokayev' (kassym-jomart-tokayev)"),
        "{}",
        run.stdout
    );
}

#[test]
fn fmt_never_rewrites_a_file_with_errors() {
    let ledger = TempLedger::fixture();
    // Not canonical (no blank line between items is fine, but the indentation is off) and
    // with an unknown person: fmt must leave it byte for byte as it is.
    let contents = broken("by: \"ada-fixture\"", "by: \"nobody\"").replace("    ", "  ");
    let path = ledger.write("extra.ron", &contents);
    let run = ledger.run(&["fmt"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("extra.ron: not formatted: has errors"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(path).unwrap(), contents);
}

#[test]
fn a_broken_people_file_is_reported_and_scenarios_still_load() {
    let ledger = TempLedger::fixture();
    ledger.write(
        "people.ron",
        "People(\n    format: 1,\n    people: [\n        Person(id: \"a\"),\n    ],\n)\n",
    );
    let run = ledger.run(&["check"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("people.ron:4:9: error: missing field `name` in Person\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches(": error:").count(),
        1,
        "no cascade of unknown people: {}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!(" {FIXTURE_FORECASTS} forecasts,")),
        "{}",
        run.stdout
    );
}

/// Resolves `x1`, which must succeed; the text of its file (`path`) after.
fn resolve_x1(ledger: &TempLedger, path: &std::path::Path) -> String {
    let run = resolve(&ledger.scenarios(), "x1", "true", "2022-06-01", "T", &[]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    std::fs::read_to_string(path).unwrap()
}

/// A byte-order mark, as Notepad or Excel may put at the start of a UTF-8 file.
const MARK: &str = "\u{feff}";

#[test]
fn a_byte_order_mark_is_no_part_of_the_text_and_positions_are_an_editors() {
    let (status, lines, summary) = check_extra(format!("{MARK}{BASE}"));
    assert_eq!(status, 0, "{lines:?}");
    assert!(lines.is_empty(), "{lines:?}");
    assert_other_files_load(&summary, FIXTURE_FORECASTS + 1);
    // Problems on the first line are counted from after the mark, as an editor shows them.
    assert_error(
        format!("{MARK}{}", broken("Scenario(", "Config(")),
        "1:1",
        "not a scenario file: it holds `Config(…)`",
    );
    let mut bytes = format!("{MARK}{BASE}").into_bytes();
    bytes[MARK.len() + 4] = 0xff;
    assert_error(bytes, "1:5", "not UTF-8 text (byte 0xff)");
    assert_error(
        format!("{MARK}{}", broken("format: 1", "format: 2")),
        "2:13",
        "written in format 2 by a newer Hindsight",
    );
    // The people registry too.
    let ledger = TempLedger::fixture();
    ledger.write("people.ron", format!("{MARK}{}", ledger.read("people.ron")));
    let run = ledger.run(&["check"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
}

#[test]
fn a_file_with_a_byte_order_mark_keeps_it_when_resolved_reopened_and_formatted() {
    for endings in ["\n", "\r\n"] {
        let ledger = TempLedger::fixture();
        let before = format!("{MARK}{}", BASE.replace('\n', endings));
        let path = ledger.write("extra.ron", &before);
        let after = resolve_x1(&ledger, &path);
        assert!(after.starts_with(MARK), "{after:?}");
        // Only the outcome changed; the mark and the line endings are as they were.
        let changed = common::changed_line_range(&before, &after);
        assert_eq!(changed, 18..19, "{after}");
        assert_eq!(
            after.matches(endings).count(),
            after.matches('\n').count(),
            "{endings:?}"
        );
        let run = ledger.run(&["reopen", "x1"]);
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

        // `fmt` keeps the mark too, and takes what it wrote as canonical.
        let run = ledger.run(&["fmt"]);
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
        assert!(std::fs::read_to_string(&path).unwrap().starts_with(MARK));
        let run = ledger.run(&["fmt", "--check"]);
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    }
}

#[test]
fn lines_of_a_quote_that_look_like_conflict_markers_are_its_text() {
    let quote = "quote: \"He wrote:\n<<<<<<< ours\nwe stay\n=======\nwe go\n>>>>>>> theirs\nand nobody knew which\",";
    let contents = broken("quote: \"Q\",", quote);
    let ledger = TempLedger::fixture();
    let path = ledger.write("extra.ron", &contents);
    let run = ledger.run(&["check"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(!run.stdout.contains(": error:"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "extra.ron:15:1: warning: lines 15 to 19 inside a string look like conflict markers"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!(" {} forecasts,", FIXTURE_FORECASTS + 1)),
        "{}",
        run.stdout
    );
    let listed = ledger.run(&["list", "--format", "json"]);
    let x1 = listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "x1")
        .cloned()
        .unwrap();
    assert_eq!(
        x1["quote"],
        "He wrote:\n<<<<<<< ours\nwe stay\n=======\nwe go\n>>>>>>> theirs\nand nobody knew which"
    );
    let after = resolve_x1(&ledger, &path);
    assert!(
        after.contains(quote) && after.contains("verdict: True"),
        "{after}"
    );

    // A quote that a comment or a character literal seems to open does not hide a real
    // conflict after it.
    let fooled = broken(
        "    forecasts: [",
        "    // a \"stray quote\n    tags: ['\"'],\n    forecasts: [",
    )
    .replacen(
        "            outcome: Open,\n",
        "<<<<<<< ours\n            outcome: Open,\n=======\n            outcome: Resolved(on: \"2022-06-01\", verdict: False),\n>>>>>>> theirs\n",
        1,
    );
    assert_error(fooled, "20:1", "unresolved merge conflict (lines 20 to 24)");
}
