//! PredictionBook's two exports of a user's predictions, told apart by their first byte:
//!
//! - the CSV export (`my_predictions.csv`, Settings → "Export my predictions as CSV"): one
//!   row per prediction the user created, with `mean_confidence`, the mean of every wager
//!   on it, as the only number. It becomes the creator's forecast, at the prediction's
//!   creation, since the file holds nothing closer to it;
//! - the JSON API file (`{"user": …, "predictions": […]}`, from `/api/my_predictions`):
//!   the same predictions with each wager (`responses`), so one forecast per wager, by
//!   whoever made it. Which forecaster to keep is the import's choice, not the reader's.
//!
//! PredictionBook has been read-only since 2024 and no real sample of either export was
//! found, so both are read as its code writes them (see the interop notes, §2): columns by name,
//! times as Rails writes them (`2023-01-15 10:00:00 UTC`, `2023-08-01T06:25:44.000Z`).
//! Withdrawn predictions, which the exports leave out anyway, are skipped with a reason.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use serde::de::{Deserializer, Error as _};

use super::csv_table::{self, CsvTable, Row};
use super::track::{
    Platform, PlatformForecast, PlatformQuestion, PlatformResolution, ReadError, Track,
};

/// The CSV export's columns, by name (`mean_confidence` is on the 0–100 scale).
const ID: &str = "id";
const CREATED: &str = "created_at";
const CREATOR: &str = "creator_label";
const TITLE: [&str; 2] = ["description_with_group", "description"];
const DEADLINE: &str = "deadline";
const CONFIDENCE: &str = "mean_confidence";
const OUTCOME: &str = "outcome";
const JUDGED: &str = "last_judgement_at";
const UPDATED: &str = "updated_at";
const WITHDRAWN: &str = "withdrawn";

/// Why a prediction or a row's forecast is left out.
const WITHDRAWN_WHY: &str = "withdrawn prediction";
const NO_CONFIDENCE_WHY: &str = "no mean_confidence: no forecast to import";

/// Reads PredictionBook's CSV export or its JSON API file (the one that starts with `{`).
/// `name` names the file in messages.
pub fn read(name: &str, bytes: &[u8]) -> Result<Track, ReadError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = bytes.iter().find(|byte| !byte.is_ascii_whitespace());
    if first == Some(&b'{') {
        read_json(name, bytes)
    } else {
        read_csv(name, bytes)
    }
}

/// What both exports say of one prediction, read.
struct Prediction {
    id: u64,
    title: String,
    created: NaiveDateTime,
    deadline: Option<NaiveDateTime>,
    resolution: Option<(PlatformResolution, NaiveDate)>,
}

impl Prediction {
    fn into_question(self, forecasts: Vec<PlatformForecast>) -> PlatformQuestion {
        PlatformQuestion {
            key: format!("pb:{}", self.id),
            title: self.title,
            created: self.created,
            resolve_by: self.deadline.map(|deadline| deadline.date()),
            resolution: self.resolution,
            url: Some(format!(
                "https://predictionbook.com/predictions/{}",
                self.id
            )),
            tags: Vec::new(),
            notes: None,
            forecasts,
        }
    }
}

/// PredictionBook's outcome: there is no ambiguous one (an "unknown" judgement reopens).
fn verdict(outcome: bool) -> PlatformResolution {
    if outcome {
        PlatformResolution::Yes
    } else {
        PlatformResolution::No
    }
}

// The CSV export.

fn read_csv(file: &str, bytes: &[u8]) -> Result<Track, ReadError> {
    let table = CsvTable::read(file, bytes)?;
    let title = table.first_of(&TITLE).unwrap_or(TITLE[0]);
    for column in [ID, CREATED, CREATOR, title, CONFIDENCE, OUTCOME] {
        table.require(column)?;
    }
    let mut track = Track::new(Platform::PredictionBook);
    for row in table.rows() {
        if flag(&row, WITHDRAWN)? {
            track.skip(WITHDRAWN_WHY);
            continue;
        }
        let prediction = csv_prediction(&row, title)?;
        let mut forecasts = Vec::new();
        match row.probability(CONFIDENCE, true)? {
            Some(probability) => forecasts.push(PlatformForecast {
                by: row.required(CREATOR)?.to_string(),
                at: prediction.created,
                probability,
                origin: format!("line {}", row.line()),
            }),
            None => track.skip(NO_CONFIDENCE_WHY),
        }
        track.questions.push(prediction.into_question(forecasts));
    }
    Ok(track)
}

fn csv_prediction(row: &Row, title: &str) -> Result<Prediction, ReadError> {
    let id = row.required(ID)?;
    let id = id.parse().map_err(|_| {
        row.error(
            ID,
            format!("'{id}' is not a prediction id (a whole number)"),
        )
    })?;
    let created = row
        .date_time(CREATED)?
        .ok_or_else(|| row.error(CREATED, format!("'{CREATED}' is empty")))?;
    let outcome = match row.get(OUTCOME).to_ascii_lowercase().as_str() {
        "" => None,
        "true" => Some(true),
        "false" => Some(false),
        _ => {
            let cell = row.get(OUTCOME);
            let message = format!("'{cell}' is not an outcome: true, false or empty");
            return Err(row.error(OUTCOME, message));
        }
    };
    // Both are read, so that either one unreadable is named.
    let judged = row.date_time(JUDGED)?;
    let updated = row.date_time(UPDATED)?;
    let resolution = match (outcome, judged.or(updated)) {
        (None, _) => None,
        (Some(outcome), Some(on)) => Some((verdict(outcome), on.date())),
        (Some(_), None) => {
            let message =
                format!("the prediction is judged, but neither {JUDGED} nor {UPDATED} says when");
            return Err(row.error(OUTCOME, message));
        }
    };
    Ok(Prediction {
        id,
        title: row
            .optional(title)
            .or_else(|| row.optional(TITLE[1]))
            .ok_or_else(|| row.error(title, "the prediction has no description"))?
            .to_string(),
        created,
        deadline: row.date_time(DEADLINE)?,
        resolution,
    })
}

/// A `true`/`false` cell (empty or absent: false).
fn flag(row: &Row, column: &str) -> Result<bool, ReadError> {
    match row.get(column).to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" | "" => Ok(false),
        _ => {
            let cell = row.get(column);
            Err(row.error(column, format!("'{cell}' is not true or false")))
        }
    }
}

// The JSON API file. Cells that cannot be read fail while deserializing, so that
// serde_json names the line and column.

#[derive(Deserialize)]
struct ApiFile {
    predictions: Vec<ApiPrediction>,
}

#[derive(Deserialize)]
struct ApiPrediction {
    id: u64,
    created_at: Time,
    deadline: Option<Time>,
    description_with_group: Option<String>,
    description: Option<String>,
    outcome: Option<bool>,
    last_judgement_at: Option<Time>,
    updated_at: Option<Time>,
    withdrawn: Option<bool>,
    responses: Option<Vec<ApiResponse>>,
}

/// A wager, a comment, or both.
#[derive(Deserialize)]
struct ApiResponse {
    confidence: Option<Confidence>,
    created_at: Time,
    user_label: Option<String>,
    user_id: Option<u64>,
}

/// A time as PredictionBook writes it, in UTC.
struct Time(NaiveDateTime);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Time, D::Error> {
        let text = String::deserialize(deserializer)?;
        csv_table::date_time(&text)
            .map(Time)
            .ok_or_else(|| D::Error::custom(format!("'{text}' is not a date and time")))
    }
}

/// A wager's confidence, a percentage, read onto the 0–1 scale.
struct Confidence(f64);

impl<'de> Deserialize<'de> for Confidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Confidence, D::Error> {
        let percent = f64::deserialize(deserializer)?;
        if (0.0..=100.0).contains(&percent) {
            Ok(Confidence(percent / 100.0))
        } else {
            Err(D::Error::custom(format!(
                "'{percent}' is not a confidence: it must lie between 0 and 100"
            )))
        }
    }
}

fn read_json(file: &str, bytes: &[u8]) -> Result<Track, ReadError> {
    let api: ApiFile = serde_json::from_slice(bytes).map_err(|error| json_error(file, &error))?;
    let mut track = Track::new(Platform::PredictionBook);
    for (index, prediction) in api.predictions.into_iter().enumerate() {
        if prediction.withdrawn == Some(true) {
            track.skip(WITHDRAWN_WHY);
            continue;
        }
        let responses = prediction.responses.unwrap_or_default();
        let forecasts = json_forecasts(file, index, responses)?;
        let prediction = Prediction {
            id: prediction.id,
            title: prediction
                .description_with_group
                .or(prediction.description)
                .ok_or_else(|| {
                    whole_file(file, format!("predictions[{index}] has no description"))
                })?,
            created: prediction.created_at.0,
            deadline: prediction.deadline.map(|time| time.0),
            resolution: match prediction.outcome {
                None => None,
                Some(outcome) => {
                    let judged = prediction.last_judgement_at.or(prediction.updated_at);
                    let on = judged.ok_or_else(|| {
                        let message = format!("predictions[{index}] is judged, but neither {JUDGED} nor {UPDATED} says when");
                        whole_file(file, message)
                    })?;
                    Some((verdict(outcome), on.0.date()))
                }
            },
        };
        track.questions.push(prediction.into_question(forecasts));
    }
    Ok(track)
}

/// A forecast per wager, whoever made it; a comment without a confidence is no forecast.
fn json_forecasts(
    file: &str,
    index: usize,
    responses: Vec<ApiResponse>,
) -> Result<Vec<PlatformForecast>, ReadError> {
    let mut forecasts = Vec::new();
    for (number, response) in responses.into_iter().enumerate() {
        let Some(Confidence(probability)) = response.confidence else {
            continue;
        };
        let origin = format!("predictions[{index}].responses[{number}]");
        let by = match (response.user_label, response.user_id) {
            (Some(label), _) if !label.trim().is_empty() => label,
            (_, Some(id)) => format!("user {id}"),
            _ => return Err(whole_file(file, format!("{origin} names no user"))),
        };
        forecasts.push(PlatformForecast {
            by,
            at: response.created_at.0,
            probability,
            origin,
        });
    }
    Ok(forecasts)
}

/// serde_json's error where it saw it, its message without the position it appends.
fn json_error(file: &str, error: &serde_json::Error) -> ReadError {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&position).unwrap_or(&text);
    let message = match error.classify() {
        serde_json::error::Category::Data => message.to_string(),
        _ => format!("not PredictionBook's JSON: {message}"),
    };
    ReadError {
        file: file.to_string(),
        line: error.line(),
        column: error.column(),
        message,
    }
}

/// A problem with the file as a whole, or with a record JSON gives no position for.
fn whole_file(file: &str, message: String) -> ReadError {
    ReadError {
        file: file.to_string(),
        line: 0,
        column: 1,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "created_at,creator_id,creator_label,deadline,description_with_group,description,group_id,id,mean_confidence,outcome,prediction_group_id,last_judgement_at,updated_at,uuid,version,visibility,withdrawn";

    /// Rows as Ruby's CSV writes them (`\n`, quotes only where needed), made up for the
    /// test: a judged prediction with a two-line description, one judged false, one open
    /// without a wager, and a withdrawn one.
    fn export() -> String {
        [
            HEADER,
            "2023-01-15 10:00:00 UTC,7,Ada,2023-06-01 00:00:00 UTC,\"The ferry runs all winter,\nwithout a single cancellation\",\"The ferry runs all winter,\nwithout a single cancellation\",,1201,70,true,,2023-06-02 09:30:00 UTC,2023-06-02 09:30:00 UTC,aaaa-1,1,visible_to_everyone,false",
            "2023-02-01 08:00:00 UTC,7,Ada,2023-03-01 00:00:00 UTC,[Quiz] Team A wins,Team A wins,,1202,25,false,5,,2023-03-02 12:00:00 UTC,aaaa-2,1,visible_to_everyone,false",
            "2023-02-03 08:00:00 UTC,7,Ada,2024-01-01 00:00:00 UTC,Snow in April,Snow in April,,1203,,,,,2023-02-03 08:00:00 UTC,aaaa-3,1,visible_to_creator,false",
            "2023-02-04 08:00:00 UTC,7,Ada,2024-01-01 00:00:00 UTC,Withdrawn one,Withdrawn one,,1204,50,,,,2023-02-04 08:00:00 UTC,aaaa-4,1,visible_to_everyone,true",
        ]
        .join("\n")
            + "\n"
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_csv_export_reads_a_question_and_a_forecast_per_prediction() {
        let track = read("my_predictions.csv", export().as_bytes()).unwrap();
        assert_eq!(track.platform, Platform::PredictionBook);
        assert_eq!(track.questions.len(), 3, "the withdrawn one is skipped");
        let ferry = &track.questions[0];
        assert_eq!(ferry.key, "pb:1201");
        assert_eq!(
            ferry.title,
            "The ferry runs all winter,\nwithout a single cancellation"
        );
        assert_eq!(ferry.created, at("2023-01-15 10:00:00"));
        assert_eq!(ferry.resolve_by, Some(day("2023-06-01")));
        assert_eq!(
            ferry.resolution,
            Some((PlatformResolution::Yes, day("2023-06-02")))
        );
        assert_eq!(
            ferry.url.as_deref(),
            Some("https://predictionbook.com/predictions/1201")
        );
        assert_eq!(
            ferry.forecasts,
            [PlatformForecast {
                by: "Ada".to_string(),
                at: at("2023-01-15 10:00:00"),
                probability: 0.7,
                origin: "line 2".to_string(),
            }]
        );
        let quiz = &track.questions[1];
        assert_eq!(quiz.title, "[Quiz] Team A wins");
        assert_eq!(
            quiz.resolution,
            Some((PlatformResolution::No, day("2023-03-02"))),
            "dated by updated_at when there is no last_judgement_at"
        );
        assert_eq!(quiz.forecasts[0].probability, 0.25);
        assert_eq!(
            quiz.forecasts[0].origin, "line 5",
            "after a row of three lines"
        );
        let snow = &track.questions[2];
        assert_eq!(snow.resolution, None);
        assert!(snow.forecasts.is_empty());
        let skipped: Vec<_> = track
            .skipped
            .iter()
            .map(|s| (s.count, s.why.as_str()))
            .collect();
        assert_eq!(skipped, [(1, NO_CONFIDENCE_WHY), (1, WITHDRAWN_WHY)]);
    }

    /// A spreadsheet program saves the export with CRLF: lines are still counted right.
    #[test]
    fn a_csv_saved_with_crlf_reads_the_same() {
        let crlf = export().replace('\n', "\r\n");
        let track = read("mine.csv", crlf.as_bytes()).unwrap();
        assert_eq!(track, read("mine.csv", export().as_bytes()).unwrap());
        let broken = crlf.replacen(",1202,25,", ",1202,150,", 1);
        let error = read("mine.csv", broken.as_bytes()).unwrap_err();
        assert_eq!((error.line, error.column), (5, 9), "{error}");
    }

    #[test]
    fn csv_columns_are_found_by_name_in_any_order() {
        let reordered = "id,description_with_group,mean_confidence,outcome,created_at,creator_label\n\
                         9,Rain on Sunday,40,,2023-05-01 07:00:00 UTC,Bo\n";
        let track = read("mine.csv", reordered.as_bytes()).unwrap();
        assert_eq!(track.questions[0].key, "pb:9");
        assert_eq!(track.questions[0].forecasts[0].by, "Bo");
        assert_eq!(track.questions[0].forecasts[0].probability, 0.4);
        assert_eq!(track.questions[0].resolve_by, None);
    }

    #[test]
    fn a_csv_cell_that_cannot_be_read_is_named_by_line_and_column() {
        let broken = export().replacen(",1202,25,", ",1202,150,", 1);
        let error = read("mine.csv", broken.as_bytes()).unwrap_err();
        assert_eq!(error.file, "mine.csv");
        assert_eq!((error.line, error.column), (5, 9), "{error}");
        assert!(
            error.message.contains("'150' is not a probability"),
            "{error}"
        );

        let bad_date = export().replacen("2023-02-01 08:00:00 UTC", "2023-13-01 08:00:00 UTC", 1);
        let error = read("mine.csv", bad_date.as_bytes()).unwrap_err();
        assert_eq!((error.line, error.column), (5, 1), "{error}");
        assert_eq!(
            error.message,
            "'2023-13-01 08:00:00 UTC' is not a date and time"
        );

        let bad_outcome = export().replacen(",25,false,", ",25,maybe,", 1);
        let error = read("mine.csv", bad_outcome.as_bytes()).unwrap_err();
        assert_eq!((error.line, error.column), (5, 10), "{error}");

        let no_column = export().replacen("mean_confidence", "confidence", 1);
        let error = read("mine.csv", no_column.as_bytes()).unwrap_err();
        assert_eq!((error.line, error.column), (1, 1), "{error}");
        assert!(error.message.contains("'mean_confidence'"), "{error}");
    }

    /// The API's shape, made up for the test: a prediction with wagers by its creator and
    /// by another user and a comment without a wager; a second one with no responses.
    const API: &str = r#"
{
  "user": {"email": "ada@example.org", "name": "Ada", "user_id": 7},
  "predictions": [
    {
      "created_at": "2023-08-01T06:25:44.000Z",
      "creator_id": 7,
      "creator_label": "Ada",
      "deadline": "2023-09-01T00:00:00.000Z",
      "description_with_group": "The library reopens in August",
      "description": "The library reopens in August",
      "group_id": null,
      "id": 3001,
      "mean_confidence": 65,
      "outcome": false,
      "prediction_group_id": null,
      "last_judgement_at": "2023-09-02T10:00:00.000Z",
      "updated_at": "2023-09-02T10:00:00.000Z",
      "uuid": "bbbb-1",
      "version": 1,
      "visibility": "visible_to_everyone",
      "withdrawn": false,
      "responses": [
        {"comment": null, "confidence": 80, "created_at": "2023-08-01T06:25:44.000Z",
         "id": 1, "updated_at": "2023-08-01T06:25:44.000Z", "user_id": 7, "user_label": "Ada"},
        {"comment": "Not so sure", "confidence": 50, "created_at": "2023-08-03T12:00:00.000Z",
         "id": 2, "updated_at": "2023-08-03T12:00:00.000Z", "user_id": 8, "user_label": "Bo"},
        {"comment": "Works are running late", "confidence": null,
         "created_at": "2023-08-10T09:00:00.000Z", "id": 3,
         "updated_at": "2023-08-10T09:00:00.000Z", "user_id": 8, "user_label": "Bo"}
      ]
    },
    {
      "created_at": "2023-08-05T10:00:00.000+02:00",
      "creator_id": 7, "creator_label": "Ada", "deadline": null,
      "description_with_group": "A second bridge by 2030", "description": "A second bridge by 2030",
      "id": 3002, "mean_confidence": 0, "outcome": null, "last_judgement_at": null,
      "updated_at": "2023-08-05T08:00:00.000Z", "withdrawn": false, "responses": []
    }
  ]
}"#;

    #[test]
    fn the_json_file_reads_a_forecast_per_wager_by_whoever_made_it() {
        let track = read("my_predictions.json", API.as_bytes()).unwrap();
        assert_eq!(track.questions.len(), 2);
        assert!(
            track.skipped.is_empty(),
            "a comment is not a skipped forecast"
        );
        let library = &track.questions[0];
        assert_eq!(library.key, "pb:3001");
        assert_eq!(library.created, at("2023-08-01 06:25:44"));
        assert_eq!(library.resolve_by, Some(day("2023-09-01")));
        assert_eq!(
            library.resolution,
            Some((PlatformResolution::No, day("2023-09-02")))
        );
        let wagers: Vec<_> = library
            .forecasts
            .iter()
            .map(|f| (f.by.as_str(), f.probability, f.at))
            .collect();
        assert_eq!(
            wagers,
            [
                ("Ada", 0.8, at("2023-08-01 06:25:44")),
                ("Bo", 0.5, at("2023-08-03 12:00:00")),
            ]
        );
        assert_eq!(library.forecasts[1].origin, "predictions[0].responses[1]");
        let bridge = &track.questions[1];
        assert_eq!(bridge.created, at("2023-08-05 08:00:00"), "offset to UTC");
        assert_eq!((bridge.resolve_by, bridge.resolution), (None, None));
        assert!(bridge.forecasts.is_empty());
    }

    #[test]
    fn json_is_told_from_csv_by_its_first_byte() {
        let padded = format!("\u{feff}\n  {API}");
        assert_eq!(
            read("p.json", padded.as_bytes()).unwrap().questions.len(),
            2
        );
    }

    /// The 1-based line of `text` that holds `needle`.
    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|line| line.contains(needle)).unwrap() + 1
    }

    #[test]
    fn a_json_value_that_cannot_be_read_is_named_where_serde_json_saw_it() {
        let broken = API.replacen("\"confidence\": 50", "\"confidence\": 150", 1);
        let error = read("p.json", broken.as_bytes()).unwrap_err();
        assert_eq!(
            error.line,
            line_of(&broken, "\"confidence\": 150"),
            "{error}"
        );
        assert!(error.column > 1, "{error}");
        assert_eq!(
            error.message,
            "'150' is not a confidence: it must lie between 0 and 100"
        );

        let bad_time = API.replacen("2023-08-03T12:00:00.000Z", "yesterday", 1);
        let error = read("p.json", bad_time.as_bytes()).unwrap_err();
        assert_eq!(error.line, line_of(&bad_time, "yesterday"), "{error}");
        assert_eq!(error.message, "'yesterday' is not a date and time");

        let cut = &API[..API.len() / 2];
        let error = read("p.json", cut.as_bytes()).unwrap_err();
        assert!(
            error.message.starts_with("not PredictionBook's JSON"),
            "{error}"
        );
        let error = read("p.json", br#"{"user": {}}"#).unwrap_err();
        assert!(error.message.contains("predictions"), "{error}");
    }

    #[test]
    fn withdrawn_json_predictions_are_skipped_with_their_reason() {
        let withdrawn = API.replacen("\"withdrawn\": false", "\"withdrawn\": true", 1);
        let track = read("p.json", withdrawn.as_bytes()).unwrap();
        assert_eq!(track.questions.len(), 1);
        assert_eq!(track.skipped[0].why, WITHDRAWN_WHY);
    }

    #[test]
    fn no_input_makes_the_reader_panic() {
        let inputs = [export(), API.to_string()];
        for input in &inputs {
            for end in 0..=input.len() {
                let _ = read("cut", &input.as_bytes()[..end]);
            }
        }
        for garbage in [
            &b""[..],
            b"{",
            b"\xff\xfe",
            b"id\n\"",
            b"{\"predictions\": [{}]}",
        ] {
            assert!(read("garbage", garbage).is_err());
        }
    }
}
