//! Reading one RON document (a scenario, people or phrases file) from text, with every
//! problem placed at its file, line and column.
//!
//! A whole-file serde pass is tried first; when it fails, each list item (source, forecast,
//! person, phrase) is parsed on its own so that every broken item is reported, not only the
//! first. This module only reads; it never decides what the values mean (see `validate`).

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::syntax::{self, LineIndex, Node, Outline, Position};
use crate::estimative::{Phrase, PhraseFile};
use crate::ledger::model::{
    FORMAT_VERSION, Forecast, People, Person, Question, Scenario, Source, problem::Problem,
};

/// ron's options for every Hindsight file: optional fields may be written bare
/// (`author: "…"` rather than `author: Some("…")`), and nesting is bounded by the same
/// limit as the outline's, which refuses deeper files before ron reads them.
pub fn ron_options() -> ron::Options {
    crate::ron_format::ron_options()
}

/// A kind of Hindsight document.
pub trait Document: DeserializeOwned {
    /// The struct name the file must start with.
    const NAME: &'static str;
    /// What users call such a file, for messages.
    const DESCRIPTION: &'static str;
    /// Parses one item of one of the document's lists on its own, to locate errors in it.
    /// Returns `None` for fields that are not item lists.
    fn parse_item(list: &str, text: &str) -> Option<Result<(), ron::error::SpannedError>>;
}

fn parse_as<T: DeserializeOwned>(text: &str) -> Result<(), ron::error::SpannedError> {
    ron_options().from_str::<T>(text).map(|_| ())
}

impl Document for Scenario {
    const NAME: &'static str = "Scenario";
    const DESCRIPTION: &'static str = "a scenario file";
    fn parse_item(list: &str, text: &str) -> Option<Result<(), ron::error::SpannedError>> {
        match list {
            "sources" => Some(parse_as::<Source>(text)),
            "questions" => Some(parse_as::<Question>(text)),
            "forecasts" => Some(parse_as::<Forecast>(text)),
            _ => None,
        }
    }
}

impl Document for People {
    const NAME: &'static str = "People";
    const DESCRIPTION: &'static str = "the people registry";
    fn parse_item(list: &str, text: &str) -> Option<Result<(), ron::error::SpannedError>> {
        (list == "people").then(|| parse_as::<Person>(text))
    }
}

impl Document for PhraseFile {
    const NAME: &'static str = "Phrases";
    const DESCRIPTION: &'static str = "a phrase table";
    fn parse_item(list: &str, text: &str) -> Option<Result<(), ron::error::SpannedError>> {
        (list == "phrases").then(|| parse_as::<Phrase>(text))
    }
}

/// A document read from text, with the outline that locates its parts.
#[derive(Clone, Debug)]
pub struct Parsed<T> {
    pub value: T,
    pub outline: Outline,
    pub lines: LineIndex,
}

impl<T> Parsed<T> {
    pub fn position(&self, text: &str, offset: usize) -> Position {
        self.lines.position(text, offset)
    }
}

/// The byte-order mark some editors (Notepad, Excel) put at the start of a UTF-8 file. It
/// is no part of the text: a file's text is what follows it, so positions in messages are
/// the ones an editor shows, and a write puts it back (see `transaction`).
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// A file's text without its byte-order mark, if it has one.
pub fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text)
}

/// Decodes a file's bytes (its text, after any byte-order mark), or says where the first
/// byte that is not UTF-8 is.
pub fn decode_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Problem> {
    std::str::from_utf8(bytes)
        .map(without_byte_order_mark)
        .map_err(|error| utf8_problem(path, bytes, error))
}

/// [`decode_utf8`] for bytes the caller owns: the text, without a copy unless the file
/// starts with a byte-order mark.
pub fn into_text(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    let mut text = String::from_utf8(bytes)
        .map_err(|error| utf8_problem(path, error.as_bytes(), error.utf8_error()))?;
    if text.starts_with(BYTE_ORDER_MARK) {
        text.drain(..BYTE_ORDER_MARK.len());
    }
    Ok(text)
}

/// Where the first byte that is not UTF-8 is, and what to do about it.
pub fn utf8_problem(path: &Path, bytes: &[u8], error: std::str::Utf8Error) -> Problem {
    let valid = &bytes[..error.valid_up_to()];
    let text = without_byte_order_mark(std::str::from_utf8(valid).unwrap_or_default());
    let position = LineIndex::new(text).position(text, text.len());
    let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
    Problem::error(
        path,
        position,
        format!("not UTF-8 text (byte 0x{byte:02x}); Hindsight files must be saved as UTF-8"),
    )
}

/// Parses a document, or returns every problem found in it.
pub fn parse<T: Document>(path: &Path, text: &str) -> Result<Parsed<T>, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![Problem::error(
            path,
            Position::START,
            format!(
                "empty file: expected {} starting with `{}(`",
                T::DESCRIPTION,
                T::NAME
            ),
        )]);
    }
    let lines = LineIndex::new(text);
    let outline = syntax::outline(text).map_err(|error| {
        vec![Problem::error(
            path,
            lines.position(text, error.offset),
            error.message,
        )]
    })?;
    check_header::<T>(path, text, &lines, &outline.root)?;
    // The values straight from the outline when it covers them (see `outline_de`), else
    // from ron. A file that sets ron options of its own (`#![enable(…)]`) is ron's.
    let attributes = text[..outline.root.span.start].contains("#!");
    let from_outline = (!attributes)
        .then(|| super::outline_de::from_outline::<T>(text, &outline.root))
        .flatten();
    if let Some(value) = from_outline {
        return Ok(Parsed {
            value,
            outline,
            lines,
        });
    }
    match ron_options().from_str::<T>(text) {
        Ok(value) => Ok(Parsed {
            value,
            outline,
            lines,
        }),
        Err(error) => Err(item_problems::<T>(path, text, &lines, &outline.root, error)),
    }
}

/// Checks the struct name and the format version before serde, whose messages for a
/// wrong kind of file ("missing field `title`") would not say what is really wrong.
fn check_header<T: Document>(
    path: &Path,
    text: &str,
    lines: &LineIndex,
    root: &Node,
) -> Result<(), Vec<Problem>> {
    let at_root = lines.position(text, root.span.start);
    let fail = |position, message: String| Err(vec![Problem::error(path, position, message)]);
    match root.name() {
        Some(name) if name == T::NAME => {}
        Some(name) => {
            return fail(
                at_root,
                format!(
                    "not {}: it holds `{name}(…)`, expected `{}(…)`",
                    T::DESCRIPTION,
                    T::NAME
                ),
            );
        }
        None => {
            return fail(
                at_root,
                format!(
                    "not {}: expected it to start with `{}(`",
                    T::DESCRIPTION,
                    T::NAME
                ),
            );
        }
    }
    let Some(format) = root.field("format") else {
        return fail(
            at_root,
            format!("missing `format: {FORMAT_VERSION}` (the version of the file format)"),
        );
    };
    let at_value = lines.position(text, format.value.span.start);
    match format.value.integer_value(text) {
        Some(version) if version == u64::from(FORMAT_VERSION) => Ok(()),
        Some(version) if version > u64::from(FORMAT_VERSION) => fail(
            at_value,
            format!(
                "written in format {version} by a newer Hindsight; this version reads format {FORMAT_VERSION}: upgrade Hindsight"
            ),
        ),
        _ => fail(
            at_value,
            format!("unknown format version: expected `format: {FORMAT_VERSION}`"),
        ),
    }
}

/// Turns a failed whole-file parse into one problem per broken item, plus the original
/// error when it lies outside every item.
fn item_problems<T: Document>(
    path: &Path,
    text: &str,
    lines: &LineIndex,
    root: &Node,
    whole_file_error: ron::error::SpannedError,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut broken_items: Vec<Range<usize>> = Vec::new();
    for field in root.fields() {
        for item in field.value.items() {
            let item_text = &text[item.span.clone()];
            if let Some(Err(error)) = T::parse_item(&field.name, item_text) {
                let start = lines.position(text, item.span.start);
                let position = shift(start, error.span.start);
                problems.push(ron_problem(path, text, lines, root, position, &error.code));
                broken_items.push(item.span.clone());
            }
        }
    }
    let position = to_position(whole_file_error.span.start);
    let offset = lines.offset(text, position);
    if !broken_items.iter().any(|span| span.contains(&offset)) {
        problems.push(ron_problem(
            path,
            text,
            lines,
            root,
            position,
            &whole_file_error.code,
        ));
    }
    problems
}

fn to_position(position: ron::error::Position) -> Position {
    Position {
        line: position.line.max(1),
        column: position.col.max(1),
    }
}

/// Moves a position inside an item's own text to its place in the whole file.
fn shift(item_start: Position, inner: ron::error::Position) -> Position {
    let inner = to_position(inner);
    if inner.line == 1 {
        Position {
            line: item_start.line,
            column: item_start.column + inner.column - 1,
        }
    } else {
        Position {
            line: item_start.line + inner.line - 1,
            column: inner.column,
        }
    }
}

/// A ron error as a problem, in plainer words and naming the field it is in.
fn ron_problem(
    path: &Path,
    text: &str,
    lines: &LineIndex,
    root: &Node,
    position: Position,
    code: &ron::Error,
) -> Problem {
    use ron::Error;
    let offset = lines.offset(text, position);
    let field = innermost_field(root, offset);
    let field_name = field.map(|f| f.name.as_ref());
    // ron places value errors at or around the value; point at the value's first character,
    // where a reader's eye goes.
    let value_position = field.map(|f| lines.position(text, f.value.span.start));
    let (message, position) = match code {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!(
                "unknown field `{found}`{}; expected one of: {}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default(),
                expected.join(", ")
            ),
            position,
        ),
        Error::MissingStructField { field, outer } => (
            format!(
                "missing field `{field}`{}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            lines.position(text, innermost_struct(root, offset).span.start),
        ),
        Error::DuplicateStructField { field, .. } => {
            (format!("field `{field}` is given twice"), position)
        }
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => (
            in_field(
                format!(
                    "unknown value `{found}`; expected one of: {}",
                    expected.join(", ")
                ),
                field_name,
            ),
            value_position.unwrap_or(position),
        ),
        Error::Message(message) if is_date_field(field_name) => (
            format!(
                "invalid date in `{}` ({message}); expected \"YYYY-MM-DD\"",
                field_name.unwrap_or_default()
            ),
            value_position.unwrap_or(position),
        ),
        Error::Message(_)
        | Error::InvalidValueForType { .. }
        | Error::ExpectedString
        | Error::ExpectedFloat
        | Error::ExpectedInteger
        | Error::ExpectedBoolean
        | Error::ExpectedArray
        | Error::ExpectedStructLike
        | Error::ExpectedNamedStructLike(_) => (
            in_field(value_error_message(code), field_name),
            value_position.unwrap_or(position),
        ),
        // A bare value where the format wants a variant, as in `resolve_by: "2025-07-31"`:
        // say which variants the field takes, with the value written inside one.
        Error::ExpectedIdentifier if field_name == Some("resolve_by") => {
            let written = field
                .map(|f| text[f.value.span.clone()].trim())
                .filter(|value| value.starts_with('"') && value.len() <= 14)
                .unwrap_or("\"2025-07-31\"");
            (
                format!(
                    "`resolve_by` takes Stated(\"YYYY-MM-DD\") when the forecaster gave the date, or Default(\"YYYY-MM-DD\") for a horizon the ledger chose: write resolve_by: Stated({written})"
                ),
                value_position.unwrap_or(position),
            )
        }
        Error::ExpectedIdentifier if field_name == Some("outcome") => (
            "`outcome` takes Open, or Resolved(verdict: …, on: \"YYYY-MM-DD\", …)".to_string(),
            value_position.unwrap_or(position),
        ),
        other => (in_field(other.to_string(), field_name), position),
    };
    Problem::error(path, position, message)
}

fn is_date_field(field: Option<&str>) -> bool {
    matches!(field, Some("made" | "published" | "on" | "resolve_by"))
}

fn in_field(message: String, field: Option<&str>) -> String {
    match field {
        Some(field) if !message.contains(&format!("`{field}`")) => {
            format!("{message} (in `{field}`)")
        }
        _ => message,
    }
}

fn value_error_message(code: &ron::Error) -> String {
    use ron::Error;
    match code {
        Error::ExpectedString => "expected a string in double quotes".to_string(),
        Error::ExpectedFloat => "expected a number".to_string(),
        Error::ExpectedInteger => "expected a whole number".to_string(),
        Error::ExpectedBoolean => "expected true or false".to_string(),
        Error::ExpectedArray => "expected a list in square brackets".to_string(),
        Error::Message(message) => message.clone(),
        other => other.to_string(),
    }
}

/// The innermost field whose name or value contains `offset`.
fn innermost_field(node: &Node, offset: usize) -> Option<&syntax::Field> {
    let mut found = None;
    let mut current = node;
    loop {
        let field = containing(current.fields(), offset, |f| {
            f.name_span.start..f.value.span.end
        });
        let item = containing(current.items(), offset, |item| item.span.clone());
        match (field, item) {
            (Some(field), _) => {
                found = Some(field);
                current = &field.value;
            }
            (None, Some(item)) => current = item,
            (None, None) => return found,
        }
    }
}

/// The innermost struct (a source, forecast, person…) containing `offset`.
fn innermost_struct(node: &Node, offset: usize) -> &Node {
    let mut found = node;
    let mut current = node;
    loop {
        if matches!(current.kind, syntax::NodeKind::Struct { .. }) {
            found = current;
        }
        let next = containing(current.fields(), offset, |f| f.value.span.clone())
            .map(|f| &f.value)
            .or_else(|| containing(current.items(), offset, |item| item.span.clone()));
        match next {
            Some(child) => current = child,
            None => return found,
        }
    }
}

/// The element whose span (ends included) contains `offset`. Elements are in file order,
/// so a binary search finds it: a file of 10,000 broken forecasts is not searched 10,000
/// times over.
fn containing<T>(elements: &[T], offset: usize, span: impl Fn(&T) -> Range<usize>) -> Option<&T> {
    let first_not_before = elements.partition_point(|element| span(element).end < offset);
    elements
        .get(first_not_before)
        .filter(|element| span(element).start <= offset)
}

/// A scenario file that parsed, with what validation needs to locate its parts.
pub struct ReadScenario {
    pub path: PathBuf,
    pub text: String,
    pub parsed: Parsed<Scenario>,
    /// The ids of the file's records left in dispute by a merge (set aside, not parsed): a
    /// reference to one is neither known nor unknown until one version is kept.
    pub disputed: Vec<String>,
}

/// A parsed people or phrases file, kept with its text for locating problems.
pub struct DocumentRead<T> {
    pub value: T,
    pub text: String,
    pub outline: syntax::Outline,
    pub lines: syntax::LineIndex,
}

impl<T> DocumentRead<T> {
    pub fn new(parsed: Parsed<T>, text: &str) -> DocumentRead<T> {
        DocumentRead {
            value: parsed.value,
            text: text.to_string(),
            outline: parsed.outline,
            lines: parsed.lines,
        }
    }

    /// Item `index` of list `list`, in the outline.
    pub fn item(&self, list: &str, index: usize) -> Option<&syntax::Node> {
        self.outline
            .root
            .field(list)
            .and_then(|field| field.value.items().get(index))
    }

    /// Where item `index` of list `list` starts (or the file's start).
    pub fn item_position(&self, list: &str, index: usize) -> Position {
        self.item(list, index).map_or(Position::START, |item| {
            self.lines.position(&self.text, item.span.start)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::limits::MAX_NESTING;

    #[test]
    fn ron_stops_at_its_recursion_limit_rather_than_the_stack() {
        // The outline refuses such files first; ron's own limit is the second wall.
        for open in ['[', '(', '{'] {
            let text = open.to_string().repeat(100_000);
            assert!(ron_options().from_str::<ron::Value>(&text).is_err());
            assert!(ron_options().from_str::<Scenario>(&text).is_err());
        }
    }

    #[test]
    fn nesting_inside_a_forecast_is_refused_where_it_passes_the_limit() {
        let text = format!(
            "Scenario(\n    format: 1,\n    id: \"deep\",\n    title: \"Deep\",\n    forecasts: [\n        Forecast(\n            claim: {},\n        ),\n    ],\n)\n",
            "[".repeat(100_000)
        );
        let problems = parse::<Scenario>(Path::new("deep.ron"), &text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        // Scenario(, forecasts: [ and Forecast( are three levels: the claim's 126th bracket
        // is the 129th.
        let claim = text.find("claim: ").unwrap() + "claim: ".len();
        assert_eq!(
            problems[0].position,
            Position {
                line: 7,
                column: 20 + MAX_NESTING - 3
            }
        );
        assert_eq!(
            LineIndex::new(&text).position(&text, claim + MAX_NESTING - 3),
            problems[0].position
        );
        assert!(problems[0].message.contains("nested more than 128 levels"));
    }
}
