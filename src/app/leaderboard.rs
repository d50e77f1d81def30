//! The leaderboard's order: which column sorts it, which way, and the order that gives a
//! report's groups. Kept below the views and the cached data, since both use it (the
//! views to draw the headers, `derived` to sort once per change, not per frame).

use crate::report::TrackRecord;

/// How the leaderboard is ordered (the order itself is computed with the derived data).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeaderboardSort {
    pub column: LeaderboardColumn,
    pub descending: bool,
}

impl LeaderboardSort {
    /// A click on `column`'s header: sort by it, or reverse when it already sorts.
    pub fn clicked(self, column: LeaderboardColumn) -> LeaderboardSort {
        if self.column == column {
            LeaderboardSort {
                column,
                descending: !self.descending,
            }
        } else {
            LeaderboardSort {
                column,
                descending: false,
            }
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LeaderboardColumn {
    Name,
    Resolved,
    Scored,
    #[default]
    Brier,
    LogScore,
    HitRate,
}

/// The report's groups in leaderboard order; ties (and the name column) go by name.
pub fn leaderboard_order(groups: &[TrackRecord], sort: LeaderboardSort) -> Vec<usize> {
    let key = |r: &TrackRecord| -> f64 {
        match sort.column {
            LeaderboardColumn::Name => 0.0,
            LeaderboardColumn::Resolved => r.counts.resolved as f64,
            LeaderboardColumn::Scored => r.counts.scored as f64,
            LeaderboardColumn::Brier => r.brier.unwrap_or(f64::INFINITY),
            LeaderboardColumn::LogScore => r.log_score.unwrap_or(f64::INFINITY),
            LeaderboardColumn::HitRate => r.hit_rate.unwrap_or(-1.0),
        }
    };
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&groups[a], &groups[b]);
        let order = if sort.column == LeaderboardColumn::Name {
            a.name.cmp(&b.name)
        } else {
            key(a).total_cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
        };
        let order = if sort.descending {
            order.reverse()
        } else {
            order
        };
        // Groups and institutions are listed apart, after the individuals, whatever the
        // column.
        a.is_collective().cmp(&b.is_collective()).then(order)
    });
    order
}
