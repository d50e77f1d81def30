//! `hindsight site`: the scoreboard as a static website, for journalists and researchers
//! to publish. Every page is plain HTML with its style and charts inline (SVG with text
//! alternatives): no JavaScript, no request to any host, readable from `file://`, on a phone
//! and in print. The same ledger gives byte-identical pages, so a repository can publish
//! them from CI. Every piece of ledger text is escaped ([`html::text`]).

mod html;
mod pages;
pub mod svg;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::ledger::Ledger;
use crate::report::{GroupBy, report};
use pages::SiteData;

/// The file a site's folder is marked with, listing the pages it holds: a later `site`
/// replaces exactly those, and refuses a folder without it that is not empty (someone
/// else's files are never overwritten or deleted).
pub const MARKER: &str = ".hindsight-site";

/// The pages of a site, by path relative to its folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    pub pages: BTreeMap<PathBuf, String>,
}

/// Builds the site of the forecasts `entries` (what the filters chose) as of `today`.
pub fn build(ledger: &Ledger, entries: &[usize], today: NaiveDate) -> Site {
    let report = report(ledger, entries, GroupBy::Author, today);
    let mut by_forecaster: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &entry in entries {
        let name = ledger.view(entry).author_name().to_string();
        by_forecaster.entry(name).or_default().push(entry);
    }
    // Page names: the record's own id where it is a safe file name, else a safe name
    // with a hash; a name taken twice gets a number.
    let mut taken = BTreeSet::new();
    let forecaster_files = by_forecaster
        .keys()
        .map(|name| {
            let id = ledger.person(name).map_or(name.as_str(), |p| p.id.as_str());
            (name.clone(), unique(file_name(id), &mut taken))
        })
        .collect();
    let mut taken = BTreeSet::new();
    let question_files = ledger
        .questions()
        .map(|q| {
            (
                q.question.id.clone(),
                unique(file_name(&q.question.id), &mut taken),
            )
        })
        .collect();
    let mut taken = BTreeSet::new();
    let scenario_files = ledger
        .files
        .iter()
        .map(|f| {
            (
                f.scenario.id.clone(),
                unique(file_name(&f.scenario.id), &mut taken),
            )
        })
        .collect();
    let mut by_scenario = vec![Vec::new(); ledger.files.len()];
    for &entry in entries {
        by_scenario[ledger.view(entry).entry.file].push(entry);
    }
    let data = SiteData {
        ledger,
        report: &report,
        as_of: today.to_string(),
        by_forecaster,
        forecaster_files,
        question_files,
        scenario_files,
        answers: ledger.answers_by_question(),
        by_scenario,
    };
    let mut site = Site::default();
    site.pages
        .insert(PathBuf::from("index.html"), pages::index(&data));
    let records: Vec<_> = report
        .groups
        .iter()
        .chain(report.collectives.iter().flatten())
        .collect();
    for (name, file) in &data.forecaster_files {
        let record = records.iter().copied().find(|r| &r.name == name);
        site.pages.insert(
            PathBuf::from(format!("forecasters/{file}.html")),
            pages::forecaster(&data, name, record),
        );
    }
    for (question, entries) in &data.answers {
        let file = &data.question_files[&question.question.id];
        site.pages.insert(
            PathBuf::from(format!("questions/{file}.html")),
            pages::question(&data, question, entries),
        );
    }
    site.pages.insert(
        PathBuf::from("questions/index.html"),
        pages::questions_index(&data),
    );
    for (index, file) in ledger.files.iter().enumerate() {
        let name = &data.scenario_files[&file.scenario.id];
        site.pages.insert(
            PathBuf::from(format!("scenarios/{name}.html")),
            pages::scenario(&data, index),
        );
    }
    site.pages.insert(
        PathBuf::from("scenarios/index.html"),
        pages::scenarios_index(&data),
    );
    site
}

/// A record id as a file name: lower-case letters, digits and dashes, at most 60; an id
/// that had to change (or is empty) gets a hash of itself, so two ids stay two files.
fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let safe = safe.trim_matches('-').to_string();
    if safe == id && !safe.is_empty() {
        return safe;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let prefix = if safe.is_empty() { "page" } else { &safe };
    format!("{prefix}-{:06x}", hash >> 40)
}

fn unique(name: String, taken: &mut BTreeSet<String>) -> String {
    let name = if name == "index" {
        "index-page".to_string()
    } else {
        name
    };
    let free = std::iter::once(name.clone())
        .chain((2..).map(|n| format!("{name}-{n}")))
        .find(|candidate| !taken.contains(candidate))
        .expect("some suffix is free");
    taken.insert(free.clone());
    free
}

/// Why a site was not written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("{}: not empty and not a site Hindsight wrote (no {MARKER}); choose an empty or new folder", .0.display())]
    NotOurs(PathBuf),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `site` into `out` (made if missing): each page atomically, the pages of an
/// earlier site there that this one no longer has removed, and the marker listing the
/// pages. Refuses a folder that holds anything but an earlier site.
pub fn write(site: &Site, out: &Path) -> Result<usize, SiteError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SiteError::Io { path, source }
    };
    let marker = out.join(MARKER);
    let earlier: Vec<PathBuf> = match std::fs::read_to_string(&marker) {
        Ok(list) => list.lines().map(PathBuf::from).collect(),
        Err(_) if out.is_dir() && std::fs::read_dir(out).map_err(io(out))?.next().is_some() => {
            return Err(SiteError::NotOurs(out.to_path_buf()));
        }
        Err(_) => Vec::new(),
    };
    for (relative, html) in &site.pages {
        let path = out.join(relative);
        let folder = path.parent().unwrap_or(out);
        std::fs::create_dir_all(folder).map_err(io(folder))?;
        let mut file = tempfile::NamedTempFile::new_in(folder).map_err(io(folder))?;
        std::io::Write::write_all(&mut file, html.as_bytes()).map_err(io(&path))?;
        file.persist(&path).map_err(|e| io(&path)(e.error))?;
    }
    for old in earlier {
        // Only a page the marker lists, inside the folder, that this site does not have.
        let inside = old
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if inside && !site.pages.contains_key(&old) {
            let _ = std::fs::remove_file(out.join(&old));
        }
    }
    let list: Vec<String> = site.pages.keys().map(|p| p.display().to_string()).collect();
    std::fs::write(&marker, list.join("\n") + "\n").map_err(io(&marker))?;
    Ok(site.pages.len())
}
