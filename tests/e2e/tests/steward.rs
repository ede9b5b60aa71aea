//! Flow 8: the DAO buys compute through a steward, who approves and disputes usage for it in a
//! block; refunds and slashes land in the treasury's ledger; and where the challenge period is
//! longer than voting plus the timelock, the DAO disputes its own job by proposal.

use commons::asset::AssetInfoUnchecked;
use commons::escrow::{
    ExecuteMsg as EscrowMsg, JobResponse, JobSpec, JobStatus, QueryMsg as EscrowQuery,
};
use commons::governance::{ProposalAction, Status, Vote};
use commons::treasury::{ExecuteMsg as TreasuryMsg, LedgerEntry, LedgerKind};
use commons_testing::suite::{Suite, SuiteBuilder, PAY, STAKE};
use commons_testing::treasury::ledger;
use cosmwasm_std::{coins, Uint128};

/// Voting 1_000 s and a 100 s timelock (the builder's defaults).
const VOTE_AND_TIMELOCK: u64 = 1_100;

fn dao(challenge: u64) -> Suite {
    let mut s = SuiteBuilder::new()
        .with_member("alice", 700)
        .with_member("bob", 300)
        .with_wallet("donor", coins(5_000, PAY))
        .with_native_limit(3_000, 86_400)
        .with_provider("gpu", 1_000)
        .with_challenge_period(challenge)
        .build();
    let treasury = s.treasury.clone();
    s.exec_funds(
        "donor",
        &treasury,
        &TreasuryMsg::Deposit { memo: None },
        coins(5_000, PAY),
    )
    .unwrap();
    s
}

fn pass(s: &mut Suite, title: &str, actions: Vec<ProposalAction>) {
    let id = s.propose("alice", title, actions).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.execute_when_ready(id).unwrap();
    assert_eq!(s.proposal(id).status, Status::Executed, "{title}");
}

fn buy(s: &mut Suite, client: Option<&str>) {
    let now = s.now();
    let create = ProposalAction::EscrowCreateJob {
        provider: Some(s.addr("gpu").to_string()),
        client: client.map(|c| s.addr(c).to_string()),
        spec: JobSpec {
            uri: "ipfs://batch-inference".into(),
            hash: "sha256:def".into(),
        },
        asset_info: AssetInfoUnchecked::Native(PAY.into()),
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(100),
        accept_by: now.plus_seconds(100_000),
        deadline: now.plus_seconds(1_000_000),
    };
    pass(s, "Buy compute", vec![create]);
    let escrow = s.escrow.clone();
    s.exec("gpu", &escrow, &EscrowMsg::AcceptJob { job_id: 1 })
        .unwrap();
}

fn report(s: &mut Suite, units: u128) {
    let escrow = s.escrow.clone();
    let msg = EscrowMsg::ReportUsage {
        job_id: 1,
        units: Uint128::new(units),
        proof: None,
    };
    s.exec("gpu", &escrow, &msg).unwrap();
}

fn job(s: &Suite) -> JobResponse {
    s.app
        .wrap()
        .query_wasm_smart(&s.escrow, &EscrowQuery::Job { job_id: 1 })
        .unwrap()
}

fn ledger_deposits(s: &Suite) -> Vec<LedgerEntry> {
    ledger(&s.app, &s.treasury)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == LedgerKind::Deposit && e.counterparty == s.escrow)
        .collect()
}

#[test]
fn a_steward_approves_and_disputes_for_the_dao_and_refunds_reach_the_ledger() {
    // a challenge period far shorter than a vote: only a steward can dispute in time
    let mut s = dao(300);
    let escrow = s.escrow.clone();
    buy(&mut s, Some("steward"));
    assert_eq!(job(&s).client, s.addr("steward"));
    // the first report is honest: the steward approves it at once
    report(&mut s, 20);
    s.exec("steward", &escrow, &EscrowMsg::ApproveUsage { job_id: 1 })
        .unwrap();
    assert_eq!(job(&s).units_payable.u128(), 20);
    // the second is inflated: the steward disputes it within its 300 s
    s.wait(10);
    report(&mut s, 90);
    s.wait(299);
    let dispute = EscrowMsg::Dispute {
        job_id: 1,
        reason: "the logs show 50 units".into(),
    };
    s.exec("steward", &escrow, &dispute).unwrap();
    assert_eq!(job(&s).status, JobStatus::Disputed);
    // the DAO rules as arbiter: 30 of the 70 disputed units approved, 200 stake slashed
    let ruling = ProposalAction::EscrowResolveDispute {
        job_id: 1,
        approved_units: Uint128::new(30),
        slash: Uint128::new(200),
    };
    pass(&mut s, "Rule on job 1", vec![ruling]);
    // refund (40 units = 400) and slash (200 ustake) arrived through the treasury's deposit
    let deposits = ledger_deposits(&s);
    let amounts: Vec<_> = deposits
        .iter()
        .map(|e| (e.asset.amount.u128(), e.asset.info.to_string()))
        .collect();
    assert!(
        amounts.contains(&(400, format!("native:{PAY}"))),
        "{amounts:?}"
    );
    assert!(
        amounts.contains(&(200, format!("native:{STAKE}"))),
        "{amounts:?}"
    );
    assert!(deposits
        .iter()
        .all(|e| e.memo.as_deref().is_some_and(|m| m.contains("job 1"))));
    // the provider claims 50 units (500, fee 5 to the treasury), then completes the job
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ClaimPayments { job_ids: vec![1] },
    )
    .unwrap();
    s.exec("gpu", &escrow, &EscrowMsg::CompleteJob { job_id: 1 })
        .unwrap();
    s.assert_native(&s.addr("gpu"), PAY, 495);
    // everything the treasury holds is in its ledger: 5_000 in, 1_000 out, then the refund of
    // the rejected units (400), the fee (5) and the 10 units never reported (100) back
    s.assert_native(&s.treasury, PAY, 5_000 - 1_000 + 400 + 5 + 100);
    s.assert_native(&escrow, PAY, 0);
    let ledger_net: u128 = ledger_deposits(&s)
        .iter()
        .filter(|e| e.asset.info.to_string() == format!("native:{PAY}"))
        .map(|e| e.asset.amount.u128())
        .sum();
    assert_eq!(ledger_net, 400 + 5 + 100);
}

#[test]
fn the_dao_disputes_its_own_job_when_the_challenge_outlasts_a_vote() {
    let mut s = dao(VOTE_AND_TIMELOCK + 500);
    buy(&mut s, None);
    assert_eq!(job(&s).client, s.gov);
    report(&mut s, 80);
    // a dispute proposal: voting, timelock, execution, all inside the challenge period
    pass(
        &mut s,
        "Dispute job 1",
        vec![ProposalAction::EscrowDispute {
            job_id: 1,
            reason: "the logs show 40 units".into(),
        }],
    );
    assert_eq!(job(&s).status, JobStatus::Disputed);
    pass(
        &mut s,
        "Rule on job 1",
        vec![ProposalAction::EscrowResolveDispute {
            job_id: 1,
            approved_units: Uint128::new(40),
            slash: Uint128::zero(),
        }],
    );
    // 40 rejected units (400) back in the treasury, through its ledger
    let deposits = ledger_deposits(&s);
    assert_eq!(deposits.len(), 1);
    assert_eq!(deposits[0].asset.amount.u128(), 400);
    s.assert_native(&s.treasury, PAY, 5_000 - 1_000 + 400);
}

#[test]
fn without_a_steward_a_too_short_challenge_is_refused_at_propose() {
    let mut s = dao(VOTE_AND_TIMELOCK);
    let now = s.now();
    let create = ProposalAction::EscrowCreateJob {
        provider: None,
        client: None,
        spec: JobSpec {
            uri: "ipfs://x".into(),
            hash: "h".into(),
        },
        asset_info: AssetInfoUnchecked::Native(PAY.into()),
        price_per_unit: Uint128::new(1),
        max_units: Uint128::new(1),
        accept_by: now.plus_seconds(100_000),
        deadline: now.plus_seconds(200_000),
    };
    let err = s.propose("alice", "Unsafe job", vec![create]).unwrap_err();
    assert!(err.root_cause().to_string().contains("steward"), "{err}");
}
