//! Adversarial flows: flash voting, a captured majority, reclaiming payable usage, a failing
//! action, claiming rewards twice.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{CreateJobMsg, ExecuteMsg as EscrowMsg, JobSpec};
use commons::governance::{ProposalAction, RewardVesting, Status, Vote, VoterRewardsConfig};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons_testing::suite::{SuiteBuilder, PAY};
use cosmwasm_std::{coins, Decimal, Uint128};

fn spend(to: &str, s: &commons_testing::suite::Suite, amount: u128) -> ProposalAction {
    ProposalAction::TreasurySpend {
        recipient: s.addr(to).to_string(),
        asset: AssetUnchecked {
            info: AssetInfoUnchecked::Native(PAY.into()),
            amount: Uint128::new(amount),
        },
        memo: None,
    }
}

#[test]
fn flash_voting_with_tokens_bought_after_the_proposal_opened() {
    let mut s = SuiteBuilder::new()
        .with_member("alice", 300)
        .with_member("whale", 700)
        .build();
    let id = s.propose("alice", "Signal", vec![]).unwrap();
    // the attacker buys the whale's tokens after the proposal opened
    let token = s.token.clone();
    let attacker = s.addr("attacker").to_string();
    s.exec(
        "whale",
        &token,
        &TokenMsg::Transfer {
            recipient: attacker,
            amount: Uint128::new(700),
        },
    )
    .unwrap();
    s.wait(5);
    assert!(
        s.vote("attacker", id, Vote::Yes).is_err(),
        "no power at the snapshot"
    );
    // the whale, who sold, still votes with its snapshot power
    s.vote("whale", id, Vote::No).unwrap();
    assert_eq!(s.proposal(id).tally.no.u128(), 700);
    assert_eq!(s.proposal(id).status, Status::Rejected);
}

#[test]
fn a_captured_majority_cannot_drain_the_treasury() {
    let mut s = SuiteBuilder::new()
        .with_member("captor", 900)
        .with_member("minority", 100)
        .with_wallet("donor", coins(10_000, PAY))
        .with_native_limit(1_000, 86_400)
        .build();
    let treasury = s.treasury.clone();
    s.exec_funds(
        "donor",
        &treasury,
        &TreasuryMsg::Deposit { memo: None },
        coins(10_000, PAY),
    )
    .unwrap();
    let drain: Vec<_> = (0..10).map(|_| spend("captor", &s, 1_000)).collect();
    let id = s.propose("captor", "Drain", drain).unwrap();
    s.vote("captor", id, Vote::Yes).unwrap();
    s.execute_when_ready(id).unwrap();
    assert_eq!(s.proposal(id).status, Status::ExecutionFailed);
    // the whole proposal failed atomically: not even the first 1_000 left
    s.assert_native(&treasury, PAY, 10_000);
    // within the limit it works, and then the window is spent
    let id = s
        .propose("captor", "Take the limit", vec![spend("captor", &s, 1_000)])
        .unwrap();
    s.vote("captor", id, Vote::Yes).unwrap();
    s.execute_when_ready(id).unwrap();
    let id = s
        .propose("captor", "Take more", vec![spend("captor", &s, 1)])
        .unwrap();
    s.vote("captor", id, Vote::Yes).unwrap();
    s.execute_when_ready(id).unwrap();
    assert_eq!(s.proposal(id).status, Status::ExecutionFailed);
    s.assert_native(&treasury, PAY, 9_000);
}

#[test]
fn a_client_cannot_reclaim_payable_usage() {
    let mut s = SuiteBuilder::new()
        .with_member("alice", 1)
        .with_wallet("client", coins(1_000, PAY))
        .with_provider("gpu", 500)
        .build();
    let escrow = s.escrow.clone();
    let now = s.now();
    let job = CreateJobMsg {
        provider: Some(s.addr("gpu").to_string()),
        client: None,
        refund_to: None,
        spec: JobSpec {
            uri: "ipfs://render".into(),
            hash: "h".into(),
        },
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(100),
        accept_by: now.plus_seconds(100),
        deadline: now.plus_seconds(1_000),
    };
    s.exec_funds(
        "client",
        &escrow,
        &EscrowMsg::CreateJob(job),
        coins(1_000, PAY),
    )
    .unwrap();
    s.exec("gpu", &escrow, &EscrowMsg::AcceptJob { job_id: 1 })
        .unwrap();
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ReportUsage {
            job_id: 1,
            units: Uint128::new(40),
            proof: None,
        },
    )
    .unwrap();
    s.wait(100); // the challenge period is over: 40 units are payable
    assert!(s
        .exec(
            "client",
            &escrow,
            &EscrowMsg::Dispute {
                job_id: 1,
                reason: "changed my mind".into()
            }
        )
        .is_err());
    s.wait(1_000); // past the deadline
    s.exec("client", &escrow, &EscrowMsg::CancelJob { job_id: 1 })
        .unwrap();
    s.assert_native(&s.addr("client"), PAY, 600);
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ClaimPayments { job_ids: vec![1] },
    )
    .unwrap();
    s.assert_native(&s.addr("gpu"), PAY, 396); // 400 less the 1% fee
    s.assert_native(&escrow, PAY, 0);
}

#[test]
fn a_failing_action_moves_nothing_and_the_proposal_is_not_stuck() {
    let mut s = SuiteBuilder::new().with_member("alice", 1_000).build();
    let eve = s.addr("eve").to_string();
    let actions = vec![
        ProposalAction::TokenMint {
            recipient: eve.clone(),
            amount: Uint128::new(50),
        },
        ProposalAction::TokenRevokeVesting {
            recipient: eve,
            grant_id: 7,
        },
    ];
    let id = s.propose("alice", "Mint and revoke", actions).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.execute_when_ready(id).unwrap();
    let p = s.proposal(id);
    assert_eq!(p.status, Status::ExecutionFailed);
    assert!(p.execution_error.is_some());
    s.assert_token_balance("eve", 0);
}

#[test]
fn a_voter_cannot_claim_rewards_twice() {
    let rewards = VoterRewardsConfig {
        pool_per_period: Uint128::new(100),
        period_seconds: 86_400,
        vesting: RewardVesting {
            cliff_seconds: 0,
            duration_seconds: 10,
        },
        min_turnout: Decimal::percent(10),
    };
    let mut s = SuiteBuilder::new()
        .with_member("alice", 1_000)
        .with_rewards(rewards)
        .build();
    let id = s.propose("alice", "Signal", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    // not before the reward period is over
    assert!(s.claim_rewards("alice", vec![id]).is_err());
    s.wait_for_rewards(id);
    assert_eq!(s.claim_rewards("alice", vec![id]).unwrap(), 100);
    // twice in one claim, or again later: refused, nothing minted
    assert!(s.claim_rewards("alice", vec![id, id]).is_err());
    assert!(s.claim_rewards("alice", vec![id]).is_err());
    s.wait(10);
    let token = s.token.clone();
    s.exec("alice", &token, &TokenMsg::ClaimVested { grant_ids: None })
        .unwrap();
    s.assert_token_balance("alice", 1_100);
}
