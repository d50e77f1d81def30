//! Each [`Write`] checked against the ledger and written through the library (one-block
//! edits, record inserts and deletes). What a write returns says what to show and what
//! undoes it; recording the undo, showing and reloading are done by the one place that
//! runs writes (`effects.rs`), the same for every write.

use crate::ledger::{Door, QuestionOver};
use std::path::Path;
use std::sync::Arc;

use crate::draft::{
    FieldProblem, ForecastDraft, PersonDraft, ScenarioDraft, SourceDraft, check_forecast,
    check_person, check_scenario, check_source,
};
use crate::intake::accept::Acceptance;
use crate::ledger::Change;
use crate::ledger::EditError;
use crate::ledger::Side;
use crate::ledger::{Ledger, Outcome, PEOPLE_FILE, Resolution, ScenarioFile, Verdict};

use super::action::{Added, ViewChange, Write};
use super::state::{OutcomeForm, VerdictReplacement};
use super::undo::UndoStep;

/// A write done.
pub struct Written {
    /// What the status bar says.
    pub message: String,
    /// What writes it back (new scenarios, sources and people are not undone).
    pub undo: Option<UndoStep>,
    /// What the views show afterwards: the form closed, the forecast selected…
    pub then: Vec<ViewChange>,
}

/// A write not done, and where to say why.
pub enum Unwritten {
    /// A check refused it before anything was written: the view shows why (`show`), and the
    /// status bar too when there is an `error`. Nothing changed on disk: no reload.
    Refused {
        show: Vec<ViewChange>,
        error: Option<String>,
    },
    /// The write was tried and failed: the status bar says why, and the folder is reloaded,
    /// since it may have changed under the app.
    Failed {
        show: Vec<ViewChange>,
        error: String,
    },
}

pub type WriteResult = Result<Written, Unwritten>;

impl Unwritten {
    fn shown(show: ViewChange) -> Unwritten {
        Unwritten::Refused {
            show: vec![show],
            error: None,
        }
    }

    fn said(error: impl Into<String>) -> Unwritten {
        Unwritten::Refused {
            show: Vec::new(),
            error: Some(error.into()),
        }
    }

    fn failed(error: impl ToString) -> Unwritten {
        Unwritten::Failed {
            show: Vec::new(),
            error: error.to_string(),
        }
    }

    fn fields(problems: Vec<FieldProblem>) -> Unwritten {
        Unwritten::shown(ViewChange::FormProblems(problems))
    }
}

/// Checks and writes `request` into the folder `ledger` was loaded from.
pub fn write(request: Write, ledger: &mut Arc<Ledger>) -> WriteResult {
    match request {
        Write::Verdict {
            id,
            verdict,
            form,
            judge,
        } => record_verdict(ledger, &id, verdict, &form, &judge),
        Write::QuestionVerdict {
            path,
            id,
            verdict,
            form,
            judge,
        } => record_question_verdict(ledger, &path, &id, verdict, &form, &judge),
        Write::ReplaceVerdict(asked) => {
            let change = Change::ReplaceOutcome(Outcome::Resolved(asked.proposed));
            write_outcome(ledger, &asked.id, &asked.path, asked.fingerprint, &change)
        }
        Write::Forecast {
            file,
            draft,
            editing,
        } => save_forecast(ledger, &file, &draft, editing.as_deref()),
        Write::DeleteForecast(id) => delete(ledger, &id),
        Write::Scenario(draft) => save_scenario(ledger, &draft),
        Write::Source { file, draft } => save_source(ledger, &file, &draft),
        Write::Person(draft) => save_person(ledger, &draft),
        Write::Acceptance { file, acceptance } => save_acceptance(ledger, &file, &acceptance),
        Write::SettleDispute { path, id, text } => settle_dispute(ledger, &path, &id, &text),
        Write::KeepSide { path, id, side } => keep(ledger, &path, &id, side),
        Write::Import(plan) => save_import(ledger, &plan),
    }
}

/// Writes back an undo step.
pub fn undo(ledger: &Ledger, step: &UndoStep) -> WriteResult {
    match step.write_back(ledger) {
        Ok(()) => Ok(Written {
            message: format!("Undid: {}", step.describe()),
            undo: None,
            then: Vec::new(),
        }),
        Err(error) => Err(Unwritten::failed(format!("Could not undo: {error}"))),
    }
}

/// The outcome a verdict form asks for: reopening (`None`), or the verdict with its date,
/// which must be a date (the problem to show, if not); the rest is optional.
fn asked_outcome(
    verdict: Option<Verdict>,
    form: &OutcomeForm,
    judge: &str,
) -> Result<Outcome, String> {
    let Some(verdict) = verdict else {
        return Ok(Outcome::Open);
    };
    let Ok(on) = form.on.trim().parse() else {
        return Err(format!(
            "'{}' is not a date: use YYYY-MM-DD",
            form.on.trim()
        ));
    };
    let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    Ok(Outcome::Resolved(Resolution {
        verdict,
        on,
        judge: optional(judge),
        evidence: optional(&form.evidence),
        link: optional(&form.link),
    }))
}

/// A verdict from a forecast's verdict form.
fn record_verdict(
    ledger: &Ledger,
    id: &str,
    verdict: Option<Verdict>,
    form: &OutcomeForm,
    judge: &str,
) -> WriteResult {
    let outcome = asked_outcome(verdict, form, judge)
        .map_err(|problem| Unwritten::shown(ViewChange::VerdictProblem(Some(problem))))?;
    let Some(entry) = ledger.find(id) else {
        return Err(Unwritten::Refused {
            show: vec![ViewChange::VerdictProblem(None)],
            error: Some(format!("No forecast {id} in this folder any more")),
        });
    };
    let view = ledger.view(entry);
    let (path, fingerprint) = (view.file.path.clone(), view.entry.fingerprint);
    // A forecast on a question is judged by the question: the verdict goes there, and
    // judges every forecast on it.
    if let Some(on) = &view.forecast.question {
        return write_question_outcome(
            ledger,
            on.id(),
            &path,
            &outcome,
            ViewChange::VerdictProblem,
        );
    }
    write_outcome(ledger, id, &path, fingerprint, &Change::SetOutcome(outcome))
}

/// A verdict from a question page's verdict form.
fn record_question_verdict(
    ledger: &Ledger,
    path: &Path,
    id: &str,
    verdict: Option<Verdict>,
    form: &OutcomeForm,
    judge: &str,
) -> WriteResult {
    let outcome = asked_outcome(verdict, form, judge)
        .map_err(|problem| Unwritten::shown(ViewChange::QuestionVerdictProblem(Some(problem))))?;
    write_question_outcome(
        ledger,
        id,
        path,
        &outcome,
        ViewChange::QuestionVerdictProblem,
    )
}

/// Resolves or reopens question `question` of the file at `path`. A verdict over another
/// is refused with the way to replace it (reopen first), not replaced. `problem` is where
/// the form that asked shows a problem.
fn write_question_outcome(
    ledger: &Ledger,
    question: &str,
    path: &Path,
    outcome: &Outcome,
    problem: fn(Option<String>) -> ViewChange,
) -> WriteResult {
    match Door::of(ledger, path).edit_question(question, outcome, QuestionOver::NoOtherVerdict) {
        Ok(written) => {
            let message = match written.after.outcome.verdict() {
                Some(verdict) => format!(
                    "Resolved question {question} as {verdict}: every forecast on it is judged by it"
                ),
                None => format!("Reopened question {question}"),
            };
            let undo = written.changed.then(|| UndoStep::QuestionOutcome {
                path: path.to_path_buf(),
                id: question.to_string(),
                previous: written.before.outcome.clone(),
                written: written.after.outcome.clone(),
            });
            Ok(Written {
                message,
                undo,
                then: vec![ViewChange::ClearVerdictForm],
            })
        }
        Err(EditError::AlreadyResolved { current, .. }) => {
            Err(Unwritten::shown(problem(Some(format!(
                "question {question} already has a verdict ({} on {}): reopen it first to change it",
                current.verdict, current.on
            )))))
        }
        Err(EditError::Invalid(invalid)) => Err(Unwritten::shown(problem(Some(invalid.message)))),
        Err(error) => Err(Unwritten::Failed {
            show: vec![problem(None)],
            error: error.to_string(),
        }),
    }
}

/// Writes a verdict (or reopens); a verdict over another is first put to the user.
fn write_outcome(
    ledger: &Ledger,
    id: &str,
    path: &Path,
    fingerprint: u64,
    change: &Change,
) -> WriteResult {
    // Whatever happens next, an earlier complaint about the form no longer holds.
    let cleared = ViewChange::VerdictProblem(None);
    match Door::of(ledger, path).edit_forecast(id, Some(fingerprint), change) {
        Ok(written) => {
            let message = match (
                written.before.outcome.verdict(),
                written.after.outcome.verdict(),
            ) {
                (Some(before), Some(after)) if written.changed => {
                    format!("Replaced the verdict on {id} ({before}) with {after}")
                }
                (_, Some(verdict)) => format!("Resolved {id} as {verdict}"),
                (_, None) => format!("Reopened {id}"),
            };
            let undo = written.changed.then(|| UndoStep::Outcome {
                path: written.path,
                id: id.to_string(),
                previous: written.before.outcome,
                fingerprint: written.fingerprint,
            });
            Ok(Written {
                message,
                undo,
                then: vec![ViewChange::ClearVerdictForm],
            })
        }
        Err(EditError::AlreadyResolved {
            current, proposed, ..
        }) => Err(Unwritten::Refused {
            show: vec![
                cleared,
                ViewChange::AskReplaceVerdict(VerdictReplacement {
                    id: id.to_string(),
                    path: path.to_path_buf(),
                    fingerprint,
                    current: *current,
                    proposed: *proposed,
                }),
            ],
            error: None,
        }),
        // The verdict breaks a rule (dated before the forecast, or in the future): say
        // so next to the verdict buttons, where it can be corrected.
        Err(EditError::Invalid(problem)) => Err(Unwritten::shown(ViewChange::VerdictProblem(
            Some(problem.message),
        ))),
        Err(error) => Err(Unwritten::Failed {
            show: vec![cleared],
            error: error.to_string(),
        }),
    }
}

/// The scenario file a form names, if it is still in the folder: a reload may have
/// removed it while the form was open. When it is gone the user is told, and the form
/// stays open with what was typed.
fn form_file<'a>(ledger: &'a Ledger, path: &Path) -> Result<&'a ScenarioFile, Unwritten> {
    match ledger.scenario_file(path) {
        Some(file) => Ok(file),
        None => Err(Unwritten::said(format!(
            "{} is no longer in the folder: choose another scenario",
            path.display()
        ))),
    }
}

/// The forecast form: a new forecast inserted, or the one edited replaced in its block.
fn save_forecast(
    ledger: &Ledger,
    file: &Path,
    draft: &ForecastDraft,
    editing: Option<&str>,
) -> WriteResult {
    form_file(ledger, file)?;
    let existing = editing
        .and_then(|id| ledger.find(id))
        .map(|entry| ledger.view(entry));
    let outcome = existing.map_or(Outcome::Open, |view| view.forecast.outcome.clone());
    let forecast =
        check_forecast(ledger, file, draft, editing, outcome).map_err(Unwritten::fields)?;
    let step = match existing {
        Some(view) if view.file.path != file => {
            return Err(Unwritten::fields(vec![FieldProblem {
                field: "scenario",
                message: "a forecast cannot move to another scenario; delete it and add it there"
                    .into(),
            }]));
        }
        Some(view) => Door::of(ledger, &view.file.path)
            .edit_forecast(
                &forecast.id,
                Some(view.entry.fingerprint),
                &Change::Replace(Box::new(forecast.clone())),
            )
            .map(|written| UndoStep::Edit {
                path: written.path,
                previous: Box::new(view.forecast.clone()),
                fingerprint: written.fingerprint,
            }),
        None => Door::of(ledger, file)
            .insert_forecast(&forecast, None)
            .map(|inserted| UndoStep::Insert {
                path: inserted.path,
                id: inserted.forecast.id.clone(),
                fingerprint: inserted.fingerprint,
            }),
    }
    .map_err(Unwritten::failed)?;
    let verb = if editing.is_some() { "Saved" } else { "Added" };
    Ok(Written {
        message: format!("{verb} {}", forecast.id),
        undo: Some(step),
        then: vec![
            ViewChange::CloseForm,
            ViewChange::Select(Some(forecast.id.clone())),
        ],
    })
}

fn delete(ledger: &Ledger, id: &str) -> WriteResult {
    // Gone already (a reload): nothing to delete, nothing to say.
    let Some(entry) = ledger.find(id) else {
        return Err(Unwritten::Refused {
            show: Vec::new(),
            error: None,
        });
    };
    let view = ledger.view(entry);
    let deleted = Door::of(ledger, &view.file.path)
        .delete_forecast(id, Some(view.entry.fingerprint))
        .map_err(Unwritten::failed)?;
    Ok(Written {
        message: format!("Deleted {id} (Ctrl+Z to undo)"),
        undo: Some(UndoStep::Delete {
            path: deleted.path,
            forecast: Box::new(deleted.forecast),
            index: deleted.index,
        }),
        then: vec![ViewChange::Forget(id.to_string())],
    })
}

fn save_scenario(ledger: &Ledger, draft: &ScenarioDraft) -> WriteResult {
    let scenario = check_scenario(ledger, draft).map_err(Unwritten::fields)?;
    let door = Door::new_scenario(ledger, &scenario.id);
    door.create_scenario(&scenario).map_err(Unwritten::failed)?;
    Ok(closing_the_form(
        format!("Created {}", door.path().display()),
        None,
    ))
}

fn save_source(ledger: &Ledger, file: &Path, draft: &SourceDraft) -> WriteResult {
    let scenario = form_file(ledger, file)?;
    let draft = draft.with_suggested_id(&scenario.scenario.sources);
    let source = check_source(ledger, file, &draft).map_err(Unwritten::fields)?;
    Door::of(ledger, file)
        .insert_source(&source)
        .map_err(Unwritten::failed)?;
    let added = Added::Source {
        id: source.id.clone(),
        published: source.published,
    };
    Ok(closing_the_form(
        format!("Added source {}", source.id),
        Some(added),
    ))
}

fn save_person(ledger: &Ledger, draft: &PersonDraft) -> WriteResult {
    let draft = draft.with_suggested_id(ledger);
    let person = check_person(ledger, &draft).map_err(Unwritten::fields)?;
    Door::people(ledger)
        .insert_person(&person)
        .map_err(Unwritten::failed)?;
    let added = Added::Person {
        id: person.id.clone(),
    };
    Ok(closing_the_form(
        format!("Added {} to {PEOPLE_FILE}", person.name),
        Some(added),
    ))
}

/// A new scenario, source or person: a form put aside for it takes the source or person,
/// and the form closes (bringing that one back); there is no undo.
fn closing_the_form(message: String, added: Option<Added>) -> Written {
    let mut then: Vec<ViewChange> = added.map(ViewChange::Added).into_iter().collect();
    then.push(ViewChange::CloseForm);
    Written {
        message,
        undo: None,
        then,
    }
}

/// Writes an accepted candidate: its forecast, and the person, source and seed file it
/// needs. The article then reads as cited by the folder, from its saved seed.
fn save_acceptance(ledger: &mut Arc<Ledger>, file: &Path, acceptance: &Acceptance) -> WriteResult {
    form_file(ledger, file)?;
    let checked =
        crate::intake::accept::check(ledger, file, acceptance).map_err(Unwritten::fields)?;
    // The write takes in the new person; other holders of the ledger (a background task)
    // keep theirs, and the reload that follows replaces this one.
    let saved = crate::intake::accept::save(Arc::make_mut(ledger), file, checked)
        .map_err(Unwritten::failed)?;
    let id = saved.inserted.forecast.id.clone();
    let mut then = vec![ViewChange::CloseForm, ViewChange::Select(Some(id.clone()))];
    then.extend(
        saved
            .seed
            .as_ref()
            .map(|seed| ViewChange::ArticleSavedAs(seed.display().to_string())),
    );
    let mut also: Vec<String> = Vec::new();
    also.extend(saved.person.map(|person| format!("person {person}")));
    also.extend(saved.source.map(|source| format!("source {source}")));
    also.extend(saved.seed.map(|seed| seed.display().to_string()));
    let also = if also.is_empty() {
        String::new()
    } else {
        format!(" with {}", also.join(", "))
    };
    Ok(Written {
        message: format!("Added {id}{also}"),
        undo: Some(UndoStep::Insert {
            path: saved.inserted.path,
            id,
            fingerprint: saved.inserted.fingerprint,
        }),
        then,
    })
}

/// A version of one's own for a disputed record: refused (and said by the editor) when it
/// does not read as a record, and then nothing is written.
fn settle_dispute(ledger: &Ledger, path: &Path, id: &str, text: &str) -> WriteResult {
    match Door::of(ledger, path).settle_with(id, text) {
        Ok(()) => Ok(Written {
            message: format!("Settled {id} with the version written"),
            undo: None,
            then: vec![ViewChange::CancelDisputeEdit],
        }),
        Err(error) => Err(Unwritten::Refused {
            show: vec![ViewChange::DisputeProblem(error.to_string())],
            error: Some(error.to_string()),
        }),
    }
}

fn keep(ledger: &Ledger, path: &Path, id: &str, side: Side) -> WriteResult {
    Door::of(ledger, path)
        .keep_side(id, side)
        .map_err(Unwritten::failed)?;
    let which = if side == Side::Theirs { "their" } else { "our" };
    Ok(Written {
        message: format!("Kept {which} version of {id}"),
        undo: None,
        then: Vec::new(),
    })
}

/// Writes an import the Import window previewed: new people, then the scenario's records.
fn save_import(ledger: &mut Arc<Ledger>, plan: &crate::import::Plan) -> WriteResult {
    crate::import::apply(Arc::make_mut(ledger), plan).map_err(Unwritten::failed)?;
    Ok(Written {
        message: format!(
            "Imported {} forecast{} into {}",
            plan.forecasts.len(),
            crate::prose::plural(plan.forecasts.len()),
            plan.path.display()
        ),
        undo: None,
        then: vec![ViewChange::CloseImport],
    })
}
