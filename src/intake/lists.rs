//! Lists of predictions. A columnist's "now what I'm predicting for 2027:" and the
//! items after it are forecasts each, said flat ("The mayor wins back her seat") with
//! no hedge word; last year's list, each item scored ("… CORRECT"), is not.

use std::ops::Range;

/// Whether a paragraph is an item of a list: it opens with a dash or a bullet and a space.
pub fn is_list_item(paragraph: &str) -> bool {
    ["- ", "– ", "• ", "* ", "· "]
        .iter()
        .any(|mark| paragraph.starts_with(mark))
}

/// Whether a list item ends with the verdict it was given: "… CORRECT", "… INCORRECT
/// (with bells on)", "… HALF CORRECT. SHE DID …": a prediction of the past, scored.
pub fn is_scored(item: &str) -> bool {
    const VERDICTS: &[&str] = &["CORRECT", "INCORRECT", "WRONG", "RIGHT"];
    item.split(|c: char| !c.is_alphabetic())
        .any(|word| VERDICTS.contains(&word))
}

/// Whether a line is a row of a table of forecasts: a few words with a number and no stop,
/// opening with a name ("Ana Vey, Northgate 4-8% rise").
pub fn is_table_row(line: &str) -> bool {
    let trimmed = line.trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    (3..=12).contains(&words.len())
        && trimmed.chars().any(|c| c.is_ascii_digit())
        && !trimmed.ends_with(['.', '!', '?', ':'])
        // ("By Ana Vey, The Courier, 2026-04-01" is a byline.)
        && words[0] != "By"
        && words[..2].iter().all(|w| w.starts_with(char::is_uppercase))
}

/// For each paragraph (`paragraphs`: their ranges in `text`), the words of the line that
/// introduces it as an item of a list of predictions ("And here's what I'm predicting for
/// 2027:"), where it is one. The list runs over the items that follow the line.
pub fn prediction_lists(text: &str, paragraphs: &[Range<usize>]) -> Vec<Option<Range<usize>>> {
    let mut intro: Option<Range<usize>> = None;
    paragraphs
        .iter()
        .enumerate()
        .map(|(at, paragraph)| {
            let line = &text[paragraph.clone()];
            if is_list_item(line) || (intro.is_some() && is_table_row(line)) {
                return intro.clone();
            }
            // A byline between the headline and the list ends nothing.
            if line.starts_with("By ") && intro.is_some() {
                return None;
            }
            // The headline introduces a list that follows it at once ("All four
            // pollsters predict a majority", then one line per pollster).
            intro = predicting(line, at == 0)
                .map(|word| paragraph.start + word.start..paragraph.start + word.end);
            None
        })
        .collect()
}

/// The word of a line that announces predictions to come ("what I'm predicting for
/// 2027:", "My predictions for the year ahead:"), not past ones ("Here are last year's
/// predictions, marked:"): where it is in the line.
fn predicting(line: &str, headline: bool) -> Option<Range<usize>> {
    let lower = line.to_lowercase();
    let past = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "were" | "was" | "predicted" | "last"));
    // An introduction, not a sentence of the body: it ends with a colon or an ellipsis,
    // or heads a table in a few words with no stop ("Expert Prediction").
    let trimmed = line.trim_end();
    let heading = trimmed.split_whitespace().count() <= 4
        && !trimmed.ends_with(['.', '!', '?', '"', '\u{201D}']);
    let introduces =
        headline || heading || trimmed.ends_with([':', '…']) || trimmed.ends_with("...");
    if past || !introduces {
        return None;
    }
    [
        "predicting",
        "predictions",
        "prediction",
        "predict",
        "forecasts",
        "forecast",
    ]
    .iter()
    .find_map(|word| lower.find(word).map(|at| at..at + word.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::text::paragraphs;

    #[test]
    fn a_list_of_predictions_and_a_list_scored() {
        let text = "Last year I did badly.\n\nHere are last year's predictions, marked:\n\n- The mayor loses her seat. CORRECT\n\n- The pier reopens. INCORRECT (by a mile)\n\nAnd now what I'm predicting for 2026:\n\n- The mayor wins back her seat.\n\n- There will be no snap vote.\n\nThat's all.";
        let paragraphs = paragraphs(text);
        let lists = prediction_lists(text, &paragraphs);
        let listed: Vec<&str> = paragraphs
            .iter()
            .zip(&lists)
            .filter(|(_, intro)| intro.is_some())
            .map(|(p, _)| &text[p.clone()])
            .collect();
        assert_eq!(
            listed,
            [
                "- The mayor wins back her seat.",
                "- There will be no snap vote."
            ]
        );
        assert_eq!(
            lists.iter().flatten().next().map(|r| &text[r.clone()]),
            Some("predicting")
        );
        assert!(is_scored("- The pier reopens. INCORRECT (by a mile)"));
        let text = "Prices ahead\n\nExpert Prediction\n\nAna Vey, Northgate 4-8% rise\n\nIvo Marsh, Westbank 2-3% fall\n\nThe Bad News\n\nThree of the five expect modest growth at best.";
        let table = crate::intake::text::paragraphs(text);
        let rows: Vec<&str> = table
            .iter()
            .zip(prediction_lists(text, &table))
            .filter(|(_, intro)| intro.is_some())
            .map(|(p, _)| &text[p.clone()])
            .collect();
        assert_eq!(
            rows,
            [
                "Ana Vey, Northgate 4-8% rise",
                "Ivo Marsh, Westbank 2-3% fall"
            ]
        );
        assert!(!is_scored("- The pier reopens in May."));
    }
}
