//! Reading an article with the ledger: File → Add article… asks for a file or a URL; the
//! article window shows its text with every candidate forecast highlighted (the surer the
//! words, the heavier the underline) beside the list of candidates. Selecting one shows who
//! said it and what it maps to; *Accept* opens the new-forecast form filled in from it,
//! *Dismiss* hides it. ↑/↓ move through the candidates, Enter accepts, Delete dismisses.

use egui::text::LayoutJob;
use egui::{Color32, Key, Modifiers, RichText, TextFormat, Ui};

use crate::app::action::{Action, SystemCommand, ViewChange};
use crate::app::state::{ArticleAsk, ArticleView};
use crate::intake::Candidate;

/// The window asking for the article: a path or a URL, or its text pasted.
pub fn ask_window(
    ctx: &egui::Context,
    ask: &mut ArticleAsk,
    reading: bool,
    actions: &mut Vec<Action>,
) {
    let ArticleAsk { location, pasted } = ask;
    let mut open = true;
    egui::Window::new("Add article")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label("A text or HTML file, or an http(s) address.");
            let label = ui.label("Article");
            let field = ui
                .add(
                    egui::TextEdit::singleline(location)
                        .hint_text("seeds/article.txt or https://…")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                let read = ui.add_enabled(
                    !reading && !location.trim().is_empty(),
                    egui::Button::new("Read"),
                );
                if read.clicked() || (enter && !reading && !location.trim().is_empty()) {
                    actions.push(SystemCommand::ReadArticle(location.trim().to_string()).into());
                }
                if reading {
                    ui.spinner();
                    ui.weak("reading…");
                }
            });
            ui.separator();
            let label = ui.label("Or paste the article's text");
            ui.add(
                egui::TextEdit::multiline(pasted)
                    .desired_rows(6)
                    .desired_width(420.0),
            )
            .labelled_by(label.id);
            if ui
                .add_enabled(
                    !reading && !pasted.trim().is_empty(),
                    egui::Button::new("Read the text"),
                )
                .clicked()
            {
                actions.push(SystemCommand::ReadPastedArticle(pasted.clone()).into());
            }
        });
    if !open {
        actions.push(ViewChange::CloseArticle.into());
    }
}

/// The article and its candidates.
/// `keys`: whether the keyboard moves through the candidates (not while a form is open).
pub fn article_window(
    ctx: &egui::Context,
    view: &mut ArticleView,
    keys: bool,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    let shown = view.shown();
    egui::Window::new("Article")
        .open(&mut open)
        .default_size([1100.0, 680.0])
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(&view.location);
                ui.weak(format!(
                    "{} ({} dismissed)",
                    candidate_count(shown.len()),
                    view.candidates.len() - shown.len()
                ));
            });
            if keys && !ctx.text_edit_focused() {
                keyboard(ui, view, &shown, actions);
            }
            ui.columns(2, |columns| {
                list_ui(&mut columns[0], view, &shown, actions);
                egui::ScrollArea::vertical()
                    .id_salt("article-text")
                    .show(&mut columns[1], |ui| text_ui(ui, view, &shown));
                view.scroll_to_selected = false;
            });
        });
    if !open {
        actions.push(ViewChange::CloseArticle.into());
    }
}

fn keyboard(ui: &mut Ui, view: &ArticleView, shown: &[usize], actions: &mut Vec<Action>) {
    let position = shown.iter().position(|&i| i == view.selected);
    ui.input_mut(|input| {
        if input.consume_key(Modifiers::NONE, Key::ArrowDown) {
            let next = position.map_or(0, |p| (p + 1).min(shown.len().saturating_sub(1)));
            if let Some(&i) = shown.get(next) {
                actions.push(ViewChange::SelectCandidate(i).into());
            }
        }
        if input.consume_key(Modifiers::NONE, Key::ArrowUp) {
            let previous = position.map_or(0, |p| p.saturating_sub(1));
            if let Some(&i) = shown.get(previous) {
                actions.push(ViewChange::SelectCandidate(i).into());
            }
        }
        if position.is_some() && input.consume_key(Modifiers::NONE, Key::Enter) {
            actions.push(SystemCommand::AcceptCandidate(view.selected).into());
        }
        if position.is_some() && input.consume_key(Modifiers::NONE, Key::Delete) {
            actions.push(ViewChange::DismissCandidate(view.selected).into());
        }
    });
}

fn list_ui(ui: &mut Ui, view: &ArticleView, shown: &[usize], actions: &mut Vec<Action>) {
    if let Some(candidate) = shown
        .contains(&view.selected)
        .then(|| &view.candidates[view.selected])
    {
        detail_ui(ui, candidate, view.selected, actions);
        ui.separator();
    }
    egui::ScrollArea::vertical()
        .id_salt("candidates")
        .show(ui, |ui| {
            for &i in shown {
                let candidate = &view.candidates[i];
                let who = candidate
                    .speaker
                    .as_deref()
                    .or(candidate.speaker_group.as_deref())
                    .unwrap_or("the article");
                // The speakers to check first say how they were found, beside the name.
                let check = if candidate.speaker_to_check() {
                    format!(" (check: {})", candidate.speaker_basis)
                } else {
                    String::new()
                };
                let mut label = format!(
                    "{who}{check}: “{}” — {}",
                    candidate.expression,
                    super::style::shorten(&candidate.quote, 70)
                );
                if candidate.known.is_some() {
                    label.push_str(" (in the ledger)");
                }
                let row = ui.selectable_label(i == view.selected, label);
                if i == view.selected && view.scroll_to_selected {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    actions.push(ViewChange::SelectCandidate(i).into());
                }
            }
        });
}

fn detail_ui(ui: &mut Ui, candidate: &Candidate, index: usize, actions: &mut Vec<Action>) {
    let who = match (&candidate.speaker, &candidate.speaker_group) {
        (Some(speaker), _) => speaker.clone(),
        (None, Some(group)) => group.clone(),
        (None, None) => "the article's own voice".to_string(),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Said by {who}")).strong());
        ui.weak(format!("({})", candidate.speaker_basis))
            .on_hover_text(
                "How the speaker was found. A reporting clause (\"X said\") is the surest; \
             check a continued quotation, a pronoun or a title taken back to someone named \
             before, and the article's own voice.",
            );
    });
    if let Some(role) = &candidate.speaker_role {
        ui.weak(role);
    }
    ui.label(match &candidate.person {
        Some(person) => format!("In the registry as {person}"),
        None => "Not in the people registry".to_string(),
    });
    ui.label(format!(
        "Hedge words “{}” ➡ {}",
        candidate.expression,
        super::style::percent(candidate.probability)
    ));
    if let Some(date) = candidate.made_on {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("Made {date}"));
            if let Some(from) = candidate.made_on_from {
                ui.weak(format!("(from {from})"));
            }
        });
    }
    if let Some(known) = &candidate.known {
        ui.weak(format!("Already in the ledger as {known}"));
    }
    ui.horizontal(|ui| {
        if ui.button("Accept").on_hover_text("Enter").clicked() {
            actions.push(SystemCommand::AcceptCandidate(index).into());
        }
        if ui.button("Dismiss").on_hover_text("Delete").clicked() {
            actions.push(ViewChange::DismissCandidate(index).into());
        }
    });
}

/// The article's text with each shown candidate highlighted: the text in the theme's
/// strong colour on a pale (light theme) or deep (dark theme) amber, legible whatever the
/// words; the surer the words (the further from an even chance), the heavier the underline.
/// The selected one is on the selection colour.
fn text_ui(ui: &mut Ui, view: &ArticleView, shown: &[usize]) {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    let mut spans: Vec<(usize, usize, TextFormat)> = shown
        .iter()
        .map(|&i| {
            let candidate = &view.candidates[i];
            let (text, background) = highlight(ui.visuals(), i == view.selected);
            let format = TextFormat {
                color: text,
                background,
                underline: egui::Stroke::new(underline_width(candidate.probability), text),
                ..TextFormat::simple(body.clone(), text)
            };
            (candidate.start, candidate.end, format)
        })
        .filter(|(start, end, _)| start < end && *end <= view.article.text.len())
        .collect();
    spans.sort_by_key(|(start, _, _)| *start);
    let mut job = LayoutJob::default();
    let mut at = 0;
    let plain = TextFormat::simple(body.clone(), text_colour);
    for (start, end, format) in spans {
        if start < at
            || !view.article.text.is_char_boundary(start)
            || !view.article.text.is_char_boundary(end)
        {
            continue;
        }
        job.append(&view.article.text[at..start], 0.0, plain.clone());
        job.append(&view.article.text[start..end], 0.0, format);
        at = end;
    }
    job.append(&view.article.text[at..], 0.0, plain);
    job.wrap.max_width = ui.available_width();
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let response = ui.label(galley.clone());
    // The selected candidate scrolled into view: its first line, in the galley's layout.
    if view.scroll_to_selected
        && let Some(candidate) = view.candidates.get(view.selected)
        && let Some(prefix) = view.article.text.get(..candidate.start)
    {
        let cursor = egui::text::CCursor::new(prefix.chars().count());
        let rect = galley
            .pos_from_cursor(cursor)
            .translate(response.rect.min.to_vec2());
        // A jump, not a glide: ↑/↓ held down must keep up.
        ui.scroll_to_rect_animation(
            rect,
            Some(egui::Align::Center),
            egui::style::ScrollAnimation::none(),
        );
    }
}

/// A candidate's text colour and background: the theme's strongest text on amber (or on the
/// selection colour for the selected one), chosen so that the text keeps a contrast of at
/// least 4.5:1 (WCAG AA) in both themes.
fn highlight(visuals: &egui::Visuals, selected: bool) -> (Color32, Color32) {
    let background = match (selected, visuals.dark_mode) {
        (true, _) => visuals.selection.bg_fill,
        (false, true) => Color32::from_rgb(92, 70, 12),
        (false, false) => Color32::from_rgb(255, 229, 153),
    };
    (visuals.strong_text_color(), background)
}

/// The underline's width for a candidate's probability: 1 point for an even chance (or
/// none known), up to 3 for a certainty either way.
fn underline_width(probability: Option<f64>) -> f32 {
    let sureness = probability.map_or(0.0, |p| (2.0 * (p - 0.5).abs()).clamp(0.0, 1.0));
    1.0 + 2.0 * sureness as f32
}

/// "1 candidate forecast", "19 candidate forecasts".
pub fn candidate_count(n: usize) -> String {
    format!("{n} candidate forecast{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::app::views::style::contrast;

    #[test]
    fn highlighted_candidates_are_legible_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            for selected in [false, true] {
                let (text, background) = highlight(&visuals, selected);
                let ratio = contrast(text, background);
                assert!(
                    ratio >= 4.5,
                    "dark {} selected {selected}: {ratio:.2}",
                    visuals.dark_mode
                );
            }
        }
        // Checked against a published figure: black on white is 21:1.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn the_surer_the_words_the_heavier_the_underline() {
        assert_eq!(underline_width(None), 1.0);
        assert_eq!(underline_width(Some(0.5)), 1.0);
        assert!(underline_width(Some(0.7)) < underline_width(Some(0.95)));
        assert_eq!(underline_width(Some(0.0)), 3.0);
        assert_eq!(underline_width(Some(1.0)), 3.0);
    }
}
