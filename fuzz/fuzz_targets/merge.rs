//! Any three versions of a scenario file (the input split at two 0xFF bytes, which UTF-8
//! never contains): the record merge never panics, and what it merges cleanly parses; with
//! disputes, either settled side parses (the merge checks this itself and refuses
//! otherwise, so a refusal is fine and a wrong acceptance is a bug).

#![no_main]

use std::path::Path;

use hindsight::ledger::Scenario;
use hindsight::ledger::format::FileKind;
use hindsight::ledger::merge::{Side, merge, settle};
use hindsight::ledger::parse::parse;
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
    let path = Path::new("merged.ron");
    if merged.disputes.is_empty() {
        assert!(parse::<Scenario>(path, &merged.text).is_ok(), "{}", merged.text);
    } else {
        for side in [Side::Ours, Side::Theirs] {
            assert!(parse::<Scenario>(path, &settle(&merged.text, side)).is_ok());
        }
    }
});
