//! Who says it: the reporting clause of a passage ("X said", "wrote X on Twitter",
//! "according to X", "X, a senior fellow at Y, tweeted"), the appositive that gives the
//! speaker's role, a pronoun or title ("he", "the minister") taken back to the speaker it
//! refers to, and a quotation continued from the passage before. No reporting clause and
//! no quotation marks is the article's own voice; "numerous analysts said" or "it is
//! claimed" is an unnamed group.

use std::ops::Range;

use std::collections::{HashMap, HashSet};

use super::hedges::{MODALS, Word, words};
use super::text::{Quotation, overlapping};

/// Who a passage is by, as the article names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker as the article names them (full name where the article gives it).
    pub speaker: Option<String>,
    /// An unnamed group ("numerous analysts", "it is claimed").
    pub group: Option<String>,
    /// The appositive or title the article gives the speaker.
    pub role: Option<String>,
    /// The passage is the article's own voice.
    pub author: bool,
    /// The passage is (or starts with) a quotation.
    pub quoted: bool,
}

/// Verbs (and "according") that report speech or writing.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "write",
    "tweeted",
    "tweets",
    "posted",
    "added",
    "adds",
    "argued",
    "argues",
    "warned",
    "warns",
    "explained",
    "explains",
    "noted",
    "believes",
    "thinks",
    "predicted",
    "predicts",
    "agrees",
    "agreed",
    "claimed",
    "stated",
    "announced",
    "announces",
    "insisted",
    "insists",
    "suggested",
    "suggests",
    "cautioned",
    "concluded",
    "concludes",
    "observed",
    "saying",
    "writing",
    "adding",
    "arguing",
    "warning",
    "predicting",
    "according",
    "reckons",
    "acknowledged",
    "admitted",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "asserted",
    "asserts",
    "replied",
    "responded",
    "commented",
    "remarked",
    "declared",
    "declares",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "put",
    "spoke",
    "expects",
    "expected",
    "forecast",
    "forecasts",
];

/// Words between a subject and its reporting verb ("has also said").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "also",
    "then",
    "later",
    "recently",
    "once",
    "again",
    "earlier",
    "previously",
    "further",
    "reportedly",
    "swiftly",
    "quickly",
    "publicly",
    "has",
    "will",
    "would",
    "did",
    "does",
    "do",
    "had",
    "been",
    "already",
    "just",
    "flatly",
];

/// Titles that come before a name and belong to the role.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "senator",
    "sen",
    "gen",
    "general",
    "dr",
    "mr",
    "ms",
    "mrs",
    "prof",
    "professor",
    "chancellor",
    "secretary",
    "ambassador",
    "governor",
    "gov",
    "mayor",
    "judge",
    "king",
    "queen",
    "pope",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "spokesman",
    "spokeswoman",
    "rep",
    "representative",
    "former",
    "vice",
    "chairman",
    "chief",
    "director",
    "analyst",
    "expert",
    "correspondent",
    "economist",
    "commander",
    "colonel",
    "lieutenant",
];

/// Capitalized words that start a sentence rather than a name.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "so",
    "then",
    "now",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "meanwhile",
    "however",
    "although",
    "as",
    "with",
    "by",
    "from",
    "to",
    "of",
    "last",
    "next",
    "yet",
    "still",
    "also",
    "even",
    "since",
    "because",
    "here",
    "there",
];

const PARTICLES: &[&str] = &[
    "de", "van", "von", "al", "bin", "da", "di", "la", "le", "der", "du",
];

const QUANTIFIERS: &[&str] = &[
    "several", "numerous", "many", "some", "most", "few", "other", "various", "multiple",
];

const GROUP_NOUNS: &[&str] = &[
    "analysts",
    "observers",
    "experts",
    "commentators",
    "critics",
    "officials",
    "diplomats",
    "sources",
    "economists",
    "pundits",
    "scholars",
    "insiders",
    "strategists",
    "watchers",
    "investors",
    "residents",
    "users",
    "researchers",
    "historians",
    "politicians",
    "lawmakers",
    "activists",
    "people",
];

/// Words after "it is" that make an unattributed claim.
const IMPERSONAL: &[&str] = &[
    "claimed",
    "said",
    "believed",
    "thought",
    "expected",
    "reported",
    "rumoured",
    "rumored",
    "feared",
    "argued",
    "suggested",
    "speculated",
];

/// How many speakers (each with the role given) "he" and "the minister" may refer back
/// to: more than an article names, and few enough that looking back costs little.
const RECENT_SPEAKERS: usize = 100;

/// What the attribution of earlier passages leaves for later ones.
#[derive(Debug, Default)]
pub struct Context {
    /// Full names in the article (two words or more), for surnames used alone.
    pub full_names: Vec<String>,
    /// The first of `full_names` ending with each surname.
    by_surname: HashMap<String, usize>,
    /// Speakers named so far, with their roles, latest last: what "he" and "the minister"
    /// refer to. Each pair once, at its latest mention, and only the last
    /// [`RECENT_SPEAKERS`]: an article quoting a person a thousand times looks back over
    /// one entry, not a thousand.
    recent: Vec<(String, Option<String>)>,
    /// The last quoted passage's attribution and paragraph, for continued quotations.
    last_quote: Option<(Attribution, usize)>,
}

impl Context {
    pub fn new(text: &str) -> Context {
        // A word the text also writes in lower case ("war" for "Cold War") is not a name.
        let lower: std::collections::HashSet<String> = words(text, 0..text.len())
            .into_iter()
            .filter(|w| !w.capitalized)
            .map(|w| w.lower)
            .collect();
        let mut full_names: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut by_surname: HashMap<String, usize> = HashMap::new();
        for run in name_runs(text, 0..text.len()) {
            let name = text[run].to_string();
            let common = name
                .split_whitespace()
                .any(|w| lower.contains(&w.to_lowercase()));
            if name.split_whitespace().count() >= 2 && !common && seen.insert(name.clone()) {
                if let Some(surname) = name.rsplit(' ').next() {
                    by_surname
                        .entry(surname.to_string())
                        .or_insert(full_names.len());
                }
                full_names.push(name);
            }
        }
        Context {
            full_names,
            by_surname,
            ..Context::default()
        }
    }

    /// A surname alone ("Barbashin") as the full name the article gave earlier.
    fn full_name(&self, name: &str) -> String {
        if name.split_whitespace().count() > 1 {
            return name.to_string();
        }
        self.by_surname
            .get(name)
            .map_or_else(|| name.to_string(), |&i| self.full_names[i].clone())
    }

    /// Notes a speaker named now, as the latest one "he" or a title may refer to.
    fn remember(&mut self, speaker: String, role: Option<String>) {
        self.recent.retain(|(s, r)| (s, r) != (&speaker, &role));
        self.recent.push((speaker, role));
        if self.recent.len() > RECENT_SPEAKERS {
            self.recent.remove(0);
        }
    }
}

/// Runs of capitalized words in `text[range]`: candidate names, without a leading
/// function word or title.
fn name_runs(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let words = words(text, range);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_name_word(&words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len()
            && (is_name_word(&words[j + 1]) || PARTICLES.contains(&words[j + 1].lower.as_str()))
            && text[words[j].range.end..words[j + 1].range.start]
                .chars()
                .all(|c| c == ' ' || (c == '.' && words[j].lower.chars().count() == 1))
        {
            j += 1;
        }
        let mut first = i;
        while first <= j
            && (FUNCTION_WORDS.contains(&words[first].lower.as_str())
                || TITLES.contains(&words[first].lower.trim_end_matches('.')))
        {
            first += 1;
        }
        if first <= j && !words[j].lower.ends_with("'s") {
            runs.push(words[first].range.start..words[j].range.end);
        }
        i = j + 1;
    }
    runs
}

fn is_name_word(word: &Word) -> bool {
    word.capitalized && !word.lower.chars().all(|c| c.is_ascii_digit())
}

fn is_outside(quotations: &[Quotation], at: usize) -> bool {
    overlapping(quotations, at..at + 1).is_empty()
}

/// The attribution of the passage `unit` (a range of the text) in paragraph `paragraph`.
pub fn attribute(
    text: &str,
    unit: Range<usize>,
    paragraph: usize,
    quotations: &[Quotation],
    context: &mut Context,
) -> Attribution {
    let quoted = !overlapping(quotations, unit.clone()).is_empty();
    let all_words = words(text, unit.clone());
    let outside: Vec<&Word> = all_words
        .iter()
        .filter(|w| is_outside(quotations, w.range.start))
        .collect();
    let mut found = reporting_clause(text, &unit, quotations, &outside, context);
    if found.is_none() {
        found = group(&outside);
    }
    let mut attribution = match found {
        Some(attribution) => attribution,
        None if quoted && starts_quoted(text, &unit, quotations) => {
            // A quotation with no reporting clause of its own continues the last one.
            match &context.last_quote {
                Some((last, at)) if paragraph <= at + 1 => last.clone(),
                _ => Attribution::default(),
            }
        }
        None => Attribution {
            author: true,
            ..Attribution::default()
        },
    };
    attribution.quoted = quoted;
    if quoted {
        context.last_quote = Some((attribution.clone(), paragraph));
    }
    if let Some(speaker) = &attribution.speaker {
        context.remember(speaker.clone(), attribution.role.clone());
    }
    attribution
}

fn starts_quoted(text: &str, unit: &Range<usize>, quotations: &[Quotation]) -> bool {
    let start = unit.start + (text[unit.clone()].len() - text[unit.clone()].trim_start().len());
    !is_outside(quotations, start)
}

/// "numerous analysts", "it is claimed", "there has been speculation": a group named
/// outside the quotation marks.
fn group(outside: &[&Word]) -> Option<Attribution> {
    let lower: Vec<&str> = outside.iter().map(|w| w.lower.as_str()).collect();
    let named = |group: String| {
        Some(Attribution {
            group: Some(group),
            ..Attribution::default()
        })
    };
    for i in 0..lower.len() {
        if QUANTIFIERS.contains(&lower[i]) {
            for j in i + 1..lower.len().min(i + 3) {
                if GROUP_NOUNS.contains(&lower[j]) {
                    return named(lower[i..=j].join(" "));
                }
            }
        }
        if lower[i] == "it"
            && lower
                .get(i + 1)
                .is_some_and(|w| matches!(*w, "is" | "was" | "has"))
            && let Some(verb) = lower[i + 2..lower.len().min(i + 4)]
                .iter()
                .find(|w| IMPERSONAL.contains(w))
        {
            return named(format!("it is {verb}"));
        }
        if matches!(lower[i], "speculation" | "rumours" | "rumors") {
            return named(lower[i].to_string());
        }
    }
    None
}

/// The speaker from a reporting verb outside the quotation marks: its subject before it
/// ("Baunov, a senior fellow at X, wrote"), or after it ("argues John Smith, a director").
fn reporting_clause(
    text: &str,
    unit: &Range<usize>,
    quotations: &[Quotation],
    outside: &[&Word],
    context: &Context,
) -> Option<Attribution> {
    let verb_at = outside.iter().position(|w| {
        REPORTING.contains(&w.lower.as_str())
            && (w.lower != "put" || text[w.range.end..].trim_start().starts_with("it"))
            && (w.lower != "according" || text[w.range.end..].trim_start().starts_with("to"))
            && !w.capitalized
    })?;
    let verb = outside[verb_at];
    // The subject: from the end of the last quotation (or the passage's start) to the verb.
    let ended = quotations.partition_point(|q| q.range.end <= verb.range.start);
    let segment_start = quotations[..ended]
        .last()
        .map(|q| q.range.end)
        .filter(|&end| end > unit.start)
        .unwrap_or(unit.start);
    let before = strip_auxiliaries(text[segment_start..verb.range.start].trim());
    if verb.lower != "according"
        && let Some(attribution) = subject(before, context)
    {
        return Some(attribution);
    }
    // Inverted ("said the minister", "according to X"): the words after the verb.
    let mut after_start = verb.range.end;
    if verb.lower == "according" {
        // The "to" that follows (the verb was taken only with one).
        after_start += text[after_start..unit.end.max(after_start)]
            .find("to")
            .map_or(0, |i| i + 2);
    }
    let sentence_end = quotations
        .get(quotations.partition_point(|q| q.range.start < after_start))
        .map(|q| q.range.start)
        .filter(|&start| start < unit.end)
        .unwrap_or(unit.end);
    let after = text[after_start..sentence_end.max(after_start)].trim();
    inverted(after, context)
}

fn strip_auxiliaries(segment: &str) -> &str {
    // Slices, not copies: a segment of many auxiliaries ("has has has…") is cut in time
    // linear in its length.
    let mut segment = segment.trim_end_matches([',', ' ']);
    loop {
        let Some((head, last)) = segment.rsplit_once(' ') else {
            if AUXILIARIES.contains(&segment.to_lowercase().as_str()) {
                segment = "";
            }
            return segment;
        };
        if AUXILIARIES.contains(&last.to_lowercase().as_str()) {
            segment = head.trim_end_matches([',', ' ']);
        } else {
            return segment;
        }
    }
}

fn clean(part: &str) -> &str {
    part.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\u{201C}' | '\u{201D}' | '-' | '–' | '—' | ':' | ';' | '.'
            )
    })
}

/// A role as the article gives it, without its article ("a senior fellow" → "senior fellow").
fn role(part: &str) -> Option<String> {
    let part = clean(part);
    let part = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| part.strip_prefix(article))
        .unwrap_or(part);
    (!part.is_empty()).then(|| part.to_string())
}

/// If `part` is a name, or ends with one after its role ("Russia expert Hans Schröder"):
/// the name and the words before it.
fn name_in(part: &str) -> Option<(String, Option<String>)> {
    let part = clean(part);
    let run = name_runs(part, 0..part.len()).pop()?;
    if run.end != part.len() {
        return None;
    }
    Some((part[run.clone()].to_string(), role(&part[..run.start])))
}

fn is_pure_name(part: &str) -> bool {
    let part = clean(part);
    name_runs(part, 0..part.len())
        .first()
        .is_some_and(|run| run.start == 0 && run.end == part.len())
}

/// The subject just before a reporting verb.
fn subject(before: &str, context: &Context) -> Option<Attribution> {
    let parts: Vec<&str> = before
        .split(',')
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    let mut parts = parts.as_slice();
    // A relative clause inside the appositive ("..., which advises the ministry,").
    while let Some((last, rest)) = parts.split_last() {
        let first_word = last.split_whitespace().next().unwrap_or("").to_lowercase();
        if matches!(first_word.as_str(), "which" | "who" | "whose" | "where") && !rest.is_empty() {
            parts = rest;
        } else {
            break;
        }
    }
    let (last, rest) = parts.split_last()?;
    let last_lower = last.to_lowercase();
    if last.split_whitespace().count() > 12 {
        return None;
    }
    match last_lower.as_str() {
        "he" | "she" | "him" | "her" => {
            return context.recent.last().map(|(name, role)| Attribution {
                speaker: Some(name.clone()),
                role: role.clone(),
                ..Attribution::default()
            });
        }
        "i" | "we" => {
            return Some(Attribution {
                author: true,
                ..Attribution::default()
            });
        }
        "it" | "there" | "this" | "that" => return None,
        _ => {}
    }
    let named = |name: String, role: Option<String>| {
        Some(Attribution {
            speaker: Some(context.full_name(&name)),
            role,
            ..Attribution::default()
        })
    };
    if is_pure_name(last) {
        let full_name = context.full_name(clean(last));
        let role = context
            .recent
            .iter()
            .rev()
            .find(|(n, _)| *n == full_name)
            .and_then(|(_, r)| r.clone());
        return named(clean(last).to_string(), role);
    }
    if let Some(previous) = rest.last()
        && is_pure_name(previous)
    {
        return named(clean(previous).to_string(), role(last));
    }
    // A clause is not a speaker: in "Russia will most likely not invade, said John Smith"
    // the words before the verb are the claim, and the speaker comes after it.
    if is_clause(last) {
        return None;
    }
    if let Some((name, role)) = name_in(last) {
        return named(name, role);
    }
    let words: Vec<&str> = last_lower.split_whitespace().collect();
    let head = *words.last()?;
    if words.iter().any(|w| QUANTIFIERS.contains(w)) || GROUP_NOUNS.contains(&head) {
        return Some(Attribution {
            group: Some(last_lower.trim_start_matches("the ").to_string()),
            ..Attribution::default()
        });
    }
    if let Some(the) = words
        .iter()
        .rposition(|w| matches!(*w, "the" | "this" | "that"))
        && words.len() - the <= 3
    {
        // A title standing for someone named before ("the minister").
        let found = context.recent.iter().rev().find(|(_, role)| {
            role.as_deref()
                .is_some_and(|r| r.to_lowercase().contains(head))
        });
        return Some(Attribution {
            speaker: found.map(|(name, _)| name.clone()),
            role: found
                .and_then(|(_, role)| role.clone())
                .or_else(|| Some(words[the + 1..].join(" "))),
            ..Attribution::default()
        });
    }
    // A speaker described but not named ("the president's spokesman").
    last.chars().any(char::is_uppercase).then(|| Attribution {
        speaker: Some(last.to_string()),
        ..Attribution::default()
    })
}

/// Whether `part` says something rather than names someone: it has a modal verb ("will",
/// "may", "won't"), written in lower case so that "Will" and "May" the names are not
/// taken for one.
fn is_clause(part: &str) -> bool {
    part.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let word = word.replace('’', "'");
        MODALS.contains(&word.as_str())
            || word.ends_with("'ll")
            || matches!(word.as_str(), "must" | "should")
    })
}

/// The speaker after the verb: "said John Smith, a director at X".
fn inverted(after: &str, context: &Context) -> Option<Attribution> {
    let mut parts = after.splitn(2, ',');
    let first = clean(parts.next()?);
    let first = first.strip_prefix("the ").unwrap_or(first);
    let name = name_runs(first, 0..first.len()).into_iter().next()?;
    // Only titles may come before the name ("said Dr. Ana Vey", "said Foreign Minister X").
    let titled = first[..name.start]
        .split_whitespace()
        .all(|word| TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str()));
    if !titled {
        return None;
    }
    let role = parts
        .next()
        .and_then(|rest| role(rest.split([',', '.']).next().unwrap_or(rest)));
    Some(Attribution {
        speaker: Some(context.full_name(&first[name])),
        role,
        ..Attribution::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::text::{quotations, sentences, units};

    /// Attributions of each unit of a text, in order.
    fn attributions(text: &str) -> Vec<Attribution> {
        let sentences = sentences(text);
        let quotations = quotations(text);
        let mut context = Context::new(text);
        units(&sentences, &quotations)
            .into_iter()
            .map(|unit| {
                let range = sentences[unit.start].range.start..sentences[unit.end - 1].range.end;
                attribute(
                    text,
                    range,
                    sentences[unit.start].paragraph,
                    &quotations,
                    &mut context,
                )
            })
            .collect()
    }

    fn speaker(a: &Attribution) -> Option<&str> {
        a.speaker.as_deref()
    }

    #[test]
    fn x_said_with_an_appositive_role() {
        let text = "“Prices will rise,” Jane Roe, a senior fellow at the Example Institute, said on Monday.";
        let a = &attributions(text)[0];
        assert_eq!(speaker(a), Some("Jane Roe"));
        assert_eq!(
            a.role.as_deref(),
            Some("senior fellow at the Example Institute")
        );
    }

    #[test]
    fn wrote_x_on_twitter_and_according_to_x() {
        let a = attributions("“The vote will be delayed,” wrote Ali Khan on Twitter.");
        assert_eq!(speaker(&a[0]), Some("Ali Khan"));
        let a = attributions(
            "The deal will collapse by March, according to Maria Lopez, an economist at a bank.",
        );
        assert_eq!(speaker(&a[0]), Some("Maria Lopez"));
        assert_eq!(a[0].role.as_deref(), Some("economist at a bank"));
    }

    #[test]
    fn a_role_before_the_name() {
        let a = attributions("Energy analyst Tom Berg warns that prices will rise.");
        assert_eq!(speaker(&a[0]), Some("Tom Berg"));
        assert_eq!(a[0].role.as_deref(), Some("Energy analyst"));
    }

    #[test]
    fn a_surname_alone_is_the_full_name_given_before() {
        let a =
            attributions("Olga Petrova, a historian, spoke first. “It will pass,” Petrova added.");
        assert_eq!(speaker(&a[1]), Some("Olga Petrova"));
    }

    #[test]
    fn a_continued_quotation_keeps_its_speaker() {
        let text = "“The talks will fail,” Sam Ode said.\n“And the truce will not hold.”";
        let a = attributions(text);
        assert_eq!(speaker(&a[1]), Some("Sam Ode"));
    }

    #[test]
    fn he_and_the_minister_refer_back() {
        let text = "Karl Bauer, the finance minister, spoke on Monday. He said the budget would pass. Later the minister said taxes will fall.";
        let a = attributions(text);
        assert_eq!(speaker(&a[1]), Some("Karl Bauer"));
        assert_eq!(speaker(&a[2]), Some("Karl Bauer"));
    }

    #[test]
    fn unnamed_groups_and_the_article_voice() {
        let a = attributions("Numerous analysts said the strike would spread.");
        assert_eq!(a[0].group.as_deref(), Some("numerous analysts"));
        assert_eq!(speaker(&a[0]), None);
        let a = attributions("In these forums, it is claimed that the army can stay.");
        assert_eq!(a[0].group.as_deref(), Some("it is claimed"));
        let a = attributions("The government will probably fall before the summer.");
        assert!(a[0].author);
        assert_eq!(speaker(&a[0]), None);
    }

    #[test]
    fn a_claim_before_said_is_not_the_speaker() {
        // Quote first, without quotation marks: the speaker follows the verb.
        let a = attributions(
            "The ferry service will most likely not resume this winter, said Marta Kowal, a planner at the port authority.",
        );
        assert_eq!(speaker(&a[0]), Some("Marta Kowal"));
        assert_eq!(a[0].role.as_deref(), Some("planner at the port authority"));
        // Ending on a name ("... in Ukraine") does not make the name the speaker.
        let a = attributions("Grain exports won't recover soon in Ukraine, argues Pavel Dunn.");
        assert_eq!(speaker(&a[0]), Some("Pavel Dunn"));
        // A title before the name is not part of it.
        let a = attributions("The strike will likely end by Friday, said Dr. Ana Vey.");
        assert_eq!(speaker(&a[0]), Some("Ana Vey"));
        // "May" the name is not the modal.
        let a = attributions("Prime Minister Theresa May said the vote would pass.");
        assert_eq!(speaker(&a[0]), Some("Theresa May"));
    }
}
