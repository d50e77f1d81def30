//! `hindsight import` and `hindsight export fatebook` on real temporary folders through the
//! real binary: files written the way each platform writes them (the passages are made up
//! for the tests), broken files refused whole with the line and column named, a second
//! import adding nothing, and the round trip through Fatebook's export shape.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{TempLedger, hindsight};

/// Fatebook's v3 export as it writes it: quoted strings (a note over two lines), bare
/// numbers, unpadded seconds, no final newline; a multiple-choice question (one row per
/// option) and a hidden forecast (no value).
const FATEBOOK: &str = "Question title,Multiple choice option,Forecast created by,Forecast (scale = 0-1),Forecast created at,Question created by,Question created at,Question resolve by,Resolution,Resolved at,Your Brier score for this question,Your relative Brier score for this question,Question notes,Question shared with,Question shared publicly,Question comments,Question tags\n\
\"Will the ferry run on time all week?\",,\"Cleo Marsh\",0.7,2025-03-02 08:00:9,\"Cleo Marsh\",2025-03-01 09:05:3,2025-03-09 00:00:0,\"YES\",2025-03-09 10:00:0,0.18,,\"first line\nsecond line\",\"\",false,\"\",\"travel; local\"\n\
\"Will the ferry run on time all week?\",,\"Dev Park\",0.4,2025-03-03 10:30:15,\"Cleo Marsh\",2025-03-01 09:05:3,2025-03-09 00:00:0,\"YES\",2025-03-09 10:00:0,0.18,,\"\",\"\",false,\"\",\"\"\n\
\"Who wins the quiz?\",\"Team A\",\"Cleo Marsh\",0.6,2025-04-01 12:00:0,\"Cleo Marsh\",2025-04-01 11:00:0,2025-04-10 00:00:0,\"NO\",2025-04-10 09:00:0,,,\"\",\"\",false,\"\",\"\"\n\
\"Who wins the quiz?\",\"Team B\",\"Cleo Marsh\",0.4,2025-04-01 12:00:0,\"Cleo Marsh\",2025-04-01 11:00:0,2025-04-10 00:00:0,\"YES\",2025-04-10 09:00:0,,,\"\",\"\",false,\"\",\"\"\n\
\"Who wins the quiz?\",\"Team B\",,,2025-04-02 12:00:0,\"Cleo Marsh\",2025-04-01 11:00:0,2025-04-10 00:00:0,\"YES\",2025-04-10 09:00:0,,,\"\",\"\",false,\"\",\"\"";

fn folder_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in crate::common::files_under(dir) {
        files.insert(entry.display().to_string(), std::fs::read(&entry).unwrap());
    }
    files
}

#[test]
fn a_fatebook_export_becomes_questions_forecasts_and_people_once() {
    let ledger = TempLedger::fixture();
    let file = ledger.root.path().join("fatebook-forecasts.csv");
    std::fs::write(&file, FATEBOOK).unwrap();
    let file = file.to_str().unwrap();

    let before = folder_bytes(&ledger.scenarios());
    let dry = ledger.run(&["import", file, "--dry-run"]);
    assert_eq!(dry.status, 0, "{}{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout
            .contains("would import from Fatebook: 4 forecasts, 3 questions"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout
            .contains("by forecaster: Cleo Marsh 3, Dev Park 1"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("by verdict: false 1, true 3"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("skipped: 1 × hidden forecast"),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("nothing written (--dry-run)"));
    assert_eq!(
        folder_bytes(&ledger.scenarios()),
        before,
        "a dry run writes nothing"
    );

    let run = ledger.run(&["import", file]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let check = ledger.run(&["check", "--deny-warnings"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    let list = ledger.run(&["list", "--scenario", "fatebook-import", "--format", "json"]);
    let forecasts = list.json();
    let forecasts = forecasts.as_array().unwrap();
    assert_eq!(forecasts.len(), 4);
    let dev = forecasts
        .iter()
        .find(|f| f["author"] == "Dev Park")
        .expect("Dev Park, a new person");
    assert_eq!(dev["probability"], 0.4, "the platform's number, exactly");
    assert_eq!(dev["made_on"], "2025-03-03");
    assert_eq!(dev["outcome"], "true", "the question's verdict judges it");
    assert_eq!(dev["claim"], "Will the ferry run on time all week?");
    assert!(
        dev["question"]
            .as_str()
            .unwrap()
            .starts_with("fatebook-ferry-run-time-week-")
    );
    let team_b = forecasts
        .iter()
        .find(|f| f["claim"] == "Who wins the quiz? — Team B")
        .expect("an option as a binary question");
    assert_eq!(team_b["outcome"], "true");
    let written = ledger.read("fatebook-import.ron");
    assert!(
        written.contains("note: \"first line\\nsecond line\""),
        "the question's notes are kept: {written}"
    );

    // The same file again adds nothing and rewrites nothing.
    let after = folder_bytes(&ledger.scenarios());
    let again = ledger.run(&["import", file]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("4 forecasts of the file are already in the ledger"),
        "{}",
        again.stdout
    );
    assert_eq!(folder_bytes(&ledger.scenarios()), after);
}

#[test]
fn only_the_forecaster_asked_for_is_imported_and_an_unknown_one_is_named() {
    let ledger = TempLedger::fixture();
    let file = ledger.root.path().join("fatebook-forecasts.csv");
    std::fs::write(&file, FATEBOOK).unwrap();
    let file = file.to_str().unwrap();
    let mine = ledger.run(&["import", file, "--forecaster", "Dev Park", "--dry-run"]);
    assert!(
        mine.stdout.contains(": 1 forecast, 1 question"),
        "{}",
        mine.stdout
    );
    let nobody = ledger.run(&["import", file, "--forecaster", "Dev Parks"]);
    assert_eq!(nobody.status, 2);
    assert!(
        nobody.stderr.contains(
            "no forecast by 'Dev Parks' in the file; its forecasters: Cleo Marsh, Dev Park"
        ),
        "{}",
        nobody.stderr
    );
}

#[test]
fn a_file_with_a_value_that_cannot_be_read_is_refused_whole() {
    let ledger = TempLedger::fixture();
    let before = folder_bytes(&ledger.scenarios());
    let cases = [
        (
            FATEBOOK.replacen(",0.4,2025-03-03", ",1.5,2025-03-03", 1),
            "f.csv:4:4: '1.5' is not a probability",
        ),
        (
            FATEBOOK.replacen("2025-03-02 08:00:9", "2025-02-30 08:00:9", 1),
            "f.csv:2:5: '2025-02-30 08:00:9' is not a date and time",
        ),
        (
            FATEBOOK.replacen("Forecast created by,", "Forecaster,", 1),
            "the header has no column 'Forecast created by'",
        ),
    ];
    for (text, said) in cases {
        let file = ledger.root.path().join("f.csv");
        std::fs::write(&file, text).unwrap();
        let run = ledger.run(&["import", "--from", "fatebook", file.to_str().unwrap()]);
        assert_eq!(run.status, 1, "{said}: {}", run.stderr);
        assert!(run.stderr.contains(said), "{said}: {}", run.stderr);
        assert!(
            run.stderr.contains("nothing was imported"),
            "{}",
            run.stderr
        );
        assert_eq!(folder_bytes(&ledger.scenarios()), before, "{said}");
    }
    let unknown = ledger.root.path().join("notes.csv");
    std::fs::write(&unknown, "a,b\n1,2\n").unwrap();
    let run = ledger.run(&["import", unknown.to_str().unwrap()]);
    assert!(
        run.stderr.contains("--from csv --columns"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_spreadsheet_row_keeps_its_words_for_the_phrase_table_and_its_own_outcome() {
    let ledger = TempLedger::fixture();
    let sheet = ledger.root.path().join("calls.csv");
    std::fs::write(
        &sheet,
        "Pundit,Date,Prediction,Words,P,Result,URL\n\
         Jo Pundit,2024-01-05,\"The mayor is re-elected, narrowly\",almost certainly,,yes,https://example.org/a\n\
         Kim Caller,2024-02-01,The bridge opens by June,,0.3,no,\n",
    )
    .unwrap();
    let columns = "claim=Prediction,by=Pundit,made=Date,expression=Words,probability=P,outcome=Result,source=URL";
    let sheet = sheet.to_str().unwrap();
    let run = ledger.run(&[
        "import",
        sheet,
        "--from",
        "csv",
        "--columns",
        columns,
        "--scenario",
        "pundits",
    ]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let check = ledger.run(&["check", "--deny-warnings"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    let list = ledger.run(&["list", "--scenario", "pundits", "--format", "json"]);
    let forecasts = list.json();
    let jo = forecasts
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["author"] == "Jo Pundit")
        .unwrap()
        .clone();
    assert_eq!(jo["expression"], "almost certainly");
    assert_eq!(
        jo["probability"], 0.9,
        "the phrase table's value for the words: {jo:#}"
    );
    assert_eq!(jo["probability_source"], "phrase", "{jo:#}");
    assert_eq!(jo["outcome"], "true");
    assert_eq!(
        jo["question"],
        serde_json::Value::Null,
        "a row is a forecast of its own"
    );

    let bad = ledger.root.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Pundit,Date,Prediction,P,Result\nJo,2024-01-05,X happens,0.7,maybe\n",
    )
    .unwrap();
    let run = ledger.run(&[
        "import",
        bad.to_str().unwrap(),
        "--from",
        "csv",
        "--columns",
        "claim=Prediction,by=Pundit,made=Date,probability=P,outcome=Result",
    ]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .contains("bad.csv:2:5: 'maybe' is not an outcome"),
        "{}",
        run.stderr
    );
}

/// The Brier score of each forecaster, as `report --format json` gives it.
fn briers(scenarios: &Path) -> BTreeMap<String, String> {
    let report = hindsight(&[
        "report",
        "--include-groups",
        "--format",
        "json",
        scenarios.to_str().unwrap(),
    ])
    .json();
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|group| {
            (
                group["name"].as_str().unwrap().to_string(),
                format!("{:.6}", group["brier"].as_f64().unwrap_or(f64::NAN)),
            )
        })
        .collect()
}

#[test]
fn the_shipped_ledger_goes_out_in_fatebooks_shape_and_comes_back_with_the_same_scores() {
    let out = hindsight(&["export", "fatebook", crate::common::shipped().as_str()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let text = &out.stdout;
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "Question title,Multiple choice option,Forecast created by,Forecast (scale = 0-1),Forecast created at,Question created by,Question created at,Question resolve by,Resolution,Resolved at,Your Brier score for this question,Your relative Brier score for this question,Question notes,Question shared with,Question shared publicly,Question comments,Question tags"
    );
    assert!(
        !text.ends_with('\n'),
        "Fatebook ends its export without a newline"
    );
    assert!(
        text.contains(",\"Aleksandr Baunov\",0.98,2022-01-05 00:00:0,"),
        "bare numbers and times, quoted text, the probability for the question's claim"
    );

    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("fatebook-forecasts.csv");
    std::fs::write(&file, text).unwrap();
    let scenarios = home.path().join("scenarios");
    std::fs::create_dir(&scenarios).unwrap();
    let run = hindsight(&[
        "import",
        file.to_str().unwrap(),
        scenarios.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("imported 39 forecasts"),
        "{}",
        run.stdout
    );
    let shipped = briers(Path::new(&crate::common::shipped()));
    let back = briers(&scenarios);
    assert_eq!(
        back, shipped,
        "every forecaster's Brier score survives the trip"
    );
}

/// A Metaculus download's two files as its exporter writes them: CRLF, Python lists, times
/// with an offset, and unresolved rows one field shorter than the header. The questions
/// and forecasters are made up for the test.
const METACULUS_QUESTIONS: &str = "Question ID,Question URL,Question Title,Post ID,Post Curation Status,Post Published Time,Default Project,Default Project ID,Categories,Leaderboard Tags,Label,Question Type,MC Options (Current),MC Options (All),MC Options History,Lower Bound,Open Lower Bound,Upper Bound,Open Upper Bound,Continuous Range,Open Time,CP Reveal Time,Scheduled Close Time,Actual Close Time,Resolution,Resolution Known Time,Include Bots in Aggregates,Question Weight\r\n\
501,https://www.metaculus.com/questions/601/x/,Will the canal reopen before June?,601,approved,2025-01-10 09:00:00+00:00,Metaculus Community,144,\"['Economy & Business', \"\"Children's health\"\"]\",[],,binary,,,,,False,,False,,2025-01-10 10:00:00+00:00,2025-01-11 10:00:00+00:00,2025-06-01 00:00:00+00:00,2025-05-20 00:00:00+00:00,yes,2025-05-20 12:00:00+00:00,False,1.0\r\n\
502,https://www.metaculus.com/questions/602/y/,How many ships pass in May?,602,approved,2025-01-10 09:00:00+00:00,Metaculus Community,144,[],[],,numeric,,,,0.0,False,100.0,False,,2025-01-10 10:00:00+00:00,2025-01-11 10:00:00+00:00,2025-06-01 00:00:00+00:00,,,,False,1.0\r\n";

const METACULUS_FORECASTS: &str = "Question ID,Forecaster ID,Forecaster Username,Is Bot,Start Time,End Time,Forecaster Count,Probability Yes,Probability Yes Per Category,Continuous CDF,Probability Below Lower Bound,Probability Above Upper Bound,5th Percentile,25th Percentile,Median,75th Percentile,95th Percentile,Probability of Resolution,PDF at Resolution\r\n\
501,77,harbourwatch,False,2025-01-12 08:30:00.250000+00:00,2025-02-01 09:00:00+00:00,,0.35,,,,,,,,,,0.35,\r\n\
501,77,harbourwatch,False,2025-02-01 09:00:00+00:00,,,0.62,,,,,,,,,,0.62,\r\n\
501,,recency_weighted,,2025-01-12 08:30:00+00:00,,1,0.35,,,,,,,,,,0.35,\r\n\
502,77,harbourwatch,False,2025-01-12 08:40:00+00:00,,,,,\"[0.0, 0.5, 1.0]\",0.01,0.02,10,20,30,40,50,\r\n";

#[test]
fn a_metaculus_download_becomes_a_question_with_each_forecast_and_the_rest_is_counted() {
    let ledger = TempLedger::fixture();
    let download = ledger.root.path().join("download");
    std::fs::create_dir(&download).unwrap();
    std::fs::write(download.join("question_data.csv"), METACULUS_QUESTIONS).unwrap();
    std::fs::write(download.join("forecast_data.csv"), METACULUS_FORECASTS).unwrap();
    let run = ledger.run(&["import", download.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("from Metaculus: 2 forecasts, 1 question"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("skipped: 1 × community aggregate"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("skipped: 1 × numeric question"),
        "{}",
        run.stdout
    );
    let check = ledger.run(&["check", "--deny-warnings"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    let list = ledger
        .run(&["list", "--scenario", "metaculus-import", "--format", "json"])
        .json();
    let probabilities: Vec<f64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["probability"].as_f64().unwrap())
        .collect();
    assert_eq!(
        probabilities,
        [0.35, 0.62],
        "every forecast, in time order, exactly"
    );
    assert_eq!(list[0]["outcome"], "true");
    assert_eq!(list[0]["author"], "harbourwatch");
    assert_eq!(list[0]["link"], "https://www.metaculus.com/questions/601/");

    // A broken cell names its file, line and column; nothing is written.
    let broken = METACULUS_FORECASTS.replacen(",0.62,", ",1.62,", 1);
    std::fs::write(download.join("forecast_data.csv"), broken).unwrap();
    let before = folder_bytes(&ledger.scenarios());
    let run = ledger.run(&["import", download.to_str().unwrap()]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("forecast_data.csv:3:8:"),
        "{}",
        run.stderr
    );
    assert_eq!(folder_bytes(&ledger.scenarios()), before);
}

#[test]
fn the_real_metaculus_download_files_read_and_their_aggregates_are_counted() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/interop");
    let zip = shared.join("metaculus-download-2026-binary.zip");
    if !zip.exists() {
        eprintln!("{} is absent: skipped", zip.display());
        return;
    }
    let ledger = TempLedger::fixture();
    for file in [
        zip,
        shared.join("metaculus-download-2026-binary-forecast_data.csv"),
    ] {
        let run = ledger.run(&["import", file.to_str().unwrap(), "--dry-run"]);
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
        assert!(
            run.stdout
                .contains("skipped: 48 × community aggregate (not a forecaster's own)"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn a_predictionbook_export_reads_with_its_utc_times() {
    let ledger = TempLedger::fixture();
    let file = ledger.root.path().join("my_predictions.csv");
    std::fs::write(
        &file,
        "created_at,creator_id,creator_label,deadline,description_with_group,description,group_id,id,mean_confidence,outcome,prediction_group_id,last_judgement_at,updated_at,uuid,version,visibility,withdrawn\n\
         2023-01-15 10:00:00 UTC,9,Rae Tully,2023-06-30 00:00:00 UTC,\"The library reopens, on schedule\",\"The library reopens, on schedule\",,4411,80,true,,2023-07-01 09:00:00 UTC,2023-07-01 09:00:00 UTC,u-1,1,visible_to_everyone,false\n",
    )
    .unwrap();
    let run = ledger.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let list = ledger
        .run(&["list", "--scenario", "pb-import", "--format", "json"])
        .json();
    assert_eq!(list[0]["probability"], 0.8);
    assert_eq!(list[0]["made_on"], "2023-01-15");
    assert_eq!(list[0]["outcome"], "true");
    assert_eq!(
        list[0]["link"],
        "https://predictionbook.com/predictions/4411"
    );
}
