//! Running an [`Effect`]: the one place that writes and calls git. A write is checked and
//! written by `write.rs`; here, whatever the write, its undo is recorded, the views are
//! told what to show, the status bar what to say, and the folder reloaded once — or, when
//! a check refused it, nothing is reloaded. Commit, pull and push run in the background
//! (`repository.rs`); how they ended is shown here too.

use super::action::{Effect, ViewChange};
use super::hindsight_app::HindsightApp;
use super::navigate::navigate;
use super::repository::{Finished, Operation};
use super::state::Tab;
use super::write::{Unwritten, WriteResult, undo, write};

impl HindsightApp {
    pub(super) fn run_effect(&mut self, effect: Effect, ctx: &egui::Context) {
        let Some(session) = &mut self.session else {
            return;
        };
        match effect {
            Effect::Write(request) => {
                let result = write(*request, &mut session.ledger);
                self.finish_write(result, ctx);
            }
            Effect::Undo => {
                let Some(step) = self.undo.pop() else {
                    return self.info("Nothing to undo");
                };
                let result = undo(&session.ledger, &step);
                self.finish_write(result, ctx);
            }
            Effect::GitSetup => self.git_setup(),
            Effect::Commit(message) => session.repository.commit(message, ctx),
            Effect::Pull => session.repository.pull(ctx),
            Effect::Push => session.repository.push(ctx),
        }
    }

    /// After a write, or a write refused: the same for every one.
    fn finish_write(&mut self, result: WriteResult, ctx: &egui::Context) {
        match result {
            Ok(written) => {
                self.undo.extend(written.undo);
                self.show(written.then);
                self.info(written.message);
                self.reload(ctx);
            }
            Err(Unwritten::Refused { show, error }) => {
                self.show(show);
                if let Some(error) = error {
                    self.error(error);
                }
            }
            Err(Unwritten::Failed { show, error }) => {
                self.show(show);
                self.error(error);
                self.reload(ctx);
            }
        }
    }

    fn show(&mut self, changes: Vec<ViewChange>) {
        for change in changes {
            navigate(&mut self.ui, change);
        }
    }

    /// Routes this clone's ledger files to the merge driver, at once: it is two small
    /// writes to git's config and `.gitattributes`.
    fn git_setup(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        let done = std::env::current_exe()
            .map_err(|error| error.to_string())
            .and_then(|program| crate::git::setup(&session.dir, &program));
        match done {
            Ok(setup) => {
                session.git_setup_needed = false;
                let commit = if setup.attributes_added {
                    "; commit .gitattributes so the others get it"
                } else {
                    ""
                };
                self.info(format!("Ledger files now merge by record id{commit}"));
            }
            Err(error) => self.error(format!("Could not set up merging: {error}")),
        }
    }

    /// A commit, pull or push ended: say how, and show what a pull brought in.
    pub(super) fn git_finished(&mut self, finished: Finished, ctx: &egui::Context) {
        let message = match finished.result {
            Ok(message) => message,
            Err(error) => return self.error(error),
        };
        if finished.operation == Operation::Pull {
            self.reload(ctx);
        }
        let disputes = self.ledger().map_or(0, |ledger| ledger.disputes.len());
        // A pull that left disputes shows them, the first one in the detail panel.
        if finished.conflicts {
            self.ui.tab = Tab::Problems;
            if let Some(first) = self.ledger().and_then(|l| l.disputes.first()) {
                self.ui.selected = Some(first.id.clone());
            }
        }
        match disputes {
            0 => self.info(message),
            1 => self.info(format!("{message} · 1 dispute to settle, then commit")),
            n => self.info(format!("{message} · {n} disputes to settle, then commit")),
        }
    }
}
