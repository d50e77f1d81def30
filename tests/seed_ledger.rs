//! Keeps the shipped ledger (`scenarios/`, built from the articles in `seeds/`) honest:
//! it loads without problems, every quote is verbatim in its article, every verdict has
//! evidence and a link, and every name and phrase resolves.

use crate::common;

use std::path::Path;

use common::numbers::assert_close;
use common::today;
use hindsight::find_quote;
use hindsight::{Ledger, ProbabilityOrigin, load};

fn shipped() -> Ledger {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    load(&dir, today()).expect("scenarios/ loads")
}

#[test]
fn the_shipped_ledger_has_no_errors_or_warnings() {
    let ledger = shipped();
    let problems: Vec<String> = ledger.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        ledger.entries.len() >= 30,
        "every forecast of the five articles"
    );
    assert!(
        ledger.files.len() >= 3,
        "grouped into scenarios a reader recognises"
    );
}

#[test]
fn every_quote_is_verbatim_in_its_sources_seed_file() {
    let ledger = shipped();
    for view in ledger.forecasts() {
        let source = view.source.expect("every forecast cites a source");
        let seed = source
            .seed
            .as_ref()
            .unwrap_or_else(|| panic!("source {} has a seed file", source.id));
        let path = ledger.project_root.join(seed);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            find_quote(&text, &view.forecast.quote).is_some(),
            "{}: quote not found verbatim in {}: {:?}",
            view.forecast.id,
            path.display(),
            view.forecast.quote
        );
    }
}

#[test]
fn every_source_names_its_outlet_date_and_existing_seed() {
    let ledger = shipped();
    for file in &ledger.files {
        for source in &file.scenario.sources {
            assert!(!source.outlet.trim().is_empty(), "{}", source.id);
            assert!(!source.title.trim().is_empty(), "{}", source.id);
            let seed = source.seed.as_ref().expect("every source has its seed");
            assert!(ledger.project_root.join(seed).is_file(), "{seed} exists");
            assert!(
                source.published >= "2022-01-01".parse().unwrap(),
                "{}: the articles are from January 2022",
                source.id
            );
        }
    }
}

#[test]
fn every_verdict_has_evidence_a_link_a_judge_and_a_possible_date() {
    let ledger = shipped();
    let mut resolved = 0;
    for view in ledger.forecasts() {
        // The verdict that judges it: its own, or its question's.
        let Some(judged) = view.resolution() else {
            assert!(
                view.forecast.resolve_by.date() > today(),
                "{}: an open forecast is one that cannot be judged yet",
                view.forecast.id
            );
            continue;
        };
        resolved += 1;
        let resolution = judged.resolution;
        let id = &view.forecast.id;
        assert!(
            resolution.evidence.as_deref().is_some_and(|e| e.len() > 20),
            "{id}: evidence note"
        );
        let link = resolution.link.as_deref().unwrap_or_default();
        assert!(
            link.starts_with("https://") || link.starts_with("http://"),
            "{id}: link {link:?}"
        );
        assert!(resolution.judge.is_some(), "{id}: judge");
        assert!(
            resolution.on >= view.forecast.made && resolution.on <= today(),
            "{id}: verdict date"
        );
    }
    assert!(resolved >= 30, "outcomes known by 2026 are recorded");
}

#[test]
fn every_forecaster_is_in_the_registry_and_every_phrase_in_the_table() {
    let ledger = shipped();
    for view in ledger.forecasts() {
        let id = &view.forecast.id;
        assert!(
            view.person.is_some(),
            "{id}: forecaster {:?} is in people.ron",
            view.forecast.by
        );
        let probability = view.entry.probability.as_ref().expect("a probability");
        if view.forecast.probability.is_none() {
            assert!(
                matches!(probability.origin, ProbabilityOrigin::Phrase { .. }),
                "{id}: its words map through the phrase table"
            );
        }
    }
}

#[test]
fn comparatives_move_from_the_level_the_text_gives() {
    let ledger = shipped();
    let probability = |id: &str| {
        let view = ledger.view(ledger.find(id).unwrap_or_else(|| panic!("{id}")));
        view.probability().expect("a probability")
    };
    // "even more likely than he already was": from "likely" (0.7), 30% of the way to 1.
    let analysts = probability("analysts-putin-runs-again-2024");
    assert_close(analysts, 0.79, "analysts");
    // "even less likely ... than it already was. Not that a let-up was expected": from
    // "unlikely" (0.2), 30% of the way to 0.
    assert_close(
        probability("observers-crackdown-letup-in-2022"),
        0.14,
        "observers",
    );
    // "may make it even more likely": the level itself (0.7) or the level moved (0.79),
    // weighted by the table's "may"; written as an explicit probability (README).
    let table = |phrase: &str| ledger.phrases.lookup(phrase).unwrap().phrase.probability;
    let likely = table("likely");
    assert_close(
        probability("gutterman-putin-stays-on-as-president"),
        likely + table("may") * (analysts - likely),
        "gutterman",
    );
    // Trenin wrote no hedge: the "could" is RFE/RL's bracketed insertion.
    let trenin = ledger.view(ledger.find("trenin-big-boon-if-moscow-succeeds").unwrap());
    assert_eq!(trenin.forecast.expression, None);
    assert!(trenin.forecast.quote.contains("[it could be a]"));
    assert_close(
        probability("trenin-big-boon-if-moscow-succeeds"),
        table("would"),
        "trenin",
    );
}

#[test]
fn dates_are_the_quotes_own_and_never_the_articles_2021_slip() {
    let ledger = shipped();
    for view in ledger.forecasts() {
        let made = view.forecast.made;
        assert!(
            made >= "2022-01-01".parse().unwrap(),
            "{}: made {made}",
            view.forecast.id
        );
        let published = view.source.unwrap().published;
        assert!(
            made <= published,
            "{}: made before its article was published",
            view.forecast.id
        );
    }
}

#[test]
fn the_selection_rules_are_written_down() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/README.md"))
            .unwrap();
    assert!(readme.contains("Every forward-looking claim"));
    assert!(readme.contains("left out"));
}
