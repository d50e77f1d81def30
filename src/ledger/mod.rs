//! The ledger: a folder of scenario files, the people registry and the phrase table, loaded
//! into memory with every problem found on the way, and written back one record at a time.
//!
//! The folder tree is the data flow:
//!
//! - [`model`]: what the files hold and the ledger as loaded (scenarios, forecasts,
//!   outcomes, people, problems, limits, which file is which). Uses nothing above it.
//! - `read`: the folder walked without trusting it, each file outlined and parsed, disputes
//!   set aside, the meaning checked; [`load`] runs it all. Uses `model`.
//! - `write`: one door through which every change passes (lock, re-read, check, splice,
//!   verify, atomic rename): [`Door`], with a method for each change the program makes
//!   (edit a forecast, insert or delete a record, create a file, reformat, settle a
//!   dispute). Uses `read` and `model`; never used by them.
//! - `disk`: the file system under both: locks, atomic replacement that never overwrites a
//!   version it has not seen, temporaries.
//!
//! Nothing here draws or prints. The forms' rules (`crate::draft`), commit wording and the
//! merge (`crate::git`) are consumers and live outside.

pub(crate) mod disk;
pub mod model;
pub(crate) mod read;
pub(crate) mod write;

pub use model::*;
pub use read::dispute::has_dispute;
pub(crate) use read::folder::read_bytes;
pub use read::folder::{FolderFiles, LoadError, ron_files};
pub use read::load::{LoadProgress, load, load_holding, load_with_progress};
pub use read::parse::{
    Document, decode_utf8, into_text, parse, ron_options, without_byte_order_mark,
};
pub use read::syntax::outline;
pub use read::text_rules::is_web_link;
pub(crate) use read::validate::{SeedProblem, resolve_seed};
pub use write::batch::Additions;
pub use write::canonical::{FormatRefusal, Formatted, canonical_text};
pub use write::canonical::{people_document, phrases_document, scenario_document};
pub use write::door::{Door, EditError, create_unchecked};
pub use write::edit::{Change, QuestionOver, QuestionWritten, Written, verdict_facets};
pub use write::insert::{Deleted, Inserted};

/// The scenarios folder the command line and the app read when none is given.
pub const DEFAULT_FOLDER: &str = "scenarios";
