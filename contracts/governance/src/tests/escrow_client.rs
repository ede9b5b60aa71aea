//! The DAO as a job's client: through a steward, or itself through typed proposal actions;
//! `propose` refuses a DAO job it could not dispute in time.

use super::escrow_actions::{dao, job, run};
use super::*;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{ExecuteMsg as EscrowMsg, JobSpec, JobStatus, UpdateConfigMsg};
use commons::treasury::LedgerKind;

fn create(s: &Suite, client: Option<&Addr>, units: u128) -> ProposalAction {
    let now = s.app.block_info().time;
    ProposalAction::EscrowCreateJob {
        provider: Some(s.addr("prov").to_string()),
        client: client.map(|c| c.to_string()),
        spec: JobSpec {
            uri: "ipfs://infer".into(),
            hash: "h".into(),
        },
        asset_info: AssetInfoUnchecked::Native("ucoin".into()),
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(units),
        accept_by: now.plus_seconds(100_000),
        deadline: now.plus_seconds(200_000),
    }
}

fn provider(s: &mut Suite, escrow: &Addr, msg: &EscrowMsg) {
    let prov = s.addr("prov");
    s.app
        .execute_contract(prov, escrow.clone(), msg, &[])
        .unwrap();
}

fn report(s: &mut Suite, escrow: &Addr, job_id: u64, units: u128) {
    let msg = EscrowMsg::ReportUsage {
        job_id,
        units: Uint128::new(units),
        proof: None,
    };
    provider(s, escrow, &msg);
}

/// Deposits the treasury's ledger lists, with their memos.
fn deposits(s: &Suite) -> Vec<(u128, String)> {
    let treasury = s.treasury.clone().unwrap();
    commons_testing::treasury::ledger(&s.app, &treasury)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == LedgerKind::Deposit)
        .map(|e| (e.asset.amount.u128(), e.memo.unwrap_or_default()))
        .collect()
}

#[test]
fn the_dao_approves_cancels_and_completes_its_jobs_by_proposal() {
    let (mut s, escrow) = dao();
    let treasury = s.treasury.clone().unwrap();
    let jobs = vec![create(&s, None, 10), create(&s, None, 10)];
    run(&mut s, jobs);
    assert_eq!(job(&s, &escrow, 1).client, s.gov);
    // job 2 is never accepted: the DAO cancels it for a full refund, into the ledger
    run(&mut s, vec![ProposalAction::EscrowCancelJob { job_id: 2 }]);
    assert_eq!(job(&s, &escrow, 2).status, JobStatus::Cancelled);
    assert_eq!(s.ucoin(&treasury), 5_000 - 100);
    // job 1: the provider reports; the DAO approves at once, then completes the job
    provider(&mut s, &escrow, &EscrowMsg::AcceptJob { job_id: 1 });
    report(&mut s, &escrow, 1, 6);
    run(
        &mut s,
        vec![ProposalAction::EscrowApproveUsage { job_id: 1 }],
    );
    assert_eq!(job(&s, &escrow, 1).units_payable.u128(), 6);
    run(
        &mut s,
        vec![ProposalAction::EscrowCompleteJob { job_id: 1 }],
    );
    assert_eq!(job(&s, &escrow, 1).status, JobStatus::Completed);
    // 4 unused units came back; the provider's claim pays the fee into the treasury too
    provider(
        &mut s,
        &escrow,
        &EscrowMsg::ClaimPayments { job_ids: vec![1] },
    );
    assert_eq!(s.ucoin(&treasury), 5_000 - 100 + 40 + 1);
    let memos: Vec<_> = deposits(&s).into_iter().skip(1).collect();
    assert_eq!(memos.len(), 3, "{memos:?}");
    assert_eq!(
        memos.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
        vec![100, 40, 1]
    );
    assert!(memos.iter().all(|(_, m)| m.contains("job")), "{memos:?}");
}

#[test]
fn a_steward_approves_and_disputes_for_the_dao() {
    let (mut s, escrow) = dao();
    let steward = s.addr("steward");
    let job_action = create(&s, Some(&steward), 50);
    run(&mut s, vec![job_action]);
    let j = job(&s, &escrow, 1);
    assert_eq!(
        (j.client.clone(), j.refund_to.clone()),
        (steward.clone(), s.treasury.clone().unwrap())
    );
    provider(&mut s, &escrow, &EscrowMsg::AcceptJob { job_id: 1 });
    report(&mut s, &escrow, 1, 45);
    // the steward disputes in a block, without a vote
    let dispute = EscrowMsg::Dispute {
        job_id: 1,
        reason: "20 units delivered".into(),
    };
    s.app
        .execute_contract(steward.clone(), escrow.clone(), &dispute, &[])
        .unwrap();
    assert_eq!(job(&s, &escrow, 1).status, JobStatus::Disputed);
    // the DAO rules as arbiter: the rejected units are refunded into the treasury's ledger
    run(
        &mut s,
        vec![ProposalAction::EscrowResolveDispute {
            job_id: 1,
            approved_units: Uint128::new(20),
            slash: Uint128::zero(),
        }],
    );
    let refunds = deposits(&s);
    assert_eq!(refunds.last().map(|(a, _)| *a), Some(250));
    // governance itself is not the client of this job
    let err = s
        .app
        .execute_contract(
            s.gov.clone(),
            escrow.clone(),
            &EscrowMsg::ApproveUsage { job_id: 1 },
            &[],
        )
        .unwrap_err();
    assert!(err.root_cause().to_string().contains("client"), "{err}");
}

#[test]
fn a_dao_job_it_could_not_dispute_in_time_needs_a_steward() {
    let (mut s, escrow) = dao();
    // the challenge period shrinks below voting plus the timelock (1_000 + 100 s)
    let shorter = ProposalAction::EscrowUpdateConfig(Box::new(UpdateConfigMsg {
        challenge_period_seconds: Some(VOTING + DELAY),
        ..Default::default()
    }));
    run(&mut s, vec![shorter]);
    let err = s
        .propose("alice", vec![create(&s, None, 10)])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    match err {
        ContractError::InvalidAction { index: 0, reason } => {
            assert!(reason.contains("steward"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // one second longer than voting plus the timelock is enough
    let longer = ProposalAction::EscrowUpdateConfig(Box::new(UpdateConfigMsg {
        challenge_period_seconds: Some(VOTING + DELAY + 1),
        ..Default::default()
    }));
    let steward = s.addr("steward");
    let job_action = create(&s, Some(&steward), 10);
    run(&mut s, vec![job_action, longer]);
    assert_eq!(job(&s, &escrow, 1).client, steward);
    s.propose("alice", vec![create(&s, None, 10)]).unwrap();
}

#[test]
fn client_actions_are_checked_at_propose() {
    let mut s = Suite::with_treasury(|_| {});
    let err = s
        .propose(
            "alice",
            vec![ProposalAction::EscrowApproveUsage { job_id: 1 }],
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::InvalidAction {
            index: 0,
            reason: "no escrow is configured".into()
        }
    );
    let (mut s, _) = dao();
    for reason in [String::new(), "x".repeat(1_001)] {
        let err = s
            .propose(
                "alice",
                vec![ProposalAction::EscrowDispute { job_id: 1, reason }],
            )
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap();
        assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
    }
    let bad_steward = ProposalAction::EscrowCreateJob {
        provider: None,
        client: Some("Not An Address".into()),
        spec: JobSpec {
            uri: "u".into(),
            hash: "h".into(),
        },
        asset_info: AssetInfoUnchecked::Native("ucoin".into()),
        price_per_unit: Uint128::one(),
        max_units: Uint128::one(),
        accept_by: s.app.block_info().time.plus_seconds(10_000),
        deadline: s.app.block_info().time.plus_seconds(20_000),
    };
    let err = s
        .propose("alice", vec![bad_steward])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
}
