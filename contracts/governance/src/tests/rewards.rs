//! Voter rewards: pro rata, vested, once per voter and proposal, within the period budget.

use super::*;
use commons::governance::{PendingRewardsResponse, RewardVesting, VoterRewardsConfig};
use commons::reward_token::{QueryMsg as TokenQuery, VestingResponse};

fn rewards_suite(max_per_period: u128, min_turnout: u64) -> Suite {
    Suite::with(|m| {
        m.voter_rewards = Some(VoterRewardsConfig {
            amount_per_proposal: Uint128::new(1_000),
            max_per_period: Uint128::new(max_per_period),
            period_seconds: 10_000,
            vesting: RewardVesting {
                cliff_seconds: 0,
                duration_seconds: 1_000,
            },
            min_turnout: Decimal::percent(min_turnout),
        })
    })
}

fn claim(s: &mut Suite, voter: &str, ids: Vec<u64>) -> AnyResult<AppResponse> {
    s.exec(voter, &ExecuteMsg::ClaimVoteRewards { proposal_ids: ids })
}

fn grants(s: &Suite, who: &str) -> VestingResponse {
    s.app
        .wrap()
        .query_wasm_smart(
            s.token.clone(),
            &TokenQuery::Vesting {
                address: s.addr(who).to_string(),
                start_after: None,
                limit: None,
            },
        )
        .unwrap()
}

/// A proposal that alice (400), bob (300) and carol (200, no) voted on: 900 voted.
fn voted(s: &mut Suite) -> u64 {
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("carol", id, Vote::No).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("bob", id, Vote::Yes).unwrap();
    id
}

#[test]
fn pro_rata_vested_grant_once() {
    let mut s = rewards_suite(10_000, 0);
    let id = voted(&mut s);
    assert_eq!(s.status(id), Status::Passed);
    let res = claim(&mut s, "alice", vec![id]).unwrap();
    // 1_000 * 400 / 900 = 444.4 -> 444
    assert_eq!(attr(&res, "amount").as_deref(), Some("444"));
    let g = grants(&s, "alice");
    assert_eq!(g.grants.len(), 1);
    assert_eq!(g.grants[0].total.u128(), 444);
    assert_eq!(g.grants[0].schedule.duration_seconds, 1_000);
    assert!(!g.grants[0].revocable);
    claim(&mut s, "bob", vec![id]).unwrap();
    claim(&mut s, "carol", vec![id]).unwrap();
    let total: u128 = ["alice", "bob", "carol"]
        .iter()
        .map(|v| grants(&s, v).locked.u128())
        .sum();
    assert_eq!(total, 444 + 333 + 222);
    assert!(total <= 1_000);

    let err = claim(&mut s, "alice", vec![id])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::RewardAlreadyClaimed { proposal_id: id });
    let err = claim(&mut s, "dave", vec![id])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::DidNotVote { proposal_id: id });
    // later, the vested part can be claimed on the token
    s.next_block(500);
    s.token_exec("alice", &TokenMsg::ClaimVested { grant_ids: None })
        .unwrap();
    assert_eq!(s.balance(&s.addr("alice")), 400 + 222);
}

#[test]
fn one_grant_for_several_proposals_and_pending_query() {
    let mut s = rewards_suite(10_000, 0);
    let a = voted(&mut s);
    let b = voted(&mut s);
    let open = s.propose("alice", vec![]).unwrap();
    s.vote("dave", open, Vote::Yes).unwrap();
    let pending: PendingRewardsResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::PendingVoteRewards {
                voter: s.addr("alice").to_string(),
                proposal_ids: vec![a, b, open],
            },
        )
        .unwrap();
    assert_eq!(pending.total.u128(), 888);
    assert!(pending.rewards[2].unavailable.is_some());
    assert_eq!(pending.period_remaining.u128(), 10_000);
    let err = claim(&mut s, "dave", vec![open])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::VotingNotFinished { proposal_id: open });
    claim(&mut s, "alice", vec![a, b]).unwrap();
    assert_eq!(grants(&s, "alice").grants.len(), 1);
    assert_eq!(grants(&s, "alice").locked.u128(), 888);
}

#[test]
fn turnout_below_minimum_pays_nothing() {
    let mut s = rewards_suite(10_000, 95);
    let id = voted(&mut s); // 900 of 1_000 = 90%
    let err = claim(&mut s, "alice", vec![id])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::TurnoutTooLow { proposal_id: id });
    let mut s = rewards_suite(10_000, 90);
    let id = voted(&mut s);
    claim(&mut s, "alice", vec![id]).unwrap();
}

#[test]
fn never_more_than_the_period_budget() {
    let mut s = rewards_suite(1_000, 0);
    let a = voted(&mut s);
    let b = voted(&mut s);
    claim(&mut s, "alice", vec![a, b]).unwrap(); // 888
    let err = claim(&mut s, "bob", vec![a])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    let period_end = match err {
        ContractError::RewardBudgetExhausted {
            requested,
            available,
            next_period_at,
        } => {
            assert_eq!((requested.u128(), available.u128()), (333, 112));
            next_period_at
        }
        other => panic!("{other:?}"),
    };
    // the claim was not recorded: it succeeds in the next period
    s.go_to(period_end.minus_seconds(1));
    assert!(claim(&mut s, "bob", vec![a]).is_err());
    s.go_to(period_end);
    claim(&mut s, "bob", vec![a]).unwrap();
    assert_eq!(grants(&s, "bob").locked.u128(), 333);
}

#[test]
fn rewards_disabled() {
    let mut s = Suite::new();
    let id = voted(&mut s);
    let err = claim(&mut s, "alice", vec![id])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::RewardsDisabled);
}
