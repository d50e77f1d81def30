//! `hindsight init`: a new ledger a user can grow. The scenarios folder with `people.ron`
//! and a commented example scenario that passes `check` (one source, one question, one
//! forecast on it), and a `seeds/` folder for the articles' texts. Nothing that exists is
//! overwritten: a folder that already holds ledger files is refused.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::ledger::{DEFAULT_FOLDER, PEOPLE_FILE, create_unchecked};

/// The example scenario's file name.
pub const EXAMPLE_FILE: &str = "example.ron";

/// What `init` made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started {
    /// The new scenarios folder.
    pub scenarios: PathBuf,
    /// Every file written, in the order written.
    pub written: Vec<PathBuf>,
}

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{}: already holds ledger files ({}); nothing was written", .folder.display(), .first.display())]
    AlreadyALedger { folder: PathBuf, first: PathBuf },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Creates a ledger in `dir` (made if missing): `dir/scenarios/` with `people.ron` and the
/// example, and `dir/seeds/`. The example is dated `today`, so that it is neither in the
/// future nor overdue. Refuses, writing nothing, when `dir/scenarios` holds a `.ron` file.
pub fn init_ledger(dir: &Path, today: NaiveDate) -> Result<Started, InitError> {
    init_scenarios_folder(&dir.join(DEFAULT_FOLDER), today)
}

/// Fills the scenarios folder `scenarios` (made if missing) as [`init_ledger`] does, with
/// `seeds/` beside it: what the app's "Start a new ledger here" does in a folder opened
/// empty.
pub fn init_scenarios_folder(scenarios: &Path, today: NaiveDate) -> Result<Started, InitError> {
    let scenarios = scenarios.to_path_buf();
    if let Some(first) = first_ron_file(&scenarios) {
        return Err(InitError::AlreadyALedger {
            folder: scenarios,
            first,
        });
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    let seeds = scenarios
        .parent()
        .map_or_else(|| PathBuf::from("seeds"), |parent| parent.join("seeds"));
    for folder in [&scenarios, &seeds] {
        std::fs::create_dir_all(folder).map_err(io(folder))?;
    }
    let files = [
        (scenarios.join(PEOPLE_FILE), PEOPLE.to_string()),
        (scenarios.join(EXAMPLE_FILE), example_scenario(today)),
        (seeds.join("README.md"), SEEDS_README.to_string()),
    ];
    let mut written = Vec::new();
    for (path, text) in files {
        // `create_unchecked` refuses a file that exists: a README someone already wrote
        // in seeds/ stays as it is.
        match create_unchecked(&path, text.as_bytes()) {
            Ok(()) => written.push(path),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(io(&path)(error)),
        }
    }
    Ok(Started { scenarios, written })
}

/// The first `.ron` file directly in `folder`, if it has one.
fn first_ron_file(folder: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The example scenario, with dates around `today`.
fn example_scenario(today: NaiveDate) -> String {
    let year_on = today
        .with_year(today.year() + 1)
        .unwrap_or(today + chrono::Days::new(365));
    EXAMPLE
        .replace("{today}", &today.to_string())
        .replace("{year_on}", &year_on.to_string())
}

const PEOPLE: &str = r#"// The forecasters of this ledger, each once. A forecast names one by id, name or alias.
// `kind: Group` marks an unnamed group an article reports ("analysts said"), and
// `kind: Institution` an organisation that speaks as one; reports rank individuals only.
People(
    format: 1,
    people: [
        Person(
            id: "example-engineer",
            name: "Ada Example",
            aliases: ["Example"],
            affiliation: "Chief engineer of the example harbour authority (a made-up person)",
        ),
    ],
)
"#;

const EXAMPLE: &str = r#"// An example scenario written by `hindsight init`: one source, one question and one
// forecast on it. Edit it or delete it; `hindsight check` names any problem by file, line
// and column, and docs/format.md in Hindsight's repository describes every field.
//
// - `sources`: where forecasts were published (`seed` may name the article's text under
//   ../seeds/, so that the app shows each quote in its paragraph).
// - `questions`: propositions several forecasters can speak to. A question's outcome,
//   recorded with `hindsight resolve example-bridge-opens true`, judges every forecast on
//   it (those on the `Opposite` side the other way).
// - `forecasts`: who said what and when, in their own words (`quote`, `expression`), and
//   the checkable claim they make.
//
// Comments go here, above `Scenario(`: `hindsight fmt` keeps them, and leaves a file with
// comments further down as it is.
Scenario(
    format: 1,
    id: "example",
    title: "Example: the new harbour bridge",
    summary: "A made-up scenario to copy from. Delete this file once you have your own.",
    tags: ["example"],
    sources: [
        Source(
            id: "example-interview",
            outlet: "The Example Gazette",
            title: "Harbour bridge on schedule, says engineer",
            published: "{today}",
        ),
    ],
    questions: [
        Question(
            id: "example-bridge-opens",
            claim: "The new harbour bridge opens to traffic by {year_on}.",
            resolve_by: "{year_on}",
            outcome: Open,
        ),
    ],
    forecasts: [
        Forecast(
            id: "example-engineer-bridge-on-time",
            by: "example-engineer",
            source: "example-interview",
            made: "{today}",
            quote: "The bridge will probably carry its first cars within a year.",
            claim: "The new harbour bridge opens to traffic within a year (by {year_on}).",
            expression: "probably",
            resolve_by: Stated("{year_on}"),
            question: Same("example-bridge-opens"),
            outcome: Open,
        ),
    ],
)
"#;

const SEEDS_README: &str = "# Seeds\n\nThe texts of the articles the forecasts come from, one file each \
(`hindsight candidates FILE` reads one and proposes its forecasts). A source names its text \
with `seed: \"seeds/FILE\"`, and the app then shows each quote in its paragraph.\n";
