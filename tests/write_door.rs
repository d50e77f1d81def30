//! What every write keeps or refuses, seen from the command line: the file's mode, owner,
//! line endings and comments are kept; read-only files, symbolic links and ambiguous ids
//! are refused with a message, and nothing is written.

use crate::common;

#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use common::TempLedger;

fn resolve(ledger: &TempLedger, id: &str) -> common::Run {
    let more = ["--evidence", "It happened."];
    common::resolve(
        &ledger.scenarios(),
        id,
        "true",
        "2022-07-01",
        "Tester",
        &more,
    )
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    let before = ledger.read("prices.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();

    let run = resolve(&ledger, "bo-minister-resigns");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("prices.ron: the file is read-only; nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(ledger.read("prices.ron"), before);

    // fmt goes through the same door.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    ledger.write(
        "prices.ron",
        before.replace("    format: 1,", "format:   1,"),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = ledger.run(&["fmt"]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert!(ledger.read("prices.ron").contains("format:   1,"));
}

#[test]
fn a_write_keeps_the_mode_of_the_file() {
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = resolve(&ledger, "bo-minister-resigns");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mode = std::fs::metadata(&path).unwrap().mode() & 0o7777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_write_keeps_the_owner_of_the_file_or_refuses() {
    if !common::running_as_root() {
        // Only root can give a file to another user; as anyone else there is no such file
        // to make. The refusal is checked below when root can play an ordinary user.
        eprintln!("not root: the owner test needs root to create a file owned by another user");
        return;
    }
    let ledger = TempLedger::fixture();
    let path = ledger.path("prices.ron");
    std::os::unix::fs::chown(&path, Some(4321), Some(4321)).unwrap();
    let run = resolve(&ledger, "bo-minister-resigns");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let metadata = std::fs::metadata(&path).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
    assert!(ledger.read("prices.ron").contains("It happened."));

    // An ordinary user who may write in the folder but cannot give a file to user 4321
    // is refused rather than take the file over.
    let Some(setpriv) = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        panic!("setpriv (util-linux) is needed to run hindsight as another user");
    };
    for dir in [ledger.root.path(), &ledger.scenarios()] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let before = ledger.read("prices.ron");
    let output = std::process::Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_hindsight"))
        .args(["--today", common::TODAY, "reopen", "bo-minister-resigns"])
        .arg(ledger.scenarios())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("belongs to another user or group"),
        "{stderr}"
    );
    assert_eq!(ledger.read("prices.ron"), before);
    let metadata = std::fs::metadata(&path).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
}

#[test]
fn a_scenario_file_that_is_a_symbolic_link_is_not_replaced_by_a_copy() {
    let ledger = TempLedger::fixture();
    // The real file sits in a hidden folder, which the loader does not walk, so the
    // forecast is known only through the link.
    let real = ledger.path(".shared/prices.ron");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::rename(ledger.path("prices.ron"), &real).unwrap();
    std::os::unix::fs::symlink(".shared/prices.ron", ledger.path("prices.ron")).unwrap();
    let before = std::fs::read_to_string(&real).unwrap();

    let run = resolve(&ledger, "bo-minister-resigns");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is a symbolic link (to .shared/prices.ron)"),
        "{}",
        run.stderr
    );
    let link = std::fs::symlink_metadata(ledger.path("prices.ron")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), before);
}

#[test]
fn a_file_with_windows_line_endings_keeps_them() {
    let ledger = TempLedger::fixture();
    let lf = ledger.read("prices.ron");
    let crlf = lf.replace('\n', "\r\n");
    ledger.write("prices.ron", &crlf);

    let run = resolve(&ledger, "bo-minister-resigns");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let after = ledger.read("prices.ron");
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "every line still ends with CRLF"
    );
    assert!(after.contains("evidence: \"It happened.\",\r\n"));
    // Only the outcome's lines changed.
    let lines = common::changed_line_range(&crlf, &after);
    assert!(lines.len() <= 7, "{lines:?}");

    // And reopening gives back the bytes the user had.
    let run = ledger.run(&["reopen", "bo-minister-resigns"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(ledger.read("prices.ron"), crlf);
}

#[test]
fn comments_inside_an_outcome_survive_reopen_and_resolve() {
    let ledger = TempLedger::fixture();
    let text = ledger.read("prices.ron").replacen(
        "                evidence: \"The statistics office reported a rise.\",\n",
        "                // Checked against the June bulletin.\n                evidence: \"The statistics office reported a rise.\",\n",
        1,
    );
    ledger.write("prices.ron", &text);

    let run = ledger.run(&["reopen", "ada-prices-rise"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let reopened = ledger.read("prices.ron");
    assert!(
        reopened.contains(
            "            // Checked against the June bulletin.\n            outcome: Open,\n"
        ),
        "{reopened}"
    );
    let run = resolve(&ledger, "ada-prices-rise");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let resolved = ledger.read("prices.ron");
    assert!(resolved.contains("// Checked against the June bulletin."));
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
}

#[test]
fn resolve_refuses_an_id_that_two_files_share() {
    let ledger = TempLedger::fixture();
    let copy = ledger
        .read("prices.ron")
        .replace("id: \"prices\"", "id: \"prices-copy\"");
    ledger.write("copy.ron", &copy);
    let before = (ledger.read("prices.ron"), ledger.read("copy.ron"));

    let run = resolve(&ledger, "bo-minister-resigns");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 forecasts have the id 'bo-minister-resigns'")
            && run.stderr.contains("copy.ron:")
            && run.stderr.contains("prices.ron:"),
        "{}",
        run.stderr
    );
    assert_eq!((ledger.read("prices.ron"), ledger.read("copy.ron")), before);
}

#[test]
fn a_verdict_that_breaks_a_rule_is_refused_with_check_s_own_words() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let run = ledger.run(&[
        "resolve",
        "bo-minister-resigns",
        "true",
        "--on",
        "2030-01-01",
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("resolved on 2030-01-01, which is in the future; nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(ledger.read("prices.ron"), before);
}

#[test]
fn a_verdict_cannot_store_a_javascript_link_or_a_terminal_escape() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    for (flag, value, message) in [
        (
            "--link",
            "javascript:alert(1)",
            "`link` must be a web address",
        ),
        (
            "--evidence",
            "red\u{1b}[31m",
            "`evidence` contains a control character (U+001B)",
        ),
    ] {
        let run = ledger.run(&["resolve", "bo-minister-resigns", "true", flag, value]);
        assert_eq!(run.status, 2, "{}", run.stderr);
        assert!(run.stderr.contains(message), "{}", run.stderr);
        assert!(
            !run.stderr.contains('\u{1b}'),
            "the escape is never printed raw"
        );
        assert_eq!(ledger.read("prices.ron"), before);
    }
}
