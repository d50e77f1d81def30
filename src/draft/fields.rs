//! What every form shares: a problem tied to its field, the list a form collects them in,
//! and the readings of typed text (dates, lists, optional values) that each form applies
//! the same way, so that one field means one thing in every form.

use std::path::Path;

use chrono::NaiveDate;

use crate::ledger::read::validate::text_problem;

/// A problem with one field of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's name as in the file format ("claim", "resolve_by", …).
    pub field: &'static str,
    pub message: String,
}

/// Every problem of one form, collected rather than stopping at the first.
#[derive(Default)]
pub(super) struct Problems(Vec<FieldProblem>);

impl Problems {
    pub(super) fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldProblem {
            field,
            message: message.into(),
        });
    }

    /// The trimmed value of a required field, or a problem when it is empty.
    pub(super) fn required<'a>(
        &mut self,
        field: &'static str,
        what: &str,
        value: &'a str,
    ) -> &'a str {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, format!("{what} is required"));
        }
        value
    }

    /// Each field as typed that holds characters `check` would refuse (control or
    /// bidirectional characters; line breaks in a one-line field).
    pub(super) fn texts(&mut self, fields: &[(&'static str, &str)]) {
        for &(field, value) in fields {
            if let Some(message) = text_problem(field, value) {
                self.add(field, message);
            }
        }
    }

    /// A required `YYYY-MM-DD` date.
    pub(super) fn date(
        &mut self,
        field: &'static str,
        what: &str,
        value: &str,
    ) -> Option<NaiveDate> {
        let value = self.required(field, what, value);
        if value.is_empty() {
            return None;
        }
        parse_date(value)
            .map_err(|message| self.add(field, message))
            .ok()
    }

    pub(super) fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldProblem>> {
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

/// Comma-separated values, trimmed, without empties or repeats.
pub(super) fn split_list(text: &str) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for value in text.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        if !values.iter().any(|known| known == value) {
            values.push(value.to_string());
        }
    }
    values
}

/// An optional field: empty, or only spaces, means absent, so a file never holds an empty
/// value where it could hold none.
pub(super) fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The problem with a form for a file that is not (or no longer) in the folder.
pub(super) fn not_loaded(file: &Path) -> String {
    format!("{} is not a scenario file of this folder", file.display())
}
