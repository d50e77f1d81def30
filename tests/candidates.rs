//! `hindsight candidates` measured on the five seed articles against the shipped ledger:
//! recall (ledger forecasts whose quote overlaps a candidate), attribution (of those, by a
//! named person, the share whose candidate proposes that person) and noise (candidates
//! per ledger forecast). Also the HTML and URL inputs, on a local server.

use crate::common;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use common::{hindsight, today};
use hindsight::find_quote;

fn scenarios() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Where a ledger quote is in its article: verbatim, or its longest part when it is
/// abridged with an ellipsis.
fn locate(text: &str, quote: &str) -> Option<Range<usize>> {
    find_quote(text, quote).or_else(|| {
        quote
            .split('…')
            .map(str::trim)
            .max_by_key(|part| part.len())
            .and_then(|part| find_quote(text, part))
    })
}

/// A registry name that is a person's name (two to four capitalized words), not an
/// unnamed group or an institution ("Numerous analysts (unnamed, …)").
fn is_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

struct Found {
    range: Range<usize>,
    person: Option<String>,
}

/// What `hindsight candidates` finds in each seed article of `ledger` (by its seed path),
/// each article read in under five seconds.
fn seed_candidates(ledger: &hindsight::Ledger, root: &Path) -> BTreeMap<String, Vec<Found>> {
    // Each seed article once, with its publication date.
    let mut articles: BTreeMap<String, String> = BTreeMap::new();
    for file in &ledger.files {
        for source in &file.scenario.sources {
            if let Some(seed) = &source.seed {
                articles.insert(seed.clone(), source.published.to_string());
            }
        }
    }
    assert_eq!(articles.len(), 5);
    let mut candidates: BTreeMap<String, Vec<Found>> = BTreeMap::new();
    for (seed, published) in &articles {
        let path = root.join(seed);
        let started = std::time::Instant::now();
        let run = hindsight(&[
            "candidates",
            path.to_str().unwrap(),
            "--published",
            published,
            "--format",
            "json",
            scenarios().to_str().unwrap(),
        ]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert!(
            started.elapsed().as_secs_f64() < 5.0,
            "{seed} took {:?}",
            started.elapsed()
        );
        let found: Vec<Found> = run
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| Found {
                range: c["start"].as_u64().unwrap() as usize..c["end"].as_u64().unwrap() as usize,
                person: c["person"].as_str().map(str::to_string),
            })
            .collect();
        candidates.insert(seed.clone(), found);
    }
    candidates
}

#[test]
fn candidates_find_the_seed_ledgers_forecasts_and_their_speakers() {
    let ledger = hindsight::load(&scenarios(), today()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = seed_candidates(&ledger, root);
    let total: usize = candidates.values().map(Vec::len).sum();

    let (mut forecasts, mut recalled, mut named, mut attributed) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut misattributed = Vec::new();
    for view in ledger.forecasts() {
        let Some(seed) = view.source.and_then(|s| s.seed.as_ref()) else {
            continue;
        };
        forecasts += 1;
        let text = std::fs::read_to_string(root.join(seed)).unwrap();
        let quote = locate(&text, &view.forecast.quote)
            .unwrap_or_else(|| panic!("quote of {} not in {seed}", view.forecast.id));
        let overlap = |c: &&Found| {
            c.range
                .end
                .min(quote.end)
                .saturating_sub(c.range.start.max(quote.start))
        };
        let best = candidates[seed]
            .iter()
            .filter(|c| overlap(c) > 0)
            .max_by_key(|c| overlap(c));
        let Some(best) = best else {
            missed.push(view.forecast.id.clone());
            continue;
        };
        recalled += 1;
        let person = view.person.expect("every forecaster is in people.ron");
        if is_personal_name(&person.name) {
            named += 1;
            if best.person.as_deref() == Some(person.id.as_str()) {
                attributed += 1;
            } else {
                misattributed.push(format!("{} ({:?})", view.forecast.id, best.person));
            }
        }
    }
    let recall = recalled as f64 / forecasts as f64;
    let attribution = attributed as f64 / named as f64;
    let noise = total as f64 / forecasts as f64;
    println!(
        "candidates on the seeds: recall {recalled}/{forecasts} = {:.1}%, attribution {attributed}/{named} = {:.1}%, noise {total}/{forecasts} = {noise:.2} candidates per ledger forecast",
        100.0 * recall,
        100.0 * attribution
    );
    println!("missed: {missed:?}");
    println!("misattributed: {misattributed:?}");
    // The README gives every seed forecast proposed and every named speaker right: the
    // rules were tuned on these five texts, so anything less is a rule that broke (a
    // looser bound let one misattribution through unseen).
    assert!(recall >= 0.9, "recall {recall:.3}; missed {missed:?}");
    assert_eq!(recalled, forecasts, "missed {missed:?}");
    assert_eq!(attributed, named, "misattributed {misattributed:?}");
    assert!(noise <= 1.5, "noise {noise:.2}");
}

const PAGE: &str = r#"<!doctype html><html><head>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2023-03-10">
<script>window.x = "it will rain";</script></head><body>
<nav><a href="/">Home</a> <a href="/world">Markets will open</a></nav>
<article><h1>Harbour plan</h1>
<p>“The new harbour will open before the summer,” Ali Khan, the port director, said on Tuesday.</p>
<p>The city council met for three hours.</p></article>
<section class="comments"><p>This will never happen!</p></section>
</body></html>"#;

/// `hindsight candidates ARTICLE --format json` against the shipped ledger.
fn candidates_json(article: &str) -> common::Run {
    hindsight(&[
        "candidates",
        article,
        "--format",
        "json",
        scenarios().to_str().unwrap(),
    ])
}

fn check_page(run: &common::Run) {
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json = run.json();
    let found = json.as_array().unwrap();
    assert_eq!(found.len(), 1, "{json:#}");
    let candidate = &found[0];
    assert_eq!(candidate["speaker"], "Ali Khan");
    assert_eq!(candidate["speaker_role"], "port director");
    assert_eq!(candidate["expression"], "will");
    // Tuesday before Friday 10 March 2023.
    assert_eq!(candidate["made_on"], "2023-03-07");
    assert_eq!(candidate["known"], serde_json::Value::Null);
}

#[test]
fn an_html_file_gives_its_main_text_without_navigation_scripts_or_comments() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("article.html");
    std::fs::write(&page, PAGE).unwrap();
    check_page(&candidates_json(page.to_str().unwrap()));
}

#[test]
fn a_url_is_fetched_from_a_local_server() {
    let (url, server) = common::serve_once(PAGE, "harbour.html");
    let run = candidates_json(&url);
    server.join().unwrap();
    check_page(&run);
}

#[test]
fn a_missing_article_is_a_usage_error_and_the_table_names_the_speaker() {
    let run = hindsight(&[
        "candidates",
        "no-such-article.txt",
        scenarios().to_str().unwrap(),
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "“Rates will fall in May,” Maria Lopez said.\nIt rained.\n",
    )
    .unwrap();
    let run = hindsight(&[
        "candidates",
        article.to_str().unwrap(),
        scenarios().to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Maria Lopez"), "{}", run.stdout);
    assert!(run.stdout.ends_with("1 candidate\n"), "{}", run.stdout);
}

#[test]
fn an_article_is_read_without_a_scenarios_folder() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Ferry news\n\nApril 2, 2024\n\n“The ferry will resume by June,” Tomas Berg said.\nIt rained.\n",
    )
    .unwrap();
    let missing = dir.path().join("scenarios");
    let run = hindsight(&[
        "candidates",
        article.to_str().unwrap(),
        "--format",
        "json",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("no scenarios folder"), "{}", run.stderr);
    let json = run.json();
    assert_eq!(json[0]["speaker"], "Tomas Berg", "{json:#}");
    assert_eq!(json[0]["speaker_basis"], "reporting clause");
    assert_eq!(json[0]["person"], serde_json::Value::Null);
    assert_eq!(json[0]["made_on"], "2024-04-02");
    assert_eq!(json[0]["made_on_from"], "the dateline");
}

#[test]
fn the_folder_s_date_for_an_article_wins_and_its_disclosure_is_no_forecast() {
    // Seed 000 names a day of the year before in its body ("protests … on Jan. 2, 2021")
    // and ends with the author's disclosure; the folder's source says it appeared on
    // 7 January 2022.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/000-conversation-russia-kazakhstan-ukraine-playbook.txt");
    let run = candidates_json(seed.to_str().unwrap());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json = run.json();
    let found = json.as_array().unwrap();
    assert!(!found.is_empty());
    for candidate in found {
        let quote = candidate["quote"].as_str().unwrap();
        assert!(!quote.contains("benefit from this article"), "{quote}");
        if candidate["made_on"].is_string() {
            assert!(
                candidate["made_on"].as_str().unwrap() >= "2022-01-01",
                "{candidate:#}"
            );
        }
    }
    assert!(
        found
            .iter()
            .any(|candidate| candidate["made_on"] == "2022-01-07"
                && candidate["made_on_from"] == "the folder's source"),
        "{json:#}"
    );
}

/// Made-up prose, `bytes` long and one paragraph, every sentence a hedged forecast with a
/// speaker: the shape that made a long paragraph quadratic.
fn one_long_paragraph(bytes: usize) -> String {
    let subjects = [
        "The ferry line",
        "Grain prices",
        "The new bridge",
        "Local turnout",
    ];
    let hedges = ["will probably", "is likely to", "might", "will not"];
    let claims = [
        "reopen in May",
        "rise before spring",
        "stall after the vote",
    ];
    let tails = [
        ", said Mr. Tomas Quill of the Example Institute.",
        ", according to Dr. Ana Vey.",
        ".",
        ", “the committee” said.",
        " in the U.S. market.",
    ];
    let mut text = String::from("Harbour outlook\n\n");
    let mut n = 0usize;
    while text.len() < bytes {
        let pick = |list: &[&'static str], k: usize| list[(n / k) % list.len()];
        text.push_str(&format!(
            "{} {} {}{} ",
            pick(&subjects, 1),
            pick(&hedges, 3),
            pick(&claims, 7),
            pick(&tails, 11)
        ));
        n += 1;
    }
    text.push('\n');
    text
}

fn shipped_ledger() -> hindsight::Ledger {
    hindsight::load(&scenarios(), today()).unwrap()
}

/// Runs `work` on a thread with a stack of `bytes`, as small as a test thread's or smaller:
/// a recursion over the page's nesting would overflow it and abort the test binary.
fn on_small_stack<T: Send + 'static>(bytes: usize, work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(bytes)
        .spawn(work)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn a_page_of_50000_nested_elements_is_read_without_overflowing_the_stack() {
    // Unclosed, as a hostile page would send them; parsing and reading both walk the tree.
    let page = format!(
        "<!doctype html><html><body><article><p>{}The ferry line will probably reopen in May.</p></article></body></html>",
        "<span>".repeat(50_000)
    );
    let found = on_small_stack(512 << 10, move || {
        let article = hindsight::article::from_html(&page);
        hindsight::candidates(&article, &shipped_ledger())
    });
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].quote,
        "The ferry line will probably reopen in May."
    );
    assert_eq!(found[0].expression, "probably");
}

// Not timed: at these sizes the quadratic paths took minutes even in a release build
// (one paragraph: a lower-cased copy of it per sentence, a scan of every quotation per
// word; each <nav> looked up among all of them), and the linear ones take a second or two
// in a debug build.

#[test]
fn one_long_paragraph_is_read_in_linear_time() {
    let text = one_long_paragraph(256 << 10);
    let article = hindsight::article::from_text(text);
    let found = hindsight::candidates(&article, &shipped_ledger());
    // Every sentence forecasts, and the named ones are attributed.
    assert!(found.len() > 2_000, "{}", found.len());
    assert!(
        found
            .iter()
            .any(|c| c.speaker.as_deref() == Some("Tomas Quill")),
        "{:#?}",
        &found[..3]
    );
}

#[test]
fn many_quotations_running_over_paragraphs_are_read_in_linear_time() {
    // Each quotation left open at its paragraph's end and taken up in the next: a run whose
    // speaker the later paragraph names, ten thousand times over.
    // (Each pair its own words: a passage printed twice is proposed once.)
    let text: String = (0..5_000)
        .map(|i| {
            format!(
                "“The index will probably rise {i} points.\n\n“It could fall {i} points by spring,” Ana Vey said.\n\n"
            )
        })
        .collect();
    let article = hindsight::article::from_text(text);
    let found = hindsight::candidates(&article, &shipped_ledger());
    // (The first line is read as the article's headline.)
    assert_eq!(found.len(), 9_999);
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Ana Vey")),
        "{:#?}",
        &found[..2]
    );
}

#[test]
fn many_dropped_elements_are_read_in_linear_time() {
    let page = format!(
        "<!doctype html><html><body><article><p>The ferry line will probably reopen in May.</p>{}<p>Grain prices might rise before spring.</p></article></body></html>",
        "<nav>menu</nav><aside>ad</aside>".repeat(30_000)
    );
    let article = hindsight::article::from_html(&page);
    assert_eq!(
        article.text,
        "The ferry line will probably reopen in May.\n\nGrain prices might rise before spring."
    );
}

/// A page in a legacy charset: "é" is the byte 0xE9, curly quotes 0x93 and 0x94 (in
/// windows-1252, which browsers also read for pages labelled iso-8859-1).
fn legacy_page(declaration: &str) -> Vec<u8> {
    let mut page =
        format!("<!doctype html><html><head>{declaration}</head><body><article>").into_bytes();
    page.extend_from_slice(
        b"<p>\x93The caf\xe9 terrace will probably reopen in May,\x94 said Zo\xe9 Martin, the port director.</p>",
    );
    page.extend_from_slice(b"</article></body></html>");
    page
}

fn check_legacy_candidate(run: &common::Run) {
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json = run.json();
    let found = json.as_array().unwrap();
    assert_eq!(found.len(), 1, "{json:#}");
    assert_eq!(
        found[0]["quote"],
        "“The café terrace will probably reopen in May,” said Zoé Martin, the port director."
    );
    assert_eq!(found[0]["speaker"], "Zoé Martin");
}

#[test]
fn a_page_is_read_in_the_charset_its_meta_declares() {
    let dir = tempfile::tempdir().unwrap();
    for (name, declaration) in [
        ("charset.html", r#"<meta charset="iso-8859-1">"#),
        (
            "http-equiv.html",
            r#"<meta http-equiv=Content-Type content="text/html; charset=windows-1252">"#,
        ),
    ] {
        let page = dir.path().join(name);
        std::fs::write(&page, legacy_page(declaration)).unwrap();
        check_legacy_candidate(&candidates_json(page.to_str().unwrap()));
    }
}

#[test]
fn a_fetched_page_is_read_in_the_charset_its_header_declares() {
    let (url, server) = common::serve_bytes_once(
        legacy_page("<title>Harbour</title>"),
        "text/html; charset=windows-1252",
        "cafe.html",
    );
    let run = candidates_json(&url);
    server.join().unwrap();
    check_legacy_candidate(&run);
}

#[test]
fn speakers_to_check_first_are_marked_in_the_table_and_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Harbour\n\n“The harbour will probably open in May,” said Ali Khan, the port \
         director.\n\nPetra Lund chairs the finance committee. She expects the cost to rise.\n",
    )
    .unwrap();
    let missing = dir.path().join("scenarios");
    let (path, folder) = (article.to_str().unwrap(), missing.to_str().unwrap());
    let json = hindsight(&["candidates", path, "--format", "json", folder]).json();
    assert_eq!(json[0]["speaker_to_check"], false, "{json:#}");
    assert_eq!(json[1]["speaker"], "Petra Lund", "{json:#}");
    assert_eq!(json[1]["speaker_basis"], "pronoun");
    assert_eq!(json[1]["speaker_to_check"], true);
    let table = hindsight(&["candidates", path, folder]).stdout;
    assert!(table.contains("Petra Lund (check)"), "{table}");
    assert!(!table.contains("Ali Khan (check)"), "{table}");
}
