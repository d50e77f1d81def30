//! Helpers shared by the integration tests, each written once: temporary copies of fixture
//! ledgers on disk, the real `hindsight` binary (and the `resolve` and `git-setup` runs
//! many tests make), the real `git`, and computed numbers compared up to rounding
//! ([`numbers`]).

#![allow(dead_code)] // each test binary uses its own subset

pub mod numbers;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;

/// The date every test treats as today, so "overdue" never drifts.
pub const TODAY: &str = "2026-11-22";

pub fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// The shipped scenarios folder, as a command-line argument.
pub fn shipped() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .display()
        .to_string()
}

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledger")
}

/// A temporary project folder holding a copy of the fixture ledger (seeds/ and scenarios/).
pub struct TempLedger {
    pub root: tempfile::TempDir,
}

impl TempLedger {
    pub fn fixture() -> TempLedger {
        let root = tempfile::tempdir().unwrap();
        copy_dir(&fixture_dir(), root.path());
        TempLedger { root }
    }

    /// An empty project with a scenarios folder.
    pub fn empty() -> TempLedger {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("scenarios")).unwrap();
        TempLedger { root }
    }

    pub fn scenarios(&self) -> PathBuf {
        self.root.path().join("scenarios")
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.scenarios().join(relative)
    }

    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// The scenarios folder as the library loads it today.
    pub fn load(&self) -> hindsight::Ledger {
        hindsight::load(&self.scenarios(), today()).unwrap()
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    /// Runs `hindsight --today TODAY ARGS… SCENARIOS` (the folder last, where every command takes it).
    pub fn run(&self, args: &[&str]) -> Run {
        let scenarios = self.scenarios();
        let mut all: Vec<&str> = args.to_vec();
        all.push(scenarios.to_str().unwrap());
        hindsight(&all)
    }

    /// [`TempLedger::run`], which must succeed.
    pub fn run_ok(&self, args: &[&str]) -> Run {
        hindsight_in(self.root.path(), args)
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The outcome of running the binary.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// The `id` of every forecast in `list --format json` output.
    pub fn ids(&self) -> Vec<String> {
        self.json()
            .as_array()
            .expect("a list of forecasts")
            .iter()
            .map(|forecast| forecast["id"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }
}

/// Runs the real binary with `--today TODAY` and the given arguments.
pub fn hindsight(args: &[&str]) -> Run {
    hindsight_as_of(TODAY, args)
}

/// Runs the real binary with `--today DAY` and the given arguments.
pub fn hindsight_as_of(day: &str, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .arg("--today")
        .arg(day)
        .args(args)
        .env_remove("HINDSIGHT_JUDGE")
        .output()
        .unwrap();
    Run::from(output)
}

/// The lines that differ between two texts, as (line number in `before`, old, new) — a
/// simple same-length comparison plus the lines added at one point.
pub fn changed_line_range(before: &str, after: &str) -> std::ops::Range<usize> {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take_while(|(a, b)| a == b)
        .count()
        .min(old.len().min(new.len()) - prefix);
    // 1-based lines of `before` that were replaced.
    prefix + 1..old.len() - suffix + 1
}

/// The 1-based line range of forecast `id`'s block, from `Forecast(` to its `),`.
pub fn block_lines(text: &str, id: &str) -> std::ops::RangeInclusive<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let id_line = lines
        .iter()
        .position(|l| l.contains(&format!("id: \"{id}\"")))
        .unwrap();
    let start = (0..id_line)
        .rev()
        .find(|&i| lines[i].trim() == "Forecast(")
        .unwrap();
    let end = (id_line..lines.len())
        .find(|&i| lines[i] == "        ),")
        .unwrap();
    start + 1..=end + 1
}

impl TempLedger {
    /// The fingerprint of forecast `id`'s block as loaded now, as the app holds it before
    /// someone else changes the file.
    pub fn fingerprint_of(&self, id: &str) -> u64 {
        let loaded = hindsight::load(&self.scenarios(), today()).unwrap();
        loaded.entries[loaded.find(id).expect("the forecast exists")].fingerprint
    }
}

/// `text` (a canonical scenario) with a new open forecast `id` appended to its forecasts, as
/// the app adds one.
pub fn with_new_forecast(text: &str, id: &str) -> String {
    let block = format!(
        "\n        Forecast(\n            id: \"{id}\",\n            by: \"ada-fixture\",\n            source: \"herald\",\n            made: \"2022-03-04\",\n            quote: \"Q {id}\",\n            claim: \"C {id}\",\n            expression: \"likely\",\n            resolve_by: Default(\"2023-03-04\"),\n            outcome: Open,\n        ),\n"
    );
    let at = text.rfind("    ],\n)").unwrap();
    format!("{}{block}{}", &text[..at], &text[at..])
}

/// The real `git`, run in `dir` as a tester with a fixed identity and branch name.
pub fn git_output(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args([
            "-c",
            "user.name=Tester",
            "-c",
            "user.email=tester@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs")
}

/// Asserts that a command (git, or the binary run by hand) succeeded, showing what it
/// said on its error output when it did not.
#[track_caller]
pub fn assert_succeeded(output: &Output) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// [`git_output`], which must succeed; its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = git_output(dir, args);
    assert!(
        output.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A team sharing a ledger: the fixture ledger pushed to a bare remote, and clones of it,
/// each with its own user and each set up with `git-setup` (git does not clone config).
pub struct Team {
    pub home: tempfile::TempDir,
    pub bare: PathBuf,
}

impl Team {
    pub fn new() -> Team {
        let home = tempfile::tempdir().unwrap();
        let first = home.path().join("first");
        copy_dir(&fixture_dir(), &first);
        git(&first, &["init", "-q"]);
        git_setup(&first);
        git(&first, &["add", "."]);
        git(&first, &["commit", "-qm", "ledger"]);
        let bare = home.path().join("ledger.git");
        git(
            &first,
            &["clone", "-q", "--bare", ".", bare.to_str().unwrap()],
        );
        Team { home, bare }
    }

    /// A clone for `name` (who commits as `name`); its project folder.
    pub fn clone(&self, name: &str) -> PathBuf {
        let dir = self.home.path().join(name);
        git(
            self.home.path(),
            &["clone", "-q", self.bare.to_str().unwrap(), name],
        );
        git(&dir, &["config", "user.name", name]);
        git(
            &dir,
            &["config", "user.email", &format!("{name}@example.org")],
        );
        git_setup(&dir);
        dir
    }
}

/// Runs `hindsight ARGS… DIR/scenarios`, which must succeed.
pub fn hindsight_in(dir: &Path, args: &[&str]) -> Run {
    let scenarios = dir.join("scenarios");
    let mut all = args.to_vec();
    all.push(scenarios.to_str().unwrap());
    let run = hindsight(&all);
    assert_eq!(run.status, 0, "{all:?}: {}{}", run.stdout, run.stderr);
    run
}

/// The arguments of `hindsight resolve ID VERDICT --on DATE --by JUDGE`: a verdict dated
/// and judged, as the tests record one (`--evidence`, `--force` and the folder follow).
pub fn resolve_args<'a>(id: &'a str, verdict: &'a str, on: &'a str, by: &'a str) -> [&'a str; 7] {
    ["resolve", id, verdict, "--on", on, "--by", by]
}

/// `hindsight resolve` with [`resolve_args`], then `more` (`--evidence TEXT`, `--force`),
/// in the scenarios folder `scenarios`; the run, whatever its outcome.
pub fn resolve(
    scenarios: &Path,
    id: &str,
    verdict: &str,
    on: &str,
    by: &str,
    more: &[&str],
) -> Run {
    let mut args = resolve_args(id, verdict, on, by).to_vec();
    args.extend_from_slice(more);
    args.push(scenarios.to_str().unwrap());
    hindsight(&args)
}

/// Records a verdict on the fixture's `bo-minister-resigns` (open in the fixture) in the
/// scenarios folder `scenarios`, judged by `by`: `hindsight resolve`, which must succeed.
pub fn resolve_minister(scenarios: &Path, verdict: &str, by: &str) {
    let more = ["--evidence", "Seen."];
    let run = resolve(
        scenarios,
        "bo-minister-resigns",
        verdict,
        "2022-07-01",
        by,
        &more,
    );
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
}

/// `hindsight git-setup DIR`, which must succeed: routes the ledger files of the repository
/// holding `dir` to the merge driver.
pub fn git_setup(dir: &Path) -> Run {
    let run = hindsight(&["git-setup", dir.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}: {}", dir.display(), run.stderr);
    run
}

/// Commits the changed ledger files of the clone at `dir` through the library, as the app
/// does: with the message it suggests, as the clone's own user.
pub fn commit_as_the_app_does(dir: &Path) {
    let scenarios = dir.join("scenarios");
    let status = hindsight::status(&scenarios).unwrap().unwrap();
    let changes = hindsight::describe_changes(&scenarios, &status.changed);
    let message = hindsight::suggested_message(&status, &changes);
    hindsight::commit(&scenarios, &status, &status.changed, &message).unwrap();
}

/// Serves `page` as HTML to one request on 127.0.0.1 (never the internet); returns its
/// address and the server thread, to join once the request is made.
pub fn serve_once(page: &'static str, name: &str) -> (String, std::thread::JoinHandle<()>) {
    serve_bytes_once(page.as_bytes().to_vec(), "text/html; charset=utf-8", name)
}

/// Serves `body` as `content_type` to one request on 127.0.0.1, as [`serve_once`] does.
pub fn serve_bytes_once(
    body: Vec<u8>,
    content_type: &str,
    name: &str,
) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = stream.read(&mut request).unwrap();
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
    });
    (format!("http://{address}/{name}"), server)
}

/// Whether the tests run as root (CI does): file permissions then stop no read, and files
/// can be given to other users.
pub fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Every file below `dir`, in any order.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}
