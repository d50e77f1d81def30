//! What the words meant: one row per phrase, its table range as a bar and its table value
//! as a tick, and how often forecasts hedged with it came true as a dot with its 95%
//! Wilson interval. A hollow dot is a small sample. Hover says it in words; a click lists
//! the forecasts behind the dot.

use egui::Ui;
use egui_plot::{AxisHints, HoverPosition, Line, MarkerShape, Points};

use super::ViewCtx;
use super::plots::{clicked_point, fixed_plot, name_chart, probability_axis, row_grid, row_label};
use super::style::shorten;
use crate::app::Action;
use crate::score::SMALL_SAMPLE;
use crate::words::PhraseRecord;

/// More rows than this and the chart shows the first ones and says how many are left out.
const MAX_ROWS: usize = 40;

/// "likely (table 70%, 60–75%): came true 4 of 5 times (80%, 95% CI 38–96%)".
pub fn phrase_summary(record: &PhraseRecord) -> String {
    let range = record
        .range
        .map(|(low, high)| format!(", {:.0}–{:.0}%", low * 100.0, high * 100.0))
        .unwrap_or_default();
    let observed = match (record.frequency, record.frequency_ci) {
        (Some(f), Some((low, high))) => format!(
            "came true {} of {} times ({:.0}%, 95% CI {:.0}–{:.0}%){}",
            record.happened,
            record.scored,
            f * 100.0,
            low * 100.0,
            high * 100.0,
            if record.small_sample {
                " — small sample"
            } else {
                ""
            }
        ),
        _ => "nothing scored yet".to_string(),
    };
    format!(
        "“{}” (table {:.0}%{range}): {observed}",
        record.phrase,
        record.probability * 100.0
    )
}

/// The chart for `records` (lowest table probability first); `id` keeps two charts apart.
pub fn phrase_chart(
    ui: &mut Ui,
    ctx: &ViewCtx,
    id: &str,
    records: &[PhraseRecord],
    actions: &mut Vec<Action>,
) {
    if records.is_empty() {
        ui.weak("No forecast here is hedged with a phrase from the table.");
        return;
    }
    let hidden = records.len().saturating_sub(MAX_ROWS);
    let records = &records[..records.len().min(MAX_ROWS)];
    // The highest probability at the top: row i is drawn at y = i.
    let rows = records.len();
    let scored: Vec<(usize, &PhraseRecord)> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.frequency.is_some())
        .collect();
    let points = |small: bool| -> Vec<[f64; 2]> {
        scored
            .iter()
            .filter(|(_, r)| r.small_sample == small)
            .map(|(row, r)| [r.frequency.unwrap_or_default(), *row as f64])
            .collect()
    };
    let (solid, hollow) = (points(false), points(true));
    // Index into `scored` of each drawn point, solid ones first, for hover and click.
    let order: Vec<usize> = (0..scored.len())
        .filter(|&i| !scored[i].1.small_sample)
        .chain((0..scored.len()).filter(|&i| scored[i].1.small_sample))
        .collect();
    let all_points: Vec<[f64; 2]> = solid.iter().chain(&hollow).copied().collect();
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            let name = shorten(&r.phrase, 24);
            if r.small_sample && r.scored > 0 {
                format!("{name} ⚠")
            } else {
                name
            }
        })
        .collect();
    let accent = ui.visuals().selection.bg_fill;
    let table_colour = ui.visuals().weak_text_color().gamma_multiply(0.6);
    let tick_colour = ui.visuals().text_color();
    let height = (rows as f32 * 20.0 + 70.0).clamp(160.0, 900.0);
    let response = fixed_plot(id)
        .height(height)
        .custom_x_axes(vec![probability_axis(
            "probability: the table's (bar and tick) and how often it came true (dot)",
        )])
        .custom_y_axes(vec![AxisHints::new_y().label_spacing(12.0..=16.0)])
        .y_grid_spacer(row_grid(rows))
        // A little past 0 and 1, so a dot at "always" or "never" is drawn whole.
        .default_x_bounds(-0.03, 1.03)
        .default_y_bounds(-0.6, rows as f64 - 0.4)
        .show_grid([true, false])
        .y_axis_min_width(170.0)
        .y_axis_formatter(move |mark, _| row_label(&names, mark.value))
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if plot_name.starts_with("came true") => order
                .get(
                    *index
                        - if *plot_name == "came true (small sample)" {
                            solid.len()
                        } else {
                            0
                        },
                )
                .map(|&i| phrase_summary(scored[i].1)),
            _ => None,
        })
        .show(ui, |plot_ui| {
            for (row, record) in records.iter().enumerate() {
                let y = row as f64;
                if let Some((low, high)) = record.range {
                    plot_ui.line(
                        Line::new("table range", vec![[low, y], [high, y]])
                            .color(table_colour)
                            .width(9.0)
                            .allow_hover(false),
                    );
                }
                plot_ui.line(
                    Line::new(
                        "table value",
                        vec![[record.probability, y - 0.3], [record.probability, y + 0.3]],
                    )
                    .color(tick_colour)
                    .width(2.0)
                    .allow_hover(false),
                );
                if let Some((low, high)) = record.frequency_ci {
                    plot_ui.line(
                        Line::new("95% interval", vec![[low, y], [high, y]])
                            .color(accent)
                            .width(1.5)
                            .allow_hover(false),
                    );
                }
            }
            plot_ui.points(
                Points::new("came true", solid.clone())
                    .radius(5.0)
                    .filled(true)
                    .shape(MarkerShape::Circle)
                    .color(accent),
            );
            plot_ui.points(
                Points::new("came true (small sample)", hollow.clone())
                    .radius(5.0)
                    .filled(false)
                    .shape(MarkerShape::Circle)
                    .color(accent),
            );
            clicked_point(plot_ui, &all_points)
        });
    name_chart(&response.response, "What the words meant");
    if let Some(index) = response.inner {
        let record = scored[order[index]].1;
        actions.push(Action::ShowOnly {
            label: format!(
                "“{}”: its {} scored forecasts",
                record.phrase, record.scored
            ),
            ids: record
                .entries
                .iter()
                .map(|&entry| ctx.ledger.view(entry).forecast.id.clone())
                .collect(),
        });
    }
    ui.weak(format!(
        "Bar: the phrase table's range; tick: its value; dot: how often it came true, with its 95% Wilson interval. Hollow dot, ⚠: fewer than {SMALL_SAMPLE} scored."
    ));
    if hidden > 0 {
        ui.weak(format!("{hidden} more phrases not shown"));
    }
}
