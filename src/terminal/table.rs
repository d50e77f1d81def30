//! Plain-text tables for the terminal: columns padded to their widest cell, numbers
//! right-aligned, control characters in cells escaped. Cells come as text: cutting it to
//! a width is [`super::cells`]'s.

use std::borrow::Cow;

use super::escape::escape_controls;

/// A table under construction.
pub struct Table {
    header: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            right: vec![false; header.len()],
            rows: Vec::new(),
        }
    }

    /// Right-aligns the given columns (numbers).
    pub fn right_align(mut self, columns: &[usize]) -> Table {
        for &column in columns {
            self.right[column] = true;
        }
        self
    }

    /// Adds a row. Cells hold data from the files, so their control characters are
    /// escaped here, before widths are measured.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(
            row.into_iter()
                .map(|cell| match escape_controls(&cell) {
                    Cow::Borrowed(_) => cell,
                    Cow::Owned(escaped) => escaped,
                })
                .collect(),
        );
    }

    pub fn render(&self) -> String {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|c| {
                std::iter::once(&self.header[c])
                    .chain(self.rows.iter().map(|row| &row[c]))
                    .map(|cell| cell.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(self.rows.iter()) {
            let last = row.len() - 1;
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let pad = widths[c] - cell.chars().count();
                    if self.right[c] {
                        format!("{}{cell}", " ".repeat(pad))
                    } else if c == last {
                        cell.clone()
                    } else {
                        format!("{cell}{}", " ".repeat(pad))
                    }
                })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }

    /// The table, then a line counting its rows ("3 forecasts"). A table without rows is
    /// left out: a lone header says nothing the count does not.
    pub fn write_counted(&self, out: &mut dyn std::io::Write, noun: &str) -> std::io::Result<()> {
        if !self.rows.is_empty() {
            write!(out, "{}", self.render())?;
        }
        let count = self.rows.len();
        writeln!(out, "{count} {noun}{}", crate::prose::plural(count))
    }
}
