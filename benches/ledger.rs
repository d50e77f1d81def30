//! Benchmarks on the 100,000-forecast demo ledger: loading a folder, a track-record report,
//! a filtered search, and the writes (canonical file, one-block resolve); and loading a
//! hostile file, a whole scenario on one line with an error in every forecast, whose time
//! must grow linearly with its size. Run with `cargo bench`; the figures are in the README.

use hindsight::Door;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::Change;
use hindsight::FileKind;
use hindsight::Filter;
use hindsight::merge;
use hindsight::scenario_document;
use hindsight::{DemoOptions, write_demo};
use hindsight::{GroupBy, report};
use hindsight::{Outcome, load};

const FORECASTS: usize = 100_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn demo_ledger(dir: &Path) -> PathBuf {
    let out = dir.join("demo");
    write_demo(
        &out,
        DemoOptions {
            forecasts: FORECASTS,
            seed: 1,
            today: today(),
        },
    )
    .unwrap();
    out
}

fn benchmarks(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let folder = demo_ledger(dir.path());
    let ledger = load(&folder, today()).unwrap();
    assert_eq!(ledger.entries.len(), FORECASTS);
    assert_eq!(ledger.error_count(), 0);

    let mut group = c.benchmark_group("100k forecasts");
    group.sample_size(10);
    group.bench_function("load and validate the folder", |b| {
        b.iter(|| load(&folder, today()).unwrap())
    });
    let everything: Vec<usize> = (0..ledger.entries.len()).collect();
    group.bench_function("report by forecaster (with bootstrap intervals)", |b| {
        b.iter(|| report(&ledger, &everything, GroupBy::Author, today()))
    });
    let search = Filter {
        search: Some("border reopen".into()),
        ..Filter::default()
    };
    group.bench_function("filter: text search", |b| {
        b.iter(|| search.apply(&ledger, today()))
    });
    let index = hindsight::SearchIndex::new(&ledger);
    group.bench_function("filter: text search, indexed (as the app types)", |b| {
        b.iter(|| search.apply_indexed(&ledger, today(), Some(&index)))
    });
    let by_author = Filter {
        author: Some("Amara Abbott".into()),
        tag: Some("watchlist".into()),
        ..Filter::default()
    };
    group.bench_function("filter: forecaster and tag", |b| {
        b.iter(|| by_author.apply(&ledger, today()))
    });
    group.finish();

    let mut group = c.benchmark_group("one file of 1,000 forecasts");
    let file = &ledger.files[0];
    group.bench_function("write the canonical text", |b| {
        b.iter(|| scenario_document("", &file.scenario))
    });
    // A resolved forecast, so every iteration really rewrites its outcome.
    let index = (500..file.scenario.forecasts.len())
        .find(|&i| file.scenario.forecasts[i].outcome != Outcome::Open)
        .unwrap();
    let id = file.scenario.forecasts[index].id.clone();
    // As the command line and the app write: the file is still as loaded, so the write
    // checks only the new text. The setup puts the loaded bytes back before each write.
    let loaded = std::fs::read(&file.path).unwrap();
    let reopen = Change::SetOutcome(Outcome::Open);
    group.bench_function(
        "reopen one forecast, file as loaded (lock, check, fsync, rename)",
        |b| {
            b.iter_batched(
                || std::fs::write(&file.path, &loaded).unwrap(),
                |()| {
                    Door::of(&ledger, &file.path)
                        .edit_forecast(&id, None, &reopen)
                        .unwrap()
                },
                criterion::BatchSize::PerIteration,
            )
        },
    );
    std::fs::write(&file.path, &loaded).unwrap();
    // Someone changed the file since it was loaded: the write checks the old text too.
    let mut open = true;
    group.bench_function(
        "resolve/reopen one forecast, file changed since loading",
        |b| {
            b.iter(|| {
                let outcome = if open {
                    Outcome::Open
                } else {
                    file.scenario.forecasts[index].outcome.clone()
                };
                open = !open;
                Door::of(&ledger, &file.path)
                    .edit_forecast(&id, None, &Change::SetOutcome(outcome))
                    .unwrap()
            })
        },
    );
    group.finish();

    // Two people each change 50 forecasts of one 1,000-forecast file (claims on one side,
    // verdicts on the other, different forecasts) and each add 5: the merge driver's work.
    let mut group = c.benchmark_group("merge");
    let base = ledger.files[0].scenario.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for i in 0..50 {
        ours.forecasts[i * 2].claim.push_str(" (edited)");
        theirs.forecasts[i * 2 + 1].outcome = Outcome::Open;
    }
    for k in 0..5 {
        let mut new = base.forecasts[k].clone();
        new.id = format!("ours-new-{k}");
        ours.forecasts.push(new.clone());
        new.id = format!("theirs-new-{k}");
        theirs.forecasts.push(new);
    }
    let [base, ours, theirs] = [&base, &ours, &theirs].map(|s| scenario_document("", s));
    group.bench_function(
        "1,000-forecast file, 50 changes and 5 additions on each side",
        |b| {
            b.iter(|| {
                let merged = merge(FileKind::Scenario, &base, &ours, &theirs).unwrap();
                assert!(merged.disputes.is_empty());
                merged
            })
        },
    );
    group.finish();
}

/// A scenario of `forecasts` forecasts on a single line, each citing a person nobody knows:
/// one error per forecast, each located by its column far along the line.
fn one_line_scenario(forecasts: usize) -> String {
    let mut text = String::from(
        "Scenario(format: 1, id: \"one-line\", title: \"One line\", sources: [Source(id: \"s\", outlet: \"O\", title: \"T\", published: \"2022-01-01\")], forecasts: [",
    );
    for n in 0..forecasts {
        text.push_str(&format!(
            "Forecast(id: \"f-{n}\", by: \"nobody-{n}\", source: \"s\", made: \"2022-01-01\", quote: \"A quote long enough to make the line long, number {n}\", claim: \"A claim, number {n}, padded a little further\", expression: \"likely\", resolve_by: Stated(\"2022-12-31\"), outcome: Open), "
        ));
    }
    text.push_str("])");
    text
}

fn one_line_benchmarks(c: &mut Criterion) {
    let mut group = c.benchmark_group("a scenario on one line, an error per forecast");
    group.sample_size(10);
    for forecasts in [4_000, 16_000] {
        let dir = tempfile::tempdir().unwrap();
        let text = one_line_scenario(forecasts);
        std::fs::write(dir.path().join("one-line.ron"), &text).unwrap();
        let ledger = load(dir.path(), today()).unwrap();
        assert_eq!(ledger.error_count(), forecasts);
        let megabytes = text.len() as f64 / 1e6;
        group.bench_function(
            format!("load {megabytes:.1} MB ({forecasts} errors)"),
            |b| b.iter(|| load(dir.path(), today()).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, benchmarks, one_line_benchmarks);
criterion_main!(benches);
