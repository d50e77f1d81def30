//! A forecaster's page: who they are, their record within the current filter, their
//! calibration diagram, their Brier score over time, and their forecasts.

use egui::{RichText, Ui};
use egui_plot::{HoverPosition, Line, Points};

use super::context::ViewCtx;
use super::phrase_chart::phrase_chart;
use super::plots::{
    calendar_grid, calibration_plot, clicked_point, date_tick, fixed_plot, name_chart, save_menu,
};
use super::style::{call_text, day_number, percent, score, shorten, standing, standing_text};
use crate::app::action::{Action, ViewChange};
use crate::app::derived::ForecasterPage;
use crate::prose::plural;
use crate::relative::Comparison;
use crate::report::{SMALL_SAMPLE, TrackRecord};

pub fn forecaster_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    name: &str,
    compare_with: Option<&str>,
    actions: &mut Vec<Action>,
) {
    if ui.button("⬅ All forecasters").clicked() {
        actions.push(ViewChange::ShowAllForecasters.into());
    }
    let Some(page) = ctx
        .derived
        .forecaster
        .as_ref()
        .filter(|page| page.name == name)
    else {
        ui.spinner();
        return;
    };
    // The page scrolls as a whole: charts, then the forecasts.
    egui::ScrollArea::vertical()
        .id_salt("forecaster-page")
        .show(ui, |ui| page_ui(ui, ctx, name, page, compare_with, actions));
}

/// Two forecasters side by side: the pick of the other, then their records in two columns
/// and, question by question, the ones both answered.
fn compare_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    page: &ForecasterPage,
    compare_with: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let others: Vec<&str> = ctx
        .derived
        .report
        .iter()
        .flat_map(|report| &report.groups)
        .map(|record| record.name.as_str())
        .filter(|other| *other != page.name)
        .collect();
    ui.horizontal(|ui| {
        let label = ui.label("Compare with");
        egui::ComboBox::from_id_salt("compare-with")
            .selected_text(compare_with.unwrap_or("nobody"))
            .width(280.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(compare_with.is_none(), "nobody")
                    .clicked()
                {
                    actions.push(ViewChange::CompareWith(None).into());
                }
                for other in others {
                    if ui
                        .selectable_label(compare_with == Some(other), other)
                        .clicked()
                    {
                        actions.push(ViewChange::CompareWith(Some(other.to_string())).into());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    let Some(compared) = page
        .compared
        .as_ref()
        .filter(|c| Some(c.comparison.b.as_str()) == compare_with)
    else {
        return;
    };
    side_by_side(ui, &page.record, &compared.record);
    let comparison = &compared.comparison;
    if comparison.questions.is_empty() {
        ui.weak(format!(
            "{} and {} answered no question in common: their scores above are on different forecasts, which is why they are not ranked against each other here.",
            comparison.a, comparison.b
        ));
    } else {
        comparison_ui(ui, comparison, "picked");
    }
}

/// Two track records in two columns, a row per figure.
fn side_by_side(ui: &mut Ui, a: &TrackRecord, b: &TrackRecord) {
    let relative = |record: &TrackRecord, value: Option<f64>, digits: usize| {
        value.map_or_else(
            || "—".to_string(),
            |v| {
                format!(
                    "{v:+.digits$} ({} shared)",
                    record.relative.shared_questions
                )
            },
        )
    };
    let rows: [(&str, String, String); 7] = [
        (
            "Forecasts (resolved / scored)",
            format!(
                "{} ({} / {})",
                a.counts.forecasts, a.counts.resolved, a.counts.scored
            ),
            format!(
                "{} ({} / {})",
                b.counts.forecasts, b.counts.resolved, b.counts.scored
            ),
        ),
        ("Brier score", score(a.brier), score(b.brier)),
        (
            "Brier 95% interval",
            interval(a.brier_ci),
            interval(b.brier_ci),
        ),
        ("Log score", score(a.log_score), score(b.log_score)),
        ("Hit rate", percent(a.hit_rate), percent(b.hit_rate)),
        (
            "Relative Brier (negative is better)",
            relative(a, a.relative.relative_brier, 3),
            relative(b, b.relative.relative_brier, 3),
        ),
        (
            "Peer score (positive is better)",
            relative(a, a.relative.peer_score, 1),
            relative(b, b.relative.peer_score, 1),
        ),
    ];
    egui::Grid::new("side-by-side")
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.strong(&a.name);
            ui.strong(&b.name);
            ui.end_row();
            for (figure, left, right) in rows {
                ui.weak(figure);
                ui.label(left);
                ui.label(right);
                ui.end_row();
            }
        });
    if a.small_sample || b.small_sample {
        ui.label(
            RichText::new(format!(
                "⚠ Fewer than {SMALL_SAMPLE} scored forecasts for one of them or both: read these scores with care."
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
}

fn interval(ci: Option<(f64, f64)>) -> String {
    ci.map_or_else(|| "—".to_string(), |(l, h)| format!("{l:.2}–{h:.2}"))
}

/// Each rival on the questions both answered.
fn head_to_head_ui(ui: &mut Ui, page: &ForecasterPage) {
    for comparison in &page.head_to_head {
        comparison_ui(ui, comparison, "head to head");
    }
}

/// Two forecasters on the questions both answered: the wins either way and the sign test,
/// and question by question, each one's probability for it and Brier score, and who did
/// better. `place` tells apart the grids of one rival shown twice (folded, and picked).
fn comparison_ui(ui: &mut Ui, comparison: &Comparison, place: &str) {
    ui.strong(format!(
        "against {}: better on {}, worse on {}, ties {} · sign test p = {}",
        comparison.b,
        comparison.a_wins,
        comparison.b_wins,
        comparison.ties,
        comparison
            .sign_test_p
            .map_or_else(|| "—".to_string(), |p| format!("{p:.3}"))
    ));
    let (a, b) = (&comparison.a, &comparison.b);
    egui::Grid::new(("comparison", place, b))
        .striped(true)
        .show(ui, |ui| {
            let headings = [
                "Question".to_string(),
                "Happened".to_string(),
                format!("P: {}", shorten(a, 18)),
                format!("P: {}", shorten(b, 18)),
                "Brier".to_string(),
                "Better".to_string(),
            ];
            for heading in headings {
                ui.weak(heading);
            }
            ui.end_row();
            for row in &comparison.questions {
                ui.label(shorten(&row.claim, 60)).on_hover_text(&row.claim);
                ui.label(if row.happened { "yes" } else { "no" });
                ui.label(format!("{:.0}%", row.a_probability * 100.0));
                ui.label(format!("{:.0}%", row.b_probability * 100.0));
                ui.label(format!("{:.3} vs {:.3}", row.a_brier, row.b_brier));
                ui.label(match row.better {
                    "a" => shorten(a, 24),
                    "b" => shorten(b, 24),
                    _ => "tie".to_string(),
                });
                ui.end_row();
            }
        });
}

fn page_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    name: &str,
    page: &ForecasterPage,
    compare_with: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let person = ctx.ledger.person(name);
    ui.heading(name);
    if let Some(person) = person {
        if let Some(affiliation) = &person.affiliation {
            ui.label(affiliation);
        }
        if !person.aliases.is_empty() {
            ui.weak(format!("Also written: {}", person.aliases.join(", ")));
        }
        if let Some(note) = &person.note {
            ui.weak(note);
        }
    }
    let record = &page.record;
    ui.label(format!(
        "{} forecasts · {} resolved · {} scored · {} pending ({} overdue) · Brier {}{} · log score {} · hit rate {}",
        record.counts.forecasts,
        record.counts.resolved,
        record.counts.scored,
        record.counts.pending,
        record.counts.overdue,
        score(record.brier),
        record
            .brier_ci
            .map(|(l, h)| format!(" [95% CI {l:.2}–{h:.2}]"))
            .unwrap_or_default(),
        score(record.log_score),
        percent(record.hit_rate),
    ));
    let relative = &record.relative;
    if let (Some(brier), Some(peer)) = (relative.relative_brier, relative.peer_score) {
        ui.label(format!(
            "Against the others on the {} question{} they shared: relative Brier {brier:+.3} (negative is better) · peer score {peer:+.1} (positive is better)",
            relative.shared_questions,
            plural(relative.shared_questions),
        ));
    } else {
        ui.weak("No question answered with another forecaster: no relative score.");
    }
    if !page.head_to_head.is_empty() {
        egui::CollapsingHeader::new(format!(
            "Head to head ({} forecaster{})",
            page.head_to_head.len(),
            if page.head_to_head.len() == 1 {
                ""
            } else {
                "s"
            }
        ))
        .id_salt("head-to-head")
        .show(ui, |ui| head_to_head_ui(ui, page));
    }
    compare_ui(ui, ctx, page, compare_with, actions);
    if let Some((best, worst)) = record.readings.brier_phrase_range
        && worst > best
    {
        ui.weak(format!(
            "Read through the phrase table's ranges, their Brier score lies between {best:.3} and {worst:.3}."
        ));
    }
    if record.small_sample {
        ui.label(
            RichText::new(format!(
                "⚠ Small sample: {} scored forecast{} (fewer than {SMALL_SAMPLE}). Read these scores with care.",
                record.counts.scored,
                if record.counts.scored == 1 { "" } else { "s" }
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    ui.add_space(6.0);
    let height = (ui.available_height() * 0.45).max(180.0);
    ui.columns(2, |columns| {
        columns[0].strong("Calibration");
        calibration_plot(
            &mut columns[0],
            "calibration-forecaster",
            ctx,
            &page.calibration,
            &page.calibration_members,
            height,
            actions,
        );
        columns[1].strong("Brier score over time (cumulative, by date of verdict)");
        cumulative_chart(&mut columns[1], ctx, page, height, actions);
    });
    ui.add_space(6.0);
    ui.strong("What their words meant");
    phrase_chart(ui, ctx, "phrases-forecaster", &page.phrases, actions);
    ui.add_space(6.0);
    ui.strong(format!("Forecasts ({})", page.entries.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("forecaster-forecasts")
        .max_height(420.0)
        .show_rows(ui, row_height, page.entries.len(), |ui, rows| {
            for &entry in &page.entries[rows] {
                let view = ctx.ledger.view(entry);
                ui.horizontal(|ui| {
                    ui.label(view.forecast.made.to_string());
                    ui.label(standing_text(ui, standing(&view, ctx.today)));
                    ui.label(call_text(ui, view.call()));
                    ui.weak(percent(view.probability()));
                    if ui.link(shorten(&view.forecast.claim, 110)).clicked() {
                        actions.push(ViewChange::Select(Some(view.forecast.id.clone())).into());
                    }
                });
            }
        });
}

fn cumulative_chart(
    ui: &mut Ui,
    ctx: &ViewCtx,
    page: &ForecasterPage,
    height: f32,
    actions: &mut Vec<Action>,
) {
    if page.cumulative.is_empty() {
        ui.weak("No scored forecast yet.");
        return;
    }
    let points: Vec<[f64; 2]> = page
        .cumulative
        .iter()
        .map(|p| [day_number(p.date), p.brier])
        .collect();
    let labels: Vec<String> = page
        .cumulative
        .iter()
        .map(|p| {
            let view = ctx.ledger.view(p.entry);
            format!(
                "{}: Brier {:.3} after {} scored\n{} ({})",
                p.date,
                p.brier,
                p.scored,
                shorten(&view.forecast.claim, 80),
                view.verdict().map_or("open", |v| v.as_str())
            )
        })
        .collect();
    let accent = super::style::chart_accent(ui.visuals());
    let response = fixed_plot("cumulative-brier")
        .height(height)
        .x_axis_label("date of verdict")
        .y_axis_label("Brier score")
        .include_y(0.0)
        .include_y(0.5)
        .x_axis_formatter(date_tick)
        .x_grid_spacer(calendar_grid)
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if *plot_name == "verdicts" => labels.get(*index).cloned(),
            _ => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("cumulative Brier", points.clone())
                    .color(accent)
                    .allow_hover(false),
            );
            plot_ui.points(
                Points::new("verdicts", points.clone())
                    .radius(4.0)
                    .filled(true)
                    .color(accent),
            );
            clicked_point(plot_ui, &points)
        });
    name_chart(&response.response, "Brier score over time");
    save_menu(
        &response.response,
        "brier-over-time",
        || crate::site::svg::brier_over_time("brier-over-time", &page.cumulative),
        actions,
    );
    if let Some(index) = response.inner {
        let id = ctx
            .ledger
            .view(page.cumulative[index].entry)
            .forecast
            .id
            .clone();
        actions.push(ViewChange::Select(Some(id)).into());
    }
}
