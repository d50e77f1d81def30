//! The id index that lets `resolve` read one file of a large folder: it is kept in the
//! user's cache folder, follows the folder's changes (a forecast added to a file the index
//! had ruled out is still found), and an index that is not one is ignored. It, and the
//! narrow load under it, only save reading: whatever way an id is spelled, every command
//! answers as a load of the whole folder would. Real files, the real binary, a private
//! cache folder.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{TODAY, TempLedger, resolve_args, today, with_new_forecast};
use proptest::prelude::*;

fn hindsight_with_cache(cache: &Path, args: &[&str], scenarios: &Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .arg("--today")
        .arg(TODAY)
        .args(args)
        .arg(scenarios)
        .env("XDG_CACHE_HOME", cache)
        .env_remove("HINDSIGHT_JUDGE")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), text)
}

fn index_files(cache: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache.join("hindsight"))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

fn resolve(cache: &Path, ledger: &TempLedger, id: &str) {
    let (status, output) = hindsight_with_cache(
        cache,
        &resolve_args(id, "true", TODAY, "Tester"),
        &ledger.scenarios(),
    );
    assert_eq!(status, 0, "{output}");
    let text = std::fs::read_to_string(ledger.path("prices.ron")).unwrap()
        + &std::fs::read_to_string(ledger.path("regional/neighbours.ron")).unwrap();
    let block = &text[text.find(&format!("id: \"{id}\"")).unwrap()..];
    let block = &block[..block.find("\n        ),").unwrap()];
    assert!(block.contains("verdict: True"), "{block}");
}

/// A scenario file of one source and the forecasts whose `id` fields are `id_fields`
/// (`id: "x"`, spelled any way).
fn scenario_file(id: &str, id_fields: &[String]) -> String {
    let forecasts: String = id_fields
        .iter()
        .map(|field| {
            format!(
                "        Forecast({field}, by: \"ada-fixture\", source: \"s\", made: \"2022-01-02\", quote: \"Q\", claim: \"C\", expression: \"likely\", resolve_by: Default(\"2023-01-01\"), outcome: Open),\n"
            )
        })
        .collect();
    format!(
        r#"Scenario(
    format: 1,
    id: "{id}",
    title: "A scenario",
    sources: [Source(id: "s", outlet: "O", title: "T", published: "2022-01-01")],
    forecasts: [
{forecasts}    ],
)
"#
    )
}

/// The fixture with enough scenario files for an index (see `id_index::MIN_FILES`).
fn large_fixture() -> TempLedger {
    let ledger = TempLedger::fixture();
    for n in 0..40 {
        ledger.write(
            &format!("filler/filler-{n}.ron"),
            scenario_file(&format!("filler-{n}"), &[format!("id: \"filler-{n}-a\"")]),
        );
    }
    ledger
}

#[test]
fn a_small_folder_is_read_whole_and_leaves_no_index() {
    let ledger = TempLedger::fixture();
    let cache = tempfile::tempdir().unwrap();
    resolve(cache.path(), &ledger, "bo-minister-resigns");
    assert!(index_files(cache.path()).is_empty());
}

#[test]
fn resolve_remembers_where_ids_are_and_follows_the_folders_changes() {
    let ledger = large_fixture();
    let cache = tempfile::tempdir().unwrap();

    // The first command over the folder writes its index to the cache, not the folder.
    resolve(cache.path(), &ledger, "bo-minister-resigns");
    let indexes = index_files(cache.path());
    assert_eq!(indexes.len(), 1, "{indexes:?}");
    let before = std::fs::read(&indexes[0]).unwrap();
    assert!(before.starts_with(b"hindsight id index 2\n"));
    let in_folder: Vec<_> = common::files_under(ledger.root.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("ids-"))
        .collect();
    assert!(in_folder.is_empty(), "{in_folder:?}");

    // A forecast added to the other file, which the index ruled out for the first id, is
    // found: the file changed, so it is read again.
    let neighbours = ledger.path("regional/neighbours.ron");
    let text = std::fs::read_to_string(&neighbours).unwrap();
    let added =
        with_new_forecast(&text, "added-later").replace("source: \"herald\"", "source: \"wire\"");
    std::fs::write(&neighbours, added).unwrap();
    resolve(cache.path(), &ledger, "added-later");

    // An index that is not one is ignored, and written anew.
    std::fs::write(&indexes[0], b"not an index").unwrap();
    resolve(cache.path(), &ledger, "tokayev-clear");
    assert!(
        std::fs::read(&indexes[0])
            .unwrap()
            .starts_with(b"hindsight id index 2\n")
    );

    // An id the index knows nothing of is still looked for everywhere, and reported.
    let (status, output) = hindsight_with_cache(
        cache.path(),
        &resolve_args("no-such-id", "true", TODAY, "Tester"),
        &ledger.scenarios(),
    );
    assert_ne!(status, 0);
    assert!(output.contains("no-such-id"), "{output}");
}

/// `hindsight resolve ID true` (or `reopen ID`) with a private cache.
fn change(cache: &Path, verb: &str, id: &str, scenarios: &Path) -> (i32, String) {
    let args: &[&str] = if verb == "resolve" {
        &resolve_args(id, "true", TODAY, "Tester")
    } else {
        &["reopen", id]
    };
    hindsight_with_cache(cache, args, scenarios)
}

#[test]
fn an_id_spelled_with_an_escape_or_as_a_raw_string_is_a_duplicate_resolve_refuses() {
    for (spelling, large) in [
        (r#"id: "bo-minister-resign\u{73}""#, false),
        (r#"id: r"bo-minister-resigns""#, false),
        (r#"id: "bo-minister-resign\u{73}""#, true),
        (r##"id: r#"bo-minister-resigns"#"##, true),
    ] {
        let ledger = if large {
            large_fixture()
        } else {
            TempLedger::fixture()
        };
        let cache = tempfile::tempdir().unwrap();
        let scenarios = ledger.scenarios();
        // With the index warm (it has seen every file), then the same id spelled another
        // way in a file it had seen without it.
        resolve(cache.path(), &ledger, "tokayev-clear");
        ledger.write("copy.ron", scenario_file("copy", &[spelling.to_string()]));
        let check = ledger.run(&["check"]);
        assert!(
            (check.stdout.clone() + &check.stderr).contains("bo-minister-resigns")
                && check.status != 0,
            "{spelling}: {}{}",
            check.stdout,
            check.stderr
        );
        let before = ledger.read("prices.ron");
        for verb in ["resolve", "reopen"] {
            let (status, output) = change(cache.path(), verb, "bo-minister-resigns", &scenarios);
            assert_ne!(status, 0, "{spelling}: {output}");
            assert!(
                output.contains("2 forecasts have the id 'bo-minister-resigns'"),
                "{spelling}: {output}"
            );
        }
        assert_eq!(ledger.read("prices.ron"), before, "{spelling}");
    }
}

/// How one `id` field is written: ron reads every one of them as the same id.
fn id_field(id: &str, spelling: u8) -> String {
    let (first, rest) = id.split_at(1);
    match spelling {
        0 => format!("id: \"{id}\""),
        1 => format!("id: \"\\u{{{:x}}}{rest}\"", u32::from(first.as_bytes()[0])),
        2 => format!("id: \"{first}\\\n    {rest}\""),
        3 => format!("id: r\"{id}\""),
        4 => format!("id: r#\"{id}\"#"),
        _ => format!("id /* an id */ : // {id}\n \"{id}\""),
    }
}

/// A folder's extra files: for each, forecasts of ids from a small pool (`f0`…`f4`), each
/// spelled some way; ids recur within and across files.
fn pooled_files() -> impl Strategy<Value = Vec<Vec<(u8, u8)>>> {
    proptest::collection::vec(proptest::collection::vec((0u8..5, 0u8..6), 0..3), 32..36)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// `resolve` and `reopen` give the same answer with no index (a cache folder that
    /// cannot be), with the index cold (a fresh cache) and warm (a cache that has seen
    /// the folder), and it is the answer a load of the whole folder says: no such
    /// forecast, several of them, or the one forecast's file.
    #[test]
    fn the_index_and_the_narrow_load_never_change_an_answer(files in pooled_files()) {
        let ledger = TempLedger::fixture();
        let scenarios = ledger.scenarios();
        for (n, forecasts) in files.iter().enumerate() {
            let mut fields = vec![format!("id: \"filler-{n}\"")];
            fields.extend(forecasts.iter().map(|&(id, spelling)| id_field(&format!("f{id}"), spelling)));
            ledger.write(&format!("pool/file-{n}.ron"), scenario_file(&format!("file-{n}"), &fields));
        }
        let whole = hindsight::load(&scenarios, today()).unwrap();
        let caches = tempfile::tempdir().unwrap();
        let no_index = caches.path().join("a file, not a folder");
        std::fs::write(&no_index, "").unwrap();
        let warm = caches.path().join("warm");
        change(&warm, "reopen", "no-such-id", &scenarios);
        for id in ["f0", "f1", "f2", "f3", "f4", "filler-3", "bo-minister-resigns"] {
            let found = whole.find_all(id);
            let cold = caches.path().join(format!("cold-{id}"));
            for verb in ["resolve", "reopen"] {
                // Each run leaves the folder as it found it: resolve, then reopen.
                let answers: Vec<(i32, String)> = [&no_index, &cold, &warm]
                    .iter()
                    .map(|cache| {
                        let answer = change(cache, verb, id, &scenarios);
                        if verb == "resolve" && answer.0 == 0 {
                            change(cache, "reopen", id, &scenarios);
                        }
                        answer
                    })
                    .collect();
                prop_assert_eq!(&answers[1], &answers[0], "{} {}: cold", verb, id);
                prop_assert_eq!(&answers[2], &answers[0], "{} {}: warm", verb, id);
                let (status, output) = &answers[0];
                match found.as_slice() {
                    [] => prop_assert!(*status != 0 && output.contains("no forecast with id"), "{id}: {output}"),
                    [entry] => {
                        let path = whole.view(*entry).file.path.display().to_string();
                        prop_assert!(output.contains(&path), "{id}: {output}");
                    }
                    several => {
                        let message = format!("{} forecasts have the id '{id}'", several.len());
                        prop_assert!(*status != 0 && output.contains(&message), "{id}: {output}");
                    }
                }
            }
        }
        prop_assert!(warm.join("hindsight").is_dir(), "the index was kept");
    }
}
