//! The overview: each scenario with its counts, the forecasts waiting for a verdict
//! (overdue, oldest first) and the latest verdicts.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::context::ViewCtx;
use super::style::{call_text, shorten, standing, standing_text};
use crate::app::action::{Action, SystemCommand, ViewChange};
use crate::app::state::Tab;

pub fn overview_ui(ui: &mut Ui, ctx: &ViewCtx, actions: &mut Vec<Action>) {
    if ctx.ledger.files.is_empty() && ctx.ledger.problems.is_empty() {
        empty_ledger_ui(ui, ctx, actions);
        return;
    }
    let overview = &ctx.derived.overview;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Scenarios");
        TableBuilder::new(ui)
            .id_salt("overview-scenarios")
            .striped(true)
            .vscroll(false)
            .column(Column::remainder().at_least(240.0))
            .columns(Column::auto().at_least(70.0), 4)
            .header(20.0, |mut header| {
                for title in ["Scenario", "Forecasts", "Resolved", "Pending", "Overdue"] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|mut body| {
                for scenario in &overview.scenarios {
                    body.row(20.0, |mut row| {
                        row.col(|ui| {
                            if ui
                                .link(&scenario.title)
                                .on_hover_text(&scenario.id)
                                .clicked()
                            {
                                let ids = ctx
                                    .ledger
                                    .forecasts()
                                    .filter(|v| v.entry.file == scenario.file)
                                    .map(|v| v.forecast.id.clone())
                                    .collect();
                                let label = format!("scenario {}", scenario.title);
                                actions.push(ViewChange::ShowTab(Tab::Forecasts).into());
                                actions.push(ViewChange::ShowOnly { label, ids }.into());
                            }
                        });
                        let counts = scenario.counts;
                        for value in [
                            counts.forecasts,
                            counts.resolved,
                            counts.pending,
                            counts.overdue,
                        ] {
                            row.col(|ui| {
                                ui.label(value.to_string());
                            });
                        }
                    });
                }
            });

        ui.add_space(16.0);
        ui.heading(format!("Needs review ({})", overview.needs_review.len()));
        if overview.needs_review.is_empty() {
            ui.weak("No unresolved forecast is past its resolve-by date.");
        }
        for &entry in overview.needs_review.iter().take(50) {
            let view = ctx.ledger.view(entry);
            ui.horizontal(|ui| {
                ui.label(format!("due {}", view.forecast.resolve_by.date()));
                ui.weak(view.author_name());
                if ui.link(shorten(&view.forecast.claim, 90)).clicked() {
                    actions.push(ViewChange::Select(Some(view.forecast.id.clone())).into());
                }
            });
        }
        if overview.needs_review.len() > 50 {
            ui.weak(format!(
                "and {} more: filter the Forecasts tab by outcome \"overdue\"",
                overview.needs_review.len() - 50
            ));
        }

        ui.add_space(16.0);
        ui.heading("Latest verdicts");
        if overview.latest_resolutions.is_empty() {
            ui.weak("No forecast has been resolved yet.");
        }
        for &entry in &overview.latest_resolutions {
            let view = ctx.ledger.view(entry);
            let on = view
                .resolution()
                .map(|r| r.on().to_string())
                .unwrap_or_default();
            ui.horizontal(|ui| {
                ui.label(on);
                ui.label(standing_text(ui, standing(&view, ctx.today)));
                ui.weak(view.author_name());
                ui.label(call_text(ui, view.call()));
                if ui.link(shorten(&view.forecast.claim, 90)).clicked() {
                    actions.push(ViewChange::Select(Some(view.forecast.id.clone())).into());
                }
            });
        }
    });
}

/// A folder with no scenario yet: what to do first.
fn empty_ledger_ui(ui: &mut Ui, ctx: &ViewCtx, actions: &mut Vec<Action>) {
    ui.heading("This ledger is empty");
    ui.label(format!(
        "{} has no scenario file yet. Start from an example, or make the first records yourself:",
        ctx.ledger.dir.display()
    ));
    ui.add_space(8.0);
    if ui
        .button("Start a new ledger here")
        .on_hover_text("Writes people.ron and a commented example scenario (one source, one question, one forecast) into this folder, and seeds/ beside it")
        .clicked()
    {
        actions.push(SystemCommand::StartLedgerHere(ctx.ledger.dir.clone()).into());
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("New scenario…").clicked() {
            actions.push(ViewChange::NewScenario.into());
        }
        ui.weak("a situation to watch, one file each");
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button("New person…").clicked() {
            actions.push(ViewChange::NewPerson.into());
        }
        ui.weak("a forecaster, named once in people.ron");
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button("Import…").clicked() {
            actions.push(ViewChange::AskImport.into());
        }
        ui.weak("a track record from Fatebook, PredictionBook, Metaculus or a spreadsheet");
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add article…").clicked() {
            actions.push(ViewChange::AskArticle.into());
        }
        ui.weak("read an article and accept the forecasts Hindsight finds in it (once a scenario exists)");
    });
}
