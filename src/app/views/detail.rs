//! The detail panel: one forecast — its quote in the paragraph it came from, the source,
//! the claim and how its probability was arrived at, the condition and dates, the verdict
//! with its evidence — and the buttons to record a verdict, edit or delete it; and the
//! question asked before a verdict replaces another.

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use super::context::ViewCtx;
use super::style::{call_text, percent, shorten, standing, standing_text};
use super::verdict_form::verdict_form;
use crate::app::action::{Action, SystemCommand, ViewChange, Write};
use crate::app::state::{OutcomeForm, VerdictReplacement};
use crate::estimative::PhraseOrigin;
use crate::ledger::verdict_facets;
use crate::ledger::{ForecastView, ProbabilityOrigin, is_web_link};
use crate::prose::capitalized;
use crate::prose::plural;
use crate::seeds::QuoteContext;
use crate::terminal::escape_controls;
use crate::words::explain;

pub fn detail_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    entry: usize,
    form: &mut OutcomeForm,
    judge: &mut String,
    actions: &mut Vec<Action>,
) {
    let view = ctx.ledger.view(entry);
    let forecast = view.forecast;
    egui::ScrollArea::vertical()
        .id_salt("detail")
        .show(ui, |ui| {
            header_ui(ui, &view, actions);

            section(ui, "Quote");
            quote_ui(ui, ctx.derived.quote_context(&forecast.id), &forecast.quote);

            section(ui, "Source");
            source_ui(ui, &view);

            section(ui, "Confidence");
            confidence_ui(ui, &view);
            if let Some(condition) = &forecast.condition {
                ui.label(format!("Only if: {condition}"));
            }
            let tags: Vec<&str> = view.tags().collect();
            if !tags.is_empty() {
                ui.weak(format!("tags: {}", tags.join(", ")));
            }

            section(ui, "Outcome");
            outcome_ui(ui, &view, ctx.today);
            question_ui(ui, ctx, &view, actions);

            section(ui, "Score");
            ui.label(explain(&view, "➡"));

            section(ui, "Record a verdict");
            if let Some(on) = &forecast.question {
                ui.weak(format!(
                    "The verdict is recorded on question {} (on its claim, not this forecast's), and judges every forecast on it.",
                    on.id()
                ));
            }
            outcome_form(ui, &view, form, judge, actions);

            ui.add_space(10.0);
            file_ui(ui, &view, actions);

            if !ctx.repository.absent {
                section(ui, "History");
                super::git::history_ui(ui, ctx.repository.history(&forecast.id));
            }
        });
}

/// The forecast's id (and the button closing the panel), its claim, who made it and when.
fn header_ui(ui: &mut Ui, view: &ForecastView, actions: &mut Vec<Action>) {
    let forecast = view.forecast;
    ui.horizontal(|ui| {
        ui.weak(&forecast.id);
        if ui.small_button("×").on_hover_text("Close (Esc)").clicked() {
            actions.push(ViewChange::Select(None).into());
        }
    });
    ui.heading(&forecast.claim);
    ui.horizontal_wrapped(|ui| {
        ui.label("by");
        if ui
            .link(RichText::new(view.author_name()).strong())
            .clicked()
        {
            actions.push(ViewChange::ShowForecaster(view.author_name().to_string()).into());
        }
        if let Some(affiliation) = view.person.and_then(|p| p.affiliation.as_ref()) {
            ui.weak(affiliation);
        }
    });
    ui.label(format!("made {}", forecast.made));
}

/// The article the forecast was published in.
fn source_ui(ui: &mut Ui, view: &ForecastView) {
    let Some(source) = view.source else {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("unknown source '{}'", view.forecast.source),
        );
        return;
    };
    ui.label(RichText::new(&source.title).italics());
    ui.label(format!(
        "{}{} · published {}",
        source.outlet,
        source
            .author
            .as_ref()
            .map(|a| format!(" · {a}"))
            .unwrap_or_default(),
        source.published
    ));
    if let Some(url) = &source.url {
        link_ui(ui, url);
    }
}

/// The question the forecast answers: its claim, the forecast's side and probability for
/// it, and the others on it (forecaster, probability for the question, call), one click
/// from the question's page.
fn question_ui(ui: &mut Ui, ctx: &ViewCtx, view: &ForecastView, actions: &mut Vec<Action>) {
    let (Some(on), Some(question)) = (&view.forecast.question, view.question()) else {
        return;
    };
    ui.separator();
    ui.strong(format!("On question {}", question.id));
    ui.label(RichText::new(&question.claim).italics());
    ui.weak(format!(
        "This forecast is on the {} side: {} for the question's claim. The question's verdict judges every forecast on it.",
        on.side(),
        view.question_probability()
            .map_or_else(|| "no probability".to_string(), |p| format!("{:.0}%", p * 100.0))
    ));
    let on_it: Vec<ForecastView> = ctx
        .derived
        .answers(&question.id)
        .iter()
        .map(|&entry| ctx.ledger.view(entry))
        .collect();
    // Three narrow columns: the panel is narrow; the question's page has the rest.
    egui::Grid::new("question-forecasts")
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Forecaster", "P (question)", "Call"] {
                ui.strong(heading);
            }
            ui.end_row();
            for other in &on_it {
                ui.label(shorten(other.author_name(), 32))
                    .on_hover_text(other.author_name());
                ui.label(percent(other.question_probability()));
                ui.label(call_text(ui, other.call()));
                ui.end_row();
            }
        });
    if ui
        .button(format!(
            "Open the question's page ({} forecast{})",
            on_it.len(),
            plural(on_it.len())
        ))
        .clicked()
    {
        actions.push(ViewChange::ShowQuestion(question.id.clone()).into());
    }
}

/// When it is to be judged, how it stands, and the verdict with its evidence.
fn outcome_ui(ui: &mut Ui, view: &ForecastView, today: chrono::NaiveDate) {
    let forecast = view.forecast;
    ui.label(format!(
        "resolve by {}{}",
        forecast.resolve_by.date(),
        if forecast.resolve_by.is_stated() {
            " (stated)"
        } else {
            " (default: no horizon was stated)"
        }
    ));
    ui.horizontal(|ui| {
        ui.label(standing_text(ui, standing(view, today)).strong());
        if let Some(resolution) = view.resolution() {
            ui.label(format!("on {}", resolution.on()));
            if let Some(judge) = resolution.judge() {
                ui.weak(format!("judged by {judge}"));
            }
        }
    });
    let Some(resolution) = view.resolution() else {
        return;
    };
    if let Some(evidence) = resolution.evidence() {
        ui.label(evidence);
    }
    if let Some(link) = resolution.link() {
        link_ui(ui, link);
    }
    ui.horizontal(|ui| {
        ui.label("The forecaster:");
        ui.label(call_text(ui, view.call()).strong());
    });
}

/// Edit and Delete, and where the forecast is written (and whether it can be).
fn file_ui(ui: &mut Ui, view: &ForecastView, actions: &mut Vec<Action>) {
    let id = &view.forecast.id;
    ui.horizontal(|ui| {
        if ui.button("Edit forecast…").clicked() {
            actions.push(SystemCommand::EditForecast(id.clone()).into());
        }
        if ui.button("Delete…").clicked() {
            actions.push(ViewChange::AskDelete(id.clone()).into());
        }
    });
    if view.file.has_errors {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "This file has errors (see Problems): Hindsight will not write to it until they are fixed.",
        );
    }
    ui.weak(format!(
        "{}:{}",
        view.file.path.display(),
        view.entry.position.line
    ));
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(8.0);
    ui.separator();
    ui.strong(title);
}

/// The paragraph of the article with the quote highlighted, or the quote alone (and why).
fn quote_ui(ui: &mut Ui, context: Option<&Result<QuoteContext, String>>, quote: &str) {
    match context {
        Some(Ok(QuoteContext {
            paragraph,
            quote: Some(range),
            before,
            after,
        })) => {
            let weak = ui.visuals().weak_text_color();
            if let Some(before) = before {
                ui.label(RichText::new(shorten(before, 400)).color(weak));
            }
            let normal = TextFormat {
                color: ui.visuals().weak_text_color(),
                ..TextFormat::default()
            };
            let highlighted = TextFormat {
                color: ui.visuals().strong_text_color(),
                background: ui.visuals().selection.bg_fill.gamma_multiply(0.45),
                ..TextFormat::default()
            };
            let mut job = LayoutJob::default();
            job.append(&paragraph[..range.start], 0.0, normal.clone());
            job.append(&paragraph[range.clone()], 0.0, highlighted);
            job.append(&paragraph[range.end..], 0.0, normal);
            job.wrap.max_width = ui.available_width();
            ui.label(job);
            if let Some(after) = after {
                ui.label(RichText::new(shorten(after, 400)).color(weak));
            }
        }
        Some(Ok(QuoteContext { quote: None, .. }) | Err(_)) | None => {
            ui.label(RichText::new(format!("“{quote}”")).italics());
            if let Some(Err(reason)) = context {
                ui.weak(format!("(no article context: {reason})"));
            }
        }
    }
}

fn confidence_ui(ui: &mut Ui, view: &ForecastView) {
    let forecast = view.forecast;
    ui.horizontal_wrapped(|ui| {
        if let Some(expression) = &forecast.expression {
            ui.label(RichText::new(format!("“{expression}”")).italics());
            if let Some(baseline) = &forecast.baseline {
                ui.label(format!("(baseline “{baseline}”)"));
            }
            ui.label("➡");
        }
        ui.label(RichText::new(percent(view.probability())).strong());
    });
    match view.entry.probability.as_ref().map(|p| &p.origin) {
        Some(ProbabilityOrigin::Explicit) => {
            ui.weak("explicit probability given in the ledger (it wins over the words)");
        }
        Some(ProbabilityOrigin::Phrase {
            range,
            source,
            table,
            ..
        }) => {
            let range = range
                .map(|(low, high)| format!(", range {:.0}–{:.0}%", low * 100.0, high * 100.0))
                .unwrap_or_default();
            let table = match table {
                PhraseOrigin::BuiltIn => "built-in phrase table",
                PhraseOrigin::Folder => "this folder's phrases.ron",
            };
            if let Some(worked) = view
                .entry
                .probability
                .as_ref()
                .and_then(|p| p.baseline_explanation())
            {
                ui.weak(format!("measured from the level the text gives: {worked}"));
            }
            ui.weak(format!("from the {table}{range}: {source}"));
        }
        None => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "no probability: the phrase is unknown (see Problems)",
            );
        }
    }
}

/// A link from a file: clickable only when it is a web address, so that a shared ledger
/// cannot make a click run a script or open a local file; anything else is plain text.
pub(super) fn link_ui(ui: &mut Ui, link: &str) {
    if is_web_link(link) {
        ui.hyperlink_to(link, link);
    } else {
        ui.label(escape_controls(link))
            .on_hover_text("not a web address: not opened");
    }
}

/// One click records a verdict; the date (today by default), evidence, link and judge are
/// optional and prefilled. The app checks them when it applies the verdict.
fn outcome_form(
    ui: &mut Ui,
    view: &ForecastView,
    form: &mut OutcomeForm,
    judge: &mut String,
    actions: &mut Vec<Action>,
) {
    let resolved = view.verdict().is_some();
    if let Some(verdict) = verdict_form(ui, "outcome-form", form, judge, resolved) {
        // The form as typed goes with the verdict: the app checks its date when it writes.
        actions.push(
            Write::Verdict {
                id: view.forecast.id.clone(),
                verdict,
                form: form.clone(),
                judge: judge.clone(),
            }
            .into(),
        );
    }
}

/// The widest the verdict dialog grows, in points.
const VERDICT_DIALOG_WIDTH: f32 = 640.0;

/// Asks whether the verdict asked for replaces the one recorded, showing both side by
/// side; replacing writes it, keeping writes nothing.
pub fn verdict_replacement_ui(
    ctx: &egui::Context,
    asked: &VerdictReplacement,
    actions: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("confirm-verdict")).show(ctx, |ui| {
        // Evidence runs to paragraphs: the dialog keeps a readable width and its cells wrap.
        ui.set_max_width(VERDICT_DIALOG_WIDTH);
        ui.heading("Replace the verdict?");
        ui.label(format!(
            "{} already has a verdict. Ctrl+Z puts it back; once committed, git keeps it too.",
            asked.id
        ));
        ui.add_space(6.0);
        egui::Grid::new("verdict-replacement")
            .num_columns(3)
            .max_col_width(VERDICT_DIALOG_WIDTH * 0.42)
            .spacing([16.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                ui.label("");
                ui.strong("Now");
                ui.strong("Would become");
                ui.end_row();
                let shown = |value: &str| match value {
                    "" => "—".to_string(),
                    value => escape_controls(value).into_owned(),
                };
                let rows = verdict_facets(&asked.current)
                    .into_iter()
                    .zip(verdict_facets(&asked.proposed));
                for ((name, now), (_, new)) in rows {
                    ui.weak(capitalized(name));
                    ui.add(egui::Label::new(shown(&now)).wrap());
                    // What would change stands out.
                    let text = RichText::new(shown(&new));
                    let text = if now == new { text } else { text.strong() };
                    ui.add(egui::Label::new(text).wrap());
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Replace verdict").clicked() {
                actions.push(ViewChange::CloseVerdictQuestion.into());
                actions.push(Write::ReplaceVerdict(asked.clone()).into());
            }
            if ui.button("Keep current verdict").clicked() {
                actions.push(ViewChange::KeepVerdict.into());
            }
        });
    });
    if modal.should_close() {
        actions.push(ViewChange::KeepVerdict.into());
    }
}
