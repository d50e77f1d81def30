//! What earlier passages leave for later ones: the article's full names, for a surname
//! used alone; the speakers named so far with their roles, for "he" and "the minister";
//! and the last quotation's speaker, for a quotation that continues it.

use std::collections::{HashMap, HashSet};

use super::attribution::{Attribution, Basis};
pub(super) use super::given_names::Gender;
use super::names::name_runs;
use crate::intake::text::words;

/// How many speakers (each with the role given) "he" and "the minister" may refer back
/// to: more than an article names, and few enough that looking back costs little.
const RECENT_SPEAKERS: usize = 100;

/// How many speakers back "he" or "she" looks for one whose gender agrees.
const PRONOUN_REACH: usize = 3;

/// What the attribution of earlier passages leaves for later ones.
#[derive(Debug, Default)]
pub struct Context {
    /// Full names in the article (two words or more), for surnames used alone.
    pub full_names: Vec<String>,
    /// The first of `full_names` ending with each surname.
    by_surname: HashMap<String, usize>,
    /// The first of `full_names` starting with each word: for names written family name
    /// first ("Shin In-kyun", later "Shin").
    by_first: HashMap<String, usize>,
    /// Speakers named so far, with their roles, latest last: what "he" and "the minister"
    /// refer to. Each pair once, at its latest mention, and only the last
    /// [`RECENT_SPEAKERS`]: an article quoting a person a thousand times looks back over
    /// one entry, not a thousand.
    recent: Vec<(String, Option<String>)>,
    /// Every capitalized word the article writes in a name run, for a transcript's
    /// surname in capitals.
    name_words: HashSet<String>,
    /// The first of `full_names` ending with each surname in lower case, preferring a name
    /// the article writes in lower case too: for a transcript's "VEY:".
    by_surname_lower: HashMap<String, usize>,
    /// How many paragraphs open with each label before a colon ("OMARI" for "OMARI:" and
    /// "OMARI (spokeswoman):"): counted once, so that a transcript of many turns is read in
    /// time linear in its length.
    paragraph_labels: HashMap<String, usize>,
    /// Institutions that spoke of themselves as "it": never what "he" or "she" means.
    organisations: HashSet<String>,
    /// Genders the article shows, by full name.
    genders: HashMap<String, Gender>,
    /// The latest role given to each speaker, kept after later mentions without one.
    roles_seen: HashMap<String, String>,
    /// The last quoted passage's attribution and paragraph, for continued quotations.
    last_quote: Option<(Attribution, usize)>,
    /// The last paraphrase of a named speaker ("He added that…") and its paragraph: a
    /// quotation with no reporting clause right after it goes on in their words.
    last_reported: Option<(Attribution, usize)>,
}

impl Context {
    pub fn new(text: &str) -> Context {
        // A word the text also writes in lower case ("war" for "Cold War") is not a name.
        let lower: HashSet<String> = words(text, 0..text.len())
            .into_iter()
            .filter(|w| !w.capitalized)
            .map(|w| w.lower)
            .collect();
        let mut full_names: Vec<String> = Vec::new();
        let mut name_words: HashSet<String> = HashSet::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut by_surname: HashMap<String, usize> = HashMap::new();
        let mut by_first: HashMap<String, usize> = HashMap::new();
        for run in name_runs(text, 0..text.len()) {
            let name = text[run].to_string();
            name_words.extend(name.split_whitespace().map(str::to_string));
            let common = name
                .split_whitespace()
                .any(|w| lower.contains(&w.to_lowercase()));
            if name.split_whitespace().count() >= 2 && !common && seen.insert(name.clone()) {
                if let Some(surname) = name.rsplit(' ').next() {
                    by_surname
                        .entry(surname.to_string())
                        .or_insert(full_names.len());
                }
                // A family name first, as a hyphenated given name after it shows ("Moon
                // Sang-gyun").
                let parts: Vec<&str> = name.split(' ').collect();
                if let [family, given] = parts.as_slice()
                    && given.contains('-')
                {
                    by_first
                        .entry(family.to_string())
                        .or_insert(full_names.len());
                }
                full_names.push(name);
            }
        }
        let mut by_surname_lower: HashMap<String, usize> = HashMap::new();
        for (at, name) in full_names.iter().enumerate() {
            let Some(surname) = name.rsplit(' ').next() else {
                continue;
            };
            let written = name.chars().any(char::is_lowercase);
            let entry = by_surname_lower.entry(surname.to_lowercase()).or_insert(at);
            if written && !full_names[*entry].chars().any(char::is_lowercase) {
                *entry = at;
            }
        }
        let mut context = Context {
            full_names,
            name_words,
            by_surname,
            by_surname_lower,
            by_first,
            paragraph_labels: paragraph_labels(text),
            ..Context::default()
        };
        context.genders = context.honorifics(text);
        // A given name the article writes ("Sarah Hewitt"), where no honorific says more.
        for name in &context.full_names {
            if let Some(gender) = name
                .split_whitespace()
                .next()
                .and_then(super::given_names::gender_of)
            {
                context.genders.entry(name.clone()).or_insert(gender);
            }
        }
        context
    }

    /// The genders honorifics show: "Mr Vey" or "Mr. Vey" is a man, "Ms", "Mrs" or "Miss"
    /// a woman, for the full name the article gives that surname.
    fn honorifics(&self, text: &str) -> HashMap<String, Gender> {
        let mut genders = HashMap::new();
        let words: Vec<&str> = text.split_whitespace().collect();
        for pair in words.windows(2) {
            let gender = match pair[0].trim_end_matches('.') {
                "Mr" => Gender::Male,
                "Ms" | "Mrs" | "Miss" => Gender::Female,
                _ => continue,
            };
            let surname = pair[1].trim_end_matches(|c: char| !c.is_alphanumeric());
            if let Some(&at) = self.by_surname.get(surname) {
                genders.entry(self.full_names[at].clone()).or_insert(gender);
            }
        }
        genders
    }

    /// Notes a gender a role shows ("spokeswoman", "chairman") for `speaker`.
    fn gender_of_role(&mut self, speaker: &str, role: &str) {
        let lower = role.to_lowercase();
        let gender = if ["woman", "women", "mother", "actress"]
            .iter()
            .any(|word| lower.split_whitespace().any(|w| w.ends_with(word)))
        {
            Gender::Female
        } else if [
            "chairman",
            "spokesman",
            "congressman",
            "businessman",
            "father",
        ]
        .iter()
        .any(|word| lower.split_whitespace().any(|w| w == *word))
        {
            Gender::Male
        } else {
            return;
        };
        self.genders.entry(speaker.to_string()).or_insert(gender);
    }

    /// A surname alone ("Barbashin") as the full name the article gave earlier.
    pub(super) fn full_name(&self, name: &str) -> String {
        if name.split_whitespace().count() > 1 {
            return name.to_string();
        }
        // A surname, else a family name written first ("Shin" for "Shin In-kyun").
        self.by_surname
            .get(name)
            .or_else(|| self.by_first.get(name))
            .map_or_else(|| name.to_string(), |&i| self.full_names[i].clone())
    }

    /// Notes an institution that spoke (see [`Attribution::organisation`]): it is no
    /// longer one "he" or a title may refer to.
    pub(super) fn organisation(&mut self, name: &str) {
        let owner = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .unwrap_or(name);
        for name in [name, owner] {
            self.organisations.insert(name.to_string());
            self.recent.retain(|(s, _)| s != name);
        }
    }

    /// Notes a speaker named now, as the latest one "he" or a title may refer to.
    pub(super) fn remember(&mut self, speaker: String, role: Option<String>) {
        if self.organisations.contains(&speaker) {
            return;
        }
        if let Some(role) = &role {
            self.roles_seen.insert(speaker.clone(), role.clone());
            self.gender_of_role(&speaker, role);
        }
        self.recent.retain(|(s, r)| (s, r) != (&speaker, &role));
        self.recent.push((speaker, role));
        if self.recent.len() > RECENT_SPEAKERS {
            self.recent.remove(0);
        }
    }

    /// Whom "he" (`Some(Gender::Male)`) or "she" refers to: the speaker named last whose
    /// gender, where the article shows it, agrees, among the last few; else the speaker
    /// named last, if their gender does not disagree.
    pub(super) fn referent(&self, gender: Gender) -> Option<Attribution> {
        let agreeing = self
            .recent
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .find(|(name, _)| self.genders.get(name).is_none_or(|known| *known == gender));
        match agreeing {
            Some((name, role)) => Some(Attribution {
                speaker: Some(name.clone()),
                role: role.clone(),
                ..Attribution::default()
            }),
            // The speaker named last, unless the article shows they are not a "he" (or a
            // "she"): then no one named is meant.
            None => self.last_speaker().filter(|last| {
                last.speaker
                    .as_ref()
                    .and_then(|name| self.genders.get(name))
                    .is_none_or(|known| *known == gender)
            }),
        }
    }

    /// The speaker named last, with their role.
    pub(super) fn last_speaker(&self) -> Option<Attribution> {
        self.recent.last().map(|(name, role)| Attribution {
            speaker: Some(name.clone()),
            role: role.clone(),
            ..Attribution::default()
        })
    }

    /// Whether the article shows `name` to be a person's: by an honorific, a given name
    /// or a role that tells their gender.
    pub(super) fn is_person(&self, name: &str) -> bool {
        self.genders.contains_key(name)
    }

    /// Whether the article writes `word` (as it is written, capitals and all) as a
    /// capitalized word of a name anywhere ("Senator Dunmore" for "Dunmore").
    pub(super) fn text_has_word(&self, word: &str) -> bool {
        self.name_words.contains(word)
    }

    /// The full name the article gives a surname written in any case ("VEY" for "Ana
    /// Vey"), as the article writes it.
    pub(super) fn full_name_ignoring_case(&self, surname: &str) -> Option<&str> {
        self.by_surname_lower
            .get(&surname.to_lowercase())
            .map(|&at| self.full_names[at].as_str())
    }

    /// How many paragraphs open with `label` before a colon.
    pub(super) fn paragraphs_labelled(&self, label: &str) -> usize {
        self.paragraph_labels.get(label).copied().unwrap_or(0)
    }

    /// Whether `full_name` was named as a speaker before.
    pub(super) fn knows(&self, full_name: &str) -> bool {
        self.recent.iter().any(|(name, _)| name == full_name)
    }

    /// The role given last to the speaker `full_name`, for a later mention by name alone.
    pub(super) fn role_of(&self, full_name: &str) -> Option<String> {
        self.recent
            .iter()
            .rev()
            .find(|(name, _)| name == full_name)
            .and_then(|(_, role)| role.clone())
    }

    /// Any role ever given to the speaker `full_name`, the latest first.
    pub(super) fn role_of_any(&self, full_name: &str) -> Option<String> {
        self.roles_seen.get(full_name).cloned()
    }

    /// The speaker named last whose role holds `title` ("minister" in "the finance
    /// minister"), as (name, role): whom "the minister" refers to.
    /// Among several who hold it, the one whose role also has the description's other
    /// words (`modifiers`: "foreign" in "the foreign minister") comes first.
    pub(super) fn titled<'a>(
        &'a self,
        title: &'a str,
        modifiers: &[&str],
    ) -> Option<&'a (String, Option<String>)> {
        let holders: Vec<&(String, Option<String>)> = self.holding(title).collect();
        holders
            .iter()
            .find(|(_, role)| {
                let role = role.as_deref().unwrap_or("").to_lowercase();
                !modifiers.is_empty()
                    && modifiers
                        .iter()
                        .all(|m| role.split_whitespace().any(|w| w == *m))
            })
            .or(holders.first())
            .copied()
    }

    /// The speakers whose role holds `title`, the latest first.
    fn holding<'a>(
        &'a self,
        title: &'a str,
    ) -> impl Iterator<Item = &'a (String, Option<String>)> + 'a {
        // The title is the role's own noun, not its employer's: "the bank" is not the
        // "head of research at Stone Bank".
        self.recent.iter().rev().filter(move |(_, role)| {
            role.as_deref().is_some_and(|r| {
                let lower = r.to_lowercase();
                let head = [" at ", " for ", " with ", " in ", ","]
                    .iter()
                    .filter_map(|cut| lower.find(cut))
                    .min()
                    .map_or(lower.as_str(), |at| &lower[..at]);
                head.split_whitespace().any(|word| {
                    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                    // "Gen" for "the general", "Sen." for "the senator".
                    let full = match word {
                        "gen" => "general",
                        "adm" => "admiral",
                        "sen" => "senator",
                        "gov" => "governor",
                        "rep" => "representative",
                        "prof" => "professor",
                        "col" => "colonel",
                        "lt" => "lieutenant",
                        other => other,
                    };
                    full == title
                })
            })
        })
    }

    /// The attribution a quotation without a reporting clause of its own continues: the
    /// last quotation's, when that was in this paragraph or the one before.
    pub(super) fn continued_quotation(&self, paragraph: usize) -> Attribution {
        // A paraphrase of a named speaker after the last quotation: the quotation goes on
        // in their words.
        if let Some((reported, at)) = &self.last_reported
            && paragraph <= at + 1
            && self
                .last_quote
                .as_ref()
                .is_none_or(|(_, quoted_at)| quoted_at < at)
        {
            return Attribution {
                basis: Basis::ContinuedQuotation,
                ..reported.clone()
            };
        }
        match &self.last_quote {
            Some((last, at)) if paragraph <= at + 1 => Attribution {
                // The first quotation after a colon is the one the colon introduced.
                basis: match last.basis {
                    Basis::Colon => Basis::Colon,
                    _ => Basis::ContinuedQuotation,
                },
                ..last.clone()
            },
            _ => Attribution {
                basis: Basis::ContinuedQuotation,
                ..Attribution::default()
            },
        }
    }

    /// Notes a passage that introduces the quotation after it with a colon: a quotation in
    /// this paragraph or the next without a reporting clause of its own is its speaker's.
    pub(super) fn introduces(&mut self, attribution: &Attribution, paragraph: usize) {
        self.last_quote = Some((
            Attribution {
                basis: Basis::Colon,
                ..attribution.clone()
            },
            paragraph,
        ));
    }

    /// Notes a paraphrase of a named speaker, for a quotation that continues it.
    pub(super) fn reported(&mut self, attribution: &Attribution, paragraph: usize) {
        self.last_reported = Some((attribution.clone(), paragraph));
    }

    /// Notes a quoted passage's attribution, for a quotation that continues it.
    pub(super) fn quoted(&mut self, attribution: Attribution, paragraph: usize) {
        self.last_quote = Some((attribution, paragraph));
    }
}

/// The labels paragraphs open with before a colon, and how many open with each: "OMARI" for
/// "OMARI: …" and for "OMARI (spokeswoman): …".
fn paragraph_labels(text: &str) -> HashMap<String, usize> {
    let mut labels = HashMap::new();
    for line in text.lines() {
        if let Some((head, _)) = line.trim_start().split_once(':')
            && head.len() <= LABEL_BYTES
        {
            let label = transcript_label_name(head);
            *labels.entry(label.to_string()).or_insert(0) += 1;
        }
    }
    labels
}

/// The longest label before a colon counted: a name, a rank and a role.
const LABEL_BYTES: usize = 80;

/// The label of a head before a colon, without a bracketed role: "OMARI (spokeswoman)" →
/// "OMARI".
pub(super) fn transcript_label_name(head: &str) -> &str {
    head.split(" (").next().unwrap_or(head).trim()
}
