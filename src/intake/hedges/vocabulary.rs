//! The words the hedge rules read by: modals, marks of the future and of the past, verbs of
//! expectation, wishes, questions and notices.

use crate::estimative::uncontract;

/// Future and modal words: what makes a bare frequency word ("never", "always") a
/// forecast, and what a phrase table may lack ("would", "can").
pub(crate) const MODALS: &[&str] = &[
    "will", "would", "may", "might", "could", "can", "shall", "won't", "wouldn't", "couldn't",
    "can't", "cannot", "'ll",
];

/// Built-in one-word rows that are often not hedges at all ("a certain distance", "always
/// has been"): they count only beside a future or modal word.
pub(super) const WEAK: &[&str] = &[
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
pub(super) const ADJECTIVES: &[&str] = &[
    "likely",
    "unlikely",
    "possible",
    "impossible",
    "potential",
    "probable",
    "improbable",
];

/// Words after which such an adjective still hedges the clause.
pub(super) const AFTER_ADJECTIVE: &[&str] = &[
    "to", "that", "than", "in", "for", "if", "by", "at", "on", "within", "and", "or", "but", "as",
    "again", "now", "still", "this", "next", "before", "after", "soon",
];

pub(super) const PARTICIPLES: &[&str] = &[
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
pub(super) const WISH_WORDS: &[&str] = &[
    "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "urge", "urges", "urged",
    "urging", "demand", "demands", "demanded", "hopeful",
];

/// Verbs of the table that state an expectation ("we expect two cuts", "she sees the index
/// higher") rather than hedge a claim; a verb only after its subject, not after "to", a
/// modal or a determiner ("hard to see", "we'll see", "the look for spring").
pub(super) const EXPECTATION_VERBS: &[&str] = &[
    "expect",
    "expects",
    "expecting",
    "expected",
    "predicted",
    "anticipated",
    "anticipating",
    "projected",
    "estimating",
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
pub(super) const EXPECTATION_NEEDS_FUTURE: &[&str] = &[
    "predicted",
    "anticipated",
    "anticipating",
    "projected",
    "estimating",
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
pub(super) const NOT_A_SUBJECT: &[&str] = &[
    "to", "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that",
    "of", "for", "will", "'ll", "would", "can", "could", "may", "might", "must", "should", "let's",
    "no", "little", "any", "without", "some", "much", "beyond",
];

/// Words that place what follows in the future: "by", "next", "the end of", a month or a
/// year (any word with a digit).
pub(super) const FUTURE_MARKS: &[&str] = &[
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
pub(super) const COLLECTIVES: &[&str] = &[
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

/// Comparatives and directions that name a change ahead after a verb of expectation, and
/// outcomes that lie ahead ("predicted a narrow Labor win").
pub(super) const CHANGE_MARKS: &[&str] = &[
    "win",
    "victory",
    "defeat",
    "landslide",
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
pub(super) const PAST_MARKS: &[&str] = &[
    "correctly",
    "accurately",
    "wrongly",
    "previously",
    "ago",
    "had",
    "once",
];

/// How far around a word the rules that look across a sentence look: more than a sentence
/// of news has, and few enough that a run-on "sentence" of a megabyte stays linear.
pub(super) const NEAR_WORDS: usize = 40;

/// Words for a chance: "small", "low", "high" size one ("the chances are very small").
pub(super) const CHANCE_NOUNS: &[&str] = &[
    "chance",
    "chances",
    "likelihood",
    "probability",
    "odds",
    "prospects",
    "possibility",
];

/// Possessives: "my favourite", "their favourite" is a liking, not a forecast.
pub(super) const POSSESSIVES: &[&str] = &["my", "your", "his", "her", "its", "our", "their"];

/// Forms of "be" and "remain" before a state that lies ahead ("is set to", "remains the
/// favourite").
pub(super) const BE_OR_REMAIN: &[&str] = &[
    "is", "are", "am", "be", "'s", "it's", "he's", "she's", "they're", "we're", "remains",
    "remain", "seems", "seem", "looks", "look", "appears", "appear",
];

/// Nouns of worry: "stoked concerns the country may face a recession" reports a mood,
/// not anyone's forecast.
pub(super) const CONCERN_WORDS: &[&str] = &[
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
pub(super) const SCHEDULE_WORDS: &[&str] = &["today", "tonight", "tomorrow"];

/// Sentences that say the future is unknown: explicit uncertainty, not a forecast.
pub(super) const EXPLICIT_UNCERTAINTY: &[&str] = &[
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

pub(super) const QUESTION_VERBS: &[&str] = &[
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

pub(super) const WH: &[&str] = &[
    "what", "how", "whether", "if", "who", "which", "when", "why", "where",
];

pub(super) const NOT_A_FORECAST: &[&str] = &[
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

/// Words that put a claim in the time ahead on their own (not "end" or "higher", which
/// need a verb of expectation before them).
pub(super) const TIME_AHEAD: &[&str] = &[
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

/// Whether `word` (lower case) is a past participle: "decided", "seen", but not "need" or
/// "exceed", whose "-ed" is no ending.
pub(super) fn is_participle(word: &str) -> bool {
    (word.ends_with("ed") && !word.ends_with("eed")) || PARTICIPLES.contains(&word)
}

/// A contraction as its full words: "won't" → "will not", "they'll" → "will", "I'd" →
/// "would" (the subject is no part of the hedge).
pub(super) fn expand(word: &str) -> &str {
    uncontract(word)
}
