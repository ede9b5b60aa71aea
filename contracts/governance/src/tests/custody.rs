//! Deposits held apart: no `custom` action can pay them away, a settlement that cannot be
//! delivered never blocks `execute` or `close` (`claim_deposit` delivers it later), and an
//! executed proposal's actions never run again through a later proposal.

use super::*;
use commons::asset::{Asset, AssetInfo, AssetInfoUnchecked};
use commons::governance::{DepositConfigUnchecked, RefundPolicy};
use cosmwasm_std::{coins, to_json_binary, BankMsg, CosmosMsg, WasmMsg};

const FEE: u128 = 50;

/// Governance with a treasury and a native deposit of `FEE` ucoin under `refund`; alice, bob
/// and carol have 1_000 ucoin each.
fn custody(refund: RefundPolicy) -> Suite {
    let mut s = Suite::with_treasury(|m| {
        m.proposal_deposit = Some(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Native("ucoin".into()),
            amount: Uint128::new(FEE),
            refund,
        });
    });
    let wallets: Vec<Addr> = ["alice", "bob", "carol"]
        .iter()
        .map(|m| s.addr(m))
        .collect();
    s.app
        .init_modules(|r, _, st| -> AnyResult<()> {
            for w in &wallets {
                r.bank.init_balance(st, w, coins(1_000, "ucoin"))?;
            }
            Ok(())
        })
        .unwrap();
    s
}

/// `who`'s proposal, with the deposit.
fn propose(s: &mut Suite, who: &str, actions: Vec<ProposalAction>) -> u64 {
    s.propose_paying(who, actions, &coins(FEE, "ucoin"))
        .unwrap()
}

fn pay_from_governance(to: &Addr, amount: u128) -> ProposalAction {
    ProposalAction::Custom {
        msgs: vec![BankMsg::Send {
            to_address: to.to_string(),
            amount: coins(amount, "ucoin"),
        }
        .into()],
    }
}

#[test]
fn custom_actions_cannot_pay_away_the_deposits_and_every_proposer_gets_its_due() {
    let mut s = custody(RefundPolicy::OnlyPassed);
    let (mallory, gov) = (s.addr("mallory"), s.gov.clone());
    // three proposals hold 150 in deposits: one will pass, one be rejected, one expire
    let mint = mint_action(&s, "carol", 1);
    let passes = propose(&mut s, "bob", vec![mint]);
    let rejected = propose(&mut s, "carol", vec![]);
    let expires = propose(&mut s, "bob", vec![]);
    // someone also sent governance 30 ucoin that are no deposit
    let carol = s.addr("carol");
    s.app
        .send_tokens(carol.clone(), gov.clone(), &coins(30, "ucoin"))
        .unwrap();
    // the drain: governance's whole balance (its 150 of deposits, its own 50 and the 30)
    let drain = propose(&mut s, "alice", vec![pay_from_governance(&mallory, 230)]);
    // taking only what is not a deposit works
    let surplus = propose(&mut s, "alice", vec![pay_from_governance(&mallory, 30)]);
    for id in [passes, expires, drain, surplus] {
        s.pass(id);
    }
    s.vote("alice", rejected, Vote::No).unwrap();
    s.vote("bob", rejected, Vote::No).unwrap();
    let at = s.proposal(drain).executable_at.unwrap();
    s.go_to(at);
    s.execute_proposal(drain).unwrap();
    let p = s.proposal(drain);
    assert_eq!(p.status, Status::ExecutionFailed);
    assert!(
        p.execution_error.as_deref().unwrap().contains("deposits"),
        "{:?}",
        p.execution_error
    );
    assert_eq!(s.ucoin(&mallory), 0);
    s.execute_proposal(surplus).unwrap();
    assert_eq!(s.status(surplus), Status::Executed);
    assert_eq!(s.ucoin(&mallory), 30);
    // every other proposal still executes or closes, and its proposer gets what the policy
    // promises: the passed ones their deposits, the rejected one nothing
    s.execute_proposal(passes).unwrap();
    assert_eq!(s.status(passes), Status::Executed);
    s.exec(
        "anyone",
        &ExecuteMsg::Close {
            proposal_id: rejected,
        },
    )
    .unwrap();
    let window_end = s.proposal(expires).execution_deadline.unwrap();
    s.go_to(window_end);
    s.exec(
        "anyone",
        &ExecuteMsg::Close {
            proposal_id: expires,
        },
    )
    .unwrap();
    // bob: two refunds; carol: forfeited, minus the 30 she sent; alice: both refunded
    assert_eq!(s.ucoin(&s.addr("bob")), 1_000);
    assert_eq!(s.ucoin(&carol), 1_000 - FEE - 30);
    assert_eq!(s.ucoin(&s.addr("alice")), 1_000);
    let treasury = s.treasury.clone().unwrap();
    assert_eq!(s.ucoin(&treasury), FEE);
    assert_eq!(s.ucoin(&gov), 0);
}

#[test]
fn an_executed_proposal_never_runs_again_through_a_custom_action() {
    let mut s = Suite::new();
    let gov = s.gov.clone();
    let eve = s.addr("eve");
    // two mints: its actions run in one call to governance itself
    let (a, b) = (mint_action(&s, "eve", 100), mint_action(&s, "eve", 100));
    let first = s.propose("alice", vec![a, b]).unwrap();
    let at = s.pass(first);
    s.go_to(at);
    s.execute_proposal(first).unwrap();
    assert_eq!(s.balance(&eve), 200);
    // a later proposal replays it
    let replay = ProposalAction::Custom {
        msgs: vec![CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr: gov.to_string(),
            msg: to_json_binary(&ExecuteMsg::RunActions { proposal_id: first }).unwrap(),
            funds: vec![],
        })],
    };
    let second = s.propose("alice", vec![replay]).unwrap();
    let at = s.pass(second);
    s.go_to(at);
    s.execute_proposal(second).unwrap();
    let p = s.proposal(second);
    assert_eq!(p.status, Status::ExecutionFailed);
    assert!(
        p.execution_error
            .as_deref()
            .unwrap()
            .contains("not being executed"),
        "{:?}",
        p.execution_error
    );
    assert_eq!(s.balance(&eve), 200, "nothing minted twice");
    // and nobody else can call it
    let err = s.exec_err("alice", &ExecuteMsg::RunActions { proposal_id: first });
    assert!(matches!(err, ContractError::OnlyGovernance { .. }));
}

#[test]
fn actions_known_to_fail_by_then_are_refused_at_propose() {
    let mut s = Suite::with_treasury(|_| {});
    let now = s.app.block_info().time;
    // it would execute at now + voting + timelock, at the earliest
    let execute_at = now.plus_seconds(VOTING + DELAY);
    let wg = s.addr("wg").to_string();
    let mint = mint_action(&s, "x", 1);
    let budget = |expires| ProposalAction::TreasurySetBudget {
        spender: wg.clone(),
        asset_info: AssetInfoUnchecked::Native("ucoin".into()),
        amount_per_period: Uint128::new(5),
        period_seconds: 100,
        expires: Some(expires),
    };
    for expires in [execute_at, execute_at.minus_seconds(1)] {
        let err = s
            .propose("alice", vec![mint.clone(), budget(expires)])
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap();
        match err {
            ContractError::InvalidAction { index: 1, reason } => {
                assert!(reason.contains("expire"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
    }
    s.propose("alice", vec![budget(execute_at.plus_seconds(1))])
        .unwrap();
}

#[test]
fn claim_deposit_needs_an_undelivered_settlement() {
    let mut s = custody(RefundPolicy::Always);
    let id = propose(&mut s, "alice", vec![]);
    let err = s.exec_err("alice", &ExecuteMsg::ClaimDeposit { proposal_id: id });
    assert_eq!(err, ContractError::NoUndeliveredDeposit { proposal_id: id });
    assert_eq!(s.proposal(id).deposit_undelivered, None);
    let held = s.proposal(id).deposit;
    assert_eq!(
        held,
        Some(Asset {
            info: AssetInfo::Native("ucoin".into()),
            amount: Uint128::new(FEE)
        })
    );
}
