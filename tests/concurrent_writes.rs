//! Writers at the same moment: several `hindsight resolve` processes, and the library as
//! the app calls it, resolving forecasts of one file at once. Every reported success must
//! be on disk, and a write killed at any moment leaves the old or the new file, never half
//! of one, and no debris for `git add -A` to pick up.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{TODAY, hindsight, today};
use hindsight::ledger::edit::{Change, edit_forecast};
use hindsight::ledger::{Outcome, Resolution, Verdict, load};

/// A demo ledger of `forecasts` forecasts, all in one scenario file (the demo puts up to
/// 1,000 in a file). Returns the folder, the file and its forecast ids.
fn one_file_ledger(forecasts: usize) -> (tempfile::TempDir, PathBuf, PathBuf, Vec<String>) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("scenarios");
    let count = forecasts.to_string();
    let run = hindsight(&["demo", "--forecasts", &count, dir.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let ledger = load(&dir, today()).unwrap();
    assert_eq!(ledger.files.len(), 1);
    let file = ledger.files[0].path.clone();
    let ids = ledger.forecasts().map(|v| v.forecast.id.clone()).collect();
    (root, dir, file, ids)
}

/// The evidence note each writer leaves, so the final file shows whose write landed.
fn evidence(writer: usize, id: &str) -> String {
    format!("writer {writer} resolved {id}")
}

/// One command-line writer: resolves each of `ids` in turn, one process each, and
/// returns the ids whose resolve reported success.
fn command_line_writer(dir: &Path, writer: usize, ids: Vec<String>) -> Vec<String> {
    let mut succeeded = Vec::new();
    for id in ids {
        let run = hindsight(&[
            "resolve",
            &id,
            "true",
            "--on",
            TODAY,
            "--by",
            "Tester",
            "--evidence",
            &evidence(writer, &id),
            // Many of the demo's forecasts have a verdict already: it is replaced.
            "--force",
            dir.to_str().unwrap(),
        ]);
        if run.status == 0 {
            succeeded.push(id);
        } else {
            // A refusal must say why, and name the file.
            assert!(
                run.stderr.contains(".ron") && run.stderr.len() > 20,
                "a refusal without a reason: {}",
                run.stderr
            );
        }
    }
    succeeded
}

/// One writer as the app is: it loaded the folder once, and resolves each forecast with
/// the fingerprint of the block it loaded (others change other blocks meanwhile).
fn library_writer(dir: &Path, writer: usize, ids: Vec<String>) -> Vec<String> {
    let ledger = load(dir, today()).unwrap();
    let mut succeeded = Vec::new();
    for id in ids {
        let view = ledger.view(ledger.find(&id).unwrap());
        let outcome = Outcome::Resolved(Resolution {
            verdict: Verdict::False,
            on: today(),
            judge: Some("App".into()),
            evidence: Some(evidence(writer, &id)),
            link: None,
        });
        let result = edit_forecast(
            &ledger,
            &view.file.path,
            &id,
            Some(view.entry.fingerprint),
            &Change::ReplaceOutcome(outcome),
        );
        match result {
            Ok(written) => {
                assert!(written.changed);
                succeeded.push(id);
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
    succeeded
}

/// Runs the writers at once, each on its own share of the ids, then checks that every
/// success is on disk with that writer's evidence.
fn race(writers: usize, library_writers: usize, per_writer: usize) {
    let total = writers + library_writers;
    let (_root, dir, file, ids) = one_file_ledger(total * per_writer);
    let shares: Vec<Vec<String>> = ids.chunks(per_writer).map(<[String]>::to_vec).collect();
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .enumerate()
            .map(|(writer, share)| {
                let dir = dir.clone();
                scope.spawn(move || {
                    let done = if writer < writers {
                        command_line_writer(&dir, writer, share)
                    } else {
                        library_writer(&dir, writer, share)
                    };
                    (writer, done)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    let after = load(&dir, today()).unwrap();
    assert_eq!(after.error_count(), 0, "{:?}", after.problems);
    let mut successes = 0;
    for (writer, done) in results {
        for id in done {
            successes += 1;
            let forecast = after.view(after.find(&id).unwrap()).forecast;
            let on_disk = forecast
                .outcome
                .resolution()
                .and_then(|r| r.evidence.clone());
            assert_eq!(
                on_disk,
                Some(evidence(writer, &id)),
                "writer {writer} was told {id} was resolved, but {} says otherwise",
                file.display()
            );
        }
    }
    // Nothing but Hindsight writes here, so with the lock no write should even be refused.
    assert_eq!(successes, total * per_writer, "every write succeeded");
    assert_no_temporary_files(&dir);
}

fn assert_no_temporary_files(dir: &Path) {
    let debris: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(debris.is_empty(), "temporary files left: {debris:?}");
}

#[test]
fn two_command_line_writers_lose_nothing() {
    race(2, 0, 12);
}

#[test]
fn four_command_line_writers_lose_nothing() {
    race(4, 0, 8);
}

#[test]
fn the_app_and_the_command_line_writing_at_once_lose_nothing() {
    // Two `hindsight resolve` processes and two writers calling the library as the app
    // does, all on one file.
    race(2, 2, 10);
}

/// The arguments of the resolve the kill test repeats: always the same verdict, so the
/// file has exactly two versions.
fn resolve_as_false(id: &str) -> [&str; 9] {
    [
        "resolve",
        id,
        "false",
        "--on",
        TODAY,
        "--by",
        "Tester",
        "--evidence",
        "Killed or not.",
    ]
}

/// `hindsight resolve` or `reopen` of one forecast, killed after `delay`; returns whether it
/// finished before the kill.
fn killed_write(dir: &Path, id: &str, resolve: bool, delay: Duration) -> bool {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hindsight"));
    command.args(["--today", TODAY]);
    if resolve {
        command.args(resolve_as_false(id));
    } else {
        command.args(["reopen", id]);
    }
    let mut child = command
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill(); // SIGKILL on Unix
    child.wait().unwrap();
    finished
}

#[test]
fn a_write_killed_at_any_moment_leaves_the_old_or_the_new_file_and_no_debris() {
    let (_root, dir, file, ids) = one_file_ledger(300);
    let id = &ids[150];
    // The two versions of the file: the forecast open, and resolved as below.
    let reopen = hindsight(&["reopen", id, dir.to_str().unwrap()]);
    assert_eq!(reopen.status, 0, "{}", reopen.stderr);
    let open = std::fs::read(&file).unwrap();
    assert!(killed_write(&dir, id, true, Duration::from_secs(20)));
    let resolved = std::fs::read(&file).unwrap();
    assert_ne!(open, resolved);

    let mut kills = 0;
    for round in 0..40u64 {
        let resolve = round % 2 == 0;
        // The command takes some tens of milliseconds: kill it anywhere in that time.
        // (A fixed scatter over 0–60 ms, so a failure can be replayed.)
        let delay = Duration::from_micros((round * 15_485_863) % 60_000);
        if !killed_write(&dir, id, resolve, delay) {
            kills += 1;
        }
        let now = std::fs::read(&file).unwrap();
        assert!(
            now == open || now == resolved,
            "round {round}: the file is neither the old nor the new version"
        );
        // The next command sweeps whatever the killed one left.
        let next = if now == open {
            hindsight(&[&resolve_as_false(id)[..], &[dir.to_str().unwrap()]].concat())
        } else {
            hindsight(&["reopen", id, dir.to_str().unwrap()])
        };
        assert_eq!(next.status, 0, "round {round}: {}", next.stderr);
        assert_no_temporary_files(&dir);
    }
    assert!(
        kills > 5,
        "only {kills} of 40 writes were killed before they finished"
    );
}

#[test]
fn a_temporary_file_left_by_a_killed_write_is_removed_and_a_live_one_is_not() {
    let (_root, dir, file, ids) = one_file_ledger(20);
    let name = file.file_name().unwrap().to_str().unwrap();
    let stale = dir.join(format!(".hindsight-{name}.abc123.tmp"));
    std::fs::write(&stale, "half a file").unwrap();
    // One that a live writer holds (this process, with the lock a writer takes).
    let live = dir.join(format!(".hindsight-{name}.live00.tmp"));
    let held = std::fs::File::create(&live).unwrap();
    held.lock().unwrap();

    let run = hindsight(&["reopen", &ids[3], dir.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        !stale.exists(),
        "the killed write's temporary file is swept"
    );
    assert!(
        live.exists(),
        "a temporary file being written is left alone"
    );
    drop(held);
}

#[test]
fn a_write_waits_for_another_writer_holding_the_lock() {
    let (_root, dir, file, _) = one_file_ledger(20);
    let before = std::fs::read(&file).unwrap();
    let ledger = load(&dir, today()).unwrap();
    let resolved = ledger
        .forecasts()
        .find(|view| view.verdict().is_some())
        .map(|view| view.forecast.id.clone())
        .unwrap();
    // Another writer (this test, taking the lock the door takes) holds the file for a second.
    let held = std::fs::File::open(&file).unwrap();
    held.lock().unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(1));
        drop(held);
    });
    let started = std::time::Instant::now();
    let run = hindsight(&["reopen", &resolved, dir.to_str().unwrap()]);
    releaser.join().unwrap();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "the write went ahead while the lock was held ({:?})",
        started.elapsed()
    );
    assert_ne!(
        std::fs::read(&file).unwrap(),
        before,
        "and then it was written"
    );
}
