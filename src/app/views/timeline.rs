//! The timeline: each forecast as a bar from the day it was made to its resolve-by date,
//! with its verdict marked on the day it was given. Hovering names the forecast; a click
//! opens it.

use egui::Ui;
use egui_plot::{HoverPosition, Legend, Line, MarkerShape, Plot, PlotUi, Points};

use super::context::ViewCtx;
use super::plots::{clicked_point, date_tick, name_chart, save_png_menu};
use super::style::{Standing, day_number, shorten, standing, standing_color, standing_label};
use crate::app::action::{Action, ViewChange};
use crate::ledger::Verdict;

/// Drawing more bars than this helps no one; the filter narrows the rest.
const MAX_BARS: usize = 1500;

pub fn timeline_ui(ui: &mut Ui, ctx: &ViewCtx, actions: &mut Vec<Action>) {
    let visible = &ctx.derived.visible;
    let shown = &visible[..visible.len().min(MAX_BARS)];
    ui.horizontal(|ui| {
        ui.heading("Timeline");
        ui.weak("bars run from the day a forecast was made to its resolve-by date; markers show verdicts");
    });
    if visible.len() > MAX_BARS {
        ui.weak(format!(
            "Showing the first {MAX_BARS} of {} forecasts in table order: narrow the filter to see the rest.",
            visible.len()
        ));
    }
    if shown.is_empty() {
        ui.label("No forecast matches the filter.");
        return;
    }
    let top = shown.len() as f64;
    // Anchor points at the start of each bar, for hovering and clicking.
    let starts: Vec<[f64; 2]> = shown
        .iter()
        .enumerate()
        .map(|(row, &entry)| {
            [
                day_number(ctx.ledger.view(entry).forecast.made),
                row_y(shown.len(), row),
            ]
        })
        .collect();
    let today = day_number(ctx.today);
    let visuals = ui.visuals().clone();
    let response = Plot::new("timeline")
        .legend(Legend::default())
        .x_axis_label("date")
        .show_axes([true, false])
        .x_axis_formatter(date_tick)
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            // Made for the one bar under the pointer, not for every bar every frame.
            } if *plot_name == "forecasts" && *index < shown.len() => {
                Some(bar_label(ctx, shown[*index]))
            }
            _ => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("today", vec![[today, 0.0], [today, top + 1.0]])
                    .style(egui_plot::LineStyle::dashed_loose())
                    .color(egui::Color32::GRAY)
                    .allow_hover(false),
            );
            // Bars and verdict markers share a name per standing, so the legend has one
            // entry (and one colour) for each: true, false, …, open, overdue.
            bars_ui(plot_ui, ctx, shown, &visuals);
            verdicts_ui(plot_ui, ctx, shown, &visuals);
            plot_ui.points(
                Points::new("forecasts", starts.clone())
                    .radius(2.5)
                    .filled(true)
                    .color(visuals.text_color()),
            );
            clicked_point(plot_ui, &starts)
        });
    name_chart(&response.response, "Timeline");
    save_png_menu(&response.response, "timeline", actions);
    if let Some(row) = response.inner {
        let id = ctx.ledger.view(shown[row]).forecast.id.clone();
        actions.push(ViewChange::Select(Some(id)).into());
    }
}

/// What the bar of forecast `entry` says when hovered.
fn bar_label(ctx: &ViewCtx, entry: usize) -> String {
    let view = ctx.ledger.view(entry);
    let verdict = view
        .resolution()
        .map(|r| format!("{} on {}", r.verdict(), r.on()))
        .unwrap_or_else(|| standing_label(standing(&view, ctx.today)).to_string());
    format!(
        "{}\n{} · made {} · resolve by {}\n{}",
        shorten(&view.forecast.claim, 90),
        view.author_name(),
        view.forecast.made,
        view.forecast.resolve_by.date(),
        verdict
    )
}

/// The height of row `row` of `rows`: the first row at the top.
fn row_y(rows: usize, row: usize) -> f64 {
    rows as f64 - row as f64
}

/// Each forecast as a bar from the day it was made to its resolve-by date, coloured by how
/// it stands.
fn bars_ui(plot_ui: &mut PlotUi, ctx: &ViewCtx, shown: &[usize], visuals: &egui::Visuals) {
    for (row, &entry) in shown.iter().enumerate() {
        let view = ctx.ledger.view(entry);
        let y = row_y(shown.len(), row);
        let status = standing(&view, ctx.today);
        plot_ui.line(
            Line::new(
                standing_label(status),
                vec![
                    [day_number(view.forecast.made), y],
                    [day_number(view.forecast.resolve_by.date()), y],
                ],
            )
            .color(standing_color(visuals, status))
            .width(3.0)
            .allow_hover(false),
        );
    }
}

/// Each verdict as a diamond on the day it was given, one series per verdict.
fn verdicts_ui(plot_ui: &mut PlotUi, ctx: &ViewCtx, shown: &[usize], visuals: &egui::Visuals) {
    for verdict in Verdict::ALL {
        let marks: Vec<[f64; 2]> = shown
            .iter()
            .enumerate()
            .filter_map(|(row, &entry)| {
                let resolution = ctx.ledger.view(entry).resolution()?;
                (resolution.verdict() == verdict)
                    .then(|| [day_number(resolution.on()), row_y(shown.len(), row)])
            })
            .collect();
        if !marks.is_empty() {
            let status = Standing::Resolved(verdict);
            plot_ui.points(
                Points::new(standing_label(status), marks)
                    .shape(MarkerShape::Diamond)
                    .radius(5.0)
                    .filled(true)
                    .color(standing_color(visuals, status))
                    .allow_hover(false),
            );
        }
    }
}
