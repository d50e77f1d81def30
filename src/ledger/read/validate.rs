//! Checking what parsed files mean: names and sources resolve, ids are unique, dates are
//! possible, probabilities are in range, every phrase is known, text holds nothing that
//! could drive a terminal and links are web addresses. Each check reports at the field it
//! is about; nothing here stops at the first problem.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;

use super::locate::list_items;
use super::parse::{self, DocumentRead, ReadScenario};
use super::syntax::{LineIndex, Node};
pub(crate) use super::text_rules::{TextShape, link_problem, text_problem};
use super::text_rules::{TextValue, file_texts, person_texts, text_problems};
use crate::estimative::{PhraseFile, PhraseTable};
use crate::ledger::model::FileKind;
use crate::ledger::model::limits::{MAX_NAME_PAIRS, MAX_SUGGESTION_COMPARISONS};
use crate::ledger::model::people::{PersonIndex, candidate_pairs, near_duplicate};
use crate::ledger::model::problem::{Position, Problem};
use crate::ledger::model::{
    EffectiveProbability, Entry, Forecast, Ledger, Outcome, People, Person, ProbabilityOrigin,
    Scenario, Source,
};
use crate::ledger::model::{PeopleFile, fingerprint};

/// The state of the folder's people registry, which decides what an unknown name means.
pub(crate) struct Context<'a> {
    pub people: &'a [Person],
    pub person_index: &'a PersonIndex,
    pub people_file: PeopleFile,
    pub phrases: &'a PhraseTable,
    pub project_root: &'a Path,
    pub today: NaiveDate,
}

pub(crate) fn phrase_file(
    path: &Path,
    file: &DocumentRead<PhraseFile>,
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, phrase) in file.value.phrases.iter().enumerate() {
        let at = file.item_position("phrases", index);
        if let Some(node) = file.item("phrases", index) {
            let values = [
                TextValue::line("phrase", &phrase.phrase),
                TextValue::line("source", &phrase.source),
            ];
            text_problems(path, &file.lines, &file.text, node, values, problems);
        }
        let key = crate::estimative::normalize_phrase(&phrase.phrase);
        if key.is_empty() {
            problems.push(Problem::error(path, at, "empty phrase"));
        }
        if let Some(first) = seen.insert(key, index) {
            problems.push(Problem::warning(
                path,
                at,
                format!(
                    "phrase '{}' is defined twice (also at line {}); the later one wins",
                    phrase.phrase,
                    file.item_position("phrases", first).line
                ),
            ));
        }
        if !is_probability(phrase.probability) {
            problems.push(Problem::error(
                path,
                at,
                format!(
                    "probability {} of phrase '{}' is outside [0, 1]",
                    phrase.probability, phrase.phrase
                ),
            ));
        }
        if let Some((low, high)) = phrase.range {
            let ordered = low <= phrase.probability && phrase.probability <= high;
            if !(is_probability(low) && is_probability(high) && ordered) {
                problems.push(Problem::error(
                    path,
                    at,
                    format!(
                        "range ({low}, {high}) of phrase '{}' must lie in [0, 1] and contain its probability {}",
                        phrase.phrase, phrase.probability
                    ),
                ));
            }
        }
    }
}

/// Whether [`people_file`] looks for names spelled two ways: a warning about the registry
/// alone, which a command changing one forecast has no use for (at 5,000 people it was a
/// third of such a command's time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spellings {
    Compare,
    Skip,
}

pub(crate) fn people_file(
    path: &Path,
    file: &DocumentRead<People>,
    clashes: &[(String, usize, usize)],
    spellings: Spellings,
    problems: &mut Vec<Problem>,
) {
    let people = &file.value.people;
    for (index, person) in people.iter().enumerate() {
        let at = file.item_position("people", index);
        if let Some(node) = file.item("people", index) {
            let values = person_texts(person);
            text_problems(path, &file.lines, &file.text, node, values, problems);
        }
        if let Some(message) = id_problem("person", &person.id) {
            problems.push(Problem::error(path, at, message));
        }
        if person.name.trim().is_empty() {
            problems.push(Problem::error(
                path,
                at,
                format!("person '{}' has no name", person.id),
            ));
        }
    }
    for (name, first, second) in clashes {
        problems.push(Problem::error(
            path,
            file.item_position("people", *second),
            format!(
                "'{name}' names both '{}' and '{}': ids, names and aliases must each name one person",
                people[*first].id, people[*second].id
            ),
        ));
    }
    if spellings == Spellings::Skip {
        return;
    }
    let (pairs, complete) =
        candidate_pairs(people, |person| all_names(person).collect(), MAX_NAME_PAIRS);
    if !complete {
        problems.push(Problem::warning(
            path,
            Position::START,
            format!(
                "so many people share a surname spelling that the check for names spelled two ways stopped after {MAX_NAME_PAIRS} pairs"
            ),
        ));
    }
    for (i, j) in pairs {
        let (a, b) = (&people[i], &people[j]);
        {
            if let Some((x, y)) = near_duplicate_names(all_names(a), all_names(b)) {
                let at = file.item_position("people", j);
                problems.push(Problem::warning(
                    path,
                    at,
                    format!(
                        "'{y}' ({}) looks like another spelling of '{x}' ({}); if they are one person, merge them and declare the spelling as an alias",
                        b.id, a.id
                    ),
                ));
            }
        }
    }
}

/// A person's canonical name and aliases: the names near-duplicates are looked for among.
pub(crate) fn all_names(person: &Person) -> impl Iterator<Item = &str> + Clone {
    std::iter::once(person.name.as_str()).chain(person.aliases.iter().map(String::as_str))
}

/// The first pair of names, one from each side, that look like spellings of one name.
pub(crate) fn near_duplicate_names<'a, 'b>(
    ours: impl Iterator<Item = &'a str>,
    theirs: impl Iterator<Item = &'b str> + Clone,
) -> Option<(&'a str, &'b str)> {
    ours.flat_map(|x| theirs.clone().map(move |y| (x, y)))
        .find(|(x, y)| near_duplicate(x, y))
}

/// Why an id (of a forecast, person or source) cannot be used, if it cannot: ids are
/// typed on command lines and in filters, where spaces would split them.
pub(crate) fn id_problem(kind: &str, id: &str) -> Option<String> {
    (id.trim().is_empty() || id.contains(char::is_whitespace))
        .then(|| format!("{kind} id '{id}' must be non-empty and without spaces"))
}

pub(crate) fn duplicate_forecast_id(id: &str, path: &Path, at: Position) -> String {
    format!(
        "duplicate forecast id '{id}' (first at {}:{}:{}); ids must be unique across the folder",
        path.display(),
        at.line,
        at.column
    )
}

pub(crate) fn duplicate_source_id(id: &str) -> String {
    format!("duplicate source id '{id}' in this file")
}

/// How many known ids a message lists at most: a file of thousands of sources, each
/// cited wrongly, must not print millions of ids.
const LISTED_IDS: usize = 10;

pub(crate) fn unknown_source(source: &str, sources: &[Source]) -> String {
    let known: Vec<&str> = sources
        .iter()
        .take(LISTED_IDS)
        .map(|s| s.id.as_str())
        .collect();
    let more = match sources.len().saturating_sub(LISTED_IDS) {
        0 => String::new(),
        more => format!(" and {more} more"),
    };
    format!(
        "unknown source '{source}'; sources in this file: {}{more}",
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    )
}

/// The message for a forecaster the registry does not know, suggesting the closest person.
pub(crate) fn unknown_person(
    people: &[Person],
    index: &PersonIndex,
    people_file: PeopleFile,
    name: &str,
) -> String {
    if let Some(id) = index.disputed(name) {
        return format!(
            "person '{id}' is disputed between two versions in {}; keep one first (`hindsight resolve-dispute {id} ours|theirs`)",
            crate::ledger::PEOPLE_FILE
        );
    }
    match people_file {
        PeopleFile::Missing => {
            return format!(
                "unknown person '{name}': the folder has no {} registry",
                crate::ledger::PEOPLE_FILE
            );
        }
        // `check` does not ask (it reports the registry's own errors); a form must refuse.
        PeopleFile::Broken => {
            return format!(
                "unknown person '{name}': {} has errors, so no name can be looked up; fix it first",
                crate::ledger::PEOPLE_FILE
            );
        }
        PeopleFile::Read => {}
    }
    match index.similar(people, name).first() {
        Some(person) => format!(
            "unknown person '{name}'; did you mean '{}' (id '{}')? If it is the same person, add '{name}' to their aliases in {}",
            person.name,
            person.id,
            crate::ledger::PEOPLE_FILE
        ),
        None => format!(
            "unknown person '{name}': add them to {}",
            crate::ledger::PEOPLE_FILE
        ),
    }
}

/// The messages for unknown forecasters in one load: each distinct name is looked up once,
/// and the "did you mean" search (which compares the name with every person) stops once
/// the load has spent [`MAX_SUGGESTION_COMPARISONS`], so that a folder of a million
/// unknown names against a large registry still loads in seconds.
#[derive(Default)]
struct UnknownNames {
    messages: HashMap<String, String>,
    comparisons: usize,
}

impl UnknownNames {
    fn message(&mut self, context: &Context, name: &str) -> String {
        if let Some(message) = self.messages.get(name) {
            return message.clone();
        }
        self.comparisons += context.people.len();
        let message = if self.comparisons <= MAX_SUGGESTION_COMPARISONS {
            unknown_person(
                context.people,
                context.person_index,
                context.people_file,
                name,
            )
        } else {
            format!(
                "unknown person '{name}': add them to {}",
                crate::ledger::PEOPLE_FILE
            )
        };
        self.messages.insert(name.to_string(), message.clone());
        message
    }
}

/// What is wrong with a forecast's confidence fields, and which field says so.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ConfidenceProblem {
    OutOfRange(f64),
    /// Neither an expression nor a probability.
    Neither,
    /// An expression the phrase table does not know, with no probability to fall back on.
    UnknownPhrase(String),
    /// A baseline the phrase table does not know.
    UnknownBaseline(String),
}

impl ConfidenceProblem {
    /// The field the problem is about; `None` when it is about the forecast as a whole.
    pub(crate) fn field(&self) -> Option<&'static str> {
        match self {
            ConfidenceProblem::OutOfRange(_) => Some("probability"),
            ConfidenceProblem::Neither => None,
            ConfidenceProblem::UnknownPhrase(_) => Some("expression"),
            ConfidenceProblem::UnknownBaseline(_) => Some("baseline"),
        }
    }

    pub(crate) fn message(&self) -> String {
        match self {
            ConfidenceProblem::OutOfRange(value) => {
                format!("probability {value} is outside [0, 1]")
            }
            ConfidenceProblem::Neither => "no `expression` or `probability`: a forecast needs the hedge words as said, an explicit probability, or both".to_string(),
            ConfidenceProblem::UnknownPhrase(message)
            | ConfidenceProblem::UnknownBaseline(message) => message.clone(),
        }
    }
}

/// A forecast's confidence fields as written: the hedge words, the level a comparative
/// moves from, and an explicit probability.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Confidence<'a> {
    pub expression: Option<&'a str>,
    pub baseline: Option<&'a str>,
    pub probability: Option<f64>,
}

impl<'a> Confidence<'a> {
    pub(crate) fn of(forecast: &'a Forecast) -> Confidence<'a> {
        Confidence {
            expression: forecast.expression.as_deref(),
            baseline: forecast.baseline.as_deref(),
            probability: forecast.probability,
        }
    }

    fn expression(&self) -> Option<&'a str> {
        self.expression.filter(|e| !e.trim().is_empty())
    }

    fn baseline(&self) -> Option<&'a str> {
        self.baseline.filter(|b| !b.trim().is_empty())
    }
}

/// The probability a forecast is scored with: an explicit probability wins, else the
/// expression through the phrase table. A comparative expression with a baseline is
/// measured from the baseline's row ([`crate::estimative::from_baseline`]).
pub(crate) fn effective_probability(
    phrases: &PhraseTable,
    confidence: Confidence,
) -> Result<EffectiveProbability, ConfidenceProblem> {
    if let Some(value) = confidence.probability
        && !is_probability(value)
    {
        return Err(ConfidenceProblem::OutOfRange(value));
    }
    // A baseline names a row of the table, like `source` names a source: a typo in it is
    // an error even where it would have no effect.
    let baseline = match confidence.baseline() {
        Some(baseline) => Some(phrases.lookup(baseline).ok_or_else(|| {
            ConfidenceProblem::UnknownBaseline(phrases.unknown_baseline_message(baseline))
        })?),
        None => None,
    };
    if let Some(value) = confidence.probability {
        return Ok(EffectiveProbability {
            value,
            origin: ProbabilityOrigin::Explicit,
        });
    }
    let expression = confidence.expression().ok_or(ConfidenceProblem::Neither)?;
    let Some(entry) = phrases.lookup(expression) else {
        return Err(ConfidenceProblem::UnknownPhrase(
            phrases.unknown_phrase_message(expression),
        ));
    };
    let phrase = &entry.phrase;
    let moved = baseline.and_then(|base| {
        crate::estimative::from_baseline(phrase, &base.phrase).map(|moved| (base, moved))
    });
    let (value, range, baseline) = match moved {
        Some((base, moved)) => (
            moved.probability,
            moved.range,
            Some((base.phrase.phrase.clone(), base.phrase.probability)),
        ),
        None => (phrase.probability, phrase.range, None),
    };
    Ok(EffectiveProbability {
        value,
        origin: ProbabilityOrigin::Phrase {
            phrase: phrase.phrase.clone(),
            range,
            source: phrase.source.clone(),
            table: entry.origin,
            baseline,
        },
    })
}

/// Why a forecast's baseline has no effect, if it has none: a warning, since the figure
/// scored is then not the one its writer meant. Only a known comparative expression without
/// an explicit probability uses a baseline.
pub(crate) fn unused_baseline(phrases: &PhraseTable, confidence: Confidence) -> Option<String> {
    let baseline = confidence.baseline()?;
    if confidence.probability.is_some() {
        return Some(format!(
            "baseline '{baseline}' has no effect: the explicit probability is scored"
        ));
    }
    let expression = confidence.expression()?;
    let entry = phrases.lookup(expression)?;
    if crate::estimative::Comparative::of(&entry.phrase.phrase).is_some() {
        return None;
    }
    Some(format!(
        "baseline '{baseline}' has no effect: '{expression}' is not a comparative (only \"more likely\", \"even less likely\" and the like are measured from a baseline)"
    ))
}

pub(crate) fn resolve_by_problem(made: NaiveDate, resolve_by: NaiveDate) -> Option<String> {
    (resolve_by < made)
        .then(|| format!("resolve-by date {resolve_by} is before the forecast was made ({made})"))
}

/// A verdict dated before the forecast was made is a typo, not a judgement.
pub(crate) fn resolution_problem(made: NaiveDate, outcome: &Outcome) -> Option<String> {
    let resolution = outcome.resolution()?;
    (resolution.on < made).then(|| {
        format!(
            "resolved on {}, before the forecast was made ({made})",
            resolution.on
        )
    })
}

/// A verdict dated after today is a typo, not a judgement.
pub(crate) fn future_resolution_problem(on: NaiveDate, today: NaiveDate) -> Option<String> {
    (on > today).then(|| format!("resolved on {on}, which is in the future"))
}

/// Why a seed path cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SeedProblem {
    /// It leads outside the project folder: an error, and never read.
    Outside(String),
    /// It stays inside but names no file: only a warning, as the text may come later.
    Missing(PathBuf),
}

impl SeedProblem {
    pub(crate) fn message(&self) -> String {
        match self {
            SeedProblem::Outside(message) => message.clone(),
            SeedProblem::Missing(path) => format!("seed file not found: {}", path.display()),
        }
    }
}

/// The file a seed path names. It must stay inside the project folder, even through
/// symlinks, so that a shared ledger cannot make a reader open files elsewhere.
pub(crate) fn resolve_seed(root: &Path, seed: &str) -> Result<PathBuf, SeedProblem> {
    let relative = Path::new(seed);
    let mut depth: i32 = 0;
    let mut escapes = relative.is_absolute();
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::ParentDir => depth -= 1,
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => escapes = true,
        }
        escapes |= depth < 0;
    }
    if escapes {
        return Err(SeedProblem::Outside(format!(
            "seed path '{seed}' leaves the project folder; seed paths are relative to {}",
            root.display()
        )));
    }
    let full: PathBuf = root.join(relative);
    match full.canonicalize() {
        Ok(real) if !real.starts_with(root) => Err(SeedProblem::Outside(format!(
            "seed path '{seed}' leads outside the project folder {}",
            root.display()
        ))),
        Ok(_) => Ok(full),
        Err(_) => Err(SeedProblem::Missing(full)),
    }
}

/// Ids already taken by the other files of a loaded folder: ids must be unique across it.
#[derive(Default)]
pub(crate) struct TakenIds<'a> {
    scenarios: HashMap<&'a str, (&'a Path, Position)>,
    /// The folder and the index of the file being checked, whose own ids do not count.
    ledger: Option<(&'a Ledger, Option<usize>)>,
}

impl<'a> TakenIds<'a> {
    /// The ids of every file of `ledger` but `path`.
    fn elsewhere(ledger: &'a Ledger, path: &Path) -> TakenIds<'a> {
        let this = ledger.files.iter().position(|file| file.path == path);
        let scenarios = ledger
            .files
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != this)
            .map(|(_, file)| {
                (
                    file.scenario.id.as_str(),
                    (file.path.as_path(), Position::START),
                )
            })
            .collect();
        TakenIds {
            scenarios,
            ledger: Some((ledger, this)),
        }
    }

    /// Where another file already uses forecast id `id`. A lookup in the loaded index
    /// rather than a map of every id, so that checking one file before a write costs
    /// what the file costs, not what the folder does.
    fn forecast(&self, id: &str) -> Option<(&'a Path, Position)> {
        let (ledger, this) = self.ledger?;
        let entry = &ledger.entries[ledger.find(id)?];
        (Some(entry.file) != this)
            .then(|| (ledger.files[entry.file].path.as_path(), entry.position))
    }
}

/// The problems `check` would report in the file `path` of `ledger`'s folder if it held
/// `text`: what the write door asks before and after every change, so that a write is
/// held to exactly the rules `check` applies (the folder's people, phrases and other
/// files are taken as `ledger` loaded them).
pub(crate) fn file_problems(
    ledger: &Ledger,
    kind: FileKind,
    path: &Path,
    text: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    match kind {
        FileKind::Scenario => {
            let parsed = match parse::parse::<Scenario>(path, text) {
                Ok(parsed) => parsed,
                Err(found) => return found,
            };
            let context = Context {
                people: &ledger.people,
                person_index: &ledger.person_index,
                people_file: ledger.people_file,
                phrases: &ledger.phrases,
                project_root: &ledger.project_root,
                today: ledger.today,
            };
            let file = ReadScenario {
                path: path.to_path_buf(),
                text: text.to_string(),
                parsed,
            };
            let facts = file_alone(&context, &file);
            let taken = TakenIds::elsewhere(ledger, path);
            let checked = [(file.path.as_path(), &file.parsed.value, facts)];
            across_files(&context, checked, taken, &mut problems);
        }
        FileKind::People => match parse::parse::<People>(path, text) {
            Ok(parsed) => {
                let (_, clashes) = PersonIndex::new(&parsed.value.people);
                people_file(
                    path,
                    &DocumentRead::new(parsed, text),
                    &clashes,
                    Spellings::Compare,
                    &mut problems,
                );
            }
            Err(found) => return found,
        },
        FileKind::Phrases => match parse::parse::<PhraseFile>(path, text) {
            Ok(parsed) => phrase_file(path, &DocumentRead::new(parsed, text), &mut problems),
            Err(found) => return found,
        },
    }
    problems
}

/// What checking one scenario file on its own found: its problems, its forecasts'
/// entries, and what must still be compared with the other files (ids, which must be
/// unique across the folder, and unknown names, whose messages are made once per name).
/// Files are checked alone in parallel, as they are parsed, so that a file's text and
/// outline can be dropped as soon as it is checked.
pub(crate) struct FileFacts {
    problems: Vec<Problem>,
    /// `Entry::file` is set once the file's place among the loaded files is known.
    entries: Vec<Entry>,
    /// Where the scenario's id is, when it has one.
    scenario_id_at: Option<Position>,
    /// Forecasts whose id is well formed, with where it is: (forecast index, position).
    forecast_ids: Vec<(usize, Position)>,
    /// Forecasts naming no one in the registry: (forecast index, where `by` is).
    unknown_names: Vec<(usize, Position)>,
}

/// Checks everything about one scenario file that does not depend on the other files.
pub(crate) fn file_alone(context: &Context, file: &ReadScenario) -> FileFacts {
    let mut problems = file_texts(file);
    let checker = FileChecker {
        context,
        path: &file.path,
        text: &file.text,
        lines: &file.parsed.lines,
    };
    let root = &file.parsed.outline.root;
    let scenario = &file.parsed.value;

    let id_at = checker.field_at(root, "id");
    let scenario_id_at = if scenario.id.trim().is_empty() {
        problems.push(checker.error(id_at, "empty scenario id"));
        None
    } else {
        Some(id_at)
    };
    if scenario.title.trim().is_empty() {
        problems.push(checker.error(checker.field_at(root, "title"), "empty scenario title"));
    }

    let source_nodes = list_items(root, "sources");
    let mut source_ids: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (index, source) in scenario.sources.iter().enumerate() {
        // The outline names fields as serde does; should they ever disagree, a problem
        // is placed at the scenario rather than the loader panicking.
        let node = source_nodes.get(index).unwrap_or(root);
        if source_ids.insert(&source.id, index).is_some() {
            problems.push(checker.error(
                checker.field_at(node, "id"),
                duplicate_source_id(&source.id),
            ));
        }
        if let Some(seed) = &source.seed {
            checker.seed_path(seed, checker.field_at(node, "seed"), &mut problems);
        }
        if source.published > context.today {
            problems.push(checker.warning(
                checker.field_at(node, "published"),
                format!("published on {}, which is in the future", source.published),
            ));
        }
    }

    let forecast_nodes = list_items(root, "forecasts");
    let mut entries = Vec::with_capacity(scenario.forecasts.len());
    let mut forecast_ids = Vec::with_capacity(scenario.forecasts.len());
    let mut unknown_names = Vec::new();
    for (index, forecast) in scenario.forecasts.iter().enumerate() {
        let node = forecast_nodes.get(index).unwrap_or(root);
        let block_at = checker.at(node.span.start);
        let id_at = checker.field_at(node, "id");
        match id_problem("forecast", &forecast.id) {
            Some(message) => problems.push(checker.error(id_at, message)),
            None => forecast_ids.push((index, id_at)),
        }

        let source = source_ids.get(forecast.source.as_str()).copied();
        if source.is_none() {
            problems.push(checker.error(
                checker.field_at(node, "source"),
                unknown_source(&forecast.source, &scenario.sources),
            ));
        }

        let person = context.person_index.find(&forecast.by);
        // Like a broken registry, a person in dispute there is not looked up: the
        // registry's own error says what to settle.
        let disputed = context.person_index.disputed(&forecast.by).is_some();
        if person.is_none() && context.people_file != PeopleFile::Broken && !disputed {
            unknown_names.push((index, checker.field_at(node, "by")));
        }

        for (field, value) in [("quote", &forecast.quote), ("claim", &forecast.claim)] {
            if value.trim().is_empty() {
                problems
                    .push(checker.error(checker.field_at(node, field), format!("empty {field}")));
            }
        }

        let probability = checker.probability(forecast, node, &mut problems);
        checker.dates(
            forecast,
            source.map(|i| scenario.sources[i].published),
            node,
            &mut problems,
        );

        entries.push(Entry {
            file: 0,
            index,
            position: block_at,
            person,
            source,
            probability,
            fingerprint: fingerprint(&file.text[node.span.clone()]),
        });
    }
    FileFacts {
        problems,
        entries,
        scenario_id_at,
        forecast_ids,
        unknown_names,
    }
}

/// Compares the files checked alone with each other (and with `taken`, the ids of files
/// not among them), in file order: the first use of an id is the one the others
/// duplicate. Returns every forecast's entry, in file order.
pub(crate) fn across_files<'a>(
    context: &Context,
    files: impl IntoIterator<Item = (&'a Path, &'a Scenario, FileFacts)>,
    mut taken: TakenIds<'a>,
    problems: &mut Vec<Problem>,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut unknown = UnknownNames::default();
    let mut scenario_ids = std::mem::take(&mut taken.scenarios);
    let mut forecast_ids: rustc_hash::FxHashMap<&str, (&Path, Position)> = Default::default();
    for (file_index, (path, scenario, facts)) in files.into_iter().enumerate() {
        problems.extend(facts.problems);
        if let Some(id_at) = facts.scenario_id_at
            && let Some((other, at)) = scenario_ids.insert(&scenario.id, (path, id_at))
        {
            problems.push(Problem::error(
                path,
                id_at,
                format!(
                    "duplicate scenario id '{}' (also in {}:{}:{})",
                    scenario.id,
                    other.display(),
                    at.line,
                    at.column
                ),
            ));
        }
        for (index, id_at) in facts.forecast_ids {
            let id = scenario.forecasts[index].id.as_str();
            match forecast_ids.get(id).copied().or_else(|| taken.forecast(id)) {
                Some((other, at)) => {
                    problems.push(Problem::error(
                        path,
                        id_at,
                        duplicate_forecast_id(id, other, at),
                    ));
                }
                None => {
                    forecast_ids.insert(id, (path, id_at));
                }
            }
        }
        for (index, at) in facts.unknown_names {
            let message = unknown.message(context, &scenario.forecasts[index].by);
            problems.push(Problem::error(path, at, message));
        }
        entries.extend(facts.entries.into_iter().map(|entry| Entry {
            file: file_index,
            ..entry
        }));
    }
    entries
}

pub(crate) fn is_probability(value: f64) -> bool {
    (0.0..=1.0).contains(&value)
}

struct FileChecker<'a> {
    context: &'a Context<'a>,
    path: &'a Path,
    text: &'a str,
    lines: &'a LineIndex,
}

impl FileChecker<'_> {
    fn at(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }

    /// Where a field's value starts, or the struct itself when the field is absent.
    fn field_at(&self, node: &Node, field: &str) -> Position {
        self.at(node
            .field(field)
            .map_or(node.span.start, |f| f.value.span.start))
    }

    fn error(&self, at: Position, message: impl Into<String>) -> Problem {
        Problem::error(self.path, at, message)
    }

    fn warning(&self, at: Position, message: impl Into<String>) -> Problem {
        Problem::warning(self.path, at, message)
    }

    fn probability(
        &self,
        forecast: &Forecast,
        node: &Node,
        problems: &mut Vec<Problem>,
    ) -> Option<EffectiveProbability> {
        let confidence = Confidence::of(forecast);
        let effective = effective_probability(self.context.phrases, confidence)
            .map_err(|problem| {
                let at = match problem.field() {
                    Some(field) => self.field_at(node, field),
                    None => self.at(node.span.start),
                };
                problems.push(self.error(at, problem.message()));
            })
            .ok()?;
        if let Some(message) = unused_baseline(self.context.phrases, confidence) {
            problems.push(self.warning(self.field_at(node, "baseline"), message));
        }
        Some(effective)
    }

    fn dates(
        &self,
        forecast: &Forecast,
        published: Option<NaiveDate>,
        node: &Node,
        problems: &mut Vec<Problem>,
    ) {
        let made = forecast.made;
        let resolve_by = forecast.resolve_by.date();
        if let Some(message) = resolve_by_problem(made, resolve_by) {
            problems.push(self.error(self.field_at(node, "resolve_by"), message));
        }
        if made > self.context.today {
            problems.push(self.warning(
                self.field_at(node, "made"),
                format!("made on {made}, which is in the future"),
            ));
        }
        if let Some(published) = published.filter(|&published| made > published) {
            problems.push(self.warning(
                self.field_at(node, "made"),
                format!("made on {made}, after its source was published ({published})"),
            ));
        }
        if let Outcome::Resolved(resolution) = &forecast.outcome {
            let at = self.field_at(node, "outcome");
            if let Some(message) = resolution_problem(made, &forecast.outcome) {
                problems.push(self.error(at, message));
            }
            if let Some(message) = future_resolution_problem(resolution.on, self.context.today) {
                problems.push(self.error(at, message));
            }
            if resolution
                .evidence
                .as_deref()
                .is_none_or(|e| e.trim().is_empty())
            {
                problems.push(self.warning(at, "resolved without an evidence note"));
            }
        }
    }

    /// A seed path must stay inside the project folder, and should point at a file.
    fn seed_path(&self, seed: &str, at: Position, problems: &mut Vec<Problem>) {
        match resolve_seed(self.context.project_root, seed) {
            Ok(_) => {}
            Err(problem @ SeedProblem::Outside(_)) => {
                problems.push(self.error(at, problem.message()))
            }
            Err(problem @ SeedProblem::Missing(_)) => {
                problems.push(self.warning(at, problem.message()))
            }
        }
    }
}
