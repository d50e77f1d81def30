//! Who called it. A verdict is about the claim, not the forecaster: "virtually impossible"
//! and a *false* verdict means the forecaster was right. The call says which side the
//! forecaster was on: they leaned the way it went, the other way, or not at all.

use serde::{Deserialize, Serialize};

use super::{ForecastView, ProbabilityOrigin, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Call {
    /// Leaned the way it went: the words (or the number) above an even chance and it
    /// happened, or below and it did not.
    Called,
    /// Leaned the other way.
    Missed,
    /// No side taken: p = 0.5, or words whose published range takes in an even chance
    /// ("could", 20–50%; "real possibility", 40–70%), whatever their point value.
    NoLean,
    /// Resolved, but partly, ambiguous or annulled (or with no probability): not scored.
    NotScored,
}

impl Call {
    pub const ALL: [Call; 4] = [Call::Called, Call::Missed, Call::NoLean, Call::NotScored];

    /// The call on a forecast with this probability and verdict; `None` while open.
    pub fn of(probability: Option<f64>, verdict: Option<Verdict>) -> Option<Call> {
        Call::of_range(probability.map(|p| (p, p)), verdict)
    }

    /// The call on a forecast whose words allow `range` (low, high), with this verdict;
    /// `None` while open.
    pub fn of_range(range: Option<(f64, f64)>, verdict: Option<Verdict>) -> Option<Call> {
        let happened = verdict?.scored_as();
        Some(match (range, happened) {
            (Some(range), Some(happened)) => match lean(range) {
                None => Call::NoLean,
                Some(yes) if yes == happened => Call::Called,
                Some(_) => Call::Missed,
            },
            _ => Call::NotScored,
        })
    }

    /// The name in JSON and CSV (`null` / empty for not scored, as while open), and on the
    /// command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Call::Called => "called",
            Call::Missed => "missed",
            Call::NoLean => "no_lean",
            Call::NotScored => "not_scored",
        }
    }

    /// The export's value: scored calls only.
    pub fn exported(call: Option<Call>) -> Option<&'static str> {
        call.filter(|call| *call != Call::NotScored)
            .map(Call::as_str)
    }

    /// As a reader says it: "called it", "missed", "no lean", "not scored".
    pub fn label(self) -> &'static str {
        match self {
            Call::Called => "called it",
            Call::Missed => "missed",
            Call::NoLean => "no lean",
            Call::NotScored => "not scored",
        }
    }
}

impl std::str::FromStr for Call {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
        Call::ALL
            .into_iter()
            .find(|call| {
                call.as_str() == wanted || (wanted == "called_it" && *call == Call::Called)
            })
            .ok_or_else(|| {
                format!("unknown call '{text}': expected called, missed, no-lean or not-scored")
            })
    }
}

/// The side words allowing `range` take: `Some(true)` above an even chance, `Some(false)`
/// below, `None` when the range takes in 0.5.
pub fn lean((low, high): (f64, f64)) -> Option<bool> {
    if low <= 0.5 && 0.5 <= high {
        None
    } else {
        Some(low > 0.5)
    }
}

impl ForecastView<'_> {
    /// The forecaster's side of the outcome; `None` while open.
    pub fn call(&self) -> Option<Call> {
        Call::of_range(self.probability_range(), self.verdict())
    }

    /// The range of probabilities the forecast's words allow: the phrase table's range
    /// (moved from a baseline where there is one), or the number itself for an explicit
    /// probability and for a row with no published range.
    pub fn probability_range(&self) -> Option<(f64, f64)> {
        let probability = self.entry.probability.as_ref()?;
        Some(match &probability.origin {
            ProbabilityOrigin::Phrase {
                range: Some(range), ..
            } => *range,
            _ => (probability.value, probability.value),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_whose_range_takes_in_an_even_chance_take_no_side() {
        // "could" (20–50%) and "real possibility" (40–70%) straddle 0.5 at any point value.
        assert_eq!(
            Call::of_range(Some((0.2, 0.5)), Some(Verdict::True)),
            Some(Call::NoLean)
        );
        assert_eq!(
            Call::of_range(Some((0.2, 0.5)), Some(Verdict::False)),
            Some(Call::NoLean)
        );
        assert_eq!(
            Call::of_range(Some((0.4, 0.7)), Some(Verdict::True)),
            Some(Call::NoLean)
        );
        // "likely" (60–75%) and "unlikely" (10–25%) do.
        assert_eq!(
            Call::of_range(Some((0.6, 0.75)), Some(Verdict::True)),
            Some(Call::Called)
        );
        assert_eq!(
            Call::of_range(Some((0.1, 0.25)), Some(Verdict::True)),
            Some(Call::Missed)
        );
    }

    #[test]
    fn the_call_is_the_forecasters_side_of_what_happened() {
        let cases = [
            (Some(0.02), Some(Verdict::False), Some(Call::Called)),
            (Some(0.02), Some(Verdict::True), Some(Call::Missed)),
            (Some(0.9), Some(Verdict::True), Some(Call::Called)),
            (Some(0.6), Some(Verdict::False), Some(Call::Missed)),
            (Some(0.5), Some(Verdict::True), Some(Call::NoLean)),
            (Some(0.9), Some(Verdict::Partly), Some(Call::NotScored)),
            (Some(0.9), Some(Verdict::Annulled), Some(Call::NotScored)),
            (None, Some(Verdict::True), Some(Call::NotScored)),
            (Some(0.9), None, None),
        ];
        for (p, verdict, call) in cases {
            assert_eq!(Call::of(p, verdict), call, "{p:?} {verdict:?}");
        }
    }
}
