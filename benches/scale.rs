//! How the command line grows with the ledger: `check`, `report`, `list --format json` and
//! one `resolve`, run end to end as a user runs them (the real binary, output to
//! /dev/null), on demo ledgers of 1,000, 10,000 and 100,000 forecasts — and 1,000,000 with
//! `HINDSIGHT_BENCH_MILLION=1` (600 MB on disk, several minutes). Peak memory is measured
//! beside these by `benches/memory.sh`. Run with `cargo bench --bench scale`; the figures
//! are in the README.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hindsight::{DemoOptions, write_demo};

const TODAY: &str = "2026-11-22";

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("HINDSIGHT_BENCH_MILLION").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

fn demo(dir: &Path, forecasts: usize) -> PathBuf {
    let out = dir.join(format!("demo-{forecasts}"));
    write_demo(
        &out,
        DemoOptions {
            forecasts,
            seed: 1,
            today: TODAY.parse().unwrap(),
        },
    )
    .unwrap();
    out
}

/// Runs `hindsight --today TODAY ARGS… FOLDER`, which must succeed.
fn hindsight(args: &[&str], folder: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(["--today", TODAY])
        .args(args)
        .arg(folder)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "hindsight {args:?} failed");
}

/// An open forecast's id in the middle of the folder.
fn open_forecast(folder: &Path) -> String {
    let ledger = hindsight::load(folder, TODAY.parse().unwrap()).unwrap();
    let middle = ledger.entries.len() / 2;
    (middle..ledger.entries.len())
        .chain(0..middle)
        .map(|entry| ledger.view(entry))
        .find(|view| view.verdict().is_none())
        .map(|view| view.forecast.id.clone())
        .expect("an open forecast")
}

fn commands(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("command line");
    group.sample_size(10);
    for forecasts in sizes() {
        let folder = demo(dir.path(), forecasts);
        for (name, args) in [
            ("check", vec!["check"]),
            ("report", vec!["report"]),
            ("list --format json", vec!["list", "--format", "json"]),
        ] {
            group.bench_with_input(BenchmarkId::new(name, forecasts), &folder, |b, folder| {
                b.iter(|| hindsight(&args, folder))
            });
        }
        // Each iteration changes one forecast: resolved, then reopened, and so on.
        let id = open_forecast(&folder);
        let mut resolved = false;
        group.bench_with_input(
            BenchmarkId::new("resolve one forecast", forecasts),
            &folder,
            |b, folder| {
                b.iter(|| {
                    if resolved {
                        hindsight(&["reopen", &id], folder);
                    } else {
                        hindsight(
                            &["resolve", &id, "true", "--on", TODAY, "--by", "Bench"],
                            folder,
                        );
                    }
                    resolved = !resolved;
                })
            },
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }
    group.finish();
}

criterion_group!(benches, commands);
criterion_main!(benches);
