//! Any three versions of a scenario file (the input split at two 0xFF bytes, which UTF-8
//! never contains): the record merge never panics; what it merges cleanly parses, and
//! with disputes either settled side parses (the merge checks this itself and refuses
//! otherwise, so a refusal is fine and a wrong acceptance is a bug). And it loses nothing:
//! every source and forecast both sides kept, or one side added, is in the result (in
//! either side's version of a dispute), and every comment is there as often as both sides
//! kept it plus each time a side added it.

#![no_main]

use std::collections::{HashMap, HashSet};
use std::path::Path;

use hindsight::Scenario;
use hindsight::FileKind;
use hindsight::{merge, settle};
use hindsight::Side;
use hindsight::parse;
use hindsight::outline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0xff);
    let (Some(base), Some(ours), Some(theirs)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let (Ok(base), Ok(ours), Ok(theirs)) = (
        std::str::from_utf8(base),
        std::str::from_utf8(ours),
        std::str::from_utf8(theirs),
    ) else {
        return;
    };
    let Ok(merged) = merge(FileKind::Scenario, base, ours, theirs) else {
        return;
    };
    // The texts a reader may end up with: the merge, or each side of its disputes.
    let results: Vec<String> = if merged.disputes.is_empty() {
        vec![merged.text.clone()]
    } else {
        vec![
            settle(&merged.text, Side::Ours),
            settle(&merged.text, Side::Theirs),
        ]
    };
    let scenario = |text: &str| {
        parse::<Scenario>(Path::new("merged.ron"), text)
            .unwrap_or_else(|_| panic!("does not parse:\n{text}"))
            .value
    };
    let kept: Vec<Scenario> = results.iter().map(|text| scenario(text)).collect();
    let [b, o, t] = [base, ours, theirs].map(scenario);
    let sources = |s: &Scenario| s.sources.iter().map(|x| x.id.clone()).collect();
    let forecasts = |s: &Scenario| s.forecasts.iter().map(|x| x.id.clone()).collect();
    let lists: [(&str, &dyn Fn(&Scenario) -> HashSet<String>); 2] =
        [("source", &sources), ("forecast", &forecasts)];
    for (list, ids) in lists {
        let (b, o, t) = (ids(&b), ids(&o), ids(&t));
        let in_result: HashSet<String> = kept.iter().flat_map(ids).collect();
        for id in o.union(&t) {
            let deleted = b.contains(id) && !(o.contains(id) && t.contains(id));
            assert!(
                deleted || in_result.contains(id),
                "{list} '{id}' lost:\n{}",
                merged.text
            );
        }
    }

    let have = if merged.disputes.is_empty() {
        comments(&merged.text)
    } else {
        // A comment outside the disputes is in both settled texts: counted once.
        let mut have = comments(&results[0]);
        for (comment, n) in comments(&results[1]) {
            *have.entry(comment).or_default() += n;
        }
        for (comment, n) in comments(&settle(&merged.text, Side::Base)) {
            let entry = have.entry(comment).or_default();
            *entry = entry.saturating_sub(n);
        }
        have
    };
    let [nb, no, nt] = [base, ours, theirs].map(comments);
    for comment in no.keys().chain(nt.keys()) {
        let count = |counts: &HashMap<String, usize>| counts.get(comment).copied().unwrap_or(0);
        let (b, o, t) = (count(&nb), count(&no), count(&nt));
        let needed = b.min(o).min(t) + o.saturating_sub(b) + t.saturating_sub(b);
        assert!(
            count(&have) >= needed,
            "comment {comment:?} lost:\n{}",
            merged.text
        );
    }
});

/// Every comment of a text, each line trimmed, with how often it occurs.
fn comments(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    if let Ok(outline) = outline(text) {
        for range in outline.comments {
            let comment: Vec<&str> = text[range].lines().map(str::trim).collect();
            *counts.entry(comment.join("\n")).or_default() += 1;
        }
    }
    counts
}
