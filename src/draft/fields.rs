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

/// The fields of every form that hold a `YYYY-MM-DD` date.
const DATE_FIELDS: [&str; 4] = ["made", "resolve_by", "published", "on"];

/// What is wrong with field `field` as typed so far, for a form to say while the user
/// types rather than only on saving. `finished` is whether the user has left the field:
/// until then a date that could still become valid ("2022-0") is not yet wrong. An empty
/// field is left to the save, which knows whether it is required.
pub fn problem_as_typed(field: &str, text: &str, finished: bool) -> Option<String> {
    let text = text.trim();
    if !DATE_FIELDS.contains(&field) || text.is_empty() {
        return None;
    }
    let could_still_be_a_date = text.len() < 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !finished && could_still_be_a_date {
        return None;
    }
    parse_date(text).err()
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

#[cfg(test)]
mod typing_tests {
    use super::problem_as_typed;

    #[test]
    fn a_date_is_checked_as_it_is_typed_once_it_can_no_longer_become_valid() {
        // Half typed: not wrong yet.
        assert_eq!(problem_as_typed("made", "2022-0", false), None);
        // Complete and impossible, or shaped wrong: said at once.
        assert_eq!(
            problem_as_typed("made", "2022-13-01", false).as_deref(),
            Some("'2022-13-01' is not a date in the calendar")
        );
        assert!(problem_as_typed("made", "7 Jan 2022", false).is_some());
        // Left half typed: said when the user moves on.
        assert!(problem_as_typed("resolve_by", "2022-0", true).is_some());
        assert_eq!(problem_as_typed("made", "2023-01-07", false), None);
        // Not a date field, or empty: left to the save.
        assert_eq!(problem_as_typed("claim", "2022-13-01", true), None);
        assert_eq!(problem_as_typed("made", "  ", true), None);
    }
}
