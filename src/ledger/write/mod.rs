//! Writing ledger files, beside reading and using it but never used by it. Every change
//! goes through one door (`door`): lock, re-read, check, splice, verify, atomic rename.
//! `canonical` says how records are written, `splice` puts a block in place of another,
//! and `edit`, `insert`, `format` and `settle` are the changes the program makes.

pub mod batch;
pub mod canonical;
pub mod door;
pub mod edit;
pub mod format;
pub mod insert;
pub mod settle;
pub mod splice;
