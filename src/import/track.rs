//! A track record as read from another platform's file, before it is a ledger's: the
//! platform's questions with their resolutions and the forecasts on them, exactly as the
//! file gives them, and what the reader skipped and why. Each platform's reader
//! (`fatebook.rs`, `predictionbook.rs`, `metaculus.rs`, `spreadsheet.rs`) makes one;
//! `plan.rs` turns it into ledger records.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

/// The platforms a track record can come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    Fatebook,
    PredictionBook,
    Metaculus,
    /// A spreadsheet whose columns the user names (`--from csv --columns …`).
    Spreadsheet,
}

impl Platform {
    /// The platform's name, as sources and messages show it.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Fatebook => "Fatebook",
            Platform::PredictionBook => "PredictionBook",
            Platform::Metaculus => "Metaculus",
            Platform::Spreadsheet => "spreadsheet",
        }
    }

    /// The prefix of the ids Hindsight gives the records it imports from the platform.
    pub fn id_prefix(self) -> &'static str {
        match self {
            Platform::Fatebook => "fatebook",
            Platform::PredictionBook => "pb",
            Platform::Metaculus => "metaculus",
            Platform::Spreadsheet => "sheet",
        }
    }
}

/// How a platform question was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlatformResolution {
    Yes,
    No,
    Ambiguous,
    Annulled,
}

/// One forecast as the platform recorded it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformForecast {
    /// The forecaster as the platform names them (a display name or username).
    pub by: String,
    /// When it was made (UTC).
    pub at: NaiveDateTime,
    /// On the 0–1 scale, whatever the platform's (a percentage divided by 100).
    pub probability: f64,
    /// Where in the file it came from (`line 12`), for messages.
    pub origin: String,
}

/// One binary question (a multiple-choice option counts as one, as Fatebook scores it).
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformQuestion {
    /// What identifies the question on the platform, stable from one export to the next
    /// (Metaculus: post and question id; Fatebook, which exports no id: title, creation
    /// time and option). Hindsight's ids are made from it, so a second import of the same
    /// file adds nothing.
    pub key: String,
    /// The question's text (with the option, for a multiple-choice option).
    pub title: String,
    pub created: NaiveDateTime,
    pub resolve_by: Option<NaiveDate>,
    /// The resolution and the day it was given.
    pub resolution: Option<(PlatformResolution, NaiveDate)>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// The platform's notes on the question (Fatebook's "Question notes").
    pub notes: Option<String>,
    pub forecasts: Vec<PlatformForecast>,
}

/// Rows or questions a reader could not map faithfully, with how many and why: never a
/// silent drop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub count: usize,
    /// Why ("numeric question: no binary probability", "hidden forecast").
    pub why: String,
}

/// Everything read from one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Track {
    pub platform: Platform,
    pub questions: Vec<PlatformQuestion>,
    pub skipped: Vec<Skipped>,
    /// Each row is a forecast with its own claim and outcome, not an answer to a shared
    /// question (a spreadsheet without a question column).
    pub standalone: bool,
    /// What a spreadsheet gives beyond a number, by (question, forecast) index: the words
    /// said, a quote, the forecast's own claim. Platforms give none of these.
    pub words: HashMap<(usize, usize), Words>,
}

/// A spreadsheet row's own words.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    /// The hedge words as said, for the phrase table.
    pub expression: Option<String>,
    pub quote: Option<String>,
    pub claim: String,
    /// Whether the row gave a number ([`PlatformForecast::probability`] is NaN otherwise).
    pub probability_given: bool,
}

impl Track {
    pub fn new(platform: Platform) -> Track {
        Track {
            platform,
            questions: Vec::new(),
            skipped: Vec::new(),
            standalone: false,
            words: HashMap::new(),
        }
    }

    /// Counts one more skipped row or question for `why`.
    pub fn skip(&mut self, why: &str) {
        match self.skipped.iter_mut().find(|s| s.why == why) {
            Some(skipped) => skipped.count += 1,
            None => self.skipped.push(Skipped {
                count: 1,
                why: why.to_string(),
            }),
        }
    }
}

/// A file that cannot be read as the platform's: where, and what is wrong. Nothing of the
/// file is imported then.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ReadError {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    /// 1-based column of the cell (the CSV column's number), or 1.
    pub column: usize,
    pub message: String,
}
