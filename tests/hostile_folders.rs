//! A scenario folder may come from a stranger's repository: nothing in it may hang the
//! command line, crash it, make it read outside the folder, or write to the terminal. Each
//! case puts one hostile thing beside the fixture ledger, runs the real binary with a
//! deadline, and checks that it finishes, names the file with line and column, and still
//! loads the fixture's own forecasts.

use crate::common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{TODAY, TempLedger, fixture_dir, today};
use hindsight::{MAX_FILE_BYTES, MAX_NESTING};

/// The fixture's own forecasts, which must keep loading whatever else is in the folder.
const FIXTURE_FORECASTS: usize = 9;

/// How long any command may take before it is taken to hang: far above what any of them
/// needs (a few seconds in a debug build), so a machine busy with other builds does not
/// read as a hang, and far below the minutes a real hang runs.
const DEADLINE: Duration = Duration::from_secs(30);

/// The outcome of a run that finished in time. Output is kept as bytes, so that a raw
/// control byte cannot hide in a lossy conversion.
struct Finished {
    status: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Finished {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout(), self.stderr()))
    }

    /// The `check` line about `path` at `location` (`line:col`) with `message` in it.
    fn problem_line(&self, path: &Path, location: &str, message: &str) -> String {
        let prefix = format!("{}:{location}: error: ", path.display());
        self.stdout()
            .lines()
            .find(|line| line.starts_with(&prefix) && line.contains(message))
            .unwrap_or_else(|| {
                panic!(
                    "no `{prefix}…{message}…` in:\n{}\n{}",
                    self.stdout(),
                    self.stderr()
                )
            })
            .to_string()
    }
}

/// Runs the real binary with `--today TODAY ARGS…`, killing it (and failing) if it has
/// not finished by the deadline. `runner` prefixes the command (to run it as another user).
fn run_within_deadline(runner: &[&str], program: &Path, args: &[&str]) -> Finished {
    let mut command = match runner.split_first() {
        Some((first, rest)) => {
            let mut command = Command::new(first);
            command.args(rest).arg(program);
            command
        }
        None => Command::new(program),
    };
    let mut child = command
        .arg("--today")
        .arg(TODAY)
        .args(args)
        .env_remove("HINDSIGHT_JUDGE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting, so that a full pipe never looks like a hang.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`hindsight {}` did not finish within {DEADLINE:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Finished {
        status: status.code().unwrap_or(-1),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hindsight"))
}

/// `hindsight ARGS… SCENARIOS`, within the deadline.
fn run(ledger: &TempLedger, args: &[&str]) -> Finished {
    let scenarios = ledger.scenarios();
    let mut all = args.to_vec();
    all.push(scenarios.to_str().unwrap());
    run_within_deadline(&[], &binary(), &all)
}

/// Every forecast id `list --format json` shows.
fn listed_ids(ledger: &TempLedger) -> Vec<String> {
    let listed = run(ledger, &["list", "--format", "json"]);
    listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|record| record["id"].as_str().unwrap().to_string())
        .collect()
}

/// The fixture's own forecast ids, from the library.
fn fixture_ids() -> Vec<String> {
    let fixture = hindsight::load(&fixture_dir().join("scenarios"), today()).unwrap();
    let ids: Vec<String> = fixture
        .forecasts()
        .map(|view| view.forecast.id.clone())
        .collect();
    assert_eq!(ids.len(), FIXTURE_FORECASTS);
    ids
}

/// The fixture's forecasts are all listed, each once.
fn assert_fixture_loads(ledger: &TempLedger) {
    let listed = listed_ids(ledger);
    for id in fixture_ids() {
        let times = listed.iter().filter(|listed| **listed == id).count();
        assert_eq!(times, 1, "{id} is listed {times} times: {listed:?}");
    }
}

/// `check` fails and names `path` at `location` with `message`, and the fixture still loads.
fn assert_check_refuses(ledger: &TempLedger, path: &Path, location: &str, message: &str) {
    let check = run(ledger, &["check"]);
    assert_eq!(check.status, 1, "{}\n{}", check.stdout(), check.stderr());
    check.problem_line(path, location, message);
    assert_fixture_loads(ledger);
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// A scenario file whose one forecast has `claim` as its claim, written as is: it may be
/// a string or something else entirely. The claim's value is at line 15, column 20.
fn scenario_with_claim(id: &str, claim: &str) -> String {
    format!(
        r#"Scenario(
    format: 1,
    id: "{id}",
    title: "Hostile",
    sources: [
        Source(id: "s", outlet: "O", title: "T", published: "2022-01-01"),
    ],
    forecasts: [
        Forecast(
            id: "{id}-1",
            by: "ada-fixture",
            source: "s",
            made: "2022-01-01",
            quote: "Q",
            claim: {claim},
            expression: "likely",
            resolve_by: Stated("2022-12-31"),
            outcome: Open,
        ),
    ],
)
"#
    )
}

#[test]
fn deep_nesting_of_every_bracket_kind_is_refused_where_it_passes_the_limit() {
    for (open, name) in [('[', "square"), ('(', "round"), ('{', "curly")] {
        let ledger = TempLedger::fixture();
        let top = ledger.write(&format!("{name}.ron"), open.to_string().repeat(5_000));
        let inside = ledger.write(
            &format!("in-a-forecast-{name}.ron"),
            scenario_with_claim("deep", &open.to_string().repeat(5_000)),
        );
        let message = format!("brackets nested more than {MAX_NESTING} levels deep");
        // At the top, the bracket past the limit is the 129th; in the claim, three levels
        // (Scenario, forecasts, Forecast) are already open, and the claim starts at column 20.
        assert_check_refuses(&ledger, &top, &format!("1:{}", MAX_NESTING + 1), &message);
        assert_check_refuses(
            &ledger,
            &inside,
            &format!("15:{}", 20 + MAX_NESTING - 3),
            &message,
        );
    }
}

#[cfg(unix)]
#[test]
fn folder_symlink_loops_and_links_out_are_reported_not_walked() {
    let ledger = TempLedger::fixture();
    // `up` leads back to the scenarios folder: a loop. `a` leads to the project folder
    // above it: out of the scenarios folder.
    std::fs::create_dir(ledger.path("sub")).unwrap();
    symlink("..", ledger.path("sub/up"));
    symlink("..", ledger.path("a"));
    assert_check_refuses(&ledger, &ledger.path("sub/up"), "1:1", "symlink loop");
    assert_check_refuses(
        &ledger,
        &ledger.path("a"),
        "1:1",
        "symlink leads outside the scenarios folder",
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_scenario_file_is_refused_without_waiting() {
    let ledger = TempLedger::fixture();
    let fifo = ledger.path("x.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    assert_check_refuses(&ledger, &fifo, "1:1", "not a regular file (a FIFO)");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_refused_without_reading_it() {
    let ledger = TempLedger::fixture();
    let link = ledger.path("x.ron");
    symlink("/dev/zero", &link);
    assert_check_refuses(
        &ledger,
        &link,
        "1:1",
        "symlink leads outside the scenarios folder",
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_folder_is_never_read() {
    let ledger = TempLedger::fixture();
    let outside = ledger.root.path().join("private.ron");
    std::fs::write(
        &outside,
        scenario_with_claim("private", "\"SECRET-OUTSIDE-CLAIM\""),
    )
    .unwrap();
    let link = ledger.path("leak.ron");
    symlink("../private.ron", &link);
    assert_check_refuses(
        &ledger,
        &link,
        "1:1",
        "symlink leads outside the scenarios folder",
    );
    for args in [
        &["check"][..],
        &["list"],
        &["list", "--format", "json"],
        &["list", "--format", "csv"],
        &["due"],
        &["report"],
    ] {
        let output = run(&ledger, args);
        for text in [output.stdout(), output.stderr()] {
            assert!(
                !text.contains("SECRET") && !text.contains("private-1"),
                "{args:?} shows the outside file: {text}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_inside_the_folder_does_not_duplicate_its_forecasts() {
    let ledger = TempLedger::fixture();
    symlink("prices.ron", ledger.path("prices-again.ron"));
    std::fs::create_dir(ledger.path("elsewhere")).unwrap();
    symlink("../regional", ledger.path("elsewhere/regional"));
    let check = run(&ledger, &["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout());
    assert!(
        check.stdout().ends_with(&format!(
            "{FIXTURE_FORECASTS} forecasts, 0 errors, 0 warnings\n"
        )),
        "{}",
        check.stdout()
    );
    assert_fixture_loads(&ledger);
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let ledger = TempLedger::fixture();
    let big = ledger.path("big.ron");
    // Sparse: the size is there, the disk blocks are not.
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    assert_check_refuses(&ledger, &big, "1:1", "file is larger than the 64 MiB limit");
}

/// A whole scenario on one line, with `forecasts` forecasts by people nobody knows (one
/// error each) or, with `broken`, with a probability that is not a number (one parse
/// error each).
fn one_line_scenario(id: &str, forecasts: usize, broken: bool) -> String {
    let mut text = format!(
        "Scenario(format: 1, id: \"{id}\", title: \"One line\", sources: [Source(id: \"s\", outlet: \"O\", title: \"T\", published: \"2022-01-01\")], forecasts: ["
    );
    for n in 0..forecasts {
        let confidence = if broken {
            "probability: \"high\"".to_string()
        } else {
            "expression: \"likely\"".to_string()
        };
        text.push_str(&format!(
            "Forecast(id: \"{id}-{n}\", by: \"nobody-{n}\", source: \"s\", made: \"2022-01-01\", quote: \"A quote long enough to make the line long, number {n}\", claim: \"A claim, number {n}, padded a little further\", {confidence}, resolve_by: Stated(\"2022-12-31\"), outcome: Open), "
        ));
    }
    text.push_str("])");
    text
}

#[test]
fn a_large_file_on_one_line_with_an_error_per_forecast_checks_in_time() {
    let ledger = TempLedger::fixture();
    let forecasts = 8_000;
    let unknown = ledger.write(
        "unknown.ron",
        one_line_scenario("unknown", forecasts, false),
    );
    let broken = ledger.write("broken.ron", one_line_scenario("broken", forecasts, true));
    for path in [&unknown, &broken] {
        let size = std::fs::metadata(path).unwrap().len();
        assert!(size > 2_000_000, "{} is {size} bytes", path.display());
    }
    let check = run(&ledger, &["check"]);
    assert_eq!(check.status, 1);
    let stdout = check.stdout();
    let errors_in = |path: &Path| {
        let prefix = format!("{}:1:", path.display());
        stdout
            .lines()
            .filter(|line| line.starts_with(&prefix))
            .count()
    };
    assert_eq!(errors_in(&unknown), forecasts);
    assert_eq!(errors_in(&broken), forecasts);
    // The last forecast's error is at its own column, far along the line.
    let last_by = one_line_scenario("unknown", forecasts, false)
        .rfind("by: \"nobody-")
        .unwrap()
        + "by: ".len();
    check.problem_line(
        &unknown,
        &format!("1:{}", last_by + 1),
        &format!("unknown person 'nobody-{}'", forecasts - 1),
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_sub_folder_is_a_problem_and_the_rest_loads() {
    use std::os::unix::fs::PermissionsExt;
    let ledger = TempLedger::fixture();
    let locked = ledger.path("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(
        locked.join("hidden-away.ron"),
        scenario_with_claim("away", "\"Away\""),
    )
    .unwrap();
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };

    // Root reads any folder: run the binary as `nobody`, from a copy it may execute.
    let mut runner: Vec<&str> = Vec::new();
    let mut program = binary();
    if common::running_as_root() {
        let setpriv = [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ];
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root and setpriv (util-linux) is not installed");
            return;
        }
        mode(ledger.root.path(), 0o755);
        let can_run = Command::new(setpriv[0])
            .args(&setpriv[1..])
            .args(["test", "-x"])
            .arg(&program)
            .status()
            .unwrap()
            .success();
        if !can_run {
            let copy = ledger.root.path().join("hindsight");
            std::fs::copy(&program, &copy).unwrap();
            mode(&copy, 0o755);
            program = copy;
        }
        runner.extend(setpriv);
    }
    mode(&locked, 0o000);
    let scenarios = ledger.scenarios();
    let folder = scenarios.to_str().unwrap();
    let check = run_within_deadline(&runner, &program, &["check", folder]);
    let listed = run_within_deadline(&runner, &program, &["list", "--format", "json", folder]);
    // Only the folder asked for, unreadable itself, stops a command.
    let top = run_within_deadline(&runner, &program, &["check", locked.to_str().unwrap()]);
    mode(&locked, 0o755);

    assert_eq!(top.status, 1, "{}", top.stderr());
    assert!(
        top.stderr().contains("cannot read the folder"),
        "{}",
        top.stderr()
    );

    assert_eq!(check.status, 1, "{}\n{}", check.stdout(), check.stderr());
    check.problem_line(&locked, "1:1", "cannot read the folder");
    assert!(
        check
            .stdout()
            .contains(&format!(" {FIXTURE_FORECASTS} forecasts,")),
        "{}",
        check.stdout()
    );
    assert_eq!(listed.json().as_array().unwrap().len(), FIXTURE_FORECASTS);
}

/// No raw ESC or BEL byte in what any read-only command prints.
fn assert_no_raw_controls(ledger: &TempLedger) {
    for args in [
        &["check"][..],
        &["list"],
        &["list", "--format", "csv"],
        &["list", "--format", "json"],
        &["due"],
        &["due", "--format", "json"],
        &["report"],
        &["report", "--format", "json"],
        &["fmt", "--check"],
    ] {
        let output = run(ledger, args);
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07),
                "raw control byte in the {stream} of {args:?}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn control_characters_in_claims_and_names_are_refused_and_never_printed_raw() {
    let ledger = TempLedger::fixture();
    // The name holds raw bytes; the claim, RON escapes: both reach the data as controls.
    let people = ledger.read("people.ron").replacen(
        "    people: [\n",
        "    people: [\n        Person(\n            id: \"evil\",\n            name: \"Evil\u{1b}]0;pwned\u{7} Person\",\n        ),\n\n",
        1,
    );
    let people_path = ledger.write("people.ron", people);
    let claim = "\"Prices \\u{1b}[2J\\u{1b}[31mrise\\u{7}\"";
    let extra = scenario_with_claim("evil", claim).replace("by: \"ada-fixture\"", "by: \"evil\"");
    let extra_path = ledger.write("evil.ron", extra);

    let check = run(&ledger, &["check"]);
    assert_eq!(check.status, 1, "{}", check.stdout());
    check.problem_line(
        &extra_path,
        "15:20",
        "`claim` contains a control character (U+001B); Hindsight refuses text that could drive a terminal",
    );
    check.problem_line(
        &people_path,
        "7:19",
        "`name` contains a control character (U+001B)",
    );
    assert_no_raw_controls(&ledger);

    // The forecast is still listed, its text escaped in tables and CSV, and intact (as a
    // JSON escape) in JSON.
    let table = run(&ledger, &["list"]).stdout();
    assert!(
        table.contains("Prices \\u{1b}[2J\\u{1b}[31mrise\\u{7}"),
        "{table}"
    );
    let csv = run(&ledger, &["list", "--format", "csv"]).stdout();
    assert!(csv.contains("Evil\\u{1b}]0;pwned\\u{7} Person"), "{csv}");
    let json = run(&ledger, &["list", "--format", "json"]);
    assert!(String::from_utf8_lossy(&json.stdout).contains("\\u001b"));
    let record = json
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|record| record["id"] == "evil-1")
        .cloned()
        .unwrap();
    assert_eq!(record["claim"], "Prices \u{1b}[2J\u{1b}[31mrise\u{7}");
}

#[test]
fn bidirectional_overrides_are_refused() {
    let ledger = TempLedger::fixture();
    let path = ledger.write(
        "bidi.ron",
        scenario_with_claim("bidi", "\"Prices \u{202e}esir\u{202c} soon\""),
    );
    assert_check_refuses(
        &ledger,
        &path,
        "15:20",
        "`claim` contains a bidirectional control character (U+202E)",
    );
}

#[cfg(unix)]
#[test]
fn a_file_whose_name_holds_an_escape_is_refused_and_its_name_escaped() {
    let ledger = TempLedger::fixture();
    ledger.write(
        "evil\u{1b}[31m.ron",
        scenario_with_claim("named", "\"Fine claim\""),
    );
    let check = run(&ledger, &["check"]);
    assert_eq!(check.status, 1);
    let escaped = ledger.path("evil\\u{1b}[31m.ron");
    check.problem_line(
        &escaped,
        "1:1",
        "the file name contains a control character (U+001B)",
    );
    assert_no_raw_controls(&ledger);
}

#[test]
fn only_web_links_are_valid() {
    let ledger = TempLedger::fixture();
    let text = scenario_with_claim("links", "\"C\"")
        .replace(
            "published: \"2022-01-01\")",
            "published: \"2022-01-01\", url: \"javascript:alert(document.cookie)\")",
        )
        .replace(
            "outcome: Open,",
            "outcome: Resolved(verdict: True, on: \"2022-06-01\", evidence: \"E\", link: \"file:///etc/passwd\"),",
        );
    let path = ledger.write("links.ron", text);
    assert_check_refuses(
        &ledger,
        &path,
        "6:80",
        "`url` must be a web address (http:// or https:// and a host, without spaces), not 'javascript:alert(document.cookie)'",
    );
    assert_check_refuses(&ledger, &path, "18:85", "`link` must be a web address");

    let fine = scenario_with_claim("web", "\"C\"").replace(
        "published: \"2022-01-01\")",
        "published: \"2022-01-01\", url: \"HTTPS://example.org/a\")",
    );
    ledger.write("links.ron", fine);
    let check = run(&ledger, &["check"]);
    assert_eq!(check.status, 0, "{}", check.stdout());
}

#[test]
fn inputs_the_fuzzer_found_load_without_a_crash() {
    // Each file in tests/fixtures/fuzz once made the loader panic (`r#sources:` is ron's
    // raw spelling of `sources`, which the outline did not know).
    let found = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(found).unwrap() {
        let path = entry.unwrap().path();
        let ledger = TempLedger::fixture();
        ledger.write("fuzzed.ron", std::fs::read(&path).unwrap());
        let check = run(&ledger, &["check"]);
        assert!(
            !check.stderr().contains("internal error"),
            "{}: {}",
            path.display(),
            check.stderr()
        );
        assert!(matches!(check.status, 0 | 1), "{}", path.display());
        assert_fixture_loads(&ledger);
    }
}

#[test]
fn a_registry_built_to_defeat_the_spelling_check_still_loads_in_time() {
    // 5,000 people with one surname: every pair is a candidate for "one person spelled
    // two ways", 12.5 million of them. The check stops at its limit and says so.
    let ledger = TempLedger::fixture();
    let mut people = ledger.read("people.ron");
    let end = people.rfind("    ],").unwrap();
    let many: String = (0..5_000)
        .map(|i| format!("        Person(id: \"smith-{i}\", name: \"Person{i} Smith\"),\n"))
        .collect();
    people.insert_str(end, &many);
    ledger.write("people.ron", people);
    // And 1,000 distinct unknown forecasters, each of which "did you mean" would compare
    // with all 5,000: only the first few get a hint.
    let forecasts: String = (0..1_000)
        .map(|i| {
            format!(
                "        Forecast(id: \"unknown-{i}\", by: \"Nobody {i}\", source: \"s\", made: \"2022-01-01\", quote: \"Q\", claim: \"C\", expression: \"likely\", resolve_by: Stated(\"2022-12-31\"), outcome: Open),\n"
            )
        })
        .collect();
    let crowd = scenario_with_claim("crowd", "\"C\"");
    let at = crowd.rfind("    ],").unwrap();
    ledger.write(
        "crowd.ron",
        format!("{}{forecasts}{}", &crowd[..at], &crowd[at..]),
    );
    let check = run(&ledger, &["check"]);
    assert!(
        check
            .stdout()
            .contains("the check for names spelled two ways stopped after 100000 pairs"),
        "{}",
        check.stdout()
    );
    assert!(
        check
            .stdout()
            .contains("unknown person 'Nobody 999': add them to people.ron"),
        "past the budget, unknown names are reported without a hint"
    );
    assert_fixture_loads(&ledger);
}

#[test]
fn a_file_made_to_defeat_the_id_scan_is_read_in_time_and_the_rest_resolves() {
    let ledger = TempLedger::fixture();
    // After every `id`, a comment to the line's end or a raw string that never closes:
    // read from each `id` afresh, each would take the file's length squared. Conflict
    // markers and stray quotes for the scan that tells a marker from a string's text.
    let lines = [
        "id//".repeat(1 << 20),
        "<<<<<<< ours".into(),
        "'\"' \"".repeat(1 << 18),
        "id: r#\"".repeat(1 << 18),
    ];
    let hostile = ledger.write("hostile.ron", lines.join("\n"));
    let check = run(&ledger, &["check"]);
    assert_eq!(check.status, 1, "{}", check.stderr());
    assert!(
        check.stdout().contains(&format!("{}:", hostile.display())),
        "{}",
        check.stdout()
    );
    let resolved = run(
        &ledger,
        &["resolve", "bo-minister-resigns", "true", "--by", "Tester"],
    );
    assert_eq!(resolved.status, 0, "{}", resolved.stderr());
    assert!(ledger.read("prices.ron").contains("verdict: True"));
}
