//! A tolerant outline of a RON file: where each struct, field and list item starts and ends.
//!
//! serde tells us *what* a file says but not *where*; this outline supplies the where, so
//! that a problem can name its line and column, one broken forecast can be parsed apart
//! from the others, and an edit can replace exactly one forecast's bytes. It understands
//! only RON's structure (brackets, strings, comments); values are checked by serde.

use std::borrow::Cow;
use std::ops::Range;

use crate::ledger::model::MAX_NESTING;
pub use crate::ledger::model::Position;

/// Maps byte offsets to lines and columns, and back.
///
/// Columns count characters, so a position deep into a long line would count every
/// character from the line's start on every lookup: a whole file on one line, with one
/// problem per forecast, would take time quadratic in its length. Texts with long lines
/// keep a checkpoint every 4 KiB (`CHECKPOINT_BYTES`) with the characters before it, so a
/// lookup counts at most that many.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, characters before it), from the text's start; empty when every line
    /// is short enough to count directly.
    checkpoints: Vec<(usize, usize)>,
}

/// How far apart the character-count checkpoints of a long-lined text are, in bytes.
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let longest_line = line_starts
            .windows(2)
            .map(|pair| pair[1] - pair[0])
            .chain(std::iter::once(
                text.len() - line_starts[line_starts.len() - 1],
            ))
            .max()
            .unwrap_or(0);
        let mut checkpoints = Vec::new();
        if longest_line > CHECKPOINT_BYTES {
            let (mut byte, mut chars) = (0, 0);
            while byte < text.len() {
                checkpoints.push((byte, chars));
                // Past the end, this is the end: each step moves on.
                let next = text.floor_char_boundary(byte + CHECKPOINT_BYTES);
                chars += text[byte..next].chars().count();
                byte = next;
            }
            checkpoints.push((text.len(), chars));
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = if offset - start <= CHECKPOINT_BYTES || self.checkpoints.is_empty() {
            text[start..offset].chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The byte offset of a position: the inverse of [`LineIndex::position`]. A column past
    /// the end of its line gives the line's end.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position
            .line
            .saturating_sub(1)
            .min(self.line_starts.len() - 1);
        let start = self.line_starts[line].min(text.len());
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let wanted = position.column.saturating_sub(1);
        let (from, skip) = if wanted <= CHECKPOINT_BYTES || self.checkpoints.is_empty() {
            (start, wanted)
        } else {
            let target = self.chars_before(text, start) + wanted;
            let after = self
                .checkpoints
                .partition_point(|&(_, chars)| chars <= target);
            let (byte, chars) = self.checkpoints[after.saturating_sub(1)];
            if byte < start {
                (start, wanted)
            } else {
                (byte.min(end), target - chars)
            }
        };
        text[from..end]
            .char_indices()
            .nth(skip)
            .map_or(end, |(i, _)| from + i)
    }

    /// How many characters come before `offset` (a character boundary), from the last
    /// checkpoint at or before it.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let after = self
            .checkpoints
            .partition_point(|&(byte, _)| byte <= offset);
        let (byte, chars) = self.checkpoints[after.saturating_sub(1)];
        chars + text[byte..offset].chars().count()
    }

    /// Byte offset of the start of the line holding `offset`.
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        self.line_starts[line]
    }
}

/// A field or struct name in the outline. The names of the ledger's own format are shared,
/// not allocated: an outline of 100,000 forecasts has millions of them.
pub type Name = Cow<'static, str>;

/// The names the ledger's files use, shared by every outline.
const KNOWN_NAMES: &[&str] = &[
    "Scenario",
    "People",
    "Phrases",
    "Source",
    "Forecast",
    "Person",
    "Phrase",
    "Resolved",
    "Open",
    "Stated",
    "Default",
    "True",
    "False",
    "Partly",
    "Ambiguous",
    "Annulled",
    "format",
    "id",
    "title",
    "summary",
    "tags",
    "sources",
    "forecasts",
    "outlet",
    "author",
    "published",
    "url",
    "seed",
    "by",
    "source",
    "made",
    "quote",
    "claim",
    "expression",
    "baseline",
    "probability",
    "condition",
    "resolve_by",
    "outcome",
    "verdict",
    "on",
    "judge",
    "evidence",
    "link",
    "people",
    "name",
    "aliases",
    "affiliation",
    "note",
    "phrases",
    "phrase",
    "range",
];

/// `name` as a [`Name`]: shared when the format knows it.
fn interned(name: &str) -> Name {
    // Only names of the same length are compared: most fields are matched in one or two
    // comparisons rather than a walk through the whole list.
    static BY_LENGTH: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let longest = KNOWN_NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
            let mut by_length = vec![Vec::new(); longest + 1];
            for name in KNOWN_NAMES {
                by_length[name.len()].push(*name);
            }
            by_length
        });
    let same_length = BY_LENGTH.get(name.len()).map_or(&[][..], Vec::as_slice);
    match same_length.iter().find(|known| **known == name) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(name.to_string()),
    }
}

/// One value in the outline, with the bytes it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// `Name(field: value, …)`.
    Struct {
        name: Option<Name>,
        fields: Vec<Field>,
    },
    /// `Name(value, …)` or `(value, …)`: a tuple, newtype or enum variant.
    Tuple {
        name: Option<Name>,
        items: Vec<Node>,
    },
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// A string, number, character or bare identifier.
    Atom,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Name,
    pub name_span: Range<usize>,
    pub value: Node,
}

impl Node {
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Struct { name, .. } | NodeKind::Tuple { name, .. } => name.as_deref(),
            _ => None,
        }
    }

    pub fn fields(&self) -> &[Field] {
        match &self.kind {
            NodeKind::Struct { fields, .. } => fields,
            _ => &[],
        }
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields().iter().find(|field| field.name == name)
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::List(items) | NodeKind::Tuple { items, .. } => items,
            _ => &[],
        }
    }

    /// The value of a string atom, unescaped.
    pub fn string_value(&self, text: &str) -> Option<String> {
        let source = text.get(self.span.clone())?;
        if !matches!(self.kind, NodeKind::Atom) {
            return None;
        }
        ron::from_str::<String>(source).ok()
    }

    /// The value of an unsigned integer atom.
    pub fn integer_value(&self, text: &str) -> Option<u64> {
        text.get(self.span.clone())?.trim().parse().ok()
    }
}

/// Why a file could not be outlined (unbalanced brackets, an unterminated string…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// The outline of a whole document: its one top-level value and where its comments are.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub root: Node,
    pub comments: Vec<Range<usize>>,
}

impl Outline {
    /// Whether any comment lies inside `span` (an edit that re-serializes it would drop them).
    pub fn has_comments_in(&self, span: &Range<usize>) -> bool {
        self.comments
            .iter()
            .any(|comment| comment.start >= span.start && comment.end <= span.end)
    }
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
        self.skip_trivia()?;
        match self.peek() {
            Some(',') => {
                self.pos += 1;
                Ok(())
            }
            Some(c) if c == close => Ok(()),
            None => Err(self.error(&format!("expected '{close}', found the end of the file"))),
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
        if self.rest().starts_with('\\') {
            self.pos += 1;
        }
        match self.rest().char_indices().nth(1) {
            Some((offset, _)) => self.pos += offset,
            None => self.pos = self.text.len(),
        }
        match self.rest().find('\'') {
            Some(end) if end <= 8 => {
                self.pos += end + 1;
                Ok(Node {
                    span: start..self.pos,
                    kind: NodeKind::Atom,
                })
            }
            _ => {
                self.pos = open;
                Err(self.error("unterminated character literal"))
            }
        }
    }
}

/// The name a raw identifier (`r#sources`) stands for, as serde sees it: the outline must
/// name fields as serde does, or an edit could find another field than the one parsed.
fn unraw(name: Name) -> Name {
    match name.strip_prefix("r#") {
        Some(plain) => interned(plain),
        None => name,
    }
}

/// RON's tokens read from bytes, for the outline and for the scans that look through a
/// file without outlining it (the id scan, the conflict-marker scan): each says where a
/// token opened at `at` ends (`None`: it never closes).
pub(crate) mod tokens {
    /// A block comment (`/*`): after its `*/`; comments nest, as in ron.
    pub fn block_comment_end(bytes: &[u8], mut at: usize) -> Option<usize> {
        let mut depth = 0usize;
        while at < bytes.len() {
            if bytes[at..].starts_with(b"/*") {
                depth += 1;
                at += 2;
            } else if bytes[at..].starts_with(b"*/") {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return Some(at);
                }
            } else {
                at += 1;
            }
        }
        None
    }

    /// A `"…"` string: after its closing quote (a `\` escapes the byte after it).
    pub fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
        let mut from = at + 1;
        while let Some(found) = memchr::memchr2(b'"', b'\\', bytes.get(from..)?) {
            if bytes[from + found] == b'"' {
                return Some(from + found + 1);
            }
            from += found + 2;
        }
        None
    }

    /// A raw string (`r"…"`, `r#"…"#`, `br"…"`…) opened at `at`.
    pub struct RawString {
        /// Its text, between the quotes (to the end of the bytes when it never closes).
        pub text: std::ops::Range<usize>,
        /// After its closing quote and hashes, if it closes.
        pub end: Option<usize>,
    }

    /// The raw string opened at `at`; `None` when `at` opens none (an `r` that starts a
    /// name).
    pub fn raw_string(bytes: &[u8], at: usize) -> Option<RawString> {
        let rest = &bytes[at..];
        let after_r = rest.strip_prefix(b"b").unwrap_or(rest).strip_prefix(b"r")?;
        let hashes = after_r.iter().take_while(|&&b| b == b'#').count();
        if after_r.get(hashes) != Some(&b'"') {
            return None;
        }
        let start = bytes.len() - after_r.len() + hashes + 1;
        let closing = [&b"\""[..], &after_r[..hashes]].concat();
        Some(match memchr::memmem::find(&bytes[start..], &closing) {
            Some(length) => RawString {
                text: start..start + length,
                end: Some(start + length + closing.len()),
            },
            None => RawString {
                text: start..bytes.len(),
                end: None,
            },
        })
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
    fn columns_count_characters_not_bytes() {
        let text = "«é» x";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find('x').unwrap()).column, 5);
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

    /// Positions by counting every character from the text's start: slow and obviously right.
    fn counted(text: &str, offset: usize) -> Position {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    #[test]
    fn positions_in_long_lines_match_counting_and_map_back() {
        // Long lines of mixed-width characters, around the checkpoint spacing.
        let line = "aé«€😀 ".repeat(3000);
        let text = format!("{line}\nshort\n{line}{line}");
        let index = LineIndex::new(&text);
        let offsets = text
            .char_indices()
            .map(|(i, _)| i)
            .step_by(997)
            .chain([0, text.len()]);
        for offset in offsets {
            let position = index.position(&text, offset);
            assert_eq!(position, counted(&text, offset), "at byte {offset}");
            assert_eq!(
                index.offset(&text, position),
                offset,
                "back from {position:?}"
            );
        }
        let first_line_end = line.len();
        let past_the_end = Position {
            line: 1,
            column: 1_000_000,
        };
        assert_eq!(index.offset(&text, past_the_end), first_line_end);
    }
}
