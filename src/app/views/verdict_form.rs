//! The verdict form, as a forecast's detail and a question's page both show it: the date,
//! evidence, link and judge, a button per verdict and one to reopen. What was clicked is
//! returned; the caller says what it judges.

use egui::{RichText, Ui};

use super::fields::text_row;
use super::style::{Standing, standing_color};
use crate::app::state::OutcomeForm;
use crate::ledger::Verdict;

/// Draws the form (its grid named `id`); returns the verdict clicked (`Some(None)`:
/// reopen, offered only when `resolved`).
pub fn verdict_form(
    ui: &mut Ui,
    id: &str,
    form: &mut OutcomeForm,
    judge: &mut String,
    resolved: bool,
) -> Option<Option<Verdict>> {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            text_row(ui, "Date", &mut form.on, "YYYY-MM-DD");
            text_row(ui, "Evidence", &mut form.evidence, "what happened");
            text_row(ui, "Link", &mut form.link, "https://…");
            text_row(ui, "Judge", judge, "your name");
        });
    let mut asked = None;
    ui.horizontal_wrapped(|ui| {
        for verdict in Verdict::ALL {
            let label = match verdict {
                Verdict::True => "True",
                Verdict::False => "False",
                Verdict::Partly => "Partly",
                Verdict::Ambiguous => "Ambiguous",
                Verdict::Annulled => "Annulled",
            };
            let text = RichText::new(label)
                .color(standing_color(ui.visuals(), Standing::Resolved(verdict)));
            if ui.button(text).clicked() {
                asked = Some(Some(verdict));
            }
        }
        if ui
            .add_enabled(resolved, egui::Button::new("Reopen"))
            .clicked()
        {
            asked = Some(None);
        }
    });
    if let Some(problem) = &form.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    asked
}
