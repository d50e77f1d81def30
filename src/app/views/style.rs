//! Shared looks: the colour and wording of outcomes, and number formats, so every view
//! shows a verdict or a probability the same way.

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};

use crate::ledger::{Call, ForecastView, Verdict};

/// How a forecast stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Open,
    Overdue,
    Resolved(Verdict),
}

pub fn standing(view: &ForecastView, today: NaiveDate) -> Standing {
    match view.verdict() {
        Some(verdict) => Standing::Resolved(verdict),
        None if view.is_overdue(today) => Standing::Overdue,
        None => Standing::Open,
    }
}

pub fn standing_label(standing: Standing) -> &'static str {
    match standing {
        Standing::Open => "open",
        Standing::Overdue => "overdue",
        Standing::Resolved(verdict) => verdict.as_str(),
    }
}

/// Colours that read on both light and dark backgrounds.
pub fn standing_color(visuals: &egui::Visuals, standing: Standing) -> Color32 {
    let dark = visuals.dark_mode;
    match standing {
        Standing::Resolved(Verdict::True) => {
            if dark {
                Color32::from_rgb(110, 200, 120)
            } else {
                Color32::from_rgb(30, 130, 50)
            }
        }
        Standing::Resolved(Verdict::False) => {
            if dark {
                Color32::from_rgb(240, 110, 100)
            } else {
                Color32::from_rgb(190, 40, 30)
            }
        }
        Standing::Resolved(Verdict::Partly) => Color32::from_rgb(200, 160, 40),
        Standing::Resolved(Verdict::Ambiguous | Verdict::Annulled) => visuals.weak_text_color(),
        Standing::Overdue => Color32::from_rgb(230, 130, 20),
        Standing::Open => visuals.text_color(),
    }
}

pub fn standing_text(ui: &Ui, standing: Standing) -> RichText {
    RichText::new(standing_label(standing)).color(standing_color(ui.visuals(), standing))
}

/// The forecaster's side of an outcome, coloured as the verdict would be if it were about
/// them: "called it" in the colour of *true*, "missed" in that of *false*. Open: "—".
pub fn call_text(ui: &Ui, call: Option<Call>) -> RichText {
    let visuals = ui.visuals();
    match call {
        Some(Call::Called) => RichText::new(Call::Called.label())
            .color(standing_color(visuals, Standing::Resolved(Verdict::True))),
        Some(Call::Missed) => RichText::new(Call::Missed.label())
            .color(standing_color(visuals, Standing::Resolved(Verdict::False))),
        Some(other) => RichText::new(other.label()).color(visuals.weak_text_color()),
        None => RichText::new("—").color(visuals.weak_text_color()),
    }
}

/// A probability as a percentage ("35%"), or "—".
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// A score with three decimals, or "—" when it cannot be computed.
pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"))
}

/// Days since 1970-01-01, for plotting dates on a numeric axis.
pub fn day_number(date: NaiveDate) -> f64 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date")).num_days() as f64
}

/// The date of a plot coordinate made by [`day_number`].
pub fn date_of_day_number(day: f64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_signed(chrono::Duration::days(day.round() as i64))
}

/// Text cut to `max` characters with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
