//! The whole window: which panels and windows show, in what order, and what each is given.
//! One small function per panel; the views themselves are in their own files.

use std::path::Path;

use chrono::NaiveDate;
use egui::{Key, Modifiers, Ui};

use super::context::ViewCtx;
use super::{
    article, detail, dispute, filter_bar, forecaster, forecasts, forms, git, import, menu,
    overview, problems, publish, questions, timeline, track_records,
};
use crate::app::action::{Action, ViewChange};
use crate::app::command::{Availability, UiCommand};
use crate::app::derived::Derived;
use crate::app::session::Session;
use crate::app::settings::Settings;
use crate::app::state::{Status, Tab, ViewState};
use crate::ledger::DisputedRecord;
use crate::ledger::LoadProgress;

/// The app as the window draws it, borrowed for one frame. Views read all of it and edit
/// only the text typed into fields (in the view state, and the judge's name in the
/// settings); everything else they return as actions.
pub struct AppView<'a> {
    pub session: Option<&'a Session>,
    pub derived: &'a Derived,
    pub state: &'a mut ViewState,
    pub settings: &'a mut Settings,
    pub status: &'a Status,
    /// A folder loading in the background, and how far it has got.
    pub opening: Option<(&'a Path, &'a LoadProgress)>,
    pub reading_article: bool,
    pub can_undo: bool,
    pub today: NaiveDate,
}

/// Draws the whole window.
pub fn app_ui(ui: &mut Ui, app: AppView, actions: &mut Vec<Action>) {
    let AppView {
        session,
        derived,
        state,
        settings,
        status,
        opening,
        reading_article,
        can_undo,
        today,
    } = app;
    let now = Availability { session, can_undo };
    shortcuts(ui, now, state.form.is_some(), actions);
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar(ui, now, settings, actions));
    egui::Panel::bottom("status").show(ui, |ui| {
        menu::status_bar(ui, session, derived.visible.len(), status)
    });
    if let Some((folder, progress)) = opening {
        egui::Panel::top("opening").show(ui, |ui| menu::loading(ui, folder, progress));
    }
    let Some(session) = session else {
        egui::CentralPanel::default().show(ui, |ui| {
            if opening.is_none() {
                menu::welcome(ui, settings, state.missing_folder.as_deref(), actions);
            }
        });
        forms::open_folder_window(ui.ctx(), &mut state.open_folder, settings, actions);
        return;
    };
    let ledger = &*session.ledger;
    let ctx = ViewCtx {
        ledger,
        derived,
        today,
        selected: state.selected.as_deref().and_then(|id| ledger.find(id)),
        repository: &session.repository,
    };
    bars_ui(ui, &ctx, session, state, actions);
    // A disputed forecast is not among the entries: its detail is the dispute.
    let disputed = match (ctx.selected, state.selected.as_deref()) {
        (None, Some(id)) => ledger.disputes.iter().find(|d| d.id == id),
        _ => None,
    };
    if let Some(dispute) = disputed {
        dispute_panel(ui, &ctx, dispute, state, actions);
    }
    if let Some(entry) = ctx.selected {
        detail_panel(ui, &ctx, entry, state, &mut settings.judge, actions);
    }
    let open_dispute = disputed.map(|dispute| dispute.id.as_str());
    egui::CentralPanel::default().show(ui, |ui| {
        tab_ui(ui, &ctx, state, &mut settings.judge, open_dispute, actions)
    });
    windows_ui(ui.ctx(), &ctx, session, state, reading_article, actions);
    forms::open_folder_window(ui.ctx(), &mut state.open_folder, settings, actions);
}

/// The bars above and below the tab shown: git's status line, the tabs, the offer to set
/// up merging, the filter.
fn bars_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    session: &Session,
    state: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    if !session.repository.absent {
        egui::Panel::bottom("git").show(ui, |ui| git::git_bar(ui, &session.repository, actions));
    }
    egui::Panel::top("tabs").show(ui, |ui| menu::tabs(ui, ctx, state.tab, actions));
    if session.git_setup_needed {
        egui::Panel::top("git-setup").show(ui, |ui| menu::git_setup_offer(ui, actions));
    }
    if state.tab.has_filter() {
        egui::Panel::top("filters").show(ui, |ui| {
            filter_bar::filter_bar(
                ui,
                ctx,
                &state.filter,
                state.only.as_ref().map(|(label, _)| label.as_str()),
                &mut state.filter_bar,
                state.focus_search,
                actions,
            )
        });
    }
}

/// The detail of a disputed forecast: wider than a forecast's, two versions side by side.
fn dispute_panel(
    ui: &mut Ui,
    ctx: &ViewCtx,
    dispute: &DisputedRecord,
    state: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let problem = ctx
        .ledger
        .problems
        .iter()
        .find(|p| p.path == dispute.path && p.position == dispute.position)
        .map(|p| p.message.as_str());
    egui::Panel::right("dispute-detail")
        .default_size(640.0)
        .min_size(400.0)
        .resizable(true)
        .show(ui, |ui| {
            dispute::dispute_detail_ui(ui, dispute, problem, &mut state.dispute_edit, actions)
        });
}

/// The selected forecast's detail, with its verdict form.
fn detail_panel(
    ui: &mut Ui,
    ctx: &ViewCtx,
    entry: usize,
    state: &mut ViewState,
    judge: &mut String,
    actions: &mut Vec<Action>,
) {
    egui::Panel::right("detail")
        .default_size(440.0)
        .min_size(300.0)
        .resizable(true)
        .show(ui, |ui| {
            detail::detail_ui(ui, ctx, entry, &mut state.outcome_form, judge, actions)
        });
}

/// The tab shown in the middle.
fn tab_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    state: &mut ViewState,
    judge: &mut String,
    open_dispute: Option<&str>,
    actions: &mut Vec<Action>,
) {
    match state.tab {
        Tab::Overview => overview::overview_ui(ui, ctx, actions),
        Tab::Forecasts => forecasts::forecasts_ui(
            ui,
            ctx,
            (state.sort, state.ascending),
            state.scroll_to_selected,
            actions,
        ),
        Tab::TrackRecords => match &state.forecaster {
            Some(name) => {
                forecaster::forecaster_ui(ui, ctx, name, state.compare_with.as_deref(), actions)
            }
            None => track_records::track_records_ui(ui, ctx, state.leaderboard, actions),
        },
        Tab::Questions => questions::questions_ui(
            ui,
            ctx,
            state.question.as_deref(),
            &mut state.question_form,
            judge,
            actions,
        ),
        Tab::Timeline => timeline::timeline_ui(
            ui,
            ctx,
            state.timeline_grouping,
            state.timeline_span,
            actions,
        ),
        Tab::Problems => {
            problems::problems_ui(ui, ctx, open_dispute, &mut state.dispute_edit, actions)
        }
    }
}

/// The windows and dialogs over the views: a form, the article, the commit dialog, the
/// questions asked before a delete or a verdict over another.
fn windows_ui(
    egui_ctx: &egui::Context,
    ctx: &ViewCtx,
    session: &Session,
    state: &mut ViewState,
    reading_article: bool,
    actions: &mut Vec<Action>,
) {
    if let Some(form) = &mut state.form {
        forms::form_window(egui_ctx, ctx, form, actions);
        if state.confirm_discard {
            forms::discard_confirmation(egui_ctx, actions);
        }
    }
    if let Some(dialog) = &mut state.import {
        import::import_window(egui_ctx, dialog, actions);
    }
    if let Some(folder) = &mut state.publish {
        publish::publish_window(egui_ctx, folder, ctx.derived.visible.len(), actions);
    }
    if let Some(ask) = &mut state.article_ask {
        article::ask_window(egui_ctx, ask, reading_article, actions);
    }
    if let Some(view) = &mut state.article {
        // While a form is open, Enter and Delete are the form's.
        let keys = state.form.is_none();
        article::article_window(egui_ctx, view, keys, actions);
    }
    if let Some(form) = &mut state.commit {
        let snapshot = session.repository.snapshot.as_ref();
        git::commit_window(egui_ctx, snapshot, &mut form.message, actions);
    }
    if let Some(id) = &state.confirm_delete {
        forms::delete_confirmation(egui_ctx, ctx, id, actions);
    }
    if let Some(asked) = &state.confirm_verdict {
        detail::verdict_replacement_ui(egui_ctx, asked, actions);
    }
}

/// Keyboard shortcuts that work everywhere: the commands' own (see [`UiCommand`]), Esc and
/// Alt+1…6 for the tabs.
fn shortcuts(ui: &mut Ui, now: Availability, form_open: bool, actions: &mut Vec<Action>) {
    // While a text field has the keyboard, Esc and some commands belong to it.
    let typing = ui.ctx().text_edit_focused();
    ui.input_mut(|input| {
        for command in UiCommand::WITH_SHORTCUTS {
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            if (typing && !command.works_while_typing()) || !command.enabled(now) {
                continue;
            }
            if input.consume_shortcut(&shortcut) {
                actions.push(command.action());
            }
        }
        if !typing && input.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push(if form_open {
                ViewChange::AskCloseForm.into()
            } else {
                ViewChange::Select(None).into()
            });
        }
    });
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ];
    for (tab, key) in Tab::ALL.into_iter().zip(keys) {
        if ui.input_mut(|input| input.consume_key(Modifiers::ALT, key)) {
            actions.push(ViewChange::ShowTab(tab).into());
        }
    }
}
