//! Where a source's seed (the saved text of the article) may be: inside the project
//! folder, even through symlinks, so that a shared ledger cannot make a reader open files
//! elsewhere. Used by the checks, the forms and the readers of seeds.

use std::path::{Component, Path, PathBuf};

/// Why a seed path cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SeedProblem {
    /// It leads outside the project folder: an error, and never read.
    Outside(String),
    /// It stays inside but names no file: only a warning, as the text may come later.
    Missing(PathBuf),
}

impl SeedProblem {
    pub(crate) fn message(&self) -> String {
        match self {
            SeedProblem::Outside(message) => message.clone(),
            SeedProblem::Missing(path) => format!("seed file not found: {}", path.display()),
        }
    }
}

/// The file a seed path names. It must stay inside the project folder, even through
/// symlinks, so that a shared ledger cannot make a reader open files elsewhere.
pub(crate) fn resolve_seed(root: &Path, seed: &str) -> Result<PathBuf, SeedProblem> {
    let relative = Path::new(seed);
    let mut depth: i32 = 0;
    let mut escapes = relative.is_absolute();
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::ParentDir => depth -= 1,
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => escapes = true,
        }
        escapes |= depth < 0;
    }
    if escapes {
        return Err(SeedProblem::Outside(format!(
            "seed path '{seed}' leaves the project folder; seed paths are relative to {}",
            root.display()
        )));
    }
    let full: PathBuf = root.join(relative);
    match full.canonicalize() {
        Ok(real) if !real.starts_with(root) => Err(SeedProblem::Outside(format!(
            "seed path '{seed}' leads outside the project folder {}",
            root.display()
        ))),
        Ok(_) => Ok(full),
        Err(_) => Err(SeedProblem::Missing(full)),
    }
}
