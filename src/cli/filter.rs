//! The forecast filter that `list`, `report` and `due` share, as command-line options;
//! the filtering itself is [`crate::query`]'s.

use chrono::NaiveDate;
use clap::Args;

use super::error::CliError;
use crate::ledger;
use crate::ledger::Ledger;
use crate::query::{Filter, OutcomeFilter, unmatched};
use crate::terminal::{escape_controls, escape_path};

/// The forecast filter shared by list, report and due.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only this scenario (by id).
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Only forecasts with this tag (their own or their scenario's).
    #[arg(long)]
    pub tag: Option<String>,
    /// Only forecasts from sources of this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only forecasts citing this source id.
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
    /// Only this forecaster (id, name or alias).
    #[arg(long, visible_alias = "forecaster", value_name = "NAME")]
    pub author: Option<String>,
    /// open, overdue, resolved, true, false, partly, ambiguous or annulled.
    #[arg(long)]
    pub outcome: Option<OutcomeFilter>,
    /// The forecaster's side of the outcome: called, missed, no-lean or not-scored.
    #[arg(long)]
    pub call: Option<ledger::Call>,
    /// Only forecasts made on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only forecasts made on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only forecasts whose quote, claim, forecaster, scenario title or tags contain all these words.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only forecasts on this question (by its id).
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
}

impl FilterArgs {
    /// The filter, refused when one of its values matches nothing in `ledger` (a typo is
    /// an error naming the closest values, not an empty result).
    pub fn checked(&self, ledger: &Ledger) -> Result<Filter, CliError> {
        let filter = self.filter();
        let Some(first) = unmatched(ledger, &filter).into_iter().next() else {
            return Ok(filter);
        };
        let hint = if first.closest.is_empty() {
            String::new()
        } else {
            format!(
                "; did you mean {}?",
                first
                    .closest
                    .iter()
                    .map(|c| format!("'{}'", escape_controls(c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        Err(CliError::Usage(format!(
            "{} '{}' matches nothing in {}{hint}",
            first.option,
            escape_controls(&first.value),
            escape_path(&ledger.dir)
        )))
    }

    pub fn filter(&self) -> Filter {
        Filter {
            scenario: self.scenario.clone(),
            tag: self.tag.clone(),
            outlet: self.outlet.clone(),
            source: self.source.clone(),
            author: self.author.clone(),
            outcome: self.outcome,
            call: self.call,
            made_from: self.from,
            made_to: self.to,
            search: self.search.clone(),
            question: self.question.clone(),
        }
    }
}
