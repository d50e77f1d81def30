//! Forms: what a user typed to add or edit a forecast, source, scenario or person, checked
//! field by field before anything is written, so the app can show each problem next to
//! its field and save nothing invalid. The same rules as `check`, applied to one record.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::estimative::{PhraseOrigin, PhraseTable};
use crate::ledger::people::name_key;
use crate::ledger::read::validate::{
    Confidence, ConfidenceProblem, TextShape, all_names, duplicate_forecast_id,
    duplicate_source_id, effective_probability, id_problem, link_problem, near_duplicate_names,
    resolution_problem, resolve_by_problem, text_problem, unknown_person, unknown_source,
    unused_baseline,
};
use crate::ledger::{
    FORMAT_VERSION, Forecast, Ledger, Outcome, PEOPLE_FILE, PHRASES_FILE, Person,
    ProbabilityOrigin, ResolveBy, Scenario, SeedProblem, Source, resolve_seed, scenario_id_problem,
};

/// A problem with one field of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's name as in the file format ("claim", "resolve_by", …).
    pub field: &'static str,
    pub message: String,
}

/// Every problem of one form, collected rather than stopping at the first.
#[derive(Default)]
struct Problems(Vec<FieldProblem>);

impl Problems {
    fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldProblem {
            field,
            message: message.into(),
        });
    }

    /// The trimmed value of a required field, or a problem when it is empty.
    fn required<'a>(&mut self, field: &'static str, what: &str, value: &'a str) -> &'a str {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, format!("{what} is required"));
        }
        value
    }

    /// Each field as typed that holds characters `check` would refuse (control or
    /// bidirectional characters; line breaks in a one-line field).
    fn texts(&mut self, fields: &[(&'static str, &str, TextShape)]) {
        for &(field, value, shape) in fields {
            if let Some(message) = text_problem(field, value, shape) {
                self.add(field, message);
            }
        }
    }

    /// A required `YYYY-MM-DD` date.
    fn date(&mut self, field: &'static str, what: &str, value: &str) -> Option<NaiveDate> {
        let value = self.required(field, what, value);
        if value.is_empty() {
            return None;
        }
        parse_date(value)
            .map_err(|message| self.add(field, message))
            .ok()
    }

    fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldProblem>> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}

/// Only the file format's own spelling of a date is accepted, so that what the user sees
/// in the form is what the file will say.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    let parsed = shaped.then(|| text.parse::<NaiveDate>().ok()).flatten();
    parsed.ok_or_else(|| {
        if shaped {
            format!("'{text}' is not a date in the calendar")
        } else {
            format!("'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2022-01-07")
        }
    })
}

/// The probability field: empty, a number in [0, 1] or a percentage. The range itself is
/// checked with the rest of the confidence rules, as `check` does.
fn parse_probability(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (number, percent) = match text.strip_suffix('%') {
        Some(number) => (number.trim_end(), true),
        None => (text, false),
    };
    let invalid = || {
        let hint = if number.contains(',') {
            " (use a decimal point: 0.7)"
        } else {
            ""
        };
        format!(
            "'{text}' is not a probability: write a number between 0 and 1, or a percentage like 70%{hint}"
        )
    };
    let value: f64 = number.parse().map_err(|_| invalid())?;
    if !percent {
        return Ok(Some(value));
    }
    // Shifting the decimal point in the text rather than dividing by 100 keeps "35%" the
    // same double as "0.35", so the file says 0.35 and not 0.35000000000000003.
    let shifted = if number.contains(['e', 'E']) {
        value / 100.0
    } else {
        format!("{number}e-2").parse().map_err(|_| invalid())?
    };
    Ok(Some(shifted))
}

/// Comma-separated values, trimmed, without empties or repeats.
fn split_list(text: &str) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for value in text.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        if !values.iter().any(|known| known == value) {
            values.push(value.to_string());
        }
    }
    values
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The forecast form, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ForecastDraft {
    pub id: String,
    /// Person id, name or alias.
    pub by: String,
    /// Source id in the chosen scenario file.
    pub source: String,
    /// YYYY-MM-DD.
    pub made: String,
    pub quote: String,
    pub claim: String,
    pub expression: String,
    /// Empty, or the phrase a comparative expression moves from ("likely").
    #[serde(default)]
    pub baseline: String,
    /// Empty, or a number in [0, 1] (a trailing % is accepted: "70%").
    pub probability: String,
    pub condition: String,
    /// YYYY-MM-DD.
    pub resolve_by: String,
    pub resolve_by_stated: bool,
    /// Comma-separated.
    pub tags: String,
}

impl ForecastDraft {
    /// The form filled in from an existing forecast, for editing.
    pub fn from_forecast(forecast: &Forecast) -> ForecastDraft {
        ForecastDraft {
            id: forecast.id.clone(),
            by: forecast.by.clone(),
            source: forecast.source.clone(),
            made: forecast.made.to_string(),
            quote: forecast.quote.clone(),
            claim: forecast.claim.clone(),
            expression: forecast.expression.clone().unwrap_or_default(),
            baseline: forecast.baseline.clone().unwrap_or_default(),
            // Display gives the shortest text that reads back as the same number ("0.35").
            probability: forecast
                .probability
                .map(|p| p.to_string())
                .unwrap_or_default(),
            condition: forecast.condition.clone().unwrap_or_default(),
            resolve_by: forecast.resolve_by.date().to_string(),
            resolve_by_stated: forecast.resolve_by.is_stated(),
            tags: forecast.tags.join(", "),
        }
    }
}

/// Checks a forecast form for the scenario file at `file` (a path, which survives a
/// reload, as an index into [`Ledger::files`] does not). `editing` is the id of the
/// forecast being edited (its own id is not a duplicate); `outcome` is kept as is (a form
/// never changes the outcome).
pub fn check_forecast(
    ledger: &Ledger,
    file: &Path,
    draft: &ForecastDraft,
    editing: Option<&str>,
    outcome: Outcome,
) -> Result<Forecast, Vec<FieldProblem>> {
    check_forecast_with(ledger, file, draft, editing, outcome, Pending::default())
}

/// A person and a source that will be written with the forecast (accepting an article's
/// candidate adds them together): the forecast may name them though the folder does not
/// hold them yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pending<'a> {
    pub person: Option<&'a Person>,
    pub source: Option<&'a str>,
}

/// [`check_forecast`], with `pending` counted as in the folder.
pub fn check_forecast_with(
    ledger: &Ledger,
    file: &Path,
    draft: &ForecastDraft,
    editing: Option<&str>,
    outcome: Outcome,
    pending: Pending,
) -> Result<Forecast, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    use TextShape::{Line, Paragraphs};
    problems.texts(&[
        ("id", &draft.id, Line),
        ("by", &draft.by, Line),
        ("source", &draft.source, Line),
        ("quote", &draft.quote, Paragraphs),
        ("claim", &draft.claim, Paragraphs),
        ("expression", &draft.expression, Line),
        ("baseline", &draft.baseline, Line),
        ("condition", &draft.condition, Paragraphs),
        ("tags", &draft.tags, Line),
    ]);

    let id = problems.required("id", "an id", &draft.id);
    if !id.is_empty() {
        if let Some(message) = id_problem("forecast", id) {
            problems.add("id", message);
        } else if let Some(original) = editing.filter(|original| *original != id) {
            problems.add(
                "id",
                format!("a forecast's id cannot be changed ('{original}' to '{id}'): other files and pull requests refer to it"),
            );
        } else if editing.is_none()
            && let Some(entry) = ledger.find(id)
        {
            let view = ledger.view(entry);
            problems.add(
                "id",
                duplicate_forecast_id(id, &view.file.path, view.entry.position),
            );
        }
    }

    let by = problems.required("by", "the forecaster", &draft.by);
    let pending_person = pending.person.is_some_and(|person| {
        std::iter::once(person.id.as_str())
            .chain(all_names(person))
            .any(|name| name_key(name) == name_key(by))
    });
    if !by.is_empty() && ledger.person_index.find(by).is_none() && !pending_person {
        problems.add(
            "by",
            unknown_person(&ledger.people, &ledger.person_index, ledger.people_file, by),
        );
    }

    let source = problems.required("source", "the source", &draft.source);
    match ledger.scenario_file(file) {
        Some(scenario_file) => {
            let sources = &scenario_file.scenario.sources;
            let known = sources.iter().any(|s| s.id == source) || pending.source == Some(source);
            if !source.is_empty() && !known {
                problems.add("source", unknown_source(source, sources));
            }
        }
        None => problems.add("source", not_loaded(file)),
    }

    let made = problems.date("made", "the date it was made", &draft.made);
    let quote = problems.required("quote", "the quote", &draft.quote);
    let claim = problems.required("claim", "the claim", &draft.claim);
    let expression = optional(&draft.expression);
    let baseline = optional(&draft.baseline);

    let probability = match parse_probability(&draft.probability) {
        Ok(probability) => {
            let confidence = Confidence {
                expression: expression.as_deref(),
                baseline: baseline.as_deref(),
                probability,
            };
            if let Err(problem) = effective_probability(&ledger.phrases, confidence) {
                problems.add(problem.field().unwrap_or("expression"), problem.message());
            }
            probability
        }
        // A mistyped probability is still a probability given: an unknown expression is
        // then not the problem to report.
        Err(message) => {
            problems.add("probability", message);
            None
        }
    };

    let resolve_by = problems.date("resolve_by", "the resolve-by date", &draft.resolve_by);
    if let (Some(made), Some(resolve_by)) = (made, resolve_by)
        && let Some(message) = resolve_by_problem(made, resolve_by)
    {
        problems.add("resolve_by", message);
    }
    if let Some(message) = made.and_then(|made| resolution_problem(made, &outcome)) {
        problems.add("made", message);
    }

    problems.finish(|| Forecast {
        id: id.to_string(),
        by: by.to_string(),
        source: source.to_string(),
        made: made.expect("checked"),
        quote: quote.to_string(),
        claim: claim.to_string(),
        expression,
        baseline,
        probability,
        condition: optional(&draft.condition),
        resolve_by: {
            let date = resolve_by.expect("checked");
            if draft.resolve_by_stated {
                ResolveBy::Stated(date)
            } else {
                ResolveBy::Default(date)
            }
        },
        tags: split_list(&draft.tags),
        outcome,
    })
}

/// The problem with a form for a file that is not (or no longer) in the folder.
fn not_loaded(file: &Path) -> String {
    format!("{} is not a scenario file of this folder", file.display())
}

/// Words that say nothing about a claim, left out of suggested ids.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "during", "for", "from",
    "had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "may",
    "might", "more", "most", "of", "on", "or", "other", "over", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "under", "until", "up", "was", "were", "what", "when",
    "which", "while", "who", "will", "with", "within", "would",
];

/// How many words a suggested id has at most (the surname included): enough to tell
/// forecasts apart, short enough to type.
const ID_WORDS: usize = 6;

/// A word as it may appear in an id: lower-case ASCII letters and digits, with the common
/// Latin accents folded ("Cömert" → "comert") rather than dropped.
fn slug_word(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}'))
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            let folded = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
                'ç' | 'ć' | 'č' => 'c',
                'ď' => 'd',
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
                'ğ' => 'g',
                'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
                'ł' => 'l',
                'ñ' | 'ń' | 'ň' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
                'ř' => 'r',
                'ś' | 'ş' | 'š' | 'ș' => 's',
                'ť' | 'ț' => 't',
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
                'ý' | 'ÿ' => 'y',
                'ź' | 'ż' | 'ž' => 'z',
                c => c,
            };
            folded.is_ascii_alphanumeric().then_some(folded)
        })
        .collect()
}

/// The words of a text as id words, split at anything that is not a letter or digit.
fn slug_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}')))
        .map(slug_word)
        .filter(|word| !word.is_empty())
        .collect()
}

/// A readable, unused forecast id from the forecaster and the claim
/// ("barbashin-csto-troops-leave-within-weeks").
pub fn suggest_forecast_id(ledger: &Ledger, by: &str, claim: &str) -> String {
    let name = ledger.person(by).map_or(by, |person| person.name.as_str());
    let surname = slug_words(name).pop();
    let mut words: Vec<String> = surname.iter().cloned().collect();
    for word in slug_words(claim) {
        if words.len() >= ID_WORDS {
            break;
        }
        if STOP_WORDS.contains(&word.as_str()) || words.contains(&word) {
            continue;
        }
        words.push(word);
    }
    if words.is_empty() {
        words.push("forecast".to_string());
    }
    first_free(words.join("-"), |id| ledger.find(id).is_some())
}

/// An unused person id from a name ("Dmitri Trenin" → "dmitri-trenin").
pub fn suggest_person_id(ledger: &Ledger, name: &str) -> String {
    let words = slug_words(name);
    let base = if words.is_empty() {
        "person".to_string()
    } else {
        words.join("-")
    };
    first_free(base, |id| ledger.person(id).is_some())
}

/// An unused source id in a scenario from the outlet and the title's first words
/// ("rferl-week-russia-kazakhstan").
pub fn suggest_source_id(sources: &[Source], outlet: &str, title: &str) -> String {
    let mut words: Vec<String> = slug_words(outlet).into_iter().take(1).collect();
    for word in slug_words(title) {
        if words.len() >= 5 {
            break;
        }
        if !STOP_WORDS.contains(&word.as_str()) && !words.contains(&word) {
            words.push(word);
        }
    }
    if words.is_empty() {
        words.push("source".to_string());
    }
    first_free(words.join("-"), |id| sources.iter().any(|s| s.id == id))
}

/// `base`, or `base-2`, `base-3`… whichever is not taken.
fn first_free(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}

/// What a form's confidence fields will be scored as, shown while typing.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbabilityPreview {
    /// The effective probability, when there is one.
    pub value: Option<f64>,
    /// Where it comes from or what is wrong ("phrase table: Mauboussin 2018 median 70% (IQR
    /// 60-75)", "explicit probability", "unknown phrase; closest: …").
    pub explanation: String,
    /// The phrase's range, when it maps through the table.
    pub range: Option<(f64, f64)>,
}

/// A typed probability that is not a number shows as a problem rather than falling back
/// to the phrase: the form would refuse it, so the phrase's value is not what is scored. A
/// comparative measured from a baseline says how ("even more likely than 'likely' (70%) ➡
/// 79%"), and a baseline that changes nothing says so, as `check` warns.
pub fn preview_probability(
    phrases: &PhraseTable,
    expression: &str,
    baseline: &str,
    probability: &str,
) -> ProbabilityPreview {
    let problem = |explanation: String| ProbabilityPreview {
        value: None,
        explanation,
        range: None,
    };
    let probability = match parse_probability(probability) {
        Ok(probability) => probability,
        Err(message) => return problem(message),
    };
    let confidence = Confidence {
        expression: Some(expression),
        baseline: Some(baseline),
        probability,
    };
    let mut preview = match effective_probability(phrases, confidence) {
        Ok(effective) => {
            let worked = effective.baseline_explanation();
            match effective.origin {
                ProbabilityOrigin::Explicit => ProbabilityPreview {
                    value: Some(effective.value),
                    explanation: "explicit probability".to_string(),
                    range: None,
                },
                ProbabilityOrigin::Phrase {
                    phrase,
                    range,
                    source,
                    table,
                    ..
                } => {
                    let from_table = phrase_explanation(&phrase, &source, table);
                    ProbabilityPreview {
                        value: Some(effective.value),
                        explanation: match worked {
                            Some(worked) => format!("{worked}; {from_table}"),
                            None => from_table,
                        },
                        range,
                    }
                }
            }
        }
        Err(ConfidenceProblem::Neither) => {
            return problem(
                "no expression or probability: give the hedge words as said, a probability, or both"
                    .to_string(),
            );
        }
        Err(other) => return problem(other.message()),
    };
    if let Some(unused) = unused_baseline(phrases, confidence) {
        preview.explanation.push_str(&format!("; {unused}"));
    }
    preview
}

fn phrase_explanation(phrase: &str, source: &str, table: PhraseOrigin) -> String {
    match table {
        PhraseOrigin::BuiltIn => format!("phrase table: {source}"),
        PhraseOrigin::Folder => match PhraseTable::built_in_probability(phrase) {
            Some(built_in) => format!(
                "this folder's {PHRASES_FILE}: {source} (overrides the built-in {built_in})"
            ),
            None => format!("this folder's {PHRASES_FILE}: {source}"),
        },
    }
}

/// The source form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceDraft {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub author: String,
    pub published: String,
    pub url: String,
    pub seed: String,
}

/// Checks a source form for the scenario file at `file`.
pub fn check_source(
    ledger: &Ledger,
    file: &Path,
    draft: &SourceDraft,
) -> Result<Source, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let id = problems.required("id", "an id", &draft.id);
    if !id.is_empty() {
        if let Some(message) = id_problem("source", id) {
            problems.add("id", message);
        } else {
            match ledger.scenario_file(file) {
                Some(scenario_file) => {
                    if scenario_file.scenario.sources.iter().any(|s| s.id == id) {
                        problems.add("id", duplicate_source_id(id));
                    }
                }
                None => problems.add("id", not_loaded(file)),
            }
        }
    }
    let outlet = problems.required("outlet", "the outlet", &draft.outlet);
    let title = problems.required("title", "the title", &draft.title);
    let published = problems.date("published", "the publication date", &draft.published);
    problems.texts(&[
        ("id", id, TextShape::Line),
        ("outlet", outlet, TextShape::Line),
        ("title", title, TextShape::Line),
        ("author", &draft.author, TextShape::Line),
        ("seed", &draft.seed, TextShape::Line),
    ]);
    let url = optional(&draft.url);
    if let Some(message) = url.as_deref().and_then(|url| link_problem("url", url)) {
        problems.add("url", message);
    }
    let seed = optional(&draft.seed);
    if let Some(seed) = &seed
        && let Err(problem @ SeedProblem::Outside(_)) = resolve_seed(&ledger.project_root, seed)
    {
        // A missing file is only a warning in `check`: the text may be added later.
        problems.add("seed", problem.message());
    }
    problems.finish(|| Source {
        id: id.to_string(),
        outlet: outlet.to_string(),
        title: title.to_string(),
        author: optional(&draft.author),
        published: published.expect("checked"),
        url,
        seed,
    })
}

/// The new-scenario form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScenarioDraft {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Comma-separated.
    pub tags: String,
}

/// Checks a new scenario (no sources or forecasts yet); its id must be unused and usable
/// as a file name.
pub fn check_scenario(
    ledger: &Ledger,
    draft: &ScenarioDraft,
) -> Result<Scenario, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let id = problems.required("id", "an id", &draft.id);
    if !id.is_empty() {
        let file = ledger.dir.join(format!("{id}.ron"));
        if let Some(message) = scenario_id_problem(id) {
            problems.add("id", message);
        } else if let Some(used) = ledger.files.iter().find(|f| f.scenario.id == id) {
            problems.add(
                "id",
                format!(
                    "scenario id '{id}' is already used by {}",
                    used.path.display()
                ),
            );
        } else if file.exists() {
            problems.add("id", format!("{} already exists", file.display()));
        }
    }
    let title = problems.required("title", "a title", &draft.title);
    problems.texts(&[
        ("title", title, TextShape::Line),
        ("summary", &draft.summary, TextShape::Paragraphs),
        ("tags", &draft.tags, TextShape::Line),
    ]);
    problems.finish(|| Scenario {
        format: FORMAT_VERSION,
        id: id.to_string(),
        title: title.to_string(),
        summary: draft.summary.trim().to_string(),
        tags: split_list(&draft.tags),
        sources: Vec::new(),
        forecasts: Vec::new(),
    })
}

/// The new-person form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonDraft {
    pub id: String,
    pub name: String,
    /// Comma-separated.
    pub aliases: String,
    pub affiliation: String,
}

/// Checks a new person: id, name and aliases must not name anyone already in the registry,
/// and a near-duplicate of an existing name is refused with a hint to add an alias instead.
pub fn check_person(ledger: &Ledger, draft: &PersonDraft) -> Result<Person, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let id = problems.required("id", "an id", &draft.id);
    let name = problems.required("name", "a name", &draft.name);
    problems.texts(&[
        ("id", id, TextShape::Line),
        ("name", name, TextShape::Line),
        ("aliases", &draft.aliases, TextShape::Line),
        ("affiliation", &draft.affiliation, TextShape::Line),
    ]);
    // Spellings of the name itself add nothing as aliases.
    let mut aliases: Vec<String> = Vec::new();
    for alias in split_list(&draft.aliases) {
        let key = name_key(&alias);
        if key != name_key(name) && !aliases.iter().any(|known| name_key(known) == key) {
            aliases.push(alias);
        }
    }

    if !id.is_empty() {
        if let Some(message) = id_problem("person", id) {
            problems.add("id", message);
        } else if let Some(owner) = ledger.person(id) {
            problems.add("id", already_names(id, owner));
        }
    }
    let names = (!name.is_empty())
        .then_some(("name", name))
        .into_iter()
        .chain(aliases.iter().map(|alias| ("aliases", alias.as_str())));
    for (field, typed) in names {
        if let Some(owner) = ledger.person(typed) {
            problems.add(field, already_names(typed, owner));
        } else if let Some((owner, existing)) = ledger.people.iter().find_map(|person| {
            near_duplicate_names(std::iter::once(typed), all_names(person))
                .map(|(_, existing)| (person, existing))
        }) {
            problems.add(
                field,
                format!(
                    "'{typed}' looks like another spelling of '{existing}' ({}); if they are one person, add '{typed}' to the aliases of {} in {PEOPLE_FILE} instead",
                    owner.id, owner.name
                ),
            );
        }
    }

    problems.finish(|| Person {
        id: id.to_string(),
        name: name.to_string(),
        aliases,
        affiliation: optional(&draft.affiliation),
        note: None,
    })
}

fn already_names(typed: &str, owner: &Person) -> String {
    format!(
        "'{typed}' already names {} (id '{}'): ids, names and aliases must each name one person",
        owner.name, owner.id
    )
}

/// People whose id, name or alias starts with or contains `typed` (case-insensitive),
/// best matches first, for autocomplete.
pub fn people_matching<'a>(ledger: &'a Ledger, typed: &str, limit: usize) -> Vec<&'a Person> {
    let typed = name_key(typed);
    let mut word_starts: Vec<&Person> = Vec::new();
    let mut inside: Vec<&Person> = Vec::new();
    for person in &ledger.people {
        let names: Vec<String> = std::iter::once(&person.id)
            .chain(std::iter::once(&person.name))
            .chain(person.aliases.iter())
            .map(|name| name_key(name))
            .collect();
        // "tok" finds "Kassym-Jomart Tokayev" by its surname: any word may start the match.
        let starts = names.iter().any(|name| {
            name.starts_with(&typed)
                || name
                    .match_indices(|c: char| !c.is_alphanumeric())
                    .any(|(i, sep)| name[i + sep.len()..].starts_with(&typed))
        });
        if starts {
            word_starts.push(person);
        } else if names.iter().any(|name| name.contains(&typed)) {
            inside.push(person);
        }
    }
    word_starts.into_iter().chain(inside).take(limit).collect()
}
