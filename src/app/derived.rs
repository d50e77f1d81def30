//! What the views show, computed from the ledger and the filter and cached: recomputed
//! only when the ledger, the filter or the sort order changes, never per frame, and never
//! by the views themselves. Track records of large sets (bootstrap intervals) are computed
//! in the background.

use std::sync::Arc;

use chrono::NaiveDate;

use super::background::{Poll, Task};
use super::leaderboard::{LeaderboardSort, leaderboard_order};
use crate::ledger::Ledger;
use crate::overview::{Overview, overview};
use crate::query::{Filter, SearchIndex, SortKey, sort_entries};
use crate::relative::{
    AnsweredQuestion, Comparison, answered_questions, compare, relative_scores, rivals,
};
use crate::report::{
    CumulativePoint, GroupBy, Report, TrackRecord, calibration_members, cumulative_brier,
    everyone_listed, report, scored_entries, track_record,
};
use crate::score::{CalibrationBin, calibration_table};
use crate::seeds::{QuoteContext, quote_context};
use crate::timeline::{
    TimelineGrouping, TimelineRow, TimelineSpans, timeline_rows, timeline_spans,
};
use crate::words::{PhraseRecord, phrase_calibration};

/// Sets with more forecasts than this get their track records in the background.
const BACKGROUND_REPORT_ABOVE: usize = 5_000;

/// How many recent verdicts the overview lists.
const LATEST_RESOLUTIONS: usize = 15;

#[derive(Clone, Debug, PartialEq)]
struct Key {
    generation: u64,
    filter: Filter,
    only: Option<Vec<usize>>,
    sort: SortKey,
    ascending: bool,
    today: NaiveDate,
}

#[derive(Default)]
pub struct Derived {
    key: Option<Key>,
    overview_generation: u64,
    /// The forecasts passing the filter, in table order.
    pub visible: Vec<usize>,
    /// Track records of `visible`, by forecaster (`None` while being computed).
    pub report: Option<Report>,
    /// Entry indices behind each calibration bin of `report`.
    pub calibration_members: Vec<Vec<usize>>,
    /// What each phrase meant across the visible forecasts (all forecasters pooled).
    pub phrases: Vec<PhraseRecord>,
    /// The groups of `report` in leaderboard order.
    pub leaderboard: Vec<usize>,
    /// The groups of `report` with a Brier score, best first (the Brier chart's rows).
    pub brier_chart: Vec<usize>,
    /// Bumped whenever `report` changes, so the orders above know when to follow.
    report_serial: u64,
    /// Bumped whenever `visible` changes, so the timeline knows when to follow.
    visible_serial: u64,
    timeline_for: Option<(u64, TimelineGrouping)>,
    /// The timeline's rows for `visible`, and the dates they span.
    pub timeline_rows: Vec<TimelineRow>,
    pub timeline_spans: Option<TimelineSpans>,
    orders_for: Option<(u64, LeaderboardSort)>,
    pub overview: Overview,
    /// Every question of the folder, in file order, with the entries of the forecasts on
    /// it (all of them, whatever the filter).
    pub questions: Vec<(String, Vec<usize>)>,
    /// The open forecaster page, when there is one.
    pub forecaster: Option<ForecasterPage>,
    /// The choices the filter bar offers, as (value, label).
    pub options: FilterOptions,
    /// Lower-cased searchable text, built the first time a search is typed after a load.
    search_index: Option<(u64, SearchIndex)>,
    /// The track records of a large selection, computed in the background for `Key`.
    job: Option<Task<(Key, Report)>>,
    /// The selected forecast's quote in its article, read from the seed file once per
    /// selection and load: (generation, forecast id, context).
    quote: Option<(u64, String, Result<QuoteContext, String>)>,
}

/// One forecaster's record within the current selection.
#[derive(Clone, Debug)]
pub struct ForecasterPage {
    pub name: String,
    /// Their forecasts among the visible ones, in table order.
    pub entries: Vec<usize>,
    pub record: TrackRecord,
    pub calibration: Vec<CalibrationBin>,
    pub calibration_members: Vec<Vec<usize>>,
    pub cumulative: Vec<CumulativePoint>,
    /// What each of their phrases meant: how often it came true against the table.
    pub phrases: Vec<PhraseRecord>,
    /// Head to head with each forecaster who answered a question they answered.
    pub head_to_head: Vec<Comparison>,
    /// The questions answered by more than one forecaster (all forecasts, whatever the
    /// filter): what relative scores and comparisons are computed on.
    answered: Vec<AnsweredQuestion>,
    /// Side by side with the forecaster the user picked, when one is.
    pub compared: Option<Compared>,
}

/// A forecaster's page beside another forecaster's: the other's record within the same
/// selection, and the two on the questions both answered.
#[derive(Clone, Debug)]
pub struct Compared {
    pub record: TrackRecord,
    pub comparison: Comparison,
}

/// The values present in the ledger, for the filter bar's drop-downs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterOptions {
    pub scenarios: Vec<(String, String)>,
    pub tags: Vec<(String, String)>,
    pub outlets: Vec<(String, String)>,
    pub people: Vec<(String, String)>,
}

impl FilterOptions {
    fn of(ledger: &Ledger) -> FilterOptions {
        use std::collections::BTreeSet;
        let pairs = |values: BTreeSet<&str>| {
            values
                .into_iter()
                .map(|v| (v.to_string(), v.to_string()))
                .collect()
        };
        let mut people: Vec<(String, String)> = ledger
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        people.sort_by(|a, b| a.1.cmp(&b.1));
        FilterOptions {
            scenarios: ledger
                .files
                .iter()
                .map(|f| (f.scenario.id.clone(), f.scenario.title.clone()))
                .collect(),
            tags: pairs(
                ledger
                    .forecasts()
                    .flat_map(|view| view.tags().collect::<Vec<_>>())
                    .collect(),
            ),
            outlets: pairs(
                ledger
                    .files
                    .iter()
                    .flat_map(|f| f.scenario.sources.iter().map(|s| s.outlet.as_str()))
                    .collect(),
            ),
            people,
        }
    }
}

/// What the derived data is computed from.
pub struct Inputs<'a> {
    pub ledger: &'a Arc<Ledger>,
    pub generation: u64,
    pub filter: &'a Filter,
    /// An explicit set of entries (from a chart click) instead of the filter's result.
    pub only: Option<&'a [usize]>,
    pub sort: SortKey,
    pub ascending: bool,
    pub today: NaiveDate,
    /// The forecaster whose page is open.
    pub forecaster: Option<&'a str>,
    /// The forecaster shown beside them, when one is picked.
    pub compare_with: Option<&'a str>,
    pub leaderboard: LeaderboardSort,
    /// How the timeline groups its rows, when the timeline is shown.
    pub timeline: Option<TimelineGrouping>,
    /// The selected forecast's id.
    pub selected: Option<&'a str>,
}

impl Derived {
    /// Brings everything up to date with `inputs`; cheap when nothing changed.
    pub fn update(&mut self, inputs: Inputs, ctx: &egui::Context) {
        let ledger = inputs.ledger;
        if self.overview_generation != inputs.generation {
            self.overview = overview(ledger, inputs.today, LATEST_RESOLUTIONS);
            self.options = FilterOptions::of(ledger);
            self.questions = ledger
                .answers_by_question()
                .into_iter()
                .map(|(question, entries)| (question.question.id.clone(), entries))
                .collect();
            self.overview_generation = inputs.generation;
        }
        self.collect_job();
        let key = Key {
            generation: inputs.generation,
            filter: inputs.filter.clone(),
            only: inputs.only.map(<[usize]>::to_vec),
            sort: inputs.sort,
            ascending: inputs.ascending,
            today: inputs.today,
        };
        let stale = self.key.as_ref() != Some(&key);
        if stale {
            self.refilter(&inputs, key, ctx);
        }
        self.update_forecaster(ledger, inputs.forecaster, inputs.today, stale);
        self.update_compared(ledger, inputs.compare_with, inputs.today);
        self.update_orders(inputs.leaderboard);
        self.update_timeline(ledger, inputs.timeline, inputs.today);
        self.update_quote(ledger, inputs.generation, inputs.selected);
    }

    /// The visible forecasts, and their track records when the selection changed.
    fn refilter(&mut self, inputs: &Inputs, key: Key, ctx: &egui::Context) {
        let ledger = inputs.ledger;
        if inputs.filter.search.is_some()
            && self
                .search_index
                .as_ref()
                .is_none_or(|(generation, _)| *generation != inputs.generation)
        {
            self.search_index = Some((inputs.generation, SearchIndex::new(ledger)));
        }
        let index = self.search_index.as_ref().map(|(_, index)| index);
        let mut visible = match inputs.only {
            Some(only) => only
                .iter()
                .copied()
                .filter(|&i| i < ledger.entries.len())
                .collect(),
            None => inputs.filter.apply_indexed(ledger, inputs.today, index),
        };
        sort_entries(ledger, &mut visible, inputs.sort, inputs.ascending);
        let report_changed = self.key.as_ref().is_none_or(|old| {
            (old.generation, &old.filter, &old.only, old.today)
                != (key.generation, &key.filter, &key.only, key.today)
        });
        self.visible = visible;
        self.visible_serial += 1;
        if report_changed {
            self.calibration_members = calibration_members(ledger, &self.visible);
            self.phrases = phrase_calibration(ledger, &self.visible);
            if self.visible.len() <= BACKGROUND_REPORT_ABOVE {
                self.set_report(Some(everyone_listed(report(
                    ledger,
                    &self.visible,
                    GroupBy::Author,
                    inputs.today,
                ))));
                self.job = None;
            } else {
                self.set_report(None);
                let (ledger, entries, job_key) =
                    (Arc::clone(ledger), self.visible.clone(), key.clone());
                self.job = Some(Task::spawn(ctx, move || {
                    let report =
                        everyone_listed(report(&ledger, &entries, GroupBy::Author, job_key.today));
                    (job_key, report)
                }));
            }
        }
        self.key = Some(key);
    }

    fn set_report(&mut self, report: Option<Report>) {
        self.report = report;
        self.report_serial += 1;
    }

    /// The leaderboard and Brier chart orders of the current report.
    fn update_orders(&mut self, sort: LeaderboardSort) {
        if self.orders_for == Some((self.report_serial, sort)) {
            return;
        }
        self.orders_for = Some((self.report_serial, sort));
        let groups = self
            .report
            .as_ref()
            .map_or(&[][..], |r| r.groups.as_slice());
        self.leaderboard = leaderboard_order(groups, sort);
        let mut scored: Vec<usize> = (0..groups.len())
            .filter(|&g| groups[g].brier.is_some())
            .collect();
        scored.sort_by(|&a, &b| {
            let brier = |g: usize| groups[g].brier.unwrap_or(1.0);
            brier(a).total_cmp(&brier(b))
        });
        self.brier_chart = scored;
    }

    /// The timeline's rows and spans for the visible forecasts.
    fn update_timeline(
        &mut self,
        ledger: &Ledger,
        grouping: Option<TimelineGrouping>,
        today: NaiveDate,
    ) {
        let Some(grouping) = grouping else { return };
        if self.timeline_for == Some((self.visible_serial, grouping)) {
            return;
        }
        self.timeline_for = Some((self.visible_serial, grouping));
        self.timeline_rows = timeline_rows(ledger, &self.visible, grouping);
        self.timeline_spans = Some(timeline_spans(ledger, &self.visible, today));
    }

    fn update_quote(&mut self, ledger: &Ledger, generation: u64, selected: Option<&str>) {
        let Some((id, entry)) = selected.and_then(|id| Some((id, ledger.find(id)?))) else {
            self.quote = None;
            return;
        };
        let current = self
            .quote
            .as_ref()
            .is_some_and(|(cached, cached_id, _)| *cached == generation && cached_id == id);
        if !current {
            let context = quote_context(ledger, &ledger.view(entry));
            self.quote = Some((generation, id.to_string(), context));
        }
    }

    /// The quote context of forecast `id`, when it is the selected one.
    pub fn quote_context(&self, id: &str) -> Option<&Result<QuoteContext, String>> {
        self.quote
            .as_ref()
            .filter(|(_, cached, _)| cached == id)
            .map(|(_, _, context)| context)
    }

    fn update_forecaster(
        &mut self,
        ledger: &Ledger,
        name: Option<&str>,
        today: NaiveDate,
        stale: bool,
    ) {
        let Some(name) = name else {
            self.forecaster = None;
            return;
        };
        if !stale
            && self
                .forecaster
                .as_ref()
                .is_some_and(|page| page.name == name)
        {
            return;
        }
        let entries = self.entries_of(ledger, name);
        // Against everyone who answered the same questions, whatever the filter shows.
        let everyone: Vec<usize> = ledger.forecasts().map(|view| view.entry_index).collect();
        let answered = answered_questions(ledger, &everyone);
        let record = record_of(ledger, &entries, name, today, &answered);
        let head_to_head = rivals(&answered, name)
            .into_iter()
            .map(|other| compare(&answered, name, &other))
            .collect();
        let scored: Vec<_> = scored_entries(ledger, &entries)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        self.forecaster = Some(ForecasterPage {
            name: name.to_string(),
            calibration: calibration_table(&scored),
            calibration_members: calibration_members(ledger, &entries),
            cumulative: cumulative_brier(ledger, &entries),
            phrases: phrase_calibration(ledger, &entries),
            record,
            entries,
            head_to_head,
            answered,
            compared: None,
        });
    }

    /// The open page's comparison with `other`, computed when the pick (or the page) changes.
    fn update_compared(&mut self, ledger: &Ledger, other: Option<&str>, today: NaiveDate) {
        let Some(page) = &self.forecaster else {
            return;
        };
        let shown = page.compared.as_ref().map(|c| c.comparison.b.as_str());
        if shown == other {
            return;
        }
        let compared = other.map(|other| {
            let entries = self.entries_of(ledger, other);
            Compared {
                record: record_of(ledger, &entries, other, today, &page.answered),
                comparison: compare(&page.answered, &page.name, other),
            }
        });
        if let Some(page) = &mut self.forecaster {
            page.compared = compared;
        }
    }

    /// `name`'s forecasts among the visible ones, in table order.
    fn entries_of(&self, ledger: &Ledger, name: &str) -> Vec<usize> {
        self.visible
            .iter()
            .copied()
            .filter(|&entry| ledger.view(entry).author_name() == name)
            .collect()
    }

    fn collect_job(&mut self) {
        let Some(job) = &self.job else { return };
        let (key, report) = match job.poll() {
            Poll::Running => return,
            Poll::Done(done) => done,
            // The computation panicked: the track records stay "being computed" until the
            // selection changes and they are computed afresh.
            Poll::Lost => {
                self.job = None;
                return;
            }
        };
        self.job = None;
        // A result for a filter that has since changed is dropped.
        let current = self.key.as_ref().is_some_and(|current| {
            (current.generation, &current.filter, &current.only)
                == (key.generation, &key.filter, &key.only)
        });
        if current {
            self.set_report(Some(report));
        }
        // The bootstrap's scratch is freed by now: hand it back (see `session`).
        super::session::release_freed_memory();
    }

    /// The entries of the forecasts on question `id` (every forecast, whatever the
    /// filter): one lookup, where walking the ledger every frame would cost a pass over
    /// every forecast.
    pub fn answers(&self, id: &str) -> &[usize] {
        self.questions
            .iter()
            .find(|(asked, _)| asked == id)
            .map_or(&[][..], |(_, entries)| entries.as_slice())
    }

    /// Forgets everything (a new folder).
    pub fn clear(&mut self) {
        *self = Derived::default();
    }
}

/// `name`'s track record over `entries`, with their scores against the others on the
/// `answered` questions.
fn record_of(
    ledger: &Ledger,
    entries: &[usize],
    name: &str,
    today: NaiveDate,
    answered: &[AnsweredQuestion],
) -> TrackRecord {
    let mut record = track_record(ledger, entries, name, today);
    record.relative = relative_scores(name, answered);
    record
}
