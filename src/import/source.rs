//! Which platform a file comes from, read by the right reader: told by `--from`, or
//! recognised from the file (a zip is a Metaculus download; a CSV by its header; JSON with
//! `predictions` is PredictionBook's API file). A file larger than any real export is
//! refused before it is read whole.

use std::path::Path;

use super::spreadsheet::Columns;
use super::track::{ReadError, Track};
use super::{fatebook, metaculus, predictionbook, spreadsheet};

/// The largest file an import reads: far above any real export (Fatebook's caps at 100,000
/// questions), far below what would exhaust memory.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// The formats `--from` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    Fatebook,
    PredictionBook,
    Metaculus,
    Csv,
}

/// Reads `path` (a file, or a Metaculus download's folder) as `from` says or as it looks.
/// `columns` and `forecaster` are a spreadsheet's.
pub fn read_track(
    path: &Path,
    from: Option<From>,
    columns: Option<&Columns>,
    forecaster: Option<&str>,
) -> Result<Track, ReadError> {
    let name = path.display().to_string();
    let whole = |message: String| ReadError {
        file: name.clone(),
        line: 0,
        column: 1,
        message,
    };
    if path.is_dir() {
        return match from {
            None | Some(From::Metaculus) => metaculus::read_folder(path),
            Some(_) => Err(whole(
                "a folder: only a Metaculus download (its CSV files) is read as a folder"
                    .to_string(),
            )),
        };
    }
    let size = std::fs::metadata(path)
        .map_err(|e| whole(format!("cannot read: {e}")))?
        .len();
    if size > MAX_IMPORT_BYTES {
        return Err(whole(format!(
            "{size} bytes: larger than any export Hindsight reads ({MAX_IMPORT_BYTES})"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| whole(format!("cannot read: {e}")))?;
    let from = match from {
        Some(from) => from,
        None => recognise(&bytes).ok_or_else(|| {
            whole(
                "not a format Hindsight recognises (Fatebook's CSV export, PredictionBook's CSV or JSON, a Metaculus download); for a spreadsheet, give --from csv --columns claim=…,by=…,made=…,probability=…".to_string(),
            )
        })?,
    };
    match from {
        From::Fatebook => fatebook::read(&name, &bytes),
        From::PredictionBook => predictionbook::read(&name, &bytes),
        From::Metaculus if bytes.starts_with(b"PK") => metaculus::read_zip(&name, &bytes),
        From::Metaculus => {
            // One of the download's CSV files: the other is beside it, named alike
            // (`question_data.csv` beside `forecast_data.csv`, with any prefix kept).
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (question, forecast) = if file_name.contains("question_data") {
                (
                    path.to_path_buf(),
                    path.with_file_name(file_name.replace("question_data", "forecast_data")),
                )
            } else {
                (
                    path.with_file_name(file_name.replace("forecast_data", "question_data")),
                    path.to_path_buf(),
                )
            };
            let read = |file: &Path| {
                let too_big = std::fs::metadata(file).is_ok_and(|m| m.len() > MAX_IMPORT_BYTES);
                if too_big {
                    return Err(ReadError {
                        file: file.display().to_string(),
                        line: 0,
                        column: 1,
                        message: format!(
                            "larger than any export Hindsight reads ({MAX_IMPORT_BYTES} bytes)"
                        ),
                    });
                }
                std::fs::read(file).map_err(|e| ReadError {
                    file: file.display().to_string(),
                    line: 0,
                    column: 1,
                    message: format!(
                        "cannot read it ({e}): a Metaculus download's question and forecast files are read together"
                    ),
                })
            };
            metaculus::read_csvs(
                &question.display().to_string(),
                &read(&question)?,
                &forecast.display().to_string(),
                &read(&forecast)?,
            )
        }
        From::Csv => {
            let columns = columns.ok_or_else(|| {
                whole("--from csv needs --columns naming the spreadsheet's columns (e.g. claim=Prediction,by=Pundit,made=Date,probability=P)".to_string())
            })?;
            spreadsheet::read(&name, &bytes, columns, forecaster)
        }
    }
}

/// The platform a file's first bytes show, if any.
fn recognise(bytes: &[u8]) -> Option<From> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(From::Metaculus);
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let header = text.lines().next().unwrap_or_default();
    if fatebook::recognises(header) {
        Some(From::Fatebook)
    } else if (header.starts_with("created_at,") && header.contains("description_with_group"))
        || (text.starts_with('{') && text.contains("\"predictions\""))
    {
        Some(From::PredictionBook)
    } else if header.starts_with("Question ID,") {
        Some(From::Metaculus)
    } else {
        None
    }
}
