//! Track records: the leaderboard per forecaster (sortable, small samples marked), their
//! Brier scores with bootstrap intervals as error bars, and the calibration diagram of
//! everything the filter selects.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{AxisHints, HoverPosition, Line, PlotUi, Points};

use super::context::ViewCtx;
use super::phrase_chart::phrase_chart;
use super::plots::{
    calibration_plot, clicked_point, fixed_plot, name_chart, probability_axis, row_grid, row_label,
    save_menu,
};
use super::style::{percent, score, shorten};
use crate::app::action::{Action, ViewChange};
use crate::app::leaderboard::{LeaderboardColumn, LeaderboardSort};
use crate::report::{SMALL_SAMPLE, TrackRecord};
use crate::score::{BOOTSTRAP_RESAMPLES, LOG_SCORE_CLIP};
use crate::site::svg::{IntervalRow, interval_rows};

/// The Brier chart shows at most this many forecasters (the best-scored first), fewer when
/// the window is too short to name each on its row.
const CHART_ROWS: usize = 40;
/// The height of a Brier chart row, in points: what a name on the axis needs.
const ROW_POINTS: f32 = 18.0;

pub fn track_records_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    sort: LeaderboardSort,
    actions: &mut Vec<Action>,
) {
    let Some(report) = &ctx.derived.report else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Computing track records…");
        });
        return;
    };
    let overall = &report.overall;
    ui.horizontal_wrapped(|ui| {
        ui.heading("Track records");
        ui.label(format!(
            "{} forecasts · {} resolved · {} scored · Brier {} · log score {} · hit rate {}",
            overall.counts.forecasts,
            overall.counts.resolved,
            overall.counts.scored,
            score(overall.brier),
            score(overall.log_score),
            percent(overall.hit_rate),
        ));
    });
    ui.weak(format!(
        "Brier: 0 is perfect, 0.25 is always saying 50%. Intervals: 95% bootstrap ({BOOTSTRAP_RESAMPLES} resamples). \
         Log score clips probabilities to [{}, {}]. Partly, ambiguous and annulled verdicts are not scored. \
         Fewer than {SMALL_SAMPLE} scored forecasts: small sample (marked).",
        LOG_SCORE_CLIP.0, LOG_SCORE_CLIP.1
    ));
    ui.add_space(6.0);

    let records: Vec<&TrackRecord> = ctx
        .derived
        .leaderboard
        .iter()
        .map(|&group| &report.groups[group])
        .collect();
    let charted: Vec<&TrackRecord> = ctx
        .derived
        .brier_chart
        .iter()
        .map(|&group| &report.groups[group])
        .collect();

    let available = ui.available_height();
    ui.columns(2, |columns| {
        // The table keeps its columns whole; a narrow half scrolls it sideways rather than
        // let it run under the charts.
        egui::ScrollArea::horizontal()
            .id_salt("leaderboard-scroll")
            .show(&mut columns[0], |ui| {
                leaderboard(ui, &records, sort, available, actions)
            });
        egui::ScrollArea::vertical()
            .id_salt("track-record-charts")
            .show(&mut columns[1], |ui| {
                ui.strong("Brier score by forecaster (95% interval; thin: the phrase table's range)");
                // Both charts fit on screen: the Brier chart gets what its rows need, up to
                // half; the calibration diagram the rest.
                // Each row keeps room for its name (18 points): as many rows as half the
                // height holds, leaving the calibration diagram 350 points (its 240 and
                // its title and axis); the rest are in the table.
                let room = (available * 0.5).min(available - 350.0);
                let fit = (((room - 60.0) / ROW_POINTS).floor().max(0.0) as usize).max(5);
                let rows = charted.len().min(CHART_ROWS).min(fit);
                let brier_height = (rows as f32 * ROW_POINTS + 60.0).max(160.0);
                brier_chart(ui, &charted, rows, brier_height, actions);
                ui.add_space(8.0);
                ui.strong("Calibration of the forecasts shown");
                let side = (available - brier_height - 110.0).clamp(240.0, ui.available_width());
                calibration_plot(
                    ui,
                    "calibration-all",
                    ctx,
                    &report.calibration,
                    &ctx.derived.calibration_members,
                    side,
                    actions,
                );
                ui.add_space(8.0);
                ui.strong("What the words meant (every forecaster shown, pooled)");
                ui.weak("The ledger's own phrase table: how often each phrase came true, beside the published value it is scored with.");
                phrase_chart(ui, ctx, "phrases-all", &ctx.derived.phrases, actions);
            });
    });
}

/// The leaderboard's columns: their titles and what a click on each sorts by.
const COLUMNS: [(&str, LeaderboardColumn); 6] = [
    ("Forecaster", LeaderboardColumn::Name),
    ("Resolved", LeaderboardColumn::Resolved),
    ("Scored", LeaderboardColumn::Scored),
    ("Brier [95% CI]", LeaderboardColumn::Brier),
    ("Log", LeaderboardColumn::LogScore),
    ("Hit rate", LeaderboardColumn::HitRate),
];

fn leaderboard(
    ui: &mut Ui,
    records: &[&TrackRecord],
    sort: LeaderboardSort,
    height: f32,
    actions: &mut Vec<Action>,
) {
    TableBuilder::new(ui)
        .id_salt("leaderboard")
        .striped(true)
        .resizable(true)
        .max_scroll_height(height)
        .column(Column::initial(150.0).at_least(100.0).clip(true))
        .columns(Column::auto().at_least(55.0), 2)
        .column(Column::auto().at_least(130.0))
        .columns(Column::auto().at_least(55.0), 2)
        .column(Column::auto().at_least(60.0))
        .header(24.0, |mut header| {
            for (title, column) in COLUMNS {
                header.col(|ui| {
                    let arrow = match (sort.column == column, sort.descending) {
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                        _ => "",
                    };
                    let clicked = ui
                        .add(
                            egui::Button::new(RichText::new(format!("{title}{arrow}")).strong())
                                .frame(false),
                        )
                        .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                        .clicked();
                    if clicked {
                        actions.push(ViewChange::SortLeaderboard(column).into());
                    }
                });
            }
            // The place follows the Brier score: sorting by it is sorting by Brier.
            header.col(|ui| {
                ui.strong("Rank");
            });
        })
        .body(|body| {
            body.rows(22.0, records.len(), |mut row| {
                let record = records[row.index()];
                row.col(|ui| forecaster_cell(ui, record, actions));
                record_cells(&mut row, record);
            });
        });
}

/// The forecaster's name, a link to their page, elided to the column (the full name on
/// hover); a small sample is marked before it, where eliding cannot hide the mark.
fn forecaster_cell(ui: &mut Ui, record: &TrackRecord, actions: &mut Vec<Action>) {
    let small = record.small_sample;
    let mark = if small && record.counts.scored > 0 {
        "⚠ "
    } else {
        ""
    };
    let name = match record.kind {
        Some(kind @ ("group" | "institution")) => format!("{mark}{} · {kind}", record.name),
        _ => format!("{mark}{}", record.name),
    };
    let link = ui.add(
        egui::Label::new(RichText::new(name).color(ui.visuals().hyperlink_color))
            .truncate()
            .sense(egui::Sense::click()),
    );
    let link = if link.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        link
    } else {
        link
    };
    let link = if record.is_collective() {
        link.on_hover_text(format!(
            "A {} (people.ron's kind): listed after the individuals and not ranked with them",
            record.kind.unwrap_or_default()
        ))
    } else if let Some(reason) = &record.not_ranked {
        link.on_hover_text(format!("Not ranked: {reason}"))
    } else if small {
        link.on_hover_text(format!(
            "Small sample: {} scored forecast{} — scores this uncertain say little",
            record.counts.scored,
            if record.counts.scored == 1 { "" } else { "s" }
        ))
    } else {
        link
    };
    if link.clicked() {
        actions.push(ViewChange::ShowForecaster(record.name.clone()).into());
    }
}

/// A forecaster's counts, scores and place, weak for a small sample.
fn record_cells(row: &mut egui_extras::TableRow, record: &TrackRecord) {
    let weak = |text: String| {
        if record.small_sample {
            RichText::new(text).weak()
        } else {
            RichText::new(text)
        }
    };
    let brier = match (record.brier, record.brier_ci) {
        (Some(b), Some((low, high))) => format!("{b:.3} [{low:.2}–{high:.2}]"),
        (Some(b), None) => format!("{b:.3}"),
        _ => "—".to_string(),
    };
    let hit = match record.hit_rate {
        Some(rate) => {
            format!("{:.0}% ({}/{})", rate * 100.0, record.hits, record.decided)
        }
        None => "—".to_string(),
    };
    for text in [
        record.counts.resolved.to_string(),
        record.counts.scored.to_string(),
        brier,
        score(record.log_score),
        hit,
    ] {
        // One line whatever the column's width: "84% (105/125)", never "8 4 %" over two.
        row.col(|ui| {
            ui.add(egui::Label::new(weak(text)).extend());
        });
    }
    row.col(|ui| {
        ui.add(egui::Label::new(weak(record.place())).extend()).on_hover_text(
            "Place by Brier score; in brackets, the best and worst place with every phrase read at the low end of its range, as the table says, and at the high end",
        );
    });
}

/// Each scored forecaster's Brier score as a point with its interval as an error bar;
/// hover names them, a click opens their page. `scored` comes best first.
fn brier_chart(
    ui: &mut Ui,
    scored: &[&TrackRecord],
    rows: usize,
    height: f32,
    actions: &mut Vec<Action>,
) {
    let hidden = scored.len().saturating_sub(rows);
    let scored = &scored[..scored.len().min(rows)];
    if scored.is_empty() {
        ui.weak("No forecaster has a scored forecast in this selection.");
        return;
    }
    // The best score at the top: row 0 is drawn highest.
    let top = scored.len() as f64 - 1.0;
    let points: Vec<[f64; 2]> = scored
        .iter()
        .enumerate()
        .map(|(i, r)| [r.brier.unwrap_or_default(), top - i as f64])
        .collect();
    let names: Vec<String> = scored.iter().map(|r| shorten(&r.name, 22)).collect();
    let accent = super::style::chart_accent(ui.visuals());
    let phrase_colour = ui.visuals().text_color().gamma_multiply(0.7);
    let rows = scored.len();
    let response = fixed_plot("brier-by-forecaster")
        .height(height)
        .custom_x_axes(vec![probability_axis("Brier score (lower is better)")])
        .custom_y_axes(vec![AxisHints::new_y().label_spacing(12.0..=16.0)])
        .y_grid_spacer(row_grid(rows))
        .default_x_bounds(0.0, 1.0)
        .show_grid([true, false])
        .y_axis_min_width(150.0)
        .y_axis_formatter(move |mark, _| row_label(&names, top - mark.value))
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            // Made for the one point under the pointer, not for every point every frame.
            } if *plot_name == "forecasters" => scored.get(*index).map(|r| forecaster_label(r)),
            _ => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("always 50% (0.25)", vec![[0.25, -0.5], [0.25, top + 0.5]])
                    .style(egui_plot::LineStyle::dashed_loose())
                    .color(egui::Color32::GRAY)
                    .allow_hover(false),
            );
            for (record, point) in scored.iter().zip(&points) {
                intervals_ui(plot_ui, record, point[1], accent, phrase_colour);
            }
            plot_ui.points(
                Points::new("forecasters", points.clone())
                    .radius(5.0)
                    .filled(true)
                    .color(accent),
            );
            clicked_point(plot_ui, &points)
        });
    name_chart(&response.response, "Brier score by forecaster");
    save_menu(
        &response.response,
        "brier-by-forecaster",
        || {
            let rows: Vec<IntervalRow> = scored
                .iter()
                .map(|r| IntervalRow {
                    label: r.name.clone(),
                    value: r.brier.unwrap_or_default(),
                    interval: r.brier_ci,
                    reference: None,
                })
                .collect();
            interval_rows(
                "brier-by-forecaster",
                "Brier score by forecaster, with 95% intervals",
                "Brier score (lower is better)",
                1.0,
                &rows,
            )
        },
        actions,
    );
    if let Some(index) = response.inner {
        actions.push(ViewChange::ShowForecaster(scored[index].name.clone()).into());
    }
    if hidden > 0 {
        ui.weak(format!("{hidden} more forecasters in the table"));
    }
}

/// What a forecaster's point says when hovered.
fn forecaster_label(record: &TrackRecord) -> String {
    format!(
        "{}\nBrier {}{}{}\n{} scored{}",
        record.name,
        score(record.brier),
        record
            .brier_ci
            .map(|(l, h)| format!(" (95% CI {l:.2}–{h:.2})"))
            .unwrap_or_else(|| " (no interval from one forecast)".into()),
        record
            .readings
            .brier_phrase_range
            .filter(|(best, worst)| worst > best)
            .map(|(best, worst)| format!("\nread through the phrase ranges: {best:.3}–{worst:.3}"))
            .unwrap_or_default(),
        record.counts.scored,
        if record.small_sample {
            " — small sample"
        } else {
            ""
        }
    )
}

/// A forecaster's 95% interval on their row at height `y`, and, thinner just below, the
/// scores the phrase table's ranges allow.
fn intervals_ui(
    plot_ui: &mut PlotUi,
    record: &TrackRecord,
    y: f64,
    accent: Color32,
    phrase_colour: Color32,
) {
    if let Some((low, high)) = record.brier_ci {
        plot_ui.line(
            Line::new("95% interval", vec![[low, y], [high, y]])
                .color(accent)
                .width(2.0)
                .allow_hover(false),
        );
    }
    if let Some((best, worst)) = record.readings.brier_phrase_range
        && worst > best
    {
        let y = y - 0.25;
        plot_ui.line(
            Line::new("phrase readings", vec![[best, y], [worst, y]])
                .color(phrase_colour)
                .width(1.0)
                .allow_hover(false),
        );
    }
}
