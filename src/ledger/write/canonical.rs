//! The canonical, merge-friendly form of Hindsight files: what `fmt` writes, and the text of
//! every block an edit or insert writes, and whether a file can be brought to it without
//! losing anything (a comment inside the value would be dropped, so such a file is refused).
//!
//! One record per block, a blank line between records, fields in a fixed order, a trailing
//! comma after every item, `\n` line endings and a final newline: two people editing
//! different forecasts of one file touch different lines, so git merges them cleanly.
//! Writing a file already in this form gives back the same bytes.

use std::path::Path;

use crate::estimative::{Phrase, PhraseFile};
use crate::ledger::model::{
    FileKind, Forecast, OnQuestion, Outcome, People, Person, Position, Question, ResolveBy,
    Scenario, Source,
};
use crate::ledger::read::parse::{self, Document, Parsed};
use crate::ledger::read::syntax::Outline;

const INDENT: &str = "    ";

/// A RON string literal. Only what RON requires is escaped, so quotes stay readable
/// ("Putin’s", "wouldn't") in the file and in diffs.
pub fn ron_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn ron_float(value: f64) -> String {
    // Debug keeps a decimal point ("1.0"), so the value reads back as a float.
    format!("{value:?}")
}

fn string_list(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| ron_string(v)).collect();
    format!("[{}]", items.join(", "))
}

/// Builds the text of one struct block, field by field, at a given depth.
struct Block {
    out: String,
    depth: usize,
}

impl Block {
    /// Opens `Name(`; the caller has already placed the cursor at the block's indentation.
    fn open(name: &str, depth: usize) -> Block {
        Block {
            out: format!("{name}(\n"),
            depth,
        }
    }

    fn field(&mut self, name: &str, value: &str) {
        for _ in 0..=self.depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(name);
        self.out.push_str(": ");
        self.out.push_str(value);
        self.out.push_str(",\n");
    }

    fn string(&mut self, name: &str, value: &str) {
        self.field(name, &ron_string(value));
    }

    fn optional_string(&mut self, name: &str, value: Option<&String>) {
        if let Some(value) = value {
            self.string(name, value);
        }
    }

    /// A list of blocks, one per item, separated by blank lines.
    fn blocks<T>(&mut self, name: &str, items: &[T], block: impl Fn(&T, usize) -> String) {
        if items.is_empty() {
            self.field(name, "[]");
            return;
        }
        let inner = indent(self.depth + 2);
        let mut list = String::from("[\n");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                list.push('\n');
            }
            list.push_str(&inner);
            list.push_str(&block(item, self.depth + 2));
            list.push_str(",\n");
        }
        list.push_str(&indent(self.depth + 1));
        list.push(']');
        self.field(name, &list);
    }

    fn close(mut self) -> String {
        self.out.push_str(&indent(self.depth));
        self.out.push(')');
        self.out
    }
}

fn indent(depth: usize) -> String {
    INDENT.repeat(depth)
}

/// The canonical text of a whole scenario file. `header` is the text before `Scenario(`
/// (comments), kept as written.
pub fn scenario_document(header: &str, scenario: &Scenario) -> String {
    let mut block = Block::open("Scenario", 0);
    block.field("format", &scenario.format.to_string());
    block.string("id", &scenario.id);
    block.string("title", &scenario.title);
    block.string("summary", &scenario.summary);
    block.field("tags", &string_list(&scenario.tags));
    block.blocks("sources", &scenario.sources, source_block);
    // A file without questions is written as before questions existed.
    if !scenario.questions.is_empty() {
        block.blocks("questions", &scenario.questions, question_block);
    }
    block.blocks("forecasts", &scenario.forecasts, forecast_block);
    document(header, block.close())
}

/// A question's block, for a block starting at `depth` levels of indentation.
pub fn question_block(question: &Question, depth: usize) -> String {
    let mut block = Block::open("Question", depth);
    block.string("id", &question.id);
    block.string("claim", &question.claim);
    block.string("resolve_by", &question.resolve_by.to_string());
    block.optional_string("note", question.note.as_ref());
    block.field("outcome", &outcome_value(&question.outcome, depth + 1));
    block.close()
}

/// The value of a forecast's `question:` field.
pub fn on_question_value(on: &OnQuestion) -> String {
    match on {
        OnQuestion::Same(id) => format!("Same({})", ron_string(id)),
        OnQuestion::Opposite(id) => format!("Opposite({})", ron_string(id)),
    }
}

fn document(header: &str, body: String) -> String {
    let header = header.trim_end();
    if header.is_empty() {
        format!("{body}\n")
    } else {
        format!("{header}\n{body}\n")
    }
}

/// A source's block, for a block starting at `depth` levels of indentation.
pub fn source_block(source: &Source, depth: usize) -> String {
    let mut block = Block::open("Source", depth);
    block.string("id", &source.id);
    block.string("outlet", &source.outlet);
    block.string("title", &source.title);
    block.optional_string("author", source.author.as_ref());
    block.string("published", &source.published.to_string());
    block.optional_string("url", source.url.as_ref());
    block.optional_string("seed", source.seed.as_ref());
    block.close()
}

/// A forecast's block, for a block starting at `depth` levels of indentation.
pub fn forecast_block(forecast: &Forecast, depth: usize) -> String {
    let mut block = Block::open("Forecast", depth);
    block.string("id", &forecast.id);
    block.string("by", &forecast.by);
    block.string("source", &forecast.source);
    block.string("made", &forecast.made.to_string());
    block.string("quote", &forecast.quote);
    block.string("claim", &forecast.claim);
    block.optional_string("expression", forecast.expression.as_ref());
    block.optional_string("baseline", forecast.baseline.as_ref());
    if let Some(probability) = forecast.probability {
        block.field("probability", &ron_float(probability));
    }
    block.optional_string("condition", forecast.condition.as_ref());
    block.field("resolve_by", &resolve_by_value(forecast.resolve_by));
    if !forecast.tags.is_empty() {
        block.field("tags", &string_list(&forecast.tags));
    }
    if let Some(on) = &forecast.question {
        block.field("question", &on_question_value(on));
    }
    block.field("outcome", &outcome_value(&forecast.outcome, depth + 1));
    block.close()
}

fn resolve_by_value(resolve_by: ResolveBy) -> String {
    match resolve_by {
        ResolveBy::Stated(date) => format!("Stated(\"{date}\")"),
        ResolveBy::Default(date) => format!("Default(\"{date}\")"),
    }
}

/// The value of an `outcome:` field whose line is at `depth` levels of indentation.
pub fn outcome_value(outcome: &Outcome, depth: usize) -> String {
    match outcome {
        Outcome::Open => "Open".to_string(),
        Outcome::Resolved(resolution) => {
            let mut block = Block::open("Resolved", depth);
            block.field("verdict", resolution.verdict.ron_name());
            block.string("on", &resolution.on.to_string());
            block.optional_string("judge", resolution.judge.as_ref());
            block.optional_string("evidence", resolution.evidence.as_ref());
            block.optional_string("link", resolution.link.as_ref());
            block.close()
        }
    }
}

/// The canonical text of the people registry.
pub fn people_document(header: &str, people: &People) -> String {
    let mut block = Block::open("People", 0);
    block.field("format", &people.format.to_string());
    block.blocks("people", &people.people, person_block);
    document(header, block.close())
}

/// A person's block, for a block starting at `depth` levels of indentation.
pub fn person_block(person: &Person, depth: usize) -> String {
    let mut block = Block::open("Person", depth);
    block.string("id", &person.id);
    block.string("name", &person.name);
    if !person.aliases.is_empty() {
        block.field("aliases", &string_list(&person.aliases));
    }
    block.optional_string("affiliation", person.affiliation.as_ref());
    block.optional_string("note", person.note.as_ref());
    if !person.kind.is_individual() {
        block.field("kind", person.kind.ron_name());
    }
    block.close()
}

/// The canonical text of a phrase table: one phrase per line, like a table.
pub fn phrases_document(header: &str, file: &PhraseFile) -> String {
    let mut out = format!("Phrases(\n{INDENT}format: {},\n", file.format);
    if file.phrases.is_empty() {
        out.push_str(&format!("{INDENT}phrases: [],\n"));
    } else {
        out.push_str(&format!("{INDENT}phrases: [\n"));
        for phrase in &file.phrases {
            out.push_str(&format!("{INDENT}{INDENT}{},\n", phrase_line(phrase)));
        }
        out.push_str(&format!("{INDENT}],\n"));
    }
    out.push(')');
    document(header, out)
}

fn phrase_line(phrase: &Phrase) -> String {
    let range = phrase
        .range
        .map(|(low, high)| format!(" range: ({}, {}),", ron_float(low), ron_float(high)))
        .unwrap_or_default();
    format!(
        "Phrase(phrase: {}, probability: {},{range} source: {})",
        ron_string(&phrase.phrase),
        ron_float(phrase.probability),
        ron_string(&phrase.source)
    )
}

/// The comments (and attributes) before the top-level value, which canonical files keep.
pub fn header<'a>(text: &'a str, outline: &Outline) -> &'a str {
    &text[..outline.root.span.start]
}

/// Comments after the header, which re-serializing the file would drop.
pub fn body_comment(outline: &Outline) -> Option<std::ops::Range<usize>> {
    outline
        .comments
        .iter()
        .find(|comment| comment.start >= outline.root.span.start)
        .cloned()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Formatted {
    /// Already canonical: nothing to write.
    Canonical,
    /// The canonical text, which differs from the file.
    Changed(String),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatRefusal {
    #[error("has errors (run `hindsight check`); a file with errors is never rewritten")]
    HasErrors,
    #[error(
        "has a comment at line {}, column {} that formatting would drop; keep comments above the top-level `(…)` or in a text field",
        .0.line, .0.column
    )]
    CommentInBody(Position),
}

/// The canonical form of a file's text, or why it cannot be formatted safely.
pub fn canonical_text(kind: FileKind, path: &Path, text: &str) -> Result<Formatted, FormatRefusal> {
    let canonical = match kind {
        FileKind::Scenario => render::<Scenario>(path, text, scenario_document)?,
        FileKind::People => render::<People>(path, text, people_document)?,
        FileKind::Phrases => render::<PhraseFile>(path, text, phrases_document)?,
    };
    Ok(if canonical == text {
        Formatted::Canonical
    } else {
        Formatted::Changed(canonical)
    })
}

fn render<T: Document>(
    path: &Path,
    text: &str,
    document: impl Fn(&str, &T) -> String,
) -> Result<String, FormatRefusal> {
    let parsed: Parsed<T> = parse::parse(path, text).map_err(|_| FormatRefusal::HasErrors)?;
    if let Some(comment) = body_comment(&parsed.outline) {
        return Err(FormatRefusal::CommentInBody(
            parsed.position(text, comment.start),
        ));
    }
    Ok(document(header(text, &parsed.outline), &parsed.value))
}
