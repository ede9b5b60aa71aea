//! Escrow actions: the DAO buys compute through the treasury and rules on disputes.

use super::*;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{
    ExecuteMsg as EscrowMsg, JobResponse, JobSpec, JobStatus, ProviderMetadata,
    QueryMsg as EscrowQuery, UpdateConfigMsg,
};
use commons::treasury::ExecuteMsg as TreasuryMsg;
use cosmwasm_std::coins;

use commons_testing::escrow::EscrowBuilder;

/// Governance with a funded treasury (5_000 ucoin) and an escrow whose arbiter is governance
/// and whose fees go to the treasury; "prov" is a registered provider.
pub(super) fn dao() -> (Suite, Addr) {
    let mut s = Suite::with_treasury(|_| {});
    let (admin, alice, prov) = (s.addr("admin"), s.addr("alice"), s.addr("prov"));
    let treasury = s.treasury.clone().unwrap();
    s.app
        .init_modules(|r, _, st| {
            r.bank.init_balance(st, &alice, coins(5_000, "ucoin"))?;
            r.bank.init_balance(st, &prov, coins(1_000, "ustake"))
        })
        .unwrap();
    s.app
        .execute_contract(
            alice,
            treasury.clone(),
            &TreasuryMsg::Deposit { memo: None },
            &coins(5_000, "ucoin"),
        )
        .unwrap();
    let escrow = EscrowBuilder::new(
        &admin,
        &treasury,
        AssetInfoUnchecked::Native("ucoin".into()),
        AssetInfoUnchecked::Native("ustake".into()),
    )
    .with_treasury(&treasury)
    .with_challenge_period(50_000)
    .with_unbonding(100)
    .with_max_job_duration(1_000_000)
    .instantiate(&mut s.app, &admin)
    .unwrap();
    // hand arbitration to governance, and tell governance where the escrow is
    let update = EscrowMsg::UpdateConfig(Box::new(UpdateConfigMsg {
        arbiter: Some(s.gov.to_string()),
        ..Default::default()
    }));
    s.app
        .execute_contract(admin, escrow.clone(), &update, &[])
        .unwrap();
    let gov = s.gov.clone();
    let set_escrow = ExecuteMsg::UpdateConfig(Box::new(commons::governance::UpdateConfigMsg {
        escrow: Some(escrow.to_string()),
        ..Default::default()
    }));
    s.app
        .execute_contract(gov.clone(), gov, &set_escrow, &[])
        .unwrap();
    let register = EscrowMsg::RegisterProvider {
        metadata: ProviderMetadata {
            name: "prov".into(),
            endpoint: String::new(),
            hardware: String::new(),
            region: String::new(),
        },
    };
    s.app
        .execute_contract(prov, escrow.clone(), &register, &coins(1_000, "ustake"))
        .unwrap();
    s.next_block(5);
    (s, escrow)
}

pub(super) fn run(s: &mut Suite, actions: Vec<ProposalAction>) -> u64 {
    let id = s.propose("alice", actions).unwrap();
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    id
}

pub(super) fn job(s: &Suite, escrow: &Addr, job_id: u64) -> JobResponse {
    s.app
        .wrap()
        .query_wasm_smart(escrow, &EscrowQuery::Job { job_id })
        .unwrap()
}

#[test]
fn the_dao_buys_compute_and_rules_on_a_dispute() {
    let (mut s, escrow) = dao();
    let treasury = s.treasury.clone().unwrap();
    let prov = s.addr("prov");
    let now = s.app.block_info().time;
    let create = ProposalAction::EscrowCreateJob {
        provider: Some(prov.to_string()),
        client: None,
        spec: JobSpec {
            uri: "ipfs://train".into(),
            hash: "h".into(),
        },
        asset_info: AssetInfoUnchecked::Native("ucoin".into()),
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(50),
        accept_by: now.plus_seconds(100_000),
        deadline: now.plus_seconds(500_000),
    };
    let id = run(&mut s, vec![create]);
    assert_eq!(s.status(id), Status::Executed);
    let j = job(&s, &escrow, 1);
    assert_eq!(
        (j.client.clone(), j.refund_to.clone(), j.balance.u128()),
        (s.gov.clone(), treasury.clone(), 500)
    );
    assert_eq!(s.ucoin(&treasury), 4_500);

    // the provider works, then over-reports
    s.app
        .execute_contract(
            prov.clone(),
            escrow.clone(),
            &EscrowMsg::AcceptJob { job_id: 1 },
            &[],
        )
        .unwrap();
    let report = EscrowMsg::ReportUsage {
        job_id: 1,
        units: Uint128::new(45),
        proof: None,
    };
    s.app
        .execute_contract(prov.clone(), escrow.clone(), &report, &[])
        .unwrap();
    // governance, the client, disputes through a proposal: the challenge period (50_000 s)
    // outlasts voting plus the timelock
    run(
        &mut s,
        vec![ProposalAction::EscrowDispute {
            job_id: 1,
            reason: "only 20 units delivered".into(),
        }],
    );
    assert_eq!(job(&s, &escrow, 1).status, JobStatus::Disputed);
    // and rules on it as arbiter
    let ruling = ProposalAction::EscrowResolveDispute {
        job_id: 1,
        approved_units: Uint128::new(20),
        slash: Uint128::new(300),
    };
    run(&mut s, vec![ruling]);
    let j = job(&s, &escrow, 1);
    assert_eq!((j.status, j.units_payable.u128()), (JobStatus::Running, 20));
    // 25 rejected units (250) and 300 slashed stake went to the treasury
    assert_eq!(s.ucoin(&treasury), 4_750);
    assert_eq!(
        s.app
            .wrap()
            .query_balance(&treasury, "ustake")
            .unwrap()
            .amount
            .u128(),
        300
    );
    let p = commons_testing::escrow::provider(&s.app, &escrow, &prov).unwrap();
    assert_eq!((p.disputes_lost, p.slashed.u128()), (1, 300));
    // the provider claims what was approved; the 1% fee lands in the treasury
    s.app
        .execute_contract(
            prov.clone(),
            escrow.clone(),
            &EscrowMsg::ClaimPayments { job_ids: vec![1] },
            &[],
        )
        .unwrap();
    assert_eq!(s.ucoin(&prov), 198);
    assert_eq!(s.ucoin(&treasury), 4_752);
}

#[test]
fn escrow_actions_need_an_escrow_and_sane_amounts() {
    let mut s = Suite::with_treasury(|_| {});
    let now = s.app.block_info().time;
    let create = |price: Uint128| ProposalAction::EscrowCreateJob {
        provider: None,
        client: None,
        spec: JobSpec {
            uri: "u".into(),
            hash: "h".into(),
        },
        asset_info: AssetInfoUnchecked::Native("ucoin".into()),
        price_per_unit: price,
        max_units: Uint128::new(2),
        accept_by: now.plus_seconds(10_000),
        deadline: now.plus_seconds(20_000),
    };
    let err = s
        .propose("alice", vec![create(Uint128::new(1))])
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
    let err = s
        .propose("alice", vec![create(Uint128::MAX)])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
    let err = s
        .propose("alice", vec![create(Uint128::zero())])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
}
