//! Who called it. A verdict is about the claim, not the forecaster: "virtually impossible"
//! and a *false* verdict means the forecaster was right. The call says which side the
//! forecaster was on: they leaned the way it went, the other way, or not at all.

use serde::{Deserialize, Serialize};

use super::{ForecastView, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Call {
    /// Leaned the way it went: p > 0.5 and it happened, or p < 0.5 and it did not.
    Called,
    /// Leaned the other way.
    Missed,
    /// p = 0.5: no side taken.
    NoLean,
    /// Resolved, but partly, ambiguous or annulled (or with no probability): not scored.
    NotScored,
}

impl Call {
    pub const ALL: [Call; 4] = [Call::Called, Call::Missed, Call::NoLean, Call::NotScored];

    /// The call on a forecast with this probability and verdict; `None` while open.
    pub fn of(probability: Option<f64>, verdict: Option<Verdict>) -> Option<Call> {
        let happened = verdict?.scored_as();
        Some(match (probability, happened) {
            (Some(0.5), Some(_)) => Call::NoLean,
            (Some(p), Some(happened)) if (p > 0.5) == happened => Call::Called,
            (Some(_), Some(_)) => Call::Missed,
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

impl ForecastView<'_> {
    /// The forecaster's side of the outcome; `None` while open.
    pub fn call(&self) -> Option<Call> {
        Call::of(self.probability(), self.verdict())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
