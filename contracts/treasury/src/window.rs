//! Fixed spending windows: `[start, start + period)`, then the next one where it ends.
//!
//! Periods are at most `commons::time::MAX_DURATION_SECONDS`, so every sum below fits; it is
//! still checked, so a stored value that somehow broke that bound gives an error, never a panic.

use commons::time::plus_seconds;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{StdResult, Timestamp, Uint128};

/// Room spent in the current window of a limit or a budget.
#[cw_serde]
#[derive(Copy)]
pub struct Window {
    pub start: Timestamp,
    pub period_seconds: u64,
    pub spent: Uint128,
}

impl Window {
    pub fn new(now: Timestamp, period_seconds: u64) -> Self {
        Window {
            start: now,
            period_seconds,
            spent: Uint128::zero(),
        }
    }

    /// The window that contains `now`: the same one, or a later one with nothing spent.
    pub fn at(self, now: Timestamp) -> StdResult<Self> {
        let elapsed = now.seconds().saturating_sub(self.start.seconds());
        // a zero period never passes the input checks; treat it as a window that never ends
        // rather than dividing by zero
        if self.period_seconds == 0 || elapsed < self.period_seconds {
            return Ok(self);
        }
        // whole periods only: the new start stays on the first window's grid, at or before now
        let skipped = elapsed / self.period_seconds;
        let offset = skipped.saturating_mul(self.period_seconds);
        Ok(Window {
            start: plus_seconds(self.start, offset)?,
            period_seconds: self.period_seconds,
            spent: Uint128::zero(),
        })
    }

    /// This window under a new period: unchanged if the period is the same, otherwise a window
    /// of the new period opening at `at` (which must lie in this window) that still counts what
    /// this one spent, so a period change never frees room early.
    pub fn with_period(self, at: Timestamp, period_seconds: u64) -> Self {
        if period_seconds == self.period_seconds {
            return self;
        }
        Window {
            start: at,
            period_seconds,
            spent: self.spent,
        }
    }

    pub fn end(&self) -> StdResult<Timestamp> {
        plus_seconds(self.start, self.period_seconds)
    }

    pub fn remaining(&self, limit: Uint128) -> Uint128 {
        limit.saturating_sub(self.spent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::time::MAX_DURATION_SECONDS;

    fn t(s: u64) -> Timestamp {
        Timestamp::from_seconds(s)
    }

    #[test]
    fn boundary_second_opens_a_new_window() {
        let mut w = Window::new(t(1_000), 100);
        w.spent = Uint128::new(40);
        assert_eq!(w.at(t(1_099)).unwrap().spent.u128(), 40);
        assert_eq!(w.at(t(1_099)).unwrap().start, t(1_000));
        let next = w.at(t(1_100)).unwrap();
        assert_eq!((next.start, next.spent.u128()), (t(1_100), 0));
        assert_eq!(next.end().unwrap(), t(1_200));
        // several periods later, aligned to the first window
        let later = w.at(t(1_350)).unwrap();
        assert_eq!(later.start, t(1_300));
    }

    #[test]
    fn remaining_never_negative() {
        let mut w = Window::new(t(0), 10);
        w.spent = Uint128::new(50);
        assert_eq!(w.remaining(Uint128::new(30)), Uint128::zero());
        assert_eq!(w.remaining(Uint128::new(80)).u128(), 30);
    }

    #[test]
    fn a_new_period_restarts_the_window_but_keeps_what_was_spent() {
        let mut w = Window::new(t(1_000), 100);
        w.spent = Uint128::new(40);
        assert_eq!(w.with_period(t(1_050), 100), w);
        let longer = w.with_period(t(1_050), 300);
        assert_eq!((longer.start, longer.spent.u128()), (t(1_050), 40));
        assert_eq!(longer.end().unwrap(), t(1_350));
    }

    #[test]
    fn extreme_times_give_errors_not_panics() {
        let far = Timestamp::from_nanos(u64::MAX - 1);
        let w = Window::new(far, MAX_DURATION_SECONDS);
        assert!(w.end().is_err());
        let w = Window::new(t(0), u64::MAX);
        assert!(w.end().is_err());
        assert_eq!(w.at(far).unwrap().start, t(0));
        let zero = Window::new(t(5), 0);
        assert_eq!(zero.at(t(500)).unwrap(), zero);
        // the longest period from today's block time ends fine, many windows on
        let now = t(1_800_000_000);
        let w = Window::new(now, MAX_DURATION_SECONDS);
        let later = w
            .at(t(1_800_000_000 + 3 * MAX_DURATION_SECONDS + 7))
            .unwrap();
        assert!(later.end().is_ok());
    }
}
