//! Many records added in one write: what an import adds to a scenario file (sources,
//! questions, forecasts) or to `people.ron`. One lock, one atomic replacement and one check
//! of the result, whatever the number: the file gains all of them or none, and each list's
//! new blocks go in with one splice (not one rewrite per record, which would be quadratic).

use super::canonical::{forecast_block, person_block, question_block, source_block};
use super::door::{Door, EditError, Rewrite, parse_file};
use super::insert::add_item;
use super::splice::{Splice, apply, indent, indentation_depth};
use crate::ledger::model::{Forecast, People, Person, Question, Scenario, Source};
use crate::ledger::read::parse::Parsed;

/// A record's block at an indentation depth.
type Block<'a> = Box<dyn Fn(usize) -> String + 'a>;

/// The records an import adds to one scenario file.
#[derive(Clone, Copy, Debug, Default)]
pub struct Additions<'a> {
    pub sources: &'a [Source],
    pub questions: &'a [Question],
    pub forecasts: &'a [Forecast],
}

impl Door<'_> {
    /// Adds `records` at the end of this scenario file's lists, refusing (writing nothing)
    /// an id the file has already.
    pub fn insert_records(&self, records: Additions) -> Result<(), EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<Scenario>| {
            let value = &parsed.value;
            let taken = |what: &'static str, id: &str, there: bool| {
                if there {
                    Err(EditError::DuplicateId {
                        path: path.to_path_buf(),
                        what,
                        id: id.to_string(),
                    })
                } else {
                    Ok(())
                }
            };
            for source in records.sources {
                taken(
                    "source",
                    &source.id,
                    value.sources.iter().any(|s| s.id == source.id),
                )?;
            }
            for question in records.questions {
                let there = value.questions.iter().any(|q| q.id == question.id);
                taken("question", &question.id, there)?;
            }
            for forecast in records.forecasts {
                let there = value.forecasts.iter().any(|f| f.id == forecast.id);
                taken("forecast", &forecast.id, there)?;
            }
            let mut new_text = text.to_string();
            let lists: [(&str, Vec<Block>); 3] = [
                (
                    "sources",
                    records
                        .sources
                        .iter()
                        .map(|s| Box::new(move |d| source_block(s, d)) as Block)
                        .collect(),
                ),
                (
                    "questions",
                    records
                        .questions
                        .iter()
                        .map(|q| Box::new(move |d| question_block(q, d)) as Block)
                        .collect(),
                ),
                (
                    "forecasts",
                    records
                        .forecasts
                        .iter()
                        .map(|f| Box::new(move |d| forecast_block(f, d)) as Block)
                        .collect(),
                ),
            ];
            for (list, blocks) in &lists {
                if blocks.is_empty() {
                    continue;
                }
                let current = parse_file::<Scenario>(path, &new_text)?;
                new_text = add_blocks(&new_text, &current, list, blocks);
            }
            let mut intended = value.clone();
            intended.sources.extend_from_slice(records.sources);
            intended.questions.extend_from_slice(records.questions);
            intended.forecasts.extend_from_slice(records.forecasts);
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: |_: &Parsed<Scenario>, _: &str| Ok(()),
            })
        })
    }

    /// Adds `people` at the end of this folder's `people.ron` in one write (this door must
    /// be the people file's), refusing an id it has already. The file must exist.
    pub fn insert_people(&self, people: &[Person]) -> Result<(), EditError> {
        let path = self.path();
        self.rewrite(|text, parsed: &Parsed<People>| {
            if let Some(person) = people
                .iter()
                .find(|p| parsed.value.people.iter().any(|q| q.id == p.id))
            {
                return Err(EditError::DuplicateId {
                    path: path.to_path_buf(),
                    what: "person",
                    id: person.id.clone(),
                });
            }
            let blocks: Vec<Block> = people
                .iter()
                .map(|p| Box::new(move |d| person_block(p, d)) as Block)
                .collect();
            let new_text = add_blocks(text, parsed, "people", &blocks);
            let mut intended = parsed.value.clone();
            intended.people.extend_from_slice(people);
            Ok(Rewrite::Changed {
                text: new_text,
                intended,
                report: |_: &Parsed<People>, _: &str| Ok(()),
            })
        })
    }
}

/// `blocks` added to list `list` as one element run: each at the list's indentation,
/// separated by a blank line, as a canonical file has them. A scenario without the
/// `questions` list gets it before `forecasts`, where the canonical form puts it.
fn add_blocks<T>(text: &str, parsed: &Parsed<T>, list: &str, blocks: &[Block]) -> String {
    let joined = |depth: usize| {
        blocks
            .iter()
            .map(|block| block(depth))
            .collect::<Vec<_>>()
            .join(&format!(",\n\n{}", indent(depth)))
    };
    let root = &parsed.outline.root;
    if list == "questions"
        && root.field("questions").is_none()
        && let Some(forecasts) = root.field("forecasts")
    {
        let line_start = text[..forecasts.name_span.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let depth = indentation_depth(text, &parsed.lines, forecasts.name_span.start);
        let field = format!(
            "{}questions: [\n{}{},\n{}],\n",
            indent(depth),
            indent(depth + 1),
            joined(depth + 1),
            indent(depth)
        );
        return apply(text, vec![Splice::new(line_start..line_start, field)]);
    }
    add_item(text, parsed, list, None, &joined)
}
