//! What a clone's git config says that Hindsight asks for outside a merge: the user's
//! name, the default judge of a verdict. Read through [`super::run`], never interactive.

use std::path::Path;

use super::run::git_run;

/// `user.name` as git reads it for the repository holding `dir`; `None` when it is not
/// set, is empty or is not UTF-8, or git cannot be run.
pub fn user_name(dir: &Path) -> Option<String> {
    let output = git_run(dir, &["config", "user.name"]).ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}
