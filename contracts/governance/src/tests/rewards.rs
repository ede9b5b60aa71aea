//! Voter rewards: a pool per period shared by the period's proposals, pro rata to power,
//! claimable once the period has ended and the proposal is final, as one vested grant.

use super::*;
use commons::governance::{
    PendingRewardsResponse, RewardVesting, RewardsChange, UpdateConfigMsg, VoterRewardsConfig,
};
use commons::reward_token::{QueryMsg as TokenQuery, SupplyResponse, VestingResponse};

/// Pool and period of the test settings: 1_000 per 10_000 s.
pub const POOL: u128 = 1_000;
pub const PERIOD: u64 = 10_000;

/// Settings paying `pool` per `period` seconds above `min_turnout`, vesting over 1_000 s.
pub fn settings(pool: u128, period: u64, min_turnout: Decimal) -> VoterRewardsConfig {
    VoterRewardsConfig {
        pool_per_period: Uint128::new(pool),
        period_seconds: period,
        vesting: RewardVesting {
            cliff_seconds: 0,
            duration_seconds: 1_000,
        },
        min_turnout,
    }
}

/// MEMBERS (400, 300, 200, 100) under `POOL` per `PERIOD` above `min_turnout`; returns the
/// suite and the start of the first period (governance's instantiation).
pub fn rewards_suite(min_turnout: Decimal) -> (Suite, Timestamp) {
    let s = Suite::with(|m| m.voter_rewards = Some(settings(POOL, PERIOD, min_turnout)));
    // `Suite::with` waits one 5 s block after instantiating
    let start = s.app.block_info().time.minus_seconds(5);
    (s, start)
}

pub fn claim(s: &mut Suite, voter: &str, ids: Vec<u64>) -> AnyResult<AppResponse> {
    s.exec(voter, &ExecuteMsg::ClaimVoteRewards { proposal_ids: ids })
}

/// What a successful claim paid (its `amount` attribute).
pub fn claimed(s: &mut Suite, voter: &str, ids: Vec<u64>) -> u128 {
    let res = claim(s, voter, ids).unwrap();
    attr(&res, "amount").unwrap().parse().unwrap()
}

pub fn claim_err(s: &mut Suite, voter: &str, ids: Vec<u64>) -> ContractError {
    s.exec_err(voter, &ExecuteMsg::ClaimVoteRewards { proposal_ids: ids })
}

pub fn pending(s: &Suite, voter: &str, ids: Vec<u64>) -> PendingRewardsResponse {
    let msg = QueryMsg::PendingVoteRewards {
        voter: s.addr(voter).to_string(),
        proposal_ids: ids,
    };
    s.app.wrap().query_wasm_smart(s.gov.clone(), &msg).unwrap()
}

/// When proposal `id`'s rewards become claimable (the end of its reward period).
pub fn claimable_at(s: &Suite, id: u64) -> Timestamp {
    pending(s, "alice", vec![id]).rewards[0]
        .claimable_at
        .unwrap()
}

pub fn grants(s: &Suite, who: &str) -> VestingResponse {
    let msg = TokenQuery::Vesting {
        address: s.addr(who).to_string(),
        start_after: None,
        limit: None,
    };
    s.app
        .wrap()
        .query_wasm_smart(s.token.clone(), &msg)
        .unwrap()
}

pub fn minted(s: &Suite) -> u128 {
    let supply: SupplyResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.token.clone(), &TokenQuery::Supply {})
        .unwrap();
    supply.minted_total.u128()
}

/// Changes the reward settings as governance itself (what an executed
/// `update_governance_config` action does).
pub fn update_rewards(s: &mut Suite, change: RewardsChange) -> AnyResult<AppResponse> {
    let msg = ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
        voter_rewards: Some(change),
        ..Default::default()
    }));
    let gov = s.gov.clone();
    s.app.execute_contract(gov.clone(), gov, &msg, &[])
}

/// A proposal carol (200, no), alice (400, yes) and bob (300, yes) voted on: 900 of 1_000
/// voted, and it passed when bob voted.
pub fn voted(s: &mut Suite) -> u64 {
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("carol", id, Vote::No).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("bob", id, Vote::Yes).unwrap();
    id
}

#[test]
fn a_period_pays_its_pool_over_its_proposals_pro_rata() {
    let (mut s, _) = rewards_suite(Decimal::percent(50));
    let minted_before = minted(&s);
    let busy = voted(&mut s);
    // alice alone: 400 of 1_000 is below the 50% turnout, so it pays nobody; it still counts
    // in the period's divisor
    let quiet = s.propose("bob", vec![]).unwrap();
    s.vote("alice", quiet, Vote::Yes).unwrap();
    s.go_to(claimable_at(&s, busy));
    assert_eq!(claimable_at(&s, quiet), claimable_at(&s, busy));

    // pool / 2 proposals * power / 1_000
    let res = claim(&mut s, "alice", vec![busy, quiet]).unwrap();
    assert_eq!(attr(&res, "amount").as_deref(), Some("200"));
    assert_eq!(attr(&res, "proposal_ids").as_deref(), Some("1"));
    assert_eq!(claimed(&mut s, "bob", vec![busy]), 150);
    assert_eq!(claimed(&mut s, "carol", vec![busy]), 100);
    let g = grants(&s, "alice");
    assert_eq!(g.grants.len(), 1);
    assert_eq!(g.grants[0].total.u128(), 200);
    assert_eq!(g.grants[0].schedule.start_time, s.app.block_info().time);
    assert_eq!(g.grants[0].schedule.duration_seconds, 1_000);
    assert!(!g.grants[0].revocable);
    // the quiet proposal's half of the pool and dave's share were not earned: never minted
    assert_eq!(minted(&s) - minted_before, 450);
    assert_eq!(
        claim_err(&mut s, "alice", vec![quiet]),
        ContractError::NothingToClaim
    );
    assert_eq!(
        claim_err(&mut s, "dave", vec![busy]),
        ContractError::NothingToClaim
    );
    // the vested part is claimed on the token
    s.next_block(500);
    s.token_exec("alice", &TokenMsg::ClaimVested { grant_ids: None })
        .unwrap();
    assert_eq!(s.balance(&s.addr("alice")), 400 + 100);
}

#[test]
fn claims_open_when_the_period_ends_to_the_second() {
    let (mut s, start) = rewards_suite(Decimal::percent(50));
    let id = voted(&mut s);
    let end = claimable_at(&s, id);
    // periods count from the moment rewards were configured
    assert_eq!(end, start.plus_seconds(PERIOD));
    s.go_to(end.minus_seconds(1));
    assert_eq!(
        claim_err(&mut s, "alice", vec![id]),
        ContractError::NothingToClaim
    );
    let why = ContractError::RewardPeriodNotOver {
        proposal_id: id,
        ends_at: end,
    };
    let p = pending(&s, "alice", vec![id]);
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    assert_eq!(p.total, Uint128::zero());
    // a proposal created in the period's last second belongs to it; one created at its end
    // to the next
    let last = s.propose("alice", vec![]).unwrap();
    assert_eq!(claimable_at(&s, last), end);
    s.go_to(end);
    let next = s.propose("alice", vec![]).unwrap();
    assert_eq!(claimable_at(&s, next), end.plus_seconds(PERIOD));
    // two proposals were created in the first period: 1_000 / 2 * 400 / 1_000
    assert_eq!(claimed(&mut s, "alice", vec![id]), 200);
    s.go_to(end.plus_seconds(1));
    assert_eq!(claimed(&mut s, "bob", vec![id]), 150);
}

#[test]
fn turnout_just_below_the_minimum_pays_nothing_and_at_it_pays() {
    let members = [("alice", 899), ("bob", 1), ("carol", 100)];
    let mut s = Suite::build(
        members.iter().map(|(m, a)| (m.to_string(), *a)).collect(),
        |m| m.voter_rewards = Some(settings(POOL, PERIOD, Decimal::percent(90))),
    );
    // 899 of 1_000 voted: just below 90%
    let below = s.propose("alice", vec![]).unwrap();
    s.vote("alice", below, Vote::Yes).unwrap();
    // 900 of 1_000: exactly 90%
    let at = s.propose("alice", vec![]).unwrap();
    s.vote("bob", at, Vote::Yes).unwrap();
    s.vote("alice", at, Vote::Yes).unwrap();
    s.go_to(claimable_at(&s, at));
    let p = pending(&s, "alice", vec![below, at]);
    let why = ContractError::TurnoutTooLow { proposal_id: below };
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    // 1_000 / 2 proposals * 899 / 1_000 = 449.5
    assert_eq!(p.rewards[1].amount.u128(), 449);
    assert_eq!(claimed(&mut s, "alice", vec![below, at]), 449);
    // bob's 1_000 / 2 * 1 / 1_000 = 0.5 rounds down to nothing
    let p = pending(&s, "bob", vec![at]);
    let why = ContractError::RewardRoundsToZero { proposal_id: at };
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    assert_eq!(
        claim_err(&mut s, "bob", vec![at]),
        ContractError::NothingToClaim
    );
}

#[test]
fn never_twice_per_voter_and_proposal() {
    let (mut s, _) = rewards_suite(Decimal::percent(50));
    let a = voted(&mut s);
    let b = voted(&mut s);
    s.go_to(claimable_at(&s, b));
    assert_eq!(claimed(&mut s, "alice", vec![a]), 200);
    let p = pending(&s, "alice", vec![a, b]);
    let why = ContractError::RewardAlreadyClaimed { proposal_id: a };
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    assert_eq!(p.total.u128(), 200);
    // the claimed id is skipped, the other pays
    let res = claim(&mut s, "alice", vec![a, b]).unwrap();
    assert_eq!(attr(&res, "amount").as_deref(), Some("200"));
    assert_eq!(attr(&res, "proposal_ids"), Some(b.to_string()));
    assert_eq!(
        claim_err(&mut s, "alice", vec![a, b]),
        ContractError::NothingToClaim
    );
    assert_eq!(grants(&s, "alice").locked.u128(), 400);
    // the ballot shows it
    let vote: commons::governance::VoteResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::GetVote {
                proposal_id: a,
                voter: s.addr("alice").to_string(),
            },
        )
        .unwrap();
    assert!(vote.ballot.unwrap().reward_claimed);
}

#[test]
fn open_proposals_pay_once_decided() {
    let (mut s, start) = rewards_suite(Decimal::percent(30));
    // created 10 s before the period ends, voting runs 990 s past it
    s.go_to(start.plus_seconds(PERIOD - 10));
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    let end = claimable_at(&s, id);
    s.go_to(end);
    assert_eq!(s.status(id), Status::Open);
    let why = ContractError::VotingNotFinished { proposal_id: id };
    let p = pending(&s, "alice", vec![id]);
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    assert_eq!(p.rewards[0].claimable_at, Some(end));
    assert_eq!(
        claim_err(&mut s, "alice", vec![id]),
        ContractError::NothingToClaim
    );
    // the skipped id was not marked: once voting ends (rejected, 400 of 1_000), it pays
    s.go_to(s.proposal(id).voting_ends_at);
    assert_eq!(s.status(id), Status::Rejected);
    assert_eq!(claimed(&mut s, "alice", vec![id]), 400);
}

#[test]
fn bounded_unique_lists_and_unknown_ids() {
    let (mut s, _) = rewards_suite(Decimal::percent(50));
    let id = voted(&mut s);
    s.go_to(claimable_at(&s, id));
    // thirty ids are accepted; the unknown ones are skipped
    let mut ids: Vec<u64> = (100..129).collect();
    ids.push(id);
    let p = pending(&s, "bob", ids.clone());
    assert_eq!(p.rewards.len(), 30);
    let why = ContractError::ProposalNotFound { proposal_id: 100 };
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    assert_eq!(
        (p.rewards[0].claimable_at, p.rewards[0].vesting),
        (None, None)
    );
    assert_eq!(p.total.u128(), 300);
    assert_eq!(claimed(&mut s, "bob", ids), 300);
    assert_eq!(
        claim_err(&mut s, "carol", (100..110).collect()),
        ContractError::NothingToClaim
    );
    // the query is bounded like the claim
    for ids in [vec![id, id], (1..=31).collect(), vec![]] {
        let msg = QueryMsg::PendingVoteRewards {
            voter: s.addr("bob").to_string(),
            proposal_ids: ids,
        };
        let res: Result<PendingRewardsResponse, _> =
            s.app.wrap().query_wasm_smart(s.gov.clone(), &msg);
        assert!(res.is_err());
    }
}

#[test]
fn rewards_off_pay_nothing_and_removal_keeps_what_was_promised() {
    let mut s = Suite::new();
    let before = voted(&mut s);
    let p = pending(&s, "alice", vec![before]);
    let why = ContractError::NoRewardsForProposal {
        proposal_id: before,
    };
    assert_eq!(p.rewards[0].unavailable, Some(why.to_string()));
    assert_eq!(p.rewards[0].claimable_at, None);

    // turned on, then a proposal, then turned off again
    let on = RewardsChange::Set(settings(POOL, PERIOD, Decimal::percent(50)));
    update_rewards(&mut s, on).unwrap();
    let during = voted(&mut s);
    update_rewards(&mut s, RewardsChange::Remove).unwrap();
    let after = voted(&mut s);
    s.go_to(claimable_at(&s, during));
    let res = claim(&mut s, "alice", vec![before, during, after]).unwrap();
    assert_eq!(attr(&res, "amount").as_deref(), Some("400"));
    assert_eq!(attr(&res, "proposal_ids"), Some(during.to_string()));
}
