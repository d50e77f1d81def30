//! The ledger's data model: scenarios, their sources and forecasts, outcomes and people.
//!
//! These types are exactly what the RON files hold (serde reads them); everything derived
//! from them — resolved people, effective probabilities, positions in files — lives in
//! [`crate::ledger::Ledger`], not here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The version of the file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One scenario file: a situation being watched, the articles it draws on and the
/// forecasts quoted from them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: u32,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Propositions several forecasts speak to: the outcome is recorded once, here, and
    /// every forecast on the question is judged by it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub forecasts: Vec<Forecast>,
}

/// A proposition several forecasters speak to ("Putin is president after the 2024
/// election"), with the one outcome that judges them all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique across the folder, with the forecasts' ids: `resolve` takes either.
    pub id: String,
    /// The proposition, checkable as stated.
    pub claim: String,
    pub resolve_by: NaiveDate,
    /// What a reader should know about the question: how it is judged, where it came from
    /// (an imported platform question's notes).
    #[serde(default)]
    pub note: Option<String>,
    pub outcome: Outcome,
}

/// The question a forecast answers, and which side of it its own claim is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OnQuestion {
    /// The forecast's claim is the question's claim: its probability is the question's.
    Same(String),
    /// The forecast's claim is the question's negation ("Putin hands power to a
    /// successor" on "Putin is president after 2024"): its probability for the question
    /// is 1 − p, and the question's verdict is flipped for it.
    Opposite(String),
}

impl OnQuestion {
    pub fn id(&self) -> &str {
        match self {
            OnQuestion::Same(id) | OnQuestion::Opposite(id) => id,
        }
    }

    pub fn is_opposite(&self) -> bool {
        matches!(self, OnQuestion::Opposite(_))
    }

    /// `same` or `opposite`, as JSON and CSV write it.
    pub fn side(&self) -> &'static str {
        if self.is_opposite() {
            "opposite"
        } else {
            "same"
        }
    }
}

/// An article (or post, interview, report) that forecasts are quoted from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique within its scenario file; forecasts cite it by this id.
    pub id: String,
    pub outlet: String,
    pub title: String,
    /// The article's author (the journalist), not the forecasters it quotes.
    #[serde(default)]
    pub author: Option<String>,
    pub published: NaiveDate,
    #[serde(default)]
    pub url: Option<String>,
    /// Path of the article's text, relative to the project folder (the scenarios folder's parent).
    #[serde(default)]
    pub seed: Option<String>,
}

/// One forecast: a verbatim quote, the checkable claim it makes and how it turned out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forecast {
    /// Unique across the whole folder, and never changed once shared.
    pub id: String,
    /// The forecaster — the person who made the claim, not the journalist quoting them —
    /// by person id, name or any alias.
    pub by: String,
    /// Id of a source in the same scenario file.
    pub source: String,
    /// When the forecast was made: the quote's own date if known, else the publication date.
    pub made: NaiveDate,
    pub quote: String,
    /// The claim restated as a checkable proposition; the confidence applies to it as stated.
    pub claim: String,
    /// The hedge words as said ("most likely", "never", "less likely").
    #[serde(default)]
    pub expression: Option<String>,
    /// For a comparative expression ("even more likely"), the level the text says it moves
    /// from, as a phrase of the table ("likely"): the comparative is then measured from it
    /// rather than from an even chance.
    #[serde(default)]
    pub baseline: Option<String>,
    /// An explicit probability for the claim; it wins over the expression's mapping.
    #[serde(default)]
    pub probability: Option<f64>,
    /// For conditional forecasts: what must happen for the claim to be judged at all.
    #[serde(default)]
    pub condition: Option<String>,
    pub resolve_by: ResolveBy,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The question of the file this forecast answers, if any: its outcome is then the
    /// question's (flipped for the opposite side), and its own stays `Open`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<OnQuestion>,
    pub outcome: Outcome,
}

/// The date by which a forecast is judged, and whether the forecaster stated it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResolveBy {
    /// The forecaster gave (or clearly implied) the horizon.
    Stated(NaiveDate),
    /// No horizon was given; the ledger keeper chose one from the wording.
    Default(NaiveDate),
}

impl ResolveBy {
    pub fn date(self) -> NaiveDate {
        match self {
            ResolveBy::Stated(date) | ResolveBy::Default(date) => date,
        }
    }

    pub fn is_stated(self) -> bool {
        matches!(self, ResolveBy::Stated(_))
    }
}

/// How a forecast turned out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "OutcomeRepr", into = "OutcomeRepr")]
pub enum Outcome {
    #[default]
    Open,
    Resolved(Resolution),
}

impl Outcome {
    pub fn resolution(&self) -> Option<&Resolution> {
        match self {
            Outcome::Open => None,
            Outcome::Resolved(resolution) => Some(resolution),
        }
    }

    pub fn verdict(&self) -> Option<Verdict> {
        self.resolution().map(|resolution| resolution.verdict)
    }
}

/// A judgement on a forecast.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub verdict: Verdict,
    pub on: NaiveDate,
    /// Who judged it.
    pub judge: Option<String>,
    /// A short note on what happened.
    pub evidence: Option<String>,
    /// A link to a report of what happened.
    pub link: Option<String>,
}

/// The verdict on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Verdict {
    True,
    False,
    /// Part of the claim came true. Recorded, but not scored: see [`Verdict::scored_as`].
    Partly,
    /// Reality is unclear. Never scored.
    Ambiguous,
    /// The question is void: a condition did not happen or a key assumption was overturned. Never scored.
    Annulled,
}

impl Verdict {
    /// The verdict on the negation of the claim: true and false swap; partly, ambiguous
    /// and annulled stay.
    pub fn negated(self) -> Verdict {
        match self {
            Verdict::True => Verdict::False,
            Verdict::False => Verdict::True,
            other => other,
        }
    }

    pub const ALL: [Verdict; 5] = [
        Verdict::True,
        Verdict::False,
        Verdict::Partly,
        Verdict::Ambiguous,
        Verdict::Annulled,
    ];

    /// The outcome used for scoring. Only true and false are scored: a half-right verdict
    /// depends on how a compound claim was cut, so a judge should split such a claim into
    /// separate forecasts rather than have "partly" scored as a made-up 0.5.
    pub fn scored_as(self) -> Option<bool> {
        match self {
            Verdict::True => Some(true),
            Verdict::False => Some(false),
            Verdict::Partly | Verdict::Ambiguous | Verdict::Annulled => None,
        }
    }

    /// The lower-case name used on the command line and in JSON and CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::True => "true",
            Verdict::False => "false",
            Verdict::Partly => "partly",
            Verdict::Ambiguous => "ambiguous",
            Verdict::Annulled => "annulled",
        }
    }

    /// The variant name as written in RON files.
    pub fn ron_name(self) -> &'static str {
        match self {
            Verdict::True => "True",
            Verdict::False => "False",
            Verdict::Partly => "Partly",
            Verdict::Ambiguous => "Ambiguous",
            Verdict::Annulled => "Annulled",
        }
    }
}

impl std::str::FromStr for Verdict {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Verdict::ALL
            .into_iter()
            .find(|verdict| verdict.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown outcome '{text}': expected true, false, partly, ambiguous or annulled"
                )
            })
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The file form of [`Outcome`]: `Open` or `Resolved(verdict: True, on: "…", …)`.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Outcome", deny_unknown_fields)]
enum OutcomeRepr {
    Open,
    Resolved {
        verdict: Verdict,
        on: NaiveDate,
        #[serde(default)]
        judge: Option<String>,
        #[serde(default)]
        evidence: Option<String>,
        #[serde(default)]
        link: Option<String>,
    },
}

impl From<OutcomeRepr> for Outcome {
    fn from(repr: OutcomeRepr) -> Self {
        match repr {
            OutcomeRepr::Open => Outcome::Open,
            OutcomeRepr::Resolved {
                verdict,
                on,
                judge,
                evidence,
                link,
            } => Outcome::Resolved(Resolution {
                verdict,
                on,
                judge,
                evidence,
                link,
            }),
        }
    }
}

impl From<Outcome> for OutcomeRepr {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Open => OutcomeRepr::Open,
            Outcome::Resolved(r) => OutcomeRepr::Resolved {
                verdict: r.verdict,
                on: r.on,
                judge: r.judge,
                evidence: r.evidence,
                link: r.link,
            },
        }
    }
}

/// The registry of forecasters, `people.ron` in the scenarios folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    pub format: u32,
    #[serde(default)]
    pub people: Vec<Person>,
}

/// A forecaster: a named person, or an unnamed group an article reports ("numerous analysts").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    /// The canonical name shown in reports.
    pub name: String,
    /// Other spellings and transliterations ("Toqaev" for "Tokayev").
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// A person, or a group or institution that speaks as one (unnamed analysts, "the
    /// Russian government"). `report` ranks individuals and lists the others apart.
    #[serde(default, skip_serializing_if = "Kind::is_individual")]
    pub kind: Kind,
}

/// What a forecaster in `people.ron` is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Kind {
    /// One person, named.
    #[default]
    Individual,
    /// Several people cited together, or unnamed ones ("numerous analysts", "speculation
    /// in Moscow").
    Group,
    /// An organization speaking as one: a government, a ministry, a bank, a weather office.
    Institution,
}

impl Kind {
    pub fn is_individual(&self) -> bool {
        *self == Kind::Individual
    }

    /// The lower-case name in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Individual => "individual",
            Kind::Group => "group",
            Kind::Institution => "institution",
        }
    }

    /// The variant name as written in RON files.
    pub fn ron_name(self) -> &'static str {
        match self {
            Kind::Individual => "Individual",
            Kind::Group => "Group",
            Kind::Institution => "Institution",
        }
    }
}
