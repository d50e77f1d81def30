//! A tolerant outline of a RON file: where each struct, field and list item starts and ends.
//!
//! serde tells us *what* a file says but not *where*; this outline supplies the where, so
//! that a problem can name its line and column, one broken forecast can be parsed apart
//! from the others, and an edit can replace exactly one forecast's bytes. It understands
//! only RON's structure (brackets, strings, comments); values are checked by serde.
//!
//! The parts: `tokens` (where a string or comment ends, shared with the scans that do not
//! outline), `names` (field names shared rather than allocated), `tree` (the outline's
//! nodes), `outliner` (text to tree) and `lines` (byte offsets to lines and columns).

mod lines;
mod names;
mod outliner;
pub(crate) mod tokens;
mod tree;

pub use crate::ledger::model::Position;
pub use lines::LineIndex;
pub use outliner::outline;
pub use tree::{Field, Node, NodeKind, Outline};
