//! Randomized: rounds of random edits on two copies of a demo scenario (claims edited,
//! verdicts recorded, forecasts added and deleted, comments added atop the file, above,
//! inside and after a line of a forecast and after the last one; never the same field of
//! one forecast on both sides), merged by record and through the real git, compared with
//! an oracle that applies both edit sets to the base independently: no edit lost, no
//! record and no comment lost (a comment may go only with a forecast a side deleted),
//! each comment still beside its forecast, no duplicate id, and the result passes
//! `check`. Some rounds reuse an id: a side pastes a copy of a forecast with its id (git's
//! line merge must keep both), or both sides add one new id two ways (a dispute holding
//! both). `HINDSIGHT_ORACLE_ROUNDS=N` runs N rounds of each test (the default keeps the
//! suite quick); each prints what it saw.

use crate::common;

use std::collections::{BTreeMap, HashSet};

use common::{git, git_output, git_setup};
use hindsight::FileKind;
use hindsight::scenario_document;
use hindsight::{DemoOptions, write_demo};
use hindsight::{Forecast, Outcome, Resolution, Scenario, Verdict, load};
use hindsight::{MergeError, merge};

const HEADER: &str = "// A demo scenario (made up), written by `hindsight demo`.\n";

/// The id both sides add, two ways, in the rounds that do.
const ADDED_TWO_WAYS: &str = "added-two-ways";

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

fn rounds(default: usize) -> usize {
    std::env::var("HINDSIGHT_ORACLE_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Where a comment sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spot {
    /// Atop the file.
    Head,
    /// On a line of its own above the forecast.
    Above,
    /// On a line of its own inside the forecast, above its claim.
    Inside,
    /// After the forecast's `expression:` line, on that line.
    OnLine,
    /// After the forecast's closing bracket, on that line.
    After,
    /// After the last forecast.
    Tail,
}

/// A comment, where it sits, and the forecast it sits with (none atop or at the end).
#[derive(Clone, Debug)]
struct Note {
    spot: Spot,
    id: String,
    text: String,
}

/// One side's edits, as the oracle applies them.
#[derive(Default)]
struct Edits {
    claims: BTreeMap<String, String>,
    verdicts: BTreeMap<String, Outcome>,
    deleted: HashSet<String>,
    added: Vec<Forecast>,
    notes: Vec<Note>,
    /// A base forecast pasted at the end again, its id kept and its claim changed.
    copied: Option<Forecast>,
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

    /// This side's file: its scenario, the base's comments less those of forecasts it
    /// deleted, its own comments, and its pasted copy.
    fn text(&self, base: &Scenario, base_notes: &[Note]) -> String {
        let mut scenario = base.clone();
        self.apply(&mut scenario);
        scenario.forecasts.extend(self.copied.iter().cloned());
        let notes: Vec<&Note> = base_notes
            .iter()
            .filter(|note| !self.deleted.contains(&note.id))
            .chain(&self.notes)
            .collect();
        with_notes(&scenario_document(HEADER, &scenario), &notes)
    }
}

/// A canonical file with comments put in (a forecast's notes go with its first copy).
fn with_notes(text: &str, notes: &[&Note]) -> String {
    let mut text = text.to_string();
    for note in notes {
        let block = || {
            let start = text
                .find(&format!(
                    "        Forecast(\n            id: {:?},",
                    note.id
                ))
                .unwrap_or_else(|| panic!("{note:?}"));
            let line = |field: &str| start + text[start..].find(field).unwrap() + 1;
            (
                start,
                line("\n            claim: "),
                line("\n            expression: "),
            )
        };
        match note.spot {
            Spot::Head => text.insert_str(0, &format!("{}\n", note.text)),
            Spot::Tail => {
                let at = text.rfind("    ],\n)").unwrap();
                text.insert_str(at, &format!("        {}\n", note.text));
            }
            Spot::Above => {
                let (at, _, _) = block();
                text.insert_str(at, &format!("        {}\n", note.text));
            }
            Spot::Inside => {
                let (_, at, _) = block();
                text.insert_str(at, &format!("            {}\n", note.text));
            }
            Spot::OnLine => {
                let (_, _, line) = block();
                let end = line + text[line..].find('\n').unwrap();
                text.insert_str(end, &format!(" {}", note.text));
            }
            Spot::After => {
                let (start, _, _) = block();
                let end =
                    start + text[start..].find("\n        ),").unwrap() + "\n        ),".len();
                text.insert_str(end, &format!(" {}", note.text));
            }
        }
    }
    text
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

/// The base's own comments: atop the file, after the last forecast, and some above,
/// inside and after a line of forecasts.
fn base_notes(base: &Scenario, dice: &mut Dice) -> Vec<Note> {
    let mut notes = vec![
        Note {
            spot: Spot::Head,
            id: String::new(),
            text: "// Shared by the team; merged by `hindsight merge-driver`.".into(),
        },
        Note {
            spot: Spot::Tail,
            id: String::new(),
            text: "// New forecasts go above this line.".into(),
        },
    ];
    for n in 0..16 {
        let id = base.forecasts[dice.below(base.forecasts.len())].id.clone();
        let spot = [Spot::Above, Spot::Inside, Spot::OnLine, Spot::After][dice.below(4)];
        if !line_taken(&notes, &id, spot) {
            let text = format!("// base note {n}.");
            notes.push(Note { spot, id, text });
        }
    }
    notes
}

/// Whether `notes` has a comment on the line where one at `spot` of forecast `id` goes
/// (two `//` comments on a line would be one).
fn line_taken(notes: &[Note], id: &str, spot: Spot) -> bool {
    matches!(spot, Spot::OnLine | Spot::After)
        && notes.iter().any(|note| note.id == id && note.spot == spot)
}

/// What a round reuses an id for, if it does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reuse {
    None,
    /// Ours (`true`) or theirs pastes a copy of a base forecast with its id.
    Copy(bool),
    /// Both sides add `ADDED_TWO_WAYS`, with different claims.
    AddedTwoWays,
}

/// Random edits for one side. `taken` holds (id, what) pairs the other side changed, so
/// the two never change one field of one forecast (that would be a dispute), nor change
/// or comment on one the other deleted.
fn random_edits(
    base: &Scenario,
    base_notes: &[Note],
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
    for n in 0..dice.below(5) {
        let text = format!("// {side} note {n}.");
        let spot = [
            Spot::Head,
            Spot::Above,
            Spot::Inside,
            Spot::OnLine,
            Spot::After,
            Spot::Tail,
        ][dice.below(6)];
        let id = match spot {
            Spot::Head | Spot::Tail => String::new(),
            // Above a forecast this side added, now and then.
            Spot::Above if !edits.added.is_empty() && dice.below(3) == 0 => {
                edits.added[dice.below(edits.added.len())].id.clone()
            }
            _ => base.forecasts[dice.below(base.forecasts.len())].id.clone(),
        };
        let deleted = taken.contains(&(id.clone(), "deleted")) || edits.deleted.contains(&id);
        // One comment a line: none where the base or either side has one.
        let line = match spot {
            Spot::OnLine => "on-line",
            _ => "after",
        };
        let line_taken = line_taken(base_notes, &id, spot)
            || (matches!(spot, Spot::OnLine | Spot::After) && !taken.insert((id.clone(), line)));
        if !deleted && !line_taken {
            if !id.is_empty() {
                taken.insert((id.clone(), "note"));
            }
            edits.notes.push(Note { spot, id, text });
        }
    }
    edits
}

/// One round: each side's file, what the oracle says the merge holds (both edit sets
/// applied to the base, additions after it, ours then theirs), and every comment it must
/// keep.
struct Round {
    ours: String,
    theirs: String,
    reuse: Reuse,
    /// The id of the forecast pasted with its id, in those rounds.
    copied: Option<String>,
    expected: Scenario,
    /// Claims that must be in the file (edited, copied or added two ways).
    claims: Vec<String>,
    notes: Vec<Note>,
}

fn round(base: &Scenario, base_notes: &[Note], dice: &mut Dice) -> Round {
    let mut taken = HashSet::new();
    let mut ours_edits = random_edits(base, base_notes, "ours", dice, &mut taken);
    let mut theirs_edits = random_edits(base, base_notes, "theirs", dice, &mut taken);
    let reuse = match dice.below(6) {
        0 => Reuse::Copy(dice.below(2) == 0),
        1 => Reuse::AddedTwoWays,
        _ => Reuse::None,
    };
    let mut copied = None;
    match reuse {
        Reuse::Copy(by_ours) => {
            // A forecast neither side touched, so that both copies must stay.
            let untouched = base
                .forecasts
                .iter()
                .find(|f| !taken.iter().any(|(id, _)| *id == f.id))
                .expect("some forecast is untouched");
            let mut copy = untouched.clone();
            copy.claim = format!("{} (pasted copy)", copy.claim);
            let copier = if by_ours {
                &mut ours_edits
            } else {
                &mut theirs_edits
            };
            copied = Some(copy.id.clone());
            copier.copied = Some(copy);
        }
        Reuse::AddedTwoWays => {
            for (side, edits) in [("ours", &mut ours_edits), ("theirs", &mut theirs_edits)] {
                let mut added = base.forecasts[0].clone();
                added.id = ADDED_TWO_WAYS.into();
                added.outcome = Outcome::Open;
                added.claim = format!("Added two ways ({side}'s).");
                edits.added.push(added);
            }
        }
        Reuse::None => {}
    }
    let mut expected = base.clone();
    ours_edits.apply(&mut expected);
    theirs_edits.apply(&mut expected);
    let deleted =
        |id: &String| ours_edits.deleted.contains(id) || theirs_edits.deleted.contains(id);
    let mut notes: Vec<Note> = base_notes
        .iter()
        .filter(|note| !deleted(&note.id))
        .cloned()
        .collect();
    notes.extend(ours_edits.notes.iter().cloned());
    notes.extend(theirs_edits.notes.iter().cloned());
    let mut claims: Vec<String> = [&ours_edits, &theirs_edits]
        .iter()
        .flat_map(|edits| {
            edits.claims.values().cloned().chain(
                edits
                    .copied
                    .iter()
                    .chain(edits.added.iter().filter(|f| f.id == ADDED_TWO_WAYS))
                    .map(|f| f.claim.clone()),
            )
        })
        .collect();
    claims.sort();
    Round {
        ours: ours_edits.text(base, base_notes),
        theirs: theirs_edits.text(base, base_notes),
        reuse,
        copied,
        expected,
        claims,
        notes,
    }
}

/// A demo scenario on disk, its file, parsed value and text (with the base's comments).
struct Demo {
    _root: tempfile::TempDir,
    dir: std::path::PathBuf,
    path: std::path::PathBuf,
    base: Scenario,
    notes: Vec<Note>,
    base_text: String,
}

fn demo(dice: &mut Dice) -> Demo {
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
    let notes = base_notes(&base, dice);
    let base_text = Edits::default().text(&base, &notes);
    std::fs::write(&path, &base_text).unwrap();
    Demo {
        _root: root,
        dir,
        path,
        base,
        notes,
        base_text,
    }
}

/// What the rounds saw, for the report each test prints.
#[derive(Default, Debug)]
struct Tally {
    rounds: usize,
    by_record: usize,
    disputed: usize,
    line_merged: usize,
    records_checked: usize,
    comments_checked: usize,
}

impl Tally {
    fn print(&self, test: &str) {
        eprintln!(
            "{test}: {} rounds: {} merged by record, {} with a dispute, {} by git's line merge; {} records and {} comments found where the oracle put them",
            self.rounds,
            self.by_record,
            self.disputed,
            self.line_merged,
            self.records_checked,
            self.comments_checked
        );
    }
}

/// Whatever the merge did (clean, disputed or by line), the text holds every record the
/// oracle keeps, every claim edited, copied or added two ways, and every comment.
fn assert_nothing_lost(text: &str, round: &Round, number: usize, tally: &mut Tally) {
    for forecast in &round.expected.forecasts {
        let at = format!("id: {:?},", forecast.id);
        assert!(
            text.contains(&at),
            "round {number}: {} lost\n{text}",
            forecast.id
        );
        tally.records_checked += 1;
    }
    if let Some(id) = &round.copied {
        let copies = text.matches(&format!("id: {id:?},")).count();
        assert!(
            copies >= 2,
            "round {number}: the pasted copy is kept\n{text}"
        );
        tally.records_checked += 1;
    }
    for claim in &round.claims {
        assert!(
            text.contains(claim.as_str()),
            "round {number}: {claim:?} lost\n{text}"
        );
    }
    for note in &round.notes {
        assert!(
            text.contains(&note.text),
            "round {number}: comment {note:?} lost\n{text}"
        );
        tally.comments_checked += 1;
    }
}

/// After a clean merge by record: the file loads cleanly, holds exactly what the oracle
/// says, no id twice, and each comment still sits with its forecast.
fn assert_as_the_oracle_says(demo: &Demo, round: &Round, number: usize) {
    let after = load(&demo.dir, common::today()).unwrap();
    assert_eq!(
        after.error_count(),
        0,
        "round {number}: {:?}",
        after.problems
    );
    assert_eq!(
        after.files[0].scenario, round.expected,
        "round {number}: no edit lost"
    );
    let ids: HashSet<&str> = after.forecasts().map(|v| v.forecast.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        after.entries.len(),
        "round {number}: no duplicate id"
    );
    let text = std::fs::read_to_string(&demo.path).unwrap();
    for note in round.notes.iter().filter(|note| !note.id.is_empty()) {
        let at = text.find(&note.text).unwrap();
        let id = format!("id: {:?},", note.id);
        let beside = match note.spot {
            // The next forecast's id follows it.
            Spot::Above => text[at..]
                .find("id: \"")
                .map(|i| text[at + i..].starts_with(&id)),
            // It follows the forecast's closing bracket.
            Spot::After => text[..at]
                .rfind("id: \"")
                .map(|i| text[i..].starts_with(&id) && text[..at].ends_with("        ), ")),
            // The forecast it is in starts before it, and has not ended.
            _ => text[..at]
                .rfind("id: \"")
                .map(|i| text[i..].starts_with(&id) && !text[i..at].contains("\n        ),")),
        };
        assert_eq!(beside, Some(true), "round {number}: {note:?} moved\n{text}");
    }
}

#[test]
fn random_edits_on_both_sides_all_land_as_the_oracle_says() {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let demo = demo(&mut dice);
    let mut tally = Tally::default();
    for number in 0..rounds(150) {
        let round = round(&demo.base, &demo.notes, &mut dice);
        tally.rounds += 1;
        let merged = merge(
            FileKind::Scenario,
            &demo.base_text,
            &round.ours,
            &round.theirs,
        );
        let merged = match (round.reuse, merged) {
            // A pasted copy is left to git's line merge (the git test checks that).
            (Reuse::Copy(_), Err(MergeError::IdReused(..))) => {
                tally.line_merged += 1;
                continue;
            }
            (_, merged) => merged.unwrap_or_else(|e| panic!("round {number}: {e}")),
        };
        assert_nothing_lost(&merged.text, &round, number, &mut tally);
        if round.reuse == Reuse::AddedTwoWays {
            let keys: Vec<&str> = merged.disputes.iter().map(|d| d.key.as_str()).collect();
            assert_eq!(keys, [ADDED_TWO_WAYS], "round {number}");
            tally.disputed += 1;
            continue;
        }
        assert!(
            merged.disputes.is_empty(),
            "round {number}: {:?}",
            merged.disputes
        );
        tally.by_record += 1;
        std::fs::write(&demo.path, &merged.text).unwrap();
        assert_as_the_oracle_says(&demo, &round, number);
    }
    tally.print("merge");
}

#[test]
fn random_edits_merged_and_rebased_by_real_git_through_the_driver_land_as_the_oracle_says() {
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let demo = demo(&mut dice);
    let root = demo.dir.parent().unwrap();
    git(root, &["init", "-q"]);
    git_setup(root);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    git(root, &["branch", "base"]);
    let mut tally = Tally::default();
    for number in 0..rounds(24) {
        let round = round(&demo.base, &demo.notes, &mut dice);
        tally.rounds += 1;
        for (branch, text) in [("ours", &round.ours), ("theirs", &round.theirs)] {
            git(root, &["checkout", "-q", "-B", branch, "base"]);
            std::fs::write(&demo.path, text).unwrap();
            git(root, &["commit", "-qam", branch]);
        }
        // Even rounds merge theirs into ours; odd rounds rebase theirs onto ours (git
        // then calls the driver with ours as the branch being built on).
        let rebase = number % 2 == 1;
        let run = if rebase {
            git(root, &["checkout", "-q", "theirs"]);
            git_output(root, &["rebase", "-q", "ours"])
        } else {
            git(root, &["checkout", "-q", "ours"]);
            git_output(root, &["merge", "-q", "--no-edit", "theirs"])
        };
        let said = String::from_utf8_lossy(&run.stderr).to_string();
        let text = std::fs::read_to_string(&demo.path).unwrap();
        assert_nothing_lost(&text, &round, number, &mut tally);
        let by_line = said.contains("merged line by line");
        match round.reuse {
            Reuse::Copy(_) => assert!(by_line, "round {number}: {said}"),
            // Anything else is merged by record: the driver's safety net must not be what
            // keeps the comments.
            _ => assert!(!by_line, "round {number}: {said}"),
        }
        if by_line {
            tally.line_merged += 1;
        }
        if round.reuse == Reuse::AddedTwoWays {
            assert!(!run.status.success(), "round {number}: a dispute");
            assert!(said.contains(&format!("'{ADDED_TWO_WAYS}' changed two ways (claim)")));
            tally.disputed += 1;
        } else if round.reuse == Reuse::None {
            assert!(run.status.success(), "round {number}: {said}");
            tally.by_record += 1;
            assert_as_the_oracle_says(&demo, &round, number);
        }
        if !run.status.success() {
            let abort = if rebase { "rebase" } else { "merge" };
            git(root, &[abort, "--abort"]);
        }
        git(root, &["checkout", "-q", "base"]);
    }
    tally.print("git");
}
