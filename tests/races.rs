//! The races with real processes (`sed -i`, a writer that renames, `git checkout`, two
//! Hindsight writers at once), in a binary of their own: cargo runs test binaries one after
//! another, so these run on an otherwise idle machine rather than beside two hundred other
//! tests, which is the timing they are about (a busy machine stretches the moments a writer
//! can be caught in far beyond what a user's machine shows).

mod common;

mod concurrent_writes;
