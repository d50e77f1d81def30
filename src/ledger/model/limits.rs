//! The limits the loader holds every folder to, in one place (docs/format.md lists them).
//!
//! A scenarios folder may come from a stranger's repository, so nothing in it may make a
//! load run out of memory or stack, or never finish. Each limit is far beyond what a real
//! ledger needs; what passes one is reported as a problem at its file, line and column,
//! and the rest of the folder still loads.

/// The largest file read, in bytes (64 MiB). A file of 1,000 forecasts is about 500 KiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deeply brackets (`(`, `[`, `{`) may nest in one file (128). A scenario file needs
/// five levels; deeper nesting is refused before any parser recurses into it, and ron's
/// own recursion limit is set to the same figure (it lives with the RON dialect).
pub use crate::ron_format::MAX_NESTING;

/// The most `.ron` files read from one folder; the rest are reported and left out.
pub const MAX_FILES: usize = 100_000;

/// How deeply sub-folders may nest below the scenarios folder; deeper ones are reported
/// and not read.
pub const MAX_FOLDER_DEPTH: usize = 32;

/// How many pairs of people the near-duplicate spelling check of `people.ron` compares.
/// Only people whose surnames are within one letter of each other (or whose whole names
/// fold alike) are compared at all, so a real registry stays far below this; a file made
/// to defeat that (thousands of people with one surname) gets a warning that the check
/// stopped, not a load that never ends.
pub const MAX_NAME_PAIRS: usize = 100_000;

/// How many name comparisons one load spends on "did you mean" hints for unknown
/// forecasters (each distinct unknown name costs one comparison per person); past it,
/// unknown names are still reported, without a hint.
pub const MAX_SUGGESTION_COMPARISONS: usize = 100_000;
