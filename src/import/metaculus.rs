//! A Metaculus download: the zip that "email me my data" sends (`user_data.zip`), or the
//! folder it unzips to. Of its files two matter: `question_data.csv`, a row per question,
//! and `forecast_data.csv`, a row per forecast, joined on `Question ID`.
//!
//! Python's `csv` module writes them (CRLF, Python `repr` for lists), and their headers
//! grew over the years, so every column is found by its name and an older file's missing
//! columns read as empty. What is imported, and what is not:
//!
//! - a binary question becomes one question, its forecasters' `Probability Yes` its
//!   forecasts;
//! - a multiple-choice question becomes one yes/no question per option, as Fatebook scores
//!   them, each forecast's probability for that option a forecast on it (an option not
//!   offered when the forecast was made has none);
//! - a numeric, discrete or date question gives no probability of a yes: it is not
//!   imported, and each forecast on it is counted as skipped;
//! - the community's aggregates, which a question download holds, are not a forecaster's
//!   own: skipped and counted.
//!
//! A zip is read in memory, never extracted, and a member larger than 64 MiB is refused.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Cursor, Read};
use std::path::Path;

use chrono::NaiveDate;

use super::csv_table::{CsvTable, Row};
use super::track::{
    Platform, PlatformForecast, PlatformQuestion, PlatformResolution, ReadError, Track,
};

const QUESTION_FILE: &str = "question_data.csv";
const FORECAST_FILE: &str = "forecast_data.csv";

/// The largest file read: a download's CSVs are a few megabytes.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// `question_data.csv`'s columns. The options' column was `MC Options` before 2026.
const QUESTION_ID: &str = "Question ID";
const TITLE: &str = "Question Title";
const POST_ID: &str = "Post ID";
const LABEL: &str = "Label";
const TYPE: &str = "Question Type";
const CATEGORIES: &str = "Categories";
const OPTIONS: [&str; 3] = ["MC Options (All)", "MC Options", "MC Options (Current)"];
const OPEN: &str = "Open Time";
const PUBLISHED: &str = "Post Published Time";
const SCHEDULED_CLOSE: &str = "Scheduled Close Time";
const ACTUAL_CLOSE: &str = "Actual Close Time";
const RESOLUTION: &str = "Resolution";
const RESOLVED_AT: &str = "Resolution Known Time";

/// `forecast_data.csv`'s columns. An anonymised file has `Forecaster (Anonymized)` (a hash
/// for a user, the method for an aggregate) in place of the id and username.
const FORECASTER_ID: &str = "Forecaster ID";
const USERNAME: &str = "Forecaster Username";
const ANONYMIZED: &str = "Forecaster (Anonymized)";
const FORECASTER_COUNT: &str = "Forecaster Count";
const START: &str = "Start Time";
const PROBABILITY: &str = "Probability Yes";
const PER_CATEGORY: &str = "Probability Yes Per Category";

/// Why a forecast row is skipped.
const AGGREGATE: &str = "community aggregate (not a forecaster's own)";
const UNLISTED: &str = "forecast on a question question_data.csv does not list";
const NO_PROBABILITY: &str = "forecast without a Probability Yes";

/// Reads the download's zip, wherever in it the two CSVs are.
pub fn read_zip(name: &str, bytes: &[u8]) -> Result<Track, ReadError> {
    read_zip_within(name, bytes, MAX_FILE_BYTES)
}

/// Reads the two CSVs in `dir`, the download unzipped.
pub fn read_folder(dir: &Path) -> Result<Track, ReadError> {
    let question_path = dir.join(QUESTION_FILE);
    let forecast_path = dir.join(FORECAST_FILE);
    let question_name = question_path.display().to_string();
    let forecast_name = forecast_path.display().to_string();
    let question_csv = read_file(&question_path, &question_name)?;
    let forecast_csv = read_file(&forecast_path, &forecast_name)?;
    read_csvs(&question_name, &question_csv, &forecast_name, &forecast_csv)
}

/// Reads `question_data.csv` and `forecast_data.csv`, each named in messages by its name.
pub fn read_csvs(
    question_name: &str,
    question_csv: &[u8],
    forecast_name: &str,
    forecast_csv: &[u8],
) -> Result<Track, ReadError> {
    let question_table = CsvTable::read(question_name, question_csv)?;
    let forecast_table = CsvTable::read(forecast_name, forecast_csv)?;
    let mut track = Track::new(Platform::Metaculus);
    let mut questions = read_questions(&question_table, &mut track)?;
    read_forecasts(&forecast_table, &mut questions, &mut track)?;
    questions.count_unforecast(&mut track);
    Ok(track)
}

// The zip and the folder.

fn read_zip_within(name: &str, bytes: &[u8], limit: u64) -> Result<Track, ReadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| whole_file(name, format!("not a zip archive: {error}")))?;
    let question_path = member_named(&archive, name, QUESTION_FILE)?;
    let forecast_path = member_named(&archive, name, FORECAST_FILE)?;
    let question_csv = read_member(&mut archive, name, &question_path, limit)?;
    let forecast_csv = read_member(&mut archive, name, &forecast_path, limit)?;
    read_csvs(
        &format!("{name}/{question_path}"),
        &question_csv,
        &format!("{name}/{forecast_path}"),
        &forecast_csv,
    )
}

/// The path in the zip of its one member called `file`, in whichever folder.
fn member_named<R: Read + std::io::Seek>(
    archive: &zip::ZipArchive<R>,
    zip_name: &str,
    file: &str,
) -> Result<String, ReadError> {
    let mut found = archive
        .file_names()
        .filter(|path| path.rsplit(['/', '\\']).next() == Some(file));
    match (found.next(), found.next()) {
        (Some(path), None) => Ok(path.to_string()),
        (None, _) => Err(whole_file(
            zip_name,
            format!("the zip holds no {file}: is it a Metaculus download?"),
        )),
        (Some(first), Some(second)) => Err(whole_file(
            zip_name,
            format!(
                "the zip holds two {file} ('{first}' and '{second}'): unzip it and import one folder"
            ),
        )),
    }
}

/// A member's bytes, refused beyond `limit` whatever size the zip declares.
fn read_member<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    zip_name: &str,
    path: &str,
    limit: u64,
) -> Result<Vec<u8>, ReadError> {
    let unreadable = |error: &dyn std::fmt::Display| {
        whole_file(zip_name, format!("cannot unzip {path}: {error}"))
    };
    let member = archive.by_name(path).map_err(|error| unreadable(&error))?;
    if member.size() > limit {
        return Err(too_large(zip_name, path, limit));
    }
    let mut bytes = Vec::new();
    member
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| unreadable(&error))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(zip_name, path, limit));
    }
    Ok(bytes)
}

fn too_large(zip_name: &str, path: &str, limit: u64) -> ReadError {
    let mib = limit / (1024 * 1024);
    whole_file(
        zip_name,
        format!("{path} is larger than {mib} MiB unzipped: not a download's file"),
    )
}

fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, ReadError> {
    let unreadable = |error: std::io::Error| {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => {
                "there is no such file: a Metaculus download holds question_data.csv and forecast_data.csv".to_string()
            }
            _ => format!("cannot read it: {error}"),
        };
        whole_file(name, message)
    };
    let mut bytes = Vec::new();
    File::open(path)
        .map_err(unreadable)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole_file(
            name,
            "larger than 64 MiB: not a download's file".to_string(),
        ));
    }
    Ok(bytes)
}

/// A problem with a file as a whole (line 0).
fn whole_file(file: &str, message: String) -> ReadError {
    ReadError {
        file: file.to_string(),
        line: 0,
        column: 1,
        message,
    }
}

// question_data.csv

/// What became of each row of `question_data.csv`, by its `Question ID`.
struct Questions {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

enum Entry {
    /// The track's question at this index.
    Binary(usize),
    /// The track's questions from `first` on, one per option in `MC Options (All)`.
    MultipleChoice {
        first: usize,
        options: usize,
    },
    NotImported(NotImported),
}

/// A question left out, and the forecasts on it skipped so far.
struct NotImported {
    /// Why each forecast row on it is skipped.
    rows_why: String,
    /// Why the question is, when no forecast row on it says so.
    question_why: String,
    rows: usize,
}

impl NotImported {
    /// A question whose forecasts are not probabilities of a yes (`numeric`, `discrete`,
    /// `date`, or a type this reader does not know).
    fn of_type(kind: &str) -> NotImported {
        NotImported {
            rows_why: format!("{kind} question: no probability of a yes to import"),
            question_why: format!("{kind} question without forecasts: not imported"),
            rows: 0,
        }
    }

    /// A question that never opened (a draft the user wrote): it has no date to give.
    fn never_opened() -> NotImported {
        NotImported {
            rows_why: "forecast on a question that never opened".to_string(),
            question_why: "question that never opened (no Open Time): not imported".to_string(),
            rows: 0,
        }
    }
}

impl Questions {
    /// Counts the questions left out on which no forecast row was counted: never a silent
    /// drop.
    fn count_unforecast(&self, track: &mut Track) {
        for entry in &self.entries {
            if let Entry::NotImported(left) = entry
                && left.rows == 0
            {
                track.skip(&left.question_why);
            }
        }
    }
}

fn read_questions(table: &CsvTable, track: &mut Track) -> Result<Questions, ReadError> {
    let opened = table.first_of(&[OPEN, PUBLISHED]).unwrap_or(OPEN);
    for column in [QUESTION_ID, TITLE, POST_ID, TYPE, RESOLUTION, opened] {
        table.require(column)?;
    }
    let mut questions = Questions {
        entries: Vec::new(),
        by_id: HashMap::new(),
    };
    for row in table.rows() {
        let id = whole_number(&row, QUESTION_ID)?;
        if questions.by_id.contains_key(id) {
            return Err(row.error(QUESTION_ID, format!("question {id} is listed twice")));
        }
        let entry = read_question(&row, track)?;
        questions
            .by_id
            .insert(id.to_string(), questions.entries.len());
        questions.entries.push(entry);
    }
    Ok(questions)
}

/// What a question's row says, pushed onto the track when it is imported.
fn read_question(row: &Row, track: &mut Track) -> Result<Entry, ReadError> {
    let options = match row.required(TYPE)? {
        "binary" => None,
        "multiple_choice" => Some(options(row)?),
        other => return Ok(Entry::NotImported(NotImported::of_type(other))),
    };
    let Some(created) = row.date_time(OPEN)?.or(row.date_time(PUBLISHED)?) else {
        return Ok(Entry::NotImported(NotImported::never_opened()));
    };
    let post = whole_number(row, POST_ID)?;
    let title = match row.optional(LABEL) {
        Some(label) => format!("{} ({label})", row.required(TITLE)?),
        None => row.required(TITLE)?.to_string(),
    };
    let question = PlatformQuestion {
        key: format!("metaculus:{post}:{}", row.get(QUESTION_ID)),
        title,
        created,
        resolve_by: row.date_time(SCHEDULED_CLOSE)?.map(|close| close.date()),
        resolution: None,
        url: Some(format!("https://www.metaculus.com/questions/{post}/")),
        tags: match row.optional(CATEGORIES) {
            Some(cell) => names(row, CATEGORIES, cell)?,
            None => Vec::new(),
        },
        notes: None,
        forecasts: Vec::new(),
    };
    let first = track.questions.len();
    let Some(options) = options else {
        let resolution = binary_resolution(row)?;
        track.questions.push(PlatformQuestion {
            resolution,
            ..question
        });
        return Ok(Entry::Binary(first));
    };
    for option in &options {
        let resolution = option_resolution(row, &options, option)?;
        track.questions.push(PlatformQuestion {
            key: format!("{}:{option}", question.key),
            title: format!("{} — {option}", question.title),
            resolution,
            ..question.clone()
        });
    }
    Ok(Entry::MultipleChoice {
        first,
        options: options.len(),
    })
}

/// A multiple-choice question's options, in the order its forecasts' lists follow.
fn options(row: &Row) -> Result<Vec<String>, ReadError> {
    let cell = OPTIONS
        .iter()
        .find_map(|&column| row.optional(column).map(|cell| (column, cell)));
    let options = match cell {
        Some((column, cell)) => names(row, column, cell)?,
        None => Vec::new(),
    };
    if options.is_empty() {
        let message = "a multiple-choice question without options (MC Options (All) is empty)";
        return Err(row.error(TYPE, message));
    }
    Ok(options)
}

fn binary_resolution(row: &Row) -> Result<Option<(PlatformResolution, NaiveDate)>, ReadError> {
    let Some(value) = row.optional(RESOLUTION) else {
        return Ok(None);
    };
    let verdict = match value.to_ascii_lowercase().as_str() {
        "yes" => PlatformResolution::Yes,
        "no" => PlatformResolution::No,
        _ => unsuccessful(value).ok_or_else(|| {
            let message = format!("'{value}' is not a yes/no question's resolution: yes, no, ambiguous, annulled or empty");
            row.error(RESOLUTION, message)
        })?,
    };
    Ok(Some((verdict, resolution_day(row)?)))
}

/// An option's resolution: yes for the option chosen, no for the others.
fn option_resolution(
    row: &Row,
    options: &[String],
    option: &str,
) -> Result<Option<(PlatformResolution, NaiveDate)>, ReadError> {
    let Some(value) = row.optional(RESOLUTION) else {
        return Ok(None);
    };
    let verdict = if value == option {
        PlatformResolution::Yes
    } else if options.iter().any(|other| other == value) {
        PlatformResolution::No
    } else {
        unsuccessful(value).ok_or_else(|| {
            let message =
                format!("'{value}' is none of the question's options, nor ambiguous or annulled");
            row.error(RESOLUTION, message)
        })?
    };
    Ok(Some((verdict, resolution_day(row)?)))
}

/// Metaculus's resolutions that are no outcome.
fn unsuccessful(value: &str) -> Option<PlatformResolution> {
    match value.to_ascii_lowercase().as_str() {
        "ambiguous" => Some(PlatformResolution::Ambiguous),
        "annulled" => Some(PlatformResolution::Annulled),
        _ => None,
    }
}

/// The day a resolution became known (the question's close, in older records).
fn resolution_day(row: &Row) -> Result<NaiveDate, ReadError> {
    let known = row.date_time(RESOLVED_AT)?;
    let closed = row.date_time(ACTUAL_CLOSE)?;
    known.or(closed).map(|at| at.date()).ok_or_else(|| {
        let message = format!(
            "the question is resolved, but neither {RESOLVED_AT} nor {ACTUAL_CLOSE} says when"
        );
        row.error(RESOLUTION, message)
    })
}

/// A cell that must hold an id, a whole number.
fn whole_number<'r>(row: &'r Row, column: &str) -> Result<&'r str, ReadError> {
    let cell = row.required(column)?;
    if cell.bytes().all(|byte| byte.is_ascii_digit()) {
        Ok(cell)
    } else {
        Err(row.error(column, format!("'{cell}' is not an id (a whole number)")))
    }
}

/// A cell holding a Python list of strings.
fn names(row: &Row, column: &str, cell: &str) -> Result<Vec<String>, ReadError> {
    python_list(cell)
        .and_then(|items| {
            items
                .into_iter()
                .map(|item| match item {
                    PyItem::Text(text) => Ok(text),
                    _ => Err("an item is not a quoted string".to_string()),
                })
                .collect()
        })
        .map_err(|why| row.error(column, not_a_list(cell, &why)))
}

// forecast_data.csv

/// How the file names who made a forecast: by id and username, or (an anonymised export)
/// by a hash of the id, with the aggregation's method in its place for an aggregate.
enum Forecaster {
    Named,
    Anonymized,
}

impl Forecaster {
    fn in_table(table: &CsvTable) -> Forecaster {
        if table.has(ANONYMIZED) && !table.has(FORECASTER_ID) {
            Forecaster::Anonymized
        } else {
            Forecaster::Named
        }
    }

    fn columns(&self) -> &'static [&'static str] {
        match self {
            Forecaster::Named => &[FORECASTER_ID, USERNAME],
            Forecaster::Anonymized => &[ANONYMIZED],
        }
    }

    /// The forecaster's name, or `None` for a community aggregate: it has no id (and
    /// its username is the method), or, anonymised, a count of forecasters.
    fn of<'r>(&self, row: &'r Row) -> Option<&'r str> {
        match self {
            Forecaster::Named => row
                .optional(FORECASTER_ID)
                .map(|id| row.optional(USERNAME).unwrap_or(id)),
            Forecaster::Anonymized => match row.optional(FORECASTER_COUNT) {
                Some(_) => None,
                None => Some(row.get(ANONYMIZED)),
            },
        }
    }
}

fn read_forecasts(
    table: &CsvTable,
    questions: &mut Questions,
    track: &mut Track,
) -> Result<(), ReadError> {
    let forecaster = Forecaster::in_table(table);
    let columns = [QUESTION_ID, START, PROBABILITY, PER_CATEGORY];
    for column in forecaster.columns().iter().chain(&columns) {
        table.require(column)?;
    }
    for row in table.rows() {
        match forecaster.of(&row) {
            Some(by) => read_forecast(&row, by, questions, track)?,
            None => track.skip(AGGREGATE),
        }
    }
    Ok(())
}

/// A forecaster's row: a forecast on its question, or on each option it gives a
/// probability, or a row skipped with the reason.
fn read_forecast(
    row: &Row,
    by: &str,
    questions: &mut Questions,
    track: &mut Track,
) -> Result<(), ReadError> {
    let Some(&index) = questions.by_id.get(row.required(QUESTION_ID)?) else {
        track.skip(UNLISTED);
        return Ok(());
    };
    match &mut questions.entries[index] {
        Entry::NotImported(left) => {
            left.rows += 1;
            track.skip(&left.rows_why);
        }
        Entry::Binary(at) => match row.probability(PROBABILITY, false)? {
            Some(probability) => {
                let forecast = forecast(row, by, probability)?;
                track.questions[*at].forecasts.push(forecast);
            }
            None => track.skip(NO_PROBABILITY),
        },
        Entry::MultipleChoice { first, options } => match row.optional(PER_CATEGORY) {
            Some(cell) => {
                for (option, probability) in per_option(row, cell, *options)? {
                    let forecast = forecast(row, by, probability)?;
                    track.questions[*first + option].forecasts.push(forecast);
                }
            }
            None => track.skip(NO_PROBABILITY),
        },
    }
    Ok(())
}

fn forecast(row: &Row, by: &str, probability: f64) -> Result<PlatformForecast, ReadError> {
    let at = row
        .date_time(START)?
        .ok_or_else(|| row.error(START, format!("'{START}' is empty")))?;
    Ok(PlatformForecast {
        by: by.to_string(),
        at,
        probability,
        origin: format!("line {}", row.line()),
    })
}

/// A multiple-choice forecast's probabilities by option index, leaving out the options
/// that were not offered then (`None`).
fn per_option(row: &Row, cell: &str, options: usize) -> Result<Vec<(usize, f64)>, ReadError> {
    let items = python_list(cell).map_err(|why| row.error(PER_CATEGORY, not_a_list(cell, &why)))?;
    if items.len() > options {
        let message = format!(
            "{} probabilities for {options} options in question_data.csv",
            items.len()
        );
        return Err(row.error(PER_CATEGORY, message));
    }
    let mut probabilities = Vec::new();
    for (option, item) in items.into_iter().enumerate() {
        match item {
            PyItem::Nothing => {}
            PyItem::Number(p) if (0.0..=1.0).contains(&p) => probabilities.push((option, p)),
            PyItem::Number(p) => {
                let message = format!("'{p}' is not a probability: it must lie between 0 and 1");
                return Err(row.error(PER_CATEGORY, message));
            }
            PyItem::Text(text) => {
                let message = format!("'{text}' is not a probability: it must be a number");
                return Err(row.error(PER_CATEGORY, message));
            }
        }
    }
    Ok(probabilities)
}

// Python list literals, as `repr` writes them.

/// An item of a Python list: a string, a number or `None`.
#[derive(Clone, Debug, PartialEq)]
enum PyItem {
    Text(String),
    Number(f64),
    Nothing,
}

/// Reads a flat Python list literal (`['a', "b's"]`, `[0.1, None]`), or says what is wrong.
fn python_list(text: &str) -> Result<Vec<PyItem>, String> {
    let mut rest = text
        .trim()
        .strip_prefix('[')
        .ok_or("it does not start with '['")?;
    let mut items = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix(']') {
            if !after.trim().is_empty() {
                return Err("something follows its closing ']'".to_string());
            }
            return Ok(items);
        }
        let (item, after) = python_item(rest)?;
        items.push(item);
        rest = after.trim_start();
        match rest.strip_prefix(',') {
            Some(after) => rest = after,
            None if rest.starts_with(']') => {}
            None => return Err("its items are not separated by commas".to_string()),
        }
    }
}

/// The item `text` starts with, and what follows it.
fn python_item(text: &str) -> Result<(PyItem, &str), String> {
    if text.starts_with(['\'', '"']) {
        return python_string(text);
    }
    let end = text
        .find(|c: char| c == ',' || c == ']' || c.is_whitespace())
        .unwrap_or(text.len());
    let (token, rest) = text.split_at(end);
    let item = match token {
        "" if rest.is_empty() => return Err("it has no closing ']'".to_string()),
        "" => return Err("an item is missing".to_string()),
        "None" => PyItem::Nothing,
        _ => PyItem::Number(
            token
                .parse()
                .map_err(|_| format!("'{token}' is not a quoted string, a number or None"))?,
        ),
    };
    Ok((item, rest))
}

/// A quoted string at the start of `text` (Python's escapes read), and what follows it.
fn python_string(text: &str) -> Result<(PyItem, &str), String> {
    let mut chars = text.char_indices();
    let quote = chars.next().map_or('\'', |(_, c)| c);
    let mut read = String::new();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => {
                let (_, escaped) = chars.next().ok_or("a string is not closed")?;
                match escaped {
                    'n' => read.push('\n'),
                    'r' => read.push('\r'),
                    't' => read.push('\t'),
                    '0' => read.push('\0'),
                    'x' => read.push(code_point(&mut chars, 2)?),
                    'u' => read.push(code_point(&mut chars, 4)?),
                    'U' => read.push(code_point(&mut chars, 8)?),
                    '\\' | '\'' | '"' => read.push(escaped),
                    other => {
                        read.push('\\');
                        read.push(other);
                    }
                }
            }
            c if c == quote => return Ok((PyItem::Text(read), &text[at + c.len_utf8()..])),
            c => read.push(c),
        }
    }
    Err("a string is not closed".to_string())
}

/// The character of the next `digits` hex digits (a lone surrogate reads as U+FFFD).
fn code_point(chars: &mut std::str::CharIndices, digits: usize) -> Result<char, String> {
    let hex: String = chars.by_ref().take(digits).map(|(_, c)| c).collect();
    if hex.len() != digits || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "'{hex}' is not {digits} hex digits after a backslash"
        ));
    }
    let code = u32::from_str_radix(&hex, 16).map_err(|error| error.to_string())?;
    Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
}

fn not_a_list(cell: &str, why: &str) -> String {
    const SHOWN: usize = 60;
    let shown: String = cell.chars().take(SHOWN).collect();
    let more = if cell.chars().count() > SHOWN {
        "…"
    } else {
        ""
    };
    format!("'{shown}{more}' is not a Python list as Metaculus writes it: {why}")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;

    const QUESTION_HEADER: &str = "Question ID,Question URL,Question Title,Post ID,Post Curation Status,Post Published Time,Default Project,Default Project ID,Categories,Leaderboard Tags,Label,Question Type,MC Options (Current),MC Options (All),MC Options History,Lower Bound,Open Lower Bound,Upper Bound,Open Upper Bound,Continuous Range,Open Time,CP Reveal Time,Scheduled Close Time,Actual Close Time,Resolution,Resolution Known Time,Include Bots in Aggregates,Question Weight";

    const FORECAST_HEADER: &str = "Question ID,Forecaster ID,Forecaster Username,Is Bot,Start Time,End Time,Forecaster Count,Probability Yes,Probability Yes Per Category,Continuous CDF,Probability Below Lower Bound,Probability Above Upper Bound,5th Percentile,25th Percentile,Median,75th Percentile,95th Percentile,Probability of Resolution,PDF at Resolution";

    /// Lines joined as Python's csv module writes them, CRLF after each.
    fn crlf(lines: &[&str]) -> String {
        lines.iter().map(|line| format!("{line}\r\n")).collect()
    }

    /// Questions made up for the test, in the current header: a resolved binary question
    /// whose categories include one with an apostrophe (so double-quoted by `repr`), a
    /// multiple-choice question whose option 'Green' was withdrawn, a numeric question,
    /// and an annulled sub-question of a group (with a label).
    fn question_csv() -> String {
        crlf(&[
            QUESTION_HEADER,
            r#"101,https://www.metaculus.com/questions/201/bridge?/,Will the bridge reopen by June?,201,approved,2025-01-02 09:00:00+00:00,Community,144,"['Infrastructure', ""Children's health""]",[],,binary,,,,,False,,False,,2025-01-03 10:00:00+00:00,2025-01-04 10:00:00+00:00,2025-06-01 00:00:00+00:00,2025-05-20 12:00:00+00:00,yes,2025-05-20 12:00:00.250000+00:00,False,1.0"#,
            r#"102,https://www.metaculus.com/questions/202/trams/,Which colour will the new trams be?,202,approved,2025-02-01 09:00:00+00:00,Community,144,['Transport'],[],,multiple_choice,"['Red', 'Blue', 'Other']","['Red', 'Green', 'Blue', 'Other']","[('2025-02-01T09:00:00+00:00', ['Red', 'Green', 'Blue', 'Other'])]",,False,,False,,2025-02-01 10:00:00+00:00,,2025-04-01 00:00:00+00:00,2025-03-15 08:00:00+00:00,Blue,2025-03-15 08:00:00+00:00,False,1.0"#,
            r#"103,https://www.metaculus.com/questions/203/riders/,How many riders in May?,203,approved,2025-02-01 09:00:00+00:00,Community,144,[],[],,numeric,,,,0.0,False,1000.0,True,"[0.0, 500.0, 1000.0]",2025-02-01 10:00:00+00:00,,2025-06-01 00:00:00+00:00,,,,False,1.0"#,
            r#"104,https://www.metaculus.com/questions/204/budget/,Will the council pass the budget?,204,approved,2025-03-01 09:00:00+00:00,Community,144,[],[],District 5,binary,,,,,False,,False,,2025-03-01 10:00:00+00:00,,2025-07-01 00:00:00+00:00,2025-04-02 00:00:00+00:00,annulled,2025-04-02 00:00:00+00:00,False,1.0"#,
        ])
    }

    /// Forecasts made up for the test: ada's two on the bridge (the second one field short,
    /// as Metaculus writes an unscored row), an aggregate, her forecast on the trams, two
    /// on the riders, and one on the budget by a bot.
    fn forecast_csv() -> String {
        crlf(&[
            FORECAST_HEADER,
            "101,7,ada,False,2025-01-05 08:00:00+00:00,2025-02-01 08:00:00+00:00,,0.65,,,,,,,,,,0.65,",
            "101,7,ada,False,2025-02-01 08:00:00.500000+00:00,,,0.8,,,,,,,,,,",
            "101,,recency_weighted,,2025-01-05 08:00:00+00:00,,1,0.65,,,,,,,,,,,",
            "102,7,ada,False,2025-02-02 12:00:00+01:00,,,,\"[0.2, None, 0.5, 0.3]\",,,,,,,,,0.5,",
            "103,7,ada,False,2025-02-03 12:00:00+00:00,,,,,\"[0.0, 0.4, 1.0]\",0.0,0.0,100.0,300.0,500.0,700.0,900.0,,",
            "103,7,ada,False,2025-02-04 12:00:00+00:00,,,,,\"[0.0, 0.6, 1.0]\",0.0,0.0,100.0,300.0,500.0,700.0,900.0,,",
            "104,9,counting-bot,True,2025-03-02 12:00:00+00:00,,,0.1,,,,,,,,,,",
        ])
    }

    fn read_test_csvs(questions: &str, forecasts: &str) -> Result<Track, ReadError> {
        read_csvs(
            "question_data.csv",
            questions.as_bytes(),
            "forecast_data.csv",
            forecasts.as_bytes(),
        )
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn skipped(track: &Track) -> Vec<(usize, &str)> {
        track
            .skipped
            .iter()
            .map(|s| (s.count, s.why.as_str()))
            .collect()
    }

    #[test]
    fn a_binary_question_reads_with_its_forecasts() {
        let track = read_test_csvs(&question_csv(), &forecast_csv()).unwrap();
        assert_eq!(track.platform, Platform::Metaculus);
        let bridge = &track.questions[0];
        assert_eq!(bridge.key, "metaculus:201:101");
        assert_eq!(bridge.title, "Will the bridge reopen by June?");
        assert_eq!(
            bridge.url.as_deref(),
            Some("https://www.metaculus.com/questions/201/")
        );
        assert_eq!(bridge.created, at("2025-01-03 10:00:00"));
        assert_eq!(bridge.resolve_by, Some(day("2025-06-01")));
        assert_eq!(
            bridge.resolution,
            Some((PlatformResolution::Yes, day("2025-05-20")))
        );
        assert_eq!(bridge.tags, ["Infrastructure", "Children's health"]);
        assert_eq!(
            bridge.forecasts,
            [
                PlatformForecast {
                    by: "ada".to_string(),
                    at: at("2025-01-05 08:00:00"),
                    probability: 0.65,
                    origin: "line 2".to_string(),
                },
                PlatformForecast {
                    by: "ada".to_string(),
                    at: at("2025-02-01 08:00:00.5"),
                    probability: 0.8,
                    origin: "line 3".to_string(),
                },
            ]
        );
    }

    #[test]
    fn a_multiple_choice_question_reads_as_a_question_per_option() {
        let track = read_test_csvs(&question_csv(), &forecast_csv()).unwrap();
        let trams = &track.questions[1..5];
        let titles: Vec<_> = trams.iter().map(|q| q.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Which colour will the new trams be? — Red",
                "Which colour will the new trams be? — Green",
                "Which colour will the new trams be? — Blue",
                "Which colour will the new trams be? — Other",
            ]
        );
        assert_eq!(trams[2].key, "metaculus:202:102:Blue");
        let verdicts: Vec<_> = trams.iter().map(|q| q.resolution.unwrap().0).collect();
        use PlatformResolution::{No, Yes};
        assert_eq!(verdicts, [No, No, Yes, No]);
        let probabilities: Vec<_> = trams
            .iter()
            .map(|q| {
                q.forecasts
                    .iter()
                    .map(|f| f.probability)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            probabilities,
            [vec![0.2], vec![], vec![0.5], vec![0.3]],
            "Green was not offered: no forecast on it"
        );
        assert_eq!(trams[0].forecasts[0].at, at("2025-02-02 11:00:00"), "UTC");
        assert_eq!(trams[0].tags, ["Transport"]);
    }

    #[test]
    fn numeric_questions_and_aggregates_are_skipped_and_counted() {
        let track = read_test_csvs(&question_csv(), &forecast_csv()).unwrap();
        assert_eq!(
            track.questions.len(),
            6,
            "1 + 4 options + 1; not the numeric one"
        );
        assert!(track.questions.iter().all(|q| !q.key.contains(":103")));
        assert_eq!(
            skipped(&track),
            [
                (1, AGGREGATE),
                (2, "numeric question: no probability of a yes to import"),
            ]
        );
    }

    #[test]
    fn a_group_question_keeps_its_label_and_an_annulment() {
        let track = read_test_csvs(&question_csv(), &forecast_csv()).unwrap();
        let budget = &track.questions[5];
        assert_eq!(
            budget.title,
            "Will the council pass the budget? (District 5)"
        );
        assert_eq!(
            budget.resolution,
            Some((PlatformResolution::Annulled, day("2025-04-02")))
        );
        assert_eq!(budget.forecasts[0].by, "counting-bot");
        assert_eq!(budget.forecasts[0].probability, 0.1);
    }

    #[test]
    fn a_cell_that_cannot_be_read_is_named_by_line_and_column() {
        let forecasts = forecast_csv().replacen(",0.8,", ",1.5,", 1);
        let error = read_test_csvs(&question_csv(), &forecasts).unwrap_err();
        assert_eq!(error.file, "forecast_data.csv");
        assert_eq!((error.line, error.column), (3, 8), "{error}");
        assert_eq!(
            error.message,
            "'1.5' is not a probability: it must lie between 0 and 1"
        );

        let forecasts = forecast_csv().replacen("[0.2, None", "[0.2, Nope", 1);
        let error = read_test_csvs(&question_csv(), &forecasts).unwrap_err();
        assert_eq!((error.line, error.column), (5, 9), "{error}");
        assert!(error.message.contains("'Nope' is not"), "{error}");

        let forecasts = forecast_csv().replacen("[0.2, None", "[1.2, None", 1);
        let error = read_test_csvs(&question_csv(), &forecasts).unwrap_err();
        assert_eq!((error.line, error.column), (5, 9), "{error}");

        let questions =
            question_csv().replacen("2025-06-01 00:00:00+00:00", "2025-06-31 00:00:00+00:00", 1);
        let error = read_test_csvs(&questions, &forecast_csv()).unwrap_err();
        assert_eq!(error.file, "question_data.csv");
        assert_eq!((error.line, error.column), (2, 23), "{error}");
        assert_eq!(
            error.message,
            "'2025-06-31 00:00:00+00:00' is not a date and time"
        );

        let questions = question_csv().replacen(",Blue,2025", ",Purple,2025", 1);
        let error = read_test_csvs(&questions, &forecast_csv()).unwrap_err();
        assert_eq!((error.line, error.column), (3, 25), "{error}");

        let forecasts = forecast_csv().replacen("Start Time", "Started", 1);
        let error = read_test_csvs(&question_csv(), &forecasts).unwrap_err();
        assert_eq!((error.line, error.column), (1, 1), "{error}");
        assert!(error.message.contains("'Start Time'"), "{error}");
    }

    /// The headers of early 2025: `MC Options` for the options, no categories, and a
    /// forecast file of nine columns.
    #[test]
    fn older_headers_read_by_their_names() {
        let questions = crlf(&[
            "Question ID,Question Title,Post ID,Post Curation Status,Post Published Time,Default Project,Default Project ID,Label,Question Type,MC Options,Scaling,Open Time,CP Reveal Time,Scheduled Close Time,Actual Close Time,Resolution,Resolution Known Time,Include Bots in Aggregates",
            "11,Will it snow in March?,21,approved,2025-01-01 00:00:00+00:00,Community,144,,binary,,{},2025-01-02 00:00:00+00:00,,2025-03-31 00:00:00+00:00,2025-03-31 00:00:00+00:00,no,,False",
            "12,Who chairs the club?,22,approved,2025-01-01 00:00:00+00:00,Community,144,,multiple_choice,\"['Ann', 'Ben']\",{},2025-01-02 00:00:00+00:00,,2025-03-31 00:00:00+00:00,,,,False",
        ]);
        let forecasts = crlf(&[
            "Question ID,Forecaster ID,Forecaster Username,Start Time,End Time,Forecaster Count,Probability Yes,Probability Yes Per Category,Continuous CDF",
            "11,7,ada,2025-01-03 00:00:00+00:00,,,0.3,,",
            "12,7,ada,2025-01-03 00:00:00+00:00,,,,\"[0.6, 0.4]\",",
            "12,,recency_weighted,2025-01-03 00:00:00+00:00,,1,,\"[0.6, 0.4]\",",
        ]);
        let track = read_test_csvs(&questions, &forecasts).unwrap();
        assert_eq!(track.questions.len(), 3);
        assert_eq!(
            track.questions[0].resolution,
            Some((PlatformResolution::No, day("2025-03-31"))),
            "dated by its close when the resolution's time is not given"
        );
        assert!(track.questions[0].tags.is_empty());
        assert_eq!(track.questions[0].forecasts[0].probability, 0.3);
        assert_eq!(track.questions[2].title, "Who chairs the club? — Ben");
        assert_eq!(track.questions[2].forecasts[0].probability, 0.4);
        assert_eq!(skipped(&track), [(1, AGGREGATE)]);
    }

    /// An anonymised export: a hash for the forecaster, the method for an aggregate.
    #[test]
    fn an_anonymised_forecast_file_reads_its_forecasters_by_hash() {
        let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let forecasts = crlf(&[
            &FORECAST_HEADER.replace(
                "Forecaster ID,Forecaster Username",
                "Forecaster (Anonymized)",
            ),
            &format!("101,{hash},False,2025-01-05 08:00:00+00:00,,,0.65,,,,,,,,,,"),
            "101,recency_weighted,,2025-01-05 08:00:00+00:00,,1,0.65,,,,,,,,,,",
        ]);
        let track = read_test_csvs(&question_csv(), &forecasts).unwrap();
        assert_eq!(track.questions[0].forecasts[0].by, hash);
        assert_eq!(
            skipped(&track),
            [
                (1, AGGREGATE),
                (1, "numeric question without forecasts: not imported"),
            ]
        );
    }

    #[test]
    fn questions_left_out_without_forecasts_are_counted_too() {
        let questions = question_csv().replacen(
            ",2025-02-01 09:00:00+00:00,Community,144,['Transport']",
            ",,Community,144,['Transport']",
            1,
        );
        let questions =
            questions.replacen("2025-02-01 10:00:00+00:00,,2025-04-01", ",,2025-04-01", 1);
        let track = read_test_csvs(&questions, &crlf(&[FORECAST_HEADER])).unwrap();
        assert_eq!(track.questions.len(), 2, "the bridge and the budget");
        assert_eq!(
            skipped(&track),
            [
                (1, "question that never opened (no Open Time): not imported"),
                (1, "numeric question without forecasts: not imported"),
            ]
        );
    }

    #[test]
    fn forecasts_on_questions_not_listed_are_counted() {
        let forecasts = forecast_csv().replace("\r\n104,", "\r\n105,");
        let track = read_test_csvs(&question_csv(), &forecasts).unwrap();
        assert!(skipped(&track).contains(&(1, UNLISTED)));
    }

    #[test]
    fn python_lists_read_as_repr_writes_them() {
        use PyItem::{Nothing, Number, Text};
        assert_eq!(
            python_list(r#"['Politics', "It's", 'a \'b\' \\ \u00e9\x41']"#),
            Ok(vec![
                Text("Politics".into()),
                Text("It's".into()),
                Text("a 'b' \\ éA".into()),
            ])
        );
        assert_eq!(
            python_list("[0.1, None, 0.30000000000000004, 1e-05]"),
            Ok(vec![
                Number(0.1),
                Nothing,
                Number(0.30000000000000004),
                Number(1e-5)
            ])
        );
        assert_eq!(python_list(" [] "), Ok(vec![]));
        assert_eq!(python_list("['a',]"), Ok(vec![Text("a".into())]));
        for broken in [
            "",
            "'a'",
            "['a'",
            "['a' 'b']",
            "[1,,2]",
            "[True]",
            "['a'] x",
            "[[1]]",
            "['\\x4']",
        ] {
            assert!(python_list(broken).is_err(), "{broken}");
        }
    }

    #[test]
    fn a_zip_is_read_wherever_its_csvs_are() {
        let zip = zip_of(&[
            ("user_data/README.md", "read me".as_bytes()),
            ("user_data/question_data.csv", question_csv().as_bytes()),
            ("user_data/forecast_data.csv", forecast_csv().as_bytes()),
        ]);
        let track = read_zip("user_data.zip", &zip).unwrap();
        assert_eq!(track.questions.len(), 6);

        let forecasts = forecast_csv().replacen(",0.8,", ",1.5,", 1);
        let broken = zip_of(&[
            ("question_data.csv", question_csv().as_bytes()),
            ("forecast_data.csv", forecasts.as_bytes()),
        ]);
        let error = read_zip("user_data.zip", &broken).unwrap_err();
        assert_eq!(error.file, "user_data.zip/forecast_data.csv");
        assert_eq!((error.line, error.column), (3, 8));
    }

    #[test]
    fn a_zip_without_both_csvs_or_too_large_is_refused() {
        let questions = question_csv();
        let half = zip_of(&[("question_data.csv", questions.as_bytes())]);
        let error = read_zip("user_data.zip", &half).unwrap_err();
        assert_eq!((error.file.as_str(), error.line), ("user_data.zip", 0));
        assert!(error.message.contains("no forecast_data.csv"), "{error}");

        let twice = zip_of(&[
            ("a/question_data.csv", questions.as_bytes()),
            ("b/question_data.csv", questions.as_bytes()),
            ("forecast_data.csv", forecast_csv().as_bytes()),
        ]);
        let error = read_zip("user_data.zip", &twice).unwrap_err();
        assert!(error.message.contains("two question_data.csv"), "{error}");

        let whole = zip_of(&[
            ("question_data.csv", questions.as_bytes()),
            ("forecast_data.csv", forecast_csv().as_bytes()),
        ]);
        let error = read_zip_within("user_data.zip", &whole, 100).unwrap_err();
        assert!(
            error.message.contains("question_data.csv is larger"),
            "{error}"
        );

        let error = read_zip("user_data.zip", b"PK\x03\x04 not really").unwrap_err();
        assert!(error.message.starts_with("not a zip archive"), "{error}");
    }

    #[test]
    fn a_folder_of_the_two_csvs_reads_like_the_zip() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(QUESTION_FILE), question_csv()).unwrap();
        let error = read_folder(dir.path()).unwrap_err();
        assert!(error.file.ends_with(FORECAST_FILE), "{error}");
        assert!(error.message.contains("no such file"), "{error}");
        std::fs::write(dir.path().join(FORECAST_FILE), forecast_csv()).unwrap();
        let track = read_folder(dir.path()).unwrap();
        assert_eq!(track.questions.len(), 6);
    }

    #[test]
    fn no_input_makes_the_reader_panic() {
        let (questions, forecasts) = (question_csv(), forecast_csv());
        for end in 0..=questions.len() {
            let _ = read_csvs("q", &questions.as_bytes()[..end], "f", forecasts.as_bytes());
        }
        for end in 0..=forecasts.len() {
            let _ = read_csvs("q", questions.as_bytes(), "f", &forecasts.as_bytes()[..end]);
        }
        let zip = zip_of(&[
            ("question_data.csv", questions.as_bytes()),
            ("forecast_data.csv", forecasts.as_bytes()),
        ]);
        for end in 0..=zip.len() {
            let _ = read_zip("cut.zip", &zip[..end]);
        }
        let mut flipped = zip.clone();
        for at in 0..flipped.len() {
            flipped[at] ^= 0x55;
            let _ = read_zip("flipped.zip", &flipped);
            flipped[at] ^= 0x55;
        }
    }

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (path, bytes) in members {
            writer
                .start_file(*path, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    // The real files of /work/shared/interop (Metaculus question downloads: a binary
    // question and the community's aggregates only, no forecaster's own rows).

    fn fixture(name: &str) -> Option<Vec<u8>> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/interop")
            .join(name);
        let bytes = std::fs::read(&path).ok();
        if bytes.is_none() {
            eprintln!("skipped: no fixture at {}", path.display());
        }
        bytes
    }

    /// What the 2026 download holds: question 41257 of post 41512, open, and 48 rows of
    /// the recency-weighted aggregate, one field short each.
    fn assert_is_the_2026_download(track: &Track) {
        assert_eq!(track.questions.len(), 1);
        let question = &track.questions[0];
        assert_eq!(question.key, "metaculus:41512:41257");
        assert_eq!(
            question.title,
            "Will the U.S. Congress still be operating under a continuing resolution (CR) on March 15, 2026?"
        );
        assert_eq!(question.created, at("2026-01-24 19:45:00"));
        assert_eq!(question.resolve_by, Some(day("2026-03-15")));
        assert_eq!(question.resolution, None);
        assert_eq!(question.tags, ["Politics", "Economy & Business"]);
        assert!(question.forecasts.is_empty());
        assert_eq!(skipped(track), [(48, AGGREGATE)]);
    }

    #[test]
    fn the_real_2026_zip_reads() {
        let Some(zip) = fixture("metaculus-download-2026-binary.zip") else {
            return;
        };
        assert_is_the_2026_download(&read_zip("metaculus-download-2026-binary.zip", &zip).unwrap());
    }

    #[test]
    fn the_real_2026_csvs_read() {
        let (Some(questions), Some(forecasts)) = (
            fixture("metaculus-download-2026-binary-question_data.csv"),
            fixture("metaculus-download-2026-binary-forecast_data.csv"),
        ) else {
            return;
        };
        let track = read_csvs("q.csv", &questions, "f.csv", &forecasts).unwrap();
        assert_is_the_2026_download(&track);
    }

    #[test]
    fn the_real_nine_column_forecast_file_reads() {
        let (Some(questions), Some(forecasts)) = (
            fixture("metaculus-download-2026-binary-question_data.csv"),
            fixture("metaculus-download-2025-02-binary-forecast_data.csv"),
        ) else {
            return;
        };
        let track = read_csvs("q.csv", &questions, "f.csv", &forecasts).unwrap();
        assert_eq!(track.questions.len(), 1);
        assert_eq!(skipped(&track), [(176, AGGREGATE)]);
    }

    #[test]
    fn the_real_numeric_question_is_left_out_and_counted() {
        let (Some(questions), Some(forecasts)) = (
            fixture("metaculus-download-2026-numeric-question_data.csv"),
            fixture("metaculus-download-2026-binary-forecast_data.csv"),
        ) else {
            return;
        };
        let track = read_csvs("q.csv", &questions, "f.csv", &forecasts).unwrap();
        assert!(track.questions.is_empty());
        assert_eq!(
            skipped(&track),
            [
                (48, AGGREGATE),
                (1, "numeric question without forecasts: not imported"),
            ]
        );
    }

    /// A forecaster's own row, made up, on the real question: read as the user's export
    /// would give it.
    #[test]
    fn a_forecasters_row_on_the_real_question_reads() {
        let Some(questions) = fixture("metaculus-download-2026-binary-question_data.csv") else {
            return;
        };
        let forecasts = crlf(&[
            FORECAST_HEADER,
            "41257,7,ada,False,2026-01-25 02:02:06.812328+00:00,,,0.35,,,,,,,,,,",
        ]);
        let track = read_csvs("q.csv", &questions, "f.csv", forecasts.as_bytes()).unwrap();
        let forecast = &track.questions[0].forecasts[0];
        assert_eq!((forecast.by.as_str(), forecast.probability), ("ada", 0.35));
        assert_eq!(forecast.at, at("2026-01-25 02:02:06.812328"));
    }
}
