//! Deposits: native by anyone, cw20 only from accepted tokens; all in the ledger.

use super::*;
use commons::treasury::{BalancesResponse, LedgerKind};
use cw_utils::PaymentError;

#[test]
fn native_and_cw20_deposits_are_recorded() {
    let mut s = Suite::new();
    let res = s
        .exec_funds(
            "alice",
            &ExecuteMsg::Deposit {
                memo: Some("seed".into()),
            },
            &coins(700, DENOM),
        )
        .unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("deposit"));
    assert_eq!(attr(&res, "ledger_id").as_deref(), Some("1"));
    let token = s.token.clone();
    s.deposit_cw20(&token, 300).unwrap();
    let ledger = s.ledger();
    assert_eq!(ledger.len(), 2);
    assert_eq!(ledger[0].kind, LedgerKind::Deposit);
    assert_eq!(ledger[0].asset.amount.u128(), 700);
    assert_eq!(ledger[0].counterparty, s.addr("alice"));
    assert_eq!(ledger[0].memo.as_deref(), Some("seed"));
    assert_eq!(ledger[0].height, s.app.block_info().height);
    assert_eq!(
        ledger[1].asset.info,
        commons::AssetInfo::Cw20(token.clone())
    );
    assert_eq!(
        ledger[1].counterparty,
        s.addr("alice"),
        "the depositor, not the token contract"
    );
    let b: BalancesResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.treasury.clone(),
            &QueryMsg::Balances {
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(b.native, coins(700, DENOM));
    assert_eq!(
        (b.cw20[0].token.clone(), b.cw20[0].amount.u128()),
        (token, 300)
    );
}

#[test]
fn unaccepted_tokens_and_bad_payloads_are_refused() {
    let mut s = Suite::new();
    let other = s.other_token.clone();
    let err = s
        .deposit_cw20(&other, 10)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::UnacceptedToken {
            token: other.to_string()
        }
    );
    // an unknown receive payload
    let alice = s.addr("alice");
    let send = Cw20ExecuteMsg::Send {
        contract: s.treasury.to_string(),
        amount: Uint128::new(10),
        msg: to_json_binary(&serde_json_wasm_free::Unknown { steal: true }).unwrap(),
    };
    let err = s
        .app
        .execute_contract(alice.clone(), s.token.clone(), &send, &[])
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Std(_)
    ));
    assert_eq!(s.cw20_balance(&s.token.clone(), &alice), 10_000);
    // a token contract calling receive directly, pretending to be accepted, is still the sender
    let err = s
        .exec(
            "alice",
            &ExecuteMsg::Receive(cw20::Cw20ReceiveMsg {
                sender: alice.to_string(),
                amount: Uint128::new(5),
                msg: to_json_binary(&ReceiveMsg::Deposit { memo: None }).unwrap(),
            }),
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::UnacceptedToken {
            token: alice.to_string()
        }
    );
    assert!(s.ledger().is_empty());
}

mod serde_json_wasm_free {
    #[cosmwasm_schema::cw_serde]
    pub struct Unknown {
        pub steal: bool,
    }
}

#[test]
fn deposits_need_funds_and_short_memos() {
    let mut s = Suite::new();
    let err = s.exec_err("alice", &ExecuteMsg::Deposit { memo: None });
    assert_eq!(err, ContractError::Payment(PaymentError::NoFunds {}));
    let err = s
        .exec_funds(
            "alice",
            &ExecuteMsg::Deposit {
                memo: Some("x".repeat(257)),
            },
            &coins(1, DENOM),
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::MemoTooLong { len: 257, max: 256 });
    assert_eq!(s.native_balance(&s.treasury.clone()), 0);
}
