//! Who says it: the reporting clause of a passage ("X said", "wrote X on Twitter",
//! "according to X", "X, a senior fellow at Y, tweeted"), the appositive that gives the
//! speaker's role, a pronoun or title ("he", "the minister") taken back to the speaker it
//! refers to, and a quotation continued from the passage before. No reporting clause and
//! no quotation marks is the article's own voice; "numerous analysts said" or "it is
//! claimed" is an unnamed group.
//!
//! A passage is attributed in `passage`: the reporting clause is found in `clause` (which
//! words report a view where they stand is `verbs`' to say, whose a named document is
//! `documents'`), the words around its verb read as a speaker in `subject` (names and
//! titles in `names`, unnamed groups in `group`), a view named without a verb ("in the
//! view of X") in `view`, and what earlier passages named, for a surname alone, "he" or
//! "the minister", is kept in [`Context`]. After every passage is read, `passage` carries
//! speakers over what no clause names: a speaker described and named later
//! (`described`), a list's items and a table's rows (`items`), a
//! round-up's sections under a name and role (`headings`), a transcript's labels
//! (`transcripts`), a quotation that runs over paragraphs (`quotation_runs`), an interview's answers
//! (`interview`). The words all of these read by are in `vocabulary`; `tests` tries each
//! shape on a passage of our own writing.

mod attribution;
mod clause;
mod context;
mod described;
mod documents;
mod given_names;
mod group;
mod headings;
mod interview;
mod items;
mod names;
mod opening;
mod passage;
mod quotation_runs;
mod subject;
#[cfg(test)]
mod tests;
mod transcripts;
mod verbs;
mod view;
mod vocabulary;

pub use passage::attribute_all;
