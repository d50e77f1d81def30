//! Questions: every question of the ledger, with its verdict and the forecasts on it; and a
//! question's page, as Metaculus has one for each question, here for pundits: the claim,
//! the verdict with its evidence, every forecast on it (who, their words, their probability
//! for the question's claim, when, whether they called it) on one time axis, and the
//! verdict form that judges them all.

use egui::{RichText, Ui};
use egui_plot::{HoverPosition, MarkerShape, Points};

use super::context::ViewCtx;
use super::plots::{calendar_grid, date_tick, fixed_plot, name_chart, save_menu};
use super::style::{Standing, call_text, day_number, percent, shorten, standing_color};
use super::verdict_form::verdict_form;
use crate::app::action::{Action, ViewChange, Write};
use crate::app::state::OutcomeForm;
use crate::ledger::{Call, ForecastView, QuestionView};
use crate::prose::plural;

/// The list of questions, or the page of the one asked for.
pub fn questions_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    open: Option<&str>,
    form: &mut OutcomeForm,
    judge: &mut String,
    actions: &mut Vec<Action>,
) {
    match open {
        Some(id) => {
            if ui.button("⬅ All questions").clicked() {
                actions.push(ViewChange::ShowAllQuestions.into());
            }
            match answers_of(ctx, id) {
                Some((question, entries)) => {
                    egui::ScrollArea::vertical()
                        .id_salt("question-page")
                        .show(ui, |ui| {
                            page_ui(ui, ctx, question, entries, form, judge, actions)
                        });
                }
                None => {
                    ui.label(format!(
                        "There is no question '{id}' in this folder any more."
                    ));
                }
            }
        }
        None => list_ui(ui, ctx, actions),
    }
}

/// Question `id` and the entries of the forecasts on it.
fn answers_of<'a>(ctx: &ViewCtx<'a>, id: &str) -> Option<(QuestionView<'a>, &'a [usize])> {
    Some((ctx.ledger.question(id)?, ctx.derived.answers(id)))
}

/// One row per question: its claim (a link to its page), its file, when it is due, its
/// verdict, and how many forecasts answer it with the spread of their probabilities.
fn list_ui(ui: &mut Ui, ctx: &ViewCtx, actions: &mut Vec<Action>) {
    ui.heading("Questions");
    let questions = &ctx.derived.questions;
    if questions.is_empty() {
        ui.label(
            "No scenario in this folder has questions yet. A question is a proposition several \
             forecasters speak to: each forecast on it says whether its own claim is the \
             question's or its opposite, and one verdict judges them all (see docs/format.md, \
             \"Questions\").",
        );
        return;
    }
    ui.weak("Forecasters compared on the same question: one verdict judges every forecast on it, the opposite side the other way.");
    ui.add_space(6.0);
    // The question takes what the other columns (about 640 points) leave, at 7 points a
    // character: whole on a wide window, cut on a narrow one.
    let claim_chars = ((ui.available_width() - 640.0) / 7.0).clamp(50.0, 160.0) as usize;
    // Sideways too: beside a forecast's detail the half left is narrow.
    egui::ScrollArea::both()
        .id_salt("questions")
        .show(ui, |ui| {
            egui::Grid::new("question-list")
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    // What a reader scans for first comes first: the verdict and who answered.
                    for heading in ["Question", "Verdict", "Forecasts", "Resolve by", "Scenario"] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for (question, (id, entries)) in ctx.ledger.questions().zip(questions) {
                        if question.question.id != *id {
                            continue;
                        }
                        let claim = &question.question.claim;
                        if ui
                            .link(shorten(claim, claim_chars))
                            .on_hover_text(format!("{id}: {claim}"))
                            .clicked()
                        {
                            actions.push(ViewChange::ShowQuestion(id.clone()).into());
                        }
                        verdict_cell(ui, &question);
                        ui.label(spread(ctx, entries));
                        ui.label(question.question.resolve_by.to_string());
                        ui.label(shorten(&question.file.scenario.title, 40));
                        ui.end_row();
                    }
                });
        });
}

/// The question's verdict as known today, coloured as verdicts are everywhere.
fn verdict_cell(ui: &mut Ui, question: &QuestionView) {
    match question.resolution() {
        Some(resolution) => {
            let standing = Standing::Resolved(resolution.verdict);
            ui.label(
                RichText::new(format!("{} on {}", resolution.verdict, resolution.on))
                    .color(standing_color(ui.visuals(), standing)),
            );
        }
        None => {
            ui.label("open");
        }
    }
}

/// "3 forecasts, 25%–80%": how many answer it, and how far apart they are.
fn spread(ctx: &ViewCtx, entries: &[usize]) -> String {
    let probabilities: Vec<f64> = entries
        .iter()
        .filter_map(|&entry| ctx.ledger.view(entry).question_probability())
        .collect();
    let count = format!("{} forecast{}", entries.len(), plural(entries.len()));
    let low = probabilities.iter().copied().reduce(f64::min);
    let high = probabilities.iter().copied().reduce(f64::max);
    match (low, high) {
        (Some(low), Some(high)) if high > low => {
            format!("{count}, {}–{}", percent(Some(low)), percent(Some(high)))
        }
        (Some(p), _) => format!("{count}, {}", percent(Some(p))),
        _ => count,
    }
}

/// A question's page.
fn page_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    question: QuestionView,
    entries: &[usize],
    form: &mut OutcomeForm,
    judge: &mut String,
    actions: &mut Vec<Action>,
) {
    let asked = question.question;
    ui.weak(format!(
        "Question {} · {} · resolve by {}",
        asked.id, question.file.scenario.title, asked.resolve_by
    ));
    ui.heading(&asked.claim);
    if let Some(note) = &asked.note {
        ui.label(RichText::new(note).weak());
    }
    ui.add_space(4.0);
    verdict_ui(ui, &question, entries.len());

    let on_it: Vec<ForecastView> = entries.iter().map(|&e| ctx.ledger.view(e)).collect();
    ui.add_space(8.0);
    ui.strong(format!(
        "{} forecast{} on it",
        on_it.len(),
        plural(on_it.len())
    ));
    if on_it.is_empty() {
        ui.weak("No forecast names this question yet: a forecast joins it with `question: Same(\"id\")` or `Opposite(\"id\")`.");
    } else {
        answers_table(ui, &on_it, actions);
        ui.add_space(8.0);
        ui.strong("Over time: each forecast's probability for the question's claim when made");
        ui.weak("Dots: the forecasts; the diamond: the verdict (1 true, 0 false).");
        question_timeline(ui, &question, &on_it, 220.0, actions);
        let ids = on_it.iter().map(|o| o.forecast.id.clone()).collect();
        if ui
            .button(format!("Show the {} in the forecasts table", on_it.len()))
            .clicked()
        {
            let label = format!("on question {}", asked.id);
            actions.push(ViewChange::ShowOnly { label, ids }.into());
        }
    }

    ui.add_space(8.0);
    ui.separator();
    ui.strong("Record the question's verdict");
    ui.weak("On the question's claim: every forecast on it is judged by it, those on the opposite side the other way.");
    if let Some(verdict) = verdict_form(
        ui,
        "question-verdict-form",
        form,
        judge,
        question.resolution().is_some(),
    ) {
        actions.push(
            Write::QuestionVerdict {
                path: question.file.path.clone(),
                id: asked.id.clone(),
                verdict,
                form: form.clone(),
                judge: judge.clone(),
            }
            .into(),
        );
    }
    ui.add_space(6.0);
    ui.weak(format!("{}", question.file.path.display()));
}

/// The verdict with its date, judge, evidence and link, and who called it.
fn verdict_ui(ui: &mut Ui, question: &QuestionView, answers: usize) {
    let Some(resolution) = question.resolution() else {
        ui.label(format!(
            "Open: no verdict yet{}.",
            if question.question.resolve_by < question.as_of {
                format!(" (due {})", question.question.resolve_by)
            } else {
                String::new()
            }
        ));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let standing = Standing::Resolved(resolution.verdict);
        ui.label(
            RichText::new(resolution.verdict.as_str())
                .strong()
                .color(standing_color(ui.visuals(), standing)),
        );
        ui.label(format!("on {}", resolution.on));
        if let Some(judge) = &resolution.judge {
            ui.weak(format!("judged by {judge}"));
        }
        ui.weak(format!(
            "· judges the {answers} forecast{} on it",
            plural(answers)
        ));
    });
    if let Some(evidence) = &resolution.evidence {
        ui.label(evidence);
    }
    if let Some(link) = &resolution.link {
        super::detail::link_ui(ui, link);
    }
}

/// Every forecast on the question, one row each: the forecaster (their page), the words,
/// the probability for the question's claim and the side, when, the call, and the
/// forecast's own claim (its detail).
fn answers_table(ui: &mut Ui, on_it: &[ForecastView], actions: &mut Vec<Action>) {
    egui::Grid::new("question-answers")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for heading in [
                "Forecaster",
                "Words",
                "P (question)",
                "Side",
                "Made",
                "Call",
                "Their claim",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for view in on_it {
                if ui.link(view.author_name()).clicked() {
                    actions.push(ViewChange::ShowForecaster(view.author_name().to_string()).into());
                }
                ui.label(view.forecast.expression.as_deref().unwrap_or("—"));
                ui.label(percent(view.question_probability()));
                ui.label(view.forecast.question.as_ref().map_or("", |on| on.side()));
                ui.label(view.forecast.made.to_string());
                ui.label(call_text(ui, view.call()));
                let claim = &view.forecast.claim;
                if ui.link(shorten(claim, 70)).on_hover_text(claim).clicked() {
                    actions.push(ViewChange::Select(Some(view.forecast.id.clone())).into());
                }
                ui.end_row();
            }
        });
}

/// The forecasts on a question on one time axis: each one's probability for the question's
/// claim on the day it was made, with the verdict (1 or 0) on the day it was given.
fn question_timeline(
    ui: &mut Ui,
    question: &QuestionView,
    on_it: &[ForecastView],
    height: f32,
    actions: &mut Vec<Action>,
) {
    let scored: Vec<(&ForecastView, f64)> = on_it
        .iter()
        .filter_map(|view| Some((view, view.question_probability()?)))
        .collect();
    let labels: Vec<String> = scored
        .iter()
        .map(|(view, p)| {
            format!(
                "{} · made {} · {:.0}% for the question · {}",
                view.author_name(),
                view.forecast.made,
                p * 100.0,
                view.call().map_or("open", Call::label),
            )
        })
        .collect();
    let points: Vec<[f64; 2]> = scored
        .iter()
        .map(|(view, p)| [day_number(view.forecast.made), *p])
        .collect();
    let verdict = question.resolution().and_then(|resolution| {
        let happened = resolution.verdict.scored_as()?;
        Some([day_number(resolution.on), if happened { 1.0 } else { 0.0 }])
    });
    // The link colour reads on both themes; the selection fill is too dark on a dark one.
    let accent = ui.visuals().hyperlink_color;
    let strong = ui.visuals().strong_text_color();
    let response = fixed_plot("question-timeline")
        .height(height)
        .include_y(0.0)
        .include_y(1.0)
        .y_axis_label("P (question)")
        .x_axis_formatter(date_tick)
        .x_grid_spacer(calendar_grid)
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if *plot_name == "forecasts" => labels.get(*index).cloned(),
            HoverPosition::NearDataPoint { plot_name, .. } if *plot_name == "verdict" => {
                Some("the question's verdict".to_string())
            }
            _ => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.points(Points::new("forecasts", points).radius(4.0).color(accent));
            if let Some(verdict) = verdict {
                plot_ui.points(
                    Points::new("verdict", vec![verdict])
                        .radius(6.0)
                        .shape(MarkerShape::Diamond)
                        .color(strong),
                );
            }
        });
    name_chart(
        &response.response,
        "The forecasts on the question over time",
    );
    save_menu(
        &response.response,
        &question.question.id,
        || {
            let dots: Vec<_> = scored
                .iter()
                .map(|(view, p)| (view.forecast.made, *p, view.author_name().to_string()))
                .collect();
            let verdict = question
                .resolution()
                .and_then(|r| Some((r.on, r.verdict.scored_as()?)));
            crate::site::svg::question_timeline("question-timeline", &dots, verdict)
        },
        actions,
    );
}
