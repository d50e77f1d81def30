//! What every view reads: the ledger, the data cached from it, today, the selection and the
//! folder's repository, borrowed for one frame (as rerun's `ViewerContext`).

use chrono::NaiveDate;

use crate::app::derived::Derived;
use crate::app::repository::Repository;
use crate::ledger::{Ledger, Problem};

pub struct ViewCtx<'a> {
    pub ledger: &'a Ledger,
    pub derived: &'a Derived,
    pub today: NaiveDate,
    /// The selected forecast's entry index.
    pub selected: Option<usize>,
    /// The folder's git repository (hidden when the folder is in none).
    pub repository: &'a Repository,
}

impl ViewCtx<'_> {
    /// The problems git knows of (unmerged files, a driver that cannot run), as of the
    /// last status snapshot.
    pub fn merge_problems(&self) -> &[Problem] {
        self.repository
            .snapshot
            .as_ref()
            .map_or(&[], |snapshot| snapshot.merge_problems.as_slice())
    }
}
