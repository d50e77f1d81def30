//! Applying a [`ViewChange`]: a pure function of the view state — no file, no git, no egui
//! context — so what a click or a key does to the screen can be tested without a window.

use crate::query::Filter;

use crate::draft::PersonDraft;

use super::action::{Added, ViewChange};
use super::state::{
    CommitForm, DisputeEdit, FilterBarState, Form, OutcomeForm, ParkedForm, Tab, ViewState,
};

/// Changes `state` as `change` says. Returns what the status bar should say, for the few
/// changes worth a word.
pub fn navigate(state: &mut ViewState, change: ViewChange) -> Option<String> {
    match change {
        ViewChange::Select(id) => {
            state.selected = id;
            state.scroll_to_selected = true;
        }
        ViewChange::ScrolledToSelected => state.scroll_to_selected = false,
        ViewChange::ShowTab(tab) => state.tab = tab,
        ViewChange::ShowForecaster(name) => {
            if state.forecaster.as_ref() != Some(&name) {
                state.compare_with = None;
            }
            state.forecaster = Some(name);
            state.tab = Tab::TrackRecords;
        }
        ViewChange::ShowAllForecasters => state.forecaster = None,
        ViewChange::CompareWith(other) => state.compare_with = other,
        ViewChange::ShowQuestion(id) => {
            state.question = Some(id);
            state.tab = Tab::Questions;
        }
        ViewChange::ShowAllQuestions => state.question = None,
        ViewChange::ShowOnly { label, ids } => {
            state.only = Some((label, ids));
            state.tab = Tab::Forecasts;
        }
        ViewChange::ClearOnly => state.only = None,
        ViewChange::SetFilter(filter) => state.filter = filter,
        ViewChange::ClearFilters => {
            state.filter = Filter::default();
            state.filter_bar = FilterBarState::default();
            state.only = None;
        }
        ViewChange::FocusSearch => {
            if !state.tab.has_filter() {
                state.tab = Tab::Forecasts;
            }
            state.focus_search = true;
        }
        ViewChange::SearchFocused => state.focus_search = false,
        ViewChange::Sort(key) => {
            if state.sort == key {
                state.ascending = !state.ascending;
            } else {
                state.sort = key;
                state.ascending = true;
            }
        }
        ViewChange::SortLeaderboard(column) => {
            state.leaderboard = state.leaderboard.clicked(column);
        }
        ViewChange::GroupTimeline(grouping) => state.timeline_grouping = grouping,
        ViewChange::TimelineSpan(span) => state.timeline_span = span,
        ViewChange::KeepVerdict => {
            let asked = state.confirm_verdict.take()?;
            return Some(format!("Kept the verdict on {}", asked.id));
        }
        ViewChange::CloseVerdictQuestion => state.confirm_verdict = None,
        ViewChange::CloseFolderWindow => state.open_folder = None,
        ViewChange::AskImport => {
            state.import.get_or_insert_with(Default::default);
        }
        ViewChange::CloseImport => state.import = None,
        ViewChange::AskPublish => {
            state.publish.get_or_insert_with(String::new);
        }
        ViewChange::ClosePublish => state.publish = None,
        ViewChange::ImportPreviewed(preview) => {
            if let Some(dialog) = &mut state.import {
                dialog.preview = Some(*preview);
            }
        }
        ViewChange::AskArticle => {
            state.article_ask.get_or_insert_with(Default::default);
        }
        ViewChange::SelectCandidate(index) => {
            if let Some(article) = &mut state.article {
                article.selected = index;
                article.scroll_to_selected = true;
            }
        }
        ViewChange::DismissCandidate(index) => dismiss_candidate(state, index),
        ViewChange::CloseArticle => {
            state.article = None;
            state.article_ask = None;
        }
        ViewChange::EditDispute { id, text } => {
            state.dispute_edit = Some(DisputeEdit {
                id,
                text,
                problem: None,
            });
        }
        ViewChange::CancelDisputeEdit => state.dispute_edit = None,
        // Empty, and so untouched: the app fills in the suggestion, and keeps it following
        // the repository until the user edits it.
        ViewChange::OpenCommit => state.commit = Some(CommitForm::default()),
        ViewChange::CloseCommit => state.commit = None,
        ViewChange::AskDelete(id) => state.confirm_delete = Some(id),
        ViewChange::CancelDelete => state.confirm_delete = None,
        ViewChange::NewScenario => {
            state.park_form(None);
            state.form = Some(Form::Scenario {
                draft: Default::default(),
                problems: Vec::new(),
            });
        }
        ViewChange::NewPerson => {
            // From a forecast's form, the person is the forecaster just typed.
            let typed = match &state.form {
                Some(Form::Forecast { draft, .. }) => draft.by.trim().to_string(),
                _ => String::new(),
            };
            state.park_form(None);
            state.form = Some(Form::Person {
                draft: PersonDraft {
                    name: typed,
                    ..Default::default()
                },
                problems: Vec::new(),
            });
        }
        ViewChange::Added(added) => fill_in_added(state, added),
        ViewChange::CloseForm => state.close_form(),
        ViewChange::AskCloseForm => {
            if state.form == state.form_opened {
                state.close_form();
            } else {
                state.confirm_discard = true;
            }
        }
        ViewChange::KeepForm => state.confirm_discard = false,
        ViewChange::Forget(id) => {
            if state.selected.as_deref() == Some(id.as_str()) {
                state.selected = None;
            }
            // A form editing the forecast has nothing left to edit.
            if state.form.as_ref().is_some_and(|form| form.edits(&id)) {
                state.form = None;
            }
        }
        ViewChange::ClearVerdictForm => {
            state.outcome_form = OutcomeForm::default();
            state.question_form = OutcomeForm::default();
        }
        ViewChange::ArticleSavedAs(seed) => {
            if let Some(article) = &mut state.article {
                article.origin = Some(seed);
            }
        }
        ViewChange::FormProblems(found) => {
            if let Some(form) = &mut state.form {
                *form.problems_mut() = found;
            }
        }
        ViewChange::FieldsEdited(names) => {
            // A problem said about a field no longer holds once the field changes: the
            // next save checks it afresh.
            if let Some(form) = &mut state.form {
                form.problems_mut()
                    .retain(|problem| !names.iter().any(|name| name == problem.field));
            }
        }
        ViewChange::VerdictProblem(problem) => state.outcome_form.problem = problem,
        ViewChange::QuestionVerdictProblem(problem) => state.question_form.problem = problem,
        ViewChange::AskReplaceVerdict(asked) => state.confirm_verdict = Some(asked),
        ViewChange::DisputeProblem(problem) => {
            if let Some(edit) = &mut state.dispute_edit {
                edit.problem = Some(problem);
            }
        }
    }
    None
}

/// Hides a candidate; the selection moves on to the next candidate still shown.
fn dismiss_candidate(state: &mut ViewState, index: usize) {
    let Some(article) = &mut state.article else {
        return;
    };
    if let Some(dismissed) = article.dismissed.get_mut(index) {
        *dismissed = true;
    }
    let shown = article.shown();
    article.selected = shown
        .iter()
        .copied()
        .find(|&i| i > index)
        .or(shown.last().copied())
        .unwrap_or(0);
    article.scroll_to_selected = true;
}

/// A source or person just added from a form opened from a forecast's form: the forecast
/// (put aside meanwhile) takes it, and *Made* follows a new source as it does a chosen one.
fn fill_in_added(state: &mut ViewState, added: Added) {
    let Some(ParkedForm {
        form: Form::Forecast { draft, .. },
        source_published,
        ..
    }) = state.parked.last_mut()
    else {
        return;
    };
    match added {
        Added::Source { id, published } => {
            draft.source = id;
            draft.follow_source(*source_published, Some(published));
            *source_published = Some(published);
        }
        Added::Person { id } => draft.by = id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::leaderboard::{LeaderboardColumn, LeaderboardSort};
    use crate::app::state::{ArticleView, VerdictReplacement};
    use crate::draft::FieldProblem;
    use crate::query::SortKey;

    fn state() -> ViewState {
        ViewState {
            ascending: true,
            ..ViewState::default()
        }
    }

    #[test]
    fn sorting_by_the_same_column_again_reverses_and_a_new_column_starts_ascending() {
        let mut state = state();
        navigate(&mut state, ViewChange::Sort(SortKey::Claim));
        assert_eq!((state.sort, state.ascending), (SortKey::Claim, true));
        navigate(&mut state, ViewChange::Sort(SortKey::Claim));
        assert_eq!((state.sort, state.ascending), (SortKey::Claim, false));
        navigate(&mut state, ViewChange::Sort(SortKey::Made));
        assert_eq!((state.sort, state.ascending), (SortKey::Made, true));

        navigate(
            &mut state,
            ViewChange::SortLeaderboard(LeaderboardColumn::Brier),
        );
        assert_eq!(
            state.leaderboard,
            LeaderboardSort {
                column: LeaderboardColumn::Brier,
                descending: true
            }
        );
    }

    #[test]
    fn a_chart_selection_shows_the_table_and_clearing_the_filters_drops_it() {
        let mut state = state();
        let ids = vec!["a".to_string(), "b".to_string()];
        navigate(
            &mut state,
            ViewChange::ShowOnly {
                label: "bin".into(),
                ids: ids.clone(),
            },
        );
        assert_eq!(state.tab, Tab::Forecasts);
        assert_eq!(state.only, Some(("bin".to_string(), ids)));
        state.filter_bar.from_text = "2022-01-01".into();
        navigate(&mut state, ViewChange::ClearFilters);
        assert_eq!(state.only, None);
        assert_eq!(state.filter_bar, FilterBarState::default());
    }

    #[test]
    fn ctrl_f_leaves_a_view_without_a_filter_for_the_table_and_asks_for_the_keyboard_once() {
        let mut state = state();
        navigate(&mut state, ViewChange::FocusSearch);
        assert_eq!((state.tab, state.focus_search), (Tab::Forecasts, true));
        navigate(&mut state, ViewChange::SearchFocused);
        assert!(!state.focus_search);

        state.tab = Tab::Timeline;
        navigate(&mut state, ViewChange::FocusSearch);
        assert_eq!(state.tab, Tab::Timeline, "the timeline has the filter bar");
    }

    #[test]
    fn forgetting_a_deleted_forecast_deselects_it_and_closes_the_form_editing_it() {
        let mut state = state();
        navigate(&mut state, ViewChange::Select(Some("gone".into())));
        assert!(state.scroll_to_selected);
        state.form = Some(Form::Forecast {
            file: "a.ron".into(),
            draft: Default::default(),
            editing: Some("gone".into()),
            problems: Vec::new(),
        });
        navigate(&mut state, ViewChange::Forget("other".into()));
        assert!(state.selected.is_some() && state.form.is_some());
        navigate(&mut state, ViewChange::Forget("gone".into()));
        assert!(state.selected.is_none() && state.form.is_none());
    }

    #[test]
    fn problems_go_to_the_open_form_and_keeping_a_verdict_is_said() {
        let mut state = state();
        navigate(&mut state, ViewChange::NewPerson);
        let problem = FieldProblem {
            field: "name",
            message: "a name is needed".into(),
        };
        navigate(&mut state, ViewChange::FormProblems(vec![problem.clone()]));
        assert_eq!(state.form.as_ref().unwrap().problems(), [problem]);

        let verdict = |verdict| crate::ledger::Resolution {
            verdict,
            on: chrono::NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(),
            judge: None,
            evidence: None,
            link: None,
        };
        state.confirm_verdict = Some(VerdictReplacement {
            id: "bo-minister-resigns".into(),
            path: "prices.ron".into(),
            fingerprint: 0,
            current: verdict(crate::ledger::Verdict::True),
            proposed: verdict(crate::ledger::Verdict::False),
        });
        assert_eq!(
            navigate(&mut state, ViewChange::KeepVerdict).as_deref(),
            Some("Kept the verdict on bo-minister-resigns")
        );
        assert_eq!(state.confirm_verdict, None);
        assert_eq!(
            navigate(&mut state, ViewChange::KeepVerdict),
            None,
            "asked once"
        );
    }

    #[test]
    fn dismissing_a_candidate_moves_the_selection_to_the_next_one_shown() {
        let candidate = crate::intake::Candidate {
            quote: "It will most likely rain.".into(),
            start: 0,
            end: 25,
            speaker: None,
            speaker_group: None,
            speaker_role: None,
            voice: "author",
            speaker_basis: "article's voice",
            person: None,
            expression: "most likely".into(),
            probability: Some(0.8),
            probability_stated: false,
            made_on: None,
            made_on_from: None,
            known: None,
        };
        let mut state = state();
        state.article = Some(ArticleView {
            candidates: vec![candidate; 3],
            dismissed: vec![false; 3],
            ..ArticleView::default()
        });
        navigate(&mut state, ViewChange::DismissCandidate(0));
        let article = state.article.as_ref().unwrap();
        assert_eq!((article.selected, article.shown()), (1, vec![1, 2]));
        navigate(&mut state, ViewChange::DismissCandidate(2));
        assert_eq!(state.article.as_ref().unwrap().selected, 1);
    }
}
