//! Fatebook's CSV export (`fatebook-forecasts.csv`), in any of its three header versions:
//! one row per forecast, probabilities on the 0–1 scale, times with unpadded seconds. The
//! export has no question id: a question is its title with its creation time (and, for a
//! multiple-choice question, the option, each option a binary question as Fatebook scores
//! them). A row whose forecast is hidden from the exporting user has no value: skipped.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::csv_table::CsvTable;
use super::track::{
    Platform, PlatformForecast, PlatformQuestion, PlatformResolution, ReadError, Track,
};

/// The header's name for a column, by version: the first the file has is used.
const RESOLUTION: [&str; 2] = ["Resolution", "Question resolution"];
const RESOLVED_AT: [&str; 2] = ["Resolved at", "Question resolved at"];
const TITLE: &str = "Question title";
const OPTION: &str = "Multiple choice option";
const BY: &str = "Forecast created by";
const FORECAST: &str = "Forecast (scale = 0-1)";
const AT: &str = "Forecast created at";
const CREATED: &str = "Question created at";
const RESOLVE_BY: &str = "Question resolve by";
const TAGS: &str = "Question tags";
const NOTES: &str = "Question notes";

/// Whether `header` (the file's first line) is Fatebook's export.
pub fn recognises(header: &str) -> bool {
    header.starts_with(TITLE) && header.contains(FORECAST)
}

pub fn read(file: &str, bytes: &[u8]) -> Result<Track, ReadError> {
    let table = CsvTable::read(file, bytes)?;
    for column in [TITLE, BY, FORECAST, AT, CREATED] {
        table.require(column)?;
    }
    let resolution_column = table.first_of(&RESOLUTION);
    let resolved_at_column = table.first_of(&RESOLVED_AT);
    let mut track = Track::new(Platform::Fatebook);
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in table.rows() {
        let title = row.required(TITLE)?;
        let option = row.optional(OPTION);
        let created_text = row.required(CREATED)?;
        let created = row.date_time(CREATED)?.expect("required above");
        let key = match option {
            Some(option) => format!("fatebook:{title}\u{1f}{created_text}\u{1f}{option}"),
            None => format!("fatebook:{title}\u{1f}{created_text}"),
        };
        let resolved_at = match resolved_at_column {
            Some(column) => row.date_time(column)?,
            None => None,
        };
        let resolution = match resolution_column.and_then(|column| row.optional(column)) {
            None => None,
            Some(value) => {
                let verdict = match value.to_ascii_uppercase().as_str() {
                    "YES" => PlatformResolution::Yes,
                    "NO" => PlatformResolution::No,
                    "AMBIGUOUS" => PlatformResolution::Ambiguous,
                    _ => {
                        let column = resolution_column.unwrap_or(RESOLUTION[0]);
                        return Err(row.error(
                            column,
                            format!("'{value}' is not a resolution: YES, NO, AMBIGUOUS or empty"),
                        ));
                    }
                };
                // Fatebook records when; an export without it is dated by its creation.
                let on = resolved_at.unwrap_or(created).date();
                Some((verdict, on))
            }
        };
        let at = by_key.len();
        let index = *by_key.entry(key.clone()).or_insert(at);
        if index == track.questions.len() {
            track.questions.push(PlatformQuestion {
                key,
                title: match option {
                    Some(option) => format!("{title} — {option}"),
                    None => title.to_string(),
                },
                created,
                resolve_by: row.date_time(RESOLVE_BY)?.map(|moment| moment.date()),
                resolution,
                url: None,
                tags: row
                    .get(TAGS)
                    .split("; ")
                    .map(str::trim)
                    .filter(|tag| !tag.is_empty())
                    .map(str::to_string)
                    .collect(),
                notes: row.optional(NOTES).map(str::to_string),
                forecasts: Vec::new(),
            });
        }
        let Some(probability) = row.probability(FORECAST, false)? else {
            track.skip("hidden forecast (another user's, not shown to the exporting user)");
            continue;
        };
        let forecast = PlatformForecast {
            by: row.required(BY)?.to_string(),
            at: row.date_time(AT)?.expect("required above"),
            probability,
            origin: format!("line {}", row.line()),
        };
        track.questions[index].forecasts.push(forecast);
    }
    Ok(track)
}

/// Fatebook's current export header (v3), in its order: tools that read the export by
/// position (as some scripts do) need it exactly.
pub const HEADER_V3: [&str; 17] = [
    TITLE,
    OPTION,
    BY,
    FORECAST,
    AT,
    "Question created by",
    CREATED,
    RESOLVE_BY,
    "Resolution",
    "Resolved at",
    "Your Brier score for this question",
    "Your relative Brier score for this question",
    NOTES,
    "Question shared with",
    "Question shared publicly",
    "Question comments",
    TAGS,
];

/// One cell as Fatebook's export writes it: text always quoted (quotes doubled, line
/// breaks kept inside), a missing value as an empty unquoted cell, numbers, times and
/// booleans bare.
pub enum Cell {
    Text(String),
    Bare(String),
    Empty,
}

/// A day as Fatebook writes a time: `YYYY-MM-DD HH:MM:S`, seconds unpadded. The ledger
/// keeps days, so the time is midnight.
pub fn fatebook_time(day: NaiveDate) -> String {
    format!("{day} 00:00:0")
}

/// Writes `rows` under the v3 header, joined as Fatebook joins them: `\n` between rows and
/// no newline after the last.
pub fn write_export(out: &mut dyn std::io::Write, rows: &[Vec<Cell>]) -> std::io::Result<()> {
    out.write_all(HEADER_V3.join(",").as_bytes())?;
    for row in rows {
        out.write_all(b"\n")?;
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => format!("\"{}\"", text.replace('"', "\"\"")),
                Cell::Bare(value) => value.clone(),
                Cell::Empty => String::new(),
            })
            .collect();
        out.write_all(cells.join(",").as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fatebook's current header (v3), and rows written as its export writes them: quoted
    /// strings, bare numbers and times with unpadded seconds, a multi-line note, no final
    /// newline. The questions are made up for the test.
    const V3: &str = "Question title,Multiple choice option,Forecast created by,Forecast (scale = 0-1),Forecast created at,Question created by,Question created at,Question resolve by,Resolution,Resolved at,Your Brier score for this question,Your relative Brier score for this question,Question notes,Question shared with,Question shared publicly,Question comments,Question tags\n\
\"Will the ferry run on time all week?\",,\"Ada\",0.7,2025-03-02 08:00:9,\"Ada\",2025-03-01 09:05:3,2025-03-09 00:00:0,\"YES\",2025-03-09 10:00:00,0.18,,\"first line\nsecond line\",\"\",false,\"\",\"travel; local\"\n\
\"Will the ferry run on time all week?\",,\"Bo\",0.4,2025-03-03 10:30:15,\"Ada\",2025-03-01 09:05:3,2025-03-09 00:00:0,\"YES\",2025-03-09 10:00:00,0.18,,\"\",\"\",false,\"\",\"\"\n\
\"Who wins the quiz?\",\"Team A\",\"Ada\",0.6,2025-04-01 12:00:0,\"Ada\",2025-04-01 11:00:0,2025-04-10 00:00:0,\"NO\",2025-04-10 09:00:0,,,\"\",\"\",false,\"\",\"\"\n\
\"Who wins the quiz?\",\"Team B\",\"Ada\",0.4,2025-04-01 12:00:0,\"Ada\",2025-04-01 11:00:0,2025-04-10 00:00:0,\"YES\",2025-04-10 09:00:0,,,\"\",\"\",false,\"\",\"\"\n\
\"Who wins the quiz?\",\"Team B\",,,2025-04-02 12:00:0,\"Ada\",2025-04-01 11:00:0,2025-04-10 00:00:0,\"YES\",2025-04-10 09:00:0,,,\"\",\"\",false,\"\",\"\"";

    #[test]
    fn the_current_export_reads_as_questions_with_their_forecasts() {
        let track = read("fatebook-forecasts.csv", V3.as_bytes()).unwrap();
        assert_eq!(track.questions.len(), 3, "one question, two options");
        let ferry = &track.questions[0];
        assert_eq!(ferry.forecasts.len(), 2);
        assert_eq!(ferry.forecasts[0].probability, 0.7);
        assert_eq!(ferry.forecasts[0].at.to_string(), "2025-03-02 08:00:09");
        assert_eq!(ferry.tags, ["travel", "local"]);
        assert_eq!(
            ferry.resolution.map(|(r, on)| (r, on.to_string())),
            Some((PlatformResolution::Yes, "2025-03-09".to_string()))
        );
        assert_eq!(track.questions[2].title, "Who wins the quiz? — Team B");
        assert_eq!(
            track.questions[1].resolution.unwrap().0,
            PlatformResolution::No
        );
        assert_eq!(track.skipped.len(), 1, "{:?}", track.skipped);
        assert_eq!(track.skipped[0].count, 1);
    }

    #[test]
    fn the_first_header_version_reads_too() {
        let v1 = "Question title,Forecast created by,Forecast (scale = 0-1),Forecast created at,Question created by,Question created at,Question resolution,Question resolve by,Question resolved at,Your Brier score for this question,Your relative Brier score for this question,Question notes,Question shared with,Question shared publicly,Question comments\n\
\"Rain tomorrow?\",\"Ada\",0.25,2023-07-12 18:01:5,\"Ada\",2023-07-12 18:01:5,\"NO\",2023-07-13 00:00:0,2023-07-13 20:00:0,,,\"\",\"\",false,\"\"";
        let track = read("old.csv", v1.as_bytes()).unwrap();
        assert_eq!(track.questions.len(), 1);
        assert_eq!(
            track.questions[0].resolution.unwrap().0,
            PlatformResolution::No
        );
    }

    #[test]
    fn a_value_that_cannot_be_read_is_named_by_line_and_column() {
        let broken = V3.replacen(",0.4,2025-03-03", ",1.5,2025-03-03", 1);
        let error = read("f.csv", broken.as_bytes()).unwrap_err();
        assert_eq!((error.line, error.column), (4, 4), "{error}");
        assert!(
            error.message.contains("'1.5' is not a probability"),
            "{error}"
        );
        let bad_date = V3.replacen("2025-03-02 08:00:9", "2025-02-30 08:00:9", 1);
        let error = read("f.csv", bad_date.as_bytes()).unwrap_err();
        assert_eq!((error.line, error.column), (2, 5), "{error}");
        let missing = V3.replacen("Forecast created by,", "Forecaster,", 1);
        let error = read("f.csv", missing.as_bytes()).unwrap_err();
        assert!(
            error.message.contains("no column 'Forecast created by'"),
            "{error}"
        );
    }
}
