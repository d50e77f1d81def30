//! A CSV file read by its header's names, as every platform's export must be: columns move
//! between versions of an export, so none is found by its position. Cells are read with
//! their line and column, so that a value that cannot be read is named where it is.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::track::ReadError;

/// The rows of a CSV file and where each named column is.
pub struct CsvTable {
    file: String,
    columns: HashMap<String, usize>,
    rows: Vec<csv::StringRecord>,
}

/// One row: its cells by column name.
pub struct Row<'a> {
    table: &'a CsvTable,
    record: &'a csv::StringRecord,
}

impl CsvTable {
    /// Reads `bytes` as CSV with a header line. Rows may be shorter than the header (a
    /// missing cell reads as empty), as Metaculus writes some; quoted cells may span lines.
    pub fn read(file: &str, bytes: &[u8]) -> Result<CsvTable, ReadError> {
        let bytes = &lf_line_ends(bytes);
        let text = std::str::from_utf8(bytes).map_err(|error| {
            let before = &bytes[..error.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            ReadError {
                file: file.to_string(),
                line,
                column: 1,
                message: "the file is not UTF-8 text".to_string(),
            }
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|error| csv_error(file, &error))?;
        let columns = header
            .iter()
            .enumerate()
            .map(|(index, name)| (name.trim().to_string(), index))
            .collect();
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| csv_error(file, &error))?;
        Ok(CsvTable {
            file: file.to_string(),
            columns,
            rows,
        })
    }

    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// The first of `names` the header has.
    pub fn first_of<'n>(&self, names: &[&'n str]) -> Option<&'n str> {
        names.iter().copied().find(|name| self.has(name))
    }

    /// Refuses a header without `column`, naming it.
    pub fn require(&self, column: &str) -> Result<(), ReadError> {
        if self.has(column) {
            return Ok(());
        }
        Err(ReadError {
            file: self.file.clone(),
            line: 1,
            column: 1,
            message: format!("the header has no column '{column}'"),
        })
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |record| Row {
            table: self,
            record,
        })
    }
}

impl Row<'_> {
    /// The 1-based line the row starts on.
    pub fn line(&self) -> usize {
        self.record
            .position()
            .map_or(0, |position| position.line() as usize)
    }

    /// The cell of `column`, trimmed; empty when the header or the row lacks it.
    pub fn get(&self, column: &str) -> &str {
        self.table
            .columns
            .get(column)
            .and_then(|&index| self.record.get(index))
            .map_or("", str::trim)
    }

    /// The cell, or `None` when empty.
    pub fn optional(&self, column: &str) -> Option<&str> {
        Some(self.get(column)).filter(|cell| !cell.is_empty())
    }

    /// A problem with the cell of `column`: its line and column named.
    pub fn error(&self, column: &str, message: impl Into<String>) -> ReadError {
        ReadError {
            file: self.table.file.clone(),
            line: self.line(),
            column: self.table.columns.get(column).map_or(1, |index| index + 1),
            message: message.into(),
        }
    }

    /// A non-empty cell, or an error naming the column.
    pub fn required(&self, column: &str) -> Result<&str, ReadError> {
        self.optional(column)
            .ok_or_else(|| self.error(column, format!("'{column}' is empty")))
    }

    /// The cell as a probability in [0, 1] (`percent`: a number from 0 to 100, with or
    /// without a % sign, divided by 100).
    pub fn probability(&self, column: &str, percent: bool) -> Result<Option<f64>, ReadError> {
        let Some(cell) = self.optional(column) else {
            return Ok(None);
        };
        let number = cell.trim_end_matches('%').trim();
        let scale = if percent || cell.ends_with('%') {
            100.0
        } else {
            1.0
        };
        let value = number
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(|v| v / scale);
        match value {
            Some(p) if (0.0..=1.0).contains(&p) => Ok(Some(p)),
            _ => Err(self.error(
                column,
                format!(
                    "'{cell}' is not a probability: it must lie between 0 and {}",
                    if scale == 100.0 { "100%" } else { "1" }
                ),
            )),
        }
    }

    /// The cell as a date and time (see [`date_time`]), or `None` when empty.
    pub fn date_time(&self, column: &str) -> Result<Option<NaiveDateTime>, ReadError> {
        let Some(cell) = self.optional(column) else {
            return Ok(None);
        };
        date_time(cell)
            .map(Some)
            .ok_or_else(|| self.error(column, format!("'{cell}' is not a date and time")))
    }
}

/// A date and time as the platforms write them, in UTC: `2025-03-02 08:00:9` (Fatebook,
/// seconds unpadded), `2023-01-15 10:00:00 UTC`, ISO 8601 with `T`, `Z` or an offset, and
/// a bare date (midnight).
pub fn date_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(moment) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(moment.naive_utc());
    }
    for format in ["%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%:z"] {
        if let Ok(moment) = chrono::DateTime::parse_from_str(text, format) {
            return Some(moment.naive_utc());
        }
    }
    let plain = text
        .strip_suffix(" UTC")
        .or_else(|| text.strip_suffix('Z'))
        .unwrap_or(text);
    for format in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(moment) = NaiveDateTime::parse_from_str(plain, format) {
            return Some(moment);
        }
    }
    NaiveDate::parse_from_str(plain, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
}

/// `bytes` with each CRLF made LF. The csv crate dates a record that follows a CRLF from
/// the line before (the `\n` it has not read yet), and Python's csv module (Metaculus)
/// writes CRLF: without this, every line an error names would be one short. A cell's own
/// CRLF becomes LF too, which a title loses nothing by.
fn lf_line_ends(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.contains(&b'\r') {
        return Cow::Borrowed(bytes);
    }
    let mut lf = Vec::with_capacity(bytes.len());
    for (at, &byte) in bytes.iter().enumerate() {
        if byte != b'\r' || bytes.get(at + 1) != Some(&b'\n') {
            lf.push(byte);
        }
    }
    Cow::Owned(lf)
}

fn csv_error(file: &str, error: &csv::Error) -> ReadError {
    let line = error.position().map_or(0, |p| p.line() as usize);
    ReadError {
        file: file.to_string(),
        line,
        column: 1,
        message: format!("not CSV as expected: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platforms_date_and_time_shapes_read_as_utc() {
        let at = |y, m, d, h, min, s| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, s)
                .unwrap()
        };
        assert_eq!(
            date_time("2024-12-09 01:12:2"),
            Some(at(2024, 12, 9, 1, 12, 2))
        );
        assert_eq!(
            date_time("2023-01-15 10:00:00 UTC"),
            Some(at(2023, 1, 15, 10, 0, 0))
        );
        assert_eq!(
            date_time("2023-08-01T06:25:44.000Z"),
            Some(at(2023, 8, 1, 6, 25, 44))
        );
        assert_eq!(
            date_time("2026-01-24 17:45:01+02:00"),
            Some(at(2026, 1, 24, 15, 45, 1))
        );
        assert_eq!(date_time("2025-01-15"), Some(at(2025, 1, 15, 0, 0, 0)));
        assert_eq!(date_time("15/01/2025"), None);
        assert_eq!(date_time("2023-13-01 10:00:00 UTC"), None);
    }
}
