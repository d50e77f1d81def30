//! The timeline's layout, for any view that draws one: which rows it has (forecasts,
//! grouped by scenario or forecaster under a heading each), which dates it spans at first
//! (most forecasts, not the one that resolves in thirty years), and where its calendar
//! ticks fall (whole months or years, labelled as people write them).

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::ledger::Ledger;

/// How the timeline groups its rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TimelineGrouping {
    /// One row per forecast, in table order.
    #[default]
    None,
    Scenario,
    Forecaster,
}

impl TimelineGrouping {
    pub const ALL: [TimelineGrouping; 3] = [
        TimelineGrouping::None,
        TimelineGrouping::Scenario,
        TimelineGrouping::Forecaster,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TimelineGrouping::None => "nothing",
            TimelineGrouping::Scenario => "scenario",
            TimelineGrouping::Forecaster => "forecaster",
        }
    }
}

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineRow {
    /// The heading of a group, with how many forecasts follow it.
    Group { label: String, count: usize },
    /// A forecast, by entry index.
    Forecast(usize),
}

/// The rows for `entries` (in table order): the entries themselves, or each group's
/// heading followed by its entries in table order, groups by name.
pub fn timeline_rows(
    ledger: &Ledger,
    entries: &[usize],
    grouping: TimelineGrouping,
) -> Vec<TimelineRow> {
    let key = |entry: usize| -> Option<&str> {
        let view = ledger.view(entry);
        match grouping {
            TimelineGrouping::None => None,
            TimelineGrouping::Scenario => Some(view.scenario().title.as_str()),
            TimelineGrouping::Forecaster => Some(view.author_name()),
        }
    };
    if grouping == TimelineGrouping::None {
        return entries.iter().map(|&e| TimelineRow::Forecast(e)).collect();
    }
    // Case-insensitive order, so "de Waal" sorts among the Ds.
    let mut groups: BTreeMap<(String, &str), Vec<usize>> = BTreeMap::new();
    for &entry in entries {
        let name = key(entry).unwrap_or_default();
        groups
            .entry((name.to_lowercase(), name))
            .or_default()
            .push(entry);
    }
    let mut rows = Vec::with_capacity(entries.len() + groups.len());
    for ((_, name), members) in groups {
        rows.push(TimelineRow::Group {
            label: name.to_string(),
            count: members.len(),
        });
        rows.extend(members.into_iter().map(TimelineRow::Forecast));
    }
    rows
}

/// A span of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The narrowest span a zoom goes to, in days.
const MIN_DAYS: i64 = 14;

impl DateSpan {
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days().max(1)
    }

    /// The middle day.
    pub fn middle(self) -> NaiveDate {
        self.start + chrono::Duration::days(self.days() / 2)
    }

    /// The same length moved by `days` (negative: earlier).
    pub fn shifted(self, days: i64) -> DateSpan {
        DateSpan {
            start: self.start + chrono::Duration::days(days),
            end: self.end + chrono::Duration::days(days),
        }
    }

    /// Zoomed by `factor` (2: twice as close) about `center`, which stays where it is; no
    /// closer than two weeks and no wider than two centuries.
    pub fn zoomed(self, center: NaiveDate, factor: f64) -> DateSpan {
        let scaled = |days: i64| (days as f64 / factor).round() as i64;
        let mut start = center - chrono::Duration::days(scaled((center - self.start).num_days()));
        let mut end = center + chrono::Duration::days(scaled((self.end - center).num_days()));
        if (end - start).num_days() < MIN_DAYS {
            start = center - chrono::Duration::days(MIN_DAYS / 2);
            end = center + chrono::Duration::days(MIN_DAYS / 2);
        }
        DateSpan {
            start,
            end: end.min(shift_months(start, 2400)),
        }
    }
}

/// Where the timeline's forecasts lie: the span that shows them all, the span it opens
/// on, and how many bars that one cuts at each end.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineSpans {
    pub all: DateSpan,
    pub fitted: DateSpan,
    /// Forecasts made before `fitted` starts.
    pub before: usize,
    /// Forecasts whose resolve-by date or verdict lies after `fitted` ends.
    pub after: usize,
    /// Whether `fitted` shows today (it does unless today lies far from the forecasts).
    pub shows_today: bool,
}

/// The share of forecasts (at least one) the opening span may leave partly outside at
/// each end: a few outliers (a forecast resolving in 2036 among ones resolving this year)
/// should not squeeze the rest into a corner of the chart.
const OUTLIER_SHARE: f64 = 0.02;

/// The spans for `entries`. The opening span reaches to today when today is near the
/// forecasts (a quarter of their span away at most), so what is coming due is seen against
/// it; an old ledger read years later opens on its own dates instead of a corner.
pub fn timeline_spans(ledger: &Ledger, entries: &[usize], today: NaiveDate) -> TimelineSpans {
    let mut starts: Vec<NaiveDate> = Vec::with_capacity(entries.len());
    let mut ends: Vec<NaiveDate> = Vec::with_capacity(entries.len());
    for &entry in entries {
        let view = ledger.view(entry);
        let made = view.forecast.made;
        let mut end = view.forecast.resolve_by.date().max(made);
        if let Some(resolution) = view.resolution() {
            end = end.max(resolution.on());
        }
        starts.push(made);
        ends.push(end);
    }
    spans_of(starts, ends, today)
}

/// [`timeline_spans`] from each forecast's first and last day.
fn spans_of(
    mut starts: Vec<NaiveDate>,
    mut ends: Vec<NaiveDate>,
    today: NaiveDate,
) -> TimelineSpans {
    starts.sort_unstable();
    ends.sort_unstable();
    let (Some(&first), Some(&last)) = (starts.first(), ends.last()) else {
        let around = padded(
            today - chrono::Days::new(365),
            today + chrono::Days::new(365),
        );
        return TimelineSpans {
            all: around,
            fitted: around,
            before: 0,
            after: 0,
            shows_today: true,
        };
    };
    let n = starts.len();
    let (mut fitted_start, mut fitted_end) = (first, last);
    if n >= 4 {
        // Leave out up to `k` forecasts at an end only when they lie far out: further
        // from the rest than half the rest's span.
        let k = ((n as f64 * OUTLIER_SHARE).ceil() as usize).max(1);
        let (inner_start, inner_end) = (starts[k], ends[n - 1 - k]);
        let core = (inner_end - inner_start).num_days().max(30);
        if (last - inner_end).num_days() > core / 2 {
            fitted_end = inner_end;
        }
        if (inner_start - first).num_days() > core / 2 {
            fitted_start = inner_start;
        }
    }
    let reach = (fitted_end - fitted_start).num_days().max(30) / 4;
    let shows_today =
        (fitted_start - today).num_days() <= reach && (today - fitted_end).num_days() <= reach;
    if shows_today {
        (fitted_start, fitted_end) = (fitted_start.min(today), fitted_end.max(today));
    }
    let before = starts.partition_point(|&d| d < fitted_start);
    let after = ends.len() - ends.partition_point(|&d| d <= fitted_end);
    let fitted = padded(fitted_start, fitted_end);
    TimelineSpans {
        all: if before + after == 0 {
            fitted
        } else {
            padded(first.min(today), last.max(today))
        },
        fitted,
        before,
        after,
        shows_today,
    }
}

/// `start..end` with a margin of a twentieth on each side (at least a week), so bars that
/// end at the edge and their verdict markers are not cut.
fn padded(start: NaiveDate, end: NaiveDate) -> DateSpan {
    let margin = ((end - start).num_days() / 20).max(7) as u64;
    DateSpan {
        start: start - chrono::Days::new(margin),
        end: end + chrono::Days::new(margin),
    }
}

/// A tick of a calendar axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarTick {
    pub date: NaiveDate,
    /// "2022", "Mar 2022" or "Mar" (a month within the year of the last labelled tick).
    pub label: String,
    /// The first of a year: drawn stronger.
    pub year: bool,
}

/// Ticks on whole calendar units across `span`, at most `max_ticks` of them: every month,
/// every 2, 3 or 6 months, or every 1, 2, 5, 10… years, whichever is the finest that fits.
pub fn calendar_ticks(span: DateSpan, max_ticks: usize) -> Vec<CalendarTick> {
    let max_ticks = max_ticks.max(2);
    let months = (span.days() as f64 / 30.44).max(1.0);
    let step = [1u32, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200]
        .into_iter()
        .find(|&step| months / f64::from(step) <= max_ticks as f64)
        .unwrap_or(1200);
    let mut ticks = Vec::new();
    // The first whole step on or after the start: months counted from year 0.
    let first_month = span.start.year() as i64 * 12 + i64::from(span.start.month0());
    let step_i = i64::from(step);
    let mut month = first_month.div_euclid(step_i) * step_i;
    while let Some(date) = NaiveDate::from_ymd_opt(
        month.div_euclid(12) as i32,
        month.rem_euclid(12) as u32 + 1,
        1,
    ) {
        if date > span.end {
            break;
        }
        if date >= span.start {
            let year = date.month() == 1;
            let label = if step >= 12 || year {
                date.format("%Y").to_string()
            } else if ticks.is_empty() {
                date.format("%b %Y").to_string()
            } else {
                date.format("%b").to_string()
            };
            ticks.push(CalendarTick { date, label, year });
        }
        month += step_i;
        if ticks.len() > max_ticks * 2 {
            break;
        }
    }
    ticks
}

/// `date` moved by `months` calendar months (negative: back), clamped to the calendar.
pub fn shift_months(date: NaiveDate, months: i32) -> NaiveDate {
    if months >= 0 {
        date.checked_add_months(Months::new(months as u32))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    }
    .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn span(start: &str, end: &str) -> DateSpan {
        DateSpan {
            start: day(start),
            end: day(end),
        }
    }

    fn labels(ticks: &[CalendarTick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn a_few_months_are_ticked_every_month_with_the_year_on_the_first_and_on_january() {
        let ticks = calendar_ticks(span("2021-10-15", "2022-03-10"), 10);
        assert_eq!(labels(&ticks), ["Nov 2021", "Dec", "2022", "Feb", "Mar"]);
        assert!(ticks[2].year && !ticks[1].year);
    }

    #[test]
    fn years_are_ticked_on_round_steps_when_months_would_crowd() {
        let ticks = calendar_ticks(span("2016-07-18", "2036-01-01"), 8);
        assert_eq!(labels(&ticks), ["2020", "2025", "2030", "2035"]);
        let ticks = calendar_ticks(span("2021-06-01", "2024-02-01"), 8);
        assert_eq!(
            labels(&ticks),
            ["Jul 2021", "2022", "Jul", "2023", "Jul", "2024"]
        );
    }

    #[test]
    fn one_forecast_resolving_decades_later_is_left_off_the_opening_span() {
        let starts: Vec<_> = [
            "2022-01-05",
            "2022-01-07",
            "2022-01-10",
            "2022-01-12",
            "2022-02-01",
        ]
        .map(day)
        .to_vec();
        let ends: Vec<_> = [
            "2022-06-30",
            "2022-12-31",
            "2023-01-01",
            "2022-03-01",
            "2036-01-01",
        ]
        .map(day)
        .to_vec();
        let spans = spans_of(starts.clone(), ends.clone(), day("2022-11-22"));
        assert_eq!(spans.after, 1);
        assert_eq!(spans.before, 0);
        assert!(spans.fitted.end < day("2023-03-01"), "{:?}", spans.fitted);
        assert!(spans.fitted.start < day("2022-01-05"));
        assert!(spans.all.end > day("2036-01-01"));
        // Today, some months after the forecasts, is in view; years later, it is not, and
        // the forecasts keep the chart.
        assert!(spans.shows_today);
        let later = spans_of(starts, ends, day("2026-12-03"));
        assert!(!later.shows_today);
        assert!(later.fitted.end < day("2023-03-01"));
        assert!(later.all.end > day("2036-01-01"));
    }

    #[test]
    fn forecasts_spread_evenly_are_all_in_the_opening_span() {
        let starts: Vec<_> = (0..10)
            .map(|i| day("2020-01-01") + chrono::Days::new(i * 100))
            .collect();
        let ends: Vec<_> = starts.iter().map(|&d| d + chrono::Days::new(400)).collect();
        let spans = spans_of(starts, ends, day("2021-01-01"));
        assert_eq!((spans.before, spans.after), (0, 0));
        assert_eq!(spans.fitted, spans.all);
    }

    #[test]
    fn a_span_zooms_about_a_day_that_stays_put_within_limits() {
        let year = span("2022-01-01", "2023-01-01");
        let closer = year.zoomed(day("2022-04-01"), 2.0);
        // 90 days before 1 April become 45, 275 after become 138 (137.5 rounded).
        assert_eq!(closer, span("2022-02-15", "2022-08-17"));
        assert_eq!(
            closer.zoomed(day("2022-04-01"), 0.5),
            span("2022-01-01", "2023-01-02")
        );
        // Never closer than two weeks, never wider than two centuries.
        assert_eq!(year.zoomed(day("2022-06-01"), 1000.0).days(), 14);
        let wide = year.zoomed(day("2022-06-01"), 0.001);
        assert!(wide.days() <= 366 * 200, "{wide:?}");
        assert_eq!(year.shifted(-31), span("2021-12-01", "2022-12-01"));
        assert_eq!(year.middle(), day("2022-07-02"));
    }

    #[test]
    fn months_are_shifted_within_the_calendar() {
        assert_eq!(shift_months(day("2022-01-31"), 1), day("2022-02-28"));
        assert_eq!(shift_months(day("2022-03-15"), -3), day("2021-12-15"));
    }
}
