//! Linear vesting with a cliff: the schedule of every reward grant.

use commons_json::wire;
use cosmwasm_std::{Timestamp, Uint128};
use thiserror::Error;

/// When a grant unlocks: nothing before `start_time + cliff_seconds`, then linearly from
/// `start_time` so that everything is vested at `start_time + duration_seconds`.
///
/// At the cliff the part that accrued since `start_time` unlocks at once; the vested amount is
/// rounded down to the unit, so a grant never releases a unit before it has fully accrued.
#[wire]
#[derive(Copy, Eq)]
pub struct VestingSchedule {
    /// Block time at which vesting starts accruing (may be in the past or the future).
    pub start_time: Timestamp,
    /// Seconds after `start_time` before anything can be claimed; at most `duration_seconds`.
    pub cliff_seconds: u64,
    /// Seconds after `start_time` at which the whole grant is vested; greater than zero.
    pub duration_seconds: u64,
}

/// Why a schedule was refused.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum ScheduleError {
    #[error("vesting duration must be greater than zero seconds")]
    ZeroDuration,
    #[error(
        "vesting cliff ({cliff_seconds}s) is beyond the vesting duration ({duration_seconds}s)"
    )]
    CliffBeyondDuration {
        cliff_seconds: u64,
        duration_seconds: u64,
    },
    #[error("vesting ends after the largest representable block time; shorten the duration")]
    EndOutOfRange,
}

impl VestingSchedule {
    /// Checks the schedule is one that can ever fully vest.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.duration_seconds == 0 {
            return Err(ScheduleError::ZeroDuration);
        }
        if self.cliff_seconds > self.duration_seconds {
            return Err(ScheduleError::CliffBeyondDuration {
                cliff_seconds: self.cliff_seconds,
                duration_seconds: self.duration_seconds,
            });
        }
        // The end must be representable as a `Timestamp` (u64 nanoseconds, about year 2554).
        self.duration_seconds
            .checked_mul(1_000_000_000)
            .and_then(|d| self.start_time.nanos().checked_add(d))
            .ok_or(ScheduleError::EndOutOfRange)?;
        Ok(())
    }

    /// Block time at which the cliff passes.
    pub fn cliff_time(&self) -> Timestamp {
        self.start_time.plus_seconds(self.cliff_seconds)
    }

    /// Block time at which everything is vested.
    pub fn end_time(&self) -> Timestamp {
        self.start_time.plus_seconds(self.duration_seconds)
    }

    /// How much of `total` has vested at block time `now`. Rounds down (in the grantor's favour).
    /// Assumes a validated schedule.
    pub fn vested(&self, total: Uint128, now: Timestamp) -> Uint128 {
        let start = self.start_time.seconds();
        let now = now.seconds();
        if now < start.saturating_add(self.cliff_seconds) {
            return Uint128::zero();
        }
        let elapsed = now - start;
        if elapsed >= self.duration_seconds {
            return total;
        }
        // elapsed < duration, so the ratio is below one and the product fits (256-bit inside).
        total.multiply_ratio(elapsed, self.duration_seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule() -> VestingSchedule {
        VestingSchedule {
            start_time: Timestamp::from_seconds(1_000),
            cliff_seconds: 100,
            duration_seconds: 400,
        }
    }

    fn at(s: u64) -> Timestamp {
        Timestamp::from_seconds(s)
    }

    #[test]
    fn before_start_nothing() {
        assert_eq!(
            schedule().vested(Uint128::new(1_000), at(0)),
            Uint128::zero()
        );
        assert_eq!(
            schedule().vested(Uint128::new(1_000), at(999)),
            Uint128::zero()
        );
        assert_eq!(
            schedule().vested(Uint128::new(1_000), at(1_000)),
            Uint128::zero()
        );
    }

    #[test]
    fn cliff_boundary() {
        let s = schedule();
        assert_eq!(s.vested(Uint128::new(1_000), at(1_099)), Uint128::zero());
        // at the cliff, 100/400 of the grant unlocks at once
        assert_eq!(s.vested(Uint128::new(1_000), at(1_100)), Uint128::new(250));
        assert_eq!(s.vested(Uint128::new(1_000), at(1_101)), Uint128::new(252));
    }

    #[test]
    fn midway_rounds_down() {
        let s = schedule();
        assert_eq!(s.vested(Uint128::new(1_000), at(1_200)), Uint128::new(500));
        // 7 * 201/400 = 3.5175 -> 3
        assert_eq!(s.vested(Uint128::new(7), at(1_201)), Uint128::new(3));
    }

    #[test]
    fn end_and_after() {
        let s = schedule();
        assert_eq!(s.vested(Uint128::new(1_000), at(1_399)), Uint128::new(997));
        assert_eq!(
            s.vested(Uint128::new(1_000), at(1_400)),
            Uint128::new(1_000)
        );
        assert_eq!(
            s.vested(Uint128::new(1_000), at(10_000_000_000)),
            Uint128::new(1_000)
        );
    }

    #[test]
    fn huge_amounts_do_not_overflow() {
        let s = schedule();
        assert_eq!(
            s.vested(Uint128::MAX, at(1_200)),
            Uint128::MAX / Uint128::new(2)
        );
    }

    #[test]
    fn zero_cliff_vests_from_start() {
        let s = VestingSchedule {
            cliff_seconds: 0,
            ..schedule()
        };
        assert_eq!(s.vested(Uint128::new(400), at(1_001)), Uint128::new(1));
    }

    #[test]
    fn validation() {
        assert_eq!(schedule().validate(), Ok(()));
        let full_cliff = VestingSchedule {
            cliff_seconds: 400,
            ..schedule()
        };
        assert_eq!(full_cliff.validate(), Ok(()));
        assert_eq!(
            VestingSchedule {
                duration_seconds: 0,
                cliff_seconds: 0,
                ..schedule()
            }
            .validate(),
            Err(ScheduleError::ZeroDuration)
        );
        assert_eq!(
            VestingSchedule {
                cliff_seconds: 401,
                ..schedule()
            }
            .validate(),
            Err(ScheduleError::CliffBeyondDuration {
                cliff_seconds: 401,
                duration_seconds: 400
            })
        );
        assert_eq!(
            VestingSchedule {
                duration_seconds: u64::MAX,
                cliff_seconds: 0,
                ..schedule()
            }
            .validate(),
            Err(ScheduleError::EndOutOfRange)
        );
    }
}
