//! The limits that keep a folder from a stranger's repository from exhausting memory or
//! time. Each is generous for real ledgers and documented in docs/format.md.

/// The largest file Hindsight reads or rewrites: 64 MiB (the 100,000-forecast demo ledger
/// is 60 MB in 100 files).
pub const MAX_FILE_SIZE: u64 = 64 << 20;
