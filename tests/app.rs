//! The real desktop app, driven headless (no GPU, no window) by egui_kittest on a temporary
//! copy of the fixture ledger: what a user clicks and types, and what lands on disk.

mod common;

use std::time::{Duration, Instant};

use common::{
    Team, TempLedger, block_lines, changed_line_range, commit_as_the_app_does, git,
    resolve_minister, today,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use hindsight::{AppOptions, HindsightApp, Tab};

/// Runs frames until the app asks for no more. Work finishing on a background thread (a
/// load, track records) asks for a frame whenever it lands, so a click may need a few
/// batches of frames to settle on a busy machine; an app that never stops repainting
/// still fails.
trait Settle {
    fn settle(&mut self);
}

impl Settle for Harness<'static, HindsightApp> {
    fn settle(&mut self) {
        for _ in 0..50 {
            if self.run_ok().is_some() {
                return;
            }
        }
        panic!("the app kept asking for frames: it never settled");
    }
}

fn open(ledger: &TempLedger, watch: bool) -> Harness<'static, HindsightApp> {
    open_folder(ledger.scenarios(), watch, 4)
}

/// The app on a clone's scenarios folder. Git runs in the background, and each answer
/// asks for a frame, so a click may take a few more frames to settle.
fn open_clone(dir: &std::path::Path) -> Harness<'static, HindsightApp> {
    open_folder(dir.join("scenarios"), false, 200)
}

fn open_folder(
    folder: std::path::PathBuf,
    watch: bool,
    max_steps: u64,
) -> Harness<'static, HindsightApp> {
    let mut harness = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_max_steps(max_steps)
        .build_eframe(move |cc| {
            HindsightApp::new(
                cc,
                AppOptions {
                    folder: Some(folder),
                    today: Some(today()),
                    watch,
                    ..AppOptions::default()
                },
            )
        });
    harness.settle();
    harness
}

/// Clicks the control labelled `label`: a button, link or tab rather than a text that
/// happens to read the same (a tab and a column header can both say "Forecasts"); a plain
/// label (a table row's claim) when there is nothing else.
fn click(harness: &mut Harness<'static, HindsightApp>, label: &str) {
    let nodes: Vec<_> = harness.query_all_by_label(label).collect();
    let controls: Vec<_> = nodes
        .iter()
        .filter(|node| {
            !matches!(
                node.accesskit_node().role(),
                Role::Label | Role::TextRun | Role::ColumnHeader
            )
        })
        .collect();
    let node = match (controls.as_slice(), nodes.as_slice()) {
        ([control], _) => *control,
        ([], [only]) => only,
        _ => panic!(
            "{} nodes labelled {label:?}: {:?}",
            nodes.len(),
            nodes
                .iter()
                .map(|n| n.accesskit_node().role())
                .collect::<Vec<_>>()
        ),
    };
    node.click();
    harness.settle();
}

/// The text field labelled `label` (not a button or header that reads the same).
fn field<'a>(
    harness: &'a Harness<'static, HindsightApp>,
    label: &'a str,
) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(Role::TextInput, label)
}

fn type_into(harness: &mut Harness<'static, HindsightApp>, label: &str, text: &str) {
    let node = field(harness, label);
    node.focus();
    node.type_text(text);
    harness.settle();
}

/// Whether any text on screen contains `text`.
fn shows_text(harness: &Harness<'static, HindsightApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Replaces what a prefilled field holds (select all, then type).
fn replace_text(harness: &mut Harness<'static, HindsightApp>, label: &str, text: &str) {
    field(harness, label).focus();
    harness.settle();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(harness, label).type_text(text);
    harness.settle();
    assert_eq!(field(harness, label).value().as_deref(), Some(text));
}

/// Opens the forecasts table and selects a forecast by clicking its claim.
fn select(harness: &mut Harness<'static, HindsightApp>, claim: &str) {
    click(harness, "Forecasts");
    click(harness, claim);
}

const MINISTER: &str = "The minister leaves office by 30 June 2022.";

#[test]
fn marking_a_forecast_true_rewrites_only_its_block_and_ctrl_z_undoes_it() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    assert!(
        harness.query_by_label("bo-minister-resigns").is_some(),
        "the detail panel shows it"
    );

    type_into(
        &mut harness,
        "Evidence",
        "The minister resigned on 15 June.",
    );
    type_into(&mut harness, "Link", "https://example.org/resigned");
    type_into(&mut harness, "Judge", "Test Judge");
    click(&mut harness, "True");

    let after = ledger.read("prices.ron");
    let changed = changed_line_range(&before, &after);
    let block = block_lines(&before, "bo-minister-resigns");
    assert!(
        block.contains(&changed.start) && block.contains(&(changed.end - 1)),
        "changed lines {changed:?} lie inside the forecast's block {block:?}"
    );
    assert!(after.contains(
        "            outcome: Resolved(\n                verdict: True,\n                on: \"2026-11-22\",\n                judge: \"Test Judge\",\n                evidence: \"The minister resigned on 15 June.\",\n                link: \"https://example.org/resigned\",\n            ),\n"
    ));
    assert!(
        harness
            .state()
            .status
            .message
            .contains("Resolved bo-minister-resigns as true")
    );
    assert_eq!(
        harness.state().settings.judge,
        "Test Judge",
        "the judge is remembered"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.settle();
    assert_eq!(
        ledger.read("prices.ron"),
        before,
        "the undo is written, byte for byte"
    );
    assert!(
        harness
            .state()
            .status
            .message
            .starts_with("Undid: reopened bo-minister-resigns")
    );
}

#[test]
fn a_verdict_over_another_is_asked_first_showing_both_and_written_only_if_confirmed() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    type_into(&mut harness, "Evidence", "Resigned, says the wire.");
    type_into(&mut harness, "Judge", "Ana");
    click(&mut harness, "True");
    let resolved = ledger.read("prices.ron");
    assert!(resolved.contains("evidence: \"Resigned, says the wire.\""));

    // Ben records another verdict: nothing is written before he says it replaces Ana's.
    type_into(&mut harness, "Evidence", "Still in office in July.");
    replace_text(&mut harness, "Judge", "Ben");
    click(&mut harness, "False");
    assert_eq!(ledger.read("prices.ron"), resolved, "nothing written yet");
    assert!(harness.query_by_label("Replace the verdict?").is_some());
    for shown in ["Now", "Would become", "Ana", "Ben"] {
        assert!(harness.query_by_label(shown).is_some(), "{shown} is shown");
    }
    assert!(shows_text(&harness, "Still in office in July."));
    click(&mut harness, "Keep current verdict");
    assert!(harness.query_by_label("Replace the verdict?").is_none());
    assert_eq!(
        ledger.read("prices.ron"),
        resolved,
        "keeping writes nothing"
    );

    // Asked again, and confirmed: the verdict is replaced with its evidence and judge.
    click(&mut harness, "False");
    click(&mut harness, "Replace verdict");
    assert!(harness.query_by_label("Replace the verdict?").is_none());
    let replaced = ledger.read("prices.ron");
    assert!(
        replaced.contains(
            "                verdict: False,\n                on: \"2026-11-22\",\n                judge: \"Ben\",\n                evidence: \"Still in office in July.\",\n"
        ),
        "{replaced}"
    );
    assert!(
        harness
            .state()
            .status
            .message
            .contains("Replaced the verdict on bo-minister-resigns (true) with false")
    );

    // Ctrl+Z puts Ana's verdict back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.settle();
    assert_eq!(ledger.read("prices.ron"), resolved);
}

#[test]
fn a_verdict_dated_before_the_forecast_is_refused_next_to_the_form() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    replace_text(&mut harness, "Date", "2021-01-01");
    click(&mut harness, "False");
    assert!(
        harness
            .query_by_label_contains("before the forecast was made")
            .is_some(),
        "the problem is shown"
    );
    assert_eq!(ledger.read("prices.ron"), before, "nothing was written");
}

#[test]
fn filtering_changes_the_track_records() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    assert!(
        harness.query_by_label("⚠ Ada Fixture").is_some(),
        "a small sample is marked"
    );
    assert!(harness.query_by_label("⚠ Bo Testwell").is_some());

    type_into(&mut harness, "Search", "Testwell");
    assert!(
        harness.query_by_label("⚠ Ada Fixture").is_none(),
        "the leaderboard follows the filter"
    );
    assert!(harness.query_by_label("⚠ Bo Testwell").is_some());
    let report = harness.state().visible().len();
    assert_eq!(report, 3, "Bo Testwell's three forecasts");

    // The same filter drives the table.
    click(&mut harness, "Forecasts");
    assert!(harness.query_by_label(MINISTER).is_some());
    assert!(
        harness
            .query_by_label("Consumer prices rise between March and 21 June 2022.")
            .is_none()
    );

    click(&mut harness, "Clear filters");
    assert_eq!(harness.state().visible().len(), 9);
}

#[test]
fn a_forecasters_page_opens_from_the_leaderboard() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    click(&mut harness, "⚠ Ada Fixture");
    assert_eq!(
        harness.state().ui.forecaster.as_deref(),
        Some("Ada Fixture")
    );
    assert!(
        harness
            .query_by_label("Economist, Example Institute")
            .is_some(),
        "who they are"
    );
    assert!(
        shows_text(&harness, "3 forecasts · 3 resolved · 3 scored"),
        "their record"
    );
    click(
        &mut harness,
        "Consumer prices rise between March and 21 June 2022.",
    );
    assert_eq!(
        harness.state().ui.selected.as_deref(),
        Some("ada-prices-rise")
    );
    click(&mut harness, "⬅ All forecasters");
    assert_eq!(harness.state().ui.forecaster, None);
}

#[test]
fn adding_a_forecast_writes_a_valid_block() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Edit");
    click(&mut harness, "New forecast… Ctrl+N");
    type_into(&mut harness, "Forecaster", "Ada");
    // Autocomplete from the people registry.
    click(&mut harness, "Ada Fixture");
    replace_text(&mut harness, "Made", "2022-03-04");
    type_into(
        &mut harness,
        "Quote",
        "Inflation will most likely fall next year.",
    );
    type_into(
        &mut harness,
        "Claim",
        "Inflation is lower in 2023 than in 2022.",
    );
    type_into(&mut harness, "Confidence words", "most likely");
    assert!(
        harness.query_by_label_contains("scored as 80%").is_some(),
        "the mapping shows as you type"
    );
    type_into(&mut harness, "Resolve by", "2023-12-31");
    click(&mut harness, "Add forecast");

    let text = ledger.read("prices.ron");
    assert!(
        text.contains("            claim: \"Inflation is lower in 2023 than in 2022.\",\n"),
        "{text}"
    );
    assert!(text.contains("            by: \"ada-fixture\",\n"));
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains("10 forecasts, 0 errors"),
        "{}",
        check.stdout
    );
    let selected = harness
        .state()
        .ui
        .selected
        .clone()
        .expect("the new forecast is selected");
    assert!(text.contains(&format!("id: \"{selected}\"")));
}

#[test]
fn a_comparative_with_a_baseline_is_previewed_written_and_explained() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    type_into(&mut harness, "Forecaster", "ada-fixture");
    replace_text(&mut harness, "Made", "2022-03-04");
    type_into(
        &mut harness,
        "Quote",
        "A strike is now even less likely than it already was.",
    );
    type_into(&mut harness, "Claim", "A general strike is called in 2022.");
    type_into(&mut harness, "Confidence words", "even less likely");
    assert!(
        shows_text(&harness, "scored as 35%"),
        "without a baseline: the lean from an even chance"
    );
    type_into(&mut harness, "Baseline", "unlikely");
    // 0.7 × the built-in "unlikely" (0.2).
    assert!(
        shows_text(&harness, "scored as 14%")
            && shows_text(&harness, "even less likely than 'unlikely' (20%) ➡ 14%"),
        "the preview says how the figure was worked out"
    );
    type_into(&mut harness, "Resolve by", "2022-12-31");
    click(&mut harness, "Add forecast");

    let text = ledger.read("prices.ron");
    assert!(
        text.contains(
            "            expression: \"even less likely\",\n            baseline: \"unlikely\",\n"
        ),
        "{text}"
    );
    let check = ledger.run(&["check", "--deny-warnings"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        shows_text(
            &harness,
            "measured from the level the text gives: even less likely than 'unlikely' (20%) ➡ 14%"
        ),
        "the new forecast's detail explains its figure"
    );
}

#[test]
fn invalid_input_is_shown_next_to_the_field_and_not_saved() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let mut harness = open(&ledger, false);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    type_into(&mut harness, "Forecaster", "Nobody Known");
    type_into(&mut harness, "Probability", "1.7");
    click(&mut harness, "Add forecast");
    assert!(
        harness
            .query_by_label_contains("unknown person 'Nobody Known'")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("empty claim").is_some()
            || harness.query_by_label_contains("claim").is_some()
    );
    assert_eq!(ledger.read("prices.ron"), before);
    // Fixing a field takes its complaint away at once; the others stay until fixed.
    replace_text(&mut harness, "Forecaster", "Ada Fixture");
    assert!(
        harness
            .query_by_label_contains("unknown person 'Nobody Known'")
            .is_none(),
        "a fixed field's problem goes"
    );
    assert!(
        harness.query_all_by_label_contains("1.7").count() > 0,
        "the probability's problem stays until it is fixed"
    );
}

#[test]
fn deleting_asks_first_and_can_be_undone() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    click(&mut harness, "Delete…");
    assert!(harness.query_by_label("Delete this forecast?").is_some());
    click(&mut harness, "Delete forecast");
    assert!(!ledger.read("prices.ron").contains("bo-minister-resigns"));
    assert!(harness.query_by_label(MINISTER).is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.settle();
    assert_eq!(
        ledger.read("prices.ron"),
        before,
        "the forecast is back where it was"
    );
}

/// Steps the app until `done` holds (the watcher reports from another thread).
fn wait_until(
    harness: &mut Harness<'static, HindsightApp>,
    done: impl Fn(&Harness<'static, HindsightApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness) {
        assert!(Instant::now() < deadline, "timed out");
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    harness.settle();
}

#[test]
fn an_external_change_is_picked_up_and_the_selection_kept() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, true);
    select(&mut harness, MINISTER);
    // As `git pull` or an editor would: a new file renamed over the old one.
    let changed = ledger
        .read("prices.ron")
        .replace(MINISTER, "The minister resigns by 30 June 2022.");
    let temporary = ledger.path("prices.ron.new");
    std::fs::write(&temporary, changed).unwrap();
    std::fs::rename(&temporary, ledger.path("prices.ron")).unwrap();
    wait_until(&mut harness, |h| {
        shows_text(h, "The minister resigns by 30 June 2022.")
    });
    assert_eq!(
        harness.state().ui.selected.as_deref(),
        Some("bo-minister-resigns")
    );
}

#[test]
fn a_block_changed_on_disk_is_never_overwritten() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    // Someone edits this very forecast while the app shows the old version.
    let theirs = ledger
        .read("prices.ron")
        .replace(MINISTER, "The minister resigns by 30 June 2022.");
    ledger.write("prices.ron", &theirs);
    click(&mut harness, "True");
    assert_eq!(ledger.read("prices.ron"), theirs, "nothing was written");
    let status = &harness.state().status;
    assert!(
        status.is_error && status.message.contains("changed on disk"),
        "{status:?}"
    );
}

#[test]
fn a_broken_file_is_listed_under_problems_while_the_rest_still_shows() {
    let ledger = TempLedger::fixture();
    ledger.write(
        "broken.ron",
        "Scenario(\n    format: 1,\n    id: \"broken\",\n",
    );
    let mut harness = open(&ledger, false);
    assert_eq!(
        harness.state().visible().len(),
        9,
        "the other files still show"
    );
    click(&mut harness, "Problems (1)");
    let location = format!("{}:4:1", ledger.path("broken.ron").display());
    assert!(
        harness.query_by_label(&location).is_some(),
        "file:line:col is shown"
    );
    assert!(harness.query_by_label_contains("expected ')'").is_some());
}

#[test]
fn keyboard_search_and_navigation() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.settle();
    assert_eq!(harness.state().ui.tab, Tab::Forecasts);
    assert!(field(&harness, "Search").is_focused());
    field(&harness, "Search").type_text("treaty");
    harness.settle();
    assert_eq!(harness.state().visible().len(), 2);
    harness.key_press(Key::Tab); // leave the search field
    harness.settle();
    harness.key_press(Key::ArrowDown);
    harness.settle();
    assert!(
        harness.state().ui.selected.is_some(),
        "↓ selects the first row"
    );
    harness.key_press(Key::Escape);
    harness.settle();
    assert_eq!(harness.state().ui.selected, None);
}

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn settings_are_remembered_between_runs() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    type_into(&mut harness, "Judge", "Jo Judge");
    click(&mut harness, "View");
    click(&mut harness, "Light");

    let mut memory = Memory::default();
    eframe::App::save(harness.state_mut(), &mut memory);
    let restored = hindsight::load_settings(Some(&memory));
    assert_eq!(restored.judge, "Jo Judge");
    assert_eq!(restored.theme, hindsight::Theme::Light);
    assert_eq!(
        restored.last_folder.as_deref(),
        Some(ledger.scenarios().as_path())
    );
    assert_eq!(
        restored.recent_folders.first().map(|p| p.as_path()),
        Some(ledger.scenarios().as_path())
    );
}

#[test]
fn editing_a_forecast_replaces_only_its_block() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("prices.ron");
    let mut harness = open(&ledger, false);
    select(&mut harness, MINISTER);
    click(&mut harness, "Edit forecast…");
    replace_text(
        &mut harness,
        "Claim",
        "The minister is out of office by 30 June 2022.",
    );
    click(&mut harness, "Save changes");
    let after = ledger.read("prices.ron");
    assert_eq!(
        after,
        before.replace(MINISTER, "The minister is out of office by 30 June 2022."),
        "only the claim's line changed"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.settle();
    assert_eq!(ledger.read("prices.ron"), before);
}

#[test]
fn new_scenarios_sources_and_people_are_written_through_forms() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);

    click(&mut harness, "Edit");
    click(&mut harness, "New person…");
    type_into(&mut harness, "Id", "cy-newcomer");
    type_into(&mut harness, "Name", "Cy Newcomer");
    type_into(&mut harness, "Aliases", "C. Newcomer");
    click(&mut harness, "Add person");
    assert!(ledger.read("people.ron").contains(
        "        Person(\n            id: \"cy-newcomer\",\n            name: \"Cy Newcomer\",\n            aliases: [\"C. Newcomer\"],\n        ),\n"
    ));

    click(&mut harness, "Edit");
    click(&mut harness, "New scenario…");
    type_into(&mut harness, "Id", "elections");
    type_into(&mut harness, "Title", "The next elections");
    click(&mut harness, "Create scenario");
    assert!(ledger.path("elections.ron").is_file());

    click(&mut harness, "Edit");
    click(&mut harness, "New source…");
    type_into(&mut harness, "Id", "gazette");
    type_into(&mut harness, "Outlet", "Example Gazette");
    type_into(&mut harness, "Title", "Who will win?");
    type_into(&mut harness, "Published", "2022-05-01");
    click(&mut harness, "Add source");
    // With no forecast selected, the form starts on the first scenario: the new one.
    assert!(
        ledger
            .read("elections.ron")
            .contains("            outlet: \"Example Gazette\",\n")
    );

    let check = ledger.run(&["check", "--deny-warnings"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
}

#[test]
fn a_person_who_is_already_there_under_another_spelling_is_refused() {
    let ledger = TempLedger::fixture();
    let before = ledger.read("people.ron");
    let mut harness = open(&ledger, false);
    click(&mut harness, "Edit");
    click(&mut harness, "New person…");
    type_into(&mut harness, "Id", "toqaev-2");
    type_into(&mut harness, "Name", "Kasym-Zhomart Tokaev");
    click(&mut harness, "Add person");
    assert!(
        shows_text(&harness, "Kassym-Jomart Tokayev"),
        "the existing person is named"
    );
    assert_eq!(ledger.read("people.ron"), before);
}

#[test]
fn the_leaderboard_sorts_by_any_column() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    let order = |harness: &Harness<'static, HindsightApp>| -> Vec<String> {
        let mut rows: Vec<(f32, String)> = ["⚠ Ada Fixture", "⚠ Bo Testwell"]
            .iter()
            .map(|name| (harness.get_by_label(name).rect().top(), name.to_string()))
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.into_iter().map(|(_, name)| name).collect()
    };
    // By Brier score, best first: Bo (0.000) before Ada (0.190).
    assert_eq!(order(&harness), ["⚠ Bo Testwell", "⚠ Ada Fixture"]);
    click(&mut harness, "Scored");
    assert_eq!(
        order(&harness),
        ["⚠ Bo Testwell", "⚠ Ada Fixture"],
        "1 scored before 3"
    );
    click(&mut harness, "Scored ⏶");
    assert_eq!(
        order(&harness),
        ["⚠ Ada Fixture", "⚠ Bo Testwell"],
        "a second click reverses"
    );
}

/// Clicks across a chart on a grid finer than a marker, as a user hunting for a point would,
/// until `opened` says a click opened something. Returns whether one did.
fn click_across(
    harness: &mut Harness<'static, HindsightApp>,
    chart: &str,
    opened: impl Fn(&HindsightApp) -> bool,
) -> bool {
    let rect = harness.get_by_label(chart).rect();
    // No point is more than step/√2 ≈ 11 points from a grid point: within the pick radius (12).
    let step = 16.0;
    let mut y = rect.top() + step / 2.0;
    while y < rect.bottom() {
        let mut x = rect.left() + step / 2.0;
        while x < rect.right() {
            let pos = egui::pos2(x, y);
            harness.hover_at(pos);
            for pressed in [true, false] {
                harness.event(egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    modifiers: Modifiers::default(),
                });
            }
            harness.step();
            if opened(harness.state()) {
                harness.settle();
                return true;
            }
            x += step;
        }
        y += step;
    }
    false
}

#[test]
fn clicking_a_calibration_point_lists_the_forecasts_behind_it() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    assert!(click_across(&mut harness, "Calibration diagram", |app| app
        .ui
        .only
        .is_some()));
    let (label, ids) = harness.state().ui.only.clone().unwrap();
    assert!(label.starts_with("calibration bin "), "{label}");
    assert_eq!(
        harness.state().ui.tab,
        Tab::Forecasts,
        "the forecasts behind the point are listed"
    );
    assert_eq!(harness.state().visible().len(), ids.len());
    assert!(!ids.is_empty());
    assert!(shows_text(&harness, "Showing only: calibration bin"));
}

#[test]
fn clicking_a_forecaster_on_the_brier_chart_opens_their_page() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    assert!(click_across(
        &mut harness,
        "Brier score by forecaster",
        |app| app.ui.forecaster.is_some()
    ));
    let name = harness.state().ui.forecaster.clone().unwrap();
    assert!(
        ["Ada Fixture", "Bo Testwell"].contains(&name.as_str()),
        "{name}"
    );
    assert!(
        harness.query_by_label("Calibration diagram").is_some(),
        "their own calibration"
    );
    assert!(harness.query_by_label("Brier score over time").is_some());
}

#[test]
fn a_new_forecast_lands_in_its_scenario_even_when_a_reload_shifts_the_files() {
    let ledger = TempLedger::fixture();
    let prices_before = ledger.read("prices.ron");
    let mut harness = open(&ledger, true);
    // The form starts on the scenario of the selected forecast: Neighbours, the second file.
    select(
        &mut harness,
        "The neighbouring states sign the treaty by 2030.",
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    type_into(&mut harness, "Forecaster", "ada-fixture");
    type_into(&mut harness, "Quote", "The border will likely reopen.");
    type_into(&mut harness, "Claim", "The border reopens by 2027.");
    type_into(&mut harness, "Confidence words", "likely");
    type_into(&mut harness, "Resolve by", "2027-01-01");

    // Someone adds a scenario that sorts first while the form is open: every file moves down.
    ledger.write(
        "markets.ron",
        "Scenario(\n    format: 1,\n    id: \"markets\",\n    title: \"Markets\",\n    summary: \"Added while the form was open.\",\n    sources: [],\n    forecasts: [],\n)\n",
    );
    wait_until(&mut harness, |h| {
        h.state().ledger().is_some_and(|l| l.files.len() == 3)
    });
    assert!(
        harness.query_by_label("New forecast").is_some(),
        "the form is still open"
    );
    click(&mut harness, "Add forecast");

    let status = &harness.state().status;
    assert!(!status.is_error, "{status:?}");
    assert!(
        ledger
            .read("regional/neighbours.ron")
            .contains("            claim: \"The border reopens by 2027.\",\n"),
        "the forecast is in the scenario the form was opened for"
    );
    assert_eq!(ledger.read("prices.ron"), prices_before, "not in another");
    assert!(!ledger.read("markets.ron").contains("border"));
}

#[test]
fn saving_into_a_scenario_that_left_the_folder_keeps_the_form_and_what_was_typed() {
    let ledger = TempLedger::fixture();
    let prices_before = ledger.read("prices.ron");
    let mut harness = open(&ledger, true);
    select(
        &mut harness,
        "The neighbouring states sign the treaty by 2030.",
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    type_into(&mut harness, "Claim", "The border reopens by 2027.");

    // A branch switch takes the scenario away while the form is open.
    std::fs::remove_file(ledger.path("regional/neighbours.ron")).unwrap();
    wait_until(&mut harness, |h| {
        h.state().ledger().is_some_and(|l| l.files.len() == 1)
    });
    click(&mut harness, "Add forecast");

    let status = &harness.state().status;
    assert!(
        status.is_error && status.message.contains("no longer in the folder"),
        "{status:?}"
    );
    assert!(
        harness.query_by_label("New forecast").is_some(),
        "the form stays open"
    );
    assert_eq!(
        field(&harness, "Claim").value().as_deref(),
        Some("The border reopens by 2027."),
        "with what was typed"
    );
    assert_eq!(
        ledger.read("prices.ron"),
        prices_before,
        "nothing was written"
    );
}

#[test]
fn the_app_offers_to_merge_by_record_id_in_a_git_clone_that_lacks_it() {
    let ledger = TempLedger::fixture();
    let root = ledger.root.path();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .unwrap()
    };
    assert!(git(&["init", "-q"]).status.success());
    let mut harness = open_clone(root);
    assert!(shows_text(&harness, "merges ledger files line by line"));

    click(&mut harness, "Merge by record id");
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).unwrap();
    assert!(attributes.contains("*.ron merge=hindsight"), "{attributes}");
    let driver = git(&["config", "--get", "merge.hindsight.driver"]);
    assert!(String::from_utf8_lossy(&driver.stdout).contains("merge-driver %O %A %B %P"));
    assert!(
        !shows_text(&harness, "merges ledger files line by line"),
        "the offer is gone"
    );
    assert!(shows_text(&harness, "Ledger files now merge by record id"));
}

#[test]
fn outside_a_git_repository_nothing_about_git_is_shown() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    assert!(!shows_text(&harness, "merges ledger files line by line"));
    wait_until(&mut harness, |h| !shows_text(h, "reading the repository"));
    for control in ["Commit…", "Pull", "Push"] {
        assert!(harness.query_by_label(control).is_none(), "{control}");
    }
    select(&mut harness, MINISTER);
    assert!(!shows_text(&harness, "History"));
}

#[test]
fn a_dispute_left_by_a_merge_is_settled_from_the_problems_view() {
    let ledger = TempLedger::fixture();
    let base = ledger.read("prices.ron");
    let resolved = |verdict: &str| {
        let at = base.find("id: \"bo-minister-resigns\"").unwrap();
        let open = at + base[at..].find("outcome: Open,").unwrap();
        format!(
            "{}outcome: Resolved(\n                verdict: {verdict},\n                on: \"2022-07-01\",\n                evidence: \"Seen.\",\n            ),{}",
            &base[..open],
            &base[open + "outcome: Open,".len()..]
        )
    };
    let merged = hindsight::merge(
        hindsight::FileKind::Scenario,
        &base,
        &resolved("True"),
        &resolved("False"),
    )
    .unwrap();
    assert_eq!(merged.disputes.len(), 1);
    ledger.write("prices.ron", &merged.text);

    let mut harness = open(&ledger, false);
    click(&mut harness, "Problems (1)");
    assert!(shows_text(&harness, "Disputes: 1"));
    assert!(shows_text(
        &harness,
        "is disputed between two versions: outcome: true (ours) vs false (theirs)"
    ));
    click(&mut harness, "Keep theirs");

    let text = ledger.read("prices.ron");
    assert!(!text.contains("<<<<<<<"), "{text}");
    let loaded = ledger.load();
    assert_eq!(loaded.error_count(), 0, "{:?}", loaded.problems);
    let view = loaded.view(loaded.find("bo-minister-resigns").unwrap());
    assert_eq!(view.verdict(), Some(hindsight::Verdict::False));
    assert!(
        !shows_text(&harness, "Disputes:"),
        "the dispute is gone from the view"
    );
}

/// Clicks `label` and steps frames (a spinner never settles) until `done`.
fn click_and_wait(
    harness: &mut Harness<'static, HindsightApp>,
    label: &str,
    done: impl Fn(&Harness<'static, HindsightApp>) -> bool,
) {
    harness.get_by_role_and_label(Role::Button, label).click();
    wait_until(harness, done);
}

fn status_says(harness: &Harness<'static, HindsightApp>, text: &str) -> bool {
    harness.state().status.message.contains(text)
}

/// Ana resolves the minister's forecast true and pushes; Ben resolves it false, commits,
/// opens the app on his clone and clicks Pull. The team (kept alive), Ben's clone and the
/// app after the pull.
fn pull_that_brings_a_dispute() -> (Team, std::path::PathBuf, Harness<'static, HindsightApp>) {
    let team = Team::new();
    let (ana, ben) = (team.clone("ana"), team.clone("ben"));
    resolve_minister(&ana.join("scenarios"), "true", "Ana");
    commit_as_the_app_does(&ana);
    git(&ana, &["push", "-q"]);
    resolve_minister(&ben.join("scenarios"), "false", "Ben");
    commit_as_the_app_does(&ben);
    let mut harness = open_clone(&ben);
    wait_until(&mut harness, |h| shows_text(h, "branch main"));
    click_and_wait(&mut harness, "Pull", |h| status_says(h, "Pulled 1 commit"));
    (team, ben, harness)
}

#[test]
fn the_git_status_line_and_a_commit_with_the_message_it_suggests() {
    let team = Team::new();
    let ana = team.clone("ana");
    let mut harness = open_clone(&ana);
    wait_until(&mut harness, |h| shows_text(h, "branch main"));
    assert!(shows_text(&harness, "➡ origin/main"));
    assert!(shows_text(&harness, "⬆0 ⬇0"));
    assert!(shows_text(&harness, "no changed ledger files"));

    select(&mut harness, MINISTER);
    wait_until(&mut harness, |h| shows_text(h, "by Tester"));
    assert!(shows_text(&harness, "added, by Tester"), "its history");
    click(&mut harness, "True");
    wait_until(&mut harness, |h| shows_text(h, "1 changed ledger file"));
    assert!(
        shows_text(&harness, "outcome: open ➡ true (not committed yet)"),
        "the history shows the change not committed yet"
    );

    click(&mut harness, "Commit…");
    assert!(shows_text(&harness, "scenarios/prices.ron"));
    assert!(shows_text(&harness, "resolve bo-minister-resigns as true"));
    let message = harness.get_by_role_and_label(Role::MultilineTextInput, "Message");
    assert_eq!(
        message.value().as_deref(),
        Some("Resolve bo-minister-resigns as true")
    );
    click_and_wait(&mut harness, "Commit", |h| status_says(h, "Committed"));
    let subject = git(&ana, &["log", "-1", "--format=%an: %s"]);
    assert_eq!(subject.trim(), "ana: Resolve bo-minister-resigns as true");
    wait_until(&mut harness, |h| shows_text(h, "⬆1 ⬇0"));
    assert!(shows_text(&harness, "no changed ledger files"));
    wait_until(&mut harness, |h| {
        shows_text(h, "outcome: open ➡ true, by ana")
    });

    click_and_wait(&mut harness, "Push", |h| status_says(h, "Pushed main"));
    wait_until(&mut harness, |h| shows_text(h, "⬆0 ⬇0"));
}

#[test]
fn a_pull_that_brings_a_dispute_shows_it_and_settling_then_committing_ends_the_merge() {
    let (_team, ben, mut harness) = pull_that_brings_a_dispute();
    let said = harness.state().status.message.clone();
    assert!(
        said.starts_with("Pulled 1 commit: resolve bo-minister-resigns as true"),
        "{said}"
    );
    assert!(
        said.ends_with("Conflicts in scenarios/prices.ron · 1 dispute to settle, then commit"),
        "{said}"
    );
    assert_eq!(
        harness.state().ui.tab,
        Tab::Problems,
        "the dispute is shown"
    );
    assert!(shows_text(&harness, "Disputes: 1"));
    assert!(shows_text(
        &harness,
        "outcome: false (ours) vs true (theirs)"
    ));
    wait_until(&mut harness, |h| {
        shows_text(h, "merging: settle the disputes, then commit")
    });

    click(&mut harness, "Keep theirs");
    assert!(!shows_text(&harness, "Disputes:"));
    click(&mut harness, "Commit…");
    // The suggestion follows the status read after the write.
    let message = |h: &Harness<'static, HindsightApp>| {
        h.get_by_role_and_label(Role::MultilineTextInput, "Message")
            .value()
    };
    wait_until(&mut harness, |h| {
        message(h).as_deref() == Some("Merge: Resolve bo-minister-resigns as true")
    });
    click_and_wait(&mut harness, "Commit", |h| status_says(h, "Committed"));
    let parents = git(&ben, &["log", "-1", "--format=%P"]);
    assert_eq!(
        parents.split_whitespace().count(),
        2,
        "the merge is concluded"
    );
    wait_until(&mut harness, |h| !shows_text(h, "merging:"));
    click_and_wait(&mut harness, "Push", |h| status_says(h, "Pushed main"));
}

#[test]
fn a_failed_push_shows_gits_own_error() {
    let team = Team::new();
    let ana = team.clone("ana");
    git(&ana, &["checkout", "-q", "-b", "draft"]);
    let mut harness = open_clone(&ana);
    wait_until(&mut harness, |h| shows_text(h, "branch draft"));
    assert!(shows_text(&harness, "no upstream"));
    click_and_wait(&mut harness, "Push", |h| status_says(h, "git push failed"));
    assert!(harness.state().status.is_error);
    assert!(status_says(&harness, "no upstream branch"));
    assert!(shows_text(&harness, "no upstream branch"), "on screen");
}

#[test]
fn a_disputed_forecasts_detail_shows_both_versions_and_a_version_written_by_hand_settles_it() {
    let (_team, ben, mut harness) = pull_that_brings_a_dispute();
    assert!(
        shows_text(&harness, "Disputed between two versions"),
        "the pull opens the disputed forecast's detail"
    );
    assert!(shows_text(
        &harness,
        "outcome: false (ours) vs true (theirs)"
    ));
    let path = ben.join("scenarios/prices.ron");
    let marked = std::fs::read_to_string(&path).unwrap();

    // Start from their version; a broken edit is refused next to the editor.
    let edit = harness.query_all_by_label("Edit…").count();
    assert_eq!(edit, 2, "Edit… for each side, once (in the detail)");
    assert!(shows_text(&harness, "Open in the detail panel."));
    harness.query_all_by_label("Edit…").nth(1).unwrap().click();
    harness.settle();
    let editor = |h: &Harness<'static, HindsightApp>| {
        h.get_by_role_and_label(Role::MultilineTextInput, "The version to keep")
            .value()
            .unwrap()
    };
    let theirs = editor(&harness);
    assert!(theirs.contains("verdict: True"), "{theirs}");
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, "The version to keep");
    field.focus();
    harness.settle();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "The version to keep")
        .type_text(&theirs.replace("verdict: True", "verdict: Maybe"));
    harness.settle();
    click(&mut harness, "Keep this version");
    assert!(harness.state().status.is_error);
    assert!(
        shows_text(&harness, "prices.ron:"),
        "where the edit is wrong"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), marked);

    harness
        .get_by_role_and_label(Role::MultilineTextInput, "The version to keep")
        .focus();
    harness.settle();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "The version to keep")
        .type_text(&theirs.replace("verdict: True", "verdict: Partly"));
    harness.settle();
    click(&mut harness, "Keep this version");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("<<<<<<<"), "{text}");
    assert!(status_says(&harness, "Settled bo-minister-resigns"));
    assert!(
        shows_text(&harness, "The minister leaves office by 30 June 2022."),
        "the detail is the forecast again"
    );
    let loaded = hindsight::load(&ben.join("scenarios"), today()).unwrap();
    assert_eq!(loaded.error_count(), 0, "{:?}", loaded.problems);
    let view = loaded.view(loaded.find("bo-minister-resigns").unwrap());
    assert_eq!(view.verdict(), Some(hindsight::Verdict::Partly));
}

#[test]
fn who_called_it_is_shown_beside_the_outcome_explained_and_filterable() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Forecasts");
    // "never" and a false verdict: the forecaster was right, whatever the red "false" says.
    let calls = |h: &Harness<'static, HindsightApp>, text: &str| h.query_all_by_label(text).count();
    assert_eq!(
        calls(&harness, "called it"),
        3,
        "prices, never-agree, rates-up"
    );
    assert_eq!(calls(&harness, "missed"), 1, "treaty-delay");
    assert_eq!(
        calls(&harness, "not scored"),
        3,
        "annulled, partly, ambiguous"
    );

    click(&mut harness, "The treaty signing slips into 2023.");
    assert!(shows_text(
        &harness,
        "stated 30% · happened · Brier 0.49 · log score 1.2 · missed"
    ));
    click(&mut harness, "The government agrees to the proposal.");
    assert!(shows_text(&harness, "“never” ➡ 0% (built-in table;"));
    assert!(shows_text(
        &harness,
        "· did not happen · Brier 0 · log score 0.01 · called it"
    ));

    harness
        .get_by_role_and_label(Role::ComboBox, "Call")
        .click();
    harness.settle();
    let option = harness
        .query_all_by_label("missed")
        .find(|node| node.accesskit_node().role() != Role::Label)
        .expect("the filter's option");
    option.click();
    harness.settle();
    assert_eq!(harness.state().visible().len(), 1);
    assert!(shows_text(&harness, "1 of 9 forecasts"));
    assert!(
        harness
            .query_by_label("The treaty signing slips into 2023.")
            .is_some()
    );
}

#[test]
fn what_the_words_meant_is_charted_and_the_leaderboard_ranks_across_readings() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    assert!(harness.query_by_label("Rank").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Figure, "What the words meant")
            .is_some(),
        "the folder's own phrase table, pooled"
    );
    click(&mut harness, "⚠ Ada Fixture");
    assert!(
        harness
            .query_by_role_and_label(Role::Figure, "What the words meant")
            .is_some(),
        "her phrases"
    );
    assert!(shows_text(
        &harness,
        "Read through the phrase table's ranges, their Brier score lies between"
    ));
}

#[test]
fn a_large_folder_opens_behind_a_progress_bar_and_the_window_stays_live() {
    // 15,000 forecasts (about 9 MB): above the size that loads in the background.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("demo");
    hindsight::write_demo(
        &folder,
        hindsight::DemoOptions {
            forecasts: 15_000,
            seed: 1,
            today: today(),
        },
    )
    .unwrap();
    let mut harness = Harness::builder()
        .with_size([1500.0, 1000.0])
        .build_eframe(move |cc| {
            HindsightApp::new(
                cc,
                AppOptions {
                    folder: Some(folder),
                    today: Some(today()),
                    watch: false,
                    ..AppOptions::default()
                },
            )
        });
    harness.step();
    assert!(
        shows_text(&harness, "Opening"),
        "the progress is shown at once"
    );
    assert!(harness.query_by_role(Role::ProgressIndicator).is_some());
    assert!(harness.state().ledger().is_none(), "still loading");
    let deadline = Instant::now() + Duration::from_secs(120);
    while harness.state().ledger().is_none() {
        assert!(Instant::now() < deadline, "the load never finished");
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    harness.step();
    assert_eq!(harness.state().ledger().unwrap().entries.len(), 15_000);
    assert!(!shows_text(&harness, "Opening"));
}

#[test]
fn an_article_is_read_with_its_candidates_and_one_is_accepted_into_a_new_forecast() {
    let ledger = TempLedger::fixture();
    let article = ledger.root.path().join("seeds/fixture-article.txt");
    let mut harness = open(&ledger, false);
    click(&mut harness, "File");
    click(&mut harness, "Add article…");
    type_into(&mut harness, "Article", article.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "Read").click();
    // The ministry's, Ada's, Bo's two and the president's "virtually certain".
    wait_until(&mut harness, |h| shows_text(h, "5 candidate forecasts"));
    // Those already in the ledger say so.
    assert_eq!(
        harness
            .query_all_by_label_contains("(in the ledger)")
            .count(),
        4
    );
    // The first is the ministry's, shown in detail; ↓ moves on, ↑ back, Delete dismisses.
    assert!(shows_text(&harness, "Said by the ministry"));
    harness.key_press(Key::ArrowDown);
    harness.settle();
    assert!(shows_text(&harness, "Said by Ada Fixture"));
    assert!(shows_text(&harness, "In the registry as ada-fixture"));
    harness.key_press(Key::Delete);
    harness.settle();
    assert!(shows_text(&harness, "4 candidate forecasts (1 dismissed)"));
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowUp);
    harness.settle();
    assert!(shows_text(&harness, "Said by the ministry"));

    // Enter accepts: the new-forecast form, filled in from the article. (The form's
    // scrolling fields take a few frames to size themselves.)
    harness.key_press(Key::Enter);
    harness.run_steps(8);
    harness.settle();
    assert_eq!(
        field(&harness, "Quote").value().as_deref(),
        Some("The ministry said on March 3 that talks would resume.")
    );
    assert_eq!(
        field(&harness, "Made").value().as_deref(),
        Some("2022-03-03")
    );
    assert_eq!(
        field(&harness, "Confidence words").value().as_deref(),
        Some("would")
    );
    // The ministry, an institution the registry does not know, is proposed as a new
    // person; the ledger keeper credits someone in the registry instead, and the new
    // person is dropped. "would" is not in the fixture's phrase table, so it gets a word
    // the table knows.
    assert!(
        field(&harness, "Forecaster")
            .value()
            .is_some_and(|id| id.contains("ministry")),
        "{:?}",
        field(&harness, "Forecaster").value()
    );
    assert!(shows_text(&harness, "New person, added to people.ron"));
    replace_text(&mut harness, "Forecaster", "unnamed-analysts");
    assert!(!shows_text(&harness, "New person, added to people.ron"));
    // The folder cites the article: no new source.
    assert!(!shows_text(&harness, "New source, added to this scenario"));
    replace_text(&mut harness, "Confidence words", "likely");
    type_into(
        &mut harness,
        "Claim",
        "Talks resume by the end of March 2022.",
    );
    type_into(&mut harness, "Resolve by", "2022-03-31");
    click(&mut harness, "Add forecast");
    let text = ledger.read("prices.ron");
    assert!(
        text.contains("quote: \"The ministry said on March 3 that talks would resume.\""),
        "{:?} {:?}",
        harness.state().status,
        harness.state().ui.form
    );
    assert!(
        text.contains("source: \"herald\""),
        "the source citing the article"
    );
    assert!(!ledger.read("people.ron").contains("Jo Reporter"));
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
}

#[test]
fn a_pasted_article_is_accepted_with_a_new_person_and_a_new_source_saved_under_seeds() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "File");
    click(&mut harness, "Add article…");
    let pasted =
        harness.get_by_role_and_label(Role::MultilineTextInput, "Or paste the article's text");
    pasted.focus();
    pasted.type_text(
        "Rates on hold\n\nThe central bank will probably keep rates unchanged, according to Jonas Berg, chief economist at Nordbank.\n\nDid the bank act too late?\n",
    );
    harness.settle();
    harness
        .get_by_role_and_label(Role::Button, "Read the text")
        .click();
    wait_until(&mut harness, |h| shows_text(h, "1 candidate forecast ("));
    assert!(shows_text(&harness, "Said by Jonas Berg"));
    assert!(shows_text(&harness, "Hedge words “probably” ➡ 70%"));
    assert!(shows_text(&harness, "Not in the people registry"));

    // Accepting (by mouse here; the other test uses the keys) proposes the speaker as a
    // new person and the article as a new source, its text to be saved under seeds/
    // (pasted text has no home of its own).
    harness
        .get_by_role_and_label(Role::Button, "Accept")
        .click();
    harness.run_steps(8);
    harness.settle();
    assert!(shows_text(&harness, "New forecast from the article"));
    assert!(shows_text(&harness, "New person, added to people.ron"));
    assert_eq!(
        field(&harness, "Name").value().as_deref(),
        Some("Jonas Berg")
    );
    assert_eq!(
        field(&harness, "Affiliation").value().as_deref(),
        Some("chief economist at Nordbank")
    );
    assert_eq!(
        field(&harness, "Forecaster").value().as_deref(),
        Some("jonas-berg")
    );
    assert!(shows_text(&harness, "New source, added to this scenario"));
    assert_eq!(
        field(&harness, "Title").value().as_deref(),
        Some("Rates on hold")
    );
    assert_eq!(
        field(&harness, "Seed file").value().as_deref(),
        Some("seeds/rates-hold.txt")
    );
    // The keeper adds what the text does not say: the outlet, the date, the claim.
    type_into(&mut harness, "Outlet", "Nordic Herald");
    type_into(&mut harness, "Published", "2022-03-01");
    replace_text(&mut harness, "Made", "2022-03-01");
    type_into(
        &mut harness,
        "Claim",
        "The central bank keeps its rates unchanged at its next meeting.",
    );
    type_into(&mut harness, "Resolve by", "2022-04-30");
    click(&mut harness, "Add forecast");
    assert!(
        harness.state().ui.form.is_none(),
        "{:?} {:?}",
        harness.state().status,
        harness.state().ui.form
    );

    let people = ledger.read("people.ron");
    assert!(
        people.contains("name: \"Jonas Berg\""),
        "{people} {:?}",
        harness.state().status
    );
    assert!(people.contains("affiliation: \"chief economist at Nordbank\""));
    let scenario = ledger.read("prices.ron");
    assert!(scenario.contains("outlet: \"Nordic Herald\""), "{scenario}");
    assert!(scenario.contains("seed: \"seeds/rates-hold.txt\""));
    assert!(scenario.contains("by: \"jonas-berg\""));
    assert!(scenario.contains("source: \"rates-hold\""));
    let seed = std::fs::read_to_string(ledger.root.path().join("seeds/rates-hold.txt")).unwrap();
    assert!(seed.contains("The central bank will probably keep rates unchanged"));
    let check = ledger.run(&["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout);
    // The candidate now reads as in the ledger, and the new forecast shows its quote in
    // the saved text.
    assert!(shows_text(&harness, "(in the ledger)"));
    assert!(shows_text(&harness, "Added berg-central-bank"));
}

#[test]
fn a_file_a_missing_driver_left_unmerged_is_named_under_problems() {
    let ledger = TempLedger::fixture();
    let root = ledger.root.path();
    git(root, &["init", "-q"]);
    // A clone set up by an older Hindsight whose binary has since gone.
    git(
        root,
        &[
            "config",
            "merge.hindsight.driver",
            "'/gone/hindsight' merge-driver %O %A %B %P",
        ],
    );
    std::fs::write(root.join(".gitattributes"), "*.ron merge=hindsight\n").unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "ledger"]);
    let add = |id: &str| {
        let text = ledger.read("prices.ron");
        ledger.write("prices.ron", common::with_new_forecast(&text, id));
    };
    git(root, &["checkout", "-qb", "theirs"]);
    add("their-forecast");
    git(root, &["commit", "-qam", "theirs"]);
    git(root, &["checkout", "-q", "main"]);
    add("our-forecast");
    git(root, &["commit", "-qam", "ours"]);
    let merge = common::git_output(root, &["merge", "--no-edit", "theirs"]);
    assert!(!merge.status.success(), "git reports a conflict");

    let mut harness = open_clone(root);
    wait_until(&mut harness, |h| shows_text(h, "Problems (2)"));
    click(&mut harness, "Problems (2)");
    assert!(shows_text(&harness, "Merge: 2"));
    assert!(shows_text(
        &harness,
        "git lists this file as unmerged, and it holds only this side's version"
    ));
    assert!(shows_text(
        &harness,
        "the merge driver this clone is set up with (/gone/hindsight) cannot be run"
    ));
    assert!(shows_text(&harness, "In the files: 0 errors, 0 warnings"));
    assert!(shows_text(
        &harness,
        "merging: a file holds one side only (see Problems)"
    ));
}

/// A question with two forecasts on it, one on each side (and a forecast on no question).
const REFORM_QUESTION: &str = include_str!("fixtures/questions/reform.ron");

#[test]
fn a_forecast_on_a_question_shows_the_question_and_its_verdict_judges_them_all() {
    let ledger = TempLedger::fixture();
    ledger.write("reform.ron", REFORM_QUESTION);
    let mut harness = open(&ledger, false);
    select(
        &mut harness,
        "The pension reform fails in parliament in 2022.",
    );
    assert!(shows_text(&harness, "On question reform-passes-2022"));
    assert!(shows_text(
        &harness,
        "Parliament passes the pension reform by 31 December 2022."
    ));
    assert!(shows_text(
        &harness,
        "Open the question's page (2 forecasts)"
    ));

    type_into(&mut harness, "Evidence", "Passed its final reading.");
    type_into(&mut harness, "Judge", "Test Judge");
    // The verdict is the question's: its claim came true.
    click(&mut harness, "True");
    assert!(
        harness
            .state()
            .status
            .message
            .contains("Resolved question reform-passes-2022 as true"),
        "{}",
        harness.state().status.message
    );
    let text = ledger.read("reform.ron");
    assert_eq!(text.matches("verdict: True").count(), 1, "{text}");
    assert_eq!(text.matches("outcome: Open").count(), 3, "{text}");
    // Bo's claim (the reform fails) is the opposite side: false, and Bo missed.
    let ledger_now = harness.state().ledger().unwrap();
    let bo = ledger_now.view(ledger_now.find("bo-reform-fails").unwrap());
    assert_eq!(bo.verdict(), Some(hindsight::Verdict::False));
    let ada = ledger_now.view(ledger_now.find("ada-reform-likely").unwrap());
    assert_eq!(ada.verdict(), Some(hindsight::Verdict::True));
}

#[test]
fn a_questions_page_lists_its_forecasts_and_its_verdict_judges_them_all_undoably() {
    let ledger = TempLedger::fixture();
    ledger.write("reform.ron", REFORM_QUESTION);
    let before = ledger.read("reform.ron");
    let mut harness = open(&ledger, false);
    click(&mut harness, "Questions");
    // The list: the claim, its scenario, its forecasts and how far apart they are.
    assert!(shows_text(&harness, "The pension reform"));
    assert!(
        shows_text(&harness, "2 forecasts, 25%–70%"),
        "Bo: 1 − 'likely' (75% in the fixture's table); Ada: 'probably' (70%)"
    );
    click(
        &mut harness,
        "Parliament passes the pension reform by 31 December 2022.",
    );
    // The page: every forecast on the question, each with its probability for the
    // question's claim and its side, and the chart of them over time.
    assert!(shows_text(&harness, "2 forecasts on it"));
    assert!(shows_text(&harness, "Open: no verdict yet"));
    for text in [
        "Ada Fixture",
        "Bo Testwell",
        "probably",
        "likely",
        "opposite",
        "70%",
        "25%",
    ] {
        assert!(shows_text(&harness, text), "{text}");
    }
    assert!(
        harness
            .query_by_label("The forecasts on the question over time")
            .is_some(),
        "the time axis is drawn"
    );

    type_into(&mut harness, "Evidence", "It failed at the second reading.");
    click(&mut harness, "False");
    assert!(
        harness
            .state()
            .status
            .message
            .contains("Resolved question reform-passes-2022 as false"),
        "{}",
        harness.state().status.message
    );
    let text = ledger.read("reform.ron");
    assert_eq!(text.matches("verdict: False").count(), 1, "{text}");
    // The page shows the verdict and who called it: Bo (the opposite side) did.
    assert!(shows_text(&harness, "It failed at the second reading."));
    assert!(shows_text(&harness, "judges the 2 forecasts on it"));
    assert!(shows_text(&harness, "called it"));
    assert!(shows_text(&harness, "missed"));

    // Ctrl+Z puts the question back as it was, byte for byte.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.settle();
    assert_eq!(ledger.read("reform.ron"), before);
    assert!(shows_text(&harness, "Open: no verdict yet"));

    // From a forecast's own claim on the page to its detail, and back by its question.
    click(
        &mut harness,
        "The pension reform fails in parliament in 2022.",
    );
    assert!(shows_text(&harness, "On question reform-passes-2022"));
}

#[test]
fn undoing_a_question_verdict_changed_on_disk_since_writes_nothing() {
    let ledger = TempLedger::fixture();
    ledger.write("reform.ron", REFORM_QUESTION);
    let mut harness = open(&ledger, false);
    click(&mut harness, "Questions");
    let claim = "Parliament passes the pension reform by 31 December 2022.";
    wait_until(&mut harness, |h| shows_text(h, claim));
    click(&mut harness, claim);
    wait_until(&mut harness, |h| {
        shows_text(h, "Record the question's verdict")
    });
    click(&mut harness, "True");
    wait_until(&mut harness, |h| {
        h.state().status.message.contains("Resolved question")
    });
    // Someone else changes the verdict in a text editor.
    let theirs = ledger
        .read("reform.ron")
        .replace("verdict: True", "verdict: Ambiguous");
    ledger.write("reform.ron", &theirs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.settle();
    assert_eq!(ledger.read("reform.ron"), theirs, "their change stays");
    assert!(
        harness
            .state()
            .status
            .message
            .contains("was changed on disk"),
        "{}",
        harness.state().status.message
    );
}

#[test]
fn a_forecasters_page_shows_their_scores_against_the_others_and_head_to_head() {
    let ledger = TempLedger::fixture();
    let resolved = REFORM_QUESTION.replacen(
        "resolve_by: \"2022-12-31\",\n            outcome: Open,",
        "resolve_by: \"2022-12-31\",\n            outcome: Resolved(verdict: True, on: \"2022-11-30\", evidence: \"Passed.\"),",
        1,
    );
    ledger.write("reform.ron", resolved);
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    click(&mut harness, "⚠ Ada Fixture");
    // Ada's 0.8-ish "probably" for the reform against Bo's 1 − "likely": Ada did better.
    assert!(
        shows_text(&harness, "Against the others on the 1 question they shared"),
        "the relative scores are shown"
    );
    assert!(shows_text(&harness, "Head to head (1 forecaster)"));
    click(&mut harness, "Head to head (1 forecaster)");
    assert!(shows_text(
        &harness,
        "against Bo Testwell: better on 1, worse on 0, ties 0 · sign test p = 1.000"
    ));

    // Any forecaster can be put beside them: both records, figure by figure, and the
    // questions both answered.
    pick_comparison(&mut harness, "Bo Testwell");
    assert!(shows_text(&harness, "Relative Brier (negative is better)"));
    assert!(shows_text(&harness, "P: Bo Testwell"), "the question table");
    // Someone who shared no question with them: said so, not compared on it.
    pick_comparison(&mut harness, "Kassym-Jomart Tokayev");
    assert!(shows_text(
        &harness,
        "Ada Fixture and Kassym-Jomart Tokayev answered no question in common"
    ));
}

/// Picks `name` in the forecaster page's "Compare with" list.
fn pick_comparison(harness: &mut Harness<'static, HindsightApp>, name: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Compare with")
        .click();
    harness.settle();
    let option = harness
        .query_all_by_label(name)
        .find(|node| node.accesskit_node().role() != Role::Label)
        .expect("the forecaster in the list");
    option.click();
    harness.settle();
}

#[test]
fn an_empty_folder_offers_to_start_a_ledger_and_shows_it_once_started() {
    let home = tempfile::tempdir().unwrap();
    let scenarios = home.path().join("scenarios");
    std::fs::create_dir(&scenarios).unwrap();
    let mut harness = open_folder(scenarios.clone(), false, 20);
    assert!(shows_text(&harness, "This ledger is empty"));
    for offer in ["New scenario…", "New person…", "Import…", "Add article…"] {
        assert!(shows_text(&harness, offer), "{offer}");
    }
    click(&mut harness, "Start a new ledger here");
    wait_until(&mut harness, |h| {
        shows_text(h, "Example: the new harbour bridge")
    });
    assert!(scenarios.join("example.ron").is_file());
    assert!(
        home.path().join("seeds").is_dir(),
        "seeds/ beside the scenarios folder"
    );
    let ledger = harness.state().ledger().unwrap();
    assert_eq!(ledger.error_count() + ledger.warning_count(), 0);
}

#[test]
fn file_import_shows_what_a_file_adds_and_writes_only_what_it_showed() {
    let ledger = TempLedger::fixture();
    let file = ledger.root.path().join("fatebook-forecasts.csv");
    std::fs::write(
        &file,
        "Question title,Multiple choice option,Forecast created by,Forecast (scale = 0-1),Forecast created at,Question created by,Question created at,Question resolve by,Resolution,Resolved at,Your Brier score for this question,Your relative Brier score for this question,Question notes,Question shared with,Question shared publicly,Question comments,Question tags\n\
\"Will the ferry run on time all week?\",,\"Cleo Marsh\",0.7,2025-03-02 08:00:9,\"Cleo Marsh\",2025-03-01 09:05:3,2025-03-09 00:00:0,\"YES\",2025-03-09 10:00:0,,,\"\",\"\",false,\"\",\"\"\n\
\"Will the ferry run on time all week?\",,\"Dev Park\",0.4,2025-03-03 10:30:15,\"Cleo Marsh\",2025-03-01 09:05:3,2025-03-09 00:00:0,\"YES\",2025-03-09 10:00:0,,,\"\",\"\",false,\"\",\"\"",
    )
    .unwrap();
    let mut harness = open(&ledger, false);
    click(&mut harness, "File");
    click(&mut harness, "Import…");
    type_into(&mut harness, "File", file.to_str().unwrap());
    click(&mut harness, "Preview");
    assert!(
        shows_text(
            &harness,
            "Would import from Fatebook: 2 forecasts, 1 question"
        ),
        "the preview says what the file adds"
    );
    assert!(shows_text(
        &harness,
        "by forecaster: Cleo Marsh 1, Dev Park 1"
    ));
    assert!(
        !ledger.path("fatebook-import.ron").exists(),
        "nothing written yet"
    );

    // A field changed since the preview: importing waits for a new one.
    type_into(&mut harness, "Forecaster", "Dev Park");
    assert!(shows_text(&harness, "preview again before importing"));
    click(&mut harness, "Preview");
    assert!(shows_text(
        &harness,
        "Would import from Fatebook: 1 forecast, 1 question"
    ));
    click(&mut harness, "Import 1 forecast");
    wait_until(&mut harness, |h| {
        h.state().status.message.contains("Imported 1 forecast")
    });
    let text = ledger.read("fatebook-import.ron");
    assert!(text.contains("probability: 0.4"), "{text}");
    assert!(!text.contains("probability: 0.7"), "only Dev Park's row");
    assert!(ledger.read("people.ron").contains("Dev Park"));
}

#[test]
fn file_publish_site_writes_the_site_of_the_forecasts_shown() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    let out = ledger.root.path().join("public");
    click(&mut harness, "File");
    click(&mut harness, "Publish site…");
    type_into(&mut harness, "Folder", out.to_str().unwrap());
    click(&mut harness, "Publish");
    assert!(
        harness.state().status.message.contains("Published"),
        "{}",
        harness.state().status.message
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Leaderboard"));
    assert!(out.join("forecasters").is_dir());

    // Someone else's folder is refused, and said so.
    let mine = ledger.root.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "mine").unwrap();
    click(&mut harness, "File");
    click(&mut harness, "Publish site…");
    type_into(&mut harness, "Folder", mine.to_str().unwrap());
    click(&mut harness, "Publish");
    assert!(harness.state().status.is_error);
    assert!(
        harness
            .state()
            .status
            .message
            .contains("not a site Hindsight wrote")
    );
    assert_eq!(std::fs::read_dir(&mine).unwrap().count(), 1);
}

#[test]
fn a_chart_offers_to_be_saved_as_the_svg_the_site_draws() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Track records");
    harness
        .get_by_label("Calibration diagram")
        .click_secondary();
    harness.settle();
    for item in ["Save chart as SVG…", "Save chart as PNG…"] {
        assert!(harness.query_by_label(item).is_some(), "{item}");
    }
    harness.key_press(egui::Key::Escape);
    click(&mut harness, "Timeline");
    // Right-clicking one of its rows offers the whole timeline.
    harness
        .get_by_label("Ada Fixture · Consumer prices rise between March and 21 June 2022. — true")
        .click_secondary();
    harness.settle();
    assert!(harness.query_by_label("Save chart as PNG…").is_some());
}

#[test]
fn a_folder_that_does_not_exist_is_offered_as_a_new_ledger() {
    let home = tempfile::tempdir().unwrap();
    let scenarios = home.path().join("ledger").join("scenarios");
    let mut harness = open_folder(scenarios.clone(), false, 20);
    assert!(shows_text(&harness, "does not exist"));
    click(&mut harness, "Start a new ledger here");
    wait_until(&mut harness, |h| {
        shows_text(h, "Example: the new harbour bridge")
    });
    assert!(scenarios.join("people.ron").is_file());
    assert!(home.path().join("ledger/seeds").is_dir());
}

#[test]
fn a_new_forecast_is_made_on_its_sources_date_and_follows_the_source_until_typed() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    click(&mut harness, "Edit");
    click(&mut harness, "New forecast… Ctrl+N");
    let made = |h: &Harness<'static, HindsightApp>| field(h, "Made").value();
    assert_eq!(
        made(&harness).as_deref(),
        Some("2022-03-04"),
        "the first source's date"
    );
    // Another source: Made follows it, since nobody typed a date.
    harness
        .get_by_role_and_label(Role::ComboBox, "Source")
        .click();
    harness.settle();
    let wire = harness
        .query_all_by_label_contains("Example Wire")
        .find(|node| node.accesskit_node().role() != Role::Label)
        .expect("the wire in the list");
    wire.click();
    harness.settle();
    assert_eq!(made(&harness).as_deref(), Some("2022-03-05"));
    // A date typed stays when the source changes again.
    replace_text(&mut harness, "Made", "2022-03-06");
    harness
        .get_by_role_and_label(Role::ComboBox, "Source")
        .click();
    harness.settle();
    let herald = harness
        .query_all_by_label_contains("Fixture Herald")
        .find(|node| node.accesskit_node().role() != Role::Label)
        .expect("the herald in the list");
    herald.click();
    harness.settle();
    assert_eq!(made(&harness).as_deref(), Some("2022-03-06"));
}

#[test]
fn escape_asks_before_dropping_what_was_typed_in_a_form() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    // An untouched form closes at once.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    harness.key_press(Key::Escape);
    harness.settle();
    assert!(harness.state().ui.form.is_none(), "nothing typed: closed");
    // A form with something typed asks first; keeping it keeps the text.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    type_into(&mut harness, "Quote", "Something worth keeping.");
    harness.key_press(Key::Escape);
    harness.settle();
    // The first Esc leaves the text field; the second asks.
    if !shows_text(&harness, "Discard what you typed?") {
        harness.key_press(Key::Escape);
        harness.settle();
    }
    assert!(shows_text(&harness, "Discard what you typed?"));
    click(&mut harness, "Keep editing");
    assert!(harness.state().ui.form.is_some());
    assert_eq!(
        field(&harness, "Quote").value().as_deref(),
        Some("Something worth keeping.")
    );
    harness.key_press(Key::Escape);
    harness.settle();
    if !shows_text(&harness, "Discard what you typed?") {
        harness.key_press(Key::Escape);
        harness.settle();
    }
    click(&mut harness, "Discard");
    assert!(harness.state().ui.form.is_none());
}

/// A forecast made in 2022 that resolves decades later, beside the fixture's 2022 ones.
const FAR_OFF: &str = r#"Scenario(
    format: 1,
    id: "far",
    title: "The long view",
    forecasts: [
        Forecast(
            id: "ada-far-off",
            by: "ada-fixture",
            made: "2022-03-10",
            quote: "The canal will probably be finished by 2036.",
            claim: "The canal is finished by 1 January 2036.",
            expression: "probably",
            resolve_by: Stated("2036-01-01"),
            outcome: Open,
        ),
    ],
)
"#;

#[test]
fn the_timeline_names_its_rows_groups_them_and_opens_a_forecast_from_anywhere_on_its_bar() {
    let ledger = TempLedger::fixture();
    ledger.write("far.ron", FAR_OFF);
    let mut harness = open(&ledger, false);
    click(&mut harness, "Timeline");
    // Every row says whose forecast it is and what it claims, and how it stands.
    let row = "Ada Fixture · Consumer prices rise between March and 21 June 2022. — true";
    assert!(harness.query_by_label(row).is_some(), "a labelled row");
    // The legend has a swatch for every standing, each its own colour.
    for standing in [
        "true",
        "false",
        "partly",
        "ambiguous",
        "annulled",
        "open",
        "overdue",
    ] {
        assert!(harness.query_by_label(standing).is_some(), "{standing}");
    }
    // Hovering the row anywhere (not only a dot at its start) names the forecast.
    harness.get_by_label(row).hover();
    harness.settle();
    assert!(shows_text(
        &harness,
        "made 2022-03-03 · resolve by 2022-06-21"
    ));
    assert!(shows_text(&harness, "Click to open"));
    harness.get_by_label(row).click();
    harness.settle();
    assert_eq!(
        harness.state().ui.selected.as_deref(),
        Some("ada-prices-rise")
    );

    // The 2036 forecast does not squeeze the rest: it runs off the edge, said so, and one
    // click shows every date.
    assert!(shows_text(
        &harness,
        "Off the edge: 1 forecast running past"
    ));
    click(&mut harness, "Show all dates");
    assert!(!shows_text(&harness, "Off the edge"));
    click(&mut harness, "Most forecasts");
    assert!(shows_text(&harness, "Off the edge"));
    // Zoom in, then move later: the dates shown narrow, then slide; "Most forecasts"
    // returns to the opening span.
    let shown = |h: &Harness<'static, HindsightApp>| h.state().ui.timeline_span;
    click(&mut harness, "+");
    let zoomed = shown(&harness).expect("zoomed in");
    click(&mut harness, "▶");
    let moved = shown(&harness).expect("moved");
    assert!(moved.start > zoomed.start && moved.days() == zoomed.days());
    click(&mut harness, "Most forecasts");
    assert_eq!(shown(&harness), None);
    click(&mut harness, "−");
    assert!(shown(&harness).expect("zoomed out").days() > 2 * zoomed.days());
    click(&mut harness, "Most forecasts");

    // Grouped by scenario: a heading per scenario with its count, its forecasts under it.
    harness
        .get_by_role_and_label(Role::ComboBox, "Group by")
        .click();
    harness.settle();
    click(&mut harness, "scenario");
    assert_eq!(
        harness.state().ui.timeline_grouping,
        hindsight::TimelineGrouping::Scenario
    );
    assert!(shows_text(&harness, "Neighbours (2)"));
    assert!(shows_text(&harness, "Prices and talks (7)"));
}

#[test]
fn a_new_person_and_a_new_source_from_a_new_forecast_keep_its_draft_and_fill_it_in() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    type_into(&mut harness, "Claim", "The harbour bridge opens in 2023.");
    type_into(&mut harness, "Forecaster", "Cleo Newname");
    // Not in the registry: New person… opens with the name just typed.
    click(&mut harness, "New person…");
    assert_eq!(
        field(&harness, "Name").value().as_deref(),
        Some("Cleo Newname")
    );
    // The id, left empty, is made from the name.
    click(&mut harness, "Add person");
    assert!(ledger.read("people.ron").contains("Cleo Newname"));
    // Back in the forecast's form, with what was typed, and the new person as forecaster.
    assert_eq!(
        field(&harness, "Claim").value().as_deref(),
        Some("The harbour bridge opens in 2023.")
    );
    assert_eq!(
        field(&harness, "Forecaster").value().as_deref(),
        Some("cleo-newname")
    );

    // A new source: the forecast takes it, and Made follows its date.
    click(&mut harness, "New source…");
    type_into(&mut harness, "Outlet", "Harbour Gazette");
    type_into(&mut harness, "Title", "Bridge works begin");
    type_into(&mut harness, "Published", "2022-05-01");
    click(&mut harness, "Add source");
    assert!(
        ledger.read("prices.ron").contains("Harbour Gazette"),
        "{}",
        harness.state().status.message
    );
    assert_eq!(
        field(&harness, "Claim").value().as_deref(),
        Some("The harbour bridge opens in 2023.")
    );
    assert_eq!(
        field(&harness, "Made").value().as_deref(),
        Some("2022-05-01")
    );
    wait_until(&mut harness, |h| {
        h.get_by_role_and_label(Role::ComboBox, "Source")
            .value()
            .as_deref()
            == Some("Harbour Gazette — Bridge works begin")
    });

    // Cancelling a sub-form also brings the forecast back, as it was.
    click(&mut harness, "New source…");
    click(&mut harness, "Cancel");
    assert_eq!(
        field(&harness, "Claim").value().as_deref(),
        Some("The harbour bridge opens in 2023.")
    );
}

#[test]
fn a_date_is_checked_while_it_is_typed_and_a_long_problem_does_not_widen_the_form() {
    let ledger = TempLedger::fixture();
    let mut harness = open(&ledger, false);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.settle();
    let width = |h: &Harness<'static, HindsightApp>| {
        h.get_by_label("Made")
            .accesskit_node()
            .bounding_box()
            .map(|b| b.width())
            .unwrap_or_default()
    };
    let before = width(&harness);
    replace_text(&mut harness, "Made", "2022-13-01");
    assert!(shows_text(
        &harness,
        "'2022-13-01' is not a date in the calendar"
    ));
    replace_text(&mut harness, "Made", "2023-01-07");
    assert!(!shows_text(&harness, "is not a date"));
    // Half typed is not wrong yet.
    replace_text(&mut harness, "Made", "2023-0");
    assert!(!shows_text(&harness, "is not a date"));
    // A long wrong value: the problem wraps, and the form keeps its width.
    let long = "a very long piece of text that is not a date at all ".repeat(6);
    replace_text(&mut harness, "Made", long.trim());
    assert!(shows_text(
        &harness,
        "is not a date: write it as YYYY-MM-DD"
    ));
    replace_text(&mut harness, "Made", "2023-01-07");
    assert!(
        width(&harness) <= before + 1.0,
        "the form widened: {} > {before}",
        width(&harness)
    );
}

#[test]
fn the_reader_marks_the_speakers_to_check_first_with_how_they_were_found() {
    let ledger = TempLedger::fixture();
    let article = ledger.root.path().join("seeds/pronouns.txt");
    std::fs::write(
        &article,
        "Rates outlook\n\n“A cut is likely in June,” said Ana Vey, an economist at \
         Northgate.\n\nIvo Marsh runs the desk at Eastgate. He said a second cut was \
         probably coming in the autumn.\n",
    )
    .unwrap();
    let mut harness = open(&ledger, false);
    click(&mut harness, "File");
    click(&mut harness, "Add article…");
    type_into(&mut harness, "Article", article.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "Read").click();
    wait_until(&mut harness, |h| shows_text(h, "2 candidate forecasts"));
    // Named where the claim is: nothing to check.
    assert!(shows_text(&harness, "Ana Vey: “likely”"));
    // Taken back through "he": the row says so, beside the name.
    assert!(shows_text(
        &harness,
        "Ivo Marsh (check: pronoun): “probably”"
    ));
}
