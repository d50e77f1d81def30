//! Accepting a candidate: the forecast it proposes, and what the folder lacks for it. A
//! speaker the registry does not know becomes a new person (name and role as the article
//! gives them); an article the folder does not cite becomes a new source (outlet, title,
//! author, date and address), its text saved under `seeds/` so that the quote is shown in
//! context. The three are checked together, and so is every file they go to (the seed's
//! path, through no link and inside the project folder; `people.ron` and the scenario
//! file, as the write door would take them), so that nothing is written unless all of it
//! can be; then the seed, the person, the source and the forecast are written in turn,
//! each through the library's atomic write.

use crate::ledger::Door;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Article, Candidate, cited_source, draft_of};
use crate::draft::{
    FieldProblem, ForecastDraft, Pending, PersonDraft, SourceDraft, check_forecast_with,
    check_person, check_source, suggest_person_id, suggest_source_id,
};
use crate::ledger::Inserted;
use crate::ledger::{
    EditError, Forecast, Kind, Ledger, Outcome, PEOPLE_FILE, Person, ScenarioFile, Source,
    create_unchecked,
};
use crate::prose::capitalized;

/// Where the seed files of new sources go, in the project folder.
pub const SEEDS_FOLDER: &str = "seeds";

/// The forms for accepting a candidate, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Acceptance {
    pub forecast: ForecastDraft,
    /// A new person for the registry, used when the forecaster is not in it.
    pub person: Option<PersonDraft>,
    /// A new source for the scenario, used when the forecast names it.
    pub source: Option<SourceDraft>,
    /// The article's text, written to the new source's seed file (none when the article
    /// already is a file in the project folder).
    pub seed_text: Option<String>,
}

/// The forms filled in from `candidate` of `article`, for the scenario `file`.
/// `location` is where the article was read from (a path or an http(s) address; none for
/// pasted text).
pub fn acceptance(
    ledger: &Ledger,
    file: &ScenarioFile,
    location: Option<&str>,
    article: &Article,
    candidate: &Candidate,
    today: NaiveDate,
) -> Acceptance {
    let cited = location.and_then(|location| cited_source(ledger, location));
    let mut forecast = draft_of(candidate, cited.map(|(_, source)| source));
    if forecast.made.is_empty() {
        forecast.made = article.published.unwrap_or(today).to_string();
    }
    let person = match forecaster(ledger, candidate, article) {
        Some(Forecaster::Known(id)) => {
            forecast.by = id;
            None
        }
        Some(Forecaster::New(person)) => {
            forecast.by = person.id.clone();
            Some(person)
        }
        None => None,
    };
    let (source, seed_text) = match cited {
        Some(_) => (None, None),
        None => {
            let (source, seed_text) = new_source(ledger, file, location, article, candidate);
            forecast.source = source.id.clone();
            (Some(source), seed_text)
        }
    };
    Acceptance {
        forecast,
        person,
        source,
        seed_text,
    }
}

/// Who the forecast is by, when the candidate does not name someone in the registry.
enum Forecaster {
    /// In the registry under the name made for them (a group accepted before).
    Known(String),
    New(PersonDraft),
}

/// The speaker as a new person, when the registry does not know them: a named speaker
/// with the article's description of them, the article's author for its own voice, or an
/// unnamed group as the ledger records groups ("Numerous analysts (unnamed, cited by …)").
fn forecaster(ledger: &Ledger, candidate: &Candidate, article: &Article) -> Option<Forecaster> {
    if candidate.person.is_some() {
        return None;
    }
    let kind = if candidate.speaker.is_none() && candidate.speaker_group.is_some() {
        Kind::Group
    } else {
        Kind::Individual
    };
    let (name, affiliation) = if let Some(speaker) = &candidate.speaker {
        (speaker.clone(), candidate.speaker_role.clone())
    } else if let Some(group) = &candidate.speaker_group {
        let cited_by = article
            .outlet
            .as_deref()
            .map_or(String::new(), |outlet| format!(", cited by {outlet}"));
        (
            format!("{} (unnamed{cited_by})", capitalized(group)),
            Some(format!("Unnamed group: '{group}'")),
        )
    } else {
        (article.author.clone()?, None)
    };
    if let Some(known) = ledger.person(&name) {
        return Some(Forecaster::Known(known.id.clone()));
    }
    Some(Forecaster::New(PersonDraft {
        id: suggest_person_id(ledger, &name),
        name,
        aliases: String::new(),
        affiliation: affiliation.unwrap_or_default(),
        kind,
    }))
}

/// The article as a new source of `file`. A file already in the project folder is its own
/// seed; anything else (an address, pasted text, a file elsewhere) gets its text saved as
/// `seeds/<source id>.txt`.
fn new_source(
    ledger: &Ledger,
    file: &ScenarioFile,
    location: Option<&str>,
    article: &Article,
    candidate: &Candidate,
) -> (SourceDraft, Option<String>) {
    let outlet = article.outlet.clone().unwrap_or_default();
    let title = article.title.clone().unwrap_or_default();
    let id = suggest_source_id(&file.scenario.sources, &outlet, &title);
    let url = location
        .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
        .map(str::to_string);
    let in_project = location
        .filter(|_| url.is_none())
        .and_then(|location| Path::new(location).canonicalize().ok())
        .and_then(|path| {
            let root = ledger.project_root.canonicalize().ok()?;
            path.strip_prefix(root).ok().map(Path::to_path_buf)
        });
    let (seed, seed_text) = match in_project {
        Some(relative) => (relative.display().to_string(), None),
        None => (
            free_seed_path(&ledger.project_root, &id),
            Some(article.text.clone()),
        ),
    };
    let published = article
        .published
        .or(candidate.made_on)
        .map(|date| date.to_string())
        .unwrap_or_default();
    let source = SourceDraft {
        id,
        outlet,
        title,
        author: article.author.clone().unwrap_or_default(),
        published,
        url: url.unwrap_or_default(),
        seed,
    };
    (source, seed_text)
}

/// `seeds/<id>.txt`, or `seeds/<id>-2.txt`… whichever is not there yet.
fn free_seed_path(root: &Path, id: &str) -> String {
    (1..)
        .map(|n| match n {
            1 => format!("{SEEDS_FOLDER}/{id}.txt"),
            n => format!("{SEEDS_FOLDER}/{id}-{n}.txt"),
        })
        .find(|seed| !root.join(seed).exists())
        .expect("some name is free")
}

/// An acceptance that can be written.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub forecast: Forecast,
    pub person: Option<Person>,
    pub source: Option<Source>,
    /// Where the article's text goes, and the text.
    pub seed: Option<(PathBuf, String)>,
}

/// Checks the forms together. The new person counts only while the forecaster is not
/// someone in the registry (picking an existing person drops it), and the new source only
/// while the forecast cites it. Problems with the person's fields are named `person.…`,
/// with the source's `source.…`.
pub fn check(
    ledger: &Ledger,
    file: &Path,
    acceptance: &Acceptance,
) -> Result<Checked, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let by = acceptance.forecast.by.trim();
    let person = acceptance
        .person
        .as_ref()
        .filter(|_| ledger.person(by).is_none())
        .and_then(|draft| {
            check_person(ledger, draft)
                .map_err(|found| problems.extend(prefixed("person", found)))
                .ok()
        });
    let source = acceptance
        .source
        .as_ref()
        .filter(|draft| draft.id.trim() == acceptance.forecast.source.trim())
        .and_then(|draft| {
            check_source(ledger, file, draft)
                .map_err(|found| problems.extend(prefixed("source", found)))
                .ok()
        });
    let seed = seed_file(
        ledger,
        source.as_ref(),
        acceptance.seed_text.as_deref(),
        &mut problems,
    );
    let pending = Pending {
        person: person.as_ref(),
        source: source.as_ref().map(|s| s.id.as_str()),
    };
    let forecast = check_forecast_with(
        ledger,
        file,
        &acceptance.forecast,
        None,
        Outcome::Open,
        pending,
    )
    .map_err(|found| problems.extend(found))
    .ok();
    // The files themselves, once the records are sound: a file the door would refuse is
    // found now, before the seed or the person is written, not after.
    if problems.is_empty() {
        problems.extend(
            unready_files(ledger, file, person.is_some())
                .into_iter()
                .map(|refusal| FieldProblem {
                    field: "scenario",
                    message: refusal.to_string(),
                }),
        );
    }
    match forecast {
        Some(forecast) if problems.is_empty() => Ok(Checked {
            forecast,
            person,
            source,
            seed,
        }),
        _ => Err(problems),
    }
}

/// Where the new source's seed file goes, with the article's text to write there, when
/// the source names one and the text is at hand. A path the door would refuse, or a file
/// there that holds another text, is a problem of `source.seed`.
fn seed_file(
    ledger: &Ledger,
    source: Option<&Source>,
    text: Option<&str>,
    problems: &mut Vec<FieldProblem>,
) -> Option<(PathBuf, String)> {
    let (
        Some(Source {
            seed: Some(seed), ..
        }),
        Some(text),
    ) = (source, text)
    else {
        return None;
    };
    let path = ledger.project_root.join(seed);
    if let Some(refusal) = seed_refusal(&ledger.project_root, &path) {
        let message = match refusal {
            EditError::SymbolicLink { path, target } => format!(
                "{} is a link (to {}): Hindsight writes no seed file through a link, which could put it outside the project folder {}; nothing was written (choose another seed path)",
                path.display(),
                target.display(),
                ledger.project_root.display()
            ),
            other => other.to_string(),
        };
        problems.push(FieldProblem {
            field: "source.seed",
            message,
        });
    } else if std::fs::read(&path).is_ok_and(|there| there != text.as_bytes()) {
        problems.push(FieldProblem {
            field: "source.seed",
            message: format!(
                "{} already holds another text: choose another file name",
                path.display()
            ),
        });
    }
    Some((path, text.to_string()))
}

/// The person's and the source's problems under their own names ("person.name"), apart
/// from the forecast's fields of the same name.
fn prefixed(form: &'static str, problems: Vec<FieldProblem>) -> Vec<FieldProblem> {
    problems
        .into_iter()
        .map(|problem| FieldProblem {
            field: match (form, problem.field) {
                ("person", "id") => "person.id",
                ("person", "name") => "person.name",
                ("person", "aliases") => "person.aliases",
                ("person", "affiliation") => "person.affiliation",
                ("source", "id") => "source.id",
                ("source", "outlet") => "source.outlet",
                ("source", "title") => "source.title",
                ("source", "author") => "source.author",
                ("source", "published") => "source.published",
                ("source", "url") => "source.url",
                ("source", "seed") => "source.seed",
                (form, _) => form,
            },
            message: problem.message,
        })
        .collect()
}

/// What accepting wrote.
#[derive(Debug)]
pub struct Saved {
    pub inserted: Inserted,
    pub person: Option<String>,
    pub source: Option<String>,
    pub seed: Option<PathBuf>,
}

/// Writes a checked acceptance: the seed file (unless an identical one is there), the
/// person, the source, then the forecast. `ledger` takes in the new person, so that the
/// forecast naming them passes the write's check before the folder is loaded again. A
/// failure stops there and says what was already written.
pub fn save(ledger: &mut Ledger, file: &Path, checked: Checked) -> Result<Saved, AcceptError> {
    let mut written = Vec::new();
    let fail = |written: &[String], error: EditError| AcceptError {
        written: written.to_vec(),
        error,
    };
    // Every file again, right before the first write (the folder may have changed since
    // the check): nothing is written if one of them would be refused.
    let seed_refused = checked
        .seed
        .as_ref()
        .and_then(|(path, _)| seed_refusal(&ledger.project_root, path));
    if let Some(error) = seed_refused
        .into_iter()
        .chain(unready_files(ledger, file, checked.person.is_some()))
        .next()
    {
        return Err(fail(&written, error));
    }
    let seed = match checked.seed {
        Some((path, text)) => {
            write_seed(&path, &text).map_err(|error| fail(&written, error))?;
            written.push(path.display().to_string());
            Some(path)
        }
        None => None,
    };
    let person = match checked.person {
        Some(person) => {
            Door::people(ledger)
                .insert_person(&person)
                .map_err(|error| fail(&written, error))?;
            written.push(format!("person {}", person.id));
            let id = person.id.clone();
            ledger.note_person_added(person);
            Some(id)
        }
        None => None,
    };
    let source = match checked.source {
        Some(source) => {
            Door::of(ledger, file)
                .insert_source(&source)
                .map_err(|error| fail(&written, error))?;
            written.push(format!("source {}", source.id));
            Some(source.id)
        }
        None => None,
    };
    let inserted = Door::of(ledger, file)
        .insert_forecast(&checked.forecast, None)
        .map_err(|error| fail(&written, error))?;
    Ok(Saved {
        inserted,
        person,
        source,
        seed,
    })
}

/// Why the files an acceptance changes could not be changed now: the scenario file that
/// takes the forecast (and the source), and `people.ron` when a person is added (unless
/// it is yet to be created).
fn unready_files(ledger: &Ledger, file: &Path, adds_person: bool) -> Vec<EditError> {
    let people = ledger.dir.join(PEOPLE_FILE);
    let people = (adds_person && std::fs::symlink_metadata(&people).is_ok()).then_some(people);
    people
        .iter()
        .map(PathBuf::as_path)
        .chain([file])
        .filter_map(|path| Door::of(ledger, path).ready().err())
        .collect()
}

/// Why the seed file `path` cannot be written: a link on the way to it, in the project
/// folder `root` (a stranger's repository can ship `seeds` as a link to anywhere), a file
/// where a folder should be, or a read-only folder. The folders yet to be made are made
/// inside the last that exists, so nothing it writes can land outside `root`.
fn seed_refusal(root: &Path, path: &Path) -> Option<EditError> {
    let Ok(relative) = path.strip_prefix(root) else {
        return Some(EditError::OutsideFolder {
            path: path.to_path_buf(),
            folder: root.to_path_buf(),
        });
    };
    let mut at = root.to_path_buf();
    let mut parts = relative.components().peekable();
    while let Some(part) = parts.next() {
        let std::path::Component::Normal(name) = part else {
            return Some(EditError::OutsideFolder {
                path: path.to_path_buf(),
                folder: root.to_path_buf(),
            });
        };
        let folder = at.clone();
        at.push(name);
        let last = parts.peek().is_none();
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Some(EditError::SymbolicLink {
                    target: std::fs::read_link(&at).unwrap_or_default(),
                    path: at,
                });
            }
            Ok(meta) if (last && !meta.is_file()) || (!last && !meta.is_dir()) => {
                return Some(EditError::NotARegularFile(at));
            }
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return read_only(&folder);
            }
            Err(source) => return Some(EditError::Io { path: at, source }),
        }
    }
    // The file is there (the same text is kept; another is refused by the check).
    None
}

/// A folder whose mode forbids writing, where a new file or folder would go.
fn read_only(folder: &Path) -> Option<EditError> {
    std::fs::metadata(folder)
        .is_ok_and(|meta| meta.permissions().readonly())
        .then(|| EditError::ReadOnly(folder.to_path_buf()))
}

/// Writes the article's text as a new file; the same text already there is kept.
fn write_seed(path: &Path, text: &str) -> Result<(), EditError> {
    let io = |source| EditError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(io)?;
    }
    match create_unchecked(path, text.as_bytes()) {
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            if std::fs::read(path).map_err(io)? == text.as_bytes() {
                Ok(())
            } else {
                Err(EditError::AlreadyExists(path.to_path_buf()))
            }
        }
        done => done.map_err(io),
    }
}

/// A write that failed part way, with what had been written before it.
#[derive(Debug, thiserror::Error)]
#[error("{error}{}", already(.written))]
pub struct AcceptError {
    pub written: Vec<String>,
    pub error: EditError,
}

fn already(written: &[String]) -> String {
    if written.is_empty() {
        String::new()
    } else {
        format!(" (already written: {})", written.join(", "))
    }
}
