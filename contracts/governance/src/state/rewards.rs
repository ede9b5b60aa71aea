//! Voter reward periods: per period of a reward epoch, how many proposals it holds and the
//! settings they pay with.
//!
//! | key | value |
//! |---|---|
//! | `reward_period` + (epoch, period) | [`RewardPeriodLayout`] |
//!
//! An epoch is one setting of the rewards: instantiation with rewards, or an `update_config`
//! that sets them, starts a new one (its number and start are kept in the configuration, see
//! `ConfigBytes::start_reward_epoch`). The settings never change within an epoch, so a
//! period's settings are the ones in force when each of its proposals was created, kept once
//! per period rather than once per proposal. The record is binary: every proposal reads and
//! writes it, and every reward claim reads it.

use commons::codec::id_addr_key;
use commons::governance::{RewardVesting, VoterRewardsConfig};
use commons::layout::Stored;
use cosmwasm_std::{Decimal, StdError, StdResult, Storage, Timestamp, Uint128};

const PERIODS: &[u8] = b"reward_period";

commons::layout! {
    /// One reward period of an epoch: the proposals created in it so far (final once it has
    /// ended, when claims open) and the settings of the epoch they pay with.
    pub struct RewardPeriodLayout("reward period", version 1) {
        PROPOSALS: u64,
        ENDS_AT: Timestamp,
        POOL: Uint128,
        CLIFF_SECONDS: u64,
        DURATION_SECONDS: u64,
        /// `Decimal` atomics
        MIN_TURNOUT: u128,
    }
}

fn period_key(epoch: u64, period: u64) -> Vec<u8> {
    id_addr_key(PERIODS, epoch, &period.to_be_bytes())
}

/// The period of `start`'s epoch that holds `now`, and when it ends (`start + (k + 1) *
/// period_seconds`, checked).
pub fn period_at(
    start: Timestamp,
    period_seconds: u64,
    now: Timestamp,
) -> StdResult<(u64, Timestamp)> {
    // in nanoseconds, so that a period ends exactly where its end says
    let elapsed = now.nanos().saturating_sub(start.nanos());
    let period = period_seconds.checked_mul(1_000_000_000);
    let index = period.and_then(|p| elapsed.checked_div(p));
    let end = index
        .and_then(|i| i.checked_add(1))
        .zip(period)
        .and_then(|(n, p)| n.checked_mul(p))
        .and_then(|span| start.nanos().checked_add(span));
    match (index, end) {
        (Some(index), Some(end)) => Ok((index, Timestamp::from_nanos(end))),
        _ => Err(StdError::generic_err("reward period out of range")),
    }
}

/// Counts a proposal created at `now` under `rewards`, the settings of `epoch` (started at
/// `start`), in its period (the first proposal of a period writes the settings it pays with);
/// returns the period.
pub fn enter_period(
    store: &mut dyn Storage,
    (epoch, start): (u64, Timestamp),
    rewards: &VoterRewardsConfig,
    now: Timestamp,
) -> StdResult<u64> {
    let (index, ends_at) = period_at(start, rewards.period_seconds, now)?;
    let key = period_key(epoch, index);
    let mut period = match store.get(&key) {
        Some(bytes) => Stored::<RewardPeriodLayout>::from_exact(bytes)?,
        None => {
            let mut p = Stored::<RewardPeriodLayout>::new();
            p.set(RewardPeriodLayout::ENDS_AT, ends_at);
            p.set(RewardPeriodLayout::POOL, rewards.pool_per_period);
            p.set(
                RewardPeriodLayout::CLIFF_SECONDS,
                rewards.vesting.cliff_seconds,
            );
            p.set(
                RewardPeriodLayout::DURATION_SECONDS,
                rewards.vesting.duration_seconds,
            );
            p.set(
                RewardPeriodLayout::MIN_TURNOUT,
                rewards.min_turnout.atomics().u128(),
            );
            p
        }
    };
    // at most one proposal id per proposal: never near u64::MAX
    let count = period.get(RewardPeriodLayout::PROPOSALS).saturating_add(1);
    period.set(RewardPeriodLayout::PROPOSALS, count);
    store.set(&key, period.as_bytes());
    Ok(index)
}

/// A reward period as its proposals pay with it.
#[derive(Clone, Debug, PartialEq)]
pub struct RewardPeriod {
    /// Proposals created in the period.
    pub proposals: u64,
    /// Claims open at this time.
    pub ends_at: Timestamp,
    pub pool: Uint128,
    pub vesting: RewardVesting,
    pub min_turnout: Decimal,
}

impl RewardPeriod {
    pub fn load(store: &dyn Storage, epoch: u64, period: u64) -> StdResult<Self> {
        let bytes = store
            .get(&period_key(epoch, period))
            .ok_or_else(|| StdError::not_found("reward period"))?;
        let p = Stored::<RewardPeriodLayout>::from_exact(bytes)?;
        Ok(RewardPeriod {
            proposals: p.get(RewardPeriodLayout::PROPOSALS),
            ends_at: p.get(RewardPeriodLayout::ENDS_AT),
            pool: p.get(RewardPeriodLayout::POOL),
            vesting: RewardVesting {
                cliff_seconds: p.get(RewardPeriodLayout::CLIFF_SECONDS),
                duration_seconds: p.get(RewardPeriodLayout::DURATION_SECONDS),
            },
            min_turnout: Decimal::raw(p.get(RewardPeriodLayout::MIN_TURNOUT)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    fn rewards(period_seconds: u64) -> VoterRewardsConfig {
        VoterRewardsConfig {
            pool_per_period: Uint128::new(900),
            period_seconds,
            vesting: RewardVesting {
                cliff_seconds: 1,
                duration_seconds: 2,
            },
            min_turnout: Decimal::percent(20),
        }
    }

    #[test]
    fn periods_count_from_the_epoch_start() {
        let start = Timestamp::from_seconds(1_000);
        let at = |s| period_at(start, 100, Timestamp::from_seconds(s)).unwrap();
        assert_eq!(at(1_000), (0, Timestamp::from_seconds(1_100)));
        assert_eq!(at(1_099), (0, Timestamp::from_seconds(1_100)));
        assert_eq!(at(1_100), (1, Timestamp::from_seconds(1_200)));
        assert_eq!(at(1_250), (2, Timestamp::from_seconds(1_300)));
        assert!(period_at(start, 0, start).is_err());
        assert!(period_at(start, u64::MAX, start).is_err());
        assert!(period_at(Timestamp::from_nanos(u64::MAX - 5), 1, start).is_err());
        // sub-second block times: a period ends at its exact end
        let start = Timestamp::from_nanos(10_500_000_000);
        let just_before = Timestamp::from_nanos(110_499_999_999);
        assert_eq!(period_at(start, 100, just_before).unwrap().0, 0);
        let end = Timestamp::from_nanos(110_500_000_000);
        assert_eq!(
            period_at(start, 100, end).unwrap(),
            (1, start.plus_seconds(200))
        );
    }

    #[test]
    fn proposals_are_counted_per_epoch_and_period() {
        let mut store = MockStorage::new();
        let t = Timestamp::from_seconds;
        let first = (1, t(0));
        assert_eq!(
            enter_period(&mut store, first, &rewards(100), t(5)).unwrap(),
            0
        );
        assert_eq!(
            enter_period(&mut store, first, &rewards(100), t(99)).unwrap(),
            0
        );
        assert_eq!(
            enter_period(&mut store, first, &rewards(100), t(100)).unwrap(),
            1
        );
        let period = RewardPeriod::load(&store, 1, 0).unwrap();
        assert_eq!(
            period,
            RewardPeriod {
                proposals: 2,
                ends_at: t(100),
                pool: Uint128::new(900),
                vesting: rewards(1).vesting,
                min_turnout: Decimal::percent(20),
            }
        );
        assert_eq!(RewardPeriod::load(&store, 1, 1).unwrap().proposals, 1);
        // new settings mid-period: a new epoch, whose periods start then; the old period
        // keeps its count and settings
        let second = (2, t(150));
        let mut other = rewards(1_000);
        other.pool_per_period = Uint128::new(5);
        assert_eq!(enter_period(&mut store, second, &other, t(160)).unwrap(), 0);
        let new = RewardPeriod::load(&store, 2, 0).unwrap();
        assert_eq!((new.ends_at, new.pool), (t(1_150), Uint128::new(5)));
        assert_eq!(RewardPeriod::load(&store, 1, 1).unwrap().proposals, 1);
        assert_eq!(RewardPeriod::load(&store, 1, 0).unwrap(), period);
        assert!(RewardPeriod::load(&store, 3, 0).is_err());
    }
}
