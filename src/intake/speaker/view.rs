//! A speaker named by whose view a sentence gives rather than by a verb of saying: "In
//! Vey's view, …", "For Ivo Marsh, a strategist at Westbank, …", "…, in the view of Ana
//! Vey at Northgate", "Ana Vey's forecast is for…", "The highest estimate comes from Ana
//! Vey of Northgate".

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::context::{Context, Gender};

/// The person whose view a sentence opens with: "In Vey's view, …", "For Ivo Marsh, a
/// strategist at Westbank, the outlook is bleak: …".
pub(super) fn view_of(text: &str, unit: &Range<usize>, context: &Context) -> Option<Attribution> {
    let passage = text[unit.clone()].trim_start();
    if let Some(attribution) =
        view_of_after(passage, context).or_else(|| owned_view(passage, context))
    {
        return Some(attribution);
    }
    let (opener, rest) = passage.split_once(' ')?;
    if !matches!(opener, "In" | "For") {
        return None;
    }
    let head = rest.split(',').next()?;
    // "In her view, …" (with or without the comma): the person "her" refers to.
    let mut view_words = rest.split_whitespace();
    if opener == "In"
        && let (Some(pronoun), Some(view)) = (view_words.next(), view_words.next())
        && matches!(
            view.trim_end_matches(','),
            "view" | "opinion" | "estimation" | "assessment"
        )
        && matches!(pronoun, "his" | "her" | "their")
    {
        let referent = match pronoun {
            "his" => context.referent(Gender::Male),
            "her" => context.referent(Gender::Female),
            _ => context.last_speaker(),
        };
        return referent.map(|speaker| Attribution {
            basis: Basis::Pronoun,
            ..speaker
        });
    }
    let name_part = if opener == "In" {
        let (owner, view) = head
            .split_once("'s ")
            .or_else(|| head.split_once("\u{2019}s "))?;
        matches!(
            view.trim(),
            "view" | "opinion" | "estimation" | "assessment" | "analysis" | "words"
        )
        .then_some(owner)?
    } else {
        head
    };
    let name_part = name_part.trim();
    if !super::names::is_pure_name(name_part) {
        return None;
    }
    let name = context.full_name(name_part);
    // The appositive: "a strategist at Westbank", between two commas, before the claim.
    let parts: Vec<&str> = rest.split(',').collect();
    let role = parts
        .get(1)
        .filter(|part| {
            opener == "For"
                && parts.len() >= 3
                && ["a ", "an ", "the "]
                    .iter()
                    .any(|article| part.trim_start().starts_with(article))
                && part.split_whitespace().count() <= 8
        })
        .and_then(|part| super::names::role(part));
    // "For Ivo Marsh, a strategist at Westbank," names a person by their role, or one the
    // article quoted before; "For North Korea, …" is about a country.
    if opener == "For" && !(name.contains(' ') && (role.is_some() || context.knows(&name))) {
        return None;
    }
    Some(Attribution {
        speaker: Some(name),
        role,
        basis: Basis::ReportingClause,
        ..Attribution::default()
    })
}

/// The person whose view a sentence ends with: "The rand will probably weaken, in the
/// view of Ana Vey at Northgate.", "…, in the opinion of Ivo Marsh."
fn view_of_after(passage: &str, context: &Context) -> Option<Attribution> {
    let at = [
        ", in the view of ",
        ", in the opinion of ",
        ", in the words of ",
    ]
    .iter()
    .find_map(|phrase| passage.find(phrase).map(|at| at + phrase.len()))?;
    let named = passage[at..].split([',', ';', '.']).next()?.trim();
    // "Ana Vey at Northgate": the firm after the name is her role's.
    let (name, role) = [" at ", " of ", " from "]
        .iter()
        .find_map(|link| named.split_once(link))
        .map_or((named, None), |(name, firm)| {
            (
                name,
                Some(format!("{}{}", link_word(named, name), firm.trim())),
            )
        });
    (super::names::is_pure_name(name) && name.contains(' ')).then(|| Attribution {
        speaker: Some(context.full_name(name)),
        role,
        basis: Basis::ReportingClause,
        ..Attribution::default()
    })
}

/// The person whose view a sentence opens with in the possessive: "Ana Vey's forecast is
/// for two cuts", "Ivo Marsh's base case is a hold".
fn owned_view(passage: &str, context: &Context) -> Option<Attribution> {
    let (owner, rest) = passage
        .split_once("'s ")
        .or_else(|| passage.split_once("\u{2019}s "))?;
    let rest = rest.to_lowercase();
    let view = [
        "forecast ",
        "view ",
        "outlook ",
        "call ",
        "expectation ",
        "base case ",
        "prediction ",
        "estimate ",
    ]
    .iter()
    .any(|noun| rest.starts_with(noun));
    (view && super::names::is_pure_name(owner) && owner.contains(' ')).then(|| Attribution {
        speaker: Some(context.full_name(owner)),
        role: context.role_of(&context.full_name(owner)),
        basis: Basis::ReportingClause,
        ..Attribution::default()
    })
}

/// The word that links a name to its firm in `named` ("at " in "Ana Vey at Northgate").
fn link_word<'a>(named: &'a str, name: &str) -> &'a str {
    named[name.len()..]
        .trim_start()
        .split_inclusive(' ')
        .next()
        .unwrap_or("")
}

/// The person a sentence credits with an estimate it ranks: "The highest estimate comes
/// from analyst Ana Vey of Northgate, with 51 million units", "The gloomiest forecast is
/// from Ivo Marsh, who expects a recession", "The lowest came from Ivo Marsh: he expects…".
pub(super) fn estimate_from(text: &str, unit: &Range<usize>) -> Option<Attribution> {
    let passage = text[unit.clone()].trim_start();
    let rest = passage.strip_prefix("The ")?;
    let (head, after) = [" comes from ", " came from ", " is from ", " was from "]
        .iter()
        .find_map(|link| rest.split_once(link))?;
    let head_words: Vec<String> = head.split_whitespace().map(str::to_lowercase).collect();
    // "highest estimate", "most bullish call", "lowest" (a ranking, its noun understood).
    let ranked = head_words.len() <= 4
        && head_words.iter().any(|w| {
            w.ends_with("est")
                || matches!(
                    w.as_str(),
                    "most" | "least" | "top" | "bottom" | "bullish" | "bearish" | "boldest"
                )
        })
        && head_words
            .iter()
            .all(|w| w.chars().all(char::is_alphabetic));
    if !ranked {
        return None;
    }
    // The first full name after the link; a role before it ("analyst") is hers, and so is
    // the firm after it ("of Northgate").
    let run = super::names::name_runs(after, 0..after.len())
        .into_iter()
        .find(|run| after[run.clone()].split_whitespace().count() >= 2)?;
    let described = after[..run.start].trim();
    if described.split_whitespace().count() > 3 || described.contains([',', '.', ':']) {
        return None;
    }
    let firm = after[run.end..]
        .split([',', ':', ';', '.'])
        .next()
        .map(str::trim)
        .filter(|firm| firm.starts_with("of ") || firm.starts_with("at "));
    let role = match (described.is_empty(), firm) {
        (true, None) => None,
        (true, Some(firm)) => Some(firm.to_string()),
        (false, None) => Some(described.to_string()),
        (false, Some(firm)) => Some(format!("{described} {firm}")),
    };
    Some(Attribution {
        speaker: Some(after[run].to_string()),
        role,
        basis: Basis::ReportingClause,
        ..Attribution::default()
    })
}
