//! Plain-text tables for the terminal: columns padded to their widest cell, numbers
//! right-aligned, control characters in cells escaped. Piped, a table prints every cell
//! whole; on a terminal it fits the terminal's width: long text columns are cut to their
//! caps, then the least important columns are left out (and the table says which), then
//! the last column is cut further.

use std::borrow::Cow;

use super::escape::escape_controls;

/// A table under construction.
pub struct Table {
    header: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
    /// The widest a column may be on a terminal (a name, a claim), when it has a cap.
    caps: Vec<Option<usize>>,
    /// The columns left out, in this order, when the table is still too wide.
    optional: Vec<usize>,
}

/// The narrowest the last column is cut to before the table gives up fitting.
const LAST_COLUMN_AT_LEAST: usize = 16;

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            right: vec![false; header.len()],
            rows: Vec::new(),
            caps: vec![None; header.len()],
            optional: Vec::new(),
        }
    }

    /// On a terminal, cuts `column` to at most `width` characters (piped, it is whole).
    pub fn cap(mut self, column: usize, width: usize) -> Table {
        self.caps[column] = Some(width);
        self
    }

    /// The columns a narrow terminal does without, the least important first.
    pub fn optional(mut self, columns: &[usize]) -> Table {
        self.optional = columns.to_vec();
        self
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

    /// Every cell whole, as for a pipe or a file.
    pub fn render(&self) -> String {
        let all: Vec<usize> = (0..self.header.len()).collect();
        self.render_columns(&all, &self.natural_widths())
    }

    /// The table fitted to `width` characters, and the headers of the columns left out.
    pub fn render_within(&self, width: usize) -> (String, Vec<String>) {
        let natural = self.natural_widths();
        let mut widths: Vec<usize> = natural
            .iter()
            .zip(&self.caps)
            .map(|(&w, cap)| cap.map_or(w, |cap| w.min(cap.max(1))))
            .collect();
        let mut shown: Vec<usize> = (0..self.header.len()).collect();
        let total = |shown: &[usize], widths: &[usize]| {
            shown.iter().map(|&c| widths[c]).sum::<usize>() + 2 * shown.len().saturating_sub(1)
        };
        let mut dropped = Vec::new();
        for &column in &self.optional {
            if total(&shown, &widths) <= width {
                break;
            }
            shown.retain(|&c| c != column);
            dropped.push(self.header[column].clone());
        }
        if let Some(&last) = shown.last() {
            let over = total(&shown, &widths).saturating_sub(width);
            let floor = LAST_COLUMN_AT_LEAST.min(natural[last]);
            widths[last] = widths[last].saturating_sub(over).max(floor);
        }
        (self.render_columns(&shown, &widths), dropped)
    }

    /// The widest cell of each column.
    fn natural_widths(&self) -> Vec<usize> {
        (0..self.header.len())
            .map(|c| {
                std::iter::once(&self.header[c])
                    .chain(self.rows.iter().map(|row| &row[c]))
                    .map(|cell| cell.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// The `shown` columns at `widths`, a cell longer than its column cut with "…".
    fn render_columns(&self, shown: &[usize], widths: &[usize]) -> String {
        let mut out = String::new();
        let last = shown.last().copied();
        for row in std::iter::once(&self.header).chain(self.rows.iter()) {
            let cells: Vec<String> = shown
                .iter()
                .map(|&c| {
                    let cell = cut(&row[c], widths[c]);
                    let pad = widths[c].saturating_sub(cell.chars().count());
                    if self.right[c] {
                        format!("{}{cell}", " ".repeat(pad))
                    } else if Some(c) == last {
                        cell
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
            self.write(out)?;
        }
        let count = self.rows.len();
        writeln!(out, "{count} {noun}{}", crate::prose::plural(count))
    }

    /// The table: fitted to the terminal when the output is one (saying which columns it
    /// left out), whole when piped.
    pub fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        {
            match super::width::output_width() {
                Some(width) => {
                    let (text, dropped) = self.render_within(width);
                    write!(out, "{text}")?;
                    if !dropped.is_empty() {
                        writeln!(
                            out,
                            "(left out to fit {width} columns: {}; widen the terminal or pipe the output to see them)",
                            dropped.join(", ")
                        )?;
                    }
                }
                None => write!(out, "{}", self.render())?,
            }
        }
        Ok(())
    }
}

/// `cell` cut to `width` characters with "…"; a trailing small-sample mark ("*") is kept
/// after the cut, so that a long name does not lose it.
fn cut(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width {
        return super::cells::truncate(cell, width);
    }
    match cell.strip_suffix('*') {
        Some(body) => format!("{}*", super::cells::truncate(body, width.saturating_sub(1))),
        None => super::cells::truncate(cell, width),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forecasts() -> Table {
        let mut table = Table::new(&["ID", "MADE", "FORECASTER", "CLAIM"])
            .cap(2, 12)
            .optional(&[1]);
        table.push(vec![
            "bo-minister-resigns".into(),
            "2022-03-05".into(),
            "Bo Testwell of the Fixture Herald".into(),
            "The minister leaves office by 30 June 2022, as the opposition demands.".into(),
        ]);
        table
    }

    #[test]
    fn piped_every_cell_is_whole() {
        let text = forecasts().render();
        assert!(text.contains("Bo Testwell of the Fixture Herald"));
        assert!(text.contains("as the opposition demands."));
    }

    #[test]
    fn on_a_terminal_the_table_fits_caps_first_then_drops_then_cuts_the_last_column() {
        let (wide, dropped) = forecasts().render_within(200);
        assert!(dropped.is_empty());
        assert!(wide.contains("Bo Testwell…"), "{wide}");
        let (narrow, dropped) = forecasts().render_within(60);
        assert_eq!(dropped, ["MADE"]);
        assert!(
            narrow.lines().all(|line| line.chars().count() <= 60),
            "{narrow}"
        );
        assert!(narrow.contains("The minister"), "{narrow}");
        assert!(narrow.contains('…'));
    }
}
