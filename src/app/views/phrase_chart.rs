//! What the words meant: one row per phrase, its table range as a bar and its table value
//! as a tick, and how often forecasts hedged with it came true as a dot with its 95%
//! Wilson interval. A hollow dot is a small sample. Hover says it in words; a click lists
//! the forecasts behind the dot.

use egui::{Color32, Ui};
use egui_plot::{AxisHints, HoverPosition, Line, MarkerShape, PlotUi, Points};

use super::context::ViewCtx;
use super::plots::{
    clicked_point, fixed_plot, name_chart, probability_axis, row_grid, row_label, save_menu,
};
use super::style::shorten;
use crate::app::action::{Action, ViewChange};
use crate::score::SMALL_SAMPLE;
use crate::site::svg::{IntervalRow, interval_rows};
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
    let rows = Rows::of(&records[..records.len().min(MAX_ROWS)]);
    if let Some(record) = plot_ui(ui, id, &rows, actions) {
        let label = format!(
            "“{}”: its {} scored forecasts",
            record.phrase, record.scored
        );
        let ids = record
            .entries
            .iter()
            .map(|&entry| ctx.ledger.view(entry).forecast.id.clone())
            .collect();
        actions.push(ViewChange::ShowOnly { label, ids }.into());
    }
    ui.weak(format!(
        "Bar: the phrase table's range; tick: its value; dot: how often it came true, with its 95% Wilson interval. Hollow dot, ⚠: fewer than {SMALL_SAMPLE} scored."
    ));
    if hidden > 0 {
        ui.weak(format!("{hidden} more phrases not shown"));
    }
}

/// The phrases drawn, one row each (the highest probability at the top: row i is drawn at
/// y = i), and their dots: solid for enough scored forecasts, hollow for a small sample.
struct Rows<'a> {
    records: &'a [PhraseRecord],
    /// The rows with something scored, with their row number.
    scored: Vec<(usize, &'a PhraseRecord)>,
    solid: Vec<[f64; 2]>,
    hollow: Vec<[f64; 2]>,
    /// Index into `scored` of each dot drawn, solid ones first, for hover and click.
    order: Vec<usize>,
}

impl<'a> Rows<'a> {
    fn of(records: &'a [PhraseRecord]) -> Rows<'a> {
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
        let order: Vec<usize> = (0..scored.len())
            .filter(|&i| !scored[i].1.small_sample)
            .chain((0..scored.len()).filter(|&i| scored[i].1.small_sample))
            .collect();
        Rows {
            records,
            scored,
            solid,
            hollow,
            order,
        }
    }

    /// Each row's name on the y axis, marked when its sample is small.
    fn names(&self) -> Vec<String> {
        self.records
            .iter()
            .map(|r| {
                let name = shorten(&r.phrase, 24);
                if r.small_sample && r.scored > 0 {
                    format!("{name} ⚠")
                } else {
                    name
                }
            })
            .collect()
    }

    /// The record behind dot `index` of the series `series`, for the hover label. A hover
    /// counts within its series; `order` has the hollow dots after the solid ones.
    fn behind(&self, series: &str, index: usize) -> Option<&'a PhraseRecord> {
        let offset = if series == "came true (small sample)" {
            self.solid.len()
        } else {
            0
        };
        let &i = self.order.get(index + offset)?;
        Some(self.scored[i].1)
    }
}

/// The plot; the record whose dot was clicked, if one was.
fn plot_ui<'a>(
    ui: &mut Ui,
    id: &str,
    rows: &Rows<'a>,
    actions: &mut Vec<Action>,
) -> Option<&'a PhraseRecord> {
    let count = rows.records.len();
    let names = rows.names();
    let visuals = ui.visuals();
    let colours = Colours {
        range: visuals.weak_text_color().gamma_multiply(0.6),
        tick: visuals.text_color(),
        accent: super::style::chart_accent(visuals),
    };
    let height = (count as f32 * 20.0 + 70.0).clamp(160.0, 900.0);
    let response = fixed_plot(id)
        .height(height)
        .custom_x_axes(vec![probability_axis(
            "probability: the table's (bar and tick) and how often it came true (dot)",
        )])
        .custom_y_axes(vec![AxisHints::new_y().label_spacing(12.0..=16.0)])
        .y_grid_spacer(row_grid(count))
        // A little past 0 and 1, so a dot at "always" or "never" is drawn whole.
        .default_x_bounds(-0.03, 1.03)
        .default_y_bounds(-0.6, count as f64 - 0.4)
        .show_grid([true, false])
        .y_axis_min_width(170.0)
        .y_axis_formatter(move |mark, _| row_label(&names, mark.value))
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if plot_name.starts_with("came true") => {
                rows.behind(plot_name, *index).map(phrase_summary)
            }
            _ => None,
        })
        .show(ui, |plot_ui| {
            table_ui(plot_ui, rows.records, &colours);
            dots_ui(plot_ui, rows, colours.accent)
        });
    name_chart(&response.response, "What the words meant");
    save_menu(
        &response.response,
        id,
        || {
            let drawn: Vec<IntervalRow> = rows
                .records
                .iter()
                .filter_map(|r| {
                    Some(IntervalRow {
                        label: r.phrase.clone(),
                        value: r.frequency?,
                        interval: r.frequency_ci,
                        reference: Some(r.probability),
                    })
                })
                .collect();
            interval_rows(
                id,
                "What the words meant: how often each phrase came true (dot) against the table's value (tick)",
                "came true",
                1.0,
                &drawn,
            )
        },
        actions,
    );
    let index = response.inner?;
    rows.order.get(index).map(|&i| rows.scored[i].1)
}

/// The colours of the table's range, its tick, and the dots with their intervals.
struct Colours {
    range: Color32,
    tick: Color32,
    accent: Color32,
}

/// Each row's table range (a bar), table value (a tick) and the interval around how often
/// it came true.
fn table_ui(plot_ui: &mut PlotUi, records: &[PhraseRecord], colours: &Colours) {
    for (row, record) in records.iter().enumerate() {
        let y = row as f64;
        if let Some((low, high)) = record.range {
            plot_ui.line(
                Line::new("table range", vec![[low, y], [high, y]])
                    .color(colours.range)
                    .width(9.0)
                    .allow_hover(false),
            );
        }
        plot_ui.line(
            Line::new(
                "table value",
                vec![[record.probability, y - 0.3], [record.probability, y + 0.3]],
            )
            .color(colours.tick)
            .width(2.0)
            .allow_hover(false),
        );
        if let Some((low, high)) = record.frequency_ci {
            plot_ui.line(
                Line::new("95% interval", vec![[low, y], [high, y]])
                    .color(colours.accent)
                    .width(1.5)
                    .allow_hover(false),
            );
        }
    }
}

/// How often each phrase came true, as dots; the dot clicked, if one was (solid ones
/// first, then hollow).
fn dots_ui(plot_ui: &mut PlotUi, rows: &Rows, accent: Color32) -> Option<usize> {
    for (name, points, filled) in [
        ("came true", &rows.solid, true),
        ("came true (small sample)", &rows.hollow, false),
    ] {
        plot_ui.points(
            Points::new(name, points.clone())
                .radius(5.0)
                .filled(filled)
                .shape(MarkerShape::Circle)
                .color(accent),
        );
    }
    let all: Vec<[f64; 2]> = rows.solid.iter().chain(&rows.hollow).copied().collect();
    clicked_point(plot_ui, &all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(phrase: &str, frequency: f64, small_sample: bool) -> PhraseRecord {
        PhraseRecord {
            phrase: phrase.to_string(),
            probability: 0.5,
            range: None,
            source: String::new(),
            table: "built-in",
            forecasts: 4,
            scored: 4,
            happened: 2,
            frequency: Some(frequency),
            frequency_ci: None,
            entries: Vec::new(),
            small_sample,
        }
    }

    #[test]
    fn a_hovered_hollow_dot_names_its_own_phrase() {
        let records = [
            record("unlikely", 0.2, true),
            record("even chance", 0.5, false),
            record("likely", 0.7, true),
            record("almost certain", 0.9, false),
        ];
        let rows = Rows::of(&records);
        let name = |series, index| rows.behind(series, index).map(|r| r.phrase.as_str());
        assert_eq!(name("came true", 0), Some("even chance"));
        assert_eq!(name("came true", 1), Some("almost certain"));
        assert_eq!(name("came true (small sample)", 0), Some("unlikely"));
        assert_eq!(name("came true (small sample)", 1), Some("likely"));
    }
}
