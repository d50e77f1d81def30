//! Checks the scores (`hindsight::brier_score` and the rest) against expected values computed independently in Python
//! (scikit-learn, numpy, statsmodels) by tests/fixtures/scores/make_fixtures.py, plus edge cases.

use crate::common;

use common::numbers::{assert_close, assert_close_opt};
use hindsight::*;
use serde::Deserialize;

const DATASETS: [&str; 5] = ["hand", "random500", "all_missed", "zero_one", "edges"];

#[derive(Deserialize)]
struct Fixture {
    name: String,
    forecasts: Vec<Row>,
    expected: Expected,
    #[serde(default)]
    edge_values: Vec<f64>,
    #[serde(default)]
    edge_bins: Vec<usize>,
}

#[derive(Deserialize)]
struct Row {
    probability: f64,
    happened: bool,
}

#[derive(Deserialize)]
struct Expected {
    brier: f64,
    brier_skill: f64,
    log_score: f64,
    hit_rate: Option<ExpectedHitRate>,
    calibration: Vec<ExpectedBin>,
    murphy: ExpectedMurphy,
    bootstrap: Vec<ExpectedBootstrap>,
}

#[derive(Deserialize)]
struct ExpectedHitRate {
    hits: usize,
    decided: usize,
    rate: f64,
}

#[derive(Deserialize)]
struct ExpectedBin {
    lower: f64,
    upper: f64,
    count: usize,
    mean_forecast: Option<f64>,
    observed: Option<f64>,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
}

#[derive(Deserialize)]
struct ExpectedMurphy {
    reliability: f64,
    resolution: f64,
    uncertainty: f64,
}

#[derive(Deserialize)]
struct ExpectedBootstrap {
    seed: u64,
    low: f64,
    high: f64,
}

impl Fixture {
    fn forecasts(&self) -> Vec<ScoredForecast> {
        self.forecasts
            .iter()
            .map(|r| ScoredForecast::new(r.probability, r.happened))
            .collect()
    }
}

fn load(name: &str) -> Fixture {
    let path = format!(
        "{}/tests/fixtures/scores/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixtures() -> impl Iterator<Item = Fixture> {
    DATASETS.into_iter().map(load)
}

fn forecast(probability: f64, happened: bool) -> ScoredForecast {
    ScoredForecast::new(probability, happened)
}

#[test]
fn brier_and_skill_match_sklearn() {
    for fx in fixtures() {
        let brier = brier_score(&fx.forecasts()).expect("non-empty");
        assert_close(brier, fx.expected.brier, &format!("{} brier", fx.name));
        assert_close(
            brier_skill(brier),
            fx.expected.brier_skill,
            &format!("{} brier skill", fx.name),
        );
    }
}

#[test]
fn log_score_matches_sklearn_on_clipped_probabilities() {
    for fx in fixtures() {
        let score = log_score(&fx.forecasts()).expect("non-empty");
        assert_close(score, fx.expected.log_score, &format!("{} log", fx.name));
    }
}

#[test]
fn hit_rate_matches_fixture() {
    for fx in fixtures() {
        let actual = hit_rate(&fx.forecasts());
        match (actual, &fx.expected.hit_rate) {
            (Some(a), Some(e)) => {
                assert_eq!((a.hits, a.decided), (e.hits, e.decided), "{}", fx.name);
                assert_close(a.rate, e.rate, &format!("{} hit rate", fx.name));
            }
            (None, None) => {}
            (a, _) => panic!("{}: hit rate {a:?} disagrees with fixture", fx.name),
        }
    }
}

#[test]
fn calibration_table_matches_sklearn_and_statsmodels() {
    for fx in fixtures() {
        let table = calibration_table(&fx.forecasts());
        assert_eq!(table.len(), CALIBRATION_BINS, "{}", fx.name);
        for (i, (got, want)) in table.iter().zip(&fx.expected.calibration).enumerate() {
            let what = format!("{} bin {i}", fx.name);
            // Python wrote i / 10 and (i + 1) / 10, so the labels must be bit-identical.
            assert_eq!((got.lower, got.upper), (want.lower, want.upper), "{what}");
            assert_eq!(got.count, want.count, "{what} count");
            assert_close_opt(
                got.mean_forecast,
                want.mean_forecast,
                &format!("{what} mean"),
            );
            assert_close_opt(got.observed, want.observed, &format!("{what} observed"));
            assert_close_opt(got.ci_low, want.ci_low, &format!("{what} ci_low"));
            assert_close_opt(got.ci_high, want.ci_high, &format!("{what} ci_high"));
        }
    }
}

#[test]
fn murphy_decomposition_matches_numpy() {
    for fx in fixtures() {
        let d = murphy_decomposition(&fx.forecasts()).expect("non-empty");
        let want = &fx.expected.murphy;
        assert_close(d.reliability, want.reliability, &format!("{} rel", fx.name));
        assert_close(d.resolution, want.resolution, &format!("{} res", fx.name));
        assert_close(d.uncertainty, want.uncertainty, &format!("{} unc", fx.name));
    }
}

#[test]
fn bootstrap_matches_independent_python_implementation() {
    for fx in fixtures() {
        assert!(!fx.expected.bootstrap.is_empty(), "{}", fx.name);
        for b in &fx.expected.bootstrap {
            let (low, high) = bootstrap_brier_interval(&fx.forecasts(), b.seed).expect("n >= 2");
            let what = format!("{} bootstrap seed {}", fx.name, b.seed);
            assert_close(low, b.low, &format!("{what} low"));
            assert_close(high, b.high, &format!("{what} high"));
        }
    }
}

#[test]
fn edge_values_fall_in_the_bins_sklearn_uses() {
    let fx = load("edges");
    assert_eq!(fx.edge_values.len(), fx.edge_bins.len());
    assert!(!fx.edge_values.is_empty());
    for (&value, &bin) in fx.edge_values.iter().zip(&fx.edge_bins) {
        let table = calibration_table(&[forecast(value, true)]);
        let counts: Vec<usize> = table.iter().map(|b| b.count).collect();
        let mut expected = vec![0; CALIBRATION_BINS];
        expected[bin] = 1;
        assert_eq!(counts, expected, "value {value:?} should be in bin {bin}");
    }
}

#[test]
fn inner_edges_belong_to_the_lower_bin() {
    for (value, bin) in [(0.0, 0), (0.3, 2), (0.7, 6), (1.0, 9)] {
        let table = calibration_table(&[forecast(value, false)]);
        let occupied: Vec<usize> = (0..CALIBRATION_BINS)
            .filter(|&i| table[i].count > 0)
            .collect();
        assert_eq!(occupied, vec![bin], "value {value}");
    }
}

#[test]
fn empty_input_gives_none_and_ten_empty_bins() {
    assert_eq!(brier_score(&[]), None);
    assert_eq!(log_score(&[]), None);
    assert_eq!(hit_rate(&[]), None);
    assert_eq!(murphy_decomposition(&[]), None);
    assert_eq!(bootstrap_brier_interval(&[], 1), None);
    assert_eq!(wilson_interval(0, 0), None);
    let table = calibration_table(&[]);
    assert_eq!(table.len(), 10);
    for (i, bin) in table.iter().enumerate() {
        assert_eq!(bin.lower, i as f64 / 10.0);
        assert_eq!(bin.upper, (i + 1) as f64 / 10.0);
        assert_eq!(bin.count, 0);
        assert_eq!(
            (bin.mean_forecast, bin.observed, bin.ci_low, bin.ci_high),
            (None, None, None, None)
        );
    }
}

#[test]
fn only_even_odds_gives_no_hit_rate() {
    let forecasts = [forecast(0.5, true), forecast(0.5, false)];
    assert_eq!(hit_rate(&forecasts), None);
}

#[test]
fn wilson_interval_known_values() {
    // statsmodels proportion_confint(count, nobs, alpha=2*norm.sf(1.96), method="wilson")
    let (low, high) = wilson_interval(2, 3).unwrap();
    assert_close(low, 0.20765495512648796, "2/3 low");
    assert_close(high, 0.9385096847238397, "2/3 high");
    let (low, high) = wilson_interval(0, 5).unwrap();
    assert_close(low, 0.0, "0/5 low");
    assert_close(high, 0.43449149475208104, "0/5 high");
    let (low, high) = wilson_interval(5, 5).unwrap();
    assert_close(low, 0.565508505247919, "5/5 low");
    assert_close(high, 1.0, "5/5 high");
}

#[test]
fn bootstrap_is_reproducible_and_seed_dependent() {
    let forecasts = load("random500").forecasts();
    let first = bootstrap_brier_interval(&forecasts, 2024).unwrap();
    assert_eq!(bootstrap_brier_interval(&forecasts, 2024).unwrap(), first);
    assert_ne!(bootstrap_brier_interval(&forecasts, 2025).unwrap(), first);
}

#[test]
fn bootstrap_interval_contains_point_brier() {
    let fx = load("random500");
    let (low, high) = bootstrap_brier_interval(&fx.forecasts(), 99).unwrap();
    assert!(
        low < fx.expected.brier && fx.expected.brier < high,
        "[{low}, {high}] should contain {}",
        fx.expected.brier
    );
}

#[test]
fn bootstrap_is_degenerate_when_every_error_is_equal() {
    // 0.75 and 0.25 are exact in binary, so every squared error is exactly 0.0625.
    let forecasts = [
        forecast(0.75, true),
        forecast(0.25, false),
        forecast(0.75, true),
        forecast(0.25, false),
        forecast(0.25, false),
    ];
    assert_eq!(
        bootstrap_brier_interval(&forecasts, 3),
        Some((0.0625, 0.0625))
    );
}

#[test]
fn bootstrap_needs_two_forecasts() {
    assert_eq!(bootstrap_brier_interval(&[forecast(0.9, true)], 1), None);
}

#[test]
fn murphy_terms_add_up_to_brier() {
    let fx = load("random500");
    let d = murphy_decomposition(&fx.forecasts()).unwrap();
    let recomposed = d.reliability - d.resolution + d.uncertainty;
    assert!((recomposed - fx.expected.brier).abs() < 1e-12);
    assert!((recomposed - brier_score(&fx.forecasts()).unwrap()).abs() < 1e-12);
}

#[test]
fn nan_probability_does_not_panic() {
    let forecasts = [
        forecast(f64::NAN, true),
        forecast(0.3, false),
        forecast(f64::NAN, false),
        forecast(0.9, true),
    ];
    assert!(brier_score(&forecasts).unwrap().is_nan());
    assert!(log_score(&forecasts).unwrap().is_nan());
    assert_eq!(hit_rate(&forecasts).map(|h| h.decided), Some(2));
    let counted: usize = calibration_table(&forecasts).iter().map(|b| b.count).sum();
    assert_eq!(counted, 2);
    assert!(murphy_decomposition(&forecasts).is_some());
    assert!(bootstrap_brier_interval(&forecasts, 5).is_some());
}
