//! `hindsight report`: track records per forecaster (or outlet, tag, scenario), with the
//! calibration table and the Murphy decomposition of the whole filtered set.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::{CliError, CliResult};
use super::filter::FilterArgs;
use super::folder::{FolderArg, exit_for_problems, load};
use super::json::write_json;
use crate::report::{
    GroupBy, MIN_RANKED, Ranking, Report, SMALL_SAMPLE, TrackRecord, report_ranking,
};
use crate::score::{BOOTSTRAP_RESAMPLES, LOG_SCORE_CLIP};
use crate::terminal::{Table, interval, number, truncate};
use crate::words::PhraseRecord;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub folder: FolderArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Group track records by author, outlet, tag, scenario or phrase (with phrase, also
    /// each phrase's observed frequency against the table).
    #[arg(long, default_value = "author")]
    pub by: GroupBy,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Rank groups and institutions (people.ron's `kind: Group` and `kind: Institution`)
    /// together with individuals, instead of listing them apart.
    #[arg(long)]
    pub include_groups: bool,
    /// The fewest scored forecasts a forecaster is ranked on (fewer are listed, not
    /// ranked: one lucky call would decide the place).
    #[arg(long, default_value_t = MIN_RANKED, value_name = "N")]
    pub min_scored: usize,
}

pub fn run(args: &ReportArgs, today: NaiveDate, out: &mut dyn Write) -> CliResult {
    let ledger = load(&args.folder.dir, today)?;
    let entries = args.filter.checked(&ledger)?.apply(&ledger, today);
    let ranking = Ranking {
        include_groups: args.include_groups,
        min_scored: args.min_scored,
    };
    let report = report_ranking(&ledger, &entries, args.by, today, ranking);
    match args.format {
        ReportFormat::Json => write_json(out, &report)?,
        ReportFormat::Table => write_table(out, &report)?,
    }
    exit_for_problems(out, ledger)
}

fn group_label(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Author => "FORECASTER",
        GroupBy::Outlet => "OUTLET",
        GroupBy::Tag => "TAG",
        GroupBy::Scenario => "SCENARIO",
        GroupBy::Phrase => "PHRASE",
    }
}

fn hit_rate(record: &TrackRecord) -> String {
    match record.hit_rate {
        Some(rate) => format!("{:.0}% ({}/{})", rate * 100.0, record.hits, record.decided),
        None => "—".to_string(),
    }
}

/// The relative scores' cells: shared questions, relative Brier, peer score.
fn relative_cells(record: &TrackRecord) -> Vec<String> {
    let r = &record.relative;
    vec![
        r.shared_questions.to_string(),
        r.relative_brier
            .map_or_else(|| "—".to_string(), |b| format!("{b:+.3}")),
        r.peer_score
            .map_or_else(|| "—".to_string(), |p| format!("{p:+.1}")),
    ]
}

fn record_row(record: &TrackRecord) -> Vec<String> {
    let marker = if record.small_sample && record.counts.scored > 0 {
        "*"
    } else {
        ""
    };
    vec![
        format!("{}{marker}", record.name),
        record.counts.forecasts.to_string(),
        record.counts.resolved.to_string(),
        record.counts.scored.to_string(),
        record.counts.pending.to_string(),
        record.counts.overdue.to_string(),
        number(record.brier),
        interval(record.brier_ci),
        number(record.log_score),
        hit_rate(record),
        interval(record.readings.brier_phrase_range),
        record.place(),
    ]
}

fn write_table(out: &mut dyn Write, report: &Report) -> Result<(), CliError> {
    let overall = &report.overall;
    writeln!(
        out,
        "Track records by {}, as of {}: {} forecast{}, {} resolved, {} scored\n",
        group_label(report.group_by).to_lowercase(),
        report.as_of,
        overall.counts.forecasts,
        crate::prose::plural(overall.counts.forecasts),
        overall.counts.resolved,
        overall.counts.scored
    )?;
    let by_author = report.group_by == GroupBy::Author;
    let mut headers = vec![
        group_label(report.group_by),
        "N",
        "RESOLVED",
        "SCORED",
        "PENDING",
        "OVERDUE",
        "BRIER",
        "95% CI",
        "LOG",
        "HIT RATE",
        "PHRASE RANGE",
        "RANK",
    ];
    if by_author {
        headers.extend(["SHARED Q", "REL BRIER", "PEER"]);
    }
    let right: &[usize] = if by_author {
        &[1, 2, 3, 4, 5, 6, 8, 12, 13, 14]
    } else {
        &[1, 2, 3, 4, 5, 6, 8]
    };
    // On a narrow terminal the phrase-range reading, the interval and the log score go
    // first: the Brier score, the hit rate and the place stay.
    let mut table = Table::new(&headers)
        .right_align(right)
        .cap(0, 31)
        .optional(&[10, 7, 8, 4, 5]);
    for record in &report.groups {
        let mut row = record_row(record);
        if by_author {
            row.extend(relative_cells(record));
        }
        table.push(row);
    }
    let mut total = record_row(overall);
    if by_author {
        total.extend(["—".to_string(), "—".to_string(), "—".to_string()]);
    }
    table.push(total);
    table.write(out)?;
    if let Some(collectives) = report.collectives.as_ref().filter(|c| !c.is_empty()) {
        writeln!(
            out,
            "\nGroups and institutions, listed apart and not ranked with individuals (--include-groups ranks them together):"
        )?;
        let mut apart = Table::new(&[
            "GROUP OR INSTITUTION",
            "KIND",
            "N",
            "RESOLVED",
            "SCORED",
            "BRIER",
            "95% CI",
            "HIT RATE",
        ])
        .right_align(&[2, 3, 4, 5])
        .cap(0, 31)
        .optional(&[6, 3]);
        for record in collectives {
            apart.push(vec![
                record.name.clone(),
                record.kind.unwrap_or("").to_string(),
                record.counts.forecasts.to_string(),
                record.counts.resolved.to_string(),
                record.counts.scored.to_string(),
                number(record.brier),
                interval(record.brier_ci),
                hit_rate(record),
            ]);
        }
        apart.write(out)?;
    }

    if let Some(phrases) = &report.phrases {
        write_phrases(out, phrases)?;
    }
    writeln!(
        out,
        "\nCalibration (all scored forecasts; bins closed on the right, as scikit-learn's):"
    )?;
    let mut bins =
        Table::new(&["BIN", "N", "MEAN P", "OBSERVED", "95% CI (WILSON)"]).right_align(&[1, 2, 3]);
    for bin in &report.calibration {
        bins.push(vec![
            format!("{:.1}–{:.1}", bin.lower, bin.upper),
            bin.count.to_string(),
            number(bin.mean_forecast),
            number(bin.observed),
            interval(bin.ci_low.zip(bin.ci_high)),
        ]);
    }
    write!(out, "{}", bins.render())?;

    match &report.decomposition {
        Some(d) => writeln!(
            out,
            "\nMurphy decomposition: reliability {:.4} − resolution {:.4} + uncertainty {:.4} = Brier {}",
            d.reliability,
            d.resolution,
            d.uncertainty,
            number(overall.brier)
        )?,
        None => writeln!(out, "\nMurphy decomposition: — (nothing scored)")?,
    }
    writeln!(
        out,
        "\nBrier: 0 is perfect, 0.25 is always saying 50%. Log score: natural log, probabilities clipped to [{}, {}].\n\
         Only true/false verdicts are scored; partly, ambiguous and annulled are counted as resolved but not scored.\n\
         95% CI: bootstrap over the group's scored forecasts ({BOOTSTRAP_RESAMPLES} resamples, fixed seed). \
         PHRASE RANGE: the Brier score with each phrase read at the end of its published range that scores it best, and worst.\n\
         SHARED Q: questions answered with at least one other forecaster; REL BRIER: mean of own Brier minus the others' median on them (negative is better, as Fatebook's); \
         PEER: mean of 100 × (ln p − the others' mean ln p), p given to what happened (positive is better, as Metaculus's).\n\
         RANK: place by Brier score, and (in brackets) the best and worst place with every phrase read low, as the table says, and high; \
         n<N: fewer than N scored forecasts (--min-scored, {MIN_RANKED} unless set), listed but not ranked: one lucky call would decide the place.\n\
         * fewer than {SMALL_SAMPLE} scored forecasts: a small sample.",
        LOG_SCORE_CLIP.0, LOG_SCORE_CLIP.1
    )?;
    Ok(())
}

/// What the words meant: each phrase's forecasts that came true, against the table.
fn write_phrases(out: &mut dyn Write, phrases: &[PhraseRecord]) -> Result<(), CliError> {
    writeln!(
        out,
        "\nWhat the words meant (of each phrase's scored forecasts, how many came true, against the phrase table):"
    )?;
    let mut table = Table::new(&[
        "PHRASE",
        "TABLE",
        "RANGE",
        "N",
        "SCORED",
        "TRUE",
        "OBSERVED",
        "95% CI (WILSON)",
    ])
    .right_align(&[1, 3, 4, 5, 6]);
    for record in phrases {
        let marker = if record.small_sample && record.scored > 0 {
            "*"
        } else {
            ""
        };
        table.push(vec![
            format!("{}{marker}", truncate(&record.phrase, 30)),
            format!("{:.0}%", record.probability * 100.0),
            record.range.map_or_else(
                || "—".to_string(),
                |(low, high)| format!("{:.0}–{:.0}%", low * 100.0, high * 100.0),
            ),
            record.forecasts.to_string(),
            record.scored.to_string(),
            record.happened.to_string(),
            record
                .frequency
                .map_or_else(|| "—".to_string(), |f| format!("{:.0}%", f * 100.0)),
            interval(record.frequency_ci),
        ]);
    }
    write!(out, "{}", table.render())?;
    Ok(())
}
