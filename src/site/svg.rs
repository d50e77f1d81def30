//! The site's charts as inline SVG: drawn on the server, readable without JavaScript, in
//! print and by screen readers (each has a title and a description saying what it shows,
//! and the numbers are in a table beside it). The same SVG is what the app saves.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::html::text;
use crate::report::CumulativePoint;
use crate::score::CalibrationBin;

const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 22.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

/// The plotting area's x for a value in [0, 1].
fn x_of(v: f64) -> f64 {
    LEFT + v * (WIDTH - LEFT - RIGHT)
}

/// The plotting area's y for a value in [0, 1] (1 at the top).
fn y_of(v: f64) -> f64 {
    HEIGHT - BOTTOM - v * (HEIGHT - TOP - BOTTOM)
}

/// The frame every chart starts with: its accessible title and description.
fn open(id: &str, title: &str, description: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>\
         <rect x=\"{LEFT}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#fff\" stroke=\"#d9dee4\"/>",
        text(title),
        text(description),
        WIDTH - LEFT - RIGHT,
        HEIGHT - TOP - BOTTOM,
    )
}

/// Horizontal grid lines and labels for a [0, `top`] y axis, and the axis titles.
fn y_axis(out: &mut String, top: f64, step: f64, title: &str) {
    let mut v = 0.0;
    while v <= top + 1e-9 {
        let y = y_of(v / top);
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#eef0f3\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#5d6773\">{v:.1}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
        v += step;
    }
    let _ = write!(
        out,
        "<text transform=\"translate(12 {:.1}) rotate(-90)\" text-anchor=\"middle\" fill=\"#5d6773\">{}</text>",
        (TOP + HEIGHT - BOTTOM) / 2.0,
        text(title)
    );
}

/// The first and last dates under the x axis, each kept inside the chart (the first
/// starts at its point, the last ends at its); one label when they are the same day.
fn date_labels(out: &mut String, first: NaiveDate, last: NaiveDate, x_first: f64, x_last: f64) {
    let y = HEIGHT - BOTTOM + 16.0;
    let _ = write!(
        out,
        "<text x=\"{x_first:.1}\" y=\"{y:.1}\" text-anchor=\"start\" fill=\"#5d6773\">{first}</text>"
    );
    if last != first {
        let _ = write!(
            out,
            "<text x=\"{x_last:.1}\" y=\"{y:.1}\" text-anchor=\"end\" fill=\"#5d6773\">{last}</text>"
        );
    }
}

/// The calibration diagram: each bin's observed frequency against its mean forecast, with
/// its Wilson interval, and the diagonal of perfect calibration.
pub fn calibration(id: &str, bins: &[CalibrationBin]) -> String {
    let filled: Vec<&CalibrationBin> = bins.iter().filter(|b| b.count > 0).collect();
    let description = if filled.is_empty() {
        "No scored forecast yet.".to_string()
    } else {
        filled
            .iter()
            .map(|b| {
                format!(
                    "forecasts of {:.0}–{:.0}%: {} scored, said {:.0}% on average, {:.0}% came true",
                    b.lower * 100.0,
                    b.upper * 100.0,
                    b.count,
                    b.mean_forecast.unwrap_or_default() * 100.0,
                    b.observed.unwrap_or_default() * 100.0
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = open(
        id,
        "Calibration: how often what was given each probability came true",
        &description,
    );
    y_axis(&mut out, 1.0, 0.2, "came true");
    for tick in 0..=5 {
        let v = f64::from(tick) * 0.2;
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#5d6773\">{:.0}%</text>",
            x_of(v),
            HEIGHT - BOTTOM + 16.0,
            v * 100.0
        );
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#5d6773\">probability given</text>\
         <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#9aa3ad\" stroke-dasharray=\"4 4\"/>",
        x_of(0.5),
        HEIGHT - 6.0,
        x_of(0.0),
        y_of(0.0),
        x_of(1.0),
        y_of(1.0)
    );
    for bin in filled {
        let (Some(mean), Some(observed)) = (bin.mean_forecast, bin.observed) else {
            continue;
        };
        let x = x_of(mean);
        if let (Some(low), Some(high)) = (bin.ci_low, bin.ci_high) {
            let _ = write!(
                out,
                "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1f5fa8\" stroke-opacity=\".45\" stroke-width=\"2\"/>",
                y_of(low),
                y_of(high)
            );
        }
        // The area of a point grows with its count, up to a limit.
        let radius = (3.0 + (bin.count as f64).sqrt() * 1.5).min(12.0);
        let _ = write!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{:.1}\" r=\"{radius:.1}\" fill=\"#1f5fa8\" fill-opacity=\".8\"><title>{}</title></circle>",
            y_of(observed),
            text(&format!(
                "{} forecasts, {:.0}% on average, {:.0}% came true",
                bin.count,
                mean * 100.0,
                observed * 100.0
            ))
        );
    }
    out.push_str("</svg>");
    out
}

/// The Brier score over time: after each verdict, the score of everything scored so far.
pub fn brier_over_time(id: &str, points: &[CumulativePoint]) -> String {
    let description = match (points.first(), points.last()) {
        (Some(first), Some(last)) => format!(
            "{} verdicts from {} to {}; the running Brier score moves from {:.3} to {:.3}",
            points.len(),
            first.date,
            last.date,
            first.brier,
            last.brier
        ),
        _ => "No scored forecast yet.".to_string(),
    };
    let mut out = open(
        id,
        "Brier score over time, by date of verdict",
        &description,
    );
    let top = points
        .iter()
        .map(|p| p.brier)
        .fold(0.5_f64, f64::max)
        .min(1.0);
    y_axis(
        &mut out,
        top,
        if top > 0.5 { 0.2 } else { 0.1 },
        "Brier score",
    );
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        out.push_str("</svg>");
        return out;
    };
    let span = (last.date - first.date).num_days().max(1) as f64;
    let x_at = |date: NaiveDate| x_of((date - first.date).num_days() as f64 / span);
    date_labels(
        &mut out,
        first.date,
        last.date,
        x_at(first.date),
        x_at(last.date),
    );
    let path: Vec<String> = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", x_at(p.date), y_of(p.brier / top)))
        .collect();
    let _ = write!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>",
        path.join(" ")
    );
    for point in points {
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#1f5fa8\"><title>{}: {:.3} after {} scored</title></circle>",
            x_at(point.date),
            y_of(point.brier / top),
            point.date,
            point.brier,
            point.scored
        );
    }
    out.push_str("</svg>");
    out
}

/// The forecasts on a question on one time axis: each one's probability for the question's
/// claim on the day it was made (`points`: day, probability, who), and the verdict.
pub fn question_timeline(
    id: &str,
    points: &[(NaiveDate, f64, String)],
    verdict: Option<(NaiveDate, bool)>,
) -> String {
    let description =
        points
            .iter()
            .map(|(day, p, who)| format!("{who}: {:.0}% on {day}", p * 100.0))
            .chain(verdict.map(|(day, yes)| {
                format!("verdict on {day}: {}", if yes { "true" } else { "false" })
            }))
            .collect::<Vec<_>>()
            .join("; ");
    let mut out = open(id, "The forecasts on this question over time", &description);
    y_axis(&mut out, 1.0, 0.2, "P (question)");
    let days: Vec<NaiveDate> = points
        .iter()
        .map(|(day, ..)| *day)
        .chain(verdict.map(|(day, _)| day))
        .collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        out.push_str("</svg>");
        return out;
    };
    let span = (last - first).num_days().max(1) as f64;
    let x_at = |date: NaiveDate| x_of(0.04 + 0.92 * (date - first).num_days() as f64 / span);
    date_labels(&mut out, first, last, x_at(first), x_at(last));
    for (day, p, who) in points {
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4.5\" fill=\"#1f5fa8\" fill-opacity=\".85\"><title>{}</title></circle>",
            x_at(*day),
            y_of(*p),
            text(&format!("{who}: {:.0}% on {day}", p * 100.0))
        );
    }
    if let Some((day, yes)) = verdict {
        let (x, y) = (x_at(day), y_of(if yes { 1.0 } else { 0.0 }));
        let _ = write!(
            out,
            "<path d=\"M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z\" fill=\"#1d232b\"><title>verdict on {day}</title></path>",
            y - 7.0,
            x + 7.0,
            y + 7.0,
            x - 7.0
        );
    }
    out.push_str("</svg>");
    out
}

/// One row of an interval chart: a label, a value with its interval, and a reference mark
/// (the phrase table's value, say).
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalRow {
    pub label: String,
    pub value: f64,
    pub interval: Option<(f64, f64)>,
    pub reference: Option<f64>,
}

/// Rows of values with their intervals on one horizontal scale from 0 to `x_max` (the
/// Brier score of each forecaster; how often each phrase came true).
pub fn interval_rows(
    id: &str,
    title: &str,
    x_title: &str,
    x_max: f64,
    rows: &[IntervalRow],
) -> String {
    const ROW: f64 = 22.0;
    const LABEL: f64 = 190.0;
    let height = TOP + BOTTOM + ROW * rows.len().max(1) as f64;
    let description = rows
        .iter()
        .map(|row| {
            let interval = row
                .interval
                .map(|(l, h)| format!(" ({l:.2}–{h:.2})"))
                .unwrap_or_default();
            format!("{}: {:.2}{interval}", row.label, row.value)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let x = |v: f64| LABEL + (v / x_max).clamp(0.0, 1.0) * (WIDTH - LABEL - RIGHT);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.1}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        text(title),
        text(&description)
    );
    for tick in 0..=4 {
        let v = x_max * f64::from(tick) / 4.0;
        let _ = write!(
            out,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{1:.1}\" stroke=\"#eef0f3\"/>\
             <text x=\"{0:.1}\" y=\"{2:.1}\" text-anchor=\"middle\" fill=\"#5d6773\">{v:.2}</text>",
            x(v),
            height - BOTTOM,
            height - BOTTOM + 16.0
        );
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#5d6773\">{}</text>",
        x(x_max / 2.0),
        height - 6.0,
        text(x_title)
    );
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + ROW * (i as f64 + 0.5);
        let label: String = row.label.chars().take(30).collect();
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1d232b\">{}</text>",
            LABEL - 8.0,
            y + 4.0,
            text(&label)
        );
        if let Some((low, high)) = row.interval {
            let _ = write!(
                out,
                "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#1f5fa8\" stroke-opacity=\".45\" stroke-width=\"2\"/>",
                x(low),
                x(high)
            );
        }
        if let Some(reference) = row.reference {
            let _ = write!(
                out,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\" stroke=\"#1d232b\" stroke-width=\"2\"/>",
                x(reference),
                y - 6.0,
                y + 6.0
            );
        }
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"#1f5fa8\"><title>{}</title></circle>",
            x(row.value),
            text(&format!("{}: {:.3}", row.label, row.value))
        );
    }
    out.push_str("</svg>");
    out
}
