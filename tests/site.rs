//! `hindsight site`: the shipped ledger's site parsed with a real HTML parser (every link
//! resolves, every forecaster and forecast is there, nothing is fetched from elsewhere),
//! the same ledger giving the same bytes, hostile text shown as text, someone else's folder
//! left alone, and the pages drawn by a real browser (headless Chromium).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

use crate::common::{TempLedger, hindsight, shipped};

fn build(out: &Path, ledger: &str) -> crate::common::Run {
    let run = hindsight(&["site", out.to_str().unwrap(), ledger]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    run
}

/// Every page of a site: its path relative to the site, and its text.
fn pages(out: &Path) -> BTreeMap<PathBuf, String> {
    crate::common::files_under(out)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "html"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.strip_prefix(out).unwrap().to_path_buf(), text)
        })
        .collect()
}

#[test]
fn every_page_links_within_the_site_and_names_every_forecaster_and_forecast() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("site");
    build(&out, &shipped());
    let pages = pages(&out);
    assert!(pages.contains_key(Path::new("index.html")));
    let anchor = Selector::parse("a[href]").unwrap();
    let external = Selector::parse("script, link, img, iframe, object, embed, [src]").unwrap();
    let mut ids = BTreeSet::new();
    for (path, text) in &pages {
        let html = Html::parse_document(text);
        assert!(
            html.errors.len() < 5,
            "{}: {:?}",
            path.display(),
            html.errors
        );
        assert_eq!(
            html.select(&external).count(),
            0,
            "{}: nothing is loaded from anywhere",
            path.display()
        );
        for link in html.select(&anchor) {
            let href = link.value().attr("href").unwrap();
            if href.starts_with("https://") || href.starts_with("http://") {
                assert_eq!(
                    link.value().attr("rel"),
                    Some("noopener noreferrer nofollow")
                );
                continue;
            }
            let target = href.split('#').next().unwrap();
            let resolved = path.parent().unwrap().join(target);
            let normal: PathBuf = resolved.components().fold(PathBuf::new(), |mut acc, c| {
                match c {
                    std::path::Component::ParentDir => {
                        acc.pop();
                    }
                    std::path::Component::Normal(part) => acc.push(part),
                    _ => {}
                }
                acc
            });
            assert!(
                pages.contains_key(&normal),
                "{}: link {href} goes nowhere",
                path.display()
            );
        }
        for element in html.select(&Selector::parse(".forecast[id]").unwrap()) {
            ids.insert(element.value().attr("id").unwrap().to_string());
        }
    }
    let listed = hindsight(&["list", "--format", "json", &shipped()]).json();
    for forecast in listed.as_array().unwrap() {
        assert!(
            ids.contains(forecast["id"].as_str().unwrap()),
            "{forecast:#}"
        );
    }
    let index = &pages[Path::new("index.html")];
    for name in [
        "Andrew A. Michta",
        "Aleksandr Baunov",
        "Several observers (unnamed, cited by RFE/RL)",
    ] {
        assert!(index.contains(name), "{name} is on the index");
    }
    assert!(index.contains("Groups and institutions"));
    assert!(
        index.contains("role=\"img\""),
        "charts are images with text alternatives"
    );

    // The same ledger gives the same bytes.
    let again = home.path().join("again");
    build(&again, &shipped());
    assert_eq!(pages, self::pages(&again));
}

#[test]
fn hostile_text_in_a_ledger_is_shown_as_text_and_its_links_are_not_followed() {
    let ledger = TempLedger::fixture();
    let text = ledger.read("prices.ron");
    let hostile = text
        .replacen(
            "claim: \"",
            "claim: \"<script>alert('owned')</script><img src=x onerror=alert(1)> ",
            1,
        )
        .replacen("outlet: \"", "outlet: \"<b>bold</b> ", 1);
    ledger.write("prices.ron", hostile);
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("site");
    build(&out, ledger.scenarios().to_str().unwrap());
    for (path, page) in pages(&out) {
        let html = Html::parse_document(&page);
        let scripts = Selector::parse("script, img, b").unwrap();
        assert_eq!(html.select(&scripts).count(), 0, "{}", path.display());
    }
    let all: String = pages(&out).into_values().collect();
    assert!(all.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"));
}

#[test]
fn a_folder_that_is_not_a_site_is_left_alone_and_an_old_site_is_replaced() {
    let home = tempfile::tempdir().unwrap();
    let mine = home.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("thesis.txt"), "my work").unwrap();
    let run = hindsight(&["site", mine.to_str().unwrap(), &shipped()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("not a site Hindsight wrote"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(&mine).unwrap().count(), 1);

    // A site written before is replaced, pages it no longer has removed.
    let out = home.path().join("site");
    build(&out, &shipped());
    std::fs::write(out.join("questions/gone.html"), "old").unwrap();
    let marker = out.join(".hindsight-site");
    let listed = std::fs::read_to_string(&marker).unwrap() + "questions/gone.html\n";
    std::fs::write(&marker, listed).unwrap();
    build(&out, &shipped());
    assert!(!out.join("questions/gone.html").exists());
    assert!(out.join("index.html").exists());
}

/// Whether a screenshot shows a page: enough pixels away from the background's colour.
fn drawn(png_file: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_file).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buffer[..info.buffer_size()].chunks(channels).collect();
    let background = pixels[pixels.len() / 2 + 5];
    let differ = pixels
        .iter()
        .filter(|p| {
            p.iter()
                .zip(background.iter())
                .any(|(a, b)| a.abs_diff(*b) > 40)
        })
        .count();
    differ as f64 / pixels.len() as f64
}

#[test]
fn the_index_and_a_forecasters_page_are_drawn_by_headless_chromium() {
    let chromium = ["chromium", "chromium-browser"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(chromium) = chromium else {
        // `.ci/run` installs it; elsewhere the test says it did not run.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium (.ci/run installs Debian's package)"
        );
        eprintln!("chromium is not installed: the browser check did not run");
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("site");
    build(&out, &shipped());
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (page, name) in [
        ("index.html", "site-index.png"),
        ("forecasters/steve-gutterman.html", "site-forecaster.png"),
    ] {
        let shot = shots.join(name);
        let _ = std::fs::remove_file(&shot);
        let url = format!("file://{}", out.join(page).display());
        let run = std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1280,1600",
                &format!("--user-data-dir={}", home.path().join("profile").display()),
                &format!("--screenshot={}", shot.display()),
                &url,
            ])
            .output()
            .unwrap();
        assert!(
            shot.exists(),
            "{page}: no screenshot: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let share = drawn(&shot);
        assert!(
            share > 0.02,
            "{page}: {:.1}% of the screenshot is drawn",
            share * 100.0
        );
    }
}
