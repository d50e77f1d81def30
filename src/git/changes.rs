//! What changed between two versions of a ledger file, in words: "resolve
//! lokshin-putin-retires as true", "add 2 forecasts to ukraine-war-risk", and for one
//! forecast each thing that changed ("outcome: open → true"). Commit messages, pull
//! reports and a forecast's history all say it this way. Versions come as text (from git
//! or from disk); a version that does not parse is described as the file changing.

use std::path::Path;

use crate::estimative::PhraseFile;
use crate::ledger::read::parse;
use crate::ledger::{FileKind, Forecast, Outcome, People, Scenario};

/// One thing that changed, as a commit message would say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChange {
    AddScenario {
        scenario: String,
        forecasts: usize,
    },
    DeleteScenario {
        scenario: String,
    },
    /// Forecasts added to one scenario.
    AddForecasts {
        scenario: String,
        ids: Vec<String>,
    },
    DeleteForecasts {
        scenario: String,
        ids: Vec<String>,
    },
    Resolve {
        id: String,
        verdict: String,
    },
    Reopen {
        id: String,
    },
    /// A forecast (or a scenario's own title, summary, tags) edited: which fields changed.
    Edit {
        id: String,
        fields: Vec<&'static str>,
    },
    /// Sources, people and phrases, and a scenario's own fields: what kind, which ones.
    Records {
        verb: Verb,
        kind: &'static str,
        keys: Vec<String>,
    },
    /// A version that does not parse (a conflict, a broken file): only that it changed.
    File {
        name: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Add,
    Edit,
    Delete,
}

impl Verb {
    fn as_str(self) -> &'static str {
        match self {
            Verb::Add => "add",
            Verb::Edit => "edit",
            Verb::Delete => "delete",
        }
    }
}

impl std::fmt::Display for FileChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileChange::AddScenario {
                scenario,
                forecasts,
            } => write!(
                f,
                "add scenario {scenario} ({})",
                count(*forecasts, "forecast")
            ),
            FileChange::DeleteScenario { scenario } => write!(f, "delete scenario {scenario}"),
            FileChange::AddForecasts { scenario, ids } => match ids.as_slice() {
                [id] => write!(f, "add {id} to {scenario}"),
                _ => write!(f, "add {} to {scenario}", count(ids.len(), "forecast")),
            },
            FileChange::DeleteForecasts { scenario, ids } => match ids.as_slice() {
                [id] => write!(f, "delete {id} from {scenario}"),
                _ => write!(f, "delete {} from {scenario}", count(ids.len(), "forecast")),
            },
            FileChange::Resolve { id, verdict } => write!(f, "resolve {id} as {verdict}"),
            FileChange::Reopen { id } => write!(f, "reopen {id}"),
            FileChange::Edit { id, fields } => write!(f, "edit {id} ({})", fields.join(", ")),
            FileChange::Records { verb, kind, keys } => match keys.as_slice() {
                [key] => write!(f, "{} {kind} {key}", verb.as_str()),
                _ => write!(f, "{} {}", verb.as_str(), count(keys.len(), kind)),
            },
            FileChange::File { name } => write!(f, "change {name}"),
        }
    }
}

/// "1 forecast", "2 forecasts", "2 people".
fn count(n: usize, noun: &str) -> String {
    let plural = match noun {
        "person" => "people".to_string(),
        _ => format!("{noun}s"),
    };
    format!("{n} {}", if n == 1 { noun } else { &plural })
}

/// What changed from `before` to `after` (`None`: the file did not exist) of the file at
/// `path`, of kind `kind`.
pub fn file_changes(
    kind: FileKind,
    path: &Path,
    before: Option<&str>,
    after: Option<&str>,
) -> Vec<FileChange> {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let changes = match kind {
        FileKind::Scenario => scenario_changes(path, before, after),
        FileKind::People => people_changes(path, before, after),
        FileKind::Phrases => phrase_changes(path, before, after),
    };
    changes.unwrap_or_else(|| {
        if before == after {
            Vec::new()
        } else {
            vec![FileChange::File { name }]
        }
    })
}

/// Parses a version, `Some(None)` for an absent one; `None` when it does not parse.
fn read<T: parse::Document>(path: &Path, text: Option<&str>) -> Option<Option<T>> {
    match text {
        None => Some(None),
        Some(text) => parse::parse::<T>(path, text).ok().map(|p| Some(p.value)),
    }
}

fn scenario_changes(
    path: &Path,
    before: Option<&str>,
    after: Option<&str>,
) -> Option<Vec<FileChange>> {
    let (before, after) = (
        read::<Scenario>(path, before)?,
        read::<Scenario>(path, after)?,
    );
    Some(match (before, after) {
        (None, None) => Vec::new(),
        (None, Some(after)) => vec![FileChange::AddScenario {
            scenario: after.id,
            forecasts: after.forecasts.len(),
        }],
        (Some(before), None) => vec![FileChange::DeleteScenario {
            scenario: before.id,
        }],
        (Some(before), Some(after)) => scenario_diff(&before, &after),
    })
}

fn scenario_diff(before: &Scenario, after: &Scenario) -> Vec<FileChange> {
    let scenario = after.id.clone();
    let mut changes = Vec::new();
    let own = [
        ("title", before.title != after.title),
        ("summary", before.summary != after.summary),
        ("tags", before.tags != after.tags),
    ];
    let own: Vec<&'static str> = own
        .iter()
        .filter(|(_, changed)| *changed)
        .map(|(name, _)| *name)
        .collect();
    if !own.is_empty() {
        changes.push(FileChange::Edit {
            id: scenario.clone(),
            fields: own,
        });
    }
    let sources = keyed_diff(&before.sources, &after.sources, |s| s.id.clone());
    changes.extend(sources.records("source"));

    let forecasts = keyed_diff(&before.forecasts, &after.forecasts, |f| f.id.clone());
    for (old, new) in &forecasts.changed {
        changes.extend(forecast_change(old, new));
    }
    if !forecasts.added.is_empty() {
        changes.push(FileChange::AddForecasts {
            scenario: scenario.clone(),
            ids: forecasts.added.iter().map(|f| f.id.clone()).collect(),
        });
    }
    if !forecasts.removed.is_empty() {
        changes.push(FileChange::DeleteForecasts {
            scenario,
            ids: forecasts.removed.iter().map(|f| f.id.clone()).collect(),
        });
    }
    changes
}

/// A forecast that changed: resolved, reopened, or edited (a verdict recorded together
/// with an edit says both).
fn forecast_change(old: &Forecast, new: &Forecast) -> Vec<FileChange> {
    let mut changes = Vec::new();
    let mut fields: Vec<&'static str> = forecast_facets(old)
        .into_iter()
        .zip(forecast_facets(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((name, _), _)| name)
        .collect();
    match (old.outcome.verdict(), new.outcome.verdict()) {
        (before, Some(verdict)) if before != Some(verdict) => {
            changes.push(FileChange::Resolve {
                id: new.id.clone(),
                verdict: verdict.to_string(),
            });
            fields.retain(|field| !OUTCOME_FACETS.contains(field));
        }
        (Some(_), None) => {
            changes.push(FileChange::Reopen { id: new.id.clone() });
            fields.retain(|field| !OUTCOME_FACETS.contains(field));
        }
        _ => {}
    }
    if !fields.is_empty() {
        changes.push(FileChange::Edit {
            id: new.id.clone(),
            fields,
        });
    }
    changes
}

/// The facets of an outcome: the verdict and what was recorded with it.
pub(crate) const OUTCOME_FACETS: [&str; 5] =
    ["outcome", "verdict date", "judge", "evidence", "link"];

/// A forecast as named facets with short text values: what a history or a commit message
/// compares. The outcome is split so "evidence changed" is told apart from a new verdict.
fn forecast_facets(forecast: &Forecast) -> [(&'static str, String); 16] {
    let optional = |value: &Option<String>| value.clone().unwrap_or_default();
    let resolution = forecast.outcome.resolution();
    let outcome = match &forecast.outcome {
        Outcome::Open => "open".to_string(),
        Outcome::Resolved(resolution) => resolution.verdict.to_string(),
    };
    [
        ("by", forecast.by.clone()),
        ("source", forecast.source.clone()),
        ("made", forecast.made.to_string()),
        ("quote", forecast.quote.clone()),
        ("claim", forecast.claim.clone()),
        ("expression", optional(&forecast.expression)),
        ("baseline", optional(&forecast.baseline)),
        (
            "probability",
            forecast
                .probability
                .map(|p| p.to_string())
                .unwrap_or_default(),
        ),
        ("condition", optional(&forecast.condition)),
        ("resolve by", forecast.resolve_by.date().to_string()),
        ("tags", forecast.tags.join(", ")),
        ("outcome", outcome),
        (
            "verdict date",
            resolution.map(|r| r.on.to_string()).unwrap_or_default(),
        ),
        (
            "judge",
            resolution.and_then(|r| r.judge.clone()).unwrap_or_default(),
        ),
        (
            "evidence",
            resolution
                .and_then(|r| r.evidence.clone())
                .unwrap_or_default(),
        ),
        (
            "link",
            resolution.and_then(|r| r.link.clone()).unwrap_or_default(),
        ),
    ]
}

/// One field of one forecast that changed, for its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

impl FieldChange {
    /// "outcome: open → true" (with `arrow` between the values); long or multi-line text
    /// just says it was edited.
    pub fn describe(&self, arrow: &str) -> String {
        let short = |text: &str| text.chars().count() <= 40 && !text.contains('\n');
        let shown = |text: &str| {
            if text.is_empty() {
                "none".to_string()
            } else {
                text.to_string()
            }
        };
        if short(&self.before) && short(&self.after) {
            format!(
                "{}: {} {arrow} {}",
                self.field,
                shown(&self.before),
                shown(&self.after)
            )
        } else {
            format!("{} edited", self.field)
        }
    }
}

/// What changed in one forecast between two versions of it (`None`: not there).
pub fn forecast_field_changes(
    before: Option<&Forecast>,
    after: Option<&Forecast>,
) -> ForecastChange {
    match (before, after) {
        (None, None) => ForecastChange::Fields(Vec::new()),
        (None, Some(_)) => ForecastChange::Added,
        (Some(_), None) => ForecastChange::Deleted,
        (Some(before), Some(after)) => {
            let mut fields: Vec<FieldChange> = forecast_facets(before)
                .into_iter()
                .zip(forecast_facets(after))
                .filter(|((_, a), (_, b))| a != b)
                .map(|((field, before), (_, after))| FieldChange {
                    field,
                    before,
                    after,
                })
                .collect();
            // A new verdict brings its date and evidence with it: the verdict says it.
            if fields.iter().any(|change| change.field == "outcome") {
                fields.retain(|change| {
                    change.field == "outcome" || !OUTCOME_FACETS.contains(&change.field)
                });
            }
            ForecastChange::Fields(fields)
        }
    }
}

/// How one forecast changed between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForecastChange {
    Added,
    Deleted,
    /// Its fields that changed (none: it did not change).
    Fields(Vec<FieldChange>),
}

impl ForecastChange {
    pub fn is_change(&self) -> bool {
        !matches!(self, ForecastChange::Fields(fields) if fields.is_empty())
    }
}

impl ForecastChange {
    /// "added", or each field's change ("outcome: open → true; claim edited") with `arrow`.
    pub fn describe(&self, arrow: &str) -> String {
        match self {
            ForecastChange::Added => "added".to_string(),
            ForecastChange::Deleted => "deleted".to_string(),
            ForecastChange::Fields(fields) => {
                let parts: Vec<String> = fields.iter().map(|f| f.describe(arrow)).collect();
                parts.join("; ")
            }
        }
    }
}

impl std::fmt::Display for ForecastChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe("→"))
    }
}

/// The forecast with `id` in a version of a scenario file: `Some(None)` when the version
/// does not hold it, `None` when it does not parse.
pub fn find_forecast(path: &Path, text: &str, id: &str) -> Option<Option<Forecast>> {
    let scenario = parse::parse::<Scenario>(path, text).ok()?.value;
    Some(
        scenario
            .forecasts
            .into_iter()
            .find(|forecast| forecast.id == id),
    )
}

fn people_changes(
    path: &Path,
    before: Option<&str>,
    after: Option<&str>,
) -> Option<Vec<FileChange>> {
    let (before, after) = (read::<People>(path, before)?, read::<People>(path, after)?);
    let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
    Some(keyed_diff(&before.people, &after.people, |p| p.id.clone()).records("person"))
}

fn phrase_changes(
    path: &Path,
    before: Option<&str>,
    after: Option<&str>,
) -> Option<Vec<FileChange>> {
    let (before, after) = (
        read::<PhraseFile>(path, before)?,
        read::<PhraseFile>(path, after)?,
    );
    let phrases = |file: Option<PhraseFile>| file.map(|file| file.phrases).unwrap_or_default();
    let (before, after) = (phrases(before), phrases(after));
    Some(keyed_diff(&before, &after, |p| format!("'{}'", p.phrase)).records("phrase"))
}

/// Records matched by key between two versions.
struct KeyedDiff<'a, T> {
    added: Vec<&'a T>,
    removed: Vec<&'a T>,
    changed: Vec<(&'a T, &'a T)>,
    key: fn(&T) -> String,
}

fn keyed_diff<'a, T: PartialEq>(
    before: &'a [T],
    after: &'a [T],
    key: fn(&T) -> String,
) -> KeyedDiff<'a, T> {
    let old: std::collections::HashMap<String, &T> =
        before.iter().map(|record| (key(record), record)).collect();
    let new: std::collections::HashSet<String> = after.iter().map(key).collect();
    let mut diff = KeyedDiff {
        added: Vec::new(),
        removed: before.iter().filter(|r| !new.contains(&key(r))).collect(),
        changed: Vec::new(),
        key,
    };
    for record in after {
        match old.get(&key(record)) {
            None => diff.added.push(record),
            Some(previous) if *previous != record => diff.changed.push((previous, record)),
            Some(_) => {}
        }
    }
    diff
}

impl<T> KeyedDiff<'_, T> {
    /// Added, edited and deleted records of one kind, one change per verb.
    fn records(&self, kind: &'static str) -> Vec<FileChange> {
        let keys = |records: &mut dyn Iterator<Item = &T>| -> Vec<String> {
            records.map(|record| (self.key)(record)).collect()
        };
        [
            (Verb::Add, keys(&mut self.added.iter().copied())),
            (
                Verb::Edit,
                keys(&mut self.changed.iter().map(|(_, new)| *new)),
            ),
            (Verb::Delete, keys(&mut self.removed.iter().copied())),
        ]
        .into_iter()
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(verb, keys)| FileChange::Records { verb, kind, keys })
        .collect()
    }
}

/// A commit message for these changes: one line naming them ("Resolve x as true; add 2
/// forecasts to y"); when that is long, a line counting them and one line for each.
pub fn commit_message(changes: &[FileChange]) -> String {
    const SUBJECT_LIMIT: usize = 72;
    let parts: Vec<String> = changes.iter().map(ToString::to_string).collect();
    if parts.is_empty() {
        return String::new();
    }
    let joined = crate::prose::capitalized(&parts.join("; "));
    if joined.chars().count() <= SUBJECT_LIMIT {
        return joined;
    }
    let resolved = changes
        .iter()
        .filter(|c| matches!(c, FileChange::Resolve { .. }))
        .count();
    let subject = if resolved == changes.len() {
        format!("Resolve {}", count(resolved, "forecast"))
    } else {
        format!("Update the ledger: {}", count(changes.len(), "change"))
    };
    let body: Vec<String> = parts.iter().map(|part| format!("- {part}")).collect();
    format!("{subject}\n\n{}", body.join("\n"))
}
