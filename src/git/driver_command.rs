//! The command git runs to merge a ledger file: the name a clone's config gives it, the
//! shell command `git-setup` writes there, and that command read back, to tell whether
//! the program it starts can still be run.

use std::path::{Path, PathBuf};

/// The name the driver is configured under (`merge.hindsight.driver`).
pub const DRIVER: &str = "hindsight";

/// What the driver command runs when neither the configured binary nor a `hindsight` on
/// `PATH` can be started: git's own line merge, which marks conflicts in the file. Without
/// it, git would report a conflict and leave this side's version in the file unmarked.
pub(super) const LINE_MERGE_FALLBACK: &str = "git merge-file -L ours -L base -L theirs %A %O %B";

/// The command git runs to merge a ledger file. The binary that ran `git-setup` first, by
/// its full path; if that cannot be started (moved, rebuilt elsewhere: the shell says 126
/// or 127), a `hindsight` on `PATH`; failing both, git's own line merge, which marks
/// conflicts in the file rather than leave one side's version unmarked.
pub(super) fn driver_command(program: &Path) -> String {
    // Git reads `%` as the start of a placeholder, and the shell reads the rest. Git puts
    // %P (the file's path, which a stranger's repository chooses) in single quotes: it
    // must stand outside any quotes of ours.
    let path = program.display().to_string().replace('%', "%%");
    let quoted = format!("'{}'", path.replace('\'', "'\\''"));
    let run = "merge-driver %O %A %B %P";
    // Only 126 and 127 (cannot execute, not found) move on: a driver killed by a signal
    // (128 and up) may have half-written %A, and git must see that run's failure.
    format!(
        "{quoted} {run}; s=$?; \
         case $s in 126|127) hindsight {run}; s=$?;; esac; \
         case $s in 126|127) echo 'hindsight: the merge driver cannot be run (run hindsight git-setup again); merging' %P 'by line' >&2; {LINE_MERGE_FALLBACK}; s=$?;; esac; \
         exit $s"
    )
}

/// The program a driver command starts: its first word, as the shell reads it (a word in
/// single quotes, with `'\''` for a quote, the way `git-setup` writes it; or a bare word).
pub(super) fn driver_program(command: &str) -> Option<PathBuf> {
    let mut program = String::new();
    let mut rest = command.trim_start();
    if !rest.starts_with('\'') {
        let word = rest.split_whitespace().next()?;
        return Some(PathBuf::from(word.replace("%%", "%")));
    }
    while let Some(quoted) = rest.strip_prefix('\'') {
        let end = quoted.find('\'')?;
        program.push_str(&quoted[..end]);
        rest = &quoted[end + 1..];
        match rest.strip_prefix("\\'") {
            Some(after) => {
                program.push('\'');
                rest = after;
            }
            None => break,
        }
    }
    // Git reads `%%` as one `%` before the shell sees the command.
    Some(PathBuf::from(program.replace("%%", "%")))
}

/// Whether the shell could start `program`: an executable file, named by its path or
/// found on `PATH`.
pub(super) fn runnable(program: &Path) -> bool {
    let executable = |path: &Path| {
        path.metadata().is_ok_and(|metadata| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                metadata.is_file() && metadata.permissions().mode() & 0o111 != 0
            }
            #[cfg(not(unix))]
            {
                metadata.is_file()
            }
        })
    };
    if program.components().count() > 1 || program.is_absolute() {
        return executable(program);
    }
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| executable(&folder.join(program)))
    })
}

#[cfg(test)]
mod tests {
    use super::driver_program;
    use std::path::PathBuf;

    #[test]
    fn the_program_is_read_back_as_git_setup_quotes_it() {
        let read = |command: &str| driver_program(command).unwrap();
        assert_eq!(
            read("'/opt/my tools/hindsight' merge-driver %O %A %B %P"),
            PathBuf::from("/opt/my tools/hindsight")
        );
        assert_eq!(
            read("'/home/o'\\''brien/hindsight' merge-driver"),
            PathBuf::from("/home/o'brien/hindsight")
        );
        assert_eq!(
            read("'/builds/100%%/hindsight' merge-driver"),
            PathBuf::from("/builds/100%/hindsight")
        );
        assert_eq!(
            read("hindsight merge-driver %O %A %B %P"),
            PathBuf::from("hindsight")
        );
        assert_eq!(driver_program("   "), None);
        assert_eq!(driver_program("'unterminated"), None);
    }
}
