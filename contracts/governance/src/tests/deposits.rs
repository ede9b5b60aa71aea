//! Proposal deposits: exact amounts, refund policies, vetoed deposits forfeited.

use super::*;
use commons::governance::{DepositConfigUnchecked, ReceiveMsg, RefundPolicy};
use commons::AssetInfoUnchecked;
use cosmwasm_std::{coins, to_json_binary};
use cw_utils::PaymentError;

const FEE: u128 = 50;

fn native_suite(refund: RefundPolicy) -> Suite {
    let mut s = Suite::with_treasury(|m| {
        m.proposal_deposit = Some(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Native("ucoin".into()),
            amount: Uint128::new(FEE),
            refund,
        });
    });
    let alice = s.addr("alice");
    s.app
        .init_modules(|r, _, st| r.bank.init_balance(st, &alice, coins(1_000, "ucoin")))
        .unwrap();
    s
}

fn coin_balance(s: &Suite, who: &str) -> u128 {
    let addr = match who {
        "treasury" => s.treasury.clone().unwrap(),
        name => s.addr(name),
    };
    s.ucoin(&addr)
}

/// The treasury's ledger entries (forfeits arrive as deposits).
fn treasury_ledger(s: &Suite) -> Vec<commons::treasury::LedgerEntry> {
    let treasury = s.treasury.clone().unwrap();
    commons_testing::treasury::ledger(&s.app, &treasury).unwrap()
}

fn reject(s: &mut Suite, id: u64) {
    s.vote("alice", id, Vote::No).unwrap();
    s.vote("bob", id, Vote::No).unwrap();
}

#[test]
fn native_deposit_must_be_exact() {
    let mut s = native_suite(RefundPolicy::Always);
    let err = s
        .propose_paying("alice", vec![], &coins(FEE - 1, "ucoin"))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::WrongDeposit {
            expected: "50:native:ucoin".into(),
            got: "49:native:ucoin".into()
        }
    );
    let err = s
        .propose_paying("alice", vec![], &[])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::Payment(PaymentError::NoFunds {}));
    s.app
        .init_modules(|r, _, st| {
            r.bank.init_balance(
                st,
                &App::default().api().addr_make("alice"),
                vec![
                    cosmwasm_std::Coin::new(1_000u128, "ucoin"),
                    cosmwasm_std::Coin::new(1_000u128, "uother"),
                ],
            )
        })
        .unwrap();
    let err = s
        .propose_paying("alice", vec![], &coins(FEE, "uother"))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::Payment(PaymentError::MissingDenom("ucoin".into()))
    );
    let id = s
        .propose_paying("alice", vec![], &coins(FEE, "ucoin"))
        .unwrap();
    assert_eq!(s.proposal(id).deposit.unwrap().amount.u128(), FEE);
    assert_eq!(coin_balance(&s, "alice"), 1_000 - FEE);
}

#[test]
fn always_refunds_rejected() {
    let mut s = native_suite(RefundPolicy::Always);
    let id = s
        .propose_paying("alice", vec![], &coins(FEE, "ucoin"))
        .unwrap();
    reject(&mut s, id);
    let res = s
        .exec("anyone", &ExecuteMsg::Close { proposal_id: id })
        .unwrap();
    assert_eq!(attr(&res, "deposit").as_deref(), Some("refunded"));
    assert_eq!(coin_balance(&s, "alice"), 1_000);
    assert!(s.proposal(id).deposit_settled);
}

#[test]
fn only_passed_forfeits_rejected_and_refunds_executed() {
    let mut s = native_suite(RefundPolicy::OnlyPassed);
    let rejected = s
        .propose_paying("alice", vec![], &coins(FEE, "ucoin"))
        .unwrap();
    let passed = s
        .propose_paying("alice", vec![], &coins(FEE, "ucoin"))
        .unwrap();
    reject(&mut s, rejected);
    s.exec(
        "anyone",
        &ExecuteMsg::Close {
            proposal_id: rejected,
        },
    )
    .unwrap();
    assert_eq!(coin_balance(&s, "treasury"), FEE);
    let ledger = treasury_ledger(&s);
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].counterparty, s.gov);
    assert_eq!(
        ledger[0].memo.as_deref(),
        Some("forfeited deposit of proposal 1")
    );
    let at = s.pass(passed);
    s.go_to(at);
    let res = s.execute_proposal(passed).unwrap();
    assert_eq!(attr(&res, "deposit").as_deref(), Some("refunded"));
    assert_eq!(coin_balance(&s, "alice"), 1_000 - FEE);
    assert_eq!(
        s.app
            .wrap()
            .query_balance(s.gov.clone(), "ucoin")
            .unwrap()
            .amount
            .u128(),
        0
    );
}

#[test]
fn never_refunds_and_vetoed_is_always_forfeited() {
    let mut s = native_suite(RefundPolicy::Never);
    let id = s
        .propose_paying("alice", vec![], &coins(FEE, "ucoin"))
        .unwrap();
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    assert_eq!(coin_balance(&s, "treasury"), FEE);

    let mut s = native_suite(RefundPolicy::Always);
    let id = s
        .propose_paying("alice", vec![], &coins(FEE, "ucoin"))
        .unwrap();
    s.vote("alice", id, Vote::Veto).unwrap();
    let res = s
        .exec("anyone", &ExecuteMsg::Close { proposal_id: id })
        .unwrap();
    assert_eq!(attr(&res, "closed_as").as_deref(), Some("vetoed"));
    assert_eq!(attr(&res, "deposit").as_deref(), Some("forfeited"));
    assert_eq!(coin_balance(&s, "treasury"), FEE);
    assert_eq!(coin_balance(&s, "alice"), 1_000 - FEE);
}

fn token_suite(refund: RefundPolicy) -> Suite {
    Suite::with(|m| {
        m.proposal_deposit = Some(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(m.token.clone().unwrap()),
            amount: Uint128::new(FEE),
            refund,
        });
    })
}

fn propose_with_tokens(s: &mut Suite, amount: u128) -> AnyResult<u64> {
    let msg = ReceiveMsg::Propose {
        title: "t".into(),
        description: String::new(),
        actions: vec![],
    };
    let send = TokenMsg::Send {
        contract: s.gov.to_string(),
        amount: Uint128::new(amount),
        msg: to_json_binary(&msg).unwrap(),
    };
    let res = s.token_exec("alice", &send)?;
    Ok(attr(&res, "proposal_id").unwrap().parse()?)
}

#[test]
fn vetoed_token_deposit_is_burned() {
    let mut s = token_suite(RefundPolicy::Always);
    let id = propose_with_tokens(&mut s, FEE).unwrap();
    assert_eq!(s.balance(&s.addr("alice")), 400 - FEE);
    assert_eq!(s.balance(&s.gov.clone()), FEE);
    s.next_block(5);
    s.vote("alice", id, Vote::Veto).unwrap();
    let res = s
        .exec("anyone", &ExecuteMsg::Close { proposal_id: id })
        .unwrap();
    assert_eq!(attr(&res, "deposit").as_deref(), Some("burned"));
    assert_eq!(s.balance(&s.gov.clone()), 0);
    let supply: commons::reward_token::SupplyResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.token.clone(), &commons::reward_token::QueryMsg::Supply {})
        .unwrap();
    assert_eq!(supply.burned_total.u128(), FEE);
    assert_eq!(supply.total_supply.u128(), 1_000 - FEE);
}

#[test]
fn token_deposit_refunded_after_execution_and_wrong_amounts_refused() {
    let mut s = token_suite(RefundPolicy::OnlyPassed);
    let err = propose_with_tokens(&mut s, FEE + 1)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::WrongDeposit { .. }));
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::Propose {
            title: "t".into(),
            description: String::new(),
            actions: vec![],
        },
    );
    assert_eq!(
        err,
        ContractError::DepositViaCw20 {
            asset: s.token.to_string(),
            amount: Uint128::new(FEE)
        }
    );
    let id = propose_with_tokens(&mut s, FEE).unwrap();
    // the deposit reached governance in the creation block, after the snapshot
    assert_eq!(s.proposal(id).total_power.u128(), 1_000);
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    assert_eq!(s.balance(&s.addr("alice")), 400);
}

#[test]
fn cw20_from_other_tokens_or_without_deposit_is_refused() {
    let mut s = Suite::new();
    let err = propose_with_tokens(&mut s, FEE)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::NoDepositRequired);
    let mut s = native_suite(RefundPolicy::Always);
    let err = propose_with_tokens(&mut s, FEE)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::UnexpectedCw20 {
            token: s.token.to_string()
        }
    );
}

#[test]
fn unknown_cw20_payload_is_refused() {
    let mut s = token_suite(RefundPolicy::Always);
    let send = TokenMsg::Send {
        contract: s.gov.to_string(),
        amount: Uint128::new(FEE),
        msg: to_json_binary(&"vote for me").unwrap(),
    };
    let err = s
        .token_exec("alice", &send)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::Std(_)), "{err:?}");
    assert_eq!(s.balance(&s.addr("alice")), 400);
}
