//! A transcript's speakers: a label in capitals before a colon opening a paragraph
//! ("VEY: I think…", "BRIG. GEN. ASTRID NORDBY:", "OMARI (spokeswoman):"), which speaks
//! the whole paragraph, whatever verbs the answer holds.

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::context::{Context, transcript_label_name};
use super::names::{in_capitals, title_case};
use super::vocabulary::TITLES;
use crate::intake::text::opens_paragraph;

/// The transcript's speaker a paragraph opens with, in capitals before a colon.
pub(super) fn transcript_label(
    text: &str,
    unit: &Range<usize>,
    context: &Context,
) -> Option<Attribution> {
    if !opens_paragraph(text, unit.start) {
        return None;
    }
    let (head, claim) = text[unit.clone()].trim_start().split_once(':')?;
    // A label that opens two paragraphs or more is a transcript's speaker, whether or not
    // the article writes the name elsewhere ("OMARI: …" … "OMARI: …").
    let recurring = context.paragraphs_labelled(transcript_label_name(head)) >= 2;
    (!claim.trim().is_empty())
        .then(|| transcript_speaker(head, recurring, context))
        .flatten()
}

/// A transcript's speaker in capitals before the colon: "VEY:", "ANA VEY:", "ANA VEY,
/// HOST:" (the role after a comma). A surname alone counts when the article gives the
/// full name.
fn transcript_speaker(head: &str, recurring: bool, context: &Context) -> Option<Attribution> {
    // "OMARI (spokeswoman):", "MR. BARTOS (Minister for Foreign Affairs):": a role in
    // brackets after the name.
    let (head, bracketed) = match head
        .trim()
        .strip_suffix(')')
        .and_then(|h| h.split_once(" ("))
    {
        Some((name, role)) => (name, Some(role.trim().to_lowercase())),
        None => (head, None),
    };
    let (name, role) = match head.split_once(',') {
        Some((name, role)) => (name.trim(), Some(role.trim().to_lowercase())),
        None => (head.trim(), bracketed),
    };
    // "BRIG. GEN. ASTRID NORDBY:", "MR. BARTOS:": ranks and honorifics before the name.
    let name = name
        .split_whitespace()
        .skip_while(|word| word.ends_with('.') || TITLES.contains(&word.to_lowercase().as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let name = name.as_str();
    // "QUESTION:", "REPORTER:", "ANCHOR:": a part in the transcript, not a name.
    if matches!(
        name.to_lowercase().as_str(),
        "question"
            | "questioner"
            | "reporter"
            | "anchor"
            | "host"
            | "moderator"
            | "interviewer"
            | "audience"
            | "voice"
            | "narrator"
            | "caller"
            | "unidentified"
    ) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitals = (1..=3).contains(&words.len())
        && in_capitals(name)
        && words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        });
    if !capitals {
        return None;
    }
    // "VEY" as "Vey": the article's own spelling comes from the full name it matches,
    // compared without case, and a name it writes only in capitals ("IVO MARSH, HOST")
    // is written as a name.
    let surname = words.last()?;
    let full = context.full_name_ignoring_case(surname).map(|full| {
        if full.chars().any(char::is_lowercase) {
            full.to_string()
        } else {
            title_case(full)
        }
    });
    // A surname alone the article writes elsewhere as a name ("Senator Dunmore", then
    // "DUNMORE:") is that person's, as the article names them.
    let written = || {
        let titled = title_case(name);
        (words.len() >= 2 || recurring || context.text_has_word(&titled)).then_some(titled)
    };
    let speaker = full.or_else(written)?;
    Some(Attribution {
        speaker: Some(speaker),
        role: role.filter(|role| !role.is_empty()),
        basis: Basis::Colon,
        ..Attribution::default()
    })
}
