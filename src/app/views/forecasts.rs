//! The forecasts table: every forecast passing the filter, virtualized (only the rows on
//! screen are built, so 100,000 rows scroll smoothly), sortable by any column.

use egui::{Key, Label, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::context::ViewCtx;
use super::style::{call_text, percent, standing, standing_text};
use crate::app::action::{Action, ViewChange};
use crate::query::SortKey;

const ROW_HEIGHT: f32 = 22.0;

/// `sort`: the column the table is sorted by, and whether ascending. `scroll_to_selected`:
/// whether the selected row is to be scrolled into view (once, after a new selection).
pub fn forecasts_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    sort: (SortKey, bool),
    scroll_to_selected: bool,
    actions: &mut Vec<Action>,
) {
    let visible = &ctx.derived.visible;
    if visible.is_empty() {
        ui.add_space(20.0);
        ui.vertical_centered(|ui| ui.label("No forecast matches the filter."));
        return;
    }
    keyboard_navigation(ui, ctx, actions);
    let selected_row = ctx
        .selected
        .and_then(|entry| visible.iter().position(|&e| e == entry));
    let mut table = TableBuilder::new(ui)
        .id_salt("forecasts-table")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .column(Column::initial(84.0).at_least(70.0))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        // The claim takes what the other columns leave, so the table always fits.
        .column(
            Column::remainder()
                .at_least(140.0)
                .clip(true)
                .resizable(false),
        )
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(42.0).at_least(36.0))
        .column(Column::initial(84.0).at_least(70.0))
        .column(Column::initial(76.0).at_least(60.0))
        .column(Column::initial(70.0).at_least(60.0));
    // Scrolled once per request (a new selection), so the user can scroll away from it.
    if let Some(row) = selected_row.filter(|_| scroll_to_selected) {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
        actions.push(ViewChange::ScrolledToSelected.into());
    }
    let columns = [
        ("Made", SortKey::Made),
        ("Forecaster", SortKey::Forecaster),
        ("Claim", SortKey::Claim),
        ("Confidence", SortKey::Expression),
        ("P", SortKey::Probability),
        ("Resolve by", SortKey::ResolveBy),
        ("Outcome", SortKey::Outcome),
        ("Call", SortKey::Call),
    ];
    table
        .header(24.0, |mut header| {
            for (title, key) in columns {
                header.col(|ui| {
                    let arrow = match (sort.0 == key, sort.1) {
                        (true, true) => " ⏶",
                        (true, false) => " ⏷",
                        (false, _) => "",
                    };
                    let button = ui.add(
                        egui::Button::new(RichText::new(format!("{title}{arrow}")).strong())
                            .frame(false),
                    );
                    if button
                        .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                        .clicked()
                    {
                        actions.push(ViewChange::Sort(key).into());
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, visible.len(), |mut row| {
                let entry = visible[row.index()];
                row.set_selected(Some(entry) == ctx.selected);
                forecast_row(&mut row, ctx, entry);
                if row.response().clicked() {
                    let id = ctx.ledger.view(entry).forecast.id.clone();
                    actions.push(ViewChange::Select(Some(id)).into());
                }
            });
        });
}

/// One forecast's cells.
fn forecast_row(row: &mut egui_extras::TableRow, ctx: &ViewCtx, entry: usize) {
    let view = ctx.ledger.view(entry);
    let forecast = view.forecast;
    let cells = [
        RichText::new(forecast.made.to_string()),
        RichText::new(view.author_name()),
        RichText::new(&forecast.claim),
        RichText::new(forecast.expression.as_deref().unwrap_or("—")).italics(),
        RichText::new(percent(view.probability())),
        RichText::new(forecast.resolve_by.date().to_string()),
    ];
    for text in cells {
        row.col(|ui| {
            ui.add(Label::new(text).truncate().selectable(false));
        });
    }
    row.col(|ui| {
        ui.add(Label::new(standing_text(ui, standing(&view, ctx.today))).selectable(false));
    });
    row.col(|ui| {
        ui.add(Label::new(call_text(ui, view.call())).selectable(false));
    });
}

/// ↑/↓ move the selection through the table when no text field has the keyboard.
fn keyboard_navigation(ui: &mut Ui, ctx: &ViewCtx, actions: &mut Vec<Action>) {
    if ui.ctx().text_edit_focused() {
        return;
    }
    let visible = &ctx.derived.visible;
    let step: i64 = ui.input_mut(|input| {
        if input.consume_key(Modifiers::NONE, Key::ArrowDown) {
            1
        } else if input.consume_key(Modifiers::NONE, Key::ArrowUp) {
            -1
        } else {
            0
        }
    });
    if step == 0 {
        return;
    }
    let current = ctx
        .selected
        .and_then(|entry| visible.iter().position(|&e| e == entry));
    let next = match current {
        Some(row) => (row as i64 + step).clamp(0, visible.len() as i64 - 1) as usize,
        None => 0,
    };
    let id = ctx.ledger.view(visible[next]).forecast.id.clone();
    actions.push(ViewChange::Select(Some(id)).into());
}
