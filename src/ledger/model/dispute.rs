//! What a merge leaves in dispute: the markers around the two versions of a record, which
//! side each version is, and a disputed record as the loader reports it for a reader to
//! settle.

use std::path::PathBuf;

use super::problem::Position;

/// The markers git writes around a conflict (with its default marker size).
pub const OURS_MARKER: &str = "<<<<<<< ours";
pub const SEPARATOR: &str = "=======";
pub const THEIRS_MARKER: &str = ">>>>>>> theirs";

/// One of the three versions git hands a merge driver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Base,
    Ours,
    Theirs,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Base => "common ancestor's",
            Side::Ours => "current branch's",
            Side::Theirs => "other branch's",
        })
    }
}

/// A record in dispute, with both versions, for a reader to choose between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisputedRecord {
    pub path: PathBuf,
    /// Its id (a phrase's text, which is how phrases are told apart).
    pub id: String,
    /// Where its conflict markers start.
    pub position: Position,
    /// Each side's text of the record, empty for a side that deleted it.
    pub ours: String,
    pub theirs: String,
}
