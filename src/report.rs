//! Track records: counts and scores for a set of forecasts, whole and grouped by
//! forecaster, outlet, tag or scenario. The maths lives in [`crate::score`]; this module
//! decides which forecasts count and how ("partly", "ambiguous" and "annulled" are never
//! scored).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::ledger::{ForecastView, Kind, Ledger, ProbabilityOrigin};
use crate::relative::{RelativeScores, answered_questions, relative_scores};
use crate::score::{self, CalibrationBin, Decomposition, ScoredForecast};
use crate::words::{self, PhraseRecord, Readings};

pub use crate::score::SMALL_SAMPLE;

/// The seed of every bootstrap interval, so the same data always gives the same interval.
pub const BOOTSTRAP_SEED: u64 = 20_220_107;

/// The fewest scored forecasts a record is ranked on. Below it one forecast is a fifth of
/// the score or more, and a single lucky call decides the place: on the shipped ledger
/// the 95% bootstrap interval of a three-forecast record spans most of the leaderboard
/// (0.01–0.36 for the Russian government's). Such records are listed, with their scores,
/// but not placed.
pub const MIN_RANKED: usize = 5;

/// Who is ranked, and on how many scored forecasts at least.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranking {
    /// Rank groups and institutions with individuals (`--include-groups`) rather than
    /// listing them apart.
    pub include_groups: bool,
    /// The fewest scored forecasts a record is placed on ([`MIN_RANKED`] unless asked).
    pub min_scored: usize,
}

impl Default for Ranking {
    fn default() -> Ranking {
        Ranking {
            include_groups: false,
            min_scored: MIN_RANKED,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    Author,
    Outlet,
    Tag,
    Scenario,
    /// The hedge phrase a forecast's probability comes from (explicit probabilities are
    /// grouped as "(stated probability)").
    Phrase,
}

impl std::str::FromStr for GroupBy {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "author" | "forecaster" => Ok(GroupBy::Author),
            "outlet" => Ok(GroupBy::Outlet),
            "tag" => Ok(GroupBy::Tag),
            "scenario" => Ok(GroupBy::Scenario),
            "phrase" => Ok(GroupBy::Phrase),
            _ => Err(format!(
                "cannot group by '{text}': expected author, outlet, tag, scenario or phrase"
            )),
        }
    }
}

impl GroupBy {
    /// The groups a forecast belongs to (a forecast with several tags is in several groups).
    fn keys(self, view: &ForecastView) -> Vec<String> {
        match self {
            GroupBy::Author => vec![view.author_name().to_string()],
            GroupBy::Outlet => vec![
                view.source
                    .map_or("(unknown source)", |s| &s.outlet)
                    .to_string(),
            ],
            GroupBy::Scenario => vec![view.scenario().id.clone()],
            GroupBy::Phrase => vec![match view.entry.probability.as_ref().map(|p| &p.origin) {
                Some(ProbabilityOrigin::Phrase { phrase, .. }) => phrase.clone(),
                Some(ProbabilityOrigin::Explicit) => "(stated probability)".to_string(),
                None => "(no probability)".to_string(),
            }],
            GroupBy::Tag => {
                let mut tags: Vec<String> = view.tags().map(str::to_string).collect();
                tags.sort();
                tags.dedup();
                if tags.is_empty() {
                    tags.push("(untagged)".to_string());
                }
                tags
            }
        }
    }
}

/// How many forecasts a record covers, by state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Every forecast in the set.
    pub forecasts: usize,
    /// Given any verdict.
    pub resolved: usize,
    /// Resolved true or false, with a probability: the ones the scores are computed from.
    pub scored: usize,
    /// Not yet resolved.
    pub pending: usize,
    /// Not yet resolved and past the resolve-by date.
    pub overdue: usize,
}

/// The scores of one set of forecasts. A value that cannot be computed is `None` (null in
/// JSON), never 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackRecord {
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub brier: Option<f64>,
    /// 95% bootstrap interval of the Brier score; `None` below 2 scored forecasts.
    pub brier_ci: Option<(f64, f64)>,
    /// 1 − Brier / 0.25: above 0 beats always saying 50%.
    pub brier_skill: Option<f64>,
    pub log_score: Option<f64>,
    pub hit_rate: Option<f64>,
    /// Forecasts that took a side (probability ≠ 0.5) and were right, of those that took one.
    pub hits: usize,
    pub decided: usize,
    /// Fewer than [`SMALL_SAMPLE`] scored forecasts: read the scores with care.
    pub small_sample: bool,
    /// The Brier score with every phrase read at the low and high end of its range, and
    /// the best and worst the ranges allow (`brier_phrase_range`).
    #[serde(flatten)]
    pub readings: Readings,
    /// Place in the leaderboard by Brier score (1 = best; ties share a place); `None` for
    /// the overall record and groups with nothing scored.
    pub rank: Option<usize>,
    /// The best and worst place across the three readings of the phrase table.
    pub rank_range: Option<(usize, usize)>,
    /// The fewest scored forecasts the report placed a record on.
    #[serde(skip)]
    pub min_scored: usize,
    /// With `--by author`: "individual", "group" or "institution", as `people.ron` says
    /// (an unknown name is an individual).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// With `--by author`: scores against the others on the questions they shared
    /// (`shared_questions`, `relative_brier`, `peer_score`; null with none shared).
    #[serde(flatten)]
    pub relative: RelativeScores,
    /// Why the record has no place: "too few scored forecasts (3 of 5)", or "group" and
    /// "institution" when only individuals are ranked. `None` when ranked or when nothing
    /// is scored.
    pub not_ranked: Option<String>,
}

impl TrackRecord {
    pub fn new(name: impl Into<String>, counts: Counts, scored: &[ScoredForecast]) -> TrackRecord {
        let brier = score::brier_score(scored);
        let hit_rate = score::hit_rate(scored);
        TrackRecord {
            name: name.into(),
            counts,
            brier,
            brier_ci: score::bootstrap_brier_interval(scored, BOOTSTRAP_SEED),
            brier_skill: brier.map(score::brier_skill),
            log_score: score::log_score(scored),
            hit_rate: hit_rate.map(|h| h.rate),
            hits: hit_rate.map_or(0, |h| h.hits),
            decided: hit_rate.map_or(0, |h| h.decided),
            small_sample: scored.len() < SMALL_SAMPLE,
            readings: Readings::default(),
            rank: None,
            rank_range: None,
            kind: None,
            not_ranked: None,
            min_scored: MIN_RANKED,
            relative: RelativeScores::default(),
        }
    }
}

impl TrackRecord {
    /// "3 (2–6)": the place by Brier score and, when they differ, the best and worst place
    /// across the phrase table's readings; "n<5" on too few scored forecasts; "—" with
    /// nothing scored or for a group listed apart.
    pub fn place(&self) -> String {
        match (self.rank, self.rank_range) {
            (Some(rank), Some((best, worst))) if best != worst => {
                format!("{rank} ({best}–{worst})")
            }
            (Some(rank), _) => rank.to_string(),
            _ if self.is_collective() => self.kind.unwrap_or_default().to_string(),
            _ if self.not_ranked.is_some() => format!("n<{}", self.min_scored),
            _ => "—".to_string(),
        }
    }

    /// Whether the record is a group's or an institution's.
    pub fn is_collective(&self) -> bool {
        matches!(self.kind, Some("group" | "institution"))
    }
}

/// A whole report: one record per group, the overall record, and the calibration and
/// decomposition of all scored forecasts in the set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub group_by: GroupBy,
    /// Ranked records first, best Brier score first; then those not ranked (too few scored
    /// forecasts), then those with nothing scored, by name.
    pub groups: Vec<TrackRecord>,
    /// With `--by author`, unless everyone is ranked together: the groups and institutions
    /// of `people.ron`, listed apart and not ranked, in the same order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collectives: Option<Vec<TrackRecord>>,
    pub overall: TrackRecord,
    pub calibration: Vec<CalibrationBin>,
    pub decomposition: Option<Decomposition>,
    /// With `--by phrase`: each phrase's observed frequency against the table's value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phrases: Option<Vec<PhraseRecord>>,
}

/// Whether a forecast is scored, and how: its probability and whether the claim came true.
pub fn scored(view: &ForecastView) -> Option<ScoredForecast> {
    let happened = view.verdict()?.scored_as()?;
    let probability = view.probability()?;
    Some(ScoredForecast {
        lean: view.probability_range().and_then(crate::ledger::lean),
        ..ScoredForecast::new(probability, happened)
    })
}

/// Counts and scored forecasts of a set, in one pass.
fn tally<'a>(
    views: impl Iterator<Item = ForecastView<'a>>,
    today: NaiveDate,
) -> (Counts, Vec<ScoredForecast>) {
    let mut counts = Counts::default();
    let mut scored_forecasts = Vec::new();
    for view in views {
        counts.forecasts += 1;
        if view.verdict().is_some() {
            counts.resolved += 1;
        } else {
            counts.pending += 1;
            counts.overdue += usize::from(view.is_overdue(today));
        }
        if let Some(s) = scored(&view) {
            scored_forecasts.push(s);
        }
    }
    counts.scored = scored_forecasts.len();
    (counts, scored_forecasts)
}

/// The counts of a set of forecasts, without scoring them.
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn counts(ledger: &Ledger, entries: &[usize], today: NaiveDate) -> Counts {
    tally(entries.iter().map(|&i| ledger.view(i)), today).0
}

/// The track record of one set of forecasts.
pub fn track_record(
    ledger: &Ledger,
    entries: &[usize],
    name: &str,
    today: NaiveDate,
) -> TrackRecord {
    let (counts, scored) = tally(entries.iter().map(|&i| ledger.view(i)), today);
    let mut record = TrackRecord::new(name, counts, &scored);
    record.readings = words::readings(ledger, entries);
    record
}

/// Places each group in the leaderboard at each reading of the phrase table: its rank by
/// the table's Brier score, and the best and worst rank over the low, table and high
/// readings. A record with fewer than [`MIN_RANKED`] scored forecasts gets no place.
pub fn rank_groups(groups: &mut [TrackRecord], min_scored: usize) {
    let rankable = |g: &TrackRecord| g.counts.scored >= min_scored;
    let at = |reading: fn(&Readings) -> Option<f64>| -> Vec<Option<usize>> {
        let scores: Vec<Option<f64>> = groups
            .iter()
            .map(|g| reading(&g.readings).filter(|_| rankable(g)))
            .collect();
        words::ranks(&scores)
    };
    let (low, table, high) = (
        at(|r| r.brier_low),
        at(|r| r.brier_table),
        at(|r| r.brier_high),
    );
    for (i, group) in groups.iter_mut().enumerate() {
        group.min_scored = min_scored;
        if group.counts.scored > 0 && !rankable(group) {
            group.not_ranked = Some(format!(
                "too few scored forecasts ({} of {min_scored})",
                group.counts.scored
            ));
        }
        group.rank = table[i];
        let places: Vec<usize> = [low[i], table[i], high[i]].into_iter().flatten().collect();
        group.rank_range = places
            .iter()
            .min()
            .zip(places.iter().max())
            .map(|(best, worst)| (*best, *worst));
    }
}

/// The report on a set of forecasts (entry indices, e.g. from [`crate::query::Filter::apply`]),
/// individuals ranked and groups and institutions listed apart.
pub fn report(ledger: &Ledger, entries: &[usize], group_by: GroupBy, today: NaiveDate) -> Report {
    report_ranking(ledger, entries, group_by, today, Ranking::default())
}

/// [`report`], with who is ranked together.
pub fn report_ranking(
    ledger: &Ledger,
    entries: &[usize],
    group_by: GroupBy,
    today: NaiveDate,
    ranking: Ranking,
) -> Report {
    let mut members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &entry in entries {
        for key in group_by.keys(&ledger.view(entry)) {
            members.entry(key).or_default().push(entry);
        }
    }
    // The bootstrap intervals dominate the cost; groups are independent, so compute them
    // in parallel, and the whole set's record alongside.
    let (mut groups, whole) = rayon::join(
        || {
            members
                .par_iter()
                .map(|(name, group)| track_record(ledger, group, name, today))
                .collect::<Vec<TrackRecord>>()
        },
        || {
            let (counts, scored) = tally(entries.iter().map(|&i| ledger.view(i)), today);
            let mut overall = TrackRecord::new("All forecasts", counts, &scored);
            overall.readings = words::readings(ledger, entries);
            (overall, scored)
        },
    );
    let (overall, scored) = whole;
    let mut collectives = None;
    if group_by == GroupBy::Author {
        // The others on a question are everyone who answered it, whatever the filter
        // shows: `--author X` compares X with them, not with nobody.
        let everyone: Vec<usize> = ledger.forecasts().map(|view| view.entry_index).collect();
        let questions = answered_questions(ledger, &everyone);
        for group in &mut groups {
            let kind = ledger
                .person(&group.name)
                .map_or(Kind::Individual, |p| p.kind);
            group.kind = Some(kind.as_str());
            group.relative = relative_scores(&group.name, &questions);
        }
        if !ranking.include_groups {
            let (apart, individuals): (Vec<TrackRecord>, Vec<TrackRecord>) =
                groups.into_iter().partition(TrackRecord::is_collective);
            groups = individuals;
            let mut apart = apart;
            order(&mut apart);
            for record in &mut apart {
                record.not_ranked = record.kind.map(str::to_string);
            }
            collectives = Some(apart);
        }
    }
    rank_groups(&mut groups, ranking.min_scored);
    order(&mut groups);
    Report {
        as_of: today,
        group_by,
        groups,
        collectives,
        overall,
        calibration: score::calibration_table(&scored),
        decomposition: score::murphy_decomposition(&scored),
        phrases: (group_by == GroupBy::Phrase).then(|| words::phrase_calibration(ledger, entries)),
    }
}

/// The report's records as one list, for a leaderboard that shows everyone: the
/// individuals (ranked) first, then the groups and institutions, still unranked and marked
/// by their `kind`.
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn everyone_listed(mut report: Report) -> Report {
    if let Some(collectives) = report.collectives.take() {
        report.groups.extend(collectives);
    }
    report
}

/// Ranked records first by place, then the unranked with a score by Brier score, then
/// those with nothing scored; ties by name.
fn order(records: &mut [TrackRecord]) {
    records.sort_by(|a, b| {
        let key = |r: &TrackRecord| (r.rank.is_none(), r.brier.is_none());
        key(a).cmp(&key(b)).then_with(|| match (a.brier, b.brier) {
            (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.name.cmp(&b.name)),
            _ => a.name.cmp(&b.name),
        })
    });
}

/// The scored forecasts of a set, with the entry each came from.
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn scored_entries(ledger: &Ledger, entries: &[usize]) -> Vec<(usize, ScoredForecast)> {
    entries
        .iter()
        .filter_map(|&entry| scored(&ledger.view(entry)).map(|s| (entry, s)))
        .collect()
}

/// Which scored forecasts fall in each calibration bin (entry indices, bin by bin), so a
/// chart can name the forecasts behind a point.
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn calibration_members(ledger: &Ledger, entries: &[usize]) -> Vec<Vec<usize>> {
    let mut bins = vec![Vec::new(); score::CALIBRATION_BINS];
    for (entry, scored) in scored_entries(ledger, entries) {
        if let Some(bin) = score::calibration_bin(scored.probability) {
            bins[bin].push(entry);
        }
    }
    bins
}

/// One step of a running Brier score: after the forecast resolved on `date`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub struct CumulativePoint {
    pub date: NaiveDate,
    /// The Brier score of every scored forecast resolved up to and including this one.
    pub brier: f64,
    pub scored: usize,
    /// The forecast that resolved at this step.
    pub entry: usize,
}

/// The Brier score over time, in the order verdicts were given (ties by id).
#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
pub fn cumulative_brier(ledger: &Ledger, entries: &[usize]) -> Vec<CumulativePoint> {
    let mut steps: Vec<(NaiveDate, &str, usize, ScoredForecast)> = scored_entries(ledger, entries)
        .into_iter()
        .filter_map(|(entry, scored)| {
            let view = ledger.view(entry);
            let on = view.resolution()?.on();
            Some((on, view.forecast.id.as_str(), entry, scored))
        })
        .collect();
    steps.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut total = 0.0;
    steps
        .into_iter()
        .enumerate()
        .map(|(i, (date, _, entry, scored))| {
            let miss = scored.probability - if scored.happened { 1.0 } else { 0.0 };
            total += miss * miss;
            CumulativePoint {
                date,
                brier: total / (i + 1) as f64,
                scored: i + 1,
                entry,
            }
        })
        .collect()
}
