//! Choosing forecasts: the filter shared by `list`, `report`, `due` and the app, so a
//! filtered track record always covers exactly the forecasts a filtered list shows.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ledger::people::name_key;
use crate::ledger::{Call, ForecastView, Ledger, Verdict};

/// Which outcomes to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutcomeFilter {
    /// Not yet resolved.
    Open,
    /// Open and past the resolve-by date.
    Overdue,
    /// Resolved, whatever the verdict.
    Resolved,
    Verdict(Verdict),
}

impl std::str::FromStr for OutcomeFilter {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "open" | "unresolved" | "pending" => Ok(OutcomeFilter::Open),
            "overdue" => Ok(OutcomeFilter::Overdue),
            "resolved" => Ok(OutcomeFilter::Resolved),
            other => other.parse::<Verdict>().map(OutcomeFilter::Verdict).map_err(|_| {
                format!(
                    "unknown outcome '{text}': expected open, overdue, resolved, true, false, partly, ambiguous or annulled"
                )
            }),
        }
    }
}

/// A conjunction of conditions; an empty filter keeps everything. Text fields compare
/// without regard to case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Scenario id.
    pub scenario: Option<String>,
    /// A tag of the forecast or of its scenario.
    pub tag: Option<String>,
    /// The outlet of the forecast's source.
    pub outlet: Option<String>,
    /// The source's id.
    pub source: Option<String>,
    /// The forecaster, by id, name or alias.
    pub author: Option<String>,
    pub outcome: Option<OutcomeFilter>,
    /// The forecaster's side of the outcome.
    pub call: Option<Call>,
    /// Made on or after this date.
    pub made_from: Option<NaiveDate>,
    /// Made on or before this date.
    pub made_to: Option<NaiveDate>,
    /// Words that must all appear in the quote, claim or forecaster's name.
    pub search: Option<String>,
    /// The question the forecast answers, by id.
    #[serde(default)]
    pub question: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Entry indices of the forecasts that pass, in ledger order.
    pub fn apply(&self, ledger: &Ledger, today: NaiveDate) -> Vec<usize> {
        self.apply_indexed(ledger, today, None)
    }

    /// As [`Filter::apply`], searching a prepared [`SearchIndex`] of the same ledger.
    pub fn apply_indexed(
        &self,
        ledger: &Ledger,
        today: NaiveDate,
        index: Option<&SearchIndex>,
    ) -> Vec<usize> {
        let prepared = Prepared::new(self, ledger);
        ledger
            .forecasts()
            .filter(|view| prepared.matches(view, today, index))
            .map(|view| view.entry_index)
            .collect()
    }
}

/// A filter with its text lower-cased and its forecaster looked up once, not per forecast.
struct Prepared<'a> {
    filter: &'a Filter,
    author: Option<AuthorMatch>,
    search_words: Vec<String>,
}

enum AuthorMatch {
    Person(usize),
    /// Not in the registry: compare with the name as written.
    Written(String),
}

impl<'a> Prepared<'a> {
    fn new(filter: &'a Filter, ledger: &Ledger) -> Prepared<'a> {
        let author = filter.author.as_deref().map(|name| {
            match ledger
                .person(name)
                .and_then(|p| ledger.people.iter().position(|q| q.id == p.id))
            {
                Some(index) => AuthorMatch::Person(index),
                None => AuthorMatch::Written(name_key(name)),
            }
        });
        let search_words = filter
            .search
            .as_deref()
            .map(|text| text.split_whitespace().map(str::to_lowercase).collect())
            .unwrap_or_default();
        Prepared {
            filter,
            author,
            search_words,
        }
    }

    fn matches(&self, view: &ForecastView, today: NaiveDate, index: Option<&SearchIndex>) -> bool {
        let filter = self.filter;
        let forecast = view.forecast;
        let same = |wanted: &Option<String>, actual: &str| {
            wanted
                .as_deref()
                .is_none_or(|w| w.eq_ignore_ascii_case(actual))
        };
        if !same(&filter.scenario, &view.scenario().id) || !same(&filter.source, &forecast.source) {
            return false;
        }
        if let Some(outlet) = &filter.outlet
            && !view
                .source
                .is_some_and(|s| outlet_matches(outlet, &s.outlet))
        {
            return false;
        }
        if let Some(tag) = &filter.tag
            && !view.tags().any(|t| t.eq_ignore_ascii_case(tag))
        {
            return false;
        }
        match &self.author {
            Some(AuthorMatch::Person(index)) if view.entry.person != Some(*index) => return false,
            Some(AuthorMatch::Written(key)) if name_key(&forecast.by) != *key => return false,
            _ => {}
        }
        if filter.made_from.is_some_and(|from| forecast.made < from)
            || filter.made_to.is_some_and(|to| forecast.made > to)
        {
            return false;
        }
        if let Some(outcome) = filter.outcome {
            let keep = match outcome {
                OutcomeFilter::Open => view.verdict().is_none(),
                OutcomeFilter::Overdue => view.is_overdue(today),
                OutcomeFilter::Resolved => view.verdict().is_some(),
                OutcomeFilter::Verdict(verdict) => view.verdict() == Some(verdict),
            };
            if !keep {
                return false;
            }
        }
        if filter.call.is_some() && view.call() != filter.call {
            return false;
        }
        if let Some(question) = &filter.question
            && view
                .forecast
                .question
                .as_ref()
                .is_none_or(|on| on.id() != question)
        {
            return false;
        }
        self.search_words.is_empty() || self.search_matches(view, index)
    }

    fn search_matches(&self, view: &ForecastView, index: Option<&SearchIndex>) -> bool {
        let owned;
        let haystack = match index.and_then(|index| index.haystacks.get(view.entry_index)) {
            Some(haystack) => haystack.as_str(),
            None => {
                owned = search_text(view);
                owned.as_str()
            }
        };
        self.search_words
            .iter()
            .all(|word| haystack.contains(word.as_str()))
    }
}

/// What a search looks in: quote, claim and forecaster, lower case.
fn search_text(view: &ForecastView) -> String {
    let mut parts = vec![
        view.forecast.quote.as_str(),
        view.forecast.claim.as_str(),
        view.author_name(),
        view.forecast.by.as_str(),
        view.scenario().title.as_str(),
    ];
    parts.extend(view.tags());
    parts.join("\n").to_lowercase()
}

/// The searchable text of every forecast, lower-cased once per load, so that searching as
/// the user types does not lower-case every quote on every keystroke.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(ledger: &Ledger) -> SearchIndex {
        SearchIndex {
            haystacks: ledger.forecasts().map(|view| search_text(&view)).collect(),
        }
    }
}

/// What a list of forecasts can be ordered by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    Made,
    Forecaster,
    Claim,
    Expression,
    Probability,
    ResolveBy,
    Outcome,
    Call,
}

/// Orders entries by `key` (ties broken by id, so the order is stable and repeatable).
pub fn sort_entries(ledger: &Ledger, entries: &mut [usize], key: SortKey, ascending: bool) {
    use std::cmp::Ordering;
    let compare = |&a: &usize, &b: &usize| -> Ordering {
        let (va, vb) = (ledger.view(a), ledger.view(b));
        let primary = match key {
            SortKey::Made => va.forecast.made.cmp(&vb.forecast.made),
            SortKey::Forecaster => va.author_name().cmp(vb.author_name()),
            SortKey::Claim => va.forecast.claim.cmp(&vb.forecast.claim),
            SortKey::Expression => va.forecast.expression.cmp(&vb.forecast.expression),
            SortKey::Probability => va
                .probability()
                .unwrap_or(f64::NAN)
                .total_cmp(&vb.probability().unwrap_or(f64::NAN)),
            SortKey::ResolveBy => va
                .forecast
                .resolve_by
                .date()
                .cmp(&vb.forecast.resolve_by.date()),
            SortKey::Outcome => va.verdict().cmp(&vb.verdict()),
            // Called, missed, no lean, not scored, then open.
            SortKey::Call => {
                let rank = |call: Option<Call>| call.map_or(Call::ALL.len(), |c| c as usize);
                rank(va.call()).cmp(&rank(vb.call()))
            }
        };
        let primary = if ascending {
            primary
        } else {
            primary.reverse()
        };
        primary.then_with(|| va.forecast.id.cmp(&vb.forecast.id))
    };
    entries.sort_by(compare);
}

/// Whether an outlet filter names `outlet`: every word of the filter is a word of the
/// outlet, whatever the case ("deutsche welle" names "Deutsche Welle (English version of a
/// DW Turkish piece)").
pub fn outlet_matches(wanted: &str, outlet: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let have = words(outlet);
    let want = words(wanted);
    !want.is_empty() && want.iter().all(|w| have.contains(w))
}

/// A filter value that matches nothing in the folder: the option, the value, and the
/// closest values the folder has (none when nothing is close).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub option: &'static str,
    pub value: String,
    pub closest: Vec<String>,
}

/// The values of `filter` that nothing in `ledger` has: a typo in `--author` is an
/// error with suggestions, not an empty list.
pub fn unmatched(ledger: &Ledger, filter: &Filter) -> Vec<Unmatched> {
    let mut found = Vec::new();
    let mut check = |option: &'static str,
                     value: &Option<String>,
                     known: &dyn Fn(&str) -> bool,
                     values: Vec<String>| {
        let Some(value) = value else { return };
        if known(value) {
            return;
        }
        found.push(Unmatched {
            option,
            value: value.clone(),
            closest: closest(value, values),
        });
    };
    let scenarios: Vec<String> = ledger.files.iter().map(|f| f.scenario.id.clone()).collect();
    check(
        "--scenario",
        &filter.scenario,
        &|v| scenarios.iter().any(|s| s.eq_ignore_ascii_case(v)),
        scenarios.clone(),
    );
    let mut tags: Vec<String> = ledger
        .forecasts()
        .flat_map(|view| view.tags().map(str::to_string).collect::<Vec<_>>())
        .collect();
    tags.sort();
    tags.dedup();
    check(
        "--tag",
        &filter.tag,
        &|v| tags.iter().any(|t| t.eq_ignore_ascii_case(v)),
        tags.clone(),
    );
    let mut outlets: Vec<String> = ledger
        .files
        .iter()
        .flat_map(|f| f.scenario.sources.iter().map(|s| s.outlet.clone()))
        .collect();
    outlets.sort();
    outlets.dedup();
    check(
        "--outlet",
        &filter.outlet,
        &|v| outlets.iter().any(|o| outlet_matches(v, o)),
        outlets.clone(),
    );
    let mut sources: Vec<String> = ledger
        .files
        .iter()
        .flat_map(|f| f.scenario.sources.iter().map(|s| s.id.clone()))
        .collect();
    sources.sort();
    sources.dedup();
    check(
        "--source",
        &filter.source,
        &|v| sources.iter().any(|s| s.eq_ignore_ascii_case(v)),
        sources.clone(),
    );
    // The names reports show: a person's canonical name, or the name as written.
    let mut names: Vec<String> = ledger.people.iter().map(|p| p.name.clone()).collect();
    names.extend(
        ledger
            .forecasts()
            .map(|view| view.author_name().to_string()),
    );
    names.sort();
    names.dedup();
    check(
        "--author",
        &filter.author,
        &|v| {
            ledger.person(v).is_some()
                || ledger
                    .forecasts()
                    .any(|view| name_key(&view.forecast.by) == name_key(v))
        },
        names,
    );
    let questions: Vec<String> = ledger.questions().map(|q| q.question.id.clone()).collect();
    check(
        "--question",
        &filter.question,
        &|v| questions.iter().any(|q| q == v),
        questions.clone(),
    );
    found
}

/// The values nearest `value`: those it begins or that begin with it, then those within a
/// small edit distance of it (whole, or in one of their words), at most three. Values far from it are not suggested at all.
fn closest(value: &str, values: Vec<String>) -> Vec<String> {
    let wanted = value.to_lowercase();
    let mut scored: Vec<(f64, String)> = values
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let prefix = lower.starts_with(&wanted) || wanted.starts_with(&lower);
            // The whole value, or one of its words ("Baunof" for "Aleksandr Baunov",
            // "rusia" for "russia-domestic").
            let parts = |text: &str| -> Vec<String> {
                std::iter::once(text)
                    .chain(text.split(|c: char| !c.is_alphanumeric()))
                    .filter(|part| part.len() > 2)
                    .map(str::to_string)
                    .collect()
            };
            let (mine, theirs) = (parts(&wanted), parts(&lower));
            let similarity = mine
                .iter()
                .flat_map(|a| {
                    theirs
                        .iter()
                        .map(move |b| strsim::normalized_levenshtein(a, b))
                })
                .fold(0.0, f64::max);
            (prefix || similarity >= 0.7)
                .then_some((if prefix { 2.0 } else { similarity }, candidate))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}
