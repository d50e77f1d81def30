//! Whether a word reports a view where it stands: a verb of saying or of expectation
//! ("said", "expects", "according to"), not the same word as a noun ("a median forecast"),
//! an infinitive ("declined to say") or a passive ("is expected to"); and the phrases whose
//! verb reports a view only with what follows it ("has cut his forecast", "looks for",
//! "gives the talks a 30% chance", "called for gold to rise").

use super::vocabulary::REPORTING;
use crate::intake::text::Word;

/// Whether `outside[i]` relays what another says: "reports that", "reported that".
pub(super) fn is_relay(outside: &[&Word], i: usize) -> bool {
    matches!(outside[i].lower.as_str(), "reports" | "reported")
        && outside.get(i + 1).is_some_and(|w| w.lower == "that")
}

/// Whether `outside[i]` reports speech here.
pub(super) fn is_reporting_verb(text: &str, outside: &[&Word], i: usize) -> bool {
    if revises_own_forecast(outside, i)
        || looks_for(outside, i)
        || tips(outside, i)
        || is_relay(outside, i)
        || weighs_a_chance(outside, i)
        || calls_a_market(outside, i)
        || holds_a_view(outside, i)
        || reports_in_a_phrase(outside, i)
    {
        return true;
    }
    let w = outside[i];
    // "The party will see support in the north": after a modal, "see" is what one meets,
    // not what one expects.
    // Nor is "see X as Y" ("Russian media see the troops as peacekeepers"): a view of
    // what is.
    let met = matches!(w.lower.as_str(), "see" | "sees")
        && (i > 0
            && matches!(
                outside[i - 1].lower.as_str(),
                "will" | "would" | "could" | "may" | "might" | "can" | "should" | "to"
            )
            || outside[i + 1..].windows(2).take(6).any(|pair| {
                // ("sees a collapse as likely" judges a chance: that is a view ahead.)
                pair[0].lower == "as"
                    && !matches!(
                        pair[1].lower.as_str(),
                        "likely"
                            | "unlikely"
                            | "probable"
                            | "improbable"
                            | "inevitable"
                            | "imminent"
                            | "possible"
                    )
            }));
    !met && REPORTING.contains(&w.lower.as_str())
        // An infinitive reports nothing ("is right to expect", "declined to say"), and
        // a passive names who is expected, not who expects ("officials are expected to").
        && !(i.saturating_sub(2)..i).any(|k| {
            let word = outside[k].lower.as_str();
            // Only words next to the verb in the text, not across a quotation
            // ("forced to “engage …,” said Sayigh").
            let between = &text[outside[k].range.end..w.range.start];
            if between.contains(['"', '\u{201C}', '\u{201D}']) {
                return false;
            }
            // "to" only right before the verb; a be-form also before "not" ("is not
            // expected").
            // "than expected", "as predicted": what was expected, by no one named.
            // "Forecasters are predicting": a progressive is the subject's own verb.
            // ("he continues to forecast": the infinitive of a verb that goes on is the
            // subject's own.)
            (k + 1 == i
                && matches!(word, "to" | "than" | "as")
                && !(word == "to"
                    && k > 0
                    && matches!(
                        outside[k - 1].lower.as_str(),
                        "continue" | "continues" | "continued"
                    )))
                || matches!(word, "is" | "are" | "was" | "were" | "be" | "been" | "being")
                    // ("are also expected", "is widely expected": an adverb between a
                    // be-form and a participle; "is likely, says" is no passive.)
                    && (k + 1 == i || {
                        let between = outside[k + 1].lower.as_str();
                        between == "not"
                            || (w.lower.ends_with("ed") || w.lower == "forecast")
                                && (between.ends_with("ly")
                                    || matches!(between, "also" | "still" | "now"))
                    })
                    && !w.lower.ends_with("ing")
        })
        && !is_a_noun(text, outside, i)
        && (!matches!(w.lower.as_str(), "put" | "puts" | "gives" | "gave" | "give")
            || puts_a_view(&text[w.range.end..]))
        && (w.lower != "according" || text[w.range.end..].trim_start().starts_with("to"))
        // A capitalized verb is a name or a headline's word, but a sentence may open
        // with "According to X, …".
        && (!w.capitalized
            || w.lower == "according"
            // "Says Lena Ortiz of Eastport: …": the verb opening the sentence.
            || (i == 0 && matches!(w.lower.as_str(), "says" | "said" | "writes" | "adds")))
}

/// Verbs by which someone changes or keeps a forecast of their own: "Jo Vey has reduced
/// her forecast to $7.30", "the analyst is lowering his 2026 estimate".
const REVISIONS: &[&str] = &[
    "raised",
    "raises",
    "raising",
    "lowered",
    "lowers",
    "lowering",
    "cut",
    "cuts",
    "cutting",
    "reduced",
    "reduces",
    "reducing",
    "trimmed",
    "trims",
    "trimming",
    "lifted",
    "lifts",
    "lifting",
    "revised",
    "revises",
    "revising",
    "upgraded",
    "downgraded",
    "boosted",
    "slashed",
    "kept",
    "keeps",
    "maintained",
    "maintains",
    "reiterated",
    "reiterates",
];

/// What a forecast is called when its owner changes it.
const OWN_FORECASTS: &[&str] = &[
    "forecast",
    "forecasts",
    "estimate",
    "estimates",
    "projection",
    "projections",
    "prediction",
    "predictions",
    "target",
    "targets",
    "outlook",
    "call",
    "view",
];

/// Whether `outside[i]` is a verb by which its subject changes or keeps a forecast of
/// their own ("has reduced his 2026 gas-price forecast"): the subject owns the forecast
/// as much as "said" would make it theirs.
fn revises_own_forecast(outside: &[&Word], i: usize) -> bool {
    if !REVISIONS.contains(&outside[i].lower.as_str()) {
        return false;
    }
    let ahead = &outside[i + 1..outside.len().min(i + 8)];
    let Some(owner) = ahead.iter().take(3).position(|w| {
        matches!(
            w.lower.as_str(),
            "his" | "her" | "their" | "its" | "our" | "my"
        )
    }) else {
        return false;
    };
    ahead[owner + 1..]
        .iter()
        .take(4)
        .any(|w| OWN_FORECASTS.contains(&w.lower.as_str()))
}

/// Whether `outside[i]` weighs a chance its subject sees ("the general highlighted the
/// possibility of launches", "sources downplayed the prospect of a breakthrough").
fn weighs_a_chance(outside: &[&Word], i: usize) -> bool {
    let verb = outside[i].lower.as_str();
    let object = |k: usize| outside.get(i + k).map(|w| w.lower.as_str());
    let (the, noun) = if verb == "played" && object(1) == Some("down") {
        (object(2), object(3))
    } else {
        (object(1), object(2))
    };
    matches!(
        verb,
        "highlighted" | "raised" | "downplayed" | "played" | "stressed" | "flagged"
    ) && the == Some("the")
        && matches!(
            noun,
            Some("possibility" | "prospect" | "prospects" | "chances" | "risk" | "likelihood")
        )
}

/// Whether `outside[i]` makes a market call ("RBC is calling for the index to continue
/// its rally", "291 respondents called for gold to rise"), whose subject holds it.
fn calls_a_market(outside: &[&Word], i: usize) -> bool {
    matches!(outside[i].lower.as_str(), "called" | "calls" | "calling")
        && outside.get(i + 1).is_some_and(|w| w.lower == "for")
        && crate::intake::hedges::market_call(outside[i + 2..].iter().map(|w| w.lower.as_str()))
}

/// Whether `outside[i]` is a state of mind about what is to come, after a verb of being
/// ("Ana Vey is confident in a majority", "Ivo Marsh remains bullish on gold"): whose
/// subject holds the view.
fn holds_a_view(outside: &[&Word], i: usize) -> bool {
    matches!(
        outside[i].lower.as_str(),
        "confident"
            | "optimistic"
            | "pessimistic"
            | "convinced"
            | "sceptical"
            | "skeptical"
            | "doubtful"
            | "bullish"
            | "bearish"
    ) && i > 0
        && matches!(
            outside[i - 1].lower.as_str(),
            "is" | "are" | "was" | "were" | "remains" | "remained" | "seems" | "appears" | "be"
        )
}

/// Whether `outside[i]` reports a view with the words around it: "pointed out (that)",
/// "expressed confidence (that)", "had this to say", "is betting that", "did not rule
/// out".
fn reports_in_a_phrase(outside: &[&Word], i: usize) -> bool {
    let next = outside.get(i + 1).map(|w| w.lower.as_str());
    match outside[i].lower.as_str() {
        "pointed" | "points" | "point" => {
            next == Some("out") && (i == 0 || outside[i - 1].lower != "to")
        }
        // "Ivo Marsh is betting that…", "bets on a cut".
        "betting" | "bets" | "bet" => matches!(next, Some("that" | "on")),
        // "Ana Vey did not rule out a cut": what one leaves possible is a view ahead.
        // ("City aren't being ruled out": a passive names who may win, not who said so.)
        "rule" | "rules" | "ruled" | "ruling" => {
            next == Some("out")
                && (i == 0
                    || !matches!(
                        outside[i - 1].lower.as_str(),
                        "be" | "been" | "being" | "is" | "are" | "was" | "were"
                    ))
        }
        // "Ana Vey had this to say:".
        "had" | "has" => outside[i + 1..]
            .iter()
            .take(3)
            .map(|w| w.lower.as_str())
            .eq(["this", "to", "say"]),
        "expressed" | "expresses" | "voiced" => matches!(
            next,
            Some("confidence" | "doubt" | "doubts" | "certainty" | "scepticism" | "skepticism")
        ),
        _ => false,
    }
}

/// Whether `outside[i]` is "tips that" ("Ana Vey tips that the dollar will end the year at
/// 69 cents"), as Australian and British writing predicts.
fn tips(outside: &[&Word], i: usize) -> bool {
    matches!(outside[i].lower.as_str(), "tips" | "tipped")
        && outside.get(i + 1).is_some_and(|w| w.lower == "that")
}

/// Whether `outside[i]` is "looks for" ("Phil Ng also looks for further gains"): a view of
/// what is to come, whose subject holds it.
fn looks_for(outside: &[&Word], i: usize) -> bool {
    matches!(outside[i].lower.as_str(), "look" | "looks")
        && outside.get(i + 1).is_some_and(|w| w.lower == "for")
        && i > 0
        && !matches!(outside[i - 1].lower.as_str(), "to" | "a" | "the")
}

/// Whether the reporting word `outside[i]` is a noun here: after its determiner ("gave a
/// median year-end forecast of 4,900"), after its owner ("agreed with Vey's estimate"), or
/// an "-ing" word after a determiner and an adjective ("the stark warning by X").
fn is_a_noun(text: &str, outside: &[&Word], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let w = outside[i];
    let previous = outside[i - 1].lower.as_str();
    // ("Halford's said": a verb that is never a noun follows a company's name.)
    // (A plural's mark may be left out of the word: "echoed Knights' estimate".)
    let plural_owner =
        text[outside[i - 1].range.end..w.range.start].starts_with(['\'', '\u{2019}']);
    let owned = (plural_owner
        || ["'s", "\u{2019}s", "s'", "s\u{2019}"]
            .iter()
            .any(|end| previous.ends_with(end)))
        && !matches!(
            w.lower.as_str(),
            "said" | "says" | "told" | "tells" | "wrote" | "writes" | "added" | "adds"
        );
    let described = i > 1
        && w.lower.ends_with("ing")
        && w.lower != "according"
        // ("echoed the view, saying": a comma ends the noun phrase.)
        && text[outside[i - 1].range.end..w.range.start].trim().is_empty()
        && matches!(
            outside[i - 2].lower.as_str(),
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
        );
    is_determiner(previous) || owned || described
}

/// Words after which a reporting word is a noun ("a median forecast", "the warning").
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "median"
            | "average"
            | "year-end"
            | "consensus"
            | "latest"
            | "new"
            | "stark"
    )
}

/// Whether the words after "put" or "give" make it report a view: "as she put it", "puts
/// the odds of a cut at 60%", "gives the talks a 30% chance".
fn puts_a_view(after: &str) -> bool {
    let after = after.trim_start();
    let gives_a_chance = after
        .split(['.', ';', ','])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|pair| {
            (pair[0].ends_with('%') || matches!(pair[0], "cent" | "percent"))
                && matches!(pair[1], "chance" | "probability")
        });
    after.starts_with("it")
        || gives_a_chance
        || [
            "odds",
            "chance",
            "chances",
            "probability",
            "likelihood",
            "risk",
        ]
        .iter()
        .any(|noun| after.starts_with(&format!("the {noun}")))
}
