//! Builds the outline of a RON document from its text: a recursive reader of brackets,
//! strings and comments that records spans and comments, refuses nesting past the limit,
//! and leaves values to serde.

use std::ops::Range;

use crate::ledger::model::MAX_NESTING;

use super::names::{Name, interned, unraw};
use super::tokens;
use super::tree::{Field, Node, NodeKind, Outline};

/// Why a file could not be outlined (unbalanced brackets, an unterminated string…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// Outlines the single top-level value of a RON document.
pub fn outline(text: &str) -> Result<Outline, SyntaxError> {
    let mut parser = Parser {
        text,
        pos: 0,
        depth: 0,
        comments: Vec::new(),
    };
    parser.skip_trivia()?;
    parser.skip_attributes()?;
    let root = parser.value()?;
    parser.skip_trivia()?;
    if parser.pos < text.len() {
        return Err(parser.error("unexpected text after the end of the value"));
    }
    Ok(Outline {
        root,
        comments: parser.comments,
    })
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// How many brackets are open: the parser recurses once per level, so deeper files
    /// than [`MAX_NESTING`] are refused before they can exhaust the stack.
    depth: usize,
    comments: Vec<Range<usize>>,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message: message.to_string(),
        }
    }

    /// Enters a bracket at the current position, or refuses to go deeper than the limit.
    fn open_bracket(&mut self) -> Result<(), SyntaxError> {
        if self.depth == MAX_NESTING {
            return Err(self.error(&format!(
                "brackets nested more than {MAX_NESTING} levels deep; Hindsight files need only a few"
            )));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    fn close_bracket(&mut self) {
        self.depth -= 1;
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips whitespace and comments (block comments nest, as in ron).
    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        loop {
            let text = self.text;
            let rest = &text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                let start = self.pos;
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
                self.comments.push(start..self.pos);
            } else if trimmed.starts_with("/*") {
                let start = self.pos;
                let Some(end) = tokens::block_comment_end(self.text.as_bytes(), start) else {
                    return Err(self.error("unclosed block comment"));
                };
                self.pos = end;
                self.comments.push(start..self.pos);
            } else {
                return Ok(());
            }
        }
    }

    fn skip_attributes(&mut self) -> Result<(), SyntaxError> {
        while self.rest().starts_with("#!") {
            let start = self.pos;
            match self.rest().find(']') {
                Some(end) => self.pos += end + 1,
                None => {
                    self.pos = start;
                    return Err(self.error("unclosed attribute"));
                }
            }
            self.skip_trivia()?;
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        match self.peek() {
            None => Err(self.error("expected a value, found the end of the file")),
            Some('[') => {
                self.open_bracket()?;
                let items = self.sequence(']')?;
                self.close_bracket();
                Ok(Node {
                    span: start..self.pos,
                    kind: NodeKind::List(items),
                })
            }
            Some('{') => {
                self.open_bracket()?;
                let entries = self.map()?;
                self.close_bracket();
                Ok(Node {
                    span: start..self.pos,
                    kind: NodeKind::Map(entries),
                })
            }
            Some('(') => self.parenthesized(start, None),
            Some('"') => self.string(start),
            Some('\'') => self.char_literal(start),
            Some(c) if c == 'r' && self.is_raw_string_start(1) => self.raw_string(start),
            Some(c) if c == 'b' && self.rest()[1..].starts_with('"') => {
                self.pos += 1;
                self.string(start)
            }
            Some(c)
                if c == 'b' && self.rest()[1..].starts_with('r') && self.is_raw_string_start(2) =>
            {
                self.raw_string(start)
            }
            Some(c) if is_identifier_start(c) => {
                let name = self.identifier();
                let end = self.pos;
                self.skip_trivia()?;
                if self.peek() == Some('(') {
                    self.parenthesized(start, Some(unraw(name)))
                } else {
                    Ok(Node {
                        span: start..end,
                        kind: NodeKind::Atom,
                    })
                }
            }
            Some(c) if c.is_ascii_digit() || matches!(c, '-' | '+' | '.') => {
                let len = self
                    .rest()
                    .find(|c: char| {
                        !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.' | '_'))
                    })
                    .unwrap_or(self.rest().len());
                self.pos += len;
                Ok(Node {
                    span: start..self.pos,
                    kind: NodeKind::Atom,
                })
            }
            Some(c) => Err(self.error(&format!("unexpected character {c:?}"))),
        }
    }

    fn is_raw_string_start(&self, skip: usize) -> bool {
        self.rest()[skip..].trim_start_matches('#').starts_with('"')
    }

    fn identifier(&mut self) -> Name {
        let len = self
            .rest()
            .find(|c: char| !is_identifier_continue(c))
            .unwrap_or(self.rest().len());
        let name = interned(&self.rest()[..len]);
        self.pos += len;
        name
    }

    /// `( … )`, after an optional name: a struct if its first entry is `identifier:`.
    fn parenthesized(&mut self, start: usize, name: Option<Name>) -> Result<Node, SyntaxError> {
        self.open_bracket()?;
        self.skip_trivia()?;
        let kind = if self.starts_with_field() {
            let fields = self.fields()?;
            NodeKind::Struct { name, fields }
        } else {
            let items = self.sequence(')')?;
            NodeKind::Tuple { name, items }
        };
        self.close_bracket();
        Ok(Node {
            span: start..self.pos,
            kind,
        })
    }

    fn starts_with_field(&self) -> bool {
        let rest = self.rest();
        let Some(first) = rest.chars().next() else {
            return false;
        };
        if !is_identifier_start(first) {
            return false;
        }
        let len = rest
            .find(|c: char| !is_identifier_continue(c))
            .unwrap_or(rest.len());
        let mut probe = Parser {
            text: self.text,
            pos: self.pos + len,
            depth: self.depth,
            comments: Vec::new(),
        };
        probe.skip_trivia().is_ok() && probe.peek() == Some(':')
    }

    fn fields(&mut self) -> Result<Vec<Field>, SyntaxError> {
        let mut fields = Vec::new();
        loop {
            self.skip_trivia()?;
            match self.peek() {
                Some(')') => {
                    self.pos += 1;
                    return Ok(fields);
                }
                Some(c) if is_identifier_start(c) => {
                    let name_start = self.pos;
                    let name = unraw(self.identifier());
                    let name_span = name_start..self.pos;
                    self.skip_trivia()?;
                    if self.peek() != Some(':') {
                        return Err(self.error("expected ':' after a field name"));
                    }
                    self.pos += 1;
                    self.skip_trivia()?;
                    let value = self.value()?;
                    fields.push(Field {
                        name,
                        name_span,
                        value,
                    });
                    self.separator(')')?;
                }
                None => return Err(self.error("expected ')', found the end of the file")),
                Some(c) => return Err(self.error(&format!("expected a field name, found {c:?}"))),
            }
        }
    }

    fn sequence(&mut self, close: char) -> Result<Vec<Node>, SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(items);
            }
            if self.peek().is_none() {
                return Err(self.error(&format!("expected '{close}', found the end of the file")));
            }
            items.push(self.value()?);
            self.separator(close)?;
        }
    }

    fn map(&mut self) -> Result<Vec<(Node, Node)>, SyntaxError> {
        let mut entries = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some('}') {
                self.pos += 1;
                return Ok(entries);
            }
            let key = self.value()?;
            self.skip_trivia()?;
            if self.peek() != Some(':') {
                return Err(self.error("expected ':' after a map key"));
            }
            self.pos += 1;
            self.skip_trivia()?;
            let value = self.value()?;
            entries.push((key, value));
            self.separator('}')?;
        }
    }

    /// After an entry: a comma, or the closing bracket (left for the caller).
    fn separator(&mut self, close: char) -> Result<(), SyntaxError> {
        let value_end = self.pos;
        self.skip_trivia()?;
        match self.peek() {
            Some(',') => {
                self.pos += 1;
                Ok(())
            }
            Some(c) if c == close => Ok(()),
            None => Err(self.error(&format!("expected '{close}', found the end of the file"))),
            // The usual cause is a comma forgotten at the end of a line: point there, at the
            // end of the value that lacks it, not at the start of the next line.
            Some(c) if self.text[value_end..self.pos].contains('\n') => Err(SyntaxError {
                offset: value_end,
                message: format!("missing ',' after this value (the next line begins with {c:?})"),
            }),
            Some(c) => Err(self.error(&format!("expected ',' or '{close}', found {c:?}"))),
        }
    }

    fn string(&mut self, start: usize) -> Result<Node, SyntaxError> {
        let open = self.pos;
        self.pos += 1; // "
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            match bytes[self.pos] {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Ok(Node {
                        span: start..self.pos,
                        kind: NodeKind::Atom,
                    });
                }
                _ => self.pos += 1,
            }
        }
        self.pos = open;
        Err(self.error("unterminated string"))
    }

    fn raw_string(&mut self, start: usize) -> Result<Node, SyntaxError> {
        match tokens::raw_string(self.text.as_bytes(), start).and_then(|raw| raw.end) {
            Some(end) => {
                self.pos = end;
                Ok(Node {
                    span: start..self.pos,
                    kind: NodeKind::Atom,
                })
            }
            None => Err(self.error("unterminated raw string")),
        }
    }

    fn char_literal(&mut self, start: usize) -> Result<Node, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let escaped = self.rest().starts_with('\\');
        if escaped {
            self.pos += 1;
        }
        match self.rest().char_indices().nth(1) {
            Some((offset, _)) => self.pos += offset,
            None => self.pos = self.text.len(),
        }
        // One character, or an escape ('\n', '\u{1F600}'); more is a string in the wrong
        // quotes.
        match self.rest().find('\'') {
            Some(end) if end == 0 || (escaped && end <= 8) => {
                self.pos += end + 1;
                Ok(Node {
                    span: start..self.pos,
                    kind: NodeKind::Atom,
                })
            }
            _ => {
                self.pos = open;
                // RON reads 'x' as one character, so 'most likely' fails as an unclosed one;
                // what was meant is a string, and strings take double quotes.
                let line = self.rest().lines().next().unwrap_or_default();
                let quoted = line[1..]
                    .find('\'')
                    .map(|end| &line[1..=end])
                    .filter(|inner| !inner.contains('"'));
                Err(self.error(&match quoted {
                    Some(inner) => format!(
                        "text in single quotes: strings take double quotes (\"{inner}\", not '{inner}')"
                    ),
                    None => "a single quote: strings take double quotes (\"like this\")".to_string(),
                }))
            }
        }
    }
}

fn is_identifier_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_identifier_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '#'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::model::Position;
    use crate::ledger::read::syntax::LineIndex;

    #[test]
    fn outlines_fields_and_items_with_their_spans() {
        let text = "// header\nScenario(\n  id: \"a\\\"b\",\n  forecasts: [\n    Forecast(id: \"x\", outcome: Open),\n    Forecast(id: \"y\", at: (1, 2)),\n  ],\n)\n";
        let top = outline(text).unwrap().root;
        assert_eq!(top.name(), Some("Scenario"));
        assert_eq!(
            top.field("id").unwrap().value.string_value(text).unwrap(),
            "a\"b"
        );
        let items = top.field("forecasts").unwrap().value.items();
        assert_eq!(items.len(), 2);
        assert_eq!(
            &text[items[0].span.clone()],
            "Forecast(id: \"x\", outcome: Open)"
        );
        assert_eq!(
            items[1]
                .field("id")
                .unwrap()
                .value
                .string_value(text)
                .unwrap(),
            "y"
        );
        assert_eq!(outline(text).unwrap().comments, vec![0..9]);
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, items[1].span.start),
            Position { line: 6, column: 5 }
        );
    }

    #[test]
    fn reports_where_the_structure_breaks() {
        let text = "Scenario(\n  id: \"unterminated,\n)";
        let error = outline(text).unwrap_err();
        assert_eq!(error.message, "unterminated string");
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, error.offset),
            Position { line: 2, column: 7 }
        );
        for (text, message, at) in [
            ("(a: r\"x\", b: br\"y)", "unterminated raw string", 13),
            ("(a: r##\"x\"#)", "unterminated raw string", 4),
            ("(a: 1 /* /* */)", "unclosed block comment", 6),
        ] {
            let error = outline(text).unwrap_err();
            assert_eq!(
                (error.message.as_str(), error.offset),
                (message, at),
                "{text}"
            );
        }
        let raw = outline("(a: r#\"x\"#, b: br\"y\")").unwrap();
        assert_eq!(raw.root.fields()[0].value.span, 4..10);
        assert_eq!(raw.root.fields()[1].value.span, 15..20);
    }

    #[test]
    fn raw_identifiers_name_the_field_serde_reads() {
        // Found by the `load` fuzz target: `r#sources` is ron's raw spelling of `sources`.
        let text = "Scenario(r#sources: [1], id: r#x)";
        let root = outline(text).unwrap().root;
        assert_eq!(root.field("sources").unwrap().value.items().len(), 1);
        assert_eq!(&text[root.field("id").unwrap().value.span.clone()], "r#x");
    }

    #[test]
    fn nesting_past_the_limit_is_refused_at_the_bracket_that_passes_it() {
        for open in ['[', '(', '{'] {
            let text = open.to_string().repeat(100_000);
            let error = outline(&text).unwrap_err();
            assert!(
                error.message.contains("nested more than 128 levels"),
                "{open}: {}",
                error.message
            );
            assert_eq!(error.offset, MAX_NESTING, "{open}");
        }
        let deep_enough = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(outline(&deep_enough).is_ok());
    }
}
