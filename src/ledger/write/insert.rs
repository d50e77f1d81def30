//! Adding and removing whole records: a forecast or source appended to a scenario file, a
//! forecast deleted, a new scenario file, a new person in `people.ron`. Like every write,
//! these touch only the lines of the record concerned, are atomic, and never write to a
//! file that does not parse.

use std::ops::Range;
use std::path::PathBuf;

use super::canonical::{
    forecast_block, people_document, person_block, scenario_document, source_block,
};
use super::door::{Door, EditError, Rewrite};
use super::edit::locate_forecast;
use super::splice::{
    Splice, apply, blank_line_at, blank_line_before, comma_after, end_of_line, indent,
    indentation_depth, leading_indent,
};
use crate::ledger::model::{
    FORMAT_VERSION, Forecast, People, Person, Scenario, Source, fingerprint, scenario_id_problem,
};
use crate::ledger::read::locate::list_items;
use crate::ledger::read::parse::{Document, Parsed};
use crate::ledger::read::syntax::{LineIndex, Node, Outline};

/// A forecast added to a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Inserted {
    pub path: PathBuf,
    pub forecast: Forecast,
    /// The fingerprint of the new block (see [`Entry::fingerprint`](crate::ledger::Entry::fingerprint)).
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

impl Door<'_> {
    /// Adds `forecast` to this scenario file: at the end of its forecasts, or before the
    /// forecast now at `at` (for undoing a delete). Refuses an id already in the file.
    pub fn insert_forecast(
        &self,
        forecast: &Forecast,
        at: Option<usize>,
    ) -> Result<Inserted, EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<Scenario>| {
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
                parsed,
                "forecasts",
                Some(index).filter(|&i| i < forecasts.len()),
                &|depth| forecast_block(forecast, depth),
            );
            let mut intended = parsed.value.clone();
            intended.forecasts.insert(index, forecast.clone());
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: move |reparsed: &Parsed<Scenario>, new_text: &str| {
                    let block = &list_items(&reparsed.outline.root, "forecasts")[index];
                    Ok(Inserted {
                        path: path.to_path_buf(),
                        forecast: forecast.clone(),
                        fingerprint: fingerprint(&new_text[block.span.clone()]),
                    })
                },
            })
        })
    }

    /// Removes forecast `id` from this scenario file, with its block (and the blank line
    /// that separated it), refusing with [`EditError::Conflict`] if the block changed since
    /// it was read (`expected`).
    pub fn delete_forecast(&self, id: &str, expected: Option<u64>) -> Result<Deleted, EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<Scenario>| {
            let (index, _) = locate_forecast(path, &parsed.outline.root, text, id, expected)?;
            let list = &parsed
                .outline
                .root
                .field("forecasts")
                .expect("a forecast was found in the list")
                .value;
            let new_text = remove_item(text, &parsed.outline, &parsed.lines, list, index);
            let mut intended = parsed.value.clone();
            if index >= intended.forecasts.len() {
                return Err(EditError::NotVerified(path.to_path_buf()));
            }
            let forecast = intended.forecasts.remove(index);
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: move |_: &Parsed<Scenario>, _: &str| {
                    Ok(Deleted {
                        path: path.to_path_buf(),
                        forecast,
                        index,
                    })
                },
            })
        })
    }

    /// Adds a source at the end of this scenario file's sources.
    pub fn insert_source(&self, source: &Source) -> Result<(), EditError> {
        self.append(
            ("sources", "source", &source.id),
            |scenario: &Scenario| scenario.sources.iter().any(|s| s.id == source.id),
            &|depth| source_block(source, depth),
            |scenario| scenario.sources.push(source.clone()),
        )
    }

    /// Adds a person at the end of this folder's `people.ron` (this door must be the
    /// people file's: [`Door::people`]), creating it, canonical, if the folder has none.
    pub fn insert_person(&self, person: &Person) -> Result<(), EditError> {
        let path = self.path();
        if !path.exists() {
            let people = People {
                format: FORMAT_VERSION,
                people: vec![person.clone()],
            };
            match self.create(&people_document("", &people), &people) {
                // Someone created it meanwhile: add to theirs rather than replace it.
                Err(EditError::AlreadyExists(_)) => {}
                done => return done,
            }
        }
        self.append(
            ("people", "person", &person.id),
            |people: &People| people.people.iter().any(|p| p.id == person.id),
            &|depth| person_block(person, depth),
            |people| people.people.push(person.clone()),
        )
    }

    /// Appends one record to list `list` of this file's document, refusing an `id` the
    /// document `holds` already (a `what`: "source", "person"): what adding a source or a
    /// person is. The record's text is `block` at its indentation; `push` adds it to the
    /// records the new text must read back as.
    fn append<D: Document + PartialEq + Clone>(
        &self,
        (list, what, id): (&str, &'static str, &str),
        holds: impl Fn(&D) -> bool,
        block: &dyn Fn(usize) -> String,
        push: impl Fn(&mut D),
    ) -> Result<(), EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<D>| {
            if holds(&parsed.value) {
                return Err(EditError::DuplicateId {
                    path: path.to_path_buf(),
                    what,
                    id: id.to_string(),
                });
            }
            let new_text = add_item(text, parsed, list, None, block);
            let mut intended = parsed.value.clone();
            push(&mut intended);
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: |_: &Parsed<D>, _: &str| Ok(()),
            })
        })
    }

    /// Writes `scenario` as this new file (which must be `<folder>/<its id>.ron`: see
    /// [`Door::new_scenario`]) in canonical form; refuses if it exists.
    pub fn create_scenario(&self, scenario: &Scenario) -> Result<(), EditError> {
        let path = self.path();
        // The id becomes a file name: one with a slash or dots could land anywhere.
        if let Some(message) = scenario_id_problem(&scenario.id) {
            return Err(EditError::InvalidId {
                path: path.to_path_buf(),
                message,
            });
        }
        if path.exists() {
            return Err(EditError::AlreadyExists(path.to_path_buf()));
        }
        // A new file is always written in the format this build reads.
        let scenario = Scenario {
            format: FORMAT_VERSION,
            ..scenario.clone()
        };
        self.create(&scenario_document("", &scenario), &scenario)
    }
}

/// Adds a block to the list `list` of the document's top-level struct: before item
/// `before`, or at the end. A canonical file stays canonical: the block is indented like
/// its neighbours and separated from them by one blank line.
pub(super) fn add_item<T>(
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
                Splice::new(node.span.start + 1..node.span.start + 1, opened)
            } else {
                Splice::new(node.span.clone(), format!("[{opened}\n{}]", indent(depth)))
            };
            apply(text, vec![splice])
        }
    }
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
