//! Payments to the configured treasury go through its deposit messages, so its ledger sees
//! every fee, refund and slash; cw20s it would refuse are refused before funds are locked.

use super::*;
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, LedgerKind, LedgerResponse, QueryMsg as TreasuryQuery,
};

/// (memo, amount:asset) of every ledger entry, oldest first; all are deposits by the escrow.
fn ledger(s: &Suite) -> Vec<(String, String)> {
    let r: LedgerResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.treasury.clone(),
            &TreasuryQuery::Ledger {
                start_after: None,
                limit: Some(30),
                reverse: None,
            },
        )
        .unwrap();
    r.entries
        .into_iter()
        .map(|e| {
            assert_eq!(
                (e.kind, e.counterparty),
                (LedgerKind::Deposit, s.escrow.clone())
            );
            (e.memo.unwrap_or_default(), e.asset.to_string())
        })
        .collect()
}

/// A second cw20 the escrow may accept but the treasury does not.
fn other_token(s: &mut Suite) -> Addr {
    let client = s.addr("client");
    cw20_token(&mut s.app, &client, "OTH", &[(&client, 1_000_000)]).unwrap()
}

fn send_token(
    s: &mut Suite,
    token: &Addr,
    amount: u128,
    hook: &ReceiveMsg,
) -> AnyResult<AppResponse> {
    let msg = Cw20ExecuteMsg::Send {
        contract: s.escrow.to_string(),
        amount: Uint128::new(amount),
        msg: to_json_binary(hook).unwrap(),
    };
    let client = s.addr("client");
    s.app.execute_contract(client, token.clone(), &msg, &[])
}

#[test]
fn fees_refunds_and_slashes_enter_the_ledger() {
    let mut s = Suite::with_treasury();
    s.register("prov", 5_000).unwrap();
    // a job the client runs for the treasury: refunds and slashes go to it
    let mut msg = s.job_msg(Some("prov"), 100, 10);
    msg.refund_to = Some(s.treasury.to_string());
    let res = s
        .exec_funds("client", &ExecuteMsg::CreateJob(msg), &coins(1_000, PAY))
        .unwrap();
    let id: u64 = attr(&res, "job_id").unwrap().parse().unwrap();
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
        .unwrap();
    s.report(id, 6).unwrap();
    s.dispute(id).unwrap();
    s.resolve(id, 4, 500).unwrap();
    s.claim(&[id]).unwrap();
    s.exec("client", &ExecuteMsg::CompleteJob { job_id: id })
        .unwrap();
    let memo = |what: &str| format!("escrow job {id}: {what}");
    assert_eq!(
        ledger(&s),
        vec![
            (memo("refund"), "200:native:upay".to_string()),
            (memo("slash"), "500:native:ustake".to_string()),
            (memo("fee"), "10:native:upay".to_string()),
            (memo("refund"), "400:native:upay".to_string()),
        ]
    );
    // the treasury holds exactly what its ledger recorded
    assert_eq!(s.bank("treasury", PAY), 610);
    assert_eq!(s.bank("treasury", STAKE), 500);
    assert_eq!(s.bank("escrow", PAY), 0);
}

#[test]
fn cw20_fees_go_through_the_deposit_hook() {
    let mut s = Suite::with_treasury();
    s.register("prov", 5_000).unwrap();
    let msg = s.job_msg(Some("prov"), 50, 4);
    let res = s
        .send_cw20("client", 200, &ReceiveMsg::CreateJob(msg))
        .unwrap();
    let id: u64 = attr(&res, "job_id").unwrap().parse().unwrap();
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
        .unwrap();
    s.report(id, 4).unwrap();
    s.wait(CHALLENGE);
    s.claim(&[id]).unwrap();
    // 200 gross, fee 5
    assert_eq!(
        ledger(&s),
        vec![(
            format!("escrow job {id}: fee"),
            format!("5:cw20:{}", s.token)
        )]
    );
    assert_eq!(s.cw20(&s.treasury.clone()), 5);
    assert_eq!(s.cw20(&s.addr("prov")), 195);
}

#[test]
fn a_cw20_the_treasury_refuses_is_refused_before_funding() {
    let mut s = Suite::with_treasury();
    let other = other_token(&mut s);
    s.update_config(UpdateConfigMsg {
        accepted_assets: Some(vec![
            AssetInfoUnchecked::Native(PAY.into()),
            AssetInfoUnchecked::Cw20(s.token.to_string()),
            AssetInfoUnchecked::Cw20(other.to_string()),
        ]),
        ..UpdateConfigMsg::default()
    })
    .unwrap();
    let treasury = s.treasury.to_string();
    let refused = |payments: &str| ContractError::TreasuryRefusesToken {
        treasury: treasury.clone(),
        token: other.to_string(),
        payments: payments.into(),
    };
    let msg = s.job_msg(None, 10, 2);
    assert_eq!(
        Suite::err(send_token(
            &mut s,
            &other,
            20,
            &ReceiveMsg::CreateJob(msg.clone())
        )),
        refused("fees of this job")
    );
    // with fees going elsewhere, only a job refunding the treasury is refused
    s.update_config(UpdateConfigMsg {
        fee_recipient: Some(s.addr("feeacct").to_string()),
        ..UpdateConfigMsg::default()
    })
    .unwrap();
    let to_treasury = CreateJobMsg {
        refund_to: Some(s.treasury.to_string()),
        ..msg.clone()
    };
    assert_eq!(
        Suite::err(send_token(
            &mut s,
            &other,
            20,
            &ReceiveMsg::CreateJob(to_treasury)
        )),
        refused("refunds of this job")
    );
    let held = |s: &Suite| cw20_balance(&s.app, &other, &s.escrow).unwrap();
    // nothing of the refused attempts stayed in the escrow
    assert_eq!(held(&s), 0);
    send_token(&mut s, &other, 20, &ReceiveMsg::CreateJob(msg)).unwrap();
    assert_eq!(held(&s), 20);
}

#[test]
fn top_up_is_refused_once_the_treasury_drops_the_token() {
    let mut s = Suite::with_treasury();
    let msg = s.job_msg(None, 10, 2);
    let res = s
        .send_cw20("client", 20, &ReceiveMsg::CreateJob(msg))
        .unwrap();
    let id: u64 = attr(&res, "job_id").unwrap().parse().unwrap();
    s.send_cw20("client", 10, &ReceiveMsg::TopUp { job_id: id })
        .unwrap();
    let dao = s.addr("dao");
    let drop = TreasuryMsg::UpdateConfig {
        accepted_cw20s: Some(vec![]),
        spend_limits: None,
    };
    s.app
        .execute_contract(dao, s.treasury.clone(), &drop, &[])
        .unwrap();
    assert_eq!(
        Suite::err(s.send_cw20("client", 10, &ReceiveMsg::TopUp { job_id: id })),
        ContractError::TreasuryRefusesToken {
            treasury: s.treasury.to_string(),
            token: s.token.to_string(),
            payments: "fees of this job".into(),
        }
    );
    // the client can still take its funds back: an open job's refund goes to the client
    s.cancel(id).unwrap();
    assert_eq!(s.cw20(&s.addr("client")), 1_000_000);
}

#[test]
fn a_cw20_stake_the_treasury_refuses_blocks_registration() {
    let mut s = Suite::with_treasury();
    let other = other_token(&mut s);
    let dao = s.addr("dao");
    for (stake, accepted) in [(other.clone(), false), (s.token.clone(), true)] {
        s.escrow = EscrowBuilder::new(
            &dao,
            &s.treasury,
            AssetInfoUnchecked::Native(PAY.into()),
            AssetInfoUnchecked::Cw20(stake.to_string()),
        )
        .with_fee_bps(0)
        .with_treasury(&s.treasury)
        .with_challenge_period(CHALLENGE)
        .with_unbonding(UNBONDING)
        .with_max_job_duration(10_000)
        .instantiate_with(&mut s.app, escrow_contract(), &dao)
        .unwrap();
        let hook = ReceiveMsg::RegisterProvider {
            metadata: metadata("client"),
        };
        let res = send_token(&mut s, &stake, 100, &hook);
        if accepted {
            res.unwrap();
        } else {
            assert_eq!(
                Suite::err(res),
                ContractError::TreasuryRefusesToken {
                    treasury: s.treasury.to_string(),
                    token: other.to_string(),
                    payments: "slashes of jobs refunding the treasury".into(),
                }
            );
        }
    }
}

#[test]
fn a_treasury_that_cannot_answer_is_reported() {
    // the configured treasury is a plain account: its configuration cannot be read
    let mut s = Suite::new();
    let treasury = s.addr("treasury");
    s.update_config(UpdateConfigMsg {
        treasury: Some(treasury.to_string()),
        ..UpdateConfigMsg::default()
    })
    .unwrap();
    let msg = s.job_msg(None, 10, 2);
    let err = Suite::err(s.send_cw20("client", 20, &ReceiveMsg::CreateJob(msg)));
    assert!(
        matches!(&err, ContractError::TreasuryQuery { treasury: t, .. } if *t == treasury.to_string()),
        "{err:?}"
    );
    // native jobs need no answer: any denom can be deposited
    s.create_job(10, 2);
}
