//! The rules for text and links, which depend on nothing outside the record: no control
//! character or bidirectional override that could drive a terminal or reorder what a
//! reader sees, line breaks only in running text, and links only to web addresses. Part of
//! validation (`validate` applies them per file, the forms per field); printers escape
//! such characters anyway (`crate::terminal`).

use std::path::Path;

use super::locate::list_items;
use super::parse::ReadScenario;
use super::syntax::{LineIndex, Node};
use crate::ledger::model::{Forecast, Person, Question, Scenario, Source, problem::Problem};
use crate::terminal::{is_bidi_control, is_unprintable};

/// Whether a text field is one line (an id, a name, a title) or running text (a quote, a
/// claim), which may hold line breaks and tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextShape {
    Line,
    Paragraphs,
}

impl TextShape {
    /// The shape of a field, by its name: running text for the fields that quote or explain
    /// (a quote, a claim, a condition, a verdict's evidence, a person's note, a scenario's
    /// summary), one line for every other (ids, names, titles, tags, links). The one list,
    /// for files and forms alike.
    fn of(field: &str) -> TextShape {
        match field {
            "quote" | "claim" | "condition" | "evidence" | "note" | "summary" => {
                TextShape::Paragraphs
            }
            _ => TextShape::Line,
        }
    }
}

/// Why a text value is refused, if it is. A control character could drive the terminal
/// the text is printed on (an ESC sequence recolours, moves the cursor, sets the title); a
/// bidirectional control makes text display in another order than it reads. Printers
/// escape both anyway (see [`crate::terminal`]); refusing them keeps the ledger honest.
pub(crate) fn text_problem(field: &str, value: &str) -> Option<String> {
    // Every refused character is encoded with one of these leading bytes (C0 controls and
    // DEL; 0xC2 for C1 controls; 0xE2 for the bidirectional ones): most text, checked on
    // every load, is decided by this byte scan alone, which does not stop early so that
    // the compiler can vectorize it.
    let suspect = value.bytes().fold(false, |found, b| {
        found | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    });
    if !suspect {
        return None;
    }
    let paragraphs = TextShape::of(field) == TextShape::Paragraphs;
    let running_text = |c| paragraphs && matches!(c, '\n' | '\t');
    let c = value
        .chars()
        .find(|&c| is_unprintable(c) && !running_text(c))?;
    let code = format!("U+{:04X}", u32::from(c));
    Some(if is_bidi_control(c) {
        format!(
            "`{field}` contains a bidirectional control character ({code}), which makes text display in another order than it reads; Hindsight refuses it"
        )
    } else if matches!(c, '\n' | '\t') {
        format!("`{field}` contains a line break or tab ({code}); it must be a single line")
    } else {
        format!(
            "`{field}` contains a control character ({code}); Hindsight refuses text that could drive a terminal"
        )
    })
}

/// Whether a link is a web address: `http://` or `https://` (in any case) and a host, with
/// no spaces or control characters. Only such links are valid in a file and shown as
/// hyperlinks, so that a shared ledger cannot make a click run a script (`javascript:`)
/// or open a local file (`file:`).
pub fn is_web_link(link: &str) -> bool {
    let Some((scheme, rest)) = link.split_once("://") else {
        return false;
    };
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let has_host = rest.chars().next().is_some_and(|c| c != '/');
    let plain = !link.chars().any(|c| c.is_whitespace() || is_unprintable(c));
    web && has_host && plain
}

/// Why a link (a source's `url`, a verdict's `link`) is refused, if it is.
pub fn link_problem(field: &str, link: &str) -> Option<String> {
    (!is_web_link(link)).then(|| {
        format!(
            "`{field}` must be a web address (http:// or https:// and a host, without spaces), not '{link}'"
        )
    })
}

/// One text value of a record, and where its value is in the record's outline.
pub(crate) struct TextValue<'v> {
    /// The field of the record holding the value's struct (`outcome` for a verdict's note).
    within: Option<&'static str>,
    field: &'static str,
    /// The value's index, for an item of a list (a tag, an alias).
    item: Option<usize>,
    value: &'v str,
}

impl<'v> TextValue<'v> {
    pub(crate) fn new(field: &'static str, value: &'v str) -> TextValue<'v> {
        TextValue {
            within: None,
            field,
            item: None,
            value,
        }
    }

    fn optional(field: &'static str, value: &'v Option<String>) -> Option<TextValue<'v>> {
        value.as_deref().map(|value| TextValue::new(field, value))
    }

    fn items(field: &'static str, values: &'v [String]) -> impl Iterator<Item = TextValue<'v>> {
        values
            .iter()
            .enumerate()
            .map(move |(index, value)| TextValue {
                item: Some(index),
                ..TextValue::new(field, value)
            })
    }

    fn within(self, outer: &'static str) -> TextValue<'v> {
        TextValue {
            within: Some(outer),
            ..self
        }
    }

    /// Where the value starts in `record`, or the nearest enclosing part that is there.
    fn offset_in(&self, record: &Node) -> usize {
        let holder = match self.within {
            Some(outer) => record.field(outer).map_or(record, |f| &f.value),
            None => record,
        };
        let Some(value) = holder.field(self.field).map(|f| &f.value) else {
            return holder.span.start;
        };
        self.item
            .and_then(|index| value.items().get(index))
            .unwrap_or(value)
            .span
            .start
    }
}

fn scenario_texts(scenario: &Scenario) -> Vec<TextValue<'_>> {
    let mut values = vec![
        TextValue::new("id", &scenario.id),
        TextValue::new("title", &scenario.title),
        TextValue::new("summary", &scenario.summary),
    ];
    values.extend(TextValue::items("tags", &scenario.tags));
    values
}

fn source_texts(source: &Source) -> Vec<TextValue<'_>> {
    let mut values = vec![
        TextValue::new("id", &source.id),
        TextValue::new("outlet", &source.outlet),
        TextValue::new("title", &source.title),
    ];
    values.extend(
        [
            TextValue::optional("author", &source.author),
            TextValue::optional("url", &source.url),
            TextValue::optional("seed", &source.seed),
        ]
        .into_iter()
        .flatten(),
    );
    values
}

fn question_texts(question: &Question) -> Vec<TextValue<'_>> {
    let mut values = vec![
        TextValue::new("id", &question.id),
        TextValue::new("claim", &question.claim),
    ];
    values.extend(TextValue::optional("note", &question.note));
    if let Some(resolution) = question.outcome.resolution() {
        values.extend(
            [
                TextValue::optional("judge", &resolution.judge),
                TextValue::optional("evidence", &resolution.evidence),
            ]
            .into_iter()
            .flatten()
            .map(|value| value.within("outcome")),
        );
    }
    values
}

fn forecast_texts(forecast: &Forecast) -> Vec<TextValue<'_>> {
    let mut values = vec![
        TextValue::new("id", &forecast.id),
        TextValue::new("by", &forecast.by),
        TextValue::new("source", &forecast.source),
        TextValue::new("quote", &forecast.quote),
        TextValue::new("claim", &forecast.claim),
    ];
    values.extend(
        [
            TextValue::optional("expression", &forecast.expression),
            TextValue::optional("baseline", &forecast.baseline),
            TextValue::optional("condition", &forecast.condition),
        ]
        .into_iter()
        .flatten(),
    );
    values.extend(TextValue::items("tags", &forecast.tags));
    if let Some(resolution) = forecast.outcome.resolution() {
        values.extend(
            [
                TextValue::optional("judge", &resolution.judge),
                TextValue::optional("evidence", &resolution.evidence),
                TextValue::optional("link", &resolution.link),
            ]
            .into_iter()
            .flatten()
            .map(|value| value.within("outcome")),
        );
    }
    values
}

pub(crate) fn person_texts(person: &Person) -> Vec<TextValue<'_>> {
    let mut values = vec![
        TextValue::new("id", &person.id),
        TextValue::new("name", &person.name),
    ];
    values.extend(TextValue::items("aliases", &person.aliases));
    values.extend(
        [
            TextValue::optional("affiliation", &person.affiliation),
            TextValue::optional("note", &person.note),
        ]
        .into_iter()
        .flatten(),
    );
    values
}

/// Reports every text value of one record that [`text_problem`] refuses, at the value.
pub(crate) fn text_problems<'v>(
    path: &Path,
    lines: &LineIndex,
    text: &str,
    record: &Node,
    values: impl IntoIterator<Item = TextValue<'v>>,
    problems: &mut Vec<Problem>,
) {
    for value in values {
        if let Some(message) = text_problem(value.field, value.value) {
            let at = lines.position(text, value.offset_in(record));
            problems.push(Problem::error(path, at, message));
        }
    }
}

/// The text and link problems of one scenario file, each at its value. They depend on
/// nothing outside the file, so files are checked in parallel (see [`scenarios`]).
pub(crate) fn file_texts(file: &ReadScenario) -> Vec<Problem> {
    let (path, text, lines) = (file.path.as_path(), &file.text, &file.parsed.lines);
    let root = &file.parsed.outline.root;
    let scenario = &file.parsed.value;
    let mut problems = Vec::new();
    let mut check = |record: &Node, values: Vec<TextValue>, link: Option<TextValue>| {
        text_problems(path, lines, text, record, values, &mut problems);
        if let Some(link) = link
            && let Some(message) = link_problem(link.field, link.value)
        {
            let at = lines.position(text, link.offset_in(record));
            problems.push(Problem::error(path, at, message));
        }
    };
    check(root, scenario_texts(scenario), None);
    for (source, node) in scenario.sources.iter().zip(list_items(root, "sources")) {
        let url = TextValue::optional("url", &source.url);
        check(node, source_texts(source), url);
    }
    for (question, node) in scenario.questions.iter().zip(list_items(root, "questions")) {
        let link = question.outcome.resolution().and_then(|resolution| {
            TextValue::optional("link", &resolution.link).map(|link| link.within("outcome"))
        });
        check(node, question_texts(question), link);
    }
    for (forecast, node) in scenario.forecasts.iter().zip(list_items(root, "forecasts")) {
        let link = forecast.outcome.resolution().and_then(|resolution| {
            TextValue::optional("link", &resolution.link).map(|link| link.within("outcome"))
        });
        check(node, forecast_texts(forecast), link);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_with_a_host_are_web_links() {
        for link in ["https://example.org/a", "http://x", "HTTPS://Example.org"] {
            assert!(is_web_link(link), "{link}");
        }
        for link in [
            "javascript:alert(1)",
            "JavaScript://%0Aalert(1)",
            "file:///etc/passwd",
            "https:///etc/passwd",
            "https://",
            " https://example.org",
            "https://example.org/\u{1b}]8;;",
            "example.org",
        ] {
            assert!(!is_web_link(link), "{link}");
            assert!(link_problem("url", link).is_some(), "{link}");
        }
    }

    #[test]
    fn running_text_may_break_lines_but_one_line_fields_may_not() {
        // A one-line field and running text alike.
        for field in ["title", "claim"] {
            assert_eq!(text_problem(field, "Prices «rise» — 70 %"), None);
            let message = text_problem(field, "red \u{1b}[31m").unwrap();
            assert_eq!(
                message,
                format!(
                    "`{field}` contains a control character (U+001B); Hindsight refuses text that could drive a terminal"
                )
            );
            assert!(text_problem(field, "C1 \u{9b}").is_some());
            assert!(text_problem(field, "isolate \u{2067}").is_some());
        }
        assert_eq!(
            text_problem("title", "two\nlines").unwrap(),
            "`title` contains a line break or tab (U+000A); it must be a single line"
        );
        assert_eq!(text_problem("quote", "two\nlines\tand a tab"), None);
        assert!(text_problem("quote", "carriage\r\n").is_some());
    }
}
