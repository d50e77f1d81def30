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

/// The colour of a chart's own marks (points, intervals): the selection colour reads as a
/// dark blue on the dark theme's near-black, too dim for a point; this one holds 4.5:1 or
/// more on both backgrounds.
pub fn chart_accent(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(100, 170, 240)
    } else {
        Color32::from_rgb(25, 95, 180)
    }
}

/// Every way a forecast can stand, in the order a legend lists them.
pub const STANDINGS: [Standing; 7] = [
    Standing::Resolved(Verdict::True),
    Standing::Resolved(Verdict::False),
    Standing::Resolved(Verdict::Partly),
    Standing::Resolved(Verdict::Ambiguous),
    Standing::Resolved(Verdict::Annulled),
    Standing::Open,
    Standing::Overdue,
];

/// The fill of a chart mark (a timeline bar, its verdict): one colour per standing, all
/// seven told apart at a glance, where text can share a colour (open text is plain text,
/// ambiguous and annulled are both weak).
pub fn standing_fill(visuals: &egui::Visuals, standing: Standing) -> Color32 {
    let dark = visuals.dark_mode;
    let pick = |light: [u8; 3], on_dark: [u8; 3]| {
        let [r, g, b] = if dark { on_dark } else { light };
        Color32::from_rgb(r, g, b)
    };
    match standing {
        Standing::Resolved(Verdict::True | Verdict::False) => standing_color(visuals, standing),
        Standing::Resolved(Verdict::Partly) => pick([190, 165, 0], [225, 195, 60]),
        Standing::Resolved(Verdict::Ambiguous) => pick([135, 80, 190], [185, 145, 235]),
        Standing::Resolved(Verdict::Annulled) => pick([130, 130, 130], [150, 150, 150]),
        Standing::Open => pick([40, 110, 210], [95, 160, 245]),
        Standing::Overdue => pick([225, 110, 0], [255, 140, 30]),
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

#[cfg(test)]
mod chart_colour_tests {
    use super::*;

    /// Any two standings' chart colours differ clearly (a legend that matches them means
    /// nothing if two look alike), in both themes.
    #[test]
    fn every_standing_has_its_own_chart_colour_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            for (i, a) in STANDINGS.iter().enumerate() {
                for b in &STANDINGS[i + 1..] {
                    let (x, y) = (standing_fill(&visuals, *a), standing_fill(&visuals, *b));
                    let distance = [(x.r(), y.r()), (x.g(), y.g()), (x.b(), y.b())]
                        .iter()
                        .map(|&(p, q)| (f64::from(p) - f64::from(q)).powi(2))
                        .sum::<f64>()
                        .sqrt();
                    assert!(
                        distance > 60.0,
                        "{a:?} and {b:?} look alike in {} ({distance:.0})",
                        if visuals.dark_mode { "dark" } else { "light" }
                    );
                }
            }
        }
    }
}

/// The WCAG 2 contrast ratio of two colours (1 to 21), for tests that text and marks
/// stay legible.
#[cfg(test)]
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let luminance = |c: Color32| {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod accent_tests {
    use super::*;

    /// WCAG contrast of the chart accent against each theme's chart background.
    #[test]
    fn chart_marks_stand_out_from_the_background_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let ratio = contrast(chart_accent(&visuals), visuals.extreme_bg_color);
            assert!(ratio >= 4.5, "{ratio:.1}:1 (dark: {})", visuals.dark_mode);
        }
    }
}
