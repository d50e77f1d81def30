//! How wide the terminal is, when the output goes to one.

use std::io::IsTerminal;

/// The width to fit tables to: the terminal's, when standard output is one (`COLUMNS`
/// wins, as shells set it); `None` when the output goes to a pipe or a file, which get
/// every cell whole.
pub fn output_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|&columns| columns >= 20);
    from_env.or_else(|| {
        terminal_size::terminal_size().map(|(terminal_size::Width(width), _)| usize::from(width))
    })
}
