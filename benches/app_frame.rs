//! One frame of the desktop app with the 100,000-forecast demo ledger loaded and a search
//! filter active, drawn headless by egui_kittest (which also builds the accessibility tree,
//! so a real frame costs less). Run with `cargo bench --bench app_frame`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use hindsight::app::{AppOptions, HindsightApp, Tab};
use hindsight::demo::{DemoOptions, write_demo};

fn frames(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("demo");
    write_demo(
        &folder,
        DemoOptions {
            forecasts: 100_000,
            seed: 1,
            today,
        },
    )
    .unwrap();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_accessibility_check(false)
        .build_eframe(move |cc| {
            HindsightApp::new(
                cc,
                AppOptions {
                    folder: Some(folder),
                    today: Some(today),
                    watch: false,
                    ..AppOptions::default()
                },
            )
        });
    harness.run_steps(2);
    assert_eq!(
        harness.state().ledger().map(|l| l.entries.len()),
        Some(100_000)
    );

    let state = &mut harness.state_mut().ui;
    state.tab = Tab::Forecasts;
    state.filter.search = Some("border".into());
    harness.run_steps(2);
    let shown = harness.state().visible().len();
    assert!(
        shown > 1000 && shown < 100_000,
        "the search filters: {shown}"
    );

    let mut group = c.benchmark_group("app frame, 100k forecasts, search active");
    group.sample_size(30);
    group.bench_function("forecasts table", |b| b.iter(|| harness.step()));

    harness.state_mut().ui.tab = Tab::TrackRecords;
    // The track records of a large selection are computed in the background: wait for them.
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().ledger().is_some() && !track_records_ready(&harness) {
        assert!(Instant::now() < deadline, "track records never arrived");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    group.bench_function("track records (leaderboard and charts)", |b| {
        b.iter(|| harness.step())
    });
    group.finish();
}

fn track_records_ready(harness: &Harness<'_, HindsightApp>) -> bool {
    harness.state().track_records_ready()
}

criterion_group!(benches, frames);
criterion_main!(benches);
