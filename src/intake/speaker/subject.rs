//! Who the words around a reporting verb name: the subject before it ("Jane Roe, a senior
//! fellow at X, said"), taking a pronoun or a title back to the speaker it stands for, or
//! the words after it ("said John Smith, a director at X").

use super::attribution::{Attribution, Basis};
use super::context::{Context, Gender};
use super::group::group_subject;
use super::names::{clean, is_pure_name, name_in, name_runs, name_runs_after, owner, role};
use super::vocabulary::{GROUP_NOUNS, PERSON_NOUNS, TITLES};
use crate::intake::dates::is_weekday;
use crate::intake::hedges::MODALS;

/// The subject just before a reporting verb.
pub(super) fn subject(before: &str, context: &Context) -> Option<Attribution> {
    // "…utilities, which she expects to outperform": the relative clause's own subject.
    let words: Vec<&str> = before.split_whitespace().collect();
    if let [.., relative, pronoun_word] = words.as_slice()
        && matches!(*relative, "which" | "that")
        && let Some(referent) = pronoun(&pronoun_word.to_lowercase(), context)
    {
        return referent;
    }
    let parts = appositive_parts(before);
    let (last, rest) = parts.split_last()?;
    // "Northland Trade Minister Ivo Marsh on Friday said": when and where are no
    // part of the subject.
    let last: &str = [
        " on ",
        " in ",
        " at ",
        " last ",
        " this ",
        " earlier ",
        " yesterday",
        " today",
        " during ",
        " after ",
    ]
    .iter()
    .filter_map(|cut| last.find(cut))
    .min()
    .map(|at| &last[..at])
    .filter(|head| {
        name_runs(head, 0..head.len())
            .last()
            .is_some_and(|run| run.end == head.len() && head[run.clone()].contains(' '))
    })
    .unwrap_or(last);
    // "The top intelligence official on Wednesday said": a day is no part of any subject.
    let last = last
        .find(" on ")
        .filter(|&at| {
            last[at + 4..]
                .split_whitespace()
                .next()
                .is_some_and(|day| is_weekday(&day.to_lowercase()))
        })
        .map_or(last, |at| &last[..at]);
    // "But he warned": a conjunction opening the sentence is no part of the subject.
    let last = [
        "But ",
        "And ",
        "Yet ",
        "So ",
        "Still, ",
        "However, ",
        "while ",
        "whereas ",
    ]
    .iter()
    .find_map(|opener| last.strip_prefix(opener))
    .unwrap_or(last);
    // "A research piece arrived: 'We now expect…": a colon opens a clause of its own.
    let last = last
        .rsplit_once(':')
        .map_or(last, |(_, clause)| clean(clause));
    // "Northgate economists led by Ana Vey expect": the group, whoever leads it.
    let last = [" led by ", " headed by "]
        .iter()
        .find_map(|led| last.split_once(led).map(|(group, _)| group))
        .unwrap_or(last);
    // "So says Northgate…", "Thus spoke…": a connective alone is no subject, and the speaker
    // comes after the verb.
    if matches!(last, "So" | "Thus" | "And" | "But" | "Or" | "Or so") {
        return None;
    }
    let last_lower = last.to_lowercase();
    // "He actually agrees", "She also said": the adverb is no part of the pronoun.
    let last_lower = match last_lower.split_once(' ') {
        Some((pronoun_word, adverb))
            if matches!(pronoun_word, "he" | "she" | "they" | "we" | "i")
                && !adverb.contains(' ')
                && (adverb.ends_with("ly") || matches!(adverb, "also" | "still" | "now")) =>
        {
            pronoun_word.to_string()
        }
        _ => last_lower,
    };
    if let Some(referent) = pronoun(&last_lower, context) {
        return referent;
    }
    // "Her latest survey suggests…": the survey's author, whom "her" refers to.
    if let Some(owner) = super::documents::pronoun_owning_a_document(last) {
        let gender = if owner == "his" {
            Gender::Male
        } else {
            Gender::Female
        };
        return context.referent(gender).map(|speaker| Attribution {
            basis: Basis::Pronoun,
            ..speaker
        });
    }
    // "Our FX team forecast…": the writer's own team, no person named.
    if last_lower.starts_with("our ") {
        return Some(Attribution {
            basis: Basis::Group,
            group: Some(last_lower),
            ..Attribution::default()
        });
    }
    // "Another said…", "Others expect…": more of the unnamed people just quoted.
    if matches!(last_lower.as_str(), "another" | "others" | "some" | "many") {
        return Some(Attribution {
            basis: Basis::Group,
            group: Some(last_lower),
            ..Attribution::default()
        });
    }
    // "Ana Vey and Ivo Marsh expect", "Both Vey and Marsh said": a joint view, no one
    // person's.
    if let Some(joint) = joint_names(last) {
        return Some(Attribution {
            basis: Basis::Group,
            group: Some(joint),
            ..Attribution::default()
        });
    }
    // "The analyst (Ana Vey) also believes", "an analyst–Ana Vey–from Northgate has
    // predicted": the name set off inside the description is the speaker.
    if let Some((name, role)) = enclosed_name(last) {
        return Some(Attribution {
            speaker: Some(context.full_name(name)),
            role,
            ..Attribution::default()
        });
    }
    let named = |name: String, role: Option<String>| {
        // "Quill's forecast is…": the owner is the speaker.
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .map_or(name.clone(), str::to_string);
        Some(Attribution {
            speaker: Some(context.full_name(&name)),
            role,
            ..Attribution::default()
        })
    };
    // "Ana Vey, director of the Northgate Centre, a policy institute close
    // to the cabinet, told…": a full name first and only appositives after it.
    if let Some((first, appositives)) = parts.split_first()
        && !appositives.is_empty()
        && is_pure_name(first)
        // (Not a claim after the name's appositive: "Ferris Moto, the scooter maker, is
        // likely to turn a profit, said…".)
        && !appositives.iter().any(|part| is_clause(part))
        // (A surname alone the article gave in full before: "Ms Vey, a former aide,".)
        && (first.contains(' ') || context.full_name(first).contains(' '))
        && appositives
            .iter()
            .all(|part| part.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
    {
        return named(clean(first).to_string(), role(appositives[0]));
    }
    // "Ivo Marsh, for three decades a lecturer on the region at X and before that at
    // the agency, said": an appositive after a full name, however long, is the name's.
    if let Some(previous) = rest.last()
        && is_pure_name(previous)
        && previous.contains(' ')
        && last.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
    {
        return named(clean(previous).to_string(), role(last));
    }
    // "Gen. Ivo Marsh, commander of the Northern Command, said", "Economist Ana Vey, of
    // Northgate, said": the same, after a title.
    if let Some(previous) = rest.last()
        && last.starts_with(|c: char| c.is_lowercase())
        && let Some((name, title)) = titled_name(previous)
    {
        // ("Economist Ana Vey, of Northgate": an affiliation runs on from the title.)
        let role = match role(last) {
            Some(role)
                if ["of ", "at ", "from ", "with "]
                    .iter()
                    .any(|l| role.starts_with(l)) =>
            {
                format!("{title} {role}")
            }
            Some(role) => format!("{title}, {role}"),
            None => title,
        };
        return named(name, Some(role));
    }
    // "Northbank: 1.05 Ana Vey, a senior strategist at Northbank, said": a
    // subheading run into the paragraph; the full name that ends the words before the
    // appositive is the subject.
    // So is "former commander-turned politician Ivo Marsh -- likely to lead the next
    // government -- said": a description before the name, an appositive after it.
    // (An appositive describes; one that ends with a full name is the subject itself:
    // "Speaking on “Morning Hour,” party chairman Ivo Marsh said".)
    if let Some(previous) = rest.last()
        && last.starts_with(char::is_lowercase)
        && !name_runs(last, 0..last.len())
            .iter()
            .any(|run| last[run.clone()].contains(' '))
        && let Some(run) = name_runs(previous, 0..previous.len()).pop()
        && run.end == previous.trim_end().len()
        && previous[run.clone()].split_whitespace().count() >= 2
        && is_pure_name(&previous[run.clone()])
    {
        return named(previous[run].to_string(), role(last));
    }
    // "Strategists said", "Experts say": a group noun opening the sentence is no name.
    if last.split_whitespace().count() > 12 {
        return None;
    }
    if let Some(group) = group_subject(&[last_lower.as_str()], &last_lower)
        && !last_lower.contains(' ')
    {
        return Some(group);
    }
    if is_pure_name(last) {
        let role = context.role_of(&context.full_name(clean(last)));
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
    // "The founder of workspace operator DeskHaus said", "A senior figure at club
    // Westbury said": a person described by their place, not the place.
    // (Only as the whole subject: after a name, "Jo Vey, a strategist at X," is hers.)
    if rest.is_empty()
        && let Some(described) = described_by_their_place(last, context)
    {
        return Some(described);
    }
    if let Some((name, role)) = name_in(last) {
        return named(name, role);
    }
    // The clause's own subject, when it opens with a full name: "Helen Roberts of the
    // weather office dismissed the claim, saying: …".
    // A title may come first ("Economist Paul Reyes of Northgate forecast that…").
    // ("Wall Street traders", "Northgate economists": a group, named by its head noun.)
    // (So is "the Met Office forecaster" a person described by a firm and a role.)
    let group_head = last.rsplit(' ').next().is_some_and(|head| {
        GROUP_NOUNS.contains(&head) || (last.starts_with("The ") && PERSON_NOUNS.contains(&head))
    });
    if !group_head
        && let Some(run) = name_runs(last, 0..last.len()).into_iter().next()
        && last[..run.start].split_whitespace().all(|word| {
            TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
                // "British Foreign Secretary": a capitalized role.
                || word.starts_with(char::is_uppercase)
        })
        && last[run.clone()].split_whitespace().count() >= 2
    {
        let title = last[..run.start].trim();
        return named(
            last[run].to_string(),
            (!title.is_empty()).then(|| title.to_string()),
        );
    }
    let words: Vec<&str> = last_lower.split_whitespace().collect();
    let head = *words.last()?;
    if let Some(group) = group_subject(&words, &last_lower) {
        return Some(group);
    }
    if let Some(titled) = title(&words, head, context) {
        return Some(titled);
    }
    // "Quill's forecast is for…": the owner of the view.
    if let Some(owner) = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("\u{2019}s"))
        && is_pure_name(owner)
    {
        return named(owner.to_string(), None);
    }
    // "…, a senior mediator said": one person described, whom the next paragraphs may
    // name (see `name_described_speakers`).
    if matches!(words.first().copied(), Some("a" | "an"))
        && words.len() <= 8
        && (PERSON_NOUNS.contains(&head) || TITLES.contains(&head))
    {
        return Some(Attribution {
            speaker: Some(last.to_string()),
            ..Attribution::default()
        });
    }
    // A speaker described but not named ("the president's spokesman"): a short noun
    // phrase, not a clause ("While the challenger led the first ballot by less than").
    let clause_opener = matches!(
        words.first().copied(),
        Some(
            "while"
                | "although"
                | "though"
                | "if"
                | "when"
                | "because"
                | "since"
                | "as"
                | "after"
                | "before"
                // "In July, expect…", "On Monday": a time, not a speaker.
                | "in"
                | "on"
                | "at"
                | "by"
                | "during"
                | "until"
        )
    ) || words.iter().any(|w| {
        // "Expect a wet March, April and May, says …": months are no speaker.
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::intake::dates::is_month_name(w) || crate::intake::dates::is_weekday(w)
    });
    (last.chars().any(char::is_uppercase) && words.len() <= 6 && !clause_opener).then(|| {
        Attribution {
            speaker: Some(last.to_string()),
            ..Attribution::default()
        }
    })
}

/// A subject that describes a person by a noun and then their place, ending with the
/// place's name: "The founder of workspace operator DeskHaus" (whom a title refers back
/// to), "A senior figure at club Westbury" (one person described, whom a later paragraph
/// may name).
fn described_by_their_place(last: &str, context: &Context) -> Option<Attribution> {
    let lower = last.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let article = *words.first()?;
    let at = words
        .iter()
        .position(|w| matches!(*w, "of" | "at" | "for" | "from" | "with"))?;
    let head = *words.get(at.checked_sub(1)?)?;
    let person = PERSON_NOUNS.contains(&head) || TITLES.contains(&head) || head == "figure";
    if !person || !(2..=5).contains(&at) {
        return None;
    }
    match article {
        "the" => title(&words[..at], head, context),
        "a" | "an" => Some(Attribution {
            speaker: Some(
                last.split_whitespace()
                    .take(at)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            ..Attribution::default()
        }),
        _ => None,
    }
}

/// Whether `part` is a legislator's party and state as American papers write them:
/// "R-Texas", "D-N.Y.", "(D-Ohio)".
fn is_party_and_state(part: &str) -> bool {
    let part = part.trim_start_matches('(').trim_end_matches(')');
    part.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "R" | "D" | "I")
            && state.starts_with(char::is_uppercase)
            && !state.contains(' ')
    })
}

/// Two people named as one subject: "Ana Vey and Ivo Marsh", "Both Vey and Marsh",
/// "Former aides Ana Vey and Ivo Marsh", as the words that name them.
fn joint_names(subject: &str) -> Option<String> {
    let subject = subject.strip_prefix("Both ").unwrap_or(subject);
    // "Vey and Marsh both expect", "Vey and Marsh of Eastgate wrote".
    let subject = [" both", " each", " all"]
        .iter()
        .find_map(|tail| subject.strip_suffix(tail))
        .unwrap_or(subject);
    let (first, second) = subject.split_once(" and ")?;
    let second = [" of ", " at ", " from "]
        .iter()
        .find_map(|link| second.split_once(link).map(|(name, _)| name))
        .unwrap_or(second);
    // A title or description before the first name may be in lower case ("former aides").
    let first_name = name_runs(first, 0..first.len()).pop()?;
    // A description before the names ("former aides"), not a phrase the names end ("the
    // Centre for Disease Research and Policy").
    let leading_description = first[..first_name.start].split_whitespace().all(|word| {
        !word.ends_with(',')
            && !matches!(
                word.to_lowercase().as_str(),
                "of" | "for" | "at" | "the" | "in" | "on" | "and" | "to"
            )
    });
    (first_name.end == first.len()
        && leading_description
        && !first.contains(',')
        && is_pure_name(second)
        && !second.contains(','))
    .then(|| format!("{} and {}", &first[first_name], clean(second)))
}

/// `before` cut at its commas and at dashes set off by spaces: "Ivo Marsh -- likely to
/// lead the next government -- said" sets its appositive off as commas would. (A hyphen
/// inside a word, "Sang-gyun", cuts nothing.)
fn split_at_commas_and_dashes(before: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in before.char_indices() {
        if at < start {
            continue;
        }
        if c == ',' {
            parts.push(&before[start..at]);
            start = at + 1;
        } else if c == ' '
            && let Some(dash) = [" -- ", " \u{2014} ", " \u{2013} ", " - "]
                .iter()
                .find(|dash| before[at..].starts_with(**dash))
        {
            parts.push(&before[start..at]);
            start = at + dash.len();
        }
    }
    parts.push(&before[start..]);
    parts
}

/// The comma-separated parts of the words before the verb, cleaned, without a relative
/// clause that ends the appositive ("..., which advises the ministry,").
fn appositive_parts(before: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = split_at_commas_and_dashes(before)
        .into_iter()
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    // "As Ivo Marsh, head of research at X, said": the conjunction opening the sentence is
    // no part of the name.
    if parts.len() > 1
        && let Some(first) = parts.first_mut()
        && let Some(name) = first.strip_prefix("As ")
        && name.starts_with(char::is_uppercase)
    {
        *first = name;
    }
    // "Ms Vey, a former aide, said": the honorific before a name with an appositive goes
    // (the article's honorifics are read for gender in `Context`), and the name is the
    // surname the article gave in full.
    if parts.len() > 1
        && let Some(first) = parts.first_mut()
        && let Some((honorific, name)) = first.split_once(' ')
        && super::names::is_honorific(honorific)
        && is_pure_name(name)
    {
        *first = name;
    }
    // "Ana Vey, 45, an analyst at Northgate,": an age between name and role goes.
    if parts.len() > 2 {
        let last_at = parts.len() - 1;
        let mut at = 0;
        parts.retain(|part| {
            let age = at != 0
                && at != last_at
                && (1..=3).contains(&part.len())
                && part.chars().all(|c| c.is_ascii_digit());
            at += 1;
            !age
        });
    }
    // "Ivo Marsh of Westbank, for one, expects", "…, for her part, thinks": an aside
    // about the speaker, not the speaker.
    // (So is a source set off by dashes: "His team – according to Reuters – predicts".)
    parts.retain(|part| {
        let lower = part.to_lowercase();
        !matches!(
            lower.as_str(),
            "for one" | "for his part" | "for her part" | "for their part" | "in turn" | "too"
        ) && !lower.starts_with("according to ")
            // "Sen. Ivo Marsh, R-Texas, said": a party and a state.
            && !is_party_and_state(part)
    });
    // "Ivo Marsh (54), a former officer": an age in brackets goes too.
    for part in &mut parts {
        if let Some((name, age)) = part.rsplit_once(" (")
            && age
                .strip_suffix(')')
                .is_some_and(|age| !age.is_empty() && age.chars().all(|c| c.is_ascii_digit()))
        {
            *part = name;
        }
    }
    while let Some((last, rest)) = parts.split_last() {
        // "a meteorologist in West Columbia, S.C., said": the place's state or country
        // goes on the place, and is no subject. (Only after the person's own part: in
        // "Speaking in London, Ana Vey said" the name is no state.)
        if rest.len() >= 2
            && rest
                .last()
                .is_some_and(|previous| ends_with_a_place(previous))
            && last.split_whitespace().count() <= 2
            && last
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
        {
            parts.pop();
            continue;
        }
        let first_word = last.split_whitespace().next().unwrap_or("").to_lowercase();
        // "…, which advises the ministry,", "Analysts at X, led by NAME, expect": a clause
        // or a participle about the subject, not the subject.
        // "A majority of economists, 28 of 45, said", "…, or 62%, said": a count.
        let count = first_word.starts_with(|c: char| c.is_ascii_digit())
            || (first_word == "or"
                && last
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())));
        if (count && !rest.is_empty())
            || matches!(
                first_word.as_str(),
                "which"
                | "who"
                | "whose"
                | "where"
                | "led"
                | "including"
                | "headed"
                | "such"
                | "however"
                // "A senior official, speaking on condition of anonymity, said".
                | "speaking"
                | "writing"
                | "commenting"
                | "responding"
                | "asked"
                // "Ana Vey of Northgate, like most of her peers, expects": an aside.
                | "like"
                | "unlike"
            ) && !rest.is_empty()
        {
            parts.pop();
        } else {
            break;
        }
    }
    parts
}

/// A full name after one or more titles ("Gen. Ivo Marsh", "Associate Professor Ana
/// Vey", "British Economist Ana Vey"), as the name and the titles.
fn titled_name(part: &str) -> Option<(String, String)> {
    let part = clean(part);
    let run = name_runs(part, 0..part.len()).pop()?;
    let title = part[..run.start].trim();
    let titled = !title.is_empty()
        && title.split_whitespace().all(|word| {
            TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
                // "British Economist": a capitalized role.
                || word.starts_with(char::is_uppercase)
        });
    (titled && run.end == part.len() && part[run.clone()].split_whitespace().count() >= 2)
        .then(|| (part[run].to_string(), title.to_string()))
}

/// A full name set off by brackets or dashes inside a subject ("the analyst (Ana Vey)",
/// "an analyst–Ana Vey–from Northgate"), with the description before it as the role.
fn enclosed_name(subject: &str) -> Option<(&str, Option<String>)> {
    [('(', ')'), ('–', '–'), ('—', '—')]
        .iter()
        .find_map(|&(open, close)| {
            let start = subject.find(open)?;
            let inner_start = start + open.len_utf8();
            let end = inner_start + subject[inner_start..].find(close)?;
            let name = subject[inner_start..end].trim();
            let pure = is_pure_name(name) && name.split_whitespace().count() >= 2;
            pure.then(|| (name, role(&subject[..start])))
        })
}

/// Whether a part of an appositive ends with a place: "in West Columbia", "of Leeds".
fn ends_with_a_place(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capitalized = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    (1..=3).contains(&capitalized)
        && words.len() > capitalized
        && matches!(words[words.len() - capitalized - 1], "in" | "from" | "near")
}

/// When the subject (in lower case) is a pronoun, whom it stands for: "he" or "she" the
/// speaker named last (none when nobody was), "I" or "we" the article's own voice, and
/// "it" or "there" nobody. `None` when it is not a pronoun.
fn pronoun(subject: &str, context: &Context) -> Option<Option<Attribution>> {
    // "I'd put the chance at 60%", "we'll see": the pronoun without its contraction.
    let subject = subject
        .split(['\'', '\u{2019}'])
        .next()
        .filter(|pronoun| matches!(*pronoun, "i" | "we" | "he" | "she" | "they"))
        .unwrap_or(subject);
    match subject {
        "he" | "him" => Some(context.referent(Gender::Male).map(|speaker| Attribution {
            basis: Basis::Pronoun,
            ..speaker
        })),
        "she" | "her" => Some(context.referent(Gender::Female).map(|speaker| Attribution {
            basis: Basis::Pronoun,
            ..speaker
        })),
        "i" | "we" => Some(Some(Attribution {
            author: true,
            basis: Basis::ArticleVoice,
            ..Attribution::default()
        })),
        "it" | "there" | "this" | "that" => Some(None),
        // "They expect the euro at 0.95": the people spoken of before, unnamed.
        "they" | "them" => Some(Some(Attribution {
            basis: Basis::Group,
            group: Some("they".to_string()),
            ..Attribution::default()
        })),
        _ => None,
    }
}

/// A title standing for someone named before ("the minister"): the speaker named last
/// with that title in their role, else nobody, with the title as the role. `words` is the
/// subject in lower case, `head` its last word.
fn title(words: &[&str], head: &str, context: &Context) -> Option<Attribution> {
    let the = words
        .iter()
        .rposition(|w| matches!(*w, "the" | "this" | "that"))
        .filter(|&the| words.len() - the <= 5)?;
    let modifiers = &words[the + 1..words.len() - 1];
    let found = context.titled(head, modifiers);
    // "the weather office said", "the ministry said": an institution, when no one named
    // before holds the title and it is no title of a person.
    if found.is_none()
        && words[the] == "the"
        && !TITLES.contains(&head)
        && !PERSON_NOUNS.contains(&head)
    {
        return Some(Attribution {
            basis: Basis::Group,
            group: Some(words[the..].join(" ")),
            ..Attribution::default()
        });
    }
    // "the Norwegian diplomat said", "the Air Force general said": with no role that
    // matches, a description refers to the person the article named last, as news
    // writing uses it.
    let last = found
        .is_none()
        .then(|| context.last_speaker())
        .flatten()
        // A person introduced with a role (when they were, if named since by surname
        // alone), not a name-like headline word ("N. Korea").
        .map(|last| Attribution {
            role: last
                .role
                .clone()
                .or_else(|| last.speaker.as_deref().and_then(|s| context.role_of_any(s))),
            ..last
        })
        // A person introduced with no role counts when the description is a person's
        // ("Ivo Marsh has watched the region for years. “…,” the veteran analyst said").
        .filter(|last| {
            last.speaker.as_deref().is_some_and(|speaker| {
                last.role.is_some()
                    || (PERSON_NOUNS.contains(&head) || TITLES.contains(&head))
                        && context.is_person(speaker)
            })
        });
    if let Some(last) = last {
        return Some(Attribution {
            basis: Basis::Title,
            ..last
        });
    }
    Some(Attribution {
        basis: Basis::Title,
        speaker: found.map(|(name, _)| name.clone()),
        role: found
            .and_then(|(_, role)| role.clone())
            .or_else(|| Some(words[the + 1..].join(" "))),
        ..Attribution::default()
    })
}

/// Whether `part` says something rather than names someone: it has a modal verb ("will",
/// "may", "won't"), written in lower case so that "Will" and "May" the names are not
/// taken for one.
pub(super) fn is_clause(part: &str) -> bool {
    part.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let word = word.replace('’', "'");
        MODALS.contains(&word.as_str())
            || word.ends_with("'ll")
            || matches!(word.as_str(), "must" | "should")
            // "The strike is likely to spread, warned …": a claim with its verb.
            || matches!(word.as_str(), "is" | "are" | "was" | "were")
            // "The index has further to fall, said …".
            || matches!(word.as_str(), "has" | "have" | "had")
    })
}

/// The speaker after the verb: "said John Smith, a director at X".
pub(super) fn inverted(after: &str, context: &Context) -> Option<Attribution> {
    let mut parts = after.splitn(2, ',');
    let first = clean(parts.next()?);
    // "according to Col. Aurel Benko, a spokesman": an abbreviated rank or title before
    // the name is no part of it.
    let first = first
        .split_once(". ")
        .filter(|(title, name)| {
            TITLES.contains(&title.to_lowercase().as_str()) && name.starts_with(char::is_uppercase)
        })
        .map_or(first, |(_, name)| name);
    // "says Northgate Risk in a note issued this morning by analyst Ana Vey": the note's
    // author speaks for the firm.
    if let Some((firm_and_note, author)) = first.rsplit_once(" by ")
        && ["note", "report", "analysis", "research"]
            .iter()
            .any(|document| firm_and_note.contains(&format!(" {document}")))
        && let Some(name) = name_in(author)
            .map(|(name, _)| name)
            .or_else(|| titled_name(author).map(|(name, _)| name))
        && name.contains(' ')
    {
        let firm = firm_and_note
            .split(" in a ")
            .next()
            .unwrap_or(firm_and_note)
            .trim();
        return Some(Attribution {
            speaker: Some(context.full_name(&name)),
            role: Some(firm.to_string()),
            ..Attribution::default()
        });
    }
    // "said the bank's head of research, Mark Ellis": a description, then the name.
    // ("said Northgate's chief economist, Ana Vey": the description may open with its
    // owner.)
    let described = first.starts_with(char::is_lowercase)
        || first
            .split_once("'s ")
            .or_else(|| first.split_once("\u{2019}s "))
            .is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase));
    if let Some(rest) = parts.clone().next()
        && described
        && let Some(name) = rest.split([',', ';']).next().map(clean)
    {
        // ("said the official, Deputy Foreign Minister Raul Ibarra": a title may come
        // before the name.)
        let name = if is_pure_name(name) {
            Some(name.to_string())
        } else {
            titled_name(name).map(|(name, _)| name)
        };
        if let Some(name) = name.filter(|name| name.contains(' ')) {
            return Some(Attribution {
                speaker: Some(context.full_name(&name)),
                role: role(first),
                ..Attribution::default()
            });
        }
    }
    // "said the professor": a title, taken back to the person named with it.
    if let Some(described) = first.strip_prefix("the ")
        && name_runs(described, 0..described.len()).is_empty()
    {
        let lower = first.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        return title(&words, words.last()?, context);
    }
    // "said one diplomat", "said another official": one person, unnamed.
    {
        let lower = first.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if matches!(words.first(), Some(&("one" | "another")))
            && let Some(unnamed) = group_subject(&words, &lower)
        {
            return Some(unnamed);
        }
    }
    // "says a retired army planner who spent…": one person described,
    // whom a later paragraph may name.
    if let Some(described) = first
        .strip_prefix("a ")
        .or_else(|| first.strip_prefix("an "))
    {
        let head = [
            " who ", " which ", " that ", " with ", " on ", " at a ", " in a ",
        ]
        .iter()
        .filter_map(|cut| described.find(cut))
        .min()
        .map_or(described, |at| &described[..at]);
        let words: Vec<&str> = head.split_whitespace().collect();
        if (1..=8).contains(&words.len())
            && words.last().is_some_and(|noun| {
                let noun = noun.to_lowercase();
                PERSON_NOUNS.contains(&noun.as_str()) || TITLES.contains(&noun.as_str())
            })
        {
            return Some(Attribution {
                speaker: Some(first[..first.len() - described.len()].to_string() + head),
                ..Attribution::default()
            });
        }
    }
    // "says Northland's climatologist": an owner's person, described, whom a later
    // paragraph may name.
    if let Some((owner, noun)) = first
        .split_once("'s ")
        .or_else(|| first.split_once("\u{2019}s "))
        && !owner.contains(' ')
        && owner.starts_with(char::is_uppercase)
        && noun.split_whitespace().count() <= 3
        && noun
            .split_whitespace()
            .last()
            .is_some_and(|w| PERSON_NOUNS.contains(&w) || TITLES.contains(&w))
    {
        return Some(Attribution {
            speaker: Some(first.to_string()),
            ..Attribution::default()
        });
    }
    let first = first.strip_prefix("the ").unwrap_or(first);
    // "said Goldman Sachs analyst Kenji Mori in a note": what follows the name (where, when,
    // to whom) is no part of it.
    let first = [
        " in ",
        " on ",
        " at ",
        " during ",
        " after ",
        " before ",
        " to ",
        " told ",
        " last ",
        " this ",
        " earlier ",
        " via ",
        " from ",
    ]
    .iter()
    .filter_map(|cut| first.find(cut))
    .min()
    .map_or(first, |at| &first[..at]);
    // "said LBBW analyst Frank Schallenberger": the name that ends the words, after its
    // role.
    if let Some((name, role_before)) = name_in(first)
        && role_before.is_some()
        // A role ending in a role noun ("LBBW analyst"), not words that name someone
        // else ("strategists at Eastport", "Tomas Quill of the Example Institute").
        && role_before.as_deref().is_some_and(|r| {
            let words: Vec<&str> = r.split_whitespace().collect();
            words.last().is_some_and(|w| w.starts_with(char::is_lowercase))
                && !words.iter().any(|w| {
                    matches!(
                        *w,
                        "at" | "of" | "for" | "from" | "in" | "on" | "with" | "by" | "to"
                            | "and" | "over" | "about" | "via" | "during" | "after"
                            | "before" | "the" | "a" | "an" | "through" | "until" | "into"
                            | "since" | "than" | "like"
                    )
                })
                // "said rates would be unchanged through June": a claim, not a role.
                && !is_clause(r)
        })
    {
        let role = parts
            .next()
            .and_then(|rest| role(rest.split([',', '.']).next().unwrap_or(rest)))
            .or(role_before);
        return Some(Attribution {
            speaker: Some(context.full_name(&name)),
            role,
            ..Attribution::default()
        });
    }
    let name = name_runs_after(first, 0..first.len(), true)
        .into_iter()
        .next()?;
    // "said Poland is likely to…": the name is the subject of what was said, not the
    // speaker.
    let next_word = first[name.end..]
        .split_whitespace()
        .next()
        .map(str::to_lowercase);
    // "suggested the Northland premier Ivo Marsh might restart": a clause's subject, its
    // verb a few words on.
    let clause_follows = first[name.end..]
        .split_whitespace()
        .take(5)
        .any(|w| MODALS.contains(&w.to_lowercase().as_str()));
    if clause_follows
        || next_word.is_some_and(|w| {
            matches!(
                w.as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "has"
                    | "have"
                    | "had"
                    | "can"
                    | "should"
                    | "must"
                    | "'s"
            )
        })
    {
        return None;
    }
    // Only titles may come before the name ("said Dr. Ana Vey", "said Foreign Minister X"),
    // or its owner ("according to Wood Mackenzie's Di Odoardo").
    let owner = owner(&first[..name.start]);
    let titled = first[..name.start]
        .split_whitespace()
        .all(|word| TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str()));
    if !titled && owner.is_none() {
        return None;
    }
    let role = parts
        .next()
        .and_then(|rest| role(rest.split([',', '.']).next().unwrap_or(rest)))
        .or_else(|| owner.map(str::to_string))
        // "said former Governor Mervyn King": the title is the role.
        .or_else(|| role(first[..name.start].trim()));
    Some(Attribution {
        speaker: Some(context.full_name(&first[name])),
        role,
        ..Attribution::default()
    })
}
