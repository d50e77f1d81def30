//! A reproducible synthetic ledger, for trying Hindsight and for benchmarks: many
//! forecasters, scenarios and sources, phrases from the built-in table, mixed outcomes and
//! some overdue forecasts. The same seed always writes the same files, and what it writes
//! passes `check`. Outlets, people and events are made up.

use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::estimative::PhraseTable;
use crate::ledger::create_unchecked;
use crate::ledger::{
    FORMAT_VERSION, Forecast, Outcome, People, Person, Resolution, ResolveBy, Scenario, Source,
    Verdict,
};
use crate::ledger::{people_document, scenario_document};
use crate::prose::capitalized;
use crate::rng::SplitMix64;

#[derive(Clone, Copy, Debug)]
pub struct DemoOptions {
    pub forecasts: usize,
    pub seed: u64,
    /// Forecasts due before this date are mostly resolved; the rest are overdue.
    pub today: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoSummary {
    pub forecasts: usize,
    pub people: usize,
    pub scenarios: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{}: the folder is not empty; the demo writes only into a new or empty folder", .0.display())]
    NotEmpty(std::path::PathBuf),
    #[error("{}: {source}", .path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

const FORECASTS_PER_FILE: usize = 1000;
const SOURCES_PER_SCENARIO: usize = 12;

const FIRST_NAMES: &[&str] = &[
    "Amara", "Bogdan", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ingrid", "Jonas",
    "Kemal", "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Stefan", "Tamar",
    "Ulrich", "Vera", "Wojciech", "Ximena", "Yusuf", "Zofia",
];
const SURNAMES: &[&str] = &[
    "Abbott",
    "Brennan",
    "Castellano",
    "Dvorak",
    "Eriksen",
    "Fontaine",
    "Gallagher",
    "Horvath",
    "Ishikawa",
    "Jablonski",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okonkwo",
    "Petrakis",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Takahashi",
    "Ueda",
    "Vasquez",
    "Whitfield",
    "Yilmaz",
    "Zielinski",
    "Achterberg",
    "Bellamy",
    "Cardoso",
    "Delacroix",
    "Esposito",
];
const OUTLETS: &[&str] = &[
    "The Demo Herald",
    "Example Weekly",
    "Sample Gazette",
    "The Placeholder Post",
    "Fictional Review",
    "Synthetic Times",
    "The Mock Monitor",
    "Imaginary Insider",
];
const AFFILIATIONS: &[&str] = &[
    "think tank analyst",
    "university professor",
    "former diplomat",
    "newspaper columnist",
    "market strategist",
    "government official",
    "independent researcher",
];
const TOPICS: &[(&str, &str)] = &[
    ("oil-prices", "Oil prices"),
    ("elections", "National elections"),
    ("ceasefire", "Ceasefire talks"),
    ("inflation", "Inflation"),
    ("trade-deal", "A regional trade deal"),
    ("protests", "Street protests"),
    ("sanctions", "Sanctions"),
    ("currency", "The currency peg"),
];
const EVENTS: &[&str] = &[
    "the government will fall",
    "the talks will produce a signed agreement",
    "prices will rise by more than ten percent",
    "the central bank will raise rates",
    "the protests will spread to the capital",
    "the sanctions will be lifted",
    "the incumbent will win re-election",
    "the border will reopen",
    "the deal will be ratified",
    "troops will be withdrawn",
];

/// Writes a demo ledger of `options.forecasts` forecasts into `out` (created if needed).
pub fn write_demo(out: &Path, options: DemoOptions) -> Result<DemoSummary, DemoError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DemoError::Io { path, source }
    };
    if out.exists() {
        let mut entries = std::fs::read_dir(out).map_err(io_error(out))?;
        if entries.next().is_some() {
            return Err(DemoError::NotEmpty(out.to_path_buf()));
        }
    }
    std::fs::create_dir_all(out).map_err(io_error(out))?;

    let mut rng = SplitMix64::new(options.seed);
    let people = demo_people(options.forecasts);
    let people_path = out.join(crate::ledger::PEOPLE_FILE);
    let registry = People {
        format: FORMAT_VERSION,
        people: people.clone(),
    };
    create_unchecked(
        &people_path,
        people_document("// Demo forecasters (made up).\n", &registry).as_bytes(),
    )
    .map_err(io_error(&people_path))?;

    let phrases: Vec<String> = PhraseTable::built_in()
        .iter()
        .map(|e| e.phrase.phrase.clone())
        .collect();
    let scenarios = options.forecasts.div_ceil(FORECASTS_PER_FILE).max(1);
    let mut written = 0;
    for number in 0..scenarios {
        let count = (options.forecasts - written).min(FORECASTS_PER_FILE);
        let scenario = demo_scenario(number, count, &people, &phrases, options.today, &mut rng);
        written += count;
        let path = out.join(format!("{}.ron", scenario.id));
        let text = scenario_document(
            "// A demo scenario (made up), written by `hindsight demo`.\n",
            &scenario,
        );
        create_unchecked(&path, text.as_bytes()).map_err(io_error(&path))?;
    }
    Ok(DemoSummary {
        forecasts: written,
        people: people.len(),
        scenarios,
    })
}

/// One forecaster per 200 forecasts, at least 12. Every name is a distinct pairing, and
/// the given names start with distinct letters, so no two read as spellings of one name.
fn demo_people(forecasts: usize) -> Vec<Person> {
    let wanted = (forecasts / 200).clamp(12, FIRST_NAMES.len() * SURNAMES.len());
    (0..wanted)
        .map(|i| {
            let first = FIRST_NAMES[i % FIRST_NAMES.len()];
            // Stepping the surname with the given name spreads surnames; for one given name the
            // surname index still differs by i / 26, so no pairing repeats.
            let last =
                SURNAMES[(i / FIRST_NAMES.len() + (i % FIRST_NAMES.len()) * 7) % SURNAMES.len()];
            Person {
                id: format!("{}-{}", first.to_lowercase(), last.to_lowercase()),
                name: format!("{first} {last}"),
                aliases: Vec::new(),
                affiliation: Some(AFFILIATIONS[i % AFFILIATIONS.len()].to_string()),
                note: None,
                kind: crate::ledger::Kind::Individual,
            }
        })
        .collect()
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

fn demo_scenario(
    number: usize,
    count: usize,
    people: &[Person],
    phrases: &[String],
    today: NaiveDate,
    rng: &mut SplitMix64,
) -> Scenario {
    let (topic_id, topic) = TOPICS[number % TOPICS.len()];
    let id = format!("demo-{number:04}-{topic_id}");
    let first_day = sub_days(today, 3650);
    let sources: Vec<Source> = (0..SOURCES_PER_SCENARIO)
        .map(|i| {
            let published = add_days(first_day, rng.below(3600) as u64 + 7);
            Source {
                id: format!("s{i:02}"),
                outlet: rng.pick(OUTLETS).to_string(),
                title: format!("{topic}: what comes next (part {})", i + 1),
                author: Some(format!("Staff writer {}", i + 1)),
                published,
                url: None,
                seed: None,
            }
        })
        .collect();
    let forecasts = (0..count)
        .map(|i| demo_forecast(&id, i, &sources, people, phrases, today, rng))
        .collect();
    Scenario {
        format: FORMAT_VERSION,
        id: id.clone(),
        title: format!("{topic} (demo {number})"),
        summary: format!(
            "Synthetic forecasts about {} for trying Hindsight.",
            topic.to_lowercase()
        ),
        tags: vec!["demo".to_string(), topic_id.to_string()],
        sources,
        questions: Vec::new(),
        forecasts,
    }
}

fn demo_forecast(
    scenario: &str,
    i: usize,
    sources: &[Source],
    people: &[Person],
    phrases: &[String],
    today: NaiveDate,
    rng: &mut SplitMix64,
) -> Forecast {
    let person_index = rng.below(people.len());
    let person = &people[person_index];
    let source = rng.pick(sources);
    let made = sub_days(source.published, rng.below(8) as u64);
    let expression = rng.pick(phrases).clone();
    let mapped = PhraseTable::built_in_probability(&expression).unwrap_or(0.5);
    // Some forecasters also give a number, close to what their words say.
    let probability = rng
        .chance(0.1)
        .then(|| ((mapped * 100.0).round() + rng.below(11) as f64 - 5.0).clamp(1.0, 99.0) / 100.0);
    let event = rng.pick(EVENTS);
    let horizon = add_days(made, 30 + rng.below(900) as u64);
    let resolve_by = if rng.chance(0.7) {
        ResolveBy::Stated(horizon)
    } else {
        ResolveBy::Default(horizon)
    };
    let p = probability.unwrap_or(mapped);
    // Each forecaster has a fixed skill: how far reality drifts from what they say.
    let skill = (person_index % 5) as f64 * 0.08;
    let outcome = demo_outcome(made, horizon, today, p, skill, rng);
    Forecast {
        id: format!("{scenario}-{i:05}"),
        by: person.id.clone(),
        source: source.id.clone(),
        made,
        quote: format!(
            "Asked whether {event}, {} answered: \"{}.\"",
            person.name,
            capitalized(&expression)
        ),
        claim: format!("{} by {}.", capitalized(event), horizon),
        expression: Some(expression),
        baseline: None,
        probability,
        condition: rng
            .chance(0.05)
            .then(|| "The talks go ahead as scheduled.".to_string()),
        resolve_by,
        tags: if rng.chance(0.3) {
            vec!["watchlist".to_string()]
        } else {
            Vec::new()
        },
        question: None,
        outcome,
    }
}

fn demo_outcome(
    made: NaiveDate,
    due: NaiveDate,
    today: NaiveDate,
    probability: f64,
    skill: f64,
    rng: &mut SplitMix64,
) -> Outcome {
    let resolve = if due < today {
        rng.chance(0.85)
    } else {
        rng.chance(0.1)
    };
    if !resolve {
        return Outcome::Open;
    }
    let latest = due.min(today);
    let span = (latest - made).num_days().max(0) as usize;
    let on = add_days(made, rng.below(span + 1) as u64);
    let roll = rng.unit();
    let verdict = if roll < 0.05 {
        Verdict::Partly
    } else if roll < 0.08 {
        Verdict::Ambiguous
    } else if roll < 0.10 {
        Verdict::Annulled
    } else {
        let truth = (probability + skill * (rng.unit() - 0.5) * 2.0).clamp(0.02, 0.98);
        if rng.chance(truth) {
            Verdict::True
        } else {
            Verdict::False
        }
    };
    Outcome::Resolved(Resolution {
        verdict,
        on,
        judge: Some("Demo judge".to_string()),
        evidence: Some("Synthetic evidence note.".to_string()),
        link: None,
    })
}
