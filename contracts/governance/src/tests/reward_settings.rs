//! Voter reward settings: checked when set, snapshotted by each proposal at creation, new
//! periods from each change, one vesting per claim, and zero power.

use super::rewards::{
    claim_err, claimable_at, claimed, grants, pending, rewards_suite, settings, update_rewards,
    voted, PERIOD, POOL,
};
use super::*;
use commons::governance::{RewardVesting, RewardsChange, UpdateConfigMsg, VoterRewardsConfig};
use commons::time::{DurationError, MAX_DURATION_SECONDS};
use commons::vesting::ScheduleError;

fn instantiate_err(rewards: VoterRewardsConfig) -> ContractError {
    let mut app = App::default();
    let code = app.store_code(governance_contract());
    let token = app.api().addr_make("token");
    let mut msg = base_msg(&token);
    msg.voter_rewards = Some(rewards);
    let sender = app.api().addr_make("admin");
    app.instantiate_contract(code, sender, &msg, &[], "gov", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap()
}

/// Settings with one change from the valid `settings(POOL, PERIOD, 50%)`.
fn bad(change: impl FnOnce(&mut VoterRewardsConfig)) -> VoterRewardsConfig {
    let mut r = settings(POOL, PERIOD, Decimal::percent(50));
    change(&mut r);
    r
}

#[test]
fn settings_are_checked_when_set() {
    let cases = [
        (
            bad(|r| r.min_turnout = Decimal::zero()),
            ContractError::InvalidMinTurnout {
                min_turnout: Decimal::zero(),
            },
        ),
        (
            bad(|r| r.min_turnout = Decimal::raw(1_000_000_000_000_000_001)),
            ContractError::InvalidMinTurnout {
                min_turnout: Decimal::raw(1_000_000_000_000_000_001),
            },
        ),
        (
            bad(|r| r.period_seconds = 0),
            ContractError::Duration(DurationError::Zero {
                what: "voter_rewards period_seconds".into(),
            }),
        ),
        (
            bad(|r| r.period_seconds = MAX_DURATION_SECONDS + 1),
            ContractError::Duration(DurationError::TooLong {
                what: "voter_rewards period_seconds".into(),
                seconds: MAX_DURATION_SECONDS + 1,
                max: MAX_DURATION_SECONDS,
            }),
        ),
        (
            bad(|r| r.vesting.duration_seconds = 0),
            ContractError::Schedule(ScheduleError::ZeroDuration),
        ),
        (
            bad(|r| r.vesting.cliff_seconds = 1_001),
            ContractError::Schedule(ScheduleError::CliffBeyondDuration {
                cliff_seconds: 1_001,
                duration_seconds: 1_000,
            }),
        ),
    ];
    let mut s = Suite::new();
    for (rewards, want) in cases {
        assert_eq!(instantiate_err(rewards.clone()), want);
        let err = update_rewards(&mut s, RewardsChange::Set(rewards))
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap();
        assert_eq!(err, want);
    }
    assert!(matches!(
        instantiate_err(bad(|r| r.pool_per_period = Uint128::zero())),
        ContractError::InvalidConfig { .. }
    ));
    // the bounds themselves are accepted: a turnout of 100%, a ten-year period
    let edge = bad(|r| {
        r.min_turnout = Decimal::one();
        r.period_seconds = MAX_DURATION_SECONDS;
    });
    update_rewards(&mut s, RewardsChange::Set(edge)).unwrap();
}

#[test]
fn a_change_mid_period_starts_new_periods_and_old_proposals_keep_their_settings() {
    let (mut s, start) = rewards_suite(Decimal::percent(50));
    let old = voted(&mut s);
    // 100 s in: five times the pool, periods of 1_000 s from now
    s.go_to(start.plus_seconds(100));
    let richer = settings(5 * POOL, 1_000, Decimal::percent(50));
    update_rewards(&mut s, RewardsChange::Set(richer)).unwrap();
    let new = voted(&mut s);
    // a change of other settings keeps the periods: this one shares `new`'s period
    let gov = s.gov.clone();
    let longer_votes = ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
        voting_period_seconds: Some(2_000),
        ..Default::default()
    }));
    s.app
        .execute_contract(gov.clone(), gov, &longer_votes, &[])
        .unwrap();
    let same_period = s.propose("bob", vec![]).unwrap();
    s.vote("dave", same_period, Vote::Yes).unwrap();
    assert_eq!(claimable_at(&s, old), start.plus_seconds(PERIOD));
    assert_eq!(claimable_at(&s, new), start.plus_seconds(1_100));
    assert_eq!(claimable_at(&s, same_period), start.plus_seconds(1_100));

    s.go_to(start.plus_seconds(1_100));
    // 5_000 / 2 proposals * 400 / 1_000; the old proposal still waits for its own period
    let p = pending(&s, "alice", vec![new, old]);
    assert_eq!(p.rewards[0].amount.u128(), 1_000);
    let why = ContractError::RewardPeriodNotOver {
        proposal_id: old,
        ends_at: start.plus_seconds(PERIOD),
    };
    assert_eq!(p.rewards[1].unavailable, Some(why.to_string()));
    assert_eq!(claimed(&mut s, "alice", vec![new, old]), 1_000);
    // it pays with the settings it was created under: 1_000 / 1 proposal * 400 / 1_000
    s.go_to(start.plus_seconds(PERIOD));
    assert_eq!(claimed(&mut s, "alice", vec![old]), 400);
}

#[test]
fn one_claim_one_vesting() {
    let (mut s, start) = rewards_suite(Decimal::percent(50));
    let first = voted(&mut s);
    let mut slower = settings(POOL, PERIOD, Decimal::percent(50));
    slower.vesting = RewardVesting {
        cliff_seconds: 10,
        duration_seconds: 2_000,
    };
    update_rewards(&mut s, RewardsChange::Set(slower)).unwrap();
    let second = voted(&mut s);
    s.go_to(start.plus_seconds(2 * PERIOD));
    let p = pending(&s, "alice", vec![first, second]);
    assert_eq!(p.rewards[0].vesting.unwrap().duration_seconds, 1_000);
    assert_eq!(p.rewards[1].vesting.unwrap().duration_seconds, 2_000);
    assert_eq!(
        claim_err(&mut s, "alice", vec![first, second]),
        ContractError::MixedRewardVesting {
            proposal_id: first,
            other_proposal_id: second,
        }
    );
    // nothing was marked: each claimed apart is its own grant
    assert_eq!(claimed(&mut s, "alice", vec![second]), 400);
    assert_eq!(claimed(&mut s, "alice", vec![first]), 400);
    let g = grants(&s, "alice").grants;
    let schedules: Vec<_> = g
        .iter()
        .map(|g| (g.schedule.cliff_seconds, g.schedule.duration_seconds))
        .collect();
    assert_eq!(schedules, vec![(10, 2_000), (0, 1_000)]);
    // an id that pays nothing does not count as another vesting
    let mut s2 = rewards_suite(Decimal::percent(50)).0;
    let paid = voted(&mut s2);
    let mut slower = settings(POOL, PERIOD, Decimal::percent(50));
    slower.vesting.duration_seconds = 2_000;
    update_rewards(&mut s2, RewardsChange::Set(slower)).unwrap();
    let unvoted = s2.propose("bob", vec![]).unwrap();
    s2.go_to(claimable_at(&s2, unvoted));
    assert_eq!(claimed(&mut s2, "alice", vec![paid, unvoted]), 400);
}

#[test]
fn zero_power_creates_no_proposal_and_strands_nothing() {
    let mut s = Suite::build(vec![("alice".into(), 100)], |m| {
        m.voter_rewards = Some(settings(POOL, PERIOD, Decimal::percent(50)))
    });
    let gov = s.gov.clone();
    let alice = s.addr("alice");
    let to_governance = TokenMsg::Transfer {
        recipient: gov.to_string(),
        amount: Uint128::new(100),
    };
    s.token_exec("alice", &to_governance).unwrap();
    s.next_block(5);
    // governance's own tokens never vote: no power can vote, so no proposal, and nothing
    // counts in the period's divisor
    let err = s
        .propose("alice", vec![])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::NoVotingPower);
    // governance hands them back (as an executed proposal would)
    let back = TokenMsg::Transfer {
        recipient: alice.to_string(),
        amount: Uint128::new(100),
    };
    let token = s.token.clone();
    s.app.execute_contract(gov, token, &back, &[]).unwrap();
    s.next_block(5);
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.go_to(claimable_at(&s, id));
    // the only proposal of the period, all of its power: the whole pool
    assert_eq!(claimed(&mut s, "alice", vec![id]), POOL);
}
