//! The site's pages, each a function from the ledger (and the report of the forecasts the
//! filters chose) to HTML: the index with the leaderboard, a page per forecaster, per
//! question and per scenario, and the lists of questions and scenarios.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::html::{outside_link, page, percent, score, text};
use super::svg;
use crate::ledger::{Call, ForecastView, Ledger, QuestionView, Verdict};
use crate::prose::plural;
use crate::report::{MIN_RANKED, Report, TrackRecord, cumulative_brier};
use crate::score::{SMALL_SAMPLE, calibration_table};
use crate::words::phrase_calibration;

/// What every page draws from: the ledger, the forecasts chosen, their report, and where
/// each forecaster's, question's and scenario's page is.
pub struct SiteData<'a> {
    pub ledger: &'a Ledger,
    pub report: &'a Report,
    pub as_of: String,
    /// The forecasts of each forecaster (by the name reports show), in the order chosen.
    pub by_forecaster: BTreeMap<String, Vec<usize>>,
    /// File names (without `.html`) of the forecasters', questions' and scenarios' pages.
    pub forecaster_files: BTreeMap<String, String>,
    pub question_files: BTreeMap<String, String>,
    pub scenario_files: BTreeMap<String, String>,
    /// Every question with the forecasts on it, found once for all the pages.
    pub answers: Vec<(QuestionView<'a>, Vec<usize>)>,
    /// The forecasts chosen, by scenario file (index into the ledger's files).
    pub by_scenario: Vec<Vec<usize>>,
}

impl SiteData<'_> {
    fn forecaster_link(&self, name: &str, depth: usize) -> String {
        match self.forecaster_files.get(name) {
            Some(file) => format!(
                "<a href=\"{}forecasters/{file}.html\">{}</a>",
                "../".repeat(depth),
                text(name)
            ),
            None => text(name),
        }
    }
}

/// The class that colours a verdict.
fn verdict_class(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::True) => "true",
        Some(Verdict::False) => "false",
        Some(_) => "other",
        None => "open",
    }
}

fn call_cell(call: Option<Call>) -> String {
    match call {
        Some(Call::Called) => "<span class=\"true\">called it</span>".to_string(),
        Some(Call::Missed) => "<span class=\"false\">missed</span>".to_string(),
        Some(other) => format!("<span class=\"other\">{}</span>", other.label()),
        None => "<span class=\"open\">—</span>".to_string(),
    }
}

/// A record's place, and the small-sample mark where there is one.
fn place(record: &TrackRecord) -> String {
    let mut cell = text(&record.place());
    if record.small_sample && record.counts.scored > 0 {
        let _ = write!(
            cell,
            " <span class=\"small\" title=\"fewer than {SMALL_SAMPLE} scored forecasts: read with care\">⚠</span>"
        );
    }
    cell
}

fn leaderboard(out: &mut String, data: &SiteData, records: &[TrackRecord]) {
    out.push_str(
        "<div class=\"scroll\"><table><thead><tr><th>Place</th><th>Forecaster</th>\
         <th class=\"num\">Scored</th><th class=\"num\">Brier [95% interval]</th><th class=\"num\">Log</th>\
         <th class=\"num\">Hit rate</th><th class=\"num\">Words' range</th><th class=\"num\">Shared Q</th>\
         <th class=\"num\">Rel. Brier</th><th class=\"num\">Peer</th></tr></thead><tbody>",
    );
    for record in records {
        let interval = record
            .brier_ci
            .map(|(l, h)| format!(" [{l:.2}–{h:.2}]"))
            .unwrap_or_default();
        let range = record
            .readings
            .brier_phrase_range
            .map_or_else(|| "—".to_string(), |(l, h)| format!("{l:.2}–{h:.2}"));
        let hits = match record.hit_rate {
            Some(rate) => format!("{:.0}% ({}/{})", rate * 100.0, record.hits, record.decided),
            None => "—".to_string(),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"name\">{}</td><td class=\"num\">{} of {}</td><td class=\"num\">{}{interval}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{hits}</td><td class=\"num\">{range}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            place(record),
            data.forecaster_link(&record.name, 0),
            record.counts.scored,
            record.counts.forecasts,
            score(record.brier),
            score(record.log_score),
            record.relative.shared_questions,
            record
                .relative
                .relative_brier
                .map_or_else(|| "—".to_string(), |v| format!("{v:+.3}")),
            record
                .relative
                .peer_score
                .map_or_else(|| "—".to_string(), |v| format!("{v:+.1}")),
        );
    }
    out.push_str("</tbody></table></div>");
}

/// The calibration chart with its numbers beside it.
fn calibration_figure(out: &mut String, id: &str, bins: &[crate::score::CalibrationBin]) {
    let _ = write!(
        out,
        "<figure>{}<figcaption>Each dot: the forecasts given a probability in a tenth of the scale, \
         at their mean probability and how often they came true (line: 95% Wilson interval). \
         On the dashed diagonal, words meant what they said.</figcaption></figure>",
        svg::calibration(id, bins)
    );
}

pub fn index(data: &SiteData) -> String {
    let report = data.report;
    let overall = &report.overall;
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>Who called it?</h1><p class=\"lede\">{} forecast{} by {} forecaster{}; {} resolved, {} scored \
         (true or false, with a probability). Brier score over all: {}.</p>",
        overall.counts.forecasts,
        plural(overall.counts.forecasts),
        data.by_forecaster.len(),
        plural(data.by_forecaster.len()),
        overall.counts.resolved,
        overall.counts.scored,
        score(overall.brier)
    );
    body.push_str("<h2 id=\"leaderboard\">Leaderboard</h2>");
    let _ = write!(
        body,
        "<p class=\"note\">Ranked by Brier score (0 is perfect; 0.25 is always saying 50%). Nobody is placed \
         on fewer than {MIN_RANKED} scored forecasts (\"n&lt;{MIN_RANKED}\"): below that one lucky call \
         decides the place. ⚠ marks fewer than {SMALL_SAMPLE}. Hedge words are scored with published \
         values; \"words' range\" is the Brier score at the best and worst ends of their published ranges. \
         Relative Brier and peer score compare a forecaster with the others on the questions they \
         shared (negative and positive are better).</p>"
    );
    leaderboard(&mut body, data, &report.groups);
    if let Some(collectives) = report.collectives.as_ref().filter(|c| !c.is_empty()) {
        body.push_str(
            "<h2>Groups and institutions</h2><p class=\"note\">Unnamed groups and organisations an article \
             cites, listed apart from the individuals and not placed among them.</p>",
        );
        leaderboard(&mut body, data, collectives);
    }
    body.push_str("<h2>Brier scores and calibration</h2><div class=\"charts\">");
    let rows: Vec<svg::IntervalRow> = report
        .groups
        .iter()
        .filter_map(|record| {
            Some(svg::IntervalRow {
                label: record.name.clone(),
                value: record.brier?,
                interval: record.brier_ci,
                reference: None,
            })
        })
        .collect();
    let _ = write!(
        body,
        "<figure>{}<figcaption>Each forecaster's Brier score (dot) and its 95% bootstrap interval (line): \
         the wider the line, the less their few forecasts say.</figcaption></figure>",
        svg::interval_rows(
            "brier-by-forecaster",
            "Brier score by forecaster, with 95% intervals",
            "Brier score (lower is better)",
            1.0,
            &rows
        )
    );
    calibration_figure(&mut body, "calibration-all", &report.calibration);
    body.push_str("</div>");
    page("Who called it?", 0, &data.as_of, &body)
}

/// One forecast as a card: its claim, the quote, the source, when, the words and their
/// probability, the verdict with its evidence, and the call.
fn forecast_card(out: &mut String, data: &SiteData, view: &ForecastView, depth: usize) {
    let forecast = view.forecast;
    let _ = write!(
        out,
        "<div class=\"forecast\" id=\"{}\"><h3>{}</h3><blockquote>{}</blockquote><p class=\"meta\">",
        text(&forecast.id),
        text(&forecast.claim),
        text(&forecast.quote)
    );
    let _ = write!(
        out,
        "{} · made {}",
        data.forecaster_link(view.author_name(), depth),
        forecast.made
    );
    if let Some(source) = view.source {
        let title = format!("{}, {}", source.outlet, source.title);
        let link = match &source.url {
            Some(url) => outside_link(url, &title),
            None => text(&title),
        };
        let _ = write!(out, " · in {link} ({})", source.published);
    }
    let words = match &forecast.expression {
        Some(expression) => format!("“{}” → {}", text(expression), percent(view.probability())),
        None => format!("stated {}", percent(view.probability())),
    };
    let _ = write!(out, " · {words}");
    if let Some(condition) = &forecast.condition {
        let _ = write!(out, " · only if: {}", text(condition));
    }
    if let Some(question) = view.question() {
        let file = data
            .question_files
            .get(&question.id)
            .cloned()
            .unwrap_or_default();
        let _ = write!(
            out,
            " · on question <a href=\"{}questions/{file}.html\">{}</a>",
            "../".repeat(depth),
            text(&question.id)
        );
    }
    out.push_str("</p><p class=\"meta\">");
    match view.resolution() {
        Some(judged) => {
            let verdict = judged.verdict();
            let _ = write!(
                out,
                "<span class=\"{}\">{}</span> on {} · {}",
                verdict_class(Some(verdict)),
                verdict.as_str(),
                judged.on(),
                call_cell(view.call())
            );
            if let Some(evidence) = judged.evidence() {
                let _ = write!(out, " · {}", text(evidence));
            }
            if let Some(link) = judged.link() {
                let _ = write!(out, " ({})", outside_link(link, "report"));
            }
        }
        None => {
            let _ = write!(
                out,
                "<span class=\"open\">open</span>, to be judged by {}",
                forecast.resolve_by.date()
            );
        }
    }
    out.push_str("</p></div>");
}

pub fn forecaster(data: &SiteData, name: &str, record: Option<&TrackRecord>) -> String {
    let ledger = data.ledger;
    let entries = data.by_forecaster.get(name).map_or(&[][..], Vec::as_slice);
    let mut body = format!("<h1>{}</h1>", text(name));
    if let Some(person) = ledger.person(name) {
        if let Some(affiliation) = &person.affiliation {
            let _ = write!(body, "<p class=\"lede\">{}</p>", text(affiliation));
        }
        if let Some(note) = &person.note {
            let _ = write!(body, "<p class=\"note\">{}</p>", text(note));
        }
    }
    if let Some(record) = record {
        let _ = write!(
            body,
            "<p>{} forecast{} · {} resolved · {} scored · Brier {}{} · log score {} · hit rate {}{}</p>",
            record.counts.forecasts,
            plural(record.counts.forecasts),
            record.counts.resolved,
            record.counts.scored,
            score(record.brier),
            record
                .brier_ci
                .map(|(l, h)| format!(" (95% interval {l:.2}–{h:.2})"),)
                .unwrap_or_default(),
            score(record.log_score),
            percent(record.hit_rate),
            if record.small_sample && record.counts.scored > 0 {
                format!(
                    " · <span class=\"small\">⚠ small sample: fewer than {SMALL_SAMPLE} scored</span>"
                )
            } else {
                String::new()
            }
        );
        if let (Some(relative), Some(peer)) =
            (record.relative.relative_brier, record.relative.peer_score)
        {
            let _ = write!(
                body,
                "<p>Against the others on the {} question{} they shared: relative Brier {relative:+.3}, peer score {peer:+.1}.</p>",
                record.relative.shared_questions,
                plural(record.relative.shared_questions)
            );
        }
    }
    let scored: Vec<_> = crate::report::scored_entries(ledger, entries)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    body.push_str("<div class=\"charts\">");
    calibration_figure(&mut body, "calibration", &calibration_table(&scored));
    let _ = write!(
        body,
        "<figure>{}<figcaption>After each verdict, the Brier score of everything of theirs scored so far.</figcaption></figure>",
        svg::brier_over_time("brier-over-time", &cumulative_brier(ledger, entries))
    );
    body.push_str("</div>");
    let phrases = phrase_calibration(ledger, entries);
    if !phrases.is_empty() {
        body.push_str(
            "<h2>What their words meant</h2><div class=\"scroll\"><table><thead><tr><th>Words</th>\
             <th class=\"num\">Scored as</th><th class=\"num\">Published range</th><th class=\"num\">Forecasts</th>\
             <th class=\"num\">Came true</th></tr></thead><tbody>",
        );
        for phrase in &phrases {
            let _ = write!(
                body,
                "<tr><td>“{}”</td><td class=\"num\">{:.0}%</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                text(&phrase.phrase),
                phrase.probability * 100.0,
                phrase.range.map_or_else(
                    || "—".to_string(),
                    |(l, h)| format!("{:.0}–{:.0}%", l * 100.0, h * 100.0)
                ),
                phrase.forecasts,
                match phrase.frequency {
                    Some(f) => format!(
                        "{} of {} ({:.0}%)",
                        phrase.happened,
                        phrase.scored,
                        f * 100.0
                    ),
                    None => "—".to_string(),
                }
            );
        }
        body.push_str("</tbody></table></div>");
    }
    let _ = write!(body, "<h2>Forecasts ({})</h2>", entries.len());
    for &entry in entries {
        forecast_card(&mut body, data, &ledger.view(entry), 1);
    }
    page(name, 1, &data.as_of, &body)
}

pub fn question(data: &SiteData, question: &QuestionView, entries: &[usize]) -> String {
    let ledger = data.ledger;
    let id = question.question.id.as_str();
    let on_it: Vec<ForecastView> = entries.iter().map(|&e| ledger.view(e)).collect();
    let mut body = format!(
        "<p class=\"note\">Question {} · {} · to be judged by {}</p><h1>{}</h1>",
        text(id),
        text(&question.file.scenario.title),
        question.question.resolve_by,
        text(&question.question.claim)
    );
    if let Some(note) = &question.question.note {
        let _ = write!(body, "<p class=\"note\">{}</p>", text(note));
    }
    match question.resolution() {
        Some(resolution) => {
            let _ = write!(
                body,
                "<p><span class=\"{}\">{}</span> on {}{}{}</p>",
                verdict_class(Some(resolution.verdict)),
                resolution.verdict.as_str(),
                resolution.on,
                resolution
                    .evidence
                    .as_ref()
                    .map(|e| format!(" · {}", text(e)))
                    .unwrap_or_default(),
                resolution
                    .link
                    .as_ref()
                    .map(|l| format!(" ({})", outside_link(l, "report")))
                    .unwrap_or_default()
            );
        }
        None => body.push_str("<p class=\"open\">Open: no verdict yet.</p>"),
    }
    body.push_str(
        "<div class=\"scroll\"><table><thead><tr><th>Forecaster</th><th>Words</th><th class=\"num\">P (question)</th>\
         <th>Side</th><th>Made</th><th>Call</th></tr></thead><tbody>",
    );
    for view in &on_it {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            data.forecaster_link(view.author_name(), 1),
            view.forecast
                .expression
                .as_deref()
                .map_or_else(|| "—".to_string(), |e| format!("“{}”", text(e))),
            percent(view.question_probability()),
            view.forecast.question.as_ref().map_or("", |on| on.side()),
            view.forecast.made,
            call_cell(view.call())
        );
    }
    body.push_str("</tbody></table></div>");
    let points: Vec<_> = on_it
        .iter()
        .filter_map(|view| {
            Some((
                view.forecast.made,
                view.question_probability()?,
                view.author_name().to_string(),
            ))
        })
        .collect();
    let verdict = question
        .resolution()
        .and_then(|resolution| Some((resolution.on, resolution.verdict.scored_as()?)));
    let _ = write!(
        body,
        "<div class=\"charts\"><figure>{}<figcaption>Each dot: a forecast's probability for the question's claim on the day it was made; the diamond: the verdict (1 true, 0 false).</figcaption></figure></div>",
        svg::question_timeline("question-timeline", &points, verdict)
    );
    body.push_str("<h2>The forecasts</h2>");
    for view in &on_it {
        forecast_card(&mut body, data, view, 1);
    }
    page(&question.question.claim, 1, &data.as_of, &body)
}

pub fn questions_index(data: &SiteData) -> String {
    let mut body = String::from(
        "<h1>Questions</h1><p class=\"lede\">Propositions several forecasters spoke to: one verdict judges every forecast on one.</p>\
         <div class=\"scroll\"><table><thead><tr><th>Question</th><th>Verdict</th><th class=\"num\">Forecasts</th></tr></thead><tbody>",
    );
    for (question, entries) in &data.answers {
        let Some(file) = data.question_files.get(&question.question.id) else {
            continue;
        };
        let verdict = question.resolution().map(|r| r.verdict);
        let _ = write!(
            body,
            "<tr><td><a href=\"{file}.html\">{}</a></td><td class=\"{}\">{}</td><td class=\"num\">{}</td></tr>",
            text(&question.question.claim),
            verdict_class(verdict),
            verdict.map_or("open", Verdict::as_str),
            entries.len()
        );
    }
    body.push_str("</tbody></table></div>");
    page("Questions", 1, &data.as_of, &body)
}

pub fn scenario(data: &SiteData, file_index: usize) -> String {
    let ledger = data.ledger;
    let scenario = &ledger.files[file_index].scenario;
    let mut body = format!("<h1>{}</h1>", text(&scenario.title));
    if !scenario.summary.is_empty() {
        let _ = write!(body, "<p class=\"lede\">{}</p>", text(&scenario.summary));
    }
    let entries = &data.by_scenario[file_index];
    let _ = write!(body, "<h2>Forecasts ({})</h2>", entries.len());
    for &entry in entries {
        forecast_card(&mut body, data, &ledger.view(entry), 1);
    }
    page(&scenario.title, 1, &data.as_of, &body)
}

pub fn scenarios_index(data: &SiteData) -> String {
    let ledger = data.ledger;
    let mut body = String::from(
        "<h1>Scenarios</h1><p class=\"lede\">The situations watched, each with the forecasts made about it.</p>\
         <div class=\"scroll\"><table><thead><tr><th>Scenario</th><th class=\"num\">Forecasts</th></tr></thead><tbody>",
    );
    for (index, file) in ledger.files.iter().enumerate() {
        let Some(name) = data.scenario_files.get(&file.scenario.id) else {
            continue;
        };
        let count = data.by_scenario[index].len();
        let _ = write!(
            body,
            "<tr><td><a href=\"{name}.html\">{}</a></td><td class=\"num\">{count}</td></tr>",
            text(&file.scenario.title)
        );
    }
    body.push_str("</tbody></table></div>");
    page("Scenarios", 1, &data.as_of, &body)
}
