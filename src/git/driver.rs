//! The merge driver git calls for ledger files (`hindsight merge-driver %O %A %B %P`):
//! the record merge of [`super::merge`], falling back to git's own line merge.

use std::path::Path;
use std::process::Command;

use crate::git::merge::{self, Dispute};
use crate::ledger::limits::MAX_FILE_BYTES;
use crate::ledger::{FileKind, LineEndings, file_kind, outline};

/// How a driver run ended, in git's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DriverOutcome {
    /// Merged by record: clean, or with these disputes marked in the file.
    ByRecord(Vec<Dispute>),
    /// Left to git's line merge (why, and how many conflicts it left).
    LineMerge { reason: String, conflicts: i32 },
}

impl DriverOutcome {
    /// Git's contract: 0 when the result is clean, 1 when conflicts remain (never above
    /// 128, which git takes for a crash).
    pub fn exit_code(&self) -> u8 {
        let clean = match self {
            DriverOutcome::ByRecord(disputes) => disputes.is_empty(),
            DriverOutcome::LineMerge { conflicts, .. } => *conflicts == 0,
        };
        if clean { 0 } else { 1 }
    }
}

/// The kind of ledger file a repository path names, given the texts of its versions at
/// hand. The loader's rule ([`file_kind`]) makes `people.ron` and `phrases.ron` special at
/// the top of a scenarios folder only, and a path alone does not say where that top is: a
/// file of either name whose text is plainly a scenario (it has an `id`, as every scenario
/// does and neither special file may) is one, as the loader would read it in a sub-folder.
pub fn kind_of(path: &Path, texts: &[Option<&str>]) -> FileKind {
    let kind = file_kind(path.parent().unwrap_or(Path::new("")), path);
    let a_scenario =
        |text: &str| outline(text).is_ok_and(|outline| outline.root.field("id").is_some());
    if kind != FileKind::Scenario && texts.iter().flatten().any(|text| a_scenario(text)) {
        FileKind::Scenario
    } else {
        kind
    }
}

/// Runs the merge driver: merges `ours` (written in place, as git expects), `base` and
/// `theirs`, all files, for the repository path `path`.
pub fn run_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
) -> std::io::Result<DriverOutcome> {
    match merge_by_record(path.unwrap_or(ours), base, ours, theirs) {
        Ok(outcome) => Ok(outcome),
        Err(reason) => {
            let conflicts = line_merge(base, ours, theirs)?;
            Ok(DriverOutcome::LineMerge { reason, conflicts })
        }
    }
}

fn merge_by_record(
    path: &Path,
    base: &Path,
    ours: &Path,
    theirs: &Path,
) -> Result<DriverOutcome, String> {
    let read = |path: &Path| -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err("a version is larger than the file size limit".into());
        }
        String::from_utf8(bytes).map_err(|_| "a version is not UTF-8".to_string())
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let kind = kind_of(path, &[Some(&b), Some(&o), Some(&t)]);
    // A file written with `\r\n` on every line (on all three sides) is merged as `\n` and
    // gets its endings back; mixed endings are left to git's line merge.
    let crlf = [&b, &o, &t].map(|text| LineEndings::of(text) == LineEndings::CrLf);
    let crlf = match crlf {
        [true, true, true] => true,
        _ if [&b, &o, &t].iter().any(|text| text.contains('\r')) => {
            return Err("the versions mix line endings".into());
        }
        _ => false,
    };
    let endings = if crlf {
        LineEndings::CrLf
    } else {
        LineEndings::Lf
    };
    let (b, o, t) = (endings.to_lf(&b), endings.to_lf(&o), endings.to_lf(&t));
    // A bug in the record merge must not fail the user's merge: git's merge takes over.
    let merged = std::panic::catch_unwind(|| merge::merge(kind, &b, &o, &t))
        .map_err(|_| "the record merge failed".to_string())?
        .map_err(|error| error.to_string())?;
    let text = endings.restore(&merged.text);
    crate::ledger::disk::replace_file(ours, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(DriverOutcome::ByRecord(merged.disputes))
}

/// `git merge-file`: git's own line merge, written into `ours`; the number of conflicts.
fn line_merge(base: &Path, ours: &Path, theirs: &Path) -> std::io::Result<i32> {
    let status = Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()?;
    match status.code() {
        Some(code) if code >= 0 => Ok(code),
        _ => Err(std::io::Error::other("git merge-file failed")),
    }
}
