//! Who says it: the reporting clause of a passage ("X said", "wrote X on Twitter",
//! "according to X", "X, a senior fellow at Y, tweeted"), the appositive that gives the
//! speaker's role, a pronoun or title ("he", "the minister") taken back to the speaker it
//! refers to, and a quotation continued from the passage before. No reporting clause and
//! no quotation marks is the article's own voice; "numerous analysts said" or "it is
//! claimed" is an unnamed group.
//!
//! A passage is attributed in `passage`: the reporting clause is found in `clause`,
//! the words around its verb read as a speaker in `subject` (names and titles in `names`,
//! unnamed groups in `group`), and what earlier passages named, for a surname alone, "he"
//! or "the minister", is kept in [`Context`]. The words all of these read by are in
//! `vocabulary`.

mod attribution;
mod clause;
mod context;
mod group;
mod interview;
mod names;
mod passage;
mod quotation_runs;
mod subject;
mod vocabulary;

pub use passage::attribute_all;
