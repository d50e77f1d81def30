//! One-block edits through the library: someone else's change on disk is never
//! overwritten, changes elsewhere in the file are kept, and the save keeps what it should.

use crate::common;
use hindsight::Door;

use common::{TempLedger, today};
use hindsight::Change;
use hindsight::EditError;
use hindsight::{Outcome, Resolution, Verdict, load};

fn resolution() -> Outcome {
    Outcome::Resolved(Resolution {
        verdict: Verdict::True,
        on: "2022-06-15".parse().unwrap(),
        judge: Some("Test".into()),
        evidence: Some("It happened.".into()),
        link: None,
    })
}

/// Records `resolution()` for bo-minister-resigns in `path`, through the door, as the
/// command line and the app do (`expected`: the block's fingerprint when it was read).
fn resolve_the_minister(
    ledger: &TempLedger,
    path: &std::path::Path,
    expected: Option<u64>,
) -> Result<hindsight::Written, EditError> {
    Door::of(&ledger.load(), path).edit_forecast(
        "bo-minister-resigns",
        expected,
        &Change::SetOutcome(resolution()),
    )
}

#[test]
fn a_block_changed_on_disk_since_loading_is_never_overwritten() {
    let ledger = TempLedger::fixture();
    let fingerprint = ledger.fingerprint_of("bo-minister-resigns");

    // Someone else edits that forecast's claim (a git pull, an editor).
    let theirs = ledger.read("prices.ron").replace(
        "The minister leaves office by 30 June 2022.",
        "The minister resigns by 30 June 2022.",
    );
    let path = ledger.write("prices.ron", &theirs);

    let result = resolve_the_minister(&ledger, &path, Some(fingerprint));
    assert!(
        matches!(result, Err(EditError::Conflict { .. })),
        "{result:?}"
    );
    assert_eq!(ledger.read("prices.ron"), theirs, "nothing was written");
}

#[test]
fn a_verdict_is_replaced_only_by_a_change_that_says_so() {
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    let id = "bo-minister-resigns";
    let edit = |change: &Change| Door::of(&ledger.load(), &path).edit_forecast(id, None, change);
    edit(&Change::SetOutcome(resolution())).unwrap();
    let resolved = ledger.read("prices.ron");

    let Outcome::Resolved(first) = resolution() else {
        unreachable!()
    };
    let other = Resolution {
        verdict: Verdict::False,
        judge: Some("Other".into()),
        evidence: None,
        ..first.clone()
    };
    match edit(&Change::SetOutcome(Outcome::Resolved(other.clone()))) {
        Err(EditError::AlreadyResolved {
            path: refused,
            line,
            id: named,
            current,
            proposed,
        }) => {
            assert_eq!(refused, path);
            assert_eq!(line, *common::block_lines(&resolved, id).start());
            assert_eq!(named, id);
            assert_eq!(*current, first);
            assert_eq!(*proposed, other);
        }
        result => panic!("{result:?}"),
    }
    assert_eq!(ledger.read("prices.ron"), resolved, "nothing was written");

    // The same verdict again changes nothing; replacing it is a deliberate change.
    assert!(!edit(&Change::SetOutcome(resolution())).unwrap().changed);
    let replaced = edit(&Change::ReplaceOutcome(Outcome::Resolved(other.clone()))).unwrap();
    assert!(replaced.changed);
    assert_eq!(replaced.before.outcome, resolution());
    let loaded = ledger.load();
    assert_eq!(
        loaded.view(loaded.find(id).unwrap()).forecast.outcome,
        Outcome::Resolved(other)
    );
    // Withdrawing a verdict is what reopening is for: it needs nothing more.
    assert!(edit(&Change::SetOutcome(Outcome::Open)).unwrap().changed);
}

#[test]
fn a_change_elsewhere_in_the_file_is_kept() {
    let ledger = TempLedger::fixture();
    let fingerprint = ledger.fingerprint_of("bo-minister-resigns");

    let theirs = ledger.read("prices.ron").replace(
        "The statistics office reported a rise.",
        "The statistics office reported a 4% rise.",
    );
    let path = ledger.write("prices.ron", &theirs);

    let written = resolve_the_minister(&ledger, &path, Some(fingerprint)).unwrap();
    assert!(written.changed);
    assert_eq!(written.before.outcome, Outcome::Open);
    let now = ledger.read("prices.ron");
    assert!(now.contains("a 4% rise"), "their change is kept");
    assert!(
        now.contains("evidence: \"It happened.\""),
        "ours is applied"
    );
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_permissions_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    resolve_the_minister(&ledger, &path, None).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(ledger.scenarios())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".hindsight-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn comments_outside_the_outcome_survive_a_resolution() {
    let ledger = TempLedger::fixture();
    let text = ledger.read("prices.ron").replace(
        "            quote: \"The minister will be gone by June.\",\n",
        "            // said on air, not in print\n            quote: \"The minister will be gone by June.\",\n",
    );
    let path = ledger.write("prices.ron", &text);
    resolve_the_minister(&ledger, &path, None).unwrap();
    assert!(
        ledger
            .read("prices.ron")
            .contains("// said on air, not in print")
    );
}

#[test]
fn replacing_a_whole_block_refuses_to_drop_its_comments() {
    let ledger = TempLedger::fixture();
    let loaded = load(&ledger.scenarios(), today()).unwrap();
    let mut forecast = loaded
        .view(loaded.find("bo-minister-resigns").unwrap())
        .forecast
        .clone();
    forecast.claim = "Edited claim.".into();
    let text = ledger.read("prices.ron").replace(
        "            quote: \"The minister will be gone by June.\",\n",
        "            // said on air\n            quote: \"The minister will be gone by June.\",\n",
    );
    let path = ledger.write("prices.ron", &text);
    let result = Door::of(&ledger.load(), &path).edit_forecast(
        "bo-minister-resigns",
        None,
        &Change::Replace(Box::new(forecast.clone())),
    );
    assert!(
        matches!(result, Err(EditError::CommentsInBlock { .. })),
        "{result:?}"
    );
    assert_eq!(ledger.read("prices.ron"), text);

    // Without the comment, the block is replaced and nothing else moves.
    let original = common::TempLedger::fixture();
    let path = original.path("prices.ron");
    let before = original.read("prices.ron");
    Door::of(&original.load(), &path)
        .edit_forecast(
            "bo-minister-resigns",
            None,
            &Change::Replace(Box::new(forecast)),
        )
        .unwrap();
    assert_eq!(
        original.read("prices.ron"),
        before.replace(
            "The minister leaves office by 30 June 2022.",
            "Edited claim."
        )
    );
}

#[test]
fn a_file_that_does_not_parse_is_never_edited() {
    let ledger = TempLedger::fixture();
    let text = ledger
        .read("prices.ron")
        .replacen("outcome: Open,", "outcome: Open", 1)
        .replacen("),\n    ],\n)", ")\n    \n)", 1);
    let path = ledger.write("prices.ron", &text);
    let result = resolve_the_minister(&ledger, &path, None);
    assert!(
        matches!(result, Err(EditError::FileHasErrors { .. })),
        "{result:?}"
    );
    assert_eq!(ledger.read("prices.ron"), text);
}
