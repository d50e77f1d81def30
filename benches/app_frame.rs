//! One frame of the desktop app with a demo ledger loaded and a search filter active (and
//! the timeline with every forecast), drawn
//! headless by egui_kittest (which also builds the accessibility tree, so a real frame
//! costs less), at 1,000, 10,000 and 100,000 forecasts — and 1,000,000 with
//! `HINDSIGHT_BENCH_MILLION=1` — so a frame's growth with the ledger shows. Run with
//! `cargo bench --bench app_frame`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use hindsight::{AppOptions, HindsightApp, Tab, TimelineGrouping};
use hindsight::{DemoOptions, write_demo};

fn frames(c: &mut Criterion) {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("HINDSIGHT_BENCH_MILLION").is_some() {
        sizes.push(1_000_000);
    }
    for forecasts in sizes {
        frames_at(c, forecasts);
    }
}

fn frames_at(c: &mut Criterion, forecasts: usize) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("demo");
    write_demo(
        &folder,
        DemoOptions {
            forecasts,
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
    // A large folder loads in the background: wait for it.
    let deadline = Instant::now() + Duration::from_secs(600);
    while harness.state().ledger().is_none() {
        assert!(Instant::now() < deadline, "the folder never loaded");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(2);
    assert_eq!(
        harness.state().ledger().map(|l| l.entries.len()),
        Some(forecasts)
    );

    let state = &mut harness.state_mut().ui;
    state.tab = Tab::Forecasts;
    state.filter.search = Some("border".into());
    harness.run_steps(2);
    let shown = harness.state().visible().len();
    assert!(
        shown > forecasts / 100 && shown < forecasts,
        "the search filters: {shown}"
    );

    let mut group = c.benchmark_group(format!("app frame, {forecasts} forecasts, search active"));
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

    // Every forecast on the timeline, grouped by scenario: only the rows on screen are drawn.
    let state = &mut harness.state_mut().ui;
    state.tab = Tab::Timeline;
    state.filter.search = None;
    state.timeline_grouping = TimelineGrouping::Scenario;
    harness.run_steps(2);
    assert_eq!(harness.state().visible().len(), forecasts);
    group.bench_function("timeline, every forecast, grouped by scenario", |b| {
        b.iter(|| harness.step())
    });
    group.finish();
}

fn track_records_ready(harness: &Harness<'_, HindsightApp>) -> bool {
    harness.state().track_records_ready()
}

criterion_group!(benches, frames);
criterion_main!(benches);
