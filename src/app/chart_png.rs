//! A chart saved as PNG: the pixels the window drew under the chart, cut out of a
//! screenshot of the window and encoded. What the user sees is what is saved, in the theme
//! they see it in; the SVG (the site's drawing) is the other choice.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Rect};

/// Where a screenshot's outcome is left for the app to report: the file written, or why not.
pub type Outcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// The part of `window` (a screenshot, `pixels_per_point` pixels to a point) under `rect`,
/// as PNG bytes.
pub fn chart_png(
    window: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let bounds = Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(
            window.width() as f32 / pixels_per_point,
            window.height() as f32 / pixels_per_point,
        ),
    );
    let rect = rect.intersect(bounds);
    if !rect.is_positive() {
        return Err("the chart is not on screen".to_string());
    }
    let part = window.region(&rect, Some(pixels_per_point));
    let mut bytes = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut bytes),
        part.as_raw(),
        part.width() as u32,
        part.height() as u32,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Asks the window for a screenshot and, when it comes, writes the part under `rect` to
/// `path`, leaving the outcome in the returned slot.
pub fn save_chart_png(ctx: &egui::Context, rect: Rect, path: &Path) -> Outcome {
    let outcome: Outcome = Arc::new(Mutex::new(None));
    let slot = Arc::clone(&outcome);
    let (path, pixels_per_point, repaint) =
        (path.to_path_buf(), ctx.pixels_per_point(), ctx.clone());
    ctx.request_screenshot(move |window| {
        let written = chart_png(&window, rect, pixels_per_point)
            .and_then(|bytes| std::fs::write(&path, bytes).map_err(|e| e.to_string()))
            .map(|()| path.clone())
            .map_err(|e| format!("{}: {e}", path.display()));
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(written);
        }
        repaint.request_repaint();
    });
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_is_cut_out_at_the_screens_scale_and_encoded() {
        // A 20×10 point window at 2 pixels a point: white, with a red chart at (5, 2)–(15, 8).
        let mut window = ColorImage::filled([40, 20], egui::Color32::WHITE);
        for y in 4..16 {
            for x in 10..30 {
                window[(x, y)] = egui::Color32::RED;
            }
        }
        let rect = Rect::from_min_max(egui::pos2(5.0, 2.0), egui::pos2(15.0, 8.0));
        let bytes = chart_png(&window, rect, 2.0).unwrap();
        let decoded = image::load_from_memory(&bytes).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (20, 12));
        assert!(decoded.pixels().all(|p| p.0 == [255, 0, 0, 255]));
        let off_screen = Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0));
        assert!(chart_png(&window, off_screen, 2.0).is_err());
    }
}
