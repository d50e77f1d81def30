//! Whether words of the table hedge the claim where they stand: "will" not in "the will of
//! the people", "likely" not before a noun, "expect" not in "than expected", no wish, no
//! question, no expectation of the past.

use super::vocabulary::*;
use crate::estimative::PhraseOrigin;
use crate::intake::dates::is_weekday;
use crate::intake::reporting::REPORTING;
use crate::intake::text::Word;

/// Whether a sentence tells an expectation of the past ("correctly predicted the last
/// test"): only for verbs of expectation in the past tense.
pub(super) fn past_call(words: &[Word], i: usize) -> bool {
    // Near the verb only, so that a sentence of many verbs costs no more than a short one.
    let near = &words[i.saturating_sub(NEAR_WORDS)..words.len().min(i + NEAR_WORDS)];
    near.iter().any(|w| PAST_MARKS.contains(&w.lower.as_str()))
        && near
            .iter()
            .any(|w| matches!(w.lower.as_str(), "predicted" | "anticipated" | "expected"))
}

/// Whether the words at `i..i + n` hedge a claim about the future here.
pub(super) fn qualifies(
    words: &[Word],
    i: usize,
    n: usize,
    origin: PhraseOrigin,
    has_modal: bool,
) -> bool {
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
    // "May" mid-sentence is the month; so is "May 3" opening a dateline.
    if first == "may"
        && words[i].capitalized
        && (i > 0
            || words
                .get(i + 1)
                .is_some_and(|w| w.lower.chars().all(|c| c.is_ascii_digit())))
    {
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
        // A requirement: "would have to sweep the close states to win", "would need to".
        if unfolded == "would"
            && (matches!((next, after), (Some("have" | "need"), Some("to")))
                || next == Some("require"))
        {
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
    // The wish reaches over its clause ("hope to settle a draft that
    // would then become…"), not past a word that opens another ("but", "while", "said").
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
    // A worry: "raised fears the region might slip into", "fears that prices will rise".
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
    // ("Ivo Marsh said today there will be a deal": the day of the saying is no
    // schedule.)
    let scheduled = (0..words.len()).any(|k| {
        SCHEDULE_WORDS.contains(&words[k].lower.as_str())
            && !(k > 0 && REPORTING.contains(&words[k - 1].lower.as_str()))
    });
    // ("will post sales near 9 million handsets … on Friday": the quantity, not the
    // day, is what is forecast.)
    let quantity = words[i + n..].iter().take(8).any(|w| {
        w.lower
            .starts_with(|c: char| c.is_ascii_digit() || c == '$')
            && words[i + n..].iter().take(10).any(|u| {
                matches!(
                    u.lower.as_str(),
                    "million" | "billion" | "percent" | "units"
                )
            })
    });
    if unfolded == "will" && n == 1 && scheduled && !quantity {
        return false;
    }
    // An open question: "questions remain over whether a truce, announced on Friday,
    // will hold" ("whether or not" is a condition, not a question).
    // ("Whether the truce holds is a coin toss": the chance of the question's answer.)
    let even_chance = matches!(first, "coin" | "toss-up" | "fifty-fifty" | "50-50");
    if !even_chance
        && let Some(whether) = words[..i].iter().rposition(|w| w.lower == "whether")
        && words.get(whether + 1).is_none_or(|w| w.lower != "or")
        && !(whether > 0
            && matches!(
                words[whether - 1].lower.as_str(),
                "doubt" | "doubts" | "doubted" | "doubtful"
            ))
        && !words[whether..i].iter().any(|w| w.lower == "but")
        && !question_denied(words, whether)
        // "Asked whether the rand would recover, Ana Vey said it probably would not": the
        // answer, after the question's comma and a reporting verb, is no question.
        // So is a view after the question's comma: "Amid doubt about whether the city is
        // ready, engineers say a flood is inevitable".
        && !(whether > 0
            && (words[whether - 1].lower == "asked"
                || (whether..i).any(|k| {
                    matches!(
                        words[k].lower.as_str(),
                        "say" | "says" | "said" | "think" | "thinks" | "believe" | "believes"
                            | "expect" | "expects" | "warn" | "warns" | "predict" | "predicts"
                    )
                }))
            && (whether..i).any(|k| {
                REPORTING.contains(&words[k].lower.as_str())
                    // (A comma leaves more than a space between two words.)
                    && words[whether..k]
                        .windows(2)
                        .any(|pair| pair[1].range.start > pair[0].range.end + 1)
            }))
    {
        return false;
    }
    // An indirect question: "wonder if Russia will", "guess what they will think".
    if let Some(wh) = (i.saturating_sub(6)..i)
        .rev()
        .find(|&j| WH.contains(&words[j].lower.as_str()))
        && !question_denied(words, wh)
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
                    // "the cycle is likely coming to an end".
                    || (w.ends_with("ing")
                        && w.len() > 5
                        && before(1).is_some_and(|b| BE_OR_REMAIN.contains(&b) || b == "was"))
            });
        // "an extension is the most likely outcome", "she is the likely winner": the
        // thing ahead named as the likely one.
        let the_likely_one = matches!(first, "likely" | "probable" | "most")
            && next.is_some_and(|w| {
                matches!(
                    w,
                    "outcome"
                        | "scenario"
                        | "result"
                        | "winner"
                        | "successor"
                        | "victor"
                        | "nominee"
                )
            });
        return next.is_none_or(|w| AFTER_ADJECTIVE.contains(&w))
            || the_likely_one
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
pub(super) const PAST_CALLS: &[&str] = &[
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
pub(super) const WISH_REACH: usize = 12;

/// Verbs of a group's own intention after "we will": "we'll keep going at it".
pub(super) const INTENTIONS: &[&str] = &[
    "keep", "continue", "try", "work", "do", "take", "push", "press", "fight", "stay", "seek",
    "walk", "make", "go", "remain", "stand",
];

/// How far a wish followed by "that" reaches ("hoping that …").
pub(super) const WISH_THAT_REACH: usize = 30;

/// Words that open a new clause, past which a wish does not reach.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "but", "while", "although", "though", "said", "says", "because", "however",
];

/// Whether `words[at]` opens a clause after a comma the words before it end with ("Even
/// then, that would…"): the sentence's subject, after an opening phrase.
pub(super) fn opens_after_comma(words: &[Word], at: usize) -> bool {
    at <= 3 && at > 0 && words[at].range.start > words[at - 1].range.end + 1
}

/// Whether a verb that reports speech comes before `words[i]` in its sentence ("said
/// they expected…").
pub(super) fn reported_before(words: &[Word], i: usize) -> bool {
    words[i.saturating_sub(NEAR_WORDS)..i]
        .iter()
        .any(|w| REPORTING.contains(&w.lower.as_str()) && w.lower != "according")
}

/// Whether the words at `i..i + n`, if they state an expectation rather than hedge, state
/// one here (true for other words).
pub(super) fn expectation_qualifies(words: &[Word], i: usize, n: usize) -> bool {
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
            "expected" | "projected" | "forecast" | "predicted" | "estimated" | "anticipated",
            "to",
        ] => {
            !(1..=2).any(|k| before(k).is_some_and(|w| matches!(w, "than" | "as" | "had")))
                && (!(1..=2).any(|k| before(k).is_some_and(|w| matches!(w, "was" | "were")))
                    || reported_before(words, i))
        }
        ["the", "favorite" | "favourite"] => be_before(),
        // "Xenos tipped Labor by six seats", "tipped the Coalition to win": a pundit's
        // pick of a side, not a tip of a hat ("tipped his cap") or a tip-off.
        ["tipped"] => {
            !be_before()
                && before(1).is_none_or(|w| !matches!(w, "was" | "were" | "been"))
                && words
                    .get(i + n)
                    .is_some_and(|w| w.capitalized || w.lower == "the")
                && words[i + n..]
                    .iter()
                    .take(6)
                    .any(|w| matches!(w.lower.as_str(), "to" | "by" | "for" | "win"))
        }
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
        // (So is a comparison: "the chances of a deal were higher".)
        [
            "small" | "slim" | "low" | "high" | "good" | "bright" | "dim" | "poor" | "promising"
            | "higher" | "greater" | "lower",
        ]
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
                    ) || (w == "than" && phrase.last().is_some_and(|p| p.ends_with("er")))
                })
                    // "the probability of a deal is low, he said": a comma ends it.
                    || words
                        .get(i + n)
                        .is_some_and(|w| w.range.start > words[i + n - 1].range.end + 1))
        }
        // "hard to see the bank raising rates" (an event ahead), not "hard to see a way out
        // of the crisis" (a present sight).
        ["hard", "to", "see"] => words[i + n..]
            .iter()
            .take(6)
            .any(|w| w.lower.ends_with("ing") && w.lower.len() > 4),
        // "above-average temperatures are favoured for the east" (not "the favoured
        // candidate", a liking).
        ["favoured" | "favored"] => {
            (1..=2).any(|k| before(k).is_some_and(|w| BE_OR_REMAIN.contains(&w)))
                && next.is_none_or(|w| {
                    matches!(w, "for" | "in" | "over" | "across" | "to" | "this" | "next")
                })
        }
        // "Friday is looking quite unsettled", "the weekend is looking warm": a day or a
        // season ahead, not "is looking for a job" or "is looking at options".
        ["is", "looking"] => {
            before(1).is_some_and(|w| {
                is_weekday(w)
                    || matches!(
                        w,
                        "weekend"
                            | "week"
                            | "month"
                            | "summer"
                            | "winter"
                            | "spring"
                            | "autumn"
                            | "tomorrow"
                    )
            }) && next.is_none_or(|w| !matches!(w, "for" | "at" | "to" | "into" | "after"))
        }
        // "the pound is due for a correction" (not "due for a vote on Tuesday"); "we are
        // due for another one sometime soon" (a recurrence, with no day set).
        ["due", "for"] => {
            market_call(words[i + n..].iter().map(|w| w.lower.as_str()))
                || next == Some("another")
                    && words[i + n..]
                        .iter()
                        .take(6)
                        .any(|w| matches!(w.lower.as_str(), "soon" | "sometime" | "eventually"))
        }
        // "it is conceivable that the talks will collapse" (not "that he knew").
        ["conceivable"] => words[i + n..].iter().any(|w| {
            MODALS.contains(&expand(&w.lower)) || FUTURE_MARKS.contains(&w.lower.as_str())
        }),
        // "an upset remains a possibility" (not "a possibility of talks was discussed").
        ["a", "possibility"] => {
            (1..=2).any(|k| {
                before(k).is_some_and(|w| {
                    BE_OR_REMAIN.contains(&w) || matches!(w, "was" | "were" | "remained")
                })
            }) && next.is_none_or(|w| !matches!(w, "of" | "that"))
        }
        // "No pickup is expected before the autumn": an expectation with no "to"
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
        // "what we think was a hasty sell-off", "what we think is a
        // mispriced bond": a judgement of what was or is.
        ["we" | "i", "believe"] => !matches!(next, Some("was" | "were" | "had" | "is" | "are")),
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
        // "14 respondents called for higher prices", "RBC is calling for the index to
        // continue its rally": a market call, not a demand ("called for a ceasefire",
        // "calls for the minister to resign").
        // ("joined two policymakers in calling for a rise" is a vote; "backed off calling
        // for a hike", "stopped calling for…" is a call no longer made.)
        ["called" | "calls" | "calling", "for"] => {
            market_call(words[i + n..].iter().map(|w| w.lower.as_str()))
                && before(1).is_none_or(|w| {
                    !matches!(
                        w,
                        "in" | "off" | "stopped" | "from" | "by" | "quit" | "abandoned"
                    )
                })
        }
        // "nine of the traders polled looked for a flat week": a poll's count, not
        // a search ("police looked for the car").
        ["looked", "for"] => {
            market_call(words[i + n..].iter().map(|w| w.lower.as_str()))
                && words[i.saturating_sub(6)..i].iter().any(|w| {
                    w.lower.chars().any(|c| c.is_ascii_digit())
                        || matches!(
                            w.lower.as_str(),
                            "respondents" | "participants" | "analysts" | "strategists" | "traders"
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
            // "He didn't see it coming": a sight of the past, denied.
            let denied_past = (before(1) == Some("not")
                && before(2).is_some_and(|w| matches!(w, "did" | "had")))
                || before(1).is_some_and(|w| {
                    matches!(w, "didn't" | "didn\u{2019}t" | "hadn't" | "hadn\u{2019}t")
                });
            if denied_past {
                return false;
            }
            // "This has been anticipated for months": a participle, not someone's verb.
            if matches!(
                *verb,
                "expected" | "predicted" | "anticipated" | "projected"
            ) && before(1).is_some_and(|w| {
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
            }) {
                return false;
            }
            // "we continue to see": the infinitive of a verb that goes on is the subject's.
            // So is one after "said to" ("a forecaster said to expect highs of 90"): the
            // speaker's advice, in reported speech.
            let continued = before(1) == Some("to")
                && before(2).is_some_and(|w| {
                    matches!(w, "continue" | "continues" | "continued" | "said" | "says")
                });
            // "Expect more volatility in the weeks ahead": the imperative opening a
            // sentence is the writer's (or the quoted speaker's) own expectation.
            let imperative = i == 0 && matches!(*verb, "expect" | "look");
            // "You can expect a warmer summer", "investors can expect volatility": the
            // modal's subject expects.
            let after_a_modal = matches!(before(1), Some("can" | "could" | "should" | "may"))
                && before(2).is_some_and(|w| {
                    matches!(w, "you" | "we" | "they" | "i") || (w.ends_with('s') && w.len() > 3)
                });
            let subject = continued
                || imperative
                || after_a_modal
                || before(1).is_some_and(|w| !NOT_A_SUBJECT.contains(&w));
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
            // "Slater projected two more rises": a projection told in the past is the
            // one made, when a name is its subject (not "as projected", a measure).
            // So is "Vey and Marsh expected the Coalition to win": a named subject's
            // expectation of an object to do something, not a measure ("than Wall Street
            // expected").
            let named_projection = i > 0
                && words[i - 1].capitalized
                && (*verb == "projected"
                    || words[i + n..].iter().take(4).any(|w| w.lower == "to")
                        && !words[i.saturating_sub(4)..i]
                            .iter()
                            .any(|w| matches!(w.lower.as_str(), "than" | "as")));
            let reported = reported_before(words, i)
                && matches!(before(1), Some("they" | "he" | "she" | "we" | "i" | "it"));
            let told = named_projection || reported || (poll && future_after());
            if matches!(*verb, "expected" | "projected") && !told {
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

/// Whether the words after "called for" make a market call: a direction ("higher",
/// "lower", "a sideways market", "gains") or a thing to move ("gold to rise", "the index
/// to continue its rally", "a cut").
pub(crate) fn market_call<'a>(after: impl IntoIterator<Item = &'a str>) -> bool {
    const DIRECTIONS: &[&str] = &[
        "pullback",
        "bounce",
        "higher",
        "lower",
        "gains",
        "losses",
        "sideways",
        "rally",
        "rise",
        "fall",
        "decline",
        "drop",
        "cut",
        "cuts",
        "hike",
        "hikes",
        "rebound",
        "recovery",
        "correction",
        "flat",
    ];
    const MOVES: &[&str] = &[
        "rise",
        "fall",
        "climb",
        "drop",
        "continue",
        "end",
        "reach",
        "hit",
        "trade",
        "rally",
        "gain",
        "weaken",
        "strengthen",
        "hold",
        "stay",
        "remain",
        "slip",
        "test",
    ];
    let near: Vec<&str> = after.into_iter().take(9).collect();
    // "calling for handset sales of 9 million": a figure for a measure of a market.
    let figure = near.iter().take(6).any(|w| {
        matches!(
            *w,
            "sales"
                | "growth"
                | "prices"
                | "price"
                | "earnings"
                | "shipments"
                | "output"
                | "revenue"
                | "demand"
        )
    }) && near
        .iter()
        .take(8)
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '$'));
    figure
        || near.iter().take(4).any(|w| DIRECTIONS.contains(w))
        || near
            .windows(2)
            .any(|pair| pair[0] == "to" && MOVES.contains(&pair[1]))
}

/// "The question isn't whether the vote will be bad for them, but how bad": a question
/// denied before its "whether" (at `wh`), the clause asserted.
fn question_denied(words: &[Word], wh: usize) -> bool {
    wh > 0
        && (words[wh - 1].lower == "not" || words[wh - 1].lower.ends_with("n't"))
        && words[wh..].iter().any(|w| w.lower == "but")
}
