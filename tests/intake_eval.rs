//! How `candidates` reads real articles it was not written for: recall (labelled forecasts
//! proposed), attribution (named speakers right), noise (candidates that are no labelled
//! forecast, per labelled forecast) and dates right, on the twelve published articles that
//! `../shared/articles/` labels, split into a tuning half and a held-out half.
//!
//! The texts are other people's writing and are never in the repository: retrieve them as
//! `../shared/articles/README.md` says into `target/articles/NAME.txt` (or the folder
//! `HINDSIGHT_ARTICLES` names), then run
//! `cargo test --test tests intake_eval -- --ignored --nocapture`.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::hindsight;

/// The articles rules may be tuned on; the others are the held-out half, read only to
/// measure. Chosen before any rule was tuned on them.
const TUNING: &[&str] = &[
    "brazil-runoff-2022",
    "europe-gas-2021",
    "fed-cuts-2025",
    "germany-election-2017",
    "iphone-sales-2016",
    "ukraine-rand-2023",
];

/// One labelled forecast (a row of `labels.tsv`).
struct Label {
    /// The surname in lower case, `-` for an unnamed group or institution, `author` for
    /// the article's own voice.
    speaker: String,
    /// Words of the forecast's sentence, lower case, unique in the file.
    words: String,
}

/// The figures of a set of articles.
#[derive(Default)]
struct Figures {
    labelled: usize,
    recalled: usize,
    named: usize,
    named_right: usize,
    candidates: usize,
    unlabelled: usize,
    dated: usize,
    dated_right: usize,
    /// Recalled forecasts labelled as no one named's (an unnamed group, an institution or
    /// the article's voice), and how many of them got a speaker's name anyway (an
    /// institution's name counts): what over-eager attribution costs.
    unnamed: usize,
    unnamed_named: usize,
    /// Labels whose words are not in the retrieved text at all (a retrieval or labelling
    /// slip, not a reading one): no reading could recall them.
    unreachable: usize,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        self.labelled += other.labelled;
        self.recalled += other.recalled;
        self.named += other.named;
        self.named_right += other.named_right;
        self.candidates += other.candidates;
        self.unlabelled += other.unlabelled;
        self.dated += other.dated;
        self.dated_right += other.dated_right;
        self.unreachable += other.unreachable;
        self.unnamed += other.unnamed;
        self.unnamed_named += other.unnamed_named;
    }

    fn line(&self, name: &str) -> String {
        let percent = |a: usize, b: usize| {
            if b == 0 {
                "—".to_string()
            } else {
                format!("{:.0}%", 100.0 * a as f64 / b as f64)
            }
        };
        let unreachable = if self.unreachable == 0 {
            String::new()
        } else {
            format!("  ({} labels' words not in the text)", self.unreachable)
        };
        format!(
            "{name:<24} recall {}/{} {:>4}  attribution {}/{} {:>4}  noise {}/{} = {:.2}  dates {}/{} {:>4}  named where none {}/{}{unreachable}",
            self.recalled,
            self.labelled,
            percent(self.recalled, self.labelled),
            self.named_right,
            self.named,
            percent(self.named_right, self.named),
            self.unlabelled,
            self.labelled,
            self.unlabelled as f64 / self.labelled.max(1) as f64,
            self.dated_right,
            self.dated,
            percent(self.dated_right, self.dated),
            self.unnamed_named,
            self.unnamed,
        )
    }
}

fn shared_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles")
}

/// Rows of a TSV file, without its header comment.
fn rows(path: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

/// One article's figures, against its labels and its publication date.
fn measure(text_path: &Path, labels: &[Label], published: &str) -> Figures {
    let missing_folder = text_path.with_file_name("no-scenarios-folder");
    let run = hindsight(&[
        "candidates",
        text_path.to_str().unwrap(),
        "--format",
        "json",
        missing_folder.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json = run.json();
    let found = json.as_array().unwrap();
    let quote = |c: &serde_json::Value| c["quote"].as_str().unwrap_or("").to_lowercase();
    let text = std::fs::read_to_string(text_path)
        .unwrap()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut figures = Figures {
        labelled: labels.len(),
        candidates: found.len(),
        unreachable: labels.iter().filter(|l| !text.contains(&l.words)).count(),
        ..Figures::default()
    };
    for label in labels {
        let Some(candidate) = found.iter().find(|c| quote(c).contains(&label.words)) else {
            continue;
        };
        figures.recalled += 1;
        if label.speaker != "-" && label.speaker != "author" {
            figures.named += 1;
            let speaker = candidate["speaker"].as_str().unwrap_or("").to_lowercase();
            if speaker.contains(&label.speaker) {
                figures.named_right += 1;
            }
        } else {
            figures.unnamed += 1;
            if candidate["speaker"].as_str().is_some() {
                figures.unnamed_named += 1;
            }
        }
        // A page that gives no date has no right date to find.
        if published != "unknown" {
            figures.dated += 1;
            if candidate["made_on"] == published {
                figures.dated_right += 1;
            }
        }
    }
    figures.unlabelled = found
        .iter()
        .filter(|c| !labels.iter().any(|label| quote(c).contains(&label.words)))
        .count();
    figures
}

/// The labels of a set of articles: `labels.tsv` rows by file name, and each file's
/// publication date from `SOURCES.tsv`.
fn labelled(folder: &Path) -> (BTreeMap<String, Vec<Label>>, BTreeMap<String, String>) {
    let mut labels: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for row in rows(&folder.join("labels.tsv")) {
        if row[0] == "file" {
            continue;
        }
        labels
            .entry(row[0].trim_end_matches(".txt").to_string())
            .or_default()
            .push(Label {
                speaker: row[1].clone(),
                words: row[2].to_lowercase(),
            });
    }
    let published: BTreeMap<String, String> = rows(&folder.join("SOURCES.tsv"))
        .into_iter()
        .skip(1) // the header
        .map(|row| (row[0].clone(), row[3].clone()))
        .collect();
    (labels, published)
}

/// Measures each article of a set whose text is in `texts`, adding its figures to the
/// half `half_of` names.
fn measure_set(
    labels_folder: &Path,
    texts: &Path,
    mut half_of: impl FnMut(&str) -> usize,
    halves: &mut [Figures],
) {
    let (labels, published) = labelled(labels_folder);
    for (name, labels) in &labels {
        let path = texts.join(format!("{name}.txt"));
        if !path.exists() {
            println!(
                "{name}: not retrieved (see the README of {})",
                labels_folder.display()
            );
            continue;
        }
        let figures = measure(&path, labels, &published[name]);
        println!("{}", figures.line(name));
        halves[half_of(name)].add(&figures);
    }
}

#[test]
#[ignore]
fn intake_on_real_articles() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let folder = std::env::var_os("HINDSIGHT_ARTICLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("articles"));
    // The sets of `tests/articles/`, by the first letter of their files' names, in the
    // order they were labelled: each found and labelled by people who had not seen the
    // rules; a tuning set measured once before any rule was tuned on it, a held-out set
    // never tuned on (see `tests/articles/README.md`).
    const EXTRA_SETS: &[(&str, &[char])] = &[
        ("second tuning set", &['x', 'y']),
        ("third tuning set", &['z', 'w', 'v', 'u']),
        ("fourth tuning set", &['s', 't']),
        ("fifth tuning set", &['r', 'q']),
        ("sixth tuning set", &['p', 'o']),
        ("second held-out set", &['n', 'm']),
        ("seventh tuning set", &['l', 'k']),
        ("third held-out set", &['h', 'g']),
        ("eighth tuning set", &['j', 'i']),
        ("ninth tuning set", &['f', 'e']),
        ("tenth tuning set", &['d', 'c']),
    ];
    // The twelve of `../shared/articles/` first: 0 the tuning half, 1 the held-out half.
    let mut halves: Vec<Figures> = (0..2 + EXTRA_SETS.len())
        .map(|_| Figures::default())
        .collect();
    measure_set(
        &shared_articles(),
        &folder,
        |name| usize::from(!TUNING.contains(&name)),
        &mut halves,
    );
    let extra_labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    measure_set(
        &extra_labels,
        &target.join("articles-extra"),
        |name| {
            2 + EXTRA_SETS
                .iter()
                .position(|(_, letters)| name.starts_with(*letters))
                .unwrap_or_else(|| panic!("{name}: in no set"))
        },
        &mut halves,
    );
    println!("{}", halves[0].line("tuning half"));
    println!("{}", halves[1].line("held-out half"));
    for ((name, _), figures) in EXTRA_SETS.iter().zip(&halves[2..]) {
        println!("{}", figures.line(name));
    }
}
