//! The canonical writer: loading and saving an unchanged file gives identical bytes, `fmt`
//! brings any valid file to that form (idempotently) without losing anything, and every
//! string survives a write and a read.

use crate::common;

use std::path::Path;

use chrono::NaiveDate;
use common::{TempLedger, fixture_dir, today};
use hindsight::scenario_document;
use hindsight::{
    Forecast, Outcome, Resolution, ResolveBy, Scenario, Source, Verdict, load, ron_files,
};
use hindsight::{FormatRefusal, Formatted, canonical_text, file_kind};

#[test]
fn canonical_files_round_trip_byte_for_byte() {
    let dir = fixture_dir().join("scenarios");
    let files = ron_files(&dir).unwrap();
    assert!(files.problems.is_empty());
    assert!(files.paths.len() >= 4);
    for path in files.paths {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            canonical_text(file_kind(&dir, &path), &path, &text),
            Ok(Formatted::Canonical),
            "{} is canonical",
            path.display()
        );
    }
    // And through the ledger: what the loader read, written back, is the file.
    let ledger = load(&dir, today()).unwrap();
    for file in &ledger.files {
        let text = std::fs::read_to_string(&file.path).unwrap();
        let header_end = text.find("Scenario(").unwrap();
        assert_eq!(scenario_document(&text[..header_end], &file.scenario), text);
    }
}

/// A valid but hand-written file: fields out of order, `Some(…)`, CRLF line endings,
/// odd indentation, no blank lines, no trailing commas.
const MESSY: &str = "// kept: a header comment\r\nScenario(format: 1, id: \"messy\", title: \"Messy\",\r\n  tags: [ \"a\",\"b\" ],\r\n  sources: [Source(outlet: \"O\", id: \"s\", title: \"T\", published: \"2022-01-01\", author: Some(\"A\"))],\r\n  forecasts: [\r\n\tForecast(outcome: Resolved(on: \"2022-05-01\", verdict: False, evidence: \"E\"), id: \"m1\", by: \"ada-fixture\", source: \"s\", made: \"2022-01-01\",\r\n\t  quote: \"Q\", claim: \"C\", expression: Some(\"likely\"), resolve_by: Default(\"2022-12-31\")),\r\n\tForecast(id: \"m2\", by: \"ada-fixture\", source: \"s\", made: \"2022-01-01\", quote: \"Q2\", claim: \"C2\", probability: 1, resolve_by: Stated(\"2022-12-31\"), outcome: Open)\r\n  ]\r\n)";

const MESSY_CANONICAL: &str = r#"// kept: a header comment
Scenario(
    format: 1,
    id: "messy",
    title: "Messy",
    summary: "",
    tags: ["a", "b"],
    sources: [
        Source(
            id: "s",
            outlet: "O",
            title: "T",
            author: "A",
            published: "2022-01-01",
        ),
    ],
    forecasts: [
        Forecast(
            id: "m1",
            by: "ada-fixture",
            source: "s",
            made: "2022-01-01",
            quote: "Q",
            claim: "C",
            expression: "likely",
            resolve_by: Default("2022-12-31"),
            outcome: Resolved(
                verdict: False,
                on: "2022-05-01",
                evidence: "E",
            ),
        ),

        Forecast(
            id: "m2",
            by: "ada-fixture",
            source: "s",
            made: "2022-01-01",
            quote: "Q2",
            claim: "C2",
            probability: 1.0,
            resolve_by: Stated("2022-12-31"),
            outcome: Open,
        ),
    ],
)
"#;

#[test]
fn fmt_brings_a_hand_written_file_to_the_canonical_form_and_is_idempotent() {
    let ledger = TempLedger::fixture();
    let path = ledger.write("messy.ron", MESSY);
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "the messy file is valid: {}", check.stdout);

    let run = ledger.run(&["fmt", "--check"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout.trim(),
        path.display().to_string(),
        "only the messy file is listed"
    );
    assert_eq!(ledger.read("messy.ron"), MESSY, "--check changes nothing");

    let run = ledger.run(&["fmt"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(ledger.read("messy.ron"), MESSY_CANONICAL);
    assert_eq!(
        ledger.run(&["fmt", "--check"]).status,
        0,
        "formatting twice changes nothing"
    );

    // The meaning is unchanged.
    let before: Scenario = hindsight::ron_options().from_str(MESSY).unwrap();
    let after: Scenario = hindsight::ron_options().from_str(MESSY_CANONICAL).unwrap();
    assert_eq!(before, after);
}

#[test]
fn fmt_leaves_alone_a_file_whose_comments_it_would_drop() {
    let ledger = TempLedger::fixture();
    let text = MESSY_CANONICAL.replace(
        "    tags: [\"a\", \"b\"],\n",
        "    // why these tags\n    tags: [\"a\",\"b\"],\n",
    );
    ledger.write("messy.ron", &text);
    let run = ledger.run(&["fmt"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains(
            "messy.ron: not formatted: has a comment at line 7, column 5 that formatting would drop"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(ledger.read("messy.ron"), text);
    assert_eq!(
        canonical_text(
            file_kind(Path::new("x"), Path::new("x/m.ron")),
            Path::new("m.ron"),
            &text
        ),
        Err(FormatRefusal::CommentInBody(hindsight::Position {
            line: 7,
            column: 5
        }))
    );
}

#[test]
fn people_and_phrase_files_are_formatted_too() {
    let ledger = TempLedger::fixture();
    let people = "People(format: 1, people: [Person(id: \"ada-fixture\", name: \"Ada Fixture\", aliases: []), Person(id: \"bo-testwell\", name: \"Bo Testwell\", aliases: [\"B. Testwell\"]), Person(name: \"Kassym-Jomart Tokayev\", id: \"kassym-jomart-tokayev\", aliases: [\"Tokayev\", \"Toqaev\", \"Qasym Toqaev\"]), Person(id: \"unnamed-analysts\", name: \"U\")])";
    ledger.write("people.ron", people);
    ledger.write("phrases.ron", "Phrases(format: 1, phrases: [Phrase(source: \"s\", phrase: \"likely\", probability: 0.75), Phrase(phrase: \"one thing is clear\", probability: 0.95, source: \"t\")])");
    assert_eq!(ledger.run(&["fmt"]).status, 0);
    assert_eq!(
        ledger.read("phrases.ron"),
        "Phrases(\n    format: 1,\n    phrases: [\n        Phrase(phrase: \"likely\", probability: 0.75, source: \"s\"),\n        Phrase(phrase: \"one thing is clear\", probability: 0.95, source: \"t\"),\n    ],\n)\n"
    );
    assert!(ledger.read("people.ron").contains(
        "        Person(\n            id: \"bo-testwell\",\n            name: \"Bo Testwell\",\n            aliases: [\"B. Testwell\"],\n        ),\n\n        Person(\n"
    ));
    assert_eq!(ledger.run(&["check"]).status, 0);
}

#[test]
fn every_string_survives_writing_and_reading() {
    let awkward = [
        "plain",
        "Putin’s “peacekeepers” — «ok»",
        "I wouldn't be surprised",
        "back\\slash and \"quotes\"",
        "two\nlines\tand a tab\r",
        "control \u{7} bell and \u{0} nul",
        "emoji 🎯 and combining e\u{301}",
        "",
    ];
    let date = NaiveDate::from_ymd_opt(2022, 1, 6).unwrap();
    let forecasts = awkward
        .iter()
        .enumerate()
        .map(|(i, text)| Forecast {
            question: None,
            id: format!("f{i}"),
            by: text.to_string(),
            source: "s".into(),
            made: date,
            quote: text.to_string(),
            claim: text.to_string(),
            expression: Some(text.to_string()),
            baseline: Some(text.to_string()),
            probability: Some(0.1 * i as f64),
            condition: Some(text.to_string()),
            resolve_by: ResolveBy::Default(date),
            tags: vec![text.to_string()],
            outcome: Outcome::Resolved(Resolution {
                verdict: Verdict::ALL[i % 5],
                on: date,
                judge: Some(text.to_string()),
                evidence: Some(text.to_string()),
                link: Some(text.to_string()),
            }),
        })
        .collect();
    let scenario = Scenario {
        questions: Vec::new(),
        format: 1,
        id: "strings".into(),
        title: awkward.join(" | "),
        summary: awkward.join("\n"),
        tags: awkward.iter().map(|s| s.to_string()).collect(),
        sources: vec![Source {
            id: "s".into(),
            outlet: awkward[1].into(),
            title: awkward[3].into(),
            author: Some(awkward[4].into()),
            published: date,
            url: None,
            seed: None,
        }],
        forecasts,
    };
    let text = scenario_document("", &scenario);
    let read: Scenario = hindsight::ron_options().from_str(&text).unwrap();
    assert_eq!(read, scenario);
    assert!(
        text.contains("Putin’s “peacekeepers”"),
        "typographic quotes stay readable"
    );
    assert!(
        text.contains("I wouldn't be surprised"),
        "apostrophes are not escaped"
    );
    assert!(!text.contains('\r'), "only \\n line endings");
    assert!(text.ends_with(")\n"));
}
