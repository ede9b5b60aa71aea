//! Flows 3 and 4: the DAO buys compute through the treasury; a provider over-reports, the DAO
//! disputes, rules by proposal, and slashes it.

use commons::asset::AssetInfoUnchecked;
use commons::escrow::{
    ExecuteMsg as EscrowMsg, JobResponse, JobSpec, JobStatus, QueryMsg as EscrowQuery,
};
use commons::governance::{ProposalAction, Status, Vote};
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons_testing::escrow::provider;
use commons_testing::suite::{Suite, SuiteBuilder, PAY, STAKE};
use cosmwasm_std::{coins, to_json_binary, CosmosMsg, Uint128, WasmMsg};

fn dao() -> Suite {
    let mut s = SuiteBuilder::new()
        .with_member("alice", 700)
        .with_member("bob", 300)
        .with_wallet("donor", coins(5_000, PAY))
        .with_native_limit(3_000, 86_400)
        .with_provider("gpu", 1_000)
        .with_escrow_fee(200)
        .with_challenge_period(50_000)
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

fn pass(s: &mut Suite, title: &str, actions: Vec<ProposalAction>) -> u64 {
    let id = s.propose("alice", title, actions).unwrap();
    // alice's 700 of 1_000 is decisive: bob's 300 can neither reject nor veto it
    s.vote("alice", id, Vote::Yes).unwrap();
    assert_eq!(s.proposal(id).status, Status::Passed);
    s.execute_when_ready(id).unwrap();
    id
}

fn job(s: &Suite, job_id: u64) -> JobResponse {
    s.app
        .wrap()
        .query_wasm_smart(&s.escrow, &EscrowQuery::Job { job_id })
        .unwrap()
}

fn buy_compute(s: &mut Suite) {
    let now = s.now();
    let create = ProposalAction::EscrowCreateJob {
        provider: Some(s.addr("gpu").to_string()),
        client: None,
        spec: JobSpec {
            uri: "ipfs://fine-tune".into(),
            hash: "sha256:abc".into(),
        },
        asset_info: AssetInfoUnchecked::Native(PAY.into()),
        price_per_unit: Uint128::new(20),
        max_units: Uint128::new(100),
        accept_by: now.plus_seconds(100_000),
        deadline: now.plus_seconds(1_000_000),
    };
    let id = pass(s, "Buy compute", vec![create]);
    assert_eq!(s.proposal(id).status, Status::Executed);
}

#[test]
fn the_dao_buys_compute_and_the_fee_lands_in_the_treasury() {
    let mut s = dao();
    let (treasury, escrow) = (s.treasury.clone(), s.escrow.clone());
    buy_compute(&mut s);
    s.assert_native(&treasury, PAY, 3_000);
    s.assert_native(&escrow, PAY, 2_000);
    let j = job(&s, 1);
    assert_eq!(
        (j.client.clone(), j.refund_to.clone()),
        (s.gov.clone(), treasury.clone())
    );

    s.exec("gpu", &escrow, &EscrowMsg::AcceptJob { job_id: 1 })
        .unwrap();
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ReportUsage {
            job_id: 1,
            units: Uint128::new(60),
            proof: Some("ipfs://logs".into()),
        },
    )
    .unwrap();
    s.wait(50_000);
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ClaimPayments { job_ids: vec![1] },
    )
    .unwrap();
    // 1_200 gross, 2% fee = 24 to the treasury
    s.assert_native(&s.addr("gpu"), PAY, 1_176);
    s.assert_native(&treasury, PAY, 3_024);
    s.exec("gpu", &escrow, &EscrowMsg::CompleteJob { job_id: 1 })
        .unwrap();
    // 40 unused units (800) come back to the treasury
    s.assert_native(&treasury, PAY, 3_824);
    s.assert_native(&escrow, PAY, 0);
    let p = provider(&s.app, &escrow, &s.addr("gpu")).unwrap();
    assert_eq!(p.jobs_completed, 1);
}

#[test]
fn over_reporting_is_disputed_ruled_and_slashed() {
    let mut s = dao();
    let (treasury, escrow) = (s.treasury.clone(), s.escrow.clone());
    buy_compute(&mut s);
    s.exec("gpu", &escrow, &EscrowMsg::AcceptJob { job_id: 1 })
        .unwrap();
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ReportUsage {
            job_id: 1,
            units: Uint128::new(90),
            proof: None,
        },
    )
    .unwrap();
    // the provider cannot claim before the challenge period ends
    assert!(s
        .exec(
            "gpu",
            &escrow,
            &EscrowMsg::ClaimPayments { job_ids: vec![1] }
        )
        .is_err());
    // governance, the client, disputes by proposal
    let dispute: CosmosMsg = WasmMsg::Execute {
        contract_addr: escrow.to_string(),
        msg: to_json_binary(&EscrowMsg::Dispute {
            job_id: 1,
            reason: "logs show 30 units".into(),
        })
        .unwrap(),
        funds: vec![],
    }
    .into();
    pass(
        &mut s,
        "Dispute job 1",
        vec![ProposalAction::Custom {
            msgs: vec![dispute],
        }],
    );
    assert_eq!(job(&s, 1).status, JobStatus::Disputed);
    // the ruling: 30 units approved, 400 of the stake slashed
    let ruling = ProposalAction::EscrowResolveDispute {
        job_id: 1,
        approved_units: Uint128::new(30),
        slash: Uint128::new(400),
    };
    pass(&mut s, "Rule on job 1", vec![ruling]);
    // 60 rejected units (1_200) refunded and 400 stake slashed, both to the treasury
    s.assert_native(&treasury, PAY, 3_000 + 1_200);
    s.assert_native(&treasury, STAKE, 400);
    let p = provider(&s.app, &escrow, &s.addr("gpu")).unwrap();
    assert_eq!(
        (p.stake.amount.u128(), p.disputes_lost, p.slashed.u128()),
        (600, 1, 400)
    );
    // the approved part is the provider's
    s.exec(
        "gpu",
        &escrow,
        &EscrowMsg::ClaimPayments { job_ids: vec![1] },
    )
    .unwrap();
    s.assert_native(&s.addr("gpu"), PAY, 600 - 12);
}
