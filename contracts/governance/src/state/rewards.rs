//! Voter reward periods: when the current reward settings started (their epoch), and per
//! period of an epoch, how many proposals it holds and the settings they pay with.
//!
//! | key | value |
//! |---|---|
//! | `reward_epoch` | the current epoch ([`RewardEpochLayout`]) |
//! | `reward_period` + (epoch, period) | [`RewardPeriodLayout`] |
//!
//! Every `update_config` that sets rewards starts a new epoch, so the settings never change
//! within one: a period's settings are the ones in force when each of its proposals was
//! created, kept once per period rather than once per proposal. Both records are binary: every
//! proposal reads and writes them, and every reward claim reads a period.

use commons::codec::id_addr_key;
use commons::governance::{RewardVesting, VoterRewardsConfig};
use commons::layout::Stored;
use cosmwasm_std::{Decimal, StdError, StdResult, Storage, Timestamp, Uint128};

const EPOCH_KEY: &[u8] = b"reward_epoch";
const PERIODS: &[u8] = b"reward_period";

commons::layout! {
    /// The reward settings in force: their number (1, 2, ...; 0 is "rewards off" in a
    /// voting record) and when they were configured, the start of their first period.
    pub struct RewardEpochLayout("reward epoch", version 1) {
        EPOCH: u64,
        START: Timestamp,
    }
}

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

fn load_epoch(store: &dyn Storage) -> StdResult<Option<Stored<RewardEpochLayout>>> {
    Ok(store.get(EPOCH_KEY).map(Stored::from_exact).transpose()?)
}

/// Starts a new epoch at `now`: reward settings were just configured, and their periods count
/// from now.
pub fn start_reward_epoch(store: &mut dyn Storage, now: Timestamp) -> StdResult<()> {
    let mut epoch = load_epoch(store)?.unwrap_or_default();
    let number = epoch
        .get(RewardEpochLayout::EPOCH)
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("reward epoch overflow"))?;
    epoch.set(RewardEpochLayout::EPOCH, number);
    epoch.set(RewardEpochLayout::START, now);
    store.set(EPOCH_KEY, epoch.as_bytes());
    Ok(())
}

/// The epoch in force and its start, if rewards were ever configured.
pub fn reward_epoch(store: &dyn Storage) -> StdResult<Option<(u64, Timestamp)>> {
    Ok(load_epoch(store)?.map(|e| {
        (
            e.get(RewardEpochLayout::EPOCH),
            e.get(RewardEpochLayout::START),
        )
    }))
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
    let index = period_seconds
        .checked_mul(1_000_000_000)
        .and_then(|period| elapsed.checked_div(period))
        .ok_or_else(|| StdError::generic_err("reward period of zero or too many seconds"))?;
    let end = index
        .checked_add(1)
        .and_then(|n| n.checked_mul(period_seconds))
        .ok_or_else(|| StdError::generic_err("reward period end overflows"))?;
    Ok((index, commons::time::plus_seconds(start, end)?))
}

/// Counts a proposal created at `now` under `rewards` in its period (the first proposal of a
/// period writes the settings it pays with); returns the epoch and the period.
pub fn enter_period(
    store: &mut dyn Storage,
    rewards: &VoterRewardsConfig,
    now: Timestamp,
) -> StdResult<(u64, u64)> {
    let (epoch, start) = reward_epoch(store)?.ok_or_else(|| StdError::not_found("reward epoch"))?;
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
    let count = period
        .get(RewardPeriodLayout::PROPOSALS)
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("reward period proposal count overflow"))?;
    period.set(RewardPeriodLayout::PROPOSALS, count);
    store.set(&key, period.as_bytes());
    Ok((epoch, index))
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
        assert_eq!(reward_epoch(&store).unwrap(), None);
        assert!(enter_period(&mut store, &rewards(100), t(5)).is_err());
        start_reward_epoch(&mut store, t(0)).unwrap();
        assert_eq!(
            enter_period(&mut store, &rewards(100), t(5)).unwrap(),
            (1, 0)
        );
        assert_eq!(
            enter_period(&mut store, &rewards(100), t(99)).unwrap(),
            (1, 0)
        );
        assert_eq!(
            enter_period(&mut store, &rewards(100), t(100)).unwrap(),
            (1, 1)
        );
        let first = RewardPeriod::load(&store, 1, 0).unwrap();
        assert_eq!(
            first,
            RewardPeriod {
                proposals: 2,
                ends_at: t(100),
                pool: Uint128::new(900),
                vesting: rewards(1).vesting,
                min_turnout: Decimal::percent(20),
            }
        );
        assert_eq!(RewardPeriod::load(&store, 1, 1).unwrap().proposals, 1);
        // new settings mid-period: a new epoch, whose periods start now; the old period keeps
        // its count and settings
        start_reward_epoch(&mut store, t(150)).unwrap();
        assert_eq!(reward_epoch(&store).unwrap(), Some((2, t(150))));
        let mut other = rewards(1_000);
        other.pool_per_period = Uint128::new(5);
        assert_eq!(enter_period(&mut store, &other, t(160)).unwrap(), (2, 0));
        assert_eq!(RewardPeriod::load(&store, 2, 0).unwrap().ends_at, t(1_150));
        assert_eq!(RewardPeriod::load(&store, 1, 1).unwrap().proposals, 1);
        assert_eq!(RewardPeriod::load(&store, 1, 0).unwrap(), first);
        assert!(RewardPeriod::load(&store, 3, 0).is_err());
    }
}
