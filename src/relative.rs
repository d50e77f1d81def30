//! Scores relative to the others on the same questions. A forecaster who spoke only to easy
//! questions should not beat one who spoke to hard ones: on each question two or more
//! forecasters answered, each is compared with the others (as Fatebook's relative Brier
//! score and Metaculus's peer score do), and `compare` sets two forecasters side by side on
//! the questions both answered, with a sign test of who did better more often.
//!
//! A forecaster's latest scored forecast on a question is the one that counts (made last;
//! ties by the ledger's order).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ledger::{ForecastView, Ledger};
use crate::score::LOG_SCORE_CLIP;

/// One forecaster's latest scored forecast on a question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    pub forecaster: String,
    /// The forecast's id.
    pub forecast: String,
    /// Its probability for the question's claim (p, or 1 − p on the opposite side).
    pub probability: f64,
    pub brier: f64,
    /// ln of the probability given to what happened, clipped as the log score is.
    pub log_of_outcome: f64,
}

/// A question with the answers that are scored, one per forecaster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnsweredQuestion {
    pub id: String,
    pub claim: String,
    /// Whether the question's claim came true.
    pub happened: bool,
    pub answers: Vec<Answer>,
}

/// A question by its file's index and its index in the file.
type QuestionKey = (usize, usize);

/// A forecaster's latest answer so far: when made, its place among the entries, the answer.
type Latest = (chrono::NaiveDate, usize, Answer);

/// Every question with scored answers among `entries`, in file order then question order.
pub fn answered_questions(ledger: &Ledger, entries: &[usize]) -> Vec<AnsweredQuestion> {
    let mut found: BTreeMap<QuestionKey, BTreeMap<String, Latest>> = BTreeMap::new();
    let mut outcomes: BTreeMap<QuestionKey, bool> = BTreeMap::new();
    for (order, &entry) in entries.iter().enumerate() {
        let view = ledger.view(entry);
        let Some((key, happened, answer)) = answer(&view) else {
            continue;
        };
        outcomes.insert(key, happened);
        let latest = found.entry(key).or_default();
        let made = view.forecast.made;
        let newer = latest
            .get(&answer.forecaster)
            .is_none_or(|(when, at, _)| (made, order) > (*when, *at));
        if newer {
            latest.insert(answer.forecaster.clone(), (made, order, answer));
        }
    }
    found
        .into_iter()
        .map(|((file, index), answers)| {
            let question = &ledger.files[file].scenario.questions[index];
            AnsweredQuestion {
                id: question.id.clone(),
                claim: question.claim.clone(),
                happened: outcomes[&(file, index)],
                answers: answers.into_values().map(|(_, _, answer)| answer).collect(),
            }
        })
        .collect()
}

/// The question a scored forecast answers (its file and index), whether the question's
/// claim happened, and the forecast's answer.
fn answer(view: &ForecastView) -> Option<(QuestionKey, bool, Answer)> {
    let on = view.forecast.question.as_ref()?;
    let index = view
        .file
        .scenario
        .questions
        .iter()
        .position(|q| q.id == on.id())?;
    let question = &view.file.scenario.questions[index];
    // The question's own verdict, as known on the ledger's day.
    let resolution = question
        .outcome
        .resolution()
        .filter(|r| r.on <= view.as_of)?;
    let happened = resolution.verdict.scored_as()?;
    let probability = view.question_probability()?;
    let outcome = if happened { 1.0 } else { 0.0 };
    let given = if happened {
        probability
    } else {
        1.0 - probability
    };
    Some((
        (view.entry.file, index),
        happened,
        Answer {
            forecaster: view.author_name().to_string(),
            forecast: view.forecast.id.clone(),
            probability,
            brier: (probability - outcome).powi(2),
            log_of_outcome: given.clamp(LOG_SCORE_CLIP.0, LOG_SCORE_CLIP.1).ln(),
        },
    ))
}

/// A forecaster's scores against the others on shared questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct RelativeScores {
    /// Questions where they and at least one other forecaster have a scored answer.
    pub shared_questions: usize,
    /// Mean over those of their Brier score minus the median Brier score of the others
    /// (negative is better); `None` with no shared question.
    pub relative_brier: Option<f64>,
    /// Mean over those of 100 × (ln p − the mean of the others' ln p), p the probability
    /// given to what happened, clipped to [0.01, 0.99] (positive is better).
    pub peer_score: Option<f64>,
}

/// `forecaster`'s relative scores over `questions`.
pub fn relative_scores(forecaster: &str, questions: &[AnsweredQuestion]) -> RelativeScores {
    let (mut shared, mut brier, mut peer) = (0, 0.0, 0.0);
    for question in questions {
        let Some(own) = question.answers.iter().find(|a| a.forecaster == forecaster) else {
            continue;
        };
        let others: Vec<&Answer> = question
            .answers
            .iter()
            .filter(|a| a.forecaster != forecaster)
            .collect();
        if others.is_empty() {
            continue;
        }
        shared += 1;
        let mut briers: Vec<f64> = others.iter().map(|a| a.brier).collect();
        brier += own.brier - median(&mut briers);
        let mean_log = others.iter().map(|a| a.log_of_outcome).sum::<f64>() / others.len() as f64;
        peer += 100.0 * (own.log_of_outcome - mean_log);
    }
    RelativeScores {
        shared_questions: shared,
        relative_brier: (shared > 0).then(|| brier / shared as f64),
        peer_score: (shared > 0).then(|| peer / shared as f64),
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The other forecasters who answered a question `name` answered, by name.
pub fn rivals(questions: &[AnsweredQuestion], name: &str) -> Vec<String> {
    let mut others: Vec<String> = questions
        .iter()
        .filter(|q| q.answers.iter().any(|a| a.forecaster == name))
        .flat_map(|q| q.answers.iter().map(|a| a.forecaster.clone()))
        .filter(|other| other != name)
        .collect();
    others.sort();
    others.dedup();
    others
}

/// One question both forecasters answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeadToHead {
    pub question: String,
    pub claim: String,
    pub happened: bool,
    pub a_probability: f64,
    pub b_probability: f64,
    pub a_brier: f64,
    pub b_brier: f64,
    /// "a", "b" or "tie": the lower Brier score did better.
    pub better: &'static str,
}

/// Two forecasters on the questions both answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    pub questions: Vec<HeadToHead>,
    pub a_wins: usize,
    pub b_wins: usize,
    pub ties: usize,
    /// Two-sided sign test on the wins (ties left out): the chance of a split at least this
    /// uneven if neither were better. `None` with no wins either way.
    pub sign_test_p: Option<f64>,
}

/// `a` and `b` (forecasters' names as reports show them) on the questions both answered.
pub fn compare(questions: &[AnsweredQuestion], a: &str, b: &str) -> Comparison {
    let mut rows = Vec::new();
    for question in questions {
        let find = |name: &str| question.answers.iter().find(|x| x.forecaster == name);
        let (Some(x), Some(y)) = (find(a), find(b)) else {
            continue;
        };
        let better = if (x.brier - y.brier).abs() < 1e-12 {
            "tie"
        } else if x.brier < y.brier {
            "a"
        } else {
            "b"
        };
        rows.push(HeadToHead {
            question: question.id.clone(),
            claim: question.claim.clone(),
            happened: question.happened,
            a_probability: x.probability,
            b_probability: y.probability,
            a_brier: x.brier,
            b_brier: y.brier,
            better,
        });
    }
    let count = |who: &str| rows.iter().filter(|r| r.better == who).count();
    let (a_wins, b_wins, ties) = (count("a"), count("b"), count("tie"));
    Comparison {
        a: a.to_string(),
        b: b.to_string(),
        questions: rows,
        a_wins,
        b_wins,
        ties,
        sign_test_p: sign_test(a_wins, b_wins),
    }
}

/// The two-sided sign test of `wins` against `losses` (an exact binomial test with p = ½):
/// twice the chance of the smaller count or fewer, at most 1.
pub fn sign_test(wins: usize, losses: usize) -> Option<f64> {
    let n = wins + losses;
    if n == 0 {
        return None;
    }
    let k = wins.min(losses);
    // Σ C(n, i) / 2ⁿ for i ≤ k, in logs so that large n neither overflows nor underflows.
    let ln_half_n = n as f64 * 0.5f64.ln();
    let mut ln_choose = 0.0; // ln C(n, 0)
    let mut tail = 0.0;
    for i in 0..=k {
        if i > 0 {
            ln_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        tail += (ln_choose + ln_half_n).exp();
    }
    Some((2.0 * tail).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rivals_are_those_who_answered_a_shared_question() {
        let answer = |who: &str| Answer {
            forecaster: who.to_string(),
            forecast: format!("{who}-f"),
            probability: 0.5,
            brier: 0.25,
            log_of_outcome: 0.5f64.ln(),
        };
        let question = |answers: Vec<Answer>| AnsweredQuestion {
            id: "q".into(),
            claim: "Q.".into(),
            happened: true,
            answers,
        };
        let questions = [
            question(vec![answer("Ann"), answer("Bo")]),
            question(vec![answer("Cy"), answer("Dee")]),
            question(vec![answer("Ann"), answer("Dee"), answer("Bo")]),
        ];
        assert_eq!(rivals(&questions, "Ann"), ["Bo", "Dee"]);
        assert!(rivals(&questions, "Eve").is_empty());
    }

    #[test]
    fn the_sign_test_is_scipys_binomtest() {
        // scipy.stats.binomtest(k, n, 0.5).pvalue, two-sided.
        let cases = [
            ((7, 2), 0.1796875),
            ((3, 0), 0.25),
            ((2, 2), 1.0),
            ((0, 5), 0.0625),
            ((9, 3), 0.14599609375),
        ];
        for ((wins, losses), expected) in cases {
            let p = sign_test(wins, losses).unwrap();
            assert!(
                (p - expected).abs() < 1e-12,
                "{wins}-{losses}: {p} vs {expected}"
            );
        }
        assert_eq!(sign_test(0, 0), None);
    }
}
