//! Whether a sentence forecasts, and with which words: the folder's phrase table (longest
//! phrase first, so "even less likely" wins over "likely" and "will not hesitate" over
//! "will"), or flat future wording ("will", "is going to"). Not every "will" forecasts:
//! questions, past modals ("may have decided"), wishes ("would like"), indirect questions
//! ("wonder if Russia will"), refusals to guess, adjectives before a noun ("possible
//! pathways") and publishers' notices are left out.

use std::ops::Range;

use super::dates::is_weekday;
use super::numbers::stated_probability;
use super::reporting::REPORTING;
use super::text::{Word, words};
use crate::estimative::{PhraseOrigin, PhraseTable, uncontract};

/// The hedge words found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Hedge {
    /// Where they are in the text.
    pub range: Range<usize>,
    /// As the text has them.
    pub expression: String,
    /// What the table maps them to (`None` for wording it lacks).
    pub probability: Option<f64>,
    /// Flat future wording ("will", "is going to") rather than a hedge.
    pub flat: bool,
    /// A probability said in numbers ("a 30% chance"): `probability` is the speaker's own.
    pub stated: bool,
}

/// Future and modal words: what makes a bare frequency word ("never", "always") a
/// forecast, and what a phrase table may lack ("would", "can").
pub(super) const MODALS: &[&str] = &[
    "will", "would", "may", "might", "could", "can", "shall", "won't", "wouldn't", "couldn't",
    "can't", "cannot", "'ll",
];

/// Built-in one-word rows that are often not hedges at all ("a certain distance", "always
/// has been"): they count only beside a future or modal word.
const WEAK: &[&str] = &[
    "always",
    "usually",
    "rarely",
    "remote",
    "certain",
    "certainly",
    "never",
    "probable",
];

/// Adjectives that hedge a claim ("is likely to", "it is possible that") but not a noun
/// ("possible pathways", "potential pitfalls").
const ADJECTIVES: &[&str] = &[
    "likely",
    "unlikely",
    "possible",
    "impossible",
    "potential",
    "probable",
    "improbable",
];

/// Words after which such an adjective still hedges the clause.
const AFTER_ADJECTIVE: &[&str] = &[
    "to", "that", "than", "in", "for", "if", "by", "at", "on", "within", "and", "or", "but", "as",
    "again", "now", "still", "this", "next", "before", "after", "soon",
];

const PARTICIPLES: &[&str] = &[
    "been",
    "done",
    "gone",
    "made",
    "seen",
    "taken",
    "given",
    "known",
    "thought",
    "said",
    "told",
    "put",
    "set",
    "had",
    "got",
    "gotten",
    "become",
    "come",
    "won",
    "lost",
    "left",
    "kept",
    "brought",
    "found",
    "held",
    "led",
    "meant",
    "met",
    "paid",
    "sent",
    "spent",
    "begun",
    "chosen",
    "written",
    "shown",
    "grown",
    "drawn",
    "fallen",
    "spoken",
    "broken",
    "risen",
    "felt",
    "heard",
    "understood",
    "sought",
    "fought",
];

/// Words of hoping, wishing and demanding: what follows them says what someone wants, not
/// what they expect.
const WISH_WORDS: &[&str] = &[
    "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "urge", "urges", "urged",
    "urging", "demand", "demands", "demanded", "hopeful",
];

/// Verbs of the table that state an expectation ("we expect two cuts", "she sees the index
/// higher") rather than hedge a claim; a verb only after its subject, not after "to", a
/// modal or a determiner ("hard to see", "we'll see", "the look for spring").
const EXPECTATION_VERBS: &[&str] = &[
    "expect",
    "expects",
    "expecting",
    "expected",
    "predicted",
    "anticipated",
    "forecasting",
    "projecting",
    "anticipate",
    "anticipates",
    "see",
    "sees",
    "look",
    "looks",
    "foresee",
    "foresees",
    "forecast",
    "forecasts",
    "project",
    "projects",
    "doubt",
    "doubts",
    "doubted",
    "predict",
    "predicts",
    "predicting",
];

/// Of those, the ones that mean many other things ("we see the problem", "look for the
/// keys"): a forecast only with a mark of the future after them.
const EXPECTATION_NEEDS_FUTURE: &[&str] = &[
    "predicted",
    "anticipated",
    "forecasting",
    "projecting",
    "see",
    "sees",
    "look",
    "looks",
    "anticipate",
    "anticipates",
    "foresee",
    "foresees",
    "forecast",
    "forecasts",
    "project",
    "projects",
    "predict",
    "predicts",
    "predicting",
];

/// Words before an expectation verb that make it no verb of its subject.
const NOT_A_SUBJECT: &[&str] = &[
    "to", "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that",
    "of", "for", "will", "'ll", "would", "can", "could", "may", "might", "must", "should", "let's",
    "no", "little", "any", "without", "some", "much", "beyond",
];

/// Words that place what follows in the future: "by", "next", "the end of", a month or a
/// year (any word with a digit).
const FUTURE_MARKS: &[&str] = &[
    "next",
    "coming",
    "soon",
    "ahead",
    "later",
    "end",
    "year",
    "years",
    "quarter",
    "quarters",
    // "in the second half", "the first half of next year".
    "half",
    "month",
    "months",
    "week",
    "weeks",
    "decade",
    "future",
    "until",
    "by",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "higher",
    "lower",
];

/// Nouns for a group that forecasts as one: "our FX team forecast".
const COLLECTIVES: &[&str] = &[
    "team",
    "desk",
    "bank",
    "firm",
    "group",
    "house",
    "office",
    "committee",
    "board",
    "fund",
    "ministry",
    "survey",
    "poll",
    "panel",
    "consensus",
];

/// Comparatives and directions that name a change ahead after a verb of expectation.
const CHANGE_MARKS: &[&str] = &[
    "looser",
    "tighter",
    "weaker",
    "stronger",
    "cheaper",
    "dearer",
    "further",
    "more",
    "fewer",
    "less",
    "downside",
    "upside",
    "rise",
    "fall",
    "gains",
    "losses",
    "hike",
    "hikes",
    "cut",
    "cuts",
    "easing",
    "tightening",
    "recovery",
    "rebound",
    "decline",
    "increase",
    "steady",
];

/// Words that place a verb of expectation in the past: "correctly predicted the last
/// test", "had anticipated a cut".
const PAST_MARKS: &[&str] = &[
    "correctly",
    "accurately",
    "wrongly",
    "previously",
    "ago",
    "had",
    "once",
];

/// Whether a sentence tells an expectation of the past ("correctly predicted the last
/// test"): only for verbs of expectation in the past tense.
fn past_call(words: &[Word], i: usize) -> bool {
    // Near the verb only, so that a sentence of many verbs costs no more than a short one.
    let near = &words[i.saturating_sub(NEAR_WORDS)..words.len().min(i + NEAR_WORDS)];
    near.iter().any(|w| PAST_MARKS.contains(&w.lower.as_str()))
        && near
            .iter()
            .any(|w| matches!(w.lower.as_str(), "predicted" | "anticipated" | "expected"))
}

/// How far around a word the rules that look across a sentence look: more than a sentence
/// of news has, and few enough that a run-on "sentence" of a megabyte stays linear.
const NEAR_WORDS: usize = 40;

/// Words for a chance: "small", "low", "high" size one ("the chances are very small").
const CHANCE_NOUNS: &[&str] = &[
    "chance",
    "chances",
    "likelihood",
    "probability",
    "odds",
    "prospects",
    "possibility",
];

/// Possessives: "my favourite", "their favourite" is a liking, not a forecast.
const POSSESSIVES: &[&str] = &["my", "your", "his", "her", "its", "our", "their"];

/// Forms of "be" and "remain" before a state that lies ahead ("is set to", "remains the
/// favourite").
const BE_OR_REMAIN: &[&str] = &[
    "is", "are", "am", "be", "'s", "it's", "he's", "she's", "they're", "we're", "remains",
    "remain", "seems", "seem", "looks", "look", "appears", "appear",
];

/// Nouns of worry: "stoked concerns the country may face a recession" reports a mood,
/// not anyone's forecast.
const CONCERN_WORDS: &[&str] = &[
    "concern",
    "concerns",
    "fear",
    "fears",
    "worry",
    "worries",
    "anxiety",
    "anxieties",
];

/// Words that make a flat "will" a schedule ("Apple will report its earnings today").
const SCHEDULE_WORDS: &[&str] = &["today", "tonight", "tomorrow"];

/// Sentences that say the future is unknown: explicit uncertainty, not a forecast.
const EXPLICIT_UNCERTAINTY: &[&str] = &[
    "anyone's guess",
    "anybody's guess",
    "remains to be seen",
    "remain to be seen",
    "too early to tell",
    "too early to say",
    "hard to say",
    "hard to predict",
    "impossible to predict",
    // "it is not possible to forecast snow three months ahead": about forecasting.
    "possible to forecast",
    "possible to predict",
    "possible to say",
    "possible to know",
    "possible to tell",
    "possible to provide",
    "no one knows",
    "nobody knows",
    // "it remains unclear how and when he will step down", "the key question is the extent
    // to which unemployment will…".
    "remains unclear",
    "remain unclear",
    "is unclear",
    "is not clear",
    "isn't clear",
    "key question",
    "big question",
    "open question",
];

const QUESTION_VERBS: &[&str] = &[
    // "cannot predict what provocations the North might conduct", "here's what that
    // might look like".
    "predict",
    "foresee",
    "tell",
    "say",
    "here's",
    "wonder",
    "wonders",
    "wondered",
    "ask",
    "asks",
    "asked",
    "asking",
    "guess",
    "question",
    "unclear",
    "unsure",
    "uncertain",
    "know",
    "knows",
    "sure",
    "whether",
    "certainty",
    "certainties",
    "clear",
    "clarity",
    "questions",
    "doubts",
];

const WH: &[&str] = &[
    "what", "how", "whether", "if", "who", "which", "when", "why", "where",
];

const NOT_A_FORECAST: &[&str] = &[
    "your email address",
    "all rights reserved",
    "sign up",
    "subscribe",
    "newsletter",
    "cookies",
    "your browser",
    "your subscription",
    "your current subscription",
    "archived article",
    "all eyes will be on",
    // A link to another page ("Read “…” at http://…"): a pointer, not a claim.
    "http://",
    "https://",
    // Disclosures and disclaimers: about the author or the outlet, not the world.
    "would benefit from this article",
    "disclosed no relevant affiliations",
    "receive funding from any company",
    "may go down as well as up",
    "past performance is not",
    "not investment advice",
    "not financial advice",
    "does not constitute advice",
    "views expressed",
    "opinions expressed",
];

/// A contraction as its full words: "won't" → "will not", "they'll" → "will", "I'd" →
/// "would" (the subject is no part of the hedge).
fn expand(word: &str) -> &str {
    uncontract(word)
}

/// Whether a sentence is a question (its last mark, before closing quotes, is `?`).
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| {
            // Closing marks, and the dashes around a subheading ("- Will it hold? -").
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '-' | '–' | '—'
                )
        })
        .ends_with('?')
}

/// The forecast's hedge words in `text[sentence]`, or `None` when the sentence does not
/// forecast.
pub fn forecast_hedge(text: &str, sentence: Range<usize>, table: &PhraseTable) -> Option<Hedge> {
    if never_forecasts(&text[sentence.clone()]) {
        return None;
    }
    let words = words(text, sentence.clone());
    // Fragments ("Maybe so.") and asides to the reader ("You can follow him").
    if words.len() < 4 || words[0].lower == "you" {
        return None;
    }
    // A probability said in numbers is the most specific wording there is.
    if let Some((range, probability)) = stated_probability(text, &words) {
        return Some(Hedge {
            expression: text[range.clone()].to_string(),
            range,
            probability: Some(probability),
            flat: false,
            stated: true,
        });
    }
    let has_modal =
        words.iter().any(|w| MODALS.contains(&expand(&w.lower))) || going_to(&words).is_some();
    // Each hedge found, with the index of its first word and its length in words.
    let mut found: Vec<(usize, usize, Hedge)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest phrase of the table here that hedges the claim: a longer row that
        // does not apply here ("was forecast to", the past's forecast) must not hide a
        // shorter one from the same word that does.
        let mut longest = 6;
        let qualifying = loop {
            match phrase_at(text, &words, i, longest, table) {
                Some((n, probability, origin)) => {
                    if qualifies(&words, i, n, origin, has_modal) {
                        break Some((n, probability));
                    }
                    longest = n - 1;
                }
                None => break None,
            }
            if longest == 0 {
                break None;
            }
        };
        match qualifying {
            Some((n, probability)) => {
                let flat = n == 1 && expand(&words[i].lower) == "will";
                found.push((i, n, hedge(text, &words[i..i + n], Some(probability), flat)));
                i += n;
            }
            _ => {
                // Modal wording the table lacks ("would", "can"): a hedge of no probability.
                if MODALS.contains(&expand(&words[i].lower))
                    && qualifies(&words, i, 1, PhraseOrigin::BuiltIn, true)
                {
                    let flat = expand(&words[i].lower) == "will";
                    found.push((i, 1, hedge(text, &words[i..=i], None, flat)));
                }
                i += 1;
            }
        }
    }
    if let Some((i, n)) = going_to(&words)
        && !found.iter().any(|(j, _, _)| (i..i + n).contains(j))
        && qualifies(&words, i, n, PhraseOrigin::BuiltIn, true)
    {
        let will = table.lookup("will").map(|e| e.phrase.probability);
        found.push((i, n, hedge(text, &words[i..i + n], will, true)));
    }
    // A forecast said as a number with no hedge word: "cut its year-end target to 2,100",
    // "the median forecast … was 1,550", "the data point to further gains".
    // "Manchester City aren't being ruled out", "the bank has not ruled out a cut": a
    // possibility kept open, read as 'not out of the question'.
    // ("cannot be ruled out": the phrase, not the bare modal "cannot".)
    if found
        .iter()
        .all(|(_, _, hedge)| hedge.probability.is_none())
        && let Some((i, n)) = not_ruled_out(&words)
    {
        found.clear();
        let possible = table
            .lookup("not out of the question")
            .map(|e| e.phrase.probability);
        found.push((i, n, hedge(text, &words[i..i + n], possible, false)));
    }
    if found.is_empty()
        && let Some((i, n)) = opinion_ahead(&words)
    {
        let believe = table.lookup("we believe").map(|e| e.phrase.probability);
        found.push((i, n, hedge(text, &words[i..i + n], believe, false)));
    }
    if found.is_empty()
        && let Some((i, n)) = numeric_forecast(&words)
            .or_else(|| points_ahead(&words))
            .or_else(|| view_is_for(&words))
            .or_else(|| evidence_suggests(&words))
            .or_else(|| should_move(&words))
            .or_else(|| too_far_to(&words))
            .or_else(|| seen_headline(&words))
            .or_else(|| room_to_move(&words))
            .or_else(|| changed_chance(&words))
    {
        found.push((i, n, hedge(text, &words[i..i + n], None, false)));
    }
    // "Whether the coalition can last is anyone's guess": words in a clause that says the
    // future is unknown forecast nothing.
    found.retain(|(_, _, hedge)| !in_uncertain_clause(text, &sentence, &hedge.range));
    // The most specific words: a phrase of several words over one, a hedge over a flat
    // "will", then the first.
    found
        .into_iter()
        .max_by(|a, b| {
            (a.1, !a.2.flat, std::cmp::Reverse(a.0)).cmp(&(b.1, !b.2.flat, std::cmp::Reverse(b.0)))
        })
        .map(|(_, _, hedge)| hedge)
}

/// Whether the clause of `sentence` that holds `hedge` says the future is unknown: it opens
/// with "whether" or holds "anyone's guess", "remains to be seen" and the like. A clause
/// runs between commas, semicolons, dashes and the words "but" and "while".
fn in_uncertain_clause(text: &str, sentence: &Range<usize>, hedge: &Range<usize>) -> bool {
    let before = &text[sentence.start..hedge.start];
    let after = &text[hedge.end..sentence.end];
    let boundary = |s: &str| {
        [",", ";", ":", "—", " but ", " while "]
            .iter()
            .filter_map(|b| s.rfind(b).map(|at| at + b.len()))
            .max()
    };
    let first_boundary = |s: &str| {
        [",", ";", ":", "—", " but ", " while "]
            .iter()
            .filter_map(|b| s.find(b))
            .min()
    };
    let start = boundary(before).unwrap_or(0);
    let end = first_boundary(after).unwrap_or(after.len());
    let clause = format!(
        "{} {} {}",
        &before[start..],
        &text[hedge.clone()],
        &after[..end]
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
    .to_lowercase()
    .replace('\u{2019}', "'");
    let clause = clause.trim_start_matches([' ', '"', '\u{201C}']);
    clause.starts_with("whether ")
        || EXPLICIT_UNCERTAINTY
            .iter()
            .any(|phrase| clause.contains(phrase))
}

/// Verbs that change or state a forecast's number: "cut its target to 2,100", "raised
/// its price target to $540", "sets a year-end target of 7,000".
const TARGET_VERBS: &[&str] = &[
    "raise",
    "raises",
    "raised",
    "raising",
    "lift",
    "lifts",
    "lifted",
    "cut",
    "cuts",
    "cutting",
    "lower",
    "lowers",
    "lowered",
    "trim",
    "trims",
    "trimmed",
    "set",
    "sets",
    "boost",
    "boosts",
    "boosted",
    "reduce",
    "reduces",
    "reduced",
    "increase",
    "increases",
    "increased",
    "hike",
    "hikes",
    "hiked",
    "reiterated",
    "reiterates",
    "maintained",
    "maintains",
    "new",
];

/// Nouns that name a forecast by its statistic: "the median forecast", "consensus
/// estimates".
const FORECAST_NOUNS: &[&str] = &[
    "forecast",
    "forecasts",
    "projection",
    "projections",
    "estimate",
    "estimates",
    "prediction",
    "predictions",
];

/// Words that compare with a forecast rather than state it ("below the median forecast of
/// June's poll", "up from estimates of").
const COMPARISONS: &[&str] = &[
    "below", "above", "than", "from", "compared", "compares", "versus", "vs", "beat", "beats",
    "missed", "topped", "exceeded",
];

/// A number said as a forecast, with no hedge word: a target changed or set to a number
/// ("cut its year-end target to 2,100", "a price target of $540"), or a poll's statistic
/// with its number ("the median forecast for the index was 1,550"). The words that say it
/// is a forecast, as (index, length). An inflation target or a target that is not a
/// number is a goal, not a forecast.
fn numeric_forecast(words: &[Word]) -> Option<(usize, usize)> {
    let is_number = |w: &Word| w.lower.chars().any(|c| c.is_ascii_digit());
    (0..words.len()).find_map(|i| {
        let word = words[i].lower.as_str();
        let number_after = || {
            words[i + 1..]
                .iter()
                .take(4)
                .position(is_number)
                .is_some_and(|k| {
                    k == 0
                        || words[i + 1..i + 1 + k].iter().any(|w| {
                            matches!(
                                w.lower.as_str(),
                                "to" | "at"
                                    | "of"
                                    | "was"
                                    | "is"
                                    | "averaged"
                                    | "averages"
                                    | "stood"
                                    | "stands"
                            )
                        })
                })
        };
        // "Many analysts target 105 yen by the end of the year": the verb, after a plural
        // subject or a pronoun, with the number right after it.
        if matches!(word, "target" | "targets")
            && i > 0
            && words.get(i + 1).is_some_and(is_number)
            && (words[i - 1].lower.ends_with('s')
                || matches!(
                    words[i - 1].lower.as_str(),
                    "we" | "they" | "i" | "now" | "also"
                ))
            && !NOT_A_SUBJECT.contains(&words[i - 1].lower.as_str())
        {
            return Some((i, 1));
        }
        // "Strategists put the index at 4,700 by the end of next year": a level put on a
        // thing to come.
        if matches!(word, "put" | "puts" | "putting")
            && i > 0
            && !NOT_A_SUBJECT.contains(&words[i - 1].lower.as_str())
            && let Some(at) = (i + 2..words.len().min(i + 7)).find(|&k| words[k].lower == "at")
            && words.get(at + 1).is_some_and(is_number)
            && words[at + 2..]
                .iter()
                .any(|w| FUTURE_MARKS.contains(&w.lower.as_str()))
        {
            // The whole number: "4,700" is two words to `words`.
            let mut last = at + 1;
            while words
                .get(last + 1)
                .is_some_and(|w| is_number(w) && w.range.start == words[last].range.end + 1)
            {
                last += 1;
            }
            return Some((i, last + 1 - i));
        }
        if matches!(word, "target" | "targets") {
            let before = &words[i.saturating_sub(6)..i];
            let goal = before.iter().rev().take(2).any(|w| {
                matches!(
                    w.lower.as_str(),
                    "inflation" | "deficit" | "debt" | "emissions" | "growth" | "sales"
                )
            });
            let changed = before
                .iter()
                .any(|w| TARGET_VERBS.contains(&w.lower.as_str()))
                || i.checked_sub(1).is_some_and(|k| {
                    matches!(
                        words[k].lower.as_str(),
                        "price" | "year-end" | "end-year" | "year-ahead"
                    )
                });
            return (changed && !goal && number_after()).then_some((i, 1));
        }
        // "lowered its euro forecast to $1.10 by the end of the year".
        if FORECAST_NOUNS.contains(&word)
            && words[i.saturating_sub(4)..i]
                .iter()
                .any(|w| TARGET_VERBS.contains(&w.lower.as_str()) && w.lower != "new")
            && words.get(i + 1).is_some_and(|w| w.lower == "to")
            && words.get(i + 2).is_some_and(is_number)
        {
            return Some((i, 1));
        }
        // "Forecasts for the year-end level ranged from 95 to 120 yen".
        if matches!(
            word,
            "forecasts" | "estimates" | "predictions" | "projections"
        ) && let Some(range) = (i + 1..words.len().min(i + 8))
            .find(|&k| matches!(words[k].lower.as_str(), "ranged" | "range" | "ranging"))
            && words.get(range + 1).is_some_and(|w| w.lower == "from")
            // "ranged from 95 to 120", "ranged from a price rise of 5% to a drop of 10%".
            && words[range + 2..words.len().min(range + 7)]
                .iter()
                .any(is_number)
            // Levels, not horizons ("range from 1 month to 1 year").
            && !words[range + 3..words.len().min(range + 6)].iter().any(|w| {
                matches!(
                    w.lower.as_str(),
                    "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"
                )
            })
        {
            return Some((i, 1));
        }
        // "our end-2016 forecast", "the median among analysts' forecasts".
        let statistic = |w: &Word| {
            matches!(
                w.lower.as_str(),
                "median"
                    | "consensus"
                    | "average"
                    | "mean"
                    | "year-end"
                    | "end-year"
                    | "highest"
                    | "lowest"
                    | "bullish"
                    | "bearish"
                    | "our"
                    | "their"
                    | "its"
            )
        };
        if FORECAST_NOUNS.contains(&word)
            && let Some(k) = (i.saturating_sub(3)..i).find(|&k| statistic(&words[k]))
        {
            let compared = words[k.saturating_sub(3)..k]
                .iter()
                .any(|w| COMPARISONS.contains(&w.lower.as_str()));
            let numbered = words[i + 1..].iter().any(is_number);
            return (!compared && numbered).then_some((k, i + 1 - k));
        }
        None
    })
}

/// Headline and summary style without "is": "Yen seen at 105 by year-end", "Kuroda seen
/// easing further": "seen" after a noun, before a number, a verb in "-ing" or a
/// comparative. The word "seen", as (index, length).
fn seen_headline(words: &[Word]) -> Option<(usize, usize)> {
    (1..words.len().saturating_sub(1)).find_map(|i| {
        let before = words[i - 1].lower.as_str();
        let next = &words[i + 1];
        let headline = words[i].lower == "seen"
            && !matches!(
                before,
                "have"
                    | "has"
                    | "had"
                    | "been"
                    | "be"
                    | "being"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "not"
                    | "never"
                    | "ever"
                    | "already"
                    | "just"
                    | "i"
                    | "we"
                    | "they"
                    | "you"
            )
            && !NOT_A_SUBJECT.contains(&before)
            && ((next.lower == "at"
                && words
                    .get(i + 2)
                    .is_some_and(|w| w.lower.chars().any(|c| c.is_ascii_digit())))
                || (next.lower.ends_with("ing") && next.lower.len() > 4)
                || CHANGE_MARKS.contains(&next.lower.as_str())
                || matches!(next.lower.as_str(), "higher" | "lower"))
            && words[i + 1..].iter().any(|w| {
                FUTURE_MARKS.contains(&w.lower.as_str())
                    || w.lower.chars().any(|c| c.is_ascii_digit())
                    || CHANGE_MARKS.contains(&w.lower.as_str())
            });
        headline.then_some((i, 1))
    })
}

/// "The dollar has scope to rally toward 105 yen", "room for further gains": the words
/// "scope to" or "room for", as (index, length).
fn room_to_move(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        let room = matches!(words[i].lower.as_str(), "scope" | "room")
            && matches!(words[i + 1].lower.as_str(), "to" | "for")
            && words[i + 2..].iter().take(2).any(|w| {
                MOVES.contains(&w.lower.as_str())
                    || matches!(
                        w.lower.as_str(),
                        "rally" | "further" | "more" | "gains" | "losses" | "declines"
                    )
            });
        room.then_some((i, 2))
    })
}

/// A chance said to have changed, with no size: "more than double the usual chance of a
/// warm summer", "an increased likelihood of mild conditions". The words from the change
/// to the noun, as (index, length).
fn changed_chance(words: &[Word]) -> Option<(usize, usize)> {
    (1..words.len()).find_map(|i| {
        if !CHANCE_NOUNS.contains(&words[i].lower.as_str()) {
            return None;
        }
        let change = (i.saturating_sub(3)..i).find(|&j| {
            matches!(
                words[j].lower.as_str(),
                "greater"
                    | "higher"
                    | "increased"
                    | "double"
                    | "twice"
                    | "lower"
                    | "reduced"
                    | "better"
                    | "growing"
                    | "rising"
            )
        })?;
        Some((change, i + 1 - change))
    })
}

/// A negation and "ruled out" or "rule out" within a few words of it: the words from the
/// one to the other, as (index, length).
fn not_ruled_out(words: &[Word]) -> Option<(usize, usize)> {
    (1..words.len()).find_map(|i| {
        let out = matches!(words[i].lower.as_str(), "ruled" | "rule" | "ruling")
            && words.get(i + 1).is_some_and(|w| w.lower == "out");
        if !out {
            return None;
        }
        let negation = (i.saturating_sub(4)..i).find(|&j| {
            let w = words[j].lower.as_str();
            matches!(w, "not" | "never" | "cannot" | "nobody" | "no") || w.ends_with("n't")
        })?;
        Some((negation, i + 2 - negation))
    })
}

/// "The gaps remain too wide to bridge by Monday", "a deal is too far off to be sealed by
/// the deadline": what cannot happen in time. The word "too", as (index, length).
fn too_far_to(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len()).find_map(|i| {
        let too = words[i].lower == "too"
            && !words.get(i + 1).is_some_and(|w| {
                matches!(
                    w.lower.as_str(),
                    "early" | "soon" | "late" | "much" | "many"
                )
            })
            && words[i + 1..].iter().take(3).any(|w| w.lower == "to")
            && words[i + 2..].iter().any(|w| {
                FUTURE_MARKS.contains(&w.lower.as_str())
                    || matches!(
                        w.lower.as_str(),
                        "deadline"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
            });
        too.then_some((i, 1))
    })
}

/// Verbs of a level's movement: after "should" with a number or a time ahead, an
/// expectation ("the dollar should climb to 110 yen by December"), where "should" alone
/// is more often a duty ("the bank should act").
const MOVES: &[&str] = &[
    "rise",
    "fall",
    "climb",
    "drop",
    "decline",
    "ease",
    "slow",
    "weaken",
    "strengthen",
    "recover",
    "rebound",
    "peak",
    "bottom",
    "stabilise",
    "stabilize",
    "reach",
    "hit",
    "top",
    "exceed",
    "average",
    "end",
    "finish",
    "stay",
    "remain",
    "grow",
    "shrink",
    "improve",
    "increase",
    "decrease",
    "fade",
    "subside",
    "pick",
    "break",
    "head",
    "move",
    "trade",
    "test",
    "boost",
    "lift",
    "push",
    "drive",
    "weigh",
    "continue",
    "benefit",
    "gain",
    "suffer",
    "lose",
    "profit",
    "help",
    "hurt",
];

/// "should" before a verb of movement with a number or a time ahead after it: the words
/// "should", as (index, length).
fn should_move(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        // "parity should be reached by year-end": a passive of the same.
        let passive = words.get(i + 1).is_some_and(|w| w.lower == "be")
            && words.get(i + 2).is_some_and(|w| is_participle(&w.lower));
        // "Summer temperatures should be above normal": a level said ahead, with a
        // time ahead anywhere in the sentence ("spending should be above 2%" alone is
        // a demand).
        let level = words.get(i + 1).is_some_and(|w| w.lower == "be")
            && words.get(i + 2).is_some_and(|w| {
                matches!(
                    w.lower.as_str(),
                    "above"
                        | "below"
                        | "around"
                        | "near"
                        | "close"
                        | "between"
                        | "higher"
                        | "lower"
                        | "warmer"
                        | "colder"
                        | "cooler"
                        | "wetter"
                        | "drier"
                        | "stronger"
                        | "weaker"
                        | "back"
                )
            })
            && words
                .iter()
                .any(|w| FUTURE_MARKS.contains(&w.lower.as_str()) && w.lower != "by");
        if words[i].lower == "should" && level {
            return Some((i, 1));
        }
        let moves = words[i].lower == "should"
            && (passive
                || words[i + 1..]
                    .iter()
                    .take(2)
                    .any(|w| MOVES.contains(&w.lower.as_str())))
            && words[i + 2..].iter().any(|w| {
                FUTURE_MARKS.contains(&w.lower.as_str())
                    || CHANGE_MARKS.contains(&w.lower.as_str())
                    || w.lower.chars().any(|c| c.is_ascii_digit())
            });
        moves.then_some((i, 1))
    })
}

/// Verbs of opinion: "I think the threat is real within the decade".
const OPINION_VERBS: &[&str] = &[
    "think", "thinks", "believe", "believes", "reckon", "reckons", "suspect", "suspects",
];

/// Words that put a claim in the time ahead on their own (not "end" or "higher", which
/// need a verb of expectation before them).
const TIME_AHEAD: &[&str] = &[
    "next",
    "coming",
    "soon",
    "ahead",
    "decade",
    "future",
    "within",
    "eventually",
    "sooner",
];

/// "I think the threat is manifest within this decade", "she believes a deal is near by
/// 2027": an opinion about a time ahead, with no hedge or future word (those are found
/// before this). The verb, as (index, length).
fn opinion_ahead(words: &[Word]) -> Option<(usize, usize)> {
    (1..words.len().saturating_sub(2)).find_map(|i| {
        let opinion = OPINION_VERBS.contains(&words[i].lower.as_str())
            && (matches!(
                words[i - 1].lower.as_str(),
                "i" | "we" | "he" | "she" | "they"
            ) || (words[i - 1].capitalized && i > 1));
        let ahead = words[i + 1..]
            .iter()
            .take(NEAR_WORDS)
            .enumerate()
            .any(|(k, w)| {
                TIME_AHEAD.contains(&w.lower.as_str())
                    // "by 2027": a year to come.
                    || (w.lower == "by"
                        && words
                            .get(i + 2 + k)
                            .is_some_and(|year| year.lower.len() == 4 && year.lower.starts_with("20")))
            });
        (opinion && ahead).then_some((i, 1))
    })
}

/// Nouns of a view of what is to come: "the outlook … is for", "the forecast is for".
const VIEW_NOUNS: &[&str] = &[
    "outlook",
    "forecast",
    "forecasts",
    "projection",
    "projections",
    "expectation",
    "expectations",
    "prediction",
    "predictions",
    "consensus",
    "view",
];

/// "The outlook for the summer is for warmer conditions", "the consensus is for two
/// cuts": a view said to be for what it expects. The words from the noun to that "for",
/// as (index, length).
fn view_is_for(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        if !VIEW_NOUNS.contains(&words[i].lower.as_str()) {
            return None;
        }
        // Within a short noun phrase: "the outlook for the summer is for".
        let reach = &words[i + 1..words.len().min(i + 8)];
        reach
            .windows(2)
            .position(|pair| {
                matches!(
                    pair[0].lower.as_str(),
                    "is" | "was" | "are" | "were" | "remains"
                ) && pair[1].lower == "for"
            })
            .map(|at| (i, at + 3))
    })
}

/// "Our models suggest a warmer than average spring", "early indications suggest a rise
/// next year": evidence said to suggest something at a time ahead. The verb, as (index,
/// length).
fn evidence_suggests(words: &[Word]) -> Option<(usize, usize)> {
    (1..words.len().saturating_sub(2)).find_map(|i| {
        let verb = matches!(
            words[i].lower.as_str(),
            "suggest" | "suggests" | "indicate" | "indicates" | "signal" | "signals"
        ) && !NOT_A_SUBJECT.contains(&words[i - 1].lower.as_str());
        let after = &words[i + 1..words.len().min(i + 10)];
        let ahead = after.iter().any(|w| {
            TIME_AHEAD.contains(&w.lower.as_str())
                || matches!(
                    w.lower.as_str(),
                    "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                        | "warmer"
                        | "colder"
                        | "wetter"
                        | "drier"
                        | "milder"
                )
        }) && !after
            .iter()
            .any(|w| matches!(w.lower.as_str(), "last" | "ago" | "was" | "were" | "had"));
        (verb && ahead).then_some((i, 1))
    })
}

/// "The data point to further gains", "all point to a rise next year": evidence said to
/// point to something ahead. The words "point to", as (index, length).
fn points_ahead(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        let point = matches!(
            words[i].lower.as_str(),
            "point" | "points" | "pointed" | "pointing"
        ) && matches!(words[i + 1].lower.as_str(), "to" | "towards" | "toward")
            && i > 0
            && !NOT_A_SUBJECT.contains(&words[i - 1].lower.as_str());
        let ahead = words[i + 2..].iter().take(6).any(|w| {
            FUTURE_MARKS.contains(&w.lower.as_str())
                || matches!(w.lower.as_str(), "further" | "another" | "continued")
        });
        (point && ahead).then_some((i, 2))
    })
}

/// Whether a sentence cannot be a forecast whatever its words: a question, a publisher's
/// note, or a page's boilerplate ("sign up", "all rights reserved").
fn never_forecasts(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    is_question(sentence)
        || lower.starts_with("note:")
        || lower.starts_with("editor's note")
        || lower.starts_with("editor’s note")
        || NOT_A_FORECAST.iter().any(|phrase| lower.contains(phrase))
}

/// The longest phrase of the table (`longest` words at most) that starts at `words[i]`: its
/// length in words, its probability and where the table has it from.
fn phrase_at(
    text: &str,
    words: &[Word],
    i: usize,
    longest: usize,
    table: &PhraseTable,
) -> Option<(usize, f64, PhraseOrigin)> {
    for n in (1..=longest.min(words.len() - i)).rev() {
        let phrase: Vec<&str> = words[i..i + n].iter().map(|w| w.lower.as_str()).collect();
        // Only words next to each other: "likely -- or" is not a phrase.
        let contiguous = words[i..i + n].windows(2).all(|pair| {
            text[pair[0].range.end..pair[1].range.start]
                .chars()
                .all(char::is_whitespace)
        });
        if !contiguous {
            continue;
        }
        let verbatim = phrase.join(" ");
        let expanded = phrase
            .iter()
            .map(|w| expand(w))
            .collect::<Vec<_>>()
            .join(" ");
        // The expanded form only when it differs: most words expand to themselves,
        // and a lookup per word and length is most of the time a long text takes.
        let entry = table
            .lookup(&verbatim)
            .or_else(|| (expanded != verbatim).then(|| table.lookup(&expanded))?);
        if let Some(entry) = entry {
            return Some((n, entry.phrase.probability, entry.origin));
        }
    }
    None
}

/// The hedge that `words` (next to each other in `text`) make.
fn hedge(text: &str, words: &[Word], probability: Option<f64>, flat: bool) -> Hedge {
    let range = words[0].range.start..words[words.len() - 1].range.end;
    Hedge {
        expression: text[range.clone()].to_string(),
        range,
        probability,
        flat,
        stated: false,
    }
}

/// "is going to", "are going to", "'m going to": the words of "going to" after a form of
/// "be" (an adverb may come between: "is never going to").
fn going_to(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(1)).find_map(|i| {
        (words[i].lower == "going" && words[i + 1].lower == "to").then_some(())?;
        let be = |w: &Word| {
            matches!(
                w.lower.as_str(),
                "is" | "are"
                    | "am"
                    | "'s"
                    | "it's"
                    | "he's"
                    | "she's"
                    | "they're"
                    | "we're"
                    | "i'm"
            )
        };
        let start = (i.saturating_sub(2)..i).find(|&j| be(&words[j]))?;
        Some((start, i + 2 - start))
    })
}

/// Whether the words at `i..i + n` hedge a claim about the future here.
fn qualifies(words: &[Word], i: usize, n: usize, origin: PhraseOrigin, has_modal: bool) -> bool {
    let first = words[i].lower.as_str();
    let next = words.get(i + n).map(|w| w.lower.as_str());
    let after = words.get(i + n + 1).map(|w| w.lower.as_str());
    let before = |k: usize| (i >= k).then(|| words[i - k].lower.as_str());
    // "looked increasingly remote", "is certain to": a weak word said of the claim.
    let said_of_the_claim = matches!(first, "remote" | "probable" | "certain")
        && (1..=2).any(|k| {
            before(k).is_some_and(|w| {
                BE_OR_REMAIN.contains(&w)
                    || matches!(
                        w,
                        "was"
                            | "were"
                            | "looked"
                            | "seemed"
                            | "appeared"
                            | "became"
                            | "increasingly"
                    )
            })
        })
        && (first != "certain" || matches!(next, Some("to" | "that")));
    if n == 1
        && origin == PhraseOrigin::BuiltIn
        && WEAK.contains(&first)
        && !has_modal
        && !said_of_the_claim
    {
        return false;
    }
    // "Maybe" opening a sentence hedges it ("Maybe hold off on the celebrations"); inside
    // one, without a modal, it hedges a detail of what happened ("bought maybe earlier").
    if first == "maybe" && i > 0 && !has_modal {
        return false;
    }
    // "May" mid-sentence is the month.
    if first == "may" && words[i].capitalized && i > 0 {
        return false;
    }
    // "the will of the people".
    if first == "will"
        && before(1).is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "his" | "her" | "their" | "its" | "political" | "of" | "free"
            )
        })
    {
        return false;
    }
    let unfolded = expand(first);
    let modal =
        MODALS.contains(&first) || MODALS.contains(&unfolded) || matches!(first, "must" | "should");
    // "I'd seen", "they'd decided": the contraction is "had".
    if first.ends_with("'d") && next.is_some_and(is_participle) {
        return false;
    }
    if modal && n == 1 {
        // A past modal: "may have decided", "could have been".
        if next == Some("have") && after.is_some_and(is_participle) {
            return false;
        }
        // A wish: "would like", "would rather".
        let wish = |w: &str| matches!(w, "like" | "love" | "prefer" | "rather" | "hate");
        if matches!(unfolded, "would" | "would not")
            && (next.is_some_and(wish) || (next == Some("not") && after.is_some_and(wish)))
        {
            return false;
        }
    }
    // A refusal to forecast: "I won't venture to guess".
    let negated = first.ends_with("n't") || first == "cannot" || next == Some("not");
    if modal
        && negated
        && words[i + n..words.len().min(i + n + 4)].iter().any(|w| {
            matches!(
                w.lower.as_str(),
                "guess" | "predict" | "speculate" | "forecast" | "say"
            )
        })
    {
        return false;
    }
    // A hope or a demand, not an expectation: "expressed hopes that a government will
    // emerge", "urged the bank to", "demands that the army will leave".
    // The wish must govern the clause: a "that", "to" or "for" between it and the words.
    // The wish reaches over its clause ("hope to hammer out an understanding that would
    // serve as…"), not past a word that opens another ("but", "while", "said").
    let clause_start = (i.saturating_sub(WISH_REACH)..i)
        .rev()
        .find(|&j| CLAUSE_OPENERS.contains(&words[j].lower.as_str()))
        .map_or(i.saturating_sub(WISH_REACH), |j| j + 1);
    if let Some(wish) = (clause_start..i)
        .rev()
        .find(|&j| WISH_WORDS.contains(&words[j].lower.as_str()))
        && words[wish + 1..i]
            .iter()
            .any(|w| matches!(w.lower.as_str(), "that" | "to" | "for"))
    {
        return false;
    }
    // "were hoping that after three years of false starts a deal might be sketched out":
    // a wish with "that" reaches to the end of its sentence, unless a clause opens.
    let far = i.saturating_sub(WISH_THAT_REACH);
    if let Some(wish) = (far..i).rev().find(|&j| {
        WISH_WORDS.contains(&words[j].lower.as_str())
            && words.get(j + 1).is_some_and(|w| w.lower == "that")
    }) && !words[wish + 1..i]
        .iter()
        .any(|w| CLAUSE_OPENERS.contains(&w.lower.as_str()))
    {
        return false;
    }
    // "That would be the smallest gain since 2011", "This would dash prospects of a
    // deal": what the claim before would mean, not a claim of its own.
    if matches!(unfolded, "would" | "would not")
        && let Some(this) =
            (i.saturating_sub(4)..i).find(|&j| matches!(words[j].lower.as_str(), "that" | "this"))
        && (this == 0 || opens_after_comma(words, this))
    {
        return false;
    }
    // "cannot deny the signals", "can't ignore": what the speaker admits now.
    if matches!(unfolded, "can" | "cannot")
        && words[i + n..].iter().take(2).any(|w| {
            matches!(
                w.lower.as_str(),
                "deny" | "ignore" | "help" | "overstate" | "stress" | "emphasise" | "emphasize"
            )
        })
    {
        return false;
    }
    // The writer's own earlier call, told as such: "Back in September, we suggested the
    // yen would…", "I said last year that rates would…" (their call now comes after).
    if let Some(said) = (i.saturating_sub(WISH_REACH)..i)
        .rev()
        .find(|&j| PAST_CALLS.contains(&words[j].lower.as_str()))
        && (said.saturating_sub(2)..said).any(|j| matches!(words[j].lower.as_str(), "we" | "i"))
        && !words[said + 1..i]
            .iter()
            .any(|w| CLAUSE_OPENERS.contains(&w.lower.as_str()))
    {
        return false;
    }
    // An earlier forecast named as such: "down from the bank's earlier prediction that the
    // euro would trade at $1.07".
    if (i.saturating_sub(8)..i).any(|j| {
        matches!(
            words[j].lower.as_str(),
            "earlier" | "previous" | "prior" | "original" | "old"
        ) && words.get(j + 1).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "prediction"
                    | "predictions"
                    | "forecast"
                    | "forecasts"
                    | "estimate"
                    | "call"
                    | "view"
            )
        })
    }) {
        return false;
    }
    // A worry: "stoked concerns the U.S. may face", "fears that prices will rise".
    let clause_start = (i.saturating_sub(WISH_REACH)..i)
        .rev()
        .find(|&j| CLAUSE_OPENERS.contains(&words[j].lower.as_str()))
        .map_or(i.saturating_sub(WISH_REACH), |j| j + 1);
    if (clause_start.max(i.saturating_sub(8))..i)
        .any(|j| CONCERN_WORDS.contains(&words[j].lower.as_str()))
    {
        return false;
    }
    // "I will buy a new door": the speaker's own intention, not a forecast.
    if unfolded == "will" && n == 1 && (before(1) == Some("i") || first == "i'll") {
        return false;
    }
    // "we'll keep going at it", "we will continue to press": a group's own intention.
    if matches!(unfolded, "will" | "would")
        && n == 1
        && (before(1) == Some("we") || first == "we'll")
        && next.is_some_and(|w| INTENTIONS.contains(&w))
    {
        return false;
    }
    // "we will hope to get there", "I would hope": a modal of a wish is a wish.
    if modal
        && n == 1
        && words[i + 1..]
            .iter()
            .take(2)
            .any(|w| matches!(w.lower.as_str(), "hope" | "wish" | "want" | "like"))
    {
        return false;
    }
    // A plan or a stay: "will remain until Wednesday", "talks will continue into
    // Wednesday", "will hit the deadline at 6 p.m.".
    if unfolded == "will" || unfolded == "would" {
        let until_a_day = words[i + n..].windows(2).take(8).any(|pair| {
            matches!(pair[0].lower.as_str(), "until" | "into" | "through")
                && (is_weekday(&pair[1].lower)
                    || matches!(pair[1].lower.as_str(), "today" | "tonight" | "tomorrow"))
        }) || words[i + n..].windows(2).take(8).any(|pair| {
            pair[0].lower.chars().all(|c| c.is_ascii_digit())
                && matches!(pair[1].lower.as_str(), "p.m" | "a.m" | "pm" | "am" | "gmt")
        });
        if n == 1 && until_a_day {
            return false;
        }
    }
    // "proposals that would break the deadlock", "an accord which would provide an
    // outline": a relative clause says what a thing would do, if it came.
    if matches!(unfolded, "would")
        && n == 1
        && i >= 2
        && matches!(before(1), Some("that" | "which"))
        && before(2).is_some_and(|w| {
            !REPORTING.contains(&w)
                && !matches!(
                    w,
                    "so" | "now" | "and" | "but" | "is" | "was" | "are" | "were"
                )
                && !w.ends_with("ly")
        })
        && words[i - 2].range.end + 1 == words[i - 1].range.start
    {
        return false;
    }
    // A schedule: "will report its earnings today". (An act planned for a weekday is not
    // one: "expected to announce easing on Tuesday" forecasts what will be announced.)
    let any_word = |list: &[&str]| words.iter().any(|w| list.contains(&w.lower.as_str()));
    if unfolded == "will" && n == 1 && any_word(SCHEDULE_WORDS) {
        return false;
    }
    // An open question: "questions remain over whether a truce, announced on Friday,
    // will hold" ("whether or not" is a condition, not a question).
    if let Some(whether) = words[..i].iter().rposition(|w| w.lower == "whether")
        && words.get(whether + 1).is_none_or(|w| w.lower != "or")
        && !(whether > 0
            && matches!(
                words[whether - 1].lower.as_str(),
                "doubt" | "doubts" | "doubted" | "doubtful"
            ))
        && !words[whether..i].iter().any(|w| w.lower == "but")
    {
        return false;
    }
    // An indirect question: "wonder if Russia will", "guess what they will think".
    if let Some(wh) = (i.saturating_sub(6)..i)
        .rev()
        .find(|&j| WH.contains(&words[j].lower.as_str()))
        && (wh.saturating_sub(3)..wh).any(|j| {
            QUESTION_VERBS.contains(&words[j].lower.as_str())
                // "brief them about how quickly troops could move" (but "a message about
                // what leaders can expect" says what they will meet).
                || (matches!(words[j].lower.as_str(), "about" | "on" | "over")
                    && matches!(
                        words[wh].lower.as_str(),
                        "how" | "whether" | "when" | "where"
                    ))
        })
    {
        return false;
    }
    // A question asked earlier in the sentence governs the clauses joined to it:
    // "economists were asked what the rate would be and where it would be in a year".
    let near = i.saturating_sub(NEAR_WORDS);
    if let Some(asked) = words[near..i]
        .iter()
        .position(|w| {
            matches!(
                w.lower.as_str(),
                "asked" | "asking" | "wondered" | "wondering"
            )
        })
        .map(|at| near + at)
        && words
            .get(asked + 1)
            .is_some_and(|w| WH.contains(&w.lower.as_str()))
        && !words[asked + 1..i]
            .iter()
            .any(|w| CLAUSE_OPENERS.contains(&w.lower.as_str()))
    {
        return false;
    }
    if !expectation_qualifies(words, i, n) {
        return false;
    }
    // "to the extent possible", "as soon as possible", "where possible", "the best
    // possible outcome": a measure of effort, not a chance.
    if matches!(first, "possible" | "impossible")
        && before(1).is_some_and(|w| {
            matches!(
                w,
                "extent"
                    | "where"
                    | "wherever"
                    | "when"
                    | "whenever"
                    | "if"
                    | "everything"
                    | "all"
                    | "anything"
            ) || (w == "as" && before(3) == Some("as"))
                || (w.ends_with("est") && w.len() > 4)
        })
    {
        return false;
    }
    if n == 1 && ADJECTIVES.contains(&first) && origin == PhraseOrigin::BuiltIn {
        // "a likely improvement in earnings next year": the chance of a thing to come,
        // said of the noun, with a mark of the future after it ("the most likely
        // explanation" is no forecast).
        let of_a_thing_ahead = matches!(first, "likely" | "unlikely" | "probable" | "possible")
            && before(1)
                .is_some_and(|w| matches!(w, "a" | "an" | "the" | "its" | "their" | "his" | "her"))
            && words[i + 1..].iter().any(|w| {
                FUTURE_MARKS.contains(&w.lower.as_str())
                    || w.lower.chars().any(|c| c.is_ascii_digit())
            });
        // "said a correction was unlikely over the next three months": after a verb of
        // being the adjective is said of the claim, before a preposition or conjunction
        // the short list above lacks ("was likely appropriate" hedges an adjective).
        let predicative = next.is_some_and(|w| {
            matches!(
                w,
                "over"
                    | "around"
                    | "across"
                    | "along"
                    | "near"
                    | "throughout"
                    | "among"
                    | "here"
                    | "there"
                    | "elsewhere"
                    | "everywhere"
                    | "during"
                    | "until"
                    | "through"
                    | "under"
                    | "amid"
                    | "unless"
                    | "because"
                    | "given"
                    | "while"
                    | "though"
                    | "although"
                    | "since"
                    | "with"
                    | "without"
                    | "beyond"
                    | "anytime"
                    | "any"
                    | "following"
                    | "ahead"
                    | "so"
                    | "either"
                    | "too"
                    | "even"
                    | "barring"
                    | "despite"
            )
        }) && [1, 2].iter().any(|&k| {
            before(k).is_some_and(|w| {
                BE_OR_REMAIN.contains(&w)
                    || matches!(
                        w,
                        "was"
                            | "were"
                            | "seemed"
                            | "looked"
                            | "appeared"
                            | "remained"
                            | "became"
                            | "becomes"
                            | "been"
                    )
            }) && (k == 1
                || before(1).is_some_and(|w| {
                    w.ends_with("ly")
                        || matches!(
                            w,
                            "very" | "most" | "more" | "still" | "now" | "not" | "less" | "also"
                        )
                }))
        });
        // "will likely end the year near 5,000": an adverb of the modal's verb.
        let beside_a_modal = matches!(first, "likely" | "unlikely" | "possibly")
            && (before(1).is_some_and(|w| MODALS.contains(&expand(w)))
                || next.is_some_and(|w| MODALS.contains(&expand(w))));
        // "operating profit likely rose to 8.4 trillion won": an estimate of a figure
        // not yet reported, the adverb before its verb in the past tense.
        let before_a_past_verb = first == "likely"
            && before(1).is_none_or(|w| !matches!(w, "a" | "an" | "the" | "most" | "more"))
            && next.is_some_and(|w| {
                (w.ends_with("ed") && w.len() > 4)
                    || matches!(
                        w,
                        "rose" | "fell" | "grew" | "shrank" | "slid" | "sank" | "held" | "hit"
                    )
            });
        return next.is_none_or(|w| AFTER_ADJECTIVE.contains(&w))
            || predicative
            || beside_a_modal
            || before_a_past_verb
            || of_a_thing_ahead
            || words
                .get(i + 1)
                .is_some_and(|w| w.range.start > words[i].range.end + 1);
    }
    true
}

/// Verbs in the past that report a call: after "we" or "I", the writer's earlier view.
const PAST_CALLS: &[&str] = &[
    "said",
    "suggested",
    "predicted",
    "expected",
    "forecast",
    "thought",
    "argued",
    "wrote",
    "saw",
    "believed",
    "revised",
    "warned",
];

/// How many words before a hedge a wish may govern it from.
const WISH_REACH: usize = 12;

/// Verbs of a group's own intention after "we will": "we'll keep going at it".
const INTENTIONS: &[&str] = &[
    "keep", "continue", "try", "work", "do", "take", "push", "press", "fight", "stay", "seek",
    "walk", "make", "go", "remain", "stand",
];

/// How far a wish followed by "that" reaches ("hoping that …").
const WISH_THAT_REACH: usize = 30;

/// Words that open a new clause, past which a wish does not reach.
const CLAUSE_OPENERS: &[&str] = &[
    "but", "while", "although", "though", "said", "says", "because", "however",
];

/// Whether `words[at]` opens a clause after a comma the words before it end with ("Even
/// then, that would…"): the sentence's subject, after an opening phrase.
fn opens_after_comma(words: &[Word], at: usize) -> bool {
    at <= 3 && at > 0 && words[at].range.start > words[at - 1].range.end + 1
}

/// Whether a verb that reports speech comes before `words[i]` in its sentence ("said
/// they expected…").
fn reported_before(words: &[Word], i: usize) -> bool {
    words[i.saturating_sub(NEAR_WORDS)..i]
        .iter()
        .any(|w| REPORTING.contains(&w.lower.as_str()) && w.lower != "according")
}

/// Whether `word` (lower case) is a past participle: "decided", "seen", but not "need" or
/// "exceed", whose "-ed" is no ending.
fn is_participle(word: &str) -> bool {
    (word.ends_with("ed") && !word.ends_with("eed")) || PARTICIPLES.contains(&word)
}

/// Whether the words at `i..i + n`, if they state an expectation rather than hedge, state
/// one here (true for other words).
fn expectation_qualifies(words: &[Word], i: usize, n: usize) -> bool {
    let phrase: Vec<&str> = words[i..i + n].iter().map(|w| w.lower.as_str()).collect();
    let before = |k: usize| (i >= k).then(|| words[i - k].lower.as_str());
    let next = words.get(i + n).map(|w| w.lower.as_str());
    let be_before = || (1..=2).any(|k| before(k).is_some_and(|w| BE_OR_REMAIN.contains(&w)));
    let after = words.get(i + n + 1).map(|w| w.lower.as_str());
    // "claimed that the country was set for…": reported speech puts "is" in the past.
    let reported_past = || {
        (1..=2).any(|k| before(k).is_some_and(|w| matches!(w, "was" | "were")))
            && words[i.saturating_sub(NEAR_WORDS)..i]
                .iter()
                .any(|w| REPORTING.contains(&w.lower.as_str()) && w.lower != "according")
    };
    let future_after = || {
        words[i + n..].iter().any(|w| {
            FUTURE_MARKS.contains(&w.lower.as_str()) || w.lower.chars().any(|c| c.is_ascii_digit())
        })
    };
    // A change named by a comparative or a direction is ahead too: "predicting even looser
    // policy", "we see significant downside to the euro".
    let change_after = || {
        words[i + n..]
            .iter()
            .take(6)
            .any(|w| CHANGE_MARKS.contains(&w.lower.as_str()))
    };
    match phrase.as_slice() {
        // "higher than expected", "as expected", "was expected to win" (but lost): the
        // past's expectation, not the speaker's.
        ["is" | "are", "seen"] => next != Some("as") && future_after(),
        // "was expected to win" (but lost) is the past's expectation; after "said" it is
        // reported speech in the past tense: "officials said the talks were expected to be
        // extended".
        ["not", "expected"] => {
            !(1..=2).any(|k| before(k).is_some_and(|w| matches!(w, "was" | "were" | "had")))
                || reported_before(words, i)
        }
        [
            "expected" | "projected" | "forecast" | "predicted" | "estimated",
            "to",
        ] => {
            !(1..=2).any(|k| before(k).is_some_and(|w| matches!(w, "than" | "as" | "had")))
                && (!(1..=2).any(|k| before(k).is_some_and(|w| matches!(w, "was" | "were")))
                    || reported_before(words, i))
        }
        ["the", "favorite" | "favourite"] => be_before(),
        // "Liverpool emerge as the clear favourites", "remains the favourite".
        ["favorite" | "favourite" | "favorites" | "favourites"] => {
            before(1).is_none_or(|w| !POSSESSIVES.contains(&w))
                && (1..=4).any(|k| {
                    before(k).is_some_and(|w| {
                        BE_OR_REMAIN.contains(&w) || matches!(w, "as" | "emerge" | "emerges")
                    })
                })
        }
        // "the chances of a deal are very small", "the likelihood … is 'very small'": a
        // size of chance only after a word for one, and not before a noun ("a low
        // turnout").
        ["small" | "slim" | "low" | "high" | "good" | "bright" | "dim" | "poor" | "promising"]
        | ["very", "small" | "slim" | "low" | "high" | "good"] => {
            // "a very low probability of heavy rain": the size before its noun too.
            let before_its_noun = next.is_some_and(|w| CHANCE_NOUNS.contains(&w));
            before_its_noun
                || words[i.saturating_sub(NEAR_WORDS)..i]
                    .iter()
                    .any(|w| CHANCE_NOUNS.contains(&w.lower.as_str()))
                    && (next.is_none_or(|w| {
                    matches!(
                        w,
                        "a" | "the" | "said" | "says" | "and" | "but" | "in" | "for"
                    )
                })
                    // "the probability of a deal is low, he said": a comma ends it.
                    || words
                        .get(i + n)
                        .is_some_and(|w| w.range.start > words[i + n - 1].range.end + 1))
        }
        // "No improvement is expected in the first half": an expectation with no "to"
        // after it, placed ahead ("as is expected" is no one's).
        ["is" | "are", "expected" | "anticipated"] => {
            let to_later = words[i + n..]
                .iter()
                .skip(1)
                .take(6)
                .any(|w| w.lower == "to");
            !matches!(next, Some("to" | "as"))
                && before(1).is_none_or(|w| !matches!(w, "as" | "than"))
                && (future_after() || to_later)
        }
        // "a widely expected poor showing": the data's expectation, as an adjective.
        ["widely", "expected" | "anticipated"] => {
            before(1).is_none_or(|w| !matches!(w, "a" | "an" | "the"))
        }
        ["set" | "poised", "to"] | ["on", "track" | "course" | "pace", "to"] => {
            // A law or a meeting "set to take effect in January", "set to meet on
            // Friday": a schedule, not a forecast.
            let scheduled = matches!(
                next,
                Some("expire" | "meet" | "visit" | "convene" | "host" | "sign")
            ) || (next == Some("take")
                && matches!(after, Some("effect" | "place" | "office")));
            (be_before() || reported_past())
                && next.is_some_and(|w| !w.chars().any(|c| c.is_ascii_digit()))
                && !scheduled
        }
        // "Chances are the plant reopens": a likelihood said of the clause after it, not
        // a size ("chances are slim" is the table's own row, longer).
        // "the odds were tilted towards a warm season" (not "a roof tilted towards the
        // sun").
        ["tilted", "towards" | "toward"] => words[i.saturating_sub(5)..i].iter().any(|w| {
            matches!(
                w.lower.as_str(),
                "odds" | "chances" | "probabilities" | "balance" | "risks"
            )
        }),
        // "I don't see the bank cutting before autumn", "I can't see a deal happening
        // this year" (not "I don't see why", "cannot see the shore").
        ["do" | "does" | "don't" | "doesn't", "not", "see"]
        | ["don't" | "doesn't" | "cannot" | "can't", "see"] => {
            next.is_none_or(|w| !WH.contains(&w))
                && (future_after()
                    || words[i + n..]
                        .iter()
                        .take(5)
                        .any(|w| w.lower.ends_with("ing") && w.lower.len() > 5))
        }
        // "the worst is yet to come", "investors are in for a rough ride".
        ["yet", "to", "come"] | ["in", "for", "a"] => be_before(),
        // "the strike threatens to halt exports" (a person's threat is an intention:
        // "Marsh threatens to quit").
        ["threatens", "to"] => {
            i > 0
                && !words[i - 1].capitalized
                && !matches!(before(1), Some("he" | "she" | "they" | "who"))
        }
        // "It looks like a warm autumn" (not "it looks like a bank").
        ["looks" | "look", "like"] => words[i + n..words.len().min(i + n + 8)].iter().any(|w| {
            TIME_AHEAD.contains(&w.lower.as_str())
                || matches!(w.lower.as_str(), "spring" | "summer" | "autumn" | "winter")
        }),
        // "the most likely outcome is a cut" names it; "weigh in on the most likely
        // scenarios" and "the most likely explanation" (of what is) do not.
        ["most", "likely"]
            if before(1).is_some_and(|w| matches!(w, "the" | "a" | "its" | "their")) =>
        {
            next.is_some_and(|w| {
                matches!(
                    w,
                    "outcome" | "scenario" | "result" | "path" | "course" | "winner" | "date"
                )
            }) && matches!(after, Some("is" | "was" | "remains" | "would"))
        }
        ["chances" | "odds", "are"] => {
            next.is_some_and(|w| !words[i + n].capitalized || w == "that")
                && !matches!(
                    next,
                    Some(
                        "small"
                            | "slim"
                            | "low"
                            | "high"
                            | "good"
                            | "poor"
                            | "remote"
                            | "very"
                            | "slight"
                            | "dim"
                            | "bright"
                            | "nil"
                            | "zero"
                            | "even"
                            | "against"
                    )
                )
        }
        // "The government risks losing the vote": a chance of what it names, as a verb
        // before a gerund (not "the risks facing the economy", a noun).
        ["risks" | "risk"] => {
            before(1).is_some_and(|w| !NOT_A_SUBJECT.contains(&w) && !w.ends_with("side"))
                && next.is_some_and(|w| {
                    w.ends_with("ing")
                        && !matches!(
                            w,
                            "facing"
                                | "including"
                                | "posing"
                                | "surrounding"
                                | "stemming"
                                | "arising"
                                | "remaining"
                                | "ahead"
                                | "being"
                                | "weighing"
                        )
                })
        }
        // "the yen is headed for its biggest loss since 1979" (not "heading for Brussels",
        // a journey); "heading into a recession" (not "heading into the weekend").
        ["headed" | "heading", "into"] => {
            be_before()
                && next.is_some_and(|w| {
                    (!NOT_A_SUBJECT.contains(&w) || matches!(w, "a" | "an"))
                        && !FUTURE_MARKS.contains(&w)
                        && !words[i + n].capitalized
                        && !is_weekday(w)
                })
        }
        ["headed" | "heading", "for" | "toward" | "towards"]
        | ["on", "course" | "track", "for"]
        | ["poised", "for"]
        | ["on", "its", "way", "to"] => {
            (be_before() || reported_past())
                && words
                    .get(i + n)
                    .is_some_and(|w| !w.capitalized && !is_weekday(&w.lower))
        }
        // "the country is set for its coldest winter in decades" (not "set for Tuesday").
        ["set", "for"] => {
            (be_before() || reported_past())
                && next.is_some_and(|w| {
                    !w.chars().any(|c| c.is_ascii_digit())
                        && !is_weekday(w)
                        && !FUTURE_MARKS.contains(&w)
                })
        }
        [verb, ..] if EXPECTATION_VERBS.contains(verb) => {
            // "progressing as they expect", "more than markets expect": what is expected
            // now, as a measure.
            if before(2).is_some_and(|w| matches!(w, "as" | "than")) {
                return false;
            }
            // "This has been anticipated for months": a participle, not someone's verb.
            if matches!(*verb, "expected" | "predicted" | "anticipated")
                && before(1).is_some_and(|w| {
                    matches!(
                        w,
                        "is" | "are"
                            | "was"
                            | "were"
                            | "be"
                            | "been"
                            | "being"
                            | "has"
                            | "have"
                            | "had"
                    )
                })
            {
                return false;
            }
            // "we continue to see": the infinitive of a verb that goes on is the subject's.
            let continued = before(1) == Some("to")
                && before(2).is_some_and(|w| matches!(w, "continue" | "continues"));
            // "Expect more volatility in the weeks ahead": the imperative opening a
            // sentence is the writer's (or the quoted speaker's) own expectation.
            let imperative = i == 0 && matches!(*verb, "expect" | "look");
            let subject =
                continued || imperative || before(1).is_some_and(|w| !NOT_A_SUBJECT.contains(&w));
            // "forecast" and "project" are nouns too ("a gloomy forecast"): a verb only
            // after a plural or a pronoun ("economists forecast", "we project").
            // "forecasts" after a name or an adverb ("Northbank now forecasts"), not after
            // an adjective ("gloomy forecasts").
            let noun_too = matches!(*verb, "forecast" | "project" | "forecasts" | "projects");
            let plural_subject = if matches!(*verb, "forecasts" | "projects") {
                i > 0
                    && (words[i - 1].capitalized
                        || matches!(
                            before(1),
                            Some("now" | "also" | "still" | "he" | "she" | "it")
                        )
                        // "the agency projects a deficit of 3%": a verb before its
                        // object, not a noun before "of" or a verb.
                        || (before(1).is_some_and(|w| !w.ends_with('s'))
                            && before(2).is_some_and(|w| matches!(w, "the" | "its" | "their"))
                            && next.is_some_and(|w| {
                                matches!(w, "a" | "an" | "that" | "growth" | "inflation")
                                    || w.starts_with(|c: char| c.is_ascii_digit())
                            })))
            } else {
                // A plural, a pronoun, a group named by a collective noun ("our FX team
                // forecast") or counted ("eight respondents out of 47 forecast"), maybe
                // with an adverb between ("we currently forecast").
                let adverb = before(1).is_some_and(|w| {
                    w.ends_with("ly") || matches!(w, "now" | "also" | "still" | "again")
                });
                before(if adverb { 2 } else { 1 }).is_some_and(|w| {
                    w.ends_with('s')
                        || matches!(w, "we" | "they" | "i" | "you")
                        || COLLECTIVES.contains(&w)
                        || w.chars().all(|c| c.is_ascii_digit())
                })
            };
            // "see how", "see whether": a question, not an expectation; "see the plan as
            // a betrayal": a view of what is.
            // ("doubted whether a deal could be reached" is a doubt, not a question.)
            let doubt_whether = matches!(*verb, "doubt" | "doubts" | "doubted")
                && matches!(next, Some("whether" | "if"));
            let question = (next.is_some_and(|w| WH.contains(&w)) && !doubt_whether)
                || (matches!(*verb, "see" | "sees")
                    && words[i + n..].iter().take(5).any(|w| w.lower == "as"));
            // "look" only as "look for".
            let look = !matches!(*verb, "look" | "looks") || n == 2;
            // "expected" as a verb in the past is someone's expectation only in reported
            // speech ("officials said they expected the talks to be extended"), not a past
            // one ("analysts had expected a cut").
            // So is a poll's, told in the past of the poll ("strategists in the latest poll
            // expected the index to rise in 2023").
            let poll = words[i.saturating_sub(6)..i].iter().any(|w| {
                matches!(
                    w.lower.as_str(),
                    "poll" | "polled" | "survey" | "surveyed" | "respondents"
                )
            });
            if *verb == "expected"
                && !(reported_before(words, i)
                    && matches!(before(1), Some("they" | "he" | "she" | "we" | "i" | "it")))
                && !(poll && future_after())
            {
                return false;
            }
            // A doubt about the past ("he doubted the story") forecasts nothing: a modal or
            // a mark of the future must follow ("she doubted it would recover").
            let doubt = matches!(*verb, "doubt" | "doubts" | "doubted");
            let ahead = || {
                words[i + n..]
                    .iter()
                    .any(|w| MODALS.contains(&expand(&w.lower)))
            };
            subject
                && (!doubt || ahead() || future_after())
                && (!noun_too || plural_subject)
                && !question
                && look
                && (!EXPECTATION_NEEDS_FUTURE.contains(verb) || future_after() || change_after())
                && !past_call(words, i)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedge(sentence: &str) -> Option<String> {
        forecast_hedge(sentence, 0..sentence.len(), &PhraseTable::built_in()).map(|h| h.expression)
    }

    #[test]
    fn the_longest_phrase_of_the_table_wins() {
        assert_eq!(
            hedge("The crisis makes war even less likely in 2022.").as_deref(),
            Some("even less likely")
        );
        assert_eq!(
            hedge("It is far from certain that the talks will succeed.").as_deref(),
            Some("far from certain")
        );
    }

    #[test]
    fn negated_and_comparative_hedges_are_kept_verbatim() {
        assert_eq!(
            hedge("Moscow will not agree to the plan.").as_deref(),
            Some("will not")
        );
        assert_eq!(
            hedge("A deal is not likely before spring.").as_deref(),
            Some("not likely")
        );
        assert_eq!(
            hedge("The strike makes a truce less likely than before.").as_deref(),
            Some("less likely")
        );
        assert_eq!(
            hedge("The minister won't resign this year.").as_deref(),
            Some("won't")
        );
    }

    #[test]
    fn contractions_are_their_full_words() {
        let table = PhraseTable::built_in();
        let text = "“They'll be out of office by Christmas,” she said.";
        let found = forecast_hedge(text, 0..text.len(), &table).unwrap();
        assert_eq!(
            (found.expression.as_str(), found.probability, found.flat),
            ("They'll", Some(0.9), true)
        );
        assert_eq!(
            hedge("“I’d be surprised if turnout tops 70 percent,” she said.").as_deref(),
            Some("I’d be surprised")
        );
        assert_eq!(
            hedge("“There's no way the cabinet survives the vote,” he said.").as_deref(),
            Some("There's no way")
        );
        // "I'd seen" is "I had seen"; "they'd need" is "they would need".
        assert_eq!(
            hedge("I'd seen the figures before the meeting began."),
            None
        );
        assert_eq!(
            hedge("“They'd need a miracle to win the seat,” she said.").as_deref(),
            Some("They'd")
        );
    }

    #[test]
    fn flat_future_wording_is_a_flat_assertion() {
        let table = PhraseTable::built_in();
        let text = "The ruling party is going to lose the election.";
        let found = forecast_hedge(text, 0..text.len(), &table).unwrap();
        assert_eq!(found.expression, "is going to");
        assert!(found.flat);
        assert_eq!(
            hedge("The talks will go ahead as planned.").as_deref(),
            Some("will")
        );
    }

    #[test]
    fn questions_past_modals_and_wishes_are_not_forecasts() {
        assert_eq!(hedge("Will the talks go ahead as planned?"), None);
        assert_eq!(
            hedge("The mayor expressed hopes that a new council will quickly emerge."),
            None
        );
        assert_eq!(
            hedge("Unions urged the ministry to say it will raise wages."),
            None
        );
        assert_eq!(hedge("The president may have decided to act early."), None);
        assert_eq!(
            hedge("He would like to restore his influence abroad."),
            None
        );
        assert_eq!(
            hedge("Officials have to wonder if the city will be next."),
            None
        );
        assert_eq!(
            hedge("“I won’t venture to guess what voters will think,” she said."),
            None
        );
    }

    #[test]
    fn stated_expectations_are_phrases_of_their_own() {
        assert_eq!(
            hedge("Most economists expect the bank to cut rates in June.").as_deref(),
            Some("expect")
        );
        assert_eq!(
            hedge("The council is widely expected to approve the budget next week.").as_deref(),
            Some("widely expected")
        );
        assert_eq!(
            hedge("Traders see two more cuts before the end of the year.").as_deref(),
            Some("see")
        );
        assert_eq!(
            hedge("We now look for three quarter-point cuts in 2027.").as_deref(),
            Some("look for")
        );
        assert_eq!(
            hedge("Economists forecast growth of 2% next year.").as_deref(),
            Some("forecast")
        );
        assert_eq!(
            hedge("Inflation is seen peaking at 4% in the spring.").as_deref(),
            Some("is seen")
        );
        assert_eq!(
            hedge("The index is projected to end the year at 4,500.").as_deref(),
            Some("projected to")
        );
        assert_eq!(
            hedge("The firm is on pace to sell 200,000 units.").as_deref(),
            Some("on pace to")
        );
        assert_eq!(
            hedge("Northbank now forecasts the yen at 160 per dollar in 12 months.").as_deref(),
            Some("forecasts")
        );
        assert_eq!(
            hedge("A full deal is not expected by Monday's deadline, officials said.").as_deref(),
            Some("not expected")
        );
        assert_eq!(
            hedge("She doubted the yen would recover before the spring.").as_deref(),
            Some("doubted")
        );
        assert_eq!(
            hedge("The mayor remains the favourite in the second round.").as_deref(),
            Some("the favourite")
        );
        assert_eq!(
            hedge("Five parties are set to enter the assembly.").as_deref(),
            Some("set to")
        );
        assert_eq!(
            hedge("There is a good chance the strike ends soon.").as_deref(),
            Some("good chance")
        );
        assert_eq!(
            hedge("The chances of a deal by Monday are very small, a source said.").as_deref(),
            Some("very small")
        );
        assert_eq!(
            hedge("The city emerged as the clear favourites to win the bid.").as_deref(),
            Some("favourites")
        );
        assert_eq!(
            hedge("The weather office is predicting a mild autumn this year.").as_deref(),
            Some("predicting")
        );
        let text = "We now see a 25% chance the bank will cut in June.";
        let found = forecast_hedge(text, 0..text.len(), &PhraseTable::built_in()).unwrap();
        assert_eq!(
            (found.expression.as_str(), found.probability, found.stated),
            ("25% chance", Some(0.25), true)
        );
        let table = PhraseTable::built_in();
        let text = "Analysts expect the merger to close.";
        let found = forecast_hedge(text, 0..text.len(), &table).unwrap();
        assert_eq!(found.probability, Some(0.7));
    }

    #[test]
    fn expectation_words_that_state_no_expectation() {
        // The past's expectation, a question, a present sight, an infinitive.
        assert_eq!(
            hedge("Sales rose faster than expected to reach a record."),
            None
        );
        assert_eq!(hedge("The team was expected to win but lost badly."), None);
        assert_eq!(hedge("Investors wait to see how the court rules."), None);
        assert_eq!(hedge("Critics see the plan as a betrayal of voters."), None);
        assert_eq!(hedge("It is hard to see a way out of the crisis."), None);
        assert_eq!(hedge("Her favourite book is a novel about the sea."), None);
        assert_eq!(
            hedge("The governor is seen as a hawk by most traders."),
            None
        );
        assert_eq!(
            hedge("The bank published a gloomy forecast for next year."),
            None
        );
        assert_eq!(hedge("Banks issued gloomy forecasts for next year."), None);
        assert_eq!(hedge("The editor doubted the story from the start."), None);
        assert_eq!(hedge("My favourite team is playing at home."), None);
        assert_eq!(hedge("Sales were low in the spring of that year."), None);
        assert_eq!(hedge("I will buy a new screen door for the kitchen."), None);
        assert_eq!(
            hedge("Critics see the plan as a betrayal of 2024 voters."),
            None
        );
        assert_eq!(
            hedge("There is no doubt the plan was a success in 2024."),
            None
        );
        assert_eq!(
            hedge("The dial was set to 40 degrees before the test."),
            None
        );
    }

    #[test]
    fn present_judgements_and_background_facts_are_not_forecasts() {
        assert_eq!(
            hedge("The protests were bad news for the government."),
            None
        );
        assert_eq!(
            hedge("One of the possible pathways was a seat on the council."),
            None
        );
        assert_eq!(
            hedge("The country wants to keep a certain distance from its neighbour."),
            None
        );
        assert_eq!(hedge("NOTE: The column will not appear next week."), None);
        assert_eq!(hedge("Your email address will not be published."), None);
        assert_eq!(
            hedge("The slump stoked concerns the region may face a long recession."),
            None
        );
        assert_eq!(hedge("The minister will open the new bridge today."), None);
        assert_eq!(
            hedge("The bank will cut rates on Thursday, economists say.").as_deref(),
            Some("will")
        );
        assert_eq!(
            hedge("The bank will hold rates steady on Tuesday.").as_deref(),
            Some("will")
        );
        assert_eq!(
            hedge("Whether the coalition can last is anyone's guess."),
            None
        );
        assert_eq!(hedge("It remains to be seen if the truce will hold."), None);
        assert_eq!(
            hedge("Buyers moved early, maybe a month before the price rise."),
            None
        );
    }

    #[test]
    fn a_number_said_as_a_forecast_without_a_hedge() {
        // A target changed to a number, a poll's statistic with its number.
        assert_eq!(
            hedge("Northgate Securities on Tuesday lowered its year-end index target to 4,150 from 4,600.")
                .as_deref(),
            Some("target")
        );
        assert_eq!(
            hedge("The median forecast for the index by the end of next year was 5,200, the survey of fund managers showed.")
                .as_deref(),
            Some("median forecast")
        );
        // A policy goal, a target with no number, and the old poll compared with are not.
        assert_eq!(
            hedge("Inflation is still far above the bank's 2% target."),
            None
        );
        assert_eq!(
            hedge("The ministry raised its inflation target to 3% last spring."),
            None
        );
        assert_eq!(
            hedge("That is below the median forecast of 5,400 in a poll taken in May."),
            None
        );
    }

    #[test]
    fn evidence_that_points_ahead_and_a_likely_thing_to_come() {
        assert_eq!(
            hedge("Cheap credit and thin supply all point to further gains for copper.").as_deref(),
            Some("point to")
        );
        assert_eq!(
            hedge("Traders pointed to a likely rebound in orders next quarter.").as_deref(),
            Some("likely")
        );
        // "Point to" the past, and "likely" of no thing ahead.
        assert_eq!(hedge("The minutes point to a split on the board."), None);
        assert_eq!(hedge("A likely culprit is the weak yen at the port."), None);
    }

    #[test]
    fn is_expected_set_for_and_not_out_of_the_question() {
        assert_eq!(
            hedge("No recovery in freight volumes is expected before the spring.").as_deref(),
            Some("is expected")
        );
        assert_eq!(
            hedge("Rates rose, as is expected of a hawkish board."),
            None
        );
        assert_eq!(
            hedge("The region is set for its wettest autumn in a decade.").as_deref(),
            Some("set for")
        );
        assert_eq!(hedge("The hearing is set for Thursday morning."), None);
        // Reported speech puts "is set" in the past.
        assert_eq!(
            hedge("A rival forecaster claimed the country was set for a bitter winter.").as_deref(),
            Some("set for")
        );
        assert_eq!(
            hedge("The strike was set to end when the talks collapsed."),
            None
        );
        assert_eq!(
            hedge("A second cut by the summer is certainly not out of the picture.").as_deref(),
            Some("not out of the picture")
        );
    }

    #[test]
    fn consequences_schedules_admissions_and_hopes_over_a_clause() {
        // What the claim before would mean.
        assert_eq!(
            hedge("Even then, that would be the weakest year for the index since 2011."),
            None
        );
        assert_eq!(
            hedge("That year-end level would mean a gain of just 3% on the year."),
            None
        );
        // A law or a meeting on the calendar.
        assert_eq!(
            hedge("The new levies are set to take effect in January, officials said."),
            None
        );
        // An admission now, not a forecast.
        assert_eq!(
            hedge("But the board cannot deny the clear signals in the latest data."),
            None
        );
        // A hope governs its whole clause.
        assert_eq!(
            hedge(
                "The envoys hope to agree a short text that would serve as the basis for a treaty by June."
            ),
            None
        );
        assert_eq!(
            hedge("The envoys hope to agree a text, but aides said the talks would fail by June.")
                .as_deref(),
            Some("would")
        );
        // An indirect question after "about".
        assert_eq!(
            hedge(
                "The general briefed the delegates about how quickly the alliance could move troops in."
            ),
            None
        );
    }

    #[test]
    fn wire_copy_phrases_of_likelihood() {
        for (sentence, expression) in [
            (
                "The two sides are all but certain to miss the deadline, envoys said.",
                "all but certain",
            ),
            (
                "Diplomats said there was little prospect of a deal by Friday.",
                "little prospect",
            ),
            (
                "A deal by Friday is out of reach, one envoy said.",
                "out of reach",
            ),
            ("A rate cut is imminent, the economist said.", "imminent"),
            (
                "A blockade is a more probable outcome than a landing.",
                "more probable",
            ),
            (
                "There is a strong possibility that the talks collapse next week.",
                "strong possibility",
            ),
            (
                "The currency's slide has further to run, strategists said.",
                "further to run",
            ),
            (
                "The peso is headed for its worst year since 1995.",
                "headed for",
            ),
            (
                "The index is on course for a third yearly gain.",
                "on course for",
            ),
            (
                "Officials said they expected the talks to be extended by six months.",
                "expected",
            ),
            (
                "Many analysts target 105 yen by the end of the year.",
                "target",
            ),
            (
                "Strategists put the index at 4,700 by the end of next year.",
                "put the index at 4,700",
            ),
            (
                "The dollar should climb to 110 yen by December, the strategist said.",
                "should",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        // A journey, a past expectation, a duty, a level that was.
        assert_eq!(hedge("The minister is heading for Brussels tonight."), None);
        assert_eq!(
            hedge("Analysts had expected a cut, but the bank held."),
            None
        );
        assert_eq!(hedge("The government should act on housing."), None);
        assert_eq!(
            hedge("The survey put turnout at 61% in the last vote."),
            None
        );
    }

    #[test]
    fn a_writer_s_earlier_call_links_and_unpredictable_questions() {
        assert_eq!(
            hedge("Back in June, we suggested the peso would weaken to 20 by the autumn."),
            None
        );
        assert_eq!(
            hedge("Read “Peso likely to weaken further” at https://example.com/peso."),
            None
        );
        assert_eq!(
            hedge("We cannot predict what steps the army might take next week."),
            None
        );
        // The writer's call now is one.
        assert_eq!(
            hedge("We now expect the peso to weaken beyond 21 by the end of the year.").as_deref(),
            Some("expect")
        );
    }

    #[test]
    fn possible_inevitable_doubtful_and_remote() {
        for (sentence, expression) in [
            (
                "A comprehensive deal is still possible, the minister told reporters.",
                "possible",
            ),
            (
                "A diplomat said an extension looked inevitable.",
                "inevitable",
            ),
            ("Officials said a deal by Monday was doubtful.", "doubtful"),
            (
                "A deal before the deadline is now out of the question, an envoy said.",
                "out of the question",
            ),
            (
                "A breakthrough at the talks looked increasingly remote on Sunday.",
                "remote",
            ),
            (
                "Further weakness in the peso is widely anticipated by dealers.",
                "widely anticipated",
            ),
            (
                "The currency is expected by most dealers to stay weak.",
                "is expected",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        // About forecasting, not the weather; "possible" before a noun; "remote" of a place.
        assert_eq!(
            hedge("It said it was not possible to forecast snow three months ahead."),
            None
        );
        assert_eq!(
            hedge("The board weighed possible pathways for the plan."),
            None
        );
        assert_eq!(hedge("The village lies in a remote valley."), None);
    }

    #[test]
    fn expectations_in_polls_and_notes() {
        for (sentence, expression) in [
            (
                "Our research team forecast a 10% rise in the peso by end-2026.",
                "forecast",
            ),
            (
                "Eight respondents out of 40 forecast a hike by early next year.",
                "forecast",
            ),
            (
                "That has economists predicting even tighter policy.",
                "predicting",
            ),
            (
                "We continue to see significant downside to the peso against the dollar.",
                "see",
            ),
            (
                "The median of the survey predicted one cut in September.",
                "predicted",
            ),
            (
                "None of the 20 economists anticipated a move next week.",
                "anticipated",
            ),
            ("The peso should break decisively lower.", "should"),
            ("Parity should be reached by year-end.", "should"),
            (
                "The bank lowered its peso forecast to 21 by the end of the year.",
                "forecast to",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            // The past's calls and expectations.
            "He correctly predicted the last downturn in 2019.",
            "This has been anticipated for three months now.",
            "Bonds fell after a widely expected weak reading on growth.",
            "That is down from its earlier prediction that the peso would trade at 19.",
            // A measure, a fear, questions, attention.
            "The economy is growing as they expect.",
            "The peso looks fragile given fears that sizeable rate hikes by the bank could reignite a crisis.",
            "Comments on when the peso will head to 20 grew louder.",
            "Economists were asked what the rate would be next month and where it would be in a year.",
            "All eyes will be on the central bank in December.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn market_and_weather_idioms_and_headline_style() {
        for (sentence, expression) in [
            (
                "The consensus is for the peso to weaken to 21 by year-end.",
                "consensus is for",
            ),
            (
                "Diplomats say the gaps remain too wide to bridge by Monday.",
                "too",
            ),
            (
                "Officials said they saw no chance of a full deal by the deadline.",
                "no chance",
            ),
            (
                "The talks look set to be extended into next year.",
                "set to",
            ),
            ("Chances of a deal were put at 50-50 by one envoy.", "50-50"),
            ("The race is a toss-up, the pollster said.", "toss-up"),
            (
                "Experts warn of a possible blockade within the decade.",
                "possible",
            ),
            (
                "The winter is shaping up to be mild, forecasters said.",
                "shaping up to be",
            ),
            ("The odds favour a mild winter this year.", "odds favour"),
            (
                "A dry summer is on the cards, the forecaster said.",
                "on the cards",
            ),
            (
                "The weather office is forecasting a mild winter.",
                "forecasting",
            ),
            (
                "The poll's most bullish forecast was 2,400 for the end of next year.",
                "bullish forecast",
            ),
            ("Strategists' year-end target averaged 4,800.", "target"),
            (
                "The dollar is on its way to 25 pesos, one dealer said.",
                "on its way to",
            ),
            (
                "The peso faces further losses as the bank keeps printing money.",
                "faces further",
            ),
            (
                "It's only a matter of time before the peso hits 25, said one trader.",
                "only a matter of time",
            ),
            (
                "The peso is poised for its biggest weekly fall in a month.",
                "poised for",
            ),
            (
                "The peso remains vulnerable to further declines, analysts said.",
                "vulnerable to further",
            ),
            (
                "Peso seen at 23 by end-2026 as the central bank eases.",
                "seen",
            ),
            (
                "Our call is for parity by the first quarter.",
                "call is for",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            "It is too early to tell how the talks will end.",
            "The minister has seen worse crises in the past.",
            "The hearing is set for Thursday morning.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn notes_polls_and_hopes_over_a_long_clause() {
        for (sentence, expression) in [
            (
                "We currently forecast the peso at 21 in 3 months and 22 in 12 months.",
                "forecast",
            ),
            ("Our end-2026 forecast is 94.", "Our end-2026 forecast"),
            (
                "The median among analysts' forecasts is 108.50.",
                "median among analysts' forecasts",
            ),
            (
                "This in turn should boost local equities further.",
                "should",
            ),
            (
                "A hike in June is off the table, the governor said.",
                "off the table",
            ),
            (
                "Strategists in the latest poll expected the index to rise in 2027.",
                "expected",
            ),
            (
                "Officials sound moderately confident of a deal.",
                "confident of",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            "Both sides were hoping that after three years of false starts and sudden reversals, a clean deal might be sketched out within hours.",
            "Analysts expected a cut in June, but the bank held.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn doubts_moods_and_room_to_move() {
        for (sentence, expression) in [
            (
                "Diplomats doubted whether a deal could be reached by Monday.",
                "doubted",
            ),
            (
                "Officials were pessimistic about a final deal by the deadline.",
                "pessimistic about",
            ),
            (
                "A deal this week remains a long shot, a Western diplomat said.",
                "long shot",
            ),
            ("The probability of a deal is low, he said.", "low"),
            ("The dollar has scope to rally toward 25 pesos.", "scope to"),
            ("A weaker peso is all but assured.", "all but assured"),
            (
                "Will the peso fall to 25? Most analysts think so.",
                "think so",
            ),
            (
                "But the champions aren't being ruled out entirely.",
                "aren't being ruled out",
            ),
            (
                "The North appears to be getting ready to conduct another test.",
                "getting ready to",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            "Questions remain over whether the truce will hold.",
            "The council needs room to manoeuvre on the budget.",
            "Police ruled out foul play in the death last week.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn declining_to_say_when_is_no_forecast() {
        assert_eq!(
            hedge("The spokesman declined to say when a deal might be reached."),
            None
        );
    }

    #[test]
    fn reported_speech_puts_an_expectation_in_the_past_tense() {
        assert_eq!(
            hedge("Officials said the talks were expected to be extended by several months.")
                .as_deref(),
            Some("expected to")
        );
        assert_eq!(
            hedge("Diplomats said a deal was not expected before Monday.").as_deref(),
            Some("not expected")
        );
        // Without a reporting verb it is the past's expectation.
        assert_eq!(
            hedge("The team was expected to win the title, but it lost."),
            None
        );
        for (sentence, expression) in [
            (
                "The peso's slide is far from over, dealers said.",
                "far from over",
            ),
            (
                "It is a matter of time before the bank acts.",
                "matter of time",
            ),
            (
                "There is a risk that the peso weakens past 25 next year.",
                "There is a risk",
            ),
            (
                "A landing within the decade is a real risk, the admiral said.",
                "real risk",
            ),
            ("A deal is within reach, the envoy said.", "within reach"),
            (
                "The peso is heading towards 25 per dollar.",
                "heading towards",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
    }

    #[test]
    fn prospects_changed_chances_plans_and_relative_clauses() {
        for (sentence, expression) in [
            (
                "The prospects for a deal were very good and promising, the minister said.",
                "very good",
            ),
            (
                "There was a very low probability of heavy rain this summer.",
                "very low",
            ),
            (
                "The office said there was more than double the usual chance of a warm summer.",
                "double the usual chance",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            "Fingers crossed and we will hope to get there during the day.",
            "We'll keep going at it, she said.",
            "The envoy will remain in Geneva until Wednesday.",
            "The six nations will hit the deadline at 6 p.m. on Tuesday.",
            "Both sides rejected proposals that would break the deadlock.",
            "The food at the summit was good, the chances of rain aside.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn idioms_of_what_lies_ahead() {
        for (sentence, expression) in [
            ("Exporters stand to gain from a cheaper peso.", "stand to"),
            (
                "A cheaper peso bodes well for exporters' profits.",
                "bodes well",
            ),
            (
                "The peso is on the verge of breaking 25 per dollar.",
                "on the verge of",
            ),
            (
                "The truce is bound to collapse, one envoy said.",
                "bound to",
            ),
            ("Northgate is tipped to win the contract.", "tipped to"),
            ("More pain is in store for importers.", "in store"),
            ("Exporters should benefit from the weaker peso.", "should"),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        assert_eq!(
            hedge("Exporters should explain their pricing to buyers."),
            None
        );
    }

    #[test]
    fn possible_as_a_measure_of_effort() {
        for sentence in [
            "To the extent possible, he would like to restore the old influence.",
            "The envoys will meet as soon as possible.",
            "Aid will be sent by road where possible.",
            "They sought the best possible terms for the loan.",
        ] {
            assert_ne!(hedge(sentence).as_deref(), Some("possible"), "{sentence}");
        }
    }

    #[test]
    fn idioms_of_likelihood_risk_and_direction() {
        for (sentence, expression) in [
            (
                "Chances are the mill reopens before the frost.",
                "Chances are",
            ),
            ("Odds are the measure clears the upper house.", "Odds are"),
            ("The junta is doomed to fall within a decade.", "doomed to"),
            ("The cabinet risks losing its vote next month.", "risks"),
            (
                "The region is heading into a long drought, she said.",
                "heading into",
            ),
            (
                "The firm has a good shot at the rail contract.",
                "good shot at",
            ),
            (
                "A blockade remains a low-probability event, he said.",
                "low-probability",
            ),
            (
                "Forecasters said the odds were tilted towards a wet spring.",
                "tilted towards",
            ),
            (
                "The outlook for the winter is for milder weather than usual.",
                "outlook for the winter is for",
            ),
            (
                "Winter rainfall should be above normal in the west.",
                "should",
            ),
            (
                "Most pollsters said a snap vote was unlikely over the next year.",
                "unlikely",
            ),
            (
                "Expect wider spreads in the weeks ahead, he said.",
                "Expect",
            ),
            ("The agency projects a deficit of 3% in 2027.", "projects"),
            (
                "The mill anticipates weaker orders in the second half.",
                "anticipates",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            // A size of chance is the table's own row, not "chances are".
            "Chances are slim that the mill reopens.",
            // Nouns, a journey, a roof, a demand and an adjective hedged.
            "The risks facing the mill are many.",
            "The team is heading into the weekend with a lead.",
            "The roof is tilted towards the south.",
            "Spending should be above 2% of output.",
            "The board noted a cut was likely appropriate.",
            // A hope is no forecast.
            "The envoys remain hopeful that a deal can be reached by Friday.",
        ] {
            let found = hedge(sentence);
            assert!(
                !matches!(
                    found.as_deref(),
                    Some(
                        "Chances are"
                            | "risks"
                            | "heading into"
                            | "tilted towards"
                            | "should"
                            | "likely"
                            | "can"
                    )
                ),
                "{sentence}: {found:?}"
            );
        }
    }

    #[test]
    fn negated_expectations_certainties_and_threats() {
        for (sentence, expression) in [
            (
                "“I don't see the mill reopening before spring,” she said.",
                "don't see",
            ),
            (
                "“I can't see a truce holding this year,” he said.",
                "can't see",
            ),
            (
                "“I don't expect a rebound before 2027,” she said.",
                "don't expect",
            ),
            (
                "“We would not rule out another hike,” he said.",
                "not rule out",
            ),
            (
                "A June cut is a foregone conclusion, she said.",
                "foregone conclusion",
            ),
            (
                "“It is a matter of when, not if, the levee gives,” he said.",
                "matter of when",
            ),
            (
                "It is hard to imagine the cabinet lasting the winter.",
                "hard to imagine",
            ),
            (
                "The worst is yet to come for landlords, she said.",
                "yet to come",
            ),
            ("Savers are in for a lean year, he said.", "in for a"),
            (
                "The drought threatens to halve the harvest, she said.",
                "threatens to",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for (sentence, not) in [
            ("“I don't see why the mill closed,” she said.", "don't see"),
            ("Marsh threatens to quit the cabinet.", "threatens to"),
        ] {
            assert_ne!(hedge(sentence).as_deref(), Some(not), "{sentence}");
        }
    }

    #[test]
    fn an_opinion_about_a_time_ahead() {
        for (sentence, expression) in [
            (
                "“I think the danger is real within this decade,” the admiral said.",
                "think",
            ),
            ("She believes a settlement is near by 2031.", "believes"),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        // An opinion of what is, and one with a hedge of its own.
        assert_eq!(hedge("I think the plan is a mistake."), None);
        assert_eq!(
            hedge("I think the bank will probably cut next year.").as_deref(),
            Some("probably")
        );
    }

    #[test]
    fn likely_beside_a_modal_no_one_s_expectation_and_a_range_of_forecasts() {
        for (sentence, expression) in [
            ("The index will likely end the year near 5,000.", "likely"),
            (
                "Nobody expects the cabinet to lose its majority.",
                "Nobody expects",
            ),
            (
                "No one thinks the deal will be signed before June.",
                "No one thinks",
            ),
            (
                "Forecasts for the year-end level ranged from 95 to 120.",
                "Forecasts",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        assert_eq!(
            hedge("Forecasts range from 1 month to 1 year."),
            None,
            "horizons"
        );
        assert_eq!(
            hedge("Forecasts are published every quarter."),
            None,
            "a schedule of forecasts"
        );
    }

    #[test]
    fn evidence_for_a_season_and_negated_idioms() {
        for (sentence, expression) in [
            (
                "Our long-range models suggest a wetter than usual spring.",
                "suggest",
            ),
            (
                "Early signals point towards a colder winter in the east.",
                "point towards",
            ),
            ("It looks like a dry autumn, she said.", "looks like"),
            ("A frost in May cannot be ruled out.", "cannot be ruled out"),
            ("A snowy winter is not on the cards.", "not on the cards"),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            "Polls suggest the race was tight last summer.",
            "It looks like a bank from the street.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn estimates_of_a_figure_to_come_and_unclear_outcomes() {
        for (sentence, expression) in [
            (
                "Drier weather is particularly likely around the southern basin this winter.",
                "likely",
            ),
            (
                "The firm's profit likely rose to 8 billion over the quarter, analysts said.",
                "likely",
            ),
            (
                "Predictions have ranged from a rise of 5% to a fall of 10%.",
                "Predictions",
            ),
        ] {
            assert_eq!(hedge(sentence).as_deref(), Some(expression), "{sentence}");
        }
        for sentence in [
            "It remains unclear how and when the minister will step down.",
            "The key question is whether rising joblessness will bring more falls.",
            "The most likely explanation is a clerical error.",
        ] {
            assert_eq!(hedge(sentence), None, "{sentence}");
        }
    }
}
