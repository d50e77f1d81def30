//! A track record mapped onto the ledger, before anything is written: which people,
//! sources, questions and forecasts an import adds to which scenario file, and what it
//! leaves out and why. Nothing is invented:
//!
//! - each platform question becomes a source (the platform, the question's title, its
//!   page) and a question of the ledger with the platform's resolution;
//! - each platform forecast becomes a forecast on that question, with its forecaster, its
//!   time and its probability exactly. Its `quote` and `claim` are the question's title: a
//!   platform forecast is a number given to that text, the nearest thing it has to the
//!   forecaster's own words. It has no `expression`: no words were said;
//! - a spreadsheet row keeps its own claim, words, quote and outcome.
//!
//! Ids come from the platform's identity of each record (a hash of it, after a few readable
//! words), never from the ledger's state: a second import of the same file finds every id
//! taken and adds nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use chrono::{Days, NaiveDateTime};

use super::track::{Platform, PlatformQuestion, PlatformResolution, Skipped, Track};
use crate::draft::{readable_id, suggest_person_id};
use crate::ledger::{
    FORMAT_VERSION, Forecast, Kind, Ledger, OnQuestion, Outcome, Person, Question, Resolution,
    ResolveBy, Scenario, Source, Verdict, scenario_id_problem,
};

/// What the user asked of the import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The scenario to add to (made if missing); by default the platform's own.
    pub scenario: Option<String>,
    /// Keep only this forecaster's forecasts (by the name the platform gives).
    pub forecaster: Option<String>,
}

/// What an import would add, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The scenario file written to.
    pub path: PathBuf,
    /// The scenario as it would be created, when the file does not exist yet.
    pub new_scenario: Option<Scenario>,
    /// Whether the scenario is new (even when nothing is added to it).
    pub creates_scenario: bool,
    pub people: Vec<Person>,
    pub sources: Vec<Source>,
    pub questions: Vec<Question>,
    pub forecasts: Vec<Forecast>,
    /// Forecasts of the file the ledger holds already (a second import).
    pub already: usize,
    /// What the file had that is not imported, and why.
    pub skipped: Vec<Skipped>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
            && self.sources.is_empty()
            && self.questions.is_empty()
            && self.forecasts.is_empty()
    }

    /// How many forecasts each forecaster gets, by the names the plan writes.
    pub fn by_forecaster(&self, ledger: &Ledger) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for forecast in &self.forecasts {
            let name = self
                .people
                .iter()
                .find(|p| p.id == forecast.by)
                .map(|p| p.name.clone())
                .or_else(|| ledger.person(&forecast.by).map(|p| p.name.clone()))
                .unwrap_or_else(|| forecast.by.clone());
            *counts.entry(name).or_insert(0) += 1;
        }
        counts
    }

    /// How many forecasts each verdict judges ("open" for none yet).
    pub fn by_verdict(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for forecast in &self.forecasts {
            let outcome = match &forecast.question {
                Some(on) => self
                    .questions
                    .iter()
                    .find(|q| q.id == on.id())
                    .map(|q| &q.outcome),
                None => Some(&forecast.outcome),
            };
            let verdict = outcome
                .and_then(Outcome::verdict)
                .map_or("open", Verdict::as_str);
            *counts.entry(verdict).or_insert(0) += 1;
        }
        counts
    }
}

/// Maps `track` onto `ledger`: the records to add, those already there left out.
pub fn plan(
    ledger: &Ledger,
    track: &Track,
    options: &ImportOptions,
    file_name: &str,
) -> Result<Plan, String> {
    let platform = track.platform;
    let scenario_id = options
        .scenario
        .clone()
        .unwrap_or_else(|| format!("{}-import", platform.id_prefix()));
    if let Some(problem) = scenario_id_problem(&scenario_id) {
        return Err(format!("--scenario '{scenario_id}': {problem}"));
    }
    let existing = ledger
        .files
        .iter()
        .find(|file| file.scenario.id == scenario_id);
    let path = existing.map_or_else(
        || ledger.dir.join(format!("{scenario_id}.ron")),
        |file| file.path.clone(),
    );
    let mut plan = Plan {
        path,
        new_scenario: None,
        creates_scenario: existing.is_none(),
        people: Vec::new(),
        sources: Vec::new(),
        questions: Vec::new(),
        forecasts: Vec::new(),
        already: 0,
        skipped: track.skipped.clone(),
    };
    let mut people = People::new(ledger);
    // Ids already there or already planned, looked up once each: an import of thousands
    // of questions must not scan the lists for each one.
    let mut known_questions: HashSet<String> =
        ledger.questions().map(|q| q.question.id.clone()).collect();
    let mut planned_sources: HashSet<String> = HashSet::new();
    let existing_sources: HashSet<&str> = existing
        .map(|file| {
            file.scenario
                .sources
                .iter()
                .map(|s| s.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    let wanted = |name: &str| {
        options
            .forecaster
            .as_deref()
            .is_none_or(|wanted| wanted.eq_ignore_ascii_case(name.trim()))
    };
    let mut kept = 0;
    let mut made_ids: HashMap<String, usize> = HashMap::new();
    // A spreadsheet without source links shares one source: the file itself.
    let file_source = Source {
        id: readable_id(platform.id_prefix(), file_name, 4),
        outlet: "Spreadsheet".to_string(),
        title: file_name.to_string(),
        author: None,
        published: track
            .questions
            .iter()
            .map(|q| q.created.date())
            .max()
            .unwrap_or_default(),
        url: None,
        seed: None,
    };
    for (index, asked) in track.questions.iter().enumerate() {
        let forecasts: Vec<usize> = (0..asked.forecasts.len())
            .filter(|&f| wanted(&asked.forecasts[f].by))
            .collect();
        if forecasts.is_empty() {
            continue;
        }
        let question_id = format!(
            "{}-{}",
            readable_id(platform.id_prefix(), &asked.title, 5),
            short_hash(&asked.key)
        );
        // The question's page as it stood with the last of these forecasts on it: a
        // forecast is never "made after its source was published".
        let last_forecast = asked
            .forecasts
            .iter()
            .map(|f| f.at.date())
            .max()
            .unwrap_or(asked.created.date());
        let source = match (&asked.url, track.standalone) {
            (None, true) => file_source.clone(),
            _ => Source {
                id: question_id.clone(),
                outlet: platform.name().to_string(),
                title: asked.title.clone(),
                author: None,
                published: last_forecast.max(asked.created.date()),
                url: asked.url.clone(),
                seed: None,
            },
        };
        let outcome = outcome_of(asked, platform);
        let resolve_by = asked
            .resolve_by
            .or(asked.resolution.map(|(_, on)| on))
            .unwrap_or_else(|| asked.created.date() + Days::new(365));
        let mut added_here = 0;
        for f in forecasts {
            let made = &asked.forecasts[f];
            let words = track.words.get(&(index, f));
            if let Some((_, on)) = asked.resolution
                && made.at.date() > on
            {
                plan.skipped_one("made after its question was resolved");
                continue;
            }
            let person = people.id_for(&made.by);
            let id = match track.standalone {
                true => format!(
                    "{}-{}",
                    readable_id(platform.id_prefix(), &asked.title, 5),
                    short_hash(&format!("{}\u{1f}{}", asked.key, made.at))
                ),
                false => format!("{question_id}-{}-{}", slug(&made.by), stamp(made.at)),
            };
            // Two forecasts alike in every part of their identity (the same person on the
            // same question in the same second, as days-only exports make them) are told
            // apart by their order in the file, which a second import repeats.
            let seen = made_ids.entry(id.clone()).or_insert(0);
            *seen += 1;
            let id = match *seen {
                1 => id,
                n => format!("{id}-{n}"),
            };
            if ledger.find(&id).is_some() {
                plan.already += 1;
                continue;
            }
            let (quote, claim, expression, probability) = match words {
                Some(words) => (
                    words.quote.clone().unwrap_or_else(|| words.claim.clone()),
                    words.claim.clone(),
                    words.expression.clone(),
                    words.probability_given.then_some(made.probability),
                ),
                None => (
                    asked.title.clone(),
                    asked.title.clone(),
                    None,
                    Some(made.probability),
                ),
            };
            plan.forecasts.push(Forecast {
                id,
                by: person,
                source: source.id.clone(),
                made: made.at.date(),
                quote,
                claim,
                expression,
                baseline: None,
                probability,
                condition: None,
                resolve_by: match asked.resolve_by {
                    Some(date) => ResolveBy::Stated(date),
                    None => ResolveBy::Default(resolve_by),
                },
                tags: asked.tags.clone(),
                question: (!track.standalone).then(|| OnQuestion::Same(question_id.clone())),
                outcome: if track.standalone {
                    outcome.clone()
                } else {
                    Outcome::Open
                },
            });
            added_here += 1;
            kept += 1;
        }
        if added_here == 0 {
            continue;
        }
        if !existing_sources.contains(source.id.as_str())
            && planned_sources.insert(source.id.clone())
        {
            plan.sources.push(source);
        }
        if !track.standalone && known_questions.insert(question_id.clone()) {
            plan.questions.push(Question {
                id: question_id,
                claim: asked.title.clone(),
                resolve_by,
                note: asked.notes.clone(),
                outcome,
            });
        }
    }
    if let Some(wanted) = &options.forecaster
        && kept == 0
        && plan.already == 0
    {
        let names: HashSet<&str> = track
            .questions
            .iter()
            .flat_map(|q| q.forecasts.iter().map(|f| f.by.as_str()))
            .collect();
        let mut names: Vec<&str> = names.into_iter().collect();
        names.sort_unstable();
        return Err(format!(
            "no forecast by '{wanted}' in the file; its forecasters: {}",
            names.join(", ")
        ));
    }
    plan.people = people.added;
    if existing.is_none() && !plan.forecasts.is_empty() {
        plan.new_scenario = Some(Scenario {
            format: FORMAT_VERSION,
            id: scenario_id,
            title: format!("Imported from {}", platform.name()),
            summary: format!(
                "Forecasts imported from {} ({file_name}) by `hindsight import`.",
                platform.name()
            ),
            tags: Vec::new(),
            sources: std::mem::take(&mut plan.sources),
            questions: std::mem::take(&mut plan.questions),
            forecasts: std::mem::take(&mut plan.forecasts),
        });
        // The plan still lists what it adds, for the preview.
        let scenario = plan.new_scenario.as_ref().expect("just set");
        plan.sources = scenario.sources.clone();
        plan.questions = scenario.questions.clone();
        plan.forecasts = scenario.forecasts.clone();
    }
    Ok(plan)
}

impl Plan {
    fn skipped_one(&mut self, why: &str) {
        match self.skipped.iter_mut().find(|s| s.why == why) {
            Some(skipped) => skipped.count += 1,
            None => self.skipped.push(Skipped {
                count: 1,
                why: why.to_string(),
            }),
        }
    }
}

/// The platform's resolution as the ledger's outcome, with where it came from as evidence.
fn outcome_of(question: &PlatformQuestion, platform: Platform) -> Outcome {
    let Some((resolution, on)) = question.resolution else {
        return Outcome::Open;
    };
    let (verdict, said) = match resolution {
        PlatformResolution::Yes => (Verdict::True, "YES"),
        PlatformResolution::No => (Verdict::False, "NO"),
        PlatformResolution::Ambiguous => (Verdict::Ambiguous, "AMBIGUOUS"),
        PlatformResolution::Annulled => (Verdict::Annulled, "ANNULLED"),
    };
    let (judge, evidence) = match platform {
        Platform::Spreadsheet => (None, format!("Marked {said} in the imported spreadsheet.")),
        _ => (
            Some(platform.name().to_string()),
            format!("Resolved {said} on {} (imported).", platform.name()),
        ),
    };
    Outcome::Resolved(Resolution {
        verdict,
        on,
        judge,
        evidence: Some(evidence),
        link: question.url.clone(),
    })
}

/// The forecasters an import names: those the ledger knows by name or alias keep their
/// id; the others become new people, each id taken once.
struct People<'a> {
    ledger: &'a Ledger,
    added: Vec<Person>,
    taken: HashSet<String>,
}

impl<'a> People<'a> {
    fn new(ledger: &'a Ledger) -> People<'a> {
        People {
            ledger,
            added: Vec::new(),
            taken: HashSet::new(),
        }
    }

    fn id_for(&mut self, name: &str) -> String {
        let name = name.trim();
        if let Some(person) = self.ledger.person(name) {
            return person.id.clone();
        }
        if let Some(person) = self.added.iter().find(|p| p.name == name) {
            return person.id.clone();
        }
        let base = suggest_person_id(self.ledger, name);
        let id = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| !self.taken.contains(id) && self.ledger.person(id).is_none())
            .expect("some suffix is free");
        self.taken.insert(id.clone());
        self.added.push(Person {
            id: id.clone(),
            name: name.to_string(),
            aliases: Vec::new(),
            affiliation: None,
            note: Some("Added by `hindsight import`.".to_string()),
            kind: Kind::Individual,
        });
        id
    }
}

/// Six hex digits of a hash that does not change between versions of Hindsight or Rust
/// (64-bit FNV-1a), so that ids made from a platform's identity stay the same.
fn short_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:06x}", hash >> 40)
}

/// A forecaster's name as one id word.
fn slug(name: &str) -> String {
    let id = readable_id("x", name, 3);
    id.strip_prefix("x-").unwrap_or("anon").to_string()
}

/// A forecast's time in its id: `20250302t080009`.
fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y%m%dt%H%M%S").to_string()
}
