//! The merged file as changes to ours' text: a value replaced, a field's lines removed or
//! put between conflict markers, a field that ours lacks put in place. Everything is
//! worked out on ours' outline and made at once at the end, so one change never moves
//! another's offsets. A field ours lacks goes after the nearest field before it (in the
//! version that has it) that ours also has, so a field added on one side lands where that
//! side put it.

use std::collections::HashSet;
use std::ops::Range;

use super::outcome::MergeError;
use super::version::Version;
use crate::ledger::read::syntax::Field;
use crate::ledger::write::splice::{
    self, INDENT, Splice, comma_after, end_of_line, leading_indent,
};
use crate::ledger::{OURS_MARKER, SEPARATOR, THEIRS_MARKER};

/// Changes to ours' text, made by [`Edits::finish`].
pub(super) struct Edits<'v, 'a> {
    ours: &'v Version<'a>,
    splices: Vec<Splice>,
    /// Ours' fields whose lines are removed or put between markers: nothing needs adding
    /// to them for a field to follow.
    rewritten: HashSet<String>,
    /// Ours' fields given the comma they lacked (the last field may go without one).
    comma_added: HashSet<String>,
}

impl<'v, 'a> Edits<'v, 'a> {
    pub fn new(ours: &'v Version<'a>) -> Edits<'v, 'a> {
        Edits {
            ours,
            splices: Vec::new(),
            rewritten: HashSet::new(),
            comma_added: HashSet::new(),
        }
    }

    /// Puts `text` in place of a range of ours.
    pub fn replace(&mut self, at: Range<usize>, text: String) {
        self.splices.push(Splice::new(at, text));
    }

    /// Removes ours' field `name`: its lines when it has lines of its own, else the field
    /// and its comma.
    pub fn remove(&mut self, name: &str) -> Result<(), MergeError> {
        let field = self.ours_field(name)?;
        let at = match own_lines(self.ours, field) {
            Some(lines) => lines.range,
            None => {
                let text = self.ours.text;
                let end = comma_after(text, field.value.span.end).unwrap_or(field.value.span.end);
                let end = end + (text[end..].len() - text[end..].trim_start_matches(' ').len());
                field.name_span.start..end
            }
        };
        self.rewrite(name, at, String::new());
        Ok(())
    }

    /// Puts field `name` between conflict markers, each side's line(s) or nothing: in
    /// place of ours' lines when ours has it, else where `theirs` has it.
    pub fn mark(&mut self, name: &str, theirs: &Version) -> Result<(), MergeError> {
        let side = |version: &Version| {
            version
                .root()
                .field(name)
                .map(|field| self.field_lines(version, field))
                .unwrap_or_default()
        };
        let marked = format!(
            "{OURS_MARKER}\n{}{SEPARATOR}\n{}{THEIRS_MARKER}\n",
            side(self.ours),
            side(theirs)
        );
        match self.ours.root().field(name) {
            Some(field) => {
                let lines = own_lines(self.ours, field).ok_or(MergeError::ShapeChanged)?;
                self.rewrite(name, lines.range, marked);
                Ok(())
            }
            None => self.insert(theirs, name, marked),
        }
    }

    /// Adds field `name`, which ours lacks, as `adder` has it.
    pub fn add(&mut self, adder: &Version, name: &str) -> Result<(), MergeError> {
        let field = adder.root().field(name).ok_or(MergeError::ShapeChanged)?;
        let lines = self.field_lines(adder, field);
        self.insert(adder, name, lines)
    }

    /// Adds a field, which ours lacks, with the value `value`, on a line of its own.
    pub fn add_with_value(
        &mut self,
        adder: &Version,
        name: &str,
        value: &str,
    ) -> Result<(), MergeError> {
        let line = format!("{}{name}: {value},\n", self.indentation());
        self.insert(adder, name, line)
    }

    /// Puts `text` in place of ours' field `name` (the range it stands on), dropping the
    /// comma given to it for a field to follow: that field follows whatever replaces it.
    fn rewrite(&mut self, name: &str, at: Range<usize>, text: String) {
        self.splices.retain(|splice| {
            !(splice.at.is_empty() && at.start < splice.at.start && splice.at.start < at.end)
        });
        self.rewritten.insert(name.to_string());
        self.replace(at, text);
    }

    /// The merged text.
    pub fn finish(self) -> String {
        splice::apply(self.ours.text, self.splices)
    }

    fn ours_field(&self, name: &str) -> Result<&'v Field, MergeError> {
        self.ours.root().field(name).ok_or(MergeError::ShapeChanged)
    }

    /// The indentation of ours' fields, from the first one that starts its line.
    pub fn indentation(&self) -> &'a str {
        let ours = self.ours;
        ours.root()
            .fields()
            .iter()
            .find_map(|field| leading_indent(ours.text, &ours.lines, field.name_span.start))
            .unwrap_or(INDENT)
    }

    /// A field's line(s) as `version` has them, at ours' indentation, when they are its
    /// own and end with a comma (comments on them kept); else written afresh.
    fn field_lines(&self, version: &Version, field: &Field) -> String {
        match own_lines(version, field) {
            Some(lines) if lines.comma => format!(
                "{}{}",
                self.indentation(),
                version.text[lines.range].trim_start_matches([' ', '\t'])
            ),
            _ => format!(
                "{}{}: {},\n",
                self.indentation(),
                field.name,
                &version.text[field.value.span.clone()]
            ),
        }
    }

    /// Inserts `text` (whole lines) for field `name`, which ours lacks, after the nearest
    /// field before it in `adder` that ours has; before ours' first field when none is.
    fn insert(&mut self, adder: &Version, name: &str, text: String) -> Result<(), MergeError> {
        let ours = self.ours;
        let before: Vec<&str> = adder
            .root()
            .fields()
            .iter()
            .map(|field| field.name.as_ref())
            .take_while(|&field| field != name)
            .collect();
        let anchor = before
            .iter()
            .rev()
            .find_map(|&field| ours.root().field(field));
        let at = match anchor {
            Some(anchor) => {
                let lines = own_lines(ours, anchor).ok_or(MergeError::ShapeChanged)?;
                // The last field may lack a comma; one is needed for a field to follow.
                if !lines.comma
                    && !self.rewritten.contains(anchor.name.as_ref())
                    && self.comma_added.insert(anchor.name.to_string())
                {
                    let end = anchor.value.span.end;
                    self.replace(end..end, ",".to_string());
                }
                lines.range.end
            }
            None => {
                let first = ours
                    .root()
                    .fields()
                    .first()
                    .ok_or(MergeError::ShapeChanged)?;
                leading_indent(ours.text, &ours.lines, first.name_span.start)
                    .ok_or(MergeError::ShapeChanged)?;
                ours.lines.line_start(first.name_span.start)
            }
        };
        // Fields inserted at one place stay in the order they come in (the adder's).
        match self.splices.iter_mut().find(|splice| splice.at == (at..at)) {
            Some(splice) => splice.text.push_str(&text),
            None => self.replace(at..at, text),
        }
        Ok(())
    }
}

/// The lines a field stands on alone: from its line's start to the end of the line its
/// value ends on, with nothing else on them but its comma and a line comment.
struct OwnLines {
    range: Range<usize>,
    comma: bool,
}

fn own_lines(version: &Version, field: &Field) -> Option<OwnLines> {
    let text = version.text;
    leading_indent(text, &version.lines, field.name_span.start)?;
    let mut end = field.value.span.end;
    end += text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len();
    let comma = text[end..].starts_with(',');
    if comma {
        end += 1;
    }
    let line_end = end_of_line(text, end)?;
    Some(OwnLines {
        range: version.lines.line_start(field.name_span.start)..line_end,
        comma,
    })
}
