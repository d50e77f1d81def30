//! Problems found while loading a folder: errors and warnings that each name a file, line
//! and column, printed as `path:line:col: severity: message` like a compiler's. A message
//! may quote the data it is about, so the printed form escapes control characters.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::terminal::{escape_controls, escape_path};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: PathBuf,
    pub position: Position,
    pub message: String,
}

impl Problem {
    pub fn error(path: &Path, position: Position, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position,
            message: message.into(),
        }
    }

    pub fn warning(path: &Path, position: Position, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, position, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            escape_path(&self.path),
            self.position.line,
            self.position.column,
            self.severity,
            escape_controls(&self.message)
        )
    }
}

/// A 1-based line and column (columns count characters, as ron's own errors do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };
}

/// Orders problems as a reader scans them: by file, then line, then column.
pub fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.path, a.position, a.severity, &a.message)
            .cmp(&(&b.path, b.position, b.severity, &b.message))
    });
}
