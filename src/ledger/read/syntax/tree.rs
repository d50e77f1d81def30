//! The outline's tree: each value with the bytes it spans, so that the rest of the reader
//! can find a field's position and an edit can find a record's bytes without parsing
//! values again.

use std::ops::Range;

use super::names::Name;

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
