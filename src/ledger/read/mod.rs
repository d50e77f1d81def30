//! Reading a scenarios folder into a [`Ledger`](crate::ledger::model::Ledger): walk the folder
//! without trusting it (`folder`), outline and parse each file (`syntax`, `outline_de`,
//! `parse`), set aside what a merge left in dispute (`dispute`), then check what the files
//! mean (`validate`, `text_rules`). `load` runs the whole; `id_index` remembers which
//! files can hold an id so that changing one forecast reads one file. Reading never
//! writes a ledger file (the id index keeps its own cache).

pub mod dispute;
pub mod folder;
pub mod id_index;
pub mod load;
pub mod locate;
pub mod outline_de;
pub mod parse;
pub mod syntax;
pub mod text_rules;
pub mod validate;
