//! What needs attention in a ledger: per-scenario counts, the forecasts waiting for a
//! verdict (overdue, oldest first) and the latest verdicts. Shared by `hindsight due` and
//! the app's overview, so both list the same forecasts in the same order.

use chrono::NaiveDate;

use crate::ledger::Ledger;
use crate::report::{Counts, counts};

#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
/// One scenario's line in the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioSummary {
    /// Index into [`Ledger::files`].
    pub file: usize,
    pub id: String,
    pub title: String,
    pub counts: Counts,
}

#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    pub scenarios: Vec<ScenarioSummary>,
    /// Unresolved forecasts past their resolve-by date, oldest first.
    pub needs_review: Vec<usize>,
    /// Resolved forecasts, most recent verdict first.
    pub latest_resolutions: Vec<usize>,
}

/// Entry indices of the overdue forecasts among `entries`, oldest resolve-by date first
/// (then by id, so the order is stable).
pub fn overdue(
    ledger: &Ledger,
    entries: impl IntoIterator<Item = usize>,
    today: NaiveDate,
) -> Vec<usize> {
    let mut due: Vec<usize> = entries
        .into_iter()
        .filter(|&entry| ledger.view(entry).is_overdue(today))
        .collect();
    due.sort_by(|&a, &b| {
        let (a, b) = (ledger.view(a).forecast, ledger.view(b).forecast);
        (a.resolve_by.date(), &a.id).cmp(&(b.resolve_by.date(), &b.id))
    });
    due
}

#[cfg_attr(not(feature = "app"), allow(dead_code))] // the app's alone
/// The overview of a whole ledger; `latest` caps the list of recent verdicts.
pub fn overview(ledger: &Ledger, today: NaiveDate, latest: usize) -> Overview {
    let scenarios = ledger
        .files
        .iter()
        .enumerate()
        .map(|(file, scenario_file)| {
            let entries: Vec<usize> = ledger
                .forecasts()
                .filter(|view| view.entry.file == file)
                .map(|view| view.entry_index)
                .collect();
            ScenarioSummary {
                file,
                id: scenario_file.scenario.id.clone(),
                title: scenario_file.scenario.title.clone(),
                counts: counts(ledger, &entries, today),
            }
        })
        .collect();
    let known: Vec<usize> = ledger.forecasts().map(|view| view.entry_index).collect();
    let mut resolved: Vec<usize> = known
        .iter()
        .copied()
        .filter(|&entry| ledger.view(entry).verdict().is_some())
        .collect();
    resolved.sort_by(|&a, &b| {
        let on = |entry: usize| ledger.view(entry).resolution().map(|r| r.on());
        on(b).cmp(&on(a)).then_with(|| a.cmp(&b))
    });
    resolved.truncate(latest);
    Overview {
        scenarios,
        needs_review: overdue(ledger, known, today),
        latest_resolutions: resolved,
    }
}
