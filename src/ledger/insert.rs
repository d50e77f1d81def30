//! Adding and removing whole records: a forecast or source appended to a scenario file, a
//! forecast deleted, a new scenario file, a new person in `people.ron`. Like every write,
//! these touch only the lines of the record concerned, are atomic, and never write to a
//! file that does not parse.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::draft::scenario_id_problem;
use super::edit::{EditError, indentation_depth};
use super::load::fingerprint;
use super::parse::Parsed;
use super::rewrite::{list_items, locate_forecast, parse_file, rewrite, verify};
use super::syntax::{LineIndex, Node, Outline};
use super::write::{
    create_atomically, forecast_block, people_document, person_block, scenario_document,
    source_block,
};
use super::{FORMAT_VERSION, Forecast, People, Person, Scenario, Source};

/// A forecast added to a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Inserted {
    pub path: PathBuf,
    pub forecast: Forecast,
    /// The fingerprint of the new block (see [`super::Entry::fingerprint`]).
    pub fingerprint: u64,
}

/// A forecast removed from a file, with what it takes to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub path: PathBuf,
    pub forecast: Forecast,
    /// Its position in the file's forecast list.
    pub index: usize,
}

/// Adds `forecast` to the scenario file at `path`: at the end of its forecasts, or before
/// the forecast now at `at` (for undoing a delete). Refuses an id already in the file.
pub fn insert_forecast(
    path: &Path,
    forecast: &Forecast,
    at: Option<usize>,
) -> Result<Inserted, EditError> {
    rewrite(path, |text| {
        let parsed = parse_file::<Scenario>(path, text)?;
        let forecasts = &parsed.value.forecasts;
        if forecasts.iter().any(|f| f.id == forecast.id) {
            return Err(EditError::DuplicateId {
                path: path.to_path_buf(),
                what: "forecast",
                id: forecast.id.clone(),
            });
        }
        let index = at.map_or(forecasts.len(), |at| at.min(forecasts.len()));
        let new_text = add_item(
            text,
            &parsed,
            "forecasts",
            Some(index).filter(|&i| i < forecasts.len()),
            &|depth| forecast_block(forecast, depth),
        );
        let mut intended = parsed.value.clone();
        intended.forecasts.insert(index, forecast.clone());
        let reparsed = verify(path, &new_text, &intended)?;
        let block = &list_items(&reparsed.outline, "forecasts")[index];
        Ok((
            Some(new_text.clone()),
            Inserted {
                path: path.to_path_buf(),
                forecast: forecast.clone(),
                fingerprint: fingerprint(&new_text[block.span.clone()]),
            },
        ))
    })
}

/// Removes forecast `id` and its block (with the blank line that separated it), refusing
/// with [`EditError::Conflict`] if the block changed since it was read (`expected`).
pub fn delete_forecast(path: &Path, id: &str, expected: Option<u64>) -> Result<Deleted, EditError> {
    rewrite(path, |text| {
        let parsed = parse_file::<Scenario>(path, text)?;
        let (index, _) = locate_forecast(path, &parsed.outline, text, id, expected)?;
        let list = &parsed
            .outline
            .root
            .field("forecasts")
            .expect("a forecast was found in the list")
            .value;
        let new_text = remove_item(text, &parsed.outline, &parsed.lines, list, index);
        let mut intended = parsed.value.clone();
        let forecast = intended.forecasts.remove(index);
        verify(path, &new_text, &intended)?;
        Ok((
            Some(new_text),
            Deleted {
                path: path.to_path_buf(),
                forecast,
                index,
            },
        ))
    })
}

/// Adds a source at the end of the scenario file's sources.
pub fn insert_source(path: &Path, source: &Source) -> Result<(), EditError> {
    rewrite(path, |text| {
        let parsed = parse_file::<Scenario>(path, text)?;
        if parsed.value.sources.iter().any(|s| s.id == source.id) {
            return Err(EditError::DuplicateId {
                path: path.to_path_buf(),
                what: "source",
                id: source.id.clone(),
            });
        }
        let new_text = add_item(text, &parsed, "sources", None, &|depth| {
            source_block(source, depth)
        });
        let mut intended = parsed.value.clone();
        intended.sources.push(source.clone());
        verify(path, &new_text, &intended)?;
        Ok((Some(new_text), ()))
    })
}

/// Adds a person at the end of `people.ron` (created, canonical, if the folder has none).
pub fn insert_person(people_path: &Path, person: &Person) -> Result<(), EditError> {
    if !people_path.exists() {
        let people = People {
            format: FORMAT_VERSION,
            people: vec![person.clone()],
        };
        let text = people_document("", &people);
        verify(people_path, &text, &people)?;
        match create_atomically(people_path, text.as_bytes()) {
            Ok(()) => return Ok(()),
            // Someone created it meanwhile: add to theirs rather than replace it.
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(source) => {
                return Err(EditError::Io {
                    path: people_path.to_path_buf(),
                    source,
                });
            }
        }
    }
    rewrite(people_path, |text| {
        let parsed = parse_file::<People>(people_path, text)?;
        if parsed.value.people.iter().any(|p| p.id == person.id) {
            return Err(EditError::DuplicateId {
                path: people_path.to_path_buf(),
                what: "person",
                id: person.id.clone(),
            });
        }
        let new_text = add_item(text, &parsed, "people", None, &|depth| {
            person_block(person, depth)
        });
        let mut intended = parsed.value.clone();
        intended.people.push(person.clone());
        verify(people_path, &new_text, &intended)?;
        Ok((Some(new_text), ()))
    })
}

/// Writes a new scenario file `<dir>/<id>.ron` in canonical form; refuses if it exists.
pub fn create_scenario(dir: &Path, scenario: &Scenario) -> Result<PathBuf, EditError> {
    let path = dir.join(format!("{}.ron", scenario.id));
    // The id becomes a file name: one with a slash or dots could land anywhere.
    if let Some(message) = scenario_id_problem(&scenario.id) {
        return Err(EditError::InvalidId { path, message });
    }
    if path.exists() {
        return Err(EditError::AlreadyExists(path));
    }
    // A new file is always written in the format this build reads.
    let scenario = Scenario {
        format: FORMAT_VERSION,
        ..scenario.clone()
    };
    let text = scenario_document("", &scenario);
    verify(&path, &text, &scenario)?;
    create_atomically(&path, text.as_bytes()).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            EditError::AlreadyExists(path.clone())
        } else {
            EditError::Io {
                path: path.clone(),
                source,
            }
        }
    })?;
    Ok(path)
}

const INDENT: &str = "    ";

fn indent(depth: usize) -> String {
    INDENT.repeat(depth)
}

/// Text to put in place of a range of the original.
struct Splice {
    at: Range<usize>,
    text: String,
}

fn apply(text: &str, mut splices: Vec<Splice>) -> String {
    // From the end, so that earlier offsets stay valid.
    splices.sort_by_key(|splice| std::cmp::Reverse(splice.at.start));
    let mut out = text.to_string();
    for splice in splices {
        out.replace_range(splice.at, &splice.text);
    }
    out
}

/// Adds a block to the list `list` of the document's top-level struct: before item
/// `before`, or at the end. A canonical file stays canonical: the block is indented like
/// its neighbours and separated from them by one blank line.
fn add_item<T>(
    text: &str,
    parsed: &Parsed<T>,
    list: &str,
    before: Option<usize>,
    block: &dyn Fn(usize) -> String,
) -> String {
    let (outline, lines) = (&parsed.outline, &parsed.lines);
    let Some(field) = outline.root.field(list) else {
        // The list is left out (it is optional): add the field after the last one.
        let last = outline
            .root
            .fields()
            .last()
            .expect("a parsed document has fields");
        let span = last.name_span.start..last.value.span.end;
        let element = |depth: usize| {
            format!(
                "{list}: [\n{}{},\n{}]",
                indent(depth + 1),
                block(depth + 1),
                indent(depth)
            )
        };
        return apply(text, append_after(text, lines, &span, &element, false));
    };
    let node = &field.value;
    let items = node.items();
    if let Some(item) = before.and_then(|i| items.get(i)) {
        return apply(text, insert_before(text, lines, &item.span, block));
    }
    match items.last() {
        Some(last) => apply(text, append_after(text, lines, &last.span, block, true)),
        None => {
            let depth = indentation_depth(text, lines, field.name_span.start);
            let opened = format!("\n{}{},", indent(depth + 1), block(depth + 1));
            let splice = if outline.has_comments_in(&node.span) {
                // Replacing the brackets would drop the comments inside them.
                Splice {
                    at: node.span.start + 1..node.span.start + 1,
                    text: opened,
                }
            } else {
                Splice {
                    at: node.span.clone(),
                    text: format!("[{opened}\n{}]", indent(depth)),
                }
            };
            apply(text, vec![splice])
        }
    }
}

/// The whitespace before `start` on its line, when nothing else precedes it there.
fn leading_indent<'a>(text: &'a str, lines: &LineIndex, start: usize) -> Option<&'a str> {
    let lead = &text[lines.line_start(start)..start];
    lead.chars().all(char::is_whitespace).then_some(lead)
}

/// Adds an element after `last` (an item or a field): on the lines after it when `last`
/// ends its line, else on the same line. A missing trailing comma is added to `last`.
fn append_after(
    text: &str,
    lines: &LineIndex,
    last: &Range<usize>,
    element: &dyn Fn(usize) -> String,
    blank_line: bool,
) -> Vec<Splice> {
    let depth = indentation_depth(text, lines, last.start);
    let lead =
        leading_indent(text, lines, last.start).map_or_else(|| indent(depth), str::to_string);
    let mut splices = Vec::new();
    let after_comma = match comma_after(text, last.end) {
        Some(end) => end,
        None => {
            splices.push(Splice {
                at: last.end..last.end,
                text: ",".to_string(),
            });
            last.end
        }
    };
    let separator = if blank_line { "\n" } else { "" };
    let block = element(depth);
    splices.push(match end_of_line(text, after_comma) {
        Some(next_line) => Splice {
            at: next_line..next_line,
            text: format!("{separator}{lead}{block},\n"),
        },
        None => Splice {
            at: after_comma..after_comma,
            text: format!("\n{separator}{lead}{block},"),
        },
    });
    splices
}

/// Adds a block before the item spanning `item`, with a blank line between them.
fn insert_before(
    text: &str,
    lines: &LineIndex,
    item: &Range<usize>,
    block: &dyn Fn(usize) -> String,
) -> Vec<Splice> {
    let depth = indentation_depth(text, lines, item.start);
    let block = block(depth);
    vec![match leading_indent(text, lines, item.start) {
        Some(lead) => {
            let line_start = item.start - lead.len();
            Splice {
                at: line_start..line_start,
                text: format!("{lead}{block},\n\n"),
            }
        }
        None => Splice {
            at: item.start..item.start,
            text: format!("{block}, "),
        },
    }]
}

/// Removes item `index` of `list`, with the one blank line that [`insert_before`] or
/// [`append_after`] would add back: the one after the item, or before it when it is the
/// last. So deleting and inserting at the same index gives back the same bytes.
fn remove_item(
    text: &str,
    outline: &Outline,
    lines: &LineIndex,
    list: &Node,
    index: usize,
) -> String {
    let items = list.items();
    if items.len() == 1 && !outline.has_comments_in(&list.span) {
        // The canonical form of an empty list.
        return apply(
            text,
            vec![Splice {
                at: list.span.clone(),
                text: "[]".to_string(),
            }],
        );
    }
    let item = &items[index].span;
    let after_comma = comma_after(text, item.end).unwrap_or(item.end);
    let is_last = index + 1 == items.len();
    let removed = match (
        leading_indent(text, lines, item.start),
        end_of_line(text, after_comma),
    ) {
        (Some(lead), Some(line_end)) => {
            let mut range = item.start - lead.len()..line_end;
            if !is_last {
                if let Some(blank_end) = blank_line_at(text, range.end) {
                    range.end = blank_end;
                }
            } else if let Some(blank_start) = blank_line_before(text, range.start) {
                range.start = blank_start;
            }
            range
        }
        _ if !is_last => item.start..items[index + 1].span.start,
        _ => item.start..after_comma,
    };
    apply(
        text,
        vec![Splice {
            at: removed,
            text: String::new(),
        }],
    )
}

/// Just after the comma that follows offset `end` (across spaces and comments), if any.
fn comma_after(text: &str, end: usize) -> Option<usize> {
    let mut pos = end;
    loop {
        let rest = &text[pos..];
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            pos += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("/*") {
            pos += trimmed.find("*/").map_or(trimmed.len(), |end| end + 2);
        } else {
            return trimmed.starts_with(',').then_some(pos + 1);
        }
    }
}

/// The start of the next line, when only spaces or a line comment follow `pos` on its line.
fn end_of_line(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let newline = rest.find('\n')?;
    let tail = rest[..newline].trim();
    (tail.is_empty() || tail.starts_with("//")).then_some(pos + newline + 1)
}

/// The end of the line starting at `line_start`, when that line is blank.
fn blank_line_at(text: &str, line_start: usize) -> Option<usize> {
    let rest = &text[line_start..];
    let newline = rest.find('\n')?;
    rest[..newline]
        .trim()
        .is_empty()
        .then_some(line_start + newline + 1)
}

/// The start of the line before the one starting at `line_start`, when that line is blank.
fn blank_line_before(text: &str, line_start: usize) -> Option<usize> {
    let previous_end = line_start.checked_sub(1)?;
    let previous_start = text[..previous_end].rfind('\n').map_or(0, |i| i + 1);
    text[previous_start..previous_end]
        .trim()
        .is_empty()
        .then_some(previous_start)
}
