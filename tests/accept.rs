//! Accepting a candidate from an article the folder does not know yet: the speaker becomes
//! a new person, the article a new source with its text saved under seeds/, and the
//! forecast is written citing both. Real files in a temporary project folder; the article
//! is served by a local HTTP server.

use crate::common;

use common::{TempLedger, today};
use hindsight as intake;
use hindsight::accept;

const PAGE: &str = r#"<!doctype html><html><head>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Harbour plan unveiled">
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2023-03-10">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Harbour plan</h1>
<p>“The new harbour will open before the summer,” Ali Khan, the port director, said on Tuesday.</p>
<p>The city council met for three hours.</p></article>
</body></html>"#;

#[test]
fn a_fetched_articles_candidate_is_accepted_with_a_new_person_and_a_new_source() {
    let folder = TempLedger::fixture();
    let mut ledger = folder.load();
    let (url, server) = common::serve_once(PAGE, "harbour.html");
    let article = intake::read_article(&ledger, &url, None).unwrap();
    server.join().unwrap();
    let found = intake::candidates(&article, &ledger);
    assert_eq!(found.len(), 1, "{found:#?}");
    let prices = folder.path("prices.ron");
    let file = ledger.scenario_file(&prices).unwrap();

    let mut acceptance =
        accept::acceptance(&ledger, file, Some(&url), &article, &found[0], today());
    let person = acceptance
        .person
        .clone()
        .expect("Ali Khan is not in the registry");
    assert_eq!(
        (
            person.id.as_str(),
            person.name.as_str(),
            person.affiliation.as_str()
        ),
        ("ali-khan", "Ali Khan", "port director")
    );
    let source = acceptance
        .source
        .clone()
        .expect("the folder does not cite the page");
    assert_eq!(source.outlet, "Harbour Times");
    assert_eq!(source.title, "Harbour plan unveiled");
    assert_eq!(source.author, "Jane Roe");
    assert_eq!(source.published, "2023-03-10");
    assert_eq!(source.url, url);
    assert_eq!(source.id, "harbour-plan-unveiled");
    assert_eq!(source.seed, "seeds/harbour-plan-unveiled.txt");
    assert_eq!(acceptance.seed_text.as_deref(), Some(article.text.as_str()));
    let forecast = &mut acceptance.forecast;
    assert_eq!(
        (
            forecast.by.as_str(),
            forecast.source.as_str(),
            forecast.made.as_str()
        ),
        ("ali-khan", "harbour-plan-unveiled", "2023-03-07")
    );
    assert_eq!(forecast.expression, "will");
    forecast.id = "khan-harbour-opens-before-summer".into();
    forecast.claim = "The new harbour opens before 21 June 2023.".into();
    forecast.resolve_by = "2023-06-21".into();

    let checked = accept::check(&ledger, &prices, &acceptance).unwrap();
    let saved = accept::save(&mut ledger, &prices, checked).unwrap();
    assert_eq!(saved.person.as_deref(), Some("ali-khan"));
    assert_eq!(saved.source.as_deref(), Some("harbour-plan-unveiled"));

    // On disk: the person, the source, the forecast and the article's text.
    assert!(folder.read("people.ron").contains("name: \"Ali Khan\""));
    let scenario = folder.read("prices.ron");
    assert!(scenario.contains(&format!("url: \"{url}\"")), "{scenario}");
    assert!(scenario.contains("id: \"khan-harbour-opens-before-summer\""));
    let seed = std::fs::read_to_string(folder.root.path().join(&source.seed)).unwrap();
    assert_eq!(seed, article.text);
    let check = folder.run(&["check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stdout.contains("0 errors"), "{}", check.stdout);
    assert!(
        !check.stdout.contains("harbour"),
        "no warning: {}",
        check.stdout
    );

    // Read again, the article is the folder's source and its speaker the registry's: a
    // second candidate would add neither, and this one reads as in the ledger.
    let reloaded = folder.load();
    let file = reloaded.scenario_file(&prices).unwrap();
    let mut again = found.clone();
    intake::refresh(&mut again, &article, &reloaded);
    assert_eq!(
        again[0].known.as_deref(),
        Some("khan-harbour-opens-before-summer")
    );
    assert_eq!(again[0].person.as_deref(), Some("ali-khan"));
    let second = accept::acceptance(&reloaded, file, Some(&url), &article, &again[0], today());
    assert_eq!((second.person, second.source), (None, None));
    assert_eq!(second.forecast.source, "harbour-plan-unveiled");
}

#[test]
fn a_seed_file_someone_else_wrote_meanwhile_is_never_replaced() {
    let folder = TempLedger::fixture();
    let ledger = folder.load();
    let outside = tempfile::tempdir().unwrap();
    let path = outside.path().join("rates.txt");
    std::fs::write(&path, RATES).unwrap();
    // A file outside the project is copied in, not cited by its path.
    let mut acceptance = rates_acceptance(&ledger, &folder, path.to_str());
    assert_eq!(acceptance.source.as_ref().unwrap().url, "");
    let prices = folder.path("prices.ron");
    let before = folder.read("prices.ron");

    // Someone else's file appears under that name before the save.
    let seed = folder.root.path().join("seeds/rates-hold.txt");
    std::fs::write(&seed, "another article\n").unwrap();
    let problems = accept::check(&ledger, &prices, &acceptance).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "source.seed");
    assert!(problems[0].message.contains("already holds another text"));
    assert_eq!(std::fs::read_to_string(&seed).unwrap(), "another article\n");
    assert_eq!(folder.read("prices.ron"), before);
    assert!(!folder.read("people.ron").contains("Jonas Berg"));

    // A person's problems are named for the person's fields, apart from the forecast's.
    acceptance.person.as_mut().unwrap().name = "Ada Fixture".into();
    std::fs::remove_file(&seed).unwrap();
    let problems = accept::check(&ledger, &prices, &acceptance).unwrap_err();
    assert!(
        problems.iter().any(|p| p.field == "person.name"),
        "{problems:?}"
    );
}

#[test]
fn a_group_accepted_once_is_the_registrys_the_second_time() {
    let folder = TempLedger::fixture();
    let mut ledger = folder.load();
    let article = intake::article::from_text(
        "Talks stall\n\nNumerous analysts said the talks will probably collapse by May.\n\nThe ceasefire will most likely hold, numerous analysts said.\n".into(),
    );
    let found = intake::candidates(&article, &ledger);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].speaker_group.as_deref(), Some("numerous analysts"));
    let prices = folder.path("prices.ron");
    let file = ledger.scenario_file(&prices).unwrap();

    let mut first = accept::acceptance(&ledger, file, None, &article, &found[0], today());
    let person = first
        .person
        .clone()
        .expect("the group is new to the registry");
    assert_eq!(person.name, "Numerous analysts (unnamed)");
    let source = first.source.as_mut().unwrap();
    source.outlet = "Nordic Herald".into();
    source.published = "2022-03-01".into();
    first.forecast.made = "2022-03-01".into();
    first.forecast.claim = "The talks collapse by May 2022.".into();
    first.forecast.resolve_by = "2022-05-31".into();
    first.forecast.id = "analysts-talks-collapse".into();
    let checked = accept::check(&ledger, &prices, &first).unwrap();
    accept::save(&mut ledger, &prices, checked).unwrap();

    // The second candidate of the same group names the person the first one added.
    let reloaded = folder.load();
    let file = reloaded.scenario_file(&prices).unwrap();
    let second = accept::acceptance(&reloaded, file, None, &article, &found[1], today());
    assert_eq!(second.person, None);
    assert_eq!(second.forecast.by, person.id);
}

const RATES: &str = "Rates on hold\n\nThe central bank will probably keep rates unchanged, according to Jonas Berg, chief economist at Nordbank.\n";

/// An article the folder does not cite ([`RATES`], read from `location` or pasted), its
/// first candidate's forms filled in for prices.ron: a new person (Jonas Berg), a new
/// source and its seed file, a forecast.
fn rates_acceptance(
    ledger: &hindsight::Ledger,
    folder: &TempLedger,
    location: Option<&str>,
) -> accept::Acceptance {
    let article = match location {
        Some(location) => intake::read_article(ledger, location, None).unwrap(),
        None => intake::article::from_text(RATES.into()),
    };
    let found = intake::candidates(&article, ledger);
    let prices = folder.path("prices.ron");
    let file = ledger.scenario_file(&prices).unwrap();
    let mut acceptance = accept::acceptance(ledger, file, location, &article, &found[0], today());
    assert!(acceptance.person.is_some() && acceptance.seed_text.is_some());
    let source = acceptance.source.as_mut().unwrap();
    assert_eq!(source.seed, "seeds/rates-hold.txt");
    source.outlet = "Nordic Herald".into();
    source.published = "2022-03-01".into();
    acceptance.forecast.made = "2022-03-01".into();
    acceptance.forecast.claim = "Rates are unchanged at the next meeting.".into();
    acceptance.forecast.resolve_by = "2022-04-30".into();
    acceptance.forecast.id = "berg-rates-unchanged".into();
    acceptance
}

/// A fixture folder and its ledger, with [`rates_acceptance`] checked while every file of
/// the folder is as shipped: as a form would be, before the folder changed under it.
fn rates_checked() -> (
    TempLedger,
    hindsight::Ledger,
    accept::Acceptance,
    accept::Checked,
) {
    let folder = TempLedger::fixture();
    let ledger = folder.load();
    let acceptance = rates_acceptance(&ledger, &folder, None);
    let checked = accept::check(&ledger, &folder.path("prices.ron"), &acceptance).unwrap();
    (folder, ledger, acceptance, checked)
}

#[cfg(unix)]
#[test]
fn a_seeds_folder_linking_out_of_the_project_is_refused_before_anything_is_written() {
    let (folder, mut ledger, acceptance, checked) = rates_checked();
    let prices = folder.path("prices.ron");

    // A stranger's repository ships seeds/ as a link to a folder elsewhere.
    let outside = tempfile::tempdir().unwrap();
    let seeds = folder.root.path().join("seeds");
    std::fs::remove_dir_all(&seeds).unwrap();
    std::os::unix::fs::symlink(outside.path(), &seeds).unwrap();
    let people = folder.read("people.ron");
    let scenario = folder.read("prices.ron");

    let problems = accept::check(&ledger, &prices, &acceptance).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "source.seed");
    let message = &problems[0].message;
    assert!(
        message.contains(&seeds.display().to_string())
            && message.contains(&outside.path().display().to_string())
            && message.contains("link"),
        "{message}"
    );

    // Saving what was checked before refuses too, and writes nothing anywhere.
    let error = accept::save(&mut ledger, &prices, checked).unwrap_err();
    assert!(error.written.is_empty(), "{error}");
    assert!(error.to_string().contains("link"), "{error}");
    assert_eq!(folder.read("people.ron"), people);
    assert_eq!(folder.read("prices.ron"), scenario);
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn a_scenario_file_the_door_would_refuse_stops_the_person_and_the_seed_too() {
    use std::os::unix::fs::PermissionsExt;
    let (folder, mut ledger, acceptance, checked) = rates_checked();
    let prices = folder.path("prices.ron");

    // The forecast's file is made read-only: the last of the four writes would be refused.
    std::fs::set_permissions(&prices, std::fs::Permissions::from_mode(0o444)).unwrap();
    let people = folder.read("people.ron");
    let problems = accept::check(&ledger, &prices, &acceptance).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "scenario");
    assert!(problems[0].message.contains("read-only"), "{problems:?}");
    let error = accept::save(&mut ledger, &prices, checked).unwrap_err();
    assert!(error.written.is_empty(), "{error}");

    // Neither the person nor the article's text was written before the refusal.
    assert_eq!(folder.read("people.ron"), people);
    assert!(!folder.root.path().join("seeds/rates-hold.txt").exists());
}
