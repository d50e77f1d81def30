//! A spreadsheet of pundits' calls, saved as CSV, whose columns the user names:
//! `--columns claim=Prediction,by=Pundit,made=Date,expression=Words,probability=P,outcome=Result,source=URL`.
//! Each row is one forecast with its own claim and outcome (no platform question joins
//! rows, unless a `question` column names one). The words are kept as said, for the
//! phrase table to read; a probability, when given, wins over them, as in the ledger.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::csv_table::{CsvTable, Row, date_time};
use super::track::{
    Platform, PlatformForecast, PlatformQuestion, PlatformResolution, ReadError, Track, Words,
};

/// The fields a column can fill, as `--columns` names them.
pub const FIELDS: [&str; 12] = [
    "claim",
    "by",
    "made",
    "quote",
    "expression",
    "probability",
    "outcome",
    "resolved",
    "resolve_by",
    "source",
    "tags",
    "question",
];

/// Which column fills which field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns(HashMap<String, String>);

impl Columns {
    /// Parses `field=Column,field=Column…`; a field it does not know is an error listing
    /// the ones it does.
    pub fn parse(text: &str) -> Result<Columns, String> {
        let mut columns = HashMap::new();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((field, column)) = pair.split_once('=') else {
                return Err(format!("'{pair}' is not field=Column"));
            };
            let field = field.trim();
            if !FIELDS.contains(&field) {
                return Err(format!(
                    "'{field}' is not a field: use {}",
                    FIELDS.join(", ")
                ));
            }
            columns.insert(field.to_string(), column.trim().to_string());
        }
        Ok(Columns(columns))
    }

    fn column(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }
}

/// Reads the spreadsheet. `forecaster` names whoever made every row when no column says.
pub fn read(
    file: &str,
    bytes: &[u8],
    columns: &Columns,
    forecaster: Option<&str>,
) -> Result<Track, ReadError> {
    let table = CsvTable::read(file, bytes)?;
    let whole_file = |message: String| ReadError {
        file: file.to_string(),
        line: 1,
        column: 1,
        message,
    };
    for field in ["claim", "made"] {
        if columns.column(field).is_none() {
            return Err(whole_file(format!(
                "--columns must name the column of '{field}' ({field}=Column)"
            )));
        }
    }
    if columns.column("by").is_none() && forecaster.is_none() {
        return Err(whole_file(
            "--columns names no 'by' column: name it (by=Column), or give --forecaster NAME for every row".to_string(),
        ));
    }
    if columns.column("probability").is_none() && columns.column("expression").is_none() {
        return Err(whole_file(
            "--columns must name a 'probability' or an 'expression' column (the words said)"
                .to_string(),
        ));
    }
    for column in columns.0.values() {
        table.require(column)?;
    }
    let mut track = Track::new(Platform::Spreadsheet);
    track.standalone = columns.column("question").is_none();
    let mut by_question: HashMap<String, usize> = HashMap::new();
    for row in table.rows() {
        let cell = |field: &str| columns.column(field).and_then(|c| row.optional(c));
        let claim_column = columns.column("claim").expect("checked above");
        let claim = row.required(claim_column)?;
        let made_column = columns.column("made").expect("checked above");
        let at = row
            .date_time(made_column)?
            .ok_or_else(|| row.error(made_column, format!("'{made_column}' is empty")))?;
        let by = match (cell("by"), forecaster) {
            (Some(by), _) | (None, Some(by)) => by.to_string(),
            (None, None) => {
                let column = columns.column("by").expect("checked above");
                return Err(row.error(column, format!("'{column}' is empty")));
            }
        };
        let probability = match columns.column("probability") {
            Some(column) => row.probability(column, false)?,
            None => None,
        };
        let expression = cell("expression").map(str::to_string);
        if probability.is_none() && expression.is_none() {
            let column = columns
                .column("probability")
                .or(columns.column("expression"))
                .expect("checked above");
            return Err(row.error(column, "neither a probability nor words: nothing to score"));
        }
        let resolution = resolution(&row, columns, at.date())?;
        let key = match cell("question") {
            Some(question) => format!("sheet:question:{question}"),
            None => format!("sheet:{claim}\u{1f}{by}\u{1f}{at}"),
        };
        let index = match by_question.get(&key) {
            Some(&index) => index,
            None => {
                track.questions.push(PlatformQuestion {
                    key: key.clone(),
                    title: claim.to_string(),
                    created: at,
                    resolve_by: optional_date(&row, columns, "resolve_by")?,
                    resolution,
                    url: cell("source").map(str::to_string),
                    tags: cell("tags")
                        .map(|tags| {
                            tags.split([',', ';'])
                                .map(str::trim)
                                .filter(|t| !t.is_empty())
                                .map(str::to_string)
                                .collect()
                        })
                        .unwrap_or_default(),
                    notes: None,
                    forecasts: Vec::new(),
                });
                by_question.insert(key, track.questions.len() - 1);
                track.questions.len() - 1
            }
        };
        let question = &mut track.questions[index];
        question.forecasts.push(PlatformForecast {
            by,
            at,
            probability: probability.unwrap_or(f64::NAN),
            origin: format!("line {}", row.line()),
        });
        let forecast = question.forecasts.len() - 1;
        track.words.insert(
            (index, forecast),
            Words {
                expression,
                quote: cell("quote").map(str::to_string),
                claim: claim.to_string(),
                probability_given: probability.is_some(),
            },
        );
    }
    Ok(track)
}

/// The row's outcome: yes/true/1, no/false/0, ambiguous, annulled (void, cancelled) or
/// empty, resolved on the `resolved` column's date (else the day the forecast was made).
fn resolution(
    row: &Row,
    columns: &Columns,
    made: NaiveDate,
) -> Result<Option<(PlatformResolution, NaiveDate)>, ReadError> {
    let Some(column) = columns.column("outcome") else {
        return Ok(None);
    };
    let Some(value) = row.optional(column) else {
        return Ok(None);
    };
    let verdict = match value.to_lowercase().as_str() {
        "yes" | "true" | "1" | "correct" | "right" => PlatformResolution::Yes,
        "no" | "false" | "0" | "wrong" | "incorrect" => PlatformResolution::No,
        "ambiguous" | "unclear" => PlatformResolution::Ambiguous,
        "annulled" | "void" | "cancelled" | "canceled" | "n/a" => PlatformResolution::Annulled,
        _ => {
            return Err(row.error(
                column,
                format!("'{value}' is not an outcome: yes, no, ambiguous, annulled or empty"),
            ));
        }
    };
    let on = optional_date(row, columns, "resolved")?.unwrap_or(made);
    Ok(Some((verdict, on)))
}

fn optional_date(
    row: &Row,
    columns: &Columns,
    field: &str,
) -> Result<Option<NaiveDate>, ReadError> {
    let Some(column) = columns.column(field) else {
        return Ok(None);
    };
    let Some(cell) = row.optional(column) else {
        return Ok(None);
    };
    date_time(cell)
        .map(|moment| Some(moment.date()))
        .ok_or_else(|| row.error(column, format!("'{cell}' is not a date (use YYYY-MM-DD)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "Pundit,Date,Prediction,Words,P,Result,URL\n\
Jo Pundit,2024-01-05,\"The mayor is re-elected, narrowly\",almost certainly,,yes,https://example.org/a\n\
Kim Caller,2024-02-01,The bridge opens by June,,0.3,no,\n";

    fn columns() -> Columns {
        Columns::parse(
            "claim=Prediction,by=Pundit,made=Date,expression=Words,probability=P,outcome=Result,source=URL",
        )
        .unwrap()
    }

    #[test]
    fn each_row_is_a_forecast_with_its_words_or_number_and_outcome() {
        let track = read("calls.csv", SHEET.as_bytes(), &columns(), None).unwrap();
        assert!(track.standalone);
        assert_eq!(track.questions.len(), 2);
        let words = &track.words[&(0, 0)];
        assert_eq!(words.expression.as_deref(), Some("almost certainly"));
        assert!(!words.probability_given);
        assert_eq!(track.questions[1].forecasts[0].probability, 0.3);
        assert_eq!(
            track.questions[1].resolution.unwrap().0,
            PlatformResolution::No
        );
        assert_eq!(
            track.questions[0].url.as_deref(),
            Some("https://example.org/a")
        );
    }

    #[test]
    fn a_cell_that_cannot_be_read_names_its_row_and_column() {
        let broken = SHEET.replace(",0.3,", ",1.5,");
        let error = read("calls.csv", broken.as_bytes(), &columns(), None).unwrap_err();
        assert_eq!((error.line, error.column), (3, 5), "{error}");
        let error = Columns::parse("claim=A,when=B").unwrap_err();
        assert!(error.contains("'when' is not a field"), "{error}");
        let missing = Columns::parse("claim=Prediction,made=Date,probability=Chance").unwrap();
        let error = read("calls.csv", SHEET.as_bytes(), &missing, Some("Jo")).unwrap_err();
        assert!(error.message.contains("no column 'Chance'"), "{error}");
    }
}
