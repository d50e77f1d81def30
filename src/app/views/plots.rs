//! Charts shared by the track-record views: the calibration (reliability) diagram and a
//! helper to find which point of a chart the pointer is on, so a hover can name the
//! forecasts behind a point and a click can open them.

use egui::{Color32, Ui};
use egui_plot::{AxisHints, HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotUi, Points, Text};

use super::context::ViewCtx;
use super::style::{percent, shorten};
use crate::app::action::{Action, SystemCommand, ViewChange};
use crate::score::CalibrationBin;

/// How close (in points) the pointer must be to a marker to count as on it.
const PICK_RADIUS: f32 = 12.0;

/// The index of the point nearest the pointer, if it is within [`PICK_RADIUS`].
pub fn point_under_pointer(plot_ui: &PlotUi, points: &[[f64; 2]]) -> Option<usize> {
    let pointer = plot_ui.response().hover_pos()?;
    points
        .iter()
        .enumerate()
        .map(|(i, point)| {
            let screen = plot_ui.screen_from_plot(PlotPoint::new(point[0], point[1]));
            (i, screen.distance(pointer))
        })
        .filter(|(_, distance)| *distance <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// A chart that stays put (no panning, zooming or scrolling), so a click always means
/// "open what is under the pointer".
pub fn fixed_plot<'a>(id: &str) -> Plot<'a> {
    Plot::new(id)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
}

/// A chart's context menu (right click): *Save chart as SVG…*, the same SVG the site
/// draws, made only when asked for, and *Save chart as PNG…*, the chart as the window
/// shows it. `stem` names the file offered.
pub fn save_menu(
    response: &egui::Response,
    stem: &str,
    svg: impl FnOnce() -> String,
    actions: &mut Vec<Action>,
) {
    response.context_menu(|ui| {
        if ui.button("Save chart as SVG…").clicked() {
            actions.push(
                SystemCommand::SaveChart {
                    file_name: format!("{stem}.svg"),
                    svg: svg(),
                }
                .into(),
            );
            ui.close();
        }
        png_item(ui, response.rect, stem, actions);
    });
}

/// The context menu of a chart the site does not draw (the timeline), opened from
/// `response` (a part of the chart that takes clicks): *Save chart as PNG…* of the
/// chart's whole `area`.
pub fn save_png_menu(
    response: &egui::Response,
    area: egui::Rect,
    stem: &str,
    actions: &mut Vec<Action>,
) {
    response.context_menu(|ui| png_item(ui, area, stem, actions));
}

fn png_item(ui: &mut Ui, area: egui::Rect, stem: &str, actions: &mut Vec<Action>) {
    if ui.button("Save chart as PNG…").clicked() {
        actions.push(
            SystemCommand::SaveChartPng {
                file_name: format!("{stem}.png"),
                rect: area,
            }
            .into(),
        );
        ui.close();
    }
}

/// Names a chart for screen readers (and tests): a chart is otherwise an unnamed canvas.
pub fn name_chart(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, name));
}

/// An x axis from 0 to 1 labelled every 0.1: the default spacing assumes wide labels and
/// would leave a probability axis with a single "0".
pub fn probability_axis(label: &str) -> AxisHints<'static> {
    AxisHints::new_x()
        .label(label.to_string())
        .label_spacing(24.0..=40.0)
}

/// The label of a chart row drawn at height `row` (0, 1, 2…), blank between rows: for a
/// y axis that names its rows (forecasters, phrases).
pub fn row_label(names: &[String], row: f64) -> String {
    if (row - row.round()).abs() < 1e-6 && row >= 0.0 {
        names.get(row.round() as usize).cloned().unwrap_or_default()
    } else {
        String::new()
    }
}

/// One grid line a row, for [`row_label`]'s axis.
pub fn row_grid(rows: usize) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    move |_| {
        (0..rows)
            .map(|row| egui_plot::GridMark {
                value: row as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

/// The point a click landed on, if the chart was clicked on one.
pub fn clicked_point(plot_ui: &PlotUi, points: &[[f64; 2]]) -> Option<usize> {
    if plot_ui.response().clicked() {
        point_under_pointer(plot_ui, points)
    } else {
        None
    }
}

/// Tick labels for a date axis whose values are [`super::style::day_number`]s, on the
/// marks [`calendar_grid`] puts at the first of a month: "2022" for January, else
/// "Mar 2022".
pub fn date_tick(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    use chrono::Datelike;
    match super::style::date_of_day_number(mark.value) {
        Some(date) if date.day() == 1 && date.month() == 1 => date.format("%Y").to_string(),
        Some(date) if date.day() == 1 => date.format("%b %Y").to_string(),
        Some(date) => date.to_string(),
        None => String::new(),
    }
}

/// Grid marks for a date axis on whole months or years (every 1, 2, 3 or 6 months, or 1,
/// 2, 5… years), as many as leave about 90 points a label, instead of egui_plot's decimal
/// steps of days (which fall on dates like 2019-04-14).
pub fn calendar_grid(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    use super::style::{date_of_day_number, day_number};
    let (min, max) = input.bounds;
    let (Some(start), Some(end)) = (date_of_day_number(min), date_of_day_number(max)) else {
        return Vec::new();
    };
    // `base_step_size` is the plot distance egui_plot allows between the closest lines
    // (6 points); from it, how many points the axis is wide.
    let points = (max - min) / input.base_step_size.max(f64::EPSILON) * 6.0;
    let max_ticks = (points / 90.0).floor().max(2.0) as usize;
    let ticks =
        crate::timeline::calendar_ticks(crate::timeline::DateSpan { start, end }, max_ticks);
    let step = match ticks.as_slice() {
        [first, second, ..] => (second.date - first.date).num_days() as f64,
        _ => 365.0,
    };
    ticks
        .into_iter()
        .map(|tick| egui_plot::GridMark {
            value: day_number(tick.date),
            step_size: step,
        })
        .collect()
}

/// A few forecasts' claims, one per line, for a hover label.
pub fn claims_list(ctx: &ViewCtx, entries: &[usize], limit: usize) -> String {
    let mut lines: Vec<String> = entries
        .iter()
        .take(limit)
        .map(|&entry| {
            let view = ctx.ledger.view(entry);
            format!(
                "• {} — {}",
                shorten(&view.forecast.claim, 70),
                view.author_name()
            )
        })
        .collect();
    if entries.len() > limit {
        lines.push(format!(
            "… and {} more (click to list them)",
            entries.len() - limit
        ));
    }
    lines.join("\n")
}

/// The reliability diagram: the diagonal of perfect calibration, each bin's observed
/// frequency against its mean forecast with the Wilson 95% interval, and its count.
pub fn calibration_plot(
    ui: &mut Ui,
    id: &str,
    ctx: &ViewCtx,
    bins: &[CalibrationBin],
    members: &[Vec<usize>],
    height: f32,
    actions: &mut Vec<Action>,
) {
    // The bins with forecasts in them, with their index among all the bins.
    let filled: Vec<(usize, &CalibrationBin)> = bins
        .iter()
        .enumerate()
        .filter(|(_, bin)| bin.count > 0)
        .collect();
    let points: Vec<[f64; 2]> = filled
        .iter()
        .map(|(_, bin)| {
            [
                bin.mean_forecast.unwrap_or_default(),
                bin.observed.unwrap_or_default(),
            ]
        })
        .collect();
    let members_of = |i: usize| members.get(i).map_or(&[][..], Vec::as_slice);
    let accent = super::style::chart_accent(ui.visuals());
    let text_color = ui.visuals().text_color();
    let response = fixed_plot(id)
        .height(height)
        // No legend: it sat on the points. The caption under each diagram says what the
        // marks are.
        .custom_x_axes(vec![probability_axis("forecast probability")])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label("observed frequency")
                .label_spacing(14.0..=24.0)
                // The room kept below 0 and above 1 for the counts has no frequency.
                .formatter(|mark, _| {
                    if (0.0..=1.0 + 1e-9).contains(&mark.value) {
                        format!("{:.1}", mark.value)
                    } else {
                        String::new()
                    }
                }),
        ])
        .default_x_bounds(0.0, 1.0)
        // Room below 0 and above 1 so markers on the edges and their counts are not clipped.
        .default_y_bounds(-0.06, 1.12)
        .label_formatter(|position| match position {
            // Made for the one bin under the pointer, not for every bin every frame.
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if *plot_name == "bins" && *index < filled.len() => {
                let (i, bin) = filled[*index];
                Some(bin_label(ctx, bin, members_of(i)))
            }
            _ => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("perfect calibration", vec![[0.0, 0.0], [1.0, 1.0]])
                    .style(LineStyle::dashed_loose())
                    .color(Color32::GRAY),
            );
            bins_ui(plot_ui, &filled, &points, accent, text_color);
            clicked_point(plot_ui, &points)
        });
    name_chart(&response.response, "Calibration diagram");
    ui.weak(
        "Dots: the forecasts in each tenth of the scale, at their mean probability and how often they came true (n: how many). Lines: 95% Wilson intervals. Dashed: perfect calibration.",
    );
    save_menu(
        &response.response,
        id,
        || crate::site::svg::calibration(id, bins),
        actions,
    );
    if let Some(point) = response.inner {
        let (bin_index, bin) = filled[point];
        let ids = members_of(bin_index)
            .iter()
            .map(|&e| ctx.ledger.view(e).forecast.id.clone())
            .collect();
        let label = format!(
            "calibration bin {:.1}–{:.1} ({} forecasts)",
            bin.lower, bin.upper, bin.count
        );
        actions.push(ViewChange::ShowOnly { label, ids }.into());
    }
}

/// What a bin's marker says when hovered: its range and count, how it scored, and a few
/// of its forecasts.
fn bin_label(ctx: &ViewCtx, bin: &CalibrationBin, members: &[usize]) -> String {
    format!(
        "{:.1}–{:.1}: {} forecast{}\nmean forecast {}, observed {} (95% CI {}–{})\n{}",
        bin.lower,
        bin.upper,
        bin.count,
        if bin.count == 1 { "" } else { "s" },
        percent(bin.mean_forecast),
        percent(bin.observed),
        percent(bin.ci_low),
        percent(bin.ci_high),
        claims_list(ctx, members, 6)
    )
}

/// Each filled bin's interval, its marker at `points`, and its count above it.
fn bins_ui(
    plot_ui: &mut PlotUi,
    filled: &[(usize, &CalibrationBin)],
    points: &[[f64; 2]],
    accent: Color32,
    text_color: Color32,
) {
    for (_, bin) in filled {
        if let (Some(x), Some(low), Some(high)) = (bin.mean_forecast, bin.ci_low, bin.ci_high) {
            plot_ui.line(
                Line::new("95% interval (Wilson)", vec![[x, low], [x, high]])
                    .color(accent)
                    .width(2.0)
                    .allow_hover(false),
            );
        }
    }
    plot_ui.points(
        Points::new("bins", points.to_vec())
            .radius(6.0)
            .color(accent)
            .filled(true),
    );
    for ((_, bin), at) in filled.iter().zip(count_label_places(points)) {
        plot_ui.text(
            // Unnamed: the counts label the points and need no legend entry.
            // At the size of small body text: egui_plot's default is barely legible.
            Text::new(
                "",
                PlotPoint::new(at[0], at[1]),
                egui::RichText::new(format!("n={}", bin.count)).size(12.0),
            )
            .color(text_color),
        );
    }
}

/// How far (in chart units) a count sits from its point, and how close two counts may be
/// before they would overlap ("n=12" is about 0.07 wide on a chart 0–1 across).
const LABEL_OFFSET: f64 = 0.05;
/// How far right (or left) of its point a count's centre sits, clear of the marker.
const LABEL_BESIDE: f64 = 0.055;
const LABEL_WIDTH: f64 = 0.08;
const LABEL_HEIGHT: f64 = 0.05;

/// Where each point's count goes: beside it (right, or left near the right edge) where
/// neither a count already placed nor another point's interval is in the way, else the
/// other side, else above or below it.
fn count_label_places(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut placed: Vec<[f64; 2]> = Vec::with_capacity(points.len());
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[a][0].total_cmp(&points[b][0]));
    let mut places = vec![[0.0, 0.0]; points.len()];
    for i in order {
        let [x, y] = points[i];
        // Near the right edge the left side comes first: a count is centred on its place,
        // and "n=3905" right of 0.97 would run off the chart.
        let side = if x > 0.88 {
            -LABEL_BESIDE
        } else {
            LABEL_BESIDE
        };
        let clear_of_counts = |at: &[f64; 2]| {
            placed.iter().all(|other| {
                (other[0] - at[0]).abs() >= LABEL_WIDTH || (other[1] - at[1]).abs() >= LABEL_HEIGHT
            })
        };
        // Beside the point, a count must also keep off the chart's edges and off the other
        // points' intervals, which run up and down through them.
        let clear_beside = |at: &[f64; 2]| {
            (LABEL_WIDTH / 2.0..=1.0 - LABEL_WIDTH / 2.0).contains(&at[0])
                && points
                    .iter()
                    .enumerate()
                    .all(|(j, p)| j == i || (p[0] - at[0]).abs() >= LABEL_WIDTH / 2.0)
                && clear_of_counts(at)
        };
        let beside = [[x + side, y], [x - side, y]];
        let above_or_below = [[x, y + LABEL_OFFSET], [x, y - LABEL_OFFSET]];
        let at = beside
            .into_iter()
            .find(|at| clear_beside(at))
            .or_else(|| above_or_below.into_iter().find(|at| clear_of_counts(at)))
            .unwrap_or(above_or_below[0]);
        placed.push(at);
        places[i] = at;
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_neighbouring_bins_do_not_overlap() {
        // Two bins close together (0.68 and 0.72, both near 0.7 observed) and one apart.
        let points = [[0.72, 0.71], [0.68, 0.70], [0.3, 0.2]];
        let places = count_label_places(&points);
        let overlap = |a: [f64; 2], b: [f64; 2]| {
            (a[0] - b[0]).abs() < LABEL_WIDTH && (a[1] - b[1]).abs() < LABEL_HEIGHT
        };
        assert!(!overlap(places[0], places[1]), "{places:?}");
        // A count with room goes to the right of its point.
        assert_eq!(places[2], [0.3 + LABEL_BESIDE, 0.2]);
        // One whose right side is another point's interval goes to its left.
        assert_eq!(places[1], [0.68 - LABEL_BESIDE, 0.70]);
    }

    #[test]
    fn a_date_axis_is_marked_on_whole_years_or_months() {
        use super::super::style::{date_of_day_number, day_number};
        let day = |text: &str| day_number(text.parse().unwrap());
        let (min, max) = (day("2017-03-10"), day("2026-05-01"));
        // An axis 900 points wide (base_step_size is the plot distance of 6 points): room
        // for ten labels, so one a year.
        let input = egui_plot::GridInput {
            bounds: (min, max),
            base_step_size: (max - min) / 900.0 * 6.0,
        };
        let labels: Vec<String> = calendar_grid(input)
            .into_iter()
            .map(|mark| date_tick(mark, &(min..=max)))
            .collect();
        assert_eq!(
            labels,
            [
                "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"
            ]
        );
        let mark = egui_plot::GridMark {
            value: day("2022-03-01"),
            step_size: 30.0,
        };
        assert_eq!(date_tick(mark, &(min..=max)), "Mar 2022");
        assert!(date_of_day_number(day("2022-03-01")).is_some());
    }
}
