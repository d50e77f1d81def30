//! The filter shared by the forecasts table, the track records and the timeline: one
//! filter, so a leaderboard always scores exactly the forecasts the table lists.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::{Action, UiState};
use crate::ledger::Verdict;
use crate::query::{Filter, OutcomeFilter};

pub fn filter_bar(ui: &mut Ui, ctx: &ViewCtx, state: &mut UiState, actions: &mut Vec<Action>) {
    let ledger = ctx.ledger;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Search");
        let search = state.filter.search.get_or_insert_with(String::new);
        let response = ui.add(
            egui::TextEdit::singleline(search)
                .hint_text("quote, claim or forecaster")
                .desired_width(180.0),
        );
        let response = response.labelled_by(label.id);
        if std::mem::take(&mut state.focus_search) {
            response.request_focus();
        }
        if search.trim().is_empty() {
            state.filter.search = None;
        }

        let options = &ctx.derived.options;
        choice(
            ui,
            "Scenario",
            &mut state.filter.scenario,
            &options.scenarios,
        );
        choice(ui, "Tag", &mut state.filter.tag, &options.tags);
        choice(ui, "Outlet", &mut state.filter.outlet, &options.outlets);
        choice(ui, "Forecaster", &mut state.filter.author, &options.people);

        outcome_choice(ui, &mut state.filter.outcome);

        date_field(
            ui,
            "From",
            &mut state.from_text,
            &mut state.filter.made_from,
        );
        date_field(ui, "To", &mut state.to_text, &mut state.filter.made_to);

        let active = state.filter != Filter::default() || state.only.is_some();
        if ui
            .add_enabled(active, egui::Button::new("Clear filters"))
            .clicked()
        {
            state.filter = Filter::default();
            state.from_text.clear();
            state.to_text.clear();
            actions.push(Action::ClearOnly);
        }
        ui.weak(format!(
            "{} of {} forecasts",
            ctx.derived.visible.len(),
            ledger.entries.len()
        ));
    });
    if let Some((label, _)) = &state.only {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Showing only: {label}")).strong());
            if ui.button("Show all").clicked() {
                actions.push(Action::ClearOnly);
            }
        });
    }
}

/// A drop-down of (value, label) pairs with an "All" entry for `None`.
fn choice(ui: &mut Ui, label: &str, value: &mut Option<String>, options: &[(String, String)]) {
    let selected = value
        .as_ref()
        .and_then(|v| options.iter().find(|(key, _)| key.eq_ignore_ascii_case(v)))
        .map_or("All", |(_, label)| label.as_str());
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(super::style::shorten(selected, 28))
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "All");
            for (key, text) in options {
                ui.selectable_value(value, Some(key.clone()), text);
            }
        })
        .response
        .labelled_by(label.id);
}

fn outcome_choice(ui: &mut Ui, value: &mut Option<OutcomeFilter>) {
    let mut options = vec![
        (OutcomeFilter::Open, "open"),
        (OutcomeFilter::Overdue, "overdue"),
        (OutcomeFilter::Resolved, "resolved"),
    ];
    options.extend(
        Verdict::ALL
            .iter()
            .map(|&v| (OutcomeFilter::Verdict(v), v.as_str())),
    );
    let selected = value
        .and_then(|v| options.iter().find(|(o, _)| *o == v))
        .map_or("Any", |(_, label)| label);
    let label = ui.label("Outcome");
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(selected)
        .width(100.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Any");
            for (option, label) in options {
                ui.selectable_value(value, Some(option), label);
            }
        })
        .response
        .labelled_by(label.id);
}

/// A YYYY-MM-DD field: the filter takes the date once it parses; a bad date is shown in red
/// and filters nothing.
fn date_field(ui: &mut Ui, label: &str, text: &mut String, date: &mut Option<chrono::NaiveDate>) {
    let label = ui.label(label);
    let parsed = text.trim().parse::<chrono::NaiveDate>().ok();
    let bad = !text.trim().is_empty() && parsed.is_none();
    let mut edit = egui::TextEdit::singleline(text)
        .hint_text("YYYY-MM-DD")
        .desired_width(88.0);
    if bad {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    ui.add(edit).labelled_by(label.id);
    *date = text.trim().parse().ok();
}
