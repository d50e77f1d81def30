//! Property: any valid ledger, written in the canonical form and loaded back, is the same
//! ledger with no problems; and writing is idempotent (formatting a canonical file through
//! the write door changes nothing).

use crate::common;
use hindsight::Door;
use hindsight::Kind;

use chrono::NaiveDate;
use proptest::prelude::*;

use hindsight::{
    FORMAT_VERSION, Forecast, Outcome, People, Person, Resolution, ResolveBy, Scenario, Source,
    Verdict, load,
};
use hindsight::{Formatted, canonical_text, file_kind};
use hindsight::{people_document, scenario_document};

/// Text as people quote it: curly and straight quotes, backslashes, other scripts, tabs and
/// line breaks (everything RON must escape or keep), but never blank.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 \"\\\\'’“”«»—…,.!?éüß中文Ж\t\n]{0,30}[A-Za-z]"
}

/// One line of such text: titles, names and outlets hold no line breaks or tabs.
fn line() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 \"\\\\'’“”«»—…,.!?éüß中文Ж]{0,30}[A-Za-z]"
}

fn date(from: &str, max_days: i64) -> impl Strategy<Value = NaiveDate> {
    let start: NaiveDate = from.parse().unwrap();
    (0..=max_days).prop_map(move |days| start + chrono::Duration::days(days))
}

const PEOPLE: [&str; 3] = ["ada-lovelace", "bo-jensen", "chidi-okafor"];
const PHRASES: [&str; 4] = ["likely", "never", "almost certainly", "less likely"];

fn person(id: &str) -> Person {
    Person {
        id: id.into(),
        name: id.replace('-', " "),
        aliases: Vec::new(),
        affiliation: None,
        note: None,
        // One of them is a group, so that a kind other than the default round-trips.
        kind: if id == "bo-jensen" {
            Kind::Group
        } else {
            Kind::Individual
        },
    }
}

fn outcome(made: NaiveDate) -> impl Strategy<Value = Outcome> {
    let verdict = prop_oneof![
        Just(Verdict::True),
        Just(Verdict::False),
        Just(Verdict::Partly),
        Just(Verdict::Ambiguous),
        Just(Verdict::Annulled),
    ];
    let resolved = (
        verdict,
        0..=1000i64,
        proptest::option::of(line()),
        text(),
        proptest::option::of("[a-z]{1,8}"),
    )
        .prop_map(move |(verdict, days, judge, evidence, link)| {
            Outcome::Resolved(Resolution {
                verdict,
                on: made + chrono::Duration::days(days),
                judge,
                evidence: Some(evidence),
                link: link.map(|path| format!("https://example.org/{path}")),
            })
        });
    prop_oneof![Just(Outcome::Open), resolved]
}

fn forecast(index: usize, source: String, published: NaiveDate) -> impl Strategy<Value = Forecast> {
    (
        0..60i64,
        0..PEOPLE.len(),
        text(),
        text(),
        prop_oneof![
            (0..PHRASES.len()).prop_map(|i| (Some(PHRASES[i].to_string()), None)),
            (0.0..=1.0f64).prop_map(|p| (None, Some(p))),
            (0..PHRASES.len(), 0.0..=1.0f64)
                .prop_map(|(i, p)| (Some(PHRASES[i].to_string()), Some(p))),
        ],
        proptest::option::of(0..PHRASES.len()),
        proptest::option::of(text()),
        (any::<bool>(), 0..2000i64),
        proptest::collection::vec("[a-z]{1,6}", 0..3),
    )
        .prop_flat_map(
            move |(
                before,
                by,
                quote,
                claim,
                (expression, probability),
                baseline,
                condition,
                (stated, horizon),
                tags,
            )| {
                let made = published - chrono::Duration::days(before);
                let resolve_by = made + chrono::Duration::days(horizon);
                let forecast = Forecast {
                    question: None,
                    id: format!("forecast-{index}"),
                    by: PEOPLE[by].into(),
                    source: source.clone(),
                    made,
                    quote,
                    claim,
                    expression,
                    baseline: baseline.map(|i| PHRASES[i].to_string()),
                    probability,
                    condition,
                    resolve_by: if stated {
                        ResolveBy::Stated(resolve_by)
                    } else {
                        ResolveBy::Default(resolve_by)
                    },
                    tags,
                    outcome: Outcome::Open,
                };
                outcome(made).prop_map(move |outcome| Forecast {
                    outcome,
                    ..forecast.clone()
                })
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        line(),
        text(),
        proptest::collection::vec("[a-z]{1,6}", 0..3),
        proptest::collection::vec(
            (
                line(),
                line(),
                proptest::option::of(line()),
                date("2015-01-01", 2500),
            ),
            1..4,
        ),
        0..12usize,
    )
        .prop_flat_map(|(title, summary, tags, sources, count)| {
            let sources: Vec<Source> = sources
                .into_iter()
                .enumerate()
                .map(|(i, (outlet, title, author, published))| Source {
                    id: format!("source-{i}"),
                    outlet,
                    title,
                    author,
                    published,
                    url: Some(format!("https://example.org/{i}")),
                    seed: None,
                })
                .collect();
            let forecasts: Vec<_> = (0..count)
                .map(|i| {
                    let source = &sources[i % sources.len()];
                    forecast(i, source.id.clone(), source.published)
                })
                .collect();
            (
                Just((title.clone(), summary.clone(), tags.clone(), sources)),
                forecasts,
            )
        })
        .prop_map(|((title, summary, tags, sources), forecasts)| Scenario {
            questions: Vec::new(),
            format: FORMAT_VERSION,
            id: "generated".into(),
            title,
            summary,
            tags,
            sources,
            forecasts,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn canonical_text_reads_back_as_the_same_scenario_and_is_a_fixed_point(scenario in scenario()) {
        let text = scenario_document("// generated\n", &scenario);
        let path = std::path::Path::new("generated.ron");
        let parsed = hindsight::parse::<Scenario>(path, &text)
            .unwrap_or_else(|problems| panic!("{problems:?}\n{text}"));
        prop_assert_eq!(&parsed.value, &scenario);
        let kind = file_kind(std::path::Path::new("."), path);
        prop_assert_eq!(canonical_text(kind, path, &text), Ok(Formatted::Canonical));
    }

    #[test]
    fn a_written_ledger_loads_without_problems_and_formatting_it_changes_nothing(scenario in scenario()) {
        let ledger = common::TempLedger::empty();
        let people = People {
            format: FORMAT_VERSION,
            people: PEOPLE.iter().map(|id| person(id)).collect(),
        };
        ledger.write("people.ron", people_document("", &people));
        let path = ledger.write("generated.ron", scenario_document("", &scenario));
        let before = ledger.read("generated.ron");

        let loaded = load(&ledger.scenarios(), "2030-01-01".parse().unwrap()).unwrap();
        prop_assert!(loaded.problems.iter().all(|p| !p.is_error()), "{:?}", loaded.problems);
        prop_assert_eq!(&loaded.files[0].scenario, &scenario);
        prop_assert_eq!(Door::of(&loaded, &path).reformat().unwrap(), false);
        prop_assert_eq!(ledger.read("generated.ron"), before);
    }
}
