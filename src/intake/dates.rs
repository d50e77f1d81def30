//! Dates in an article's words: "on January 5", "Jan. 6", "5 January", "last Tuesday",
//! "yesterday", resolved against the publication date, and a dateline's full date
//! ("Saturday, January 8th, 2022"). A day without a year is the latest such day on or
//! before publication: articles report what was said, so a quote's date is never ahead.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Whether `word` (lower case) is a day of the week.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|(name, _)| *name == word)
}

/// Whether `word` (lower case) is a month's full name ("march", not "mar").
pub fn is_month_name(word: &str) -> bool {
    (1..=12u8).any(|number| {
        chrono::Month::try_from(number).is_ok_and(|month| month.name().eq_ignore_ascii_case(word))
    })
}

/// A date as the text writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mention {
    Day {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    Weekday {
        weekday: Weekday,
        last: bool,
    },
    Yesterday,
}

/// Words of `text` with the punctuation around them stripped, lower-cased; the modal
/// "may" is marked so that it is never read as the month.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '—' | '–'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w == "may" {
                "(may)".to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

fn month(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// Words that say something was said, written or asked: a date right after one of them
/// ("said on Sunday", "told reporters on Jan. 6", "in a note on Friday") is when.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "tweeted",
    "posted",
    "stated",
    "warned",
    "argued",
    "predicted",
    "announced",
    "speaking",
    "spoke",
    "note",
    "interview",
    "statement",
    "remarks",
    "comments",
    "reporters",
    "briefing",
    "conference",
];

/// The dates a passage names that say when it was said: each right after a word of
/// saying, within a few words ("said on Sunday", "told reporters on Jan. 6"). Other
/// dates in it are what it is about ("talks might begin on Sunday", "polled from Feb. 25").
fn when_said(text: &str) -> Vec<Mention> {
    let words = words(text);
    mentions_in(&words)
        .into_iter()
        .filter(|&(at, _)| (at.saturating_sub(4)..at).any(|k| SAYING.contains(&words[k].as_str())))
        .map(|(_, mention)| mention)
        .collect()
}

fn mentions(text: &str) -> Vec<Mention> {
    mentions_in(&words(text))
        .into_iter()
        .map(|(_, mention)| mention)
        .collect()
}

/// The dates among `words`, each with the index of its first word.
fn mentions_in(words: &[String]) -> Vec<(usize, Mention)> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).map(String::as_str);
        let after = words.get(i + 2).map(String::as_str);
        if let Some(m) = month(word)
            && let Some(d) = next.and_then(day)
        {
            found.push((
                i,
                Mention::Day {
                    month: m,
                    day: d,
                    year: after.and_then(year),
                },
            ));
        } else if let Some(d) = day(word)
            && let Some(m) = next.and_then(month)
        {
            found.push((
                i,
                Mention::Day {
                    month: m,
                    day: d,
                    year: after.and_then(year),
                },
            ));
        } else if let Some(&(_, weekday)) = WEEKDAYS.iter().find(|(name, _)| name == word) {
            let last = i > 0 && words[i - 1] == "last";
            found.push((i, Mention::Weekday { weekday, last }));
        } else if word == "yesterday" {
            found.push((i, Mention::Yesterday));
        }
    }
    found
}

fn resolve(mention: Mention, published: NaiveDate) -> Option<NaiveDate> {
    match mention {
        Mention::Day {
            month,
            day,
            year: Some(year),
        } => NaiveDate::from_ymd_opt(year, month, day),
        Mention::Day {
            month,
            day,
            year: None,
        } => {
            let this_year = NaiveDate::from_ymd_opt(published.year(), month, day)?;
            if this_year <= published {
                Some(this_year)
            } else if this_year - published <= Duration::days(62) {
                // A day just ahead is an event to come ("the talks on Jan. 10").
                None
            } else {
                NaiveDate::from_ymd_opt(published.year() - 1, month, day)
            }
        }
        Mention::Weekday { weekday, last } => {
            let back = (published.weekday().num_days_from_monday() + 7
                - weekday.num_days_from_monday())
                % 7;
            // "last Friday" written on a Friday is a week ago; "on Friday" is today.
            let back = if back == 0 && last { 7 } else { back };
            Some(published - Duration::days(back.into()))
        }
        Mention::Yesterday => Some(published - Duration::days(1)),
    }
}

/// The date a passage gives for itself, resolved against `published`: the first date it
/// names right after a word of saying ([`when_said`]) that falls in the year before
/// publication. Dates ahead of publication (a
/// meeting "on Jan. 10") and years alone ("in 2024") are horizons, not when it was said.
pub fn own_date(text: &str, published: NaiveDate) -> Option<NaiveDate> {
    when_said(text)
        .into_iter()
        .filter_map(|m| resolve(m, published))
        .find(|&date| date <= published && published - date <= Duration::days(366))
}

/// A dateline: the first date with its year in `text` ("Saturday, January 8th, 2022").
pub fn dateline(text: &str) -> Option<NaiveDate> {
    mentions(text).into_iter().find_map(|m| match m {
        Mention::Day {
            month,
            day,
            year: Some(year),
        } => NaiveDate::from_ymd_opt(year, month, day),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_day_without_a_year_is_the_latest_one_before_publication() {
        let published = date("2022-01-07");
        assert_eq!(
            own_date("he tweeted on January 6.", published),
            Some(date("2022-01-06"))
        );
        assert_eq!(
            own_date("said on 5 Jan.", published),
            Some(date("2022-01-05"))
        );
        assert_eq!(
            own_date("wrote on Dec. 30", published),
            Some(date("2021-12-30"))
        );
    }

    #[test]
    fn weekdays_and_yesterday_count_back_from_publication() {
        // 2022-01-07 was a Friday.
        let published = date("2022-01-07");
        assert_eq!(
            own_date("said last Tuesday", published),
            Some(date("2022-01-04"))
        );
        assert_eq!(
            own_date("told reporters on Friday", published),
            Some(date("2022-01-07"))
        );
        assert_eq!(
            own_date("said last Friday", published),
            Some(date("2021-12-31"))
        );
        assert_eq!(
            own_date("said yesterday", published),
            Some(date("2022-01-06"))
        );
    }

    #[test]
    fn a_date_in_what_is_said_is_not_when_it_was_said() {
        // 2022-01-07 was a Friday.
        let published = date("2022-01-07");
        assert_eq!(
            own_date("talks might begin on Sunday, the source said", published),
            None
        );
        assert_eq!(
            own_date(
                "economists polled from Jan. 3 to Jan. 5 expect a cut",
                published
            ),
            None
        );
        assert_eq!(
            own_date(
                "the minister said on Tuesday that talks might begin on Sunday",
                published
            ),
            Some(date("2022-01-04"))
        );
    }

    #[test]
    fn horizons_and_the_modal_may_are_not_dates() {
        let published = date("2022-01-07");
        assert_eq!(
            own_date(
                "a meeting in Geneva on Jan. 10 will fail",
                date("2022-01-09")
            ),
            None
        );
        assert_eq!(own_date("he may 5 times win in 2024", published), None);
        assert_eq!(own_date("the vote, due in March 2024", published), None);
    }

    #[test]
    fn a_dateline_needs_a_year() {
        assert_eq!(
            dateline("Written by | Saturday, January 8th, 2022"),
            Some(date("2022-01-08"))
        );
        assert_eq!(dateline("On January 8 it rained"), None);
    }
}
