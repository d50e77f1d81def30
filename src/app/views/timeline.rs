//! The timeline: what is coming due and what was called. One row per forecast, labelled
//! with its forecaster and claim, its bar running from the day it was made to its
//! resolve-by date in the colour of how it stands, its verdict a diamond on the day it was
//! given; rows grouped by scenario or forecaster under headings; a calendar axis. It opens
//! on the dates most forecasts span; the axis pans by dragging and zooms with Ctrl+scroll.
//! Only the rows on screen are drawn, so a ledger of 100,000 forecasts scrolls as one of
//! ten does. Hovering anywhere on a row names the forecast; a click opens it.

use chrono::NaiveDate;
use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

use super::context::ViewCtx;
use super::plots::{name_chart, save_png_menu};
use super::style::{STANDINGS, percent, shorten, standing, standing_fill, standing_label};
use crate::app::action::{Action, ViewChange};
use crate::prose::plural;
use crate::timeline::{DateSpan, TimelineGrouping, TimelineRow, TimelineSpans, calendar_ticks};

const ROW_HEIGHT: f32 = 22.0;
const AXIS_HEIGHT: f32 = 24.0;
const BAR_HEIGHT: f32 = 8.0;

pub fn timeline_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    grouping: TimelineGrouping,
    span: Option<DateSpan>,
    actions: &mut Vec<Action>,
) {
    let Some(spans) = ctx.derived.timeline_spans.as_ref() else {
        return;
    };
    let shown = span.unwrap_or(spans.fitted);
    toolbar_ui(ui, grouping, span, spans, actions);
    if ctx.derived.visible.is_empty() {
        ui.label("No forecast matches the filter.");
        return;
    }
    cut_note_ui(ui, shown, spans, ctx.today, actions);
    legend_ui(ui);
    let scope = ui.scope(|ui| {
        let layout = Layout::new(ui.available_width(), shown);
        let mut parts = vec![axis_ui(ui, &layout, ctx.today, actions)];
        parts.extend(rows_ui(ui, ctx, &layout, grouping, actions));
        parts
    });
    let response = scope.response;
    name_chart(&response, "Timeline");
    // Right-clicking any part of it (the axis, a row) offers the whole chart as a PNG.
    for part in std::iter::once(&response).chain(&scope.inner) {
        save_png_menu(part, response.rect, "timeline", actions);
    }
    zoom_and_pan(ui, &response, shown, actions);
}

/// Group by, and the buttons that move the dates shown.
fn toolbar_ui(
    ui: &mut Ui,
    grouping: TimelineGrouping,
    span: Option<DateSpan>,
    spans: &TimelineSpans,
    actions: &mut Vec<Action>,
) {
    let shown = span.unwrap_or(spans.fitted);
    ui.horizontal(|ui| {
        ui.heading("Timeline");
        ui.add_space(12.0);
        let label = ui.label("Group by");
        egui::ComboBox::from_id_salt("timeline grouping")
            .selected_text(grouping.label())
            .show_ui(ui, |ui| {
                for choice in TimelineGrouping::ALL {
                    if ui
                        .selectable_label(choice == grouping, choice.label())
                        .clicked()
                    {
                        actions.push(ViewChange::GroupTimeline(choice).into());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let step = (shown.days() / 4).max(1);
        if ui.button("◀").on_hover_text("Earlier").clicked() {
            actions.push(ViewChange::TimelineSpan(Some(shown.shifted(-step))).into());
        }
        if ui.button("▶").on_hover_text("Later").clicked() {
            actions.push(ViewChange::TimelineSpan(Some(shown.shifted(step))).into());
        }
        if ui.button("−").on_hover_text("Zoom out").clicked() {
            actions.push(ViewChange::TimelineSpan(Some(shown.zoomed(shown.middle(), 0.5))).into());
        }
        if ui.button("+").on_hover_text("Zoom in").clicked() {
            actions.push(ViewChange::TimelineSpan(Some(shown.zoomed(shown.middle(), 2.0))).into());
        }
        if ui
            .add_enabled(span.is_some(), egui::Button::new("Most forecasts"))
            .on_hover_text("The dates most forecasts span (leaves out a few far outliers)")
            .clicked()
        {
            actions.push(ViewChange::TimelineSpan(None).into());
        }
        if ui
            .add_enabled(span != Some(spans.all), egui::Button::new("All dates"))
            .clicked()
        {
            actions.push(ViewChange::TimelineSpan(Some(spans.all)).into());
        }
        ui.weak("drag the dates to move · Ctrl+scroll to zoom");
    });
}

/// Says how many bars run off the dates shown, when the opening span leaves some out.
fn cut_note_ui(
    ui: &mut Ui,
    shown: DateSpan,
    spans: &TimelineSpans,
    today: NaiveDate,
    actions: &mut Vec<Action>,
) {
    if shown != spans.fitted || (spans.before + spans.after == 0 && spans.shows_today) {
        return;
    }
    ui.horizontal(|ui| {
        let mut parts = Vec::new();
        if spans.before > 0 {
            parts.push(format!(
                "{} forecast{} made before {}",
                spans.before,
                plural(spans.before),
                shown.start
            ));
        }
        if spans.after > 0 {
            parts.push(format!(
                "{} forecast{} running past {}",
                spans.after,
                plural(spans.after),
                shown.end
            ));
        }
        let mut note = String::new();
        if !parts.is_empty() {
            note = format!("Off the edge: {}.", parts.join(", "));
        }
        if !spans.shows_today {
            note = format!("{note} Today ({today}) is further right.");
        }
        ui.weak(note.trim());
        if ui.link("Show all dates").clicked() {
            actions.push(ViewChange::TimelineSpan(Some(spans.all)).into());
        }
    });
}

/// One swatch per standing, in the colours the bars use, and the verdict and today marks.
fn legend_ui(ui: &mut Ui) {
    let visuals = ui.visuals().clone();
    ui.horizontal_wrapped(|ui| {
        for status in STANDINGS {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 10.0), Sense::hover());
            ui.painter().rect_filled(
                rect.shrink2(Vec2::new(0.0, 1.0)),
                2.0,
                standing_fill(&visuals, status),
            );
            ui.label(standing_label(status));
            ui.add_space(6.0);
        }
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
        diamond(
            ui.painter(),
            rect.center(),
            5.0,
            visuals.text_color(),
            visuals.text_color(),
        );
        ui.label("verdict, on the day given");
        ui.add_space(6.0);
        let (rect, _) = ui.allocate_exact_size(Vec2::new(8.0, 14.0), Sense::hover());
        today_line(ui.painter(), rect.center().x, rect.y_range(), &visuals);
        ui.label("today");
    });
}

/// Where a date lies across the chart.
struct Layout {
    /// The width of the rows' labels.
    label_width: f32,
    /// The bars' area, left to right.
    bars: egui::Rangef,
    span: DateSpan,
}

impl Layout {
    fn new(width: f32, span: DateSpan) -> Layout {
        let label_width = (width * 0.36).clamp(180.0, 460.0);
        Layout {
            label_width,
            bars: egui::Rangef::new(label_width + 8.0, (width - 12.0).max(label_width + 60.0)),
            span,
        }
    }

    /// The x of `date`, relative to the chart's left edge (may lie outside the bars).
    fn x(&self, date: NaiveDate) -> f32 {
        let days = (date - self.span.start).num_days() as f32;
        self.bars.min + days / self.span.days() as f32 * self.bars.span()
    }

    /// The date at relative x, for zooming about the pointer.
    fn date_at(&self, x: f32) -> NaiveDate {
        let days = ((x - self.bars.min) / self.bars.span() * self.span.days() as f32).round();
        self.span.start + chrono::Duration::days(days as i64)
    }
}

/// The calendar axis over the bars: whole months or years, stronger on each new year; a
/// drag on it moves the dates.
fn axis_ui(ui: &mut Ui, layout: &Layout, today: NaiveDate, actions: &mut Vec<Action>) -> Response {
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), AXIS_HEIGHT),
        Sense::click_and_drag(),
    );
    let left = rect.left();
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let max_ticks = (layout.bars.span() / 70.0).floor().max(2.0) as usize;
    painter.text(
        Pos2::new(left + 4.0, rect.center().y),
        Align2::LEFT_CENTER,
        "forecaster · claim",
        FontId::proportional(12.0),
        visuals.weak_text_color(),
    );
    for tick in calendar_ticks(layout.span, max_ticks) {
        let x = left + layout.x(tick.date);
        if x < left + layout.bars.min || x > left + layout.bars.max {
            continue;
        }
        let color = if tick.year {
            visuals.text_color()
        } else {
            visuals.weak_text_color()
        };
        painter.line_segment(
            [
                Pos2::new(x, rect.bottom() - 6.0),
                Pos2::new(x, rect.bottom()),
            ],
            Stroke::new(1.0, color),
        );
        painter.text(
            Pos2::new(x + 3.0, rect.bottom() - 7.0),
            Align2::LEFT_BOTTOM,
            &tick.label,
            FontId::proportional(12.0),
            color,
        );
    }
    let x = left + layout.x(today);
    if (left + layout.bars.min..=left + layout.bars.max).contains(&x) {
        today_line(&painter, x, rect.y_range(), visuals);
    }
    painter.line_segment(
        [rect.left_bottom(), rect.right_bottom()],
        visuals.widgets.noninteractive.bg_stroke,
    );
    // A drag moves the dates by the whole distance from where it began, from the dates
    // shown then: per-frame steps would round to nothing when zoomed in on a few weeks.
    let memory = response.id.with("span at drag start");
    if response.drag_started() {
        ui.data_mut(|data| data.insert_temp(memory, layout.span));
    }
    if response.dragged() {
        let origin = ui.input(|i| i.pointer.press_origin());
        let began = ui.data(|data| data.get_temp::<DateSpan>(memory));
        if let (Some(origin), Some(pointer), Some(began)) =
            (origin, response.interact_pointer_pos(), began)
        {
            let pixels = pointer.x - origin.x;
            let days = (-pixels / layout.bars.span() * began.days() as f32).round() as i64;
            let moved = began.shifted(days);
            if moved != layout.span {
                actions.push(ViewChange::TimelineSpan(Some(moved)).into());
            }
        }
    }
    response.on_hover_cursor(egui::CursorIcon::Grab)
}

/// The rows on screen, of however many there are; their responses, for the chart's menu.
fn rows_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    layout: &Layout,
    grouping: TimelineGrouping,
    actions: &mut Vec<Action>,
) -> Vec<Response> {
    let rows = &ctx.derived.timeline_rows;
    let mut shown = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("timeline rows")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for (index, row) in rows[range.clone()].iter().enumerate() {
                let stripe = (range.start + index) % 2 == 1;
                match row {
                    TimelineRow::Group { label, count } => group_row_ui(ui, label, *count),
                    TimelineRow::Forecast(entry) => {
                        let response = forecast_row_ui(ui, ctx, layout, *entry, stripe, grouping);
                        if response.clicked() {
                            let id = ctx.ledger.view(*entry).forecast.id.clone();
                            actions.push(ViewChange::Select(Some(id)).into());
                        }
                        shown.push(response);
                    }
                }
            }
        });
    shown
}

fn group_row_ui(ui: &mut Ui, label: &str, count: usize) {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), ROW_HEIGHT), Sense::hover());
    let text = format!("{label} ({count})");
    ui.painter()
        .rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    ui.painter().text(
        Pos2::new(rect.left() + 4.0, rect.center().y),
        Align2::LEFT_CENTER,
        shorten(&text, 120),
        FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
}

/// A forecast's row: its label, its bar and verdict, the today line. The whole row
/// answers the pointer.
fn forecast_row_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    layout: &Layout,
    entry: usize,
    stripe: bool,
    grouping: TimelineGrouping,
) -> Response {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), ROW_HEIGHT), Sense::click());
    let view = ctx.ledger.view(entry);
    let status = standing(&view, ctx.today);
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let selected = ctx.selected == Some(entry);
    if selected {
        painter.rect_filled(rect, 0.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    } else if response.hovered() {
        painter.rect_filled(rect, 0.0, visuals.widgets.hovered.weak_bg_fill);
    } else if stripe {
        painter.rect_filled(rect, 0.0, visuals.faint_bg_color);
    }
    let left = rect.left();
    let label = format!("{} · {}", view.author_name(), view.forecast.claim);
    // Under a forecaster's heading, their name on every row says nothing new.
    let shown_label = if grouping == TimelineGrouping::Forecaster {
        &view.forecast.claim
    } else {
        &label
    };
    label_text(ui, &painter, shown_label, rect, layout.label_width);
    let bars = egui::Rangef::new(left + layout.bars.min, left + layout.bars.max);
    let x_of = |date: NaiveDate| left + layout.x(date);
    let fill = standing_fill(visuals, status);
    let (start, end) = (
        x_of(view.forecast.made),
        x_of(view.forecast.resolve_by.date()),
    );
    let y = rect.center().y;
    if end >= bars.min && start <= bars.max {
        let bar = Rect::from_x_y_ranges(
            start.max(bars.min)..=end.min(bars.max).max(start.max(bars.min) + 2.0),
            y - BAR_HEIGHT / 2.0..=y + BAR_HEIGHT / 2.0,
        );
        painter.rect_filled(bar, 2.0, fill);
        // A bar cut by the edge ends in an arrow, so it does not look as if it ended there.
        if end > bars.max {
            arrow(&painter, bars.max, y, 1.0, fill);
        }
        if start < bars.min {
            arrow(&painter, bars.min, y, -1.0, fill);
        }
    } else {
        let at = if end < bars.min { bars.min } else { bars.max };
        let direction = if end < bars.min { -1.0 } else { 1.0 };
        arrow(&painter, at, y, direction, fill.gamma_multiply(0.6));
    }
    let today = x_of(ctx.today);
    if bars.contains(today) {
        today_line(&painter, today, rect.y_range(), visuals);
    }
    if let Some(resolution) = view.resolution() {
        let x = x_of(resolution.on());
        if bars.contains(x) {
            diamond(&painter, Pos2::new(x, y), 6.0, fill, visuals.text_color());
        }
    }
    let summary = format!("{label} — {}", standing_label(status));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &summary));
    response.on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(420.0);
        hover_ui(ui, ctx, entry);
    })
}

/// The row's label on one line, cut with an ellipsis to the label column.
fn label_text(ui: &Ui, painter: &egui::Painter, label: &str, rect: Rect, width: f32) {
    let mut job = egui::text::LayoutJob::single_section(
        label.to_string(),
        egui::TextFormat::simple(FontId::proportional(13.0), ui.visuals().text_color()),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(width - 8.0);
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let pos = Pos2::new(rect.left() + 4.0, rect.center().y - galley.size().y / 2.0);
    painter.galley(pos, galley, ui.visuals().text_color());
}

/// What a row says when hovered: the whole claim, who, when, and how it stands.
fn hover_ui(ui: &mut Ui, ctx: &ViewCtx, entry: usize) {
    let view = ctx.ledger.view(entry);
    let status = standing(&view, ctx.today);
    ui.strong(&view.forecast.claim);
    let words = match &view.forecast.expression {
        Some(words) => format!("“{words}” ({})", percent(view.probability())),
        None => percent(view.probability()),
    };
    ui.label(format!("{} · {words}", view.author_name()));
    ui.label(format!(
        "made {} · resolve by {}",
        view.forecast.made,
        view.forecast.resolve_by.date()
    ));
    let verdict = match view.resolution() {
        Some(resolution) => format!("{} on {}", resolution.verdict(), resolution.on()),
        None => standing_label(status).to_string(),
    };
    ui.label(egui::RichText::new(verdict).color(standing_fill(ui.visuals(), status)));
    ui.weak("Click to open");
}

fn today_line(painter: &egui::Painter, x: f32, y: egui::Rangef, visuals: &egui::Visuals) {
    let color = visuals.weak_text_color().gamma_multiply(0.8);
    let mut top = y.min;
    while top < y.max {
        let bottom = (top + 3.0).min(y.max);
        painter.line_segment(
            [Pos2::new(x, top), Pos2::new(x, bottom)],
            Stroke::new(1.0, color),
        );
        top += 6.0;
    }
}

fn diamond(painter: &egui::Painter, center: Pos2, radius: f32, fill: Color32, outline: Color32) {
    let points = vec![
        center + Vec2::new(0.0, -radius),
        center + Vec2::new(radius, 0.0),
        center + Vec2::new(0.0, radius),
        center + Vec2::new(-radius, 0.0),
    ];
    painter.add(egui::Shape::convex_polygon(
        points,
        fill,
        Stroke::new(1.0, outline),
    ));
}

/// A small arrow at `x` pointing right (`direction` 1) or left (-1).
fn arrow(painter: &egui::Painter, x: f32, y: f32, direction: f32, color: Color32) {
    let tip = Pos2::new(x, y);
    let back = x - direction * 7.0;
    painter.add(egui::Shape::convex_polygon(
        vec![tip, Pos2::new(back, y - 5.0), Pos2::new(back, y + 5.0)],
        color,
        Stroke::NONE,
    ));
}

/// Ctrl+scroll (or a pinch) over the chart zooms about the pointer; a sideways scroll
/// moves the dates.
fn zoom_and_pan(ui: &Ui, response: &Response, shown: DateSpan, actions: &mut Vec<Action>) {
    let Some(pointer) = response.hover_pos() else {
        return;
    };
    let (zoom, sideways) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta.x));
    let layout = Layout::new(response.rect.width(), shown);
    let at = pointer.x - response.rect.left();
    if zoom != 1.0 && at >= layout.bars.min {
        let center = layout.date_at(at);
        actions.push(ViewChange::TimelineSpan(Some(shown.zoomed(center, f64::from(zoom)))).into());
    } else if sideways != 0.0 {
        let days = (-sideways / layout.bars.span() * shown.days() as f32).round() as i64;
        if days != 0 {
            actions.push(ViewChange::TimelineSpan(Some(shown.shifted(days))).into());
        }
    }
}
