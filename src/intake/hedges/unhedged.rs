//! Forecasts said without a phrase of the table: a number ("cut its year-end target to
//! 2,100"), evidence pointing ahead, "should" before a move, a view "is for" something, an
//! opinion about a time ahead, "not ruled out". Each finds its words as (index, length).

use super::vocabulary::*;
use crate::intake::text::Word;

/// Verbs that change or state a forecast's number: "cut its target to 2,100", "raised
/// its price target to $540", "sets a year-end target of 7,000".
pub(super) const TARGET_VERBS: &[&str] = &[
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
pub(super) const FORECAST_NOUNS: &[&str] = &[
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
pub(super) const COMPARISONS: &[&str] = &[
    "below", "above", "than", "from", "compared", "compares", "versus", "vs", "beat", "beats",
    "missed", "topped", "exceeded",
];

/// A number said as a forecast, with no hedge word: a target changed or set to a number
/// ("cut its year-end target to 2,100", "a price target of $540"), or a poll's statistic
/// with its number ("the median forecast for the index was 1,550"). The words that say it
/// is a forecast, as (index, length). An inflation target or a target that is not a
/// number is a goal, not a forecast.
pub(super) fn numeric_forecast(words: &[Word]) -> Option<(usize, usize)> {
    let is_number = |w: &Word| w.lower.chars().any(|c| c.is_ascii_digit());
    (0..words.len()).find_map(|i| {
        let word = words[i].lower.as_str();
        // ("Our year-end target for the index is 5,400": the thing targeted may come
        // between.)
        let number_after = || {
            words[i + 1..]
                .iter()
                .take(6)
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
        // "Several desks target 7.4 yuan by December": the verb, after a plural
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
        // "Tablet shipments are pegged at 3 million": a figure expected, set by those who
        // expect it.
        if word == "pegged"
            && words.get(i + 1).is_some_and(|w| w.lower == "at")
            && words.get(i + 2).is_some_and(is_number)
        {
            return Some((i, 2));
        }
        // "the benchmark was targeted to reach 9,200 by mid-2027".
        if word == "targeted"
            && words[i + 1..words.len().min(i + 4)].iter().any(is_number)
            && words
                .get(i + 1)
                .is_some_and(|w| matches!(w.lower.as_str(), "to" | "at"))
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
        // "lowered its franc forecast to 0.95 for December", "has reduced his
        // 2026 gas-price forecast from $9 per unit to $7.30", "cut its forecast 14% to
        // $7.50": the new number after "to", the old one or the change before it.
        let changed_to = || {
            let opens = words
                .get(i + 1)
                .is_some_and(|w| w.lower == "to" || w.lower == "from" || is_number(w));
            let to_a_number = (i + 1..words.len().min(i + 10))
                .any(|k| words[k].lower == "to" && words.get(k + 1).is_some_and(is_number));
            opens && to_a_number
        };
        if FORECAST_NOUNS.contains(&word)
            && words[i.saturating_sub(6)..i].iter().any(|w| {
                (TARGET_VERBS.contains(&w.lower.as_str()) && w.lower != "new")
                    || matches!(
                        w.lower.as_str(),
                        "lowering" | "reducing" | "trimming" | "lifting" | "revised" | "revising"
                    )
            })
            && changed_to()
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
            // "ranged from 80 to 140", "ranged from a gain of 3% to a loss of 8%".
            && words[range + 2..words.len().min(range + 7)]
                .iter()
                .any(is_number)
            // Levels, not horizons ("range from two weeks to six months").
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
pub(super) fn seen_headline(words: &[Word]) -> Option<(usize, usize)> {
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
pub(super) fn room_to_move(words: &[Word]) -> Option<(usize, usize)> {
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

/// A chance said to have changed, with no size: "twice the normal odds of a
/// dry spring", "an increased likelihood of mild conditions". The words from the change
/// to the noun, as (index, length).
pub(super) fn changed_chance(words: &[Word]) -> Option<(usize, usize)> {
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
pub(super) fn not_ruled_out(words: &[Word]) -> Option<(usize, usize)> {
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
pub(super) fn too_far_to(words: &[Word]) -> Option<(usize, usize)> {
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
pub(super) const MOVES: &[&str] = &[
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
pub(super) fn should_move(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        // "the target should be met by spring": a passive of the same.
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
        // "demand should continue to grow": a movement that goes on needs no time ahead.
        let goes_on = words[i].lower == "should"
            && words.get(i + 1).is_some_and(|w| w.lower == "continue")
            && words.get(i + 2).is_some_and(|w| w.lower == "to")
            && words
                .get(i + 3)
                .is_some_and(|w| MOVES.contains(&w.lower.as_str()));
        (moves || goes_on).then_some((i, 1))
    })
}

/// Verbs of opinion: "I think the threat is real within the decade".
pub(super) const OPINION_VERBS: &[&str] = &[
    "think", "thinks", "believe", "believes", "reckon", "reckons", "suspect", "suspects",
];

/// "I think the threat is manifest within this decade", "she believes a deal is near by
/// 2027": an opinion about a time ahead, with no hedge or future word (those are found
/// before this). The verb, as (index, length).
pub(super) fn opinion_ahead(words: &[Word]) -> Option<(usize, usize)> {
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
pub(super) const VIEW_NOUNS: &[&str] = &[
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
    "indications",
    "signs",
    "models",
];

/// "The outlook for the summer is for warmer conditions", "the consensus is for two
/// cuts": a view said to be for what it expects. The words from the noun to that "for",
/// as (index, length).
pub(super) fn view_is_for(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len().saturating_sub(2)).find_map(|i| {
        if !VIEW_NOUNS.contains(&words[i].lower.as_str()) {
            return None;
        }
        // Within a short noun phrase: "the outlook for the summer is for".
        let reach = &words[i + 1..words.len().min(i + 8)];
        let is_for = reach
            .windows(2)
            .position(|pair| {
                matches!(
                    pair[0].lower.as_str(),
                    "is" | "was" | "are" | "were" | "remains"
                ) && pair[1].lower == "for"
            })
            .map(|at| (i, at + 3));
        // "The outlook favours a drier autumn": the same view, said with a verb.
        let favours = || {
            reach
                .iter()
                .take(4)
                .position(|w| matches!(w.lower.as_str(), "favours" | "favors"))
                .map(|at| (i, at + 2))
        };
        is_for.or_else(favours)
    })
}

/// "Our models suggest a warmer than average spring", "early indications suggest a rise
/// next year": evidence said to suggest something at a time ahead. The verb, as (index,
/// length).
pub(super) fn evidence_suggests(words: &[Word]) -> Option<(usize, usize)> {
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
pub(super) fn points_ahead(words: &[Word]) -> Option<(usize, usize)> {
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
