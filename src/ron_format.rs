//! The RON dialect of every Hindsight file, shared by the ledger's parser and the built-in
//! phrase table. It sits apart from both so that the phrase table needs nothing from the
//! ledger: the ledger depends on the phrase table, never the other way round.

/// ron's options for every Hindsight file: optional fields may be written bare
/// (`author: "…"` rather than `author: Some("…")`), and nesting is bounded.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// How deeply brackets (`(`, `[`, `{`) may nest in one file. A scenario file needs five
/// levels; the ledger's outline refuses deeper nesting before any parser recurses into
/// it, and ron's own recursion limit is the same figure (see `ledger::limits`).
pub const MAX_NESTING: usize = 128;
