//! `hindsight candidates ARTICLE`: the forecasts an article seems to make, with their
//! speakers, hedge words and dates, for a ledger keeper to accept or dismiss. ARTICLE is
//! a text file, an HTML file or an http(s) URL.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::error::{CliError, CliResult};
use super::folder::{FolderArg, load_if_there};
use super::json::write_json_seq;
use crate::intake::{self, Candidate};
use crate::terminal::{Table, short_probability, truncate};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CandidatesFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct CandidatesArgs {
    /// The article: a plain-text file, an HTML file or an http(s) URL.
    #[arg(value_name = "ARTICLE")]
    pub article: String,
    /// The publication date (else from the page's metadata, a dateline, or the folder's
    /// source for this article).
    #[arg(long, value_name = "DATE")]
    pub published: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: CandidatesFormat,
    #[command(flatten)]
    pub folder: FolderArg,
}

pub fn run(args: &CandidatesArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load_if_there(&args.folder.dir, today)?;
    let article =
        intake::read_article(&ledger, &args.article, args.published).map_err(|e| match e {
            intake::ArticleError::Read { .. } => CliError::Usage(e.to_string()),
            _ => CliError::Failed(e.to_string()),
        })?;
    let found = intake::candidates(&article, &ledger);
    match args.format {
        CandidatesFormat::Json => write_json_seq(
            out,
            found.iter().map(|candidate| CandidateJson {
                speaker_to_check: candidate.speaker_to_check(),
                candidate,
            }),
        )?,
        CandidatesFormat::Table => write_table(out, &found)?,
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// A candidate as `--format json` writes it: its fields, and whether its speaker should
/// be checked first (see [`Candidate::speaker_to_check`]).
#[derive(Serialize)]
struct CandidateJson<'a> {
    #[serde(flatten)]
    candidate: &'a Candidate,
    speaker_to_check: bool,
}

fn write_table(out: &mut dyn Write, found: &[Candidate]) -> Result<(), CliError> {
    let mut table = Table::new(&[
        "AT", "MADE", "SPEAKER", "PERSON", "WORDS", "P", "KNOWN", "QUOTE",
    ])
    .right_align(&[0, 5]);
    for candidate in found {
        let speaker = candidate
            .speaker
            .as_deref()
            .or(candidate.speaker_group.as_deref())
            .unwrap_or("(the article)");
        // A speaker to check first says so, as the app's list does.
        let speaker = if candidate.speaker_to_check() {
            format!("{} (check)", truncate(speaker, 20))
        } else {
            truncate(speaker, 28)
        };
        table.push(vec![
            candidate.start.to_string(),
            candidate
                .made_on
                .map_or_else(|| "—".to_string(), |d| d.to_string()),
            speaker,
            candidate.person.as_deref().unwrap_or("—").to_string(),
            truncate(&candidate.expression, 20),
            short_probability(candidate.probability),
            candidate.known.as_deref().unwrap_or("—").to_string(),
            truncate(&candidate.quote, 70),
        ]);
    }
    table.write_counted(out, "candidate")?;
    Ok(())
}
