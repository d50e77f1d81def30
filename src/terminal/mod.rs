//! What the command line shows on a terminal, short of printing it. Data never drives the
//! terminal: text from a scenario folder is shown with its control characters made
//! visible ([`escape_controls`]; why, in `escape`), in tables too ([`Table`]), whose cells
//! are numbers and text cut to fit ([`number`], [`truncate`]). The callers write what
//! these return.

mod cells;
mod escape;
mod table;
mod width;

pub use cells::{interval, number, short_probability, truncate};
pub use escape::{
    escape_controls, escape_controls_keep_lines, escape_path, is_bidi_control, is_unprintable,
};
pub use table::Table;
