//! Randomized: rounds of random edits on two copies of a demo scenario (claims edited,
//! verdicts recorded, forecasts added and deleted, never the same field of one forecast on
//! both sides), merged by record, compared with an oracle that applies both edit sets to
//! the base independently: no edit lost, no duplicate id, and the result passes `check`.

mod common;

use std::collections::{BTreeMap, HashSet};

use common::git;
use hindsight::demo::{DemoOptions, write_demo};
use hindsight::ledger::canonical::scenario_document;
use hindsight::ledger::format::FileKind;
use hindsight::ledger::merge::merge;
use hindsight::ledger::{Forecast, Outcome, Resolution, Scenario, Verdict, load};

/// A small deterministic generator (xorshift), so a failing round can be replayed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One side's edits, as the oracle applies them.
#[derive(Default)]
struct Edits {
    claims: BTreeMap<String, String>,
    verdicts: BTreeMap<String, Outcome>,
    deleted: HashSet<String>,
    added: Vec<Forecast>,
}

impl Edits {
    fn apply(&self, scenario: &mut Scenario) {
        scenario.forecasts.retain(|f| !self.deleted.contains(&f.id));
        for forecast in &mut scenario.forecasts {
            if let Some(claim) = self.claims.get(&forecast.id) {
                forecast.claim = claim.clone();
            }
            if let Some(outcome) = self.verdicts.get(&forecast.id) {
                forecast.outcome = outcome.clone();
            }
        }
        scenario.forecasts.extend(self.added.iter().cloned());
    }
}

fn verdict(on: chrono::NaiveDate, dice: &mut Dice) -> Outcome {
    let verdicts = [Verdict::True, Verdict::False, Verdict::Partly];
    Outcome::Resolved(Resolution {
        verdict: verdicts[dice.below(3)],
        on,
        judge: Some("Oracle".into()),
        evidence: Some(format!("Evidence {}.", dice.below(1000))),
        link: None,
    })
}

/// Random edits for one side. `taken` holds (id, field) pairs the other side changed, so
/// the two never change one field of one forecast (that would be a dispute).
fn random_edits(
    base: &Scenario,
    side: &str,
    dice: &mut Dice,
    taken: &mut HashSet<(String, &'static str)>,
) -> Edits {
    let mut edits = Edits::default();
    for _ in 0..8 {
        let forecast = &base.forecasts[dice.below(base.forecasts.len())];
        let id = forecast.id.clone();
        if taken.contains(&(id.clone(), "deleted")) || edits.deleted.contains(&id) {
            continue;
        }
        match dice.below(4) {
            0 if taken.insert((id.clone(), "claim")) => {
                edits
                    .claims
                    .insert(id.clone(), format!("{} ({side} edit)", forecast.claim));
            }
            1 if taken.insert((id.clone(), "outcome")) => {
                edits
                    .verdicts
                    .insert(id.clone(), verdict(forecast.made, dice));
            }
            // A delete conflicts with any change on the other side.
            2 if !taken.iter().any(|(t, _)| *t == id) => {
                taken.insert((id.clone(), "deleted"));
                taken.insert((id.clone(), "claim"));
                taken.insert((id.clone(), "outcome"));
                edits.claims.remove(&id);
                edits.verdicts.remove(&id);
                edits.deleted.insert(id);
            }
            _ => {}
        }
    }
    for n in 0..dice.below(3) {
        let mut added = base.forecasts[dice.below(base.forecasts.len())].clone();
        added.id = format!("{side}-added-{n}");
        added.outcome = Outcome::Open;
        edits.added.push(added);
    }
    edits
}

/// A demo scenario on disk, its file, parsed value and text.
struct Demo {
    _root: tempfile::TempDir,
    dir: std::path::PathBuf,
    path: std::path::PathBuf,
    base: Scenario,
    base_text: String,
}

fn demo() -> Demo {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("scenarios");
    write_demo(
        &dir,
        DemoOptions {
            forecasts: 60,
            seed: 3,
            today: common::today(),
        },
    )
    .unwrap();
    let ledger = load(&dir, common::today()).unwrap();
    let path = ledger.files[0].path.clone();
    let base = ledger.files[0].scenario.clone();
    let base_text = std::fs::read_to_string(&path).unwrap();
    Demo {
        _root: root,
        dir,
        path,
        base,
        base_text,
    }
}

/// One round: each side's version of the file, and what the oracle says the merge is —
/// both edit sets applied to the base, additions after it, ours then theirs.
fn round(base: &Scenario, dice: &mut Dice) -> (String, String, Scenario) {
    let mut taken = HashSet::new();
    let ours_edits = random_edits(base, "ours", dice, &mut taken);
    let theirs_edits = random_edits(base, "theirs", dice, &mut taken);
    let (mut ours, mut theirs, mut expected) = (base.clone(), base.clone(), base.clone());
    ours_edits.apply(&mut ours);
    theirs_edits.apply(&mut theirs);
    ours_edits.apply(&mut expected);
    theirs_edits.apply(&mut expected);
    let header = "// A demo scenario (made up), written by `hindsight demo`.\n";
    (
        scenario_document(header, &ours),
        scenario_document(header, &theirs),
        expected,
    )
}

/// The merged file loads cleanly, holds exactly what the oracle says, and no id twice.
fn assert_as_the_oracle_says(demo: &Demo, expected: &Scenario, round: usize) {
    let after = load(&demo.dir, common::today()).unwrap();
    assert_eq!(
        after.error_count(),
        0,
        "round {round}: {:?}",
        after.problems
    );
    assert_eq!(
        &after.files[0].scenario, expected,
        "round {round}: no edit lost"
    );
    let ids: HashSet<&str> = after.forecasts().map(|v| v.forecast.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        after.entries.len(),
        "round {round}: no duplicate id"
    );
}

#[test]
fn random_edits_on_both_sides_all_land_as_the_oracle_says() {
    let demo = demo();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    for round_number in 0..40 {
        let (ours, theirs, expected) = round(&demo.base, &mut dice);
        let merged = merge(FileKind::Scenario, &demo.base_text, &ours, &theirs)
            .unwrap_or_else(|e| panic!("round {round_number}: {e}"));
        assert!(
            merged.disputes.is_empty(),
            "round {round_number}: {:?}",
            merged.disputes
        );
        std::fs::write(&demo.path, &merged.text).unwrap();
        assert_as_the_oracle_says(&demo, &expected, round_number);
    }
}

#[test]
fn random_edits_merged_and_rebased_by_real_git_through_the_driver_land_as_the_oracle_says() {
    let demo = demo();
    let root = demo.dir.parent().unwrap();
    git(root, &["init", "-q"]);
    let setup = common::hindsight(&["git-setup", root.to_str().unwrap()]);
    assert_eq!(setup.status, 0, "{}", setup.stderr);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    git(root, &["branch", "base"]);
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    for round_number in 0..10 {
        let (ours, theirs, expected) = round(&demo.base, &mut dice);
        for (branch, text) in [("ours", &ours), ("theirs", &theirs)] {
            git(root, &["checkout", "-q", "-B", branch, "base"]);
            std::fs::write(&demo.path, text).unwrap();
            git(root, &["commit", "-qam", branch]);
        }
        // Even rounds merge theirs into ours; odd rounds rebase theirs onto ours (git
        // then calls the driver with ours as the branch being built on).
        if round_number % 2 == 0 {
            git(root, &["checkout", "-q", "ours"]);
            git(root, &["merge", "-q", "--no-edit", "theirs"]);
        } else {
            git(root, &["checkout", "-q", "theirs"]);
            git(root, &["rebase", "-q", "ours"]);
        }
        assert_as_the_oracle_says(&demo, &expected, round_number);
        git(root, &["checkout", "-q", "base"]);
    }
}
