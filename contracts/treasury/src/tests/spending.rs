//! Owner spends within the limit window (tested at the boundary second), and the errors.

use super::*;
use cosmwasm_std::Binary;

#[test]
fn spends_pay_and_are_recorded() {
    let mut s = Suite::new();
    s.deposit_native(1_000);
    let res = s.spend("bob", native(200)).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("spend"));
    assert_eq!(s.native_balance(&s.addr("bob")), 200);
    assert_eq!(s.native_balance(&s.treasury.clone()), 800);
    let token = s.token.clone();
    s.deposit_cw20(&token, 400).unwrap();
    s.spend(
        "bob",
        AssetUnchecked {
            info: AssetInfoUnchecked::Cw20(token.to_string()),
            amount: Uint128::new(150),
        },
    )
    .unwrap();
    assert_eq!(s.cw20_balance(&token, &s.addr("bob")), 150);
    let ledger = s.ledger();
    assert_eq!(ledger.len(), 4);
    assert_eq!(ledger[1].kind, commons::treasury::LedgerKind::Spend);
    assert_eq!(ledger[1].counterparty, s.addr("bob"));
}

#[test]
fn limit_window_edges() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    let start = s
        .limit(AssetInfoUnchecked::Native(DENOM.into()))
        .window_start;
    s.spend("bob", native(300)).unwrap();
    let err = s
        .spend("bob", native(201))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::SpendLimitExceeded {
            asset: "native:ucoin".into(),
            remaining: Uint128::new(200),
            requested: Uint128::new(201),
            window_end: start.plus_seconds(PERIOD),
        }
    );
    s.spend("bob", native(200)).unwrap();
    // one second before the window ends: nothing left
    s.app.update_block(|b| {
        b.height += 1;
        b.time = start.plus_seconds(PERIOD - 1);
    });
    let err = s
        .spend("bob", native(1))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::SpendLimitExceeded { .. }));
    // at the boundary second a fresh window opens
    s.app.update_block(|b| {
        b.height += 1;
        b.time = start.plus_seconds(PERIOD);
    });
    let l = s.limit(AssetInfoUnchecked::Native(DENOM.into()));
    assert_eq!((l.spent.u128(), l.remaining.u128()), (0, LIMIT));
    assert_eq!(l.window_end, start.plus_seconds(2 * PERIOD));
    s.spend("bob", native(500)).unwrap();
    assert_eq!(s.native_balance(&s.addr("bob")), 1_000);
}

#[test]
fn spend_errors_move_nothing() {
    let mut s = Suite::new();
    s.deposit_native(100);
    let before = s.ledger().len();
    // above the balance
    let err = s
        .spend("bob", native(101))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::InsufficientFunds {
            asset: "native:ucoin".into(),
            available: Uint128::new(100),
            requested: Uint128::new(101),
        }
    );
    // a denom the treasury does not hold (and has no limit for)
    let err = s
        .spend(
            "bob",
            AssetUnchecked {
                info: AssetInfoUnchecked::Native("uother".into()),
                amount: Uint128::new(1),
            },
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::NoSpendLimit {
            asset: "native:uother".into()
        }
    );
    // a limited asset the treasury does not hold
    let token = s.token.to_string();
    let err = s
        .spend(
            "bob",
            AssetUnchecked {
                info: AssetInfoUnchecked::Cw20(token),
                amount: Uint128::new(1),
            },
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(
        matches!(err, ContractError::InsufficientFunds { available, .. } if available.is_zero())
    );
    assert_eq!(
        s.spend("bob", native(0))
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap(),
        ContractError::ZeroAmount
    );
    let err = s
        .exec(
            "dao",
            &ExecuteMsg::Spend {
                recipient: "BOB".into(),
                asset: native(1),
                memo: None,
            },
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAddress { .. }));
    let err = s
        .exec(
            "dao",
            &ExecuteMsg::Spend {
                recipient: s.addr("bob").to_string(),
                asset: AssetUnchecked {
                    info: AssetInfoUnchecked::Native("x".into()),
                    amount: Uint128::new(1),
                },
                memo: None,
            },
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAsset { .. }));
    // not the owner
    let bob = s.addr("bob").to_string();
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::Spend {
            recipient: bob.clone(),
            asset: native(1),
            memo: None,
        },
    );
    assert_eq!(
        err,
        ContractError::NotOwner {
            action: "spend".into()
        }
    );
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::SpendToContract {
            contract: bob,
            asset: native(1),
            msg: Binary::default(),
            memo: None,
        },
    );
    assert_eq!(
        err,
        ContractError::NotOwner {
            action: "spend".into()
        }
    );
    assert_eq!(s.ledger().len(), before);
    assert_eq!(s.native_balance(&s.treasury.clone()), 100);
    // funds sent with a spend are refused
    s.app
        .init_modules(|r, _, st| {
            r.bank
                .init_balance(st, &App::default().api().addr_make("dao"), coins(5, DENOM))
        })
        .unwrap();
    let err = s
        .exec_funds(
            "dao",
            &ExecuteMsg::Spend {
                recipient: s.addr("bob").to_string(),
                asset: native(1),
                memo: None,
            },
            &coins(5, DENOM),
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
}

#[test]
fn spend_to_contract_sends_cw20_with_the_payload() {
    let mut s = Suite::new();
    let token = s.token.clone();
    s.deposit_cw20(&token, 400).unwrap();
    // the treasury pays into another treasury's deposit hook: cw20 `send` with the payload
    let dao = s.addr("dao");
    let second = TreasuryBuilder::new(&dao)
        .with_cw20(&token)
        .with_change_delay(DELAY)
        .instantiate_with(&mut s.app, treasury_contract(), &dao)
        .unwrap();
    let msg = to_json_binary(&ReceiveMsg::Deposit {
        memo: Some("transfer".into()),
    })
    .unwrap();
    s.exec(
        "dao",
        &ExecuteMsg::SpendToContract {
            contract: second.to_string(),
            asset: AssetUnchecked {
                info: AssetInfoUnchecked::Cw20(token.to_string()),
                amount: Uint128::new(250),
            },
            msg,
            memo: None,
        },
    )
    .unwrap();
    assert_eq!(s.cw20_balance(&token, &second), 250);
    let ledger: LedgerResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            second.clone(),
            &QueryMsg::Ledger {
                start_after: None,
                limit: None,
                reverse: None,
            },
        )
        .unwrap();
    assert_eq!(ledger.entries[0].counterparty, s.treasury);
    // native: sent as funds of the execution
    s.deposit_native(100);
    let msg = to_json_binary(&ExecuteMsg::Deposit { memo: None }).unwrap();
    s.exec(
        "dao",
        &ExecuteMsg::SpendToContract {
            contract: second.to_string(),
            asset: native(60),
            msg,
            memo: None,
        },
    )
    .unwrap();
    assert_eq!(s.native_balance(&second), 60);
}
