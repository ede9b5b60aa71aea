//! The rules of the mint limit as pure functions of its record and the time: which window a
//! time falls in, what a change does at once and what it leaves pending, and how a pending
//! change applies.
//!
//! The record is brought up to date lazily: a pending change takes effect at its `applies_at`
//! whether or not anything happens then. Every reader first calls [`as_of`], which applies a due
//! change as of its own time, so the outcome never depends on when the next call comes.

use commons::reward_token::{MintLimit, PendingMintLimit};
use commons::time::plus_seconds;
use cosmwasm_std::{StdError, StdResult, Timestamp, Uint128};

use crate::state::MintWindow;

const NANOS_PER_SECOND: u64 = 1_000_000_000;

/// Length of the limit's window in nanoseconds (block times carry nanoseconds).
fn period_nanos(limit: &MintLimit) -> StdResult<u64> {
    limit
        .period_seconds
        .checked_mul(NANOS_PER_SECOND)
        .filter(|&p| p > 0)
        .ok_or_else(|| StdError::generic_err("mint limit period is out of range"))
}

impl MintWindow {
    /// A limit set at `at`: its first window starts then, with `minted` carried in.
    pub fn new(limit: MintLimit, at: Timestamp, minted: Uint128) -> Self {
        MintWindow {
            limit,
            window_start: at,
            minted,
            pending: None,
        }
    }

    /// Moves to the window that contains `now`; a later window starts with nothing minted.
    pub fn roll(&mut self, now: Timestamp) -> StdResult<()> {
        let period = period_nanos(&self.limit)?;
        // `now` is never before the window start (both come from block times, which do not go
        // back); if it were, it would belong to the recorded window.
        let elapsed = now.nanos().saturating_sub(self.window_start.nanos());
        let windows = elapsed / period;
        if windows > 0 {
            // whole windows only, so the result is at most `now` and cannot overflow
            let start = windows
                .checked_mul(period)
                .and_then(|d| self.window_start.nanos().checked_add(d))
                .ok_or_else(|| StdError::generic_err("mint window start overflows"))?;
            self.window_start = Timestamp::from_nanos(start);
            self.minted = Uint128::zero();
        }
        Ok(())
    }

    pub fn window_end(&self) -> StdResult<Timestamp> {
        plus_seconds(self.window_start, self.limit.period_seconds)
    }

    /// Room left in the current window (zero when a lowered limit is below what was minted).
    pub fn remaining(&self) -> Uint128 {
        self.limit.amount.saturating_sub(self.minted)
    }
}

/// Puts `limit` in force at `at`. What the current window minted still counts: with the same
/// period the window stays as it is; with another period a new window starts at `at` and
/// carries that amount. A limit where there was none starts a fresh window. The pending
/// change, if any, is left to the caller.
fn apply(
    state: Option<MintWindow>,
    limit: Option<MintLimit>,
    at: Timestamp,
) -> StdResult<Option<MintWindow>> {
    let Some(limit) = limit else {
        return Ok(None);
    };
    let Some(mut window) = state else {
        return Ok(Some(MintWindow::new(limit, at, Uint128::zero())));
    };
    window.roll(at)?;
    if window.limit.period_seconds != limit.period_seconds {
        window.window_start = at;
    }
    window.limit = limit;
    Ok(Some(window))
}

/// The record as of `now`: a due pending change applied as of its `applies_at`, then the
/// window moved to the one containing `now`.
pub fn as_of(state: Option<MintWindow>, now: Timestamp) -> StdResult<Option<MintWindow>> {
    let Some(mut window) = state else {
        return Ok(None);
    };
    let due = window
        .pending
        .take_if(|p| p.applies_at <= now)
        .map(|p| (p.mint_limit, p.applies_at));
    let mut state = match due {
        Some((limit, at)) => apply(Some(window), limit, at)?,
        None => Some(window),
    };
    if let Some(window) = state.as_mut() {
        window.roll(now)?;
    }
    Ok(state)
}

/// How long a loosening waits: the configured delay, or the period of the limit in force when
/// that is longer, so at least one whole window passes under the old limit.
pub fn effective_delay(configured: Option<u64>, in_force: Option<&MintLimit>) -> u64 {
    let period = in_force.map_or(0, |l| l.period_seconds);
    configured.unwrap_or(0).max(period)
}

/// What `update_mint_limit` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The whole change is in force.
    Applied,
    /// Nothing changed yet; the whole change is pending.
    Pending,
    /// The tighter part is in force; the whole change is pending.
    TighterPartApplied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Applied => "applied",
            Outcome::Pending => "pending",
            Outcome::TighterPartApplied => "tighter_part_applied",
        }
    }
}

/// Applies `requested` to the record (already brought up to `now` by [`as_of`]): the part that
/// tightens at once, the whole change `effective_delay` seconds later when any of it loosens.
pub fn update(
    state: Option<MintWindow>,
    requested: Option<MintLimit>,
    now: Timestamp,
    configured_delay: Option<u64>,
) -> StdResult<(Option<MintWindow>, Outcome)> {
    let in_force = state.as_ref().map(|w| w.limit.clone());
    // The part of the request that is no looser than the limit in force: it applies at once.
    // Without a limit any limit tightens; a removal has no tighter part.
    let (tighter, loosens) = match (&in_force, &requested) {
        (None, requested) => (requested.clone(), false),
        (Some(_), None) => (None, true),
        (Some(old), Some(new)) => (
            Some(MintLimit {
                amount: old.amount.min(new.amount),
                period_seconds: old.period_seconds.max(new.period_seconds),
            }),
            new.amount > old.amount || new.period_seconds < old.period_seconds,
        ),
    };
    let changes_now = tighter.is_some() && tighter != in_force;
    let mut state = match tighter {
        Some(limit) => apply(state, Some(limit), now)?,
        // a removal keeps the limit in force until its delay has passed
        None => state,
    };
    let outcome = match state.as_mut() {
        Some(window) if loosens => {
            let delay = effective_delay(configured_delay, Some(&window.limit));
            window.pending = Some(PendingMintLimit {
                mint_limit: requested,
                applies_at: plus_seconds(now, delay)?,
            });
            if changes_now {
                Outcome::TighterPartApplied
            } else {
                Outcome::Pending
            }
        }
        Some(window) => {
            // a change that only tightens (or restates the limit) drops the pending one
            window.pending = None;
            Outcome::Applied
        }
        None => Outcome::Applied,
    };
    Ok((state, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(amount: u128, period_seconds: u64) -> MintLimit {
        MintLimit {
            amount: Uint128::new(amount),
            period_seconds,
        }
    }

    fn at(seconds: u64) -> Timestamp {
        Timestamp::from_seconds(seconds)
    }

    #[test]
    fn windows_stay_on_the_grid_with_nanoseconds() {
        let start = Timestamp::from_nanos(1_000 * NANOS_PER_SECOND + 7);
        let mut w = MintWindow::new(limit(10, 100), start, Uint128::new(4));
        // the last nanosecond of the first window keeps it
        w.roll(Timestamp::from_nanos(1_100 * NANOS_PER_SECOND + 6))
            .unwrap();
        assert_eq!((w.window_start, w.minted), (start, Uint128::new(4)));
        // three windows later: the grid point, nothing minted
        w.roll(Timestamp::from_nanos(1_350 * NANOS_PER_SECOND))
            .unwrap();
        assert_eq!(
            w.window_start,
            Timestamp::from_nanos(1_300 * NANOS_PER_SECOND + 7)
        );
        assert_eq!(w.minted, Uint128::zero());
        assert_eq!(
            w.window_end().unwrap(),
            Timestamp::from_nanos(1_400 * NANOS_PER_SECOND + 7)
        );
    }

    #[test]
    fn time_math_never_panics() {
        let mut w = MintWindow::new(
            limit(1, 10),
            Timestamp::from_nanos(u64::MAX - 5),
            Uint128::zero(),
        );
        assert!(w.window_end().is_err());
        w.roll(Timestamp::from_nanos(u64::MAX)).unwrap();
        // a corrupt record with a zero period is an error, not a division by zero
        let mut bad = MintWindow::new(limit(1, 0), at(1), Uint128::zero());
        assert!(bad.roll(at(5)).is_err());
        let mut huge = MintWindow::new(limit(1, u64::MAX), at(1), Uint128::zero());
        assert!(huge.roll(at(5)).is_err());
        // a loosening whose delay would end past the last timestamp is an error
        let near_end = Timestamp::from_nanos(u64::MAX - 5 * NANOS_PER_SECOND);
        let w = MintWindow::new(limit(1, 10), near_end, Uint128::zero());
        assert!(update(Some(w), None, near_end, Some(10)).is_err());
    }

    #[test]
    fn a_period_change_restarts_the_window_carrying_what_was_minted() {
        let w = MintWindow::new(limit(100, 100), at(0), Uint128::new(60));
        // same period: same window, new amount
        let same = apply(Some(w.clone()), Some(limit(50, 100)), at(30))
            .unwrap()
            .unwrap();
        assert_eq!(
            (same.window_start, same.minted, same.remaining()),
            (at(0), Uint128::new(60), Uint128::zero())
        );
        // longer period: a new window from now, with the 60 carried
        let longer = apply(Some(w.clone()), Some(limit(100, 300)), at(30))
            .unwrap()
            .unwrap();
        assert_eq!(
            (longer.window_start, longer.minted),
            (at(30), Uint128::new(60))
        );
        // applied after the old window ended: nothing to carry
        let later = apply(Some(w), Some(limit(100, 300)), at(100))
            .unwrap()
            .unwrap();
        assert_eq!(
            (later.window_start, later.minted),
            (at(100), Uint128::zero())
        );
        // a first limit starts fresh; a removal leaves nothing
        let first = apply(None, Some(limit(5, 10)), at(7)).unwrap().unwrap();
        assert_eq!((first.window_start, first.minted), (at(7), Uint128::zero()));
        assert_eq!(apply(Some(first), None, at(8)).unwrap(), None);
    }

    #[test]
    fn updates_split_into_what_tightens_now_and_what_waits() {
        let w = || Some(MintWindow::new(limit(100, 100), at(0), Uint128::new(10)));
        let pending = |s: &Option<MintWindow>| s.as_ref().and_then(|w| w.pending.clone());
        let in_force = |s: &Option<MintWindow>| s.as_ref().map(|w| w.limit.clone());

        // lower amount, same period: at once
        let (s, o) = update(w(), Some(limit(50, 100)), at(5), Some(200)).unwrap();
        assert_eq!(
            (o, in_force(&s), pending(&s)),
            (Outcome::Applied, Some(limit(50, 100)), None)
        );
        // higher amount: pending for max(configured, period)
        let (s, o) = update(w(), Some(limit(500, 100)), at(5), Some(200)).unwrap();
        assert_eq!((o, in_force(&s)), (Outcome::Pending, Some(limit(100, 100))));
        assert_eq!(pending(&s).unwrap().applies_at, at(205));
        // removal: pending; the period of the limit in force bounds the delay from below
        let (s, o) = update(w(), None, at(5), None).unwrap();
        assert_eq!(o, Outcome::Pending);
        assert_eq!(
            pending(&s),
            Some(PendingMintLimit {
                mint_limit: None,
                applies_at: at(105)
            })
        );
        // lower amount and shorter period: the lower amount now, both later
        let (s, o) = update(w(), Some(limit(40, 10)), at(5), Some(150)).unwrap();
        assert_eq!(
            (o, in_force(&s)),
            (Outcome::TighterPartApplied, Some(limit(40, 100)))
        );
        assert_eq!(pending(&s).unwrap().mint_limit, Some(limit(40, 10)));
        // higher amount and longer period: the longer period now (window restarts at 5 with the
        // 10 carried), and the delay is at least that longer period
        let (s, o) = update(w(), Some(limit(900, 1_000)), at(5), Some(150)).unwrap();
        assert_eq!(o, Outcome::TighterPartApplied);
        let win = s.clone().unwrap();
        assert_eq!(
            (win.limit, win.window_start, win.minted),
            (limit(100, 1_000), at(5), Uint128::new(10))
        );
        assert_eq!(pending(&s).unwrap().applies_at, at(1_005));
        // a tightening drops a pending change; a first limit applies at once
        let (s, _) = update(w(), Some(limit(500, 100)), at(5), None).unwrap();
        let (s, o) = update(s, Some(limit(100, 100)), at(6), None).unwrap();
        assert_eq!((o, pending(&s)), (Outcome::Applied, None));
        let (s, o) = update(None, Some(limit(1, 1)), at(6), None).unwrap();
        assert_eq!((o, in_force(&s)), (Outcome::Applied, Some(limit(1, 1))));
        assert_eq!(
            update(None, None, at(6), None).unwrap(),
            (None, Outcome::Applied)
        );
    }

    #[test]
    fn a_due_change_applies_as_of_its_own_time() {
        let mut w = MintWindow::new(limit(100, 100), at(0), Uint128::new(100));
        w.pending = Some(PendingMintLimit {
            mint_limit: Some(limit(100, 30)),
            applies_at: at(250),
        });
        // one second before: still pending, old window grid
        let before = as_of(Some(w.clone()), at(249)).unwrap().unwrap();
        assert_eq!(
            (before.limit.period_seconds, before.window_start),
            (100, at(200))
        );
        assert!(before.pending.is_some());
        // read long after: the grid starts at 250, whenever it is read
        let after = as_of(Some(w.clone()), at(321)).unwrap().unwrap();
        assert_eq!(
            (after.limit.period_seconds, after.window_start),
            (30, at(310))
        );
        assert_eq!(after.pending, None);
        let exactly = as_of(Some(w), at(250)).unwrap().unwrap();
        assert_eq!(
            (exactly.window_start, exactly.minted),
            (at(250), Uint128::zero())
        );
    }
}
