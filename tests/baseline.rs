//! A comparative measured from the level the text gives: "even more likely than *likely*"
//! scores above "likely", "even less likely than *unlikely*" below "unlikely", and the
//! baseline is checked, explained and written like every other field. Figures are worked
//! out by hand from the built-in rows (likely 0.7, range 0.6–0.75; unlikely 0.2, range
//! 0.1–0.25; the comparatives 0.65 / 0.35, i.e. 30% of the remaining distance).

use crate::common;

use common::TempLedger;
use common::numbers::assert_close;
use hindsight::{Ledger, ProbabilityOrigin};

const PEOPLE: &str = r#"People(
    format: 1,
    people: [
        Person(
            id: "ada",
            name: "Ada Analyst",
        ),
    ],
)
"#;

/// A scenario whose forecasts each say `confidence` (the lines between `claim` and
/// `resolve_by`), one forecast per entry, with ids `f0`, `f1`, …
fn scenario(confidences: &[&str]) -> String {
    let forecasts: Vec<String> = confidences
        .iter()
        .enumerate()
        .map(|(i, confidence)| {
            format!(
                r#"        Forecast(
            id: "f{i}",
            by: "ada",
            source: "s",
            made: "2022-01-07",
            quote: "Q{i}",
            claim: "C{i}",
{confidence}
            resolve_by: Stated("2022-12-31"),
            outcome: Open,
        ),
"#
            )
        })
        .collect();
    format!(
        r#"Scenario(
    format: 1,
    id: "baselines",
    title: "Baselines",
    sources: [
        Source(
            id: "s",
            outlet: "O",
            title: "T",
            published: "2022-01-07",
        ),
    ],
    forecasts: [
{}    ],
)
"#,
        forecasts.join("\n")
    )
}

fn ledger_with(confidences: &[&str]) -> TempLedger {
    let ledger = TempLedger::empty();
    ledger.write("people.ron", PEOPLE);
    ledger.write("baselines.ron", scenario(confidences));
    ledger
}

fn probability(ledger: &Ledger, id: &str) -> hindsight::EffectiveProbability {
    let view = ledger.view(ledger.find(id).unwrap());
    view.entry.probability.clone().expect("a probability")
}

#[test]
fn a_comparative_moves_from_the_baseline_the_text_gives() {
    let folder = ledger_with(&[
        "            expression: \"even more likely\",\n            baseline: \"likely\",",
        "            expression: \"even less likely\",\n            baseline: \"Unlikely\",",
        "            expression: \"more likely\",",
    ]);
    let ledger = folder.load();
    assert!(ledger.problems.is_empty(), "{:?}", ledger.problems);

    // 0.7 + 0.3 × (1 − 0.7); the range ends alike: 0.6 → 0.72, 0.75 → 0.825.
    let more = probability(&ledger, "f0");
    assert_close(more.value, 0.79, "more");
    let ProbabilityOrigin::Phrase {
        phrase,
        range,
        baseline,
        ..
    } = &more.origin
    else {
        panic!("{more:?}")
    };
    assert_eq!(phrase, "even more likely");
    assert_eq!(baseline, &Some(("likely".to_string(), 0.7)));
    let (low, high) = range.unwrap();
    assert_close(low, 0.72, "low");
    assert_close(high, 0.825, "high");
    assert_eq!(
        more.baseline_explanation().as_deref(),
        Some("even more likely than 'likely' (70%) ➡ 79%")
    );

    // 0.7 × 0.2; the range 0.1 → 0.07, 0.25 → 0.175.
    let less = probability(&ledger, "f1");
    assert_close(less.value, 0.14, "less");
    assert!(less.value < 0.2, "below 'unlikely' itself");
    assert_eq!(
        less.baseline_explanation().as_deref(),
        Some("even less likely than 'unlikely' (20%) ➡ 14%")
    );

    // Without a baseline a comparative is still the table's lean from an even chance.
    let lean = probability(&ledger, "f2");
    assert_close(lean.value, 0.65, "lean");
    assert_eq!(lean.baseline_explanation(), None);

    // What the command line lists and scores is the moved figure.
    let run = folder.run(&["list", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let list = run.json();
    let listed = |id: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap()["probability"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(listed("f0"), 0.79);
    assert_eq!(listed("f1"), 0.14);
}

#[test]
fn the_step_and_the_baseline_come_from_the_folders_table_when_it_overrides_them() {
    let folder = ledger_with(&[
        "            expression: \"more likely\",\n            baseline: \"likely\",",
        "            expression: \"less likely\",\n            baseline: \"tiny chance\",",
    ]);
    folder.write(
        "phrases.ron",
        r#"Phrases(
    format: 1,
    phrases: [
        Phrase(phrase: "more likely", probability: 0.6, source: "our convention: a smaller lean"),
        Phrase(phrase: "likely", probability: 0.75, range: (0.6, 0.85), source: "our convention"),
        Phrase(phrase: "tiny chance", probability: 0.1, source: "our convention"),
    ],
)
"#,
    );
    let ledger = folder.load();
    assert!(ledger.problems.is_empty(), "{:?}", ledger.problems);
    // "more likely" at 0.6 moves an even chance 20% of the way to 1: 0.75 + 0.2 × 0.25.
    let more = probability(&ledger, "f0");
    assert_close(more.value, 0.8, "more");
    let ProbabilityOrigin::Phrase { range, .. } = more.origin else {
        panic!()
    };
    let (low, high) = range.unwrap();
    assert_close(low, 0.68, "low");
    assert_close(high, 0.88, "high");
    // The built-in "less likely" (0.35) from the folder's "tiny chance" (0.1), which has no range.
    let less = probability(&ledger, "f1");
    assert_close(less.value, 0.07, "less");
    let ProbabilityOrigin::Phrase { range, .. } = less.origin else {
        panic!()
    };
    assert_eq!(range, None);
}

#[test]
fn an_unknown_baseline_is_an_error_at_its_value_with_the_closest_phrases() {
    let folder = ledger_with(&[
        "            expression: \"even more likely\",\n            baseline: \"likley\",",
        // Even where it would change nothing, a baseline must name a row.
        "            probability: 0.8,\n            baseline: \"probabely\",",
    ]);
    let run = folder.run(&["check"]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    let path = folder.path("baselines.ron");
    // `baseline:` is line 22 of the file, its value at column 23.
    let expected = format!(
        "{}:22:23: error: unknown baseline phrase 'likley'; closest known phrases: 'likely'",
        path.display()
    );
    assert!(
        run.stdout.lines().any(|line| line.starts_with(&expected)),
        "{expected}\n{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(":35:23: error: unknown baseline phrase 'probabely'"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("2 forecasts, 2 errors, 0 warnings\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_baseline_that_changes_nothing_is_a_warning() {
    let folder = ledger_with(&[
        "            expression: \"may\",\n            baseline: \"likely\",",
        "            expression: \"even more likely\",\n            baseline: \"likely\",\n            probability: 0.8,",
    ]);
    let ledger = folder.load();
    let messages: Vec<String> = ledger.problems.iter().map(ToString::to_string).collect();
    assert_eq!(ledger.error_count(), 0, "{messages:#?}");
    assert_eq!(ledger.warning_count(), 2, "{messages:#?}");
    assert!(
        messages[0].contains(
            ":22:23: warning: baseline 'likely' has no effect: 'may' is not a comparative"
        ),
        "{messages:#?}"
    );
    assert!(
        messages[1].contains(
            ":35:23: warning: baseline 'likely' has no effect: the explicit probability is scored"
        ),
        "{messages:#?}"
    );
    // The figures are what they would be without it.
    assert_close(probability(&ledger, "f0").value, 0.4, "f0");
    assert_close(probability(&ledger, "f1").value, 0.8, "f1");

    assert_eq!(folder.run(&["check"]).status, 0);
    assert_eq!(folder.run(&["check", "--deny-warnings"]).status, 1);
}

#[test]
fn fmt_writes_the_baseline_right_after_the_expression_and_keeps_it() {
    // Hand-written: baseline first, `Some(…)`, on one line.
    let folder =
        ledger_with(&["            baseline: Some(\"likely\"), expression: \"even more likely\","]);
    let run = folder.run(&["fmt"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let text = folder.read("baselines.ron");
    assert!(
        text.contains(
            "            expression: \"even more likely\",\n            baseline: \"likely\",\n            resolve_by:"
        ),
        "{text}"
    );
    assert_eq!(folder.run(&["fmt", "--check"]).status, 0);
    let ledger = folder.load();
    let view = ledger.view(ledger.find("f0").unwrap());
    assert_eq!(view.forecast.baseline.as_deref(), Some("likely"));
    assert_close(probability(&ledger, "f0").value, 0.79, "f0");
}
