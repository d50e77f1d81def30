//! The id index that lets `resolve` read one file of a large folder: it is kept in the
//! user's cache folder, follows the folder's changes (a forecast added to a file the index
//! had ruled out is still found), and an index that is not one is ignored. Real files, the
//! real binary, a private cache folder.

mod common;

use std::path::Path;
use std::process::Command;

use common::{TODAY, TempLedger, with_new_forecast};

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
        &["resolve", id, "true", "--on", TODAY, "--by", "Tester"],
        &ledger.scenarios(),
    );
    assert_eq!(status, 0, "{output}");
    let text = std::fs::read_to_string(ledger.path("prices.ron")).unwrap()
        + &std::fs::read_to_string(ledger.path("regional/neighbours.ron")).unwrap();
    let block = &text[text.find(&format!("id: \"{id}\"")).unwrap()..];
    let block = &block[..block.find("\n        ),").unwrap()];
    assert!(block.contains("verdict: True"), "{block}");
}

/// The fixture with enough scenario files for an index (see `id_index::MIN_FILES`).
fn large_fixture() -> TempLedger {
    let ledger = TempLedger::fixture();
    for n in 0..40 {
        ledger.write(
            &format!("filler/filler-{n}.ron"),
            format!(
                r#"Scenario(
    format: 1,
    id: "filler-{n}",
    title: "Filler {n}",
    sources: [Source(id: "s", outlet: "O", title: "T", published: "2022-01-01")],
    forecasts: [
        Forecast(id: "filler-{n}-a", by: "ada-fixture", source: "s", made: "2022-01-02", quote: "Q", claim: "C", expression: "likely", resolve_by: Default("2023-01-01"), outcome: Open),
    ],
)
"#
            ),
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
    assert!(before.starts_with(b"hindsight id index 1\n"));
    let in_folder: Vec<_> = walk(ledger.root.path())
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
            .starts_with(b"hindsight id index 1\n")
    );

    // An id the index knows nothing of is still looked for everywhere, and reported.
    let (status, output) = hindsight_with_cache(
        cache.path(),
        &[
            "resolve",
            "no-such-id",
            "true",
            "--on",
            TODAY,
            "--by",
            "Tester",
        ],
        &ledger.scenarios(),
    );
    assert_ne!(status, 0);
    assert!(output.contains("no-such-id"), "{output}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
