//! Running the system `git`: never interactive (a credential prompt would hang a
//! background pull), with git's own error text kept for the user.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `git -C dir …`, with no terminal prompts and no stdin.
pub(super) fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    // Literal pathspecs: a file named `*.ron` names that file, not a pattern.
    command
        .arg("--literal-pathspecs")
        .arg("-C")
        .arg(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null());
    // Ssh asks for passwords on the terminal unless told not to; a user's own ssh
    // command is theirs to keep.
    if std::env::var_os("GIT_SSH_COMMAND").is_none() && std::env::var_os("GIT_SSH").is_none() {
        command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    }
    command
}

/// Runs git and returns its output whatever the exit status.
pub(super) fn git_run(dir: &Path, args: &[&str]) -> Result<Output, String> {
    git(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))
}

/// Runs git and returns its standard output, or its error text when it fails.
pub(super) fn git_output(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = git_run(dir, args)?;
    if !output.status.success() {
        return Err(failure(args, &output));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// What a failed git run said: its error text (or its output, when it wrote none).
pub(super) fn failure(args: &[&str], output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let said = if stderr.trim().is_empty() {
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    } else {
        stderr.trim().to_string()
    };
    let command = args.first().copied().unwrap_or_default();
    format!("git {command} failed: {said}")
}

/// Reads many blobs (`commit:path`) through one `git cat-file --batch`, `None` for a path
/// the commit does not have. Blobs larger than `limit` read as `None` too.
pub(super) fn read_blobs(
    dir: &Path,
    names: &[String],
    limit: u64,
) -> Result<Vec<Option<String>>, String> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("git cat-file: no stdin")?;
    let requests: String = names.iter().map(|name| format!("{name}\n")).collect();
    // Written from a thread: git's answers fill its output pipe while we still write.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(requests.as_bytes());
    });
    let mut stdout = BufReader::new(child.stdout.take().ok_or("git cat-file: no stdout")?);
    let mut blobs = Vec::with_capacity(names.len());
    for _ in names {
        let mut header = String::new();
        if stdout.read_line(&mut header).map_err(|e| e.to_string())? == 0 {
            break;
        }
        // "<oid> blob <size>", or "<name> missing" / "<name> ambiguous".
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size = match fields.as_slice() {
            [.., "blob", size] => size.parse::<u64>().ok(),
            _ => None,
        };
        let Some(size) = size.filter(|size| *size <= limit) else {
            if let [.., kind, size] = fields.as_slice()
                && let Ok(size) = size.parse::<u64>()
                && *kind != "missing"
                && *kind != "ambiguous"
            {
                // Too large, a tree or another object: skip its content unread.
                std::io::copy(&mut (&mut stdout).take(size + 1), &mut std::io::sink())
                    .map_err(|e| e.to_string())?;
            }
            blobs.push(None);
            continue;
        };
        let mut content = Vec::new();
        (&mut stdout)
            .take(size)
            .read_to_end(&mut content)
            .map_err(|e| e.to_string())?;
        let mut newline = [0u8; 1];
        let _ = stdout.read_exact(&mut newline);
        blobs.push(String::from_utf8(content).ok());
    }
    let _ = writer.join();
    let _ = child.wait();
    blobs.resize(names.len(), None);
    Ok(blobs)
}
