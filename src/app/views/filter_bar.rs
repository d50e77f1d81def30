//! The filter shared by the forecasts table, the track records and the timeline: one
//! filter, so a leaderboard always scores exactly the forecasts the table lists.

use egui::{RichText, Ui};

use super::context::ViewCtx;
use crate::app::action::{Action, ViewChange};
use crate::app::state::FilterBarState;
use crate::ledger::{Call, Verdict};
use crate::query::{Filter, OutcomeFilter};

/// The search field's id, so that Ctrl+F can give it the keyboard.
fn search_field_id() -> egui::Id {
    egui::Id::unique("filter-bar-search")
}

/// The fields edit a copy of the filter; a changed copy is returned as
/// [`ViewChange::SetFilter`]. `only` labels the chart selection shown instead, if any;
/// `focus_search` gives the search field the keyboard (Ctrl+F asked for it).
pub fn filter_bar(
    ui: &mut Ui,
    ctx: &ViewCtx,
    filter: &Filter,
    only: Option<&str>,
    state: &mut FilterBarState,
    focus_search: bool,
    actions: &mut Vec<Action>,
) {
    let ledger = ctx.ledger;
    let mut edited = filter.clone();
    if focus_search {
        // Asked before the field is drawn, so that it has the keyboard this frame.
        ui.memory_mut(|memory| memory.request_focus(search_field_id()));
        actions.push(ViewChange::SearchFocused.into());
    }
    ui.horizontal_wrapped(|ui| {
        let label = field_label(ui, "Search", 190.0);
        let search = edited.search.get_or_insert_with(String::new);
        ui.add(
            egui::TextEdit::singleline(search)
                .id(search_field_id())
                .hint_text("quote, claim, forecaster, scenario, tag")
                .desired_width(180.0),
        )
        .labelled_by(label.id);
        if search.trim().is_empty() {
            edited.search = None;
        }

        let options = &ctx.derived.options;
        choice(ui, "Scenario", &mut edited.scenario, &options.scenarios);
        choice(ui, "Tag", &mut edited.tag, &options.tags);
        choice(ui, "Outlet", &mut edited.outlet, &options.outlets);
        choice(ui, "Forecaster", &mut edited.author, &options.people);

        outcome_choice(ui, &mut edited.outcome);
        call_choice(ui, &mut edited.call);

        date_field(ui, "From", &mut state.from_text, &mut edited.made_from);
        date_field(ui, "To", &mut state.to_text, &mut edited.made_to);

        let active = *filter != Filter::default() || only.is_some();
        if ui
            .add_enabled(active, egui::Button::new("Clear filters"))
            .clicked()
        {
            actions.push(ViewChange::ClearFilters.into());
        }
        ui.weak(format!(
            "{} of {} forecasts",
            ctx.derived.visible.len(),
            ledger.entries.len()
        ));
    });
    if edited != *filter {
        actions.push(ViewChange::SetFilter(edited).into());
    }
    if let Some(label) = only {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Showing only: {label}")).strong());
            if ui.button("Show all").clicked() {
                actions.push(ViewChange::ClearOnly.into());
            }
        });
    }
}

/// A field's label, on a new line of the wrapping bar when it and its field (about
/// `field_width` wide) would not both fit on this one: a label never ends a line whose
/// field starts the next.
fn field_label(ui: &mut Ui, text: &str, field_width: f32) -> egui::Response {
    let label_width = ui
        .fonts_mut(|fonts| {
            fonts.layout_no_wrap(
                text.to_string(),
                egui::TextStyle::Body.resolve(ui.style()),
                egui::Color32::WHITE,
            )
        })
        .size()
        .x;
    let needed = label_width + ui.spacing().item_spacing.x * 2.0 + field_width;
    if ui.available_size_before_wrap().x < needed {
        ui.end_row();
    }
    ui.label(text)
}

/// A drop-down of (value, label) pairs with an "All" entry for `None`.
fn choice(ui: &mut Ui, label: &str, value: &mut Option<String>, options: &[(String, String)]) {
    let selected = value
        .as_ref()
        .and_then(|v| options.iter().find(|(key, _)| key.eq_ignore_ascii_case(v)))
        .map_or("All", |(_, label)| label.as_str());
    let label = field_label(ui, label, 175.0);
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
    let label = field_label(ui, "Outcome", 125.0);
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

/// The forecaster's side: called it, missed, no lean, not scored.
fn call_choice(ui: &mut Ui, value: &mut Option<Call>) {
    let label = field_label(ui, "Call", 115.0);
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(value.map_or("Any", Call::label))
        .width(90.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Any");
            for call in Call::ALL {
                ui.selectable_value(value, Some(call), call.label());
            }
        })
        .response
        .labelled_by(label.id);
}

/// A YYYY-MM-DD field: the filter takes the date once it parses; a bad date is shown in red
/// and filters nothing.
fn date_field(ui: &mut Ui, label: &str, text: &mut String, date: &mut Option<chrono::NaiveDate>) {
    let label = field_label(ui, label, 100.0);
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
