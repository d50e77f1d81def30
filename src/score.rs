//! Scores for probability forecasts of binary claims whose outcome is known: Brier, log score,
//! hit rate, calibration table, Murphy decomposition and a bootstrap interval for the Brier score.
//! It is pure maths on a slice: it knows nothing about ledgers, files or how forecasts are grouped.

use serde::Serialize;

use rayon::prelude::*;

use crate::rng::{Bound, SplitMix64};

/// One scored forecast: the probability given to the claim and whether the claim came true.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoredForecast {
    pub probability: f64,
    pub happened: bool,
    /// The side the forecast took: `Some(true)` above an even chance, `Some(false)` below,
    /// `None` for none (p = 0.5, or words whose range takes in 0.5). The hit rate counts
    /// only forecasts that took a side.
    pub lean: Option<bool>,
}

impl ScoredForecast {
    /// A forecast of probability `probability`, leaning the way that number does.
    pub fn new(probability: f64, happened: bool) -> ScoredForecast {
        ScoredForecast {
            probability,
            happened,
            // Neither above nor below: 0.5, or no number at all (NaN).
            lean: (!probability.is_nan() && probability != 0.5).then_some(probability > 0.5),
        }
    }

    fn outcome(self) -> f64 {
        if self.happened { 1.0 } else { 0.0 }
    }

    fn squared_error(self) -> f64 {
        let diff = self.probability - self.outcome();
        diff * diff
    }
}

/// Probabilities are clipped to this range for the log score only (a verbal "never" maps to 0,
/// whose log loss is infinite).
pub const LOG_SCORE_CLIP: (f64, f64) = (0.01, 0.99);

/// Below this many scored forecasts a track record (or a phrase's record) is flagged as a
/// small sample.
pub const SMALL_SAMPLE: usize = 10;

/// Brier score of always saying 50%.
pub const CHANCE_BRIER: f64 = 0.25;

/// Number of equal-width bins in [`calibration_table`].
pub const CALIBRATION_BINS: usize = 10;

/// Number of resamples drawn by [`bootstrap_brier_interval`].
pub const BOOTSTRAP_RESAMPLES: usize = 2000;

/// Normal quantile for a two-sided 95% interval. Fixed at 1.96 (not 1.95996…) so the numbers
/// agree with what a reader computes by hand.
const Z_95: f64 = 1.96;

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / count as f64)
}

/// Mean squared difference between probability and outcome (0 is perfect, 0.25 is chance).
/// `None` when there are no forecasts.
pub fn brier_score(forecasts: &[ScoredForecast]) -> Option<f64> {
    mean(forecasts.iter().map(|f| f.squared_error()))
}

/// Improvement over always saying 50%: 1 is perfect, 0 is no better than chance, negative is worse.
pub fn brier_skill(brier: f64) -> f64 {
    1.0 - brier / CHANCE_BRIER
}

/// Mean log loss (natural log) with probabilities clipped to [`LOG_SCORE_CLIP`], so one confident
/// miss costs a lot but not infinitely. `None` when there are no forecasts.
pub fn log_score(forecasts: &[ScoredForecast]) -> Option<f64> {
    let (low, high) = LOG_SCORE_CLIP;
    mean(forecasts.iter().map(|f| {
        // clamp passes NaN through rather than panicking.
        let p = f.probability.clamp(low, high);
        if f.happened { -p.ln() } else { -(1.0 - p).ln() }
    }))
}

/// How often the side a forecast leaned to was the side that happened.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HitRate {
    pub hits: usize,
    /// Forecasts that took a side, i.e. were not exactly 0.5.
    pub decided: usize,
    pub rate: f64,
}

/// A forecast above 0.5 is a hit if the claim happened, below 0.5 if it did not. Exactly 0.5
/// takes no side and is left out (so is NaN). `None` when no forecast took a side.
pub fn hit_rate(forecasts: &[ScoredForecast]) -> Option<HitRate> {
    let (mut hits, mut decided) = (0, 0);
    for f in forecasts {
        if let Some(leaned_yes) = f.lean {
            decided += 1;
            if leaned_yes == f.happened {
                hits += 1;
            }
        }
    }
    (decided > 0).then(|| HitRate {
        hits,
        decided,
        rate: hits as f64 / decided as f64,
    })
}

/// One row of the calibration table: the forecasts whose probability fell in (`lower`, `upper`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CalibrationBin {
    pub lower: f64,
    pub upper: f64,
    pub count: usize,
    /// Mean probability given in this bin; `None` when the bin is empty.
    pub mean_forecast: Option<f64>,
    /// Fraction of the bin's claims that happened; `None` when the bin is empty.
    pub observed: Option<f64>,
    /// Wilson 95% interval of `observed`; `None` when the bin is empty.
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
}

/// Bin index as scikit-learn's `calibration_curve(strategy="uniform")` assigns it:
/// `np.searchsorted(inner_edges, p)`, i.e. the number of inner edges strictly below `p`, so bins
/// are closed on the right and 0.0 joins the first bin. The inner edges are built as numpy's
/// `linspace` builds them (`k * 0.1`), which for k = 3, 6, 7 is one ulp above `k / 10`: a computed
/// 0.1 + 0.2 must land where sklearn puts it. NaN belongs nowhere on the axis.
pub fn calibration_bin(p: f64) -> Option<usize> {
    if p.is_nan() {
        return None;
    }
    let step = 1.0 / CALIBRATION_BINS as f64;
    Some(
        (1..CALIBRATION_BINS)
            .filter(|&k| k as f64 * step < p)
            .count(),
    )
}

/// Always [`CALIBRATION_BINS`] bins of width 0.1 from 0 to 1, empty ones included, so tables for
/// different analysts line up row by row. Membership follows scikit-learn's `calibration_curve`
/// with `strategy="uniform"`: a value on an inner edge (0.3, 0.7) belongs to the lower bin.
/// Forecasts with a NaN probability are left out.
pub fn calibration_table(forecasts: &[ScoredForecast]) -> Vec<CalibrationBin> {
    let mut counts = [0usize; CALIBRATION_BINS];
    let mut hits = [0usize; CALIBRATION_BINS];
    let mut sums = [0.0f64; CALIBRATION_BINS];
    for f in forecasts {
        if let Some(i) = calibration_bin(f.probability) {
            counts[i] += 1;
            hits[i] += usize::from(f.happened);
            sums[i] += f.probability;
        }
    }
    (0..CALIBRATION_BINS)
        .map(|i| {
            let count = counts[i];
            let nonempty = count > 0;
            let interval = wilson_interval(hits[i], count);
            CalibrationBin {
                // Written as i / 10 so the labels are the decimals a reader expects (0.3, not
                // 0.30000000000000004), even though membership uses numpy's edges.
                lower: i as f64 / CALIBRATION_BINS as f64,
                upper: (i + 1) as f64 / CALIBRATION_BINS as f64,
                count,
                mean_forecast: nonempty.then(|| sums[i] / count as f64),
                observed: nonempty.then(|| hits[i] as f64 / count as f64),
                ci_low: interval.map(|(low, _)| low),
                ci_high: interval.map(|(_, high)| high),
            }
        })
        .collect()
}

/// Wilson score interval (z = 1.96) for a proportion of `successes` out of `trials`. Chosen over
/// the normal approximation because calibration bins are often tiny and near 0 or 1, where that
/// one collapses to zero width. `None` when `trials` is 0; bounds are clamped to [0, 1].
pub fn wilson_interval(successes: usize, trials: usize) -> Option<(f64, f64)> {
    if trials == 0 {
        return None;
    }
    let n = trials as f64;
    let p = successes.min(trials) as f64 / n;
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half_width = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some((
        (centre - half_width).clamp(0.0, 1.0),
        (centre + half_width).clamp(0.0, 1.0),
    ))
}

/// Murphy's split of the Brier score: `brier = reliability - resolution + uncertainty`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Decomposition {
    /// How far each stated probability is from how often those claims came true (lower is better).
    pub reliability: f64,
    /// How far the forecasts separate claims from the overall base rate (higher is better).
    pub resolution: f64,
    /// Variance of the outcomes, base_rate * (1 - base_rate): what no forecaster controls.
    pub uncertainty: f64,
}

/// Murphy decomposition with forecasts grouped by their exact distinct probability rather than
/// by calibration bin: with bins the identity with the Brier score holds only approximately,
/// and verbal forecasts take few distinct values anyway. `None` when there are no forecasts.
pub fn murphy_decomposition(forecasts: &[ScoredForecast]) -> Option<Decomposition> {
    if forecasts.is_empty() {
        return None;
    }
    let n = forecasts.len() as f64;
    let base_rate = forecasts.iter().filter(|f| f.happened).count() as f64 / n;
    let mut sorted = forecasts.to_vec();
    sorted.sort_by(|a, b| a.probability.total_cmp(&b.probability));
    let (mut reliability, mut resolution) = (0.0, 0.0);
    for group in sorted.chunk_by(|a, b| a.probability.total_cmp(&b.probability).is_eq()) {
        let size = group.len() as f64;
        let observed = group.iter().filter(|f| f.happened).count() as f64 / size;
        reliability += size * (group[0].probability - observed).powi(2);
        resolution += size * (observed - base_rate).powi(2);
    }
    Some(Decomposition {
        reliability: reliability / n,
        resolution: resolution / n,
        uncertainty: base_rate * (1.0 - base_rate),
    })
}

/// 95% percentile-bootstrap interval for the Brier score: [`BOOTSTRAP_RESAMPLES`] resamples of
/// n forecasts drawn with replacement, then the 2.5th and 97.5th percentiles of their Brier
/// scores by numpy's default rule (linear interpolation). The same `seed` always gives the same
/// interval. `None` for fewer than 2 forecasts: one forecast would give a zero-width interval,
/// a fake certainty.
pub fn bootstrap_brier_interval(forecasts: &[ScoredForecast], seed: u64) -> Option<(f64, f64)> {
    if forecasts.len() < 2 {
        return None;
    }
    let errors: Vec<f64> = forecasts.iter().map(|f| f.squared_error()).collect();
    let mut briers = resample_briers(&errors, seed);
    briers.sort_by(f64::total_cmp);
    Some((percentile(&briers, 0.025), percentile(&briers, 0.975)))
}

/// The Brier score of each resample, drawn from one generator in sequence: resample r
/// takes draws r·n to r·n + n − 1. Large sets draw their resamples in parallel, each
/// starting where the sequence would be ([`SplitMix64::at`]); that holds as long as no draw
/// was rejected, which is checked, and when one was (a chance of about n / 2^64 a draw)
/// the whole sequence is drawn again in order. Either way the numbers are the same.
fn resample_briers(errors: &[f64], seed: u64) -> Vec<f64> {
    /// Below this many draws in all, threads cost more than they save.
    const PARALLEL_ABOVE: usize = 2_000_000;
    let n = errors.len();
    let bound = Bound::new(n);
    let mean = |sum: f64| sum / n as f64;
    if n * BOOTSTRAP_RESAMPLES > PARALLEL_ABOVE {
        let jumped: Option<Vec<f64>> = (0..BOOTSTRAP_RESAMPLES)
            .into_par_iter()
            .map(|r| {
                let mut rng = SplitMix64::at(seed, (r * n) as u64);
                let mut sum = 0.0;
                for _ in 0..n {
                    sum += errors[rng.index_once(bound)?];
                }
                Some(mean(sum))
            })
            .collect();
        if let Some(briers) = jumped {
            return briers;
        }
    }
    let mut rng = SplitMix64::new(seed);
    (0..BOOTSTRAP_RESAMPLES)
        .map(|_| mean((0..n).map(|_| errors[rng.index(bound)]).sum::<f64>()))
        .collect()
}

/// numpy's default percentile ("linear", Hyndman & Fan type 7): the value at fractional position
/// `q * (len - 1)` of the sorted slice, interpolating linearly between its two neighbours.
/// `sorted` must be non-empty.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let position = q * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    let fraction = position - below as f64;
    sorted[below] + fraction * (sorted[above] - sorted[below])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resamples_drawn_in_parallel_are_the_sequential_ones() {
        // 1,500 forecasts: 3 million draws, enough for the parallel path.
        let errors: Vec<f64> = (0..1_500).map(|i| (i % 7) as f64 / 7.0).collect();
        let n = errors.len();
        let bound = Bound::new(n);
        let mut rng = SplitMix64::new(42);
        let sequential: Vec<f64> = (0..BOOTSTRAP_RESAMPLES)
            .map(|_| (0..n).map(|_| errors[rng.index(bound)]).sum::<f64>() / n as f64)
            .collect();
        assert_eq!(resample_briers(&errors, 42), sequential);
    }

    #[test]
    fn percentile_interpolates_like_numpy() {
        // np.percentile([1, 2, 3, 4, 5], [2.5, 97.5]) == [1.1, 4.9]
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!((percentile(&values, 0.025) - 1.1).abs() < 1e-12);
        assert!((percentile(&values, 0.975) - 4.9).abs() < 1e-12);
        assert_eq!(percentile(&[3.0], 0.975), 3.0);
    }
}
