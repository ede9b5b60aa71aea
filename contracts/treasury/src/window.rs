//! Fixed spending windows: `[start, start + period)`, then the next one where it ends.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Timestamp, Uint128};

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
    pub fn at(self, now: Timestamp) -> Self {
        let elapsed = now.seconds().saturating_sub(self.start.seconds());
        if elapsed < self.period_seconds {
            return self;
        }
        let skipped = elapsed / self.period_seconds;
        Window {
            start: self
                .start
                .plus_seconds(skipped.saturating_mul(self.period_seconds)),
            period_seconds: self.period_seconds,
            spent: Uint128::zero(),
        }
    }

    pub fn end(&self) -> Timestamp {
        self.start.plus_seconds(self.period_seconds)
    }

    pub fn remaining(&self, limit: Uint128) -> Uint128 {
        limit.saturating_sub(self.spent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: u64) -> Timestamp {
        Timestamp::from_seconds(s)
    }

    #[test]
    fn boundary_second_opens_a_new_window() {
        let mut w = Window::new(t(1_000), 100);
        w.spent = Uint128::new(40);
        assert_eq!(w.at(t(1_099)).spent.u128(), 40);
        assert_eq!(w.at(t(1_099)).start, t(1_000));
        let next = w.at(t(1_100));
        assert_eq!((next.start, next.spent.u128()), (t(1_100), 0));
        assert_eq!(next.end(), t(1_200));
        // several periods later, aligned to the first window
        let later = w.at(t(1_350));
        assert_eq!(later.start, t(1_300));
    }

    #[test]
    fn remaining_never_negative() {
        let mut w = Window::new(t(0), 10);
        w.spent = Uint128::new(50);
        assert_eq!(w.remaining(Uint128::new(30)), Uint128::zero());
        assert_eq!(w.remaining(Uint128::new(80)).u128(), 30);
    }
}
