//! Running the system `git`: never interactive (a credential prompt would hang a
//! background pull), with git's own error text kept for the user.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Output, Stdio};

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
    for name in names {
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
        blobs.push(crate::ledger::into_text(Path::new(name.as_str()), content).ok());
    }
    let _ = writer.join();
    let _ = child.wait();
    blobs.resize(names.len(), None);
    Ok(blobs)
}

/// A blob as `git cat-file --batch-check` names it: its object id and size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Blob {
    pub id: String,
    pub size: u64,
}

/// Blobs read one at a time, as they are asked for, through two long-running git processes:
/// `cat-file --batch-check` says which blob a name (`commit:path`) is, and `--batch` gives
/// the content of those the caller wants. A blob's text is lent from one buffer, so the
/// caller holds one version of a file at a time however long the history it walks (and
/// never reads a blob it has already seen, which it can tell by its id).
pub(super) struct BlobReader {
    check: CatFile,
    contents: CatFile,
    buffer: Vec<u8>,
    /// How many blobs' contents were read.
    pub texts_read: usize,
}

impl BlobReader {
    pub fn open(dir: &Path) -> Result<BlobReader, String> {
        Ok(BlobReader {
            check: CatFile::spawn(dir, "--batch-check")?,
            contents: CatFile::spawn(dir, "--batch")?,
            buffer: Vec::new(),
            texts_read: 0,
        })
    }

    /// The blob `name` (`commit:path`) names; `None` when the commit has no such path or
    /// it is not a file.
    pub fn blob(&mut self, name: &str) -> Result<Option<Blob>, String> {
        // One request per line: a name with a line break would be read as two.
        if name.contains('\n') {
            return Err(format!(
                "cannot ask git for '{}': the name has a line break",
                name.escape_debug()
            ));
        }
        let header = self.check.ask(name)?;
        Ok(blob_header(&header))
    }

    /// The text of `blob`, lent until the next read; `None` when it is larger than `limit`
    /// or not UTF-8.
    pub fn text(&mut self, blob: &Blob, limit: u64) -> Result<Option<&str>, String> {
        if blob.size > limit {
            return Ok(None);
        }
        let header = self.contents.ask(&blob.id)?;
        if blob_header(&header).as_ref() != Some(blob) {
            return Err(format!(
                "git cat-file: unexpected answer '{}'",
                header.trim_end()
            ));
        }
        self.buffer.clear();
        // Exactly the size: the buffer never holds more than the largest version read.
        self.buffer
            .reserve_exact(usize::try_from(blob.size).map_err(|e| e.to_string())?);
        let stdout = &mut self.contents.stdout;
        stdout
            .by_ref()
            .take(blob.size)
            .read_to_end(&mut self.buffer)
            .map_err(|e| format!("git cat-file: {e}"))?;
        let mut newline = [0u8; 1];
        stdout
            .read_exact(&mut newline)
            .map_err(|e| format!("git cat-file: {e}"))?;
        self.texts_read += 1;
        // As the loader reads a file: a byte-order mark is no part of the text.
        Ok(std::str::from_utf8(&self.buffer)
            .ok()
            .map(crate::ledger::without_byte_order_mark))
    }

    /// How many bytes the reader holds for the text it lends.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.buffer.capacity()
    }
}

/// "<oid> blob <size>" as a blob; anything else ("<name> missing", a tree) is none.
fn blob_header(header: &str) -> Option<Blob> {
    match header.split_whitespace().collect::<Vec<_>>().as_slice() {
        [id, "blob", size] => Some(Blob {
            id: (*id).to_string(),
            size: size.parse().ok()?,
        }),
        _ => None,
    }
}

/// One `git cat-file` process asked one object at a time (without `--buffer` it answers
/// each request as soon as it is read).
struct CatFile {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl CatFile {
    fn spawn(dir: &Path, mode: &str) -> Result<CatFile, String> {
        let mut child = git(dir)
            .args(["cat-file", mode])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run git: {e}"))?;
        let stdin = child.stdin.take().ok_or("git cat-file: no stdin")?;
        let stdout = child.stdout.take().ok_or("git cat-file: no stdout")?;
        Ok(CatFile {
            child,
            stdin: Some(stdin),
            stdout: BufReader::new(stdout),
        })
    }

    /// Sends one request and reads the header line that answers it.
    fn ask(&mut self, request: &str) -> Result<String, String> {
        let stdin = self.stdin.as_mut().ok_or("git cat-file: closed")?;
        stdin
            .write_all(format!("{request}\n").as_bytes())
            .and_then(|()| stdin.flush())
            .map_err(|e| format!("git cat-file: {e}"))?;
        let mut header = String::new();
        if self
            .stdout
            .read_line(&mut header)
            .map_err(|e| format!("git cat-file: {e}"))?
            == 0
        {
            return Err("git cat-file stopped answering".to_string());
        }
        Ok(header)
    }
}

impl Drop for CatFile {
    fn drop(&mut self) {
        // An answer may be left unread (a read failed half way): git would wait to write
        // it, so it is stopped rather than waited for.
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
