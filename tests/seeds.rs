//! Quotes in context, on the real seed articles: a quote typed with straight quotes or
//! collapsed spacing is still found, the range is in the original text, and the paragraph
//! is the one a reader would point at, whichever way the article lays out its paragraphs.

use crate::common;

use common::{TempLedger, fixture_dir, today};
use hindsight::load;
use hindsight::{find_quote, paragraph_around, quote_context};

fn seed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const RFERL: &str = "002-rferl-week-in-russia-kazakhstan.txt";

#[test]
fn a_quote_typed_with_straight_quotes_and_other_spacing_is_found_in_the_original() {
    let text = seed(RFERL);
    let range = find_quote(&text, "\"Bad news,  Putin is never\n going to retire.\"").unwrap();
    assert_eq!(
        &text[range.clone()],
        "“Bad news, Putin is never going to retire.”"
    );

    // RFE/RL writes every paragraph on one line, with no blank lines between them.
    let (paragraph, paragraph_text) = paragraph_around(&text, range.clone());
    assert!(paragraph.start <= range.start && range.end <= paragraph.end);
    assert!(
        paragraph_text
            .starts_with("Pavel Lokshin, Moscow correspondent for the German media outlet Welt"),
        "{paragraph_text}"
    );
    assert!(paragraph_text.ends_with("he wrote: “Bad news, Putin is never going to retire.”"));
    assert!(!paragraph_text.contains('\n'));
    assert_eq!(&text[paragraph], paragraph_text);
}

#[test]
fn apostrophes_and_dashes_match_their_typographic_forms() {
    let conversation = seed("000-conversation-russia-kazakhstan-ukraine-playbook.txt");
    let range = find_quote(&conversation, "a firm ally of Putin's, requested support").unwrap();
    assert_eq!(
        &conversation[range],
        "a firm ally of Putin’s, requested support"
    );

    // RFE/RL's "--" is the "—" a reader copies from the web page.
    let text = seed(RFERL);
    let range = find_quote(&text, "why did it send troops — and how will the upheaval").unwrap();
    assert_eq!(
        &text[range],
        "why did it send troops -- and how will the upheaval"
    );
    // And the other way round, in an article with real dashes.
    let dilemma = seed("004-putins-euroasian-dilemma.txt");
    let range = find_quote(&dilemma, "with China -- and the implications are enormous").unwrap();
    assert_eq!(
        &dilemma[range],
        "with China — and the implications are enormous"
    );
}

#[test]
fn only_spacing_quote_marks_and_dashes_are_forgiven() {
    let text = seed(RFERL);
    assert_eq!(
        find_quote(&text, "Bad news, Putin is never going to resign."),
        None
    );
    assert_eq!(
        find_quote(&text, "bad news, putin is never going to retire."),
        None
    );
    assert_eq!(
        find_quote(&text, "Bad news,Putin is never going to retire."),
        None
    );
    assert_eq!(find_quote(&text, "   "), None);
}

#[test]
fn ranges_fall_on_character_boundaries_around_multibyte_text() {
    let text = "Er sagte: „Das wird — vielleicht — nie passieren“ und ging.";
    let range = find_quote(text, "\"Das wird -- vielleicht -- nie passieren\"").unwrap();
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    assert_eq!(&text[range], "„Das wird — vielleicht — nie passieren“");
}

#[test]
fn paragraphs_are_blank_line_separated_when_the_article_has_blank_lines() {
    let dw = seed("003-dw-kazakhstan-nightmare-or-opportunity.txt");
    let range = find_quote(
        &dw,
        "the protests in Kazakhstan pose a \"serious threat\" to Russia",
    )
    .unwrap();
    let (_, paragraph) = paragraph_around(&dw, range);
    assert!(
        paragraph.starts_with("Evaluating the developments in Kazakhstan to DW")
            && paragraph.ends_with("due to its length."),
        "{paragraph}"
    );

    // A hand-wrapped text: the paragraph is all the lines between blank lines.
    let wrapped = "Title\n\nFirst line of a paragraph that\nwraps onto a second line and\nends here.\n\nNext paragraph.\n";
    let range = find_quote(wrapped, "a second line").unwrap();
    let (range, paragraph) = paragraph_around(wrapped, range);
    assert_eq!(
        paragraph,
        "First line of a paragraph that\nwraps onto a second line and\nends here."
    );
    assert_eq!(&wrapped[range], paragraph);
}

#[test]
fn long_lines_between_blank_lines_are_each_a_paragraph() {
    // Seed 004 has three long paragraphs on consecutive lines; the quote is in the middle one.
    let dilemma = seed("004-putins-euroasian-dilemma.txt");
    let range = find_quote(&dilemma, "fuses geopolitical issues across Eurasia").unwrap();
    let (_, paragraph) = paragraph_around(&dilemma, range);
    assert!(
        paragraph.starts_with("“The crisis in the Central Asian former Soviet republic"),
        "{paragraph}"
    );
    assert!(!paragraph.contains('\n'));
}

#[test]
fn a_forecasts_quote_is_shown_in_its_paragraph() {
    let ledger = load(&fixture_dir().join("scenarios"), today()).unwrap();
    let view = ledger.view(ledger.find("ada-prices-rise").unwrap());
    let context = quote_context(&ledger, &view).unwrap();
    assert!(
        context
            .paragraph
            .starts_with("The ministry said on March 3")
    );
    let quote = context.quote.clone().unwrap();
    assert_eq!(
        &context.paragraph[quote],
        "Prices will most likely rise before the summer"
    );

    // Every quote of a source with a seed is in that seed, verbatim.
    let mut seeded = 0;
    for view in ledger.forecasts() {
        if view.source.is_some_and(|s| s.seed.is_some()) {
            quote_context(&ledger, &view).unwrap_or_else(|e| panic!("{}: {e}", view.forecast.id));
            seeded += 1;
        }
    }
    assert_eq!(seeded, 4);

    let unseeded = ledger.view(ledger.find("ada-rates-up").unwrap());
    let error = quote_context(&ledger, &unseeded).unwrap_err();
    assert!(error.contains("source 'wire' has no seed text"), "{error}");
}

#[test]
fn a_missing_seed_an_unknown_source_or_a_quote_not_in_the_text_is_explained() {
    let ledger = TempLedger::fixture();
    let text = ledger
        .read("prices.ron")
        .replace(
            "quote: \"The government will never agree to this.\"",
            "quote: \"The government will never agree to that.\"",
        )
        .replace(
            "            source: \"wire\",\n            made: \"2022-03-05\",\n            quote: \"Rates",
            "            source: \"gone\",\n            made: \"2022-03-05\",\n            quote: \"Rates",
        );
    ledger.write("prices.ron", text);
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let explain =
        |id: &str| quote_context(&loaded, &loaded.view(loaded.find(id).unwrap())).unwrap_err();

    let error = explain("bo-never-agree");
    assert!(
        error.starts_with("quote not found verbatim in ")
            && error.ends_with("seeds/fixture-article.txt"),
        "{error}"
    );
    let error = explain("ada-rates-up");
    assert!(error.contains("has no source"), "{error}");

    std::fs::remove_file(ledger.root.path().join("seeds/fixture-article.txt")).unwrap();
    let error = explain("ada-prices-rise");
    assert!(error.starts_with("seed file not found"), "{error}");
}
